"""Operative paragraph numbering.

## What it checks
Operative paragraphs are numbered 1, 2, 3 … in each part: no gap, no repeated number, no
step back. Numbering may restart at 1 after a section heading ("A. Base/floor salary scale").
A label must be a number and a full stop ("6." — not "6" or "6*.").

## Why it matters
Paragraph numbers are how the resolution, later resolutions and reports cite it
("paragraph 5 of resolution 79/100"); they are identical in all languages so that those
references match (UN Editorial Manual, "Paragraphs and subparagraphs").

## Example
```markdown
*The General Assembly*,

1. *Takes note* of the report of the Secretary-General;

3. *Decides* to remain seized of the matter.
```

## Use instead
```markdown
*The General Assembly*,

1. *Takes note* of the report of the Secretary-General;

2. *Decides* to remain seized of the matter.
```
"""
from __future__ import annotations

from collections.abc import Iterator

from ...document.diagnostics import Edit, Fix, Severity, Violation
from ...document.model import Document, OperativeParagraph, Part
from ...document.rule import Context, RuleMeta
from ...document.span import Span

META = RuleMeta(
    code="ST004",
    name="operative-numbering",
    summary="Operative paragraphs are numbered 1, 2, 3 … with well-formed labels",
    default_severity=Severity.ERROR,
    fixable=True,
)


def check(doc: Document, ctx: Context) -> Iterator[Violation]:
    for part in doc.parts:
        previous: int | None = None
        previous_span = Span(0, 0)
        for paragraph in part.operative:
            if paragraph.number is None or paragraph.label is None:
                continue
            yield from _label_form(doc, paragraph)
            number = paragraph.number
            label = paragraph.label
            if previous is None:
                if number != 1:
                    yield Violation(label, f"The first operative paragraph is numbered {number}; it should be 1")
            elif number == 1 and _heading_between(part, previous_span, paragraph):
                pass  # a section restarts the numbering
            elif number == previous:
                yield Violation(label, f"Paragraph number {number} is used twice")
            elif number > previous + 1:
                missing = f"{previous + 1}" if number == previous + 2 else f"{previous + 1} to {number - 1}"
                yield Violation(label, f"Paragraph {number} follows paragraph {previous}: {missing} missing")
            elif number < previous:
                yield Violation(label, f"Paragraph {number} follows paragraph {previous}: numbers go back")
            previous, previous_span = number, paragraph.span


def _label_form(doc: Document, paragraph: OperativeParagraph) -> Iterator[Violation]:
    label = paragraph.label
    text = doc.slice(label)
    digits = str(paragraph.number)
    if text == digits + ".":
        return
    if text == digits:
        yield Violation(
            label,
            f"Paragraph label \"{text}\" lacks its full stop: \"{digits}.\"",
            Fix(f"Write \"{digits}.\"", (Edit(Span(label.end, label.end), "."),)),
        )
    else:
        yield Violation(label, f"Paragraph label \"{text}\" is malformed: write \"{digits}.\" in roman type")


def _heading_between(part: Part, before: Span, paragraph: OperativeParagraph) -> bool:
    return any(before.end <= block.span.start < paragraph.span.start for block in part.others)
