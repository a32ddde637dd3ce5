"""What the editor shows on hover over the text itself (not over a diagnostic): explanations
that rule families contribute for spans of a document — a document symbol, a citation, a
session name, an opening phrase.

A provider is a function `(facts) -> Iterable[HoverItem]`; providers are listed
once, in `resolint.rules.HOVER_PROVIDERS`, as rules are in `BUILTIN_RULES`.
"""
from __future__ import annotations

from ..document.hover import HoverItem
from ..document.span import by_span
from ..facts import Facts


def hover_items(facts: Facts) -> list[HoverItem]:
    from ..rules import HOVER_PROVIDERS

    return sorted((item for provider in HOVER_PROVIDERS for item in provider(facts)), key=by_span)


def hover_at(facts: Facts, offset: int) -> HoverItem | None:
    """The most specific item (shortest span) covering `offset`."""
    covering = [item for item in hover_items(facts) if item.span.start <= offset < item.span.end]
    return min(covering, key=lambda item: len(item.span), default=None)
