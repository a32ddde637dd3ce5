"""Footnote references.

## What it checks
Each footnote is referenced from the aligned paragraph of every version, and the numbers
agree. The references pair in text order, so a footnote that one version has and another
lacks is reported once, where it stands; the numbers after it, all one higher, are no
further difference.

## Why it matters
A footnote gives the source of what the paragraph cites (a report's symbol, a treaty's
volume of the United Nations Treaty Series); referenced from another paragraph, or not at
all, it sends the reader of one language to the wrong source.

## Example
```markdown
*Recalling* the Convention on the Rights of the Child,
```
(while the English version references footnote 4 there)

## Use instead
```markdown
*Recalling* the Convention on the Rights of the Child,<sup>4</sup>
```
"""
from __future__ import annotations

from collections.abc import Iterator

from ...document.rule import RuleMeta
from .align import Divergence, Pair, Reference, Unit

META = RuleMeta(
    code="LV002",
    name="version-footnote-references",
    summary="Aligned paragraphs reference the same footnotes",
)


def check(pair: Pair) -> Iterator[Divergence]:
    counterpart = {id(b): a.key for a, b in pair.matched if a is not None and b is not None}
    references = pair.references
    shift = 0  # how much higher the numbers of b run, after the footnotes only one version has
    for index, (ref_a, ref_b) in enumerate(references):
        if ref_a is None or ref_b is None:
            shift += 1 if ref_a is None else -1
            yield _one_sided(pair, ref_a, ref_b)
            continue
        if counterpart.get(id(ref_b.unit)) != ref_a.unit.key:
            yield _divergence(ref_a, ref_b, f"footnote {ref_a.number} in {ref_a.unit.name}", f"footnote {ref_b.number} in {ref_b.unit.name}")
        elif ref_b.number - ref_a.number != shift:
            yield _divergence(ref_a, ref_b, f"footnote {ref_a.number}", f"footnote {ref_b.number}")
            if _next_difference(references, index) == ref_b.number - ref_a.number:
                shift = ref_b.number - ref_a.number  # numbered on from here: one finding, not a cascade


def _next_difference(references, index: int) -> int | None:
    for ref_a, ref_b in references[index + 1 :]:
        return None if ref_a is None or ref_b is None else ref_b.number - ref_a.number
    return None


def _one_sided(pair: Pair, ref_a: Reference | None, ref_b: Reference | None) -> Divergence:
    """A footnote one version lacks, quoted at the other's aligned paragraph."""
    if ref_b is None:
        there = _aligned_with(pair, ref_a.unit, 0)
        return Divergence(ref_a.span, there.head, f"footnote {ref_a.number}", "nothing", ref_a.unit.key, there.key)
    there = _aligned_with(pair, ref_b.unit, 1)
    return Divergence(there.head, ref_b.span, "nothing", f"footnote {ref_b.number}", there.key, ref_b.unit.key)


def _aligned_with(pair: Pair, unit: Unit, side: int) -> Unit:
    """The unit paired with `unit` (of version a for side 0, b for 1), else `unit` itself:
    looked up only for a footnote one version lacks, which is rare."""
    return next((match[1 - side] or unit for match in pair.matched if match[side] is unit), unit)


def _divergence(ref_a: Reference, ref_b: Reference, value_a: str, value_b: str) -> Divergence:
    return Divergence(ref_a.span, ref_b.span, value_a, value_b, ref_a.unit.key, ref_b.unit.key)
