"""A Word document gives the findings of its Markdown source, pointing at the right Word
paragraph: corpus texts and broken drafts, turned into .docx files here (italics as runs,
footnotes in the footnotes part, numbering automatic or typed)."""
from __future__ import annotations

from bisect import bisect_right
from pathlib import Path

import pytest

from resolint.docx import WordIndex, read_docx
from resolint.grammar.blocks import physical_blocks
from resolint.grammar.parser import parse
from resolint.linter.engine import lint_document

from .conftest import CORPUS, ROOT, corpus_files, require
from .docx_builder import build_docx

# Markdown that a Word document cannot hold: emphasis markers that close one phrase and open
# the next with nothing between ("Colectiva****Resolución", from the PDF conversion) tell the
# parser where blocks were run together; in Word the two bold runs are one bold phrase.
NOT_IN_WORD = {"es/A-RES-75-276.md"}
ALL = [path for path in corpus_files("en", "es", "en-drafts") if f"{path.parent.name}/{path.name}" not in NOT_IN_WORD]
DRAFTS = ROOT / "tests" / "docx_drafts"


def _findings(text: str):
    doc = parse(text)
    return doc, lint_document(doc)


def _block_starts(markdown: str) -> list[int]:
    return [span.start for span, kind in physical_blocks(markdown) if kind != "comment"]


def assert_same_findings(markdown: str, numbering: str) -> None:
    """Codes, severities, messages, the text each finding covers and the paragraph it is in
    (its preambular/operative role, and the Word paragraph the builder put its block in)."""
    built = build_docx(markdown, numbering=numbering)
    word = read_docx(built.data, "draft.docx")
    md_doc, md_found = _findings(markdown)
    word_doc, word_found = _findings(word.text)
    index = WordIndex(word_doc, word)
    md_roles = WordIndex(md_doc, word)  # only its role() is used: it reads the parsed model
    starts = sorted(built.places)
    expected, actual = [], []
    for d in md_found:
        block = starts[max(0, bisect_right(starts, d.span.start) - 1)]
        expected.append((d.code, d.severity, d.message, markdown[d.span.start : d.span.end], md_roles.role(d.span.start),
                         built.places[block]))
    for d in word_found:
        where = index.word_location(d.span)
        place = ("footnotes", where.footnote) if where.part == "footnotes" else ("document", where.paragraph_index)
        actual.append((d.code, d.severity, d.message, word.text[d.span.start : d.span.end], where.role, place))
    # In the Word text the footnotes come after the body, so findings in them sort later there.
    assert sorted(actual, key=repr) == sorted(expected, key=repr)


@pytest.mark.parametrize("path", ALL, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_corpus_text_as_word_document_gives_the_same_findings(path: Path):
    require(CORPUS.is_dir(), f"the shared corpus is not at {CORPUS}")
    assert_same_findings(path.read_text(encoding="utf-8"), "auto")


@pytest.mark.parametrize("path", ALL[::6], ids=lambda p: f"{p.parent.name}/{p.name}")
def test_corpus_text_with_typed_numbers_gives_the_same_findings(path: Path):
    require(CORPUS.is_dir(), f"the shared corpus is not at {CORPUS}")
    assert_same_findings(path.read_text(encoding="utf-8"), "typed")


@pytest.mark.parametrize("path", sorted(DRAFTS.glob("*.md")) + [ROOT / "examples" / "draft-oceans-en.md"], ids=lambda p: p.name)
@pytest.mark.parametrize("numbering", ["auto", "typed"])
def test_broken_drafts_as_word_documents_give_the_same_findings(path: Path, numbering: str):
    markdown = path.read_text(encoding="utf-8")
    assert _findings(markdown)[1], "a broken draft must have findings"
    assert_same_findings(markdown, numbering)
