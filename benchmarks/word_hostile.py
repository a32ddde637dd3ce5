"""Hostile Word files: wall time and peak memory of `resolint check` on each, one fresh
process per file (the shapes of issue 15: tables nested in table cells, a huge numbering
start value, numbering labels that would make more text than resolint reads).

    python benchmarks/word_hostile.py
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from resolint.docx.numbering import MAX_LABEL  # noqa: E402
from resolint.docx.reader import MAX_TEXT  # noqa: E402
from tests.docx_builder import body_docx, nested_tables_xml, paragraph_xml  # noqa: E402

NUMBERED = '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>'
MEASURE = (
    "import json, resource, subprocess, sys, time\n"
    "start = time.perf_counter()\n"
    "code = subprocess.run([sys.executable, '-m', 'resolint', 'check', sys.argv[1]], capture_output=True).returncode\n"
    "print(json.dumps([code, time.perf_counter() - start, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss]))\n"
)


def numbering(start: str, text: str = "(%1)") -> str:
    return (f'<w:abstractNum w:abstractNumId="7"><w:lvl w:ilvl="0"><w:start w:val="{start}"/>'
            f'<w:numFmt w:val="lowerLetter"/><w:lvlText w:val="{text}"/></w:lvl></w:abstractNum>'
            '<w:num w:numId="1"><w:abstractNumId w:val="7"/></w:num>')


CASES = {
    "tables nested 20 deep": lambda: body_docx(nested_tables_xml(20, paragraph_xml("Innermost."))),
    "tables nested 50 deep (refused)": lambda: body_docx(nested_tables_xml(50, paragraph_xml("Innermost."))),
    "40 paragraphs numbered from w:start=2600000000": lambda: body_docx(
        paragraph_xml("Decides;", NUMBERED) * 40, numbering("2600000000")),
    "labels making 32 M characters (refused)": lambda: body_docx(
        f"<w:p><w:pPr>{NUMBERED}</w:pPr></w:p>" * (MAX_TEXT // (MAX_LABEL + 3) + 1000),
        numbering("1", "%1" * MAX_LABEL)),
}


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        for name, make in CASES.items():
            path = Path(folder) / "hostile.docx"
            path.write_bytes(make())
            env = {**os.environ, "RESOLINT_CACHE_DIR": str(Path(folder) / "cache")}  # a cold run, no cache to load
            result = subprocess.run([sys.executable, "-c", MEASURE, str(path)], capture_output=True, text=True,
                                    cwd=ROOT, env=env, check=True)
            code, seconds, peak = json.loads(result.stdout)
            print(f"{name:50} {path.stat().st_size / 1000:6.1f} kB  exit {code}  {seconds:6.2f} s  {peak / 1024:6.0f} MB")
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs")


if __name__ == "__main__":
    main()
