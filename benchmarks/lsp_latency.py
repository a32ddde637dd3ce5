"""Language-server latency and memory, measured with a real client over stdio.

For the Spanish sample (10 KB), for resolutions of 300 KB and 1 MB built from it, and for
resolutions of the shape the UN's large ones have — a few operative paragraphs and a long
annex: A/RES/79/243 and its convention (144 KB, 12 operative paragraphs; the adopted
resolutions of sessions 78–79 have at most 382 numbered paragraphs, in 216 KB), its annex's
articles repeated to 300 KB and 1 MB (`--corpus`: the corpus folder): the
time from sending a `didChange` to receiving the `publishDiagnostics` for that version, with
the debounce set to 0 — median and 95th percentile over `--edits` realistic edits, in cycles
of twelve: a word typed one character at a time at the end of a preambular paragraph and
taken back one backspace at a time, then an operative paragraph deleted and pasted back.
Then the server's resident memory before and after 1,000 more one-character edits.

The grown sample is the harder case: every block is a resolution paragraph, two to three
times as many per kilobyte as in any adopted resolution, and past paragraph 999 (the 1 MB
one) the grammar no longer reads the numbers, so its 1 MB version has some 1,200 findings.

    python benchmarks/lsp_latency.py [--edits 1000] [--large-edits 1000] [--memory-edits 1000]
                                     [--corpus ../shared/corpus]
"""
from __future__ import annotations

import argparse
import asyncio
import re
import statistics
import sys
import time
from pathlib import Path

from lsprotocol import types
from pygls.lsp.client import LanguageClient

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "examples" / "A-RES-75-276.md"
SERVER = [sys.executable, "-m", "resolint", "server", "--stdio"]


def long_resolution(size: int) -> str:
    """The Spanish sample grown to `size` characters: its heading and preamble, more
    preambular paragraphs, then operative paragraphs numbered on, the closing line last."""
    lines = SAMPLE.read_text(encoding="utf-8").split("\n")
    operative_start = next(i for i, line in enumerate(lines) if line.startswith("1. *"))
    closing_start = next(i for i, line in enumerate(lines) if line.startswith("*62"))
    head = lines[:operative_start]
    preambular = [line for line in head[8:] if line.startswith("*") and line.endswith(",")]
    operative = [re.sub(r"^\d+\. ", "", line).rstrip(".;") for line in lines[operative_start:closing_start] if line.strip()]
    body = list(head)
    budget = size // 3
    while sum(len(line) + 1 for line in body) < budget:
        body.extend([preambular[len(body) % len(preambular)], ""])
    paragraphs = []
    while sum(len(line) + 2 for line in body) + sum(len(p) + 2 for p in paragraphs) < size:
        paragraphs.append(operative[len(paragraphs) % len(operative)])
    numbered = [f"{n}. {text};" for n, text in enumerate(paragraphs, start=1)]
    numbered[-1] = numbered[-1][:-1] + "."
    return "\n".join([*body, "\n\n".join(numbered), "", *lines[closing_start:]])


ANNEXED = Path("official") / "en" / "A-RES-79-243.md"


def annexed_resolution(corpus: Path, size: int) -> str:
    """A/RES/79/243 followed by the blocks of its annex's chapters (the convention's
    articles) again and again, until the text is `size` characters long or just over."""
    text = (corpus / ANNEXED).read_text(encoding="utf-8").rstrip()
    annex = text.index("\nAnnex\n")
    blocks = text[text.index("\nChapter I\n", annex) + 1 :].split("\n\n")
    parts, length = [text], len(text)
    while length < size:
        parts.append(blocks[(len(parts) - 1) % len(blocks)])
        length += len(parts[-1]) + 2
    return "\n\n".join(parts) + "\n"


class Bench:
    def __init__(self) -> None:
        self.client = LanguageClient("resolint-benchmark", "1")
        self.arrived: dict[tuple[str, int], float] = {}
        self.waiters: dict[tuple[str, int], asyncio.Future] = {}

        @self.client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        def published(params: types.PublishDiagnosticsParams) -> None:
            key = (params.uri, params.version)
            self.arrived[key] = time.perf_counter()
            if (future := self.waiters.pop(key, None)) is not None and not future.done():
                future.set_result(len(params.diagnostics))

    async def start(self, debounce: int = 0) -> None:
        await self.client.start_io(*SERVER)
        await self.client.initialize_async(types.InitializeParams(
            capabilities=types.ClientCapabilities(), initialization_options={"debounce": debounce}))
        self.client.initialized(types.InitializedParams())

    def wait(self, uri: str, version: int) -> asyncio.Future:
        future = asyncio.get_running_loop().create_future()
        self.waiters[(uri, version)] = future
        return future

    async def open(self, uri: str, text: str, timeout: float = 120) -> None:
        done = self.wait(uri, 1)
        self.client.text_document_did_open(types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(uri=uri, language_id="markdown", version=1, text=text)))
        await asyncio.wait_for(done, timeout)

    async def toggle(self, uri: str, text: str, edits: int, first_version: int = 2) -> list[float]:
        """Edit one character `edits` times; the seconds from each didChange to its diagnostics."""
        lines = text.split("\n")
        preambular = [i for i, content in enumerate(lines) if content.startswith("*") and content.endswith(",")]
        line = preambular[len(preambular) // 2]
        column = len(lines[line]) - 1  # no character outside the BMP on these lines: UTF-16 = code points
        where = types.Range(start=types.Position(line=line, character=column), end=types.Position(line=line, character=column + 1))
        latencies = []
        for version in range(first_version, first_version + edits):
            done = self.wait(uri, version)
            sent = time.perf_counter()
            self.client.text_document_did_change(types.DidChangeTextDocumentParams(
                text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
                content_changes=[types.TextDocumentContentChangePartial(range=where, text=";" if version % 2 == 0 else ",")]))
            await asyncio.wait_for(done, 120)
            latencies.append(self.arrived[(uri, version)] - sent)
        return latencies

    async def realistic(self, uri: str, text: str, edits: int, first_version: int = 2) -> list[float]:
        """`edits` edits in cycles of `cycle(text)`; the seconds from each to its diagnostics."""
        latencies = []
        steps = cycle(text)
        for index in range(edits):
            start, end, new = steps[index % len(steps)]
            version = first_version + index
            done = self.wait(uri, version)
            sent = time.perf_counter()
            self.client.text_document_did_change(types.DidChangeTextDocumentParams(
                text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
                content_changes=[types.TextDocumentContentChangePartial(
                    range=types.Range(start=position(text, start), end=position(text, end)), text=new)]))
            text = text[:start] + new + text[end:]
            await asyncio.wait_for(done, 120)
            latencies.append(self.arrived[(uri, version)] - sent)
        return latencies

    def rss_kb(self) -> int:
        status = Path(f"/proc/{self.client._server.pid}/status").read_text()
        return int(re.search(r"VmRSS:\s+(\d+) kB", status).group(1))

    async def stop(self) -> None:
        await self.client.shutdown_async(None)
        self.client.exit(None)
        await self.client.stop()


def cycle(text: str) -> list[tuple[int, int, str]]:
    """Twelve (start, end, new text) edits, each on the text the ones before it left, that
    bring the text back: "word " typed before the final mark of the first paragraph that
    ends after a quarter of the text (in the grown sample, a preambular one's comma) and
    deleted again, then the block a third of the way through what follows paragraph 1 (and
    its blank line) deleted and pasted back."""
    preambular = re.compile(r"[,;.]\n\n").search(text, len(text) // 4).start()
    first = text.index("\n\n1. ")
    operative = text.index("\n\n", first + (len(text) - first) // 3) + 2
    paragraph = text[operative : text.index("\n\n", operative) + 2]
    typing = [(preambular + i, preambular + i, char) for i, char in enumerate("word ")]
    backspaces = [(preambular + i, preambular + i + 1, "") for i in reversed(range(5))]
    return [*typing, *backspaces, (operative, operative + len(paragraph), ""), (operative, operative, paragraph)]


def position(text: str, offset: int) -> types.Position:
    """The LSP position of a code-point offset (these texts are all in the BMP: UTF-16 agrees)."""
    line_start = text.rfind("\n", 0, offset) + 1
    return types.Position(line=text.count("\n", 0, offset), character=offset - line_start)


def describe(latencies: list[float]) -> tuple[float, float]:
    ordered = sorted(latencies)
    return statistics.median(ordered) * 1000, ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))] * 1000


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--edits", type=int, default=1000)
    parser.add_argument("--large-edits", type=int, default=1000, help="edits of the 1 MB resolution")
    parser.add_argument("--memory-edits", type=int, default=1000)
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    args = parser.parse_args()

    bench = Bench()
    started = time.perf_counter()
    await bench.start()
    startup = time.perf_counter() - started
    sample = SAMPLE.read_text(encoding="utf-8")
    documents = [("Spanish sample", "file:///bench/sample.md", sample, args.edits)]
    sizes = ((300_000, args.edits), (1_000_000, args.large_edits))
    for size, edits in sizes:
        large = long_resolution(size)
        documents.append((f"{len(large.encode('utf-8')) // 1000} KB resolution", f"file:///bench/{size}.md", large, edits))
    for size, edits in sizes:
        annexed = annexed_resolution(args.corpus, size)
        documents.append((f"A/RES/79/243 and its annex grown to {len(annexed.encode('utf-8')) // 1000} KB",
                          f"file:///bench/annexed-{size}.md", annexed, edits))
    for _, uri, text, _ in documents:
        await bench.open(uri, text)
    await bench.toggle("file:///bench/sample.md", sample, 20)  # warm-up
    rows = []
    for name, uri, text, edits in documents:
        median, p95 = describe(await bench.realistic(uri, text, edits, first_version=1000))
        rows.append((name, len(text.encode("utf-8")), edits, median, p95))
    before = bench.rss_kb()
    await bench.toggle("file:///bench/sample.md", sample, args.memory_edits, first_version=200_000)
    after = bench.rss_kb()
    await bench.stop()

    print(f"server start to initialize answer: {startup * 1000:.0f} ms")
    print("| document | size | edits | didChange -> publishDiagnostics, median | p95 |")
    print("|---|---|---|---|---|")
    for name, size, edits, median, p95 in rows:
        print(f"| {name} | {size / 1000:.0f} KB | {edits} | {median:.1f} ms | {p95:.1f} ms |")
    print(f"server RSS before / after {args.memory_edits} edits: {before / 1024:.1f} MB / {after / 1024:.1f} MB")


if __name__ == "__main__":
    asyncio.run(main())
