"""Footnotes as the editor navigates them: from a reference (`<sup>3</sup>`, `[^3]`) to the
footnote text, and from a footnote back to every reference. Pure functions of the model.
"""
from __future__ import annotations

from collections.abc import Iterator

from ..document.model import Annex, Document, FootnoteRef, Paragraph
from ..document.span import Span


def footnote_refs(doc: Document) -> list[FootnoteRef]:
    """Every footnote reference in the text, in order (not the labels of footnote texts)."""
    labels = {note.label_span for note in doc.footnotes}
    seen: dict[Span, FootnoteRef] = {}
    for ref in _refs(doc.blocks):
        if ref.span not in labels:
            seen.setdefault(ref.span, ref)
    return sorted(seen.values(), key=lambda ref: ref.span)


def definitions(doc: Document, offset: int) -> list[Span]:
    """The footnote texts a reference at `offset` points to (several for `<sup>10,11</sup>`)."""
    ref = _ref_at(doc, offset)
    if ref is None:
        return []
    wanted = _labels(ref)
    return [note.span for note in doc.footnotes if note.label in wanted]


def references(doc: Document, offset: int, include_declaration: bool) -> list[Span]:
    """Every reference to the footnote at `offset` — on a footnote text or on a reference to it."""
    ref = _ref_at(doc, offset)
    if ref is not None:
        wanted = _labels(ref)
    else:
        note = next((note for note in doc.footnotes if note.span.start <= offset <= note.span.end), None)
        if note is None:
            return []
        wanted = {note.label}
    found = [ref.span for ref in footnote_refs(doc) if wanted & _labels(ref)]
    if include_declaration:
        found += [note.label_span for note in doc.footnotes if note.label in wanted]
    return sorted(found)


def _ref_at(doc: Document, offset: int) -> FootnoteRef | None:
    return next((ref for ref in footnote_refs(doc) if ref.span.start <= offset <= ref.span.end), None)


def _labels(ref: FootnoteRef) -> set[str]:
    return {str(number) for number in ref.numbers} if ref.numbers else {ref.label.strip()}


def _refs(nodes) -> Iterator[FootnoteRef]:
    for node in nodes:
        if isinstance(node, Annex):
            yield from _refs(node.blocks)
            continue
        inline = getattr(node, "inline", None)
        if inline is not None:
            yield from inline.refs
        if isinstance(node, Paragraph):
            yield from _refs(node.subparagraphs)
