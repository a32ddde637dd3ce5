"""Inline scanning: emphasis, footnote references, stray markers — one regex pass.

Emphasis pairing follows CommonMark's delimiter-run idea, simplified: a run of `*` (or a
word-boundary run of `_`) may close the nearest open run of the same character and may open
a new one. A run that does both with no space around it ("Colectiva****Resolución",
"General,**Habiendo") is where two blocks were run together: its offset is a *boundary*.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from ..document.model import Emphasis, FootnoteRef, Inline
from ..document.span import Span, by_span

# Every alternative is a bounded or single-character-class repetition: linear on any input.
# Each alternative starts with a literal character, so that the regex engine skips the text
# between markup in C (most text holds none): 2.4x faster than a lookahead `(?=[<\[*_])`
# before the alternatives, itself 4x faster than none. So the empty group at the end of each
# alternative names the token (`match.lastgroup`) instead of a group around it.
TOKEN = re.compile(
    r"<sup>(?P<suplabel>[^<\n]{0,20})</sup>(?P<sup>)"
    r"|\[\^(?P<mdlabel>[^\]\s]{1,20})\](?!:)(?P<md>)"
    r"|\*\**(?P<stars>)"
    r"|_(?<!__)_?(?!_)(?P<underscores>)"  # one or two, not after another: longer runs are blanks to fill in
)


@dataclass(slots=True)
class InlineScan:
    inline: Inline
    boundaries: tuple[int, ...]  # offsets where one emphasis closed and the next opened


_NOTHING = InlineScan(Inline(), ())


def scan(text: str, start: int, end: int) -> InlineScan:
    """Scan text[start:end] (one block) for inline markup; offsets stay absolute."""
    matches = TOKEN.finditer(text, start, end)
    first = next(matches, None)
    if first is None:  # most footnote texts and many paragraphs: nothing to pair
        return _NOTHING
    emphases: list[Emphasis] = []
    refs: list[FootnoteRef] = []
    stray: list[Span] = []
    boundaries: list[int] = []
    stack: list[list] = []  # [char, offset of the run's remaining characters, count]
    open_runs = {"*": 0, "_": 0}  # openers of each character on the stack: a closer with none
    # to close must not walk the whole stack ("_a a* " repeated would be quadratic)
    for match in (first, *matches):
        kind = match.lastgroup
        s, e = match.span()
        if kind == "sup":
            refs.append(FootnoteRef(Span(s, e), match.group("suplabel").strip(), "sup"))
            continue
        if kind == "md":
            refs.append(FootnoteRef(Span(s, e), match.group("mdlabel"), "markdown"))
            continue
        char = text[s]
        before = text[s - 1] if s > start else " "
        after = text[e] if e < end else " "
        can_open = not after.isspace() and not (char == "_" and before.isalnum())
        can_close = not before.isspace() and not (char == "_" and after.isalnum())
        count = e - s
        closed = _close(stack, open_runs, char, count, s, emphases, stray) if can_close and open_runs[char] else 0
        count -= closed
        if count and can_open:
            if closed:
                boundaries.append(s + closed)
            stack.append([char, s + closed, count])
            open_runs[char] += 1
        elif count and closed == 0 and can_close and char == "*":
            stray.append(Span(s, e))
    for opener in stack:
        if opener[0] == "*":  # an unmatched "_" is plain text (URLs, blanks to fill in)
            stray.append(Span(opener[1], opener[1] + opener[2]))
    if len(emphases) > 1:
        emphases.sort(key=by_span)
    if len(stray) > 1:
        stray.sort()
    return InlineScan(Inline(tuple(emphases), tuple(refs), tuple(stray)), tuple(boundaries))


def _close(stack: list[list], open_runs: dict[str, int], char: str, count: int, at: int,
           emphases: list[Emphasis], stray: list[Span]) -> int:
    """Close the open runs of `char` that a run of `count` such characters at `at` can close,
    innermost first; how many of its characters it used."""
    closed = 0
    while count and open_runs[char]:
        # found (mostly on top): what it walks past is dropped below
        index = len(stack) - 1 if stack[-1][0] == char else _last_with(stack, char)
        for dropped in stack[index + 1 :]:  # openers of the other character, never closed
            open_runs[dropped[0]] -= 1
            if dropped[0] == "*":
                stray.append(Span(dropped[1], dropped[1] + dropped[2]))
        del stack[index + 1 :]
        opener = stack[index]
        use = 2 if opener[2] >= 2 and count >= 2 else 1
        inner_start = opener[1] + opener[2]
        close_at = at + closed
        emphases.append(Emphasis(Span(inner_start - use, close_at + use), Span(inner_start, close_at), use == 2))
        opener[2] -= use
        if not opener[2]:
            stack.pop()
            open_runs[char] -= 1
        count -= use
        closed += use
    return closed


def _last_with(stack: list[list], char: str) -> int:
    """The topmost opener of `char` (the caller knows there is one)."""
    index = len(stack) - 1
    while stack[index][0] != char:
        index -= 1
    return index


def restrict(inline: Inline, span: Span) -> Inline:
    """The part of `inline` that starts inside `span`. Each part of an `Inline` from `scan` is
    sorted by start, so this bisects: cutting 30,000 run-together paragraphs out of one line
    stays linear rather than filtering every emphasis for every piece."""
    return Inline(
        _starting_in(inline.emphases, span, lambda emphasis: emphasis.span.start),
        _starting_in(inline.refs, span, lambda ref: ref.span.start),
        _starting_in(inline.stray, span, lambda stray: stray.start),
    )


def _starting_in(items: tuple, span: Span, start) -> tuple:
    low = bisect_left(items, span.start, key=start)
    return items[low : bisect_left(items, span.end, lo=low, key=start)]


class Enclosing:
    """Whether an offset lies strictly inside some emphasis: with the emphases sorted by
    start, the furthest end among those starting before the offset decides it (one pass to
    build, on the first question: most blocks ask none; a bisection to ask)."""

    def __init__(self, emphases: tuple[Emphasis, ...]) -> None:
        self.emphases = emphases
        self.starts: list[int] | None = None
        self.furthest: list[int] = []

    def inside(self, offset: int) -> bool:
        if self.starts is None:
            self.starts = [emphasis.span.start for emphasis in self.emphases]
            furthest = -1
            for emphasis in self.emphases:
                furthest = max(furthest, emphasis.span.end)
                self.furthest.append(furthest)
        before = bisect_left(self.starts, offset)  # emphases starting strictly before offset
        return before > 0 and self.furthest[before - 1] > offset


def strip_markup(text: str) -> str:
    """Text without emphasis markers and footnote references (for classification)."""
    return TOKEN.sub("", text)
