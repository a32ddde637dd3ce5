"""Reading a file to lint, and writing a fixed one back.

Text is UTF-8 (a byte-order mark is remembered, not linted); line endings are kept as they
are, so writing the fixed text back keeps the file's form. A Word document (.docx) is read
into the same text form, and is never written back. Every failure is a SourceError with a
one-line reason.
"""
from __future__ import annotations

import hashlib
import os
import stat
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .span import LineIndex

if TYPE_CHECKING:  # the docx package is imported only when a Word document is read
    from ..docx.mapping import DocxMap

MAX_BYTES = 64 * 1024 * 1024
BOM = b"\xef\xbb\xbf"
WORD_SUFFIXES = (".docx",)


class SourceError(Exception):
    """The file cannot be linted (or fixed); the message says why, in one line."""


@dataclass(frozen=True)
class Source:
    path: Path | None
    text: str
    bom: bool = False
    digest: str = ""  # sha256 of the bytes read: the cache key, and the guard before a write
    word: "DocxMap | None" = None  # for a Word document: where each part of `text` came from

    @property
    def display(self) -> str:
        return str(self.path) if self.path else "-"

    def writable(self) -> bool:
        """Whether `text` is the file's own content (encoding it gives back the bytes read), so
        that a fixed text can be written back; false for a text converted from another format."""
        return self.path is not None and bool(self.digest) and _digest(encode(self.text, self.bom)) == self.digest

    def index(self, doc):
        """What the renderers locate findings with: the line index, or for a Word document
        an index that also gives the paragraph and the quoted text. `doc` (the parsed text)
        saves work when the caller has it."""
        if self.word is None:
            return doc.lines if doc is not None else LineIndex(self.text)
        from ..docx.location import WordIndex  # without `doc`, it parses the text when it must

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


def encode(text: str, bom: bool) -> bytes:
    """The bytes of `text` as the file had them: UTF-8, with its byte-order mark if it had one."""
    return (BOM if bom else b"") + text.encode("utf-8")


def read_source(path: Path) -> Source:
    """The one way `check` reads a file."""
    return source_from_bytes(_read_bytes(path), path, str(path))


def read_stdin(name: str | None) -> Source:
    """Standard input, reported (and configured) as `name` when given."""
    return source_from_bytes(sys.stdin.buffer.read(), Path(name) if name else None, name or "-")


def source_from_bytes(data: bytes, path: Path | None, name: str) -> Source:
    """The one place that decides how a file is read: by its suffix, a Word document or text."""
    if path is not None and path.suffix.lower() in WORD_SUFFIXES:
        from ..docx import read_docx  # python-docx and lxml load only for Word documents

        word = read_docx(data, name)
        return Source(path, word.text, digest=_digest(data), word=word)
    text, bom = decode(data, name)
    return Source(path, text, bom, _digest(data))


def write_fixed(source: Source, text: str) -> None:
    """Replace the file's content by `text`, atomically (a temporary file in the same folder,
    then a rename), in the file's own form: UTF-8, its byte-order mark, its permissions.
    Refuses when the file changed since it was read, or its text is not its own content."""
    if not source.writable():
        raise SourceError(f"{source.display}: not a plain text file; fixes cannot be written back")
    target = source.path.resolve()  # through a symbolic link, to the file itself
    if _digest(_read_bytes(target)) != source.digest:
        raise SourceError(f"{source.path}: changed on disk while resolint ran; not fixed")
    import tempfile

    try:
        mode = stat.S_IMODE(target.stat().st_mode)
        handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".resolint")
    except OSError as error:
        raise SourceError(f"{source.path}: cannot write: {error.strerror or error}") from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(encode(text, source.bom))
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, target)
    except OSError as error:
        Path(temporary).unlink(missing_ok=True)
        raise SourceError(f"{source.path}: cannot write: {error.strerror or error}") from None


def _read_bytes(path: Path) -> bytes:
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise SourceError(f"{path}: too large ({size // (1024 * 1024)} MB; the limit is {MAX_BYTES // (1024 * 1024)} MB)")
        return path.read_bytes()
    except FileNotFoundError:
        raise SourceError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise SourceError(f"{path}: is a directory") from None
    except PermissionError:
        raise SourceError(f"{path}: permission denied") from None
    except OSError as error:
        raise SourceError(f"{path}: cannot read: {error.strerror or error}") from None


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
