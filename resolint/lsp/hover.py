"""What the editor shows on hover: on a finding, the rule's documentation; elsewhere the
explanations rule families contribute (`resolint.linter.hover.hover_at`)."""
from __future__ import annotations

from lsprotocol import types

from ..document.diagnostics import Diagnostic
from ..document.span import Span
from ..linter import registry
from .analysis import Analysis


def hover(analysis: Analysis, offset: int) -> types.Hover | None:
    findings = [f for f in analysis.findings if f.span.start <= offset < f.span.end or f.span.start == offset]
    if findings:
        text = "\n\n---\n\n".join(_rule_help(finding) for finding in findings)
        where = Span(min(f.span.start for f in findings), max(f.span.end for f in findings))
    else:
        from ..linter.hover import hover_at  # loaded with the facts, by the analysis

        item = hover_at(analysis.facts, offset)
        if item is None:
            return None
        text, where = item.markdown, item.span
    content = types.MarkupContent(kind=types.MarkupKind.Markdown, value=text)
    return types.Hover(contents=content, range=analysis.positions.range(where))


def _rule_help(finding: Diagnostic) -> str:
    title = f"**{finding.code}** {finding.name} ({finding.severity.label}): {finding.message}"
    rule = registry.find(finding.code)
    return f"{title}\n\n{rule.docs}" if rule else title
