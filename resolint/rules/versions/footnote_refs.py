"""Footnote references.

## What it checks
Each pair of aligned paragraphs references the same footnote numbers, in the same order.

## Why it matters
A footnote gives the source of what the paragraph cites (a report's symbol, a treaty's
volume of the United Nations Treaty Series); referenced from another paragraph, or not at
all, it sends the reader of one language to the wrong source.

## Example
```markdown
*Recalling* the Convention on the Rights of the Child,
```
(while the English version references footnote 4 there)

## Use instead
```markdown
*Recalling* the Convention on the Rights of the Child,<sup>4</sup>
```
"""
from __future__ import annotations

from collections.abc import Iterator

from ...document.rule import RuleMeta
from .align import Divergence, Pair, Side, Unit
from .values import compare

META = RuleMeta(
    code="LV002",
    name="version-footnote-references",
    summary="Aligned paragraphs reference the same footnotes",
)


def _read(side: Side, unit: Unit) -> list:
    return [
        (ref.span, number, f"footnote {number}")
        for group in side.facts.footnote_groups
        for ref in side.within(group.references, unit)
        for number in ref.numbers
    ]


def check(pair: Pair) -> Iterator[Divergence]:
    return compare(pair, _read)
