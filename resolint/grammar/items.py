"""A block on its way into the model (`Item`): its class, which the stream stages may settle
from its neighbours, and the pieces a page break cut it into. Every stage between the block
split and the model reads items through the helpers here."""
from __future__ import annotations

from dataclasses import dataclass, field

from ..document.model import Inline
from ..document.punctuation import final_mark
from ..document.span import Span
from .blocks import RawBlock


@dataclass(slots=True)
class Item:
    """A block on its way into the model: its class, and continuation pieces if any."""

    kind: str
    raw: RawBlock
    pieces: list[Span] = field(default_factory=list)
    inlines: list[Inline] = field(default_factory=list)


def whole(item: Item) -> Span:
    """From the start of the first piece to the end of the last."""
    pieces = item.pieces
    return pieces[0] if len(pieces) == 1 else Span(pieces[0].start, pieces[-1].end)


def merged_inline(inlines: list[Inline]) -> Inline:
    if len(inlines) == 1:
        return inlines[0]
    return Inline(
        tuple(e for inline in inlines for e in inline.emphases),
        tuple(r for inline in inlines for r in inline.refs),
        tuple(s for inline in inlines for s in inline.stray),
    )


def visible_end(text: str, span: Span) -> str:
    """The last character of `span` once trailing markup is set aside."""
    return final_mark(text, span)[0]


DESCRIPTIONS = {
    "SESSION": "session line", "COMMITTEE": "committee line", "AGENDA": "agenda line",
    "ADOPTION": "adoption line", "PROVENANCE": "provenance line", "NUMBER_TITLE": "number and title",
    "SPONSORS": "sponsor line", "SC_NUMBER": "resolution number", "SC_ADOPTED": "adoption line",
    "SYMBOL": "document symbol", "TEXT": "text", "STRONG": "bold text", "EMPH": "paragraph",
    "HEADING": "heading", "PART": "part label", "CHAPEAU": "chapeau", "NUMBERED": "operative paragraph",
    "UNNUMBERED": "operative paragraph",
    "SUBPARA": "sub-paragraph", "LEAD_IN": "paragraph", "EMBEDDED": "text", "MEETING": "meeting line",
    "ANNEX": "annex heading", "FOOTNOTE": "footnote text", "TABLE": "table",
}


def describe(kind: str) -> str:
    """What an item of this class is called in a parse issue's message."""
    return DESCRIPTIONS.get(kind, kind.lower())
