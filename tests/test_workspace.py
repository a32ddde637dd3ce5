"""Whole-repository runs: exclude patterns (checked against git itself), discovery, files
changed since a git revision, --jobs, and the content-hash cache."""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from resolint.document.diagnostics import Applicability, Diagnostic, Edit, Fix, Severity
from resolint.document.span import Span
from resolint.linter import cache as cache_module
from resolint.linter import runner
from resolint.linter.cache import LintCache, tool_fingerprint
from resolint.linter.config import ConfigResolver
from resolint.linter.patterns import PathPatterns
from resolint.linter.runner import CheckOptions, check_files
from resolint.linter.workspace import Discovery

from .conftest import ROOT, corpus_files, require
from .test_cli import DRAFT, err, out, run

TREE = [
    "top.md", "a.md", "b.md", "c.txt", "drafts/x.md", "x/drafts/y.md", "a/z.md", "a/b/z.md", "a/b/c/z.md",
    "old/one.md", "old/keep.md", "x/old/two.md", "doc1/x.md", "docs/x.md", "archive/r.md", "archive/sub/r.md",
    "sub/keep.md", "sub/other.md", "foo/bar", "x/foo/bar", "#hash.md", "trailing.md", "deep/file.md",
    "q/deep/w/file.md", "aXXb.md", "ab.md", "sp ace.md", "x/top.md", "[x].md", "!bang.md",
    "[.md", "]x.md", "a-b.md", "a].md", "d.md", "e.md", "-.md", "z.md",
]
PATTERN_SETS = [
    ["*.txt"],
    ["drafts/"],
    ["/top.md"],
    ["top.md"],
    ["a/**/z.md"],
    ["**/old"],
    ["old/*.md", "!old/keep.md"],
    ["doc?/x.md"],
    ["[ab]*.md"],
    ["[!a]*.md"],
    ["archive/**"],
    ["sub/", "!sub/keep.md"],
    ["*", "!*/", "!*.md"],
    ["foo/bar"],
    ["\\#hash.md"],
    ["trailing.md   "],
    ["**/deep/**/file.md"],
    ["a**b.md"],
    ["sp ace.md", "# a comment", ""],
    ["\\[x\\].md", "\\!bang.md"],
    ["x/", "!x/top.md"],
    ["*.md", "!a*.md", "a/"],
    ["[.md"],
    ["[]x]*.md", "a[-]b.md", "a[]]*"],
    ["[!]]*.md"],
    ["[z-a]*.md"],  # a reversed range: its first character only (Python's re refuses it)
    ["[z-ab]*.md"],
    ["[a-c-e].md"],
    ["[!z-a].md"],
]


def _git_ignored(root: Path, patterns: list[str]) -> set[str]:
    (root / ".gitignore").write_text("\n".join(patterns) + "\n", encoding="utf-8")
    result = subprocess.run(
        ["git", "ls-files", "-z", "--others", "--ignored", "--exclude-standard"], cwd=root, capture_output=True, check=True,
    )
    return {name for name in result.stdout.decode("utf-8").split("\0") if name and name != ".gitignore"}


@pytest.fixture(scope="module")
def tree(tmp_path_factory):
    require(shutil.which("git") is not None, "git is not installed")
    root = tmp_path_factory.mktemp("tree")
    subprocess.run(["git", "init", "-q"], cwd=root, check=True)
    for name in TREE:
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text("x\n", encoding="utf-8")
    return root


@pytest.mark.parametrize("patterns", PATTERN_SETS, ids=lambda p: " | ".join(p))
def test_exclude_patterns_match_as_git_does(tree, patterns):
    expected = _git_ignored(tree, patterns)
    matcher = PathPatterns(patterns)
    actual = {name for name in TREE if matcher.excludes(name)}
    assert actual == expected


def _project(tmp_path: Path, config: str) -> Path:
    project = tmp_path / "project"
    for name in ("a.md", "README.md", "archive/old.md", "drafts/b.md", "drafts/notes.txt", "drafts/skip.md",
                 "node_modules/pkg/readme.md", ".hidden/c.md", "image.png"):
        (project / name).parent.mkdir(parents=True, exist_ok=True)
        (project / name).write_text("*The General Assembly*,\n\n1. *Decides* to act.\n", encoding="utf-8")
    (project / "pyproject.toml").write_text(config, encoding="utf-8")
    return project


def _found(project: Path, names: list[str], **options) -> list[str]:
    discovery = Discovery(ConfigResolver(), **options)
    return [path.relative_to(project).as_posix() for path in discovery.files([str(project / name) for name in names])]


def test_discovery_applies_exclude_relative_to_the_config_file(tmp_path):
    project = _project(tmp_path, '[tool.resolint]\nexclude = ["archive/", "/README.md", "skip.md"]\n')
    (project / "drafts" / ".resolint.toml").write_text('exclude = ["/notes.txt"]\n', encoding="utf-8")
    assert _found(project, ["."]) == ["a.md", "drafts/b.md", "drafts/skip.md"]  # drafts/ has its own config
    assert _found(project, ["README.md", "archive/old.md"]) == ["README.md", "archive/old.md"]  # named: linted
    assert _found(project, ["README.md", "archive/old.md", "a.md"], force_exclude=True) == ["a.md"]
    assert _found(project, ["a.md", ".", "a.md"]) == ["a.md", "drafts/b.md", "drafts/skip.md"]  # each once


def test_check_with_force_exclude_from_the_command_line(tmp_path):
    project = _project(tmp_path, '[tool.resolint]\nexclude = ["README.md"]\n')
    result = run("check", "--force-exclude", "README.md", "a.md", cwd=project)
    assert result.returncode == 0 and "Found 0 problems in 1 file." in err(result)


def _git(cwd: Path, *arguments: str) -> None:
    subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *arguments], cwd=cwd, check=True,
                   capture_output=True)


def test_changed_since_lints_only_what_a_pull_request_changes(tmp_path):
    require(shutil.which("git") is not None, "git is not installed")
    repo = tmp_path / "repo"
    repo.mkdir()
    slip = "*The General Assembly*,\n\n2. *Decides* to act.\n"
    for name in ("same.md", "edited.md", "deleted.md", "sub/committed.md"):
        (repo / name).parent.mkdir(exist_ok=True)
        (repo / name).write_text(slip, encoding="utf-8")
    _git(repo, "init", "-q", "-b", "main")
    _git(repo, "add", ".")
    _git(repo, "commit", "-q", "-m", "base")
    _git(repo, "checkout", "-q", "-b", "feature")
    (repo / "sub" / "committed.md").write_text(slip + "\n", encoding="utf-8")
    _git(repo, "commit", "-q", "-am", "change")
    (repo / "edited.md").write_text(slip + "\n\n", encoding="utf-8")
    (repo / "deleted.md").unlink()
    (repo / "staged.md").write_text(slip, encoding="utf-8")
    _git(repo, "add", "staged.md")
    (repo / "untracked.md").write_text(slip, encoding="utf-8")
    result = run("check", "--changed-since", "main", ".", cwd=repo)
    linted = sorted({line.split(":")[0] for line in out(result).splitlines()})
    assert linted == ["edited.md", "staged.md", "sub/committed.md", "untracked.md"]
    inside = run("check", "--changed-since", "main", ".", cwd=repo / "sub")
    assert {line.split(":")[0] for line in out(inside).splitlines()} == {"committed.md"}
    bad = run("check", "--changed-since", "no-such-branch", ".", cwd=repo)
    assert bad.returncode == 2 and len(err(bad).splitlines()) == 1 and "--changed-since" in err(bad)
    outside = run("check", "--changed-since", "main", str(DRAFT), cwd=tmp_path)
    assert outside.returncode == 2 and "not a git repository" in err(outside)


def test_jobs_keep_results_in_input_order(tmp_path, monkeypatch):
    files = corpus_files("en-drafts") or [DRAFT]
    require(sum(len(f.read_text(encoding="utf-8")) for f in files) >= runner.PARALLEL_FROM, "the corpus drafts are absent")
    serial = check_files(files, ConfigResolver(), CheckOptions(jobs=1))
    original = runner._lint

    def lint_and_note_the_process(job):
        (tmp_path / f"pid-{os.getpid()}").touch()
        return original(job)

    lint_and_note_the_process.__qualname__ = "_lint"  # sent to the workers by reference, as runner._lint
    lint_and_note_the_process.__module__ = runner.__name__
    monkeypatch.setattr(runner, "_lint", lint_and_note_the_process)
    parallel = check_files(files, ConfigResolver(), CheckOptions(jobs=2))
    assert {path.name for path in tmp_path.glob("pid-*")} - {f"pid-{os.getpid()}"}, "no worker process linted"
    assert [r.display for r in parallel] == [str(f) for f in files]
    assert [r.diagnostics for r in parallel] == [r.diagnostics for r in serial]
    one = run("check", "--no-cache", "--format", "json", "-j", "1", *map(str, files))
    two = run("check", "--no-cache", "--format", "json", "-j", "2", *map(str, files))
    assert out(one) == out(two) and one.returncode == two.returncode
    assert run("check", "-j", "0", str(DRAFT)).returncode == 2


# --- The content-hash cache -----------------------------------------------------------------

def _lint(paths, folder: Path, **config) -> list:
    cache = LintCache(folder)
    return check_files(paths, ConfigResolver(**config), CheckOptions(), cache)


def test_cache_answers_an_unchanged_rerun_with_the_same_findings(tmp_path):
    draft = tmp_path / "draft.md"
    shutil.copy(DRAFT, draft)
    first = _lint([draft], tmp_path / "cache")
    second = _lint([draft], tmp_path / "cache")
    assert not first[0].cached and second[0].cached
    assert second[0].diagnostics == first[0].diagnostics  # fixes, spans and urls survive the round trip
    assert any(d.fix for d in second[0].diagnostics) and all(d.url for d in second[0].diagnostics)
    assert (tmp_path / "cache" / ".gitignore").read_text(encoding="utf-8").splitlines()[-1] == "*"


def test_cache_is_invalidated_by_content_config_and_tool(tmp_path, monkeypatch):
    draft = tmp_path / "draft.md"
    shutil.copy(DRAFT, draft)
    folder = tmp_path / "cache"
    _lint([draft], folder)
    draft.write_text(draft.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert not _lint([draft], folder)[0].cached  # content
    assert _lint([draft], folder)[0].cached
    assert not _lint([draft], folder, select=("ST004",))[0].cached  # resolved configuration (rule set)
    (tmp_path / ".resolint.toml").write_text('[severity]\nST004 = "info"\n', encoding="utf-8")
    changed = _lint([draft], folder)[0]
    assert not changed.cached and {d.severity.label for d in changed.diagnostics if d.code == "ST004"} == {"info"}
    monkeypatch.setattr(cache_module, "__version__", "99.0")  # another resolint version
    cache_module.tool_fingerprint.cache_clear()
    try:
        assert not _lint([draft], folder)[0].cached
        assert len(list(folder.glob("lint-*.json"))) == 1  # the old version's file is gone
    finally:
        cache_module.tool_fingerprint.cache_clear()


def test_tool_fingerprint_covers_rules_and_data(tmp_path, monkeypatch):
    package = tmp_path / "resolint"
    shutil.copytree(ROOT / "resolint", package, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(cache_module, "_PACKAGE", package)
    fingerprints = []
    for change in ("rules/structure/operative_numbering.py", "rules/data/es/structure.toml", "grammar/resolution.lark"):
        cache_module.tool_fingerprint.cache_clear()
        fingerprints.append(tool_fingerprint())
        with (package / change).open("a", encoding="utf-8") as stream:
            stream.write("\n# changed\n")
    cache_module.tool_fingerprint.cache_clear()
    fingerprints.append(tool_fingerprint())
    cache_module.tool_fingerprint.cache_clear()
    assert len(set(fingerprints)) == 4


def test_a_broken_or_unwritable_cache_only_costs_speed(tmp_path):
    draft = tmp_path / "draft.md"
    shutil.copy(DRAFT, draft)
    folder = tmp_path / "cache"
    _lint([draft], folder)
    for file in folder.glob("lint-*.json"):
        file.write_text("{not json", encoding="utf-8")
    assert not _lint([draft], folder)[0].cached
    assert _lint([draft], folder)[0].cached
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the cache folder would go", encoding="utf-8")
    result = run("check", "--cache-dir", str(blocked / "cache"), str(draft))
    assert result.returncode == 1 and "Traceback" not in err(result) and "ST004" in out(result)


def test_fix_still_fixes_a_cached_file(tmp_path):
    draft = tmp_path / "draft.md"
    shutil.copy(DRAFT, draft)
    folder = str(tmp_path / "cache")
    run("check", "--cache-dir", folder, str(draft))
    run("check", "--cache-dir", folder, "--fix", str(draft))
    assert draft.read_text(encoding="utf-8") != DRAFT.read_text(encoding="utf-8")
    after = run("check", "--cache-dir", folder, "--format", "json", str(draft))
    fresh = run("check", "--no-cache", "--format", "json", str(draft))
    assert json.loads(out(after)) == json.loads(out(fresh))


# --- which symbolic links resolint follows ------------------------------------------------


def _linked_repository(tmp_path: Path) -> tuple[Path, Path]:
    """A repository of drafts with a committed link to a draft outside it, as a clone has."""
    elsewhere = tmp_path / "elsewhere" / "draft.md"
    elsewhere.parent.mkdir()
    shutil.copy(DRAFT, elsewhere)
    repository = tmp_path / "repository"
    (repository / "sub").mkdir(parents=True)
    shutil.copy(DRAFT, repository / "a.md")
    (repository / "innocent.md").symlink_to("../elsewhere/draft.md")
    (repository / "sub" / "alias.md").symlink_to("../a.md")  # inside the tree: the same file as a.md
    (repository / "sub" / "folder").symlink_to("../../elsewhere", target_is_directory=True)
    return repository, elsewhere


def test_a_link_to_a_file_outside_the_folder_is_neither_read_nor_fixed(tmp_path):
    repository, elsewhere = _linked_repository(tmp_path)
    before = elsewhere.read_bytes()
    result = run("check", "--fix", ".", cwd=repository)
    assert elsewhere.read_bytes() == before
    assert (repository / "innocent.md").is_symlink()
    assert f"resolint: note: innocent.md: a symbolic link to {elsewhere}, outside .; not read" in err(result)
    assert "Traceback" not in err(result) and "changed on disk" not in err(result)
    assert "in 1 of 1 file;" in err(result)  # a.md, once (sub/alias.md is the same file; sub/folder is not entered)
    assert (repository / "a.md").read_bytes() != DRAFT.read_bytes()
    listed = run("check", "--no-cache", "--format", "json", ".", cwd=repository)
    assert {d["path"] for d in json.loads(out(listed))["diagnostics"]} == {"a.md"}


def test_a_named_link_is_followed_only_inside_the_folder_that_holds_it(tmp_path):
    repository, elsewhere = _linked_repository(tmp_path)
    before = elsewhere.read_bytes()
    result = run("check", "--fix", "innocent.md", cwd=repository)
    assert result.returncode == 2 and elsewhere.read_bytes() == before
    assert err(result).splitlines()[0] == (
        f"resolint: error: innocent.md: a symbolic link to {elsewhere}, outside the folder that holds it; "
        "not linted (name the file itself to lint it)")
    (repository / "current.md").symlink_to("a.md")
    fixed = run("check", "--fix", "current.md", cwd=repository)
    assert fixed.returncode == 1 and (repository / "current.md").is_symlink()
    assert (repository / "a.md").read_bytes() != DRAFT.read_bytes()


def test_exclude_applies_to_a_link_by_its_own_name(tmp_path):
    project = _project(tmp_path, '[tool.resolint]\nexclude = ["linked.md"]\n')
    (project / "linked.md").symlink_to("drafts/skip.md")
    (project / "drafts" / "skip.md").rename(project / "drafts" / "kept.md")
    (project / "drafts" / "skip.md").symlink_to("kept.md")
    assert "linked.md" not in _found(project, ["."])


# --- exclude patterns from an untrusted configuration --------------------------------------


def test_a_reversed_range_in_exclude_is_read_as_git_reads_it(tmp_path):
    project = _project(tmp_path, '[tool.resolint]\nexclude = ["[z-a]", "[R-A]*.md"]\n')  # was a re.error traceback
    result = run("check", ".", cwd=project)
    assert result.returncode == 0 and "Traceback" not in err(result)
    assert "Found 0 problems in 5 files." in err(result)  # README.md is excluded by its first letter


def _best_time(function, repeat: int = 7) -> float:
    """The least processor time of a few runs (not wall time: the machine is shared)."""
    import time

    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        function()
        best = min(best, time.process_time() - start)
    return best


@pytest.mark.parametrize(("pattern", "path"), [
    ("*a" * 30 + "b", lambda n: "a" * n),  # backtracked through every way of placing 30 stars
    ("a*" * 30 + "[!a]", lambda n: "a" * n),
    ("/" + "**/a/" * 15 + "b", lambda n: "a/" * (n // 10) + "c"),  # and every way of placing 15 "**"
])
def test_exclude_matching_is_linear_in_the_path(pattern, path):
    matcher = PathPatterns([pattern])
    assert not matcher.excludes(path(300))
    small = _best_time(lambda: matcher.excludes(path(10_000)))
    large = _best_time(lambda: matcher.excludes(path(100_000)))
    assert large / small < 15, (small, large)


def test_a_pattern_built_to_backtrack_does_not_hang_the_run(tmp_path):
    pattern = "*a" * 25 + "b"
    project = _project(tmp_path, f'[tool.resolint]\nexclude = ["{pattern}"]\n')
    shutil.copy(DRAFT, project / ("a" * 200 + ".md"))
    result = run("check", "--no-cache", ".", cwd=project)  # took longer than the age of the universe
    assert result.returncode == 1 and "in 7 files" in err(result)


# --- a cache folder the repository brings ---------------------------------------------------


def _check(*args: str, cwd: Path, home: Path, cache_dir: str | None = None) -> subprocess.CompletedProcess:
    """`resolint check` as a user runs it in a clone: the default cache folder (or the one
    given), the user's own cache home."""
    env = {key: value for key, value in os.environ.items() if key != "RESOLINT_CACHE_DIR"}
    env |= {"PYTHONIOENCODING": "utf-8", "XDG_CACHE_HOME": str(home)}
    if cache_dir is not None:
        env["RESOLINT_CACHE_DIR"] = cache_dir
    return subprocess.run([sys.executable, "-m", "resolint", "check", *args], capture_output=True, cwd=cwd, env=env,
                          timeout=120)


def _snapshot(folder: Path) -> dict[str, bytes | str]:
    """Every name under `folder` with its content (a link: where it points)."""
    found: dict[str, bytes | str] = {}
    for path in sorted(folder.rglob("*")):
        name = path.relative_to(folder).as_posix()
        found[name] = f"-> {os.readlink(path)}" if path.is_symlink() else (b"" if path.is_dir() else path.read_bytes())
    return found


def test_a_cache_folder_that_is_a_link_is_neither_written_nor_emptied(tmp_path):
    victim = tmp_path / "victim"
    victim.mkdir()
    (victim / "lint-0123456789abcdef0123.json").write_text("the user's own file\n", encoding="utf-8")
    (victim / "notes.md").write_text("kept\n", encoding="utf-8")
    repository = tmp_path / "repository"
    repository.mkdir()
    shutil.copy(DRAFT, repository / "draft.md")
    (repository / ".resolint_cache").symlink_to(victim, target_is_directory=True)
    before = _snapshot(victim)
    for _ in range(2):
        result = _check(".", cwd=repository, home=tmp_path / "home")
        assert result.returncode == 1 and "Found 9 problems" in err(result)
        assert "resolint: note: .resolint_cache: the cache folder is a symbolic link; the cache is not used" in err(result)
    assert _snapshot(victim) == before
    given = _check("--cache-dir", str(repository / ".resolint_cache"), ".", cwd=repository, home=tmp_path / "home")
    assert given.returncode == 1 and _snapshot(victim) == before


def test_links_inside_a_committed_cache_folder_are_not_written_through(tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "kept.json").write_text("not resolint's\n", encoding="utf-8")
    repository = tmp_path / "repository"
    folder = repository / ".resolint_cache"
    folder.mkdir(parents=True)
    shutil.copy(DRAFT, repository / "draft.md")
    (folder / ".gitignore").symlink_to(outside / "gitignore")  # dangling: opening it for writing would create it
    (folder / "CACHEDIR.TAG").symlink_to(outside / "tag")
    (folder / f"lint-{tool_fingerprint()}.json").symlink_to(outside / "kept.json")
    (folder / "lint-0123456789abcdef0123.json").write_text("a file resolint did not write\n", encoding="utf-8")
    for _ in range(2):
        result = _check(".", cwd=repository, home=tmp_path / "home")
        assert result.returncode == 1 and "Found 9 problems" in err(result) and "Traceback" not in err(result)
    assert _snapshot(outside) == {"kept.json": b"not resolint's\n"}
    assert (folder / "lint-0123456789abcdef0123.json").read_text(encoding="utf-8") == "a file resolint did not write\n"
    assert (folder / ".gitignore").is_symlink() and (folder / "CACHEDIR.TAG").is_symlink()
    assert not (folder / f"lint-{tool_fingerprint()}.json").is_symlink()  # replaced by resolint's own file


def test_a_cached_fix_comes_back_with_its_applicability(tmp_path, monkeypatch):
    """The cache stores the applicability as its string; what it gives back is the enum
    again, so `is Applicability.SAFE` (what --fix and "fix all" test) holds for a cached fix."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "home"))
    _forget_key()
    try:
        cache = LintCache(tmp_path / ".resolint_cache")
        fixes = [Fix("Write 2", (Edit(Span(0, 1), "2"),), kind) for kind in Applicability]
        found = [Diagnostic("ST004", "operative-numbering", Severity.ERROR, Span(0, 1), "m", fix) for fix in fixes]
        cache.put(tmp_path / "a.md", "key", found)
        stored = [entry[6][1] for entry in cache._entries[os.path.abspath(tmp_path / "a.md")]["diagnostics"]]
        assert stored == ["safe", "unsafe"] and all(type(value) is str for value in stored)
        back = cache.get(tmp_path / "a.md", "key", 10)
        assert [d.fix.applicability for d in back] == [Applicability.SAFE, Applicability.UNSAFE]
        assert all(type(d.fix.applicability) is Applicability for d in back)
    finally:
        _forget_key()


def _forget_key() -> None:
    """Make the next LintCache read the key of the XDG_CACHE_HOME now set."""
    if hasattr(cache_module, "user_key"):
        cache_module.user_key.cache_clear()


def _planted_cache(folder: Path, draft: Path, diagnostics: list, monkeypatch, home: Path) -> None:
    """A cache file as resolint itself writes it, made by someone with another key: the
    entry's key is computable from the draft's bytes and the configuration."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(home))
    _forget_key()
    try:
        planted = LintCache(folder)
        config = ConfigResolver().for_path(draft)
        digest = hashlib.sha256(draft.read_bytes()).hexdigest()
        planted.put(draft, planted.key(digest, cache_module.config_fingerprint(config)), diagnostics)
        planted.save()
    finally:
        _forget_key()
    assert list(folder.glob("lint-*.json"))


def test_a_planted_cache_entry_neither_hides_nor_invents_findings(tmp_path, monkeypatch):
    repository = tmp_path / "repository"
    repository.mkdir()
    shutil.copy(DRAFT, repository / "draft.md")
    clean = repository / "clean.md"
    clean.write_text("*The General Assembly*,\n\n1. *Decides* to remain seized of the matter.\n", encoding="utf-8")
    fake = Diagnostic("ST004", "operative-numbering", Severity.ERROR, Span(0, 3), "A finding nobody made")
    _planted_cache(repository / ".resolint_cache", repository / "draft.md", [], monkeypatch, tmp_path / "attacker")
    _planted_cache(repository / ".resolint_cache", clean, [fake], monkeypatch, tmp_path / "attacker")
    result = _check(".", cwd=repository, home=tmp_path / "user")  # CI: 0 problems, exit 0 when the entry was used
    assert result.returncode == 1 and "Found 9 problems in 2 files" in err(result)
    assert "nobody made" not in out(result)
    again = _check(".", cwd=repository, home=tmp_path / "user")  # now answered by the user's own signed file
    assert again.returncode == 1 and "Found 9 problems in 2 files" in err(again) and out(again) == out(result)


@pytest.mark.parametrize("output_format", ["text", "json", "sarif", "github", "junit"])
def test_a_damaged_cache_entry_is_linted_again_in_every_format(tmp_path, monkeypatch, output_format):
    draft = tmp_path / "draft.md"
    shutil.copy(DRAFT, draft)
    home = tmp_path / "home"
    fresh = _check("--no-cache", "--format", output_format, "draft.md", cwd=tmp_path, home=home)
    monkeypatch.setenv("XDG_CACHE_HOME", str(home))
    _forget_key()
    length = len(draft.read_text(encoding="utf-8"))
    damaged = [
        ["ST004", "operative-numbering", "error", 0, 3, "message", None, None],  # a severity of the wrong type
        ["ST004", "operative-numbering", 1, 0, length + 50, "message", None, None],  # a span past the end
        [4, "operative-numbering", 1, 0, 3, "message", None, None],
        ["ST004", "operative-numbering", 1, 0, 3, ["message"], None, None],
        ["ST004", "operative-numbering", 1, 0, 3, "message", ["title", "safe", [[0, "3", "x"]]], None],
        ["ST004", "operative-numbering", 1, 0, 3, "message", ["title", "maybe", [[0, 3, "x"]]], None],  # no such applicability
        ["ST004", "operative-numbering", 1, 0, 3, "message", None, "javascript:alert(1)"],
        ["ST004", "operative-numbering", 1, 3, 0, "message", None, None],
    ]
    try:
        for entry in damaged:
            cache = LintCache(tmp_path / ".resolint_cache")
            config = ConfigResolver().for_path(draft)
            key = cache.key(hashlib.sha256(draft.read_bytes()).hexdigest(), cache_module.config_fingerprint(config))
            cache._entries[os.path.abspath(draft)] = {"key": key, "diagnostics": [entry]}  # signed with the user's key
            cache._changed = True
            cache.save()
            result = _check("--format", output_format, "draft.md", cwd=tmp_path, home=home)
            assert result.returncode == 1 and "Traceback" not in err(result), entry
            assert out(result) == out(fresh), entry
    finally:
        _forget_key()


def test_the_user_key_is_private_and_a_foreign_cache_folder_is_not_used(tmp_path):
    draft = tmp_path / "draft.md"
    shutil.copy(DRAFT, draft)
    home = tmp_path / "home"
    assert _check("draft.md", cwd=tmp_path, home=home).returncode == 1
    key = home / "resolint" / "cache-key"
    assert stat.S_IMODE(key.stat().st_mode) == 0o600 and stat.S_IMODE(key.parent.stat().st_mode) == 0o700
    assert key.stat().st_uid == os.geteuid()
    assert _check("draft.md", cwd=tmp_path, home=home).returncode == 1
    signed = next((tmp_path / ".resolint_cache").glob("lint-*.json"))
    assert signed.read_bytes().startswith(b"resolint-cache ")
    foreign = tmp_path / "foreign"
    foreign.mkdir()
    nobody = 65534
    os.chown(foreign, nobody, nobody)  # as root: the folder of another user
    result = _check("--cache-dir", str(foreign), "draft.md", cwd=tmp_path, home=home)
    assert result.returncode == 1 and "the cache folder belongs to another user; the cache is not used" in err(result)
    assert list(foreign.iterdir()) == []
