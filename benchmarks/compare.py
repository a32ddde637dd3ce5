"""How long `resolint compare` takes on three versions of a 40 KB resolution, against
linting one of them (issue 17: less than three times). Both read and parse from scratch;
the median of `--repeat` runs is reported, with the three parses alone (the floor: the
French and Spanish texts are longer than the English).

    python benchmarks/compare.py [--corpus ../shared/corpus] [--repeat 5]
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from resolint.linter.compare import compare, read_versions  # noqa: E402
from resolint.linter.engine import lint_text, parse_with  # noqa: E402

LANGUAGES = ("en", "fr", "es")


def nearest_triple(official: Path, size: int) -> list[Path]:
    """The en/fr/es triple whose English text is nearest `size` bytes."""
    names = [p for p in (official / "en").glob("*.md") if all((official / l / p.name).is_file() for l in LANGUAGES)]
    best = min(names, key=lambda path: abs(path.stat().st_size - size))
    return [official / language / best.name for language in LANGUAGES]


def median_of(repeat: int, run) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()
    paths = nearest_triple(args.corpus / "official", 40_000)
    text = paths[0].read_text(encoding="utf-8")
    lint_text(text)  # warm up: grammar and language data load once per process
    compare(read_versions(paths, {}))
    lint = median_of(args.repeat, lambda: lint_text(paths[0].read_text(encoding="utf-8"), path=str(paths[0])))
    parses = median_of(args.repeat, lambda: [parse_with(path.read_text(encoding="utf-8"), path=str(path)) for path in paths])
    both = median_of(args.repeat, lambda: compare(read_versions(paths, {})))
    print(f"| {paths[0].name} ({paths[0].stat().st_size // 1000} KB) | lint one: {lint * 1000:.0f} ms "
          f"| parse three: {parses * 1000:.0f} ms | compare three: {both * 1000:.0f} ms | ratio {both / lint:.2f} |")


if __name__ == "__main__":
    main()
