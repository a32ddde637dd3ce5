"""What the citation rules share: the scans of a document, which citations count as the
General Assembly's, a session's time window, and how the record judges a cited date."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from ... import records
from ...document.diagnostics import Applicability, Edit, Fix
from ...document.langdata import LanguagePack
from ...facts.citations import Citation
from ...facts.dates import write_date

# Sessions before 71 open on a date inferred by rule, with known exceptions (sessions 6, 7,
# 19, 55-57): allow this much around them.
INFERRED_SLACK = timedelta(days=60)
# "its resolution n/m": the document's organ, unless the date is this far from session n.
SELF_SLACK_YEARS = 15


def assembly_session(item: Citation) -> int | None:
    """The regular session of a General Assembly resolution or decision, when the citation is
    the Assembly's: named so ("General Assembly resolution 59/50"); cited as "its resolution"
    in an Assembly text and dated within 15 years of its session (so that "through its
    resolution 54/18 of 12 October 2023, the Human Rights Council ..." is left alone); or
    cited with no organ and dated within a year of its session (another organ's "45/3 of
    6 October 2020" is not the Assembly's resolution 45/3 of 1990); or cited as "its" or with
    no organ on the day and month the Assembly adopted it, in another year (a slip in the
    year)."""
    if item.session is None or not item.session.isdigit() or item.form not in ("session", "roman"):
        return None
    number = int(item.session)
    if item.form == "session" and number < 31:
        return None  # the Assembly numbered "n/m" from its 31st session
    year = item.date.year if item.date is not None else None
    if item.body == "GA" and item.named:
        return number
    if item.body == "GA" and (year is None or abs(year - (1945 + number)) <= SELF_SLACK_YEARS):
        return number
    if item.body is None and year is not None and year in (1945 + number, 1946 + number):
        return number
    if item.body in ("GA", None) and _year_slip(item):
        return number
    return None


def _year_slip(item: Citation) -> bool:
    """The Assembly's resolution of the same number was adopted on the same day and month in
    another year: "its resolution 72/256 of 24 December 2107" is 72/256 of 24 December 2017
    with a slip in the year, not another organ's text."""
    day = item.date.value if item.date else None
    if day is None or item.kind != "resolution":
        return False
    return any((record.adopted.date.month, record.adopted.date.day) == (day.month, day.day) and record.adopted.date.year != day.year
               for number in item.numbers() for record in records.resolutions(number))


def is_assembly(item: Citation) -> bool:
    if item.body == "GA" and item.form == "special":
        return True
    return assembly_session(item) is not None


@dataclass(frozen=True)
class Window:
    """When a regular session ran: `start` and `end` as the record gives them (the end is the
    day the next session opens: its last meeting may fall on it), `slack` around them when the
    dates are inferred by rule rather than documented."""

    session: int
    start: date
    end: date
    documented: bool
    slack: timedelta

    def contains(self, day: date) -> bool:
        return self.start - self.slack <= day <= self.end + self.slack


def session_window(number: int) -> Window | None:
    """Regular session `number` from the record: documented from session 71, inferred by
    rule before."""
    this, following = records.session(str(number)), records.session(str(number + 1))
    if this is None:
        return None
    start = this.opening or (date(1946, 1, 1) if number == 1 else None)
    if start is None:
        return None
    end = following.opening if following and following.opening else this.closing
    if end is None:  # the current session: open-ended
        end = date(start.year + 1, 12, 31)
    documented = this.opening_documented and (following is None or following.opening_documented)
    return Window(number, start, end, documented, timedelta(0) if documented else INFERRED_SLACK)




# --- the record -------------------------------------------------------------------------------

@dataclass(frozen=True)
class Verdict:
    """How the record judges a cited date: `accepted`, or the record that contradicts it."""

    accepted: bool
    record: records.Record | None = None  # None: the record does not know the number

    @property
    def known(self) -> bool:
        return self.record is not None

    @property
    def firm(self) -> bool:
        """The adoption date rests on a primary source and is not flagged as suspect."""
        return self.record is not None and not self.record.citation_only and not self.record.suspect


def lookup(item: Citation) -> tuple[records.Record, ...]:
    """The records of a cited resolution or decision (several for a base with parts)."""
    if item.kind == "decision":
        if not is_assembly(item):
            return ()
        found = records.decision(item.base)
        return (found,) if found else ()
    if item.body == "SC":
        if item.form not in ("bare", "sc"):
            return ()
        found = records.sc_resolution(int(item.base.split(" ")[0]))  # by number: the year may be wrong
        return (found,) if found else ()
    if not is_assembly(item):
        return ()
    found: list[records.Record] = []
    for number in item.numbers():
        found.extend(record for record in records.resolutions(number) if record not in found)
    return tuple(found)


def verdict(item: Citation) -> Verdict:
    """The record's word on the item's date (which must be a valid date)."""
    day = item.date.value if item.date else None
    known = lookup(item)
    if day is None or not known:
        return Verdict(True, known[0] if known else None)
    if any(record.accepts(day) for record in known):
        return Verdict(True, next(record for record in known if record.accepts(day)))
    return Verdict(False, known[0])


def numbering_supports(item: Citation, cited: date, recorded: date) -> bool:
    """The Assembly numbers a session's resolutions roughly in the order of adoption: when the
    cited date falls between the dates of the resolutions numbered just before and after
    and the date other texts cite does not, the citations are the weaker evidence (75/313 "of
    29 July 2021", between 75/312 of 29 July and 75/314 of 2 August; two texts cite it "of
    20 July 2021")."""
    if item.form != "session" or item.parts or "/" not in item.base:
        return False
    session, _, number = item.base.partition("/")
    if not number.isdigit():
        return False
    before = records.resolutions(f"{session}/{int(number) - 1}")
    after = records.resolutions(f"{session}/{int(number) + 1}")
    if not before or not after:
        return False
    low, high = before[0].adopted.date, after[0].adopted.date

    def fits(day: date) -> bool:
        return low <= day <= high

    return fits(cited) and not fits(recorded)


def citation_name(item: Citation) -> str:
    word = "Decision" if item.kind == "decision" else "Resolution"
    return f"{word} {item.number}"


def contradiction(item: Citation) -> Verdict | None:
    """The record's verdict on an item's date when it contradicts the date, after the
    numbering had its word on dates known only from citations; None when nothing does."""
    if item.date is None or item.date.value is None:
        return None
    judged = verdict(item)
    if judged.accepted:
        return None
    record = judged.record
    if record.citation_only and numbering_supports(item, item.date.value, record.adopted.date):
        return None
    return judged


def date_fix(item: Citation, adopted: date, language: LanguagePack) -> Fix:
    """Write the recorded adoption date in place of the cited one."""
    written = write_date(adopted, language)
    return Fix(f"Write “{written}”", (Edit(item.date.span, written),), applicability=Applicability.UNSAFE)
