"""Where a block of text really ends: its last visible character once trailing markup
(emphasis markers, footnote references, blanks) is set aside."""
from __future__ import annotations

from .span import Span

CLOSERS = "”’\"')]»"
MARKS = ",;:."
# Blanks, emphasis markers and the invisible format marks the XML leaves (U+200E after
# "Climate Change,", A/RES/78/120).
_SKIPPED = " \t\r\n*_\u200b\u200e\u200f\u2060\ufeff"


def final_mark(text: str, span: Span) -> tuple[str, int]:
    """(character, offset) of the last visible character of `span`; ("", span.start) if none.

    A mark just inside a closing quote ("…,”") counts as the paragraph's mark. Scans back
    from the end, so its cost is the length of the trailing markup, whatever the text.
    """
    start, end = span.start, span.end
    while end > start:
        char = text[end - 1]
        if char in _SKIPPED:
            end -= 1
        elif char == ">" and text.endswith("</sup>", start, end):
            opening = text.rfind("<sup>", max(start, end - 32), end - 6)
            if opening < 0:
                break
            end = opening
        elif char == "]" and (caret := text.rfind("[^", max(start, end - 24), end)) >= 0 and " " not in text[caret:end]:
            end = caret
        else:
            break
    if end <= start:
        return "", start
    if text[end - 1] in CLOSERS and end - 2 >= start and text[end - 2] in MARKS:
        return text[end - 2], end - 2
    return text[end - 1], end - 1
