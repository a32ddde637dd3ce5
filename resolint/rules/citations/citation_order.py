"""Resolutions listed out of chronological order.

## What it checks
In a list of cited resolutions or decisions with their dates — "resolutions 64/256 of
2 March 2010, 65/122 of 13 December 2010 and 73/331 of 25 July 2019" — each date is not
earlier than the one before it. Only the dated items of one run are compared: a list that
goes on after a description ("… 76/69 of 9 December 2021 on interreligious dialogue, 69/312
of 6 July 2015 on the Alliance of Civilizations …") starts a new group, by subject.

## Why it matters
UN texts list earlier resolutions on a subject from the oldest to the latest, so that the
reader sees how the mandate grew (practice of the official texts; un-editorial-facts §6.3).
A date out of order is often a wrong date or a wrong number.

## Example
```markdown
*The General Assembly*,

*Recalling* its resolutions 65/122 of 13 December 2010 and 64/256 of 2 March 2010,

1. *Decides* to remain seized of the matter.
```

## Use instead
```markdown
*The General Assembly*,

*Recalling* its resolutions 64/256 of 2 March 2010 and 65/122 of 13 December 2010,

1. *Decides* to remain seized of the matter.
```
"""
from __future__ import annotations

from collections.abc import Iterator

from ...linter.diagnostics import Violation
from ...linter.model import Document
from ...linter.rule import Context, RuleMeta
from .common import english_date
from .scan import find_citations

META = RuleMeta(
    code="CT007",
    name="citation-order",
    summary="Lists of dated resolutions go in chronological order",
)


def check(doc: Document, ctx: Context) -> Iterator[Violation]:
    for found in find_citations(doc, ctx.language):
        previous = None
        for item in found.items:
            day = item.date.value if item.date else None
            if day is None:
                continue
            if item.resumed:
                previous = None
            if previous is not None and day < previous[1]:
                yield Violation(
                    item.span,
                    f"{item.number} ({english_date(day)}) comes after {previous[0].number} ({english_date(previous[1])}): "
                    "list resolutions from the oldest to the latest",
                )
            previous = (item, day)
