"""The closest known phrases to a phrase the lexicon does not know, and the closest known word
to a misspelt one — fast enough to run in the editor on every keystroke.

Only phrases that say the same thing are offered: as many words, each the same word, another
form of it or — for a word that is not a real word — one it is a misspelling of (`same_words`).

Candidates come from a deletion index (the idea of SymSpell): every entry is filed under
itself and each string one deletion away from it; a query looks up itself and its own
one-deletion strings. Two strings meet there when they are within one substitution, insertion
or deletion of each other (and some pairs two edits apart), so a query costs a few dozen
dictionary look-ups instead of a comparison with every entry. Candidates are then ranked by
their edit distance (case-insensitive, then case-sensitive) and by their place in the list,
which is by frequency.

Answers are remembered (the same few phrases come back at every keystroke), and text longer
than any entry is not searched character by character.
"""
from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from ...grammar.lexicon import Lexicon, Words, fold, words

LIMIT = 3
MIN_MISSPELT = 5  # short words ("full", "tha") are too near too many others to judge
LONG_WORD = 9  # from this length a word may be two letters off
MAX_QUERY = 120  # characters: longer than any listed phrase, so nothing is near it
MAX_WORD = 40


class Index:
    """A deletion index over `entries` (kept in their order, which breaks ties)."""

    def __init__(self, entries: Sequence[str]) -> None:
        self.entries = tuple(dict.fromkeys(entries))
        self.words = tuple(words(entry) for entry in self.entries)
        self._folded = tuple(fold(entry) for entry in self.entries)
        self._keys: dict[str, list[int]] = {}
        for position, folded in enumerate(self._folded):
            for key in _neighbourhood(folded):
                self._keys.setdefault(key, []).append(position)

    def nearest(self, query: str, limit: int = LIMIT, max_distance: int = 2) -> list[str]:
        """Up to `limit` entries within `max_distance` edits of `query`, closest first."""
        folded = fold(query)
        if len(folded) > MAX_QUERY:
            return []
        found: set[int] = set()
        for key in _neighbourhood(folded):
            found.update(self._keys.get(key, ()))
        ranked = []
        for position in found:
            distance = edit_distance(folded, self._folded[position], max_distance)
            if distance <= max_distance:
                ranked.append((distance, position))
        if len(ranked) > 1:  # break ties in case-insensitive distance by case
            ranked = [(d, edit_distance(query, self.entries[p], max_distance + 1), p) for d, p in ranked]
        ranked.sort()
        return [self.entries[item[-1]] for item in ranked[:limit]]


def _neighbourhood(text: str) -> set[str]:
    """`text` and every string one deletion away from it."""
    return {text, *(text[:i] + text[i + 1 :] for i in range(len(text)))}


def edit_distance(a: Sequence, b: Sequence, bound: int | None = None) -> int:
    """Substitutions, insertions, deletions and swaps of neighbours, one each (between the
    characters of two strings or the words of two phrases). With `bound`, any distance above
    it is reported as bound + 1, and found out early."""
    if a == b:
        return 0
    if len(a) < len(b):
        a, b = b, a
    if bound is not None and len(a) - len(b) > bound:
        return bound + 1
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        char_a = a[i - 1]
        current = [i]
        best = i
        for j in range(1, len(b) + 1):
            char_b = b[j - 1]
            value = previous[j - 1] if char_a == char_b else previous[j - 1] + 1
            if previous[j] + 1 < value:
                value = previous[j] + 1
            if current[j - 1] + 1 < value:
                value = current[j - 1] + 1
            if previous2 and j > 1 and char_a == b[j - 2] and a[i - 2] == char_b and previous2[j - 2] + 1 < value:
                value = previous2[j - 2] + 1
            current.append(value)
            if value < best:
                best = value
        if bound is not None and best > bound:
            return bound + 1
        previous2, previous = previous, current
    return previous[-1] if bound is None else min(previous[-1], bound + 1)


@lru_cache(maxsize=64)  # per lexicon: a project's phrases make a new one when they change
def _phrase_index(lexicon: Lexicon, kind: str, gender: str | None) -> Index:
    return Index(lexicon.phrases_for(kind, gender))


@lru_cache(maxsize=16)
def _word_index(lexicon: Lexicon) -> Index:
    return Index(sorted(lexicon.vocabulary))


def suggest(lexicon: Lexicon, phrase: str, kind: str, gender: str | None = None, limit: int = LIMIT) -> tuple[str, ...]:
    """Up to `limit` known phrases of `kind` closest to `phrase`, closest first, among those
    that say the same thing (see `same_words`): none, rather than a phrase of another meaning
    ("Commending" is not offered for "Condemning")."""
    return _suggest(lexicon, phrase[: MAX_QUERY + 1], kind, gender, limit)


# Keyed by one phrase, not a document: a misspelt opening recurs across texts and edits.
@lru_cache(maxsize=4096)
def _suggest(lexicon: Lexicon, phrase: str, kind: str, gender: str | None, limit: int) -> tuple[str, ...]:
    index = _phrase_index(lexicon, kind, gender)
    phrase_words = words(phrase[:MAX_QUERY])
    found = [entry for entry in index.nearest(phrase, 2 * limit) if same_words(lexicon, phrase_words, words(entry))]
    if len(found) < limit and phrase_words:  # further off in letters, but the same words in other forms
        found.extend(
            entry
            for entry, entry_words in zip(index.entries, index.words)
            if entry not in found and same_words(lexicon, phrase_words, entry_words)
        )
    return tuple(found[:limit])


def same_words(lexicon: Lexicon, written: Words, known: Words) -> bool:
    """May `known` be offered for `written`? Only when it has as many words, each the same
    word, another form of it ("Reafirman" / "Reafirma"), or — for a word that is no word of
    the lexicon nor of the official texts — a word it is a misspelling of (one letter off, two
    for a long word). A known word is never swapped for another ("Commending" / "Condemning",
    "Expressing concern" / "Expressing deep concern"): that would change the meaning."""
    if len(written) != len(known):
        return False
    for word, other in zip(written, known):
        if word == other or lexicon.same_stem(word, other):
            continue
        if word in lexicon.vocabulary or word in lexicon.real_words:
            return False
        allowed = 2 if len(word) >= LONG_WORD else 1
        if edit_distance(word, other, allowed) > allowed:
            return False
    return True


def correct_word(lexicon: Lexicon, word: str) -> tuple[str, ...]:
    """Known words one edit from `word` (two for a long word), closest first; none when `word`
    is known, is another form of a known word ("regrets" beside "regret", "resolved" beside
    "resolves"), is a real word the official texts use ("notar" beside "nota": `[misspelling].words`),
    or nothing is near enough to call it a misspelling."""
    if word in lexicon.vocabulary or word in lexicon.real_words or not MIN_MISSPELT <= len(word) <= MAX_WORD:
        return ()
    return _correct_word(lexicon, word)


# Keyed by one word, not a document: a misspelling recurs across texts and edits.
@lru_cache(maxsize=4096)
def _correct_word(lexicon: Lexicon, word: str) -> tuple[str, ...]:
    allowed = 2 if len(word) >= LONG_WORD else 1
    near = _word_index(lexicon).nearest(word, LIMIT, allowed)
    if any(lexicon.same_stem(word, known) for known in near):
        return ()
    return tuple(near)


def quoted(phrases: Sequence[str]) -> str:
    return ", ".join(f"\"{phrase}\"" for phrase in phrases)
