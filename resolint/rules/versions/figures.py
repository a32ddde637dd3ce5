"""Figures and percentages.

## What it checks
Each pair of aligned paragraphs gives the same figures, in the same order, compared as
numbers whatever the separators: "1,000" (English), "1 000" (French) and "1.000" (Spanish)
agree, as do "2.5 per cent" and "2,5 %". Whole numbers under 100 are left out: one
language spells them out ("ten years") where another writes figures.

## Why it matters
Figures are amounts of money, numbers of posts, targets and thresholds; one that differs in
one language changes what the resolution decides for its readers.

## Example
```markdown
*Decide* consignar la suma de 1.500.000 dólares,
```
(while the English version reads "$1,600,000")

## Use instead
```markdown
*Decide* consignar la suma de 1.600.000 dólares,
```
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from ...document.langdata import pack
from ...document.rule import RuleMeta
from .align import Divergence, Pair, Side
from .values import compare

META = RuleMeta(
    code="LV005",
    name="version-figures",
    summary="Aligned paragraphs give the same figures",
)


def _read(side: Side) -> list:
    volume = _volume_words(side.facts.language.code)
    text = side.doc.text
    return [
        (f.span, ("volume", int(f.value)) if f.value.isdigit() and volume.search(text, max(0, f.span.start - 8), f.span.start) else f.value, f.written)
        for f in side.facts.figures
        if _significant(f.value)
    ]


@lru_cache(maxsize=None)
def _volume_words(code: str) -> re.Pattern[str]:
    words = pack(code).topic("figures").get("volume", [])
    return re.compile(r"(?:%s)[ \u00a0]?$" % "|".join(map(re.escape, words)) if words else r"(?!)")


def _same_treaty(value_a, value_b) -> bool:
    """Two volumes one apart: the volumes of one treaty's texts in two languages. One side
    naming it a volume is enough: a list of volumes names the word once ("vols. 1577, 2171"
    / "vol. 1577, vol. 2171")."""
    if not (isinstance(value_a, tuple) or isinstance(value_b, tuple)):
        return False
    number_a, number_b = (value[1] if isinstance(value, tuple) else value for value in (value_a, value_b))
    return str(number_a).isdigit() and str(number_b).isdigit() and abs(int(number_a) - int(number_b)) <= 1


def _significant(value: str) -> bool:
    """Small whole numbers are spelled out in one language and written in figures in another."""
    return not value.isdigit() or int(value) >= 100


def check(pair: Pair) -> Iterator[Divergence]:
    return compare(pair, _read, substituted=True, when="both", agree=_same_treaty)
