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
import re
import tomllib
from collections import Counter
from functools import cache
from pathlib import Path

import pytest

from resolint.document.diagnostics import Applicability, Severity
from resolint.grammar.inline import strip_markup
from resolint.grammar.parser import parse
from resolint.grammar.typography import fold
from resolint.linter.engine import INTERNAL_ERROR, lint_document
from resolint.linter.fixes import apply_fixes
from resolint.linter.registry import all_rules

from .conftest import CORPUS, corpus_files, require

EXPECTATIONS = Path(__file__).parent / "corpus_expectations"
FAMILIES = sorted({rule.code[:2] for rule in all_rules()})
LANGUAGES = ("en", "fr", "es")
OFFICIAL = {lang: corpus_files(f"official/{lang}") for lang in LANGUAGES}
ADOPTED = corpus_files("en", "es") + [path for lang in LANGUAGES for path in OFFICIAL[lang]]
ALL = ADOPTED + corpus_files("en-drafts")
# The share of official texts with no warning or error. The Spanish versions carry more real
# slips than the others (a paragraph without its final comma or semicolon where the English and
# French have it, citation commas, "de" missing in dates, italics stopping short): a quarter of
# them have one, each recorded with its reason; the floor there is what they allow.
CLEAN_SHARE = {"en": 0.85, "fr": 0.85, "es": 0.70}


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
    assert clean / len(files) >= CLEAN_SHARE[lang], f"{clean} of {len(files)} clean"


@pytest.mark.parametrize("path", ADOPTED, ids=key)
def test_safe_fixes_change_adopted_texts_only_at_recorded_findings(path: Path):
    """A fix marked safe must be safe on every correct text: on an adopted resolution a safe
    fix may only repair a recorded slip (of any severity, since `--fix` applies them all)."""
    doc, diagnostics = _findings(path)
    fixed = [d for d in diagnostics if d.fix and d.fix.applicability is Applicability.SAFE]
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

# Texts whose row in STRUCTURE.tsv is wrong because the XML is (checked by reading each text);
# they are left out of the ratios below. A key without a language folder holds for all three.
XML_DEFECTS = {
    # sections that carry their own preamble: the XML has no preamble or operative container
    "A-RES-78-247.md": "sections I and II each open with their own preamble; the XML keeps them in no preamble container (0, no operative numbers)",
    "A-RES-78-253.md": "sections with their own preambles; the XML reads 0 preambular and its operative numbers as one list",
    "A-RES-79-258.md": "sections with their own preambles; the XML reads 0 preambular paragraphs",
    "A-RES-79-281.md": "a preamble, then sections with preambles of their own; the XML counts the first 2 preambular paragraphs and no operative ones",
    "A-RES-79-298.md": "sections with their own preambles, and numbers 11-13 set on the section titles, not on the paragraphs under them",
    # sub-paragraphs or quoted paragraphs listed as operative paragraphs
    "A-RES-78-269.md": "after the panels' themes embedded in 4 (b), the XML lists sub-paragraphs (c) and (d) as operative paragraphs",
    "A-RES-79-273.md": "after the panels' themes embedded in 4 (b), the XML lists sub-paragraphs (c) and (d) as operative paragraphs",
    "A-RES-79-333.md": "sub-paragraphs (c) and (d) of paragraph 4 listed as operative paragraphs; in en and es the opening phrases lost their italics",
    "en/A-RES-78-319.md": "paragraph 3 ends its lead-in with \";\", and the XML lists its sub-paragraphs (a) to (d) as operative paragraphs",
    "A-RES-78-329.md": "the single operative paragraph \"*Decides*:\" is unnumbered; the XML lists its sub-paragraphs (a) and (b) as operative ones",
    "A-RES-79-253.md": "the captions B, C and D of the staffing tables that paragraph 19 introduces are listed as operative paragraphs",
    "A-RES-78-248.md": "paragraph 4 of the Dispute Tribunal's statute, quoted in operative paragraph 14, is listed as an operative paragraph",
    "es/A-RES-79-280.md": "the quoted staff rule's sub-paragraph \"b)\" is listed as an operative paragraph",
    "fr/A-RES-79-280.md": "the quoted staff rule's sub-paragraph \"b)\" is listed as an operative paragraph",
    "es/A-RES-79-72.md": "sub-paragraphs a) and b) of paragraph 6 are listed as operative paragraphs",
    "A-RES-79-1.md": "the Pact for the Future, adopted by the single unnumbered operative paragraph, is read as the resolution's operative part",
    # a paragraph label the XML lost (in each the text writes the number without its full stop)
    "es/A-RES-78-76.md": "operative paragraph \"1\" (no full stop) is missing from the XML's numbers",
    "es/A-RES-78-99.md": "operative paragraph \"5\" (no full stop) is missing from the XML's numbers",
    "es/A-RES-79-226.md": "operative paragraph \"104\" (no full stop) is missing from the XML's numbers",
    "en/A-RES-79-160.md": "operative paragraphs \"26\" and \"27\" (no full stop) are missing from the XML's numbers",
    "fr/A-RES-78-69.md": "operative paragraph \"226\" (no full stop) is missing from the XML's numbers",
    "fr/A-RES-79-161.md": "operative paragraph \"24\" (no full stop) is missing from the XML's numbers",
    "fr/A-RES-78-173.md": "operative paragraph \"16,\" (a comma for its full stop) is missing from the XML's numbers",
    "fr/A-RES-78-240.md": "the operative numbers stand on lines of their own, apart from their paragraphs",
    # the last preambular paragraph missing from the XML's preamble
    "en/A-RES-78-127.md": "the last preambular paragraph (\"*Aiming* ...\") is not in the XML's preamble",
    "es/A-RES-78-127.md": "the last preambular paragraph (\"*Aspirando* ...\") is not in the XML's preamble",
    "fr/A-RES-78-113.md": "the last preambular paragraph (\"*Se réaffirmant résolue* ...\") is not in the XML's preamble",
    "fr/A-RES-79-127.md": "the last preambular paragraph (\"*Se réaffirmant résolue* ...\") is not in the XML's preamble",
    "fr/A-RES-78-226.md": "the last preambular paragraph (\"*Prenant également note* ...\") is not in the XML's preamble",
    "fr/A-RES-78-49.md": "the last preambular paragraph (\"*Désireuse* ...\") is not in the XML's preamble",
    "fr/A-RES-79-106.md": "the last preambular paragraph (\"*Faisant de nouveau siens* ...\") is not in the XML's preamble",
    "fr/A-RES-79-179.md": "the last preambular paragraph (\"*S’inquiétant profondément* ...\") is not in the XML's preamble",
    "fr/A-RES-79-332.md": "the last preambular paragraph (\"*Se réjouissant* ...\") is not in the XML's preamble",
    # an opening phrase the XML names wrongly
    "en/A-RES-78-34.md": "a preambular paragraph's name is \"<a href=…>53</a>\", a link inside its text",
    "en/A-RES-78-263.md": "the first preambular paragraph's name is the title in its footnote 1 (\"Official Records of the General Assembly, ...\")",
    "en/A-RES-79-216.md": "the preambular paragraph \"*Recommitting* ...\" has an empty name",
    "es/A-RES-78-68.md": "the preambular paragraph \"*Recordando además* que los signatarios ...\" has an empty name",
    "fr/A-RES-78-136.md": "the first preambular paragraph's opening \"Rappelant\" lost its italics",
    "fr/A-RES-78-297.md": "the preambular paragraph \"Consciente ...\" lost its italics and is named \"conscient\"",
}


def _xml_defect(file: str) -> str | None:
    return XML_DEFECTS.get(file) or XML_DEFECTS.get(file.split("/", 1)[-1])


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
    rows = {file: row for file, row in _structure().items() if file.startswith(f"{lang}/") and not _xml_defect(file)}
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


QUOTED = re.compile(r"“([^”]*)”|\"([^\"]*)\"|«\s*([^»]*?)\s*»")


@pytest.mark.parametrize("path", ALL, ids=key)
def test_no_message_shows_two_strings_that_print_the_same(path: Path):
    """"Write “7 octobre 2021” as “7 octobre 2021”" (a no-break space against a space) tells
    the drafter nothing: two quoted strings of one message must differ as printed."""
    _, diagnostics = _findings(path)
    for d in diagnostics:
        quoted = [fold(next(g for g in m.groups() if g is not None)) for m in QUOTED.finditer(d.message)]
        assert len(quoted) == len(set(quoted)), f"{d.code}: {d.message}"
