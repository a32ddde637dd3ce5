"""What the value rules share: compare one kind of fact, paragraph by aligned paragraph.

The values are compared as multisets: languages order a sentence differently ("the 2030
Agenda … 2015" / "le Programme 2030 … 2015"), so only a value that one version has more
often than the other is a difference. With `when="both"` a unit is compared only when each
version has some value of the kind there (what one language spells out in words, "ten
years", is no figure to compare with); with `when="same count"` only when both have as many
(one language's form that the facts do not read, "30 août-12 septembre", is no difference).
With `once=True` each value counts once: "A/60/88 and A/60/88/Corr.2" cites one document as
"A/60/88, A/60/88/Corr.1 et A/60/88/Corr.2" does. With `substituted=True` only a value in
place of another is a difference, not a value one version adds: translators repeat or leave
out a year or a figure the sentence already gives ("the 2030 Agenda … the 2030 Agenda" /
"le Programme 2030 … ce programme").
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator

from .align import Divergence, Pair, Side, Unit

# side -> the facts of that kind in the version, in text order, each as (span, value, as written)
Reader = Callable[[Side], list]


def compare(pair: Pair, read: Reader, *, when: str = "always", once: bool = False, substituted: bool = False,
            agree: Callable[[object, object], bool] | None = None) -> Iterator[Divergence]:
    """The first difference in each aligned pair of units, quoted as written; `agree` says
    which two different values are still the same (the volumes of one treaty's texts)."""
    read_a, read_b = pair.a.readings(read), pair.b.readings(read)
    for unit_a, unit_b in pair.matched:
        if unit_a is None or unit_b is None:
            continue
        found_a, found_b = read_a.get(id(unit_a), ()), read_b.get(id(unit_b), ())
        if not (found_a or found_b):
            continue
        if once:
            found_a, found_b = _once(found_a), _once(found_b)
        if when == "both" and not (found_a and found_b) or when == "same count" and len(found_a) != len(found_b):
            continue
        if [value for _, value, _ in found_a] == [value for _, value, _ in found_b]:
            continue
        extra_a = _extra(found_a, found_b)
        extra_b = _extra(found_b, found_a)
        if agree is not None:
            extra_a, extra_b = _disagreeing(extra_a, extra_b, agree)
        if extra_a and extra_b or not substituted and (extra_a or extra_b):
            yield _divergence(extra_a, extra_b, unit_a, unit_b)


def _disagreeing(extra_a: list, extra_b: list, agree) -> tuple[list, list]:
    """The extra values left once each that agrees with one of the other side's is paired off."""
    left_b = list(extra_b)
    kept_a = []
    for item in extra_a:
        match = next((other for other in left_b if agree(item[1], other[1])), None)
        if match is None:
            kept_a.append(item)
        else:
            left_b.remove(match)
    return kept_a, left_b


def _once(found: list) -> list:
    """Each value at its first occurrence."""
    seen = set()
    return [item for item in found if not (item[1] in seen or seen.add(item[1]))]


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
