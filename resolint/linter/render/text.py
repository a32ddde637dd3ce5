"""`path:line:col: CODE message`, one line per diagnostic."""
from __future__ import annotations

from ..diagnostics import Diagnostic
from ..span import LineIndex


def render_text(results: list[tuple[str, LineIndex, list[Diagnostic]]]) -> str:
    lines = []
    for path, index, diagnostics in results:
        for diagnostic in diagnostics:
            line, column = index.position(diagnostic.span.start)
            fixable = " [*]" if diagnostic.fix else ""
            lines.append(f"{path}:{line}:{column}: {diagnostic.code} {diagnostic.message}{fixable}")
    return "\n".join(lines) + ("\n" if lines else "")
