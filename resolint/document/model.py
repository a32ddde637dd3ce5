"""The document model: frozen nodes, each with a span into the original text.

The parser builds it once; rules, the outline and the language server only read it.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from .frozen import frozen
from .span import LineIndex, Span

# --- inline -------------------------------------------------------------------------------

@frozen
class Emphasis:
    """`*italic*` or `**bold**`: `span` includes the markers, `inner` is the text between."""

    span: Span
    inner: Span
    strong: bool


@frozen
class FootnoteRef:
    """`<sup>1</sup>` or `[^1]`; `label` is what stands between the markers."""

    span: Span
    label: str
    style: str  # "sup" | "markdown"

    @property
    def number(self) -> int | None:
        return int(self.label) if self.label.isdigit() else None

    @property
    def numbers(self) -> tuple[int, ...]:
        """Several indicators may share one marker: `<sup>10,11</sup>`."""
        parts = [part.strip() for part in self.label.split(",")]
        return tuple(int(part) for part in parts) if all(part.isdigit() for part in parts) else ()


@frozen
class Inline:
    """The inline markup found in one block of text."""

    emphases: tuple[Emphasis, ...] = ()
    refs: tuple[FootnoteRef, ...] = ()
    stray: tuple[Span, ...] = ()  # emphasis markers that open or close nothing


# --- blocks -------------------------------------------------------------------------------

class HeaderKind(StrEnum):
    """What a line of the heading is (the values are what `resolint outline` prints)."""

    SESSION = "session"
    COMMITTEE = "committee"
    AGENDA = "agenda"
    ADOPTION = "adoption"
    PROVENANCE = "provenance"
    NUMBER_TITLE = "number_title"
    SPONSORS = "sponsors"
    SC_NUMBER = "sc_number"
    SC_ADOPTED = "sc_adopted"
    SYMBOL = "symbol"
    TITLE = "title"


@frozen
class HeaderLine:
    """One line of the heading."""

    span: Span
    kind: HeaderKind
    inline: Inline = Inline()


@dataclass(frozen=True, slots=True)
class Chapeau:
    """`*The General Assembly*,` — the organ that speaks; `organ` spans its name."""

    span: Span
    organ: Span
    body: str | None
    inline: Inline = Inline()


@dataclass(frozen=True, slots=True)
class Paragraph:
    """Preambular, operative or sub-paragraph.

    `pieces` are the runs of its own text: more than one when footnote texts interrupt it
    (a page break in a converted PDF). `label` spans "12." or "(a)"; `opening` is the
    emphasis that starts the text, if any; `content` is where the text after the label starts.
    """

    span: Span
    pieces: tuple[Span, ...]
    label: Span | None
    content: int
    opening: Emphasis | None
    inline: Inline
    subparagraphs: tuple["SubParagraph", ...] = ()

    def head(self, text: str) -> Span:
        """Where a finding about the whole paragraph points: label and opening phrase (or,
        without an emphasised opening, the first word)."""
        if self.opening is not None:
            return Span(self.span.start, self.opening.span.end)
        end = self.content
        limit = self.pieces[0].end
        while end < limit and not text[end].isspace():
            end += 1
        return Span(self.span.start, max(end, min(limit, self.span.start + 1)))


@frozen
class PreambularParagraph(Paragraph):
    pass


@frozen
class OperativeParagraph(Paragraph):
    number: int | None = None  # None for a single unnumbered operative paragraph


@frozen
class SubParagraph(Paragraph):
    """`(a)` / `a)` (level 1), `(i)` / `i)` (level 2), `a.` (3), `i.` (4)."""

    marker: str = ""  # the label without punctuation: "a", "iv"
    style: str = ""  # "(a)", "a)" or "a."
    level: int = 1
    ordinal: int = 0  # a=1, b=2 ... or i=1, ii=2 ...


@dataclass(frozen=True, slots=True)
class MeetingLine:
    """`*62nd plenary meeting 28 April 2021*` closing a GA or ECOSOC resolution."""

    span: Span
    inline: Inline = Inline()


@frozen
class FootnoteText:
    """`<sup>1</sup> A/75/345.` or `[^1]: text`. `glued` marks a text found inside a
    paragraph (a page-break artifact), `host` is then that paragraph's span."""

    span: Span
    label: str
    label_span: Span
    body: Span
    inline: Inline = Inline()
    glued: bool = False
    host: Span | None = None

    @property
    def number(self) -> int | None:
        return int(self.label) if self.label.isdigit() else None


@frozen
class Block:
    """Any other block, kept with its layout class (text, heading, ...)."""

    span: Span
    kind: str
    inline: Inline = Inline()


@dataclass(frozen=True, slots=True)
class Annex:
    span: Span
    heading: Span
    blocks: tuple[Block, ...] = ()


@dataclass(frozen=True, slots=True)
class Part:
    """A chapeau with its preamble and operative part. Most resolutions have one part;
    multi-part texts ("A", "B" ...) have one per letter, each numbered from 1."""

    label: Block | None
    chapeau: Chapeau | None
    preambular: tuple[PreambularParagraph, ...]
    operative: tuple[OperativeParagraph, ...]
    closing: MeetingLine | None
    others: tuple[Block, ...] = ()  # headings and embedded text between paragraphs


class Action(StrEnum):
    DISABLE = "disable"
    ENABLE = "enable"
    DISABLE_NEXT_LINE = "disable-next-line"
    DISABLE_FILE = "disable-file"


@dataclass(frozen=True, slots=True)
class Directive:
    """`<!-- resolint: disable ST004 -->` and friends (see linter.suppress)."""

    span: Span
    action: Action
    codes: tuple[str, ...]


class IssueKind(StrEnum):
    RUN_TOGETHER = "run-together"  # `span` is the gap to replace by a paragraph break
    UNBALANCED_EMPHASIS = "unbalanced-emphasis"
    MALFORMED_MARKER = "malformed-marker"
    OUT_OF_ORDER = "out-of-order"
    UNPARSED = "unparsed"


@dataclass(frozen=True, slots=True)
class ParseIssue:
    """Something the parser had to work around; structure rules turn these into findings."""

    kind: IssueKind
    span: Span
    detail: str = ""


# --- document -----------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Meta:
    """What the heading says about the document; any field may be unknown (None)."""

    symbol: str | None = None  # as found, e.g. "A/75/L.78" or "79/100"
    number: str | None = None  # resolution number, e.g. "75/276" or "2334 (2016)"


class DocumentKind(StrEnum):
    RESOLUTION = "resolution"
    DRAFT = "draft"
    DECISION = "decision"


# Every top-level node of a document, in text order.
TopLevel = HeaderLine | Chapeau | PreambularParagraph | OperativeParagraph | MeetingLine | FootnoteText | Block | Annex


@dataclass(frozen=True)
class Document:
    text: str
    path: str | None
    language: str
    body: str | None  # "GA" | "SC" | "ECOSOC" | None
    kind: DocumentKind
    plain_text: bool  # no emphasis markup anywhere: italic checks stand down
    meta: Meta
    header: tuple[HeaderLine, ...]
    parts: tuple[Part, ...]
    annexes: tuple[Annex, ...]
    footnotes: tuple[FootnoteText, ...]
    blocks: tuple[TopLevel, ...]  # every top-level node in text order
    directives: tuple[Directive, ...]
    issues: tuple[ParseIssue, ...]
    lines: LineIndex = field(repr=False, compare=False)
    newline: str = "\n"  # the line ending the document uses, for fixes that insert lines
    original: str = field(default="", repr=False, compare=False)  # `text` before typography.fold

    def slice(self, span: Span) -> str:
        return self.text[span.start : span.end]


    @property
    def chapeau(self) -> Chapeau | None:
        return self.parts[0].chapeau if self.parts else None

    @property
    def preambular(self) -> tuple[PreambularParagraph, ...]:
        return tuple(p for part in self.parts for p in part.preambular)

    @property
    def operative(self) -> tuple[OperativeParagraph, ...]:
        return tuple(p for part in self.parts for p in part.operative)

    @property
    def closing(self) -> MeetingLine | None:
        return next((part.closing for part in reversed(self.parts) if part.closing), None)

    @property
    def single_operative(self) -> bool:
        operative = self.operative
        return len(operative) == 1 and operative[0].number is None

    def all_subparagraphs(self):
        """Every sub-paragraph of the preamble and the operative part, depth first."""
        stack = [p for p in (*self.preambular, *self.operative)]
        stack.reverse()
        while stack:
            node = stack.pop()
            if isinstance(node, SubParagraph):
                yield node
            stack.extend(reversed(node.subparagraphs))
