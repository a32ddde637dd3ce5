"""The user's cache folder (parsed language data, Lark's tables) makes the start faster and
never changes a result: a missing, damaged, stale or unwritable cache gives the same data."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import tomllib

import pytest

from resolint.document import langdata

from .conftest import ROOT, SPANISH_SAMPLE


def _fresh(code: str, name: str) -> dict:
    langdata._load.cache_clear()
    return langdata._load(code, name)


@pytest.fixture
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    yield tmp_path / "resolint"
    langdata._load.cache_clear()


def _toml(code: str, name: str) -> dict:
    return tomllib.loads((langdata.DATA_DIR / code / f"{name}.toml").read_text(encoding="utf-8"))


def test_the_parsed_data_is_kept_and_read_back_unchanged(home):
    expected = _toml("es", "openings")
    assert _fresh("es", "openings") == expected
    kept = home / "data-es-openings.json"
    assert json.loads(kept.read_text(encoding="utf-8"))["value"] == expected
    assert _fresh("es", "openings") == expected  # now read from the cache


@pytest.mark.parametrize("damage", [
    "not json at all {",
    json.dumps({"key": "0" * 32, "value": {"sessions": ["stale"]}}),  # made from other bytes
    json.dumps(["a list"]),
    "",
])
def test_a_damaged_or_stale_cache_is_ignored_and_rewritten(home, damage):
    _fresh("en", "ordinals")
    kept = home / "data-en-ordinals.json"
    kept.write_text(damage, encoding="utf-8")
    assert _fresh("en", "ordinals") == _toml("en", "ordinals")
    assert json.loads(kept.read_text(encoding="utf-8"))["value"] == _toml("en", "ordinals")


def test_no_writable_cache_folder_still_reads_the_data(tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    try:
        assert _fresh("fr", "structure") == _toml("fr", "structure")
    finally:
        langdata._load.cache_clear()


def _check(env: dict) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "resolint", "check", "--no-cache", "--format", "json", str(SPANISH_SAMPLE)],
                          capture_output=True, text=True, env=env, cwd=ROOT, timeout=120)


def test_a_check_reads_the_same_with_an_empty_a_filled_and_a_garbled_cache(tmp_path):
    env = dict(os.environ) | {"XDG_CACHE_HOME": str(tmp_path)}
    first = _check(env)  # fills the cache
    assert first.returncode == 1 and json.loads(first.stdout), first.stderr
    kept = sorted(path.name for path in (tmp_path / "resolint").iterdir())
    assert "data-es-openings.json" in kept and any(name.startswith("structure-") and name.endswith(".cache") for name in kept)
    assert _check(env).stdout == first.stdout  # read from the cache
    for path in (tmp_path / "resolint").iterdir():
        if path.name != "cache-key":
            path.write_bytes(b"\x80garbage")
    garbled = _check(env)
    assert garbled.stdout == first.stdout and "Traceback" not in garbled.stderr


def test_each_grammar_keeps_its_own_parse_table(home):
    """Two resolint versions (or checkouts) with different grammars do not rebuild each other's."""
    from resolint.grammar.lark_cache import cache_file

    assert cache_file("structure", "start: A") != cache_file("structure", "start: B")
    assert cache_file("structure", "start: A") == cache_file("structure", "start: A")
    assert str(home) in cache_file("structure", "start: A")
