"""What the citation rules (CT) and the record they read cost — medians of repeated runs.

    python benchmarks/citations.py [--repeat 15]

- the first record lookups in a fresh process, after resolint is imported (what the record
  adds to a cold start: reading resolutions.tsv, decisions.tsv and sessions.tsv);
- the CT rules on the Spanish sample, warm (grammars, data and record loaded; each lint builds
  the document's facts anew, as after an edit: no cache is keyed by the text);
- parse + lint of the Spanish sample with every rule, and with the ST rules only.
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
from resolint.linter.config import Config  # noqa: E402
from resolint.linter.engine import lint_document  # noqa: E402

FIRST_LOOKUP = r"""
import time
import resolint, resolint.rules
start = time.perf_counter()
from resolint import records
records.resolution("59/50"); records.sc_resolution(1631); records.decision("74/555"); records.session("59")
print((time.perf_counter() - start) * 1000)
"""


def median_ms(function, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()

    env = {**os.environ}
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # an installed package has its bytecode compiled
    subprocess.run([sys.executable, "-c", FIRST_LOOKUP], env=env, check=True, capture_output=True)
    first = [float(subprocess.run([sys.executable, "-c", FIRST_LOOKUP], env=env, check=True, capture_output=True,
                                  text=True, cwd=ROOT).stdout) for _ in range(args.repeat)]

    text = (ROOT / "examples" / "A-RES-75-276.md").read_text(encoding="utf-8")
    doc = parse(text)
    ct, st = Config(select=("CT",)), Config(select=("ST",))
    lint_document(doc)  # warm-up: grammar tables, data files, the record

    repeat = args.repeat * 20
    print(f"record, first lookups in a fresh process: median {statistics.median(first):.1f} ms "
          f"(min {min(first):.1f}, max {max(first):.1f}, {args.repeat} processes)")
    print(f"CT rules on the Spanish sample, warm: {median_ms(lambda: lint_document(doc, ct), repeat):.2f} ms")
    print(f"parse + lint of the Spanish sample, ST only: {median_ms(lambda: lint_document(parse(text), st), repeat):.2f} ms")
    print(f"parse + lint of the Spanish sample, all rules: {median_ms(lambda: lint_document(parse(text)), repeat):.2f} ms")
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
