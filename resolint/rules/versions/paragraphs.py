"""Paragraphs missing or extra.

## What it checks
Every paragraph of one language version has its counterpart in the others: the same
preambular paragraphs, the same numbered operative paragraphs in the same order, the same
sub-paragraph labels ((a) with (a)), the same footnotes, header lines and meeting line.
A paragraph one version lacks (or has twice) is reported once, where it stands.

## Why it matters
The language versions of a resolution are equally authentic: a paragraph dropped in
translation is a decision that one language's readers never see, and references to
"paragraph 7" point to different text in each version.

## Example
```markdown
1. *Decides* to convene a high-level meeting;

3. *Requests* the Secretary-General to report to it at its eightieth session.
```
(while the English version has paragraphs 1, 2 and 3)

## Use instead
```markdown
1. *Décide* de convoquer une réunion de haut niveau ;

2. *Prie* …

3. *Prie* le Secrétaire général de lui présenter un rapport à sa quatre-vingtième session.
```
"""
from __future__ import annotations

from collections.abc import Iterator

from ...document.rule import RuleMeta
from .align import Divergence, Pair, Unit

META = RuleMeta(
    code="LV001",
    name="version-paragraphs",
    summary="The language versions have the same paragraphs, in the same order",
)


def check(pair: Pair) -> Iterator[Divergence]:
    for unit_a, unit_b in pair.matched:
        if unit_b is None:
            yield Divergence(unit_a.head, _near(pair, unit_a, side=0), unit_a.name, "no such paragraph", unit_a.key, unit_a.key)
        elif unit_a is None:
            yield Divergence(_near(pair, unit_b, side=1), unit_b.head, "no such paragraph", unit_b.name, unit_b.key, unit_b.key)
    yield from _order(pair)


def _near(pair: Pair, unit: Unit, side: int):
    """Where the missing unit would stand in the other version: at the counterpart of the
    last paired unit before it."""
    best = None
    for match in pair.matched:
        own, other = match[side], match[1 - side]
        if own is not None and other is not None and own.span.start < unit.span.start:
            if best is None or own.span.start > best[0].span.start:
                best = (own, other)
    if best is None:
        first = next(m[1 - side] for m in pair.matched if m[1 - side] is not None)
        return first.head
    return best[1].head


def _order(pair: Pair) -> Iterator[Divergence]:
    """Operative paragraphs paired by number but standing in another order (two swapped)."""
    both = [(a, b) for a, b in pair.matched if a is not None and b is not None and a.key[0] == "op" and len(a.key) == 3]
    by_b = sorted(both, key=lambda match: match[1].span.start)
    for (a, b), (a2, b2) in zip(both, by_b):
        if a is not a2:
            yield Divergence(a.head, b2.head, a.name, a2.name, a.key, b2.key)
            return
