"""Positions: spans of code-point offsets into the original text, and a line index.

Line and column exist only for human renderers (1-based, columns in characters);
UTF-16 exists only in the language-server adapter.
"""
from __future__ import annotations

from bisect import bisect_right
from itertools import accumulate
from dataclasses import dataclass


@dataclass(frozen=True, slots=True, order=True)
class Span:
    """Half-open range [start, end) of code-point offsets."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if self.start < 0 or self.end < self.start:
            raise ValueError(f"invalid span {self.start}..{self.end}")

    def __len__(self) -> int:
        return self.end - self.start

    def contains(self, offset: int) -> bool:
        return self.start <= offset < self.end

    def covers(self, other: "Span") -> bool:
        return self.start <= other.start and other.end <= self.end

    def slice(self, text: str) -> str:
        return text[self.start : self.end]


class LineIndex:
    """Maps offsets to 1-based (line, column) and back; lines end at "\\n"."""

    __slots__ = ("_starts", "_length")

    def __init__(self, text: str) -> None:
        lengths = accumulate((len(line) + 1 for line in text.split("\n")), initial=0)
        self._starts = list(lengths)[:-1]
        self._length = len(text)

    @property
    def line_count(self) -> int:
        return len(self._starts)

    def line_start(self, line: int) -> int:
        """Offset of the first character of 1-based `line`."""
        return self._starts[line - 1]

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of `offset`; columns count characters."""
        offset = max(0, min(offset, self._length))
        line = bisect_right(self._starts, offset)
        return line, offset - self._starts[line - 1] + 1

    def offset(self, line: int, column: int) -> int:
        """Offset of 1-based (line, column), clamped to the text."""
        line = max(1, min(line, len(self._starts)))
        start = self._starts[line - 1]
        end = self._starts[line] - 1 if line < len(self._starts) else self._length
        return max(start, min(start + column - 1, end))
