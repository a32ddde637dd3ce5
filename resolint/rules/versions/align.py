"""The paragraphs of two language versions, paired: what the LV rules compare.

Operative paragraphs pair by number (and part), sub-paragraphs by label within their paragraph,
header lines by position (by kind where one version has a line the other lacks); preambular
paragraphs, which have no number, pair by position, and where the counts differ by their
content anchors (symbols, figures, footnote references), so that one missing or extra
paragraph is reported once, not as a cascade through every paragraph after it.

Footnote references pair in text order, paragraph by aligned paragraph, and footnote texts
pair through them: when one version has a footnote the other lacks, every later number
differs by one, and the texts of footnote 12 here and footnote 11 there are the same note.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from typing import Any, NamedTuple

from ...document.model import Document, Paragraph
from ...document.span import Span


class Unit(NamedTuple):
    """One paragraph (or header line, footnote text) of one version. A named tuple, built a
    third faster than a frozen dataclass: a version has hundreds. The rules tell units apart
    by id(), never by value."""

    key: tuple
    name: str  # how a message names it: "operative paragraph 5"
    span: Span  # its own text, sub-paragraphs left out
    head: Span  # where a finding about the whole unit points


@dataclass(frozen=True)
class Side:
    facts: Any  # resolint.facts.Facts
    language: str  # "English"
    _kept: dict = field(default_factory=dict, repr=False, compare=False)  # what was worked out of this version

    @property
    def doc(self) -> Document:
        return self.facts.doc

    def once(self, compute, *args):
        """`compute(self, *args)`, worked out once per version for all the pairs it is in."""
        key = (compute, *args)
        found = self._kept.get(key)
        if found is None:
            found = self._kept[key] = compute(self, *args)
        return found

    @property
    def units(self) -> list[Unit]:
        """The version's units (their ids stay theirs while the version keeps them)."""
        return self.once(_units)

    def readings(self, reader) -> dict[int, list]:
        """What `reader(self)` reads in the whole version (items in text order, each a tuple
        that starts with its span) by the unit each item starts in: id(unit) -> items, a unit
        with none left out. Read once per version, and in one pass rather than unit by unit:
        most units hold no item of a kind."""
        return self.once(_by_unit, reader)

    def line(self, span: Span) -> int:
        return self.doc.lines.line_of(span.start)


@dataclass(frozen=True, slots=True)
class Reference:
    """One footnote number referenced in one version, and the unit it stands in."""

    span: Span
    number: int
    unit: Unit


@dataclass(frozen=True)
class Pair:
    a: Side
    b: Side
    matched: tuple[tuple[Unit | None, Unit | None], ...]
    references: tuple[tuple[Reference | None, Reference | None], ...] = ()


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
    kinds_a, kinds_b = a.once(_kinds), b.once(_kinds)
    matched = list(_by_key(kinds_a, kinds_b))
    matched.extend(_by_anchors(a, kinds_a["pre"], b, kinds_b["pre"]))
    references = tuple(_references(a.once(_referenced), b.once(_referenced), matched))
    matched.extend(_footnote_texts(kinds_a["fn"], kinds_b["fn"], references))
    return Pair(a, b, tuple(matched), references)


def _units(side: Side) -> list[Unit]:
    return units(side.doc)


def _by_unit(side: Side, reader) -> dict[int, list]:
    items = reader(side)
    starts = [item[0].start for item in items]
    found = {}
    if not starts:
        return found
    for unit in side.units:
        low = bisect_left(starts, unit.span.start)
        if low < len(starts) and starts[low] < unit.span.end:
            found[id(unit)] = items[low : bisect_left(starts, unit.span.end, low)]
    return found


def _kinds(side: Side) -> dict[str, list[Unit]]:
    """The units of each kind as pairing takes them: header lines, preambular paragraphs,
    footnote texts, and the keyed rest (operative paragraphs, meeting lines) in text order."""
    found: dict[str, list[Unit]] = {"header": [], "pre": [], "fn": [], "keyed": []}
    for unit in side.units:
        found[unit.key[0] if unit.key[0] in found else "keyed"].append(unit)
    return found


def _by_key(kinds_a: dict[str, list[Unit]], kinds_b: dict[str, list[Unit]]):
    """Numbered units by key, header lines by their kinds in order."""
    yield from _headers(kinds_a["header"], kinds_b["header"])
    keyed, others = kinds_a["keyed"], kinds_b["keyed"]
    keys_a = {unit.key for unit in keyed}
    keyed_b = {unit.key: unit for unit in others}
    yield from ((unit, keyed_b.get(unit.key)) for unit in keyed)
    yield from ((None, unit) for unit in others if unit.key not in keys_a)


def _headers(header_a: list[Unit], header_b: list[Unit]):
    """Header lines in order: where one version's line was read as another kind (a title
    line for "Résolutions adoptées par …"), still the same line. A line only one version
    has counts when it is one of the lines every resolution has."""
    kinds_a = [unit.key[1] for unit in header_a]
    kinds_b = [unit.key[1] for unit in header_b]
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, kinds_a, kinds_b, autojunk=False).get_opcodes():
        common = min(i2 - i1, j2 - j1)
        yield from zip(header_a[i1 : i1 + common], header_b[j1 : j1 + common])
        yield from ((unit, None) for unit in header_a[i1 + common : i2] if unit.key[1] in _EVERY_RESOLUTION)
        yield from ((None, unit) for unit in header_b[j1 + common : j2] if unit.key[1] in _EVERY_RESOLUTION)


_EVERY_RESOLUTION = ("session", "agenda", "adoption", "number_title")


def _referenced(side: Side) -> list[Reference]:
    """Each footnote number referenced in the body (every unit but the footnote texts), in
    text order, with its unit."""
    spans = sorted((unit for unit in side.units if unit.key[0] != "fn"), key=lambda unit: unit.span.start)
    starts = [unit.span.start for unit in spans]
    found = []
    for group in side.facts.footnote_groups:
        for ref in group.references:
            index = bisect_right(starts, ref.span.start) - 1
            if index >= 0 and ref.span.start < spans[index].span.end:
                found.extend(Reference(ref.span, number, spans[index]) for number in ref.numbers)
    return sorted(found, key=lambda reference: reference.span.start)


def _references(refs_a: list[Reference], refs_b: list[Reference], matched: list):
    """The references paired where they stand in aligned units, in text order."""
    counterpart = {id(unit_b): unit_a.key for unit_a, unit_b in matched if unit_a is not None and unit_b is not None}
    place_a: dict[tuple, int] = {}
    for index, reference in enumerate(refs_a):
        place_a.setdefault(reference.unit.key, index)
    refs_b = _in_order_of_a(refs_b, counterpart, place_a)
    where_a = [reference.unit.key for reference in refs_a]
    where_b = [counterpart.get(id(reference.unit), ("unpaired", reference.unit.key)) for reference in refs_b]
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, where_a, where_b, autojunk=False).get_opcodes():
        common = min(i2 - i1, j2 - j1)
        yield from zip(refs_a[i1 : i1 + common], refs_b[j1 : j1 + common])
        yield from ((reference, None) for reference in refs_a[i1 + common : i2])
        yield from ((None, reference) for reference in refs_b[j1 + common : j2])


def _in_order_of_a(refs_b: list[Reference], counterpart: dict, place_a: dict) -> list[Reference]:
    """b's references in the order of their paragraphs' counterparts in a: two paragraphs
    swapped are one finding (LV001's), not a footnote out of place in each; a reference in a
    paragraph a lacks stays after the one before it."""
    placed, last = [], -1.0
    for index, reference in enumerate(refs_b):
        key = counterpart.get(id(reference.unit))
        last = place_a.get(key, last + 0.001) if key is not None else last + 0.001
        placed.append((last, index, reference))
    return [reference for _, _, reference in sorted(placed, key=lambda item: item[:2])]


def _footnote_texts(notes_a: list[Unit], notes_b: list[Unit], references):
    """Footnote texts paired through their paired references, else by number."""
    number_of_b = {}
    for ref_a, ref_b in references:
        if ref_a is not None and ref_b is not None:
            number_of_b.setdefault(str(ref_a.number), str(ref_b.number))
    by_label_b = {unit.key[1:]: unit for unit in notes_b}
    taken = set()
    for unit in notes_a:
        label, *occurrence = unit.key[1:]
        other = by_label_b.get((number_of_b.get(label, label), *occurrence))
        if other is not None and id(other) not in taken:
            taken.add(id(other))
            yield unit, other
        else:
            yield unit, None
    yield from ((None, unit) for unit in notes_b if id(unit) not in taken)


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
    """The anchors of a unit: its symbols, figures and how many footnotes it references."""
    symbols, figures, references = (side.readings(reader).get(id(unit), ()) for reader in _ANCHORS)
    return tuple(value for _, value in symbols), tuple(value for _, value in figures), len(references)


def _symbol_anchors(side: Side) -> list:
    return [(found.span, found.value) for found in side.facts.symbol_anchors]


def _figure_anchors(side: Side) -> list:
    return [(found.span, found.value) for found in side.facts.figures]


def _footnote_anchors(side: Side) -> list:
    return sorted(((ref.span, ref.numbers) for group in side.facts.footnote_groups for ref in group.references), key=lambda item: item[0].start)


_ANCHORS = (_symbol_anchors, _figure_anchors, _footnote_anchors)


def units(doc: Document) -> list[Unit]:
    """Every unit of `doc` in text order of kind: header, preamble, operative, footnotes."""
    seen: dict[tuple, int] = {}
    found = [Unit(_once(seen, ("header", line.kind)), f"the {line.kind} line", line.span, line.span) for line in doc.header]
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
    pieces = paragraph.pieces
    span = pieces[0] if len(pieces) == 1 else Span(pieces[0].start, pieces[-1].end)
    return Unit(key, name, span, paragraph.head(doc.text))


def _subparagraphs(doc: Document, parent: tuple, paragraph: Paragraph):
    for sub in paragraph.subparagraphs:
        key = (*parent, sub.level, sub.ordinal)
        yield _unit(doc, key, f"sub-paragraph ({sub.marker})", sub)
        yield from _subparagraphs(doc, key, sub)
