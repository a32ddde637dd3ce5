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
from .align import Divergence, Pair, Side
from .values import compare

META = RuleMeta(
    code="LV004",
    name="version-dates",
    summary="Aligned paragraphs give the same dates",
)


def _read(side: Side) -> list:
    text = side.doc.text
    return [(date.span, (date.day, date.month, date.year), date.span.slice(text)) for date in side.facts.dates]


def _same_day(value_a: tuple, value_b: tuple) -> bool:
    """A date without its year is the same day as one with it: the year is implied by the
    sentence ("from 27 to 31 May and from 25 to 29 November 2019") or there is none ("22 March,
    World Water Day")."""
    return value_a[:2] == value_b[:2] and (value_a[2] is None or value_b[2] is None)


def check(pair: Pair) -> Iterator[Divergence]:
    return compare(pair, _read, when="same count", agree=_same_day)
