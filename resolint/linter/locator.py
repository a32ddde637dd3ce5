"""Where a finding is, in the terms of the file it was read from.

The renderers place every finding through a `Locator`, whatever the file's format: a text
file's locator gives line and column; a converted format's reader (linter/formats.py) gives
its own, which also names the place a person looks for (a Word document's paragraph) and
what the machine formats add for it. So a renderer never asks which format a file was.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol

from ..document.span import LineIndex, Span


@dataclass(frozen=True, slots=True)
class Location:
    """A span's place. `line`, `column`, `end_line`, `end_column`: 1-based, columns in
    characters, in the text that was linted (for a converted format, the text form that
    `resolint convert` writes). `place`: where a person looks when that is not a line, as
    "paragraph 14 (operative 3)"; `quote`: the text to search for there; `details`: what the
    JSON output adds to the finding, by key ({"docx": {...}})."""

    line: int
    column: int
    end_line: int
    end_column: int
    place: str = ""
    quote: str = ""
    details: Mapping[str, Any] = field(default_factory=dict)

    def display(self, path: str) -> str:
        """How a person's report names it: "a.md:3:5", "a.docx: paragraph 14 (operative 3)"."""
        return f"{path}: {self.place}" if self.place else f"{path}:{self.line}:{self.column}"


class Locator(Protocol):
    """What the renderers take for each file, to place its findings and fixes."""

    def locate(self, span: Span) -> Location: ...


class TextLocator:
    """Line and column in a text, and nothing more."""

    __slots__ = ("lines",)

    def __init__(self, lines: LineIndex) -> None:
        self.lines = lines

    def locate(self, span: Span) -> Location:
        line, column = self.lines.position(span.start)
        end_line, end_column = self.lines.position(span.end)
        return Location(line, column, end_line, end_column)
