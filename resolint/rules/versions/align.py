"""The paragraphs of two language versions, paired: what the LV rules compare.

Operative paragraphs pair by number (and part), sub-paragraphs by label within their paragraph,
footnote texts by number, header lines by kind; preambular paragraphs, which have no number,
pair by position, and where the counts differ by their content anchors (symbols, figures,
footnote references), so that one missing or extra paragraph is reported once, not as a
cascade through every paragraph after it.
"""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from typing import Any

from ...document.model import Document, Paragraph
from ...document.span import Span


@dataclass(frozen=True, slots=True)
class Unit:
    """One paragraph (or header line, footnote text) of one version."""

    key: tuple
    name: str  # how a message names it: "operative paragraph 5"
    span: Span  # its own text, sub-paragraphs left out
    head: Span  # where a finding about the whole unit points


@dataclass(frozen=True)
class Side:
    facts: Any  # resolint.facts.Facts
    language: str  # "English"
    _starts: dict = field(default_factory=dict, repr=False, compare=False)  # id(items) -> (starts, items kept alive)

    @property
    def doc(self) -> Document:
        return self.facts.doc

    def within(self, items, unit: Unit, start=lambda item: item.span.start) -> list:
        """The facts (in text order) that start in `unit`."""
        starts = self._starts.get(id(items))
        if starts is None:
            starts = self._starts[id(items)] = ([start(item) for item in items], items)
        return list(items[bisect_left(starts[0], unit.span.start) : bisect_left(starts[0], unit.span.end)])

    def session_mentions(self, unit: Unit) -> list:
        return self.within(self.facts.session_mentions, unit, start=lambda mention: mention.ordinal.start)

    def line(self, span: Span) -> int:
        return self.doc.lines.line_of(span.start)


@dataclass(frozen=True)
class Pair:
    a: Side
    b: Side
    matched: tuple[tuple[Unit | None, Unit | None], ...]


@dataclass(frozen=True, slots=True)
class Divergence:
    """What a rule found: the place and the value on each side ("A/75/444" / "A/76/444")."""

    span_a: Span
    span_b: Span
    value_a: str
    value_b: str
    key_a: tuple
    key_b: tuple

    def flipped(self) -> "Divergence":
        """The same divergence seen from the other version."""
        return Divergence(self.span_b, self.span_a, self.value_b, self.value_a, self.key_b, self.key_a)


def pair(a: Side, b: Side) -> Pair:
    units_a, units_b = units(a.doc), units(b.doc)
    matched: list[tuple[Unit | None, Unit | None]] = []
    keyed_b = {unit.key: unit for unit in units_b if unit.key[0] != "pre"}
    keyed_a = {unit.key: unit for unit in units_a if unit.key[0] != "pre"}
    for unit in units_a:
        if unit.key[0] != "pre":
            matched.append((unit, keyed_b.get(unit.key)))
    matched.extend((None, unit) for unit in units_b if unit.key[0] != "pre" and unit.key not in keyed_a)
    pre_a = [unit for unit in units_a if unit.key[0] == "pre"]
    pre_b = [unit for unit in units_b if unit.key[0] == "pre"]
    matched.extend(_by_anchors(a, pre_a, b, pre_b))
    return Pair(a, b, tuple(matched))


def _by_anchors(a: Side, pre_a: list[Unit], b: Side, pre_b: list[Unit]):
    if len(pre_a) == len(pre_b):
        yield from zip(pre_a, pre_b)
        return
    signs_a = [_signature(a, unit) for unit in pre_a]
    signs_b = [_signature(b, unit) for unit in pre_b]
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, signs_a, signs_b, autojunk=False).get_opcodes():
        if tag == "equal" or (tag == "replace" and i2 - i1 == j2 - j1):
            yield from zip(pre_a[i1:i2], pre_b[j1:j2])
            continue
        common = min(i2 - i1, j2 - j1)
        yield from zip(pre_a[i1 : i1 + common], pre_b[j1 : j1 + common])
        yield from ((unit, None) for unit in pre_a[i1 + common : i2])
        yield from ((None, unit) for unit in pre_b[j1 + common : j2])


def _signature(side: Side, unit: Unit) -> tuple:
    facts = side.facts
    refs = sum(1 for group in facts.footnote_groups for ref in group.references if unit.span.start <= ref.span.start < unit.span.end)
    return (
        tuple(s.value for s in side.within(facts.symbol_anchors, unit)),
        tuple(f.value for f in side.within(facts.figures, unit)),
        refs,
    )


def units(doc: Document) -> list[Unit]:
    """Every unit of `doc` in text order of kind: header, preamble, operative, footnotes."""
    found = [Unit(("header", line.kind), f"the {line.kind} line", line.span, line.span) for line in doc.header
             if line.kind in ("session", "agenda", "adoption", "number_title")]
    seen: dict[tuple, int] = {}
    for index, part in enumerate(doc.parts):
        for position, paragraph in enumerate(part.preambular):
            found.append(_unit(doc, ("pre", index, position), f"preambular paragraph {position + 1}", paragraph))
            found.extend(_subparagraphs(doc, ("pre", index, position), paragraph))
        for paragraph in part.operative:
            number = paragraph.number
            key = _once(seen, ("op", index, number))
            found.append(_unit(doc, key, f"operative paragraph {number}" if number else "the operative paragraph", paragraph))
            found.extend(_subparagraphs(doc, key, paragraph))
        if part.closing is not None:
            found.append(Unit(("closing", index), "the meeting line", part.closing.span, part.closing.span))
    for note in doc.footnotes:
        key = _once(seen, ("fn", note.label))
        found.append(Unit(key, f"footnote {note.label}", note.body, note.label_span))
    return found


def _once(seen: dict[tuple, int], key: tuple) -> tuple:
    """A key repeated in one version (a duplicated paragraph) gets its occurrence number."""
    seen[key] = seen.get(key, 0) + 1
    return key if seen[key] == 1 else (*key, seen[key])


def _unit(doc: Document, key: tuple, name: str, paragraph: Paragraph) -> Unit:
    span = Span(paragraph.pieces[0].start, paragraph.pieces[-1].end)
    return Unit(key, name, span, paragraph.head(doc.text))


def _subparagraphs(doc: Document, parent: tuple, paragraph: Paragraph):
    for sub in paragraph.subparagraphs:
        key = (*parent, sub.level, sub.ordinal)
        yield _unit(doc, key, f"sub-paragraph ({sub.marker})", sub)
        yield from _subparagraphs(doc, key, sub)
