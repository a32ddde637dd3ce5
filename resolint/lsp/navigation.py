"""Footnotes as the editor navigates them: from a reference (`<sup>3</sup>`, `[^3]`) to the
footnote text, and from a footnote back to every reference. Pure functions of the document's
facts: the markers are the ones the footnote rules read (`facts.footnote_references`).
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..document.span import Span

if TYPE_CHECKING:  # the facts are loaded by the analysis, not by the server's start
    from ..facts import Facts
    from ..facts.footnotes import Reference


def definitions(facts: Facts, offset: int) -> list[Span]:
    """The footnote texts a reference at `offset` points to (several for `<sup>10,11</sup>`)."""
    reference = _reference_at(facts, offset)
    if reference is None:
        return []
    wanted = _labels(reference)
    return [note.span for note in facts.doc.footnotes if note.label in wanted]


def references(facts: Facts, offset: int, include_declaration: bool) -> list[Span]:
    """Every reference to the footnote at `offset` — on a footnote text or on a reference to it."""
    notes = facts.doc.footnotes
    reference = _reference_at(facts, offset)
    if reference is not None:
        wanted = _labels(reference)
    else:
        note = next((note for note in notes if note.span.start <= offset <= note.span.end), None)
        if note is None:
            return []
        wanted = {note.label}
    found = [reference.span for reference in facts.footnote_references if wanted & _labels(reference)]
    if include_declaration:
        found += [note.label_span for note in notes if note.label in wanted]
    return sorted(found)


def _reference_at(facts: Facts, offset: int) -> Reference | None:
    return next((r for r in facts.footnote_references if r.span.start <= offset <= r.span.end), None)


def _labels(reference: Reference) -> set[str]:
    return {str(number) for number in reference.numbers} if reference.numbers else {reference.ref.label.strip()}
