"""Blocks run together on one line.

## What it checks
Two blocks — heading lines, the chapeau, paragraphs — that stand on one line with no
paragraph break between them, as PDF conversion leaves them ("…Colectiva****Resolución…",
"…tipo<sup>1</sup>,*Haciendo referencia* a…").

## Why it matters
Every heading line and paragraph of a resolution is a block of its own. Run together, a
reader (and every other check) takes two paragraphs for one: the second paragraph's opening
phrase, numbering and punctuation go unseen.

## Example
```markdown
*The General Assembly*,

*Recalling* its resolution 70/1 of 25 September 2015,<sup>1</sup> *Noting* the report of the Secretary-General,

1. *Decides* to remain seized of the matter.
```

## Use instead
```markdown
*The General Assembly*,

*Recalling* its resolution 70/1 of 25 September 2015,<sup>1</sup>

*Noting* the report of the Secretary-General,

1. *Decides* to remain seized of the matter.
```
"""
from __future__ import annotations

from collections.abc import Iterator

from ...document.diagnostics import Edit, Fix, Violation
from ...document.model import Document
from ...document.rule import Context, RuleMeta
from ...document.span import Span

META = RuleMeta(
    code="ST001",
    name="blocks-run-together",
    summary="Heading lines or paragraphs run together on one line",
    fixable=True,
)


def check(doc: Document, ctx: Context) -> Iterator[Violation]:
    for issue in doc.issues:
        if issue.kind != "run-together":
            continue
        gap = issue.span
        shown = Span(gap.start, min(len(doc.text), gap.end + 1))
        yield Violation(
            shown,
            f"{issue.detail[:1].upper()}{issue.detail[1:]} runs on from the block before it on the same line",
            Fix("Start it on a line of its own", (Edit(gap, doc.newline * 2),)),
        )
