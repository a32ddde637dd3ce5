"""Fixes in a Word document: the same fixes as on the text form, written into a corrected
copy (`draft.fixed.docx`) that keeps the document's styles and formatting.

The linter's fixes are edits of the text form. Each edit is carried over to the runs of the
Word paragraph it falls in: deleted characters leave their runs, inserted text gets a new
run that copies the formatting of the text beside it (italic or bold as the edit's Markdown
says), a change of emphasis sets italic or bold on the runs it covers, and a blank line
splits the paragraph, and a deletion of a whole body paragraph with its blank lines (an
unused suppression comment) removes that paragraph. Fixes that Word cannot take — changing an automatic paragraph number
or a footnote mark, or reaching across paragraphs — are left out and reported.

Every pass re-reads the edited document and checks that it reads as the fixed text; a
mismatch stops the fix with an error rather than writing a document that says something
else. How the copy is written (only the changed parts replaced, never over a copy edited
since) is in `save`.
"""
from __future__ import annotations

import copy
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import groupby
from pathlib import Path

from ..document.diagnostics import Applicability, Diagnostic, Edit, Fix
from ..document.span import Span
from ..grammar.inline import scan
from ..linter.fixes import apply_edits, select_fixes
from .mapping import EMPHASIS, LABEL, NOTE, REF, SUP, TEXT, DocxMap, Piece
from .ooxml import NUMPR, PPR, RPR, P, R, w
from .package import DocxError, load
from .reader import ReadLimit, read
from .save import CopyError, repack, save_copy, snapshot
from .styles import Styles
from .tracked import TrackedChanges

BLANK_LINE = re.compile(r"\n[ \t]*\n\s*")
MARKUP_WORD_CANNOT_TAKE = ("<sup", "</sup", "<!--", "[^")
SPLIT = object()  # a paragraph break inside inserted text


class DocxFixError(Exception):
    """The fixes could not be written faithfully; nothing is written."""


@dataclass
class FixOutcome:
    """What fixing a Word document did. `data` is the corrected document (None when no fix
    applied); `skipped` pairs each fix Word cannot take with the reason."""

    data: bytes | None
    applied: int
    skipped: list[tuple[Diagnostic, str]] = field(default_factory=list)


def fix_docx(data: bytes, name: str, lint: Callable[[str], list[Diagnostic]], *, unsafe: bool = False,
             limit: int = 10) -> FixOutcome:
    """Apply the fixes `lint` (text form -> diagnostics) finds, pass after pass until none
    applies, to the .docx in `data`. Raises DocxError for an unreadable file and
    DocxFixError when an edit could not be written faithfully."""
    document = load(data, name)
    before = snapshot(document)
    applied, skipped = fix_document(document, name, lint, unsafe=unsafe, limit=limit)
    if not applied:
        return FixOutcome(None, 0, skipped)
    try:
        return FixOutcome(repack(data, document, before), applied, skipped)
    except CopyError as error:
        raise DocxFixError(str(error)) from None


def fix_document(document, name: str, lint: Callable[[str], list[Diagnostic]], *, unsafe: bool = False,
                 limit: int = 10, changes: TrackedChanges | None = None) -> tuple[int, list[tuple[Diagnostic, str]]]:
    """Fix the open python-docx Document in place, pass after pass; with `changes`, every
    edit is a tracked change. Returns the fixes applied and those Word cannot take."""
    applied = 0
    skipped: list[tuple[Diagnostic, str]] = []
    for _ in range(limit):
        word = _read(document, name)
        applicable = []
        skipped = []
        for diagnostic in lint(word.text):
            if diagnostic.fix is None or (not unsafe and diagnostic.fix.applicability is not Applicability.SAFE):
                continue
            reason = why_not(word, diagnostic.fix)
            if reason:
                skipped.append((diagnostic, reason))
            else:
                applicable.append(diagnostic)
        fixes = select_fixes(applicable, unsafe=unsafe)
        if not fixes:
            break
        edits = [edit for fix in fixes for edit in fix.edits]
        _write(document, word, edits, changes)
        _verify(word, edits, _read(document, name))
        applied += len(fixes)
    return applied, skipped


def _read(document, name: str) -> DocxMap:
    try:
        return read(document)
    except ReadLimit as error:
        raise DocxError(f"{name}: {error}") from None


def fix_file(path: Path, lint: Callable[[str], list[Diagnostic]], *, unsafe: bool = False) -> tuple[Path | None, FixOutcome]:
    """Fix the Word document at `path` into its corrected copy (see `fixed_path`); the copy
    is written only when a fix applied, the original never, and it replaces an earlier copy
    only if that is as resolint wrote it (see `save`). What `check --fix` calls for a
    .docx. Raises DocxError (a SourceError) and DocxFixError."""
    outcome = fix_docx(path.read_bytes(), str(path), lint, unsafe=unsafe)
    if outcome.data is None:
        return None, outcome
    target = fixed_path(path)
    try:
        save_copy(target, outcome.data, "corrected copy")
    except CopyError as error:
        raise DocxFixError(str(error)) from None
    return target, outcome


def fixed_path(path: Path) -> Path:
    """Where the corrected copy of `path` goes: draft.docx -> draft.fixed.docx."""
    return path.with_name(f"{path.stem}.fixed{path.suffix}")


# --- which fixes Word can take ----------------------------------------------------------

def why_not(word: DocxMap, fix: Fix) -> str | None:
    """Why `fix` cannot be written into the Word document, or None when it can."""
    for edit in fix.edits:
        reason = _edit_problem(word, edit)
        if reason:
            return reason
    return None


def _edit_problem(word: DocxMap, edit: Edit) -> str | None:
    if _removed_paragraph(word, edit) is not None:
        return None
    start, end = edit.span.start, edit.span.end
    if any(markup in edit.text for markup in MARKUP_WORD_CANNOT_TAKE):
        return "it adds a footnote mark or a comment, which only Word itself can insert"
    block = word.block_index(start)
    if block < 0:
        return "the document is empty"
    block_start, block_end = word.blocks[block]
    if not block_start <= start <= end <= block_end:
        return "it reaches across paragraphs"
    pieces = _pieces(word, start, end)
    kinds = {piece.kind for piece in pieces}
    if kinds & {LABEL}:
        return "it changes an automatic paragraph number; change the list's numbering in Word"
    if kinds & {REF, NOTE, SUP}:
        return "it changes a footnote mark, which Word numbers itself"
    paragraphs = {piece.paragraph for piece in pieces if piece.kind == TEXT}
    if len(paragraphs) > 1:
        return "it reaches across paragraphs"
    inside = _piece_inside(word, start)
    if inside is not None and inside.kind not in (TEXT, EMPHASIS):
        return "it changes an automatic paragraph number or a footnote mark, which Word sets itself"
    if BLANK_LINE.search(edit.text) and word.paragraphs[_paragraph_at(word, start, end)].part != "document":
        return "it splits a footnote into paragraphs"
    return None


def _removed_paragraph(word: DocxMap, edit: Edit) -> int | None:
    """The body paragraph that `edit` deletes whole, with the blank lines around it (as a
    fix removes a comment's line), or None. Only a paragraph of plain text directly in the
    body, never one of a table cell or a footnote."""
    deleted = word.text[edit.span.start : edit.span.end]
    if edit.text or not deleted.strip():
        return None
    start = edit.span.start + len(deleted) - len(deleted.lstrip())
    end = edit.span.end - (len(deleted) - len(deleted.rstrip()))
    if word.blocks[word.block_index(start)] != (start, end):
        return None
    pieces = _pieces(word, start, end)
    paragraphs = {piece.paragraph for piece in pieces}
    if {piece.kind for piece in pieces} != {TEXT} or len(paragraphs) != 1:
        return None
    index = paragraphs.pop()
    paragraph = word.paragraphs[index]
    parent = paragraph.element.getparent() if paragraph.element is not None else None
    if paragraph.part != "document" or parent is None or parent.tag != w("body"):
        return None
    return index


def _pieces(word: DocxMap, start: int, end: int) -> list[Piece]:
    """The pieces with characters in [start, end)."""
    found = []
    for index in range(word.piece_index(start), len(word.pieces)):
        piece = word.pieces[index]
        if piece.start >= end:
            break
        if piece.end > start:
            found.append(piece)
    return found


def _piece_inside(word: DocxMap, offset: int) -> Piece | None:
    """The piece `offset` falls strictly inside (not at its edge), if any."""
    index = word.piece_index(offset)
    if index < 0:
        return None
    piece = word.pieces[index]
    return piece if piece.start < offset < piece.end else None


def _paragraph_at(word: DocxMap, start: int, end: int) -> int:
    """The Word paragraph an edit at [start, end) writes into."""
    before, after = _neighbours(word, start, end)
    piece = before or after
    if piece is not None:
        return piece.paragraph
    return word.pieces[word.piece_index(start)].paragraph


def _neighbours(word: DocxMap, start: int, end: int) -> tuple[Piece | None, Piece | None]:
    """The nearest pieces of the block that Word holds or shows (not emphasis markers, not
    the tags around superscript text): the last one ending at or before `start`, and the
    first one starting at or after `end`."""
    block_start, block_end = word.blocks[word.block_index(start)]
    before = after = None
    index = word.piece_index(start)
    probe = index
    while probe >= 0:
        piece = word.pieces[probe]
        if piece.end <= start and piece.start >= block_start and piece.kind not in (EMPHASIS, SUP):
            before = piece
            break
        if piece.start < block_start:
            break
        probe -= 1
    probe = index
    while probe < len(word.pieces):
        piece = word.pieces[probe]
        if piece.start >= block_end:
            break
        if piece.start >= end and piece.kind not in (EMPHASIS, SUP):
            after = piece
            break
        probe += 1
    return before, after


# --- writing ------------------------------------------------------------------------------

def _write(document, word: DocxMap, edits: list[Edit], changes: TrackedChanges | None = None) -> None:
    """Carry `edits` (non-overlapping, each inside one paragraph or removing one whole
    paragraph) over to the document; with `changes`, as tracked changes."""
    paired = [(edit, _removed_paragraph(word, edit)) for edit in edits]
    removed = [index for _, index in paired if index is not None]
    edits = [edit for edit, index in paired if index is None]
    _edit_paragraphs(document, word, edits, changes)
    for index in removed:
        element = word.paragraphs[index].element
        if changes is None:
            element.getparent().remove(element)
        else:
            changes.delete_paragraph(element)


def _edit_paragraphs(document, word: DocxMap, edits: list[Edit], changes: TrackedChanges | None) -> None:
    if not edits:
        return
    plans = [_plan(word, block, [e for e in edits if word.block_index(e.span.start) == block])
             for block in sorted({word.block_index(edit.span.start) for edit in edits})]
    # 1. split runs wherever something changes, so that every change covers whole runs
    cuts = sorted({cut for plan in plans for cut in plan.cuts}, reverse=True)
    for cut in cuts:
        _split_run_at(word, cut)
    fresh = read(document)  # the same text, with the runs now cut
    styles = Styles(_styles_element(document))
    # 2. emphasis changes on the text that stays
    for plan in plans:
        for start, end, italic, bold in plan.restyle:
            for run in _runs_in(fresh, start, end):
                if changes is None:
                    _set_look(run, styles, italic, bold)
                else:
                    changes.restyle(run, lambda copy, i=italic, b=bold: _set_look(copy, styles, i, b))
    # 3. the edits, last first, so that earlier positions stay valid
    for plan in plans:
        for edit, segments in sorted(plan.inserts, key=lambda item: -item[0].span.start):
            _delete(fresh, edit.span.start, edit.span.end, changes)
            _insert(fresh, styles, edit.span.start, edit.span.end, segments, changes)


@dataclass
class _Plan:
    cuts: set[int] = field(default_factory=set)  # text-form offsets where runs must be cut
    restyle: list[tuple[int, int, bool, bool]] = field(default_factory=list)  # kept text to restyle
    inserts: list[tuple[Edit, list]] = field(default_factory=list)  # edit -> text segments / SPLIT


def _plan(word: DocxMap, block: int, edits: list[Edit]) -> _Plan:
    """What the edits of one block do to its text: which kept characters change emphasis
    (from the emphasis of the text before and after the edits), what text each inserts."""
    block_start, block_end = word.blocks[block]
    old = word.text[block_start:block_end]
    local = [Edit(Span(e.span.start - block_start, e.span.end - block_start), e.text) for e in edits]
    new = apply_edits(old, local)
    old_looks, new_looks = _looks(old), _looks(new)
    plan = _Plan()
    shift = 0
    position = 0  # in the old block
    kept: list[tuple[int, int]] = []  # old offsets of text kept, with their new offsets
    for edit in sorted(local, key=lambda e: e.span.start):
        kept.extend((offset, offset + shift) for offset in range(position, edit.span.start))
        new_start = edit.span.start + shift
        segments = _segments(new, new_looks, new_start, new_start + len(edit.text))
        plan.inserts.append((Edit(Span(edit.span.start + block_start, edit.span.end + block_start), edit.text), segments))
        plan.cuts.update((edit.span.start + block_start, edit.span.end + block_start))
        shift += len(edit.text) - (edit.span.end - edit.span.start)
        position = edit.span.end
    kept.extend((offset, offset + shift) for offset in range(position, len(old)))
    changed = [
        (old_offset, new_looks[new_offset])
        for old_offset, new_offset in kept
        if old_looks[old_offset] is not None and new_looks[new_offset] is not None
        and old_looks[old_offset] != new_looks[new_offset]
    ]
    for (_, look), group in groupby(enumerate(changed), key=lambda item: (item[1][0] - item[0], item[1][1])):
        offsets = [old_offset for _, (old_offset, _) in group]
        first, last = offsets[0] + block_start, offsets[-1] + 1 + block_start
        plan.restyle.append((first, last, *look))
        plan.cuts.update((first, last))
    return plan


def _looks(text: str) -> list[tuple[bool, bool] | None]:
    """(italic, bold) of each character of a block's text form; None for markup (emphasis
    markers, footnote marks). Each paragraph of the block (split by blank lines) is read on
    its own, as the parser reads it."""
    looks: list[tuple[bool, bool] | None] = [(False, False)] * len(text)
    start = 0
    for match in [*BLANK_LINE.finditer(text), None]:
        end = match.start() if match else len(text)
        inline = scan(text, start, end).inline
        italic = [0] * (len(text) + 1)
        bold = [0] * (len(text) + 1)
        for emphasis in inline.emphases:
            depth = bold if emphasis.strong else italic
            depth[emphasis.inner.start] += 1
            depth[emphasis.inner.end] -= 1
        i = b = 0
        for offset in range(start, end):
            i += italic[offset]
            b += bold[offset]
            looks[offset] = (i > 0, b > 0)
        for emphasis in inline.emphases:
            for offset in (*range(emphasis.span.start, emphasis.inner.start), *range(emphasis.inner.end, emphasis.span.end)):
                looks[offset] = None
        for ref in inline.refs:
            for offset in range(ref.span.start, ref.span.end):
                looks[offset] = None
        if match:
            for offset in range(match.start(), match.end()):
                looks[offset] = None
        start = match.end() if match else len(text)
    return looks


def _segments(new: str, looks, start: int, end: int) -> list:
    """The text an edit inserts, as (text, italic, bold) segments and SPLIT for a blank line."""
    segments: list = []
    for match in [*BLANK_LINE.finditer(new, start, end), None]:
        stop = match.start() if match else end
        for offset in range(start, stop):
            look = looks[offset]
            if look is None:
                continue
            if segments and segments[-1] is not SPLIT and segments[-1][1:] == look:
                segments[-1] = (segments[-1][0] + new[offset], *look)
            else:
                segments.append((new[offset], *look))
        if match:
            segments.append(SPLIT)
            start = match.end()
    return segments


def _split_run_at(word: DocxMap, offset: int) -> None:
    """Cut the run holding text-form `offset` so that a run boundary falls there."""
    index = word.piece_index(offset)
    for probe in (index, index - 1):
        if 0 <= probe < len(word.pieces):
            piece = word.pieces[probe]
            if piece.kind == TEXT and piece.start <= offset <= piece.end:
                _split_element(piece.node, piece.node_offset + offset - piece.start)
                return


def _split_element(node, at: int) -> None:
    """Split the run of `node` (a `w:t`, `w:tab` ...) before character `at` of it."""
    run = node.getparent()
    if run is None or run.tag != R:
        return
    content = [child for child in run if child.tag != RPR]
    length = len(node.text or "") if node.tag == w("t") else 1
    position = content.index(node)
    if at <= 0:
        moving = content[position:]
        if position == 0:
            return
    elif at >= length:
        moving = content[position + 1 :]
        if not moving:
            return
    else:
        tail = copy.deepcopy(node)
        node.text, tail.text = node.text[:at], node.text[at:]
        for element in (node, tail):
            element.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        node.addnext(tail)
        moving = content[position + 1 :]
        moving.insert(0, tail)
    second = _empty_run_like(run)
    for element in moving:
        second.append(element)
    run.addnext(second)


def _empty_run_like(run):
    """A run with `run`'s properties and no content (nor its tracked formatting change)."""
    second = copy.deepcopy(run)
    for child in list(second):
        if child.tag != RPR:
            second.remove(child)
    rpr = second.find(RPR)
    if rpr is not None:
        for change in rpr.findall(w("rPrChange")):
            rpr.remove(change)
    return second


def _runs_in(word: DocxMap, start: int, end: int) -> list:
    runs = []
    for piece in _pieces(word, start, end):
        if piece.kind == TEXT:
            run = piece.node.getparent()
            if run is not None and run.tag == R and run not in runs:
                runs.append(run)
    return runs


def _set_look(run, styles: Styles, italic: bool, bold: bool) -> None:
    """Make the run italic / bold as asked, by its own properties where its style differs."""
    paragraph = _paragraph_of(run)
    look = styles.look(run.find(RPR), styles.paragraph_style(paragraph) if paragraph is not None else None)
    rpr = run.get_or_add_rPr()
    if look.italic != italic:
        rpr._set_bool_val("i", italic)
    if look.bold != bold:
        rpr._set_bool_val("b", bold)


def _delete(word: DocxMap, start: int, end: int, changes: TrackedChanges | None = None) -> None:
    for piece in _pieces(word, start, end):
        if piece.kind != TEXT:
            continue
        run = piece.node.getparent()
        if run is None:
            continue  # already removed with an earlier piece of the same element
        if changes is not None:
            changes.delete(piece.node)
            continue
        run.remove(piece.node)
        if run.tag == R and all(child.tag == RPR for child in run):
            run.getparent().remove(run)


def _insert(word: DocxMap, styles: Styles, start: int, end: int, segments: list,
            changes: TrackedChanges | None = None) -> None:
    """Insert the segments where the edit [start, end) was (its old text already removed):
    after the run before it, or before the run after it, or at the paragraph's start."""
    if not segments:
        return
    before, after = _neighbours(word, start, end)
    model = _style_source(word, start, end)
    anchor = _run_of(before) if before is not None else None
    following = _run_of(after) if after is not None and anchor is None else None
    if changes is not None:
        anchor, following = changes.after(anchor), changes.current(following)
    paragraph = word.paragraphs[(before or after or word.pieces[word.piece_index(start)]).paragraph].element
    for segment in segments:
        run = _new_run(model)
        if segment is not SPLIT:
            text, italic, bold = segment
            run.text = text
        placed = run if changes is None or segment is SPLIT else changes.inserted(run, anchor if anchor is not None else following)
        if anchor is not None:
            anchor.addnext(placed)
        elif following is not None:
            following.addprevious(placed)
        else:
            ppr = paragraph.find(PPR)
            paragraph.insert(0 if ppr is None else paragraph.index(ppr) + 1, placed)
        anchor = run
        if segment is SPLIT:
            _split_paragraph(run, styles)
            run.getparent().remove(run)
            if changes is not None:
                changes.new_mark(paragraph)
            anchor, following = None, None
            paragraph = paragraph.getnext()
        else:
            _set_look(run, styles, italic, bold)


def _run_of(piece: Piece):
    """The run holding a piece's text (or, for a footnote reference, the reference's run);
    None for markup Word does not store (numbers, superscript tags)."""
    if piece.kind == TEXT:
        return piece.node.getparent()
    if piece.kind == REF:
        return piece.node
    return None


def _new_run(model):
    """An empty run with the formatting of `model` (a run), or a plain run."""
    if model is None:
        from docx.oxml import OxmlElement

        return OxmlElement("w:r")
    return _empty_run_like(model)


def _style_source(word: DocxMap, start: int, end: int):
    """The run whose formatting inserted text copies: the nearest text that is not
    superscript, before the edit if there is some in the paragraph, else after it."""
    block_start, block_end = word.blocks[word.block_index(start)]
    index = word.piece_index(start)
    for step, limit in ((-1, block_start), (1, block_end)):
        probe = index
        while 0 <= probe < len(word.pieces):
            piece = word.pieces[probe]
            if (step < 0 and piece.start < limit) or (step > 0 and piece.start >= limit):
                break
            outside = piece.end <= start if step < 0 else piece.start >= end
            if outside and piece.kind == TEXT and not piece.style[2] and piece.node.getparent() is not None:
                return piece.node.getparent()
            probe += step
    return None


def _split_paragraph(marker, styles: Styles) -> None:
    """Split the paragraph holding `marker` (an empty run) after it; the new paragraph takes
    the old one's properties, but not its number."""
    node = marker
    paragraph = _paragraph_of(marker)
    while node.getparent() is not paragraph:  # split containers (hyperlinks, insertions) too
        parent = node.getparent()
        second = parent.makeelement(parent.tag, dict(parent.attrib))
        for sibling in list(node.itersiblings()):
            second.append(sibling)
        parent.addnext(second)
        node = parent
    new = paragraph.makeelement(P, {})
    ppr = paragraph.find(PPR)
    if ppr is not None:
        new_ppr = copy.deepcopy(ppr)
        for tag in (NUMPR, w("pPrChange"), w("sectPr")):
            for element in new_ppr.findall(tag):
                new_ppr.remove(element)
        new.append(new_ppr)
        if styles.numbering(styles.paragraph_style(paragraph)) is not None:
            new_ppr.get_or_add_numPr().get_or_add_numId().val = 0  # its style numbers; this one was not numbered
    for sibling in list(node.itersiblings()):
        new.append(sibling)
    paragraph.addnext(new)


def _paragraph_of(element):
    node = element
    while node is not None and node.tag != P:
        node = node.getparent()
    return node


def _styles_element(document):
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    for rel in document.part.rels.values():
        if rel.reltype == RT.STYLES and not rel.is_external:
            return getattr(rel.target_part, "element", None)
    return None


# --- the check ----------------------------------------------------------------------------

def _verify(before: DocxMap, edits: list[Edit], after: DocxMap) -> None:
    """The edited document must read as the fixed text: the same characters with the same
    emphasis (a space between two italic words may come back inside the italics: it looks
    the same), footnote texts in any order (they follow the document)."""
    expected_body: list[str] = []
    expected_notes: list[str] = []
    for start, end in before.blocks:
        if any(not e.text and e.span.start <= start and end <= e.span.end for e in edits):
            continue  # a paragraph removed whole
        local = [Edit(Span(e.span.start - start, e.span.end - start), e.text) for e in edits
                 if start <= e.span.start <= e.span.end <= end]
        text = apply_edits(before.text[start:end], local)
        if before.pieces[before.piece_index(start)].kind == NOTE:
            expected_notes.append(text)
        else:
            expected_body.extend(part for part in BLANK_LINE.split(text) if part)
    body, notes = [], []
    for start, end in after.blocks:
        text = after.text[start:end]
        (notes if after.pieces[after.piece_index(start)].kind == NOTE else body).append(text)
    if len(body) != len(expected_body) or len(notes) != len(expected_notes):
        raise DocxFixError("the fixes could not be written into the Word document faithfully "
                           "(the paragraphs or footnotes changed in number)")
    for want, got in zip([*expected_body, *sorted(expected_notes)], [*body, *sorted(notes)]):
        if _appearance(want) != _appearance(got):
            raise DocxFixError("the fixes could not be written into the Word document faithfully "
                               f"({want[:90]!r} became {got[:90]!r})")


def _appearance(text: str) -> list[tuple[str, tuple[bool, bool] | None]]:
    """What a block looks like: its characters and footnote marks (emphasis markers left
    out) and the emphasis of each character that is not a space."""
    looks: list = _looks(text)
    for ref in scan(text, 0, len(text)).inline.refs:  # footnote marks count, as marks
        looks[ref.span.start : ref.span.end] = ["mark"] * (ref.span.end - ref.span.start)
    return [(char, None if char.isspace() else look) for char, look in zip(text, looks) if look is not None]
