"""Document symbols.

## What it checks
Each pair of aligned paragraphs cites the same document symbols and resolution and decision
numbers: A/76/444 with A/76/444, 70/1 with 70/1. A document counts once, with its
corrigenda: corrigenda are issued for some language versions only, so "A/67/53 and
A/67/53/Corr.1" in English and "A/67/53" in French cite the same report.

## Why it matters
Symbols are the same in every language; a symbol that differs is a typing slip that sends
readers of one version to another document (one Spanish version of a resolution of the
seventy-eighth session cites A/75/444 where the English cites A/76/444).

## Example
```markdown
*Tomando nota* del informe de la Comisión (A/75/444),
```

## Use instead
```markdown
*Tomando nota* del informe de la Comisión (A/76/444),
```
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from ...document.diagnostics import Severity
from ...document.rule import RuleMeta
from .align import Divergence, Pair, Side
from .values import compare

META = RuleMeta(
    code="LV003",
    name="version-symbols",
    summary="Aligned paragraphs cite the same document symbols and resolution numbers",
    default_severity=Severity.ERROR,
)


_CORRIGENDUM = re.compile(r"/Corr\.\d+$")


def _read(side: Side) -> list:
    return [(s.span, _CORRIGENDUM.sub("", s.value), s.written) for s in side.facts.symbol_anchors]


def check(pair: Pair) -> Iterator[Divergence]:
    return compare(pair, _read, when="both", once=True)
