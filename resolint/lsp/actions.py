"""Code actions for one analysed document: each fix as a quick fix (safe ones preferred,
unsafe ones marked), "disable RULE for this line", and fix all (`source.fixAll.resolint`).

Pure functions of an `Analysis`: the edits come from the rules' own fixes and from
`resolint.linter.fixes`, as `resolint check --fix` would apply them. The engine is imported
where it is used, by then loaded by the analysis (analysis.py says why).
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from lsprotocol import types

from ..document.diagnostics import Applicability, Diagnostic, Edit
from ..document.span import Span
from ..grammar.blocks import COMMENT_LINE
from ..grammar.directives import parse_directive
from . import convert
from .analysis import Analysis

if TYPE_CHECKING:
    from ..document.model import Document

FIX_ALL = "source.fixAll.resolint"
QUICK_FIX = types.CodeActionKind.QuickFix.value


def code_actions(analysis: Analysis, span: Span, only: Sequence[str] | None, document_changes: bool) -> list[types.CodeAction]:
    """The actions for the findings that touch `span`, and fix all; `only` is the client's
    filter of action kinds (None: every kind)."""
    from ..linter.engine import INTERNAL_ERROR

    def edit(edits: Sequence[Edit]) -> types.WorkspaceEdit:
        changes = convert.text_edits(edits, analysis.positions)
        return convert.workspace_edit(analysis.uri, analysis.version, changes, document_changes)

    fixes: list[types.CodeAction] = []
    disables: dict[tuple[str, int], types.CodeAction] = {}
    if wanted(only, QUICK_FIX):
        for finding, shown in zip(analysis.findings, analysis.diagnostics):
            if not (finding.span.start <= span.end and span.start <= finding.span.end):
                continue
            if finding.fix:
                safe = finding.fix.applicability is Applicability.SAFE
                note = "" if safe else ", unsafe: review the change"
                fixes.append(types.CodeAction(
                    title=f"{finding.fix.title} ({finding.code}{note})",
                    kind=types.CodeActionKind.QuickFix,
                    diagnostics=[shown],
                    is_preferred=safe or None,
                    edit=edit(finding.fix.edits),
                ))
            if finding.code != INTERNAL_ERROR:
                line = analysis.doc.lines.position(finding.span.start)[0]
                if (finding.code, line) not in disables:
                    title, edits = disable_edits(analysis.doc, finding)
                    disables[finding.code, line] = types.CodeAction(
                        title=title, kind=types.CodeActionKind.QuickFix, diagnostics=[shown], edit=edit(edits),
                    )
    actions = fixes + list(disables.values())
    if wanted(only, FIX_ALL) and any(f.fix and f.fix.applicability is Applicability.SAFE for f in analysis.findings):
        change = fix_all(analysis)
        if change is not None:
            actions.append(types.CodeAction(title="Fix all safely fixable resolint problems", kind=FIX_ALL, edit=edit([change])))
    return actions


def fix_all(analysis: Analysis) -> Edit | None:
    """One edit applying every safe fix, repeated until nothing more applies."""

    from ..linter.engine import lint_document, parse_with
    from ..linter.fixes import fix_until_stable

    def lint(text: str) -> list[Diagnostic]:
        if text is analysis.text:
            return list(analysis.findings)
        return lint_document(parse_with(text, analysis.config, path=analysis.path), analysis.config)

    fixed, count = fix_until_stable(analysis.text, lint)
    return convert.minimal_edit(analysis.text, fixed) if count else None


def disable_edits(doc: Document, finding: Diagnostic) -> tuple[str, list[Edit]]:
    """A suppression comment for `finding`'s rule on its line, on a line of its own above.

    A `disable-next-line` comment already there gets the code added (two such comments in a
    row would make the first one silence the second). When the line continues a paragraph
    written over several lines, a comment inside it would split the paragraph, so the
    paragraph is wrapped in `disable` / `enable` comments instead.
    """
    text, lines, newline, code = doc.text, doc.lines, doc.newline, finding.code
    line = lines.position(finding.span.start)[0]
    start = lines.line_start(line)
    content = _line(text, lines, line)
    indent = content[: len(content) - len(content.lstrip())]
    if line > 1:
        above = _line(text, lines, line - 1)
        above_start = lines.line_start(line - 1)
        directive = parse_directive(text, Span(above_start, above_start + len(above)))
        if directive and directive.action == "disable-next-line" and COMMENT_LINE.match(above):
            codes = ", ".join((*directive.codes, code))
            edit = Edit(directive.span, f"<!-- resolint: disable-next-line {codes} -->")
            return f"Disable {code} for this line", [edit]
        if above.strip() and not COMMENT_LINE.match(above):
            first, last = _block_lines(text, lines, line)
            end = lines.line_start(last) + len(_line(text, lines, last))
            return f"Disable {code} for this paragraph", [
                Edit(Span(lines.line_start(first), lines.line_start(first)), f"{indent}<!-- resolint: disable {code} -->{newline}"),
                Edit(Span(end, end), f"{newline}<!-- resolint: enable {code} -->"),
            ]
    return f"Disable {code} for this line", [Edit(Span(start, start), f"{indent}<!-- resolint: disable-next-line {code} -->{newline}")]


def _line(text: str, lines, number: int) -> str:
    """The text of 1-based line `number`, without its line break."""
    start = lines.line_start(number)
    end = text.find("\n", start)
    return text[start : end if end >= 0 else len(text)].rstrip("\r")


def _block_lines(text: str, lines, line: int) -> tuple[int, int]:
    """First and last line of the run of non-blank, non-comment lines around `line`."""

    def inside(number: int) -> bool:
        content = _line(text, lines, number)
        return bool(content.strip()) and not COMMENT_LINE.match(content)

    first = line
    while first > 1 and inside(first - 1):
        first -= 1
    last = line
    while last < lines.line_count and inside(last + 1):
        last += 1
    return first, last


def wanted(only: Sequence[str] | None, kind: str) -> bool:
    """Whether the client's `only` filter admits `kind` (a filter admits its sub-kinds)."""
    return not only or any(kind == asked or kind.startswith(asked + ".") for asked in only)
