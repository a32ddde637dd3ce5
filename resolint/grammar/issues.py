"""What the block split leaves wrong, reported before the grammar runs: blocks run together on
one line, stray emphasis markers, malformed footnote markers."""
from __future__ import annotations

import re

from ..document.model import IssueKind, ParseIssue
from ..document.span import Span
from .items import Item, describe

# Footnote numbers, "10,11", the sponsor-list asterisk, or a table note letter.
WELL_FORMED_LABEL = re.compile(r"(?:\d{1,3}(?:\s*,\s*\d{1,3})*|\*{1,3}|[a-z])\Z")
MALFORMED_SUP = re.compile(r"<sup>(?![^<\n]{0,20}</sup>)|<sup>\s*</sup>")


def split_issues(text: str, items: list[Item]) -> list[ParseIssue]:
    """Run-together blocks, stray emphasis markers and malformed footnote markers."""
    issues: list[ParseIssue] = []
    for item in items:
        raw = item.raw
        if raw.gap is not None:
            issues.append(ParseIssue(IssueKind.RUN_TOGETHER, raw.gap, describe(item.kind)))
        if raw.inline.stray:
            issues.extend(ParseIssue(IssueKind.UNBALANCED_EMPHASIS, stray) for stray in raw.inline.stray)
        for ref in raw.inline.refs:
            if not WELL_FORMED_LABEL.match(ref.label) and not _ordinal_suffix(text, ref):
                issues.append(ParseIssue(IssueKind.MALFORMED_MARKER, ref.span, ref.label))
    for match in MALFORMED_SUP.finditer(text):
        if not text.startswith("<sup></sup>", match.start()):
            issues.append(ParseIssue(IssueKind.MALFORMED_MARKER, Span(match.start(), match.end()), ""))
    return issues


def _ordinal_suffix(text: str, ref) -> bool:
    """A superscript suffix of an ordinal or an abbreviation, not a footnote marker: letters
    (or an apostrophe) right after a letter or figure, "1<sup>er</sup>", "XIII<sup>es</sup>",
    "n<sup>os</sup>", "17<sup>a</sup>", "l<sup>’</sup>homme" (the SS rules check ordinals)."""
    label = ref.label
    suffix = label.isalpha() or label in ("’", "'")
    return suffix and len(label) <= 3 and text[ref.span.start - 1 : ref.span.start].isalnum()
