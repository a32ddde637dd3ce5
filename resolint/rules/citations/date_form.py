"""Date written in the language's form.

## What it checks
Dates are written as the language's UN texts write them, and the fix rewrites them so:

- English: "2 December 2004" — not "2nd December 2004", "December 2, 2004" or "2 december
  2004";
- Spanish: "2 de diciembre de 2004", "1 de enero" — not "2 diciembre de 2004", "1º de
  enero", "2 de Diciembre de 2004" or "del 2004";
- French: "2 décembre 2004", "1er janvier 2004" — not "1 janvier 2004", "2e mars" or
  "2 Décembre 2004" (a superscript "1<sup>er</sup>" is fine).

The words come from `resolint/rules/data/<lang>/dates.toml`.

## Why it matters
UN texts give dates as day, month, year without ordinals (except the French "1er"), months
capitalised in English and in lower case in Spanish and French (UN Editorial Manual;
un-editorial-facts §6.2, §8). A date in another form reads as a translation slip.

## Example
```markdown
<!-- lang: fr -->
*L'Assemblée générale*,

*Rappelant* sa résolution 75/1 du 21 septembre 2020 et la décision prise le 1 janvier 2021,

1. *Décide* de rester saisie de la question.
```

## Use instead
```markdown
<!-- lang: fr -->
*L'Assemblée générale*,

*Rappelant* sa résolution 75/1 du 21 septembre 2020 et la décision prise le 1er janvier 2021,

1. *Décide* de rester saisie de la question.
```
"""
from __future__ import annotations

from collections.abc import Iterator

from ...linter.diagnostics import Edit, Fix, Violation
from ...linter.model import Document
from ...linter.rule import Context, RuleMeta
from .dates import find_dates

META = RuleMeta(
    code="CT003",
    name="date-form",
    summary="Dates in the language's form: 2 December 2004, 2 de diciembre de 2004, 1er janvier 2004",
    fixable=True,
)


def check(doc: Document, ctx: Context) -> Iterator[Violation]:
    for found in find_dates(doc.text, ctx.language):
        if found.canonical is None or not found.valid:
            continue
        written = doc.slice(found.span)
        yield Violation(
            found.span,
            f"Write the date “{written}” as “{found.canonical}”",
            Fix(f"Write “{found.canonical}”", (Edit(found.span, found.canonical),)),
        )
