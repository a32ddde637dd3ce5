"""A footnote text that nothing refers to.

## What it checks
Every numbered footnote text (`<sup>3</sup> A/79/100.`) has an indicator with its number in
the text of the same resolution. The sponsor-list note (`<sup>*</sup>`) and table notes
(`<sup>a</sup>`) are not numbered footnotes and are left alone.

## Why it matters
Footnote texts correspond one to one with their indicators (UN Editorial Manual, "Footnote
indicators"). A text nobody refers to was left behind when its indicator was deleted, or its
indicator carries another number.

## Example
```markdown
*The General Assembly*,

*Recalling* its resolution 70/1 of 25 September 2015,<sup>1</sup>

1. *Decides* to remain seized of the matter.

<sup>1</sup> Resolution 70/1.

<sup>2</sup> A/79/100.
```

## Use instead
```markdown
*The General Assembly*,

*Recalling* its resolution 70/1 of 25 September 2015,<sup>1</sup>

1. *Decides* to remain seized of the matter.

<sup>1</sup> Resolution 70/1.
```
"""
from __future__ import annotations

from collections.abc import Iterator

from ...document.diagnostics import Severity, Violation
from ...document.model import Document
from ...document.rule import Context, RuleMeta

META = RuleMeta(
    code="FN004",
    name="footnote-text-without-reference",
    summary="A footnote text has no reference in the text",
    default_severity=Severity.ERROR,
)


def check(doc: Document, ctx: Context) -> Iterator[Violation]:
    for group in ctx.facts.footnote_groups:
        referenced = {number for reference in group.references for number in reference.numbers}
        for note in group.texts:
            if note.number not in referenced:
                yield Violation(note.label_span, f"Footnote text {note.number} has no reference in the text")
