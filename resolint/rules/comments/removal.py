"""The edits that take codes out of a suppression directive, or the directive out of the text."""
from __future__ import annotations

from ...document.diagnostics import Edit
from ...document.model import Directive, Document
from ...document.span import Span
from ...grammar.directives import codes_span


def remove_directive(doc: Document, directive: Directive) -> Edit:
    """Delete the directive's line. When a blank line (or the start of the file) stands
    before it, the blank lines after it go too, so that paragraphs stay one blank line apart."""
    lines = doc.lines
    line = lines.line_of(directive.span.start)
    start = lines.line_start(line)
    if doc.text[start : directive.span.start].strip() or doc.text[directive.span.end : lines.line_end(line)].strip():
        return Edit(directive.span, "")  # not alone on its line: only the comment goes
    last = line
    if line == 1 or _blank(doc, line - 1):
        while last < lines.line_count and _blank(doc, last + 1):
            last += 1
    end = lines.line_start(last + 1) if last < lines.line_count else len(doc.text)
    if end == len(doc.text) and line > 1 and _blank(doc, line - 1):
        start = lines.line_start(line - 1)  # at the end of the file, the blank line before goes too
    return Edit(Span(start, end), "")


def keep_codes(doc: Document, directive: Directive, codes: tuple[str, ...]) -> Edit:
    """Rewrite the directive's list of codes to `codes` (not empty: no codes means all)."""
    return Edit(codes_span(doc.text, directive), " " + ", ".join(codes))


def _blank(doc: Document, line: int) -> bool:
    return not doc.text[doc.lines.line_start(line) : doc.lines.line_end(line)].strip()
