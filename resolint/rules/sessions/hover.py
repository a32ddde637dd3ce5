"""Hover: what a session name means — on the session line and wherever running text names a
session by its ordinal.

"Seventy-fifth session" → the 75th regular session of the General Assembly, September 2020 –
September 2021. A regular session opens in September of 1945 + n and runs until the next one
opens (rules of procedure, rule 1; facts §4.2); the first met from January 1946. Special and
emergency special sessions are not tied to years. Running text also names the sessions of
other bodies ("the Human Rights Council at its fifty-second session"): the explanation is
definite only where the text shows that the session is the Assembly's.
"""
from __future__ import annotations

from collections.abc import Iterator

from ...document.hover import HoverItem
from ...document.langdata import pack
from ...facts import Facts
from ...facts.sessions import (
    Mention,
    in_provisional_agenda,
    names_assembly,
    words_for,
)
from ...records.keys import int_to_roman
from .meeting_ordinal import suffixes

FIRST_SESSION = "January 1946 – September 1947"  # London, then New York (facts §4.2, S43)
KINDS = {"": "regular", "S": "special", "ES": "emergency"}


def session_hovers(facts: Facts) -> Iterator[HoverItem]:
    doc, language = facts.doc, facts.language
    words = words_for(language.code)
    _, line = facts.current_session
    for mention in facts.session_mentions:
        if not mention.certain:
            continue  # a misspelling as near to two ordinals: SS001 asks which
        assembly = (
            mention.phrase == line
            or names_assembly(doc.text, mention, words)
            or (doc.body in ("GA", None) and in_provisional_agenda(doc.text, mention, words))
        )
        yield HoverItem(mention.phrase, explain(mention, assembly, language.code))


def explain(mention: Mention, assembly: bool, code: str = "en") -> str:
    """Markdown for one session name, written in language `code`."""
    n = mention.number
    nth = f"{n}{suffixes('en').allowed(n)[0]}"
    kind = _name("en", mention.kind)
    title = f"**{mention.correct[:1].upper()}{mention.correct[1:]} {_name(code, mention.kind)}**"
    if mention.kind == "S":
        facts = f"resolutions {f'S-{n}/…' if n >= 8 else f'… (S-{int_to_roman(n)})'}"
    elif mention.kind == "ES":
        facts = (f"resolutions {f'ES-{n}/…' if n >= 8 else f'… (ES-{int_to_roman(n)})'}; an emergency special session "
                 "may be resumed over years, so its number does not date it")
    else:
        dates = FIRST_SESSION if n == 1 else f"September {1945 + n} – September {1946 + n}"
        numbers = f"resolutions {n}/…, documents A/{n}/…" if n >= 31 else f"resolutions … ({int_to_roman(n)})"
        facts = f"{dates}; {numbers}"
    regular = " regular" if not mention.kind else ""
    if assembly:
        what = f"the {nth}{regular} {kind} of the General Assembly: {facts}."
    else:
        what = f"the {nth} {kind} of the body named here. If it is the General Assembly's: {facts}."
    # The name in the two other languages (the title gives it in the document's own).
    others = " · ".join(f"{label}: {_ordinal(language, n)} {_name(language, mention.kind)}"
                        for language, label in (("en", "English"), ("fr", "French"), ("es", "Spanish")) if language != code)
    return f"{title} — {what}\n\n{others}"


def _ordinal(code: str, number: int) -> str:
    table = pack(code).topic("ordinals").get("sessions", [])
    return table[number - 1] if number <= len(table) else str(number)


def _name(code: str, kind: str) -> str:
    names = pack(code).topic("ordinals").get("session_phrase", {}).get("names", {})
    return names.get(KINDS[kind], "session")
