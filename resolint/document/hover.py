"""What the editor shows on hover over a span of the text: rule families contribute these
items (a document symbol, a citation, a session name, an opening phrase)."""
from __future__ import annotations

from dataclasses import dataclass

from .span import Span


@dataclass(frozen=True, slots=True)
class HoverItem:
    span: Span
    markdown: str
