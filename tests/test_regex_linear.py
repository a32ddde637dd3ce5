"""No catastrophic backtracking: every regular expression applied to user text runs in time
linear in the text on adversarial input.

The patterns are the module-level compiled patterns of every resolint module and the
patterns compiled from the language data files. For each, adversarial texts are built from
its own literal fragments and from characters that regexes commonly repeat; each is timed at
10 KB and 100 KB, and the ratio must stay under 15 (linear: ~10; quadratic: ~100). A ratio,
not a duration, so a loaded machine does not fail it.
"""
from __future__ import annotations

import importlib
import pkgutil
import re
import time

import pytest

import resolint
from resolint.linter.langdata import LANGUAGES, pack

SMALL, LARGE = 10_000, 100_000
MAX_RATIO = 15
COMMON = [" ", "a", "A", "1", "*", "_", ",", ".", ";", ":", "(", ")", "[", "]", "<", ">", "/", "-", "\n", "\t", "é", "ª"]


def _module_patterns() -> dict[str, re.Pattern]:
    found = {}
    for info in pkgutil.walk_packages(resolint.__path__, "resolint."):
        if info.name.endswith("__main__") or info.name.startswith(("resolint.lsp", "resolint.docx")):
            continue  # optional dependencies; their patterns run on the same text through the core
        module = importlib.import_module(info.name)
        for name, value in vars(module).items():
            if isinstance(value, re.Pattern) and value.pattern not in {p.pattern for p in found.values()}:
                found[f"{info.name}.{name}"] = value
    return found


def _data_patterns() -> dict[str, re.Pattern]:
    found = {}
    for code in LANGUAGES:
        language = pack(code)
        for name, pattern in language.header_patterns.items():
            found[f"{code}.header.{name}"] = pattern
        found[f"{code}.layout.annex"] = language.annex_pattern
        found[f"{code}.layout.meeting"] = language.meeting_pattern
    return found


PATTERNS = {**_module_patterns(), **_data_patterns()}


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


def _run(pattern: re.Pattern, texts: list[str]) -> None:
    for text in texts:
        for _match in pattern.finditer(text):
            pass
        pattern.match(text)


def _seconds(pattern: re.Pattern, texts: list[str]) -> float:
    """Best of five timed runs over `texts`."""
    best = float("inf")
    for _ in range(5):
        start = time.perf_counter()
        _run(pattern, texts)
        best = min(best, time.perf_counter() - start)
    return best


def _ratio(pattern: re.Pattern, unit: str) -> float:
    """Time on 100 KB over time on 10 KB. The 10 KB time is a tenth of the time for ten
    separate 10 KB strings, so both sides touch the same amount of memory (a single 10 KB
    string stays in the processor's cache and would flatter the small side)."""
    large = (unit * (LARGE // len(unit) + 1))[:LARGE]
    smalls = [large[index * SMALL : (index + 1) * SMALL] for index in range(LARGE // SMALL)]
    return _seconds(pattern, [large]) / (_seconds(pattern, smalls) / len(smalls))


@pytest.mark.parametrize("name", sorted(PATTERNS))
def test_pattern_is_linear(name):
    pattern = PATTERNS[name]
    for unit in _adversarial(pattern):
        small = (unit * (SMALL // len(unit) + 1))[:SMALL]
        start = time.perf_counter()
        _run(pattern, [small])
        once = time.perf_counter() - start
        assert once < 0.25, f"{name}: {once:.2f} s on 10 KB of {unit!r}"
        if once < 1e-4:  # even a quadratic pattern would stay under ~10 ms at 100 KB
            continue
        ratio = _ratio(pattern, unit)
        assert ratio < MAX_RATIO, f"{name}: {ratio:.0f}x slower on 10x the input {unit!r}"


def test_the_linter_as_a_whole_is_linear():
    """The same guard on whole documents: adversarial shapes through parse + every rule."""
    from resolint import lint_text

    for unit in ["*", "**a", "<sup>1</sup>", "(a) ", "1. ", ",\n", " \n\n", "_", "[^1]", "*Recalling* x,\n\n", "a" * 50 + "\n"]:
        small = (unit * (SMALL // len(unit) + 1))[:SMALL]
        large = (unit * (LARGE // len(unit) + 1))[:LARGE]
        times = []
        for text in (small, large):
            best = float("inf")
            for _ in range(2):
                start = time.perf_counter()
                lint_text(text)
                best = min(best, time.perf_counter() - start)
            times.append(best)
        assert times[1] / max(times[0], 1e-4) < MAX_RATIO, f"lint is {times[1] / times[0]:.0f}x slower on 10x {unit!r}"
