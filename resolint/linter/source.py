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
from typing import Any

from ..document.span import LineIndex
from .formats import format_of
from .locator import Locator, TextLocator

MAX_BYTES = 64 * 1024 * 1024
BOM = b"\xef\xbb\xbf"


class SourceError(Exception):
    """The file cannot be linted (or fixed); the message says why, in one line."""


@dataclass(frozen=True)
class Source:
    path: Path | None
    text: str
    bom: bool = False
    digest: str = ""  # sha256 of the bytes read: the cache key, and the guard before a write
    origin: Any = None  # for a converted format (linter/formats.py): where each part of `text` came from

    @property
    def display(self) -> str:
        return str(self.path) if self.path else "-"

    def writable(self) -> bool:
        """Whether `text` is the file's own content (encoding it gives back the bytes read), so
        that a fixed text can be written back; false for a text converted from another format."""
        return self.path is not None and bool(self.digest) and _digest(encode(self.text, self.bom)) == self.digest

    @property
    def converted(self) -> bool:
        """Whether `text` was converted from another format (a Word document)."""
        return self.origin is not None

    def locator(self, doc=None) -> Locator:
        """What the renderers place findings with: line and column, or the converted format's
        own locator (a Word document's also gives the paragraph and a quote). `doc` (the
        parsed text) saves work when the caller has it."""
        if self.origin is None:
            return TextLocator(doc.lines if doc is not None else LineIndex(self.text))
        return format_of(self.path).adapter().locator(doc, self.origin)  # without `doc`, it parses


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
    converted = format_of(path)
    if converted is not None:
        origin = converted.adapter().read(data, name)
        return Source(path, origin.text, digest=_digest(data), origin=origin)
    text, bom = decode(data, name)
    return Source(path, text, bom, _digest(data))


def write_fixed(source: Source, text: str) -> None:
    """Replace the file's content by `text`, atomically (a temporary file in the same folder,
    then a rename), in the file's own form: UTF-8, its byte-order mark, its permissions, its
    owner and group. Refuses when the file changed since it was read (checked again right
    before the rename), when its text is not its own content, when it is read-only, and when
    its owner or group cannot be kept."""
    if not source.writable():
        raise SourceError(f"{source.display}: not a plain text file; fixes cannot be written back")
    target = source.path.resolve()  # through a symbolic link, to the file itself
    try:
        before = target.stat()
    except OSError as error:
        raise SourceError(f"{source.path}: cannot write: {error.strerror or error}") from None
    if _digest(_read_bytes(target)) != source.digest:
        raise SourceError(f"{source.path}: changed on disk while resolint ran; not fixed")
    if _read_only(before):
        raise SourceError(f"{source.path}: read-only; not fixed (make it writable to fix it)")

    def unchanged() -> bool:
        try:
            now = target.stat()
        except OSError:
            return False
        return _identity(now) == _identity(before) and _digest(_read_bytes(target)) == source.digest

    try:
        replace_file(target, encode(text, source.bom), like=before, unchanged=unchanged)
    except FileChanged:
        raise SourceError(f"{source.path}: changed on disk while resolint ran; not fixed") from None
    except _OwnerLost:
        raise SourceError(
            f"{source.path}: owned by another user (uid {before.st_uid}), whose ownership resolint cannot keep; not fixed"
        ) from None
    except OSError as error:
        raise SourceError(f"{source.path}: cannot write: {error.strerror or error}") from None


def write_output(path: Path, text: str) -> None:
    """Write a report or a converted text to `path`: atomically for a regular file (the old
    content stays whole if the write fails), straight through for a device or a pipe
    (`-o /dev/stdout`). Raises OSError."""
    data = text.encode("utf-8")
    target = path.resolve()
    try:
        existing = target.stat()
    except FileNotFoundError:
        existing = None
    if existing is not None and not stat.S_ISREG(existing.st_mode):
        with open(target, "wb") as stream:
            stream.write(data)
        return
    replace_file(target, data, like=existing, keep_owner=False)  # a report belongs to whoever writes it


class FileChanged(Exception):
    """The file changed between the check and the rename."""


class _OwnerLost(Exception):
    """The new file cannot be given the old one's owner and group."""


def replace_file(target: Path, data: bytes, *, like: os.stat_result | None = None, unchanged=None,
                 keep_owner: bool = True) -> None:
    """Put `data` in place of `target`: written to a temporary file in the same folder, synced,
    given `like`'s permissions (and, with `keep_owner`, its owner and group; a new file: the
    usual 0666 less the umask),
    checked with `unchanged()` last, then renamed over `target`. The temporary file never
    stays behind. Raises OSError, or FileChanged / _OwnerLost."""
    import tempfile

    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".resolint")
    try:
        with os.fdopen(handle, "wb") as stream:
            if like is not None:
                mine = os.fstat(stream.fileno())
                if keep_owner and (mine.st_uid, mine.st_gid) != (like.st_uid, like.st_gid):
                    try:
                        os.fchown(stream.fileno(), like.st_uid, like.st_gid)
                    except PermissionError:
                        raise _OwnerLost() from None
                os.fchmod(stream.fileno(), stat.S_IMODE(like.st_mode))
            else:
                os.fchmod(stream.fileno(), 0o666 & ~_umask())
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        if unchanged is not None and not unchanged():
            raise FileChanged()
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    _sync_folder(target.parent)


def _read_only(info: os.stat_result) -> bool:
    """Whether the file's mode bits deny writing to whoever runs resolint. Decided from the
    bits, not os.access: root may write anything, but a draft its owner made read-only
    (chmod a-w) is not to be replaced."""
    if info.st_mode & 0o222 == 0:
        return True
    if os.geteuid() == 0:
        return False
    if info.st_uid == os.geteuid():
        return not info.st_mode & stat.S_IWUSR
    if info.st_gid == os.getegid() or info.st_gid in os.getgroups():
        return not info.st_mode & stat.S_IWGRP
    return not info.st_mode & stat.S_IWOTH


def _identity(info: os.stat_result) -> tuple:
    return info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (where the system allows syncing a folder)."""
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)


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
