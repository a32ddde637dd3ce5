"""How the footnote messages name several footnote numbers (FN001, FN006)."""
from __future__ import annotations


def describe(numbers: list[int]) -> str:
    """"4", "4 and 5", "4 to 6"."""
    if len(numbers) == 1:
        return str(numbers[0])
    if len(numbers) == 2:
        return f"{numbers[0]} and {numbers[1]}"
    return f"{numbers[0]} to {numbers[-1]}"
