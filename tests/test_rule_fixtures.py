"""Every rule against its fixture folder: tests/rules/<CODE>/ (see tests/rules/README.md)."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from resolint.document.span import LineIndex
from resolint.linter import registry
from resolint.linter.config import Config
from resolint.linter.engine import lint_text
from resolint.linter.fixes import apply_fixes

FIXTURES = Path(__file__).parent / "rules"
LANG = re.compile(r"<!-- lang: (\w\w) -->")


def _cases(prefix: str):
    return [
        pytest.param(path, id=f"{path.parent.name}/{path.name}")
        for path in sorted(FIXTURES.glob(f"*/{prefix}_*.md"))
        if not path.name.endswith(".fixed.md")
    ]


def _lint(path: Path):
    code = path.parent.name
    text = path.read_text(encoding="utf-8")
    match = LANG.search(text)
    diagnostics = lint_text(text, config_for(code), path=str(path), language=match.group(1) if match else None)
    return text, [d for d in diagnostics if d.code == code]


def _format(text: str, diagnostics) -> str:
    index = LineIndex(text)
    lines = []
    for d in diagnostics:
        line, column = index.position(d.span.start)
        end_line, end_column = index.position(d.span.end)
        lines.append(f"{line}:{column}-{end_line}:{end_column} {d.code} {d.severity.label} {d.message}")
    return "\n".join(lines) + "\n"


def test_every_rule_has_fixtures():
    for rule in registry.all_rules():
        folder = FIXTURES / rule.code
        assert list(folder.glob("pass_*.md")), f"{rule.code} has no pass_*.md fixture"
        assert list(folder.glob("fail_*.md")), f"{rule.code} has no fail_*.md fixture"


@pytest.mark.parametrize("path", _cases("pass"))
def test_pass_fixture(path: Path):
    _, diagnostics = _lint(path)
    assert diagnostics == [], _format(path.read_text(encoding="utf-8"), diagnostics)


@pytest.mark.parametrize("path", _cases("fail"))
def test_fail_fixture(path: Path, request):
    text, diagnostics = _lint(path)
    assert diagnostics, f"{path.name} gave no {path.parent.name} finding"
    expected_path = path.with_suffix(".expected")
    actual = _format(text, diagnostics)
    fixed_path = path.with_name(path.stem + ".fixed.md")
    fixed, _ = apply_fixes(text, diagnostics, unsafe=True)
    if request.config.getoption("--update-goldens"):
        expected_path.write_text(actual, encoding="utf-8")
        if fixed != text:
            fixed_path.write_text(fixed, encoding="utf-8")
    assert expected_path.exists(), f"missing {expected_path.name}; run pytest --update-goldens and review"
    assert actual == expected_path.read_text(encoding="utf-8")
    if fixed_path.exists():
        assert fixed == fixed_path.read_text(encoding="utf-8")
        _, after = _lint_text(path, fixed)
        assert not [d for d in after if d.fix], "fixes must remove the findings they fix"


def _lint_text(path: Path, text: str):
    match = LANG.search(text)
    code = path.parent.name
    return text, [d for d in lint_text(text, config_for(code), language=match.group(1) if match else None) if d.code == code]


def config_for(code: str) -> Config:
    """The rule under test alone; an RL rule judges what the suppression comments did to the
    other rules' findings, so with it every rule runs."""
    rule = registry.find(code)
    return Config() if rule is not None and rule.reads_suppressions else Config(select=(code,))
