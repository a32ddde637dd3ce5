"""The language server keeps answering on large documents: one `didChange` carrying a
"Replace All" (a change per paragraph) costs time linear in the document, not in the
document times the number of changes.

Timed through a real client as the time until the server answers the next request, at 1x and
10x (a 56 KB document with 390 changes, then 561 KB with 3,900 — the sizes of the report that
blocked the server for 11 s). The ratio must stay under 30: linear is ~10, the quadratic cost
this replaces ~100. A ratio, not a duration, so a loaded machine does not fail it. And the
server's memory does not grow with each edit (measured, not timed).
"""
from __future__ import annotations

import time

import pytest_lsp
from lsprotocol import types

from resolint import lint_text
from resolint.lsp import convert

from .lsp_client import CONFIG, Client, start

MAX_RATIO = 30
PARAGRAPH = "{n}. *Decides* to keep under review the conservation of the oceans and their resources, and of the seas, in accordance with international law;"


def resolution(paragraphs: int) -> str:
    body = "\n\n".join(PARAGRAPH.format(n=n) for n in range(1, paragraphs + 1))
    return f"*The General Assembly*,\n\n{body}\n"


def replace_all(text: str, old: str, new: str) -> list[types.TextDocumentContentChangePartial]:
    """One change per occurrence, as an editor's Replace All sends them (one per line here, so
    earlier changes do not move later positions)."""
    changes = []
    for number, line in enumerate(text.split("\n")):
        column = line.find(old)
        if column >= 0:
            where = types.Range(start=types.Position(line=number, character=column),
                                end=types.Position(line=number, character=column + len(old)))
            changes.append(types.TextDocumentContentChangePartial(range=where, text=new))
    return changes


@pytest_lsp.fixture(config=CONFIG)
async def client(lsp_client: Client, tmp_path):
    await start(lsp_client, tmp_path, debounce=600_000)  # no linting while the changes are timed
    yield
    await lsp_client.shutdown_session()


async def answered(client: Client) -> None:
    """A request the server answers without linting (a document it does not have open)."""
    await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri="file:///not-open.md"), position=types.Position(line=0, character=0)))


async def replace_all_seconds(client: Client, uri: str, text: str) -> float:
    client.open(uri, text)
    await client.diagnostics_for(uri, 1)  # the first lint (at once on open) is over
    changes = replace_all(text, "oceans", "seas")
    await answered(client)
    started = time.perf_counter()
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2), content_changes=changes))
    await answered(client)
    return time.perf_counter() - started


async def test_a_replace_all_costs_time_linear_in_the_document(client: Client, tmp_path):
    small, large = resolution(390), resolution(3_900)
    assert len(large) > 500_000
    await replace_all_seconds(client, (tmp_path / "warm-up.md").as_uri(), small)
    small_time = min([await replace_all_seconds(client, (tmp_path / f"small{i}.md").as_uri(), small) for i in range(3)])
    large_time = await replace_all_seconds(client, (tmp_path / "large.md").as_uri(), large)
    assert large_time / max(small_time, 0.005) < MAX_RATIO, f"1x {small_time:.3f} s, 10x {large_time:.3f} s"


async def test_the_replaced_text_is_linted_as_the_cli_lints_it(client: Client, tmp_path):
    text = resolution(40)
    uri = (tmp_path / "draft.md").as_uri()
    client.open(uri, text)
    await client.diagnostics_for(uri, 1)
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
        content_changes=replace_all(text, "oceans", "seas; *Decides* also")))
    client.text_document_did_save(types.DidSaveTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=uri)))
    shown = await client.diagnostics_for(uri, 2)
    expected = lint_text(text.replace("oceans", "seas; *Decides* also"), path=str(tmp_path / "draft.md"))
    assert expected and [d.code for d in shown] == [d.code for d in expected]


def rss_mb(client: Client) -> float:
    status = open(f"/proc/{client._server.pid}/status").read()
    return int(status.split("VmRSS:", 1)[1].split()[0]) / 1024


async def test_memory_does_not_grow_with_each_edit(client: Client, tmp_path):
    """pygls kept a Future for every notification (~2 KB an edit, without end). Not a timing:
    5,000 edits used to add ~10 MB; a flat server adds next to nothing (the benchmark
    benchmarks/lsp_memory.py follows 20,000)."""
    uri = (tmp_path / "draft.md").as_uri()
    text = resolution(20)
    client.open(uri, text)
    await client.diagnostics_for(uri, 1)
    column = text.split("\n")[2].index("oceans")

    async def edits(first: int, count: int) -> int:
        for version in range(first, first + count):
            client.replace(uri, version, (2, column), (2, column + 1), "o" if version % 2 else "O")
        await answered(client)
        return first + count

    version = await edits(2, 1_000)
    before = rss_mb(client)
    await edits(version, 5_000)
    assert rss_mb(client) - before < 4, f"{before:.1f} MB -> {rss_mb(client):.1f} MB"


def positions_seconds(length: int) -> float:
    """Columns of 2,000 findings along one long line holding a character outside the BMP."""
    text = "*The General Assembly*, 𝒜 " + "a" * length
    started = time.perf_counter()
    positions = convert.PositionMap(text, convert.UTF16)
    for offset in range(0, length, max(1, length // 2_000)):
        positions.offset(positions.position(offset))
    return time.perf_counter() - started


def test_columns_on_a_long_line_cost_no_pass_over_the_line():
    """A column was the length of the line encoded up to it: findings along a long line (a
    document run together on one line, as from a PDF) cost their number times its length."""
    positions_seconds(10_000)
    small = min(positions_seconds(100_000) for _ in range(3))
    large = positions_seconds(1_000_000)
    assert large / max(small, 0.005) < MAX_RATIO / 3, f"1x {small:.3f} s, 10x {large:.3f} s"
