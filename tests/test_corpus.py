"""Every real UN text through the linter, linted once per run and shared by these tests.

Adopted resolutions should lint clean. Each finding (warning or error) on one is either a
real defect of that text — recorded with its reason in tests/corpus_expectations/<FAMILY>.toml
— or a bug in resolint. The test fails on a finding that is not recorded, and on a record
whose finding has disappeared (so the files stay true). Entries: file (relative to the corpus
folder, e.g. "official/fr/A-RES-78-10.md"), line, code, reason, and count when one line holds
several findings.

The official texts (corpus/official/{en,fr,es}, from the UN's XML) also carry their official
structure (STRUCTURE.tsv), which `resolint outline` must read back; and applying the safe
fixes to an adopted text may change it only at recorded findings.
"""
from __future__ import annotations

import csv
import tomllib
from collections import Counter
from functools import cache
from pathlib import Path

import pytest

from resolint.grammar.inline import strip_markup
from resolint.linter.diagnostics import SAFE, Severity
from resolint.linter.engine import INTERNAL_ERROR, lint_document
from resolint.linter.fixes import apply_fixes
from resolint.linter.registry import all_rules
from resolint.grammar.parser import parse

from .conftest import CORPUS, corpus_files, require

EXPECTATIONS = Path(__file__).parent / "corpus_expectations"
FAMILIES = sorted({rule.code[:2] for rule in all_rules()})
LANGUAGES = ("en", "fr", "es")
OFFICIAL = {lang: corpus_files(f"official/{lang}") for lang in LANGUAGES}
ADOPTED = corpus_files("en", "es") + [path for lang in LANGUAGES for path in OFFICIAL[lang]]
ALL = ADOPTED + corpus_files("en-drafts")
CLEAN_SHARE = 0.85  # of official texts with no warning or error, in each language


def key(path: Path) -> str:
    return path.relative_to(CORPUS).as_posix()


@cache
def _findings(path: Path):
    text = path.read_text(encoding="utf-8")
    doc = parse(text, path=str(path))
    return doc, lint_document(doc)


def _reported(path: Path):
    """(file, line, code) of each warning or error on `path`, with the diagnostic."""
    doc, diagnostics = _findings(path)
    for d in diagnostics:
        if d.severity <= Severity.WARNING:
            yield (key(path), doc.lines.position(d.span.start)[0], d.code), d


@cache
def _recorded() -> Counter:
    expected = Counter()
    for family in FAMILIES:
        file = EXPECTATIONS / f"{family}.toml"
        if not file.exists():
            continue
        for entry in tomllib.loads(file.read_text(encoding="utf-8")).get("finding", []):
            assert entry.get("reason", "").strip(), f"{file.name}: {entry} has no reason"
            assert entry["code"].startswith(family), f"{file.name}: {entry} belongs in {entry['code'][:2]}.toml"
            expected[(entry["file"], entry["line"], entry["code"])] += entry.get("count", 1)
    return expected


def test_corpus_is_present():
    require(CORPUS.is_dir() and len(ADOPTED) >= 1900, f"the shared corpus (with official/) is not at {CORPUS}")


@pytest.mark.parametrize("path", ALL, ids=key)
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
        for finding, d in _reported(path):
            if d.code.startswith(family):
                actual[finding] += 1
                described[finding] = d.message
    expected = Counter({k: n for k, n in _recorded().items() if k[2].startswith(family)})
    new = sorted(actual - expected)
    gone = sorted(expected - actual)
    report = [f"new finding, not recorded: {f}:{line} {code} {described[(f, line, code)]}" for f, line, code in new]
    report += [f"recorded but no longer found: {f}:{line} {code}" for f, line, code in gone]
    assert not report, "\n".join(report)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_most_official_texts_lint_clean(lang: str):
    files = OFFICIAL[lang]
    require(len(files) >= 600, f"the official texts are not at {CORPUS / 'official' / lang}")
    clean = sum(1 for path in files if not any(True for _ in _reported(path)))
    assert clean / len(files) >= CLEAN_SHARE, f"{clean} of {len(files)} clean"


@pytest.mark.parametrize("path", ADOPTED, ids=key)
def test_safe_fixes_change_adopted_texts_only_at_recorded_findings(path: Path):
    """A fix marked safe must be safe on every correct text: on an adopted resolution a safe
    fix may only repair a recorded slip (of any severity, since `--fix` applies them all)."""
    doc, diagnostics = _findings(path)
    fixed = [d for d in diagnostics if d.fix and d.fix.applicability == SAFE]
    if not fixed:
        return
    recorded = _recorded()
    stray = [
        f"{key(path)}:{line} {d.code} {d.fix.title!r}: {d.message}"
        for d in fixed
        for line in [doc.lines.position(d.span.start)[0]]
        if (key(path), line, d.code) not in recorded
    ]
    assert not stray, "\n".join(stray)
    text, count = apply_fixes(doc.original, fixed)
    assert count and text != doc.original


# --- the official structure ---------------------------------------------------------------

def _structure() -> dict[str, dict]:
    table = CORPUS / "official" / "STRUCTURE.tsv"
    require(table.is_file(), f"{table} is missing")
    with table.open(encoding="utf-8", newline="") as handle:
        return {row["file"]: row for row in csv.DictReader(handle, delimiter="\t")}


def _read_structure(path: Path) -> tuple[int, list[str], int, list[str]]:
    """What resolint reads of a text: preambular count, operative numbers (unnumbered ones
    left out, as the XML does), numbered footnotes of the resolution's own text (a table's
    note "<sup>a</sup>" is no footnote of the XML), opening phrases.
    A heading inside the preamble ("**Transport and transit corridors**", A/RES/78/148) is
    one of the XML's preamble containers, with no phrase: it is counted so here too."""
    doc, _ = _findings(path)
    annexes = min((annex.span.start for annex in doc.annexes), default=len(doc.text))
    numbers = [str(p.number) for p in doc.operative if p.number is not None]
    footnotes = sum(1 for note in doc.footnotes if note.span.start < annexes and note.number is not None)
    preamble = []
    for part in doc.parts:
        if not part.preambular:
            continue
        operative = min((p.span.start for p in part.operative), default=len(doc.text))
        opening = [p.span.start for p in part.preambular if p.span.start < operative]
        headings = [b for b in part.others if b.kind == "heading" and opening and opening[0] < b.span.start < opening[-1]]
        preamble += sorted([*part.preambular, *headings], key=lambda node: node.span)
    phrases = [_phrase(doc, p) for p in preamble]
    return len(preamble), numbers, footnotes, phrases


def _phrase(doc, paragraph) -> str:
    if not getattr(paragraph, "opening", None):
        return ""
    return " ".join(strip_markup(doc.slice(paragraph.opening.inner)).split()).rstrip(",")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_outline_reads_the_official_structure(lang: str):
    rows = {file: row for file, row in _structure().items() if file.startswith(f"{lang}/")}
    files_ok = phrases_ok = phrases = 0
    wrong = []
    for file, row in rows.items():
        count, numbers, footnotes, read = _read_structure(CORPUS / "official" / file)
        official = row["preambular_phrases"].split(" | ") if row["preambular_phrases"] else []
        same = (count, numbers, footnotes) == (int(row["preambular"]), row["operative_numbers"].split(), int(row["footnotes"]))
        files_ok += same
        if not same:
            wrong.append(f"{file}: preambular {count}/{row['preambular']}, operative {len(numbers)}/{len(row['operative_numbers'].split())}, footnotes {footnotes}/{row['footnotes']}")
        phrases += len(official)
        if len(read) == len(official):
            phrases_ok += sum(a == " ".join(b.split()).rstrip(",") for a, b in zip(read, official))
    assert files_ok / len(rows) >= 0.995, f"{files_ok} of {len(rows)} files agree:\n" + "\n".join(wrong)
    assert phrases_ok / phrases >= 0.999, f"{phrases_ok} of {phrases} preambular openings agree"
