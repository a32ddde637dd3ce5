"""No chapeau.

## What it checks
A resolution with paragraphs but no chapeau: the name of the organ that opens the text
("*The General Assembly*,", "*La Asamblea General*,", "*L'Assemblée générale*,"). Draft
decisions and amendments, which have no chapeau, are not checked.

## Why it matters
A resolution is one sentence whose subject is the organ: every preambular participle and
operative verb hangs on the chapeau. Without it the text has no subject, and the tool cannot
tell the heading from the preamble.

## Example
```markdown
*Recalling* its resolution 70/1 of 25 September 2015,

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

from ...document.diagnostics import Severity, Violation
from ...document.model import Document
from ...document.rule import Context, RuleMeta

META = RuleMeta(
    code="ST002",
    name="missing-chapeau",
    summary="The resolution has no chapeau naming the organ",
    default_severity=Severity.ERROR,
)


def check(doc: Document, ctx: Context) -> Iterator[Violation]:
    if doc.kind == "decision" or any(part.chapeau for part in doc.parts):
        return
    paragraphs = doc.preambular + doc.operative
    if not paragraphs:
        return
    example = next(iter(ctx.language.topic("structure")["organs"]["GA"]))
    yield Violation(
        paragraphs[0].head(doc.text),
        f"No chapeau before the first paragraph: open with the organ's name, e.g. \"*{example}*,\"",
    )
