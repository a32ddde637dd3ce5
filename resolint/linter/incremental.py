"""Linting one version of an edited document after another: the editor's analysis.

The parse reuses the block split of the blocks the edit left alone (grammar/incremental.py).
Of the facts, those read from one paragraph alone are moved from the version before for
the paragraphs whose first block the parse moved (its text and what follows it unchanged):
the openings (what each paragraph opens with). Those read stretch by stretch of text
(document/stretches.py: the dates, the session mentions, the citations) are read again
only in the stretches the edit touched; what the stretches before it held is kept, what
those after it held is moved. The other facts and the rules then run on the new Document
as `resolint check` runs them, so the findings equal `lint_document(parse(new_text))` —
the property test in tests/test_incremental.py checks that over random edits of corpus
documents.
"""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field, replace

from ..document.diagnostics import Diagnostic
from ..document.model import Document, Paragraph
from ..document.stretches import touched
from ..facts import Facts, citations, dates, sessions
from ..facts import openings as opening_fact
from ..grammar.incremental import Parsed, changed_range, reparse, shift, shift_emphasis
from .config import DEFAULT, Config
from .engine import configured_language, lint_document

# where a paragraph starts -> its kind, the paragraph and its opening, in an earlier version
OpeningMemo = dict[int, tuple[str, Paragraph, "opening_fact.Opening | None"]]


@dataclass(frozen=True, eq=False)
class Linted:
    """One version's Document, facts and findings, and what the next version may reuse."""

    parsed: Parsed
    facts: Facts
    findings: tuple[Diagnostic, ...]
    openings: OpeningMemo = field(default_factory=dict, repr=False)

    @property
    def doc(self) -> Document:
        return self.parsed.doc


def relint(text: str, previous: Linted | None = None, config: Config = DEFAULT, *,
           path: str | None = None, lint: bool = True) -> Linted:
    """Parse and lint `text`, an edit of the text `previous` was made from (or any text:
    nothing is reused where nothing matches). `lint=False` parses only."""
    parsed = reparse(text, previous.parsed if previous else None, language=configured_language(config), path=path)
    facts = Facts(parsed.doc, phrases=config.phrases)
    if not lint:
        return Linted(parsed, facts, ())
    memo = reuse_facts(facts, previous, parsed.moved)
    return Linted(parsed, facts, tuple(lint_document(parsed.doc, config, facts)), memo)


def reuse_facts(facts: Facts, previous: Linted | None, moved: dict[int, int]) -> OpeningMemo:
    """Set on `facts` what the version before lets move instead of work out again: the
    openings (read afresh for the paragraphs the edit changed), and the facts read stretch
    by stretch that the version before had worked out. Returns the openings' memo."""
    same_language = previous is not None and previous.parsed.language == facts.doc.language
    same_lexicon = same_language and previous.facts.phrases == facts.phrases  # the project's phrases can change between versions
    found, memo = _openings(facts, previous.openings if same_lexicon else {}, moved)
    facts.reuse(openings=found)
    if same_language:
        _read_touched_stretches(facts, previous.facts)
    return memo


def _read_touched_stretches(facts: Facts, before: Facts) -> None:
    """Set on `facts` the facts read stretch by stretch that `before` (the version before's)
    holds: its items before the stretches the edit touched, those stretches read again, and
    its items after them, moved. In table order: the citations read the dates."""
    text = facts.doc.text
    start, old_end, new_end = changed_range(before.doc.text, text)
    begin, end = touched(text, start, new_end)
    delta = new_end - old_end
    for name, (read, item_start, moved, reads_organ) in STRETCH_FACTS.items():
        old = before.known(name)
        if old is None or (reads_organ and before.doc.body != facts.doc.body):
            continue
        kept = old[: bisect_left(old, begin, key=item_start)]
        after = old[bisect_left(old, end - delta, key=item_start) :]
        facts.reuse(**{name: (*kept, *read(facts, begin, end), *(moved(item, delta, facts) for item in after))})


def _read_dates(facts: Facts, begin: int, end: int) -> tuple[dates.TextDate, ...]:
    return dates.find_dates(facts.doc.text, facts.language, begin, end)


def _date_start(found: dates.TextDate) -> int:
    return found.span.start


def _moved_date(found: dates.TextDate, delta: int, facts: Facts) -> dates.TextDate:
    return replace(found, span=shift(found.span, delta))


def _read_mentions(facts: Facts, begin: int, end: int) -> tuple[sessions.Mention, ...]:
    return sessions.mentions_in(facts.doc.text, facts.language, begin, end)


def _mention_start(mention: sessions.Mention) -> int:
    return mention.ordinal.start


def _moved_mention(mention: sessions.Mention, delta: int, facts: Facts) -> sessions.Mention:
    noun = shift(mention.noun, delta) if mention.noun is not None else None
    return replace(mention, ordinal=shift(mention.ordinal, delta), phrase=shift(mention.phrase, delta), noun=noun)


def _read_citations(facts: Facts, begin: int, end: int) -> tuple[citations.CitationList, ...]:
    return citations.find_citations(facts.doc, facts.language, facts.dates_by_start, begin, end)


def _citation_start(found: citations.CitationList) -> int:
    return found.keyword.start


def _moved_citations(found: citations.CitationList, delta: int, facts: Facts) -> citations.CitationList:
    """The list `delta` characters on, each item with the date the new text has there."""
    dated = facts.dates_by_start
    items = tuple(replace(item, span=shift(item.span, delta),
                          date=dated[item.date.span.start + delta] if item.date is not None else None,
                          connector=shift(item.connector, delta) if item.connector is not None else None)
                  for item in found.items)
    return replace(found, keyword=shift(found.keyword, delta), items=items,
                   separators=tuple(shift(separator, delta) for separator in found.separators))


# The facts read stretch by stretch, in the order they are read: how to read them in part
# of the text, where each item starts, how one is moved, and whether they read the
# document's organ too (the citations do: "its resolution").
STRETCH_FACTS = {
    "dates": (_read_dates, _date_start, _moved_date, False),
    "session_mentions": (_read_mentions, _mention_start, _moved_mention, False),
    "citations": (_read_citations, _citation_start, _moved_citations, True),
}


def _openings(facts: Facts, old: OpeningMemo, moved: dict[int, int]) -> tuple[tuple[opening_fact.Opening, ...], OpeningMemo]:
    """Facts.openings. A paragraph whose first block the parse moved from the version before
    (grammar/incremental.Parsed.moved) has the opening of the paragraph of the same kind that
    started there, moved: an opening is read from the paragraph's first piece alone (its
    text, its markup, where its content starts) and the character after it
    (facts/openings.opening), and a moved block keeps its text and the two characters after
    it. The others are read."""
    text, lexicon = facts.doc.text, facts.lexicon
    memo: OpeningMemo = {}
    found = []
    for kind, paragraph in opening_fact.paragraphs(facts.doc):
        start = paragraph.span.start
        delta = moved.get(start)
        earlier = old.get(start - delta) if delta is not None else None
        if earlier is not None and _read_alike(earlier, kind, paragraph, delta):
            opening = _moved(earlier[2], paragraph, delta)
        else:
            opening = opening_fact.opening(text, paragraph, kind, lexicon)
        memo[start] = (kind, paragraph, opening)
        if opening is not None:
            found.append(opening)
    return tuple(found), memo


def _read_alike(earlier: tuple[str, Paragraph, object], kind: str, paragraph: Paragraph, delta: int) -> bool:
    """Is `paragraph` read as the earlier one, `delta` characters before: the same kind, its
    content and its first piece ending as far from its start?"""
    earlier_kind, before, _ = earlier
    return (earlier_kind == kind and before.content + delta == paragraph.content
            and before.pieces[0].end + delta == paragraph.pieces[0].end)


def _moved(opening: opening_fact.Opening | None, paragraph: Paragraph, delta: int) -> opening_fact.Opening | None:
    """An earlier version's opening of the same paragraph text, `delta` characters on.
    Built with tuple.__new__, which takes the fields in order: NamedTuple's `_replace` and
    constructor were most of the time moving the openings took."""
    if opening is None:
        return None
    old_paragraph, kind, emphasis, words, phrase, after, known, whole, extent, cut, before = opening
    if delta:
        if emphasis is not None:  # the paragraph's opening emphasis, or the italics after adverbs
            emphasis = paragraph.opening if emphasis is old_paragraph.opening else shift_emphasis(emphasis, delta)
        words, after, before = _words(words, delta), _words(after, delta), _words(before, delta)
        cut = _word(cut, delta) if cut is not None else None
    return _new_tuple(opening_fact.Opening, (paragraph, kind, emphasis, words, phrase, after, known, whole, extent, cut, before))


_new_tuple = tuple.__new__


def _words(words: tuple[opening_fact.Word, ...], delta: int) -> tuple[opening_fact.Word, ...]:
    return tuple([_word(word, delta) for word in words]) if words else words


def _word(word: opening_fact.Word, delta: int) -> opening_fact.Word:
    text, start, end = word
    return _new_tuple(opening_fact.Word, (text, start + delta, end + delta))
