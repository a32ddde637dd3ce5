"""`{"version": 1, "diagnostics": [...]}` — the versioned machine format.

For a Word document each diagnostic also has a `docx` object (an addition that leaves the
version-1 fields as they were: line and column then refer to the text form that
`resolint convert` writes)."""
from __future__ import annotations

import json
import re

from ...document.diagnostics import Diagnostic
from ...document.span import LineIndex, Span

VERSION = 1


def diagnostic_dict(path: str, index: LineIndex, diagnostic: Diagnostic) -> dict:
    entry = {
        "path": path,
        "code": diagnostic.code,
        "name": diagnostic.name,
        "severity": diagnostic.severity.label,
        "message": diagnostic.message,
        **_range(index, diagnostic.span),
        "fix": None if diagnostic.fix is None else {
            "title": diagnostic.fix.title,
            "applicability": diagnostic.fix.applicability.value,
            "edits": [{**_range(index, edit.span), "content": edit.text} for edit in diagnostic.fix.edits],
        },
        "url": diagnostic.url,
    }
    word_location = getattr(index, "word_location", None)  # a Word document's index
    if word_location is not None:
        entry["docx"] = word_location(diagnostic.span).as_json()
    return entry


def render_json(results: list[tuple[str, LineIndex, list[Diagnostic]]]) -> str:
    payload = {
        "version": VERSION,
        "diagnostics": [diagnostic_dict(path, index, d) for path, index, diagnostics in results for d in diagnostics],
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


def _range(index: LineIndex, span: Span) -> dict:
    line, column = index.position(span.start)
    end_line, end_column = index.position(span.end)
    return {"line": line, "column": column, "end_line": end_line, "end_column": end_column}
