"""Block classification: each block becomes one token for the structure grammar.

The classes key on layout (numbering, emphasis, brackets, footnote markers); the heading
lines are recognised with the language pack's patterns (rules/data/<lang>/structure.toml).
"""
from __future__ import annotations

import re

from ..document.langdata import LanguagePack
from ..document.punctuation import final_mark
from . import inline as inline_scan
from .blocks import RawBlock
from .labels import NUMBERED, SUBPARA, is_subparagraph_label

NUMBER_TITLE = re.compile(r"(?:\d{1,3}/\d{1,4}|(?:S|ES)-\d{1,2}/\d{1,3}|\d{4}/\d{1,3})(?: [A-Z])?\.[ \t]")
PROVENANCE = re.compile(r"\A\[[^\n]*\]\Z")
ROMAN_HEADING = re.compile(r"(?:[IVXLC]{1,6}\.?|[A-Z]\.)[ \t]+[A-ZÀ-ÖØ-Þ]")  # "B. Évolution de la marge"
SEPARATOR = re.compile(r"\A(?:[_*-][ \t]*){3,}\Z")
PART = re.compile(r"[A-Z]\Z")
SYMBOL = re.compile(r"[A-Z]{1,6}(?:/[A-Za-z0-9.-]{1,20}){1,7}(?: \(\d{4}\))?\Z")

HEADER_KINDS = ("session", "committee", "agenda", "adoption", "sc_number", "sc_adopted")


def classify(text: str, block: RawBlock, pack: LanguagePack) -> str:
    """The token type of one block (see resolution.lark for the list)."""
    if block.kind in ("comment", "footnote", "table"):
        return block.kind.upper()
    if block.kind == "heading":
        return "HEADING"
    raw = text[block.span.start : block.span.end]
    if NUMBERED.match(raw):
        return "NUMBERED"
    sub = SUBPARA.match(raw)
    if sub and is_subparagraph_label(sub):
        return "SUBPARA"
    if SEPARATOR.match(raw):
        return "SEPARATOR"
    # Heading lines are short; of a long block only its start and end matter here.
    plain = inline_scan.strip_markup(raw if len(raw) <= 1200 else raw[:400] + " … " + raw[-400:]).strip()
    if not plain:
        return "SEPARATOR"  # only markup: nothing to read
    if _sponsors(plain, pack):
        return "SPONSORS"
    if pack.annex_pattern.match(plain) and (len(plain) <= 300 or plain[-1] not in ",;:."):
        return "ANNEX"
    emphases = block.inline.emphases
    opens_italic = bool(emphases) and emphases[0].span.start == block.span.start and not emphases[0].strong
    if len(plain) <= 300:
        kind = _short_block(plain, pack, heading_allowed=not opens_italic)
        if kind:
            return kind
    if emphases and emphases[0].span.start == block.span.start:
        if opens_italic:
            return "EMPH"
        # A bold line is a heading; a bold opening of a paragraph (it ends like one) is a
        # paragraph whose opening phrase is in the wrong type.
        return "TEXT" if final_mark(text, block.span)[0] in ",;" else "STRONG"
    return "TEXT"


def _short_block(plain: str, pack: LanguagePack, heading_allowed: bool) -> str | None:
    """Heading lines, chapeau, meeting line, annex: all short blocks. A short roman line
    without final punctuation is a section heading; an italic one is a paragraph whose
    punctuation is missing."""
    organ = plain.rstrip(",.:; ").strip()
    if organ.casefold() in pack.organs:
        return "CHAPEAU"
    if pack.meeting_pattern.match(plain):
        return "MEETING"
    if PART.match(plain):
        return "PART"
    if SYMBOL.match(plain):
        return "SYMBOL"
    if PROVENANCE.match(plain) and plain.startswith("["):
        return "PROVENANCE"
    if NUMBER_TITLE.match(plain):
        return "NUMBER_TITLE"
    patterns = pack.header_patterns
    for kind in HEADER_KINDS:
        if patterns[kind].search(plain):
            return kind.upper()
    if heading_allowed and plain[-1] not in ",;:." and (ROMAN_HEADING.match(plain) or (len(plain) <= 150 and plain[0].isupper())):
        return "HEADING"
    return None


def _sponsors(plain: str, pack: LanguagePack) -> bool:
    """A sponsors line ("Draft resolution submitted by …"): each language's pattern matches
    it at the start of the block or after a colon (structure.toml says so), so the search
    runs only where there is a colon — searching every block cost more than the rest of
    the classification."""
    pattern = pack.header_patterns["sponsors"]
    return bool(pattern.match(plain) or (":" in plain and pattern.search(plain)))
