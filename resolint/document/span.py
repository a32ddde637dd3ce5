"""Positions: spans of code-point offsets into the original text, and a line index.

Line and column exist only for human renderers (1-based, columns in characters);
UTF-16 exists only in the language-server adapter.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from itertools import accumulate


@dataclass(frozen=True, slots=True, order=True, init=False)
class Span:
    """Half-open range [start, end) of code-point offsets."""

    start: int
    end: int

    def __init__(self, start: int, end: int) -> None:
        # Frozen: the generated __init__ would set each field with object.__setattr__; the
        # slots' own setters are twice as fast, and a parse makes some 90,000 spans.
        if start < 0 or end < start:
            raise ValueError(f"invalid span {start}..{end}")
        _set_start(self, start)
        _set_end(self, end)

    def __len__(self) -> int:
        return self.end - self.start

    def contains(self, offset: int) -> bool:
        return self.start <= offset < self.end

    def covers(self, other: "Span") -> bool:
        return self.start <= other.start and other.end <= self.end

    def slice(self, text: str) -> str:
        return text[self.start : self.end]


_set_start = Span.start.__set__
_set_end = Span.end.__set__


def by_span(node) -> tuple[int, int]:
    """Sort key of anything with a `span`, in Span's order: a pair of ints compares in C,
    where Span.__lt__ is a Python call (a document sorts thousands of nodes)."""
    return node.span.start, node.span.end


_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def line_starts(text: str) -> list[int]:
    """The offset where each line starts. Lines end at "\\n", "\\r\\n" or a lone "\\r" (old Mac
    files) — as LSP says, and at nothing else (not at the form feeds or U+2028 that
    `str.splitlines` also breaks on)."""
    if "\r" in text:
        return [0, *(match.end() for match in _LINE_BREAK.finditer(text))]
    # The common case, at C speed: each line starts one past the end of the last.
    return list(accumulate(map((1).__add__, map(len, text.split("\n"))), initial=0))[:-1]


class LineIndex:
    """Maps offsets to 1-based (line, column) and back. The one line index: the renderers,
    the parser and the language server's position map (lsp.convert) all use it."""

    __slots__ = ("_starts", "_length", "_text")

    def __init__(self, text: str) -> None:
        self._starts = line_starts(text)
        self._length = len(text)
        self._text = text

    @property
    def line_count(self) -> int:
        return len(self._starts)

    @property
    def starts(self) -> list[int]:
        return self._starts

    def line_start(self, line: int) -> int:
        """Offset of the first character of 1-based `line`."""
        return self._starts[line - 1]

    def line_end(self, line: int) -> int:
        """Offset where 1-based `line`'s content ends (before its line break)."""
        if line >= len(self._starts):
            return self._length
        end = self._starts[line]
        if self._text[end - 1] == "\n":
            end -= 1
        if end > self._starts[line - 1] and self._text[end - 1] == "\r":
            end -= 1
        return end

    def line_of(self, offset: int) -> int:
        """1-based line of `offset` (clamped to the text)."""
        return bisect_right(self._starts, max(0, min(offset, self._length)))

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of `offset`; columns count characters."""
        offset = max(0, min(offset, self._length))
        line = bisect_right(self._starts, offset)
        return line, offset - self._starts[line - 1] + 1

    def offset(self, line: int, column: int) -> int:
        """Offset of 1-based (line, column), clamped to the line."""
        line = max(1, min(line, len(self._starts)))
        start = self._starts[line - 1]
        return max(start, min(start + column - 1, self.line_end(line)))
