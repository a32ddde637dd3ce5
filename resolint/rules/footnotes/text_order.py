"""Footnote texts in numerical order.

## What it checks
The numbered footnote texts of a resolution, in text order: each has a higher number than
the one before it, and no number is used for two texts.

## Why it matters
Footnotes sit at the foot of the page in the order of their numbers (UN Editorial Manual,
"Footnotes"); a text out of order, or two texts with one number, leave a reader unsure which
text an indicator points to.

The fix is the renumbering of `footnote-reference-sequence` (unsafe): references numbered by
first appearance, footnote texts relabelled and put in that order. It is offered only when
references and texts correspond one to one.

## Example
```markdown
*The General Assembly*,

*Recalling* its resolution 70/1 of 25 September 2015,<sup>1</sup>

*Taking note* of the report of the Secretary-General,<sup>2</sup>

1. *Decides* to remain seized of the matter.

<sup>2</sup> A/79/100.

<sup>1</sup> Resolution 70/1.
```

## Use instead
```markdown
*The General Assembly*,

*Recalling* its resolution 70/1 of 25 September 2015,<sup>1</sup>

*Taking note* of the report of the Secretary-General,<sup>2</sup>

1. *Decides* to remain seized of the matter.

<sup>1</sup> Resolution 70/1.

<sup>2</sup> A/79/100.
```
"""
from __future__ import annotations

from collections.abc import Iterator

from ...document.diagnostics import Violation
from ...document.model import Document
from ...document.rule import Context, RuleMeta
from .fixes import renumber_fix

META = RuleMeta(
    code="FN005",
    name="footnote-text-order",
    summary="Footnote texts stand in numerical order, each number once",
    fixable=True,
)


def check(doc: Document, ctx: Context) -> Iterator[Violation]:
    for group in ctx.facts.footnote_groups:
        highest = 0
        seen: set[int] = set()
        fix = None
        fix_made = False
        for note in group.texts:
            number = note.number
            if number in seen:
                yield Violation(note.label_span, f"Footnote text {number} repeats the number of an earlier footnote text")
            elif number < highest:
                if not fix_made:
                    fix, fix_made = renumber_fix(doc, group), True
                yield Violation(note.label_span, f"Footnote text {number} comes after footnote text {highest}", fix)
            seen.add(number)
            highest = max(highest, number)
