"""A whole-repository run: `resolint check` over a copy of the corpus (en, es, en-drafts),
as a CI job runs it. Measures, as medians of repeated end-to-end runs of the command:

- the run without the cache, with --jobs 1 and with the default (one process per CPU);
- the same run answered by the content-hash cache (nothing changed since the last run);
- a run after one file changed (the cache serves all the others).

    python benchmarks/repository.py [--corpus ../shared/corpus] [--repeat 5] [--copies 1]

--copies N lints N copies of the corpus (distinct files), to see how the figures scale with
the size of the repository.
"""
from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def timed(command: list[str], repeat: int, env: dict, before=None) -> tuple[float, float]:
    """Median wall-clock time, and median CPU time (user + system, the command's processes
    together: less sensitive to other work on a shared machine)."""
    walls, cpus = [], []
    for _ in range(repeat):
        if before:
            before()
        used = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(command, capture_output=True, env=env, check=True)
        walls.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime - used.ru_utime + after.ru_stime - used.ru_stime)
    return statistics.median(walls), statistics.median(cpus)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--copies", type=int, default=1)
    args = parser.parse_args()

    env = {**os.environ}
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # an installed package has its bytecode compiled
    with tempfile.TemporaryDirectory() as temporary:
        repository = Path(temporary) / "drafts"
        for copy in range(args.copies):
            for folder in ("en", "es", "en-drafts"):
                shutil.copytree(args.corpus / folder, repository / f"copy{copy}" / folder)
        files = sorted(repository.rglob("*.md"))
        megabytes = sum(path.stat().st_size for path in files) / 1e6
        cache = Path(temporary) / "cache"
        base = [sys.executable, "-m", "resolint", "check", "--exit-zero", "--format", "json", str(repository)]
        subprocess.run(base + ["--no-cache"], capture_output=True, env=env, check=True)  # compile bytecode

        serial = timed(base + ["--no-cache", "--jobs", "1"], args.repeat, env)
        parallel = timed(base + ["--no-cache"], args.repeat, env)
        cold_cache = timed(base + ["--cache-dir", str(cache)], args.repeat, env, before=lambda: shutil.rmtree(cache, ignore_errors=True))
        subprocess.run(base + ["--cache-dir", str(cache)], capture_output=True, env=env, check=True)
        warm = timed(base + ["--cache-dir", str(cache)], args.repeat, env)
        edited = files[len(files) // 2]
        original = edited.read_text(encoding="utf-8")
        counter = iter(range(10**6))
        one_changed = timed(
            base + ["--cache-dir", str(cache)], args.repeat, env,
            before=lambda: edited.write_text(original + f"\n<!-- edit {next(counter)} -->\n", encoding="utf-8"),
        )

        in_process = _in_process(repository, cache, args.repeat)

    cpus = os.cpu_count()
    print(f"repository: {len(files)} files, {megabytes:.2f} MB; python {sys.version.split()[0]}, {cpus} CPUs, "
          f"load average {os.getloadavg()[0]:.1f}; medians of {args.repeat} runs of the whole command")
    print("                                  wall       CPU")
    rows = [
        ("no cache, --jobs 1", serial),
        (f"no cache, --jobs {cpus} (default)", parallel),
        ("empty cache (filling it)", cold_cache),
        ("cache, nothing changed", warm),
        ("cache, one file changed", one_changed),
    ]
    for name, (wall, cpu) in rows:
        print(f"{name:<32} {wall * 1000:6.0f} ms {cpu * 1000:6.0f} ms")
    print(f"in one process, without the start-up: no cache {in_process[0] * 1000:.0f} ms, "
          f"cache {in_process[1] * 1000:.0f} ms ({in_process[0] / in_process[1]:.0f}x)")
    print(f"--jobs {cpus} vs --jobs 1 (wall): {serial[0] / parallel[0]:.2f}x")
    print(f"cache, nothing changed vs no cache (default --jobs): {parallel[0] / warm[0]:.1f}x wall; "
          f"vs --jobs 1: {serial[0] / warm[0]:.1f}x wall, {serial[1] / warm[1]:.1f}x CPU")


def _in_process(repository: Path, cache_folder: Path, repeat: int) -> tuple[float, float]:
    """check_files over the repository in this process, --jobs 1: without the cache and
    answered by it (the interpreter's and the CLI's start-up left out)."""
    sys.path.insert(0, str(ROOT))
    from resolint.linter.cache import LintCache
    from resolint.linter.config import ConfigResolver
    from resolint.linter.runner import check_files
    from resolint.linter.workspace import Discovery

    def run(cached: bool) -> None:
        configs = ConfigResolver()
        targets = list(Discovery(configs).files([str(repository)]))
        check_files(targets, configs, cache=LintCache(cache_folder) if cached else None)

    run(True)  # warm: imports, grammar, data files; fills the cache
    return (
        statistics.median(_seconds(lambda: run(False)) for _ in range(repeat)),
        statistics.median(_seconds(lambda: run(True)) for _ in range(repeat)),
    )


def _seconds(function) -> float:
    start = time.perf_counter()
    function()
    return time.perf_counter() - start


if __name__ == "__main__":
    main()
