"""Linting one version of an edited document after another: the editor's analysis.

The parse reuses the block split of the blocks the edit left alone (grammar/incremental.py);
the facts and the rules then run on the new Document as `resolint check` runs them, so the
findings equal `lint_document(parse(new_text))` — the property test in
tests/test_incremental.py checks that over random edits of corpus documents.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..document.diagnostics import Diagnostic
from ..document.model import Document
from ..facts import Facts
from ..grammar.incremental import Parsed, reparse
from .config import DEFAULT, Config
from .engine import configured_language, lint_document


@dataclass(frozen=True, eq=False)
class Linted:
    """One version's Document, facts and findings, and what the next version may reuse."""

    parsed: Parsed
    facts: Facts
    findings: tuple[Diagnostic, ...]

    @property
    def doc(self) -> Document:
        return self.parsed.doc


def relint(text: str, previous: Linted | None = None, config: Config = DEFAULT, *,
           path: str | None = None, lint: bool = True) -> Linted:
    """Parse and lint `text`, an edit of the text `previous` was made from (or any text:
    nothing is reused where nothing matches). `lint=False` parses only."""
    parsed = reparse(text, previous.parsed if previous else None, language=configured_language(config), path=path)
    facts = Facts(parsed.doc, phrases=config.phrases)
    findings = tuple(lint_document(parsed.doc, config, facts)) if lint else ()
    return Linted(parsed, facts, findings)
