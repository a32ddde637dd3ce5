"""Paragraph nodes from items: the label ("12.", "(a)"), where the text starts, the opening
emphasis, and the nesting of sub-paragraphs by their markers ("(a)", "(i)", "a.", "aa)")."""
from __future__ import annotations

from ..document.model import (
    Emphasis,
    Inline,
    OperativeParagraph,
    PreambularParagraph,
    SubParagraph,
)
from ..document.punctuation import final_mark
from ..document.span import Span
from .items import Item, merged_inline, whole
from .labels import NUMBERED, SUBPARA


def last_piece(paragraph) -> Span:
    """Where a paragraph really ends: in its last sub-paragraph, if it has any."""
    while paragraph.subparagraphs:
        paragraph = paragraph.subparagraphs[-1]
    return paragraph.pieces[-1]


def label_and_content(text: str, item: Item) -> tuple[Span | None, int]:
    """The paragraph label ("12.", "(a)") and where the text after it starts."""
    span = item.raw.span
    match = (NUMBERED if item.kind == "NUMBERED" else SUBPARA if item.kind == "SUBPARA" else None)
    found = match.match(text, span.start) if match else None
    if not found:
        return None, span.start
    label_end = found.end() - 1  # the regex ends with one blank
    label_text = text[span.start : label_end]
    trimmed = span.start + len(label_text) - len(label_text.lstrip("*"))
    label = Span(trimmed, trimmed + len(label_text.strip("*")))
    content = found.end()
    while content < span.end and text[content] in " \t\u200e\u200f":  # U+200E: the XML's, A/RES/79/254
        content += 1
    return label, content


def opening_emphasis(inline: Inline, label: Span | None, content: int) -> Emphasis | None:
    """The emphasis that opens the paragraph's text (it may start inside a damaged label)."""
    floor = label.start if label else content
    for emphasis in inline.emphases:
        if floor <= emphasis.span.start <= content and emphasis.span.end > content:
            return emphasis
        if emphasis.span.start > content:
            break
    return None


def make_paragraph(text: str, cls, head: Item, subparagraphs: tuple[SubParagraph, ...], **fields):
    """A paragraph of class `cls` from its head item; `fields`: a sub-paragraph's own."""
    label, content = label_and_content(text, head)
    inline = merged_inline(head.inlines)
    if cls is OperativeParagraph:
        number_text = text[label.start : label.end].rstrip(".*,") if label else ""
        fields["number"] = int(number_text) if number_text.isdigit() else None
    return cls(whole(head), tuple(head.pieces), label, content, opening_emphasis(inline, label, content), inline,
               subparagraphs, **fields)


def as_operative(paragraph: PreambularParagraph) -> OperativeParagraph:
    return OperativeParagraph(
        span=paragraph.span, pieces=paragraph.pieces, label=paragraph.label, content=paragraph.content,
        opening=paragraph.opening, inline=paragraph.inline, subparagraphs=paragraph.subparagraphs, number=None,
    )


ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50}


def _roman_value(marker: str) -> int | None:
    if not marker or set(marker) - set(ROMAN):
        return None
    total = 0
    for index, char in enumerate(marker):
        value = ROMAN[char]
        if index + 1 < len(marker) and ROMAN[marker[index + 1]] > value:
            total -= value
        else:
            total += value
    return total


def _letter_value(marker: str) -> int | None:
    """a=1 ... z=26, aa=27, bb=28 ... (doubled letters continue the alphabet)."""
    if len(set(marker)) != 1 or not marker.isalpha():
        return None
    return (len(marker) - 1) * 26 + ord(marker[0]) - ord("a") + 1


def nest_subparagraphs(text: str, items: list[Item]) -> tuple[SubParagraph, ...]:
    """Level and order of each sub-paragraph; deeper levels become children."""
    if not items:
        return ()
    flat: list[tuple[int, Item, str, str, int]] = []
    last_letter = {1: 0, 3: 0}
    in_roman = {2: False, 4: False}
    for item in items:
        match = SUBPARA.match(text, item.raw.span.start)
        marker = match.group("marker") if match else ""
        style = ("(a)" if match and match.group("open") else "a." if match and match.group("close") == "." else "a)")
        letter_level, roman_level = (3, 4) if style == "a." else (1, 2)
        letter, roman = _letter_value(marker), _roman_value(marker)
        continues_letters = letter is not None and letter == last_letter[letter_level] + 1
        # "(i)" after "(h)" is the letter i, unless "(h)" introduced a list of its own.
        introduced = bool(flat) and final_mark(text, flat[-1][1].pieces[-1])[0] == ":"
        if roman is not None and (not continues_letters or introduced) and (marker == "i" or in_roman[roman_level]):
            level, ordinal = roman_level, roman
            in_roman[roman_level] = True
        else:
            level, ordinal = letter_level, letter or 0
            last_letter[letter_level] = ordinal
            in_roman[roman_level] = False
        flat.append((level, item, marker, style, ordinal))
    return _build_levels(text, flat, 0, len(flat))


def _build_levels(text: str, flat, start: int, end: int) -> tuple[SubParagraph, ...]:
    result: list[SubParagraph] = []
    index = start
    while index < end:
        level, item, marker, style, ordinal = flat[index]
        child_end = index + 1
        while child_end < end and flat[child_end][0] > level:
            child_end += 1
        children = _build_levels(text, flat, index + 1, child_end)
        result.append(make_paragraph(text, SubParagraph, item, children,
                                     marker=marker, style=style, level=level, ordinal=ordinal))
        index = child_end
    return tuple(result)
