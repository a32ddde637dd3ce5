"""The year in a resolution's number differs from its date.

## What it checks
A Security Council resolution carries its year of adoption in parentheses — "resolution
1631 (2005) of 17 October 2005" — and the date cited with it must be of that year. An
Economic and Social Council resolution or decision numbered by year ("2009/28") is dated
within that year's session, which since 2014 opens in July of the year before; a date
outside July of the previous year to December of that year is reported.

## Why it matters
The year in the number is part of the number: a different year in the date means one of the
two is wrong (UN Editorial Manual, "System of identification"; un-editorial-facts §1.2, §6.3).

## Example
```markdown
*The Security Council*,

*Recalling* its resolution 1631 (2005) of 17 October 2006,

1. *Decides* to remain seized of the matter.
```

## Use instead
```markdown
*The Security Council*,

*Recalling* its resolution 1631 (2005) of 17 October 2005,

1. *Decides* to remain seized of the matter.
```
"""
from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from ...document.diagnostics import Severity, Violation
from ...document.model import Document
from ...document.rule import Context, RuleMeta
from .common import citation_name

META = RuleMeta(
    code="CT006",
    name="year-mismatch",
    summary="The year in a Security Council or ECOSOC resolution's number matches its date",
    default_severity=Severity.ERROR,
)


def check(doc: Document, ctx: Context) -> Iterator[Violation]:
    for _, item in ctx.facts.cited:
        day = item.date.value if item.date else None
        if day is None:
            continue
        written = item.date.written
        if item.body == "SC" and item.paren_year is not None and day.year != item.paren_year:
            yield Violation(
                item.date.span,
                f"{citation_name(item)} is dated “{written}”: the year in parentheses is the year of adoption",
            )
        elif item.body == "ECOSOC" and item.year_part is not None:
            year = item.year_part
            if not date(year - 1, 7, 1) <= day <= date(year, 12, 31):
                yield Violation(
                    item.date.span,
                    f"Economic and Social Council {citation_name(item).lower()} belongs to the {year} session "
                    f"(July {year - 1} to December {year} at the widest); “{written}” is outside it",
                )
