"""The record of real UN resolutions, decisions and General Assembly sessions, shipped in the
package (see PROVENANCE.md: sources, commits, caveats) and read lazily: nothing is loaded
at import; the first lookup reads one table (a few milliseconds), titles only on hover.

A number the record does not hold is *unknown*, never wrong: the record lacks most General
Assembly resolutions adopted without a vote before session 78, and all ECOSOC resolutions.
"""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from datetime import date
from functools import cache, lru_cache
from pathlib import Path

from .keys import normalize_number

# Tags of sources that attest a date independently of the texts being linted.
PRIMARY = frozenset({"LH", "MP", "CR", "IG", "ERR"})
SOURCE_NAMES = {
    "MP": "the official text of the resolution",
    "LH": "the UN Digital Library voting record",
    "CR": "the official Security Council text",
    "IG": "the General Assembly's record of decisions",
    "ERR": "a correction noted in the data set's caveats",
    "CIT": "citations in General Assembly resolutions of sessions 78–80",
    "CRCIT": "citations in Security Council resolutions 1–902",
}


@dataclass(frozen=True, slots=True)
class Evidence:
    """One attested date and what attests it."""

    date: date
    sources: tuple[str, ...]  # tags, see PROVENANCE.md
    cited_in: int = 0  # documents citing this date, when citations attest it

    @property
    def primary(self) -> bool:
        return any(source in PRIMARY for source in self.sources)

    def describe(self) -> str:
        """Who attests this date: 'the UN Digital Library voting record', or 'citations in
        later texts' when no primary source does."""
        primary = [SOURCE_NAMES[tag] for tag in self.sources if tag in PRIMARY]
        return " and ".join(dict.fromkeys(primary)) if primary else "citations in later texts"


@dataclass(frozen=True, slots=True)
class Record:
    kind: str  # "resolution" | "decision"
    body: str  # "GA" | "SC"
    number: str  # key spelling ("59/50", "1631 (2005)", "217 A (3)")
    dates: tuple[Evidence, ...]  # the first is the adoption date
    citation_only: bool = False  # the adoption date rests on citations only
    suspect: bool = False  # flagged in the data set: outside its session's span

    @property
    def adopted(self) -> Evidence:
        return self.dates[0]

    def accepts(self, day: date) -> bool:
        """The adoption date, or another date a primary source attests."""
        return day == self.adopted.date or any(e.date == day and e.primary for e in self.dates[1:])

    def evidence_for(self, day: date) -> Evidence | None:
        return next((e for e in self.dates if e.date == day), None)


@dataclass(frozen=True, slots=True)
class Session:
    code: str  # "59", "S-30", "ES-10"
    kind: str  # "regular", "special", "emergency special"
    opening: date | None
    opening_documented: bool
    closing: date | None
    first_item: date | None
    last_item: date | None


# The record's lookups are keyed by one number, not a document: the same numbers are cited in many texts.
@lru_cache(maxsize=4096)
def resolutions(number: str) -> tuple[Record, ...]:
    """A GA or SC resolution by number as cited ("59/50", "1631 (2005)", "217 A (III)").

    A lettered part the record lacks falls back to its base; a base the record lacks gives
    all its recorded parts (they may carry different dates). Empty when unknown.
    """
    table = _table("resolutions.tsv")
    key = normalize_number(number)
    found = table.get(key)
    if found is not None:
        return (_resolution(key, found),)
    base, _, rest = key.partition(" ")
    if rest[:1].isalpha() and rest[:1].isupper():  # "56/210 B" -> "56/210"; "217 A (3)" -> "217 (3)"
        whole = f"{base} {rest[1:].strip()}".strip()
        found = table.get(whole)
        if found is not None:
            return (_resolution(whole, found),)
    # a base without its parts: "2200 (21)" -> "2200 A (21)", "2200 B (21)" ...
    suffix = key[len(base):]
    parts = []
    for other, line in table.starting_with(base + " "):
        rest = other[len(base) + 1 :]
        letters = rest[: len(rest) - len(suffix)] if suffix else rest
        if rest.endswith(suffix) and 1 <= len(letters) <= 2 and letters.isalpha() and letters.isupper():
            parts.append(_resolution(other, line))
    return tuple(parts)


def resolution(number: str) -> Record | None:
    """The first of `resolutions(number)`, or None."""
    found = resolutions(number)
    return found[0] if found else None


@lru_cache(maxsize=1024)
def sc_resolution(number: int) -> Record | None:
    """A Security Council resolution by its number alone (later mentions: "resolution 1493")."""
    for key, line in _table("resolutions.tsv").starting_with(f"{number} ("):
        if line.startswith("SC\t"):
            return _resolution(key, line)
    return None


@lru_cache(maxsize=1024)
def decision(number: str) -> Record | None:
    """A General Assembly decision ("74/555"; a lettered part falls back to the decision)."""
    key = normalize_number(number).split(" ")[0]
    line = _table("decisions.tsv").get(key)
    if line is None:
        return None
    dates, flags = line.split("\t")
    return Record("decision", "GA", key, _evidence(dates), "c" in flags, "s" in flags)


def session(code: str) -> Session | None:
    return _sessions().get(code)


def title(kind: str, number: str) -> str | None:
    """The title the record gives (resolutions of the GA and SC, decisions of the GA)."""
    prefix = "R" if kind == "resolution" else "D"
    return _titles().get(f"{prefix} {normalize_number(number)}")


# --- loading ---------------------------------------------------------------------------------

HERE = Path(__file__).resolve().parent


class _Table:
    """The lines of a sorted table ("key<TAB>rest"), searched by bisection: loading costs one
    read and one split, with no dictionary to build."""

    def __init__(self, text: str) -> None:
        self.lines = [line for line in text.splitlines() if line and line[0] != "#"]

    def get(self, key: str) -> str | None:
        probe = key + "\t"
        index = bisect_left(self.lines, probe)
        if index < len(self.lines) and self.lines[index].startswith(probe):
            return self.lines[index][len(probe):]
        return None

    def starting_with(self, prefix: str):
        """(key, rest) of every line whose key starts with `prefix`."""
        index = bisect_left(self.lines, prefix)
        while index < len(self.lines) and self.lines[index].startswith(prefix):
            key, _, rest = self.lines[index].partition("\t")
            yield key, rest
            index += 1

    def __iter__(self):
        for line in self.lines:
            key, _, rest = line.partition("\t")
            yield key, rest


@cache
def _table(name: str) -> _Table:
    return _Table((HERE / name).read_text(encoding="utf-8"))


def _resolution(key: str, line: str) -> Record:
    body, dates, flags = line.split("\t")
    return Record("resolution", body, key, _evidence(dates), "c" in flags, "s" in flags)


def _evidence(dates: str) -> tuple[Evidence, ...]:
    """'2019-12-12=LH+CIT4;2019-12-19=CIT4' -> two Evidence."""
    found = []
    for item in dates.split(";"):
        day, _, tags = item.partition("=")
        sources, cited_in = [], 0
        for tag in tags.split("+"):
            name = tag.rstrip("0123456789")
            if len(name) < len(tag):
                cited_in = int(tag[len(name):])
            sources.append(name)
        found.append(Evidence(date.fromisoformat(day), tuple(sources), cited_in))
    return tuple(found)


def _day(text: str) -> date | None:
    return date.fromisoformat(text) if text else None


@cache
def _sessions() -> dict[str, Session]:
    sessions = {}
    for line in (HERE / "sessions.tsv").read_text(encoding="utf-8").splitlines():
        if line and line[0] != "#":
            code, kind, opening, basis, closing, first, last = line.split("\t")
            sessions[code] = Session(code, kind, _day(opening), basis == "documented", _day(closing), _day(first), _day(last))
    return sessions


@cache
def _titles() -> dict[str, str]:
    import gzip  # only the editor's hover reads titles

    data = gzip.decompress((HERE / "titles.tsv.gz").read_bytes()).decode("utf-8")
    return dict(line.split("\t", 1) for line in data.splitlines() if line)
