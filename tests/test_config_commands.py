"""`resolint init`, `resolint config`, and invalid configurations: exit 2 with one line that
names the file, the key and the expected form."""
from __future__ import annotations

import json
import tomllib

import pytest

from resolint.linter import registry
from resolint.linter.config import DEFAULT, load_config
from resolint.linter.options import check_option

from .conftest import SPANISH_SAMPLE
from .test_cli import DRAFT, err, out, run


def test_init_appends_a_commented_table_to_pyproject(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "drafts"\n', encoding="utf-8")
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "a.md").write_text(SPANISH_SAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    result = run("init", cwd=tmp_path)
    assert result.returncode == 0 and "language: es" in out(result)
    text = (tmp_path / "pyproject.toml").read_text(encoding="utf-8")
    data = tomllib.loads(text)
    assert data["project"]["name"] == "drafts"
    assert data["tool"]["resolint"] == {
        "language": "es", "select": ["ALL"], "ignore": [], "exclude": [], "severity": {},
    }
    for rule in registry.all_rules():  # every rule at its default severity, commented
        assert f'# {rule.code} = "{rule.meta.default_severity.label}"' in text
    config = load_config(tmp_path / "pyproject.toml")
    assert config.language == "es" and registry.select(config.select, config.ignore) == registry.all_rules()
    again = run("init", cwd=tmp_path)
    assert again.returncode == 2 and "already has a [tool.resolint] table" in err(again)


def test_init_writes_a_resolint_toml_without_pyproject(tmp_path):
    for name, source in (("a.md", DRAFT), ("b.md", SPANISH_SAMPLE)):
        (tmp_path / name).write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
    result = run("init", str(tmp_path))
    assert result.returncode == 0
    written = tmp_path / ".resolint.toml"
    data = tomllib.loads(written.read_text(encoding="utf-8"))
    assert data["language"] == "auto"  # English and Spanish texts: detect per file
    assert load_config(written).select == ("ALL",)
    assert run("init", str(tmp_path)).returncode == 2
    forced = tmp_path / "forced"
    forced.mkdir()
    assert run("init", "--lang", "fr", "--standalone", str(forced)).returncode == 0
    assert tomllib.loads((forced / ".resolint.toml").read_text(encoding="utf-8"))["language"] == "fr"


def test_a_checked_file_gives_the_same_findings_with_the_init_config(tmp_path):
    (tmp_path / "draft.md").write_text(DRAFT.read_text(encoding="utf-8"), encoding="utf-8")
    before = out(run("check", "--no-cache", "draft.md", cwd=tmp_path))
    run("init", "--lang", "auto", cwd=tmp_path)
    assert out(run("check", "--no-cache", "draft.md", cwd=tmp_path)) == before


def test_config_shows_values_and_their_origins(tmp_path):
    (tmp_path / "pyproject.toml").write_text(
        '[tool.resolint]\nignore = ["ST006"]\n[tool.resolint.severity]\nST004 = "info"\n', encoding="utf-8"
    )
    (tmp_path / "d").mkdir()
    result = run("config", "d", "--lang", "es", cwd=tmp_path)
    assert result.returncode == 0
    lines = out(result).splitlines()
    pyproject = str((tmp_path / "pyproject.toml").resolve())
    assert f"# from {pyproject}" in lines
    assert any(line.startswith('language = "es"') and line.endswith("# command line") for line in lines)
    assert any(line.startswith('ignore = ["ST006"]') and line.endswith(f"# {pyproject}") for line in lines)
    assert any(line.startswith("select = []") and line.endswith("# default") for line in lines)
    data = json.loads(out(run("config", "--format", "json", "d", cwd=tmp_path)))
    assert data["file"] == pyproject
    rules = {rule["code"]: rule for rule in data["rules"]}
    assert "ST006" not in rules and rules["ST004"]["severity"] == "info" and rules["ST001"]["severity"] == "warning"
    bare = json.loads(out(run("config", "--format", "json", str(tmp_path.parent))))
    assert bare["file"] is None or bare["file"] != pyproject


@pytest.mark.parametrize(
    ("content", "key", "expected"),
    [
        ('[tool.resolint]\nselekt = ["ST"]\n', "tool.resolint.selekt", "unknown key (expected one of: language, select"),
        ('[tool.resolint]\nselect = ["ZZ999"]\n', "tool.resolint.select", "unknown rule code or name 'ZZ999'"),
        ('[tool.resolint]\nignore = [4]\n', "tool.resolint.ignore", 'expected a list of strings, e.g. ["ST", "VB001"]'),
        ('[tool.resolint]\nlanguage = 1\n', "tool.resolint.language", 'expected "auto" or one of en, es, fr, got 1'),
        ('[tool.resolint]\nseverity = "loud"\n', "tool.resolint.severity", "expected a table"),
        ('[tool.resolint.severity]\nST004 = 3\n', "tool.resolint.severity.ST004", "expected error, warning, info, hint or off, got 3"),
        ('[tool.resolint.severity]\nXX001 = "info"\n', "tool.resolint.severity.XX001", "unknown rule code or name"),
        ('[tool.resolint.rules.ST004]\nstrict = true\n', "tool.resolint.rules.ST004.strict", "unknown option (this rule's options: none)"),
        ('[tool.resolint.rules.XX001]\nstrict = true\n', "tool.resolint.rules.XX001", "unknown rule code or name"),
        ("[tool]\nresolint = 3\n", "tool.resolint", "expected a table, e.g. [tool.resolint]"),
        # Python's TOML parser recurses per nesting level: this was a RecursionError traceback
        ("[tool.resolint]\nexclude = " + "[" * 5000 + "]" * 5000 + "\n", "tool.resolint.exclude",
         "arrays or tables nested more than 100 deep (line 2)"),
        ("[tool.resolint.severity]\nST004 = " + "{a = " * 5000 + "}" * 5000 + "\n", "tool.resolint.severity.ST004",
         "arrays or tables nested more than 100 deep (line 2)"),
        ('[tool.resolint]\nexclude = ["' + "*" * 5000 + '"]\n', "tool.resolint.exclude", "a pattern longer than 4096 characters"),
    ],
)
def test_invalid_configuration_is_one_line_naming_file_key_and_form(tmp_path, content, key, expected):
    (tmp_path / "pyproject.toml").write_text(content, encoding="utf-8")
    (tmp_path / "draft.md").write_text(DRAFT.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "other.md").write_text(DRAFT.read_text(encoding="utf-8"), encoding="utf-8")
    result = run("check", ".", cwd=tmp_path)
    assert result.returncode == 2
    lines = err(result).splitlines()
    assert len(lines) == 1, lines  # reported once, not once per file
    assert lines[0].startswith(f"resolint: error: {(tmp_path / 'pyproject.toml').resolve()}: {key}: ")
    assert expected in lines[0]
    assert run("config", ".", cwd=tmp_path).returncode == 2


def test_a_resolint_toml_with_a_tool_header_says_so(tmp_path):
    (tmp_path / ".resolint.toml").write_text('[tool.resolint]\nlanguage = "en"\n', encoding="utf-8")
    result = run("check", str(DRAFT), "--stdin-filename", "x", cwd=tmp_path)
    assert run("config", ".", cwd=tmp_path).returncode == 2
    message = err(run("config", ".", cwd=tmp_path)).strip()
    assert message.endswith(": tool: unknown key (expected one of: language, select, ignore, exclude, severity, rules, per-file-ignores, phrases, versions); "
                            "a .resolint.toml has no [tool.resolint] header")
    assert result.returncode in (0, 1)  # DRAFT's own folder has no such file


def test_invalid_toml_and_command_line_values(tmp_path):
    (tmp_path / "pyproject.toml").write_text("[tool.resolint\nlanguage = 'en'\n", encoding="utf-8")
    (tmp_path / "draft.md").write_text("*The General Assembly*,\n", encoding="utf-8")
    broken = run("check", "draft.md", cwd=tmp_path)
    assert broken.returncode == 2 and "invalid TOML" in err(broken) and len(err(broken).splitlines()) == 1
    bad_select = run("check", "--select", "ZZ9", str(DRAFT))
    assert bad_select.returncode == 2 and err(bad_select).strip() == (
        "resolint: error: --select: unknown rule code or name 'ZZ9' (see `resolint rules`)"
    )


@pytest.mark.parametrize(
    ("value", "default", "converted", "expected"),
    [
        (True, False, True, None),
        (1, False, 1, "true or false"),
        (3, 2, 3, None),
        (True, 2, True, "an integer"),
        (3, 0.5, 3.0, None),
        ("x", 0.5, "x", "a number"),
        (["a", "b"], ("x",), ("a", "b"), None),
        (["a", 1], ("x",), ["a", 1], "a list of strings"),
        ("a", (), "a", "a list of strings"),
        ({"a": 1}, {}, {"a": 1}, None),
        ("s", "t", "s", None),
        (1, "t", 1, "a string"),
    ],
)
def test_rule_option_types(value, default, converted, expected):
    """Rule options are checked against the type of their default (no built-in rule has
    options yet; the VB/FN/SS/CT families will)."""
    assert check_option(value, default) == (converted, expected)


def test_defaults_are_what_init_documents():
    assert DEFAULT.language == "auto" and DEFAULT.select == () and DEFAULT.ignore == () and DEFAULT.exclude == ()


def test_init_does_not_write_through_a_linked_pyproject(tmp_path):
    elsewhere = tmp_path / "elsewhere.toml"
    elsewhere.write_text('[project]\nname = "x"\n', encoding="utf-8")
    project = tmp_path / "project"
    project.mkdir()
    (project / "pyproject.toml").symlink_to(elsewhere)
    result = run("init", str(project))
    assert result.returncode == 2 and elsewhere.read_text(encoding="utf-8") == '[project]\nname = "x"\n'
    assert err(result).strip() == (f"resolint: error: {project / 'pyproject.toml'}: a symbolic link; "
                                   "resolint init writes only a file of this folder")
