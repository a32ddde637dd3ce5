"""Build resolint/records/ (the record of real resolutions, decisions and sessions shipped in
the package) from the shared data set ../shared/data (see its README).

    python tools/build_records.py [--data ../shared/data]

Keeps only what the linter needs: for each resolution or decision its number, every attested
date with the evidence behind it (source tags and how many documents cite it), and flags; the
titles go to a separate compressed file that only the editor hover reads. The output is
deterministic, so rebuilding from the same input gives the same bytes (tests/test_records.py
checks the shipped files against ../shared/data when it is present).
"""
from __future__ import annotations

import argparse
import csv
import gzip
import hashlib
import io
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "resolint" / "records"
sys.path.insert(0, str(ROOT))

from resolint.records.keys import normalize_number  # noqa: E402

# The data set names every source by repository, path and commit; each source is one evidence
# tag in its notes. The build checks that a row's sources are exactly those of its tags.
SOURCES = {
    "LH": "lefthand67/un_votes:logs_builder/scrapy.zip(scrapy.log)+logs_update/scrapy.log(all versions)@38cae077ff037f899e5c82805a13dcbd6b3656e2",
    "MP": "wannli/mandate-pipeline:data/extracted/A_RES_*.json@de174d38b7495bbb0112d3117e9126abff29ec43",
    "CR": "SeanFobbe/cr-unsc:data/res_en_gold/*.txt@ba7a562cd5daf59b43ca555578696c1992d9d695",
    "CIT": "wannli/mandate-pipeline:data/extracted/*.json(citations)@de174d38b7495bbb0112d3117e9126abff29ec43",
    "CRCIT": "SeanFobbe/cr-unsc:data/res_en_gold/*.txt(citations)@ba7a562cd5daf59b43ca555578696c1992d9d695",
    "IG": "wannli/mandate-pipeline:data/igov/decisions/<session>/*.json@de174d38b7495bbb0112d3117e9126abff29ec43",
}

# Corrections named in ../shared/data/README.md ("Known gaps and caveats"), applied here so
# that the linter does not contradict a correct citation with a known error of a source.
# number -> (date to accept as attested, flag, why)
ERRATA = {
    "62/249": ("2008-05-15", "e", "README: LH 2008-04-15 is an error of the UNDL metadata; "
               "2008-05-15 is cited in 2 documents (resolution adopted 15 May 2008)"),
    "37/84": (None, "s", "README: LH 1982-02-21 is impossible for session 37 and needs a manual SUSPECT flag"),
}

CANDIDATE = re.compile(r"(\d{4}-\d\d-\d\d) \[([A-Z+]+)(?:\(cited in (\d+) docs?\))?\]")
BASIS = re.compile(r"date basis: ([A-Z+]+) \((primary|citation-only)\)")


def read(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))


def tags_of(sources: str) -> set[str]:
    found = set()
    for source in sources.split("|"):
        tag = next((tag for tag, known in SOURCES.items() if known == source), None)
        if tag is None:
            raise SystemExit(f"unknown source {source!r}: add it to SOURCES with its tag")
        found.add(tag)
    return found


def resolution_line(row: dict) -> tuple[str, str]:
    notes = row["notes"]
    basis = BASIS.match(notes)
    if not basis:
        raise SystemExit(f"{row['symbol']}: no date basis in notes {notes!r}")
    candidates = [(date, tags, count) for date, tags, count in CANDIDATE.findall(notes)]
    if not candidates:
        candidates = [(row["adoption_date"], basis.group(1), "")]
    if candidates[0][0] != row["adoption_date"]:
        raise SystemExit(f"{row['symbol']}: first candidate {candidates[0][0]} is not the adoption date")
    if sorted(c[0] for c in candidates[1:]) != sorted(filter(None, row["alt_dates"].split(";"))):
        raise SystemExit(f"{row['symbol']}: alt_dates and the candidates in notes disagree")
    used = {tag for _, tags, _ in candidates for tag in tags.split("+")}
    if used != tags_of(row["source"]):
        raise SystemExit(f"{row['symbol']}: sources {sorted(tags_of(row['source']))} but tags {sorted(used)}")
    flags = "c" if basis.group(2) == "citation-only" else ""
    if "SUSPECT" in notes:
        flags += "s"
    number = row["number"]
    if number in ERRATA:
        accept, flag, _ = ERRATA[number]
        flags += flag
        if accept:
            candidates = [(d, t, c + "+ERR" if d == accept else c) for d, t, c in candidates]
    dates = ";".join(f"{date}={tags}{count}" for date, tags, count in candidates)
    key = normalize_number(number)
    return key, "\t".join((key, row["body"], dates, flags))


def decision_line(row: dict) -> tuple[str, str]:
    notes = row["notes"]
    tags = tags_of(row["source"])
    flags = "c" if notes.startswith("citation-only") else ""
    if "SUSPECT" in notes:
        flags += "s"
    date_tag = "CIT" if flags.startswith("c") else "IG"
    dates = row["all_dates"].split(";")
    if dates[0] != row["adoption_date"]:
        raise SystemExit(f"{row['symbol']}: all_dates does not start with the adoption date")
    if date_tag not in tags:
        raise SystemExit(f"{row['symbol']}: evidence {date_tag} is not among its sources")
    key = normalize_number(row["number"])
    return key, "\t".join((key, ";".join(f"{d}={date_tag}" for d in dates), flags))


def session_line(row: dict) -> str:
    basis = row["opening_basis"]
    kind = "documented" if basis.startswith("documented") else "inferred" if basis.startswith("inferred") else "unknown"
    return "\t".join((row["session"], row["kind"], row["opening_date"], kind, row["closing_date"],
                      row["first_dated_item"], row["last_dated_item"]))


def write(path: Path, header: str, lines: list[str]) -> None:
    path.write_text(header + "\n".join(lines) + "\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    args = parser.parse_args()
    inputs = {name: args.data / name for name in ("resolutions.tsv", "decisions.tsv", "ga_sessions.tsv")}

    resolutions = read(inputs["resolutions.tsv"])
    decisions = read(inputs["decisions.tsv"])
    sessions = read(inputs["ga_sessions.tsv"])

    lines, titles, seen = [], [], set()
    for row in resolutions:
        key, line = resolution_line(row)
        if key in seen:
            raise SystemExit(f"duplicate resolution {key}")
        seen.add(key)
        lines.append(line)
        if row["title"]:
            titles.append(f"R {key}\t{row['title']}")
    write(OUT / "resolutions.tsv", "# number\tbody\tdates (date=evidence[cited-in count]; first = adoption date)\tflags\n",
          sorted(lines))

    decision_lines = []
    for row in decisions:
        key, line = decision_line(row)
        decision_lines.append(line)
        if row["title"]:
            titles.append(f"D {key}\t{row['title']}")
    write(OUT / "decisions.tsv", "# number\tdates (date=evidence; first = adoption date)\tflags\n", sorted(decision_lines))

    write(OUT / "sessions.tsv", "# session\tkind\topening\topening basis\tclosing\tfirst dated item\tlast dated item\n",
          [session_line(row) for row in sessions])

    buffer = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buffer, mtime=0, compresslevel=9) as handle:
        handle.write(("\n".join(sorted(titles)) + "\n").encode("utf-8"))
    (OUT / "titles.tsv.gz").write_bytes(buffer.getvalue())

    digests = "\n".join(
        f"| `{name}` | {sum(1 for _ in path.open(encoding='utf-8')) - 1} | `{hashlib.sha256(path.read_bytes()).hexdigest()}` |"
        for name, path in inputs.items()
    )
    sources = "\n".join(f"| `{tag}` | `{source}` |" for tag, source in SOURCES.items())
    errata = "\n".join(f"| {number} | {why} |" for number, (_, _, why) in ERRATA.items())
    text = PROVENANCE.format(digests=digests, sources=sources, errata=errata)
    (OUT / "PROVENANCE.md").write_text(text, encoding="utf-8")
    print(f"{len(lines)} resolutions, {len(decision_lines)} decisions, {len(sessions)} sessions, {len(titles)} titles")


PROVENANCE = """\
# Provenance of resolint/records

Generated by `python tools/build_records.py` from the shared data set `../shared/data` (its
README describes the sources, the merge rule and the caveats; the essentials are repeated
here). Do not edit these files by hand: change the build script and rebuild.

## Inputs

| file | rows | sha256 |
|---|---|---|
{digests}

## Sources (evidence tags)

Every date carries the tags of the sources that attest it; a number after a citation tag is
how many documents cite that date.

| tag | source (repository:path@commit) |
|---|---|
{sources}

`LH` = UN Digital Library voting records (via a public crawl); `MP` = the official A/RES texts
of sessions 78–80; `CR` = OCR texts of Security Council resolutions 1–902; `CIT`, `CRCIT` =
dated citations mined from those texts; `IG` = igov export of General Assembly decisions;
`ERR` = an erratum below.

## Files

* `resolutions.tsv` — number (key spelling: roman session numerals made arabic, see
  `keys.py`), body (GA or SC), dates (`date=tags[count]`, `;`-separated, the first is the
  adoption date chosen by the merge rule), flags (`c` the date rests on citations only, `s`
  SUSPECT: outside its session's span, `e` an erratum applied).
* `decisions.tsv` — General Assembly decisions: number, every meeting date, flags.
* `sessions.tsv` — General Assembly sessions: opening date and whether it is documented
  (71–80) or inferred by rule (2–70), closing date, span of dated items.
* `titles.tsv.gz` — titles (`R number` or `D number`, tab, title), read only for hover.

## Merge rule (from the data set)

Each candidate date scores MP = 3, LH = 1.6, CR = 1, a citation 1 (+0.5 when cited in two or
more documents, +0.01 per citing document); the highest wins. The official A/RES header
always wins; the UN Digital Library record beats a citation-only alternative unless 11 or
more documents cite the other date.

## How resolint reads a date (rules CT008, CT009)

1. A cited date equal to the adoption date, or to another date attested by a primary source
   (`LH`, `MP`, `CR`, `IG`, `ERR`), is accepted.
2. A date attested only by citations is not independent evidence: the citations were mined
   from the very texts being linted, slips included (74/54 "of 19 December 2019").
3. A cited date that differs from a primary-basis date is an error (CT008); from a
   citation-only date, a warning (CT009). A number the record does not hold is unknown, never
   wrong.

## Errata applied

| number | why |
|---|---|
{errata}

## Caveats (from the data set)

* General Assembly resolutions adopted without a vote before session 78 are present only if
  sessions 78–80 cite them (about 60% of all GA resolutions are absent): not found means
  unknown. ECOSOC resolutions are absent; special sessions S-10 to S-32 almost absent.
* Security Council: every resolution 1–2798 but 2797 (2025).
* Decisions: sessions 71–80 complete, 27 earlier ones from citations.
* Session opening dates before session 71 are inferred by rule (third Tuesday of September
  up to session 56, Tuesday of the third week from session 57); historical exceptions
  (sessions 6, 7, 19, 55–57) are wrong under the rule, so resolint allows 60 days around
  inferred dates.
"""

if __name__ == "__main__":
    main()
