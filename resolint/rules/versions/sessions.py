"""Sessions.

## What it checks
Each pair of aligned paragraphs (and the session line of the heading) names the same
sessions, read from the ordinals of each language: "seventy-ninth session",
"soixante-dix-neuvième session" and "septuagésimo noveno período de sesiones" agree.

## Why it matters
The session says when a text was adopted and when a report is due; the French version of
one resolution of the eightieth session names the seventy-ninth in its session line.

## Example
```markdown
Soixante-dix-neuvième session
```
(in a resolution of the eightieth session)

## Use instead
```markdown
Quatre-vingtième session
```
"""
from __future__ import annotations

from collections.abc import Iterator

from ...document.rule import RuleMeta
from .align import Divergence, Pair, Side
from .values import compare

META = RuleMeta(
    code="LV006",
    name="version-sessions",
    summary="Aligned paragraphs name the same sessions",
)


def _read(side: Side) -> list:
    """A mention that names no known session (a compound that is no ordinal, a misspelling
    as near to two) is a value of its own: it agrees with no session of the other version."""
    text = side.doc.text
    return [
        (mention.ordinal, (mention.kind, mention.number if mention.certain else None), mention.ordinal.slice(text))
        for mention in side.facts.session_mentions
    ]


def check(pair: Pair) -> Iterator[Divergence]:
    return compare(pair, _read, when="same count")
