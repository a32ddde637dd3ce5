"""Footnote texts glued into a paragraph.

## What it checks
Footnote texts that stand inside a paragraph instead of on lines of their own — what a PDF
conversion leaves where a paragraph runs over a page break: the paragraph, then the notes of
that page, then the rest of the paragraph
("…incluidas<sup>1</sup> A/75/345-S/2020/898.<sup>2</sup> Resolución 49/57, anexo." then
"las de 13 de enero de 2010…").

## Why it matters
A footnote text is no part of the sentence it interrupts: a reader, and every other check,
takes "A/75/345-S/2020/898." for words of the paragraph. The fix moves the footnote texts,
each on a line of its own, after the paragraph and joins the paragraph's two halves; every
character of the text is kept. When the rest of the paragraph cannot be found, it puts the
footnote texts on lines of their own where they are.

## Example
```markdown
<!-- lang: es -->
*La Asamblea General*,

*Habiendo examinado* el informe del Secretario General<sup>1</sup>, incluidas<sup>1</sup> A/75/345.

las recomendaciones que figuran en él,

1. *Decide* seguir ocupándose de la cuestión.
```

## Use instead
```markdown
<!-- lang: es -->
*La Asamblea General*,

*Habiendo examinado* el informe del Secretario General<sup>1</sup>, incluidas las recomendaciones que figuran en él,

<sup>1</sup> A/75/345.

1. *Decide* seguir ocupándose de la cuestión.
```
"""
from __future__ import annotations

from collections.abc import Iterator

from ...document.diagnostics import Edit, Fix, Violation
from ...document.model import Document, FootnoteText, Paragraph
from ...document.rule import Context, RuleMeta
from ...document.span import Span
from .wording import describe

META = RuleMeta(
    code="FN006",
    name="footnote-text-in-paragraph",
    summary="Footnote texts are glued into a paragraph (a page-break artifact)",
    fixable=True,
)


def check(doc: Document, ctx: Context) -> Iterator[Violation]:
    by_host: dict[Span, list[FootnoteText]] = {}
    for note in doc.footnotes:
        if note.glued and note.host is not None:
            by_host.setdefault(note.host, []).append(note)
    if not by_host:
        return
    paragraphs = _paragraphs_by_piece(doc, by_host.keys())
    for host, notes in by_host.items():
        span = Span(notes[0].span.start, notes[-1].span.end)
        labels = [note.label for note in notes]
        plural = len(notes) > 1
        message = (
            f"Footnote text{'s' if plural else ''} {describe(labels)} "
            f"{'are' if plural else 'is'} glued into a paragraph (a page-break artifact)"
        )
        edits = _move_after(doc, host, notes, paragraphs.get(host)) or _own_lines(doc, host, notes)
        title = f"Put the footnote text{'s' if plural else ''} on lines of {'their' if plural else 'its'} own"
        yield Violation(span, message, Fix(title, edits))


def _paragraphs_by_piece(doc: Document, pieces) -> dict[Span, Paragraph]:
    """The paragraph (or sub-paragraph) each of `pieces` belongs to, if any. Offsets are
    compared first: a Span hashes in Python, and a document has thousands of pieces."""
    wanted = set(pieces)
    starts = {piece.start for piece in wanted}
    found: dict[Span, Paragraph] = {}
    stack = [node for node in doc.blocks if isinstance(node, Paragraph)]
    while stack:
        paragraph = stack.pop()
        for piece in paragraph.pieces:
            if piece.start in starts and piece in wanted:
                found[piece] = paragraph
        stack.extend(paragraph.subparagraphs)
    return found


def _join_start(doc: Document, host: Span) -> int:
    """The end of the host's words (before any blank at the end of its piece)."""
    end = host.end
    while end > host.start and doc.text[end - 1] in " \t":
        end -= 1
    return end


def _move_after(doc: Document, host: Span, notes: list[FootnoteText], paragraph: Paragraph | None):
    """Join the paragraph's halves and put the notes after it; None when the rest of the
    paragraph does not follow the notes directly (other blocks stand between them)."""
    if paragraph is None:
        return None
    notes_end = notes[-1].span.end
    rest = next((piece for piece in paragraph.pieces if piece.start >= notes_end), None)
    if rest is None or doc.text[notes_end : rest.start].strip():
        return None
    moved = (doc.newline * 2).join(doc.slice(note.span) for note in notes)
    later_notes = [n.span.start for n in doc.footnotes if rest.end <= n.span.start < paragraph.span.end]
    if later_notes:  # other notes of a later page break: keep the numerical order
        insert = Edit(Span(later_notes[0], later_notes[0]), moved + doc.newline * 2)
    else:
        insert = Edit(Span(paragraph.span.end, paragraph.span.end), doc.newline * 2 + moved)
    return (Edit(Span(_join_start(doc, host), rest.start), " "), insert)


def _own_lines(doc: Document, host: Span, notes: list[FootnoteText]) -> tuple[Edit, ...]:
    """Each note on a line of its own, where it stands."""
    breaks = [Edit(Span(_join_start(doc, host), notes[0].span.start), doc.newline * 2)]
    for before, after in zip(notes, notes[1:]):
        breaks.append(Edit(Span(before.span.end, after.span.start), doc.newline * 2))
    return tuple(breaks)
