"""Remember an analysis of one document while several rules ask for it in a row.

A Document cannot be a dict key cheaply (its hash would walk every node), so it is
remembered by id and checked through a weak reference: a new document with a recycled id
is never mistaken for the old one, and nothing is kept alive.
"""
from __future__ import annotations

import weakref
from collections.abc import Callable
from functools import wraps
from typing import TypeVar

from ..document.model import Document

K = TypeVar("K")
R = TypeVar("R")

LIMIT = 8  # documents remembered per function (one in the CLI, a few open in the editor)


def per_document(function: Callable[[Document, K], R]) -> Callable[[Document, K], R]:
    """`function(doc, key)` computed once per document and key (a language, a lexicon)."""
    memo: dict[tuple[int, K], tuple[weakref.ref, R]] = {}

    @wraps(function)
    def remembered(doc: Document, key: K) -> R:
        entry = memo.get((id(doc), key))
        if entry is not None and entry[0]() is doc:
            return entry[1]
        result = function(doc, key)
        if len(memo) >= LIMIT:
            memo.clear()
        memo[(id(doc), key)] = (weakref.ref(doc), result)
        return result

    return remembered
