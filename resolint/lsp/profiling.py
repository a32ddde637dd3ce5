"""Where the server's time goes, for whoever measures it: with `RESOLINT_PROFILE=FILE` in
the server's environment, every analysis runs under cProfile and, at `shutdown`, the
accumulated statistics go to FILE (read with `python -m pstats FILE`) and each analysis's
wall time in milliseconds, one a line, to FILE.times. Off unless the variable is set: the
profiler slows what it measures.

The time from `didChange` to `publishDiagnostics` that a client sees (benchmarks/lsp_latency.py)
minus these wall times is what the server spends outside the analysis.
"""
from __future__ import annotations

import cProfile
import os
import time
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


class Profiler:
    def __init__(self, path: str) -> None:
        self.path = path
        self.profile = cProfile.Profile()
        self.times: list[float] = []

    def wrap(self, job: Callable[[], T]) -> Callable[[], T]:
        def profiled() -> T:
            started = time.perf_counter()
            try:
                return self.profile.runcall(job)
            finally:
                self.times.append((time.perf_counter() - started) * 1000)
        return profiled

    def save(self) -> None:
        self.profile.dump_stats(self.path)
        with open(self.path + ".times", "w", encoding="utf-8") as out:
            out.writelines(f"{ms:.2f}\n" for ms in self.times)


def from_environment() -> Profiler | None:
    path = os.environ.get("RESOLINT_PROFILE")
    return Profiler(path) if path else None
