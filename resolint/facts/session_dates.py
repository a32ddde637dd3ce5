"""Dates as resolutions write them ("28 April 2021", "28 de abril de 2021", "1er mai 2021"),
read with the month names and the form of rules/data/<lang>/dates.toml (shared with the CT
rules) and the first-day endings and adoption line of `[dates]` in ordinals.toml."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..document.langdata import pack
from ..document.model import Document, HeaderLine
from ..document.span import Span


@dataclass(frozen=True, slots=True)
class Date:
    span: Span
    day: int
    month: int
    year: int

    def same_day(self, other: "Date") -> bool:
        return (self.day, self.month, self.year) == (other.day, other.month, other.year)


class DateReader:
    def __init__(self, code: str) -> None:
        data = pack(code).topic("ordinals").get("dates", {})
        common = pack(code).topic("dates")
        self.months = [month.lower() for month in common.get("months", [])]
        first = "".join(f"|{re.escape(suffix)}" for suffix in data.get("first_day", []))
        pieces = {
            "{day}": rf"(?P<day>\d{{1,2}})(?:{first[1:]})?" if first else r"(?P<day>\d{1,2})",
            "{month}": "(?P<month>" + "|".join(map(re.escape, self.months)) + ")",
            "{year}": r"(?P<year>\d{4})",
        }
        pattern = ""
        for token in common.get("form", "{day} {month} {year}").split(" "):
            pattern += (r"\s+" if pattern else "") + pieces.get(token, re.escape(token))
        self.date = re.compile(rf"(?i)(?<!\d){pattern}(?!\d)")
        self.adoption = re.compile(data["adoption"]) if data.get("adoption") else None

    def first(self, text: str, start: int, end: int) -> Date | None:
        found = self.date.search(text, start, end)
        if found is None:
            return None
        return Date(Span(*found.span()), int(found.group("day")), self.months.index(found.group("month").lower()) + 1,
                    int(found.group("year")))

    def adopted(self, doc: Document) -> Date | None:
        """The date of "Resolution adopted by the General Assembly on …" in the heading (the
        line may be cut before the date, or run together with the title)."""
        if self.adoption is None:
            return None
        end = next((node.span.start for node in doc.blocks if not isinstance(node, HeaderLine)), len(doc.text))
        found = self.adoption.search(doc.text, 0, end)
        if found is None:
            return None
        date = self.date.match(doc.text, found.end(), min(end, found.end() + 40))
        if date is None:
            return None
        return self.first(doc.text, date.start(), date.end())


@cache
def reader(code: str) -> DateReader:
    return DateReader(code)
