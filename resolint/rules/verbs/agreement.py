"""Opening phrase that does not agree with the organ (Spanish, French).

## What it checks
A preambular adjective or participle — and the French "*Se déclare préoccupée*" — agrees in
gender with the organ that speaks: feminine for the General Assembly ("*Convencida*",
"*Profondément préoccupée*", "*Guiada* por"), masculine for the Security Council, the
Economic and Social Council and the Human Rights Council ("*Convencido*", "*Guidé par*").
The pairs of forms and the organs' genders are data (`[agreement]` in the language's
openings.toml); English has none, and the rule stands down when the organ is unknown.

An adjective after a determiner agrees with its noun, not with the organ: "*Réaffirmant son
appui résolu*", "*Reafirmando su resuelto compromiso*" are right (`noun_phrase` in
`[agreement]`: the words that open a noun phrase).

## Why it matters
The whole resolution is one sentence whose subject is the organ: "*La Asamblea General*,
*Convencido* …" is a grammatical error a reader of the Spanish text sees at once, and one
that is easily carried over from a Security Council text.

## Example
```markdown
<!-- lang: es -->
*La Asamblea General*,

*Convencido* de la necesidad de fortalecer la cooperación,

1. *Decide* seguir ocupándose de la cuestión.
```

## Use instead
```markdown
<!-- lang: es -->
*La Asamblea General*,

*Convencida* de la necesidad de fortalecer la cooperación,

1. *Decide* seguir ocupándose de la cuestión.
```
"""
from __future__ import annotations

from collections.abc import Iterator

from ...document.diagnostics import Edit, Fix, Violation
from ...document.langdata import organ_name
from ...document.model import Document
from ...document.rule import Context, RuleMeta
from ...grammar.lexicon import FEMININE, match_case

META = RuleMeta(
    code="VB006",
    name="opening-agreement",
    summary="Spanish and French opening phrases agree in gender with the organ",
    fixable=True,
)


def check(doc: Document, ctx: Context) -> Iterator[Violation]:
    known = ctx.facts.lexicon
    gender = known.gender(doc.body)
    if gender is None:
        return
    wrong_forms = known.feminine_of if gender == FEMININE else known.masculine_of
    for opening in ctx.facts.openings:
        if opening.cut is not None:
            continue
        chosen = opening.words if opening.emphasis is not None else opening.words[: opening.known]
        for position in known.agreeing(opening.phrase[: len(chosen)]):  # the texts of the chosen words
            word = chosen[position]
            right = wrong_forms.get(word.text)
            if right is None:
                continue
            written = doc.slice(word.span)
            right = match_case(right, written)
            yield Violation(
                word.span,
                f"\"{written}\" does not agree with {organ_name(doc.body) or doc.body}, which is {gender}: \"{right}\"",
                Fix(f"Replace with \"{right}\"", (Edit(word.span, right),)),
            )
