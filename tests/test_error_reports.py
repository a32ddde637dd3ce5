"""Every problem in every report (issue 18, item 6): a file that cannot be read or checked as
configured is an RL001 finding in the json, sarif, github and junit reports, through the real
command line, beside the findings of the files that could be checked; the text report keeps
only its line on standard error, and the exit status stays 2."""
from __future__ import annotations

import json
import os

import jsonschema
import junitparser
import pytest

from .test_cli import err, out, run
from .test_formats import SARIF_SCHEMA, parse_workflow_command

NUMBERED_3 = "*The General Assembly*,\n\n3. *Decides* to remain seized of the matter.\n"
# file -> the reason its finding gives (the message without the path, which the report gives)
REASONS = {
    "latin1.md": "not UTF-8 (byte 0xe9 at offset 3); save the file as UTF-8",
    "broken.docx": "not a Word document: a .docx file is a zip package, and this file is not one",
    "missing.md": "no such file",
    "badconf/a.md": "invalid TOML",  # the message names the configuration file: checked by inclusion
}
URL = "https://github.com/resolint/resolint/blob/main/docs/rules/RL001.md"


@pytest.fixture
def drafts(tmp_path):
    """Four files that cannot be checked, and one that can (with an ST004 finding)."""
    (tmp_path / "latin1.md").write_bytes("café *The General Assembly*\n".encode("latin-1"))
    (tmp_path / "broken.docx").write_bytes(b"not a zip")
    (tmp_path / "badconf").mkdir()
    (tmp_path / "badconf" / "pyproject.toml").write_text("[tool.resolint\nselect = 1\n", encoding="utf-8")
    (tmp_path / "badconf" / "a.md").write_text(NUMBERED_3, encoding="utf-8")
    (tmp_path / "ok.md").write_text(NUMBERED_3, encoding="utf-8")
    return tmp_path


def _check(folder, output_format, *extra):
    return run("check", "--no-cache", "--format", output_format, *extra, *REASONS, "ok.md", cwd=folder)


def _assert_the_stderr_lines(result):
    assert result.returncode == 2 and "Traceback" not in err(result)
    for name in ("latin1.md", "broken.docx", "missing.md"):
        assert f"resolint: error: {name}: " in err(result)
    assert "badconf/pyproject.toml: invalid TOML" in err(result)  # the configuration's error names its file


def test_json_has_each_unreadable_file_as_rl001(drafts):
    result = _check(drafts, "json")
    _assert_the_stderr_lines(result)
    found = json.loads(out(result))["diagnostics"]
    assert [(d["path"], d["code"]) for d in found] == [*((name, "RL001") for name in REASONS), ("ok.md", "ST004")]
    for entry, (name, reason) in zip(found, REASONS.items()):
        assert reason in entry["message"] and not entry["message"].startswith(f"{name}:")
        assert (entry["name"], entry["severity"], entry["url"], entry["fix"]) == ("unreadable-file", "error", URL, None)
        assert (entry["line"], entry["column"], entry["end_line"], entry["end_column"]) == (1, 1, 1, 1)


def test_sarif_has_each_unreadable_file_and_is_valid(drafts):
    result = _check(drafts, "sarif")
    _assert_the_stderr_lines(result)
    log = json.loads(out(result))
    jsonschema.Draft4Validator(SARIF_SCHEMA, format_checker=jsonschema.FormatChecker()).validate(log)
    run_ = log["runs"][0]
    rules = run_["tool"]["driver"]["rules"]
    problems = [r for r in run_["results"] if r["ruleId"] == "RL001"]
    assert [r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in problems] == list(REASONS)
    descriptor = rules[problems[0]["ruleIndex"]]
    assert descriptor["id"] == "RL001" and descriptor["helpUri"] == URL and "## What it checks" in descriptor["help"]["text"]
    assert all(r["level"] == "error" for r in problems)
    assert {r["ruleId"] for r in run_["results"]} == {"RL001", "ST004"}


def test_github_annotates_each_unreadable_file(drafts):
    result = _check(drafts, "github")
    _assert_the_stderr_lines(result)
    commands = [parse_workflow_command(line) for line in out(result).splitlines()]
    problems = [(c, p, m) for c, p, m in commands if p["title"] == "RL001 (unreadable-file)"]
    assert [p["file"] for _, p, _ in problems] == list(REASONS)
    for (command, properties, message), reason in zip(problems, REASONS.values()):
        assert command == "error" and properties["line"] == "1" and reason in message and URL in message
    assert any(p["file"] == "ok.md" and p["title"].startswith("ST004") for _, p, _ in commands)


def test_junit_fails_a_test_case_for_each_unreadable_file(drafts, tmp_path_factory):
    result = _check(drafts, "junit")
    _assert_the_stderr_lines(result)
    report_file = tmp_path_factory.mktemp("report") / "report.xml"
    report_file.write_text(out(result), encoding="utf-8")
    suites = {suite.name: list(suite) for suite in junitparser.JUnitXml.fromfile(str(report_file))}
    assert list(suites) == [*REASONS, "ok.md"]
    for name, reason in REASONS.items():
        (case,) = suites[name]
        (failure,) = case.result
        assert failure.type == "RL001" and reason in failure.message


def test_text_keeps_the_error_on_standard_error_only(drafts):
    result = _check(drafts, "text")
    _assert_the_stderr_lines(result)
    assert "RL001" not in out(result) and "ok.md:3:1: ST004" in out(result)


def test_a_link_discovery_refuses_is_reported_too(drafts, tmp_path_factory):
    outside = tmp_path_factory.mktemp("outside") / "draft.md"
    outside.write_text(NUMBERED_3, encoding="utf-8")
    (drafts / "inner").mkdir()
    os.symlink(outside, drafts / "inner" / "link.md")
    result = run("check", "--no-cache", "--format", "json", "inner/link.md", cwd=drafts)
    assert result.returncode == 2 and "outside the folder that holds it" in err(result)
    (found,) = json.loads(out(result))["diagnostics"]
    assert found["path"] == "inner/link.md" and found["code"] == "RL001" and "outside the folder" in found["message"]


def test_a_fix_that_cannot_be_written_is_reported_with_the_findings_left(drafts):
    (drafts / "locked.md").write_text("*The General Assembly*,\n\n1. *Decides* to act\n", encoding="utf-8")
    os.chmod(drafts / "locked.md", 0o444)
    result = run("check", "--no-cache", "--fix", "--format", "json", "locked.md", cwd=drafts)
    assert result.returncode == 2 and "locked.md: read-only; not fixed" in err(result)
    found = json.loads(out(result))["diagnostics"]
    assert found[0]["code"] == "RL001" and found[0]["message"].startswith("read-only; not fixed")
    assert len(found) > 1 and all(d["path"] == "locked.md" for d in found)  # the findings of the file as it is


def test_rl001_is_documented_like_a_rule():
    from resolint.document.rule import DOC_SECTIONS
    from resolint.linter import registry

    (problem,) = registry.tool_problems()
    assert all(f"## {title}\n" in problem.docs for title in DOC_SECTIONS)
    assert not registry.is_known_selector("RL001")  # never selected or ignored: the run fails anyway
    shown = run("rule", "RL001")
    assert shown.returncode == 0 and out(shown).startswith("RL001 unreadable-file (error)") and "## Why it matters" in out(shown)
