"""What each paragraph opens with: the words of its opening phrase, where they stand, and what
the lexicon makes of them — worked out once per document and shared by the VB rules.

Preambular and operative paragraphs are read; sub-paragraphs are not (they open with a
capitalised infinitive in roman type, "(a) To ensure ...", not with an opening phrase), nor
are draft decisions (set in roman type throughout, "The General Assembly decides ...").
"""
from __future__ import annotations

from itertools import islice
from typing import NamedTuple

from ...linter.model import Document, Emphasis, Paragraph
from ...linter.per_document import per_document
from ...linter.span import Span
from .lexicon import OPERATIVE, PREAMBULAR, WORD, Lexicon, Words, fold

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
    where they do (see `_italic_extent`).
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
    unless all it adds may stand on either side (see `either_side`, `loose`). Shorter: the
    italics run on from a known phrase into the object that follows it ("*Takes note of*").
    """
    if opening.emphasis is None:
        return None
    count = len(opening.words)
    if opening.after and lexicon.may_go_on(opening.phrase, opening.after[0].text):
        phrase = opening.phrase + tuple(word.text for word in opening.after)
        length = lexicon.longest_known(phrase)
        extension = phrase[count:length]
        if extension and not ((len(extension) == 1 and extension[0] in lexicon.either_side) or lexicon.loose(extension)):
            return length
    if not opening.whole and 0 < opening.known < count and lexicon.starts_object(opening.words[opening.known].text):
        return opening.known
    return None


@per_document
def openings(doc: Document, lexicon: Lexicon) -> tuple[Opening, ...]:
    """The openings of `doc`'s preambular and operative paragraphs, in text order."""
    return () if doc.kind == "decision" else tuple(_read(doc, lexicon))


def _read(doc: Document, lexicon: Lexicon):
    text = doc.text
    for part in doc.parts:
        for kind, paragraphs in ((PREAMBULAR, part.preambular), (OPERATIVE, part.operative)):
            for paragraph in paragraphs:
                opening = _opening(text, paragraph, kind, lexicon)
                if opening is not None:
                    yield opening


def _opening(text: str, paragraph: Paragraph, kind: str, lexicon: Lexicon) -> Opening | None:
    emphasis = paragraph.opening
    end_of_text = paragraph.pieces[0].end
    if emphasis is not None:
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
        closed = bool(text[words[-1].end : emphasis.inner.end].strip())  # punctuation, or more words
        blank = text[emphasis.span.end : emphasis.span.end + 1] in (" ", "\t")
        after = _run(text, emphasis.span.end, end_of_text, lexicon.vocabulary) if blank and not closed else ()
    else:
        words = _run(text, paragraph.content, end_of_text, lexicon.vocabulary, first=True)
        if not words or words[0].start != paragraph.content:
            return None
        after = ()
    phrase = tuple([word.text for word in words])
    whole = bool(lexicon.kinds(phrase)) if emphasis is not None else False
    known = len(words) if whole else lexicon.longest_known(phrase)
    opening = Opening(paragraph, kind, emphasis, words, phrase, after, known, whole)
    extent = _italic_extent(opening, lexicon)
    return opening if extent is None else opening._replace(extent=extent)


def _run(text: str, start: int, end: int, vocabulary: frozenset[str], first: bool = False) -> tuple[Word, ...]:
    """The words from `start` that may belong to an opening phrase: words of the lexicon
    (and, if `first`, the first word whatever it is), separated by blanks only, up to the
    first other word or character (punctuation, markup, a line break). A paragraph has
    hundreds of words; this reads two or three."""
    found: list[Word] = []
    position = start
    for match in WORD.finditer(text, start, end):
        word = fold(match.group())
        if text[position : match.start()].strip(" \t") or len(found) == MAX_WORDS:
            break
        if word not in vocabulary and not (first and not found):
            break
        found.append(Word(word, match.start(), match.end()))
        position = match.end()
    return tuple(found)
