"""A content-hash cache of diagnostics, so that re-running over an unchanged repository only
reads and hashes the files.

An entry is kept per file path and is valid while its key matches: a hash of the file's
bytes, the resolved configuration that applies to it (language, select, ignore, severity,
rule options, per-file ignores, project phrases, a command-line language), and the tool itself (resolint's version and the
content of its code, rules and data files, so a changed rule or data file cannot serve stale
findings). The cache lives in one JSON file per tool fingerprint under the cache folder
(`.resolint_cache` in the working directory by default); a run that cannot read or write it
goes on without it.

The folder may come from the repository being linted (committed, or a symbolic link planted
there), so nothing in it is trusted:

- the folder must be a real directory owned by the user, else the cache is not used (a note
  says why); every file in it is opened relative to the folder, never through a symbolic
  link (O_NOFOLLOW), and created only where nothing exists (O_EXCL);
- the file is signed with a per-user key (HMAC-SHA256), a secret kept outside any checkout
  in the user's cache folder (`$XDG_CACHE_HOME/resolint/cache-key`, mode 0600): a file that
  does not verify is ignored and never merged into what is written, so a planted entry,
  whose key anyone can compute, is never used;
- each entry is checked against the text it answers for (codes and names of the rules' form,
  a known severity, spans and fix edits within the text, the rule's documentation address),
  else the file is linted again;
- the only files removed are the signed files of other resolint versions.
"""
from __future__ import annotations

import hashlib
import hmac
import json
import os
import re
import secrets
import stat
from functools import cache
from pathlib import Path
from typing import Any

from .. import __version__
from ..document.diagnostics import Applicability, Diagnostic, Edit, Fix, Severity
from ..document.rule import DOCS_URL
from ..document.span import Span
from ..document.user_cache import user_folder
from .config import Config
from .render.json import escape_surrogates

DEFAULT_FOLDER = ".resolint_cache"
FORMAT = 2
MAX_BYTES = 256 * 1024 * 1024  # a cache file larger than this is not read
KEY_FILE = "cache-key"
_MAGIC = b"resolint-cache"
_PACKAGE = Path(__file__).resolve().parent.parent
_TOOL_FILES = (".py", ".toml", ".lark")
_CACHE_FILE = re.compile(r"lint-[0-9a-f]{20}\.json")
_CODE = re.compile(r"[A-Z]{2}[0-9]{3}")
_NAME = re.compile(r"[a-z][a-z0-9-]{0,63}")
_SEVERITIES = frozenset(int(level) for level in Severity)
_APPLICABILITIES = frozenset(kind.value for kind in Applicability)
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_DIRECTORY = getattr(os, "O_DIRECTORY", 0)


@cache
def tool_fingerprint() -> str:
    """resolint's version and a hash of its own files (code, grammar, language data)."""
    digest = hashlib.sha256(f"{FORMAT}:{__version__}".encode())
    found = []
    for folder, subfolders, names in os.walk(_PACKAGE):
        subfolders[:] = [name for name in subfolders if name != "__pycache__"]
        found += [os.path.join(folder, name) for name in names if name.endswith(_TOOL_FILES)]
    for path in sorted(found):
        digest.update(os.path.relpath(path, _PACKAGE).replace(os.sep, "/").encode())
        with open(path, "rb") as stream:
            digest.update(stream.read())
    return digest.hexdigest()[:20]


def config_fingerprint(config: Config, language: str | None = None) -> str:
    """What of a configuration changes findings (not where it came from)."""
    settings = {
        "language": language or config.language,
        "select": list(config.select),
        "ignore": list(config.ignore),
        "severity": config.severity,
        "rules": config.rules,
        "phrases": config.phrases,
        # the patterns are relative to the configuration's folder: moved, they name other files
        "per-file-ignores": [str(config.root), config.per_file_ignores] if config.per_file_ignores else {},
    }
    return hashlib.sha256(json.dumps(settings, sort_keys=True, default=list).encode()).hexdigest()


@cache
def user_key() -> bytes | None:
    """The per-user secret the cache files are signed with, created on first use; None when
    it cannot be kept safely (then no cache is used)."""
    try:
        folder = user_folder()
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        directory = os.open(folder, os.O_RDONLY | _DIRECTORY | _NOFOLLOW)
    except (OSError, RuntimeError):  # RuntimeError: no home folder
        return None
    try:
        info = os.fstat(directory)
        if info.st_uid != os.geteuid() or info.st_mode & stat.S_IWOTH:
            return None  # someone else could replace the key
        try:
            return _read_key(directory)
        except FileNotFoundError:
            _create_key(directory)
            return _read_key(directory)
    except OSError:
        return None
    finally:
        os.close(directory)


def _read_key(directory: int) -> bytes | None:
    handle = os.open(KEY_FILE, os.O_RDONLY | _NOFOLLOW | os.O_NONBLOCK, dir_fd=directory)
    with os.fdopen(handle, "rb") as stream:
        info = os.fstat(stream.fileno())
        if not stat.S_ISREG(info.st_mode) or info.st_uid != os.geteuid() or info.st_mode & 0o077:
            return None
        key = stream.read(256).strip()
    return key if len(key) >= 32 else None


def _create_key(directory: int) -> None:
    """Write the key under a temporary name, then link it into place: a concurrent run
    sees either no key or the whole key, and the first run to link it wins."""
    temporary = f".{KEY_FILE}-{secrets.token_hex(8)}"
    handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW, 0o600, dir_fd=directory)
    try:
        with os.fdopen(handle, "w", encoding="ascii") as stream:
            stream.write(secrets.token_hex(32) + "\n")
        try:
            os.link(temporary, KEY_FILE, src_dir_fd=directory, dst_dir_fd=directory, follow_symlinks=False)
        except FileExistsError:
            pass
    finally:
        os.unlink(temporary, dir_fd=directory)


class LintCache:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.name = f"lint-{tool_fingerprint()}.json"
        self.file = folder / self.name
        self.note: str | None = None  # why the cache is not used, said once on standard error
        self._key = user_key()
        self._entries: dict[str, dict[str, Any]] = {}
        self._changed = False
        if self._key is None:
            return
        try:
            directory = self._open_folder()
        except OSError:
            return  # none yet, or not a folder at all (save() fails the same way: only speed is lost)
        if directory is None:
            return
        try:
            self._entries = self._read(directory, self.name) or {}
        finally:
            os.close(directory)

    @staticmethod
    def key(content_digest: str, settings: str) -> str:
        return hashlib.sha256(f"{content_digest}:{settings}".encode()).hexdigest()

    def get(self, path: Path, key: str, length: int) -> list[Diagnostic] | None:
        """The findings recorded for `path` with this key, if each of them fits a text of
        `length` characters; None means lint the file."""
        entry = self._entries.get(os.path.abspath(path))
        if not isinstance(entry, dict) or entry.get("key") != key or not isinstance(entry.get("diagnostics"), list):
            return None
        try:
            return [_decode(item, length) for item in entry["diagnostics"]]
        except (KeyError, TypeError, ValueError, IndexError):
            return None

    def put(self, path: Path, key: str, diagnostics: list[Diagnostic]) -> None:
        self._entries[os.path.abspath(path)] = {"key": key, "diagnostics": [_encode(d) for d in diagnostics]}
        self._changed = True

    def save(self) -> None:
        """Write the entries (merged over the signed ones written meanwhile by another run,
        less those of files that no longer exist), atomically; remove the signed files of
        other resolint versions. Failing to write only loses the speed-up."""
        if not self._changed or self._key is None:
            return
        self._changed = False
        try:
            self.folder.parent.mkdir(parents=True, exist_ok=True)
            os.mkdir(self.folder)
        except FileExistsError:
            pass
        except OSError:
            return
        try:
            directory = self._open_folder()
        except OSError:
            return
        if directory is None:
            return
        try:
            _mark_folder(directory)
            entries = {**(self._read(directory, self.name) or {}), **self._entries}
            entries = {path: entry for path, entry in entries.items() if os.path.exists(path)}  # files since removed
            self._write(directory, entries)
            for name in os.listdir(directory):
                if name != self.name and _CACHE_FILE.fullmatch(name) and self._read(directory, name) is not None:
                    os.unlink(name, dir_fd=directory)
        except OSError:
            pass
        finally:
            os.close(directory)

    def _open_folder(self) -> int | None:
        """A descriptor of the cache folder, which must be a real directory (not a symbolic
        link) owned by the user; None, with a note, when it is not one."""
        try:
            directory = os.open(self.folder, os.O_RDONLY | _DIRECTORY | _NOFOLLOW)
        except OSError as error:
            if os.path.islink(self.folder):
                self.note = f"{self.folder}: the cache folder is a symbolic link; the cache is not used"
                return None
            raise error
        info = os.fstat(directory)
        if not stat.S_ISDIR(info.st_mode) or info.st_uid != os.geteuid():
            os.close(directory)
            self.note = f"{self.folder}: the cache folder belongs to another user; the cache is not used"
            return None
        return directory

    def _read(self, directory: int, name: str) -> dict[str, Any] | None:
        """The entries of a cache file in the folder if it is a regular file signed with the
        user's key for this format; None otherwise."""
        try:
            handle = os.open(name, os.O_RDONLY | _NOFOLLOW | os.O_NONBLOCK, dir_fd=directory)
        except OSError:
            return None
        with os.fdopen(handle, "rb") as stream:
            info = os.fstat(stream.fileno())
            if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_BYTES:
                return None
            data = stream.read(MAX_BYTES + 1)
        header, _, payload = data.partition(b"\n")
        fields = header.split(b" ")
        if len(fields) != 2 or fields[0] != _MAGIC or not hmac.compare_digest(fields[1], self._sign(name, payload)):
            return None
        try:
            content = json.loads(payload)
        except (ValueError, RecursionError):
            return None
        if not isinstance(content, dict) or content.get("format") != FORMAT or not isinstance(content.get("entries"), dict):
            return None
        return content["entries"] if name == self.name else {}

    def _write(self, directory: int, entries: dict[str, Any]) -> None:
        text = json.dumps({"format": FORMAT, "entries": entries}, ensure_ascii=False, separators=(",", ":"))
        payload = escape_surrogates(text).encode("utf-8")  # names not in UTF-8
        temporary = f".lint-{secrets.token_hex(8)}.tmp"
        handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW, 0o600, dir_fd=directory)
        try:
            with os.fdopen(handle, "wb") as stream:
                stream.write(_MAGIC + b" " + self._sign(self.name, payload) + b"\n" + payload)
            os.replace(temporary, self.name, src_dir_fd=directory, dst_dir_fd=directory)
        except BaseException:
            try:
                os.unlink(temporary, dir_fd=directory)
            except OSError:
                pass
            raise

    def _sign(self, name: str, payload: bytes) -> bytes:
        """The signature of a cache file's content under its name (one version's file cannot
        pass for another's)."""
        signature = hmac.new(self._key or b"", name.encode() + b"\n", hashlib.sha256)
        signature.update(payload)
        return signature.hexdigest().encode()


def _mark_folder(directory: int) -> None:
    """Keep the cache out of git and out of backups (files that exist, or links, are left)."""
    for name, text in ((".gitignore", "# Created by resolint: this folder is a cache.\n*\n"),
                       ("CACHEDIR.TAG", "Signature: 8a477f597d28d172789f06886806bc55\n# A resolint cache folder.\n")):
        try:
            handle = os.open(name, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW, 0o644, dir_fd=directory)
        except OSError:
            continue
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)


def _encode(d: Diagnostic) -> list:
    fix = None
    if d.fix is not None:
        fix = [d.fix.title, d.fix.applicability.value, [[e.span.start, e.span.end, e.text] for e in d.fix.edits]]
    return [d.code, d.name, int(d.severity), d.span.start, d.span.end, d.message, fix, d.url]


def _decode(item: list, length: int) -> Diagnostic:
    """A recorded finding, checked as the renderers need it; ValueError when it does not fit."""
    code, name, severity, start, end, message, fix, url = item
    if not (isinstance(code, str) and _CODE.fullmatch(code) and isinstance(name, str) and _NAME.fullmatch(name)):
        raise ValueError("not a rule's code and name")
    if type(severity) is not int or severity not in _SEVERITIES or not isinstance(message, str):
        raise ValueError("not a severity and message")
    if url is not None and url != DOCS_URL.format(code=code):
        raise ValueError("not the rule's page")
    decoded_fix = None
    if fix is not None:
        title, applicability, edits = fix
        if not isinstance(title, str) or applicability not in _APPLICABILITIES or not isinstance(edits, list) or not edits:
            raise ValueError("not a fix")
        decoded = []
        for a, b, text in edits:
            if not isinstance(text, str):
                raise ValueError("not an edit")
            decoded.append(Edit(_span(a, b, length), text))
        decoded_fix = Fix(title, tuple(decoded), Applicability(applicability))
    return Diagnostic(code, name, Severity(severity), _span(start, end, length), message, decoded_fix, url)


def _span(start: Any, end: Any, length: int) -> Span:
    if type(start) is not int or type(end) is not int or not 0 <= start <= end <= length:
        raise ValueError("a span outside the text")
    return Span(start, end)
