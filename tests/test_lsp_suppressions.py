"""Unused suppressions in the editor: a real `resolint server` over stdio shows RL100 on a
stale comment, explains it on hover, and its quick fix removes the comment."""
from __future__ import annotations

import pytest_lsp
from lsprotocol import types

from resolint import lint_text

from .lsp_client import CONFIG, Client, start
from .test_lsp_server import changes_of, code_actions, copy, edit_text, fix_all
from .test_unused_suppression import FIXED, STALE


@pytest_lsp.fixture(config=CONFIG)
async def client(lsp_client: Client, tmp_path):
    await start(lsp_client, tmp_path)
    yield
    await lsp_client.shutdown_session()


async def test_stale_comment_is_shown_and_its_quick_fix_removes_it(client: Client, tmp_path):
    uri, text = copy(tmp_path, STALE)
    client.open(uri, text)
    diagnostics = await client.diagnostics_for(uri, 1)
    stale = [d for d in diagnostics if d.code == "RL100"]
    assert [(d.range.start.line, d.severity) for d in stale] == [(2, types.DiagnosticSeverity.Warning), (5, types.DiagnosticSeverity.Warning)]
    result = await code_actions(client, uri, stale[0].range, [stale[0]], only=[types.CodeActionKind.QuickFix])
    remove = next(a for a in result if a.is_preferred)
    assert remove.title.startswith("Remove the unused suppression comment")
    fixed = edit_text(text, changes_of(remove, uri))
    assert "<!-- resolint: disable-next-line ST006 -->\n*Recalling*" not in fixed
    assert [d.code for d in lint_text(fixed) if d.code == "RL100"] == ["RL100"]  # the other one is left


async def test_fix_all_gives_the_fixed_text(client: Client, tmp_path):
    uri, text = copy(tmp_path, STALE)
    client.open(uri, text)
    await client.diagnostics_for(uri, 1)
    result = await fix_all(client, uri)
    assert edit_text(text, changes_of(result[0], uri)) == FIXED.read_text(encoding="utf-8")


async def test_hover_on_the_comment_shows_the_rule(client: Client, tmp_path):
    uri, text = copy(tmp_path, STALE)
    client.open(uri, text)
    stale = next(d for d in await client.diagnostics_for(uri, 1) if d.code == "RL100")
    result = await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=uri), position=stale.range.start))
    assert result.contents.value.startswith("**RL100** unused-suppression (warning): Unused suppression")
    assert "## Why it matters" in result.contents.value
