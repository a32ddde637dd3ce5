"""Language-server memory over a long editing session, and one large "Replace All".

A real client over stdio edits the Spanish sample 20,000 times (one character each, as when
typing; every 100th edit waits for the diagnostics of that version, so linting runs along),
and prints the server's resident memory after 1,000 and after 20,000 edits: flat means nothing
is kept per edit. Then it opens a 561 KB resolution and sends one didChange with 3,900 changes
(a Replace All) and prints how long the server took to answer the next request.

    python benchmarks/lsp_memory.py [--edits 20000]
"""
from __future__ import annotations

import argparse
import asyncio
import sys
import time
from pathlib import Path

from lsprotocol import types

sys.path.insert(0, str(Path(__file__).resolve().parent))
from lsp_latency import SAMPLE, Bench  # noqa: E402

PARAGRAPH = "{n}. *Decides* to keep under review the conservation of the oceans and their resources, and of the seas, in accordance with international law;"


class Session(Bench):
    """The latency benchmark's client, with raw changes and a request to wait on."""

    async def open(self, uri: str, text: str, timeout: float = 300) -> None:
        await super().open(uri, text, timeout)

    def change(self, uri: str, version: int, changes) -> None:
        self.client.text_document_did_change(types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version), content_changes=changes))

    async def answered(self) -> None:
        await self.client.text_document_hover_async(types.HoverParams(
            text_document=types.TextDocumentIdentifier(uri="file:///not-open.md"), position=types.Position(line=0, character=0)))

    def rss_mb(self) -> float:
        return self.rss_kb() / 1024


async def typing(session: Session, uri: str, text: str, first: int, count: int) -> int:
    lines = text.split("\n")
    line = next(i for i, content in enumerate(lines) if content.startswith("*") and content.endswith(","))
    column = len(lines[line]) - 1
    where = types.Range(start=types.Position(line=line, character=column), end=types.Position(line=line, character=column + 1))
    for version in range(first, first + count):
        change = types.TextDocumentContentChangePartial(range=where, text=";" if version % 2 == 0 else ",")
        if version % 100 == 0:
            done = session.wait(uri, version)
            session.change(uri, version, [change])
            await asyncio.wait_for(done, 300)
        else:
            session.change(uri, version, [change])
    await session.answered()
    return first + count


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--edits", type=int, default=20_000)
    args = parser.parse_args()

    session = Session()
    await session.start(debounce=20)
    uri, text = "file:///bench/sample.md", SAMPLE.read_text(encoding="utf-8")
    await session.open(uri, text)
    version = await typing(session, uri, text, 2, 1000)
    after_1k = session.rss_mb()
    started = time.perf_counter()
    await typing(session, uri, text, version, args.edits - 1000)
    typing_seconds = time.perf_counter() - started
    after_all = session.rss_mb()

    large = "*The General Assembly*,\n\n" + "\n\n".join(PARAGRAPH.format(n=n) for n in range(1, 3901)) + "\n"
    big = "file:///bench/large.md"
    await session.open(big, large)
    changes = []
    for number, line in enumerate(large.split("\n")):
        if (column := line.find("oceans")) >= 0:
            where = types.Range(start=types.Position(line=number, character=column),
                                end=types.Position(line=number, character=column + 6))
            changes.append(types.TextDocumentContentChangePartial(range=where, text="seas"))
    await session.answered()
    started = time.perf_counter()
    session.change(big, 2, changes)
    await session.answered()
    replace_all = time.perf_counter() - started
    await session.stop()

    print(f"server RSS after 1,000 edits: {after_1k:.1f} MB; after {args.edits:,} edits: {after_all:.1f} MB "
          f"({(after_all - after_1k) * 1024 * 1024 / (args.edits - 1000):.0f} bytes per edit; "
          f"{typing_seconds:.0f} s for the last {args.edits - 1000:,})")
    print(f"one didChange of {len(changes):,} changes on a {len(large.encode()) // 1000} KB document: "
          f"answered after {replace_all * 1000:.0f} ms")


if __name__ == "__main__":
    asyncio.run(main())
