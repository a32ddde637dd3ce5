"""The composite GitHub Action (action.yml) and the README's worked examples: validated
against SchemaStore's schemas (as check-jsonschema ships them), and the action's shell steps
run here the way the runner runs them (inputs and contexts substituted, `bash -eo pipefail`,
GITHUB_PATH and GITHUB_OUTPUT files), installing resolint from this checkout for real."""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
import yaml

from resolint.document.rule import REPOSITORY

from .conftest import ROOT, require
from .test_cli import DRAFT, out, run
from .test_formats import SARIF_SCHEMA, parse_workflow_command

ACTION = ROOT / "action.yml"
README = (ROOT / "README.md").read_text(encoding="utf-8")
EXPRESSION = re.compile(r"\$\{\{\s*(.*?)\s*\}\}")


def readme_block(heading: str, language: str) -> str:
    """The first ```language block after a README heading."""
    section = README.split(heading, 1)[1]
    match = re.search(rf"```{language}\n(.*?)```", section, re.S)
    assert match, f"no {language} block under {heading!r}"
    return match.group(1)


def check_jsonschema(schema: str, path: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema", schema, str(path)], capture_output=True, text=True,
    )


def test_action_metadata_is_valid():
    result = check_jsonschema("vendor.github-actions", ACTION)
    assert result.returncode == 0, result.stdout + result.stderr
    action = yaml.safe_load(ACTION.read_text(encoding="utf-8"))
    assert action["runs"]["using"] == "composite"
    for step in action["runs"]["steps"]:
        assert ("run" in step) != ("uses" in step)
        assert "run" not in step or step["shell"] == "bash"
        for expression in EXPRESSION.findall(step.get("run", "")):  # inputs reach scripts only through env
            pytest.fail(f"expression {expression!r} inside a run script (pass it through env)")


def test_readme_workflow_is_valid_and_uses_the_action_inputs(tmp_path):
    workflow = tmp_path / "resolint.yml"
    workflow.write_text(readme_block("### GitHub Actions", "yaml"), encoding="utf-8")
    result = check_jsonschema("vendor.github-workflows", workflow)
    assert result.returncode == 0, result.stdout + result.stderr
    inputs = yaml.safe_load(ACTION.read_text(encoding="utf-8"))["inputs"]
    steps = yaml.safe_load(workflow.read_text(encoding="utf-8"))["jobs"]["resolint"]["steps"]
    ours = [step for step in steps if step.get("uses", "").startswith("resolint/resolint@")]
    assert len(ours) == 1 and REPOSITORY.endswith("/" + ours[0]["uses"].split("@")[0])
    assert set(ours[0]["with"]) <= set(inputs)


def test_readme_pre_commit_example_is_valid(tmp_path):
    config = tmp_path / ".pre-commit-config.yaml"
    config.write_text(readme_block("### pre-commit", "yaml"), encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "pre_commit", "validate-config", str(config)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    (repo,) = yaml.safe_load(config.read_text(encoding="utf-8"))["repos"]
    assert repo["repo"] == REPOSITORY and repo["hooks"] == [{"id": "resolint"}]
    hooks = {hook["id"] for hook in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))}
    assert hooks == {"resolint", "resolint-fix"}


def test_readme_json_example_matches_the_output():
    example = json.loads(readme_block("The JSON contract", "json"))["diagnostics"][0]
    actual = json.loads(out(run("check", "--format", "json", str(DRAFT))))
    found = next(item for item in actual["diagnostics"] if item["code"] == example["code"])
    assert set(found) == set(example)
    assert {key: found[key] for key in example if key != "path"} == {key: example[key] for key in example if key != "path"}


def _evaluate(text: str, inputs: dict[str, str], contexts: dict[str, str]) -> str:
    def value(match: re.Match) -> str:
        expression = match.group(1)
        if expression.startswith("inputs."):
            return inputs[expression.removeprefix("inputs.")]
        assert expression in contexts, f"the local runner does not know {expression!r}"
        return contexts[expression]

    return EXPRESSION.sub(value, text)


def run_action(workspace: Path, given: dict[str, str]) -> tuple[int, str, dict[str, str]]:
    """The action's shell steps, as the runner runs them; the setup-python step is stood in
    for by this Python (3.11 or newer, as setup-python would provide)."""
    action = yaml.safe_load(ACTION.read_text(encoding="utf-8"))
    inputs = {name: str(spec.get("default", "")) for name, spec in action["inputs"].items()}
    assert set(given) <= set(inputs)
    inputs.update(given)
    temporary = workspace.parent / "runner-temp"
    temporary.mkdir()
    github_path, github_output = temporary / "path.txt", temporary / "output.txt"
    github_path.touch()
    github_output.touch()
    contexts = {"github.action_path": str(ROOT), "steps.python.outputs.python-path": sys.executable}
    env = {**os.environ, "RUNNER_TEMP": str(temporary), "GITHUB_PATH": str(github_path), "GITHUB_OUTPUT": str(github_output)}
    env.pop("VIRTUAL_ENV", None)
    status, stdout = 0, ""
    for step in action["runs"]["steps"]:
        if "run" not in step:
            continue
        added = [line for line in github_path.read_text(encoding="utf-8").splitlines() if line]
        step_env = {**env, "PATH": os.pathsep.join([*reversed(added), env["PATH"]])}
        step_env |= {key: _evaluate(str(value), inputs, contexts) for key, value in step.get("env", {}).items()}
        result = subprocess.run(
            ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", step["run"]],
            cwd=workspace, env=step_env, capture_output=True, text=True, timeout=600,
        )
        assert result.returncode in (0, 1), f"step {step.get('name')} failed:\n{result.stdout}\n{result.stderr}"
        status, stdout = result.returncode, result.stdout
        if status:
            break
    outputs = dict(line.split("=", 1) for line in github_output.read_text(encoding="utf-8").splitlines() if "=" in line)
    return status, stdout, outputs


def test_the_action_installs_resolint_and_annotates(tmp_path):
    require(shutil.which("bash") is not None, "bash is not installed")
    workspace = tmp_path / "workspace"
    (workspace / "drafts").mkdir(parents=True)
    shutil.copy(DRAFT, workspace / "drafts" / "oceans.md")
    (workspace / "drafts" / "clean.md").write_text("*The General Assembly*,\n\n1. *Decides* to act.\n", encoding="utf-8")
    status, stdout, outputs = run_action(workspace, {"paths": "drafts", "args": "--select ST", "sarif": "true"})
    assert status == 1  # findings at warning level fail the step
    commands = [parse_workflow_command(line) for line in stdout.splitlines()]
    assert commands and {props["file"] for _, props, _ in commands} == {"drafts/oceans.md"}
    assert ("error", "ST004 (operative-numbering)") in {(command, props["title"]) for command, props, _ in commands}
    assert outputs["sarif-file"] == "resolint.sarif"
    log = json.loads((workspace / "resolint.sarif").read_text(encoding="utf-8"))
    jsonschema.Draft4Validator(SARIF_SCHEMA).validate(log)
    assert len(log["runs"][0]["results"]) == len(commands)
    assert (workspace / ".resolint_cache").is_dir()  # the SARIF run was answered from the cache
