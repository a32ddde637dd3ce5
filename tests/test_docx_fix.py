"""Fixes written into a corrected copy of a Word document: the copy reads as the fixed text,
keeps the document's styles and formatting, and the original is never touched. (The
`--fix` option of `check` comes with the CI issue; this is the core it will call.)"""
from __future__ import annotations

import io
import re

import docx
import pytest

import resolint
from resolint.document.diagnostics import Diagnostic, Edit, Fix, Severity
from resolint.document.span import Span
from resolint.docx import read_docx
from resolint.docx.fix import FixOutcome, fix_docx, fix_file, fixed_path
from resolint.linter.fixes import fix_until_stable

from .conftest import CORPUS, ROOT, corpus_files, require
from .docx_builder import build_docx

DRAFTS = ROOT / "tests" / "docx_drafts"
NOTE = re.compile(r"<sup>[^<]{0,20}</sup> ")


def _blocks(text: str) -> tuple[list[str], list[str]]:
    """Body blocks in order, and footnote texts (which follow the document) sorted."""
    blocks = [block for block in re.split(r"\n\n+", text.strip()) if block]
    return [b for b in blocks if not NOTE.match(b)], sorted(b for b in blocks if NOTE.match(b))


def _styled(markdown: str) -> bytes:
    """The draft with a paragraph style and a font on every run, to see them kept."""
    document = docx.Document(io.BytesIO(build_docx(markdown).data))
    for paragraph in document.paragraphs:
        paragraph.style = "Body Text"
        for run in paragraph.runs:
            run.font.name = "Times New Roman"
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_fixes_reach_the_word_copy_as_on_the_text():
    data = _styled((DRAFTS / "draft-en.md").read_text(encoding="utf-8"))
    original = bytes(data)
    before = read_docx(data, "draft.docx")
    outcome = fix_docx(data, "draft.docx", resolint.lint_text)
    assert data == original  # the input is never changed
    expected, count = fix_until_stable(before.text, resolint.lint_text)
    assert (outcome.applied, outcome.skipped) == (count, [])
    fixed = read_docx(outcome.data, "draft.fixed.docx")
    assert _blocks(fixed.text) == _blocks(expected)
    remaining = [d.code for d in resolint.lint_text(fixed.text)]
    assert remaining == ["ST005", "ST004"]  # a missing sub-paragraph and paragraph: no fix can know their text
    document = docx.Document(io.BytesIO(outcome.data))
    assert {p.style.name for p in document.paragraphs} == {"Body Text"}  # the split paragraph kept it too
    assert {run.font.name for p in document.paragraphs for run in p.runs} == {"Times New Roman"}
    split = next(p for p in document.paragraphs if p.text.startswith("Recalling also"))
    assert split.runs[0].italic and split.runs[0].text == "Recalling also"
    assert fix_docx(outcome.data, "again.docx", resolint.lint_text).applied == 0  # fixing twice = once


def test_fixes_word_cannot_take_are_reported_not_applied():
    # "(a)" is automatic numbering here; Spanish writes "a)": that is the list's number format
    data = build_docx((DRAFTS / "draft-es.md").read_text(encoding="utf-8")).data
    outcome = fix_docx(data, "borrador.docx", resolint.lint_text)
    assert outcome.applied == 2
    assert [(d.code, reason) for d, reason in outcome.skipped] == [
        ("ST005", "it changes an automatic paragraph number; change the list's numbering in Word"),
    ] * 2
    fixed = read_docx(outcome.data, "x").text
    assert "(a) A que intercambien" in fixed and "de 2021,\n" in fixed and "cuestión.\n\n<sup>1</sup>" in fixed


def test_a_fix_on_a_typed_label_changes_the_text():
    data = build_docx((DRAFTS / "draft-es.md").read_text(encoding="utf-8"), numbering="typed").data
    outcome = fix_docx(data, "borrador.docx", resolint.lint_text)
    assert outcome.skipped == [] and outcome.applied == 4
    assert "\n\na) A que intercambien" in read_docx(outcome.data, "x").text


def _italicise(word: str):
    """A lint that asks for `word` in italics (emphasis edits, as a phrase rule would make)."""
    def lint(text: str) -> list[Diagnostic]:
        found = []
        for match in re.finditer(rf"(?<![*\w]){word}(?![*\w])", text):
            edits = (Edit(Span(match.start(), match.start()), "*"), Edit(Span(match.end(), match.end()), "*"))
            found.append(Diagnostic("XX001", "test", Severity.WARNING, Span(match.start(), match.end()), "italics",
                                    Fix("Italicise", edits)))
        return found
    return lint


def _replace(old: str, new: str):
    def lint(text: str) -> list[Diagnostic]:
        start = text.find(old)
        if start < 0:
            return []
        span = Span(start, start + len(old))
        return [Diagnostic("XX002", "test", Severity.WARNING, span, "replace", Fix("Replace", (Edit(span, new),)))]
    return lint


def _document(markdown: str) -> bytes:
    return build_docx(markdown, numbering="typed").data


def _runs(data: bytes, index: int) -> list[tuple[str, bool | None, bool | None]]:
    paragraph = docx.Document(io.BytesIO(data)).paragraphs[index]
    return [(run.text, run.italic, run.bold) for run in paragraph.runs]


def test_emphasis_edits_set_italics_on_the_runs():
    data = _document("Recalling its resolution 70/1, and *noting* it,\n")
    outcome = fix_docx(data, "x.docx", _italicise("Recalling"))
    assert read_docx(outcome.data, "x").text == "*Recalling* its resolution 70/1, and *noting* it,\n"
    assert _runs(outcome.data, 0)[0] == ("Recalling", True, None)


def test_replacements_with_emphasis_line_breaks_and_paragraph_breaks():
    cases = [
        # a plain space between two italic words reads back inside the italics (it looks the same)
        ("*Recalling* its resolution,\n", "its", "*also* its", "*Recalling also* its resolution,\n"),
        ("*Recalling also* its resolution,\n", "*Recalling also*", "*Recalling* also", "*Recalling* also its resolution,\n"),
        ("Decides to act;\n", "to act", "to\nact", "Decides to\nact;\n"),
        ("Decides;\n", ";", ".", "Decides.\n"),
        ("First, *Second* ends.\n", " *Second*", "\n\n*Second*", "First,\n\n*Second* ends.\n"),
        ("Text,<sup>1</sup> more\n\n<sup>1</sup> *Treaty Series*, vol 1.\n", "vol 1", "vol. 1",
         "Text,<sup>1</sup> more\n\n<sup>1</sup> *Treaty Series*, vol. 1.\n"),
        ("Text,<sup>1</sup> more\n", ",<sup>1</sup> more", ";", None),  # would delete the footnote: left alone
    ]
    for markdown, old, new, expected in cases:
        outcome = fix_docx(_document(markdown), "x.docx", _replace(old, new), limit=1)
        if expected is None:
            assert outcome.applied == 0 and "footnote mark" in outcome.skipped[0][1]
            continue
        assert read_docx(outcome.data, "x").text == expected, (markdown, old, new)


def test_inserted_text_takes_the_formatting_beside_it(tmp_path):
    document = docx.Document()
    paragraph = document.add_paragraph(style="Body Text")
    lead = paragraph.add_run("Recalling")
    lead.italic, lead.font.name, lead.font.size = True, "Arial", docx.shared.Pt(13)
    tail = paragraph.add_run(" its resolution;")
    tail.font.name, tail.font.size = "Arial", docx.shared.Pt(13)
    out = io.BytesIO()
    document.save(out)
    outcome = fix_docx(out.getvalue(), "x.docx", _replace(";", ","))
    runs = docx.Document(io.BytesIO(outcome.data)).paragraphs[0].runs
    assert "".join(run.text for run in runs) == "Recalling its resolution,"
    assert all(run.font.name == "Arial" and run.font.size == docx.shared.Pt(13) for run in runs)
    assert [bool(run.italic) for run in runs if run.text.strip(" ,")] == [True, False]


def test_the_corrected_copy_goes_beside_the_original(tmp_path):
    source = tmp_path / "draft.docx"
    source.write_bytes(_document("Decides;\n"))
    written, outcome = fix_file(source, _replace(";", "."))
    assert written == fixed_path(source) == tmp_path / "draft.fixed.docx" and outcome.applied == 1
    assert read_docx(written.read_bytes(), "x").text == "Decides.\n"
    assert read_docx(source.read_bytes(), "x").text == "Decides;\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["draft.docx", "draft.fixed.docx"]  # no temporary left
    assert fix_file(written, _replace(";", ".")) == (None, FixOutcome(None, 0, []))  # nothing to fix: no copy
    assert not (tmp_path / "draft.fixed.fixed.docx").exists()


CORPUS_WITH_FIXES = [
    path for path in corpus_files("en", "es", "en-drafts")
    if path.name not in ("A-RES-75-276.md",)  # Markdown-only run-together markers (see test_docx_check)
][::3]


@pytest.mark.parametrize("path", CORPUS_WITH_FIXES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_corpus_fixes_in_word_equal_the_fixes_in_text(path):
    require(CORPUS.is_dir(), f"the shared corpus is not at {CORPUS}")
    data = build_docx(path.read_text(encoding="utf-8")).data
    before = read_docx(data, path.name)
    outcome = fix_docx(data, path.name, resolint.lint_text)
    expected, count = fix_until_stable(before.text, resolint.lint_text)
    fixed = read_docx(outcome.data, path.name).text if outcome.data else before.text
    assert outcome.skipped == []
    assert outcome.applied == count and _blocks(fixed) == _blocks(expected)


def test_a_paragraph_split_off_a_numbered_paragraph_is_not_numbered():
    document = docx.Document()
    document.add_paragraph("Decides to act, ", style="List Number").add_run("Requests").italic = True
    document.add_paragraph("Notes it.", style="List Number")
    out = io.BytesIO()
    document.save(out)
    assert read_docx(out.getvalue(), "x").text == "1. Decides to act, *Requests*\n\n2. Notes it.\n"
    outcome = fix_docx(out.getvalue(), "x.docx", _replace(", *Requests*", ",\n\n*Requests*"))
    assert read_docx(outcome.data, "x").text == "1. Decides to act,\n\n*Requests*\n\n2. Notes it.\n"
    assert [p.style.name for p in docx.Document(io.BytesIO(outcome.data)).paragraphs] == ["List Number"] * 3
