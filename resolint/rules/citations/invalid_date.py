"""Impossible date.

## What it checks
A date whose day the month does not have: "31 June 2020", "29 February 2023", "31 de
septiembre de 2019", "30 février 2020". Dates are read in the document's language (English
"2 December 2004", Spanish "2 de diciembre de 2004", French "1er janvier 2004"), with or
without the year.

## Why it matters
An impossible date in a citation or a time limit cannot be right: the reader cannot tell
which day was meant, and a cited resolution cannot be found by it.

## Example
```markdown
*The General Assembly*,

*Recalling* its resolution 74/270 of 31 April 2020,

1. *Decides* to remain seized of the matter.
```

## Use instead
```markdown
*The General Assembly*,

*Recalling* its resolution 74/270 of 2 April 2020,

1. *Decides* to remain seized of the matter.
```
"""
from __future__ import annotations

from collections.abc import Iterator

from ...document.diagnostics import Severity, Violation
from ...document.model import Document
from ...document.rule import Context, RuleMeta
from .common import ENGLISH_MONTHS

META = RuleMeta(
    code="CT002",
    name="invalid-date",
    summary="Dates are real calendar dates (no 31 June, no 29 February in a common year)",
    default_severity=Severity.ERROR,
)


def check(doc: Document, ctx: Context) -> Iterator[Violation]:
    for found in ctx.facts.dates:
        if found.valid:
            continue
        month = ENGLISH_MONTHS[found.month - 1]
        if found.month == 2 and found.day == 29 and found.year:
            reason = f"{found.year} is not a leap year"
        else:
            reason = f"{month} has no day {found.day}"
        yield Violation(found.span, f"Impossible date “{doc.slice(found.span)}”: {reason}")
