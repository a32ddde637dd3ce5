"""Where one edit's re-analysis goes, stage by stage, in process (issue 19).

benchmarks/lsp_latency.py measures what a client sees; this splits the same realistic edits
(its `cycle`: a word typed and taken back, an operative paragraph deleted and pasted back)
on the same grown resolution (or, with `--annexed`, the same annexed one) into the stages
of `linter.incremental.relint`, timed with the wall clock and no profiler (cProfile
inflates the many small calls of span moving several times over): the incremental
re-parse, the facts moved from the version before (`incremental.reuse_facts`), each other
fact of `Facts` in turn, the rules on those facts, and the conversion of the findings to LSP
diagnostics. What survives an edit is frozen out of the collector's sight, as the server
does (lsp/scheduler.py).

    python benchmarks/lsp_latency.py is the figure to quote; this one says where it goes:
    python benchmarks/edit_stages.py [--size 300000] [--edits 120] [--annexed ../shared/corpus]
"""
from __future__ import annotations

import argparse
import gc
import statistics
import sys
import time
from collections import defaultdict
from functools import cached_property
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from lsp_latency import annexed_resolution, cycle, long_resolution  # noqa: E402

from resolint.facts import Facts  # noqa: E402
from resolint.grammar.incremental import reparse  # noqa: E402
from resolint.linter import incremental  # noqa: E402
from resolint.linter.engine import lint_document  # noqa: E402
from resolint.lsp import convert  # noqa: E402


def facts_read(linted: incremental.Linted) -> list[str]:
    """The facts the rules read, in the order they were completed (a fact's own inputs first),
    so that each is timed without the facts it reads; those only the editor's other features
    read (the outline, the figures) are left out, as a re-analysis leaves them."""
    known = {name for name, value in vars(Facts).items() if isinstance(value, cached_property)}
    return [name for name in linted.facts.__dict__ if name in known]


def analyse(text: str, previous: incremental.Linted, shown: dict, facts_to_time: list[str],
            stages: dict[str, list[float]]) -> tuple[incremental.Linted, dict]:
    """relint(text, previous) and its LSP diagnostics (those showing what one of `shown`
    showed are reused, as lsp/analysis.py reuses them), each stage timed into `stages`
    (milliseconds)."""
    clock = time.perf_counter()

    def lap(stage: str) -> None:
        nonlocal clock
        now = time.perf_counter()
        stages[stage].append((now - clock) * 1000)
        clock = now

    parsed = reparse(text, previous.parsed)
    lap("re-parse (fold, split, classify, Lark, model)")
    facts = Facts(parsed.doc)
    memo = incremental.reuse_facts(facts, previous, parsed.moved)
    lap("facts moved (openings, dates, session mentions, citations)")
    for name in facts_to_time:
        if facts.known(name) is None:
            getattr(facts, name)
            lap(f"fact {name}")
    findings = tuple(lint_document(parsed.doc, facts=facts))
    lap("rules")
    shown = dict(convert.shown_diagnostics(findings, convert.PositionMap(text, convert.UTF16, parsed.doc.lines), shown))
    lap("LSP diagnostics")
    return incremental.Linted(parsed, facts, findings, memo), shown


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--size", type=int, default=300_000)
    parser.add_argument("--edits", type=int, default=120)
    parser.add_argument("--annexed", type=Path, metavar="CORPUS", help="edit A/RES/79/243 with its annex grown "
                        "to --size (lsp_latency.py's annexed documents) instead of the grown sample")
    args = parser.parse_args()
    text = annexed_resolution(args.annexed, args.size) if args.annexed else long_resolution(args.size)
    steps = cycle(text)
    linted = incremental.relint(text)
    read = facts_read(linted)
    shown: dict = {}
    gc.freeze()
    stages: dict[str, list[float]] = defaultdict(list)
    for index in range(args.edits):
        start, end, new = steps[index % len(steps)]
        text = text[:start] + new + text[end:]
        linted, shown = analyse(text, linted, shown, read, stages)
        gc.freeze()
    totals = [sum(times) for times in zip(*stages.values())]
    print(f"{len(text) // 1000} KB, {args.edits} edits: median {statistics.median(totals):.1f} ms a re-analysis")
    print("| stage | median ms | share |")
    print("|---|---|---|")
    for stage, times in sorted(stages.items(), key=lambda item: -sum(item[1])):
        if statistics.median(times) >= 0.05:
            print(f"| {stage} | {statistics.median(times):.2f} | {sum(times) / sum(totals):.0%} |")


if __name__ == "__main__":
    main()
