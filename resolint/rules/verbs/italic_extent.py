"""Italics that stop short of the opening phrase or run past it.

## What it checks
The italics of an opening phrase cover the whole phrase — its adverbs and fixed complements
("*Noting with appreciation*", "*Toma nota con aprecio*", "*Recalling also*") — and no more:
the object that follows is roman ("*Takes note* of the report", "*Decides* to"). Reported:

- italics that stop before the end of a longer known phrase ("*Noting* with appreciation");
- italics that run on from a known phrase into a word that begins its object ("*Takes note
  of*", "*Decides to*", "*Toma nota de*").

A preposition that ends a listed phrase may stand on either side where real texts do both
("*Reiterates its call for*" and "*Reiterates its call* for"; "*Guiada por*"): see `either_side`
in the language's openings.toml. Italics that end in punctuation ("*Mindful*, in that
connection,") end the phrase there. The rule stands down on plain-text input.

## Why it matters
Readers and the Secretariat's editors take the italics as the boundary of the phrase that
carries the paragraph's grammar; the UN texts italicise the phrase with its adverbs and
complements, and set the object in roman type.

## Example
```markdown
*The General Assembly*,

*Noting* with appreciation the work of the Commission,

1. *Takes note of* the report of the Secretary-General;

2. *Decides* to remain seized of the matter.
```

## Use instead
```markdown
*The General Assembly*,

*Noting with appreciation* the work of the Commission,

1. *Takes note* of the report of the Secretary-General;

2. *Decides* to remain seized of the matter.
```
"""
from __future__ import annotations

from collections.abc import Iterator

from ...linter.diagnostics import Edit, Fix, Violation
from ...linter.model import Document
from ...linter.rule import Context, RuleMeta
from ...linter.span import Span
from .lexicon import lexicon
from .openings import Opening, openings, runs_past

META = RuleMeta(
    code="VB002",
    name="opening-italic-extent",
    summary="The italics cover the opening phrase with its adverbs and complements, not its object",
    fixable=True,
)


def check(doc: Document, ctx: Context) -> Iterator[Violation]:
    if doc.plain_text:
        return
    words = lexicon(ctx.language)
    for opening in openings(doc, words):
        if not opening.italic:
            continue
        if opening.whole:
            longer = _longer_phrase(opening, words)
            if longer:
                end = opening.after[longer - len(opening.words) - 1].span.end
                phrase = doc.text[opening.words[0].span.start : opening.emphasis.inner.end] + doc.text[opening.emphasis.span.end : end]
                yield Violation(
                    Span(opening.emphasis.span.start, end),
                    f"The italics stop short of the opening phrase \"{phrase}\"",
                    _move_closing_marker(doc, opening, end, "Extend the italics over the whole opening phrase"),
                )
        elif runs_past(opening, words):
            end = opening.words[opening.known - 1].span.end
            rest = doc.text[opening.words[opening.known].span.start : opening.emphasis.inner.end]
            yield Violation(
                opening.emphasis.span,
                f"The italics run past the opening phrase \"{doc.text[opening.words[0].span.start : end]}\" into \"{rest}\"",
                _move_closing_marker(doc, opening, end, "End the italics with the opening phrase"),
            )


def _longer_phrase(opening: Opening, words) -> int:
    """The length (in words) of a longer known phrase that the roman words after the italics
    complete, or 0; a preposition that may stand on either side does not count."""
    if not opening.after:
        return 0
    phrase = opening.phrase + tuple(word.text for word in opening.after)
    length = words.longest_known(phrase)
    if length <= len(opening.words):
        return 0
    extension = phrase[len(opening.words) : length]
    if (len(extension) == 1 and extension[0] in words.either_side) or words.loose(extension):
        return 0
    return length


def _move_closing_marker(doc: Document, opening: Opening, end: int, title: str) -> Fix:
    emphasis = opening.emphasis
    closing = Span(emphasis.inner.end, emphasis.span.end)
    marker = doc.slice(closing)
    return Fix(title, (Edit(Span(end, end), marker), Edit(closing, "")))
