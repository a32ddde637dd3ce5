"""What the heading lines of a document say about it: the organ whose text it is, whether it
is a resolution, a draft or a decision, its symbol and number. (The session and the adoption
date are facts: facts/sessions.py, facts/dates.py, one reader of each from the language data.)"""
from __future__ import annotations

import re

from ..document.langdata import LanguagePack
from ..document.model import DocumentKind, HeaderLine, Meta
from .inline import strip_markup

# The token classes of heading lines, and the kind of HeaderLine each becomes.
HEADER_LINE_KINDS = {
    "SESSION": "session", "COMMITTEE": "committee", "AGENDA": "agenda", "ADOPTION": "adoption",
    "PROVENANCE": "provenance", "NUMBER_TITLE": "number_title", "SPONSORS": "sponsors",
    "SC_NUMBER": "sc_number", "SC_ADOPTED": "sc_adopted", "SYMBOL": "symbol",
}


def body(text: str, pack: LanguagePack, header: list[HeaderLine], chapeau_body: str | None) -> str | None:
    """The organ: the chapeau's, or else what the heading lines name."""
    if chapeau_body:
        return chapeau_body
    for line in header:
        raw = text[line.span.start : line.span.end]
        if line.kind in ("sc_number", "sc_adopted"):
            return "SC"
        if line.kind in ("adoption", "sponsors", "committee", "number_title", "session", "agenda"):
            for name, organ in pack.organs.items():
                if name.split(" ", 1)[-1] in raw.casefold():
                    return organ
            if line.kind in ("sponsors", "committee", "session", "agenda"):
                return "GA"
    return None


def kind(text: str, pack: LanguagePack, header: list[HeaderLine]) -> DocumentKind:
    draft_kind = re.compile(pack.header_patterns["draft_kind"].pattern, re.IGNORECASE)
    for line in header:
        raw = text[line.span.start : line.span.end]
        if line.kind == "sponsors":
            match = draft_kind.search(raw)
            return DocumentKind.DECISION if match and match.group(1).lower().startswith("decis") else DocumentKind.DRAFT
        if line.kind == "adoption" and re.match(pack.layout["decision_adoption"], raw):
            return DocumentKind.DECISION
        if pack.header_patterns["note"].match(raw):
            return DocumentKind.DRAFT  # an L. document, but a note, not a resolution
    return DocumentKind.RESOLUTION


def meta(text: str, header: list[HeaderLine]) -> Meta:
    """The symbol and number the heading gives."""
    symbol = number = None
    for line in header:
        raw = strip_markup(text[line.span.start : line.span.end]).strip()
        if line.kind == "number_title" and number is None:
            number = raw.split(". ", 1)[0].rstrip(".")
        elif line.kind == "sc_number" and number is None:
            number = raw.split(" ", 1)[1]
        elif line.kind == "symbol" and symbol is None:
            symbol = raw
    return Meta(symbol, number)
