"""Suppression comments, each on a line of its own:

    <!-- resolint: disable ST004, VB001 -->     until `enable` (or the end of the file)
    <!-- resolint: enable ST004 -->
    <!-- resolint: disable-next-line ST006 -->  the next non-blank line only
    <!-- resolint: disable-file -->              everything (or the codes listed)

Codes may be full codes (ST004), rule names (operative-numbering) or prefixes (ST); no code
means every rule.

The directives themselves are read by the parser (grammar/directives.py).
"""
from __future__ import annotations

from collections.abc import Callable, Iterable

from ..document.diagnostics import Diagnostic
from ..document.model import Directive
from ..document.span import LineIndex


def suppressed_filter(
    text: str,
    lines: LineIndex,
    directives: Iterable[Directive],
    matches: Callable[[str, Diagnostic], bool],
) -> Callable[[Diagnostic], bool]:
    """A predicate telling whether a diagnostic is silenced by the document's directives.

    `matches(selector, diagnostic)` decides whether a code, name or prefix names the rule.
    """
    whole_file: list[tuple[str, ...]] = []
    ranges: list[tuple[int, int, tuple[str, ...]]] = []  # start line, end line, codes
    open_ranges: list[tuple[int, tuple[str, ...]]] = []
    for directive in directives:
        line = lines.position(directive.span.start)[0]
        if directive.action == "disable-file":
            whole_file.append(directive.codes)
        elif directive.action == "disable":
            open_ranges.append((line, directive.codes))
        elif directive.action == "enable":
            still_open = []
            for start, codes in open_ranges:
                if not directive.codes or codes == directive.codes or set(codes) <= set(directive.codes):
                    ranges.append((start, line, codes))
                else:
                    still_open.append((start, codes))
            open_ranges = still_open
        else:  # disable-next-line
            target = _next_content_line(text, lines, directive.span.end)
            ranges.append((target, target, directive.codes))
    ranges.extend((start, lines.line_count, codes) for start, codes in open_ranges)

    def covered(codes: tuple[str, ...], diagnostic: Diagnostic) -> bool:
        return not codes or any(matches(code, diagnostic) for code in codes)

    def is_suppressed(diagnostic: Diagnostic) -> bool:
        if any(covered(codes, diagnostic) for codes in whole_file):
            return True
        line = lines.position(diagnostic.span.start)[0]
        return any(start <= line <= end and covered(codes, diagnostic) for start, end, codes in ranges)

    return is_suppressed


def _next_content_line(text: str, lines: LineIndex, offset: int) -> int:
    line = lines.position(offset)[0] + 1
    while line <= lines.line_count:
        start = lines.line_start(line)
        end = text.find("\n", start)
        if text[start : end if end >= 0 else len(text)].strip():
            return line
        line += 1
    return line
