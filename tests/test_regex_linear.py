"""No catastrophic backtracking: every regular expression applied to user text runs in time
linear in the text on adversarial input.

The patterns are every pattern resolint's own code compiles — module constants and those
built from the language data files on first use — recorded while linting documents in the
three languages. For each, adversarial texts are built from
its own literal fragments and from characters that regexes commonly repeat; each is timed at
10 KB and 100 KB, and the ratio must stay under 15 (linear: ~10; quadratic: ~100). A ratio,
not a duration, so a loaded machine does not fail it.
"""
from __future__ import annotations

import json
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest


SMALL, LARGE = 10_000, 100_000
MAX_RATIO = 15
COMMON = [" ", "a", "A", "1", "*", "_", ",", ".", ";", ":", "(", ")", "[", "]", "<", ">", "/", "-", "\n", "\t", "é", "ª"]


# Run in a fresh interpreter: record every pattern resolint's own code compiles while it lints
# documents in the three languages (patterns built from the data files on first use included).
_RECORDER = r"""
import json, re, sys
seen = {}
original = re.compile
def recording(pattern, flags=0):
    caller = sys._getframe(1).f_code.co_filename
    if "/resolint/" in caller and "/resolint/lsp/" not in caller and isinstance(pattern, str):
        seen[(pattern, int(flags))] = caller.rsplit("/resolint/", 1)[1]
    return original(pattern, flags)
re.compile = recording
import pathlib, resolint
from resolint.linter.engine import lint_text
for path in sys.argv[1:]:
    lint_text(pathlib.Path(path).read_text(encoding="utf-8"))
for name in [n for n in list(sys.modules) if n.startswith("resolint")]:
    for value in vars(sys.modules[name]).values():
        if isinstance(value, re.Pattern):
            seen.setdefault((value.pattern, int(value.flags)), name)
print(json.dumps([[p, f, where] for (p, f), where in seen.items()]))
"""
DOCUMENTS = sorted((Path(__file__).parent / "documents").glob("*.md")) + [Path(__file__).parent.parent / "examples" / "A-RES-75-276.md"]


def _patterns() -> dict[str, re.Pattern]:
    result = subprocess.run(
        [sys.executable, "-c", _RECORDER, *map(str, DOCUMENTS)], capture_output=True, text=True, check=True, timeout=300
    )
    found = {}
    for pattern, flags, where in json.loads(result.stdout):
        compiled = re.compile(pattern, flags)
        found[f"{where}: {pattern[:60]}"] = compiled
    return found


PATTERNS = _patterns()


def _fragments(pattern: re.Pattern) -> list[str]:
    """Literal pieces of the pattern's source ("<sup>", "</sup>", "[^", "session" ...)."""
    source = re.sub(r"\\[dswDSWbBAZ]|\\.|\[[^\]]*\]|\(\?[:=!<P][^)]*|[(){}|?*+^$]", " ", pattern.pattern)
    pieces = {piece for piece in source.split() if 1 < len(piece) <= 12}
    return sorted(pieces)[:12]


def _adversarial(pattern: re.Pattern) -> list[str]:
    units = [c for c in COMMON] + _fragments(pattern)
    shapes = units + [a + b for a in units[:6] for b in units[:6] if a != b][:12]
    fragments = _fragments(pattern)
    if fragments:
        shapes.append(" ".join(fragments) + " ")
        shapes.append("".join(fragments))
    return shapes


def _run(pattern: re.Pattern, text: str) -> None:
    for _match in pattern.finditer(text):
        pass
    pattern.match(text)


def _seconds(pattern: re.Pattern, text: str) -> float:
    """Seconds per run: the best of five samples, each repeating the run for at least
    10 ms, so that timer and scheduling noise on a shared machine stay small."""
    start = time.perf_counter()
    _run(pattern, text)
    loops = max(1, int(0.01 / max(time.perf_counter() - start, 1e-6)))
    best = float("inf")
    for _ in range(5):
        start = time.perf_counter()
        for _ in range(loops):
            _run(pattern, text)
        best = min(best, (time.perf_counter() - start) / loops)
    return best


def _text(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


@pytest.mark.parametrize("name", sorted(PATTERNS))
def test_pattern_is_linear(name):
    """Screen every adversarial shape once at 10 KB (a quadratic blow-up already shows there,
    as the slowest shapes); then time the two slowest carefully at 10 KB and 100 KB."""
    pattern = PATTERNS[name]
    screened = []
    for unit in _adversarial(pattern):
        small = _text(unit, SMALL)
        start = time.perf_counter()
        _run(pattern, small)
        once = time.perf_counter() - start
        assert once < 0.25, f"{name}: {once:.2f} s on 10 KB of {unit!r}"
        screened.append((once, unit))
    for _once, unit in sorted(screened, reverse=True)[:2]:
        ratio = _ratio(pattern, unit)
        for _retry in range(2):  # noise from other processes only inflates a ratio; a
            if ratio < MAX_RATIO:  # quadratic pattern fails every measurement
                break
            ratio = min(ratio, _ratio(pattern, unit))
        assert ratio < MAX_RATIO, f"{name}: {ratio:.0f}x slower on 10x the input {unit!r}"


def _ratio(pattern: re.Pattern, unit: str) -> float:
    return _seconds(pattern, _text(unit, LARGE)) / _seconds(pattern, _text(unit, SMALL))


WHOLE_DOCUMENT_SHAPES = [
    # repeated units
    "*", "**a", "<sup>1</sup>", "(a) ", "1. ", ",\n", " \n\n", "_", "[^1]", "*Recalling* x,\n\n", "a" * 50 + "\n",
    "resolution 1/1 of 1 January 2000, ", "A/", "A/75/L.", "Seventy-fifth session ", "62nd plenary meeting ",
    "*Recalling also* the report,<sup>1</sup> ", "<sup>1</sup> A/75/345.\n\n", "de ", "1er janvier ",
]


def _whole(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def _one_long(kind: str, size: int) -> str:
    """Shapes that are one huge token rather than a repetition."""
    if kind == "emphasis":
        return "*" + "a" * (size - 2) + "*"
    if kind == "word":
        return "Recalling" + "a" * (size - 9)
    return "*The General Assembly*,\n\n*Recalling* " + "x " * ((size - 40) // 2) + ","


def _lint_seconds(text: str) -> float:
    from resolint import lint_text

    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        lint_text(text)
        best = min(best, time.perf_counter() - start)
    return best


@pytest.mark.parametrize("shape", [*WHOLE_DOCUMENT_SHAPES, "long:emphasis", "long:word", "long:paragraph"])
def test_the_linter_as_a_whole_is_linear(shape):
    """The same guard on whole documents: adversarial text through parse and every rule."""
    build = (lambda size: _one_long(shape[5:], size)) if shape.startswith("long:") else (lambda size: _whole(shape, size))
    ratio = 0.0
    for _attempt in range(3):  # noise only inflates a ratio; a quadratic path fails every time
        ratio = _lint_seconds(build(LARGE)) / max(_lint_seconds(build(SMALL)), 1e-4)
        if ratio < MAX_RATIO:
            break
    assert ratio < MAX_RATIO, f"linting is {ratio:.0f}x slower on 10x the input {shape!r}"
