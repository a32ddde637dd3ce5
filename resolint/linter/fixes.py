"""Apply fixes: non-overlapping text edits, in one pass, optionally repeated to a fixed point."""
from __future__ import annotations

from collections.abc import Iterable

from ..document.diagnostics import Applicability, Diagnostic, Edit, Fix
from ..document.span import by_span


def apply_fixes(text: str, diagnostics: Iterable[Diagnostic], *, unsafe: bool = False) -> tuple[str, int]:
    """Apply each eligible fix whose edits overlap no fix applied before it; return the new
    text and how many fixes were applied."""
    chosen = select_fixes(diagnostics, unsafe=unsafe)
    return apply_edits(text, [edit for fix in chosen for edit in fix.edits]), len(chosen)


def select_fixes(diagnostics: Iterable[Diagnostic], *, unsafe: bool = False) -> list[Fix]:
    """The fixes to apply in one pass: each eligible fix (safe, or any with `unsafe`) whose
    edits overlap no fix chosen before it, in text order."""
    chosen: list[Fix] = []
    taken: list[tuple[int, int]] = []
    for fix in _eligible(diagnostics, unsafe):
        spans = [(edit.span.start, edit.span.end) for edit in fix.edits]
        if any(_overlaps(span, other) for span in spans for other in taken):
            continue
        taken.extend(spans)
        chosen.append(fix)
    return chosen


def apply_edits(text: str, edits: Iterable[Edit]) -> str:
    pieces = []
    position = 0
    for edit in sorted(edits, key=by_span):
        pieces.append(text[position : edit.span.start])
        pieces.append(edit.text)
        position = edit.span.end
    pieces.append(text[position:])
    return "".join(pieces)


def fix_until_stable(text: str, lint, *, unsafe: bool = False, limit: int = 10) -> tuple[str, int]:
    """Lint and fix repeatedly until no fix applies (so fixing twice equals fixing once)."""
    text, total, _ = fix_text(text, lint, unsafe=unsafe, limit=limit)
    return text, total


def fix_text(text: str, lint, *, unsafe: bool = False, limit: int = 10, first=None) -> tuple[str, int, list[Diagnostic]]:
    """Like fix_until_stable, and also the diagnostics of the final text (what is left to
    report). `first` is the diagnostics of `text` when the caller has them already."""
    diagnostics = first if first is not None else lint(text)
    total = 0
    for _ in range(limit):
        text, count = apply_fixes(text, diagnostics, unsafe=unsafe)
        if not count:
            break
        total += count
        diagnostics = lint(text)
    return text, total, diagnostics


def has_fixes(diagnostics: Iterable[Diagnostic], *, unsafe: bool = False) -> bool:
    return bool(_eligible(diagnostics, unsafe))


def unified_diff(path: str, before: str, after: str) -> str:
    """The change as a unified diff (`--- a/path`, `+++ b/path`), line endings as they are."""
    import difflib

    lines = difflib.unified_diff(_lines(before), _lines(after), f"a/{path}", f"b/{path}")
    return "".join(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in lines)


def _lines(text: str) -> list[str]:
    """Lines ending at "\n" only (str.splitlines also breaks at form feeds and the like)."""
    pieces = text.split("\n")
    lines = [piece + "\n" for piece in pieces[:-1]]
    if pieces[-1]:
        lines.append(pieces[-1])
    return lines


def _eligible(diagnostics: Iterable[Diagnostic], unsafe: bool) -> list[Fix]:
    fixes = [d.fix for d in diagnostics if d.fix and (unsafe or d.fix.applicability is Applicability.SAFE)]
    return sorted(fixes, key=lambda fix: min((e.span.start for e in fix.edits), default=0))


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    if a[0] == a[1] or b[0] == b[1]:  # insertions conflict only at the same point or inside
        return a[0] == b[0] or b[0] < a[0] < b[1] or a[0] < b[0] < a[1]
    return a[0] < b[1] and b[0] < a[1]
