"""Empty document.

## What it checks
A file with no text at all, or only blank lines, comments and separator lines.

## Why it matters
An empty file is usually a failed export or the wrong file; saying so beats silence.

## Example
```markdown
<!-- nothing yet -->
```

## Use instead
```markdown
*The General Assembly*,

1. *Decides* to remain seized of the matter.
```
"""
from __future__ import annotations

from collections.abc import Iterator

from ...document.diagnostics import Violation
from ...document.model import Directive, Document
from ...document.rule import Context, RuleMeta
from ...document.span import Span

META = RuleMeta(
    code="ST010",
    name="empty-document",
    summary="The document has no text",
)


def check(doc: Document, ctx: Context) -> Iterator[Violation]:
    content = [node for node in doc.blocks if not isinstance(node, Directive)]
    if not content and not doc.header:
        yield Violation(Span(0, min(1, len(doc.text))), "The document is empty: there is no text to check")
