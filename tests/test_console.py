"""The console entry (resolint/console.py) runs `check` without typer, and says exactly what
the typer app says: for each command line below, `python -m resolint ...` and the typer app
itself print the same bytes on stdout and stderr, exit with the same status and leave the
same files. The command lines the fast reader does not understand must reach typer."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from resolint.console import read_check

from .conftest import ROOT, SPANISH_SAMPLE

DRAFT = ROOT / "examples" / "draft-oceans-en.md"
SAMPLE = SPANISH_SAMPLE.name
SPACED = "a folder/draft copy.md"
TYPER = "import sys; from resolint.cli import app; app(prog_name='python -m resolint')"

# (arguments, whether the console entry runs them without typer, standard input)
CASES = [
    (["check", SAMPLE], True, None),
    (["check", "--no-cache", SAMPLE, "draft.md"], True, None),
    (["check", SAMPLE, "--exit-zero"], True, None),
    (["check", "--select", "ST", "--select", "VB001", SAMPLE], True, None),
    (["check", "--select", "ST001, ST004", "--ignore=ST004", SAMPLE], True, None),
    (["check", "--select", "", SAMPLE], True, None),
    (["check", "--select", "NOPE", SAMPLE], True, None),
    (["check", "--lang", "fr", SAMPLE], True, None),
    (["check", "--lang", "xx", SAMPLE], True, None),
    (["check", "--format", "json", SAMPLE], True, None),
    (["check", "--format=sarif", SAMPLE], True, None),
    (["check", "--format", "junit", "--format", "github", SAMPLE], True, None),
    (["check", "--format", "bad", SAMPLE], True, None),
    (["check", "--format="], True, None),
    (["check", "-j", "2", SAMPLE, "draft.md"], True, None),
    (["check", "--jobs=2", "."], True, None),
    (["check", "-j", "0", SAMPLE], True, None),
    (["check", "-o", "report.txt", SAMPLE], True, None),
    (["check", "--output-file", "draft.md", "draft.md"], True, None),
    (["check", "--fix", "draft.md"], True, None),
    (["check", "--fix", "--unsafe-fixes", "--show-hints", "draft.md"], True, None),
    (["check", "--unsafe-fixes", "draft.md"], True, None),
    (["check", "--diff", "draft.md"], True, None),
    (["check", "--diff", "--exit-zero", "draft.md"], True, None),
    (["check", "-", "--stdin-filename", "pasted.md"], True, DRAFT.read_bytes()),
    (["check", "--fix", "-"], True, DRAFT.read_bytes()),
    (["check", SPACED, "a folder"], True, None),
    (["check", "--", "-dash.md", "--fix"], True, None),
    (["check", "--force-exclude", "--no-cache", "--cache-dir", "elsewhere", "."], True, None),
    (["check", "--review", "--force", "--changes", "draft.md"], True, None),
    (["check", "--changed-since", "no-such-revision", "."], True, None),
    (["check", "missing.md", "café.md"], True, None),
    (["check"], True, None),
    (["check", "--bogus", SAMPLE], False, None),
    (["check", "--format"], False, None),
    (["check", "--format", "--fix", SAMPLE], False, None),
    (["check", "-j", "x", SAMPLE], False, None),
    (["check", "-j2", SAMPLE], False, None),
    (["check", "--fix=yes", SAMPLE], False, None),
    (["check", "--no-fix", SAMPLE], False, None),
    (["check", "--help"], False, None),
    (["check", "-h"], False, None),
    (["--version"], False, None),
    (["rules", "--format", "json"], False, None),
]


def _project(folder: Path) -> Path:
    """A folder of drafts to check: the samples, one in a folder with a space, one whose name
    starts with a dash."""
    folder.mkdir()
    shutil.copy(SPANISH_SAMPLE, folder / SAMPLE)
    shutil.copy(DRAFT, folder / "draft.md")
    (folder / SPACED).parent.mkdir()
    shutil.copy(DRAFT, folder / SPACED)
    shutil.copy(DRAFT, folder / "-dash.md")
    return folder


def _run(program: list[str], args: list[str], folder: Path, stdin: bytes | None, env: dict):
    """What a run leaves: its exit status, stdout, stderr and every file of the folder."""
    result = subprocess.run([*program, *args], input=stdin, capture_output=True, cwd=folder, env=env, timeout=120)
    files = {path.relative_to(folder).as_posix(): path.read_bytes()
             for path in sorted(folder.rglob("*")) if path.is_file() and ".cache" not in path.parts}
    return result.returncode, result.stdout, result.stderr, files


def _env(tmp_path: Path, **extra: str) -> dict:
    return {**os.environ, "PYTHONIOENCODING": "utf-8", "RESOLINT_CACHE_DIR": ".cache",
            "XDG_CACHE_HOME": str(tmp_path / "home")} | extra


@pytest.mark.parametrize(("args", "fast", "stdin"), CASES, ids=[" ".join(args) or "(none)" for args, _, _ in CASES])
def test_the_console_entry_says_what_typer_says(tmp_path, args, fast, stdin):
    assert args[0] != "check" or (read_check(args[1:]) is not None) == fast
    env = _env(tmp_path)
    through_typer = _run([sys.executable, "-c", TYPER], args, _project(tmp_path / "typer"), stdin, env)
    console = _run([sys.executable, "-m", "resolint"], args, _project(tmp_path / "console"), stdin, env)
    assert console == through_typer


def test_an_ascii_standard_error_gets_utf8_as_from_typer(tmp_path):
    """typer.echo writes UTF-8 to a standard error that claims ASCII (errors replaced)."""
    env = _env(tmp_path, PYTHONIOENCODING="ascii")
    args = ["check", "missing-café.md"]
    through_typer = _run([sys.executable, "-c", TYPER], args, _project(tmp_path / "typer"), None, env)
    console = _run([sys.executable, "-m", "resolint"], args, _project(tmp_path / "console"), None, env)
    assert console == through_typer
    assert "missing-café.md".encode() in console[2]


def test_a_reader_that_went_away_ends_the_check_as_under_typer(tmp_path):
    """`resolint check --format json . | head -c 1`: the report's write fails on a broken
    pipe; both ways exit 1 and say nothing more."""
    folder = _project(tmp_path / "project")
    for number in range(30):  # a report larger than the pipe's buffer
        shutil.copy(DRAFT, folder / f"draft{number}.md")
    ends = []
    for program in ([sys.executable, "-c", TYPER], [sys.executable, "-m", "resolint"]):
        process = subprocess.Popen([*program, "check", "--format", "json", "."], stdout=subprocess.PIPE,
                                   stderr=subprocess.PIPE, cwd=folder, env=_env(tmp_path))
        process.stdout.close()  # before the report is written: the process takes far longer to start
        ends.append((process.wait(timeout=120), process.stderr.read()))
        process.stderr.close()
    assert ends[0] == ends[1] == (1, b"")


def test_the_cache_folder_comes_from_the_environment_unless_given(monkeypatch):
    monkeypatch.setenv("RESOLINT_CACHE_DIR", "from-env")
    assert read_check(["x.md"])["cache_dir"] == Path("from-env")
    assert read_check(["--cache-dir", "given", "x.md"])["cache_dir"] == Path("given")
    monkeypatch.setenv("RESOLINT_CACHE_DIR", "")
    assert read_check(["x.md"])["cache_dir"] is None  # as click: an empty variable is not set


def test_a_check_of_a_file_imports_neither_typer_nor_click(tmp_path):
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "resolint", "check", "--no-cache", "--exit-zero", str(SPANISH_SAMPLE)],
        capture_output=True, text=True, cwd=ROOT, env=_env(tmp_path), timeout=120,
    )
    assert result.returncode == 0, result.stderr
    imported = {line.rsplit("|", 1)[1].strip() for line in result.stderr.splitlines() if line.startswith("import time:")}
    assert "lark" in imported  # the file was linted
    assert not {name for name in imported if name.split(".")[0] in ("typer", "click")}
