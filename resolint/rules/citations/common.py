"""What the citation rules share: a session's time window, how the record judges a cited
date (the records of each citation are a fact: Facts.records_for_citations), the fix that
writes the recorded date."""
from __future__ import annotations

from datetime import date, timedelta

from ... import records
from ...document.diagnostics import Applicability, Edit, Fix
from ...document.frozen import frozen
from ...document.langdata import LanguagePack
from ...facts.citations import Citation
from ...facts.dates import write_date

# Sessions before 71 open on a date inferred by rule, with known exceptions (sessions 6, 7,
# 19, 55-57): allow this much around them.
INFERRED_SLACK = timedelta(days=60)


@frozen
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

@frozen
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


def verdict(item: Citation, known: tuple[records.Record, ...]) -> Verdict:
    """The record's word on the item's date (which must be a valid date), given the item's
    records (Facts.records_for_citations)."""
    day = item.date.value if item.date else None
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


def contradiction(item: Citation, known: tuple[records.Record, ...]) -> Verdict | None:
    """The record's verdict on an item's date when it contradicts the date, after the
    numbering had its word on dates known only from citations; None when nothing does."""
    if item.date is None or item.date.value is None:
        return None
    judged = verdict(item, known)
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
