"""A footnote indicator repeated in running text.

## What it checks
A footnote number referenced a second time in running text (a paragraph, or a block that
ends like a sentence) of the same resolution. Headings, table rows and schedule lines may
repeat an indicator — a programme of work marks every "Action on draft proposals" line with
the same note (A/C.2/80/L.1) — and are left alone.

## Why it matters
Each indicator points to its own footnote text, numbered consecutively with no repeated
numbers (UN Editorial Manual, "Footnote indicators"). A source cited again in the text gets
no second indicator, or a footnote of its own ("Ibid.", a shortened reference). None of the
1,303 indicators of the 126 adopted English resolutions in the corpus repeats a number; a
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

from ...linter.diagnostics import Violation
from ...linter.model import Document
from ...linter.rule import Context, RuleMeta
from .notes import groups

META = RuleMeta(
    code="FN002",
    name="repeated-footnote-reference",
    summary="A footnote number is referenced twice in running text",
)


def check(doc: Document, ctx: Context) -> Iterator[Violation]:
    for group in groups(doc, ctx.language):
        seen: set[int] = set()
        for reference in group.references:
            for number in reference.numbers:
                if number in seen and reference.running:
                    yield Violation(
                        reference.span,
                        f"Footnote {number} is referenced again: in running text each indicator has a footnote of its own",
                    )
                seen.add(number)
