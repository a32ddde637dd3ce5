"""A Word document against its Markdown source: warm read + lint, cold `resolint check`,
and fixing — medians of repeated runs, one process, side by side.

The .docx is made from the Markdown with the tests' builder (italics as runs, footnotes in
the footnotes part, automatic numbering).

    python benchmarks/word.py [--text ../shared/corpus/en/A-RES-80-192.md] [--repeat 7]
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from resolint import lint_text, parse  # noqa: E402
from resolint.docx import read_docx  # noqa: E402
from resolint.docx.fix import fix_docx  # noqa: E402
from resolint.linter.engine import lint_document  # noqa: E402
from resolint.linter.fixes import fix_until_stable  # noqa: E402
from tests.docx_builder import build_docx  # noqa: E402


def median_time(function, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


DEFAULT_TEXT = ROOT.parent / "shared" / "corpus" / "en" / "A-RES-80-192.md"
DRAFT = ROOT / "tests" / "docx_drafts" / "draft-en.md"


def cold(path: Path, repeat: int) -> float:
    env = {**os.environ}
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # an installed package has its bytecode compiled
    command = [sys.executable, "-m", "resolint", "check", "--exit-zero", str(path)]
    subprocess.run(command, capture_output=True, env=env, check=True)  # bytecode, parser cache
    return median_time(lambda: subprocess.run(command, capture_output=True, env=env, check=True), repeat)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--text", type=Path, default=DEFAULT_TEXT if DEFAULT_TEXT.exists() else DRAFT)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()

    markdown = args.text.read_text(encoding="utf-8")
    data = build_docx(markdown).data
    lint_document(parse(markdown))  # warm-up
    read_docx(data, "x.docx")

    md_seconds = median_time(lambda: lint_document(parse(markdown)), args.repeat * 3)
    read_seconds = median_time(lambda: read_docx(data, "x.docx"), args.repeat * 3)
    docx_seconds = median_time(lambda: lint_document(parse(read_docx(data, "x.docx").text)), args.repeat * 3)

    draft = DRAFT.read_text(encoding="utf-8")
    draft_data = build_docx(draft).data
    fix_md = median_time(lambda: fix_until_stable(draft, lint_text), args.repeat)
    fix_word = median_time(lambda: fix_docx(draft_data, "draft.docx", lint_text), args.repeat)

    with tempfile.TemporaryDirectory() as folder:
        md_path, docx_path = Path(folder) / "text.md", Path(folder) / "text.docx"
        md_path.write_text(markdown, encoding="utf-8")
        docx_path.write_bytes(data)
        cold_md, cold_docx = cold(md_path, args.repeat), cold(docx_path, args.repeat)

    print(f"text: {args.text.name}, {len(markdown.encode('utf-8')) / 1000:.0f} kB Markdown, {len(data) / 1000:.0f} kB .docx")
    print(f"warm parse+lint, Markdown:         {md_seconds * 1000:7.1f} ms")
    print(f"warm read .docx (text form + map): {read_seconds * 1000:7.1f} ms")
    print(f"warm read .docx + parse+lint:      {docx_seconds * 1000:7.1f} ms  ({docx_seconds / md_seconds:.1f}x Markdown)")
    print(f"cold `resolint check`, Markdown:   {cold_md * 1000:7.0f} ms")
    print(f"cold `resolint check`, .docx:      {cold_docx * 1000:7.0f} ms  ({cold_docx / cold_md:.1f}x Markdown)")
    print(f"fix the broken draft to a fixed point: Markdown {fix_md * 1000:.1f} ms, .docx {fix_word * 1000:.1f} ms "
          f"({fix_word / fix_md:.1f}x)")
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs, {args.repeat} runs")


if __name__ == "__main__":
    main()
