"""The adoption date in the heading equals the date on the meeting line.

## What it checks
"Resolution adopted by the General Assembly on 28 April 2021" in the heading and the date
under the closing meeting line ("62nd plenary meeting / 28 April 2021") are the same day.
Each part of a multi-part resolution has its own meeting line; each is compared. Security
Council resolutions, which carry the meeting and the date in their heading only, and texts
without one of the two dates are not checked.

## Why it matters
Both dates record the day of adoption — when a meeting runs past midnight, the calendar date
of the vote (UN Editorial Manual, "Drafting and editing"). Different dates mean one of them
was not updated, and citations of the resolution ("resolution 75/276 of 28 April 2021") will
disagree.

## Example
```markdown
Seventy-fifth session

Resolution adopted by the General Assembly on 28 April 2021

75/276. Cooperation between the United Nations and the Collective Security Treaty Organization

*The General Assembly*,

1. *Decides* to remain seized of the matter.

*62nd plenary meeting 27 April 2021*
```

## Use instead
```markdown
Seventy-fifth session

Resolution adopted by the General Assembly on 28 April 2021

75/276. Cooperation between the United Nations and the Collective Security Treaty Organization

*The General Assembly*,

1. *Decides* to remain seized of the matter.

*62nd plenary meeting 28 April 2021*
```
"""
from __future__ import annotations

from collections.abc import Iterator

from ...document.diagnostics import Severity, Violation
from ...document.model import Document
from ...document.rule import Context, RuleMeta
from ...facts.dates import first_date

META = RuleMeta(
    code="SS005",
    name="adoption-date-mismatch",
    summary="The adoption date in the heading equals the date on the meeting line",
    default_severity=Severity.ERROR,
)


def check(doc: Document, ctx: Context) -> Iterator[Violation]:
    closings = [part.closing for part in doc.parts if part.closing is not None]
    if not closings:
        return
    adopted = ctx.facts.adoption_date
    if adopted is None:
        return
    for closing in closings:
        met = first_date(ctx.facts.dates, closing.span)
        if met is not None and (met.day, met.month, met.year) != (adopted.day, adopted.month, adopted.year):
            yield Violation(
                met.span,
                f"The meeting line is dated {_shown(doc, met)}, but the heading says the resolution "
                f"was adopted on {_shown(doc, adopted)}",
            )


def _shown(doc: Document, date) -> str:
    return " ".join(doc.slice(date.span).replace("<sup>", "").replace("</sup>", "").split())
