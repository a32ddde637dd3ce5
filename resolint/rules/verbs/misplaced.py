"""Opening phrase of the wrong kind for its place.

## What it checks
- A preambular paragraph that opens with an operative verb ("*Recalls* its resolution …,").
- An operative paragraph that opens with a preambular participle or adjective ("5. *Recalling*
  its resolution …;") — unless the paragraph's verb follows after a comma, as in
  "2. *Alarmed by* the sharp reductions in funding …, calls upon …" (A/RES/80/187).
- Not reported: a "preambular" paragraph that ends with a colon and opens with an operative
  verb — the one, unnumbered operative clause of a text whose sub-paragraphs complete it
  ("*Resolves* that, for 2024:", in the budget resolutions).
- A phrase only one organ uses, in another organ's text: "*Acting under Chapter VII of the
  Charter of the United Nations*" belongs to the Security Council (`[organ_only]` in the
  language's openings.toml).

The kind of a phrase is the lexicon's: the phrases it lists for each part, or, for a phrase it
does not know, the first word that only one part's phrases begin with.

## Why it matters
The preamble gives the considerations (participles and adjectives), the operative part the
decisions (verbs in the present tense). A verb in the wrong form usually means a paragraph
was moved between the parts and not rewritten, or the numbering went astray.

## Example
```markdown
*The General Assembly*,

*Recalls* its resolution 70/1 of 25 September 2015,

1. *Recalling* the Charter of the United Nations;

2. *Decides* to remain seized of the matter.
```

## Use instead
```markdown
*The General Assembly*,

*Recalling* its resolution 70/1 of 25 September 2015,

1. *Recalls* the Charter of the United Nations;

2. *Decides* to remain seized of the matter.
```
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from ...document.diagnostics import Violation
from ...document.langdata import organ_name
from ...document.model import Document
from ...document.rule import Context, RuleMeta
from ...facts.openings import Opening
from ...grammar.lexicon import (
    OPERATIVE,
    PREAMBULAR,
    WORD,
    Lexicon,
    fold,
)

META = RuleMeta(
    code="VB003",
    name="opening-phrase-misplaced",
    summary="Preambular paragraphs open with a participle or adjective, operative ones with a verb",
)


def check(doc: Document, ctx: Context) -> Iterator[Violation]:
    words = ctx.facts.lexicon
    for opening in ctx.facts.openings:
        if opening.cut is not None:
            continue  # "opening-italic-extent"
        phrase_words = _phrase(opening, words)
        if not phrase_words:
            continue
        restriction = words.organ_restriction(phrase_words)
        if restriction and doc.body and doc.body not in restriction:
            span = opening.span(0, len(phrase_words) - 1)
            only = " or ".join(organ_name(organ) or organ for organ in restriction)
            yield Violation(span, f"\"{doc.slice(span)}\" is used by {only} only")
            continue
        kinds = words.kinds(phrase_words) or (words.classify(phrase_words),)
        if opening.kind in kinds or None in kinds:
            continue
        if opening.kind == OPERATIVE and _verb_follows(doc, opening, words):
            continue
        if opening.kind == PREAMBULAR and _introduces_subparagraphs(doc, opening):
            continue
        span = opening.span(0, len(phrase_words) - 1)
        other = words.counterpart(phrase_words, kinds[0])
        instead = f" (\"{other}\")" if other else ""
        if opening.kind == PREAMBULAR:
            why = "is an operative verb: a preambular paragraph opens with a participle or an adjective"
        else:
            why = "opens preambular paragraphs: an operative paragraph opens with a verb"
        yield Violation(span, f"\"{doc.slice(span)}\" {why}{instead}")


def _phrase(opening: Opening, words: Lexicon) -> tuple[str, ...]:
    """The words that make the opening phrase: the known part, or the whole emphasis."""
    if opening.known:
        return opening.phrase[: opening.known]
    return opening.phrase if opening.emphasis is not None else ()


def _introduces_subparagraphs(doc: Document, opening: Opening) -> bool:
    """Does the paragraph end with a colon? Then it is the resolution's one, unnumbered
    operative clause that its sub-paragraphs complete ("*Resolves* that, for 2024:",
    "*Decides*:"), read as preambular for want of a number."""
    return doc.text[opening.paragraph.pieces[-1].start : opening.paragraph.pieces[-1].end].rstrip().endswith(":")


def _verb_follows(doc: Document, opening: Opening, words: Lexicon) -> bool:
    """Does an operative verb follow a comma later in the paragraph ("…, calls upon")?"""
    piece = opening.paragraph.pieces[0]
    for match in _AFTER_COMMA.finditer(doc.text, opening.words[-1].end, piece.end):
        verb = fold(match.group(1))
        if verb in words.conjunctions and match.group(2):
            verb = fold(match.group(2))
        if words.classify((verb,)) == OPERATIVE:
            return True
    return False


_AFTER_COMMA = re.compile(rf",[ \t]*({WORD.pattern})(?:[ \t]+({WORD.pattern}))?")

