"""Malformed footnote marker.

## What it checks
A footnote marker whose content is not a footnote number: `<sup></sup>`, `<sup>a1</sup>`,
a `<sup>` that is never closed. Several numbers in one marker (`<sup>10,11</sup>`), the
sponsor-list asterisk and table-note letters are accepted.

## Why it matters
Footnotes in resolutions are numbered (UN Editorial Manual, "Footnotes"); a marker without a
number cannot be matched with its footnote text.

## Example
```markdown
*The General Assembly*,

*Recalling* its resolution 70/1,<sup></sup>

1. *Decides* to remain seized of the matter.
```

## Use instead
```markdown
*The General Assembly*,

*Recalling* its resolution 70/1,<sup>1</sup>

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
    code="ST009",
    name="malformed-footnote-marker",
    summary="A footnote marker has no footnote number",
)


def check(doc: Document, ctx: Context) -> Iterator[Violation]:
    for issue in doc.issues:
        if issue.kind == "malformed-marker":
            shown = doc.slice(issue.span)
            if issue.detail:
                message = f"Footnote marker \"{shown}\" holds \"{issue.detail}\", not a footnote number"
            elif shown.endswith("</sup>"):
                message = "Footnote marker without a number"
            else:
                message = "\"<sup>\" is never closed by \"</sup>\""
            yield Violation(issue.span, message)
