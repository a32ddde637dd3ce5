"""Per-file ignores through the command line: `[per-file-ignores]` in a project's
configuration (tests/projects/per-file-ignores) turns rules off for the files its
gitignore-style patterns name, relative to the configuration file wherever resolint is run
from; `resolint config` shows them, bad values are one line naming the key, and a changed
table re-lints files the cache would otherwise answer."""
from __future__ import annotations

import json
import shutil

import pytest

from .conftest import ROOT
from .test_cli import err, out, run

PROJECT = ROOT / "tests" / "projects" / "per-file-ignores"
# What each file of the project is found to have, once its patterns apply.
EXPECTED = {
    "archive/adopted-en.md": [],  # "archive/" = ["VB", "ST006"]
    "circulated-fr.md": [],  # "*-fr.md" = [VB004 by name], "!drafts/" = ["CT003"]
    "drafts/draft-en.md": ["VB004", "VB005", "ST006"],
    "drafts/projet-fr.md": ["CT003"],  # "*-fr.md" at any depth; inside drafts/, so CT003 stays
}


@pytest.fixture
def project(tmp_path):
    target = tmp_path / "project"
    shutil.copytree(PROJECT, target)
    return target


def codes_by_file(folder, *paths: str) -> dict[str, list[str]]:
    result = run("check", "--show-hints", "--format", "json", *(paths or (".",)), cwd=folder)
    assert result.returncode in (0, 1), err(result)
    found: dict[str, list[str]] = {}
    for diagnostic in json.loads(out(result))["diagnostics"]:
        found.setdefault(diagnostic["path"], []).append(diagnostic["code"])
    return found


def test_patterns_turn_rules_off_for_the_files_they_name(project):
    found = codes_by_file(project)
    assert {path: found.get(path, []) for path in EXPECTED} == EXPECTED
    (project / ".resolint.toml").unlink()  # without the table, every file has its findings
    unconfigured = codes_by_file(project)
    assert unconfigured["archive/adopted-en.md"] == ["VB004", "VB005", "ST006"]
    assert unconfigured["circulated-fr.md"] == ["VB004", "CT003"]


def test_patterns_are_relative_to_the_configuration_not_the_working_folder(project):
    found = codes_by_file(project.parent, "project/archive/adopted-en.md", "project/drafts/draft-en.md")
    assert found == {"project/drafts/draft-en.md": ["VB004", "VB005", "ST006"]}
    inside = codes_by_file(project / "archive", "adopted-en.md", "../circulated-fr.md")
    assert inside == {}


def test_standard_input_is_matched_by_its_stdin_filename(project):
    text = (project / "drafts" / "draft-en.md").read_bytes()
    named = run("check", "--show-hints", "--stdin-filename", "archive/new-en.md", "-", stdin=text, cwd=project)
    assert out(named) == "" and named.returncode == 0
    drafted = run("check", "--show-hints", "--stdin-filename", "drafts/new-en.md", "-", stdin=text, cwd=project)
    assert "VB004" in out(drafted)


def test_config_shows_the_table_and_the_rules_a_file_loses(project):
    text = out(run("config", "archive/adopted-en.md", cwd=project))
    origin = str((project / ".resolint.toml").resolve())
    table = next(line for line in text.splitlines() if line.startswith("per-file-ignores = "))
    assert table.startswith('per-file-ignores = {"archive/" = ["VB", "ST006"], "*-fr.md" = ["opening-phrase-misspelt"], '
                            '"!drafts/" = ["CT003"]}')
    assert table.endswith(f"# {origin}")
    assert "# per-file-ignores for archive/adopted-en.md: VB, ST006, CT003" in text
    data = json.loads(out(run("config", "--format", "json", "archive/adopted-en.md", cwd=project)))
    assert data["per_file_ignored"] == ["VB", "ST006", "CT003"]
    running = {rule["code"] for rule in data["rules"]}
    assert not running & {"VB001", "VB004", "ST006", "CT003"} and "ST004" in running
    folder = json.loads(out(run("config", "--format", "json", "archive", cwd=project)))
    assert folder["per_file_ignored"] == [] and "VB004" in {rule["code"] for rule in folder["rules"]}


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ('per-file-ignores = ["archive/"]\n', 'per-file-ignores: expected a table of patterns and rules, e.g. "drafts/old/*.md" = ["VB004"]'),
        ('[per-file-ignores]\n"archive/" = ["ZZ999"]\n', "per-file-ignores.\"archive/\": unknown rule code or name 'ZZ999'"),
        ('[per-file-ignores]\n"archive/" = 4\n', 'per-file-ignores."archive/": expected a list of strings'),
        ('[per-file-ignores]\n"" = ["VB"]\n', 'per-file-ignores."": an empty pattern (or a comment), which names no file'),
        ('[per-file-ignores]\n"# old" = ["VB"]\n', 'per-file-ignores."# old": an empty pattern (or a comment)'),
        ('[per-file-ignores]\n"' + "a" * 5000 + '" = ["VB"]\n', "a pattern longer than 4096 characters"),
        ('[per_file_ignores]\n"archive/" = ["VB"]\n', "per_file_ignores: unknown key (expected one of: language"),
    ],
)
def test_invalid_tables_are_one_line_naming_the_key(project, content, expected):
    (project / ".resolint.toml").write_text(content, encoding="utf-8")
    result = run("check", ".", cwd=project)
    assert result.returncode == 2
    lines = err(result).splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"resolint: error: {(project / '.resolint.toml').resolve()}: ")
    assert expected in lines[0]


def test_a_changed_table_relints_what_the_cache_holds(project):
    config = project / ".resolint.toml"
    assert codes_by_file(project, "archive/adopted-en.md") == {}
    config.write_text('[per-file-ignores]\n"archive/" = ["VB005"]\n', encoding="utf-8")
    assert codes_by_file(project, "archive/adopted-en.md") == {"archive/adopted-en.md": ["VB004", "ST006"]}
