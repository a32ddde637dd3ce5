"""Paragraph-final punctuation.

## What it checks
The mark that ends each paragraph:

- a preambular paragraph ends with a comma;
- an operative paragraph ends with a semicolon, the last one with a full stop;
- a paragraph that introduces sub-paragraphs ends its lead-in with a colon; each
  sub-paragraph ends with a semicolon ("…; and" is accepted; in the preamble a comma is
  accepted too, as in A/RES/78/228), and the last one ends as its paragraph would have
  ("," in the preamble, ";" or, at the very end, ".");
- a paragraph that introduces a text — a schedule, a question put to the Court, the themes
  of round tables, an agenda (A/RES/78/128, 79/232, 78/223) — ends with a colon, and the
  introduced text is not checked; so does a lead-in to numbered paragraphs ("*Resolves*
  that, for 2024:"); a paragraph that a table follows may end with one.

## Why it matters
A resolution is a single sentence: the organ, then its participles and verbs. The commas and
semicolons mark its clauses, and the full stop ends it (UN Editorial Manual; S/RES/1555).

## Example
```markdown
*The General Assembly*,

*Recalling* its resolution 70/1 of 25 September 2015;

1. *Takes note* of the report of the Secretary-General;

2. *Decides* to remain seized of the matter;
```

## Use instead
```markdown
*The General Assembly*,

*Recalling* its resolution 70/1 of 25 September 2015,

1. *Takes note* of the report of the Secretary-General;

2. *Decides* to remain seized of the matter.
```
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator

from ...document.diagnostics import Edit, Fix, Violation
from ...document.model import Block, Document, Paragraph, Part, SubParagraph
from ...document.punctuation import MARKS, final_mark
from ...document.rule import Context, RuleMeta
from ...document.span import Span, by_span

META = RuleMeta(
    code="ST006",
    name="paragraph-end-punctuation",
    summary="Preambular paragraphs end with a comma, operative ones with a semicolon, the last with a full stop",
    fixable=True,
)

NAMES = {",": "a comma", ";": "a semicolon", ".": "a full stop", ":": "a colon"}


def check(doc: Document, ctx: Context) -> Iterator[Violation]:
    if doc.kind == "decision":
        return
    conjunctions = ctx.language.layout.get("list_conjunctions", [])
    trailing_conjunction = re.compile(rf";\s+(?:{'|'.join(map(re.escape, conjunctions))})\Z") if conjunctions else None
    checker = _Checker(doc, trailing_conjunction)
    for part in doc.parts:
        checker.introducers = _introducers(part)
        checker.before_tables = _before_tables(doc, part)
        for paragraph in part.preambular:
            yield from checker.paragraph(paragraph, ",", "Preambular paragraphs end with a comma", between=",;")
        last = len(part.operative) - 1
        for index, paragraph in enumerate(part.operative):
            if _leads_in(part, index):
                # "*Resolves* that, for 2024:" then "1. Appropriations ..." (A/RES/78/254 A); or a
                # section's clause of its own before them, ending as the budget texts end it:
                # "*Recalls* its resolution 77/263 A, … 25,472,300 dollars," (fr: ";", A/RES/78/253)
                yield from checker.paragraph(paragraph, ":", "A lead-in to numbered paragraphs ends with a colon", also=",;")
            elif index == last:
                yield from checker.paragraph(paragraph, ".", "The last operative paragraph ends with a full stop")
            else:
                yield from checker.paragraph(paragraph, ";", "Operative paragraphs end with a semicolon")


class _Checker:
    def __init__(self, doc: Document, trailing_conjunction: re.Pattern | None) -> None:
        self.doc = doc
        self.trailing_conjunction = trailing_conjunction
        self.introducers: set[Span] = set()
        self.before_tables: set[Span] = set()

    def paragraph(self, paragraph: Paragraph, mark: str, why: str, between: str = ";", also: str = "") -> Iterator[Violation]:
        """`paragraph` ends with `mark` (or, for a sub-paragraph, any of `between`; or any of
        `also`); its sub-paragraphs but the last end with one of `between`."""
        accept = (between if isinstance(paragraph, SubParagraph) and mark in between else mark) + also
        if self.introducers and paragraph.span in self.introducers and not paragraph.subparagraphs:
            if found := self._expect(paragraph.pieces[-1], ":", ":", "A paragraph that introduces a text ends with a colon"):
                yield found
            return
        if self.before_tables and paragraph.span in self.before_tables:
            accept += ":"  # "... as set out in the table below:"
        if not paragraph.subparagraphs:
            if found := self._expect(paragraph.pieces[-1], mark, accept, why):
                yield found
            return
        first_child = paragraph.subparagraphs[0].span.start
        lead_in = [piece for piece in paragraph.pieces if piece.start < first_child][-1]
        if found := self._expect(lead_in, ":", ":", "A paragraph that introduces sub-paragraphs ends its lead-in with a colon"):
            yield found
        *others, last = paragraph.subparagraphs
        for child in others:
            yield from self.paragraph(child, between[-1], "Sub-paragraphs end with a semicolon", between)
        yield from self.paragraph(last, mark, f"The last sub-paragraph ends as its paragraph does, with {NAMES[mark]}", between)

    def _expect(self, piece: Span, mark: str, accept: str, why: str) -> Violation | None:
        """The finding, if `piece` does not end with one of `accept`."""
        text = self.doc.text
        found, offset = final_mark(text, piece)
        if not found or found in accept:
            return None
        if ";" in accept and self.trailing_conjunction and found.isalpha():
            if self.trailing_conjunction.search(text, piece.start, offset + 1):
                return None
        if found in MARKS:
            edit = Edit(Span(offset, offset + 1), mark)
            message = f"{why}, not {NAMES[found]}"
        else:
            edit = Edit(Span(offset + 1, offset + 1), mark)
            message = why
        return Violation(Span(offset, offset + 1), message, Fix(f"End with {NAMES[mark]}", (edit,)))


def _leads_in(part: Part, index: int) -> bool:
    """An unnumbered operative paragraph right before paragraph 1, no heading between them."""
    paragraph, following = part.operative[index], part.operative[index + 1 : index + 2]
    if paragraph.number is not None or not following or following[0].number != 1:
        return False
    return not any(paragraph.span.end <= block.span.start < following[0].span.start
                   for block in part.others if block.kind == "heading")


def _before_tables(doc: Document, part: Part) -> set[Span]:
    """The paragraphs (of any level) that a table follows: they may introduce it with a colon."""
    tables = [block.span.start for block in doc.blocks if isinstance(block, Block) and block.kind == "table"]
    if not tables:
        return set()
    paragraphs = _all_paragraphs(part)
    ends = [paragraph.span.end for paragraph in paragraphs]
    found = set()
    for start in tables:
        index = bisect_right(ends, start) - 1
        if index >= 0 and not doc.text[paragraphs[index].span.end : start].strip(" \t\r\n"):
            found.add(paragraphs[index].span)
    return found


def _all_paragraphs(part: Part) -> list[Paragraph]:
    paragraphs: list[Paragraph] = []
    stack = [*part.preambular, *part.operative]
    while stack:
        paragraph = stack.pop()
        paragraphs.append(paragraph)
        stack.extend(paragraph.subparagraphs)
    paragraphs.sort(key=by_span)
    return paragraphs


def _introducers(part: Part) -> set[Span]:
    """The paragraphs (of any level) that embedded text follows: a lead-in and the text it
    adopts (A/RES/79/1), a paragraph and the schedule or question it introduces. Their
    colon is right, and the text after it is not theirs to end."""
    if not any(block.kind == "embedded" for block in part.others):
        return set()
    paragraphs = _all_paragraphs(part)
    ends = [paragraph.span.end for paragraph in paragraphs]
    found: set[Span] = set()
    for block in part.others:
        if block.kind == "embedded":
            index = bisect_right(ends, block.span.start) - 1
            if index >= 0:
                found.add(paragraphs[index].span)
    return found
