"""The opening-phrase lexicon of one language, built from `openings.toml` on first use.

Phrases are compared as tuples of lower-case words ("Noting with appreciation" ->
("noting", "with", "appreciation")). A phrase is *known* when, once the adverbs that may join
any phrase are set aside ("also", "further", "deeply" ...), what remains — its *core* — is the
core of a listed phrase, or cores joined by a conjunction ("Welcoming and reaffirming"). So
"Recalling with appreciation further" is known without being listed, and the lexicon stays a
list of phrases people actually write.

A listed phrase that ends in an `either_side` word ("Reiterates its call for", "Guiada por")
is known with or without it. Masculine and feminine forms (Spanish, French) are both known;
which one the organ takes is the agreement rule's business.

The lexicon is knowledge of a language, not a fact of one document, so it lives in the
grammar layer: the parser reads it to tell an unnumbered operative paragraph (stream.py), the
VB rules read it through `Facts.lexicon`.
"""
from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from functools import cache, lru_cache

from ..document.langdata import LanguagePack

PREAMBULAR = "preambular"
OPERATIVE = "operative"
KINDS = (PREAMBULAR, OPERATIVE)
FEMININE = "feminine"
MASCULINE = "masculine"

# A word: letters and digits, with inner apostrophes and hyphens ("l'esprit", "Re-emphasizes").
WORD = re.compile(r"[^\W_]+(?:['’‑-][^\W_]+)*")
_FOLD = str.maketrans({"’": "'", "‑": "-"})

Words = tuple[str, ...]
SEEN_LIMIT = 4096


# Keyed by one word, not a document: the same words recur in every text and across edits.
@lru_cache(maxsize=8192)
def fold(word: str) -> str:
    """The form words are compared in: lower case, straight apostrophe, plain hyphen."""
    return word.translate(_FOLD).casefold()


def words(phrase: str) -> Words:
    return tuple(fold(match.group()) for match in WORD.finditer(phrase))


class Lexicon:
    """What is known about opening phrases in one language (see the module docstring)."""

    def __init__(self, data: dict) -> None:
        self.phrases: dict[str, tuple[str, ...]] = {kind: tuple(data.get(kind, {}).get("phrases", ())) for kind in KINDS}
        self._adverbs = _by_first_word(data.get("adverbs", {}).get("words", ()))
        self.conjunctions = frozenset(fold(w) for w in data.get("conjunctions", {}).get("words", ()))
        extent = data.get("extent", {})
        self.either_side = frozenset(fold(w) for w in extent.get("either_side", ()))
        self.roman = frozenset(fold(w) for w in extent.get("roman", ()))
        self._loose = _by_first_word(extent.get("loose", ()))
        either_way = data.get("corpus", {}).get("either_way", ())
        agreement = data.get("agreement", {})
        self.organ_genders: dict[str, str] = dict(agreement.get("organs", {}))
        self.masculine_of: dict[str, str] = {fold(fem): masc for masc, fem in agreement.get("pairs", ())}
        self.feminine_of: dict[str, str] = {fold(masc): fem for masc, fem in agreement.get("pairs", ())}
        self.noun_phrase = frozenset(fold(w) for w in agreement.get("noun_phrase", ()))
        self.organ_only: tuple[tuple[str, Words], ...] = tuple(
            (organ, words(prefix)) for organ, prefixes in data.get("organ_only", {}).items() for prefix in prefixes
        )
        self._organ_only_heads = frozenset(prefix[0] for _, prefix in self.organ_only)
        self.counterparts: dict[str, dict[Words, str]] = {OPERATIVE: {}, PREAMBULAR: {}}
        for operative, preambular in data.get("counterparts", {}).get("pairs", ()):
            self.counterparts[OPERATIVE][words(operative)] = preambular
            self.counterparts[PREAMBULAR][words(preambular)] = operative
        self.cores: dict[str, frozenset[Words]] = {}
        self.heads: dict[str, frozenset[str]] = {}
        vocabulary: set[str] = set(self.conjunctions)
        for adverbs in self._adverbs.values():
            vocabulary.update(word for adverb in adverbs for word in adverb)
        for kind in KINDS:
            cores: set[Words] = set()
            for phrase in self.all_forms(kind):
                phrase_words = words(phrase)
                vocabulary.update(phrase_words)
                core = self.core(phrase_words)
                if not core:
                    continue
                cores.add(core)
                if len(core) > 1 and core[-1] in self.either_side:
                    cores.add(core[:-1])
            self.cores[kind] = frozenset(cores)
            self.heads[kind] = frozenset(core[0] for core in cores)
        self.vocabulary = frozenset(vocabulary)
        self._complete = self.cores[PREAMBULAR] | self.cores[OPERATIVE]
        self._prefixes = frozenset(core[:length] for core in self._complete for length in range(1, len(core) + 1))
        misspelling = data.get("misspelling", {})
        self.endings = ("", *sorted({fold(e) for e in misspelling.get("endings", ())}, key=len))
        self.real_words = frozenset(fold(w) for w in misspelling.get("words", ()))
        self._seen: dict[Words, tuple[tuple[str, ...], Words]] = {}
        self.either_way = frozenset(self.core(words(entry["phrase"])) for entry in either_way)

    # --- the forms of a phrase

    def all_forms(self, kind: str) -> tuple[str, ...]:
        """The listed phrases and their masculine forms (first the listed ones)."""
        listed = self.phrases[kind]
        if not self.masculine_of:
            return listed
        seen = set(listed)
        extra = []
        for phrase in listed:
            other = self.swap_gender(phrase, MASCULINE)
            if other not in seen:
                seen.add(other)
                extra.append(other)
        return listed + tuple(extra)

    def phrases_for(self, kind: str, gender: str | None) -> tuple[str, ...]:
        """The phrases an organ of this gender writes (None: either gender), most common
        first — what an editor would offer after "*The Security Council*,"."""
        if not self.masculine_of:
            return self.phrases[kind]
        if gender is None:
            return self.all_forms(kind)
        return tuple(dict.fromkeys(self.swap_gender(phrase, gender) for phrase in self.phrases[kind]))

    def swap_gender(self, phrase: str, gender: str) -> str:
        """`phrase` with its gendered words in `gender` ("Profundamente preocupada" ->
        "Profundamente preocupado" for MASCULINE); case is kept from the original."""
        table = self.masculine_of if gender == MASCULINE else self.feminine_of

        def replace(match: re.Match) -> str:
            other = table.get(fold(match.group()))
            return match.group() if other is None else match_case(other, match.group())

        return WORD.sub(replace, phrase)

    def agreeing(self, phrase: Words) -> tuple[int, ...]:
        """The positions of the gendered words of `phrase` that agree with the organ: those
        before any word that opens a noun phrase, whose adjectives agree with its noun
        ("*Réaffirmant son appui résolu*", "*Reafirmando su resuelto compromiso*")."""
        found = []
        for position, word in enumerate(phrase):
            if word in self.noun_phrase or word[: word.find("'") + 1] in self.noun_phrase:
                break
            if word in self.masculine_of or word in self.feminine_of:
                found.append(position)
        return tuple(found)

    def gender(self, body: str | None) -> str | None:
        return self.organ_genders.get(body) if body else None

    # --- recognition

    def core(self, phrase: Words) -> Words:
        """`phrase` without its adverbs ("recalling with appreciation further" ->
        "recalling with appreciation")."""
        return _without(phrase, self._adverbs)

    def loose(self, extension: Words) -> bool:
        """May these words, which would complete a longer phrase, stay out of the italics
        ("*Welcomes* in this regard")?"""
        return bool(extension) and not _without(extension, self._loose)

    def kinds(self, phrase: Words) -> tuple[str, ...]:
        """The kinds of paragraph `phrase` is a known opening of."""
        return self._read(phrase)[0]

    def may_go_on(self, phrase: Words, word: str) -> bool:
        """Could `word`, after `phrase`, begin words that make a longer known phrase? (A quick
        "no" for most paragraphs: "*Acogiendo con beneplácito* la firma".)"""
        return (
            word in self._adverbs or word in self.conjunctions or self._read(phrase)[1] + (word,) in self._prefixes
        )

    def _read(self, phrase: Words) -> tuple[tuple[str, ...], Words]:
        """The kinds `phrase` is known as, and its core — remembered: the same few phrases
        open most paragraphs."""
        found = self._seen.get(phrase)
        if found is None:
            if len(self._seen) >= SEEN_LIMIT:
                self._seen.clear()
            core = self.core(phrase)
            found = self._seen[phrase] = (_kinds_of_core(self, core), core)
        return found

    def longest_known(self, phrase: Words) -> int:
        """How many words at the start of `phrase` make the longest known phrase (0: none),
        with the adverbs that follow it ("recalling also its resolution" -> 2).

        Linear in the words read: it stops at the first word that no known core continues.
        """
        core, ends = self._core_and_ends(phrase)
        for length in range(self._reach(core), 0, -1):
            if _kinds_of_core(self, core[:length]):
                return ends[length - 1]
        return 0

    def _reach(self, core: Words) -> int:
        """How many words of `core`, from the start, begin some known core (or known cores
        joined by a conjunction)."""
        reach = 0
        segment = 0  # where the current conjunct starts
        for index, word in enumerate(core):
            if core[segment : index + 1] in self._prefixes:
                reach = index + 1
            elif word in self.conjunctions and core[segment:index] in self._complete:
                segment = index + 1
            else:
                break
        return reach

    def _core_and_ends(self, phrase: Words) -> tuple[Words, list[int]]:
        """The core of `phrase`, and for each core word how many words of `phrase` it and the
        adverbs right after it reach to."""
        core: list[str] = []
        ends: list[int] = []
        index = 0
        while index < len(phrase):
            for adverb in self._adverbs.get(phrase[index], ()):
                if phrase[index : index + len(adverb)] == adverb:
                    index += len(adverb)
                    if ends:
                        ends[-1] = index
                    break
            else:
                core.append(phrase[index])
                index += 1
                ends.append(index)
        return tuple(core), ends

    def classify(self, phrase: Words) -> str | None:
        """The kind of paragraph an unknown phrase belongs to, by its head — its first word
        once the adverbs are set aside — when only one kind's phrases begin with it
        ("Reaffirms its total support" -> operative), or when it is one side of a pair of
        counterparts ("Requesting", the participle of "Requests"). A later word tells nothing: the French
        operative "*A conscience*" does not make an italic title "*The Ocean and Cryosphere in
        a Changing Climate*" operative."""
        core = self.core(phrase)
        if not core:
            return None
        head = core[:1]
        pre = head[0] in self.heads[PREAMBULAR] or head in self.counterparts[PREAMBULAR]
        op = head[0] in self.heads[OPERATIVE] or head in self.counterparts[OPERATIVE]
        if pre == op:
            return None
        return PREAMBULAR if pre else OPERATIVE

    def opening_kinds(self, phrase: Words) -> tuple[str | None, ...]:
        """The kinds of paragraph `phrase` may open: those of its longest known start, or,
        when no start of it is known, the kind its head tells (None: no telling)."""
        known = self.longest_known(phrase)
        return (self.kinds(phrase[:known]) if known else ()) or (self.classify(phrase),)

    def counterpart(self, phrase: Words, kind: str) -> str | None:
        """The other part's form of `phrase`'s head ("recalls ..." -> "Recalling")."""
        core = self.core(phrase)
        for length in range(len(core), 0, -1):
            found = self.counterparts[kind].get(core[:length])
            if found:
                return found
        return None

    def organ_restriction(self, phrase: Words) -> tuple[str, ...]:
        """The organs that alone use `phrase` (empty: any organ)."""
        if self._organ_only_heads.isdisjoint(phrase):
            return ()
        core = self.core(phrase)
        return tuple(organ for organ, prefix in self.organ_only if core[: len(prefix)] == prefix)

    def same_stem(self, a: str, b: str) -> bool:
        """Are `a` and `b` forms of one word, differing only in their endings?"""
        stems = {a[: len(a) - len(e)] for e in self.endings if a.endswith(e) and len(a) > len(e)}
        return any(b.endswith(e) and b[: len(b) - len(e)] in stems for e in self.endings if len(b) > len(e))

    def starts_object(self, word: str) -> bool:
        """Does `word` begin what follows an opening phrase (italics end before it)?"""
        if word in self.roman:
            return True
        apostrophe = word.find("'")
        return apostrophe > 0 and word[: apostrophe + 1] in self.roman


def _kinds_of_core(lexicon: Lexicon, core: Words) -> tuple[str, ...]:
    if not core:
        return ()
    found = tuple(kind for kind in KINDS if core in lexicon.cores[kind])
    if found or not lexicon.conjunctions.intersection(core):
        return found
    parts: list[list[str]] = [[]]
    for word in core:
        if word in lexicon.conjunctions:
            parts.append([])
        else:
            parts[-1].append(word)
    if any(not part for part in parts):
        return ()
    return tuple(kind for kind in KINDS if all(tuple(part) in lexicon.cores[kind] for part in parts))


def _by_first_word(phrases) -> dict[str, list[Words]]:
    """Phrases (as words) filed under their first word, longest first."""
    filed: dict[str, list[Words]] = {}
    for phrase in sorted((words(p) for p in phrases), key=len, reverse=True):
        if phrase:
            filed.setdefault(phrase[0], []).append(phrase)
    return filed


def _without(phrase: Words, filed: dict[str, list[Words]]) -> Words:
    """`phrase` with every occurrence of the filed phrases taken out."""
    if not filed:
        return phrase
    kept: list[str] = []
    index = 0
    while index < len(phrase):
        for removed in filed.get(phrase[index], ()):
            if phrase[index : index + len(removed)] == removed:
                index += len(removed)
                break
        else:
            kept.append(phrase[index])
            index += 1
    return tuple(kept)


def held_out(data: dict, openings_by_text: dict[str, list[str]]) -> Iterator[tuple[str, str, Lexicon]]:
    """(text, opening, lexicon) for every opening of every text, the lexicon built from `data`
    less the phrases that text alone has: how the lexicon fares on texts it has not seen
    (tests and benchmarks measure the unknown-phrase rate so)."""
    texts_of: dict[str, set[str]] = {}
    for name, found in openings_by_text.items():
        for phrase in found:
            texts_of.setdefault(phrase, set()).add(name)
    for name, found in openings_by_text.items():
        reduced = dict(data)
        for kind in KINDS:
            kept = [phrase for phrase in data[kind]["phrases"] if texts_of.get(phrase) != {name}]
            reduced[kind] = {**data[kind], "phrases": kept}
        without = Lexicon(reduced)
        for phrase in found:
            yield name, phrase, without


def match_case(word: str, model: str) -> str:
    """`word` with the capital initial of `model`, if it has one."""
    if model[:1].isupper():
        return word[:1].upper() + word[1:]
    return word[:1].lower() + word[1:]


def lexicon(language: LanguagePack, added: Mapping[str, tuple[str, ...]] | None = None) -> Lexicon:
    """The lexicon of `language`, built once per process; with the phrases a project adds
    (`added`: kind -> phrases), once per list of them."""
    if not added:
        return _for_code(language.code)
    return _with_phrases(language.code, tuple((kind, tuple(added.get(kind, ()))) for kind in KINDS))


@cache
def _for_code(code: str) -> Lexicon:
    return Lexicon(_data(code))


# A few lists at a time: the editor builds a new one each time the project's list changes.
@lru_cache(maxsize=8)
def _with_phrases(code: str, added: tuple[tuple[str, tuple[str, ...]], ...]) -> Lexicon:
    """The shipped lexicon with the project's phrases listed after the shipped ones."""
    data = dict(_data(code))
    for kind, phrases in added:
        table = data.get(kind, {})
        listed = tuple(table.get("phrases", ()))
        data[kind] = {**table, "phrases": listed + tuple(phrase for phrase in phrases if phrase not in listed)}
    return Lexicon(data)


def _data(code: str) -> dict:
    from ..document.langdata import pack

    return pack(code).topic("openings")
