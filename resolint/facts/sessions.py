"""Where a text names a session by its ordinal: "Seventy-fifth session", "at its eighty-first
session", "décimo período extraordinario de sesiones de emergencia", "soixante et onzième
session" — what the session rules and the hover share.

The finder looks for the session noun of the language (`[session_phrase]` in
rules/data/<lang>/ordinals.toml), then reads the words just before it and compares them with
the ordinal table by a *key* that ignores case, accents, hyphens and spaces (and "et", "and";
Spanish reads "primero"/"tercero" as "primer"/"tercer"). So a misspelt ordinal
("Seventy Fifth", "soixante-et-onzième", "septuagésimo primero") is still recognised, and the
rules can tell it from the UN form.

A key that matches no ordinal may still be a misspelling of one ("Seventy-nineth",
"Eightyeth", "septuagésimo octvo"): it is read as the ordinal whose key is one letter away
(two for keys of ten letters or more: an insertion, a deletion, a substitution or two
letters swapped), provided its last word ends as the language's ordinals end ("-th",
"-ième", "-vo") and every word before it is, give or take a letter, one that starts
ordinals ("seventy", "soixante", "septuagésimo"). Cardinals ("eight sessions") and words
like "its", "la" or "next" stay out. When two ordinals are as near ("Seventy-nixth": ninth
or sixth?), the mention keeps both and the session is not known.
"""
from __future__ import annotations

import re
import unicodedata
from functools import cache
from typing import Literal

from ..document.frozen import frozen
from ..document.langdata import LanguagePack
from ..document.model import Document
from ..document.span import Span
from ..document.stretches import Stretches

_SEPARATOR = frozenset(" \t\u00a0-\u2010\u2011\n")
_HYPHENS = frozenset("-\u2010\u2011")
WINDOW = 80  # characters read before an ordinal for the words that show whose session it is


@frozen
class Mention:
    ordinal: Span  # the ordinal words as written
    phrase: Span  # from the ordinal to the end of the session noun phrase
    number: int
    kind: Literal["", "S", "ES"]  # a regular session, special, emergency special
    written: str
    correct: str  # the UN spelling in the case style of `written`
    noun: Span | None = None  # the session noun as written ("período", "session")
    noun_correct: str = ""  # the UN spelling of that noun ("período" for "periodo")
    alternatives: tuple[int, ...] = ()  # for a misspelling as near to other ordinals: all of them
    malformed: bool = False  # words joined into a compound that is no ordinal: number 0, no session

    @property
    def session(self) -> str:
        """"75", "S-30", "ES-10" — as in resolution numbers and document symbols."""
        return f"{self.kind}-{self.number}" if self.kind else str(self.number)

    @property
    def well_spelt(self) -> bool:
        return self.written == self.correct

    @property
    def certain(self) -> bool:
        """Is the session known (not a misspelling as near to two ordinals, nor a malformed
        compound)?"""
        return not self.malformed and len(self.alternatives) <= 1


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
        self.noun_spellings: dict[str, str] = phrase.get("noun_spellings", {})
        self._keys: dict[str, str] = {}
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
        # For misspellings: how ordinals end ("th", "me", "vo") and the words that start them.
        self.endings = {word[-2:] for word in self.last_words}
        self.leading = {self.key([word]) for name, _ in names for word in re.split(r"[- ]", name)[:-1]} - {""}
        self._near: dict[str, tuple[int, tuple[int, ...]] | None] = {}

    def may_end_ordinal(self, word: str) -> bool:
        """Can `word` be the last word of an ordinal (or end with one: "vigesimoprimer")?"""
        key = self.key([word])
        return any(key[index:] in self.last_words for index in range(len(key)))

    def key(self, words: list[str]) -> str:
        """What spellings of one ordinal share: lower case, no accents, no blanks or hyphens,
        no ignored words, short forms for long ones ("decimotercero" -> "decimotercer")."""
        return "".join([self._word_key(word) for word in words])

    def _word_key(self, word: str) -> str:
        """One word's part of a key (accents go word by word as well as all at once) —
        remembered: the same few words stand before every "session"."""
        key = self._keys.get(word)
        if key is None:
            if len(self._keys) > 4096:
                self._keys.clear()  # a long-running server reads many texts
            lower = word.lower()
            key = self._keys[word] = "" if lower in self.ignored else _strip_accents(self._short(lower))
        return key

    def _short(self, word: str) -> str:
        for long, short in self.apocope.items():
            if word.endswith(long):
                return word[: -len(long)] + short
        return word

    def near(self, key: str) -> tuple[int, tuple[int, ...]] | None:
        """(distance, sessions) of the ordinals nearest to `key`, a misspelling of none of
        them, if they are near enough to be what was meant; remembered per key."""
        if key not in self._near:
            if len(self._near) > 4096:
                self._near.clear()  # a long-running server reads many texts
            self._near[key] = self._nearest(key)
        return self._near[key]

    def _nearest(self, key: str) -> tuple[int, tuple[int, ...]] | None:
        limit = _limit(key)
        if not limit:
            return None
        found: dict[int, set[int]] = {}
        for name, number in self.lookup.items():
            if abs(len(name) - len(key)) <= limit:
                distance = _distance(key, name, limit)
                if distance <= limit:
                    found.setdefault(distance, set()).add(number)
        if not found:
            return None
        best = min(found)
        return best, tuple(sorted(found[best]))

    def may_start_ordinal(self, word: str) -> bool:
        """Is `word`, give or take a letter, a word that starts ordinals ("seventy", "vingt")?"""
        key = self.key([word])
        if not key or key in self.leading:
            return bool(key) or word.lower() in self.ignored
        if key in self.lookup:
            return False  # an ordinal of its own: "seventh and eighth" is not "seventy-eighth"
        return len(key) >= 4 and any(abs(len(key) - len(w)) <= 1 and _distance(key, w, 1) <= 1 for w in self.leading)

    def noun_form(self, written: str) -> str:
        """The UN spelling of the session noun as written ("periodo" -> "período")."""
        right = self.noun_spellings.get(written.lower())
        if right is None or written.isupper():
            return written  # capitals may drop their accents, as for ordinals
        return right[:1].upper() + right[1:] if written[:1].isupper() else right

    def correct(self, number: int, written: str) -> str:
        """The UN form of ordinal `number`, capitalised or in capitals as `written` is."""
        right = self.table[number - 1]
        if written.isupper() and len(written) > 1:
            # Capitals may drop their accents ("TRIGESIMO QUINTO"): an old typewriter habit.
            return written if _strip_accents(written) == _strip_accents(right.upper()) else right.upper()
        if written[:1].isupper():
            return right[:1].upper() + right[1:]
        return right


def _limit(key: str) -> int:
    """How many letters a misspelling of an ordinal may differ by: none for short words (a
    four-letter word is one letter from too many others)."""
    return 0 if len(key) < 5 else 1 if len(key) < 10 else 2


def _distance(a: str, b: str, limit: int) -> int:
    """Edits (insert, delete, substitute, swap two neighbours) from `a` to `b`; any number
    above `limit` is returned as limit + 1."""
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return min(previous[-1], limit + 1)


def _optional(pattern: str | None) -> re.Pattern | None:
    return re.compile(pattern) if pattern else None


def _strip_accents(text: str) -> str:
    if text.isascii():
        return text
    return unicodedata.normalize("NFD", text).encode("ascii", "ignore").decode("ascii")


@cache
def words_for(code: str) -> SessionWords:
    from ..document.langdata import pack

    return SessionWords(pack(code))


def mentions(doc: Document, language: LanguagePack) -> tuple[Mention, ...]:
    """Every session named by an ordinal in `doc`, in text order (Facts.session_mentions)."""
    return mentions_in(doc.text, language)


def mentions_in(text: str, language: LanguagePack, begin: int = 0, end: int | None = None) -> tuple[Mention, ...]:
    """The mentions whose session noun starts in text[begin:end], each read within its
    stretch of text (document/stretches.py): a mention reads nothing across an empty line."""
    words, stretches = words_for(language.code), Stretches(text)
    return tuple(_read(text, words, find_words(text, words.hints, words.noun, begin, end, stretches), stretches))


def _read(text: str, words: SessionWords, nouns: list[re.Match], stretches: Stretches):
    """The mention each session noun ends, if any."""
    for match in nouns:
        floor, ceiling = stretches.around(match.start())
        kind = ""
        phrase_end = match.end()
        if words.after is not None:
            after = words.after.match(text, match.end(), ceiling)
            if after is None:
                continue
            if after.group("special") is not None and after.end("special") > after.start("special"):
                kind = "S"
            if "emergency" in after.groupdict() and after.group("emergency"):
                kind = "ES"
            phrase_end = after.end()
        end = match.start()
        while end > max(floor, match.start() - 3) and text[end - 1] in " \t\u00a0,":
            end -= 1
        end, kind = _special_words(text, end, kind, words, floor)
        runs = _runs_before(text, end, words.max_words, floor)
        if not runs:
            continue
        found = _match_ordinal(text, runs, words) if words.may_end_ordinal(text[runs[-1][0] : runs[-1][1]]) else None
        found = _match_misspelt(text, runs, words, found)
        if found is None:
            continue
        start, stop, numbers = found
        noun = text[match.start() : match.end()]
        compound = _compound_start(text, start, words, floor)
        if compound < start:
            written = text[compound:stop]
            yield Mention(Span(compound, stop), Span(compound, phrase_end), 0, kind, written, written,
                          Span(match.start(), match.end()), words.noun_form(noun), malformed=True)
            continue
        written = text[start:stop]
        yield Mention(Span(start, stop), Span(start, phrase_end), numbers[0], kind, written,
                      words.correct(numbers[0], written), Span(match.start(), match.end()), words.noun_form(noun),
                      numbers if len(numbers) > 1 else ())


def find_words(text: str, hints: list[str], word: re.Pattern, begin: int = 0, end: int | None = None,
               stretches: Stretches | None = None) -> list[re.Match]:
    """The words of text[begin:end] that `word` matches from their first letter, found by
    scanning for literal `hints` (a regex that starts with a character class scans ten
    times slower); each matched within its stretch of text."""
    end = len(text) if end is None else end
    starts: set[int] = set()
    for hint in hints:
        at = text.find(hint, begin, end)
        while at >= 0:
            start = at
            while start > begin and text[start - 1].isalpha():
                start -= 1
            starts.add(start)
            at = text.find(hint, at + len(hint), end)
    stretches = stretches or Stretches(text)
    found = (word.match(text, start, stretches.around(start)[1]) for start in sorted(starts))
    return [match for match in found if match is not None]


def _special_words(text: str, end: int, kind: str, words: SessionWords, floor: int) -> tuple[int, str]:
    """English puts "special" / "emergency special" between the ordinal and "session"."""
    tail = text[max(floor, end - 24) : end].lower()
    for phrase, code in [*((p, "ES") for p in words.emergency_before), *((p, "S") for p in words.special_before)]:
        if tail.endswith(phrase) and (len(tail) == len(phrase) or not tail[-len(phrase) - 1].isalpha()):
            end -= len(phrase)
            while end > floor and text[end - 1] in " \t\u00a0":
                end -= 1
            return end, code
    return end, kind


def _runs_before(text: str, end: int, limit: int, floor: int = 0) -> list[tuple[int, int]]:
    """The words that end at `end`, joined by blanks or hyphens only (at most `limit`), from
    `floor` on."""
    runs: list[tuple[int, int]] = []
    position = end
    while len(runs) < limit:
        stop = position
        while position > floor and text[position - 1].isalpha():
            position -= 1
        if position == stop:
            break
        runs.append((position, stop))
        separator_end = position
        while position > floor and text[position - 1] in _SEPARATOR and separator_end - position < 3:
            position -= 1
        separator = text[position:separator_end]
        if not separator or separator.count("\n") > 1 or position == floor or not text[position - 1].isalpha():
            break
    runs.reverse()
    return runs


def _compound_start(text: str, start: int, words: SessionWords, floor: int) -> int:
    """Where the compound that ends with the ordinal read at `start` begins: the words joined
    to it by a hyphen ("soixante-vingtième", "vingtième-troisième"), or by a blank when they
    start ordinals or are ordinals ("sexagésimo septuagésimo quinto"). The ordinal was read as
    the longest run that forms one, so a compound that reaches further forms none; `start`
    when nothing is joined."""
    position = start
    while position > floor and text[position - 1] in _SEPARATOR and start - position < 2 and text[position - 1] != "\n":
        position -= 1
    run = _runs_before(text, position, 1, floor) if position < start else []
    if not run:
        return start
    word = text[run[0][0] : run[0][1]]
    key = words.key([word])
    if not key or not (_HYPHENS & set(text[position:start]) or key in words.leading or key in words.lookup):
        return start
    return _compound_start(text, run[0][0], words, floor)


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


def _match_misspelt(text: str, runs: list[tuple[int, int]], words: SessionWords,
                    exact: tuple[int, int, int] | None) -> tuple[int, int, tuple[int, ...]] | None:
    """The nearest ordinal to the final words, when they are no ordinal as written or the
    exact match is only the end of a misspelt compound ("Sevnty-ninth"): (start, end,
    sessions). The nearest wins, and of two as near the one of more words."""
    last = text[runs[-1][0] : runs[-1][1]]
    best: tuple[int, int, tuple[int, int, tuple[int, ...]]] | None = None
    if words.key([last])[-2:] in words.endings:
        longest = len(runs)
        for count in range(1, longest + 1):
            chosen = runs[-count:]
            if exact is not None and chosen[0][0] >= exact[0]:
                continue  # no longer than the exact match: the exact match stands
            if not all(words.may_start_ordinal(text[s:e]) for s, e in chosen[:-1]):
                break
            if text[chosen[0][0] : chosen[0][1]].lower() in words.ignored:
                continue
            near = words.near(words.key([text[s:e] for s, e in chosen]))
            if near is not None and (best is None or near[0] <= best[0]):
                best = (near[0], count, (chosen[0][0], chosen[-1][1], near[1]))
    if best is not None:
        return best[2]
    return None if exact is None else (exact[0], exact[1], (exact[2],))


def current_session(doc: Document, found: tuple[Mention, ...]) -> tuple[str | None, Span | None]:
    """The session the document belongs to, and where its session line names it: the session
    line first, else the resolution number ("75/276")."""
    line = session_line(doc, found)
    if line is not None:
        return line.session, line.phrase
    number = doc.meta.number or ""
    found = re.match(r"((?:E?S-)?\d{1,3})/\d", number)
    if found and not re.match(r"\d{4}/", number):
        return found.group(1), None
    return None, None


def session_line(doc: Document, found: tuple[Mention, ...]) -> Mention | None:
    """The session name of the session line: the header line the parser calls one, or — when
    a misspelling kept the parser from knowing it ("Septuagésimo octavo periodo de
    sesiones", "Seventy nineth session") — a heading line before the resolution number that
    is a session name and nothing else. A misspelling as near to two ordinals names no
    session. `found` are the document's mentions."""
    for line in doc.header:
        if line.kind == "number_title":
            break
        start, end = line.span.start, line.span.end
        while start < end and doc.text[start] in "*_ \t":
            start += 1
        while end > start and doc.text[end - 1] in "*_ \t":
            end -= 1
        for mention in found:
            whole = mention.ordinal.start == start and mention.phrase.end == end
            if (whole or line.kind == "session") and start <= mention.ordinal.start < end:
                return mention if mention.certain else None
    return None


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
