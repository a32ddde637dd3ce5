"""The block split: text -> blocks. It never fails: every non-blank character ends up in
exactly one block.

First blank lines separate *physical* blocks (comment lines and footnote-text lines stand
alone too). Then each physical block is cut where PDF conversion ran several blocks together:

- an emphasis run that closes one phrase and opens the next ("Colectiva****Resolución");
- paragraph-final punctuation followed by a new italic opening
  ("tipo<sup>1</sup>,*Haciendo referencia* a", "Colonialism,<sup>4</sup> *Recognizing* that");
- footnote texts glued into a paragraph at a page break
  ("incluidas<sup>1</sup> A/75/345-S/2020/898.<sup>2</sup> Resolución 49/57, anexo.").
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field

from ..document.model import FootnoteText, Inline
from ..document.punctuation import final_mark
from ..document.span import Span
from . import inline as inline_scan
from .labels import BRACKETED_LABEL, LETTER_LABEL, LIST_MARKER, NUMBER

COMMENT_LINE = re.compile(r"\A[ \t]*<!--[^\n]*-->[ \t]*\r?\Z")
FOOTNOTE_START = re.compile(r"<sup>[^<\n]{0,20}</sup>[ \t]|\[\^[^\]\s]{1,20}\]:")
# A line that starts a new block even without a blank line before it, when the previous
# line ended a sentence: "12. ", "(a) ", "a) ", a footnote text, a Markdown heading.
MARKER_LINE = re.compile(
    rf"[ \t]{{0,3}}(?:\*{{0,2}}{NUMBER}\.\*{{0,2}}[ \t]|{LETTER_LABEL}[ \t]|"
    r"<sup>[^<\n]{0,20}</sup>[ \t]|\[\^[^\]\s]{1,20}\]:|#{1,6}[ \t])"
)
# Before an italic opening: sentence-final punctuation, optional footnote references,
# optional paragraph label. Matched on a bounded window that ends at the emphasis.
RUN_ON_BEFORE = re.compile(
    r"[,;:.](?:[ \t]*<sup>[^<\n]{0,20}</sup>|[ \t]*\[\^[^\]\s]{1,20}\])*[ \t]*"
    rf"(?:{NUMBER}\.[ \t]+|{BRACKETED_LABEL}[ \t]+)?\Z"
)
LABEL_CHARACTERS = re.compile(r"[*0-9 \t]*")
RUN_ON_LABEL = re.compile(rf"(?:{NUMBER}\.|{BRACKETED_LABEL})[ \t]+\Z")
# A labelled paragraph run on after the end of the previous one: ";<sup>26</sup> (k) To address",
# "; 5. The". Numbers only after ";" or ":", where an operative paragraph ends.
# The pattern starts with the character class itself, not a lookahead: then the regex engine
# skips to the next punctuation mark at C speed (3x faster over the corpus).
RUN_ON_LABELLED = re.compile(
    rf"[,;:.](?:(?<=[;:])(?:[ \t]*<sup>[^<\n]{{0,20}}</sup>)*[ \t]+(?={NUMBER}\.[ \t]+[A-Z*“])"
    rf"|(?:[ \t]*<sup>[^<\n]{{0,20}}</sup>)*[ \t]+(?=\({LIST_MARKER}\)[ \t]+[A-Z*“]))"
)
# What RUN_ON_LABELLED needs in a block: a ";" or ":" before the last character (the number
# form), or a bracketed label (the letter form). Most blocks have neither and are not searched:
# a pattern that starts with a character class is tried at every character (40 ms a pass).
LIST_LABEL_AHEAD = re.compile(rf"\({LIST_MARKER}\)[ \t]+[A-Z*“]")


@dataclass(slots=True)
class RawBlock:
    span: Span
    inline: Inline
    kind: str = "text"  # text | comment | footnote | heading | table
    gap: Span | None = None  # whitespace before it on the same line: it was run together
    glued_footnote: bool = False  # a footnote text found inside a paragraph
    host: Span | None = None
    continues: list[Span] = field(default_factory=list)


def physical_blocks(text: str, begin: int = 0, stop: int | None = None) -> list[tuple[Span, str]]:
    """(span, kind) of each blank-line-separated block, trimmed of surrounding white space;
    of the lines of text[begin:stop] only, when given (a blank line ends every block and
    starts the scan afresh, so the blocks between two blank lines are theirs alone)."""
    blocks: list[tuple[Span, str]] = []
    start = end = -1
    previous = ""  # the block's last line so far, stripped: how it ends is read only when needed
    offset = begin
    for line in text[begin:stop].split("\n"):
        line_start, offset = offset, offset + len(line) + 1
        stripped = line.strip()
        if not stripped:
            if start >= 0:
                blocks.append((Span(start, end), "text"))
                start = -1
            continue
        lead = line_start + line.find(stripped)  # its first visible character
        trail = lead + len(stripped)
        if stripped.startswith("<!--") and COMMENT_LINE.match(line):
            if start >= 0:
                blocks.append((Span(start, end), "text"))
                start = -1
            blocks.append((Span(lead, trail), "comment"))
            continue
        if start >= 0 and MARKER_LINE.match(line) and not _last_visible(previous).isalnum():
            blocks.append((Span(start, end), "text"))
            start = -1
        if start < 0:
            start = lead
        end = trail
        previous = stripped
    if start >= 0:
        blocks.append((Span(start, end), "text"))
    return [
        (span, "footnote" if kind == "text" and FOOTNOTE_START.match(text, span.start) else
         "heading" if kind == "text" and text.startswith("#", span.start) else
         "table" if kind == "text" and text.startswith("|", span.start) and _is_table(text, span) else kind)
        for span, kind in blocks
    ]


def _is_table(text: str, span: Span) -> bool:
    """A pipe table: every line of the block starts with "|" (the official texts' tables)."""
    return all(line.lstrip().startswith("|") for line in text[span.start : span.end].split("\n"))


def _last_visible(line: str) -> str:
    """Last character of a line once trailing markup (`*`, `<sup>1</sup>`, `[^1]`) is set aside."""
    return final_mark(line, Span(0, len(line)))[0]


def split(text: str) -> list[RawBlock]:
    """All blocks of `text` in order, run-together blocks cut apart."""
    physical = physical_blocks(text)
    standalone_notes = standalone_labels(text, physical)
    referenced: set[str] = set()
    result: list[RawBlock] = []
    for span, kind in physical:
        result.extend(split_block(text, span, kind, referenced, standalone_notes))
    return result


def standalone_labels(text: str, physical: list[tuple[Span, str]]) -> set[str]:
    """The labels of the footnote texts that stand in blocks of their own."""
    return {_label(text, span.start) for span, kind in physical if kind == "footnote"}


def split_block(text: str, span: Span, kind: str, referenced: set[str], standalone_notes: set[str]) -> list[RawBlock]:
    """The blocks of one physical block, run-together blocks cut apart. Reads text[span] and
    the two characters after it; adds to `referenced` the footnote labels it reads (the
    split of a later block depends on them: a glued footnote text repeats an earlier label)."""
    if kind == "comment":
        return [RawBlock(span, Inline(), "comment")]
    scanned = inline_scan.scan(text, span.start, span.end)
    if kind == "table":  # cells are no paragraphs: nothing in a table is cut or run on
        return [RawBlock(span, scanned.inline, "table")]
    if kind == "footnote":
        return _split_notes(text, span, scanned.inline, glued=False, host=None)
    result: list[RawBlock] = []
    cut, glued_notes = _glued_notes(text, span, scanned.inline, referenced, standalone_notes)
    own = span if cut == span.end else Span(span.start, cut)
    pieces = _run_on_cuts(text, own, scanned)
    for index, (piece, gap) in enumerate(pieces):
        block_kind = "heading" if kind == "heading" and index == 0 else "text"
        piece_inline = scanned.inline if piece is span else inline_scan.restrict(scanned.inline, piece)  # uncut: the span itself
        result.append(RawBlock(piece, piece_inline, block_kind, gap))
    if glued_notes is not None:
        host = result[-1].span
        result.extend(_split_notes(text, glued_notes, scanned.inline, glued=True, host=host))
    return result


def _label(text: str, offset: int) -> str:
    match = FOOTNOTE_START.match(text, offset)
    body = match.group() if match else ""
    return body.removeprefix("<sup>").split("</sup>")[0].removeprefix("[^").split("]")[0].strip()


def footnote_text(text: str, raw: RawBlock) -> FootnoteText:
    """The model of a footnote-text block: its label, where the marker ends, its body."""
    match = FOOTNOTE_START.match(text, raw.span.start)
    label = _label(text, raw.span.start)
    marker_end = min(match.end(), raw.span.end) if match else raw.span.start  # the marker may take a trailing space the block lacks
    label_end = marker_end if text[marker_end - 1 : marker_end] == ":" else marker_end - 1
    body_start = marker_end
    while body_start < raw.span.end and text[body_start] in " \t":
        body_start += 1
    return FootnoteText(
        span=raw.span,
        label=label,
        label_span=Span(raw.span.start, max(raw.span.start, label_end)),
        body=Span(body_start, raw.span.end),
        inline=raw.inline,
        glued=raw.glued_footnote,
        host=raw.host,
    )


def _glued_notes(text, span, inline, referenced, standalone_notes):
    """Where footnote texts begin inside a paragraph, if they do; records references seen."""
    for ref in inline.refs:
        if (
            ref.style == "sup"
            and ref.label in referenced
            and ref.label not in standalone_notes
            and ref.span.start > span.start
            and ref.numbers  # "n<sup>o</sup> 14", "XIII<sup>es</sup> Jeux": no footnote text starts so
            and len(follows := text[ref.span.end : ref.span.end + 2]) == 2
            and follows[0] == " "
            and (follows[1].isupper() or follows[1].isdigit() or follows[1] in "*“\"")
        ):
            return ref.span.start, Span(ref.span.start, span.end)
        referenced.add(ref.label)
    return span.end, None


def _split_notes(text, span, inline, glued, host) -> list[RawBlock]:
    """One footnote-text block per `<sup>n</sup> text` (several may share one line)."""
    starts = [span.start]
    current = _number(_label(text, span.start))
    for ref in inline.refs:
        if ref.span.start <= span.start or ref.span.start >= span.end or ref.style != "sup":
            continue
        number = ref.number
        if (
            number is not None
            and current is not None
            and number > current
            and text[ref.span.end : ref.span.end + 1] in (" ", "\t")
        ):
            starts.append(ref.span.start)
            current = number
    blocks = []
    for index, start in enumerate(starts):
        end = starts[index + 1] if index + 1 < len(starts) else span.end
        end = start + len(text[start:end].rstrip())
        piece = Span(start, end)
        blocks.append(RawBlock(piece, inline_scan.restrict(inline, piece), "footnote",
                               glued_footnote=glued, host=host))
    return blocks


def _number(label: str) -> int | None:
    return int(label) if label.isdigit() else None


def _run_on_cuts(text: str, span: Span, scanned) -> list[tuple[Span, Span | None]]:
    """Cut `span` where blocks were run together; each piece with the gap before it."""
    cuts: dict[int, Span] = {}
    brackets = italic_ends = None
    enclosing = inline_scan.Enclosing(scanned.inline.emphases)
    # text[span.start:x] is only a paragraph label ("1. *Decides*") while x <= label_end:
    # one scan, rather than stripping a slice from the start of the block for every candidate
    label_end = LABEL_CHARACTERS.match(text, span.start, span.end).end()
    for boundary in scanned.boundaries:
        if span.start < boundary < span.end:
            cuts[boundary] = Span(boundary, boundary)
    for emphasis in scanned.inline.emphases:
        start = emphasis.span.start
        if emphasis.strong or start <= span.start or emphasis.span.end > span.end:
            continue
        first = text[emphasis.inner.start : emphasis.inner.start + 1]
        after = text[emphasis.span.end : emphasis.span.end + 1]
        if not first.isupper() or (after and not after.isspace()):
            continue
        window_start = max(span.start, start - 80)
        before = RUN_ON_BEFORE.search(text, window_start, start)
        if before is None or before.start() <= label_end:
            continue  # none, or the punctuation is the paragraph's own label: "1. *Decides*"
        if enclosing.inside(start):
            continue
        if brackets is None:  # computed once per block: the checks below stay linear
            brackets = _Brackets(text, span)
            italic_ends = {e.span.end for e in scanned.inline.emphases}
        # "*Global Warming of 1.5°C*, *The Ocean ...*": an italic title ends right before
        # the punctuation; "(*Carcharhinidae*, *Sphyrnidae*": a bracket is still open.
        if before.start() in italic_ends or brackets.open_at(start):
            continue
        label = RUN_ON_LABEL.search(text, before.start(), start)
        cut = label.start() if label else start
        gap_start = cut
        while gap_start > span.start and text[gap_start - 1] in " \t":
            gap_start -= 1
        cuts[cut] = Span(gap_start, cut)
    labelled = RUN_ON_LABELLED.finditer(text, span.start, span.end) if _may_hold_run_on_label(text, span) else ()
    for match in labelled:
        cut = match.end()
        own_label = match.start() <= label_end  # "3. (a) Each State"
        if not own_label and not enclosing.inside(cut):
            gap_start = cut
            while gap_start > span.start and text[gap_start - 1] in " \t":
                gap_start -= 1
            cuts[cut] = Span(gap_start, cut)
    if not cuts:
        return [(span, None)]  # most blocks
    pieces: list[tuple[Span, Span | None]] = []
    start, gap = span.start, None
    for cut in sorted(cuts):
        gap_span = cuts[cut]
        end = gap_span.start
        if end > start:
            pieces.append((Span(start, end), gap))
        start, gap = cut, gap_span
    pieces.append((span if start == span.start else Span(start, span.end), gap))
    return pieces


def _may_hold_run_on_label(text: str, span: Span) -> bool:
    """Could RUN_ON_LABELLED match in `span`? (See LIST_LABEL_AHEAD.)"""
    return (
        text.find(";", span.start, span.end - 1) >= 0
        or text.find(":", span.start, span.end - 1) >= 0
        or LIST_LABEL_AHEAD.search(text, span.start, span.end) is not None
    )


class _Brackets:
    """Where round brackets open and close in a block, to tell whether one is open."""

    def __init__(self, text: str, span: Span) -> None:
        self.opens = [i for i in range(span.start, span.end) if text[i] == "("]
        self.closes = [i for i in range(span.start, span.end) if text[i] == ")"]

    def open_at(self, offset: int) -> bool:
        return bisect_left(self.opens, offset) > bisect_left(self.closes, offset)

