"""Coverage-guided fuzzing of the parser and the linter with atheris (libFuzzer).

Short run (as the test suite does):   python fuzz/fuzz_parser.py -runs=3000 fuzz/seeds
Long run (hours; findings in ./crash-*): python fuzz/fuzz_parser.py -max_len=20000 -timeout=10 fuzz/corpus fuzz/seeds
(the first folder collects the inputs that reach new code; create it before a long run.)

An input fails when linting raises, reports an internal error (a rule crashed), or returns a
span outside the text.
"""
from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports(include=["resolint"]):
    from resolint import lint_text
    from resolint.linter.engine import INTERNAL_ERROR


def test_one_input(data: bytes) -> None:
    text = data.decode("utf-8", errors="replace")
    for diagnostic in lint_text(text):
        if diagnostic.code == INTERNAL_ERROR:
            raise AssertionError(diagnostic.message)
        if not 0 <= diagnostic.span.start <= diagnostic.span.end <= len(text):
            raise AssertionError(f"span outside the text: {diagnostic}")


if __name__ == "__main__":
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()
