"""A footnote reference without a footnote text.

## What it checks
Every numbered footnote indicator of a resolution has a footnote text with its number
(`<sup>3</sup> A/79/100.` or `[^3]: A/79/100.`) in the same resolution. The finding points to
the first indicator of the number.

## Why it matters
In resolutions all sources are cited in footnotes, numbered one to one with their indicators
(UN Editorial Manual, "Footnotes"). An indicator without its text cites nothing; usually the
text was lost in editing or numbered differently.

## Example
```markdown
*The General Assembly*,

*Recalling* its resolution 70/1 of 25 September 2015,<sup>1</sup>

*Taking note* of the report of the Secretary-General,<sup>2</sup>

1. *Decides* to remain seized of the matter.

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

from ...document.diagnostics import Severity, Violation
from ...document.model import Document
from ...document.rule import Context, RuleMeta

META = RuleMeta(
    code="FN003",
    name="footnote-without-text",
    summary="A footnote reference has no footnote text",
    default_severity=Severity.ERROR,
)


def check(doc: Document, ctx: Context) -> Iterator[Violation]:
    for group in ctx.facts.footnote_groups:
        written = {note.number for note in group.texts}
        reported: set[int] = set()
        for reference in group.references:
            for number in reference.numbers:
                if number not in written and number not in reported:
                    reported.add(number)
                    yield Violation(reference.span, f"Footnote {number} has no footnote text")
