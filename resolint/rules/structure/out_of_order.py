"""Block out of place.

## What it checks
A block that does not fit the order of a resolution: heading lines, then the chapeau, the
preambular paragraphs, the numbered operative paragraphs (with their sub-paragraphs and
section headings), the closing meeting line, then annexes. A heading line after the chapeau,
an unnumbered paragraph among the operative ones, or text after the closing line without an
annex heading is reported; other checks skip the block.

## Why it matters
The order of the parts is fixed (UN Editorial Manual, "Drafting and editing"). A paragraph
in the wrong place is usually a missing number, a misplaced heading, or a pasted fragment.

## Example
```markdown
*The General Assembly*,

1. *Takes note* of the report of the Secretary-General;

*Recalling* its resolution 70/1 of 25 September 2015,

2. *Decides* to remain seized of the matter.
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

from bisect import bisect_left
from collections.abc import Iterator

from ...document.diagnostics import Violation
from ...document.model import Block, Document
from ...document.rule import Context, RuleMeta
from ...document.span import Span

META = RuleMeta(
    code="ST008",
    name="block-out-of-place",
    summary="A block does not fit the order of a resolution",
)


def check(doc: Document, ctx: Context) -> Iterator[Violation]:
    starts = previous = None
    for issue in doc.issues:
        if issue.kind != "out-of-order":
            continue
        if starts is None:
            starts, previous = _previous_parts(doc)
        first_line_end = doc.text.find("\n", issue.span.start, issue.span.end)
        shown = Span(issue.span.start, first_line_end if first_line_end > 0 else issue.span.end)
        yield Violation(shown, f"This {issue.detail} is out of place here: {_where(starts, previous, issue.span)}")


def _previous_parts(doc: Document) -> tuple[list[int], list[str | None]]:
    """Block starts, and for each block (and past the last) the kind of the last part of the
    resolution before it, misplaced blocks skipped: one pass, so that 100,000 misplaced
    paragraphs in a row cost linear time rather than a walk back from each."""
    starts, previous, last = [], [], None
    for node in doc.blocks:
        starts.append(node.span.start)
        previous.append(last)
        if not isinstance(node, Block):
            last = type(node).__name__
    previous.append(last)
    return starts, previous


def _where(starts: list[int], previous: list[str | None], span: Span) -> str:
    """What comes before the misplaced block, to say what was expected instead."""
    kind = previous[bisect_left(starts, span.start)]  # the blocks starting before `span`
    if kind is None:
        return "it comes before the heading"
    return {
        "HeaderLine": "it comes among the heading lines",
        "Chapeau": "it follows the chapeau",
        "PreambularParagraph": "it follows a preambular paragraph",
        "OperativeParagraph": "it follows an operative paragraph",
        "MeetingLine": "it follows the closing meeting line (an annex needs an \"Annex\" heading)",
        "FootnoteText": "it follows footnote texts",
    }.get(kind, "it does not fit the order of a resolution")
