"""Completion while drafting: the italic opening phrase at the start of a paragraph
(preambular or operative by where the paragraph stands) and session ordinals.

The phrases are the document's lexicon (`Facts.lexicon`, the one the VB rules read), in the
forms that agree with the organ the heading names (Spanish and French: "*Profundamente
preocupado*" for the Security Council), so a phrase offered is one the rules accept; the
ordinals come from `ordinals.toml` `sessions` (1–120, lower case).
"""
from __future__ import annotations

import re

from lsprotocol import types

from ..document.langdata import pack
from ..document.model import Document
from ..document.span import Span
from ..grammar.labels import LETTER_LABEL as LETTER
from ..grammar.labels import NUMBER
from .analysis import Analysis

# Start of a paragraph line: indentation and an operative number ("12. "), then the opening.
NUMBER_LABEL = re.compile(rf"[ \t]{{0,3}}(?:(?P<number>\*{{0,2}}{NUMBER}\.\*{{0,2}})[ \t]+)?")
LETTER_LABEL = re.compile(rf"[ \t]{{0,3}}{LETTER}[ \t]")
OPENING_WIDTH = 60  # an opening phrase being typed is shorter than this
ORDINAL_MIN = 3  # letters typed before ordinals are offered
WORDS = "preambular", "operative"


def completions(analysis: Analysis, offset: int) -> types.CompletionList:
    text = analysis.doc.text  # as the rules read it: lone CRs are line feeds there, offsets the same
    line_start = text.rfind("\n", 0, offset) + 1
    prefix = text[line_start:offset]
    items = _openings(analysis, line_start, prefix, offset)
    incomplete = False
    if not items:
        items = _ordinals(analysis, prefix, offset)
        incomplete = True  # filtered here by what was typed: ask again as typing goes on
    return types.CompletionList(is_incomplete=incomplete, items=items)


def _openings(analysis: Analysis, line_start: int, prefix: str, offset: int) -> list[types.CompletionItem]:
    text, doc = analysis.doc.text, analysis.doc
    if LETTER_LABEL.match(prefix) or not _starts_paragraph(text, line_start):
        return []
    label = NUMBER_LABEL.match(prefix)
    typed = prefix[label.end() :]
    words = typed.lstrip("*")
    if len(typed) > OPENING_WIDTH or not all(c.isalpha() or c in " '’-" for c in words) or words.startswith(" "):
        return []
    kinds = _paragraph_kinds(doc, line_start, numbered=bool(label.group("number")))
    stars = len(typed) - len(words)
    closing = len(text[offset : offset + stars]) - len(text[offset : offset + stars].lstrip("*"))
    where = analysis.positions.range(Span(offset - len(typed), offset + closing))
    lexicon = analysis.facts.lexicon
    gender = lexicon.gender(doc.body)
    items = []
    for kind in kinds:
        for rank, phrase in enumerate(lexicon.phrases_for(kind, gender)):
            items.append(types.CompletionItem(
                label=phrase,
                kind=types.CompletionItemKind.Keyword,
                detail=f"{kind} opening phrase",
                filter_text=typed[:stars] + phrase,
                sort_text=f"{WORDS.index(kind)}{rank:04d}",
                text_edit=types.TextEdit(range=where, new_text=f"*{phrase}*"),
            ))
    return items


def _ordinals(analysis: Analysis, prefix: str, offset: int) -> list[types.CompletionItem]:
    names = pack(analysis.doc.language).topic("ordinals").get("sessions", [])
    tail = prefix[-40:]
    starts = [i for i, c in enumerate(tail) if c.isalpha() and (i == 0 or not (tail[i - 1].isalnum() or tail[i - 1] in "-’'"))]
    for start in starts[-3:]:  # longest first: Spanish ordinals have up to three words
        typed = tail[start:]
        letters = sum(c.isalpha() for c in typed)
        if letters < ORDINAL_MIN or not all(c.isalpha() or c in " -" for c in typed):
            continue
        matching = [(n, name) for n, name in enumerate(names, start=1) if name.startswith(typed.casefold())]
        if not matching:
            continue
        where = analysis.positions.range(Span(offset - len(typed), offset))
        capital = typed[0].isupper()
        return [
            types.CompletionItem(
                label=name[0].upper() + name[1:] if capital else name,
                kind=types.CompletionItemKind.Value,
                detail=f"session {number}",
                sort_text=f"{number:04d}",
                text_edit=types.TextEdit(range=where, new_text=name[0].upper() + name[1:] if capital else name),
            )
            for number, name in matching
        ]
    return []


def _starts_paragraph(text: str, line_start: int) -> bool:
    """A paragraph starts on this line: the line before is blank (or there is none)."""
    if line_start == 0:
        return True
    before = text.rfind("\n", 0, line_start - 1) + 1
    previous = text[before : line_start - 1]
    return not previous.strip() or previous.lstrip().startswith("<!--")


def _paragraph_kinds(doc: Document, line_start: int, numbered: bool) -> tuple[str, ...]:
    """Operative after an operative paragraph (or with a number), preambular after the
    chapeau; without any chapeau yet, both."""
    if numbered:
        return ("operative",)
    kind = None
    for part in doc.parts:
        if part.chapeau is not None and part.chapeau.span.end <= line_start:
            kind = "preambular"
        if any(p.span.start < line_start for p in part.operative):
            kind = "operative"
    if kind is not None:
        return (kind,)
    return WORDS if doc.chapeau is None else ()
