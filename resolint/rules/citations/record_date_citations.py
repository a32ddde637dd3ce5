"""Cited date differs from the date other texts cite.

## What it checks
Like CT008, for the resolutions and decisions the record knows only from citations in later
texts (General Assembly resolutions adopted without a vote before session 78, decisions
before session 71) or whose recorded date is flagged as suspect: a cited date that differs
from the date most texts cite is reported, with how many documents cite each. The
numbering weighs in: a date that falls between those of the resolutions numbered just before
and after, where the majority's date does not, is not reported (75/313 "of 29 July 2021",
between 75/312 of 29 July and 75/314 of 2 August 2021, though two texts cite "20 July").

## Why it matters
Citations can be wrong, so the record's date is only the majority's: a warning, not an
error. Resolution 67/1 is cited as "of 24 September 2012" in six documents and as "of 19
September 2012" in three (78/229 and 80/229 among them); it was adopted on 24 September 2012.

## Example
```markdown
*The General Assembly*,

*Recalling* its resolution 67/1 of 19 September 2012,

1. *Decides* to remain seized of the matter.
```

## Use instead
```markdown
*The General Assembly*,

*Recalling* its resolution 67/1 of 24 September 2012,

1. *Decides* to remain seized of the matter.
```
"""
from __future__ import annotations

from collections.abc import Iterator

from ...document.diagnostics import Violation
from ...document.model import Document
from ...document.rule import Context, RuleMeta
from ...facts.citations import Citation
from ...facts.dates import english_date
from .common import citation_name, contradiction, date_fix

META = RuleMeta(
    code="CT009",
    name="date-differs-from-citations",
    summary="A cited date matches the date other texts cite, where the record knows no more",
    fixable=True,
)


def check(doc: Document, ctx: Context) -> Iterator[Violation]:
    for _, item in ctx.facts.cited:
        violation = _differs(doc, item, ctx)
        if violation:
            yield violation


def _differs(doc: Document, item: Citation, ctx: Context) -> Violation | None:
    """The finding when a record known only from citations, or flagged as suspect, differs
    from the cited date."""
    judged = contradiction(item, ctx.facts.records_for_citations[item])
    if judged is None or judged.firm:
        return None
    record = judged.record
    adopted = record.adopted
    name, cited = citation_name(item), item.date.written
    if record.citation_only:
        other = record.evidence_for(item.date.value)
        message = f"{name} is cited as of {english_date(adopted.date)}"
        message += f" in {adopted.cited_in} documents" if adopted.cited_in > 1 else " in other texts"
        if other is not None and other.cited_in:
            message += f" and as of “{cited}” in {other.cited_in}"
        message += "; the record knows it only from citations: check the date"
    else:
        message = (f"{name} was adopted on {english_date(adopted.date)} according to {adopted.describe()}, "
                   f"a date the data set flags as suspect; check “{cited}”")
    return Violation(item.date.span, message, date_fix(item, adopted.date, ctx.language))
