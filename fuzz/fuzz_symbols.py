"""Coverage-guided fuzzing of the document-symbol grammar (symbols.lark) and the symbol finder.

Short run (as the test suite does):   python fuzz/fuzz_symbols.py -runs=3000 fuzz/symbol-seeds
Long run (hours; findings in ./crash-*): python fuzz/fuzz_symbols.py -max_len=200 fuzz/corpus-symbols fuzz/symbol-seeds

An input fails when parsing or finding raises, when a found symbol's span lies outside the
text, or when a symbol parsed as well formed does not parse the same way again.
"""
from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports(include=["resolint"]):
    from resolint.grammar.symbols import find_symbols, parse_symbol


def test_one_input(data: bytes) -> None:
    text = data.decode("utf-8", errors="replace")
    parsed = parse_symbol(text)
    if parsed.ok and parse_symbol.__wrapped__(text) != parsed:
        raise AssertionError(f"unstable parse of {text!r}")
    for found in find_symbols(text):
        if not (0 <= found.span.start <= found.span.end <= found.extent.end <= len(text)):
            raise AssertionError(f"span outside the text: {found}")


if __name__ == "__main__":
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()
