"""Ordinals in running text that must name the current session, or a later one.

## What it checks
Running text names many sessions — past ones ("adopted at its sixty-fourth session"), future
ones ("to report to it at its eightieth session"), the current one ("at its seventy-eighth
session") — and none of these can be checked by its number alone. Two phrasings can:

- a session the text calls current ("the General Assembly at its current seventy-fifth
  session", "la Asamblea General en su septuagésimo quinto período de sesiones, en curso"): its
  ordinal is the document's own session;
- the provisional agenda of a session the text decides to add an item to ("*Decides* to
  include in the provisional agenda of its eighty-first session …"): always a later session
  than the document's own — the provisional agenda of the current session was settled
  before it opened. A recalled decision ("*Recalling* its decision to include in the
  provisional agenda of its seventy-ninth session …") is left alone.

The document's session comes from its session line (else its resolution number). The words
that mark these phrasings are in `rules/data/<lang>/ordinals.toml`. Only General Assembly
texts are checked.

## Why it matters
These are the ordinals a drafter forgets to update when a resolution is reused from an
earlier session. In the 126 adopted English resolutions of the corpus, all 60 provisional
agenda ordinals name a later session.

## Example
```markdown
Seventy-fifth session

*The General Assembly*,

1. *Decides* to include in the provisional agenda of its seventy-fifth session the item entitled "Cooperation".
```

## Use instead
```markdown
Seventy-fifth session

*The General Assembly*,

1. *Decides* to include in the provisional agenda of its seventy-seventh session the item entitled "Cooperation".
```
"""
from __future__ import annotations

from collections.abc import Iterator

from ...document.diagnostics import Applicability, Edit, Fix, Violation
from ...document.model import Document
from ...document.rule import Context, RuleMeta
from ...facts.sessions import (
    WINDOW,
    decided_for_agenda,
    words_for,
)

META = RuleMeta(
    code="SS003",
    name="current-session-ordinal",
    summary="Running text that names the current session, or a provisional agenda, has the right ordinal",
    fixable=True,
)


def check(doc: Document, ctx: Context) -> Iterator[Violation]:
    if doc.body not in ("GA", None):
        return
    current, _ = ctx.facts.current_session
    if current is None or not current.isdigit():
        return
    current_number = int(current)
    words = words_for(ctx.language.code)
    header_end = max((line.span.end for line in doc.header), default=0)
    text = doc.text
    for mention in ctx.facts.session_mentions:
        if mention.kind or not mention.certain or mention.ordinal.start < header_end:
            continue
        if decided_for_agenda(text, mention, words):
            if mention.number <= current_number:
                yield Violation(
                    mention.ordinal,
                    f"The provisional agenda of session {mention.number}: a resolution of session {current} "
                    f"can only add items to the agenda of a later session",
                )
        elif _called_current(text, mention, words) and mention.number != current_number:
            right = words.correct(current_number, mention.written)
            yield Violation(
                mention.ordinal,
                f"This names the current session, which is session {current}, not {mention.number}",
                Fix(f"Write \"{right}\"", (Edit(mention.ordinal, right),), Applicability.UNSAFE),
            )


def _called_current(text: str, mention, words) -> bool:
    """"the General Assembly at its current seventy-fifth session" or "… período de sesiones,
    en curso" — said of the General Assembly."""
    start = max(0, mention.ordinal.start - WINDOW)
    marker = words.current_before.search(text, start, mention.ordinal.start) if words.current_before else None
    if marker is not None:
        before = marker.start()
    elif words.current_after is not None and words.current_after.match(text, mention.phrase.end):
        before = mention.ordinal.start
    else:
        return False
    pattern = words.assembly_before
    return pattern is not None and pattern.search(text, max(0, before - WINDOW), before) is not None
