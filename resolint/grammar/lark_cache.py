"""Where Lark keeps the parse tables of resolint's grammars between runs (building one costs
~40 ms, loading it ~5 ms)."""
from __future__ import annotations

import sys

from lark import __version__ as lark_version

from ..document import user_cache


def cache_file(name: str, grammar: str) -> str | bool:
    """Where Lark keeps the parse table of `grammar` (False: no writable cache folder). The
    name holds the grammar's digest, so that installations of two resolint versions (or two
    checkouts) on one machine each keep their own table instead of rebuilding each other's."""
    folder = user_cache.writable_folder()
    if folder is None:
        return False
    version = f"{user_cache.digest(grammar.encode('utf-8'))[:12]}-lark{lark_version}-py{sys.version_info[0]}{sys.version_info[1]}"
    return str(folder / f"{name}-{version}.cache")
