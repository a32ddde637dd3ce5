"""The fix FN001 and FN005 share: renumber one resolution's footnotes in order of first
appearance, references and texts together."""
from __future__ import annotations

import re

from ...document.diagnostics import Applicability, Edit, Fix
from ...document.model import Document
from ...facts.footnotes import Group

_DIGITS = re.compile(r"\d+")


def renumber_fix(doc: Document, group: Group) -> Fix | None:
    """Number the references by first appearance and put the footnote texts, relabelled, in
    that order into the places where texts stand. None when references and texts do not
    correspond one to one (then no renumbering is safe to guess)."""
    order = group.first_appearance()
    numbers = [note.number for note in group.texts]
    if len(set(numbers)) != len(numbers) or set(numbers) != set(order):
        return None
    mapping = {old: new for new, old in enumerate(order, start=1)}
    edits: list[Edit] = []
    for reference in group.references:
        label = doc.slice(reference.span)
        relabelled = _relabel(label, [mapping[number] for number in reference.numbers])
        if relabelled != label:
            edits.append(Edit(reference.span, relabelled))
    contents = sorted(group.texts, key=lambda note: mapping[note.number])
    for slot, note in zip(group.texts, contents):
        new = _relabel(doc.slice(note.label_span), [mapping[note.number]]) + doc.text[note.label_span.end : note.span.end]
        if new != doc.slice(slot.span):
            edits.append(Edit(slot.span, new))
    if not edits:
        return None
    return Fix("Renumber the footnotes in order of first appearance", tuple(edits), Applicability.UNSAFE)


def _relabel(label: str, numbers: list[int]) -> str:
    replacements = iter(numbers)
    return _DIGITS.sub(lambda match: str(next(replacements, match.group())), label)
