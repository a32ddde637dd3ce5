"""resolint's speed and memory, measured in one run, side by side, as ratios.

    python benchmarks/suite.py [--corpus ../shared/corpus] [--quick]

Each measurement runs in a fresh process, whose peak resident memory is reported with it:

- floor and warm: one compiled-regex tokenisation pass over the corpus (the least any linter
  does) and resolint's warm parse + lint of the same texts, alternately in one process
  (target: resolint at least 1/5 of the floor, issue 19);
- sample: parse + lint of the Spanish sample, warm (target: < 5 ms);
- scaling: 1x, 10x and 100x the Spanish sample as one annex-heavy document (100x input
  within 120x time);
- cold: `resolint check` on the Spanish sample in a new process (target: < 300 ms), and the
  instructions it executes (valgrind), which do not vary with the machine's load;
- peer: proselint 0.16 (`proselint check`, from the `bench` extra) and resolint on the same
  files, per file, each over all files in one process (target: resolint 5x faster);
- jobs: `resolint check --jobs 2` over the corpus, per file, no cache;
- lsp: the language server's didChange-to-diagnostics latency (benchmarks/lsp_latency.py).

The commands run resolint as a user has it: `pip install '.[bench]'` into a new virtual
environment made for the run.

CPU time is reported where other work on a shared machine would distort wall time.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "examples" / "A-RES-75-276.md"
FOLDERS = ("en", "en-drafts", "es")
TOKENS = re.compile(r"<sup>[^<]*</sup>|\*+|\w+|[^\w\s]")


def corpus_files(corpus: Path) -> list[Path]:
    return [path for folder in FOLDERS for path in sorted((corpus / folder).glob("*.md"))]


def best_cpu(function, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        function()
        best = min(best, time.process_time() - start)
    return best


# --- measurements, each run in its own process ------------------------------------------------

def host_speed() -> float:
    """Milliseconds for a fixed pure-Python loop (best of three): how fast the host runs now."""
    best = float("inf")
    for _ in range(3):
        start = time.process_time()
        total = 0
        for step in range(3_000_000):
            total += step
        best = min(best, time.process_time() - start)
    return best * 1000


def item_warm(corpus: Path, repeat: int) -> dict:
    """resolint's warm parse + lint and the floor, measured alternately in one process so that
    both see the same machine (its speed drifts), each the best of `repeat` CPU timings."""
    from resolint import parse
    from resolint.linter.engine import lint_document

    texts = [path.read_text(encoding="utf-8") for path in corpus_files(corpus)]
    megabytes = sum(len(text.encode("utf-8")) for text in texts) / 1e6

    def tokenise():
        for text in texts:
            for _token in TOKENS.finditer(text):
                pass

    for text in texts:  # warm: grammars, data files, regexes, records
        lint_document(parse(text))
    floor = ours = parse_only = float("inf")
    for _ in range(repeat):
        floor = min(floor, best_cpu(tokenise, 1))
        ours = min(ours, best_cpu(lambda: [lint_document(parse(text)) for text in texts], 1))
        parse_only = min(parse_only, best_cpu(lambda: [parse(text) for text in texts], 1))
    return {"MB": megabytes, "floor MB/s": megabytes / floor, "MB/s": megabytes / ours, "parse MB/s": megabytes / parse_only}


def item_sample(corpus: Path, repeat: int) -> dict:
    """Median of many runs in one process. main() runs this in several processes: on this
    machine one process runs the same code at 3.2 ms, the next at 5.3 ms, and stays there."""
    from resolint import lint_text

    text = SAMPLE.read_text(encoding="utf-8")
    lint_text(text)
    times = []
    for _ in range(repeat * 40):
        start = time.process_time()
        lint_text(text)
        times.append(time.process_time() - start)
    return {"ms": statistics.median(times) * 1000}


def annex_heavy(copies: int) -> str:
    """The Spanish sample, then an annex holding `copies - 1` more copies of its text."""
    text = SAMPLE.read_text(encoding="utf-8")
    return text + ("\n\nAnexo\n\n" + "\n\n".join([text] * (copies - 1)) if copies > 1 else "")


def item_scaling(corpus: Path, repeat: int) -> dict:
    from resolint import lint_text

    lint_text(annex_heavy(2))
    seconds = {copies: best_cpu(lambda copies=copies: lint_text(annex_heavy(copies)), max(2, repeat // 2)) for copies in (1, 10, 100)}
    return {f"{copies}x ms": value * 1000 for copies, value in seconds.items()} | {
        "10x/1x": seconds[10] / seconds[1], "100x/1x": seconds[100] / seconds[1],
    }


def _env() -> dict:
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # an installed package has compiled bytecode
    return env


def run_measured(command: list[str], env: dict | None = None, cwd: Path | None = None) -> tuple[float, float, float]:
    """(wall seconds, CPU seconds of the process and its children, peak RSS in MB)."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env or _env(), cwd=cwd)
    _, _, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def resolint_command() -> list[str]:
    """The `resolint` a user has: installed by `pip install .` into a new virtual environment
    (bytecode compiled, no editable-install finder on the import path), made by main()."""
    return [os.environ["RESOLINT_BENCH_EXECUTABLE"]]


def install(folder: str) -> str:
    subprocess.run([sys.executable, "-m", "venv", folder], check=True)
    subprocess.run([f"{folder}/bin/pip", "install", "-q", f"{ROOT}[bench]"], check=True, env=_env(),
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return f"{folder}/bin/resolint"


def item_cold(corpus: Path, repeat: int) -> dict:
    command = [*resolint_command(), "check", "--exit-zero", "--no-cache", str(SAMPLE)]
    for _ in range(3):  # fill the parser table cache; let the page cache and the processor settle
        run_measured(command)
    runs = [run_measured(command) for _ in range(repeat * 3)]
    python = [run_measured([sys.executable, "-c", "pass"]) for _ in range(repeat)]
    return {
        "ms": statistics.median(wall for wall, _, _ in runs) * 1000,
        "min ms": min(wall for wall, _, _ in runs) * 1000,
        "cpu ms": statistics.median(cpu for _, cpu, _ in runs) * 1000,
        "python ms": statistics.median(wall for wall, _, _ in python) * 1000,
        "rss MB": max(rss for _, _, rss in runs),
    }


def instructions(command: list[str]) -> float | None:
    """Millions of instructions executed (valgrind's callgrind): the same on a busy or an idle
    machine, unlike times on a shared virtual machine, whose speed varies by up to 2x."""
    with tempfile.TemporaryDirectory() as folder:
        result = subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={folder}/out", *command],
                                capture_output=True, text=True, env=_env())
    found = re.search(r"Collected : (\d+)", result.stderr)
    return int(found.group(1)) / 1e6 if found else None


def item_instructions(corpus: Path, repeat: int) -> dict:
    if not shutil.which("valgrind"):
        return {"skipped": "valgrind is not installed"}
    bin_folder = Path(os.environ["RESOLINT_BENCH_EXECUTABLE"]).parent
    python = str(bin_folder / "python")
    run_measured([*resolint_command(), "check", "--exit-zero", "--no-cache", str(SAMPLE)])  # parser table cache
    return {
        "python": instructions([python, "-c", "pass"]),
        "resolint": instructions([python, *resolint_command(), "check", "--exit-zero", "--no-cache", str(SAMPLE)]),
        "proselint": instructions([python, str(bin_folder / "proselint"), "check", str(SAMPLE)])
        if (bin_folder / "proselint").exists() else None,
    }


def item_peer(corpus: Path, repeat: int) -> dict:
    proselint = str(Path(os.environ["RESOLINT_BENCH_EXECUTABLE"]).parent / "proselint")
    if not Path(proselint).exists():
        return {"skipped": "proselint is not installed (pip install -e '.[bench]')"}
    files = [str(path) for path in corpus_files(corpus)]
    with tempfile.TemporaryDirectory() as home:
        env = _env() | {"HOME": home, "XDG_CACHE_HOME": home}  # no proselint cache between runs
        peer = [run_measured([proselint, "check", *files], env=env) for _ in range(max(1, repeat // 3))]
    ours = [run_measured([*resolint_command(), "check", "--exit-zero", "--no-cache", "--jobs", "1", *files]) for _ in range(max(1, repeat // 3))]
    one_peer = [run_measured([proselint, "check", str(SAMPLE)]) for _ in range(repeat)]
    one_ours = [run_measured([*resolint_command(), "check", "--exit-zero", "--no-cache", str(SAMPLE)]) for _ in range(repeat)]
    per_file = lambda runs: min(cpu for _, cpu, _ in runs) / len(files) * 1000  # noqa: E731
    return {
        "files": len(files),
        "proselint ms/file": per_file(peer),
        "resolint ms/file": per_file(ours),
        "ratio": per_file(peer) / per_file(ours),
        "one file: proselint ms": statistics.median(wall for wall, _, _ in one_peer) * 1000,
        "one file: resolint ms": statistics.median(wall for wall, _, _ in one_ours) * 1000,
        "proselint rss MB": max(rss for _, _, rss in peer),
        "resolint rss MB": max(rss for _, _, rss in ours),
    }


def item_jobs(corpus: Path, repeat: int) -> dict:
    files = [str(path) for path in corpus_files(corpus)]
    result = {"files": len(files)}
    for jobs in (1, 2):
        runs = [run_measured([*resolint_command(), "check", "--exit-zero", "--no-cache", "--jobs", str(jobs), *files]) for _ in range(max(1, repeat // 3))]
        result[f"jobs {jobs} ms/file"] = min(wall for wall, _, _ in runs) / len(files) * 1000
        result[f"jobs {jobs} rss MB"] = max(rss for _, _, rss in runs)
    result["speed-up"] = result["jobs 1 ms/file"] / result["jobs 2 ms/file"]
    return result


def item_lsp(corpus: Path, repeat: int) -> dict:
    result = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "lsp_latency.py"), "--edits", str(20 * repeat), "--memory-edits", str(200 * repeat)],
        capture_output=True, text=True, env=_env(), timeout=1800,
    )
    return {"report": result.stdout.strip() or result.stderr.strip()[-2000:]}


ITEMS = {
    "warm": item_warm, "sample": item_sample, "scaling": item_scaling,
    "cold": item_cold, "instructions": item_instructions, "peer": item_peer, "jobs": item_jobs, "lsp": item_lsp,
}


# --- the report --------------------------------------------------------------------------------

def measure(name: str, corpus: Path, repeat: int) -> dict:
    """Run one measurement in a fresh process; add that process's peak RSS."""
    command = [sys.executable, __file__, "--item", name, "--corpus", str(corpus), "--repeat", str(repeat)]
    with tempfile.NamedTemporaryFile("r", suffix=".json") as output:
        process = subprocess.Popen([*command, "--output", output.name], env=_env())
        _, status, usage = os.wait4(process.pid, 0)
        if status != 0:
            return {"error": f"exit status {status}"}
        data = json.loads(Path(output.name).read_text() or "{}")
    return data | {"process rss MB": usage.ru_maxrss / 1024}


def measure_in_processes(name: str, corpus: Path, repeat: int, processes: int) -> dict:
    """One measurement in several fresh processes: the median and the range of their results."""
    runs = [measure(name, corpus, repeat) for _ in range(processes)]
    if any("error" in run for run in runs):
        return next(run for run in runs if "error" in run)
    values = sorted(run["ms"] for run in runs)
    return {
        "ms": statistics.median(values), "min ms": values[0], "max ms": values[-1], "processes": processes,
        "process rss MB": max(run["process rss MB"] for run in runs),
    }


def report(results: dict) -> str:
    warm = results["warm"]
    sample, scaling, cold = results["sample"], results["scaling"], results["cold"]
    peer, jobs = results["peer"], results["jobs"]
    rows = [
        ("floor: one regex tokenisation pass over the corpus (3.21 MB)", f"{warm['floor MB/s']:.1f} MB/s", "", ""),
        ("resolint parse + lint, warm, whole corpus (alternating with the floor)", f"{warm['MB/s']:.2f} MB/s (parse alone {warm['parse MB/s']:.2f})",
         f"1/{warm['floor MB/s'] / warm['MB/s']:.1f} of the floor (target ≥ 1/5)", f"{warm['process rss MB']:.0f} MB"),
        (f"parse + lint of the Spanish sample, warm (median in each of {sample['processes']} processes)",
         f"{sample['ms']:.2f} ms (the processes: {sample['min ms']:.2f} to {sample['max ms']:.2f})", "target < 5 ms", f"{sample['process rss MB']:.0f} MB"),
        ("1x / 10x / 100x the sample, one annex-heavy document",
         f"{scaling['1x ms']:.0f} / {scaling['10x ms']:.0f} / {scaling['100x ms']:.0f} ms",
         f"{scaling['10x/1x']:.1f}x / {scaling['100x/1x']:.0f}x the time (target 100x within 120x)", f"{scaling['process rss MB']:.0f} MB"),
        ("cold `resolint check` on the sample (median)", f"{cold['ms']:.0f} ms ({cold['cpu ms']:.0f} ms CPU; fastest {cold['min ms']:.0f} ms)",
         f"target < 300 ms; `python -c pass` alone: {cold['python ms']:.0f} ms", f"{cold['rss MB']:.0f} MB"),
    ]
    counts = results["instructions"]
    if "skipped" not in counts and all(counts.values()):
        rows.append(("instructions for `check` of the sample, new process (callgrind): python alone / resolint / proselint",
                     f"{counts['python']:.0f} / {counts['resolint']:.0f} / {counts['proselint']:.0f} M",
                     f"resolint {counts['resolint'] / counts['proselint']:.2f}x proselint's", ""))
    if "skipped" in peer:
        rows.append(("proselint 0.16 per file", peer["skipped"], "", ""))
    else:
        rows.append((f"per file over {peer['files']} files, one process: proselint 0.16 / resolint (CPU)",
                     f"{peer['proselint ms/file']:.1f} / {peer['resolint ms/file']:.1f} ms",
                     f"resolint {peer['ratio']:.1f}x faster (target ≥ 5x)", f"{peer['proselint rss MB']:.0f} / {peer['resolint rss MB']:.0f} MB"))
        rows.append(("one file, new process: proselint / resolint (median wall)",
                     f"{peer['one file: proselint ms']:.0f} / {peer['one file: resolint ms']:.0f} ms",
                     f"{peer['one file: proselint ms'] / peer['one file: resolint ms']:.1f}x", ""))
    rows.append((f"`check --jobs 1` / `--jobs 2` over {jobs['files']} files, per file (wall, no cache)",
                 f"{jobs['jobs 1 ms/file']:.1f} / {jobs['jobs 2 ms/file']:.1f} ms", f"{jobs['speed-up']:.2f}x with 2 jobs",
                 f"{jobs['jobs 1 rss MB']:.0f} / {jobs['jobs 2 rss MB']:.0f} MB"))
    lines = ["| measure | result | ratio / target | peak RSS |", "|---|---|---|---|"]
    lines += [f"| {a} | {b} | {c} | {d} |" for a, b, c, d in rows]
    lines += ["", "Language server (benchmarks/lsp_latency.py, debounce 0):", "", "```", results["lsp"]["report"], "```"]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--quick", action="store_true", help="fewer repetitions")
    parser.add_argument("--item", choices=sorted(ITEMS), help=argparse.SUPPRESS)
    parser.add_argument("--output", help=argparse.SUPPRESS)
    args = parser.parse_args()
    repeat = 2 if args.quick else args.repeat
    if args.item:  # one measurement, in this process: as JSON to --output, or printed
        result = json.dumps(ITEMS[args.item](args.corpus, repeat))
        if args.output:
            Path(args.output).write_text(result)
        else:
            print(result)
        return
    load = os.getloadavg()[0]
    speed = host_speed()
    results = {}
    with tempfile.TemporaryDirectory() as folder:
        print("installing resolint into a new virtual environment ...", file=sys.stderr, flush=True)
        os.environ["RESOLINT_BENCH_EXECUTABLE"] = install(folder)
        os.sync()  # cold starts measured right after the install ran ~20% slower until written back
        time.sleep(5)
        for name in ITEMS:
            print(f"measuring {name} ...", file=sys.stderr, flush=True)
            results[name] = (measure_in_processes(name, args.corpus, repeat, 7) if name == "sample"
                             else measure(name, args.corpus, repeat))
    print(f"One run, {time.strftime('%Y-%m-%d')}, Python {sys.version.split()[0]}, {os.cpu_count()} CPUs, "
          f"load average {load:.1f} at the start; host speed: a 3-million-step Python loop in {speed:.0f} ms "
          f"before and {host_speed():.0f} ms after.\n")
    print(report(results))


if __name__ == "__main__":
    main()
