"""Opening phrase the lexicon does not know.

## What it checks
An italic opening phrase that is not in the lexicon — not a listed phrase, nor one with
adverbs added ("*Recalling with appreciation further*"), nor listed phrases joined by "and"
("*Welcoming and reaffirming*") — and not misspelt (that is "opening-phrase-misspelt",
VB004) nor italics running into the object (VB002). When a known phrase says the same thing
in another form ("*Reafirman*" for "*Reafirma*"), the finding names it; it never offers a
phrase of another meaning ("*Condemning*" for "*Commending*").

It is a hint, not a warning: real resolutions use rare phrases, and a rare phrase is no
slip. `check` does not print hints unless asked (`--show-hints`, or a severity set in the
configuration); editors show them faintly. The lexicon holds every opening of the official
texts (tools/build_lexicons.py); left out of the lexicon in turn, each adopted text of the
PDF corpus has on average 2% of its openings unknown to the rest.

## Why it matters
An unknown phrase is worth a second look: a verb in an unusual form, a word missing, or a
phrase the lexicon should learn: a project adds its own in `[tool.resolint.phrases]`
(`en.preambular = ["Noting with deep appreciation"]`; the editor's quick fix "Add … to the
project's phrases" writes it there), and a phrase every drafter uses belongs in the
language's openings.toml.

## Example
```markdown
*The General Assembly*,

*Reaffirmings* its resolution 70/1 of 25 September 2015,

1. *Decides* to remain seized of the matter.
```

## Use instead
```markdown
*The General Assembly*,

*Reaffirming* its resolution 70/1 of 25 September 2015,

1. *Decides* to remain seized of the matter.
```
"""
from __future__ import annotations

from collections.abc import Iterator

from ...document.diagnostics import Severity, Violation
from ...document.model import Document
from ...document.rule import Context, RuleMeta
from .suggest import MAX_QUERY, correct_word, quoted, suggest

META = RuleMeta(
    code="VB005",
    name="opening-phrase-unknown",
    summary="An opening phrase is not in the lexicon",
    default_severity=Severity.HINT,
)


def check(doc: Document, ctx: Context) -> Iterator[Violation]:
    known = ctx.facts.lexicon
    gender = known.gender(doc.body)
    for opening in ctx.facts.openings:
        if opening.emphasis is None or opening.whole or opening.extent is not None or opening.cut is not None:
            continue
        if any(correct_word(known, word.text) for word in opening.words):
            continue  # opening-phrase-misspelt
        phrase = doc.slice(opening.span())
        if len(phrase) > MAX_QUERY:
            continue  # a paragraph in italics, not an opening phrase
        closest = suggest(known, phrase, opening.kind, gender)
        hint = f"; closest known: {quoted(closest)}" if closest else ""
        yield Violation(opening.span(), f"\"{phrase}\" is not a known opening phrase{hint}")
