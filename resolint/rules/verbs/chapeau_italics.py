"""Chapeau not in italics.

## What it checks
The name of the organ that opens the resolution is in italics — "*The General Assembly*,",
"*La Asamblea General*,", "*L'Assemblée générale*," — all of the name, in italics, not bold;
the comma after it is roman (122 of the 126 adopted English texts in the corpus; the other
4 have no comma, before a single unnumbered paragraph). Whether the comma is there is
"chapeau-punctuation" (ST003); this rule looks only at the italics.

A comma inside the emphasis ("*La Asamblea General,*", as in the Spanish sample A/RES/75/276)
is accepted: in print an italic comma can hardly be told from a roman one, and the
conversion from PDF puts it on either side; reporting it would make noise on the official
texts. The rule stands down on plain-text input and on draft decisions.

## Why it matters
The chapeau is the subject of the sentence that the whole resolution is; like the opening
phrases that depend on it, it is set in italics (UN Editorial Manual; the corpus).

## Example
```markdown
The General Assembly,

*Recalling* its resolution 70/1 of 25 September 2015,

1. *Decides* to remain seized of the matter.
```

## Use instead
```markdown
*The General Assembly*,

*Recalling* its resolution 70/1 of 25 September 2015,

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
    code="VB007",
    name="chapeau-italics",
    summary="The organ's name in the chapeau is in italics",
    fixable=True,
)

PUNCTUATION = ",;:. "


def check(doc: Document, ctx: Context) -> Iterator[Violation]:
    if doc.plain_text or doc.kind == "decision":
        return
    for part in doc.parts:
        chapeau = part.chapeau
        if chapeau is None or chapeau.organ.start >= chapeau.organ.end:
            continue
        organ = chapeau.organ
        emphases = [e for e in chapeau.inline.emphases if e.span.start < organ.end and e.span.end > organ.start]
        if len(emphases) == 1 and _covers(doc, emphases[0], organ):
            emphasis = emphases[0]
            if not emphasis.strong:
                continue
            marker = doc.text[emphasis.span.start]
            yield Violation(
                organ,
                f"The organ's name \"{doc.slice(organ)}\" is in bold, not in italics",
                Fix(
                    "Put the organ's name in italics, not bold",
                    (Edit(Span(emphasis.span.start, emphasis.inner.start), marker), Edit(Span(emphasis.inner.end, emphasis.span.end), marker)),
                ),
            )
            continue
        name = doc.slice(organ).replace("*", "").replace("_", "")
        how = "only partly in italics" if emphases else "not in italics"
        yield Violation(organ, f"The organ's name \"{name}\" is {how}", _italicise(doc, organ, emphases))


def _covers(doc: Document, emphasis, organ: Span) -> bool:
    """Does the emphasis hold the whole name, and nothing but the name and its punctuation?"""
    if emphasis.inner.start > organ.start or emphasis.inner.end < organ.end:
        return False
    return not doc.text[organ.end : emphasis.inner.end].strip(PUNCTUATION)


def _italicise(doc: Document, organ: Span, emphases) -> Fix | None:
    """Italics over exactly the name, replacing any emphasis over part of it ("*The General*
    Assembly"); none when an emphasis reaches beyond the name and its punctuation."""
    start = min([organ.start, *(e.span.start for e in emphases)])
    end = max([organ.end, *(e.span.end for e in emphases)])
    after = doc.text[organ.end : end].replace("*", "").replace("_", "")
    if after.strip(PUNCTUATION):
        return None
    name = doc.text[organ.start : organ.end].replace("*", "").replace("_", "")
    if name != name.strip():  # a name that starts or ends a line inside stray markers: no clean fix
        return None
    return Fix("Put the organ's name in italics", (Edit(Span(start, end), f"*{name}*{after}"),))
