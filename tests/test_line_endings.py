"""Line endings: a file with old Mac line endings (CR only), Unix (LF) or Windows (CRLF)
reads the same — same findings at the same lines and columns, in the command line and in the
editor — and `--fix` writes its fixes in the file's own line ending."""
from __future__ import annotations

import json

import pytest
import pytest_lsp

from resolint.document.span import LineIndex

from .lsp_client import CONFIG, Client, start
from .test_fix import SLIPS, fixed_by_api
from .test_lsp_server import cli_findings, shown
from .test_writes import run

ENDINGS = {"lf": "\n", "crlf": "\r\n", "cr": "\r"}


def findings(path) -> list[tuple]:
    payload = json.loads(run("check", "--format", "json", "--no-cache", str(path)).stdout)
    return [(d["code"], d["line"], d["column"], d["end_line"], d["end_column"]) for d in payload["diagnostics"]]


@pytest.mark.parametrize("ending", ["crlf", "cr"])
def test_every_line_ending_reads_like_lf(tmp_path, ending):
    lf, other = tmp_path / "lf.md", tmp_path / f"{ending}.md"
    lf.write_bytes(SLIPS.encode())
    other.write_bytes(SLIPS.replace("\n", ENDINGS[ending]).encode())
    expected = findings(lf)
    assert "ST002" not in {code for code, *_ in expected}
    assert findings(other) == expected


@pytest.mark.parametrize("ending", ["crlf", "cr"])
def test_fix_inserts_lines_in_the_files_own_ending(tmp_path, ending):
    """ST001 starts a run-together paragraph on a line of its own: with CR, in a CR file."""
    path = tmp_path / "draft.md"
    path.write_bytes(SLIPS.replace("\n", ENDINGS[ending]).encode())
    assert run("check", "--fix", "--no-cache", str(path)).returncode == 1
    assert path.read_bytes() == fixed_by_api(SLIPS).replace("\n", ENDINGS[ending]).encode()


def test_one_line_index_for_cr_lf_and_crlf():
    text = "ab\r\ncd\ref\ngh"
    index = LineIndex(text)
    assert index.line_count == 4
    assert [index.line_start(n) for n in (1, 2, 3, 4)] == [0, 4, 7, 10]
    assert index.position(text.index("e")) == (3, 1)
    assert index.offset(2, 99) == text.index("\r", 4)  # a column past the end: the end of the line


@pytest_lsp.fixture(config=CONFIG)
async def client(lsp_client: Client, tmp_path):
    await start(lsp_client, tmp_path)
    yield
    await lsp_client.shutdown_session()


async def test_the_editor_and_the_command_line_agree_on_a_cr_only_file(client: Client, tmp_path):
    path = tmp_path / "cr.md"
    text = SLIPS.replace("\n", "\r")
    path.write_bytes(text.encode())
    client.open(path.as_uri(), text)
    diagnostics = await client.diagnostics_for(path.as_uri(), 1)
    expected = cli_findings(path)
    assert expected and "ST002" not in {code for code, *_ in expected}
    assert shown(diagnostics) == expected


def test_completion_reads_cr_only_lines():
    from resolint.linter.config import Config
    from resolint.lsp import completion
    from resolint.lsp.analysis import analyse

    def labels(text: str) -> set[str]:
        analysis = analyse("file:///d.md", 1, text, path=None, config=Config(), encoding="utf-16")
        return {item.detail for item in completion.completions(analysis, len(text)).items}

    draft = "*The General Assembly*,\n\n*Recalling* its resolution 70/1,\n\n*Reco"
    assert labels(draft) and labels(draft.replace("\n", "\r")) == labels(draft)
