"""A file that could not be linted at all.

## What it checks
Not the text: whether resolint could read the file and check it as configured. A file that
does not exist, cannot be read (permissions, a folder, too large), is not UTF-8 text, is a
damaged, encrypted or unsupported Word document, is governed by an invalid configuration, or
whose fixes could not be written is reported with this code, on line 1, column 1, in the
`json`, `sarif`, `github` and `junit` reports. The `text` report leaves it out: the same
message is always on standard error (`resolint: error: …`). The run exits with status 2, as
for every error of input; this problem cannot be ignored or suppressed.

## Why it matters
A CI job whose report holds only findings would show a draft that was never checked as
clean: the annotation or the failed test case for this file is what tells the reviewer.

## Example
```text
$ resolint check --format github draft.md
::error file=draft.md,line=1,endLine=1,col=1,endColumn=1,title=RL001 (unreadable-file)::not UTF-8 (byte 0xe9 at offset 41); save the file as UTF-8 (see https://github.com/resolint/resolint/blob/main/docs/rules/RL001.md)
```

## Use instead
Save the file as UTF-8 text (or as a Word document that opens in Word), fix the
configuration the message names, or give the path of a file that exists.
"""
from __future__ import annotations

from ..document.diagnostics import Diagnostic, Severity
from ..document.rule import DOCS_URL, RuleMeta
from ..document.span import Span

META = RuleMeta(
    code="RL001",
    name="unreadable-file",
    summary="A file that could not be read, converted or checked as configured is reported, not skipped",
    default_severity=Severity.ERROR,
)


def diagnostic(path: str, error: str) -> Diagnostic:
    """The finding for `error` (one line, usually "path: reason") on the file `path`: the
    reason alone when the message starts with the path, which the report already gives."""
    message = error[len(path) + 2 :] if error.startswith(f"{path}: ") else error
    return Diagnostic(META.code, META.name, META.default_severity, Span(0, 0), message, url=DOCS_URL.format(code=META.code))
