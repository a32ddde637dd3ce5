"""Reading a file to lint: UTF-8 text (a byte-order mark is remembered, not linted), with a
one-line reason when it cannot be read."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

MAX_BYTES = 64 * 1024 * 1024
BOM = b"\xef\xbb\xbf"


class SourceError(Exception):
    """The file cannot be linted; the message says why, in one line."""


@dataclass(frozen=True)
class Source:
    path: Path | None
    text: str
    bom: bool = False

    @property
    def display(self) -> str:
        return str(self.path) if self.path else "-"


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
    text, bom = decode(data, str(path))
    return Source(path, text, bom)
