"""The language server's incremental analysis, through a real client: a sequence of edits
(typing, a paragraph deleted, one pasted, a selection cut across blocks) ends with the same
diagnostics as opening the final text fresh."""
from __future__ import annotations

import pytest_lsp

from .conftest import SPANISH_SAMPLE
from .lsp_client import CONFIG, Client, position, start


@pytest_lsp.fixture(config=CONFIG)
async def client(lsp_client: Client, tmp_path):
    await start(lsp_client, tmp_path)
    yield
    await lsp_client.shutdown_session()


def _edits(text: str) -> list[tuple[int, int, str]]:
    """(start, end, new text) edits, each on the text the ones before it left."""
    paragraphs = [i + 2 for i in range(len(text) - 1) if text.startswith("\n\n", i)]
    second, third, middle = paragraphs[1], paragraphs[2], paragraphs[len(paragraphs) // 2]
    comma = text.index(",\n", middle)
    return [
        (comma, comma + 1, ";"),  # a preambular paragraph's comma typed over
        (comma + 1, comma + 1, " and"),
        (second, third, ""),  # a paragraph deleted
        (0, 0, text[second:third]),  # and pasted at the very start
        (middle - 40, middle + 40, ""),  # a selection cut across two blocks
        (len(text) - 200, len(text) - 200, "\n\n12. *Decides* to remain seized of the matter,"),
    ]


async def test_edits_end_with_the_diagnostics_of_the_final_text_opened_fresh(client: Client, tmp_path):
    text = SPANISH_SAMPLE.read_text(encoding="utf-8")
    uri, fresh = (tmp_path / "edited.md").as_uri(), (tmp_path / "fresh.md").as_uri()
    client.open(uri, text)
    published = [await client.diagnostics_for(uri, 1)]
    for version, (begin, end, new) in enumerate(_edits(text), start=2):
        begin, end = min(begin, len(text)), min(end, len(text))
        client.replace(uri, version, _at(text, begin), _at(text, end), new)
        text = text[:begin] + new + text[end:]
        published.append(await client.diagnostics_for(uri, version))
    client.open(fresh, text)
    expected = await client.diagnostics_for(fresh, 1)
    assert [_shown(d) for d in published[-1]] == [_shown(d) for d in expected]
    assert len({tuple(_shown(d) for d in diagnostics) for diagnostics in published}) > 2  # the edits changed findings


def _at(text: str, offset: int) -> tuple[int, int]:
    where = position(text, offset)
    return where.line, where.character


def _shown(diagnostic) -> tuple:
    r = diagnostic.range
    return diagnostic.code, diagnostic.message, r.start.line, r.start.character, r.end.line, r.end.character
