"""Every real UN text through the linter.

Entries: file, line, code, reason, and count when one line holds several findings.

Adopted resolutions should lint clean. Each finding (warning or error) on one is either a
real defect of that text — recorded with its reason in tests/corpus_expectations/<FAMILY>.toml
— or a bug in resolint. The test fails on a finding that is not recorded, and on a record
whose finding has disappeared (so the files stay true).
"""
from __future__ import annotations

import tomllib
from collections import Counter
from functools import cache
from pathlib import Path

import pytest

from resolint.linter.diagnostics import Severity
from resolint.linter.engine import INTERNAL_ERROR, lint_document
from resolint.linter.registry import all_rules
from resolint.grammar.parser import parse

from .conftest import CORPUS, corpus_files, require

EXPECTATIONS = Path(__file__).parent / "corpus_expectations"
FAMILIES = sorted({rule.code[:2] for rule in all_rules()})
ADOPTED = corpus_files("en", "es")
ALL = corpus_files("en", "es", "en-drafts")


@cache
def _findings(path: Path):
    text = path.read_text(encoding="utf-8")
    doc = parse(text, path=str(path))
    return doc, lint_document(doc)


def _recorded(family: str) -> list[dict]:
    file = EXPECTATIONS / f"{family}.toml"
    if not file.exists():
        return []
    entries = tomllib.loads(file.read_text(encoding="utf-8")).get("finding", [])
    for entry in entries:
        assert entry.get("reason", "").strip(), f"{file.name}: {entry} has no reason"
    return entries


def test_corpus_is_present():
    require(CORPUS.is_dir() and len(ADOPTED) >= 100, f"the shared corpus is not at {CORPUS}")


@pytest.mark.parametrize("path", ALL, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_corpus_file_parses_and_lints(path: Path):
    doc, diagnostics = _findings(path)
    assert doc.parts or doc.header, "nothing recognised"
    assert not [d for d in diagnostics if d.code == INTERNAL_ERROR], [d.message for d in diagnostics]
    for d in diagnostics:
        assert 0 <= d.span.start <= d.span.end <= len(doc.text)


@pytest.mark.parametrize("family", FAMILIES)
def test_adopted_resolutions_match_recorded_findings(family: str):
    require(bool(ADOPTED), f"the shared corpus is not at {CORPUS}")
    actual = Counter()
    described = {}
    for path in ADOPTED:
        doc, diagnostics = _findings(path)
        for d in diagnostics:
            if d.code.startswith(family) and d.severity <= Severity.WARNING:
                key = (f"{path.parent.name}/{path.name}", doc.lines.position(d.span.start)[0], d.code)
                actual[key] += 1
                described[key] = d.message
    expected = Counter()
    for entry in _recorded(family):
        expected[(entry["file"], entry["line"], entry["code"])] += entry.get("count", 1)
    new = sorted(actual - expected)
    gone = sorted(expected - actual)
    report = [f"new finding, not recorded: {f}:{line} {code} {described[(f, line, code)]}" for f, line, code in new]
    report += [f"recorded but no longer found: {f}:{line} {code}" for f, line, code in gone]
    assert not report, "\n".join(report)
