"""Warm throughput over the corpus (parse and lint separately), warm lint of the Spanish
sample, and the cold start of `resolint check` — medians of repeated runs, one process.

    python benchmarks/throughput.py [--corpus ../shared/corpus] [--repeat 7]
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from resolint import parse  # noqa: E402
from resolint.linter.engine import lint_document  # noqa: E402


def median_time(function, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()

    texts = [path.read_text(encoding="utf-8") for folder in ("en", "en-drafts", "es") for path in sorted((args.corpus / folder).glob("*.md"))]
    megabytes = sum(len(text.encode("utf-8")) for text in texts) / 1e6
    docs = [parse(text) for text in texts]  # warm-up: grammar, data files, regexes

    parse_seconds = median_time(lambda: [parse(text) for text in texts], args.repeat)
    lint_seconds = median_time(lambda: [lint_document(doc) for doc in docs], args.repeat)
    sample = (ROOT / "examples" / "A-RES-75-276.md").read_text(encoding="utf-8")
    sample_seconds = median_time(lambda: lint_document(parse(sample)), args.repeat * 10)

    env = {**os.environ}
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # an installed package has its bytecode compiled
    command = [sys.executable, "-m", "resolint", "check", "--exit-zero", str(ROOT / "examples" / "A-RES-75-276.md")]
    subprocess.run(command, capture_output=True, env=env, check=True)  # compile bytecode, fill the parser cache
    cold = []
    for _ in range(args.repeat):
        start = time.perf_counter()
        subprocess.run(command, capture_output=True, env=env, check=True)
        cold.append(time.perf_counter() - start)

    print(f"corpus: {len(texts)} files, {megabytes:.2f} MB")
    print(f"parse (warm):  {megabytes / parse_seconds:6.2f} MB/s  ({parse_seconds * 1000:.0f} ms for the corpus)")
    print(f"lint  (warm):  {megabytes / lint_seconds:6.2f} MB/s  ({lint_seconds * 1000:.0f} ms for the corpus, rules only)")
    print(f"parse+lint of the Spanish sample (warm): {sample_seconds * 1000:.2f} ms")
    print(f"cold `resolint check` on the Spanish sample: median {statistics.median(cold) * 1000:.0f} ms "
          f"(min {min(cold) * 1000:.0f}, max {max(cold) * 1000:.0f}, {args.repeat} runs)")
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs")


if __name__ == "__main__":
    main()
