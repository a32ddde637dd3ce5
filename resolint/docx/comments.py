"""Findings as Word comments, for the review copy: each finding becomes a comment in
`word/comments.xml` (author "resolint", initials "RL": the code and the message, then the
rule's documentation link) anchored on the text it is about.

The anchor is the finding's span, cut down to the characters Word holds (not resolint's
markup: emphasis markers, automatic numbers, footnote marks). A finding on markup alone, or
on no character (something missing), is anchored on the word nearest to it in its
paragraph; a paragraph with no text of its own gets the comment at its end. A finding in a
footnote is anchored on the word before the footnote's reference in the body, and its
comment says which footnote it is about: LibreOffice cannot open a document with comments
inside footnotes, and loses footnote texts when a comment's range holds or touches the
reference.

Each comment's id is above every id the document uses (footnotes, bookmarks, changes):
Word keeps ids apart by kind, but LibreOffice mixes a comment up with a footnote of the same
id (a footnote after the comment then shows another footnote's text).
"""
from __future__ import annotations

from ..document.diagnostics import Diagnostic
from .fix import _pieces, _split_run_at
from .mapping import REF, TEXT, DocxMap
from .ooxml import FOOTNOTE_REFERENCE, ID, R, w
from .reader import read

AUTHOR, INITIALS = "resolint", "RL"
RANGE_START, RANGE_END, REFERENCE = w("commentRangeStart"), w("commentRangeEnd"), w("commentReference")


def add_comments(document, word: DocxMap, findings: list[Diagnostic]) -> int:
    """Add a comment for each finding to the open python-docx Document that `word` was read
    from; returns how many were added."""
    anchors = [_anchor(word, finding.span.start, finding.span.end) for finding in findings]
    notes = [_footnote(word, anchor) for anchor in anchors]
    anchors = [_reference_word(word, note.footnote_id) if note else anchor for anchor, note in zip(anchors, notes)]
    for cut in sorted({offset for anchor in anchors if anchor for offset in anchor}, reverse=True):
        _split_run_at(word, cut)  # a run boundary at each end of each anchor
    fresh = read(document)
    comments = document.comments
    next_id = 1 + largest_id(marked_parts(document))
    for number, (finding, anchor, note) in enumerate(zip(findings, anchors, notes), next_id):
        where = f" (footnote {note.footnote})" if note else ""
        comment = comments.add_comment(text=f"{finding.code} {finding.message}{where}", author=AUTHOR, initials=INITIALS)
        comment._comment_elm.set(ID, str(number))
        if finding.url:
            comment.add_paragraph(finding.url)
        first, last = _runs(fresh, anchor) if anchor else (None, None)
        if first is None:
            _at_paragraph_end(word, finding.span.start, number)
        else:
            _mark(first, last, number)
    return len(findings)


def marked_parts(document) -> list:
    """The XML of the parts whose elements carry ids: document, footnotes, endnotes, comments."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    roots = [document.element]
    for rel in document.part.rels.values():
        if rel.reltype in (RT.FOOTNOTES, RT.ENDNOTES, RT.COMMENTS) and not rel.is_external:
            element = getattr(rel.target_part, "element", None)
            if element is not None:
                roots.append(element)
    return roots


def largest_id(roots) -> int:
    """The largest numeric `w:id` in the XML `roots` (0 when there is none)."""
    largest = 0
    for root in roots:
        for element in root.iter():
            value = element.get(ID) if isinstance(element.tag, str) else None
            if value is not None and value.isdigit():
                largest = max(largest, int(value))
    return largest


def _footnote(word: DocxMap, anchor: tuple[int, int] | None):
    """The footnote paragraph (a WordParagraph) the anchor is in, or None (the body)."""
    if anchor is None:
        return None
    paragraph = word.paragraphs[word.pieces[word.piece_index(anchor[0])].paragraph]
    return paragraph if paragraph.part == "footnotes" else None


def _reference_word(word: DocxMap, footnote_id: str | None) -> tuple[int, int] | None:
    """The word before the body's reference to footnote `footnote_id` (or after it)."""
    for piece in word.pieces:
        if piece.kind == REF and word.paragraphs[piece.paragraph].part == "document":
            reference = piece.node.find(FOOTNOTE_REFERENCE)
            if reference is not None and reference.get(ID) == footnote_id:
                return _nearest_word(word, piece.start, before=True)
    return None


def _anchor(word: DocxMap, start: int, end: int) -> tuple[int, int] | None:
    """The text-form range [start, end) of Word characters a finding's comment covers."""
    if not word.pieces:
        return None
    covered = [piece for piece in _pieces(word, start, end) if piece.kind == TEXT]
    if covered:
        part = word.paragraphs[covered[0].paragraph].part
        last = [piece for piece in covered if word.paragraphs[piece.paragraph].part == part][-1]
        return max(start, covered[0].start), min(end, last.end)
    return _nearest_word(word, start)


def _nearest_word(word: DocxMap, offset: int, *, before: bool = False) -> tuple[int, int] | None:
    """The word (of one text piece) nearest to `offset` in its block: the next one (with
    `before`, the one before), else the one on the other side."""
    block_start, block_end = word.blocks[word.block_index(offset)]
    pieces = [piece for piece in word.pieces
              if piece.kind == TEXT and block_start <= piece.start < block_end and word.text[piece.start : piece.end].strip()]
    if not pieces:
        return None
    earlier = [piece for piece in pieces if piece.end <= offset]
    later = [piece for piece in pieces if piece.end > offset]
    forward = bool(later) and not (before and earlier)
    piece = later[0] if forward else earlier[-1]
    text = word.text
    position = max(offset, piece.start) if forward else piece.end - 1
    while position < piece.end - 1 and text[position].isspace():
        position += 1
    while position > piece.start and text[position].isspace():
        position -= 1
    first = position
    while first > piece.start and not text[first - 1].isspace():
        first -= 1
    last = position + 1
    while last < piece.end and not text[last].isspace():
        last += 1
    return first, last


def _runs(word: DocxMap, anchor: tuple[int, int]):
    """The first and last runs of the anchor's range (run boundaries fall at its ends)."""
    start, end = anchor
    inside = [piece for piece in _pieces(word, start, end) if piece.kind == TEXT and piece.node.getparent() is not None]
    if not inside:
        return None, None
    return inside[0].node.getparent(), inside[-1].node.getparent()


def _mark(first, last, comment_id: int) -> None:
    start = first.makeelement(RANGE_START, {ID: str(comment_id)})
    first.addprevious(start)
    end = last.makeelement(RANGE_END, {ID: str(comment_id)})
    last.addnext(end)
    end.addnext(_reference(last, comment_id))


def _reference(near, comment_id: int):
    run = near.makeelement(R, {})
    run.append(near.makeelement(REFERENCE, {ID: str(comment_id)}))
    return run


def _at_paragraph_end(word: DocxMap, offset: int, comment_id: int) -> None:
    """A comment on a paragraph with no text of its own: a point at the paragraph's end."""
    if not word.pieces:
        return
    paragraph = word.paragraphs[word.pieces[word.piece_index(offset)].paragraph].element
    paragraph.append(paragraph.makeelement(RANGE_START, {ID: str(comment_id)}))
    paragraph.append(paragraph.makeelement(RANGE_END, {ID: str(comment_id)}))
    paragraph.append(_reference(paragraph, comment_id))
