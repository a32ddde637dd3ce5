"""`check --fix`, `--unsafe-fixes` and `--diff`: files are rewritten atomically in their own
form (UTF-8, byte-order mark, line endings, permissions), a file that cannot be read is never
touched, and fixing twice equals fixing once (a property test over the corpus and fuzzed
drafts)."""
from __future__ import annotations

import os
import stat
import subprocess
import types
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from resolint.document.diagnostics import Applicability, Edit, Fix, Violation
from resolint.document.rule import Rule, RuleMeta
from resolint.document.span import Span
from resolint.linter import registry
from resolint.linter.config import DEFAULT, Config, ConfigResolver
from resolint.linter.runner import CheckOptions, check_files, fix, write_fixes
from resolint.linter.source import BOM, Source, SourceError, read_source, write_fixed

from .conftest import corpus_files, require
from .test_cli import DRAFT, err, out, run

# Fixable slips: a run-together paragraph (ST001 inserts a blank line, in the file's own line
# ending), a semicolon after a preambular paragraph (ST006), "a)" labels (ST005); and one
# unfixable one (paragraph 3 missing, ST004).
SLIPS = (
    "*The General Assembly*,\n\n"
    "*Recalling* its resolution 70/1; *Noting* the report of the Secretary-General,\n\n"
    "1. *Decides* to act:\n\n"
    "a) first;\n\n"
    "b) second;\n\n"
    "4. *Requests* a report.\n"
)


def fixed_by_api(text: str) -> str:
    return fix(text, DEFAULT)[0]


def test_fix_rewrites_the_file_and_reports_what_is_left(tmp_path):
    path = tmp_path / "draft.md"
    path.write_text(SLIPS, encoding="utf-8")
    result = run("check", "--fix", str(path))
    assert result.returncode == 1  # ST004 cannot be fixed
    after = path.read_text(encoding="utf-8")
    assert after == fixed_by_api(SLIPS) != SLIPS
    assert "\n\n*Noting*" in after and "(a) first;" in after
    assert [line.split(": ")[1].split()[0] for line in out(result).splitlines()] == ["ST004"]
    assert "Fixed " in err(result) and "1 problem left" in err(result)
    again = run("check", "--fix", str(path))
    assert path.read_text(encoding="utf-8") == after and "Fixed 0 problems" in err(again)
    assert not [name for name in os.listdir(tmp_path) if name != "draft.md"]  # no temporary file left


def test_fix_keeps_bom_crlf_and_permissions(tmp_path):
    path = tmp_path / "draft.md"
    original = BOM + SLIPS.replace("\n", "\r\n").encode("utf-8")
    path.write_bytes(original)
    path.chmod(0o640)
    assert run("check", "--fix", str(path)).returncode == 1
    data = path.read_bytes()
    assert data.startswith(BOM) and not data.startswith(BOM + BOM)
    assert data != original and data.count(b"\n") == data.count(b"\r\n")  # every line ending is still CRLF
    assert data[len(BOM):].decode("utf-8") == fixed_by_api(SLIPS.replace("\n", "\r\n"))
    assert stat.S_IMODE(path.stat().st_mode) == 0o640


def test_fix_through_a_symbolic_link_fixes_the_target(tmp_path):
    target = tmp_path / "real.md"
    target.write_text(SLIPS, encoding="utf-8")
    link = tmp_path / "link.md"
    link.symlink_to(target)
    run("check", "--fix", str(link))
    assert link.is_symlink() and target.read_text(encoding="utf-8") == fixed_by_api(SLIPS)


def test_unreadable_file_is_not_touched_and_the_others_are_fixed(tmp_path):
    bad = tmp_path / "a-latin1.md"
    bad_bytes = SLIPS.replace("Secretary-General", "Secrétaire général").encode("latin-1")
    bad.write_bytes(bad_bytes)
    good = tmp_path / "b.md"
    good.write_text(SLIPS, encoding="utf-8")
    result = run("check", "--fix", str(tmp_path))
    assert result.returncode == 2
    assert bad.read_bytes() == bad_bytes
    assert f"resolint: error: {bad}: not UTF-8" in err(result) and "Traceback" not in err(result)
    assert good.read_text(encoding="utf-8") == fixed_by_api(SLIPS)


def test_a_file_changed_while_resolint_ran_is_not_overwritten(tmp_path):
    path = tmp_path / "draft.md"
    path.write_text(SLIPS, encoding="utf-8")
    source = read_source(path)
    path.write_text(SLIPS + "\nAn edit made meanwhile.\n", encoding="utf-8")
    with pytest.raises(SourceError, match="changed on disk while resolint ran; not fixed"):
        write_fixed(source, "overwritten")
    assert path.read_text(encoding="utf-8").endswith("An edit made meanwhile.\n")
    results = check_files([path], ConfigResolver(), CheckOptions(fix=True))
    path.write_text("changed again\n", encoding="utf-8")
    write_fixes(results, ConfigResolver())
    assert results[0].error.endswith("changed on disk while resolint ran; not fixed")
    assert path.read_text(encoding="utf-8") == "changed again\n"


def test_diff_writes_nothing_and_applies_with_git(tmp_path):
    path = tmp_path / "draft.md"
    path.write_text(SLIPS, encoding="utf-8")
    result = run("check", "--diff", "draft.md", cwd=tmp_path)
    assert result.returncode == 1 and path.read_text(encoding="utf-8") == SLIPS
    patch = out(result)
    assert patch.startswith("--- a/draft.md\n+++ b/draft.md\n@@ ")
    assert "Would fix" in err(result)
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    (tmp_path / "fix.patch").write_text(patch, encoding="utf-8")
    subprocess.run(["git", "apply", "fix.patch"], cwd=tmp_path, check=True, capture_output=True)
    assert path.read_text(encoding="utf-8") == fixed_by_api(SLIPS)
    clean = run("check", "--diff", "draft.md", cwd=tmp_path)
    assert clean.returncode == 0 and out(clean) == ""


def test_fix_from_standard_input_prints_the_fixed_text():
    result = run("check", "--fix", "-", "--stdin-filename", "draft.md", stdin=SLIPS.encode("utf-8"))
    assert out(result) == fixed_by_api(SLIPS) and result.returncode == 1


def test_unsafe_fixes_need_fix_or_diff():
    result = run("check", "--unsafe-fixes", str(DRAFT))
    assert result.returncode == 2 and "--unsafe-fixes applies with --fix, --diff or --review" in err(result)


def _double_spaces(doc, ctx):
    start = doc.text.find("  ")
    while start != -1:
        end = start
        while end < len(doc.text) and doc.text[end] == " ":
            end += 1
        yield Violation(Span(start, end), "Several spaces", Fix("One space", (Edit(Span(start, end), " "),), Applicability.UNSAFE))
        start = doc.text.find("  ", end)


def test_unsafe_fixes_apply_only_when_asked(tmp_path, monkeypatch):
    """An unsafe fix (none of the ST rules has one yet) is left alone by --fix."""
    rule = Rule(types.SimpleNamespace(META=RuleMeta("ST998", "double-space", "test", fixable=True), check=_double_spaces, __doc__=None))
    builtin = registry.all_rules()
    monkeypatch.setattr(registry, "all_rules", lambda: (*builtin, rule))
    path = tmp_path / "draft.md"
    path.write_text(SLIPS.replace("to act", "to   act"), encoding="utf-8")
    configs = ConfigResolver()
    safe = check_files([path], configs, CheckOptions(fix=True))[0]
    assert "to   act" in safe.fixed and safe.diagnostics and any(d.code == "ST998" for d in safe.diagnostics)
    unsafe = check_files([path], configs, CheckOptions(fix=True, unsafe=True))[0]
    assert "to act" in unsafe.fixed and not any(d.code == "ST998" for d in unsafe.diagnostics)


# --- Fixing twice equals fixing once --------------------------------------------------------

def assert_idempotent(text: str, config: Config = DEFAULT) -> None:
    once, _, left = fix(text, config, unsafe=True)
    twice, count, _ = fix(once, config, unsafe=True)
    assert count == 0 and twice == once, "a second fix changed the text again"
    assert not [d for d in left if d.fix], "a fixable finding survived fixing"


@pytest.mark.parametrize("path", corpus_files("en", "es", "en-drafts"), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_fixing_a_corpus_file_twice_equals_once(path: Path):
    assert_idempotent(path.read_text(encoding="utf-8"))


CHAPEAUX = ["*The General Assembly*,", "*La Asamblea General*,", "*L'Assemblée générale*,", "*The Security Council*:", ""]
OPENINGS = ["*Recalling* its resolution 70/1", "*Recordando* su resolución 70/1", "*Rappelant* sa résolution 70/1",
            "*Noting* the report", "Noting the report", "**Welcoming** the plan"]
ACTIONS = ["*Decides* to act", "*Decide* actuar", "*Décide* d'agir", "*Requests* a report", "Requests a report"]
ENDS = ["", ",", ";", ".", ":", " ,", ",,", ";."]
SEPARATORS = ["\n\n", "\n", " ", "\r\n\r\n", "\n\n\n", "<sup>1</sup> "]
LABELS = ["{n}.", "{n}", "{n}*.", "({letter})", "{letter})", "{letter}.", "({roman})", "(i)"]


@st.composite
def drafts(draw) -> str:
    blocks = [draw(st.sampled_from(CHAPEAUX))]
    for _ in range(draw(st.integers(0, 4))):
        blocks.append(draw(st.sampled_from(OPENINGS)) + draw(st.sampled_from(ENDS)))
    for index in range(draw(st.integers(0, 5))):
        label = draw(st.sampled_from(LABELS)).format(
            n=draw(st.sampled_from([index + 1, index + 1, index + 2, 1])), letter="abc"[index % 3], roman="ii"
        )
        blocks.append(f"{label} {draw(st.sampled_from(ACTIONS))}{draw(st.sampled_from(ENDS))}")
    text = ""
    for block in blocks:
        text += block + draw(st.sampled_from(SEPARATORS))
    if draw(st.booleans()):  # scramble: characters that matter to the structure, anywhere
        for _ in range(draw(st.integers(1, 6))):
            position = draw(st.integers(0, len(text)))
            text = text[:position] + draw(st.sampled_from(["*", "**", ",", ";", ".", "\n", "\n\n", " ", "(a)", "2."])) + text[position:]
    return text


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(drafts())
def test_fixing_a_fuzzed_draft_twice_equals_once(text: str):
    assert_idempotent(text)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_fixing_a_mutated_corpus_draft_twice_equals_once(data):
    files = corpus_files("en-drafts")
    require(bool(files), "the shared corpus is absent")
    text = files[data.draw(st.integers(0, len(files) - 1))].read_text(encoding="utf-8")
    for _ in range(data.draw(st.integers(1, 8))):
        position = data.draw(st.integers(0, len(text)))
        cut = data.draw(st.integers(0, 3))
        insert = data.draw(st.sampled_from(["", "*", ",", ";", "\n\n", " ", "3.", "(b)", "<sup>2</sup>"]))
        text = text[:position] + insert + text[position + cut :]
    assert_idempotent(text)


def test_a_text_that_is_not_the_files_own_content_is_never_written(tmp_path):
    """A source converted from another format (a Word document) has a text that does not
    encode back to the file's bytes: fixes are not written to it."""
    path = tmp_path / "draft.md"
    path.write_text(SLIPS, encoding="utf-8")
    own = read_source(path)
    assert own.writable()
    converted = Source(path, SLIPS.replace("Recalling", "Recordando"), digest=own.digest)
    assert not converted.writable() and not Source(path, SLIPS).writable()
    with pytest.raises(SourceError, match="not a plain text file; fixes cannot be written back"):
        write_fixed(converted, "anything")
    assert path.read_text(encoding="utf-8") == SLIPS


def test_fix_on_a_word_document_writes_a_corrected_copy_and_never_the_original(tmp_path):
    from .docx_builder import build_docx

    markdown = (Path(__file__).parent / "docx_drafts" / "draft-en.md").read_text(encoding="utf-8")
    draft = tmp_path / "draft.docx"
    original = build_docx(markdown).data
    draft.write_bytes(original)
    diff = run("check", "--diff", str(draft))
    assert out(diff) == "" and diff.returncode == 0 and "no diff is shown for it" in err(diff)
    cached = run("check", str(draft))  # answered from the cache the --diff run filled: Word locations still
    assert "paragraph 13 (operative 4): ST004" in out(cached)
    result = run("check", "--fix", str(draft))
    copy = tmp_path / "draft.fixed.docx"
    assert draft.read_bytes() == original and copy.is_file()
    assert f"the fixes are in a corrected copy, {copy}" in err(result) and result.returncode == 1
    again = run("check", str(copy))
    assert "ST006" not in out(again) and "ST004 Paragraph 4 follows paragraph 2" in out(again)
