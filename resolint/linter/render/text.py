"""`path:line:col: CODE message`, one line per diagnostic; for a Word document
`path: paragraph 14 (operative 3): CODE message — "…quoted text…"`."""
from __future__ import annotations

from ...document.diagnostics import Diagnostic
from ...document.span import LineIndex
from .printable import printable


def render_text(results: list[tuple[str, LineIndex, list[Diagnostic]]]) -> str:
    lines = []
    for path, index, diagnostics in results:
        word_location = getattr(index, "word_location", None)  # a Word document's index
        for diagnostic in diagnostics:
            fixable = " [*]" if diagnostic.fix else ""
            if word_location is not None:
                where = word_location(diagnostic.span)
                quote = f' — "{where.quote}"' if where.quote else ""
                lines.append(f"{path}: {where.label}: {diagnostic.code} {diagnostic.message}{quote}{fixable}")
                continue
            line, column = index.position(diagnostic.span.start)
            lines.append(f"{path}:{line}:{column}: {diagnostic.code} {diagnostic.message}{fixable}")
    return "".join(printable(line) + "\n" for line in lines)
