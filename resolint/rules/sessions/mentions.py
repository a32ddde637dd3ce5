"""Where a text names a session by its ordinal: "Seventy-fifth session", "at its eighty-first
session", "décimo período extraordinario de sesiones de emergencia", "soixante et onzième
session" — what the session rules and the hover share.

The finder looks for the session noun of the language (`[session_phrase]` in
rules/data/<lang>/ordinals.toml), then reads the words just before it and compares them with
the ordinal table by a *key* that ignores case, accents, hyphens and spaces (and "et", "and";
Spanish reads "primero"/"tercero" as "primer"/"tercer"). So a misspelt ordinal
("Seventy Fifth", "soixante-et-onzième", "septuagésimo primero") is still recognised, and the
rules can tell it from the UN form. Words that match no ordinal are not a session name.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from ...linter.langdata import LanguagePack
from ...linter.model import Document
from ...linter.per_document import per_document
from ...linter.span import Span

_SEPARATOR = frozenset(" \t\u00a0-\u2010\u2011\n")
WINDOW = 80  # characters read before an ordinal for the words that show whose session it is


@dataclass(frozen=True, slots=True)
class Mention:
    ordinal: Span  # the ordinal words as written
    phrase: Span  # from the ordinal to the end of the session noun phrase
    number: int
    kind: str  # "" for a regular session, "S" special, "ES" emergency special
    written: str
    correct: str  # the UN spelling in the case style of `written`

    @property
    def session(self) -> str:
        """"75", "S-30", "ES-10" — as in resolution numbers and document symbols."""
        return f"{self.kind}-{self.number}" if self.kind else str(self.number)

    @property
    def well_spelt(self) -> bool:
        return self.written == self.correct


class SessionWords:
    """One language's session vocabulary, compiled once."""

    def __init__(self, language: LanguagePack) -> None:
        data = language.topic("ordinals")
        phrase = data.get("session_phrase", {})
        self.table: list[str] = data.get("sessions", [])
        self.noun = re.compile(phrase.get("noun", r"[Ss]essions?\b"))
        self.hints: list[str] = phrase.get("hints", ["ession"])
        self.after = re.compile(phrase["after"]) if phrase.get("after") else None
        self.emergency_before = [w.lower() for w in phrase.get("emergency_before", [])]
        self.special_before = [w.lower() for w in phrase.get("special_before", [])]
        self.ignored = frozenset(phrase.get("ignored_words", []))
        self.apocope: dict[str, str] = data.get("apocope", {})
        self.assembly_before = _optional(phrase.get("assembly_before"))
        self.assembly_after = _optional(phrase.get("assembly_after"))
        self.agenda_before = _optional(phrase.get("agenda_before"))
        self.decides = _optional(phrase.get("decides"))
        before = "|".join(map(re.escape, phrase.get("current_before", [])))
        after = "|".join(map(re.escape, phrase.get("current_after", [])))
        self.current_before = re.compile(rf"(?i)\b(?:{before}),?\s+\Z") if before else None
        self.current_after = re.compile(rf"(?i)(?<![\s,]),?\s+(?:{after})\b") if after else None
        self.lookup: dict[str, int] = {}
        names = [*((name, n) for n, name in enumerate(self.table, start=1)), *data.get("session_variants", {}).items()]
        for name, number in names:
            self.lookup.setdefault(self.key(re.split(r"[- ]", name)), number)
        # A misspelling may split a word in two ("décimo tercer"): one word more than any name.
        self.max_words = 1 + max((len(re.split(r"[- ]", name)) for name, _ in names), default=1)
        # The last word of every name: words that can end no ordinal are rejected at once.
        self.last_words = {self.key([re.split(r"[- ]", name)[-1]]) for name, _ in names}

    def may_end_ordinal(self, word: str) -> bool:
        """Can `word` be the last word of an ordinal (or end with one: "vigesimoprimer")?"""
        key = self.key([word])
        return any(key[index:] in self.last_words for index in range(len(key)))

    def key(self, words: list[str]) -> str:
        """What spellings of one ordinal share: lower case, no accents, no blanks or hyphens,
        no ignored words, short forms for long ones ("decimotercero" -> "decimotercer")."""
        kept = [self._short(word.lower()) for word in words if word.lower() not in self.ignored]
        return _strip_accents("".join(kept))

    def _short(self, word: str) -> str:
        for long, short in self.apocope.items():
            if word.endswith(long):
                return word[: -len(long)] + short
        return word

    def correct(self, number: int, written: str) -> str:
        """The UN form of ordinal `number`, capitalised or in capitals as `written` is."""
        right = self.table[number - 1]
        if written.isupper() and len(written) > 1:
            # Capitals may drop their accents ("TRIGESIMO QUINTO"): an old typewriter habit.
            return written if _strip_accents(written) == _strip_accents(right.upper()) else right.upper()
        if written[:1].isupper():
            return right[:1].upper() + right[1:]
        return right


def _optional(pattern: str | None) -> re.Pattern | None:
    return re.compile(pattern) if pattern else None


def _strip_accents(text: str) -> str:
    if text.isascii():
        return text
    return unicodedata.normalize("NFD", text).encode("ascii", "ignore").decode("ascii")


@cache
def words_for(code: str) -> SessionWords:
    from ...linter.langdata import pack

    return SessionWords(pack(code))


@per_document
def mentions(doc: Document, language: LanguagePack) -> tuple[Mention, ...]:
    """Every session named by an ordinal in `doc`, in text order (once per document)."""
    return tuple(_find(doc.text, words_for(language.code)))


def _find(text: str, words: SessionWords):
    for match in find_words(text, words.hints, words.noun):
        kind = ""
        phrase_end = match.end()
        if words.after is not None:
            after = words.after.match(text, match.end())
            if after is None:
                continue
            if after.group("special") is not None and after.end("special") > after.start("special"):
                kind = "S"
            if "emergency" in after.groupdict() and after.group("emergency"):
                kind = "ES"
            phrase_end = after.end()
        end = match.start()
        while end > max(0, match.start() - 3) and text[end - 1] in " \t\u00a0,":
            end -= 1
        end, kind = _special_words(text, end, kind, words)
        runs = _runs_before(text, end, words.max_words)
        if not runs or not words.may_end_ordinal(text[runs[-1][0] : runs[-1][1]]):
            continue
        found = _match_ordinal(text, runs, words)
        if found is None:
            continue
        start, stop, number = found
        written = text[start:stop]
        yield Mention(Span(start, stop), Span(start, phrase_end), number, kind, written, words.correct(number, written))


def find_words(text: str, hints: list[str], word: re.Pattern) -> list[re.Match]:
    """The words of `text` that `word` matches from their first letter, found by scanning for
    literal `hints` (a regex that starts with a character class scans ten times slower)."""
    starts: set[int] = set()
    for hint in hints:
        at = text.find(hint)
        while at >= 0:
            start = at
            while start > 0 and text[start - 1].isalpha():
                start -= 1
            starts.add(start)
            at = text.find(hint, at + len(hint))
    found = (word.match(text, start) for start in sorted(starts))
    return [match for match in found if match is not None]


def _special_words(text: str, end: int, kind: str, words: SessionWords) -> tuple[int, str]:
    """English puts "special" / "emergency special" between the ordinal and "session"."""
    tail = text[max(0, end - 24) : end].lower()
    for phrase, code in [*((p, "ES") for p in words.emergency_before), *((p, "S") for p in words.special_before)]:
        if tail.endswith(phrase) and (len(tail) == len(phrase) or not tail[-len(phrase) - 1].isalpha()):
            end -= len(phrase)
            while end > 0 and text[end - 1] in " \t\u00a0":
                end -= 1
            return end, code
    return end, kind


def _runs_before(text: str, end: int, limit: int) -> list[tuple[int, int]]:
    """The words that end at `end`, joined by blanks or hyphens only (at most `limit`)."""
    runs: list[tuple[int, int]] = []
    position = end
    while len(runs) < limit:
        stop = position
        while position > 0 and text[position - 1].isalpha():
            position -= 1
        if position == stop:
            break
        runs.append((position, stop))
        separator_end = position
        while position > 0 and text[position - 1] in _SEPARATOR and separator_end - position < 3:
            position -= 1
        separator = text[position:separator_end]
        if not separator or separator.count("\n") > 1 or position == 0 or not text[position - 1].isalpha():
            break
    runs.reverse()
    return runs


def _match_ordinal(text: str, runs: list[tuple[int, int]], words: SessionWords) -> tuple[int, int, int] | None:
    """The longest run of final words that spells an ordinal: (start, end, number)."""
    for count in range(len(runs), 0, -1):
        chosen = runs[-count:]
        first = text[chosen[0][0] : chosen[0][1]].lower()
        if first in words.ignored:
            continue
        number = words.lookup.get(words.key([text[s:e] for s, e in chosen]))
        if number is not None:
            return chosen[0][0], chosen[-1][1], number
    return None


def current_session(doc: Document, language: LanguagePack) -> tuple[str | None, Span | None]:
    """The session the document belongs to, and where its session line names it: the session
    line first, else the resolution number ("75/276")."""
    for line in doc.header:
        if line.kind == "session":
            for mention in mentions(doc, language):
                if line.span.start <= mention.ordinal.start < line.span.end:
                    return mention.session, mention.phrase
    number = doc.meta.number or ""
    found = re.match(r"((?:E?S-)?\d{1,3})/\d", number)
    if found and not re.match(r"\d{4}/", number):
        return found.group(1), None
    return None, None


def names_assembly(text: str, mention: Mention, words: SessionWords) -> bool:
    """Does the text name the General Assembly just before the ordinal ("the General Assembly
    at its eighty-first session", "Official Records of the General Assembly, Seventy-eighth
    Session") or just after it ("the tenth special session of the General Assembly")?"""
    after = words.assembly_after
    return _ends_with(words.assembly_before, text, mention) or (
        after is not None and after.match(text, mention.phrase.end) is not None
    )


def in_provisional_agenda(text: str, mention: Mention, words: SessionWords) -> bool:
    """"… in the provisional agenda of its eighty-first session": the speaking organ's."""
    return _ends_with(words.agenda_before, text, mention)


def decided_for_agenda(text: str, mention: Mention, words: SessionWords) -> bool:
    """"… decides to include in the provisional agenda of its eighty-first session …": the
    present-tense decision verb in the same clause, not a recalled earlier decision."""
    if words.decides is None or not in_provisional_agenda(text, mention, words):
        return False
    start = max(0, mention.ordinal.start - 2 * WINDOW)
    verbs = list(words.decides.finditer(text, start, mention.ordinal.start))
    return bool(verbs) and not any(mark in text[verbs[-1].end() : mention.ordinal.start] for mark in ".;:")


def _ends_with(pattern: re.Pattern | None, text: str, mention: Mention) -> bool:
    return pattern is not None and pattern.search(text, max(0, mention.ordinal.start - WINDOW), mention.ordinal.start) is not None
