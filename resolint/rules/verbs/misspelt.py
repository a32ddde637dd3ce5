"""Misspelt opening phrase.

## What it checks
A word of an opening phrase that no known phrase contains, one letter away from a word that
one does (two letters, for a word of nine letters or more): "*Reafirming*", "*Welcomming*",
"*Noting with apreciation*". The finding names the closest known phrases; when correcting
the words gives a known phrase, a fix (unsafe: it is a guess) puts it in.

Another form of a known word is no misspelling ("*Regrets*" beside "with regret", "*Resolved*"
beside "Resolves": see `[misspelling].endings` in the language's openings.toml), nor is a
word under five letters, nor a real word that the official texts use and that happens to be
near an opening word ("notar" beside "nota", "ouvre" beside "outre": `[misspelling].words`,
rebuilt from the corpus by tools/build_lexicons.py). A phrase that is unknown but not misspelt
is "opening-phrase-unknown" (VB005). On plain-text input, where the phrase has no italics to
mark where it ends, only the first word of a paragraph is read.

## Why it matters
A misspelt opening phrase stands out in italics at the head of a paragraph. The lexicon
holds every opening phrase of the official texts in each language: a word one letter from
one of its words, and no word of those texts, is in practice a typing slip (with each
official text's own phrases left out of the lexicon in turn, none of its openings looks
misspelt; tests/test_verbs_lexicon.py).

## Example
```markdown
*The General Assembly*,

*Reafirming* its resolution 70/1 of 25 September 2015,

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

from ...document.diagnostics import Applicability, Edit, Fix, Violation
from ...document.model import Document
from ...document.rule import Context, RuleMeta
from ...document.span import Span
from ...grammar.lexicon import match_case, words
from .suggest import correct_word, quoted, suggest

META = RuleMeta(
    code="VB004",
    name="opening-phrase-misspelt",
    summary="An opening phrase has a word one letter from a word of a known phrase",
    fixable=True,
)


def check(doc: Document, ctx: Context) -> Iterator[Violation]:
    known = ctx.facts.lexicon
    gender = known.gender(doc.body)
    for opening in ctx.facts.openings:
        if opening.cut is not None:
            continue  # "opening-italic-extent"
        if opening.emphasis is not None:
            if opening.whole or opening.extent is not None:
                continue
            candidates = opening.words
        elif doc.plain_text and not opening.known:
            candidates = opening.words[:1]
        else:
            continue
        corrections = [(word, found[0]) for word in candidates if (found := correct_word(known, word.text))]
        if not corrections:
            continue
        text = doc.text
        start, end = candidates[0].start, candidates[-1].end
        corrected = list(text[start:end])
        for word, right in reversed(corrections):
            original = text[word.start : word.end]
            corrected[word.start - start : word.end - start] = match_case(right, original)
        corrected_phrase = "".join(corrected)
        wrong = " and ".join(f"\"{text[w.start : w.end]}\"" for w, _ in corrections)
        verb = "is not a word" if len(corrections) == 1 else "are not words"
        if known.kinds(words(corrected_phrase)):
            fix = Fix(
                f"Replace with \"{corrected_phrase}\"",
                tuple(Edit(w.span, match_case(right, text[w.start : w.end])) for w, right in corrections),
                Applicability.UNSAFE,
            )
            message = f"{wrong} {verb} of any known opening phrase: did you mean \"{corrected_phrase}\"?"
        else:
            fix = None
            closest = suggest(known, text[start:end], opening.kind, gender)
            hint = f" (closest known: {quoted(closest)})" if closest else ""
            message = f"{wrong} {verb} of any known opening phrase{hint}"
        span = corrections[0][0].span if len(corrections) == 1 else Span(start, end)
        yield Violation(span, message, fix)
