"""The closest known phrases to a phrase the lexicon does not know, and the closest known word
to a misspelt one — fast enough to run in the editor on every keystroke.

Candidates come from a deletion index (the idea of SymSpell): every entry is filed under
itself and each string one deletion away from it; a query looks up itself and its own
one-deletion strings. Two strings meet there when they are within one substitution, insertion
or deletion of each other (and some pairs two edits apart), so a query costs a few dozen
dictionary look-ups instead of a comparison with every entry. Candidates are then ranked by
their edit distance (case-insensitive, then case-sensitive) and by their place in the list,
which is by frequency. Phrases further away are found by their first word.
"""
from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from .lexicon import Lexicon, fold, words

LIMIT = 3


class Index:
    """A deletion index over `entries` (kept in their order, which breaks ties)."""

    def __init__(self, entries: Sequence[str]) -> None:
        self.entries = tuple(dict.fromkeys(entries))
        self.words = tuple(words(entry) for entry in self.entries)
        self._keys: dict[str, list[int]] = {}
        for position, entry in enumerate(self.entries):
            for key in _neighbourhood(fold(entry)):
                self._keys.setdefault(key, []).append(position)

    def nearest(self, query: str, limit: int = LIMIT, max_distance: int = 2) -> list[str]:
        folded = fold(query)
        found: set[int] = set()
        for key in _neighbourhood(folded):
            found.update(self._keys.get(key, ()))
        ranked = []
        for position in found:
            entry = self.entries[position]
            distance = edit_distance(folded, fold(entry))
            if distance <= max_distance:
                ranked.append((distance, edit_distance(query, entry), position))
        ranked.sort()
        return [self.entries[position] for *_, position in ranked[:limit]]


def _neighbourhood(text: str) -> set[str]:
    """`text` and every string one deletion away from it."""
    return {text, *(text[:i] + text[i + 1 :] for i in range(len(text)))}


def edit_distance(a: Sequence, b: Sequence) -> int:
    """Substitutions, insertions, deletions and swaps of neighbours, one each (between the
    characters of two strings or the words of two phrases)."""
    if a == b:
        return 0
    if len(a) < len(b):
        a, b = b, a
    previous2: list[int] | None = None
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, 1):
        current = [i]
        for j, char_b in enumerate(b, 1):
            cost = 0 if char_a == char_b else 1
            value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if previous2 is not None and i > 1 and j > 1 and char_a == b[j - 2] and a[i - 2] == char_b:
                value = min(value, previous2[j - 2] + 1)
            current.append(value)
        previous2, previous = previous, current
    return previous[-1]


@cache
def _phrase_index(lexicon: Lexicon, kind: str, gender: str | None) -> Index:
    return Index(lexicon.phrases_for(kind, gender))


@cache
def _word_index(lexicon: Lexicon) -> Index:
    return Index(sorted(lexicon.vocabulary))


def suggest(lexicon: Lexicon, phrase: str, kind: str, gender: str | None = None, limit: int = LIMIT) -> list[str]:
    """Up to `limit` known phrases of `kind` closest to `phrase`, closest first: those within
    two edits, then those that begin with the same word (or its correction)."""
    index = _phrase_index(lexicon, kind, gender)
    found = index.nearest(phrase, limit)
    if len(found) < limit:
        phrase_words = words(phrase)
        if phrase_words:
            head = phrase_words[0]
            heads = {head} if head in lexicon.vocabulary else set(correct_word(lexicon, head)[:1])
            same_head = [
                (edit_distance(entry_words, phrase_words), position)
                for position, entry_words in enumerate(index.words)
                if entry_words[:1] and entry_words[0] in heads
            ]
            same_head.sort()
            found.extend(index.entries[position] for _, position in same_head if index.entries[position] not in found)
    return found[:limit]



def correct_word(lexicon: Lexicon, word: str) -> list[str]:
    """Known words one edit from `word` (two for a long word), closest first; [] when `word`
    is known, is another form of a known word ("regrets" beside "regret", "resolved" beside
    "resolves"), or nothing is near enough to call it a misspelling."""
    if word in lexicon.vocabulary or len(word) < MIN_MISSPELT:
        return []
    allowed = 2 if len(word) >= LONG_WORD else 1
    near = _word_index(lexicon).nearest(word, LIMIT, allowed)
    if any(lexicon.same_stem(word, known) for known in near):
        return []
    return near


def quoted(phrases: Sequence[str]) -> str:
    return ", ".join(f"\"{phrase}\"" for phrase in phrases)


MIN_MISSPELT = 5  # short words ("full", "tha") are too near too many others to judge
LONG_WORD = 9
