"""Project phrases through the command line: `[phrases]` in a project's configuration
(tests/projects/phrases) makes its opening phrases known to VB004 and VB005, is shown by
`resolint config` with its origin, is validated like every option, and a changed list
re-lints files the cache would otherwise answer."""
from __future__ import annotations

import json
import shutil

import pytest

from .conftest import ROOT
from .test_cli import err, out, run

PROJECT = ROOT / "tests" / "projects" / "phrases"


@pytest.fixture
def project(tmp_path):
    target = tmp_path / "project"
    shutil.copytree(PROJECT, target)
    return target


def findings(folder, *paths: str) -> list[tuple[str, str, int, str]]:
    """(file, code, line, message) of every finding, hints included."""
    result = run("check", "--show-hints", "--format", "json", *(paths or (".",)), cwd=folder)
    assert result.returncode in (0, 1), err(result)
    return [(d["path"], d["code"], d["line"], d["message"]) for d in json.loads(out(result))["diagnostics"]]


def test_project_phrases_are_known_in_each_language(project):
    found = findings(project)
    assert found == [
        ("draft-en.md", "VB004", 7, '"apreciation" is not a word of any known opening phrase: '
                                    'did you mean "Noting with deep appreciation"?'),
        ("draft-en.md", "VB005", 9, '"Taking note with great warmth" is not a known opening phrase'),
    ]
    (project / ".resolint.toml").unlink()  # the same drafts without the project's phrases
    codes = [(path, code, line) for path, code, line, _ in findings(project)]
    assert codes == [("draft-en.md", "VB005", 5), ("draft-en.md", "VB004", 7), ("draft-en.md", "VB005", 9),
                     ("draft-es.md", "VB005", 5)]


def test_the_misspelt_project_phrase_is_fixed_to_it(project):
    result = run("check", "--fix", "--unsafe-fixes", "draft-en.md", cwd=project)
    text = (project / "draft-en.md").read_text(encoding="utf-8")
    assert "*Noting with deep appreciation* the contributions" in text, err(result)


def test_config_shows_the_phrases_and_where_they_came_from(project):
    lines = out(run("config", "draft-en.md", cwd=project)).splitlines()
    origin = str((project / ".resolint.toml").resolve())
    line = next(line for line in lines if line.startswith("phrases = "))
    assert line.startswith('phrases = {en = {preambular = ["Noting with deep appreciation"]}, '
                           'es = {operative = ["Toma nota con sumo agrado"]}}')
    assert line.endswith(f"# {origin}")
    data = json.loads(out(run("config", "--format", "json", "draft-en.md", cwd=project)))
    setting = next(s for s in data["settings"] if s["key"] == "phrases")
    assert setting["value"] == {"en": {"preambular": ["Noting with deep appreciation"]},
                                "es": {"operative": ["Toma nota con sumo agrado"]}}
    assert setting["origin"] == origin


def test_pyproject_phrases_table(project):
    (project / ".resolint.toml").unlink()
    (project / "pyproject.toml").write_text(
        '[project]\nname = "drafts"\n\n[tool.resolint.phrases]\nen.preambular = ["Noting  with deep\\tappreciation"]\n',
        encoding="utf-8")
    assert ("draft-en.md", "VB005", 5) not in [(p, c, n) for p, c, n, _ in findings(project, "draft-en.md")]


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ('phrases = ["Noting"]\n', 'phrases: expected a table of phrases by language and kind, '
                                   'e.g. en.preambular = ["Noting with deep appreciation"]'),
        ('[phrases]\nde.preambular = ["Notant"]\n', "phrases.de: expected a language, one of en, es, fr"),
        ('[phrases]\nen = ["Noting"]\n', "phrases.en: expected a table of phrases by kind (preambular or operative)"),
        ('[phrases]\nen.preamble = ["Noting"]\n', "phrases.en.preamble: expected preambular or operative"),
        ('[phrases]\nen."pre amble" = ["Noting"]\n', 'phrases.en."pre amble": expected preambular or operative'),
        ('[phrases]\nen.preambular = [1]\n', 'phrases.en.preambular: expected a list of strings, e.g. ["Noting with deep appreciation"]'),
        ('[phrases]\nen.preambular = ["*Noting*"]\n', "phrases.en.preambular: write the phrase without its italics markers: '*Noting*'"),
        ('[phrases]\nen.operative = ["..."]\n', "phrases.en.operative: a phrase without words: '...'"),
        ('[phrases]\nen.operative = ["' + "Decides " * 40 + '"]\n', "phrases.en.operative: a phrase longer than 200 characters"),
    ],
)
def test_invalid_phrases_are_one_line_naming_the_key(project, content, expected):
    (project / ".resolint.toml").write_text(content, encoding="utf-8")
    result = run("check", ".", cwd=project)
    assert result.returncode == 2
    lines = err(result).splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"resolint: error: {(project / '.resolint.toml').resolve()}: {expected}"), lines


def test_a_changed_list_relints_what_the_cache_holds(project):
    config = project / ".resolint.toml"
    config.write_text("[phrases]\nes.operative = []\n", encoding="utf-8")
    assert ("draft-en.md", "VB005", 5) in [(p, c, n) for p, c, n, _ in findings(project, "draft-en.md")]
    config.write_text('[phrases]\nen.preambular = ["Noting with deep appreciation"]\n', encoding="utf-8")
    assert ("draft-en.md", "VB005", 5) not in [(p, c, n) for p, c, n, _ in findings(project, "draft-en.md")]
