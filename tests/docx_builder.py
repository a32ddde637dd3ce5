"""Build Word documents from resolution Markdown, the way a drafter's Word file holds them:
italic and bold runs, footnotes in the footnotes part (numbered by Word, or with a custom
mark such as "*"), paragraph numbers either typed or automatic (numbering.xml).

Used by the tests only: the .docx files are made here, from the corpus texts and from
broken drafts, so that nothing binary is checked in.
"""
from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field

import docx
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import XmlPart
from docx.oxml import parse_xml
from docx.oxml.ns import qn

from resolint.grammar.blocks import physical_blocks, split
from resolint.grammar.inline import scan
from resolint.grammar.labels import MARKER, NUMBER
from resolint.grammar.parser import parse

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
DECIMAL_LABEL = re.compile(rf"({NUMBER})\. ")
LETTER_LABEL = re.compile(rf"\(({MARKER})\) ")
SEPARATOR = re.compile(r"_{3,}")
MARK_SEPARATOR = re.compile(r"(\s*,\s*)")
ABSTRACT_ID = "90"
LEVELS = (("decimal", "%1."), ("lowerLetter", "(%2)"), ("lowerRoman", "(%3)"))


@dataclass
class Built:
    """The .docx bytes, and for each Markdown block (by its start offset) where it went:
    ("document", body paragraph index) or ("footnotes", footnote label)."""

    data: bytes
    places: dict[int, tuple[str, object]] = field(default_factory=dict)


def build_docx(markdown: str, *, numbering: str = "auto") -> Built:
    """A .docx holding `markdown` (numbering "auto": numbers that Word would give the same
    way become automatic numbering; "typed": every number stays text)."""
    builder = _Builder(markdown, numbering)
    return builder.build()


class _Builder:
    def __init__(self, markdown: str, numbering: str) -> None:
        self.text = markdown
        self.auto = numbering == "auto"
        self.document = docx.Document()
        self.body = self.document.element.body
        for paragraph in list(self.body.iterchildren(qn("w:p"))):
            self.body.remove(paragraph)
        self.places: dict[int, tuple[str, object]] = {}
        self.notes: dict[str, tuple[int, int]] = {}  # label -> span of its text in the Markdown
        self.used: set[str] = set()
        self.next_note = 1
        self.note_elements = []
        self.counters: list[int | None] = [None, None, None]
        self.num_id: str | None = None
        self.paragraph_count = 0
        self.last = None

    def build(self) -> Built:
        raw = split(self.text)
        physical = physical_blocks(self.text)
        referenced = {
            label
            for span, kind in physical if kind not in ("footnote", "comment")
            for ref in scan(self.text, span.start, span.end).inline.refs
            for label in MARK_SEPARATOR.split(ref.label)
        }
        for span, kind in physical:
            if kind != "footnote":
                continue
            for block in raw:
                if block.kind == "footnote" and span.start <= block.span.start < span.end:
                    label = _note_label(self.text, block.span.start)
                    if label in referenced:  # a text nothing refers to stays in the body, as typed
                        self.notes.setdefault(label, (block.span.start, block.span.end))
        note_starts = {start for start, _ in self.notes.values()}
        self.continued = _continuations(self.text)
        for span, kind in physical:
            if kind == "comment" or SEPARATOR.fullmatch(self.text[span.start : span.end]):
                continue  # a page's footnote rule "_____" is Word's own drawing, not text
            if kind == "footnote":
                leftovers = [b for b in raw if b.kind == "footnote" and span.start <= b.span.start < span.end
                             and b.span.start not in note_starts]
                for block in leftovers:  # a second text for the same mark: stays in the body
                    self._paragraph(block.span.start, block.span.end)
                continue
            self._paragraph(span.start, span.end)
        if self.note_elements:
            self._footnotes_part()
        out = io.BytesIO()
        self.document.save(out)
        return Built(out.getvalue(), self.places)

    # --- body paragraphs ---------------------------------------------------------------

    def _paragraph(self, start: int, end: int) -> None:
        if start in self.continued and self.last is not None:
            # the rest of a paragraph that a page break (and its footnotes) interrupted
            self.places[start] = ("document", self.paragraph_count - 1)
            self.last.append(_run(" "))
            self._runs(self.last, start, end, footnotes=True)
            return
        paragraph = self.document.add_paragraph()
        self.last = paragraph._p
        self.places[start] = ("document", self.paragraph_count)
        self.paragraph_count += 1
        if self.auto:
            start = self._number(paragraph, start, end)
        self._runs(paragraph._p, start, end, footnotes=True)

    def _number(self, paragraph, start: int, end: int) -> int:
        """Automatic numbering when Word would show the same number; returns where the text
        after the (removed) label starts."""
        text = self.text[start:end]
        decimal = DECIMAL_LABEL.match(text)
        letter = LETTER_LABEL.match(text)
        if decimal:
            value = int(decimal.group(1))
            level, match = 0, decimal
            wanted = str(value)
            expected = str((self.counters[0] or 0) + 1)
        elif letter:
            match = letter
            wanted = letter.group(1)
            expected_letter = _letters((self.counters[1] or 0) + 1)
            expected_roman = _roman((self.counters[2] or 0) + 1)
            if wanted == expected_letter or (wanted == "a" and wanted != expected_roman):
                level, expected = 1, expected_letter
            elif wanted in (expected_roman, "i"):
                level, expected = 2, expected_roman
            else:
                return start
        else:
            return start
        first = "1" if level == 0 else "a" if level == 1 else "i"
        if wanted != expected:
            if wanted != first:
                return start
            self._new_num(restart_level=level)
        elif self.num_id is None:
            self._new_num(restart_level=None)
        self.counters[level] = 1 if wanted == first else (self.counters[level] or 0) + 1
        for deeper in range(level + 1, len(self.counters)):
            self.counters[deeper] = None
        ppr = paragraph._p.get_or_add_pPr()
        ppr.append(parse_xml(
            f'<w:numPr xmlns:w="{W_NS}"><w:ilvl w:val="{level}"/><w:numId w:val="{self.num_id}"/></w:numPr>'
        ))
        return start + match.end()

    def _new_num(self, restart_level: int | None) -> None:
        numbering = self.document.part.numbering_part.element
        if numbering.find(qn("w:abstractNum") + f"[@{{{W_NS}}}abstractNumId='{ABSTRACT_ID}']") is None:
            levels = "".join(
                f'<w:lvl w:ilvl="{index}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
                f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/></w:lvl>'
                for index, (fmt, text) in enumerate(LEVELS)
            )
            abstract = parse_xml(f'<w:abstractNum xmlns:w="{W_NS}" w:abstractNumId="{ABSTRACT_ID}">{levels}</w:abstractNum>')
            first_num = numbering.find(qn("w:num"))
            if first_num is None:
                numbering.append(abstract)
            else:
                first_num.addprevious(abstract)
        ids = [int(num.get(qn("w:numId"))) for num in numbering.iterchildren(qn("w:num"))]
        self.num_id = str(max(ids, default=0) + 1)
        override = (f'<w:lvlOverride w:ilvl="{restart_level}"><w:startOverride w:val="1"/></w:lvlOverride>'
                    if restart_level is not None else "")
        numbering.append(parse_xml(
            f'<w:num xmlns:w="{W_NS}" w:numId="{self.num_id}"><w:abstractNumId w:val="{ABSTRACT_ID}"/>{override}</w:num>'
        ))
        if restart_level is not None:
            for level in range(restart_level, len(self.counters)):
                self.counters[level] = None

    # --- runs ----------------------------------------------------------------------------

    def _runs(self, p, start: int, end: int, footnotes: bool) -> None:
        """Runs for text[start:end]: emphasis becomes italic/bold, `<sup>n</sup>` a
        footnote reference (or superscript text), stray markers stay text."""
        inline = scan(self.text, start, end).inline
        markup = []  # (start, end, kind, payload)
        for emphasis in inline.emphases:
            width = emphasis.inner.start - emphasis.span.start
            markup.append((emphasis.span.start, emphasis.span.start + width, "marker", None))
            markup.append((emphasis.inner.end, emphasis.span.end, "marker", None))
        for ref in inline.refs:
            markup.append((ref.span.start, ref.span.end, "ref", ref))
        markup.sort(key=lambda item: item[0])
        position = start
        for m_start, m_end, kind, ref in markup:
            if m_start < position:
                continue
            self._text(p, inline, position, m_start)
            if kind == "ref":
                self._reference(p, ref, footnotes)
            position = m_end
        self._text(p, inline, position, end)

    def _text(self, p, inline, start: int, end: int) -> None:
        if end <= start:
            return
        cuts = {start, end}
        for emphasis in inline.emphases:
            for offset in (emphasis.inner.start, emphasis.inner.end):
                if start < offset < end:
                    cuts.add(offset)
        points = sorted(cuts)
        for left, right in zip(points, points[1:]):
            italic = any(e.inner.start <= left and right <= e.inner.end and not e.strong for e in inline.emphases)
            bold = any(e.inner.start <= left and right <= e.inner.end and e.strong for e in inline.emphases)
            p.append(_run(self.text[left:right], italic=italic, bold=bold))

    def _reference(self, p, ref, footnotes: bool) -> None:
        """A footnote reference; several ("10,11") are references with superscript commas."""
        for part in MARK_SEPARATOR.split(ref.label) if footnotes else [ref.label]:
            if MARK_SEPARATOR.fullmatch(part):
                p.append(_run(part, superscript=True))
            else:
                self._one_reference(p, part, footnotes)

    def _one_reference(self, p, label: str, footnotes: bool) -> None:
        if footnotes and label in self.notes and label not in self.used:
            self.used.add(label)
            note_id = len(self.note_elements) + 1
            custom = label != str(self.next_note)
            if not custom:
                self.next_note += 1
            mark = ' w:customMarkFollows="1"' if custom else ""
            text = f'<w:t xml:space="preserve">{_escape(label)}</w:t>' if custom else ""
            p.append(parse_xml(
                f'<w:r xmlns:w="{W_NS}"><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
                f'<w:footnoteReference{mark} w:id="{note_id}"/>{text}</w:r>'
            ))
            self._note(note_id, label, custom)
            return
        p.append(_run(label, superscript=True))

    def _note(self, note_id: int, label: str, custom: bool) -> None:
        start, end = self.notes[label]
        self.places[start] = ("footnotes", label)
        body_start = self.text.index("</sup>", start) + len("</sup>")
        while body_start < end and self.text[body_start] in " \t":
            body_start += 1
        mark = (f'<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:t>{_escape(label)}</w:t></w:r>' if custom
                else '<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteRef/></w:r>')
        note = parse_xml(
            f'<w:footnote xmlns:w="{W_NS}" w:id="{note_id}"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr>'
            f'{mark}<w:r><w:t xml:space="preserve"> </w:t></w:r></w:p></w:footnote>'
        )
        self._runs(note.find(qn("w:p")), body_start, end, footnotes=False)
        self.note_elements.append(note)

    def _footnotes_part(self) -> None:
        separators = (
            '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
            '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>'
        )
        element = parse_xml(f'<w:footnotes xmlns:w="{W_NS}">{separators}</w:footnotes>')
        for note in self.note_elements:
            element.append(note)
        part = XmlPart(PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES, element, self.document.part.package)
        self.document.part.relate_to(part, RT.FOOTNOTES)


def _continuations(markdown: str) -> dict[int, int]:
    """Start of each continued piece of a paragraph -> start of the paragraph."""
    doc = parse(markdown)
    found = {}
    for paragraph in (*doc.preambular, *doc.operative, *doc.all_subparagraphs()):
        for piece in paragraph.pieces[1:]:
            found[piece.start] = paragraph.pieces[0].start
    return found


def _run(text: str, *, italic: bool = False, bold: bool = False, superscript: bool = False):
    properties = ("<w:i/>" if italic else "") + ("<w:b/>" if bold else "") + (
        '<w:vertAlign w:val="superscript"/>' if superscript else "")
    rpr = f"<w:rPr>{properties}</w:rPr>" if properties else ""
    content = []
    for index, line in enumerate(text.split("\n")):
        if index:
            content.append("<w:br/>")
        for part_index, part in enumerate(line.split("\t")):
            if part_index:
                content.append("<w:tab/>")
            if part:
                content.append(f'<w:t xml:space="preserve">{_escape(part)}</w:t>')
    return parse_xml(f'<w:r xmlns:w="{W_NS}">{rpr}{"".join(content)}</w:r>')


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _note_label(text: str, offset: int) -> str:
    return text[offset + len("<sup>") : text.index("</sup>", offset)].strip()


def _letters(value: int) -> str:
    return chr(ord("a") + (value - 1) % 26) * ((value - 1) // 26 + 1)


def _roman(value: int) -> str:
    out = []
    for amount, digits in ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
                           (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):
        count, value = divmod(value, amount)
        out.append(digits * count)
    return "".join(out)


# --- documents written as XML text (hostile shapes python-docx would not build) ----------

XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'


def with_parts(data: bytes, parts: dict[str, bytes]) -> bytes:
    """The package `data` with the named zip entries replaced (or added), others as they were."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(info, parts.get(info.filename, source.read(info.filename)))
        for name in parts.keys() - set(source.namelist()):
            target.writestr(name, parts[name])
    return out.getvalue()


def body_docx(body: str, numbering: str | None = None) -> bytes:
    """A .docx whose body is the WordprocessingML text `body` (and, if given, whose
    numbering part holds `numbering`): written as text, never parsed here, so that any depth
    and any value can be made."""
    base = io.BytesIO()
    docx.Document().save(base)
    parts = {"word/document.xml": (f'{XML_DECLARATION}<w:document xmlns:w="{W_NS}"><w:body>{body}'
                                   "<w:sectPr/></w:body></w:document>").encode()}
    if numbering is not None:
        parts["word/numbering.xml"] = f'{XML_DECLARATION}<w:numbering xmlns:w="{W_NS}">{numbering}</w:numbering>'.encode()
    return with_parts(base.getvalue(), parts)


def paragraph_xml(text: str, props: str = "") -> str:
    """One `<w:p>` holding `text` as one run (`props`: its paragraph properties' XML)."""
    ppr = f"<w:pPr>{props}</w:pPr>" if props else ""
    return f'<w:p>{ppr}<w:r><w:t xml:space="preserve">{_escape(text)}</w:t></w:r></w:p>'


def nested_tables_xml(depth: int, inner: str) -> str:
    """`inner` in a table cell, in a table in a table cell... `depth` tables deep; each cell
    has a paragraph before the inner table and one after it."""
    xml = inner
    for level in range(depth, 0, -1):
        xml = (f"<w:tbl><w:tr><w:tc>{paragraph_xml(f'Before table {level}.')}{xml}"
               f"{paragraph_xml(f'After table {level}.')}</w:tc></w:tr></w:tbl>")
    return xml
