"""Unknown code in a suppression.

## What it checks
A suppression comment that names a code, prefix or rule name no rule has (`ST04`,
`XY001`, `operative-numbers`). Such a code silences nothing; the comment's other codes
still work.

## Why it matters
A mistyped code is a suppression that does not work: the finding it was meant to silence
is still reported, or, worse, the drafter believes a rule is silenced that never was. There
is no fix: only the writer knows which rule was meant (`resolint rules` lists them).

## Example
```markdown
*The General Assembly*,

<!-- resolint: disable-next-line ST0006 -->
1. *Decides* to remain seized of the matter
```

## Use instead
```markdown
*The General Assembly*,

<!-- resolint: disable-next-line ST006 -->
1. *Decides* to remain seized of the matter
```
"""
from __future__ import annotations

from collections.abc import Iterator

from ...document.diagnostics import Violation
from ...document.model import Document
from ...document.rule import Context, RuleMeta

META = RuleMeta(
    code="RL101",
    name="unknown-suppression-code",
    summary="A suppression comment names only codes, prefixes or names of real rules",
)
READS_SUPPRESSIONS = True


def check(doc: Document, ctx: Context) -> Iterator[Violation]:
    for use in ctx.suppressions:
        if use.unknown:
            codes = ", ".join(repr(code) for code in use.unknown)
            many = len(use.unknown) > 1
            what = f"Unknown rule code{'s' if many else ''} {codes}"
            effect = "they name no rule and silence nothing" if many else "it names no rule and silences nothing"
            yield Violation(use.directive.span, f"{what} in a suppression comment: {effect} (see `resolint rules`)")
