"""Opening phrase not in italics.

## What it checks
A preambular or operative paragraph whose opening phrase — a phrase the lexicon knows, with
its adverbs ("Noting with concern", "Recalling also") — stands in roman type, or in bold.
It stands down on plain-text input, where no paragraph has italics to compare, and on
draft decisions, which are set in roman type. Sub-paragraphs are not read: they open with a
capitalised infinitive in roman type ("(a) To ensure …"), not with an opening phrase.

## Why it matters
The opening phrase of every paragraph is set in italics: it carries the grammar of the
resolution, which is one sentence ("*The General Assembly*, *Recalling* …, 1. *Decides* …").
A roman opening among italic ones is a slip the reader sees at once.

## Example
```markdown
*The General Assembly*,

Noting with concern that illegal fishing remains a serious threat,

1. *Decides* to remain seized of the matter.
```

## Use instead
```markdown
*The General Assembly*,

*Noting with concern* that illegal fishing remains a serious threat,

1. *Decides* to remain seized of the matter.
```
"""
from __future__ import annotations

from collections.abc import Iterator

from ...document.diagnostics import Edit, Fix, Violation
from ...document.model import Document
from ...document.rule import Context, RuleMeta
from ...document.span import Span

META = RuleMeta(
    code="VB001",
    name="opening-phrase-not-italic",
    summary="The opening phrase of a paragraph is in italics",
    fixable=True,
)


def check(doc: Document, ctx: Context) -> Iterator[Violation]:
    if doc.plain_text:
        return
    text = doc.text
    for opening in ctx.facts.openings:
        emphasis = opening.emphasis
        if emphasis is None:
            if not opening.known or not text[opening.words[0].start].isupper():
                continue
            span = opening.span(0, opening.known - 1)
            yield Violation(
                span,
                f"The opening phrase \"{doc.slice(span)}\" is not in italics",
                Fix("Put the opening phrase in italics", (Edit(Span(span.start, span.start), "*"), Edit(Span(span.end, span.end), "*"))),
            )
        elif emphasis.strong and opening.known:
            marker = text[emphasis.span.start]
            yield Violation(
                emphasis.span,
                f"The opening phrase \"{doc.slice(emphasis.inner)}\" is in bold; opening phrases are in italics",
                Fix(
                    "Put the opening phrase in italics, not bold",
                    (Edit(Span(emphasis.span.start, emphasis.inner.start), marker), Edit(Span(emphasis.inner.end, emphasis.span.end), marker)),
                ),
            )
