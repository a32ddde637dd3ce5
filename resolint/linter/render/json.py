"""`{"version": 1, "diagnostics": [...]}` — the versioned machine format.

For a Word document each diagnostic also has a `docx` object (an addition that leaves the
version-1 fields as they were: line and column then refer to the text form that
`resolint convert` writes)."""
from __future__ import annotations

import json
import re

from ...document.diagnostics import Diagnostic
from ..locator import Location, Locator

VERSION = 1


def diagnostic_dict(path: str, locator: Locator, diagnostic: Diagnostic) -> dict:
    location = locator.locate(diagnostic.span)
    return {
        "path": path,
        "code": diagnostic.code,
        "name": diagnostic.name,
        "severity": diagnostic.severity.label,
        "message": diagnostic.message,
        **_range(location),
        "fix": None if diagnostic.fix is None else {
            "title": diagnostic.fix.title,
            "applicability": diagnostic.fix.applicability.value,
            "edits": [{**_range(locator.locate(edit.span)), "content": edit.text} for edit in diagnostic.fix.edits],
        },
        "url": diagnostic.url,
        **location.details,
    }


def render_json(results: list[tuple[str, Locator, list[Diagnostic]]]) -> str:
    payload = {
        "version": VERSION,
        "diagnostics": [diagnostic_dict(path, locator, d) for path, locator, diagnostics in results for d in diagnostics],
    }
    return dumps(payload)


_SURROGATE = re.compile("[\ud800-\udfff]")


def dumps(payload) -> str:
    """JSON text that can be written as UTF-8: a file name that is not UTF-8 keeps its
    undecodable bytes as `\\udcXX` escapes (which Python's json reads back to the same name)."""
    return escape_surrogates(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")


def escape_surrogates(text: str) -> str:
    """JSON text with the lone surrogates of undecodable file-name bytes written as `\\uXXXX`
    escapes, so that it can be encoded as UTF-8."""
    return _SURROGATE.sub(lambda found: f"\\u{ord(found.group()):04x}", text)


def _range(location: Location) -> dict:
    return {"line": location.line, "column": location.column, "end_line": location.end_line, "end_column": location.end_column}
