"""Session line, resolution number and document symbols agree.

## What it checks
The session named in the heading, everywhere it is named:

- the session line ("Seventy-fifth session", "Tenth emergency special session");
- the session part of the resolution number ("75/276", "ES-10/23");
- the session part of the General Assembly symbols in the heading — the provenance line, the
  sponsor line, a symbol line: "A/75/L.78", "A/C.3/78/L.60", "A/78/481/Add.2", "A/ES-10/L.30".

The session line is the reference, unless the number and every symbol agree on another
session: then the session line is the odd one out. Symbols of other series (A/HRC/…,
A/AC.109/…) carry their own numbering and are not compared.

## Why it matters
A resolution belongs to one session: its number, the documents it was adopted on and its
heading all say so (UN Editorial Manual, "System of identification"; facts §4–5). A mismatch
is a copy-paste slip from last year's text, and it sends a reader to the wrong documents.

## Example
```markdown
Seventy-sixth session

Agenda item 130

Resolution adopted by the General Assembly on 28 April 2021

[without reference to a Main Committee (A/75/L.78 and Add.1)]

75/276. Cooperation between the United Nations and the Collective Security Treaty Organization

*The General Assembly*,

1. *Decides* to remain seized of the matter.
```

## Use instead
```markdown
Seventy-fifth session

Agenda item 130

Resolution adopted by the General Assembly on 28 April 2021

[without reference to a Main Committee (A/75/L.78 and Add.1)]

75/276. Cooperation between the United Nations and the Collective Security Treaty Organization

*The General Assembly*,

1. *Decides* to remain seized of the matter.
```
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from ...document.diagnostics import Severity, Violation
from ...document.model import Document
from ...document.rule import Context, RuleMeta
from ...document.span import Span

META = RuleMeta(
    code="SS002",
    name="session-mismatch",
    summary="The session line, the resolution number and the symbols in the heading name the same session",
    default_severity=Severity.ERROR,
)

# "75/276", "ES-10/23" at the start of the number-and-title line (after any markup).
NUMBER = re.compile(r"(?<![\w/.-])(?P<session>(?:E?S-)?\d{1,3})/\d{1,4}\b")
# General Assembly symbols whose second (or third) part is the session.
SYMBOL = re.compile(r"\bA/(?:C\.[1-6]/|RES/)?(?P<session>(?:E?S-)?\d{1,3})/[A-Za-z0-9]")
SYMBOL_LINES = ("provenance", "sponsors", "symbol")


def check(doc: Document, ctx: Context) -> Iterator[Violation]:
    line_session, line_span = ctx.facts.current_session
    if line_span is None:
        line_session = None  # no session line: the number is only compared with the symbols
    number = _number(doc)
    symbols = list(_symbols(doc))
    if line_session and number and number[0] != line_session and all(s == number[0] for s, _, _ in symbols):
        yield Violation(
            line_span,
            f"The session line names session {line_session}, but the resolution number "
            f"{doc.slice(number[2])} belongs to session {number[0]}",
        )
        return
    reference, source = (line_session, "the session line") if line_session else (
        (number[0], f"the resolution number {doc.slice(number[2])}") if number else (None, "")
    )
    if reference is None:
        return
    if number and number[0] != reference:
        yield Violation(
            number[1],
            f"Resolution number {doc.slice(number[2])} belongs to session {number[0]}, but {source} names session {reference}",
        )
    for session, span, whole in symbols:
        if session != reference:
            yield Violation(span, f"{whole} belongs to session {session}, but {source} names session {reference}")


def _number(doc: Document) -> tuple[str, Span, Span] | None:
    """(session, span of the session part, span of the whole number) of the resolution."""
    for line in doc.header:
        if line.kind == "number_title":
            found = NUMBER.search(doc.text, line.span.start, min(line.span.end, line.span.start + 40))
            if found:
                return found.group("session"), Span(*found.span("session")), Span(*found.span())
            return None
    return None


def _symbols(doc: Document):
    """(session, span of the session part, symbol as written) in the heading's symbol lines."""
    for line in doc.header:
        if line.kind in SYMBOL_LINES:
            for found in SYMBOL.finditer(doc.text, line.span.start, line.span.end):
                end = found.end()
                while end < line.span.end and not doc.text[end].isspace() and doc.text[end] not in ",;)]*":
                    end += 1
                yield found.group("session"), Span(*found.span("session")), doc.text[found.start() : end]
