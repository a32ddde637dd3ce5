"""Unbalanced emphasis markers.

## What it checks
An asterisk that opens emphasis and never closes it, or closes emphasis that never opened
("*Recalling its resolution 70/1", "Recalling* its resolution").

## Why it matters
Italics carry meaning in a resolution: they mark the opening phrase of every paragraph. A
stray marker italicises the wrong words, or none, and hides the opening phrase from the
other checks.

## Example
```markdown
*The General Assembly*,

*Recalling its resolution 70/1 of 25 September 2015,

1. *Decides* to remain seized of the matter.
```

## Use instead
```markdown
*The General Assembly*,

*Recalling* its resolution 70/1 of 25 September 2015,

1. *Decides* to remain seized of the matter.
```
"""
from __future__ import annotations

from collections.abc import Iterator

from ...document.diagnostics import Violation
from ...document.model import Document
from ...document.rule import Context, RuleMeta

META = RuleMeta(
    code="ST007",
    name="unbalanced-emphasis",
    summary="An emphasis marker opens or closes nothing",
)


def check(doc: Document, ctx: Context) -> Iterator[Violation]:
    for issue in doc.issues:
        if issue.kind == "unbalanced-emphasis":
            marker = doc.slice(issue.span)
            yield Violation(issue.span, f"\"{marker}\" opens or closes no emphasis: add its partner or remove it")
