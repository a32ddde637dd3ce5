"""The documents the client has open, and their text kept in step with its changes
(incremental sync: each `didChange` carries ranged edits, applied to a list of lines).

The server's handlers open, change and close documents here; the scheduler reads them.
"""
from __future__ import annotations

import asyncio
import itertools
import os
import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from lsprotocol import types
from pygls.uris import to_fs_path

from ..linter.formats import TEXT_SUFFIXES
from .analysis import Analysis
from .convert import ASTRAL, UTF16, UTF32, PositionMap

LANGUAGE_IDS = ("markdown", "plaintext", "un-resolution")

_EXOTIC_BREAKS = "\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"  # str.splitlines breaks there, LSP does not
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)")


def split_lines(text: str) -> list[str]:
    """The lines of `text` with their line breaks (LF, CRLF or a lone CR, as `span.LineIndex`);
    the last item is the unterminated last line, "" when the text ends with a break."""
    if any(c in text for c in _EXOTIC_BREAKS):
        lines = _LINE.findall(text)
        rest = text[sum(map(len, lines)):]
        return [*lines, rest]
    lines = text.splitlines(keepends=True)
    if not lines or lines[-1].endswith(("\n", "\r")):
        lines.append("")
    return lines


class TextBuffer:
    """An open document's text as a list of lines, so that a change costs the length of the
    lines it touches, not of the document: a "Replace All" of thousands of changes on a large
    document stays near-linear. The whole text is joined when asked for, once per version."""

    __slots__ = ("encoding", "_lines", "_text")

    def __init__(self, text: str, encoding: str = UTF16) -> None:
        self.encoding = encoding
        self._lines = split_lines(text)
        self._text: str | None = text

    @property
    def text(self) -> str:
        if self._text is None:
            self._text = "".join(self._lines)
        return self._text

    def apply(self, change) -> None:
        """Apply one `contentChanges` entry (a ranged edit or the whole document)."""
        self._text = None
        if not isinstance(change, types.TextDocumentContentChangePartial):
            self._lines = split_lines(change.text)
            return
        lines = self._lines
        start, end = self._locate(change.range.start), self._locate(change.range.end)
        if end < start:
            start, end = end, start
        (first, column), (last, end_column) = start, end
        piece = lines[first][:column] + change.text + lines[last][end_column:]
        if first > 0 and piece.startswith("\n") and lines[first - 1].endswith("\r"):
            first -= 1  # a "\r" that ends the line before and a "\n" that now follows make one break
            piece = lines[first] + piece
        replacement = split_lines(piece)
        if last + 1 < len(lines):
            replacement.pop()  # the piece ends with the break of line `last`: the next line follows
        lines[first : last + 1] = replacement

    def _locate(self, position: types.Position) -> tuple[int, int]:
        """(line index, code-point column) of a client position, clamped as LSP says: past the
        end of its line, the end of the line; past the last line, the end of the text."""
        lines = self._lines
        if position.line >= len(lines):
            return len(lines) - 1, len(lines[-1])
        line = lines[position.line]
        content = len(line) - (2 if line.endswith("\r\n") else 1 if line.endswith(("\n", "\r")) else 0)
        if self.encoding == UTF32 or line.isascii() or (self.encoding == UTF16 and ASTRAL.search(line) is None):
            return position.line, min(position.character, content)
        return position.line, PositionMap(line[:content], self.encoding).offset(types.Position(line=0, character=position.character))


@dataclass(eq=False)
class OpenDocument:
    uri: str
    buffer: TextBuffer  # the text, kept as lines so that a change costs only the lines it touches
    version: int | None
    language_id: str
    generation: int  # a new number for every text the document has had
    path: Path | None
    changed_at: float = 0.0
    requests: int = 0  # times it was scheduled: a lint that saw fewer publishes nothing
    analysis: Analysis | None = None
    analysis_key: tuple[int, int] | None = None
    pending: tuple[tuple[int, int], asyncio.Future] | None = None
    lint_task: asyncio.Task | None = None

    @property
    def text(self) -> str:
        return self.buffer.text

    @cached_property
    def real_path(self) -> str | None:
        """The file's path with links resolved, to know it by any of its names."""
        return os.path.realpath(self.path) if self.path else None

    @property
    def is_resolution(self) -> bool:
        """Markdown or plain text (a client may send other documents: those are left alone)."""
        return self.language_id in LANGUAGE_IDS or (self.path is not None and self.path.suffix.lower() in TEXT_SUFFIXES)


class Documents:
    """The open documents by URI."""

    def __init__(self) -> None:
        self._open: dict[str, OpenDocument] = {}
        self._generations = itertools.count(1)

    def open(self, item: types.TextDocumentItem, encoding: str) -> OpenDocument:
        path = to_fs_path(item.uri)
        document = OpenDocument(item.uri, TextBuffer(item.text, encoding), item.version, item.language_id,
                                next(self._generations), Path(path) if path else None)
        self._open[item.uri] = document
        return document

    def change(self, params: types.DidChangeTextDocumentParams) -> OpenDocument | None:
        """Apply the client's changes; None for a document that is not open."""
        document = self._open.get(params.text_document.uri)
        if document is None:
            return None
        for change in params.content_changes:
            document.buffer.apply(change)
        document.version = params.text_document.version
        document.generation = next(self._generations)
        return document

    def close(self, uri: str) -> OpenDocument | None:
        return self._open.pop(uri, None)

    def get(self, uri: str) -> OpenDocument | None:
        return self._open.get(uri)

    def resolution(self, uri: str) -> OpenDocument | None:
        """The open document, if it is one resolint reads (requests about others get null)."""
        document = self._open.get(uri)
        return document if document is not None and document.is_resolution else None

    def at(self, path: Path) -> OpenDocument | None:
        """The open document of the file at `path` (the same file by any name)."""
        wanted = os.path.realpath(path)
        return next((document for document in self._open.values() if document.real_path == wanted), None)

    def is_open(self, document: OpenDocument) -> bool:
        """Whether `document` is still the open one of its URI (not closed or reopened)."""
        return self._open.get(document.uri) is document

    def __iter__(self):
        return iter(tuple(self._open.values()))
