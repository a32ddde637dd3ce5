"""The record shipped in resolint/records: faithful to ../shared/data, read lazily and fast,
and judged as the data set's README says."""
from __future__ import annotations

import csv
import filecmp
import os
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

from resolint import records
from resolint.records.keys import normalize_number, roman_to_int

from .conftest import ROOT, require

DATA = Path(os.environ.get("RESOLINT_DATA", ROOT.parent / "shared" / "data")).resolve()
PACKAGE = ROOT / "resolint" / "records"


def test_rebuilding_from_the_shared_data_gives_the_shipped_files(tmp_path):
    require((DATA / "resolutions.tsv").exists(), f"the shared data set is not at {DATA}")
    copy = tmp_path / "repo"
    (copy / "resolint").mkdir(parents=True)
    shutil.copytree(ROOT / "resolint" / "records", copy / "resolint" / "records")
    (copy / "tools").mkdir()
    shutil.copy(ROOT / "tools" / "build_records.py", copy / "tools" / "build_records.py")
    (copy / "resolint" / "__init__.py").write_text("", encoding="utf-8")
    subprocess.run([sys.executable, str(copy / "tools" / "build_records.py"), "--data", str(DATA)],
                   check=True, capture_output=True, env={**os.environ, "PYTHONPATH": str(copy)})
    for name in ("resolutions.tsv", "decisions.tsv", "sessions.tsv", "titles.tsv.gz", "PROVENANCE.md"):
        assert filecmp.cmp(copy / "resolint" / "records" / name, PACKAGE / name, shallow=False), f"{name} is stale: run tools/build_records.py"


def test_every_row_of_the_shared_data_is_found_with_its_adoption_date():
    require((DATA / "resolutions.tsv").exists(), f"the shared data set is not at {DATA}")
    with (DATA / "resolutions.tsv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    for row in rows:
        found = records.resolutions(row["number"])
        assert len(found) == 1 and found[0].adopted.date == date.fromisoformat(row["adoption_date"]), row["symbol"]
        assert found[0].body == row["body"]
    with (DATA / "decisions.tsv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            found = records.decision(row["number"])
            assert found and [e.date.isoformat() for e in found.dates] == row["all_dates"].split(";"), row["symbol"]


def test_number_spellings():
    assert roman_to_int("XXI") == 21 and roman_to_int("XLIV") == 44 and roman_to_int("ABC") is None
    assert normalize_number("2200 A (XXI)") == "2200 A (21)"
    assert normalize_number("1001 (ES-I)") == "1001 (ES-1)"
    assert normalize_number("1631  (2005)") == "1631 (2005)"
    assert normalize_number("59/50") == "59/50"


def test_lookups_and_fallbacks():
    assert records.resolution("217 A (III)").adopted.date == date(1948, 12, 10)
    assert records.resolution("1514 (XV)").adopted.date == date(1960, 12, 14)
    assert records.resolution("1631 (2005)").body == "SC"
    assert records.sc_resolution(2334).number == "2334 (2016)"
    assert records.sc_resolution(2797) is None  # the one number no source has
    parts = records.resolutions("2200 (XXI)")  # a base the record lacks: all its parts
    assert [r.number for r in parts] == ["2200 A (21)", "2200 B (21)", "2200 C (21)"]
    assert records.resolution("56/210 B").number == "56/210 B"
    assert records.resolution("49/57") is None  # README: adopted without a vote, never cited
    assert records.decision("74/555 B").number == "74/555"
    assert records.session("75").opening == date(2020, 9, 15) and records.session("75").opening_documented
    assert not records.session("59").opening_documented


def test_dates_are_judged_as_the_data_set_says():
    slip = records.resolution("74/54")  # cited "of 19 December 2019" in 78/53, 79/50, 80/24
    assert slip.accepts(date(2019, 12, 12)) and not slip.accepts(date(2019, 12, 19))
    assert slip.evidence_for(date(2019, 12, 19)).cited_in == 4
    both = records.resolution("17 (I)")  # two dates, both from the voting record
    assert both.accepts(date(1946, 1, 26)) and both.accepts(date(1946, 1, 29))
    corrected = records.resolution("62/249")  # README caveat: the UNDL date is wrong
    assert corrected.accepts(date(2008, 5, 15))
    assert records.resolution("67/1").citation_only
    assert records.resolution("37/84").suspect
    assert "UN Digital Library" in slip.adopted.describe()


def test_titles_are_read_only_for_hover():
    assert records.title("resolution", "74/54") == "Follow-up to the 2013 High-Level Meeting of the General Assembly on Nuclear Disarmament"
    assert records.title("decision", "71/401").startswith("Appointment")
    assert records.title("resolution", "49/57") is None


def test_nothing_is_loaded_at_import():
    code = ("import sys, resolint, resolint.rules, resolint.records as r; "
            "assert r._table.cache_info().currsize == 0 and r._titles.cache_info().currsize == 0; "
            "assert 'gzip' not in sys.modules")
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)


def test_roman_numerals_are_written_as_they_are_read():
    from resolint.records.keys import int_to_roman, roman_to_int

    assert [int_to_roman(n) for n in (4, 9, 14, 40, 49, 90, 399)] == ["IV", "IX", "XIV", "XL", "XLIX", "XC", "CCCXCIX"]
    assert all(roman_to_int(int_to_roman(n)) == n for n in range(1, 400))
