"""The bridge between the text form of a Word document and the document itself.

Reading a .docx produces the Markdown text the linter reads and, beside it, a list of
*pieces*: each piece is a run of that text and says where it came from. A text piece is
characters of one Word paragraph (offsets map one to one); every other piece is markup the
reader wrote and Word does not store as text (emphasis markers, automatic paragraph numbers,
footnote marks, the blank lines between paragraphs). Looking an offset up is a binary search.

This module imports no XML library: the renderers use it on every run.
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

# Piece kinds. TEXT is the paragraph's own characters; everything else is written by the reader.
TEXT = "text"
EMPHASIS = "emphasis"  # "*" / "**" markers
LABEL = "label"  # an automatic paragraph number: "12. ", "(a) "
NOTE = "note"  # the "<sup>1</sup> " that starts a footnote text
REF = "ref"  # a footnote reference "<sup>1</sup>"
SUP = "sup"  # the "<sup>" / "</sup>" around typed superscript digits
JOIN = "join"  # the space that joins the paragraphs of one footnote
BREAK = "break"  # the blank line between two blocks
VISIBLE = (TEXT, LABEL, JOIN)


@dataclass(frozen=True, slots=True)
class WordParagraph:
    """One `w:p` of the document or of a footnote.

    `index`: in the document, the paragraph's position among all paragraphs of the body
    (0-based, document order, table cells included); in a footnote, its position in the
    footnote. `number`: the 1-based number of the visible paragraph it belongs to (empty
    paragraphs are not counted). `footnote`: the footnote's displayed mark ("1", "*").
    """

    part: str  # "document" | "footnotes"
    index: int
    number: int | None = None
    footnote: str | None = None
    footnote_id: str | None = None
    element: object = field(default=None, compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class Piece:
    """Markdown offsets [start, end) and where they come from.

    For a TEXT piece, `offset` is the Word paragraph character offset of `start`, `node` the
    XML element holding the characters (`w:t`, `w:tab`, `w:br` ...) and `node_offset` the
    index of `start` in that element's text; `style` is (italic, bold, superscript) as Word
    shows them; `inserted`: the characters are a tracked insertion (read as accepted).
    Other pieces sit at `offset` and have no length in Word.
    """

    start: int
    end: int
    kind: str
    paragraph: int  # index into DocxMap.paragraphs
    offset: int
    node: object = field(default=None, compare=False, repr=False)
    node_offset: int = 0
    style: tuple[bool, bool, bool] = (False, False, False)
    inserted: bool = False


@dataclass(frozen=True, slots=True)
class WordPoint:
    """A position in Word: paragraph (index into DocxMap.paragraphs) and character offset."""

    paragraph: int
    offset: int


class DocxMap:
    """The pieces of a document's text form, in order, covering the whole text."""

    def __init__(self, text: str, paragraphs: list[WordParagraph], pieces: list[Piece], blocks: list[tuple[int, int]]) -> None:
        self.text = text
        self.paragraphs = paragraphs
        self.pieces = pieces
        self.blocks = blocks  # (start, end) of each block of the text form, in order
        self._starts = [piece.start for piece in pieces]
        self._block_starts = [start for start, _ in blocks]
        self.has_insertions = any(piece.inserted for piece in pieces)

    def inserted(self, start: int, end: int) -> bool:
        """Whether [start, end) touches text of a tracked insertion (an empty range: the
        character at `start`)."""
        if not self.has_insertions or not self.pieces:
            return False
        for index in range(self.piece_index(start), len(self.pieces)):
            piece = self.pieces[index]
            if piece.start >= max(end, start + 1):
                break
            if piece.inserted and piece.end > start:
                return True
        return False

    def piece_index(self, offset: int) -> int:
        """Index of the piece holding `offset` (the last piece for the end of the text)."""
        if not self.pieces:
            return -1
        return max(0, bisect_right(self._starts, offset) - 1)

    def block_index(self, offset: int) -> int:
        """The block holding `offset`; between blocks, the next one (the last at the end)."""
        if not self.blocks:
            return -1
        index = bisect_right(self._block_starts, offset) - 1
        if index < 0:
            return 0
        start, end = self.blocks[index]
        if offset > end and index + 1 < len(self.blocks):
            return index + 1
        return index

    def point(self, offset: int, *, end: bool = False) -> WordPoint | None:
        """Where `offset` falls in Word. `end=True` reads it as the end of a range: an
        offset at the start of a piece then belongs to the piece before it."""
        index = self.piece_index(offset)
        if index < 0:
            return None
        piece = self.pieces[index]
        if end and offset == piece.start and index > 0 and self.pieces[index - 1].kind != BREAK:
            piece = self.pieces[index - 1]
        if piece.kind == BREAK:
            following = self.pieces[index + 1] if index + 1 < len(self.pieces) else None
            if following is not None and not end:
                return WordPoint(following.paragraph, following.offset)
            return WordPoint(piece.paragraph, piece.offset)
        if piece.kind == TEXT:
            return WordPoint(piece.paragraph, piece.offset + min(offset, piece.end) - piece.start)
        return WordPoint(piece.paragraph, piece.offset)

    def visible(self, start: int, end: int) -> str:
        """The text a Word user sees for [start, end): emphasis markers and footnote marks
        left out, automatic numbers kept, the paragraphs of a footnote joined by a space."""
        out = []
        for index in range(self.piece_index(start), len(self.pieces)):
            piece = self.pieces[index]
            if piece.start >= end:
                break
            if piece.kind in VISIBLE:
                out.append(self.text[max(start, piece.start) : min(end, piece.end)])
        return "".join(out)
