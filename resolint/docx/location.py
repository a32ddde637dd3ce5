"""Where a finding is in Word: the paragraph a user can count to, the preambular or operative
paragraph it belongs to, and a short quote of the text to search for (Ctrl+F).

`WordIndex` is a Word document's `Locator` (linter/locator.py), what the renderers place its
findings with: line and column in the text form (as `resolint convert` writes it), and the
paragraph, the quote and the `docx` details of `word_location()`. No XML library is imported
here.
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from ..document.model import Document, Paragraph
from ..document.span import LineIndex, Span
from ..linter.locator import Location
from .mapping import DocxMap

SHORTEST_QUOTE = 30  # characters of context a quote has at least (when the paragraph has them)
LONGEST_QUOTE = 60  # a longer finding is quoted by its beginning and end


@dataclass(frozen=True, slots=True)
class WordLocation:
    """A finding's place in a Word document.

    `paragraph`: 1-based number of the visible paragraph in the document (empty paragraphs
    not counted); None in a footnote, which `footnote` then names by its mark. `role`:
    "operative 3", "operative 3 (a)", "preambular 2" when the text belongs to one.
    `part`, `paragraph_index`, `start`, `end_paragraph_index`, `end`: the `w:p` (by its index
    in the body, or in the footnote) and character offsets in its text, for tools.
    """

    paragraph: int | None
    footnote: str | None
    role: str | None
    quote: str
    part: str
    paragraph_index: int
    start: int
    end_paragraph_index: int
    end: int
    footnote_id: str | None = None

    @property
    def label(self) -> str:
        """"paragraph 14 (operative 3)", "footnote 2", "document"."""
        if self.footnote is not None:
            return f"footnote {self.footnote}"
        if self.paragraph is None:
            return "document"
        return f"paragraph {self.paragraph}" + (f" ({self.role})" if self.role else "")

    def as_json(self) -> dict:
        return {
            "location": self.label,
            "paragraph": self.paragraph,
            "footnote": self.footnote,
            "role": self.role,
            "quote": self.quote,
            "part": self.part,
            "paragraph_index": self.paragraph_index,
            "start": self.start,
            "end_paragraph_index": self.end_paragraph_index,
            "end": self.end,
            "footnote_id": self.footnote_id,
        }


class WordIndex:
    """A Word document's locator (see the module docstring)."""

    def __init__(self, doc: Document | None, word: DocxMap, *, language: str | None = None) -> None:
        """`doc` is the parsed text form; without it (a caller that kept only the findings)
        the text is parsed again when a paragraph's role is first asked for."""
        self._doc = doc
        self.word = word
        self._language = language
        self._roles: list[tuple[Span, str]] | None = None
        self._starts: list[int] = []
        self._lines: LineIndex | None = None

    @property
    def doc(self) -> Document:
        if self._doc is None:
            from ..grammar.parser import parse

            self._doc = parse(self.word.text, language=self._language)
        return self._doc

    def position(self, offset: int) -> tuple[int, int]:
        if self._doc is None:
            if self._lines is None:
                self._lines = LineIndex(self.word.text)
            return self._lines.position(offset)
        return self._doc.lines.position(offset)

    def locate(self, span: Span) -> Location:
        line, column = self.position(span.start)
        end_line, end_column = self.position(span.end)
        where = self.word_location(span)
        return Location(line, column, end_line, end_column, where.label, where.quote, {"docx": where.as_json()})

    def word_location(self, span: Span) -> WordLocation:
        word = self.word
        start = word.point(span.start)
        end = word.point(span.end, end=True) if span.end > span.start else start
        if start is None or end is None:  # an empty document
            return WordLocation(None, None, None, "", "document", 0, 0, 0, 0)
        paragraph = word.paragraphs[start.paragraph]
        last = word.paragraphs[end.paragraph]
        in_note = paragraph.part == "footnotes"
        return WordLocation(
            paragraph=None if in_note else paragraph.number,
            footnote=paragraph.footnote if in_note else None,
            role=None if in_note else self.role(span.start),
            quote=self.quote(span),
            part=paragraph.part,
            paragraph_index=paragraph.index,
            start=start.offset,
            end_paragraph_index=last.index,
            end=end.offset,
            footnote_id=paragraph.footnote_id,
        )

    def quote(self, span: Span) -> str:
        """The visible text of `span` with some context: all of a short paragraph, else at
        least SHORTEST_QUOTE characters cut at word boundaries, "…" where it was cut."""
        word = self.word
        index = word.block_index(span.start)
        if index < 0:
            return ""
        block_start, block_end = word.blocks[index]
        start = min(max(span.start, block_start), block_end)
        end = min(max(span.end, start), block_end)
        before = word.visible(block_start, start)
        inside = word.visible(start, end)
        after = word.visible(end, block_end)
        if len(before) + len(inside) + len(after) <= LONGEST_QUOTE:  # a short paragraph: all of it
            return " ".join(f"{before}{inside}{after}".split())
        if len(inside) > LONGEST_QUOTE:
            half = (LONGEST_QUOTE - 1) // 2
            inside = inside[:half].rstrip() + "…" + inside[-half:].lstrip()
        missing = max(0, SHORTEST_QUOTE - len(inside))
        # context on both sides (more before: a finding is usually about what leads up to it)
        head = _tail_words(before, max(missing * 2 // 3, missing - len(after)))
        tail = _head_words(after, max(0, missing - len(head)))
        text = " ".join(f"{head}{inside}{tail}".split())
        prefix = "…" if len(head) < len(before) else ""
        suffix = "…" if len(tail) < len(after) else ""
        return f"{prefix}{text}{suffix}"

    def role(self, offset: int) -> str | None:
        """"preambular 2", "operative 3", "operative 3 (a)" for the paragraph at `offset`."""
        if self._roles is None:
            self._roles = _roles(self.doc)
            self._starts = [span.start for span, _ in self._roles]
        index = bisect_right(self._starts, offset) - 1
        if index >= 0:
            span, role = self._roles[index]
            if span.start <= offset <= span.end:  # the end too: a missing final mark goes there
                return role
        return None


def _roles(doc: Document) -> list[tuple[Span, str]]:
    """(span, role) of every paragraph and sub-paragraph, sorted by start."""
    roles: list[tuple[Span, str]] = []
    several = len(doc.parts) > 1

    def add(paragraph: Paragraph, role: str) -> None:
        roles.append((paragraph.span, role))
        for child in paragraph.subparagraphs:
            add(child, f"{role} ({child.marker})")

    for part in doc.parts:
        prefix = f"{doc.slice(part.label.span).strip()}, " if several and part.label else ""
        for number, paragraph in enumerate(part.preambular, 1):
            add(paragraph, f"{prefix}preambular {number}")
        for paragraph in part.operative:
            add(paragraph, f"{prefix}operative" + (f" {paragraph.number}" if paragraph.number is not None else ""))
    roles.sort(key=lambda item: item[0].start)  # paragraph spans do not overlap: sub-paragraphs follow their lead-in
    return roles


def _tail_words(text: str, length: int) -> str:
    """The last words of `text`, at least `length` characters of it (all of it if shorter)."""
    if length <= 0:
        return ""
    if len(text) <= length:
        return text
    cut = len(text) - length
    while cut > 0 and not text[cut - 1].isspace():
        cut -= 1
    return text[cut:]


def _head_words(text: str, length: int) -> str:
    if length <= 0:
        return ""
    if len(text) <= length:
        return text
    cut = length
    while cut < len(text) and not text[cut].isspace():
        cut += 1
    return text[:cut]
