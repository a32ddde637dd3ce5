"""The stream the grammar reads, settled from the classified items: paragraphs that a page
break cut in two joined again, the blocks that stand anywhere (footnote texts, comments,
separators, tables) left out, and the classes that only a block's neighbours tell — a part
label that is a section number, a long section title, the text a lead-in introduces, an
unnumbered operative paragraph."""
from __future__ import annotations

import re

from ..document.langdata import LanguagePack
from .items import Item, visible_end
from .labels import NUMBERED
from .lexicon import OPERATIVE, lexicon, words
from .paragraphs import label_and_content, opening_emphasis

# Blocks that stand anywhere and belong to no paragraph: the structure runs on across them.
SET_ASIDE = ("FOOTNOTE", "COMMENT", "SEPARATOR", "TABLE")
PARAGRAPH_HEADS = ("EMPH", "TEXT", "NUMBERED", "SUBPARA", "LEAD_IN")
FINAL_PUNCTUATION = ",;:."
OPENING_REACH = 200  # characters of an italic opening read: longer than any listed phrase


def grammar_stream(text: str, items: list[Item], language: LanguagePack) -> list[Item]:
    """The items the grammar reads: continuations merged, set-aside blocks left out, and
    the classes that only the neighbours tell (section numbers, introduced text) settled."""
    content = _merge_continuations(text, items)
    _mark_section_numbers(content)
    _mark_section_titles(text, content)
    _mark_embedded_text(text, content)
    _mark_quoted_text(text, content)
    _mark_unnumbered_operative(text, content, language)
    return content


def _merge_continuations(text: str, items: list[Item]) -> list[Item]:
    """Join paragraphs that a page break (and the footnotes printed there) cut in two; drop
    footnote texts, comments and separator lines from the stream.

    A text block continues the paragraph before it when it starts in lower case, or when the
    earlier part lacks its final punctuation and footnote texts stand between them (or the
    block starts with a figure, as in "9 December 2021, and ...").
    """
    merged: list[Item] = []
    notes_between = False
    emphasised = any(item.raw.inline.emphases for item in items)
    for item in items:
        if item.kind in SET_ASIDE:
            notes_between = notes_between or item.kind in ("FOOTNOTE", "SEPARATOR")
            continue
        previous = merged[-1] if merged else None
        if item.kind == "TEXT" and previous is not None and previous.kind in PARAGRAPH_HEADS:
            first = text[item.raw.span.start : item.raw.span.start + 1]
            # Where paragraphs open with italics, a roman block after footnote texts is the
            # rest of the paragraph the page break cut (even after a comma, A/RES/80/192).
            # Whether the earlier part ends open is read only when it decides.
            if (first.islower() or (notes_between and emphasised)
                    or ((notes_between or first.isdigit()) and visible_end(text, previous.pieces[-1]) not in FINAL_PUNCTUATION)):
                previous.pieces.append(item.raw.span)
                previous.inlines.append(item.raw.inline)
                notes_between = False
                continue
        merged.append(item)
        notes_between = False
    return merged


def _mark_section_numbers(items: list[Item]) -> None:
    """A letter or numeral on a line of its own labels a part ("A", then its title, then the
    chapeau) only where a chapeau follows; elsewhere it numbers a section ("I", "II" between
    operative paragraphs, A/RES/79/254): a heading."""
    for index, item in enumerate(items):
        if item.kind != "PART":
            continue
        after = index + 1
        while after < len(items) and items[after].kind in ("HEADING", "STRONG"):
            after += 1
        if after == len(items) or items[after].kind != "CHAPEAU":
            item.kind = "HEADING"


def _mark_section_titles(text: str, items: list[Item]) -> None:
    """A section's title may be long ("Financing of the support account for peacekeeping
    operations for the financial periods from ...", A/RES/78/293): a roman block with no
    final punctuation between two operative paragraphs, or after a section number, is a
    heading, not a stray paragraph."""
    for index in range(1, len(items) - 1):
        item, previous, following = items[index], items[index - 1], items[index + 1]
        if (
            item.kind == "TEXT"
            and len(item.pieces) == 1
            and (
                (previous.kind == "HEADING" and following.kind in ("NUMBERED", "EMPH"))
                or (previous.kind in ("NUMBERED", "SUBPARA") and visible_end(text, previous.pieces[-1]) in ";."
                    and following.kind in ("NUMBERED", "HEADING", "STRONG"))
            )
            and visible_end(text, item.pieces[-1]) not in FINAL_PUNCTUATION
            and item.raw.span.end - item.raw.span.start <= 500
            and text[item.raw.span.start].isupper()
        ):
            item.kind = "HEADING"


def _mark_embedded_text(text: str, items: list[Item]) -> None:
    """A lead-in right after the chapeau, ending with a colon, is an operative paragraph:
    `*Adopts* the following Pact ...:` then the Pact itself (A/RES/79/1), whose numbered
    paragraphs are not operative ones; or `*Resolves* that, for 2024:` then the numbered
    operative paragraphs it introduces (the budget resolutions, A/RES/78/254 A)."""
    chapeau = next((i for i, item in enumerate(items) if item.kind == "CHAPEAU"), None)
    if chapeau is None or chapeau + 2 >= len(items):
        return
    lead, after = items[chapeau + 1], items[chapeau + 2]
    if lead.kind != "EMPH" or visible_end(text, lead.pieces[-1]) != ":":
        return
    if after.kind == "NUMBERED":
        lead.kind = "LEAD_IN"
        return
    if after.kind not in ("TEXT", "HEADING"):
        return
    stop = len(items)
    for index in range(chapeau + 2, len(items)):
        if items[index].kind in ("MEETING", "ANNEX", "PART", "CHAPEAU"):
            stop = index
            break
        if items[index].kind == "NUMBERED" and _opens_with_emphasis(text, items[index]):
            return  # real operative paragraphs follow: this is a preamble, not a lead-in
    lead.kind = "LEAD_IN"
    for item in items[chapeau + 2 : stop]:
        item.kind = "EMBEDDED"


def _mark_quoted_text(text: str, items: list[Item]) -> None:
    """A paragraph that ends with a colon may introduce lines that are no paragraphs of the
    resolution: a schedule ("Monday, 9 June: from 9 a.m. ...", A/RES/78/128), the themes of
    round tables, a question put to the Court (A/RES/79/232), captions and notes of the
    tables it introduces ("*Abbreviations*: ..."), an agenda numbered from 1 again
    (A/RES/78/223). Those blocks belong to the paragraph before them, as its embedded text."""
    in_body = False
    quoted_number = 0  # the number the next item of a quoted numbered list would have
    operative: Item | None = None  # the last operative paragraph (its number is read when asked)
    for index, item in enumerate(items):
        if item.kind == "CHAPEAU":
            in_body = True
        elif item.kind in ("MEETING", "ANNEX"):
            in_body = False
        if not in_body or index == 0:
            continue
        previous = items[index - 1]
        if item.kind in ("TEXT", "HEADING") and (previous.kind == "EMBEDDED" or _introduces(text, previous)):
            item.kind = "EMBEDDED"
        elif item.kind == "EMPH" and (previous.kind == "EMBEDDED" or _introduces(text, previous)) and _labels_a_note(text, item):
            item.kind = "EMBEDDED"
        elif item.kind == "SUBPARA" and previous.kind == "EMBEDDED" and _opens_quote(text, previous):
            item.kind = "EMBEDDED"  # "“a) En el momento ..." then "b) Cuando ...": the quoted rule goes on
        elif item.kind == "NUMBERED" and (quoted_number or _introduces(text, previous)) and not _opens_with_emphasis(text, item):
            number = _number(text, item)
            # "1. Opening of the Congress." after "11. *Approves* the following agenda:";
            # "4. In hearing an application ..." after "Article 9, new paragraph 4:".
            starts = _introduces(text, previous) and (
                (previous.kind == "NUMBERED" and number == 1 and _number(text, previous) > 1)
                or (previous.kind == "EMBEDDED" and number != (_number(text, operative) if operative else 0) + 1)
            )
            goes_on = quoted_number and number == quoted_number and previous.kind in ("EMBEDDED", "SUBPARA")
            if starts or goes_on:
                item.kind = "EMBEDDED"
                quoted_number = number + 1
                continue
        if item.kind not in ("EMBEDDED", "SUBPARA"):
            quoted_number = 0
        if item.kind == "NUMBERED":
            operative = item


def _introduces(text: str, item: Item) -> bool:
    """Does `item` end with a colon? (Read only where it matters: most items are paragraphs
    that open with italics, which no colon before them turns into embedded text.)"""
    return visible_end(text, item.pieces[-1]) == ":"


def _mark_unnumbered_operative(text: str, items: list[Item], language: LanguagePack) -> None:
    """Once a part's operative paragraphs have begun, a paragraph without a number that opens
    with an operative verb is operative too: the sections of a budget resolution write such
    paragraphs ("XXVI / Contingency fund / *Recalls* its resolution 77/263 A, ..." then
    "1. *Notes* ...", A/RES/78/253). Before the first numbered paragraph such an opening is
    the drafter's slip in the preamble, which VB003 reports, so it stays preambular there."""
    begun: bool | None = None  # None: outside a part's body; False: in its preamble
    for item in items:
        if item.kind == "CHAPEAU":
            begun = False
        elif item.kind in ("MEETING", "ANNEX"):
            begun = None
        elif begun is not None and item.kind in ("NUMBERED", "LEAD_IN"):
            begun = True
        elif begun and item.kind == "EMPH" and _opens_with_operative_verb(text, item, language):
            item.kind = "UNNUMBERED"


def _opens_with_operative_verb(text: str, item: Item, language: LanguagePack) -> bool:
    """Is the italic opening of `item` (an EMPH block opens with one) an operative phrase?"""
    italic = item.raw.inline.emphases[0].inner
    opening = text[italic.start : min(italic.end, italic.start + OPENING_REACH)].split("<", 1)[0]
    return lexicon(language).opening_kinds(words(opening)) == (OPERATIVE,)


def _opens_quote(text: str, item: Item) -> bool:
    """A block that opens a quotation it does not close ("“a) En el momento ...;")."""
    raw = text[item.raw.span.start : item.pieces[-1].end]
    return raw[:1] in "“«\"" and raw.count("”") + raw.count("»") < raw.count("“") + raw.count("«")


def _labels_a_note(text: str, item: Item) -> bool:
    """"*Abbreviations*: GS (OL), ...": an italic label and a colon, a table's note."""
    emphases = item.raw.inline.emphases
    return bool(emphases) and re.match(r"[ \t]?:", text[emphases[0].span.end : emphases[0].span.end + 2]) is not None


def _number(text: str, item: Item) -> int:
    match = NUMBERED.match(text, item.raw.span.start)
    return int(match.group("number")) if match else 0


def _opens_with_emphasis(text: str, item: Item) -> bool:
    label, content = label_and_content(text, item)
    return opening_emphasis(item.raw.inline, label, content) is not None
