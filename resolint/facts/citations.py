"""Citations of resolutions and decisions in running text, in each language's form.

    find_citations(doc, language, dates) -> (CitationList, ...)

A list starts at a citation word ("resolution", "resoluciones", "décision" ...) and takes the
numbers that follow, each with its date if any, joined by commas and the language's "and":

    its resolutions 64/256 of 2 March 2010, 65/122 of 13 December 2010 and 73/331 of ...
    sus resoluciones 64/256, de 2 de marzo de 2010, ..., y 73/331, de 25 de julio de 2019
    Security Council resolution 1631 (2005) of 17 October 2005
    resolutions 1514 (XV) of 14 December 1960, 217 A (III), S-30/1, 2009/28, decision 74/555

A list may go on after an item's description ("..., entitled “…”, and 77/318 of 25 July
2023"): such items are taken only when a date follows them, so that nothing else is read as
a citation. Who adopted the cited text (its *body*) comes from the words before the citation
word ("its", "General Assembly", "Human Rights Council" ...) or after the number ("del Consejo
de Seguridad"), and from the number's form: "1631 (2005)" is the Security Council's,
"2009/28" the Economic and Social Council's. The scan is linear: one pass over the citation
words, bounded look-ahead from each.
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import Literal

from ..document.frozen import frozen
from ..document.langdata import LanguagePack
from ..document.model import Document
from ..document.span import Span
from ..document.stretches import Stretches
from ..records.keys import roman_to_int
from .dates import TextDate

# The document's dates by where each starts (Facts.dates_by_start): a number's date is the one
# that starts right after its connector.
Dates = Mapping[int, TextDate]

# Number forms: "59/50", "S-30/1", "2009/28", "1631 (2005)", "1514 (XV)", "217 A (III)", a
# bare "1493"; parts ("53/243 A and B", "3419 A to D (XXX)") are joined by the language's
# words, so the pattern is built per language (`number_pattern`).
NUMBER_FORMS = (
    r"(?P<special>E?S-\d{{1,2}}/\d{{1,3}})(?P<sparts>{parts})(?![\w/])"
    r"|(?P<slash>\d{{1,4}}/\d{{1,3}})(?P<parts>{parts})(?![\w/])"
    r"|(?P<paren>\d{{1,4}})(?P<pparts>{parts}) ?\((?P<inner>\d{{4}}|(?:E?S-)?[IVXL]{{1,7}}|E?S-\d{{1,2}})\)"
    r"|(?P<bare>\d{{1,4}})(?![\d/.,]\d)"
)


def number_pattern(and_words: tuple[str, ...], to_words: tuple[str, ...]) -> re.Pattern[str]:
    joins = "|".join(re.escape(word) for word in (*and_words, *to_words))
    parts = rf"(?: [A-Z]{{1,2}}(?:(?: (?:{joins}) |, )[A-Z]{{1,2}}){{0,8}})?"
    return re.compile(NUMBER_FORMS.format(parts=parts))


FOOTNOTE_REF = re.compile(r"\s?(?:<sup>[^<>\n]{1,20}</sup>|\[\^[^\]\n]{1,10}\])")
SPACE = " \u00a0"
SENTENCE_END = re.compile(r"[;\n]|\.\s")
RESUME_WINDOW = 400


CitedKind = Literal["resolution", "decision"]


@frozen
class Citation:
    """One cited resolution or decision."""

    kind: CitedKind
    body: str | None  # GA, SC, ECOSOC, HRC, OTHER (another organ), or None when unknown
    named: bool  # the organ is named, or fixed by the number's form; False for "its" and unknown
    form: str  # session ("59/50"), special ("S-30/1"), year ("2009/28"), sc ("1631 (2005)"), roman ("1514 (XV)"), bare ("1493")
    number: str  # as written, spaces normalised ("217 A (III)")
    base: str  # without parts ("217 (III)", "53/243")
    parts: tuple[str, ...]  # ("A", "B")
    span: Span  # the number, parts and parenthesis
    session: str | None  # "59", "S-30", "ES-10", "15" (roman XV)
    paren_year: int | None  # "1631 (2005)" -> 2005
    year_part: int | None  # "2009/28" -> 2009
    date: TextDate | None
    connector: Span | None  # between the number (or its organ) and the date
    resumed: bool = False  # found after an item's description

    def __hash__(self) -> int:
        """By where and what it cites: equal citations agree on both, and the facts key
        their records by citation (hashing every field hashed its spans and date in turn)."""
        return hash((self.span.start, self.span.end, self.number))

    def numbers(self) -> tuple[str, ...]:
        """Each part as its own number: "53/243 A and B" -> ("53/243 A", "53/243 B")."""
        if not self.parts:
            return (self.number,)
        head, _, tail = self.base.partition(" ")
        return tuple(f"{head} {part} {tail}".strip() for part in self.parts)


@frozen
class CitationList:
    keyword: Span
    kind: CitedKind
    plural: bool
    items: tuple[Citation, ...]
    separators: tuple[Span, ...]  # between consecutive items


@dataclass(frozen=True)
class CitationSyntax:
    stems: tuple[str, ...]  # the citation words without their first letter, for str.find
    number: re.Pattern[str]
    kinds: dict[str, tuple[str, bool]]  # word (case-folded) -> (kind, plural)
    connectors: tuple[str, ...]
    comma_before_date: bool
    comma_optional: tuple[str, ...]  # connectors a comma may or may not precede
    enclosed_date: bool  # a date between two commas is an apposition, not a slip
    and_words: tuple[str, ...]
    to_words: tuple[str, ...]
    comma_before_and: str
    self_words: frozenset[str]
    in_words: frozenset[str]
    owners: tuple[tuple[str, str], ...]  # (name case-folded, body), longest first
    owners_after: tuple[tuple[str, str], ...]
    other_after: tuple[str, ...]


@cache
def syntax(language: LanguagePack) -> CitationSyntax:
    data = language.topic("citations")
    kinds = {}
    for kind in ("resolution", "decision"):
        singular, plural = data[kind]
        kinds[singular.casefold()] = (kind, False)
        kinds[plural.casefold()] = (kind, True)
    stems = {word[1:] for word in kinds}
    stems = tuple(sorted(stem for stem in stems if not any(other != stem and stem.startswith(other) for other in stems)))
    owner = data["owner"]
    owners = [(name.casefold(), body) for body in ("GA", "SC", "ECOSOC", "HRC") for name in owner.get(body, [])]
    owners += [(name.casefold(), "COUNCIL") for name in owner.get("council", [])]
    owners += [(name.casefold(), "OTHER") for name in owner.get("other", [])]
    after = data["owner_after"]
    owners_after = [(name, body) for body in ("GA", "SC", "ECOSOC", "HRC") for name in after.get(body, [])]
    and_words, to_words = tuple(data["list"]["and"]), tuple(data["list"]["to"])
    return CitationSyntax(
        stems=stems,
        number=number_pattern(and_words, to_words),
        kinds=kinds,
        connectors=tuple(sorted(data["date"]["connectors"], key=len, reverse=True)),
        comma_before_date=bool(data["date"]["comma"]),
        comma_optional=tuple(data["date"].get("comma_optional", [])),
        enclosed_date=bool(data["date"].get("enclosed", False)),
        and_words=and_words,
        to_words=to_words,
        comma_before_and=data["list"]["comma_before_and"],
        self_words=frozenset(w.casefold() for w in owner["self"]),
        in_words=frozenset(w.casefold() for w in owner["in"]),
        owners=tuple(sorted(owners, key=lambda pair: len(pair[0]), reverse=True)),
        owners_after=tuple(sorted(owners_after, key=lambda pair: len(pair[0]), reverse=True)),
        other_after=tuple(after.get("other_prefixes", [])),
    )


def find_citations(doc: Document, language: LanguagePack, dates: Dates, begin: int = 0,
                   end: int | None = None) -> tuple[CitationList, ...]:
    """Every citation list of the document whose citation word starts in text[begin:end] (all
    of them by default); Facts.citations holds the result per document. A list is read
    within its stretch of text (document/stretches.py): nothing across an empty line."""
    text, doc_body = doc.text, doc.body
    rules = syntax(language)
    keywords = _keywords(text, rules, begin, len(text) if end is None else end)
    stretches = Stretches(text)
    lists = []
    for index, (start, stop) in enumerate(keywords):
        floor, ceiling = stretches.around(start)
        bound = min(keywords[index + 1][0], ceiling) if index + 1 < len(keywords) else ceiling
        found = _read_list(text, start, stop, bound, floor, doc_body, rules, dates)
        if found is not None:
            lists.append(found)
    return tuple(lists)


def _keywords(text: str, rules: CitationSyntax, begin: int, end: int) -> list[tuple[int, int]]:
    """(start, end) of every citation word starting in text[begin:end], found by str.find
    on the stems ("esolution"), then checked: its first letter in either case, whole word."""
    found = []
    lengths = sorted({len(word) for word in rules.kinds}, reverse=True)
    for stem in rules.stems:
        at = text.find(stem, begin + 1, end)
        while at != -1:
            start = at - 1
            if start == 0 or not (text[start - 1].isalnum() or text[start - 1] in "-_"):
                for length in lengths:
                    word = text[start : start + length]
                    if word.casefold() in rules.kinds and word[1:] == word.casefold()[1:] and not _word_char(text, start + length):
                        found.append((start, start + length))
                        break
            at = text.find(stem, at + len(stem), end)
    return sorted(found)


def _word_char(text: str, position: int) -> bool:
    return position < len(text) and (text[position].isalnum() or text[position] in "-_")


# --- one list ---------------------------------------------------------------------------------

def _read_list(text: str, start: int, end: int, bound: int, floor: int, doc_body: str | None,
               rules: CitationSyntax, dates: Dates) -> CitationList | None:
    """The list whose citation word is text[start:end], read up to `bound` (the next
    citation word or the end of the stretch) and back to `floor` (the stretch's start)."""
    kind, plural = rules.kinds[text[start:end].casefold()]
    owner = _owner_before(text, start, floor, rules)
    position = end
    if not text.startswith(" ", position) and not text.startswith("\u00a0", position):
        return None
    position += 1
    between = _owner_between(text, end, rules)  # "las resoluciones del Consejo de Seguridad 2467 (2019)"
    if between is not None:
        owner, position = between
    items: list[Citation] = []
    separators: list[Span] = []
    item = _read_item(text, position, kind, owner, doc_body, rules, dates, resumed=False)
    while item is not None:
        items.append(item)
        position = _after_item(text, item)
        separator = _separator(text, position, rules)
        following = None
        if separator is not None and separator.end < bound:
            following = _read_item(text, separator.end, kind, owner, doc_body, rules, dates, resumed=False)
        if following is None:
            resumed = _resume(text, position, bound, kind, owner, doc_body, rules, dates)
            if resumed is None:
                break
            separator, following = resumed
        separators.append(separator)
        item = following
    if not items:
        return None
    return CitationList(Span(start, end), kind, plural, tuple(items), tuple(separators))


def after_item(text: str, item: Citation) -> int:
    """Where an item ends, with its date and footnote indicator."""
    return _after_item(text, item)


def _after_item(text: str, item: Citation) -> int:
    end = item.date.span.end if item.date else item.span.end
    ref = FOOTNOTE_REF.match(text, end)
    return ref.end() if ref else end


def _separator(text: str, position: int, rules: CitationSyntax) -> Span | None:
    """', ' or ' and ' or ', and ' (and the other languages' words) at `position`."""
    at = position
    if text.startswith(",", at):
        at += 1
        if at < len(text) and text[at].isdigit():
            return Span(position, at)  # "30 June 2021,76/290 of 19 June 2022": the space left out
        if text.startswith("<sup>", at):  # "53/26 of 14 July 2023,<sup>3</sup> 52/31 of …"
            ref = FOOTNOTE_REF.match(text, at)
            at = ref.end() if ref else at
    if at >= len(text) or text[at] not in SPACE:
        return None
    at += 1
    for word in rules.and_words:
        if text.startswith(word, at) and at + len(word) < len(text) and text[at + len(word)] in SPACE:
            return Span(position, at + len(word) + 1)
    return Span(position, at) if text.startswith(",", position) else None


def _resume(text: str, position: int, bound: int, kind: str, owner: str | None,
            doc_body: str | None, rules: CitationSyntax, dates: Dates) -> tuple[Span, Citation] | None:
    """The list going on after an item's description: '..., entitled “…”, and 77/318 of 25
    July 2023'. Only a dated number after a separator, within the sentence, counts."""
    limit = min(bound, position + RESUME_WINDOW)
    stop = SENTENCE_END.search(text, position, limit)
    if stop:
        limit = stop.start()
    for at in _joins(text, position, limit, rules):
        separator = _separator(text, at, rules)
        if separator is not None:
            item = _read_item(text, separator.end, kind, owner, doc_body, rules, dates, resumed=True)
            if item is not None and item.date is not None:
                return separator, item
    return None


def _joins(text: str, position: int, limit: int, rules: CitationSyntax) -> list[int]:
    """Where a list may go on after a description: each comma, and each " and " ("72/241 of
    20 December 2017 on a world against violence and 77/298 of 30 June 2023 …")."""
    found = []
    for mark in (",", *(f" {word} " for word in rules.and_words)):
        at = text.find(mark, position, limit)
        while at != -1:
            found.append(at)
            at = text.find(mark, at + 1, limit)
    return sorted(found)


def _read_item(text: str, position: int, kind: str, owner: str | None, doc_body: str | None,
               rules: CitationSyntax, dates: Dates, *, resumed: bool) -> Citation | None:
    match = rules.number.match(text, position)
    if match is None:
        return None
    form, number, base, parts, session, paren_year, year_part = _classify(match, rules.to_words)
    if form is None:
        return None
    end = match.end()
    body, named = _body(form, owner, doc_body)
    if form == "bare" and body != "SC":
        return None  # "resolution 1" of a conference report, "decision 3": not a citation we know
    # what may stand between the number and its date: a footnote indicator, the organ
    after = end
    ref = FOOTNOTE_REF.match(text, after)
    if ref:
        after = ref.end()
    organ = _owner_after(text, after, rules)
    if organ is not None:
        (body, after), named = organ, True
    date, connector = _date_after(text, after, rules, dates)
    if resumed and date is None:
        return None
    return Citation(kind, body, named, form, number, base, parts, Span(position, end), session,
                    paren_year, year_part, date, connector, resumed)


def _classify(match: re.Match[str], to_words: tuple[str, ...]):
    """(form, number, base, parts, session, paren_year, year_part) of a matched number."""
    if match.group("special"):
        base = match.group("special")
        parts = _split_parts(match.group("sparts"), to_words)
        return "special", _join(base, match.group("sparts")), base, parts, base.split("/")[0], None, None
    if match.group("slash"):
        base = match.group("slash")
        first = int(base.split("/")[0])
        parts = _split_parts(match.group("parts"), to_words)
        number = _join(base, match.group("parts"))
        if len(base.split("/")[0]) == 4:
            return ("year", number, base, parts, None, None, first) if 1946 <= first <= 2100 else (None,) * 7
        return "session", number, base, parts, str(first), None, None
    if match.group("paren"):
        inner = match.group("inner")
        parts = _split_parts(match.group("pparts"), to_words)
        digits = match.group("paren")
        number = f"{digits}{match.group('pparts')} ({inner})"
        base = f"{digits} ({inner})"
        if inner.isdigit():
            return "sc", number, base, parts, None, int(inner), None
        prefix = "ES-" if inner.startswith("ES-") else "S-" if inner.startswith("S-") else ""
        numeral = inner[len(prefix):]
        value = int(numeral) if numeral.isdigit() else roman_to_int(numeral)
        if value is None:
            return (None,) * 7
        return "roman", number, base, parts, f"{prefix}{value}", None, None
    return "bare", match.group("bare"), match.group("bare"), (), None, None, None


def _split_parts(parts: str | None, to_words: tuple[str, ...]) -> tuple[str, ...]:
    """' A and B' -> ('A', 'B'); ' A to D' -> ('A', 'B', 'C', 'D')."""
    if not parts:
        return ()
    letters = re.findall(r"[A-Z]{1,2}", parts)
    ranged = any(f" {word} " in parts for word in to_words)
    if ranged and len(letters) == 2 and len(letters[0]) == len(letters[1]) == 1 and letters[0] < letters[1]:
        return tuple(chr(code) for code in range(ord(letters[0]), ord(letters[1]) + 1))
    return tuple(letters)


def _join(base: str, parts: str | None) -> str:
    return f"{base}{parts or ''}"


def _body(form: str, owner: str | None, doc_body: str | None) -> tuple[str | None, bool]:
    """Who adopted the cited text — the owner named before the citation word, made precise by
    the number's form — and whether that is certain (named, or fixed by the form). "its" is
    the document's own organ, but not certainly: "through its resolution 54/18 ..., the Human
    Rights Council submitted" names its subject afterwards."""
    named = owner not in ("SELF", None)
    if owner == "SELF":
        owner = doc_body
    elif owner == "COUNCIL":
        owner = doc_body if doc_body in ("SC", "ECOSOC", "HRC") else None
        named = owner is not None
    if owner == "OTHER":
        return "OTHER", True
    if form == "sc":
        return "SC", True
    if form == "year":
        return ("ECOSOC", True) if owner in (None, "ECOSOC") else ("OTHER", True)
    if form == "bare":
        return ("SC", named) if owner == "SC" else (None, False)
    if form == "roman" and owner == "ECOSOC":
        return "ECOSOC", named
    return (owner, named) if owner in ("GA", "HRC") else (None, False)


def _owner_before(text: str, start: int, floor: int, rules: CitationSyntax) -> str | None:
    """The owner named by the words before the citation word, from `floor` on: SELF ("its"),
    GA, SC, ECOSOC, HRC, COUNCIL ("Council" alone), OTHER (another organ), or None."""
    window = text[max(floor, start - 90) : start].rstrip(" \u00a0")
    folded = window.casefold()
    last = _last_word(folded)
    if last in rules.self_words:
        before = folded[: len(folded) - len(last)].rstrip(" \u00a0,")
        word = _last_word(before)
        if word in rules.in_words:
            # "the Human Rights Council in its resolution": that organ; "as called for in its
            # resolution": the document's own organ
            head = window[: len(before) - len(word)].rstrip(" \u00a0,")
            organ = _organ_suffix(head.casefold(), rules)
            if organ:
                return organ
            return "OTHER" if _names_an_organ(head) else "SELF"
        return "SELF"
    organ = _organ_suffix(folded, rules)
    if organ:
        return organ
    return "OTHER" if _names_an_organ(window) else None


def _last_word(text: str) -> str:
    end = len(text)
    start = end
    while start > 0 and (text[start - 1].isalpha() or text[start - 1] in "'’-"):
        start -= 1
    return text[start:end]


def _organ_suffix(folded: str, rules: CitationSyntax) -> str | None:
    for name, body in rules.owners:
        if folded.endswith(name):
            cut = len(folded) - len(name)
            if cut == 0 or not folded[cut - 1].isalpha():
                return body
    return None


def _names_an_organ(window: str) -> bool:
    """'Commission on Narcotic Drugs resolution', 'UNEA resolution': a capitalised word (not
    the first of a sentence) right before the citation word."""
    words = window.split()
    if len(words) < 2:
        return False
    last, previous = words[-1], words[-2]
    if not last[:1].isupper() or not last.isalpha():
        return False
    return previous[-1:].isalpha() or previous[-1:] in "’'"


def _owner_after(text: str, position: int, rules: CitationSyntax) -> tuple[str, int] | None:
    """' del Consejo de Seguridad' after a number -> ('SC', end)."""
    if not text.startswith(" ", position):
        return None
    at = position + 1
    for name, body in rules.owners_after:
        if text.startswith(name, at):
            return body, at + len(name)
    for prefix in rules.other_after:
        lead = at + len(prefix)
        if text.startswith(prefix, at):
            rest = lead + (0 if prefix.endswith(("'", "’")) else 1)
            if rest < len(text) and text[rest].isupper() and (prefix.endswith(("'", "’")) or text[lead] == " "):
                end = rest
                while end < len(text) and (text[end].isalpha() or text[end] in " '’-") and text[end] not in ",;.":
                    end += 1
                    if end - rest > 80:
                        break
                return "OTHER", end
    return None


def _owner_between(text: str, end: int, rules: CitationSyntax) -> tuple[str, int] | None:
    """The organ named between the citation word and the number, as Spanish and French write
    it: "las resoluciones del Consejo de Derechos Humanos 23/13", "les résolutions du Conseil
    des droits de l’homme 53/26" -> (body, where the number starts)."""
    organ = _owner_after(text, end, rules)
    if organ is None:
        return None
    body, after = organ
    at = after + (1 if text.startswith(" ", after) else 0)
    if at == after and text[after - 1 : after] != " ":
        return None
    return (body, at) if rules.number.match(text, at) else None


def _date_after(text: str, position: int, rules: CitationSyntax, dates: Dates) -> tuple[TextDate | None, Span | None]:
    """The date joined to a number: ' of 2 December 2004', ', de 2 de diciembre de 2004'."""
    at = position
    comma = text.startswith(",", at)
    if comma:
        at += 1
    if at >= len(text) or text[at] not in SPACE:
        return None, None
    at += 1
    for connector in rules.connectors:
        if text.startswith(connector, at) and at + len(connector) < len(text) and text[at + len(connector)] in SPACE:
            date_start = at + len(connector) + 1
            found = dates.get(date_start)
            if found is not None and _second_date(text, found.span.end, rules, dates):
                return None, None  # "237 (1967) et 259 (1968), en date du 14 juin 1967 et du 27 septembre 1968"
            if found is not None:
                return found, Span(position, date_start)
    return None, None


def _second_date(text: str, position: int, rules: CitationSyntax, dates: Dates) -> bool:
    """A date followed by "and" and another date: the dates of the list's items in turn,
    not the last item's alone."""
    ref = FOOTNOTE_REF.match(text, position)
    at = ref.end() if ref else position
    if text.startswith(",", at):
        at += 1
    if not text.startswith(" ", at):
        return False
    at += 1
    for word in rules.and_words:
        if text.startswith(word + " ", at):
            start = at + len(word) + 1
            for connector in ("", *rules.connectors):
                lead = start + (len(connector) + 1 if connector else 0)
                if (not connector or text.startswith(connector + " ", start)) and lead in dates:
                    return True
    return False


def owner_after(text: str, position: int, language: LanguagePack) -> str | None:
    """The organ named right after `position` (" de l’Assemblée générale"), if any."""
    found = _owner_after(text, position, syntax(language))
    return found[0] if found else None
