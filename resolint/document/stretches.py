"""The stretches of a text between empty lines, as the facts read paragraph by paragraph see it.

The dates and the session mentions read nothing across an empty line ("\\n\\n"): what one
stretch holds depends on its own text alone (and on the empty lines around it). So after an
edit the editor reads again only the stretches the edit touched, and keeps or moves what the
others held (linter/incremental.py).
"""
from __future__ import annotations

EMPTY_LINE = "\n\n"


class Stretches:
    """The stretch around each of a series of offsets asked in increasing order: the scan for
    empty lines goes once over the text, however many offsets are asked about."""

    __slots__ = ("_text", "_start", "_end")

    def __init__(self, text: str) -> None:
        self._text = text
        self._start = self._end = 0

    def around(self, offset: int) -> tuple[int, int]:
        """(start, end) of the stretch holding `offset`, a character that is no line break."""
        if not self._start <= offset < self._end:
            text = self._text
            low = self._end if offset >= self._end + 2 else 0  # no empty line between the last stretch and it
            blank = text.rfind(EMPTY_LINE, low, offset)
            self._start = blank + 2 if blank >= 0 else 0
            blank = text.find(EMPTY_LINE, offset)
            self._end = blank if blank >= 0 else len(text)
        return self._start, self._end


def touched(text: str, start: int, end: int) -> tuple[int, int]:
    """Where the stretches holding text[start:end] begin and end: from just after the last
    empty line before `start` to the first one after `end`."""
    before, after = text.rfind(EMPTY_LINE, 0, start), text.find(EMPTY_LINE, end)
    return before + 2 if before >= 0 else 0, after if after >= 0 else len(text)
