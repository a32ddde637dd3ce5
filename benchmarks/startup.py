"""How fast resolint starts: each command in a new process, against Python and lark alone.

    python benchmarks/startup.py [--runs 21] [--compare FOLDER]

Each round runs every command once, in turn, so that all of them see the same machine (a
shared virtual machine's speed drifts); the table gives the median wall time of each over
the rounds and its ratio to `python -c "import lark"` measured in the same rounds:

- `python -c pass` and `python -c "import lark"`: the floor (resolint needs lark to parse);
- the modules a cold check imports, imported and nothing run: what a cold check cannot go
  below (of this tree only);
- `resolint check --no-cache` of the Spanish sample: a cold check (target ≤ 1.3× lark);
- `resolint check` of the sample with the result cache filled: a re-run answered by the cache;
- `resolint server`: from starting the process to the answer to `initialize` (target 300 ms),
  and to the first `publishDiagnostics` of the sample opened right after.

The commands run with this interpreter (`python -m resolint`), bytecode written, and a
temporary user cache folder (the parser cache and the result cache live there), filled by
warm-up rounds before the measured ones, as on a user's machine after the first run.

`--compare FOLDER` also runs the resolint commands of another commit's tree (e.g. `mkdir
/tmp/before && git archive <commit> | tar -x -C /tmp/before`) in the same rounds, each in its own cache folder and from its own folder (so that `python -m resolint` finds its package first), so that before and after are
measured on the same machine.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "examples" / "A-RES-75-276.md"
RESOLINT = [sys.executable, "-m", "resolint"]


def timed(command: list[str], env: dict, cwd: Path) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of one run of `command`, its output discarded."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, cwd=cwd)
    _, _, usage = os.wait4(process.pid, 0)
    return time.perf_counter() - start, usage.ru_utime + usage.ru_stime


def _frame(message: dict) -> bytes:
    body = json.dumps(message).encode("utf-8")
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


def _read_message(stream) -> dict:
    length = 0
    while (line := stream.readline().strip()):
        name, _, value = line.partition(b":")
        if name.lower() == b"content-length":
            length = int(value)
    return json.loads(stream.read(length))


def server_times(env: dict, cwd: Path) -> tuple[float, float]:
    """(seconds to the `initialize` answer, seconds to the sample's first diagnostics),
    both from starting the process, over a bare JSON-RPC client on the server's stdio."""
    start = time.perf_counter()
    server = subprocess.Popen([*RESOLINT, "server", "--stdio"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                              stderr=subprocess.DEVNULL, env=env, cwd=cwd)
    uri = SAMPLE.as_uri()
    server.stdin.write(_frame({"jsonrpc": "2.0", "id": 1, "method": "initialize",
                               "params": {"processId": None, "rootUri": None, "capabilities": {},
                                          "initializationOptions": {"debounce": 0}}}))
    server.stdin.flush()
    while _read_message(server.stdout).get("id") != 1:
        pass
    initialized = time.perf_counter() - start
    server.stdin.write(_frame({"jsonrpc": "2.0", "method": "initialized", "params": {}}))
    server.stdin.write(_frame({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {
        "uri": uri, "languageId": "markdown", "version": 1, "text": SAMPLE.read_text(encoding="utf-8")}}}))
    server.stdin.flush()
    while not ((message := _read_message(server.stdout)).get("method") == "textDocument/publishDiagnostics"
               and message["params"]["uri"] == uri):
        pass
    diagnosed = time.perf_counter() - start
    server.stdin.write(_frame({"jsonrpc": "2.0", "id": 2, "method": "shutdown"}))
    server.stdin.write(_frame({"jsonrpc": "2.0", "method": "exit"}))
    server.stdin.close()
    server.wait(timeout=30)
    return initialized, diagnosed


def commands(cache: str) -> dict[str, list[str]]:
    return {
        "resolint check --no-cache (cold)": [*RESOLINT, "check", "--exit-zero", "--no-cache", str(SAMPLE)],
        "resolint check (result cache filled)": [*RESOLINT, "check", "--exit-zero", "--cache-dir", cache, str(SAMPLE)],
    }


# What a cold check imports before it reads a file, and nothing else: the floor of a cold
# check in this process model. This tree's only: an older tree run from its folder would
# take the modules it lacks from this one (the editable install maps the package here).
CHECK_IMPORTS = "import resolint.checking, resolint.linter.engine, resolint.rules, resolint.grammar.parser"
FLOOR = {"python -c pass": [sys.executable, "-c", "pass"], 'python -c "import lark"': [sys.executable, "-c", "import lark"],
         "the cold check's imports alone": [sys.executable, "-c", CHECK_IMPORTS]}
SERVER = ("server: initialize answered", "server: first diagnostics")


def environment(home: Path) -> dict:
    """The commands' environment: their own cache folder, bytecode written."""
    env = dict(os.environ) | {"XDG_CACHE_HOME": str(home)}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def measure(runs: int, warmup: int, compare: Path | None) -> tuple[dict[str, list[float]], dict[str, list[float]]]:
    """The wall times of every command over the rounds, and the CPU times of those run to
    completion (not the server's)."""
    with tempfile.TemporaryDirectory() as home:
        sources = {"": ROOT} | ({f" [{compare.name}]": compare} if compare else {})
        envs = {label: environment(Path(home) / f"home{index}") for index, label in enumerate(sources)}
        table = {("", name): command for name, command in FLOOR.items()}
        for label in sources:
            table |= {(label, name + label): command
                      for name, command in commands(str(Path(home) / f"results{len(table)}")).items()}
        times: dict[str, list[float]] = {name: [] for _, name in table} | {
            name + label: [] for label in sources for name in SERVER}
        cpu: dict[str, list[float]] = {name: [] for _, name in table}
        for round_number in range(warmup + runs):
            measured = {name: timed(command, envs[label], sources[label]) for (label, name), command in table.items()}
            served = {label: server_times(envs[label], source) for label, source in sources.items()}
            if round_number < warmup:
                continue
            for name, (wall, used) in measured.items():
                times[name].append(wall)
                cpu[name].append(used)
            for label, values in served.items():
                for name, seconds in zip(SERVER, values):
                    times[name + label].append(seconds)
    return times, cpu


def report(times: dict[str, list[float]], cpu: dict[str, list[float]]) -> str:
    lark = statistics.median(times['python -c "import lark"'])
    lark_cpu = statistics.median(cpu['python -c "import lark"'])
    lines = ["| command | median wall | fastest | × `import lark` | median CPU | × lark's CPU |", "|---|---|---|---|---|---|"]
    for name, values in times.items():
        median = statistics.median(values)
        row = f"| {name} | {median * 1000:.0f} ms | {min(values) * 1000:.0f} ms | {median / lark:.2f}× |"
        if name in cpu:
            used = statistics.median(cpu[name])
            row += f" {used * 1000:.0f} ms | {used / lark_cpu:.2f}× |"
        else:
            row += " | |"
        lines.append(row)
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=21, help="measured rounds (default 21)")
    parser.add_argument("--warmup", type=int, default=2, help="rounds run first and not counted (default 2)")
    parser.add_argument("--compare", type=Path, help="a checkout of another commit to measure in the same rounds")
    args = parser.parse_args()
    load = os.getloadavg()[0]
    times, cpu = measure(args.runs, args.warmup, args.compare.resolve() if args.compare else None)
    print(f"{args.runs} rounds, {time.strftime('%Y-%m-%d')}, Python {sys.version.split()[0]}, {os.cpu_count()} CPUs, "
          f"load average {load:.1f} at the start, {os.getloadavg()[0]:.1f} at the end.\n")
    print(report(times, cpu))


if __name__ == "__main__":
    main()
