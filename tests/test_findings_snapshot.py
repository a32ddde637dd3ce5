"""Every finding on every corpus file, as it was before the architecture change (issue 16).

A refactoring must not change what resolint reports. tests/corpus_snapshot.tsv holds each
diagnostic of every severity on every corpus file (adopted texts and drafts), with its fix;
this test fails on any difference and prints it. When a change of findings is intended, say
why in the commit and rewrite the file:

    python -m tests.test_findings_snapshot --update
"""
from __future__ import annotations

import sys
from pathlib import Path

from .conftest import require
from .test_corpus import ALL, _findings, key

SNAPSHOT = Path(__file__).parent / "corpus_snapshot.tsv"


def rows(path: Path) -> list[str]:
    """One line per diagnostic: file, start line:col, end, code, severity, message, fix."""
    doc, diagnostics = _findings(path)
    out = []
    for d in diagnostics:
        start = "%d:%d" % doc.lines.position(d.span.start)
        end = "%d:%d" % doc.lines.position(d.span.end)
        fix = "" if d.fix is None else f"{d.fix.applicability} {[(e.span.start, e.span.end, e.text) for e in d.fix.edits]!r}"
        out.append("\t".join((key(path), start, end, d.code, d.severity.name, d.message, fix)))
    return out


def current() -> list[str]:
    return [row for path in ALL for row in rows(path)]


def test_findings_on_the_corpus_are_unchanged():
    require(bool(ALL) and SNAPSHOT.exists(), "the shared corpus or the snapshot is absent")
    expected = SNAPSHOT.read_text(encoding="utf-8").splitlines()
    actual = current()
    gone = sorted(set(expected) - set(actual))
    new = sorted(set(actual) - set(expected))
    report = [f"- {row}" for row in gone[:40]] + [f"+ {row}" for row in new[:40]]
    assert not report, f"{len(gone)} findings gone, {len(new)} new:\n" + "\n".join(report)
    assert actual == expected, "the same findings in another order"


if __name__ == "__main__" and sys.argv[1:] == ["--update"]:
    SNAPSHOT.write_text("".join(row + "\n" for row in current()), encoding="utf-8")
    print(f"wrote {SNAPSHOT}")
