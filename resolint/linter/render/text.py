"""`path:line:col: CODE message`, one line per diagnostic; for a Word document
`path: paragraph 14 (operative 3): CODE message — "…quoted text…"`."""
from __future__ import annotations

from ...document.diagnostics import Diagnostic
from ..locator import Locator
from .printable import printable


def render_text(results: list[tuple[str, Locator, list[Diagnostic]]]) -> str:
    lines = []
    for path, locator, diagnostics in results:
        for diagnostic in diagnostics:
            where = locator.locate(diagnostic.span)
            quote = f' — "{where.quote}"' if where.quote else ""
            fixable = " [*]" if diagnostic.fix else ""
            lines.append(f"{where.display(path)}: {diagnostic.code} {diagnostic.message}{quote}{fixable}")
    return "".join(printable(line) + "\n" for line in lines)
