"""What each paragraph opens with: the words of its opening phrase, where they stand, and what
the lexicon makes of them — worked out once per document and shared by the VB rules.

Preambular and operative paragraphs are read; sub-paragraphs are not (they open with a
capitalised infinitive in roman type, "(a) To ensure ...", not with an opening phrase), nor
are draft decisions (set in roman type throughout, "The General Assembly decides ...").
"""
from __future__ import annotations

from collections.abc import Iterator
from itertools import islice
from typing import NamedTuple

from ..document.model import Document, Emphasis, Paragraph
from ..document.span import Span
from ..grammar.lexicon import OPERATIVE, PREAMBULAR, WORD, Lexicon, Words, fold

MAX_WORDS = 16  # longer than any phrase the lexicons list ("Acting under Chapter VII of ...")


class Word(NamedTuple):
    text: str  # folded: lower case, straight apostrophe
    start: int
    end: int

    @property
    def span(self) -> Span:
        return Span(self.start, self.end)


class Opening(NamedTuple):
    """The opening of one paragraph.

    `words` are the words of the opening emphasis (`emphasis`), or, without one, the first
    words of the text up to the first punctuation. `after` are the roman words that follow
    the emphasis up to the first punctuation (none when the emphasis ends in punctuation).
    `known` is how many of `words`, from the start, make the longest known phrase; `whole`
    says whether all of them do. `extent` is where the italics should end when it is not
    where they do (see `_italic_extent`). `cut` is set when the italics end inside a word
    ("*Rappelan*t", a defect of some XML sources): the whole word, marker included; the
    other rules then leave the opening alone. `before` are roman adverbs that stand before
    the italics of a known phrase and belong inside them ("Also *welcomes*").
    """

    paragraph: Paragraph
    kind: str  # PREAMBULAR or OPERATIVE: the part the paragraph stands in
    emphasis: Emphasis | None
    words: tuple[Word, ...]
    phrase: Words  # the words' texts
    after: tuple[Word, ...]
    known: int
    whole: bool
    extent: int | None = None
    cut: Word | None = None
    before: tuple[Word, ...] = ()  # roman adverbs before the italics ("Also *welcomes*")

    @property
    def italic(self) -> bool:
        return self.emphasis is not None and not self.emphasis.strong

    def span(self, first: int = 0, last: int | None = None) -> Span:
        """From the start of word `first` to the end of word `last` (default: the last)."""
        chosen = self.words[first : None if last is None else last + 1]
        return Span(chosen[0].start, chosen[-1].end)


def _italic_extent(opening: Opening, lexicon: Lexicon) -> int | None:
    """`Opening.extent`: how many words the italics of `opening` should cover, counted over
    its words and the roman words after them, when that is not how many they cover; None
    when they are right or there is no telling.

    Longer: a longer known phrase goes on into the roman words ("*Noting* with appreciation"),
    unless the texts write that phrase both ways (`either_way`) or all it adds may stay out
    of the italics (`loose`). Shorter: the
    italics run on from a known phrase into the object that follows it ("*Takes note of*").
    """
    if opening.emphasis is None:
        return None
    count = len(opening.words)
    if opening.after and (not opening.whole or lexicon.may_go_on(opening.phrase, opening.after[0].text)):
        phrase = opening.phrase + tuple(word.text for word in opening.after)
        length = lexicon.longest_known(phrase)
        extension = phrase[count:length]
        # a second verb in roman type ("*Appropriates* and decides to assess") is the drafter's
        joined = bool(extension) and extension[0] in lexicon.conjunctions
        if extension and not joined and not (lexicon.core(phrase[:length]) in lexicon.either_way or lexicon.loose(extension)):
            return length
    if not opening.whole and 0 < opening.known < count and lexicon.starts_object(opening.words[opening.known].text):
        return opening.known
    return None


def openings(doc: Document, lexicon: Lexicon) -> tuple[Opening, ...]:
    """The openings of `doc`'s preambular and operative paragraphs, in text order."""
    text = doc.text
    found = (opening(text, paragraph, kind, lexicon) for kind, paragraph in paragraphs(doc))
    return tuple(item for item in found if item is not None)


def paragraphs(doc: Document) -> Iterator[tuple[str, Paragraph]]:
    """The paragraphs whose openings are read, in text order, each with the part it stands in."""
    if doc.kind == "decision":
        return
    for part in doc.parts:
        for kind, members in ((PREAMBULAR, part.preambular), (OPERATIVE, part.operative)):
            for paragraph in members:
                yield kind, paragraph


def opening(text: str, paragraph: Paragraph, kind: str, lexicon: Lexicon) -> Opening | None:
    """The opening of one paragraph, read from its own text and markup only (from its
    `content` to the end of its first piece, its emphases, the character after them)."""
    emphasis = paragraph.opening
    end_of_text = paragraph.pieces[0].end
    before: tuple[Word, ...] = ()
    if emphasis is None:
        words = _run(text, paragraph.content, end_of_text, lexicon.vocabulary, first=True)
        if not words or words[0].start != paragraph.content:
            return None
        emphasis = _italics_after_adverbs(text, paragraph, words, lexicon)
        if emphasis is None:
            known = lexicon.longest_known(tuple(word.text for word in words))
            return Opening(paragraph, kind, None, words, tuple(word.text for word in words), (), known, False)
        before = words
    inner_end = emphasis.inner.end
    markup = text.find("<", emphasis.inner.start, inner_end)
    if markup >= 0:
        inner_end = markup
    words = tuple([
        Word(fold(match.group()), match.start(), match.end())
        for match in islice(WORD.finditer(text, emphasis.inner.start, inner_end), 2 * MAX_WORDS)
    ])
    if not words:
        return None
    phrase = tuple([word.text for word in words])
    closed = bool(text[words[-1].end : emphasis.inner.end].strip())  # punctuation, or more words
    if not closed and inner_end == emphasis.inner.end and text[emphasis.span.end : emphasis.span.end + 1].isalpha():
        rest = WORD.match(text, emphasis.span.end)
        cut = Word(fold(text[words[-1].start : words[-1].end] + rest.group()), words[-1].start, rest.end())
        return Opening(paragraph, kind, emphasis, words, phrase, (), 0, False, cut=cut)
    blank = text[emphasis.span.end : emphasis.span.end + 1] in (" ", "\t")
    after = _run(text, emphasis.span.end, end_of_text, lexicon.vocabulary) if blank and not closed else ()
    whole = bool(lexicon.kinds(phrase))
    known = len(words) if whole else lexicon.longest_known(phrase)
    opening = Opening(paragraph, kind, emphasis, words, phrase, after, known, whole, before=before)
    extent = _italic_extent(opening, lexicon)
    return opening if extent is None else opening._replace(extent=extent)


def _italics_after_adverbs(text: str, paragraph: Paragraph, roman: tuple[Word, ...], lexicon: Lexicon) -> Emphasis | None:
    """The italics of a known phrase that follow roman adverbs at the head of the paragraph
    ("Also *welcomes*", "Également *décide*"): the adverbs belong inside them."""
    adverbs = tuple(word.text for word in roman)
    if lexicon.core(adverbs):
        return None
    gap = roman[-1].end
    while gap < len(text) and text[gap] in " \t":
        gap += 1
    if gap == roman[-1].end:
        return None
    for emphasis in paragraph.inline.emphases:
        if emphasis.span.start == gap and not emphasis.strong:
            italic = tuple(fold(match.group()) for match in WORD.finditer(text, emphasis.inner.start, emphasis.inner.end))
            return emphasis if italic and lexicon.kinds(adverbs + italic) else None
    return None


def _run(text: str, start: int, end: int, vocabulary: frozenset[str], first: bool = False) -> tuple[Word, ...]:
    """The words from `start` that may belong to an opening phrase: words of the lexicon
    (and, if `first`, the first word whatever it is), separated by blanks only, up to the
    first other word or character (punctuation, markup, a line break). A paragraph has
    hundreds of words; this reads two or three."""
    found: list[Word] = []
    position = start
    while len(found) < MAX_WORDS:
        while position < end and text[position] in " \t":
            position += 1
        match = WORD.match(text, position, end)
        if match is None:  # something other than blanks before the next word
            break
        word = fold(match.group())
        if word not in vocabulary and not (first and not found):
            break
        found.append(Word(word, match.start(), match.end()))
        position = match.end()
    return tuple(found)
