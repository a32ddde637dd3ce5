"""A footnote indicator repeated in running text.

## What it checks
A footnote number referenced a second time in running text (a paragraph, or a block that
ends like a sentence) of the same resolution. Headings, table rows and schedule lines may
repeat an indicator — a programme of work marks every "Action on draft proposals" line with
the same note (A/C.2/80/L.1) — and are left alone.

## Why it matters
Each indicator points to its own footnote text, numbered consecutively with no repeated
numbers (UN Editorial Manual, "Footnote indicators"). "In a change from past practice,
numbered footnote indicators are no longer repeated in resolutions" (Manual, "Repeated
references"): a source cited again gets no second indicator, or a new footnote with the
same text. Of the 18,700 indicators of the 1,972 official resolutions in the corpus (en, fr,
es), six repeat a number: the old practice kept in one recurring resolution (79/83 in all
three languages, 78/11 in English and French) and a wrong number in one French text; a
repeated one in a draft is usually a note copied with its paragraph.

## Example
```markdown
*The General Assembly*,

*Recalling* the 2030 Agenda for Sustainable Development,<sup>1</sup>

*Reaffirming* its commitment to the 2030 Agenda,<sup>1</sup>

1. *Decides* to remain seized of the matter.

<sup>1</sup> Resolution 70/1.
```

## Use instead
```markdown
*The General Assembly*,

*Recalling* the 2030 Agenda for Sustainable Development,<sup>1</sup>

*Reaffirming* its commitment to the 2030 Agenda,

1. *Decides* to remain seized of the matter.

<sup>1</sup> Resolution 70/1.
```
"""
from __future__ import annotations

from collections.abc import Iterator

from ...document.diagnostics import Violation
from ...document.model import Document
from ...document.rule import Context, RuleMeta

META = RuleMeta(
    code="FN002",
    name="repeated-footnote-reference",
    summary="A footnote number is referenced twice in running text",
)


def check(doc: Document, ctx: Context) -> Iterator[Violation]:
    for group in ctx.facts.footnote_groups:
        seen: set[int] = set()
        for reference in group.references:
            for number in reference.numbers:
                if number in seen and reference.running:
                    yield Violation(
                        reference.span,
                        f"Footnote {number} is referenced again: in running text each indicator has a footnote of its own",
                    )
                seen.add(number)
