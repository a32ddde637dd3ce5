"""The anchors of a document's text: document symbols and figures, each with its span.

The language versions of one resolution write these the same way or as the same value:
"A/76/444" in every language, "1 000" / "1,000" / "1.000" as one thousand. Comparing the
versions (rules/versions) reads them per paragraph.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache
from typing import NamedTuple

from ..document.langdata import LanguagePack, pack
from ..document.span import Span

# A/76/444, A/RES/78/10, E/CN.6/2020/1, S/RES/2334 (2016); resolution and decision numbers 70/1, S-27/2.
# A hyphen may be written as a non-breaking hyphen or an en dash: "S‑21/2", "SR.1–28".
# (The look-ahead for the first character lets the regex engine skip to candidates.)
_SYMBOL = re.compile(
    r"(?=[A-Z\d])(?<![\w/])(?:(?=[A-Z]{1,6}(?:\.\d+)?/[\w./\-\u2011\u2013]{0,60}?\d)[A-Z]{1,6}(?:\.\d+)?(?:/[A-Z0-9][A-Za-z0-9.\-\u2011\u2013]*)+"
    r"|(?:[A-Z]{1,2}[\-\u2011])?\d{1,4}/\d{1,4})(?![\w/])"
)
_DASHES = str.maketrans({"\u2011": "-", "\u2013": "-"})
# A resolution cited by its document symbol is the resolution: A/RES/55/5 is 55/5.
_RESOLUTION_SYMBOL = re.compile(r"^A/RES/(?=(?:[A-Z]{1,2}-)?\d+/\d+$)")
# 1 000, 1,000, 1.000, 12.5, 12,5 — with plain, no-break or thin no-break spaces as group separators.
# The first digit comes first, then what stands before it, so that the regex engine skips to digits;
# as [0-9], a set it skips to a third faster than the \d category (the texts write figures in
# ASCII digits).
_FIGURE = re.compile(r"[0-9](?<![\w/.,]\d)(?:\d{0,2}(?:[ \u00a0\u202f,.]\d{3})+(?![\w/])|\d*(?:[.,]\d+)?(?![\w/]))")


class Anchor(NamedTuple):
    """A symbol or figure where it stands (a named tuple: a text has hundreds)."""

    span: Span
    written: str
    value: str  # the symbol without inner spaces, or the figure as a plain number


def symbols(text: str) -> tuple[Anchor, ...]:
    return tuple(Anchor(Span(m.start(), m.end()), m.group(), _symbol_value(m.group())) for m in _symbol_matches(text))


def _symbol_matches(text: str):
    """The symbol pattern's matches, searched only in the words around each slash (every
    symbol has one): scanning the whole text tries the pattern at every capital letter."""
    end = 0
    slash = text.find("/")
    while slash >= 0:
        if text.startswith("sup>", slash + 1):  # "</sup>", the end of a footnote marker: no symbol
            slash = text.find("/", slash + 5)
            continue
        start = slash
        while start > end and (text[start - 1].isalnum() or text[start - 1] in _SYMBOL_MARKS):
            start -= 1
        end = _WORD_AFTER.match(text, slash + 1).end()
        yield from _SYMBOL.finditer(text, start, end)
        slash = text.find("/", end)


_SYMBOL_MARKS = "._-\u2011\u2013"
# The rest of the word after a slash: letters, digits, the marks and further slashes (\w is
# str.isalnum and "_").
_WORD_AFTER = re.compile(r"[\w.\-\u2011\u2013/]*")


def _symbol_value(written: str) -> str:
    """The symbol as compared: one hyphen, no final full stop, the resolution's own number."""
    return _RESOLUTION_SYMBOL.sub("", written.translate(_DASHES).rstrip("."))


def figures(text: str, taken: list[Span], language: LanguagePack) -> tuple[Anchor, ...]:
    """Figures outside `taken` (symbols, dates, footnote markers: spans in any order, which
    may overlap), and not figures of scale ("2 million")."""
    data = language.topic("figures")
    thousands, decimal = data.get("thousands", ","), data.get("decimal", ".")
    scale, form = _patterns(language.code)
    starts, ends = _coalesced(taken)
    found = []
    for match in _FIGURE.finditer(text):
        start = match.start()
        index = bisect_right(starts, start) - 1
        if index >= 0 and start < ends[index] or scale.match(text, match.end()):
            continue
        written = match.group()
        value = written if written.isdigit() else _number(written, form, thousands, decimal)
        found.append(Anchor(Span(start, match.end()), written, value))
    return tuple(found)


def _coalesced(spans: list[Span]) -> tuple[list[int], list[int]]:
    """The starts and ends of the ranges `spans` cover, in order, overlapping spans joined
    (a date holds the marker of "1<sup>er</sup>")."""
    starts: list[int] = []
    ends: list[int] = []
    for span in sorted(spans, key=lambda span: span.start):
        if ends and span.start < ends[-1]:
            ends[-1] = max(ends[-1], span.end)
        else:
            starts.append(span.start)
            ends.append(span.end)
    return starts, ends


@lru_cache(maxsize=None)
def _patterns(code: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The words of scale, and a figure in the language's own form."""
    data = pack(code).topic("figures")
    scale = re.compile(r"\s*(?:%s)\b" % "|".join(map(re.escape, data.get("scale", []))), re.IGNORECASE)
    t, d = re.escape(data.get("thousands", ",")), re.escape(data.get("decimal", "."))
    return scale, re.compile(rf"\d{{1,3}}(?:(?:{t}| )\d{{3}})+(?:{d}\d+)?|\d+(?:{d}\d+)?")


def _number(written: str, form: re.Pattern[str], thousands: str, decimal: str) -> str:
    """The value of a figure written with the language's separators; a figure in another
    form ("16.4", a target of the 2030 Agenda, in every language) is kept as written."""
    compact = re.sub(r"[\u00a0\u202f]", " ", written)
    if compact.isdigit():
        return compact
    if _GROUPED.fullmatch(compact):
        return re.sub(r"\D", "", compact)
    if form.fullmatch(compact):
        return _plain(compact.replace(" ", "").replace(thousands, "").replace(decimal, "."))
    return _plain(compact) if re.fullmatch(r"\d+\.\d+", compact) else compact


# Two or more groups of three after one mark can only be thousands, in any language's form
# ("3,444,110,500" in a Spanish text is still three billion).
_GROUPED = re.compile(r"\d{1,3}([,.])\d{3}(?:\1\d{3})+")


def _plain(number: str) -> str:
    """A decimal without its trailing zeros: "0,20 pour cent" is "0.2 per cent"."""
    return number.rstrip("0").rstrip(".") if "." in number else number
