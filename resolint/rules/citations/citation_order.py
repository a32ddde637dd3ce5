"""Dates in a list that contradict the numbers.

## What it checks
In a list of cited resolutions with their dates, a resolution of a later session is not dated
before one of an earlier session: "resolutions 70/160 of 17 December 2015, 72/183 of
19 December 2019 and 74/161 of 18 December 2019" cannot all be right, since session 72 ended
before session 74 began. The numbers that carry their order are compared: the session of a
General Assembly or Human Rights Council resolution ("72/183", "217 (III)"), and the number of
a Security Council resolution ("2467 (2019)"), numbered in order of adoption. Two items of
one session are not compared (the Assembly does not number a session's resolutions by date:
194 (III) of 11 December 1948 comes before 212 (III) of 19 November 1948), nor are special
sessions ("S-29/1") or numbers by year ("2009/28").

The order of the list is the drafter's: oldest first, or newest first ("the most recent of
which being resolutions 77/227 of 15 December 2022, 76/180 of 16 December 2021 …"), or by
subject. Only dates that contradict the numbers are reported.

## Why it matters
Two dates in the opposite order of their sessions mean one date (or number) is wrong: the
reader who looks it up will not find it. Such slips are copied from one year's text into the
next (72/183 "of 19 December 2019" in the French of resolution 78/207; it was adopted on 19
December 2017).

## Example
```markdown
*The General Assembly*,

*Recalling* its resolutions 70/160 of 17 December 2015, 72/183 of 19 December 2019 and 74/161 of 18 December 2019,

1. *Decides* to remain seized of the matter.
```

## Use instead
```markdown
*The General Assembly*,

*Recalling* its resolutions 70/160 of 17 December 2015, 72/183 of 19 December 2017 and 74/161 of 18 December 2019,

1. *Decides* to remain seized of the matter.
```
"""
from __future__ import annotations

from collections.abc import Iterator

from ...document.diagnostics import Violation
from ...document.model import Document
from ...document.rule import Context, RuleMeta
from ...facts.citations import Citation
from .common import english_date

META = RuleMeta(
    code="CT007",
    name="citation-order",
    summary="In a list of citations, no resolution of a later session is dated before one of an earlier session",
)


def check(doc: Document, ctx: Context) -> Iterator[Violation]:
    for found in ctx.facts.citations:
        previous = None  # (rank, date, item) of the last dated item that has a rank
        for item in found.items:
            rank = order_rank(item)
            day = item.date.value if item.date else None
            if rank is None or day is None:
                continue
            if previous is not None and previous[0][0] == rank[0] and previous[0][1] != rank[1]:
                earlier, later = sorted((previous, (rank, day, item)), key=lambda entry: entry[0])
                if earlier[1] > later[1]:
                    what = "number" if rank[0] == "sc" else "session"
                    yield Violation(
                        item.span,
                        f"{earlier[2].number} of {english_date(earlier[1])} is of an earlier {what} than "
                        f"{later[2].number} of {english_date(later[1])} but dated later: one of the two dates is wrong",
                    )
            previous = (rank, day, item)


def order_rank(item: Citation) -> tuple[str, int] | None:
    """What orders an item in time: ("session", n) for "72/183" and "217 (III)", ("sc", n)
    for a Security Council resolution; None when nothing does (special sessions, years)."""
    if item.body == "SC" and item.form in ("sc", "bare"):
        return ("sc", int(item.base.split(" ")[0]))
    if item.body in ("GA", "HRC", None) and item.form in ("session", "roman") and item.session and item.session.isdigit():
        return ("session", int(item.session))
    return None
