"""Suppression directives (`<!-- resolint: disable ST004 -->`), read while parsing so that the
model lists them; what they silence is decided by linter/suppress.py."""
from __future__ import annotations

import re

from ..document.model import Action, Directive
from ..document.span import Span

DIRECTIVE = re.compile(
    r"<!--\s*resolint:\s*(?P<action>disable-next-line|disable-file|disable|enable)\b(?P<codes>[^>]{0,500}?)\s*-->"
)
ACTIONS = ("disable", "enable", "disable-next-line", "disable-file")


def parse_directive(text: str, span: Span) -> Directive | None:
    match = DIRECTIVE.search(text, span.start, span.end)
    if not match:
        return None
    codes = tuple(code for code in re.split(r"[\s,]+", match.group("codes")) if code)
    return Directive(span, Action(match.group("action")), codes)


def codes_span(text: str, directive: Directive) -> Span:
    """Where the directive's codes stand (with the space before them): what a fix rewrites
    to keep some of them."""
    match = DIRECTIVE.search(text, directive.span.start, directive.span.end)
    if not match:  # the parser found it there; the text is the parser's
        return Span(directive.span.end, directive.span.end)
    return Span(match.start("codes"), match.end("codes"))
