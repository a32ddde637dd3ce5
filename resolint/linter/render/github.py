"""GitHub Actions workflow commands: one `::error`, `::warning` or `::notice` line per
finding, which the runner turns into an annotation on the pull request's diff:

    ::warning file=drafts/a.md,line=37,endLine=37,col=1,endColumn=3,title=ST004 (operative-numbering)::Paragraph 4 ...

Property values escape `%`, CR, LF, `:` and `,`; the message escapes `%`, CR and LF (as
GitHub's toolkit does). Columns are given only for a finding within one line, as documented.
"""
from __future__ import annotations

from ...document.diagnostics import Diagnostic, Severity
from ..locator import Locator

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice", Severity.HINT: "notice"}


def render_github(results: list[tuple[str, Locator, list[Diagnostic]]]) -> str:
    lines = []
    for path, locator, diagnostics in results:
        for d in diagnostics:
            where = locator.locate(d.span)
            properties = {"file": path, "line": where.line, "endLine": where.end_line}
            if where.line == where.end_line:
                properties |= {"col": where.column, "endColumn": max(where.column, where.end_column)}
            properties["title"] = f"{d.code} ({d.name})"
            fields = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items())
            message = d.message + (f" (see {d.url})" if d.url else "")
            lines.append(f"::{COMMANDS[d.severity]} {fields}::{escape_data(message)}")
    return "".join(line + "\n" for line in lines)


def escape_data(text: str) -> str:
    text = text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")  # a name that is not UTF-8
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")
