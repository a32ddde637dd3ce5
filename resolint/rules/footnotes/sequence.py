"""Footnote references numbered in order of first appearance.

## What it checks
The numbered footnote indicators of a resolution, in text order: each new number is the next
one — 1, 2, 3 … — with no number skipped and none coming before a smaller one that appears
later. Numbering restarts with each resolution of a file and runs on through its parts and
into its annexes (a text that opens with part B goes on from part A's numbers); a
marker may hold several numbers (`<sup>10,11</sup>`). A number referenced again is
`repeated-footnote-reference` (FN002); a marker without a number is ST009.

## Why it matters
Footnote indicators are numbered consecutively, one to one with the footnote texts, with no
repeated or skipped numbers (UN Editorial Manual, "Footnote indicators"). A gap or a jump back
usually means a footnote was added, moved or deleted without renumbering the others.

The fix (unsafe: it rewrites every indicator and footnote text it renumbers) numbers the
references by first appearance and puts the relabelled footnote texts in that order; it is
offered only when references and footnote texts correspond one to one.

## Example
```markdown
*The General Assembly*,

*Recalling* its resolution 70/1 of 25 September 2015,<sup>1</sup>

*Taking note* of the report of the Secretary-General,<sup>3</sup>

1. *Decides* to remain seized of the matter.

<sup>1</sup> Resolution 70/1.

<sup>3</sup> A/79/100.
```

## Use instead
```markdown
*The General Assembly*,

*Recalling* its resolution 70/1 of 25 September 2015,<sup>1</sup>

*Taking note* of the report of the Secretary-General,<sup>2</sup>

1. *Decides* to remain seized of the matter.

<sup>1</sup> Resolution 70/1.

<sup>2</sup> A/79/100.
```
"""
from __future__ import annotations

from collections.abc import Iterator

from ...document.diagnostics import Violation
from ...document.model import Document
from ...document.rule import Context, RuleMeta
from ...grammar.inline import strip_markup
from .fixes import renumber_fix
from .wording import describe

META = RuleMeta(
    code="FN001",
    name="footnote-reference-sequence",
    summary="Footnote references are numbered 1, 2, 3 … in order of first appearance",
    fixable=True,
)


def check(doc: Document, ctx: Context) -> Iterator[Violation]:
    for index, group in enumerate(ctx.facts.footnote_groups):
        later = _first_positions(group)
        highest = 0
        if index == 0 and _continues_earlier_parts(doc) and group.references:
            highest = min(group.references[0].numbers) - 1  # part B goes on from part A's notes
        seen: set[int] = set()
        fix = None
        fix_made = False
        for position, reference in enumerate(group.references):
            for number in reference.numbers:
                if number in seen:
                    continue
                seen.add(number)
                if number <= highest + 1:
                    highest = max(highest, number)
                    continue  # the next number, or a late one already reported at the jump
                skipped = list(range(highest + 1, number))
                coming = [n for n in skipped if later.get(n, -1) >= position]
                if not fix_made:
                    fix, fix_made = renumber_fix(doc, group), True
                if coming:
                    message = f"Footnote reference {number} comes before {coming[0]}: number references in order of first appearance"
                elif highest == 0:
                    message = f"The first footnote reference is {number}: footnotes are numbered from 1"
                else:
                    message = f"Footnote reference {number} follows {highest}: {describe(skipped)} {'is' if len(skipped) == 1 else 'are'} missing"
                yield Violation(reference.span, message, fix)
                highest = number


def _continues_earlier_parts(doc: Document) -> bool:
    """A text that opens with part B, C ... of a resolution (A/RES/78/80 B, published on its
    own): its footnotes are numbered on from the parts before it, which it does not hold."""
    label = doc.parts[0].label if doc.parts else None
    if label is None:
        return False
    letter = strip_markup(doc.slice(label.span)).strip()
    return len(letter) == 1 and "B" <= letter <= "Z"


def _first_positions(group) -> dict[int, int]:
    """Number -> index of the reference that first holds it."""
    first: dict[int, int] = {}
    for index, reference in enumerate(group.references):
        for number in reference.numbers:
            first.setdefault(number, index)
    return first
