"""Sub-paragraph labels.

## What it checks
Sub-paragraphs are lettered a, b, c … (then i, ii, iii … one level down) without gaps or
repeats, in the form of the document's language: "(a)" and "(i)" in English, "a)" and "i)"
in Spanish and French; "a." and "i." at the third and fourth levels.

## Why it matters
Sub-paragraphs are cited by their letter ("paragraph 17 (b)"), and each language has its
own form (UN Editorial Manual, "Paragraphs and subparagraphs").

## Example
```markdown
*The General Assembly*,

1. *Requests* the Secretary-General:

(a) To report to it at its eightieth session;

(c) To keep the matter under review.
```

## Use instead
```markdown
*The General Assembly*,

1. *Requests* the Secretary-General:

(a) To report to it at its eightieth session;

(b) To keep the matter under review.
```
"""
from __future__ import annotations

from collections.abc import Iterator

from ...document.diagnostics import Edit, Fix, Violation
from ...document.model import Document, Paragraph, SubParagraph
from ...document.rule import Context, RuleMeta
from ...records.keys import int_to_roman

META = RuleMeta(
    code="ST005",
    name="subparagraph-labels",
    summary="Sub-paragraphs are lettered in sequence, in the language's form",
    fixable=True,
)


def check(doc: Document, ctx: Context) -> Iterator[Violation]:
    style = ctx.language.layout["subparagraph_style"]
    for paragraph in (*doc.preambular, *doc.operative):
        yield from _children(doc, paragraph, style)


def _children(doc: Document, parent: Paragraph, style: str) -> Iterator[Violation]:
    expected = 1
    for child in parent.subparagraphs:
        yield from _form(doc, child, style)
        if child.ordinal == expected - 1 and expected > 1:
            yield Violation(child.label, f"Sub-paragraph \"{child.marker}\" is used twice")
        elif child.ordinal > expected:
            yield Violation(child.label, f"Sub-paragraph \"{child.marker}\" comes where \"{_name(child, expected)}\" is expected")
        elif child.ordinal < expected:
            yield Violation(child.label, f"Sub-paragraph \"{child.marker}\" is out of sequence")
        expected = max(expected, child.ordinal) + 1
        yield from _children(doc, child, style)


def _form(doc: Document, child: SubParagraph, style: str) -> Iterator[Violation]:
    if child.level > 2 or child.style == style:
        return
    wanted = f"({child.marker})" if style == "(a)" else f"{child.marker})"
    yield Violation(
        child.label,
        f"Sub-paragraph label \"{doc.slice(child.label)}\" is written \"{wanted}\" in this language",
        Fix(f"Write \"{wanted}\"", (Edit(child.label, wanted),)),
    )


def _name(child: SubParagraph, ordinal: int) -> str:
    if child.level in (2, 4):
        return int_to_roman(ordinal).lower()
    return chr(ord("a") + (ordinal - 1) % 26) * ((ordinal - 1) // 26 + 1)
