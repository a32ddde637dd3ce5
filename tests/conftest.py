"""Shared test setup: where the real UN texts are, and how missing prerequisites behave.

Tests that need something outside the repository (the shared corpus, an editor, a browser)
skip with a reason when it is absent — unless RESOLINT_REQUIRE_ALL=1 (set by .ci/run), which
turns those skips into failures so that CI cannot pass by skipping.
"""
from __future__ import annotations

import gc
import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = Path(os.environ.get("RESOLINT_CORPUS", ROOT.parent / "shared" / "corpus")).resolve()
SPANISH_SAMPLE = ROOT / "examples" / "A-RES-75-276.md"
REQUIRE_ALL = os.environ.get("RESOLINT_REQUIRE_ALL") == "1"


@pytest.fixture(autouse=True, scope="module")
def _freeze_what_the_module_kept():
    """After each test module, what it keeps (test_corpus.py keeps every corpus file's parse
    and findings, a few hundred MB) is moved out of the collector's sight: otherwise every
    later full collection walks it, and the tests after it ran five to eight times slower."""
    yield
    gc.collect()
    gc.freeze()


def pytest_addoption(parser):
    parser.addoption("--update-goldens", action="store_true", help="rewrite rule fixture .expected/.fixed files")


def require(condition: bool, reason: str) -> None:
    """Skip (or, under RESOLINT_REQUIRE_ALL=1, fail) when a prerequisite is missing."""
    if condition:
        return
    if REQUIRE_ALL:
        pytest.fail(f"required for this run but missing: {reason}")
    pytest.skip(reason)


def corpus_files(*folders: str) -> list[Path]:
    """Corpus Markdown files (sorted); [] when the corpus is absent (tests then skip)."""
    return sorted(path for folder in folders for path in (CORPUS / folder).glob("*.md"))


@pytest.fixture
def corpus() -> Path:
    require(CORPUS.is_dir(), f"the shared corpus is not at {CORPUS} (set RESOLINT_CORPUS)")
    return CORPUS
