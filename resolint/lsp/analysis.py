"""One version of one open document, parsed and linted: what every request reads.

`analyse` calls the same core as `resolint check` (`lint_document`, on the Document `parse`
would build) with the same configuration, so the editor and the command line agree on every
finding. Given the analysis of the version before, it re-parses incrementally
(linter/incremental.py): the blocks an edit left alone keep their split.

The core (the engine, the rules, the facts, lark) is imported by the first analysis, not by
the server's start, so that `initialize` is answered without waiting for it; `prepare` runs
that first analysis on the worker thread as soon as the client is initialized.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from lsprotocol import types

from ..document.diagnostics import Diagnostic
from ..linter.config import DEFAULT, Config
from . import convert

if TYPE_CHECKING:
    from ..document.model import Document
    from ..facts import Facts
    from ..linter.incremental import Linted

# What `prepare` analyses: short, but with a chapeau and a paragraph of each kind, so that
# the structure parser and the rules' data are loaded too.
WARM_UP_TEXT = "The General Assembly,\n\n*Recalling* its resolution 75/1,\n\n1. *Decides* to remain seized of the matter.\n"


@dataclass(frozen=True, eq=False)
class Analysis:
    uri: str
    version: int | None
    text: str
    doc: Document
    findings: tuple[Diagnostic, ...]  # empty when linting is disabled in the editor
    positions: convert.PositionMap
    config: Config
    path: str | None
    facts: Facts  # shared by the rules, hover, completion and navigation
    linted: Linted | None = None  # what the analysis of the next version reuses
    earlier: Mapping[convert.Shown, types.Diagnostic] = field(default_factory=dict, repr=False)  # the version before's

    @cached_property
    def shown(self) -> list[tuple[convert.Shown, types.Diagnostic]]:
        """The LSP diagnostic of each finding, with what it shows: those that show what one
        of the version before showed are its objects."""
        return convert.shown_diagnostics(self.findings, self.positions, self.earlier)

    @cached_property
    def diagnostics(self) -> list[types.Diagnostic]:
        return [made for _, made in self.shown]

    def converted(self) -> dict[convert.Shown, types.Diagnostic]:
        """The LSP diagnostics made so far, by what they show (none, if never asked for)."""
        return dict(self.__dict__.get("shown", ()))


def analyse(uri: str, version: int | None, text: str, *, path: str | None, config: Config, encoding: str,
            lint: bool = True, previous: Analysis | None = None) -> Analysis:
    """The analysis of `text`; `previous`, an analysis of an earlier version, is reused
    where the edit left the text alone."""
    from ..linter.incremental import relint

    linted = relint(text, previous.linted if previous else None, config, path=path, lint=lint)
    doc = linted.doc
    lines = doc.lines if len(doc.text) == len(text) else None  # the parser's: folding keeps every line and offset
    positions = convert.PositionMap(text, encoding, lines)
    earlier = previous.converted() if previous is not None else {}
    return Analysis(uri, version, text, doc, linted.findings, positions, config, path, linted.facts, linted, earlier)


def prepare() -> None:
    """Load the core by analysing a short text, so that the first real one is not slower."""
    analyse("untitled:resolint-warm-up", None, WARM_UP_TEXT, path=None, config=DEFAULT, encoding=convert.UTF16)
