"""SARIF 2.1.0 (Static Analysis Results Interchange Format), as GitHub code scanning and
other tools read it. Columns count Unicode code points (`columnKind`), as resolint's do."""
from __future__ import annotations

from pathlib import PurePath
from urllib.parse import quote

from ... import __version__
from ...document.diagnostics import Diagnostic, Severity
from ...document.rule import REPOSITORY
from ...document.span import Span
from .. import registry
from ..locator import Locator
from .json import dumps

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note", Severity.HINT: "note"}


def render_sarif(results: list[tuple[str, Locator, list[Diagnostic]]]) -> str:
    rules = [_descriptor(rule) for rule in registry.all_rules()]
    index = {rule["id"]: position for position, rule in enumerate(rules)}
    sarif_results = []
    for path, locator, diagnostics in results:
        location = {"uri": _uri(path)}
        for d in diagnostics:
            if d.code not in index:  # RL000, the internal error of a failing rule; RL001, a file not read
                index[d.code] = len(rules)
                rules.append(_own_descriptor(d))
            result = {
                "ruleId": d.code,
                "ruleIndex": index[d.code],
                "level": LEVELS[d.severity],
                "message": {"text": d.message},
                "locations": [{"physicalLocation": {"artifactLocation": location, "region": _region(locator, d.span)}}],
            }
            if d.fix is not None:
                result["fixes"] = [
                    {
                        "description": {"text": f"{d.fix.title} ({d.fix.applicability.value})"},
                        "artifactChanges": [
                            {
                                "artifactLocation": location,
                                "replacements": [
                                    {"deletedRegion": _region(locator, edit.span), "insertedContent": {"text": edit.text}}
                                    for edit in d.fix.edits
                                ],
                            }
                        ],
                    }
                ]
            sarif_results.append(result)
    log = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "resolint",
                        "version": __version__,
                        "semanticVersion": __version__,
                        "informationUri": REPOSITORY,
                        "rules": rules,
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": sarif_results,
            }
        ],
    }
    return dumps(log)


def _descriptor(rule) -> dict:
    meta = rule.meta
    return {
        "id": meta.code,
        "name": meta.name,
        "shortDescription": {"text": meta.summary},
        "fullDescription": {"text": meta.summary},
        "help": {"text": rule.docs, "markdown": rule.docs},
        "helpUri": rule.url,
        "defaultConfiguration": {"level": LEVELS[meta.default_severity]},
        "properties": {"fixable": meta.fixable, "tags": [meta.code[:2]]},
    }


def _own_descriptor(d: Diagnostic) -> dict:
    """The descriptor of one of resolint's own problems, listed only when it occurs."""
    documented = registry.documented(d.code)
    if documented is not None:
        return _descriptor(documented)
    return {"id": d.code, "name": d.name, "shortDescription": {"text": "A rule failed while checking."}}


def _region(locator: Locator, span: Span) -> dict:
    """1-based lines and columns; the end column is that of the first character after the
    span, as SARIF defines it; charOffset/charLength are code-point offsets into the text."""
    where = locator.locate(span)
    return {
        "startLine": where.line,
        "startColumn": where.column,
        "endLine": where.end_line,
        "endColumn": where.end_column,
        "charOffset": span.start,
        "charLength": span.end - span.start,
    }


def _uri(path: str) -> str:
    """A URI reference for a reported path: relative paths stay relative (GitHub resolves them
    against the repository root), absolute ones become file: URIs."""
    pure = PurePath(path)
    if pure.is_absolute():
        return "file://" + quote(pure.as_posix(), safe="/", errors="surrogateescape")
    return quote(pure.as_posix(), safe="/", errors="surrogateescape")  # a non-UTF-8 name keeps its bytes
