"""Every rule is registered once, documented in the fixed sections, and its documented
examples really fail and pass."""
from __future__ import annotations

import re

import pytest

from resolint.document.rule import DOC_SECTIONS
from resolint.linter import registry
from resolint.linter.engine import lint_text

from .test_rule_fixtures import config_for

CODE = re.compile(r"[A-Z]{2}\d{3}\Z")
NAME = re.compile(r"[a-z]+(?:-[a-z0-9]+)*\Z")
FENCE = re.compile(r"```(?:markdown|md|text)\n(.*?)```", re.S)
LANG = re.compile(r"<!-- lang: (\w\w) -->")
RULES = registry.all_rules()
VERSION_RULES = registry.version_rules()  # LV: compare versions, so their examples are fragments of one


def _section(docs: str, title: str) -> str:
    match = re.search(rf"^## {re.escape(title)}\n(.*?)(?=^## |\Z)", docs, re.S | re.M)
    return match.group(1) if match else ""


def test_codes_and_names_are_unique_and_well_formed():
    codes = [rule.code for rule in RULES + VERSION_RULES]
    names = [rule.name for rule in RULES + VERSION_RULES]
    assert len(codes) == len(set(codes)) and len(names) == len(set(names))
    for rule in RULES + VERSION_RULES:
        assert CODE.match(rule.code), rule.code
        assert NAME.match(rule.name), rule.name
        assert rule.code[:2] in ("ST", "VB", "FN", "SS", "CT", "RL") or rule in VERSION_RULES and rule.code[:2] == "LV", rule.code


@pytest.mark.parametrize("rule", RULES + VERSION_RULES, ids=lambda rule: rule.code)
def test_docs_have_every_section(rule):
    for title in DOC_SECTIONS:
        assert _section(rule.docs, title).strip(), f"{rule.code}: missing '## {title}'"
    if rule.option_fields():
        assert _section(rule.docs, "Options").strip(), f"{rule.code}: has options but no '## Options'"


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.code)
def test_documented_examples_fail_and_pass(rule):
    config = config_for(rule.code)
    for title, should_fail in (("Example", True), ("Use instead", False)):
        blocks = FENCE.findall(_section(rule.docs, title))
        assert blocks, f"{rule.code}: '## {title}' has no ```markdown example"
        for block in blocks:
            match = LANG.search(block)
            found = [d for d in lint_text(block, config, language=match.group(1) if match else None) if d.code == rule.code]
            if should_fail:
                assert found, f"{rule.code}: the documented example gives no finding"
            else:
                assert not found, f"{rule.code}: the 'Use instead' example still gives {[d.message for d in found]}"
