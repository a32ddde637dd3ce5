"""The engine around the rules: selection, severity, suppression comments, a crashing rule,
and fixes."""
from __future__ import annotations

import types

import pytest

from resolint import lint_text
from resolint.document.diagnostics import Severity
from resolint.document.rule import Rule, RuleMeta
from resolint.linter import registry
from resolint.linter.config import Config, ConfigError, load_config
from resolint.linter.engine import INTERNAL_ERROR
from resolint.linter.fixes import apply_fixes, fix_until_stable

DRAFT = """*The General Assembly*,

*Recalling* its resolution 70/1;

1. *Takes note* of the report;

3. *Decides* to remain seized of the matter.
"""


def codes(diagnostics):
    return [d.code for d in diagnostics]


def test_select_ignore_prefix_and_name():
    assert set(codes(lint_text(DRAFT))) == {"ST004", "ST006"}
    assert codes(lint_text(DRAFT, Config(select=("ST004",)))) == ["ST004"]
    assert codes(lint_text(DRAFT, Config(ignore=("operative-numbering",)))) == ["ST006"]
    assert codes(lint_text(DRAFT, Config(select=("ST",), ignore=("ST00",)))) == []


def test_severity_overrides_most_specific_wins():
    config = Config(severity={"ST": "info", "ST004": "error", "ST006": "off"})
    found = lint_text(DRAFT, config)
    assert [(d.code, d.severity) for d in found] == [("ST004", Severity.ERROR)]
    assert lint_text(DRAFT, Config(severity={"ST": "hint"}))[0].severity is Severity.HINT


def test_suppression_comments():
    next_line = DRAFT.replace("*Recalling*", "<!-- resolint: disable-next-line ST006 -->\n*Recalling*")
    assert codes(lint_text(next_line)) == ["ST004"]
    ranged = DRAFT.replace("1. *Takes", "<!-- resolint: disable ST004 -->\n\n1. *Takes") + "\n<!-- resolint: enable ST004 -->\n"
    assert codes(lint_text(ranged)) == ["ST006"]
    whole = "<!-- resolint: disable-file ST -->\n\n" + DRAFT
    assert codes(lint_text(whole)) == []
    everything = "<!-- resolint: disable-file -->\n\n" + DRAFT
    assert codes(lint_text(everything)) == []
    by_name = "<!-- resolint: disable-file paragraph-end-punctuation -->\n\n" + DRAFT
    assert codes(lint_text(by_name)) == ["ST004"]


def test_a_crashing_rule_is_reported_and_the_others_still_run(monkeypatch):
    def check(doc, ctx):
        yield from ()
        raise ZeroDivisionError("boom")

    broken = Rule(types.SimpleNamespace(META=RuleMeta("ST999", "broken-rule", "always fails"), check=check, __doc__=None))
    builtin = registry.all_rules()
    monkeypatch.setattr(registry, "all_rules", lambda: (*builtin, broken))
    found = lint_text(DRAFT)
    internal = [d for d in found if d.code == INTERNAL_ERROR]
    assert len(internal) == 1 and "ST999 (broken-rule)" in internal[0].message and "ZeroDivisionError" in internal[0].message
    assert {"ST004", "ST006"} <= set(codes(found))


def test_fixes_apply_once_and_are_idempotent():
    text = "*The General Assembly*:\n\n*Recalling* its resolution 70/1;\n\n1. *Decides* to act;\n"
    fixed, count = fix_until_stable(text, lint_text)
    assert fixed == "*The General Assembly*,\n\n*Recalling* its resolution 70/1,\n\n1. *Decides* to act.\n"
    assert count == 3
    assert fix_until_stable(fixed, lint_text) == (fixed, 0)
    assert apply_fixes(text, [])[0] == text


def test_config_file_errors_name_file_and_key(tmp_path):
    path = tmp_path / "pyproject.toml"
    path.write_text('[tool.resolint]\nseverity = { ST004 = "loud" }\n', encoding="utf-8")
    with pytest.raises(ConfigError) as error:
        load_config(path)
    assert str(error.value) == f'{path}: tool.resolint.severity.ST004: expected error, warning, info, hint or off, got \'loud\''
    path.write_text('[tool.resolint]\nlanguage = "de"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="tool.resolint.language"):
        load_config(path)
    path.write_text('[tool.resolint.rules.ST004]\nstrict = true\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="unknown option"):
        load_config(path)
