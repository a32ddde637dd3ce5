"""Session ordinal spelled as the UN spells it.

## What it checks
An ordinal that names a session — on the session line, in running text, in an Official
Records citation, for regular, special and emergency special sessions — is written as in
UN usage (the tables for sessions 1–120 are in `rules/data/<lang>/ordinals.toml`):

- English: hyphenated compounds, "Seventy-ninth session", "at its seventy-fifth session";
- Spanish: two words, accents, and the short forms *primer* and *tercer* before "período":
  "Septuagésimo primer período de sesiones", "undécimo", "decimotercer";
- French: "et" without hyphens in 21, 31 … 71 and hyphens elsewhere: "Soixante et onzième
  session", "Quatre-vingt-unième session"; "première session".

Only the first letter may be a capital ("Seventy-eighth Session" in Official Records
citations); a line in capitals is accepted. Spanish names the session "período de
sesiones", with the accent ("periodo" is reported).

A misspelt ordinal is found too, on the session line as anywhere else: "Seventy-nineth",
"Eightyeth", "soixante-dix-huitème", "octagésimo primer" — a word one letter from an
ordinal (two in long compounds) that ends as ordinals end and stands before the session
noun. When it is as near to two ordinals ("seventy-nixth": sixth or ninth?), both are
named and no fix is offered.

A compound whose words form no ordinal together — "soixante-vingtième", "vingtième-troisième",
"septuagésimo séptimo octavo" — is reported as malformed: it names no session (not the
twentieth, third or eighth its last word would name), and no fix is offered, since which
session was meant is for the author to say.

## Why it matters
Session names are how a reader dates a resolution and finds the documents it cites; the
spelling is fixed in each language (facts §4.1). "Seventy fifth", "Septuagésimo primero
período" or "Soixante-et-onzième" are not UN forms. The official texts (1,972 resolutions,
9,282 session names) hold ten such slips: "octagésimo" four times for "octogésimo",
"soixante quatorzième", "soixante-dix huitième", "quatre-vingt et unième", "periodo de
sesiones" three times. The fix writes the UN form. They also hold five compounds that are no
ordinal, each read before as the session of its last word: "soixante-vingtième" (for the
eightieth, read as the twentieth), "vingtième-troisième" twice (the twenty-third),
"soixantième-huitième" (the sixty-eighth), "septuagésimo séptimo octavo" (the
seventy-eighth).

## Example
```markdown
Seventy fifth session

*The General Assembly*,

1. *Decides* to consider the question at its seventy-sixth session and at its seventy-nineth session.
```

```markdown
<!-- lang: fr -->
Quatre-vingtième session

*L'Assemblée générale*,

1. *Décide* de poursuivre l'examen de la question à sa soixante-vingtième session.
```

```markdown
<!-- lang: es -->
Septuagésimo primero periodo de sesiones

*La Asamblea General*,

1. *Decide* seguir ocupándose de la cuestión.
```

```markdown
<!-- lang: fr -->
Soixante-et-onzième session

*L'Assemblée générale*,

1. *Décide* de rester saisie de la question.
```

## Use instead
```markdown
Seventy-fifth session

*The General Assembly*,

1. *Decides* to consider the question at its seventy-sixth session and at its seventy-ninth session.
```

```markdown
<!-- lang: fr -->
Quatre-vingtième session

*L'Assemblée générale*,

1. *Décide* de poursuivre l'examen de la question à sa quatre-vingt-unième session.
```

```markdown
<!-- lang: es -->
Septuagésimo primer período de sesiones

*La Asamblea General*,

1. *Decide* seguir ocupándose de la cuestión.
```

```markdown
<!-- lang: fr -->
Soixante et onzième session

*L'Assemblée générale*,

1. *Décide* de rester saisie de la question.
```
"""
from __future__ import annotations

from collections.abc import Iterator

from ...document.diagnostics import Edit, Fix, Violation
from ...document.model import Document
from ...document.rule import Context, RuleMeta
from ...facts.sessions import words_for

META = RuleMeta(
    code="SS001",
    name="session-ordinal-spelling",
    summary="Session ordinals are spelled as in UN usage",
    fixable=True,
)


def check(doc: Document, ctx: Context) -> Iterator[Violation]:
    words = words_for(ctx.language.code)
    for mention in ctx.facts.session_mentions:
        if mention.malformed:
            yield Violation(mention.ordinal, f"\"{mention.written}\" is no session ordinal: its words form no ordinal "
                            f"together, so the session it names is not known")
        elif not mention.certain:
            forms = " or ".join(f"\"{words.correct(n, mention.written)}\" ({n})" for n in mention.alternatives)
            yield Violation(mention.ordinal, f"\"{mention.written}\" is no session ordinal as the UN writes it: {forms}?")
        elif not mention.well_spelt:
            yield Violation(
                mention.ordinal,
                f"The ordinal of session {mention.session} is written \"{mention.correct}\", not \"{mention.written}\"",
                Fix(f"Write \"{mention.correct}\"", (Edit(mention.ordinal, mention.correct),)),
            )
        noun = doc.text[mention.noun.start : mention.noun.end] if mention.noun else ""
        if noun and noun != mention.noun_correct:
            yield Violation(
                mention.noun,
                f"The session noun is written \"{mention.noun_correct}\" in UN usage, not \"{noun}\"",
                Fix(f"Write \"{mention.noun_correct}\"", (Edit(mention.noun, mention.noun_correct),)),
            )
