"""Date written in the language's form.

## What it checks
Dates are written as the language's UN texts write them, and the fix rewrites them so:

- English: "2 December 2004" — not "2nd December 2004", "December 2, 2004" or "2 december
  2004";
- Spanish: "2 de diciembre de 2004", "1 de enero" — not "2 diciembre de 2004", "1º de
  enero", "2 de Diciembre de 2004" or "del 2004";
- French: "2 décembre 2004", "1er janvier 2004" — not "1 janvier 2004", "2e mars" or
  "2 Décembre 2004" (a superscript "1<sup>er</sup>" is fine).

A month capitalised in a title is the title's ("Convención de las Naciones Unidas sobre el
Derecho del Mar de 10 de Diciembre de 1982 relativas a …", as every Spanish text writes the
Agreement's title). The date cited with a resolution or decision has its year: "resolution
78/10 of 21 November" is reported, and so is an incomplete year ("75/247 of 31 December
202"), with the record's date as an unsafe fix when it has the same day; a date in running
text ("the Committee met on 21 October") needs none. The words come from
`resolint/rules/data/<lang>/dates.toml`.

## Why it matters
UN texts give dates as day, month, year without ordinals (except the French "1er"), months
capitalised in English and in lower case in Spanish and French (UN Editorial Manual;
un-editorial-facts §6.2, §8). A date in another form reads as a translation slip. A cited
resolution's date without its year cannot be looked up, and is always a slip in the official
texts (76/6 "de 15 de noviembre" in the Spanish of resolution 78/211, "of 15 November 2021" in
the English).

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

import re
from collections.abc import Iterator

from ...document.diagnostics import Applicability, Edit, Fix, Violation
from ...document.model import Document
from ...document.rule import Context, RuleMeta
from ...document.span import Span
from ...facts.citations import syntax
from ...facts.dates import syntax as date_syntax
from ...facts.dates import write_date
from .common import citation_name

META = RuleMeta(
    code="CT003",
    name="date-form",
    summary="Dates in the language's form: 2 December 2004, 2 de diciembre de 2004, 1er janvier 2004",
    fixable=True,
)


def check(doc: Document, ctx: Context) -> Iterator[Violation]:
    for found in ctx.facts.dates:
        if found.canonical is None or not found.valid:
            continue
        written = found.written
        if written.casefold() == found.canonical.casefold() and _in_title(doc.text, found.span.start, date_syntax(ctx.language).months):
            continue  # "Convención … sobre el Derecho del Mar de 10 de Diciembre de 1982": a title's capitals
        canonical = _keep_superscript(written, found.canonical, date_syntax(ctx.language).first_day)
        yield Violation(
            found.span,
            f"Write the date “{written}” as “{canonical}”",
            Fix(f"Write “{canonical}”", (Edit(found.span, canonical),)),
        )
    yield from _without_year(doc, ctx)


def _keep_superscript(written: str, canonical: str, first_day: str) -> str:
    """"1<sup>er</sup> Janvier 2004" -> "1<sup>er</sup> janvier 2004": the superscript is
    typography and stays."""
    sup = f"1<sup>{first_day[1:]}</sup>"
    if first_day != "1" and written.startswith(sup) and canonical.startswith(first_day):
        return sup + canonical[len(first_day):]
    return canonical


def _without_year(doc: Document, ctx: Context) -> Iterator[Violation]:
    """A resolution cited with a day and month but no year: "resolution 78/10 of 5 December"."""
    rules = syntax(ctx.language)
    for _, item in ctx.facts.cited:
        date = item.date
        if date is None or date.year is not None or item.connector is None:
            continue
        if doc.slice(item.connector).startswith(",") != rules.comma_before_date:
            continue  # "in its resolution 71/90, of 30 June as International Asteroid Day": not its date
        span = date.span
        cut = CUT_YEAR.match(doc.text, span.end)  # "31 December 202"
        if cut:
            span = Span(span.start, cut.end())
        written = doc.slice(span)
        problem = "the year is incomplete" if cut else "and no year: write the year of adoption"
        message = f"{citation_name(item)} is cited with “{written}”{':' if cut else ''} {problem}"
        fix = None
        known = [record for record in ctx.facts.records_for_citations[item] if (record.adopted.date.month, record.adopted.date.day) == (date.month, date.day)]
        if known:
            full = write_date(known[0].adopted.date, ctx.language)
            message += f" (“{full}”, source: {known[0].adopted.describe()})"
            fix = Fix(f"Write “{full}”", (Edit(span, full),), applicability=Applicability.UNSAFE)
        yield Violation(span, message, fix)


CUT_YEAR = re.compile(r"[ \u00a0]\d{1,3}(?![\d/])")
WORD = re.compile(r"[^\W\d_]+")


def _in_title(text: str, start: int, months: dict[str, int]) -> bool:
    """The words before the date are capitalised, as in a title: of the last three words of
    four letters or more before it (month names and the block's first word left out), two
    start with a capital ("… Naciones Unidas sobre el Derecho del Mar de 10 de Diciembre")."""
    window = text[max(0, start - 120) : start]
    block = window.rfind("\n")
    words = [match.group() for match in WORD.finditer(window) if block == -1 or match.start() > block]
    words = [word for word in words[1:] if len(word) >= 4 and word.casefold() not in months][-3:]
    return sum(word[0].isupper() for word in words) >= 2
