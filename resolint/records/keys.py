"""The one spelling of a resolution or decision number used as a lookup key, shared by the
build script (tools/build_records.py) and the lookups: roman session numerals become arabic,
so that "217 A (III)" and "1001 (ES-I)" are found as "217 A (3)" and "1001 (ES-1)"."""
from __future__ import annotations

import re

ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
_PARENS = re.compile(r"\((E?S-)?([IVXLC]+)\)")
_SPACES = re.compile(r"\s+")


def roman_to_int(numeral: str) -> int | None:
    """XXI -> 21; None when `numeral` is not made of roman digits."""
    if not numeral or any(char not in ROMAN_VALUES for char in numeral):
        return None
    total = 0
    for index, char in enumerate(numeral):
        value = ROMAN_VALUES[char]
        following = ROMAN_VALUES[numeral[index + 1]] if index + 1 < len(numeral) else 0
        total += -value if following > value else value
    return total


def int_to_roman(number: int) -> str:
    """21 -> XXI (for 1 to 399: sessions before the 31st, sub-paragraph labels)."""
    result = ""
    for value, letters in _ROMAN_WRITING:
        while number >= value:
            result += letters
            number -= value
    return result


_ROMAN_WRITING = ((100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))


def normalize_number(number: str) -> str:
    """'2200 A (XXI)' -> '2200 A (21)'; '1001 (ES-I)' -> '1001 (ES-1)'; others unchanged."""
    number = _SPACES.sub(" ", number.strip())
    return _PARENS.sub(lambda m: f"({m.group(1) or ''}{roman_to_int(m.group(2))})", number)
