"""Dates in running text, in each language's form ("2 December 2004", "2 de diciembre de 2004",
"1er janvier 2004"), read from the language's dates.toml.

The patterns also recognise the usual misspellings (an ordinal day, a month in the wrong
case, a missing "de", the month first) so that a rule can say how the language writes the
date. Every pattern is a single pass with bounded repetition.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cache

from ..document.frozen import frozen
from ..document.langdata import LanguagePack, pack
from ..document.model import Document, HeaderLine
from ..document.span import Span
from ..document.stretches import Stretches

SUP = r"(?P<sup><sup>\s?(?P<supsuffix>[a-zº°.]{1,3})\s?</sup>)"


@frozen
class TextDate:
    """A date as written: `written` is its text as read, a line break inside the paragraph
    read as a space ("2 December\n2004" is one date); `canonical` is how the language writes it
    (None when the text already is); `valid` is False for a day the month does not have."""

    span: Span
    day: int
    month: int  # 1-12
    year: int | None
    valid: bool
    canonical: str | None
    written: str

    @property
    def value(self) -> date | None:
        return date(self.year, self.month, self.day) if self.valid and self.year else None


@dataclass(frozen=True)
class DateSyntax:
    """One language's date patterns, built from its dates.toml."""

    months: dict[str, int]  # every recognised spelling (case-folded) -> month
    names: tuple[str, ...]  # how the language writes the months
    form: str
    form_without_year: str
    first_day: str
    capitalised: bool
    day_first: re.Pattern[str]
    month_first: re.Pattern[str] | None
    foreign_joiners: bool  # the form has none: "15 of December of 2022" needs both to count


@cache
def syntax(language: LanguagePack) -> DateSyntax:
    data = language.topic("dates")
    names = tuple(data["months"])
    months = {name.casefold(): index for index, name in enumerate(names, start=1)}
    for variant, name in data.get("variants", {}).items():
        months[variant.casefold()] = months[name.casefold()]
    month_words = "|".join(sorted((re.escape(m) for m in months), key=len, reverse=True))
    month = rf"(?P<month>(?i:{month_words}))"
    suffixes = "|".join(sorted((re.escape(s) for s in data.get("day_suffixes", [])), key=len, reverse=True))
    suffix = rf"(?:(?P<suffix>{suffixes})|{SUP})?" if suffixes else ""
    joiners = "|".join(re.escape(j) for j in data.get("joiners", []))
    joiner = rf"(?:[ \u00a0\n](?P<j1>{joiners}))?" if joiners else ""
    year_joiner = rf"(?:,?[ \u00a0\n](?:(?P<j2>{joiners})[ \u00a0\n])?|(?P<comma>,)[ \u00a0\n])" if joiners else r"(?P<comma>,)?[ \u00a0\n]"
    # After a hyphen only when a month stands before it: the end of a French range, "26 août-4 septembre 2002".
    day_first = re.compile(
        rf"(?<![\w/.,])(?:(?<=[^\W\d_]-)|(?<!-))(?P<day>\d{{1,2}}){suffix}{joiner}[ \u00a0\n]{month}(?:{year_joiner}(?P<year>\d{{4}}))?(?![\w])"
    )
    month_first = None
    if data.get("month_first"):
        month_first = re.compile(rf"(?<![\w])(?P<month>{'|'.join(re.escape(n) for n in names)}) (?P<day>\d{{1,2}}),? (?P<year>\d{{4}})(?![\w])")
    foreign = not any(f" {joiner} " in data["form"] for joiner in data.get("joiners", []))
    return DateSyntax(months, names, data["form"], data["form_without_year"], str(data.get("first_day", "1")),
                      bool(data.get("months_capitalised")), day_first, month_first, foreign)


def write_date(day: date, language: LanguagePack) -> str:
    """A date as the language writes it: "2 December 2004", "2 de diciembre de 2004", "1er mai 2004"."""
    rules = syntax(language)
    written_day = rules.first_day if day.day == 1 else str(day.day)
    return rules.form.format(day=written_day, month=rules.names[day.month - 1], year=day.year)


def english_date(day: date) -> str:
    """A date as resolint's messages, in English, write it."""
    return write_date(day, pack("en"))


def english_month(month: int) -> str:
    return syntax(pack("en")).names[month - 1]


def find_dates(text: str, language: LanguagePack, begin: int = 0, end: int | None = None) -> tuple[TextDate, ...]:
    """Every date of `text` whose month name starts in text[begin:end] (all of them by
    default), in text order; Facts.dates holds the result per document.

    Month names drive the scan: str.find for each name without its first letter
    ("ecember"), whose case is then checked, so that "December" and "december" are both
    found without lower-casing the text. The date patterns are matched only around them,
    and only within the month's stretch of text (document/stretches.py): no date reads
    across an empty line, which a date never holds."""
    rules = syntax(language)
    end = len(text) if end is None else end
    months = set()
    for name in rules.months:
        stem, first = name[1:], name[0]
        at = text.find(stem, begin + 1, end)
        while at != -1:
            start = at - 1
            if text[start].lower() == first and (start == 0 or not text[start - 1].isalpha()):
                months.add(start)
            at = text.find(stem, at + len(stem), end)
    stretches = Stretches(text)
    found = {}
    for month_at in sorted(months):
        result = _date_around(text, month_at, rules, *stretches.around(month_at))
        if result is not None:
            found.setdefault(result.span.start, result)
    return tuple(found[start] for start in sorted(found))


DAY_BEFORE = re.compile(r"\d{1,2}\D{1,24}\Z")


def _date_around(text: str, month_at: int, rules: DateSyntax, floor: int, ceiling: int) -> TextDate | None:
    """The date whose month name starts at `month_at`: day first, or (English) month first,
    read within text[floor:ceiling]."""
    window_start = max(floor, month_at - 26)
    day = DAY_BEFORE.search(text, window_start, month_at)
    if day is not None:
        match = rules.day_first.match(text, day.start(), ceiling)
        if match is not None and match.start("month") == month_at:
            return _read(match, rules, day_first=True)
    if rules.month_first is not None:
        match = rules.month_first.match(text, month_at, ceiling)
        if match is not None:
            return _read(match, rules, day_first=False)
    return None


def _read(match: re.Match[str], rules: DateSyntax, *, day_first: bool) -> TextDate | None:
    groups = match.groupdict()
    day = int(groups["day"])
    written_month = groups["month"]
    month = rules.months[written_month.casefold()]
    name = rules.names[month - 1]
    year = int(groups["year"]) if groups.get("year") else None
    lower_case = written_month != name and written_month.casefold() == name.casefold()
    j1, j2 = groups.get("j1"), groups.get("j2")
    if year is None and (lower_case or day > 31 or not day_first):
        return None  # "paragraph 2 may ...", "article 45 May": not a date
    if rules.foreign_joiners and (j1 or j2) and not (j1 and j2):
        return None  # "part 2 of May 2020", "5 of March": not a date
    if year is not None and not 1000 <= year <= 2999:
        return None
    valid = 1 <= day <= _days_in(month, year)
    form = rules.form if year is not None else rules.form_without_year
    canonical = form.format(day=rules.first_day if day == 1 else day, month=name, year=year)
    written = match.group().replace("\n", " ")
    plain = written
    if groups.get("sup"):  # "1<sup>er</sup>" reads as "1er"
        start, end = match.start("sup") - match.start(), match.end("sup") - match.start()
        plain = written[:start] + groups["supsuffix"] + written[end:]
    return TextDate(Span(match.start(), match.end()), day, month, year, valid, None if plain == canonical else canonical, written)


DAYS_IN_MONTH = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _days_in(month: int, year: int | None) -> int:
    """(The calendar module would cost 8 ms of start-up for this.)"""
    if month == 2 and (year is None or (year % 4 == 0 and (year % 100 != 0 or year % 400 == 0))):
        return 29
    return DAYS_IN_MONTH[month - 1]


def adoption_date(doc: Document, language: LanguagePack, dates: tuple[TextDate, ...]) -> TextDate | None:
    """The date of "Resolution adopted by the General Assembly on …" in the heading (the line
    may be cut before the date, or run together with the title): the date that starts where the
    language's adoption words (ordinals.toml, [dates] adoption) end."""
    pattern = language.topic("ordinals").get("dates", {}).get("adoption")
    if not pattern:
        return None
    end = next((node.span.start for node in doc.blocks if not isinstance(node, HeaderLine)), len(doc.text))
    found = _adoption_words(pattern).search(doc.text, 0, end)
    if found is None:
        return None
    return next((d for d in dates if d.span.start == found.end() and d.span.end <= end and d.year), None)


def first_date(dates: tuple[TextDate, ...], span: Span) -> TextDate | None:
    """The first complete date (with its year) inside `span`."""
    return next((d for d in dates if span.start <= d.span.start and d.span.end <= span.end and d.year), None)


@cache
def _adoption_words(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)
