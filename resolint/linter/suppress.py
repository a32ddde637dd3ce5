"""Suppression comments, each on a line of its own:

    <!-- resolint: disable ST004, VB001 -->     until `enable` (or the end of the file)
    <!-- resolint: enable ST004 -->
    <!-- resolint: disable-next-line ST006 -->  the next non-blank line only
    <!-- resolint: disable-file -->              everything (or the codes listed)

Codes may be full codes (ST004), rule names (operative-numbering) or prefixes (ST); no code
means every rule.

The directives themselves are read by the parser (grammar/directives.py). `Suppressions`
also remembers which directive codes silenced something, so that the ones that silenced
nothing can be reported (RL100, as ruff's RUF100 does).
"""
from __future__ import annotations

from collections.abc import Callable, Iterable

from ..document.diagnostics import Diagnostic
from ..document.model import Action, Directive
from ..document.span import LineIndex
from ..document.suppression import DirectiveUse

BLANKET = ""  # the "code" a directive without codes is recorded under


class Suppressions:
    """The document's directives as line ranges. `silences(diagnostic)` tells whether one
    silences the diagnostic and records which directive codes did.

    `matches(selector, diagnostic)` decides whether a code, name or prefix names the rule.
    """

    def __init__(
        self,
        text: str,
        lines: LineIndex,
        directives: Iterable[Directive],
        matches: Callable[[str, Diagnostic], bool],
    ) -> None:
        self.directives = tuple(directives)
        self.lines = lines
        self.matches = matches
        self.used: set[tuple[int, str]] = set()  # (directive index, code or BLANKET)
        self.ranges = _ranges(text, lines, self.directives)  # (first line, last line, directive index)

    def silences(self, diagnostic: Diagnostic, *, blanket: bool = True) -> bool:
        """Whether a directive covering the diagnostic names its rule (or, when `blanket`,
        names no rule at all). Every directive that does is recorded as used."""
        line = self.lines.position(diagnostic.span.start)[0]
        silenced = False
        for first, last, index in self.ranges:
            if not first <= line <= last:
                continue
            codes = self.directives[index].codes
            hits = [code for code in codes if self.matches(code, diagnostic)]
            if not codes and blanket:
                hits = [BLANKET]
            self.used.update((index, code) for code in hits)
            silenced = silenced or bool(hits)
        return silenced

    def uses(self, ran: Callable[[str], bool], known: Callable[[str], bool]) -> tuple[DirectiveUse, ...]:
        """What each disabling directive did. `ran(code)`: the code names a rule that ran
        before the filter (codes of rules not run, and of the RL rules judged after it, do
        not count as unused); `known(code)`: it names any rule."""
        out = []
        for index, directive in enumerate(self.directives):
            if directive.action == Action.ENABLE:
                continue
            used = {code for i, code in self.used if i == index}
            unknown = tuple(code for code in directive.codes if not known(code))
            unused = tuple(code for code in directive.codes if code not in used and code not in unknown and ran(code))
            judged = (BLANKET,) if not directive.codes else tuple(c for c in directive.codes if c not in unknown)
            idle = not used and all(code in unused for code in judged if code != BLANKET)
            out.append(DirectiveUse(directive, unused, unknown, idle))
        return tuple(out)


def _ranges(text: str, lines: LineIndex, directives: tuple[Directive, ...]) -> list[tuple[int, int, int]]:
    """The lines each disabling directive covers: (first line, last line, directive index)."""
    ranges: list[tuple[int, int, int]] = []
    open_ranges: list[tuple[int, int]] = []  # start line, directive index
    for index, directive in enumerate(directives):
        line = lines.position(directive.span.start)[0]
        if directive.action == Action.DISABLE_FILE:
            ranges.append((1, lines.line_count, index))
        elif directive.action == Action.DISABLE:
            open_ranges.append((line, index))
        elif directive.action == Action.ENABLE:
            still_open = []
            for start, opened in open_ranges:
                codes = directives[opened].codes
                if not directive.codes or codes == directive.codes or set(codes) <= set(directive.codes):
                    ranges.append((start, line, opened))
                else:
                    still_open.append((start, opened))
            open_ranges = still_open
        else:  # disable-next-line
            target = _next_content_line(text, lines, directive.span.end)
            ranges.append((target, target, index))
    ranges.extend((start, lines.line_count, opened) for start, opened in open_ranges)
    return ranges


def _next_content_line(text: str, lines: LineIndex, offset: int) -> int:
    line = lines.position(offset)[0] + 1
    while line <= lines.line_count:
        start = lines.line_start(line)
        end = text.find("\n", start)
        if text[start : end if end >= 0 else len(text)].strip():
            return line
        line += 1
    return line
