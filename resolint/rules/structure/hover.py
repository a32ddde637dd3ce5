"""Hover on an opening phrase: whether it opens a preambular or an operative paragraph, as
the parser placed it, and what that paragraph does in the sentence that is a resolution.
"""
from __future__ import annotations

from collections.abc import Iterator

from ...document.hover import HoverItem
from ...document.langdata import organ_name
from ...document.model import Document, Paragraph
from ...facts import Facts


def opening_phrases(facts: Facts) -> Iterator[HoverItem]:
    doc = facts.doc
    organ = organ_name(doc.body) or "the organ"
    preambular = (
        "opens a **preambular paragraph**: a consideration (a participle or an adjective) on "
        f"which {organ} bases its action. It is not numbered, only its opening phrase is in "
        "italics, and it ends with a comma."
    )
    for part in doc.parts:
        for paragraph in part.preambular:
            yield from _items(doc, paragraph, preambular, "a preambular paragraph")
        last = len(part.operative) - 1
        for index, paragraph in enumerate(part.operative):
            number = f" {paragraph.number}" if paragraph.number is not None else ""
            end = "a full stop, as the last one" if index == last else "a semicolon (the last one ends with a full stop)"
            operative = (
                f"opens **operative paragraph{number}**: a verb in the present tense saying what "
                f"{organ} does — decides, requests, calls upon. It ends with {end}."
            )
            yield from _items(doc, paragraph, operative, f"operative paragraph{number}")


def _items(doc: Document, paragraph: Paragraph, explanation: str, name: str) -> Iterator[HoverItem]:
    if paragraph.opening is not None:
        phrase = " ".join(doc.slice(paragraph.opening.inner).split())
        yield HoverItem(paragraph.opening.span, f"*{phrase}* {explanation}")
    for child in paragraph.subparagraphs:
        label = doc.slice(child.label) if child.label else child.marker
        yield from _items(doc, child, f"opens sub-paragraph {label} of {name}.", f"sub-paragraph {label} of {name}")
