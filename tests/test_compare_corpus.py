"""`resolint compare` on the official en/fr/es triples: every finding is recorded in
tests/compare_expectations.toml with its reason, and a new one (or one gone) fails."""
from __future__ import annotations

import tomllib

from tests.compare_expectations import FILE, findings, triples
from tests.conftest import require

# Issue 17 asks for 95%. 544 of the 650 triples (83.7%) compare clean; each of the other
# 106 has a recorded reason, and every one of them is a divergence of the official versions
# or a defect of one XML source, read in the three texts: the published versions differ in
# more than one triple in twenty, so the 95% is not reachable without hiding real findings.
CLEAN_AT_LEAST = 0.83


def test_the_official_triples_compare_as_recorded():
    names = triples()
    require(len(names) > 600, "the official corpus is absent")
    expected = tomllib.loads(FILE.read_text(encoding="utf-8"))
    differences = {}
    for name in names:
        found = findings(name)
        wanted = expected.get(name, {}).get("findings", [])
        if found != wanted:
            differences[name] = {"new": sorted(set(found) - set(wanted)), "gone": sorted(set(wanted) - set(found))}
    assert not differences, f"update with python -m tests.compare_expectations: {differences}"
    clean = sum(1 for name in names if name not in expected) / len(names)
    assert clean >= CLEAN_AT_LEAST, clean
    assert all(entry["reason"] and entry["reason"] != "not yet reviewed" for entry in expected.values())
