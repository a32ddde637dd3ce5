"""What the footnote rules share: a document's numbered footnote references and footnote
texts, one group per resolution, and the fix that renumbers a group.

Numbering restarts with each resolution (a file may hold several: a new "75/276. Title" line
starts the next one) and runs on through parts A, B ... and into annexes. Only numbered
indicators count: the sponsor-list note `<sup>*</sup>`, table notes `<sup>a</sup>`, ordinal
suffixes (`62<sup>e</sup>`) and unit exponents (`km<sup>2</sup>`) are not footnote references.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from ..document.diagnostics import UNSAFE, Edit, Fix
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
from ..document.span import Span
from ..grammar.classify import NUMBER_TITLE
from ..grammar.inline import scan, strip_markup
from .per_document import per_document

_DIGITS = re.compile(r"\d+")


@dataclass(frozen=True, slots=True)
class Reference:
    """A numbered footnote indicator. `running` is true in running text (a paragraph, or a
    block that ends like a sentence), where an indicator is not repeated; headings, tables and
    schedules may repeat one."""

    ref: FootnoteRef
    numbers: tuple[int, ...]
    running: bool

    @property
    def span(self) -> Span:
        return self.ref.span


@dataclass(frozen=True, slots=True)
class Group:
    """The footnotes of one resolution: references and numbered texts, in text order."""

    references: tuple[Reference, ...]
    texts: tuple[FootnoteText, ...]

    def first_appearance(self) -> list[int]:
        """Each referenced number once, in the order it is first referenced."""
        seen: dict[int, None] = {}
        for reference in self.references:
            for number in reference.numbers:
                seen.setdefault(number, None)
        return list(seen)


@per_document
def groups(doc: Document, language: LanguagePack) -> tuple[Group, ...]:
    """The footnote groups of `doc` (computed once per document: several rules ask)."""
    units = set(language.topic("footnotes").get("indicator", {}).get("units", []))
    starts = _resolution_starts(doc)
    references: list[list[Reference]] = [[] for _ in range(len(starts) + 1)]
    texts: list[list[FootnoteText]] = [[] for _ in range(len(starts) + 1)]
    for ref, running in _all_refs(doc):
        numbers = ref.numbers
        if numbers and not _is_exponent(doc.text, ref, units):
            references[_index(starts, ref.span.start)].append(Reference(ref, numbers, running))
    for note in doc.footnotes:
        if note.number is not None:
            texts[_index(starts, note.span.start)].append(note)
    return tuple(
        Group(tuple(sorted(refs, key=lambda r: r.span)), tuple(notes))
        for refs, notes in zip(references, texts)
        if refs or notes
    )


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
    """The first words of a block without markup (enough for "78/16. ")."""
    return strip_markup(doc.text[span.start : min(span.end, span.start + 60)]).lstrip()


def _index(starts: list[int], offset: int) -> int:
    """Which resolution of the file `offset` belongs to (0 for the first)."""
    return bisect_right(starts, offset)


def _all_refs(doc: Document):
    """(reference, in running text?) for every indicator outside the footnote texts."""
    text = doc.text
    for node in doc.blocks:
        if isinstance(node, FootnoteText):
            continue
        if isinstance(node, Paragraph):
            stack = [node]
            while stack:
                paragraph = stack.pop()
                for ref in paragraph.inline.refs:
                    yield ref, True
                stack.extend(reversed(paragraph.subparagraphs))
        elif isinstance(node, Annex):
            for ref in scan(text, node.heading.start, node.heading.end).inline.refs:
                yield ref, False
            for block in node.blocks:
                running = final_mark(text, block.span)[0] in MARKS
                for ref in block.inline.refs:
                    yield ref, running
        else:
            running = isinstance(node, Block) and final_mark(text, node.span)[0] in MARKS
            for ref in node.inline.refs:
                yield ref, running


def _is_exponent(text: str, ref: FootnoteRef, units: set[str]) -> bool:
    """`km<sup>2</sup>`: a square or cubic unit, not footnote 2."""
    if ref.label not in ("2", "3"):
        return False
    start = ref.span.start
    while start > 0 and text[start - 1].isalpha():
        start -= 1
    return text[start : ref.span.start] in units


def renumber_fix(doc: Document, group: Group) -> Fix | None:
    """Number the references by first appearance and put the footnote texts, relabelled, in
    that order into the places where texts stand. None when references and texts do not
    correspond one to one (then no renumbering is safe to guess)."""
    order = group.first_appearance()
    numbers = [note.number for note in group.texts]
    if len(set(numbers)) != len(numbers) or set(numbers) != set(order):
        return None
    mapping = {old: new for new, old in enumerate(order, start=1)}
    edits: list[Edit] = []
    for reference in group.references:
        label = doc.slice(reference.span)
        relabelled = _relabel(label, [mapping[number] for number in reference.numbers])
        if relabelled != label:
            edits.append(Edit(reference.span, relabelled))
    contents = sorted(group.texts, key=lambda note: mapping[note.number])
    for slot, note in zip(group.texts, contents):
        new = _relabel(doc.slice(note.label_span), [mapping[note.number]]) + doc.text[note.label_span.end : note.span.end]
        if new != doc.slice(slot.span):
            edits.append(Edit(slot.span, new))
    if not edits:
        return None
    return Fix("Renumber the footnotes in order of first appearance", tuple(edits), UNSAFE)


def _relabel(label: str, numbers: list[int]) -> str:
    replacements = iter(numbers)
    return _DIGITS.sub(lambda match: str(next(replacements, match.group())), label)


def describe(numbers: list[int]) -> str:
    """"4", "4 and 5", "4 to 6"."""
    if len(numbers) == 1:
        return str(numbers[0])
    if len(numbers) == 2:
        return f"{numbers[0]} and {numbers[1]}"
    return f"{numbers[0]} to {numbers[-1]}"
