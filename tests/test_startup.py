"""A fast start (issue 19): each command imports what it needs. A re-run answered by the
result cache loads neither lark nor the grammar and the rules; the language server answers
`initialize` before the core is loaded, and loads it on its worker thread right after."""
from __future__ import annotations

import os
import subprocess
import sys

from .conftest import ROOT, SPANISH_SAMPLE

HEAVY = ("lark", "resolint.grammar.parser", "resolint.linter.engine", "resolint.facts", "resolint.rules")
MODEL = "resolint.document.model"  # 18 dataclasses: a tenth of a cached run's start-up


def _loaded(program: str, env: dict, names: tuple[str, ...] = HEAVY) -> list[str]:
    code = f"import sys\n{program}\nprint(sorted(m for m in sys.modules if m in {names!r}))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=ROOT, timeout=120)
    assert result.returncode == 0, result.stderr
    return eval(result.stdout.strip().splitlines()[-1])  # noqa: S307 - our own program's list


def _check(cache: str) -> str:
    return (f"from resolint.cli import app\ntry:\n    app(['check', '--exit-zero', '--cache-dir', {cache!r}, {str(SPANISH_SAMPLE)!r}])\n"
            "except SystemExit:\n    pass")


def test_a_check_answered_by_the_cache_loads_no_parser_and_no_rule(tmp_path):
    env = dict(os.environ) | {"XDG_CACHE_HOME": str(tmp_path / "home")}
    names = (*HEAVY, MODEL)
    assert set(_loaded(_check(str(tmp_path / "cache")), env, names)) == set(names)  # the first run lints
    assert _loaded(_check(str(tmp_path / "cache")), env, names) == []  # the second reads the cache


def test_the_server_module_loads_no_parser_and_no_rule(tmp_path):
    env = dict(os.environ) | {"XDG_CACHE_HOME": str(tmp_path)}
    assert _loaded("import resolint.lsp.server", env) == []


def test_the_server_prepares_the_core_after_initialize(tmp_path):
    """`prepare` (run on the worker once the client is initialized) loads what every analysis
    needs, and analyses its short text without a finding of resolint's own failure."""
    program = ("from resolint.lsp.analysis import WARM_UP_TEXT, analyse, prepare\nprepare()\n"
               "from resolint.linter.config import DEFAULT\n"
               "found = analyse('untitled:x', None, WARM_UP_TEXT, path=None, config=DEFAULT, encoding='utf-16').findings\n"
               "assert not [f for f in found if f.code == 'RL000'], found")
    env = dict(os.environ) | {"XDG_CACHE_HOME": str(tmp_path)}
    assert set(_loaded(program, env)) == set(HEAVY)


def test_the_early_initialize_answer_needs_neither_pygls_nor_lsprotocol(tmp_path):
    """lsp/early.py answers `initialize` before pygls loads (300 ms of the server's start)."""
    env = dict(os.environ) | {"XDG_CACHE_HOME": str(tmp_path)}
    program = ("from resolint.lsp import early\n"
               "assert early.answer({'jsonrpc': '2.0', 'id': 1, 'method': 'initialize', 'params': {'capabilities': {}}})")
    assert _loaded(program, env, ("pygls", "lsprotocol", "typer", "attrs", *HEAVY)) == []
