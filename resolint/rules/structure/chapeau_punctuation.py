"""Chapeau punctuation.

## What it checks
The chapeau — the organ's name — is followed by a comma when a preamble follows
("*The General Assembly*," then "*Recalling* …"), and by no mark when the operative part
follows it directly: numbered paragraphs ("*The General Assembly*" then "1. *Recognizes* …",
A/RES/78/251; a comma there is not reported) or a single unnumbered one ("*Endorses* … ."
in A/RES/78/1). Any other mark after the name (":", ".", ";") is reported too.

## Why it matters
The chapeau is the subject of the sentence that the whole resolution is; the comma sets off
the participial clauses of the preamble (UN Editorial Manual). The adopted texts of the
seventy-eighth and seventy-ninth sessions bear this out in all three languages: a comma in
each of the 2,032 with a preamble, none in the 63 without one but one.

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

from ...document.diagnostics import Edit, Fix, Violation
from ...document.model import Document
from ...document.punctuation import MARKS, final_mark
from ...document.rule import Context, RuleMeta
from ...document.span import Span

META = RuleMeta(
    code="ST003",
    name="chapeau-punctuation",
    summary="The chapeau is followed by a comma before the preamble, by nothing before the operative part",
    fixable=True,
)


def check(doc: Document, ctx: Context) -> Iterator[Violation]:
    for part in doc.parts:
        chapeau = part.chapeau
        if chapeau is None or not (part.preambular or part.operative):
            continue
        mark, offset = final_mark(doc.text, chapeau.span)
        has_mark = mark in MARKS
        if not part.preambular:
            single = len(part.operative) == 1 and part.operative[0].number is None
            # Before numbered paragraphs the official texts write none, but a comma is no
            # slip worth a warning there; before a single unnumbered paragraph it is one.
            if has_mark and (single or mark != ","):
                what = "a single unnumbered operative paragraph" if single else "the operative paragraphs"
                yield Violation(
                    Span(offset, offset + 1),
                    f"The chapeau takes no \"{mark}\" before {what}",
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
