"""Unused suppressions (RL100) and unknown codes in them (RL101) as a user meets them: the
command line on a draft with stale comments, and a Word draft holding the same comments."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import docx

from .conftest import ROOT
from .test_cli import err, out, run

STALE = ROOT / "tests" / "suppressions" / "stale-en.md"
FIXED = ROOT / "tests" / "suppressions" / "stale-en.fixed.md"


def _findings(result) -> list[tuple[str, int]]:
    return [(d["code"], d["line"]) for d in json.loads(out(result))["diagnostics"]]


def test_check_reports_each_stale_comment_and_unknown_code():
    result = run("check", str(STALE))
    assert result.returncode == 1
    assert out(result).splitlines() == [
        f"{STALE}:3:1: RL100 Unused suppression: `disable-next-line ST006` silences no finding here [*]",
        f"{STALE}:6:1: RL100 Unused code in a suppression: VB001 silences no finding here [*]",
        f"{STALE}:9:1: RL101 Unknown rule code 'ST0006' in a suppression comment: it names no rule and "
        "silences nothing (see `resolint rules`)",
    ]


def test_fix_removes_the_comment_or_only_its_unused_code(tmp_path):
    draft = tmp_path / STALE.name
    shutil.copy(STALE, draft)
    result = run("check", "--fix", str(draft))
    assert draft.read_text(encoding="utf-8") == FIXED.read_text(encoding="utf-8")
    assert "Fixed 2 problems" in err(result)
    assert _findings(run("check", "--format", "json", str(draft))) == [("RL101", 8)]


def test_diff_shows_the_removal_and_writes_nothing(tmp_path):
    draft = tmp_path / STALE.name
    shutil.copy(STALE, draft)
    diff = out(run("check", "--diff", str(draft)))
    assert "-<!-- resolint: disable-next-line ST006 -->\n" in diff
    assert "-<!-- resolint: disable-next-line ST006, VB001 -->\n+<!-- resolint: disable-next-line ST006 -->\n" in diff
    assert draft.read_bytes() == STALE.read_bytes()


def test_codes_of_rules_that_did_not_run_are_not_judged():
    # ST006 left out: its codes are not unused, so only VB001 (which ran) is reported
    assert _findings(run("check", "--format", "json", "--ignore", "ST006", str(STALE))) == [("RL100", 6), ("RL101", 9)]
    assert _findings(run("check", "--format", "json", "--select", "RL100,VB001", str(STALE))) == [("RL100", 6)]


def test_select_and_ignore_apply_to_the_rl_rules_themselves():
    assert _findings(run("check", "--format", "json", "--ignore", "RL100", str(STALE))) == [("RL101", 9)]
    assert _findings(run("check", "--format", "json", "--ignore", "RL", str(STALE))) == []
    assert _findings(run("check", "--format", "json", "--select", "RL101", str(STALE))) == [("RL101", 9)]


def test_a_comment_naming_rl100_silences_its_reports(tmp_path):
    draft = tmp_path / "draft.md"
    draft.write_text("<!-- resolint: disable-file RL100 -->\n\n" + STALE.read_text(encoding="utf-8"), encoding="utf-8")
    assert _findings(run("check", "--format", "json", str(draft))) == [("RL101", 11)]


def test_a_comment_without_codes_that_silences_nothing_is_reported_and_removed(tmp_path):
    draft = tmp_path / "draft.md"
    text = "*The General Assembly*,\n\n1. *Decides* to remain seized of the matter.\n"
    draft.write_text("<!-- resolint: disable-file -->\n\n" + text, encoding="utf-8")
    assert _findings(run("check", "--format", "json", str(draft))) == [("RL100", 1)]
    run("check", "--fix", str(draft))
    assert draft.read_text(encoding="utf-8") == text


def _word_draft(path: Path) -> Path:
    """A Word draft as a drafter types it: the comments are paragraphs of their own."""
    document = docx.Document()
    for paragraph in list(document.paragraphs):
        paragraph._element.getparent().remove(paragraph._element)
    for runs in (
        [("The General Assembly", True), (",", False)],
        [("<!-- resolint: disable-next-line ST006, VB001 -->", False)],
        [("1. ", False), ("Decides", True), (" to remain seized of the matter", False)],
        [("<!-- resolint: disable-next-line ST006 -->", False)],
        [("2. ", False), ("Requests", True), (" the Secretary-General to report to it.", False)],
        [("<!-- resolint: disable-file ST001 -->", False)],
    ):
        paragraph = document.add_paragraph()
        for text, italic in runs:
            paragraph.add_run(text).italic = italic
    document.save(path)
    return path


def test_word_drafts_get_the_same_reports(tmp_path):
    draft = _word_draft(tmp_path / "draft.docx")
    result = run("check", str(draft))
    assert out(result).splitlines() == [
        f"{draft}: paragraph 2: RL100 Unused code in a suppression: VB001 silences no finding here"
        ' — "<!-- resolint: disable-next-line ST006, VB001 -->" [*]',
        f"{draft}: paragraph 4: RL100 Unused suppression: `disable-next-line ST006` silences no finding here"
        ' — "<!-- resolint: disable-next-line ST006 -->" [*]',
        f"{draft}: paragraph 6: RL100 Unused suppression: `disable-file ST001` silences no finding here"
        ' — "<!-- resolint: disable-file ST001 -->" [*]',
    ]


def test_word_fix_removes_the_comment_paragraphs_and_the_unused_code(tmp_path):
    draft = _word_draft(tmp_path / "draft.docx")
    result = run("check", "--fix", str(draft))
    assert "(3 applied)" in err(result)
    fixed = tmp_path / "draft.fixed.docx"
    assert [p.text for p in docx.Document(fixed).paragraphs] == [
        "The General Assembly,",
        "<!-- resolint: disable-next-line ST006 -->",
        "1. Decides to remain seized of the matter",
        "2. Requests the Secretary-General to report to it.",
    ]
    assert run("check", str(fixed)).returncode == 0


def test_word_review_copy_removes_the_comment_paragraphs_as_tracked_deletions(tmp_path):
    """Accepting every change of the review copy gives the text --fix gives; rejecting them
    all gives the draft back (the comment paragraphs a fix removes whole are tracked too)."""
    from resolint.docx import read_docx

    from .test_docx_review import resolve

    draft = _word_draft(tmp_path / "draft.docx")
    run("check", "--review", str(draft))
    run("check", "--fix", str(draft))
    reviewed = (tmp_path / "draft.reviewed.docx").read_bytes()
    fixed = (tmp_path / "draft.fixed.docx").read_bytes()
    assert read_docx(resolve(reviewed, accept=True), "x").text == read_docx(fixed, "x").text
    assert read_docx(resolve(reviewed, accept=False), "x").text == read_docx(draft.read_bytes(), "x").text
