"""Tracked changes in the draft itself: a draft based on an earlier resolution shows every
change as a tracked change. resolint reads it as accepted (insertions kept) and, for
`--changes`, as original (every change rejected); it reports what only the changes
introduce, and without `--changes` says which findings fall in an insertion.

The draft is a corpus resolution with three tracked changes to paragraph endings: one
fixes an error the original had, one brings an error in, and one error is left alone."""
from __future__ import annotations

import copy
import io
import json

import docx
import pytest
from docx.oxml.ns import qn

import resolint
from resolint.docx import read_docx
from resolint.docx.review import review_docx

from .conftest import CORPUS, require
from .docx_builder import build_docx
from .test_cli import err, out, run

SOURCE = CORPUS / "en" / "A-RES-78-122.md"
FIXED = "*Reaffirming* its resolution 70/1"  # ends with ";" in the original, "," after the change
LEFT = "*Reaffirming* its resolutions 53/199"  # ends with ";" in both
BROKEN = "*Recalling* its resolution 77/162"  # ends with "," in the original, ";" after the change


def _base() -> str:
    require(SOURCE.exists(), f"the shared corpus is not at {CORPUS}")
    lines = SOURCE.read_text(encoding="utf-8").splitlines(keepends=True)
    for index, line in enumerate(lines):
        if line.startswith((FIXED, LEFT)):
            assert line.rstrip("\n").endswith(",")
            lines[index] = line.rstrip("\n")[:-1] + ";\n"
    return "".join(lines)


def _replace_last(paragraph, old: str, new: str) -> None:
    """A tracked change at the end of `paragraph`: its last character `old` deleted, `new`
    inserted, by "A. Drafter"."""
    run = [r for r in paragraph.iter(qn("w:r")) if r.find(qn("w:t")) is not None][-1]
    text = run.find(qn("w:t"))
    assert text.text.endswith(old)
    text.text = text.text[: -len(old)]
    text.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    marks = {qn("w:author"): "A. Drafter", qn("w:date"): "2026-01-05T10:00:00Z"}
    deleted = paragraph.makeelement(qn("w:del"), {qn("w:id"): "901", **marks})
    removed = copy.deepcopy(run)
    removed.find(qn("w:t")).tag = qn("w:delText")
    removed.find(qn("w:delText")).text = old
    deleted.append(removed)
    inserted = paragraph.makeelement(qn("w:ins"), {qn("w:id"): "902", **marks})
    added = copy.deepcopy(run)
    added.find(qn("w:t")).text = new
    inserted.append(added)
    run.addnext(deleted)
    deleted.addnext(inserted)


def _drafts() -> tuple[bytes, bytes]:
    original = build_docx(_base()).data
    document = docx.Document(io.BytesIO(original))
    for paragraph in document.paragraphs:
        if paragraph.text.startswith(FIXED.replace("*", "")):
            _replace_last(paragraph._p, ";", ",")
        elif paragraph.text.startswith(BROKEN.replace("*", "")):
            _replace_last(paragraph._p, ",", ";")
    changed = io.BytesIO()
    document.save(changed)
    return original, changed.getvalue()


@pytest.fixture(scope="module")
def drafts() -> tuple[bytes, bytes]:
    """(the original draft, the draft with its tracked changes)."""
    return _drafts()


def _endings(text: str) -> list[tuple[str, str]]:
    """(code, paragraph start) of each ST006 finding of `text`."""
    found = []
    for d in resolint.lint_text(text):
        if d.code == "ST006":
            start = text.rfind("\n\n", 0, d.span.start) + 2
            found.append((d.code, text[start : start + 30]))
    return found


def test_the_original_reading_rejects_every_change(drafts):
    original, changed = drafts
    assert read_docx(changed, "x", original=True).text == read_docx(original, "x").text
    accepted = read_docx(changed, "x")
    assert accepted.text != read_docx(original, "x").text and accepted.has_insertions
    assert not read_docx(original, "x").has_insertions
    semicolon = accepted.text.index(";", accepted.text.index(BROKEN))
    assert accepted.inserted(semicolon, semicolon + 1) and not accepted.inserted(semicolon - 5, semicolon)


def test_a_finding_in_an_insertion_says_so(drafts, tmp_path):
    _, changed = drafts
    path = tmp_path / "draft.docx"
    path.write_bytes(changed)
    payload = json.loads(out(run("check", "--format", "json", "--select", "ST006", str(path))))
    messages = {d["message"] for d in payload["diagnostics"]}
    assert len(messages) == 2
    assert [m for m in messages if m.endswith("(in a tracked insertion)")] == [
        "Preambular paragraphs end with a comma, not a semicolon (in a tracked insertion)"
    ]


def test_changes_reports_only_what_the_changes_introduce(drafts, tmp_path):
    original, changed = drafts
    assert _endings(read_docx(original, "x").text) == [("ST006", FIXED[:30]), ("ST006", LEFT[:30])]
    path = tmp_path / "draft.docx"
    path.write_bytes(changed)
    result = run("check", "--changes", "--select", "ST006", str(path))
    lines = out(result).splitlines()
    assert result.returncode == 1 and len(lines) == 1, lines
    assert "(preambular" in lines[0] and "Preambular paragraphs end with a comma, not a semicolon" in lines[0]
    assert "(introduced by the tracked changes)" in lines[0] and "(preambular 4)" in lines[0]  # the 77/162 one
    assert "Found 1 problem in 1 file" in err(result)
    unchanged = tmp_path / "clean.docx"
    unchanged.write_bytes(original)
    assert run("check", "--changes", "--select", "ST006", str(unchanged)).returncode == 0  # no changes, nothing new


def test_changes_on_a_text_file_says_it_reads_word_documents_only(tmp_path):
    text = tmp_path / "draft.md"
    text.write_text("*The General Assembly*,\n\n1. *Decides* to act.\n", encoding="utf-8")
    result = run("check", "--changes", str(text))
    assert "not a Word document; --changes reads the tracked changes of .docx files only" in err(result)


def test_the_review_copy_of_a_draft_with_changes_keeps_the_drafters_changes(drafts):
    _, changed = drafts
    copy = review_docx(changed, "x", resolint.lint_text)
    authors = {element.get(qn("w:author")) for element in docx.Document(io.BytesIO(copy.data)).element.body.iter(qn("w:ins"), qn("w:del"))}
    assert authors == {"A. Drafter", "resolint"}
    assert read_docx(copy.data, "x", original=True).text == read_docx(changed, "x", original=True).text


def _paragraphs_with_marks(mark: str) -> bytes:
    """Three paragraphs, the first one's paragraph mark a tracked `mark` (ins or del)."""
    document = docx.Document()
    first = document.add_paragraph("The General Assembly,")
    first.runs[0].italic = True
    document.add_paragraph("Recalling its resolution 70/1,")
    document.add_paragraph("1. Decides to act.")
    ppr = first._p.get_or_add_pPr()
    rpr = ppr.makeelement(qn("w:rPr"), {})
    rpr.append(ppr.makeelement(qn(f"w:{mark}"), {qn("w:id"): "7", qn("w:author"): "A. Drafter",
                                                  qn("w:date"): "2026-01-05T10:00:00Z"}))
    ppr.append(rpr)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_a_changed_paragraph_mark_joins_two_paragraphs_in_one_reading_only():
    deleted, inserted = _paragraphs_with_marks("del"), _paragraphs_with_marks("ins")
    apart = "*The General Assembly,*\n\nRecalling its resolution 70/1,\n\n1. Decides to act.\n"
    joined = "*The General Assembly,*Recalling its resolution 70/1,\n\n1. Decides to act.\n"
    assert read_docx(deleted, "x").text == joined and read_docx(deleted, "x", original=True).text == apart
    assert read_docx(inserted, "x").text == apart and read_docx(inserted, "x", original=True).text == joined
