"""Cited date contradicts the record.

## What it checks
Where the record shipped with resolint (`resolint/records/`, built from the shared data set:
UN Digital Library voting records, the official texts of sessions 78–80, the official
Security Council texts) knows the cited resolution or decision, the date cited with it must
be its adoption date or another date a primary source attests. The message names the
source. So does a Security Council resolution's year: "resolution 2334 (2015)" is reported
when the record has resolution 2334 adopted in 2016.

A date the record knows only from citations in other texts is the next rule's business
(CT009, a warning); a number the record does not hold is unknown, never wrong. A citation
whose organ is not named counts as the General Assembly's only when dated within a year of
its session (see CT005).

## Why it matters
A wrong date sends the reader to the wrong meeting and is copied from one year's text into
the next: resolutions 78/53, 79/50 and 80/24 all cite resolution 74/54 "of 19 December 2019";
it was adopted on 12 December 2019. No other tool checks citations against the record.

## Example
```markdown
*The General Assembly*,

*Recalling* its resolution 74/54 of 19 December 2019,

1. *Decides* to remain seized of the matter.
```

## Use instead
```markdown
*The General Assembly*,

*Recalling* its resolution 74/54 of 12 December 2019,

1. *Decides* to remain seized of the matter.
```
"""
from __future__ import annotations

from collections.abc import Iterator

from ...document.diagnostics import Severity, Violation
from ...document.model import Document
from ...document.rule import Context, RuleMeta
from ...facts.citations import Citation
from ...facts.dates import english_date
from .common import citation_name, contradiction, date_fix

META = RuleMeta(
    code="CT008",
    name="date-contradicts-record",
    summary="A cited date matches the record of the resolution or decision (primary sources)",
    default_severity=Severity.ERROR,
    fixable=True,
)


def check(doc: Document, ctx: Context) -> Iterator[Violation]:
    for _, item in ctx.facts.cited:
        violation = _contradicted(doc, item, ctx)
        if violation:
            yield violation
        if item.body == "SC" and item.paren_year is not None:
            known = ctx.facts.records_for_citations[item]
            if known and known[0].adopted.date.year != item.paren_year:
                record = known[0]
                yield Violation(
                    item.span,
                    f"Resolution {item.number}: the Security Council adopted resolution {record.number.split(' ')[0]} "
                    f"in {record.adopted.date.year} (source: {record.adopted.describe()})",
                )


def _contradicted(doc: Document, item: Citation, ctx: Context) -> Violation | None:
    """The finding when a record resting on a primary source contradicts the cited date."""
    judged = contradiction(item, ctx.facts.records_for_citations[item])
    if judged is None or not judged.firm:
        return None
    record = judged.record
    adopted = record.adopted
    message = (f"{citation_name(item)} was adopted on {english_date(adopted.date)}, "
               f"not on “{item.date.written}” (source: {adopted.describe()}")
    other = record.evidence_for(item.date.value)
    citing = [f"{adopted.cited_in} with {english_date(adopted.date)}"] if adopted.cited_in else []
    if other is not None:
        citing.append(f"{other.cited_in or 1} with the date given here")
    if citing:
        message += "; documents citing it: " + ", ".join(citing)
    return Violation(item.date.span, message + ")", date_fix(item, adopted.date, ctx.language))
