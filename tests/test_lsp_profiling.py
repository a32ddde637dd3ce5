"""RESOLINT_PROFILE: the server's analyses profiled, for whoever measures the latency."""
from __future__ import annotations

import pstats

from resolint.linter.config import DEFAULT
from resolint.lsp import profiling
from resolint.lsp.analysis import analyse

from .conftest import SPANISH_SAMPLE


def test_each_analysis_is_profiled_and_timed(tmp_path, monkeypatch):
    monkeypatch.setenv("RESOLINT_PROFILE", str(tmp_path / "server.prof"))
    profiler = profiling.from_environment()
    text = SPANISH_SAMPLE.read_text(encoding="utf-8")
    job = profiler.wrap(lambda: analyse("file:///a.md", 1, text, path=None, config=DEFAULT, encoding="utf-16"))
    assert job().findings == job().findings
    profiler.save()
    functions = {name for _, _, name in pstats.Stats(str(tmp_path / "server.prof")).stats}
    assert "analyse" in functions and "relint" in functions
    times = (tmp_path / "server.prof.times").read_text(encoding="utf-8").split()
    assert len(times) == 2 and all(float(ms) > 0 for ms in times)


def test_off_unless_asked(monkeypatch):
    monkeypatch.delenv("RESOLINT_PROFILE", raising=False)
    assert profiling.from_environment() is None
