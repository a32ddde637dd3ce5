"""Reading a file to lint: UTF-8 text (a byte-order mark is remembered, not linted) or a Word
document (.docx, read into the same text form), with a one-line reason when it cannot be read."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the docx package is imported only when a Word document is read
    from ..docx.mapping import DocxMap

MAX_BYTES = 64 * 1024 * 1024
BOM = b"\xef\xbb\xbf"
WORD_SUFFIXES = (".docx",)


class SourceError(Exception):
    """The file cannot be linted; the message says why, in one line."""


@dataclass(frozen=True)
class Source:
    path: Path | None
    text: str
    bom: bool = False
    word: "DocxMap | None" = None  # for a Word document: where each part of `text` came from

    @property
    def display(self) -> str:
        return str(self.path) if self.path else "-"

    def index(self, doc):
        """What the renderers locate findings with: the line index, or for a Word document
        an index that also gives the paragraph and the quoted text."""
        if self.word is None:
            return doc.lines
        from ..docx.location import WordIndex

        return WordIndex(doc, self.word)


def decode(data: bytes, name: str) -> tuple[str, bool]:
    """UTF-8 text of `data`; raises SourceError for binary or non-UTF-8 content."""
    if b"\x00" in data[:8192]:
        raise SourceError(f"{name}: binary file, not text (resolint reads Markdown or plain text)")
    bom = data.startswith(BOM)
    try:
        return data[len(BOM) if bom else 0 :].decode("utf-8"), bom
    except UnicodeDecodeError as error:
        raise SourceError(
            f"{name}: not UTF-8 (byte 0x{data[error.start]:02x} at offset {error.start}); save the file as UTF-8"
        ) from None


def read_source(path: Path) -> Source:
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise SourceError(f"{path}: too large ({size // (1024 * 1024)} MB; the limit is {MAX_BYTES // (1024 * 1024)} MB)")
        data = path.read_bytes()
    except FileNotFoundError:
        raise SourceError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise SourceError(f"{path}: is a directory") from None
    except PermissionError:
        raise SourceError(f"{path}: permission denied") from None
    except OSError as error:
        raise SourceError(f"{path}: cannot read: {error.strerror or error}") from None
    return source_from_bytes(data, path, str(path))


def source_from_bytes(data: bytes, path: Path | None, name: str) -> Source:
    """The one place that decides how a file is read: by its suffix, a Word document or text."""
    if path is not None and path.suffix.lower() in WORD_SUFFIXES:
        from ..docx import read_docx  # python-docx and lxml load only for Word documents

        word = read_docx(data, name)
        return Source(path, word.text, word=word)
    text, bom = decode(data, name)
    return Source(path, text, bom)
