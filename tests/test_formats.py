"""Every machine format against its real consumer: SARIF against the official 2.1.0 JSON
schema, JUnit XML through an XML parser and junitparser, GitHub workflow commands against the
documented syntax, and the versioned JSON contract of the README."""
from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import unquote

import jsonschema
import junitparser
import pytest

from resolint.document.span import LineIndex
from resolint.linter import registry
from resolint.linter.config import ConfigResolver
from resolint.linter.render.github import render_github
from resolint.linter.render.junit import render_junit
from resolint.linter.render.sarif import render_sarif
from resolint.linter.runner import check_files

from .conftest import ROOT, SPANISH_SAMPLE
from .test_cli import DRAFT, out, run

# The SARIF 2.1.0 schema as published in the SchemaStore catalogue ("2.1.0-rtm.5", the one
# GitHub code scanning documents), taken from the npm package @microsoft/jest-sarif; see
# tests/data/README.md.
SARIF_SCHEMA = json.loads((Path(__file__).parent / "data" / "sarif-2.1.0-rtm.5.json").read_text(encoding="utf-8"))

# A draft with findings on one line and across lines, a quote, a comma, a colon, a percent
# sign and a form feed (PDF conversions leave them) in the text the messages may echo.
ODD = (
    "*The General Assembly*,\n\n*Recalling* its resolution 70/1 (100 %: \"a, b\");\n\n"
    "1. *Takes note* of the report;\n\n3. *Decides* to remain\x0c seized of the matter.\n"
)


def rows(paths):
    results = check_files([Path(p) for p in paths], ConfigResolver())
    return [result.row() for result in results]


@pytest.fixture
def odd_file(tmp_path):
    path = tmp_path / "odd, name: 100%.md"
    path.write_text(ODD, encoding="utf-8")
    return path


def test_sarif_is_valid_against_the_2_1_0_schema(odd_file):
    log = json.loads(render_sarif(rows([DRAFT, SPANISH_SAMPLE, odd_file])))
    jsonschema.Draft4Validator(SARIF_SCHEMA, format_checker=jsonschema.FormatChecker()).validate(log)
    run_ = log["runs"][0]
    assert run_["columnKind"] == "unicodeCodePoints"
    rules = run_["tool"]["driver"]["rules"]
    assert [rule["id"] for rule in rules] == [rule.code for rule in registry.all_rules()]
    results = run_["results"]
    assert results and all(rules[r["ruleIndex"]]["id"] == r["ruleId"] for r in results)
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in results}
    assert str(DRAFT.as_uri()) in uris and unquote(odd_file.as_uri()) in {unquote(u) for u in uris}
    fixed = [r for r in results if "fixes" in r]
    assert fixed and all(r["fixes"][0]["artifactChanges"][0]["replacements"] for r in fixed)


def test_sarif_regions_match_the_text_positions():
    log = json.loads(render_sarif(rows([DRAFT])))
    text = DRAFT.read_text(encoding="utf-8")
    line_starts = [0] + [match.end() for match in re.finditer("\n", text)]
    for result in log["runs"][0]["results"]:
        region = result["locations"][0]["physicalLocation"]["region"]
        assert line_starts[region["startLine"] - 1] + region["startColumn"] - 1 == region["charOffset"]
        end = region["charOffset"] + region["charLength"]
        assert line_starts[region["endLine"] - 1] + region["endColumn"] - 1 == end


def test_sarif_from_the_command_line_relative_paths(tmp_path):
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "a b.md").write_text(ODD, encoding="utf-8")
    result = run("check", "--format", "sarif", "drafts", cwd=tmp_path)
    assert result.returncode == 1
    log = json.loads(out(result))
    jsonschema.Draft4Validator(SARIF_SCHEMA, format_checker=jsonschema.FormatChecker()).validate(log)
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in log["runs"][0]["results"]}
    assert uris == {"drafts/a%20b.md"}


# The documented syntax: ::{command} {name}={value},...::{message}
# https://docs.github.com/actions/reference/workflow-commands-for-github-actions
WORKFLOW_COMMAND = re.compile(r"::(error|warning|notice) ([^:]*)::(.*)\Z")
PROPERTIES = ("file", "line", "endLine", "col", "endColumn", "title")


def _unescape(text: str) -> str:
    """As the runner does (actions/runner ActionCommand.Unescape)."""
    for escaped, char in (("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","), ("%25", "%")):
        text = text.replace(escaped, char)
    return text


def parse_workflow_command(line: str) -> tuple[str, dict[str, str], str]:
    match = WORKFLOW_COMMAND.match(line)
    assert match, f"not a workflow command: {line!r}"
    command, fields, message = match.groups()
    properties = {}
    for field in fields.split(","):
        key, _, value = field.partition("=")
        assert key in PROPERTIES and _, f"unexpected property {field!r}"
        properties[key] = _unescape(value)
    return command, properties, _unescape(message)


def test_github_annotations_follow_the_documented_syntax(odd_file):
    rendered = rows([DRAFT, odd_file])
    lines = render_github(rendered).splitlines()
    expected = [(path, d) for path, _, diagnostics in rendered for d in diagnostics]
    assert len(lines) == len(expected)
    for line, (path, d) in zip(lines, expected):
        index = LineIndex(Path(path).read_text(encoding="utf-8"))  # the lines as counted independently of the renderer
        command, properties, message = parse_workflow_command(line)
        assert command == {"error": "error", "warning": "warning"}.get(d.severity.label, "notice")
        assert properties["file"] == path
        start_line, start_column = index.position(d.span.start)
        end_line, _ = index.position(d.span.end)
        assert (int(properties["line"]), int(properties["endLine"])) == (start_line, end_line)
        if start_line == end_line:
            assert int(properties["col"]) == start_column
        else:  # columns only for a one-line annotation, as documented
            assert "col" not in properties and "endColumn" not in properties
        assert properties["title"] == f"{d.code} ({d.name})"
        assert message.startswith(d.message) and d.url in message
    assert any("%2C" in line and "%3A" in line and "%25" in line for line in lines)  # the file name's , : %


def test_github_from_the_command_line():
    result = run("check", "--format", "github", str(DRAFT))
    assert result.returncode == 1
    commands = [parse_workflow_command(line) for line in out(result).splitlines()]
    assert {("error", "ST004"), ("warning", "ST006")} <= {(c, p["title"].split()[0]) for c, p, _ in commands}


def test_junit_parses_as_xml_and_with_junitparser(tmp_path, odd_file):
    clean = tmp_path / "clean.md"
    clean.write_text("*The General Assembly*,\n\n1. *Decides* to act.\n", encoding="utf-8")
    control = tmp_path / "page\x0cbreak.md"  # a name XML 1.0 cannot hold as it is
    control.write_text(ODD, encoding="utf-8")
    rendered = rows([DRAFT, odd_file, clean, control])
    xml = render_junit(rendered)
    root = ET.fromstring(xml.encode("utf-8"))
    assert root.tag == "testsuites"
    suites = root.findall("testsuite")
    assert [suite.get("name") for suite in suites] == [str(DRAFT), str(odd_file), str(clean), str(control).replace("\x0c", "\ufffd")]
    problems = [d for _, _, diagnostics in rendered for d in diagnostics if d.severity.label in ("error", "warning")]
    assert int(root.get("failures")) == len(problems) == len(root.findall(".//failure"))
    assert int(root.get("tests")) == sum(max(1, len(diagnostics)) for _, _, diagnostics in rendered)
    assert suites[2].get("tests") == "1" and suites[2].find("testcase/failure") is None

    path = tmp_path / "report.xml"
    path.write_text(xml, encoding="utf-8")
    report = junitparser.JUnitXml.fromfile(str(path))
    cases = [case for suite in report for case in suite]
    assert sum(1 for case in cases if not case.is_passed) == len(problems)
    assert {result.type for case in cases for result in case.result} >= {"ST004", "ST006"}


def test_junit_from_the_command_line():
    result = run("check", "--format", "junit", str(DRAFT))
    root = ET.fromstring(result.stdout)
    assert result.returncode == 1 and int(root.get("tests")) >= 1 and root.find(".//failure[@type='ST004']") is not None


def test_json_contract_has_a_docs_url_for_each_finding():
    payload = json.loads(out(run("check", "--format", "json", str(DRAFT))))
    assert payload["version"] == 1
    for item in payload["diagnostics"]:
        assert item["url"].endswith(f"/docs/rules/{item['code']}.md")
        assert (ROOT / "docs" / "rules" / f"{item['code']}.md").is_file()


def test_output_file(tmp_path):
    target = tmp_path / "report.sarif"
    result = run("check", "--format", "sarif", "--output-file", str(target), str(DRAFT))
    assert result.returncode == 1 and out(result) == ""
    jsonschema.Draft4Validator(SARIF_SCHEMA).validate(json.loads(target.read_text(encoding="utf-8")))


def test_a_text_file_is_placed_by_line_and_column():
    """The text locator, which every renderer reads for a text file: 1-based lines and
    columns in characters, "path:line:column" for a person."""
    from resolint.document.span import Span
    from resolint.linter.locator import TextLocator

    located = TextLocator(LineIndex("ab\nc€d\n")).locate(Span(4, 6))
    assert (located.line, located.column, located.end_line, located.end_column) == (2, 2, 2, 4)
    assert located.display("a.md") == "a.md:2:2" and located.quote == "" and located.details == {}
