"""Document symbol left as a placeholder.

## What it checks
A document symbol that a draft leaves to be filled in — `A/80/___`, `A/80/L.__`,
`A/80/7/Add.__` — is listed, at information level, so that the placeholders of a draft can be
found before it is issued. It is not an error: drafts carry them until the document cited has
its number (`resolint check` still exits 0).

## Why it matters
A placeholder that survives into the issued text is a reference that leads nowhere; listing
them lets the secretariat fill each in (UN document symbols, ST/LIB/SER.B/5/Rev.5;
un-editorial-facts §5).

## Example
```markdown
*The General Assembly*,

*Having considered* the report of the Secretary-General (A/80/___),

1. *Decides* to remain seized of the matter.
```

## Use instead
```markdown
*The General Assembly*,

*Having considered* the report of the Secretary-General (A/80/345),

1. *Decides* to remain seized of the matter.
```
"""
from __future__ import annotations

from collections.abc import Iterator

from ...document.diagnostics import Severity, Violation
from ...document.model import Document
from ...document.rule import Context, RuleMeta

META = RuleMeta(
    code="CT010",
    name="placeholder-symbol",
    summary="Document symbols still to be filled in (A/80/___, A/80/L.__) are listed",
    default_severity=Severity.INFO,
)


def check(doc: Document, ctx: Context) -> Iterator[Violation]:
    for found in ctx.facts.symbols:
        if found.parsed.placeholder:
            yield Violation(found.span, f"Placeholder symbol “{found.parsed.text}”: fill in the document's number before issue")
