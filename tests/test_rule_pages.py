"""The rule pages in docs/rules/ are the rule docstrings rendered, up to date, and the place
every diagnostic links to."""
from __future__ import annotations

import tomllib

from resolint.document.rule import DOCS_URL, REPOSITORY
from resolint.linter import registry, ruledocs

from .conftest import ROOT

DOCS = ROOT / "docs" / "rules"


def test_rule_pages_are_up_to_date():
    stale = ruledocs.stale(DOCS)
    assert not stale, f"out of date: {stale}; regenerate with `python -m resolint.linter.ruledocs`"


def test_each_rule_links_to_its_page_in_the_repository():
    for rule in registry.all_rules() + registry.version_rules():
        assert rule.url == f"{REPOSITORY}/blob/main/docs/rules/{rule.code}.md" == DOCS_URL.format(code=rule.code)
        page = (DOCS / f"{rule.code}.md").read_text(encoding="utf-8")
        assert f"# {rule.code} {rule.name}" in page and "\n### What it checks\n" in page
    index = (DOCS / "README.md").read_text(encoding="utf-8")
    assert all(f"[{rule.code}]({rule.code}.md)" in index for rule in registry.all_rules() + registry.version_rules())


def test_the_project_metadata_names_the_same_repository():
    urls = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["urls"]
    assert urls["Repository"] == REPOSITORY and urls["Documentation"].startswith(REPOSITORY)


def test_the_generator_command_reports_and_repairs(tmp_path):
    folder = tmp_path / "rules"
    assert ruledocs.main([str(folder), "--check"]) == 1
    assert ruledocs.main([str(folder)]) == 0 and not ruledocs.stale(folder)
    (folder / "ST001.md").write_text("edited by hand\n", encoding="utf-8")
    (folder / "XX999.md").write_text("a rule that is gone\n", encoding="utf-8")
    assert ruledocs.stale(folder) == ["ST001.md", "XX999.md"]
    assert sorted(ruledocs.write(folder)) == ["ST001.md", "XX999.md"] and not ruledocs.stale(folder)
