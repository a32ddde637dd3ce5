"""Short coverage-guided fuzzing runs (atheris, libFuzzer) of the parser with the linter, and
of the document-symbol grammar. Long runs: see the docstrings of fuzz/*.py."""
from __future__ import annotations

import importlib.util
import subprocess
import sys

import pytest

from .conftest import ROOT, require

FUZZ = ROOT / "fuzz"


@pytest.mark.parametrize(
    ("target", "seeds", "options"),
    [
        ("fuzz_parser.py", "seeds", ["-runs=1500", "-max_len=4096"]),
        ("fuzz_symbols.py", "symbol-seeds", ["-runs=20000", "-max_len=200"]),
    ],
)
def test_short_fuzzing_run_finds_nothing(target, seeds, options, tmp_path):
    require(importlib.util.find_spec("atheris") is not None, "atheris is not installed (pip install atheris)")
    work = tmp_path / "corpus"
    work.mkdir()
    result = subprocess.run(
        [sys.executable, str(FUZZ / target), *options, f"-artifact_prefix={tmp_path}/", "-timeout=20", str(work), str(FUZZ / seeds)],
        capture_output=True, text=True, timeout=600, cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert "Done " in result.stderr
