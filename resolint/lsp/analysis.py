"""One version of one open document, parsed and linted: what every request reads.

`analyse` calls the same core as `resolint check` (`parse_with`, `lint_document`) with the
same configuration, so the editor and the command line agree on every finding.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from lsprotocol import types

from ..document.diagnostics import Diagnostic
from ..document.model import Document
from ..facts import Facts
from ..linter.config import Config
from ..linter.engine import lint_document, parse_with
from . import convert


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

    @cached_property
    def diagnostics(self) -> list[types.Diagnostic]:
        return convert.diagnostics(self.findings, self.positions)


def analyse(uri: str, version: int | None, text: str, *, path: str | None, config: Config, encoding: str, lint: bool = True) -> Analysis:
    doc = parse_with(text, config, path=path)
    facts = Facts(doc, phrases=config.phrases)
    findings = tuple(lint_document(doc, config, facts)) if lint else ()
    lines = doc.lines if len(doc.text) == len(text) else None  # the parser's: folding keeps every line and offset
    return Analysis(uri, version, text, doc, findings, convert.PositionMap(text, encoding, lines), config, path, facts)
