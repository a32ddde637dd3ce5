"""A document's footnote markers, read in one walk, and its numbered footnote references and
footnote texts, one group per resolution — what the footnote rules and the editor's footnote
navigation read.

Numbering restarts with each resolution (a file may hold several: a new "75/276. Title" line
starts the next one) and runs on through parts A, B ... and into annexes. Only numbered
indicators count in a group: the sponsor-list note `<sup>*</sup>`, table notes `<sup>a</sup>`,
ordinal suffixes (`62<sup>e</sup>`), unit exponents (`km<sup>2</sup>`) and markers inside
footnote texts are not footnote references.
"""
from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum

from ..document.frozen import frozen
from ..document.langdata import LanguagePack
from ..document.model import (
    Annex,
    Block,
    Chapeau,
    Document,
    FootnoteRef,
    FootnoteText,
    Paragraph,
)
from ..document.punctuation import MARKS, final_mark
from ..document.span import Span, by_span
from ..grammar.classify import NUMBER_TITLE
from ..grammar.inline import scan, strip_markup


class Place(StrEnum):
    """Where a footnote marker stands."""

    RUNNING = "running"  # a paragraph, or a block that ends like a sentence: no indicator repeats
    DISPLAY = "display"  # a heading, a table, a schedule: an indicator may repeat
    NOTE = "note"  # inside a footnote text (its own label is no marker)


@frozen
class Reference:
    """A footnote marker outside the footnote texts' labels; `numbers` are its footnote
    numbers (none for `<sup>*</sup>`, `<sup>a</sup>`)."""

    ref: FootnoteRef
    numbers: tuple[int, ...]
    place: Place

    @property
    def span(self) -> Span:
        return self.ref.span

    @property
    def running(self) -> bool:
        """In running text an indicator is not repeated; headings, tables and schedules may."""
        return self.place is Place.RUNNING


@dataclass(frozen=True, slots=True)
class Group:
    """The footnotes of one resolution: numbered references and texts, in text order."""

    references: tuple[Reference, ...]
    texts: tuple[FootnoteText, ...]

    def first_appearance(self) -> list[int]:
        """Each referenced number once, in the order it is first referenced."""
        seen: dict[int, None] = {}
        for reference in self.references:
            for number in reference.numbers:
                seen.setdefault(number, None)
        return list(seen)


def references(doc: Document) -> tuple[Reference, ...]:
    """Every footnote marker of `doc` in text order, each once, the footnote texts' own labels
    left out."""
    labels = {note.label_span for note in doc.footnotes}
    found: dict[Span, Reference] = {}
    for ref, place in _walk(doc):
        if ref.span not in labels:
            found.setdefault(ref.span, Reference(ref, ref.numbers, place))
    return tuple(sorted(found.values(), key=by_span))


def groups(doc: Document, language: LanguagePack, markers: tuple[Reference, ...]) -> tuple[Group, ...]:
    """The footnote groups of `doc`, from its `markers` (`references(doc)`)."""
    units = set(language.topic("footnotes").get("indicator", {}).get("units", []))
    starts = _resolution_starts(doc)
    numbered: list[list[Reference]] = [[] for _ in range(len(starts) + 1)]
    texts: list[list[FootnoteText]] = [[] for _ in range(len(starts) + 1)]
    for reference in markers:
        if reference.numbers and reference.place is not Place.NOTE and not _is_exponent(doc.text, reference.ref, units):
            numbered[_index(starts, reference.span.start)].append(reference)
    for note in doc.footnotes:
        if note.number is not None:
            texts[_index(starts, note.span.start)].append(note)
    return tuple(Group(tuple(refs), tuple(notes)) for refs, notes in zip(numbered, texts) if refs or notes)


def _resolution_starts(doc: Document) -> list[int]:
    """Where a further resolution of the file starts: a number-and-title line ("78/16. …")
    after the text of an earlier one (its chapeau or a paragraph)."""
    starts = []
    body_seen = False
    for node in doc.blocks:
        if isinstance(node, (Chapeau, Paragraph)):
            body_seen = True
        elif body_seen and (
            getattr(node, "kind", None) == "number_title"
            or (isinstance(node, Block) and NUMBER_TITLE.match(_opening(doc, node.span)))
        ):
            starts.append(node.span.start)
    return starts


def _opening(doc: Document, span: Span) -> str:
    """The first words of a block without markup (enough for "78/16. "); none when they hold
    no slash, which setting the markup aside cannot make."""
    window = doc.text[span.start : min(span.end, span.start + 60)]
    return strip_markup(window).lstrip() if "/" in window else ""


def _index(starts: list[int], offset: int) -> int:
    """Which resolution of the file `offset` belongs to (0 for the first)."""
    return bisect_right(starts, offset)


def _walk(doc: Document) -> Iterator[tuple[FootnoteRef, Place]]:
    """(marker, where it stands) for every marker of every block, sub-paragraphs and annexes
    included."""
    text = doc.text
    for node in doc.blocks:
        if isinstance(node, FootnoteText):
            for ref in node.inline.refs:
                yield ref, Place.NOTE
        elif isinstance(node, Paragraph):
            stack = [node]
            while stack:
                paragraph = stack.pop()
                for ref in paragraph.inline.refs:
                    yield ref, Place.RUNNING
                stack.extend(reversed(paragraph.subparagraphs))
        elif isinstance(node, Annex):
            for ref in scan(text, node.heading.start, node.heading.end).inline.refs:
                yield ref, Place.DISPLAY
            for block in node.blocks:
                yield from _placed(text, block)
        else:
            yield from _placed(text, node)


def _placed(text: str, node) -> Iterator[tuple[FootnoteRef, Place]]:
    """The markers of a block outside the paragraphs: running text when it ends like a
    sentence."""
    if not node.inline.refs:
        return  # (most blocks: how it ends need not be read)
    place = Place.RUNNING if isinstance(node, Block) and final_mark(text, node.span)[0] in MARKS else Place.DISPLAY
    for ref in node.inline.refs:
        yield ref, place


def _is_exponent(text: str, ref: FootnoteRef, units: set[str]) -> bool:
    """`km<sup>2</sup>`: a square or cubic unit, not footnote 2."""
    if ref.label not in ("2", "3"):
        return False
    start = ref.span.start
    while start > 0 and text[start - 1].isalpha():
        start -= 1
    return text[start : ref.span.start] in units
