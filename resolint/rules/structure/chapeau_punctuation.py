"""Chapeau punctuation.

## What it checks
The chapeau — the organ's name — is followed by a comma ("*The General Assembly*,"),
except when a single unnumbered operative paragraph follows, where it takes none
("*The General Assembly*" then "*Endorses* … ." in A/RES/78/1). Any other mark after the
name (":", ".", ";") is reported too.

## Why it matters
The chapeau is the subject of the sentence that the whole resolution is; the comma joins it
to the preamble (UN Editorial Manual; 122 of 126 adopted English texts in the corpus).

## Example
```markdown
*The General Assembly*:

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

from ...linter.diagnostics import Edit, Fix, Violation
from ...linter.model import Document
from ...linter.punctuation import MARKS, final_mark
from ...linter.rule import Context, RuleMeta
from ...linter.span import Span

META = RuleMeta(
    code="ST003",
    name="chapeau-punctuation",
    summary="The chapeau is followed by a comma (none before a single unnumbered paragraph)",
    fixable=True,
)


def check(doc: Document, ctx: Context) -> Iterator[Violation]:
    for part in doc.parts:
        chapeau = part.chapeau
        if chapeau is None:
            continue
        single = len(part.operative) == 1 and part.operative[0].number is None and not part.preambular
        mark, offset = final_mark(doc.text, chapeau.span)
        has_mark = mark in MARKS
        if single:
            if has_mark:
                yield Violation(
                    Span(offset, offset + 1),
                    f"The chapeau takes no \"{mark}\" before a single unnumbered operative paragraph",
                    Fix(f"Remove \"{mark}\"", (Edit(Span(offset, offset + 1), ""),)),
                )
        elif mark != ",":
            if has_mark:
                span, edit = Span(offset, offset + 1), Edit(Span(offset, offset + 1), ",")
                message = f"The chapeau ends with \"{mark}\"; it is followed by a comma"
            else:
                span, edit = Span(chapeau.organ.start, chapeau.span.end), Edit(Span(chapeau.span.end, chapeau.span.end), ",")
                message = "The chapeau is followed by a comma"
            yield Violation(span, message, Fix("Put a comma after the chapeau", (edit,)))
