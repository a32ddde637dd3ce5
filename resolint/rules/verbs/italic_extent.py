"""Italics that stop short of the opening phrase or run past it.

## What it checks
The italics of an opening phrase cover the whole phrase — its adverbs and fixed complements
("*Noting with appreciation*", "*Toma nota con aprecio*", "*Recalling also*") — and no more:
the object that follows is roman ("*Takes note* of the report", "*Decides* to"). Reported:

- italics that stop before the end of a longer known phrase ("*Noting* with appreciation"),
  or begin after an adverb of it ("Also *welcomes*", "Également *décide*": none in the
  official texts);
- italics that run on from a known phrase into a word that begins its object ("*Takes note
  of*", "*Decides to*", "*Toma nota de*");
- italics that end inside a word ("*Rappelan*t", a defect of some of the UN's XML texts).

The official texts decide what the phrase is, in each language (tools/build_lexicons.py
counts how often they set each complement in italics and in roman type): "*Calls for*" 116
times and "*Calls* for" twice, so the second is a slip; "*Takes note* of" 589 times and
"*Takes note of*" twice, so the italics stop before "of". Where the texts write a phrase both
ways, neither less than a quarter as often as the other ("*Reaffirms its commitment*" 20,
"*Reaffirms* its commitment" 9: `[corpus].either_way` in the language's openings.toml),
either is accepted, as are the adverbials of context left in roman type ("*Welcomes* in this
regard": `[extent].loose`). Italics that end in punctuation ("*Mindful*, in that
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

from ...document.diagnostics import Edit, Fix, Violation
from ...document.model import Document
from ...document.rule import Context, RuleMeta
from ...document.span import Span
from ...facts.openings import Opening

META = RuleMeta(
    code="VB002",
    name="opening-italic-extent",
    summary="The italics cover the opening phrase with its adverbs and complements, not its object",
    fixable=True,
)


def check(doc: Document, ctx: Context) -> Iterator[Violation]:
    if doc.plain_text:
        return
    text = doc.text
    for opening in ctx.facts.openings:
        if not opening.italic:
            continue
        emphasis = opening.emphasis
        if opening.cut is not None:  # "*Rappelan*t": move the closing marker after the word
            end = opening.cut.end
            whole = text[opening.cut.start : emphasis.inner.end] + text[emphasis.span.end : end]
            yield Violation(
                Span(opening.cut.start, end),
                f"The italics end inside the word \"{whole}\"",
                _move_closing_marker(doc, opening, end, "End the italics after the whole word"),
            )
            continue
        if opening.before:  # "Also *welcomes*": move the opening marker before the adverbs
            start = opening.before[0].start
            opening_marker = Span(emphasis.span.start, emphasis.inner.start)
            phrase = text[start : emphasis.span.start] + doc.slice(emphasis.inner)
            yield Violation(
                Span(start, emphasis.span.end),
                f"The italics stop short of the opening phrase \"{phrase}\": \"{text[start : opening.before[-1].end]}\" is outside them",
                Fix("Extend the italics over the whole opening phrase", (Edit(Span(start, start), doc.slice(opening_marker)), Edit(opening_marker, ""))),
            )
            continue
        target = opening.extent
        if target is None:
            continue
        count = len(opening.words)
        start = opening.words[0].start
        if target > count:
            end = opening.after[target - count - 1].end
            phrase = text[start : emphasis.inner.end] + text[emphasis.span.end : end]
            yield Violation(
                Span(emphasis.span.start, end),
                f"The italics stop short of the opening phrase \"{phrase}\"",
                _move_closing_marker(doc, opening, end, "Extend the italics over the whole opening phrase"),
            )
        else:
            end = opening.words[target - 1].end
            rest = text[opening.words[target].start : emphasis.inner.end]
            yield Violation(
                emphasis.span,
                f"The italics run past the opening phrase \"{text[start:end]}\" into \"{rest}\"",
                _move_closing_marker(doc, opening, end, "End the italics with the opening phrase"),
            )


def _move_closing_marker(doc: Document, opening: Opening, end: int, title: str) -> Fix:
    emphasis = opening.emphasis
    closing = Span(emphasis.inner.end, emphasis.span.end)
    return Fix(title, (Edit(Span(end, end), doc.slice(closing)), Edit(closing, "")))
