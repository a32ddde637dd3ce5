"""Punctuation of citations, in each language's form.

## What it checks
The commas of a citation of resolutions or decisions, as each language writes it:

- English: no comma between the number and "of" ("resolution 59/50 of 2 December 2004"),
  and none before the "and" of a list ("64/256 of 2 March 2010, 65/122 of 13 December 2010
  and 73/331 of 25 July 2019");
- Spanish: a comma before "de" and the date after every number ("resolución 59/50, de 2 de
  diciembre de 2004"), and before the final "y" when the items carry dates ("…, 71/12, de
  21 de noviembre de 2016, y 73/331, de 25 de julio de 2019");
- French: no comma before "du" and the date ("résolution 59/50 du 2 décembre 2004"), none
  before the "et" of a list.

A comma after an item's description ("77/298 of 22 June 2023, entitled “…”, and 77/318 of
…") is not a list comma and is left alone. So are the commas the official texts use on
purpose: before a date that belongs to several resolutions ("2016/7 and 2016/8, of 2 June
2016", "79/259 A to C, of 24 December 2024"); before the "and" that keeps an undated item
apart from the dated last one ("70/299, and 72/305 of 23 July 2018"); before the French "en
date du", and around a French date set off as an apposition ("72/73, du 5 décembre 2017,
dans laquelle …"); around the dates of a list whose organ comes after it ("74/247, du 27
décembre 2019, et 75/282, du 26 mai 2021, de l’Assemblée générale"). A date without a year
after a comma is not the resolution's ("in its resolution 71/90, of 30 June as International
Asteroid Day"). The language's words and rules are in
`resolint/rules/data/<lang>/citations.toml`.

## Why it matters
These are the forms of the UN Editorial Manual and of the official texts in each language
(un-editorial-facts §6.3: S14, S17 for English, S15 and the Spanish A/RES/75/276 for Spanish,
S22b for French); a citation in another language's form is a translation slip.

## Example
```markdown
<!-- lang: es -->
*La Asamblea General*,

*Recordando* su resolución 59/50 de 2 de diciembre de 2004,

1. *Decide* seguir ocupándose de la cuestión.
```

## Use instead
```markdown
<!-- lang: es -->
*La Asamblea General*,

*Recordando* su resolución 59/50, de 2 de diciembre de 2004,

1. *Decide* seguir ocupándose de la cuestión.
```
"""
from __future__ import annotations

from collections.abc import Iterator

from ...document.diagnostics import Edit, Fix, Violation
from ...document.model import Document
from ...document.rule import Context, RuleMeta
from ...document.span import Span
from ...facts.citations import after_item, owner_after, syntax

META = RuleMeta(
    code="CT004",
    name="citation-punctuation",
    summary="Commas in citations as the language writes them (“59/50 of …”, “59/50, de …”, “59/50 du …”)",
    fixable=True,
)


def check(doc: Document, ctx: Context) -> Iterator[Violation]:
    rules = syntax(ctx.language)
    enclosed = {id(found) for found in ctx.facts.citations if _organ_follows(doc, found, ctx)}
    for found, item in ctx.facts.cited:
        connector = item.connector
        if connector is None or id(found) in enclosed:
            continue
        text = doc.slice(connector)
        has_comma = text.startswith(",")
        word = text.strip(", \u00a0")
        if item.date.year is None:
            continue  # "in its resolution 71/90, of 30 June as International Asteroid Day": not its date
        if has_comma and (word in rules.comma_optional or _shared_date(found, item)):
            continue
        if has_comma and rules.enclosed_date and _enclosed(doc.text, after_item(doc.text, item)):
            continue
        if rules.comma_before_date and not has_comma:
            yield Violation(
                connector,
                f"A comma goes before “{word}” and the date: “{item.number}, {word} …”",
                Fix("Insert a comma", (Edit(Span(connector.start, connector.start), ","),)),
            )
        elif not rules.comma_before_date and has_comma and connector.start == item.span.end:
            yield Violation(
                Span(connector.start, connector.start + 1),
                f"No comma between the number and “{word}”: “{item.number} {word} …”",
                Fix("Remove the comma", (Edit(Span(connector.start, connector.start + 1), ""),)),
            )
    for found in ctx.facts.citations:
        if id(found) not in enclosed:
            yield from _list_commas(doc, found, rules)


def _enclosed(text: str, end: int) -> bool:
    """A comma closes the date and the sentence goes on: "72/73, du 5 décembre 2017, dans laquelle"."""
    return text.startswith(", ", end) and end + 2 < len(text) and text[end + 2] not in "\n"


def _shared_date(found, item) -> bool:
    """A comma before a date that belongs to several resolutions: "2016/7 and 2016/8, of
    2 June 2016", "79/259 A to C, of 24 December 2024"."""
    if len(item.parts) > 1:
        return True
    index = found.items.index(item)
    return index > 0 and found.items[index - 1].date is None


def _organ_follows(doc: Document, found, ctx: Context) -> bool:
    """The list's commas enclose its dates because the organ comes after the whole list:
    "les résolutions 74/247, du 27 décembre 2019, et 75/282, du 26 mai 2021, de l’Assemblée
    générale"."""
    end = after_item(doc.text, found.items[-1])
    return doc.text.startswith(",", end) and owner_after(doc.text, end + 1, ctx.language) is not None


def _list_commas(doc: Document, found, rules) -> Iterator[Violation]:
    """The comma before the list's final "and"."""
    if len(found.items) < 2:
        return
    separator, last = found.separators[-1], found.items[-1]
    if last.resumed:
        return
    text = doc.slice(separator)
    word = text.strip(", \u00a0")
    if word not in rules.and_words:
        return
    has_comma = text.startswith(",")
    dated = all(item.date is not None for item in found.items)
    if has_comma and found.items[-2].date is None and last.date is not None:
        return  # "resolutions 70/299, and 72/305 of 23 July 2018": the date is the last one's only
    if rules.comma_before_and == "never" and has_comma:
        yield Violation(
            Span(separator.start, separator.start + 1),
            f"No comma before the “{word}” that ends a list of citations",
            Fix("Remove the comma", (Edit(Span(separator.start, separator.start + 1), ""),)),
        )
    elif rules.comma_before_and == "when-dated" and dated and not has_comma:
        yield Violation(
            separator,
            f"A comma goes before the final “{word}” of a list of dated citations: “…, {word} {last.number}, …”",
            Fix("Insert a comma", (Edit(Span(separator.start, separator.start), ","),)),
        )
