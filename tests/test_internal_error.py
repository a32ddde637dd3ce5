"""A rule that raises is reported as one internal-error diagnostic naming the rule, and the
other rules' findings still arrive — in a real `resolint check` and a real `resolint server`
process, into which tests/crashing_rule/sitecustomize.py adds a rule that always raises."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest_lsp
from pytest_lsp import ClientServerConfig

from .conftest import ROOT, SPANISH_SAMPLE
from .lsp_client import SERVER, Client, make_client, start

CRASHING = Path(__file__).parent / "crashing_rule"
ENVIRONMENT = {**os.environ, "PYTHONPATH": os.pathsep.join([str(CRASHING), str(ROOT)])}


def _expect_internal_error_and_the_rest(found: list[tuple[str, str]]) -> None:
    internal = [message for code, message in found if code == "RL000"]
    assert len(internal) == 1, found
    assert "ST999 (deliberately-broken)" in internal[0] and "RuntimeError" in internal[0]
    assert {"ST001", "FN006"} <= {code for code, _ in found}  # the other rules' findings


def test_command_line_reports_the_broken_rule_and_the_others():
    result = subprocess.run(
        [sys.executable, "-m", "resolint", "check", "--format", "json", "--no-cache", str(SPANISH_SAMPLE)],
        capture_output=True, env=ENVIRONMENT, timeout=120,
    )
    assert result.returncode == 1, result.stderr.decode()
    diagnostics = json.loads(result.stdout)["diagnostics"]
    _expect_internal_error_and_the_rest([(d["code"], d["message"]) for d in diagnostics])
    assert b"Traceback" not in result.stderr


CONFIG = ClientServerConfig(server_command=SERVER, client_factory=make_client, server_env=ENVIRONMENT)


@pytest_lsp.fixture(config=CONFIG)
async def client(lsp_client: Client, tmp_path):
    await start(lsp_client, tmp_path)
    yield
    await lsp_client.shutdown_session()


async def test_language_server_reports_the_broken_rule_and_the_others(client: Client, tmp_path):
    uri = (tmp_path / "sample.md").as_uri()
    client.open(uri, SPANISH_SAMPLE.read_text(encoding="utf-8"))
    diagnostics = await client.diagnostics_for(uri, 1)
    _expect_internal_error_and_the_rest([(str(d.code), d.message) for d in diagnostics])
