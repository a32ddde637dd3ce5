"""Dates.

## What it checks
Each pair of aligned paragraphs gives the same dates, in the same order, compared as dates
whatever each language's form: "25 September 2015", "25 de septiembre de 2015" and
"25 septembre 2015" agree.

## Why it matters
A date identifies what is cited (the resolution "of 25 September 2015") and when things are
to happen; translated dates are retyped, and several official versions carry a date that
differs from the original's.

## Example
```markdown
*Rappelant* sa résolution 70/1 du 24 septembre 2015,
```

## Use instead
```markdown
*Rappelant* sa résolution 70/1 du 25 septembre 2015,
```
"""
from __future__ import annotations

from collections.abc import Iterator

from ...document.rule import RuleMeta
from .align import Divergence, Pair, Side, Unit
from .values import compare

META = RuleMeta(
    code="LV004",
    name="version-dates",
    summary="Aligned paragraphs give the same dates",
)


def _read(side: Side, unit: Unit) -> list:
    text = side.doc.text
    found = side.within(side.facts.dates, unit)
    return [(date.span, (date.day, date.month, _year(found, index)), date.span.slice(text)) for index, date in enumerate(found)]


def _year(found: list, index: int) -> int | None:
    """A date's year, or the implied one: the next year given in the paragraph ("from 27 to
    31 May and from 25 to 29 November 2019"; "le 3 mai et le 4 juin 2024"), else the last."""
    for date in found[index:]:
        if date.year is not None:
            return date.year
    return next((date.year for date in reversed(found[:index]) if date.year is not None), None)


def check(pair: Pair) -> Iterator[Divergence]:
    return compare(pair, _read, when="same count")
