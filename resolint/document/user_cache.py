"""The user's own resolint folder ($XDG_CACHE_HOME/resolint, else ~/.cache/resolint), for what
is slow to build and the same on every run: Lark's parse tables, the language data parsed
from TOML. A start-up cost paid once per installation instead of once per command.

Everything kept here is rebuilt when missing, unreadable or stale, so that a damaged cache
never changes a result; writes are atomic (a temporary file renamed into place), so that two
processes starting together never read half a file.
"""
from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any


def user_folder() -> Path:
    """$XDG_CACHE_HOME/resolint (a relative XDG_CACHE_HOME is ignored, as the XDG spec says)."""
    base = os.environ.get("XDG_CACHE_HOME", "")
    return (Path(base) if os.path.isabs(base) else Path.home() / ".cache") / "resolint"


def writable_folder() -> Path | None:
    """The user folder, created (mode 0700) when missing; None when it cannot be written."""
    try:
        folder = user_folder()
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    except (OSError, RuntimeError):  # RuntimeError: no home folder
        return None
    return folder if os.access(folder, os.W_OK) else None


def digest(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def read_json(name: str, key: str) -> Any | None:
    """The value stored as `name` under `key` (the digest of what it was built from); None
    when there is none, it was built from something else, or the file is not ours."""
    try:
        stored = json.loads((user_folder() / name).read_bytes())
    except (OSError, RuntimeError, ValueError, RecursionError):
        return None
    if not isinstance(stored, dict) or stored.get("key") != key:
        return None
    return stored.get("value")


def write_json(name: str, key: str, value: Any) -> None:
    """Keep `value` (JSON data) as `name` under `key`; silently nothing when it cannot be."""
    import tempfile  # only when something is written: once per installation

    folder = writable_folder()
    if folder is None:
        return
    try:
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{name}.")
    except OSError:
        return
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            json.dump({"key": key, "value": value}, stream, ensure_ascii=False)
        os.replace(temporary, folder / name)
    except (OSError, TypeError, ValueError):
        try:
            os.unlink(temporary)
        except OSError:
            pass
