"""The benchmark and tool scripts still import: they are run by hand, rarely, and a renamed
name in resolint broke one unnoticed (benchmarks/accuracy.py imported SAFE after it became
Applicability.SAFE). Each is loaded as a module, without running its main."""
from __future__ import annotations

import importlib.util
import sys

import pytest

from .conftest import ROOT

SCRIPTS = sorted([*ROOT.glob("benchmarks/*.py"), *ROOT.glob("tools/*.py")])


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda path: path.relative_to(ROOT).as_posix())
def test_the_script_imports(script, monkeypatch):
    monkeypatch.setattr(sys, "argv", [str(script)])
    spec = importlib.util.spec_from_file_location(f"_script_{script.stem}", script)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # a main guarded by __name__ does not run
    assert module.__name__.startswith("_script_")
