"""Where Lark keeps the parse tables of resolint's grammars between runs (building one costs
~40 ms, loading it ~5 ms)."""
from __future__ import annotations

import os
import sys

from lark import __version__ as lark_version


def cache_file(name: str) -> str | bool:
    """Where Lark keeps the parse table of grammar `name` (False: no writable cache folder)."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    folder = os.path.join(base, "resolint")
    try:
        os.makedirs(folder, mode=0o700, exist_ok=True)
    except OSError:
        return False
    if not os.access(folder, os.W_OK):
        return False
    return os.path.join(folder, f"{name}-lark{lark_version}-py{sys.version_info[0]}{sys.version_info[1]}.cache")
