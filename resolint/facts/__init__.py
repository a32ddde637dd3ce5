"""What is known about one document, each fact computed once, on first use.

The engine builds one `Facts` per lint and passes it in every rule's context; the outline,
hover, completion and navigation read the same object, so two features never work out the
same fact two ways. Each fact is computed in the module named after it (facts/<fact>.py)
and only read here.
"""
from __future__ import annotations

from collections.abc import Mapping
from functools import cached_property

from ..document.langdata import LanguagePack, pack
from ..document.model import Document
from ..document.span import Span
from ..grammar import lexicon
from ..grammar.symbols import FoundSymbol, find_symbols
from ..records import Record
from . import (
    anchors,
    citations,
    dates,
    footnotes,
    openings,
    outline,
    recorded,
    sessions,
)


class Facts:
    """The facts of `doc`, read in `language` (the document's own by default), with the
    opening phrases a project adds to the lexicon (`phrases`: language -> kind -> phrases,
    the configuration's `[tool.resolint.phrases]`)."""

    def __init__(self, doc: Document, language: LanguagePack | None = None, phrases: Mapping[str, Mapping[str, tuple[str, ...]]] | None = None) -> None:
        self.doc = doc
        self.language = language or pack(doc.language)
        self.phrases = phrases or {}

    def reuse(self, **known) -> None:
        """Take facts worked out elsewhere as if computed here: the editor's analysis moves
        those of the paragraphs an edit left alone from the version before
        (linter/incremental.py), which must equal what the property would compute."""
        for name, value in known.items():
            self.__dict__[self._fact(name)] = value

    def known(self, name: str):
        """The fact `name` if it has been worked out (or reused), else None."""
        return self.__dict__.get(self._fact(name))

    def _fact(self, name: str) -> str:
        if not isinstance(getattr(type(self), name, None), cached_property):
            raise AttributeError(f"Facts has no fact {name!r}")
        return name

    @cached_property
    def footnote_references(self) -> tuple[footnotes.Reference, ...]:
        """Every footnote marker, in text order: what the FN rules and navigation read."""
        return footnotes.references(self.doc)

    @cached_property
    def footnote_groups(self) -> tuple[footnotes.Group, ...]:
        """The numbered references and footnote texts of each resolution of the file."""
        return footnotes.groups(self.doc, self.language, self.footnote_references)

    @cached_property
    def lexicon(self) -> lexicon.Lexicon:
        return lexicon.lexicon(self.language, self.phrases.get(self.language.code))

    @cached_property
    def openings(self) -> tuple[openings.Opening, ...]:
        return openings.openings(self.doc, self.lexicon)

    @cached_property
    def session_mentions(self) -> tuple[sessions.Mention, ...]:
        return sessions.mentions(self.doc, self.language)

    @cached_property
    def current_session(self) -> tuple[str | None, Span | None]:
        """The document's session and where its session line names it."""
        return sessions.current_session(self.doc, self.session_mentions)

    @cached_property
    def cited(self) -> tuple[tuple[citations.CitationList, citations.Citation], ...]:
        """(list, item) for every cited resolution or decision."""
        return tuple((found, item) for found in self.citations for item in found.items)

    @cached_property
    def symbols(self) -> tuple[FoundSymbol, ...]:
        """The document symbols (A/75/L.78, S/PRST/2010/1) named in the text."""
        rules = citations.syntax(self.language)
        return find_symbols(self.doc.text, rules.and_words, rules.to_words)

    @cached_property
    def citations(self) -> tuple[citations.CitationList, ...]:
        return citations.find_citations(self.doc, self.language, self.dates_by_start)

    @cached_property
    def assembly_sessions(self) -> dict[citations.Citation, int | None]:
        """For each cited item, the General Assembly session it is of when the citation is the
        Assembly's (None otherwise)."""
        return {item: recorded.assembly_session(item) for _, item in self.cited}

    @cached_property
    def records_for_citations(self) -> dict[citations.Citation, tuple[Record, ...]]:
        """For each cited item, what the shipped record holds of it (empty: unknown, not wrong)."""
        return {item: recorded.records_of(item, session) for item, session in self.assembly_sessions.items()}

    @cached_property
    def dates(self) -> tuple[dates.TextDate, ...]:
        return dates.find_dates(self.doc.text, self.language)

    @cached_property
    def dates_by_start(self) -> dict[int, dates.TextDate]:
        """The dates by where each starts: how the citation scanner finds a number's date."""
        return {found.span.start: found for found in self.dates}

    @cached_property
    def adoption_date(self) -> dates.TextDate | None:
        """The date the heading says the resolution was adopted on."""
        return dates.adoption_date(self.doc, self.language, self.dates)

    @cached_property
    def outline(self) -> dict:
        return outline.outline(self)

    @cached_property
    def symbol_anchors(self) -> tuple[anchors.Anchor, ...]:
        """Document symbols, resolution and decision numbers, each with a comparable value."""
        return anchors.symbols(self.doc.text)

    @cached_property
    def figures(self) -> tuple[anchors.Anchor, ...]:
        """Figures and percentages outside symbols, dates and footnote markers (the footnote
        texts' own labels too)."""
        taken = [found.span for found in (*self.symbol_anchors, *self.dates, *self.footnote_references)]
        taken.extend(note.label_span for note in self.doc.footnotes)
        return anchors.figures(self.doc.text, taken, self.language)
