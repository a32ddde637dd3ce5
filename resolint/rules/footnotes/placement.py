"""Footnote indicator before or after punctuation, by language.

## What it checks
Where a footnote indicator stands next to a comma, semicolon, colon or full stop: in English
after the punctuation ("of 8 December 2024,<sup>1</sup>"), in Spanish and French before it
("y de otro tipo<sup>1</sup>,", "ou autres<sup>1</sup>,", "autres<sup>1</sup> ;"). In
Spanish and French an abbreviation's full stop before an indicator ("etc.<sup>1</sup>") is
left alone, and so, in every language, is the comma that separates two indicators at one
place ("conflict,<sup>10</sup>,<sup>11</sup>", "conflicto<sup>10</sup>,<sup>11</sup>,"), as
the Manual asks. Closing
quotation marks and parentheses are not checked: the indicator follows them in all three
languages, and stands inside them when it belongs to a word within ("(Règles de
Bangkok<sup>5</sup>)"). Each language's convention is in `rules/data/<lang>/footnotes.toml`.

## Why it matters
The UN Editorial Manual ("Footnote indicators") places the indicator after punctuation in
English and before it in French and Spanish, and the official texts do so. In the 672
English resolutions of the official corpus, 4,957 indicators follow a comma, semicolon,
colon or full stop and 2 stand before one; in the 650 French, 4,492 stand before one
(602 before a no-break space and ";") and none after; in the 650 Spanish, 4,530 before and
5 after. The exceptions are slips of those texts (recorded in
tests/corpus_expectations/FN.toml). The fix swaps the indicator and the mark, keeping a
space before the mark where there is one.

## Example
```markdown
*The General Assembly*,

*Recalling* its resolution 70/1 of 25 September 2015<sup>1</sup>,

1. *Decides* to remain seized of the matter.

<sup>1</sup> Resolution 70/1.
```

```markdown
<!-- lang: es -->
*La Asamblea General*,

*Recordando* su resolución 70/1, de 25 de septiembre de 2015,<sup>1</sup>

1. *Decide* seguir ocupándose de la cuestión.

<sup>1</sup> Resolución 70/1.
```

## Use instead
```markdown
*The General Assembly*,

*Recalling* its resolution 70/1 of 25 September 2015,<sup>1</sup>

1. *Decides* to remain seized of the matter.

<sup>1</sup> Resolution 70/1.
```

```markdown
<!-- lang: es -->
*La Asamblea General*,

*Recordando* su resolución 70/1, de 25 de septiembre de 2015<sup>1</sup>,

1. *Decide* seguir ocupándose de la cuestión.

<sup>1</sup> Resolución 70/1.
```
"""
from __future__ import annotations

from collections.abc import Iterator

from ...document.diagnostics import Edit, Fix, Violation
from ...document.model import Document
from ...document.rule import Context, RuleMeta
from ...document.span import Span

META = RuleMeta(
    code="FN007",
    name="footnote-indicator-placement",
    summary="Footnote indicators follow punctuation in English and precede it in Spanish and French",
    fixable=True,
)

LANGUAGES = {"es": "Spanish", "fr": "French"}
NAMES = {",": "comma", ";": "semicolon", ":": "colon", ".": "full stop"}


def check(doc: Document, ctx: Context) -> Iterator[Violation]:
    settings = ctx.language.topic("footnotes").get("indicator", {})
    marks = set(settings.get("marks", ()))
    abbreviations = set(settings.get("abbreviations", ()))
    after = settings.get("placement") == "after-punctuation"
    text = doc.text
    for group in ctx.facts.footnote_groups:
        starts = {reference.span.start for reference in group.references}
        ends = {reference.span.end for reference in group.references}
        for reference in group.references:
            span = reference.span
            label = doc.slice(span)
            if after:
                mark = text[span.end : span.end + 1]
                if span.end + 1 in starts:
                    continue  # "conflict,<sup>10</sup>,<sup>11</sup>": the comma separates two indicators
                if mark in marks and text[span.end : span.end + 3] != "...":
                    yield Violation(
                        Span(span.start, span.end + 1),
                        f"In English the footnote indicator follows the {NAMES[mark]}",
                        Fix(f"Put the indicator after the {NAMES[mark]}", (Edit(Span(span.start, span.end + 1), mark + label),)),
                    )
            else:
                mark = text[span.start - 1 : span.start] if span.start else ""
                if span.start - 1 in ends:
                    continue  # "conflicto<sup>10</sup>,<sup>11</sup>,": the comma separates two indicators
                if mark in marks and not (mark == "." and _ends_abbreviation(text, span.start - 1, abbreviations)):
                    # French sets a no-break space before ";" and ":": "autres ;<sup>1</sup>"
                    # becomes "autres<sup>1</sup> ;", the space kept before the mark.
                    start = span.start - 1
                    while start > 0 and text[start - 1] in " \u00a0\u202f":
                        start -= 1
                    moved = doc.original[start : span.start]
                    yield Violation(
                        Span(span.start - 1, span.end),
                        f"In {LANGUAGES.get(ctx.language.code, ctx.language.code)} the footnote indicator precedes the {NAMES[mark]}",
                        Fix(f"Put the indicator before the {NAMES[mark]}", (Edit(Span(start, span.end), label + moved),)),
                    )


def _ends_abbreviation(text: str, offset: int, abbreviations: set[str]) -> bool:
    """Is text[offset - 1] the last letter of an abbreviation ("etc", "núm")?"""
    start = offset
    while start > 0 and text[start - 1].isalpha():
        start -= 1
    return start < offset and text[start:offset] in abbreviations
