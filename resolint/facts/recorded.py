"""What the shipped record of real resolutions (resolint/records/) says about the document's
citations: which cited numbers are the General Assembly's, and the records of each cited
resolution or decision. Facts.assembly_sessions and Facts.records_for_citations hold them
per document, so that the rules and the hover read the same answer and never ask the record
themselves."""
from __future__ import annotations

from .. import records
from .citations import Citation

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


def records_of(item: Citation, session: int | None) -> tuple[records.Record, ...]:
    """The records of a cited resolution or decision (several for a base with parts), given
    its Assembly session (`assembly_session`); empty when the record does not know it."""
    assembly = session is not None or (item.body == "GA" and item.form == "special")
    if item.kind == "decision":
        found = records.decision(item.base) if assembly else None
        return (found,) if found else ()
    if item.body == "SC":
        if item.form not in ("bare", "sc"):
            return ()
        found = records.sc_resolution(int(item.base.split(" ")[0]))  # by number: the year may be wrong
        return (found,) if found else ()
    if not assembly:
        return ()
    known: list[records.Record] = []
    for number in item.numbers():
        known.extend(record for record in records.resolutions(number) if record not in known)
    return tuple(known)
