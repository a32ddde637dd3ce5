"""A General Assembly resolution dated outside its session.

## What it checks
A General Assembly resolution or decision numbered by session ("59/50", "1514 (XV)") and
cited with a date: the date falls within that regular session — from its opening to the
opening of the next (the last meeting may fall on that day). Sessions 71 onwards have
documented opening dates; earlier ones are inferred by the rules of procedure's rule (the
third Tuesday of September), and 60 days' slack is allowed around them for the known
exceptions. Special and emergency special sessions (S-30/1, ES-10/1) are not tied to years
and are not checked. A citation whose organ is not named ("resolution 45/3 of 6 October 2020",
another body's) counts as the Assembly's only when dated within a year of that session, or
on the day and month the Assembly adopted it ("its resolution 72/256 of 24 December 2107": a
slip in the year of 72/256 of 24 December 2017).

## Why it matters
Session *n* runs from September of 1945 + *n* to September of the next year: "resolution
59/50 of 2 December 2014" cannot be right, whatever the true date (UN rules of procedure,
rule 1; un-editorial-facts §4.2). The record of sessions ships with resolint
(`resolint/records/sessions.tsv`).

## Example
```markdown
*The General Assembly*,

*Recalling* its resolution 59/50 of 2 December 2014,

1. *Decides* to remain seized of the matter.
```

## Use instead
```markdown
*The General Assembly*,

*Recalling* its resolution 59/50 of 2 December 2004,

1. *Decides* to remain seized of the matter.
```
"""
from __future__ import annotations

from collections.abc import Iterator

from ...document.diagnostics import Severity, Violation
from ...document.model import Document
from ...document.rule import Context, RuleMeta
from ...facts.dates import english_date
from .common import citation_name, session_window

META = RuleMeta(
    code="CT005",
    name="session-window",
    summary="A General Assembly resolution's date falls within its session",
    default_severity=Severity.ERROR,
)


def check(doc: Document, ctx: Context) -> Iterator[Violation]:
    for _, item in ctx.facts.cited:
        day = item.date.value if item.date else None
        session = ctx.facts.assembly_sessions[item]
        if day is None or session is None:
            continue
        window = session_window(session)
        if window is None or window.contains(day):
            continue
        span = f"{english_date(window.start)} to {english_date(window.end)}"
        basis = "" if window.documented else " (dates inferred by rule)"
        yield Violation(
            item.date.span,
            f"{citation_name(item)} is of the General Assembly's session {session}, which ran from {span}{basis}; "
            f"“{item.date.written}” is outside it",
        )
