"""A Word document -> the text form the linter reads, with the map back to Word.

Each paragraph of the body becomes one block (blocks are separated by a blank line):

- the automatic number Word shows ("12. ", "(a) ") is written before the text;
- italic and bold, however Word got them (run properties, character or paragraph styles),
  become `*…*` and `**…**`; runs that Word split inside a word join up again; spaces around
  an emphasised phrase stay outside the markers, and a space between two emphasised words
  (italic or not, it looks the same) does not break the emphasis;
- a footnote reference becomes `<sup>n</sup>` (n counted as Word numbers them; a custom mark
  such as "*" is kept), and the footnote texts follow the document, each a block of its own,
  `<sup>n</sup> text`, in the order of their references (at the end, not after the paragraph:
  a paragraph that follows a footnote text is read as the continuation of the one before it,
  as at a page break in a converted PDF, and Word paragraphs are never interrupted); other superscript text (footnote numbers typed by hand) becomes
  `<sup>…</sup>` too;
- tracked changes are read as accepted: insertions kept (their text pieces marked
  `inserted`), deletions (and moved-away text) dropped, a deleted paragraph mark joins the
  paragraph to the next; or, in the *original* reading, as rejected: insertions (and
  moved-in text) dropped, deletions kept, an inserted paragraph mark joins the paragraph to
  the next, the joined paragraph numbered and styled as the first (the paragraph that was
  split in two);
- comments, hidden text, field codes, drawings, headers and footers are left out; a tab is
  a tab and a line break a line break.

What a document can make resolint do is bounded, whatever its XML says: each paragraph is
read once (a table inside a table cell included, once, where it stands), containers nest at
most MAX_NESTING deep, a footnote is read once however often it is referenced, and the text
form is at most MAX_TEXT characters; past a bound the document is refused (`ReadLimit`).
"""
from __future__ import annotations

from dataclasses import dataclass

from .mapping import (
    BREAK,
    EMPHASIS,
    JOIN,
    LABEL,
    NOTE,
    REF,
    SUP,
    TEXT,
    DocxMap,
    Piece,
    WordParagraph,
)
from .numbering import Numbering
from .ooxml import (
    BR,
    CR,
    CUSTOM_MARK,
    DEL,
    DEL_TEXT,
    DELETIONS,
    FOOTNOTE_REFERENCE,
    ID,
    INLINE_CONTAINERS,
    INS,
    INSERTIONS,
    NO_BREAK_HYPHEN,
    PPR,
    PTAB,
    RPR,
    SDT,
    SDT_CONTENT,
    TAB,
    TBL,
    TC,
    TR,
    TYPE,
    P,
    R,
    T,
    w,
)
from .styles import Look, Styles

FOOTNOTE = w("footnote")
MARKERS = {"italic": "*", "bold": "**"}
CUSTOM_XML = w("customXml")
BLOCK_CONTAINERS = frozenset((SDT_CONTENT, CUSTOM_XML))
MAX_NESTING = 32  # tables in table cells, content controls, hyperlinks... (real drafts: 3 or 4)
MAX_TEXT = 32 * 1024 * 1024  # characters of the text form (labels and markers included)


class ReadLimit(Exception):
    """The document goes past a bound of what resolint reads; the message says which."""


def _nesting(depth: int) -> None:
    if depth > MAX_NESTING:
        raise ReadLimit(f"its content is nested more than {MAX_NESTING} levels deep (tables inside table cells, "
                        f"content controls, links), more than resolint reads")


@dataclass(slots=True)
class _Text:
    """Characters of one XML element of one paragraph, as one look."""

    text: str
    look: Look
    node: object
    node_offset: int
    paragraph: int  # index into the paragraphs list
    offset: int  # character offset in the paragraph's text
    inserted: bool = False  # inside a tracked insertion

    @property
    def blank(self) -> bool:
        return not self.text.strip()


@dataclass(slots=True)
class _Ref:
    label: str
    footnote_id: str | None
    node: object
    paragraph: int
    offset: int


@dataclass(slots=True)
class _Sup:
    """Superscript text — typed by hand, or the commas between footnote references
    ("10,11") — written as one `<sup>…</sup>` around its parts."""

    parts: list


@dataclass(slots=True)
class _Join:
    """The space between two paragraphs of one footnote."""

    paragraph: int
    offset: int


class Reader:
    """Reads one document; `read()` returns the text form and its map."""

    def __init__(self, body, styles: Styles, numbering: Numbering, footnotes: dict[str, object], *,
                 original: bool = False) -> None:
        self.body = body
        self.original = original  # the text with every tracked change rejected
        self.styles = styles
        self.numbering = numbering
        self.footnotes = footnotes
        self.paragraphs: list[WordParagraph] = []
        self.pieces: list[Piece] = []
        self.blocks: list[tuple[int, int]] = []
        self._chunks: list[str] = []
        self._length = 0
        self._next_note = 1
        self._visible = 0
        self._notes: list[_Ref] = []

    # --- the document ------------------------------------------------------------------

    def read(self) -> DocxMap:
        pending: list[tuple[int, object]] = []  # paragraphs whose mark was deleted
        for index, paragraph in enumerate(_block_paragraphs(self.body)):
            pending.append((index, paragraph))
            if _mark_changed(paragraph, INS if self.original else DEL):
                continue
            self._body_block(pending)
            pending = []
        if pending:
            self._body_block(pending)
        read_notes: set[str | None] = set()
        for ref in self._notes:
            if ref.footnote_id not in read_notes:  # a footnote referenced twice is read once
                read_notes.add(ref.footnote_id)
                self._footnote(ref)
        if self.pieces:
            last = self.pieces[-1]
            self._emit("\n", BREAK, last.paragraph, self._end_offset(last))
        return DocxMap("".join(self._chunks), self.paragraphs, self.pieces, self.blocks)

    def _body_block(self, group: list[tuple[int, object]]) -> None:
        """One block from one paragraph (or several joined by deleted paragraph marks)."""
        first = len(self.paragraphs)
        items: list = []
        last_element = group[0 if self.original else -1][1]  # the one whose mark stays
        style = self.styles.paragraph_style(last_element)
        for offset_in_group, (index, element) in enumerate(group):
            self.paragraphs.append(WordParagraph("document", index, None, element=element))
            items.extend(self._items(element, first + offset_in_group, self.styles.paragraph_style(element)))
        label = self.numbering.label(last_element, style)
        if not label and not any(not isinstance(item, _Text) or not item.blank for item in items):
            del self.paragraphs[first:]
            return
        self._visible += 1
        for position in range(first, len(self.paragraphs)):
            self.paragraphs[position] = _numbered(self.paragraphs[position], self._visible)
        start = self._start_block(first)
        if label:
            self._emit(label, LABEL, len(self.paragraphs) - 1, 0)
        self._inline(items)
        self._end_block(start)
        for item in items:
            for part in item.parts if isinstance(item, _Sup) else (item,):
                if isinstance(part, _Ref) and part.footnote_id is not None:
                    self._notes.append(part)

    # --- footnotes ---------------------------------------------------------------------

    def _footnote(self, ref: _Ref) -> None:
        note = self.footnotes.get(ref.footnote_id)
        if note is None:
            return
        first = len(self.paragraphs)
        items: list = []
        for index, element in enumerate(note.iter(P)):
            self.paragraphs.append(WordParagraph("footnotes", index, None, ref.label, ref.footnote_id, element))
            if index:
                items.append(_Join(first + index, 0))
            items.extend(self._items(element, first + index, self.styles.paragraph_style(element)))
        _drop_leading_blanks(items)
        if items and isinstance(items[0], _Sup) and "".join(getattr(part, "text", "") for part in items[0].parts) == ref.label:
            items.pop(0)  # a custom mark is typed at the start of its footnote's text
            _drop_leading_blanks(items)
        if items and isinstance(items[0], _Text):
            items[0] = _lstrip(items[0])
        start = self._start_block(first)
        self._emit(f"<sup>{ref.label}</sup>" + (" " if items else ""), NOTE, first, 0)
        self._inline(items)
        self._end_block(start)

    # --- paragraphs ----------------------------------------------------------------------

    def _items(self, paragraph, paragraph_index: int, style: str | None) -> list:
        """The text, footnote references and superscripts of one paragraph, in order."""
        items: list = []
        offset = 0

        left_out, read_too = (INSERTIONS, DELETIONS) if self.original else (DELETIONS, frozenset())

        def walk(container, depth: int = 0, inserted: bool = False) -> None:
            _nesting(depth)
            for child in container:
                tag = child.tag
                if tag == R:
                    run(child, inserted)
                elif tag in left_out:
                    continue
                elif tag in INLINE_CONTAINERS or tag in read_too:
                    walk(child, depth + 1, inserted or tag in INSERTIONS)
                elif tag == SDT:
                    content = child.find(SDT_CONTENT)
                    if content is not None:
                        walk(content, depth + 1, inserted)
                # comments, bookmarks, proofing marks, math (and deletions, as accepted): not in the text

        def run(element, inserted: bool) -> None:
            nonlocal offset
            look = self.styles.look(element.find(RPR), style)
            if look.hidden:
                return
            custom = False
            for child in element:
                tag = child.tag
                if tag == T or (tag == DEL_TEXT and self.original):
                    text = child.text or ""
                    if custom:  # the mark of a footnote with a custom mark ("*")
                        items[-1].label = (items[-1].label + text).strip() or "*"
                        continue
                    if text:
                        items.append(_Text(text, look, child, 0, paragraph_index, offset, inserted))
                        offset += len(text)
                    continue
                char = _CHARACTERS.get(tag)
                if tag == BR and child.get(TYPE) in ("page", "column"):
                    char = None
                if char is not None:
                    items.append(_Text(char, look, child, 0, paragraph_index, offset, inserted))
                    offset += 1
                elif tag == FOOTNOTE_REFERENCE:
                    custom = child.get(CUSTOM_MARK) in ("1", "true", "on")
                    if custom:
                        label = ""
                    else:
                        label = str(self._next_note)
                        self._next_note += 1
                    items.append(_Ref(label, child.get(ID), element, paragraph_index, offset))

        walk(paragraph)
        for item in items:
            if isinstance(item, _Ref) and not item.label:
                item.label = "*"
        return _superscripts(items)

    # --- emitting ------------------------------------------------------------------------

    def _inline(self, items: list) -> None:
        """Write the items with emphasis markers: each layer (italic, bold) over maximal
        stretches of emphasised text, blanks and marks inside a stretch not breaking it."""
        units = _units(items)
        ranges = {layer: _ranges(units, layer) for layer in MARKERS}
        pointer = dict.fromkeys(MARKERS, 0)
        stack: list[str] = []  # open layers, outermost first
        previous = None
        for index, unit in enumerate(units):
            wanted: dict[str, int] = {}  # layer -> index of the last unit of its stretch
            for layer, spans in ranges.items():
                while pointer[layer] < len(spans) and spans[pointer[layer]][1] < index:
                    pointer[layer] += 1
                if pointer[layer] < len(spans) and spans[pointer[layer]][0] <= index:
                    wanted[layer] = spans[pointer[layer]][1]
            self._close(stack, wanted, previous)
            for layer in sorted((layer for layer in wanted if layer not in stack), key=lambda layer: -wanted[layer]):
                paragraph, offset = _anchor(unit, at_end=False)
                self._emit(MARKERS[layer], EMPHASIS, paragraph, offset)
                stack.append(layer)  # the stretch that lasts longer opens first, so markers nest
            self._unit(unit)
            previous = unit
        self._close(stack, {}, previous)

    def _close(self, stack: list[str], wanted: dict[str, int], previous) -> None:
        """Close the layers that end here, and those opened inside them (reopened after)."""
        keep = next((i for i, layer in enumerate(stack) if layer not in wanted), len(stack))
        if keep == len(stack):
            return
        paragraph, offset = _anchor(previous, at_end=True)
        for layer in reversed(stack[keep:]):
            self._emit(MARKERS[layer], EMPHASIS, paragraph, offset)
        del stack[keep:]

    def _unit(self, unit) -> None:
        if isinstance(unit, _Text):
            self._emit(unit.text, TEXT, unit.paragraph, unit.offset, unit.node, unit.node_offset,
                       (unit.look.italic, unit.look.bold, unit.look.superscript), unit.inserted)
        elif isinstance(unit, _Ref):
            self._emit(f"<sup>{unit.label}</sup>", REF, unit.paragraph, unit.offset, unit.node)
        elif isinstance(unit, _Sup):
            first = unit.parts[0]
            self._emit("<sup>", SUP, first.paragraph, first.offset)
            for part in unit.parts:
                if isinstance(part, _Ref):  # inside the group's <sup>: the mark alone
                    self._emit(part.label, REF, part.paragraph, part.offset, part.node)
                else:
                    self._unit(part)
            paragraph, offset = _anchor(unit.parts[-1], at_end=True)
            self._emit("</sup>", SUP, paragraph, offset)
        elif isinstance(unit, _Join):
            self._emit(" ", JOIN, unit.paragraph, unit.offset)

    def _start_block(self, paragraph: int) -> int:
        if self.pieces:
            last = self.pieces[-1]
            self._emit("\n\n", BREAK, last.paragraph, self._end_offset(last))
        return self._length

    def _end_block(self, start: int) -> None:
        self.blocks.append((start, self._length))

    def _emit(self, text: str, kind: str, paragraph: int, offset: int, node=None, node_offset: int = 0,
              style: tuple[bool, bool, bool] = (False, False, False), inserted: bool = False) -> None:
        if not text:
            return
        start = self._length
        self._length += len(text)
        if self._length > MAX_TEXT:
            raise ReadLimit(f"its text is longer than {MAX_TEXT // (1024 * 1024)} M characters, "
                            "more than resolint reads")
        self._chunks.append(text)
        self.pieces.append(Piece(start, self._length, kind, paragraph, offset, node, node_offset, style, inserted))

    @staticmethod
    def _end_offset(piece: Piece) -> int:
        return piece.offset + (piece.end - piece.start if piece.kind == TEXT else 0)


_CHARACTERS = {TAB: "\t", PTAB: "\t", BR: "\n", CR: "\n", NO_BREAK_HYPHEN: "-"}


def _block_paragraphs(container, depth: int = 0):
    """The paragraphs of the body in reading order, each once: table cells (and the tables
    inside them, where they stand) and content controls included, text boxes and drawings
    not."""
    _nesting(depth)
    for child in container:
        tag = child.tag
        if tag == P:
            yield child
        elif tag == TBL:
            for row in _table_parts(child, TR, depth + 1):
                for cell in _table_parts(row, TC, depth + 1):
                    yield from _block_paragraphs(cell, depth + 1)
        elif tag == SDT:
            content = child.find(SDT_CONTENT)
            if content is not None:
                yield from _block_paragraphs(content, depth + 1)
        elif tag in BLOCK_CONTAINERS:
            yield from _block_paragraphs(child, depth + 1)


def _table_parts(container, tag: str, depth: int):
    """The rows of a table (or the cells of a row): its own children of that kind, and those
    a content control or custom XML wraps — not the rows of the tables inside its cells."""
    _nesting(depth)
    for child in container:
        if child.tag == tag:
            yield child
        elif child.tag == SDT:
            content = child.find(SDT_CONTENT)
            if content is not None:
                yield from _table_parts(content, tag, depth + 1)
        elif child.tag == CUSTOM_XML:
            yield from _table_parts(child, tag, depth + 1)


def _mark_changed(paragraph, change: str) -> bool:
    """Whether the paragraph's mark is a tracked deletion (or insertion: `change`)."""
    ppr = paragraph.find(PPR)
    rpr = ppr.find(RPR) if ppr is not None else None
    return rpr is not None and rpr.find(change) is not None


def _numbered(paragraph: WordParagraph, number: int) -> WordParagraph:
    return WordParagraph(paragraph.part, paragraph.index, number, paragraph.footnote, paragraph.footnote_id, paragraph.element)


def _superscripts(items: list) -> list:
    """Group superscript text into `_Sup`s, written `<sup>…</sup>` as the Markdown converted
    from the official PDFs writes every superscript (a typed footnote number, or "st" in
    "1st" — which the footnote rules then see, as they would in the PDF). Footnote
    references joined by superscript text ("10,11") make one group, as Word shows them;
    references side by side with nothing between stay apart."""
    out: list = []
    group: list = []

    def flush() -> None:
        if any(isinstance(part, _Text) for part in group):
            out.append(_Sup(list(group)))
        else:
            out.extend(group)
        group.clear()

    for item in items:
        if isinstance(item, _Ref) or (isinstance(item, _Text) and item.look.superscript and not item.blank):
            group.append(item)
            continue
        flush()
        out.append(item)
    flush()
    return out


def _units(items: list) -> list:
    """Split text items so that blanks at their edges are units of their own: a space
    never stands just inside an emphasis marker."""
    units: list = []
    for item in items:
        if not isinstance(item, _Text) or item.blank:
            units.append(item)
            continue
        text = item.text
        core_start = len(text) - len(text.lstrip())
        core_end = len(text.rstrip())
        for start, end in ((0, core_start), (core_start, core_end), (core_end, len(text))):
            if end > start:
                units.append(_Text(text[start:end], item.look, item.node, item.node_offset + start,
                                   item.paragraph, item.offset + start, item.inserted))
    return units


def _ranges(units: list, layer: str) -> list[tuple[int, int]]:
    """(first, last) unit indices of each stretch of `layer`: from an emphasised word to the
    last emphasised word before a plain one; blanks, references and superscripts between
    emphasised words do not end a stretch."""
    spans = []
    first = last = None
    for index, unit in enumerate(units):
        if not isinstance(unit, _Text) or unit.blank:
            continue
        if getattr(unit.look, layer):
            if first is None:
                first = index
            last = index
        elif first is not None:
            spans.append((first, last))
            first = last = None
    if first is not None:
        spans.append((first, last))
    return spans


def _anchor(unit, at_end: bool) -> tuple[int, int]:
    if isinstance(unit, _Text):
        return unit.paragraph, unit.offset + (len(unit.text) if at_end else 0)
    if isinstance(unit, _Sup):
        return _anchor(unit.parts[-1 if at_end else 0], at_end)
    return unit.paragraph, unit.offset


def _drop_leading_blanks(items: list) -> None:
    while items and (isinstance(items[0], _Join) or (isinstance(items[0], _Text) and items[0].blank)):
        items.pop(0)


def _lstrip(item: _Text) -> _Text:
    cut = len(item.text) - len(item.text.lstrip())
    return _Text(item.text[cut:], item.look, item.node, item.node_offset + cut, item.paragraph, item.offset + cut,
                 item.inserted)


def read(document, *, original: bool = False) -> DocxMap:
    """The text form of an open python-docx Document, with its map; `original`: with every
    tracked change rejected (the text before the changes)."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    part = document.part
    styles = Styles(_related(part, RT.STYLES))
    numbering = Numbering(_related(part, RT.NUMBERING), styles)
    footnotes = {}
    notes = _related(part, RT.FOOTNOTES)
    if notes is not None:
        for note in notes.iter(FOOTNOTE):
            if note.get(TYPE) in (None, "normal"):
                footnotes[note.get(ID)] = note
    return Reader(document.element.body, styles, numbering, footnotes, original=original).read()


def _related(part, relationship: str):
    """The XML of the part related to `part` by `relationship`, or None (never created)."""
    for rel in part.rels.values():
        if rel.reltype == relationship and not rel.is_external:
            return getattr(rel.target_part, "element", None)
    return None
