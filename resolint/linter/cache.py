"""A content-hash cache of diagnostics, so that re-running over an unchanged repository only
reads and hashes the files.

An entry is kept per file path and is valid while its key matches: a hash of the file's
bytes, the resolved configuration that applies to it (language, select, ignore, severity,
rule options, a command-line language), and the tool itself (resolint's version and the
content of its code, rules and data files, so a changed rule or data file cannot serve stale
findings). The cache lives in one JSON file per tool fingerprint under the cache folder
(`.resolint_cache` in the working directory by default); writing it is atomic, and a run
that cannot read or write it goes on without it.
"""
from __future__ import annotations

import hashlib
import json
import os
from functools import cache
from pathlib import Path
from typing import Any

from .. import __version__
from .config import Config
from .diagnostics import Diagnostic, Edit, Fix, Severity
from .span import Span

DEFAULT_FOLDER = ".resolint_cache"
FORMAT = 1
_PACKAGE = Path(__file__).resolve().parent.parent
_TOOL_FILES = (".py", ".toml", ".lark")


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
    }
    return hashlib.sha256(json.dumps(settings, sort_keys=True, default=list).encode()).hexdigest()


class LintCache:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.file = folder / f"lint-{tool_fingerprint()}.json"
        self._entries: dict[str, dict[str, Any]] = {}
        self._changed = False
        try:
            data = json.loads(self.file.read_text(encoding="utf-8"))
            if data.get("format") == FORMAT:
                self._entries = data["entries"]
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            pass

    @staticmethod
    def key(content_digest: str, settings: str) -> str:
        return hashlib.sha256(f"{content_digest}:{settings}".encode()).hexdigest()

    def get(self, path: Path, key: str) -> list[Diagnostic] | None:
        entry = self._entries.get(os.path.abspath(path))
        if not entry or entry.get("key") != key:
            return None
        try:
            return [_decode(item) for item in entry["diagnostics"]]
        except (KeyError, TypeError, ValueError, IndexError):
            return None

    def put(self, path: Path, key: str, diagnostics: list[Diagnostic]) -> None:
        self._entries[os.path.abspath(path)] = {"key": key, "diagnostics": [_encode(d) for d in diagnostics]}
        self._changed = True

    def save(self) -> None:
        """Write the entries (merged over any written meanwhile by another run, less those of
        files that no longer exist), atomically; remove the files of other tool versions.
        Failing to write only loses the speed-up."""
        if not self._changed:
            return
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            _mark_folder(self.folder)
            entries = self._entries
            try:
                on_disk = json.loads(self.file.read_text(encoding="utf-8"))
                if on_disk.get("format") == FORMAT:
                    entries = {**on_disk["entries"], **self._entries}
            except (OSError, ValueError, KeyError, TypeError, AttributeError):
                pass
            entries = {path: entry for path, entry in entries.items() if os.path.exists(path)}  # files since removed
            import tempfile

            handle, temporary = tempfile.mkstemp(dir=self.folder, prefix=".lint-", suffix=".tmp")
            try:
                with os.fdopen(handle, "w", encoding="utf-8") as stream:
                    json.dump({"format": FORMAT, "entries": entries}, stream, ensure_ascii=False, separators=(",", ":"))
                os.replace(temporary, self.file)
            except BaseException:  # a full disk, or an entry that cannot be written: leave no half file
                os.unlink(temporary)
                raise
            for old in self.folder.glob("lint-*.json"):
                if old != self.file:
                    old.unlink(missing_ok=True)
        except OSError:
            pass
        self._changed = False


def _mark_folder(folder: Path) -> None:
    """Keep the cache out of git and out of backups."""
    ignore = folder / ".gitignore"
    if not ignore.exists():
        ignore.write_text("# Created by resolint: this folder is a cache.\n*\n", encoding="utf-8")
    tag = folder / "CACHEDIR.TAG"
    if not tag.exists():
        tag.write_text("Signature: 8a477f597d28d172789f06886806bc55\n# A resolint cache folder.\n", encoding="utf-8")


def _encode(d: Diagnostic) -> list:
    fix = None
    if d.fix is not None:
        fix = [d.fix.title, d.fix.applicability, [[e.span.start, e.span.end, e.text] for e in d.fix.edits]]
    return [d.code, d.name, int(d.severity), d.span.start, d.span.end, d.message, fix, d.url]


def _decode(item: list) -> Diagnostic:
    code, name, severity, start, end, message, fix, url = item
    decoded_fix = None
    if fix is not None:
        title, applicability, edits = fix
        decoded_fix = Fix(title, tuple(Edit(Span(a, b), text) for a, b, text in edits), applicability)
    return Diagnostic(code, name, Severity(severity), Span(start, end), message, decoded_fix, url)
