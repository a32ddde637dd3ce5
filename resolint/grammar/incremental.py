"""Re-parsing an edited text, reusing the block split and classes of the blocks it left alone.

An edit touches a few blocks; folding, splitting and classifying the others again is most of
what a parse costs. `reparse` folds only the changed stretch of the text and splits and
classifies only the physical blocks (blank-line-separated, grammar/blocks.py) whose text is
new. A block that kept its text keeps its split, moved to its new offset. What follows the
split — the passes over neighbouring blocks, Lark over the block tokens, the model — runs
on the whole token stream, as `parse` runs it, so the Document equals `parse(new_text)`;
only Lark's tree is the version before's when no block's class changed, since it reads
the classes alone (structure.parse_structure).

What a block's split depends on, besides its own text, is known (blocks.split_block): the
two characters after it, and for each footnote label it holds, whether an earlier block
referenced that label and whether a footnote text of its own carries it. Those are the
memo's key; nothing else about the document is assumed.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from ..document.langdata import detect_language, pack
from ..document.model import Document, Emphasis, FootnoteRef, Inline
from ..document.span import Span
from . import blocks as block_split
from .classify import classify
from .parser import from_blocks
from .structure import Structure
from .typography import fold


@dataclass(slots=True)
class _Entry:
    """One physical block's split and classes, at the offset they were computed for."""

    origin: int
    context: tuple[tuple[bool, bool], ...]  # per footnote label: referenced before, standalone
    labels: tuple[str, ...]  # the footnote labels the block holds
    added: frozenset[str]  # the labels its split counts as referenced for later blocks
    raws: list[block_split.RawBlock]
    kinds: list[str]


# (physical block's text and the two characters after it, its kind) -> entries by origin
Memo = dict[tuple[str, str], dict[int, _Entry]]


@dataclass(frozen=True, eq=False)
class Parsed:
    """A parsed version of a text and what the next version's parse may reuse."""

    doc: Document
    language: str
    memo: Memo = field(repr=False)
    physical: list[tuple[Span, str]] = field(default_factory=list, repr=False)  # blocks.physical_blocks(doc.text)
    structure: Structure | None = field(default=None, repr=False)  # the structure parse of the blocks' classes
    # Where each block split as the version before split it starts -> how far it moved (0:
    # not at all): its text, and the two characters after its physical block, are that
    # version's, so what is read from it alone moves with it (linter/incremental.py).
    moved: dict[int, int] = field(default_factory=dict, repr=False)


def reparse(original: str, previous: Parsed | None = None, *, language: str | None = None,
            path: str | None = None) -> Parsed:
    """The parse of `original`, reusing `previous` (the parse of an earlier version). The
    Document equals `parse(original, language=language, path=path)`."""
    text = _fold(original, previous)
    chosen = language or detect_language(text)
    old_memo = previous.memo if previous is not None and previous.language == chosen else {}
    language_pack = pack(chosen)
    physical = _physical_blocks(text, previous)
    standalone = block_split.standalone_labels(text, physical)
    referenced: set[str] = set()
    memo: Memo = {}
    moved: dict[int, int] = {}
    raws: list[block_split.RawBlock] = []
    kinds: list[str] = []
    for span, kind in physical:
        key = (text[span.start : span.end + 2], kind)
        entry, delta = _reuse(old_memo.get(key), span.start, referenced, standalone)
        if entry is None:
            entry = _split(text, span, kind, referenced, standalone, language_pack)
        else:
            for raw in entry.raws:
                moved[raw.span.start] = delta
        referenced |= entry.added
        memo.setdefault(key, {})[entry.origin] = entry
        raws.extend(entry.raws)
        kinds.extend(entry.kinds)
    doc, structure = from_blocks(original, text, raws, kinds, language=chosen, path=path,
                                 earlier=previous.structure if previous is not None else None)
    return Parsed(doc, chosen, memo, physical, structure, moved)


def _fold(original: str, previous: Parsed | None) -> str:
    """fold(original), folding again only what changed since `previous`. A character folds
    on its own, save a carriage return, which looks at the character after it."""
    if previous is None:
        return fold(original)
    old, folded = previous.doc.original, previous.doc.text
    start, old_end, new_end = changed_range(old, original)
    start = max(0, start - 1)  # a "\r" just before the change may now stand alone or not
    middle = fold(original[start : new_end + 1])[: new_end - start]
    return folded[:start] + middle + folded[old_end:]


def _physical_blocks(text: str, previous: Parsed | None) -> list[tuple[Span, str]]:
    """blocks.physical_blocks(text), scanning only from the last empty line before the
    change to the first one after it; the blocks before are kept, those after moved."""
    if previous is None:
        return block_split.physical_blocks(text)
    start, old_end, new_end = changed_range(previous.doc.text, text)
    low, high = text.rfind("\n\n", 0, start), text.find("\n\n", new_end)
    if low < 0 or high < 0:
        return block_split.physical_blocks(text)
    low, high = low + 1, high + 1  # where the empty lines start: a scan from there starts afresh
    delta = new_end - old_end
    old = previous.physical
    first_after = bisect_left(old, high - delta, key=lambda block: block[0].start)
    before = old[: bisect_right(old, low, hi=first_after, key=lambda block: block[0].end)]
    after = [(shift(span, delta), kind) for span, kind in old[first_after:]] if delta else old[first_after:]
    return before + block_split.physical_blocks(text, low, high) + after


def changed_range(old: str, new: str) -> tuple[int, int, int]:
    """(start, old_end, new_end): old[start:old_end] became new[start:new_end], the rest is
    the same. Found by halving, each step one comparison of slices."""
    limit = min(len(old), len(new))
    low, high = 0, limit  # the common prefix is at least low and at most high long
    while low < high:
        middle = (low + high + 1) // 2
        if old[low:middle] == new[low:middle]:
            low = middle
        else:
            high = middle - 1
    prefix = low
    low, high = 0, limit - prefix  # the common suffix, not overlapping the prefix
    while low < high:
        middle = (low + high + 1) // 2
        if old[len(old) - middle : len(old) - low] == new[len(new) - middle : len(new) - low]:
            low = middle
        else:
            high = middle - 1
    return prefix, len(old) - low, len(new) - low


def _reuse(entries: dict[int, _Entry] | None, start: int, referenced: set[str],
           standalone: set[str]) -> tuple[_Entry | None, int]:
    """An entry of the same block text valid in this context, moved to `start`, and how far
    it moved; (None, 0) if there is none."""
    if not entries:
        return None, 0
    entry = entries.get(start) or next(iter(entries.values()))
    if _context(entry.labels, referenced, standalone) != entry.context:
        return None, 0
    delta = start - entry.origin
    if not delta:
        return entry, 0
    return _Entry(start, entry.context, entry.labels, entry.added,
                  [_shift_raw(raw, delta) for raw in entry.raws], entry.kinds), delta


def _split(text: str, span: Span, kind: str, referenced: set[str], standalone: set[str], language_pack) -> _Entry:
    seen = set(referenced)
    raws = block_split.split_block(text, span, kind, seen, standalone)
    labels = tuple(sorted({ref.label for raw in raws for ref in raw.inline.refs}))
    return _Entry(span.start, _context(labels, referenced, standalone), labels, frozenset(seen - referenced),
                  raws, [classify(text, raw, language_pack) for raw in raws])


def _context(labels: tuple[str, ...], referenced: set[str], standalone: set[str]) -> tuple[tuple[bool, bool], ...]:
    return tuple([(label in referenced, label in standalone) for label in labels]) if labels else ()


# --- moving a block's split to another offset -----------------------------------------------
# Every block after an edit is moved, so these build tuples from lists (faster than from
# generators) and leave empty ones as they are.

def shift(span: Span, delta: int) -> Span:
    return Span(span.start + delta, span.end + delta)


def shift_emphasis(emphasis: Emphasis, delta: int) -> Emphasis:
    return Emphasis(shift(emphasis.span, delta), shift(emphasis.inner, delta), emphasis.strong)


def _shift_inline(inline: Inline, delta: int) -> Inline:
    emphases, refs, stray = inline.emphases, inline.refs, inline.stray
    if not (emphases or refs or stray):
        return inline
    return Inline(
        tuple([shift_emphasis(e, delta) for e in emphases]) if emphases else (),
        tuple([FootnoteRef(shift(r.span, delta), r.label, r.style) for r in refs]) if refs else (),
        tuple([shift(s, delta) for s in stray]) if stray else (),
    )


def _shift_raw(raw: block_split.RawBlock, delta: int) -> block_split.RawBlock:
    return block_split.RawBlock(
        shift(raw.span, delta),
        _shift_inline(raw.inline, delta),
        raw.kind,
        shift(raw.gap, delta) if raw.gap is not None else None,
        raw.glued_footnote,
        shift(raw.host, delta) if raw.host is not None else None,
        [shift(span, delta) for span in raw.continues] if raw.continues else [],
    )
