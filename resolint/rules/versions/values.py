"""What the value rules share: compare one kind of fact, paragraph by aligned paragraph.

The values are compared as multisets: languages order a sentence differently ("the 2030
Agenda … 2015" / "le Programme 2030 … 2015"), so only a value that one version has more
often than the other is a difference. With `when="both"` a unit is compared only when each
version has some value of the kind there (what one language spells out in words, "ten
years", is no figure to compare with); with `when="same count"` only when both have as many
(one language's form that the facts do not read, "30 août-12 septembre", is no difference).
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator

from .align import Divergence, Pair, Side, Unit

# (side, unit) -> the facts of that kind in the unit, each as (span, value, as written)
Reader = Callable[[Side, Unit], list]


def compare(pair: Pair, read: Reader, *, when: str = "always") -> Iterator[Divergence]:
    """The first difference in each aligned pair of units, quoted as written."""
    for unit_a, unit_b in pair.matched:
        if unit_a is None or unit_b is None:
            continue
        found_a, found_b = read(pair.a, unit_a), read(pair.b, unit_b)
        if when == "both" and not (found_a and found_b) or when == "same count" and len(found_a) != len(found_b):
            continue
        if [value for _, value, _ in found_a] == [value for _, value, _ in found_b]:
            continue
        extra_a = _extra(found_a, found_b)
        extra_b = _extra(found_b, found_a)
        if extra_a or extra_b:
            yield _divergence(extra_a, extra_b, unit_a, unit_b)


def _extra(found: list, other: list) -> list:
    """What `found` has more often than `other`, in text order."""
    left = Counter(value for _, value, _ in found) - Counter(value for _, value, _ in other)
    extra = []
    for item in found:
        if left[item[1]] > 0:
            left[item[1]] -= 1
            extra.append(item)
    return extra


def _divergence(extra_a: list, extra_b: list, unit_a: Unit, unit_b: Unit) -> Divergence:
    span_a, _, written_a = extra_a[0] if extra_a else (unit_a.head, None, "nothing")
    span_b, _, written_b = extra_b[0] if extra_b else (unit_b.head, None, "nothing")
    return Divergence(span_a, span_b, written_a, written_b, unit_a.key, unit_b.key)
