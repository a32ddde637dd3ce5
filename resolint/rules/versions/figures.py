"""Figures and percentages.

## What it checks
Each pair of aligned paragraphs gives the same figures, in the same order, compared as
numbers whatever the separators: "1,000" (English), "1 000" (French) and "1.000" (Spanish)
agree, as do "2.5 per cent" and "2,5 %". Whole numbers under 100 are left out: one
language spells them out ("ten years") where another writes figures.

## Why it matters
Figures are amounts of money, numbers of posts, targets and thresholds; one that differs in
one language changes what the resolution decides for its readers.

## Example
```markdown
*Decide* consignar la suma de 1.500.000 dólares,
```
(while the English version reads "$1,600,000")

## Use instead
```markdown
*Decide* consignar la suma de 1.600.000 dólares,
```
"""
from __future__ import annotations

from collections.abc import Iterator

from ...document.rule import RuleMeta
from .align import Divergence, Pair, Side, Unit
from .values import compare

META = RuleMeta(
    code="LV005",
    name="version-figures",
    summary="Aligned paragraphs give the same figures",
)


def _read(side: Side, unit: Unit) -> list:
    return [(f.span, f.value, f.written) for f in side.within(side.facts.figures, unit) if _significant(f.value)]


def _significant(value: str) -> bool:
    """Small whole numbers are spelled out in one language and written in figures in another."""
    return not value.isdigit() or int(value) >= 100


def check(pair: Pair) -> Iterator[Divergence]:
    return compare(pair, _read, when="both")
