"""Hover material for symbols and citations: what a document symbol means component by
component, and for a cited resolution or decision its organ, session and — when the record
knows it — its adoption date, title and source."""
from __future__ import annotations

from collections.abc import Iterator

from ... import records
from ...document.hover import HoverItem
from ...document.langdata import organ_name, pack
from ...facts import Facts
from ...facts.citations import Citation
from ...facts.dates import english_date
from ...grammar.symbols import describe, resolution_number

UNKNOWN = ("not in the record resolint ships (it lacks most General Assembly resolutions adopted "
           "without a vote before session 78, and all ECOSOC resolutions): unknown, not wrong")


def hover(facts: Facts) -> Iterator[HoverItem]:
    for found in facts.symbols:
        yield HoverItem(found.extent, _symbol(found))
    for _, item in facts.cited:
        span = item.span if item.date is None else type(item.span)(item.span.start, item.date.span.end)
        yield HoverItem(span, _citation(item, facts))


def _symbol(found) -> str:
    parsed = found.parsed
    if not parsed.ok:
        text = f"**{parsed.text}** — not a well-formed document symbol: {parsed.error}"
        return text + (f" (perhaps **{parsed.suggestion}**)" if parsed.suggestion else "")
    lines = [f"**{parsed.text}** — United Nations document symbol", ""]
    lines += [f"- {line}" for line in describe(parsed)]
    if found.addenda:
        lines.append(f"- and its addenda {found.addenda}")
    cited = resolution_number(parsed, found.suffix)
    if cited:
        body, number = cited
        known = records.resolutions(number)
        lines += ["", _record_lines(known, "resolution", organ_name(body, article=False), number)]
    return "\n".join(lines)


def _citation(item: Citation, facts: Facts) -> str:
    word = "decision" if item.kind == "decision" else "resolution"
    organ = organ_name(item.body, article=False) or ""
    if item.body == "OTHER":
        return f"**{word} {item.number}** — of another organ than the General Assembly, the Security Council or ECOSOC (not checked against the record)"
    session = facts.assembly_sessions[item]
    if item.body is None and session is None:
        text = f"**{word} {item.number}** — the organ is not named"
        if item.date is None and item.form == "session" and item.session and int(item.session) >= 31:
            known = records.resolutions(item.number) if item.kind == "resolution" else ()
            return text + "; if it is the General Assembly's:\n\n" + _record_lines(known, word, "General Assembly", item.number)
        return text + "; not checked against the record"
    title = f"**{organ + ' ' if organ else ''}{word} {item.number}**"
    lines = [title, ""]
    if session is not None:
        lines.append(f"- {_session_words(session)}{_window(session)}")
    elif item.session and item.form == "special":
        lines.append(f"- {'emergency special' if item.session.startswith('ES') else 'special'} session {item.session.split('-')[1]}")
    if item.paren_year:
        lines.append(f"- adopted in {item.paren_year}")
    if item.year_part:
        lines.append(f"- of the Council's {item.year_part} session")
    if item.parts:
        lines.append(f"- part{'s' if len(item.parts) > 1 else ''} {', '.join(item.parts)}")
    if item.body in ("GA", "SC") or session is not None:
        lines += ["", _record_lines(facts.records_for_citations[item], item.kind, organ or "General Assembly", item.number)]
    elif item.body in ("ECOSOC", "HRC"):
        lines += ["", f"{organ} {word}s are not in the record resolint ships: not checked."]
    return "\n".join(lines)


def _record_lines(known: tuple[records.Record, ...], kind: str, organ: str, number: str) -> str:
    if not known:
        return f"{organ} {kind} {number}: {UNKNOWN}."
    lines = []
    for record in known:
        adopted = record.adopted
        text = f"**{record.number}** adopted on {english_date(adopted.date)} ({_evidence(adopted)})"
        others = [f"{english_date(e.date)} ({_evidence(e)})" for e in record.dates[1:]]
        if others:
            text += "; other dates on record: " + "; ".join(others)
        if record.suspect:
            text += "; the data set flags this date as suspect"
        title = records.title(record.kind, record.number)
        if title:
            text += f"  \n*{title}*"
        lines.append(text)
    return "\n\n".join(lines)


def _evidence(evidence: records.Evidence) -> str:
    text = evidence.describe()
    return f"{text}; cited so in {evidence.cited_in} documents" if evidence.cited_in > 1 else text


def _session_words(session: int) -> str:
    names = pack("en").topic("ordinals").get("sessions", [])
    ordinal = names[session - 1] if 0 < session <= len(names) else str(session)
    return f"General Assembly, {ordinal} session"


def _window(session: int) -> str:
    window = records.session(str(session))
    if window is None or window.opening is None:
        return ""
    following = records.session(str(session + 1))
    end = following.opening.year if following and following.opening else window.opening.year + 1
    return f" ({window.opening.year}–{end})"
