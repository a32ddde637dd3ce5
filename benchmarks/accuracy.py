"""How often resolint is right on the UN's own texts: for each language of the official
corpus (adopted resolutions from the UN's XML), the documents, warning/error findings per
document, the share with none, how many of those findings are recorded in the test suite's
expectations as real slips, and the share of texts that the safe fixes would change.
Prints the README's accuracy table (Markdown).

    python benchmarks/accuracy.py [--corpus ../shared/corpus] [--findings out.tsv] [--family VB]

`--findings` writes every warning/error (and every safe fix) as a line
`file:line<TAB>code<TAB>message<TAB>text`, the list to read by hand.
"""
from __future__ import annotations

import argparse
import sys
import tomllib
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from resolint import parse  # noqa: E402
from resolint.document.diagnostics import Applicability, Severity  # noqa: E402
from resolint.linter.engine import lint_document  # noqa: E402

LANGUAGES = ("en", "fr", "es")


def recorded() -> set[tuple[str, int, str]]:
    found = set()
    for file in (ROOT / "tests" / "corpus_expectations").glob("*.toml"):
        for entry in tomllib.loads(file.read_text(encoding="utf-8")).get("finding", []):
            found.add((entry["file"], entry["line"], entry["code"]))
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--findings", type=Path, help="write every finding to this file")
    parser.add_argument("--family", default="", help="only codes starting with this (for --findings)")
    args = parser.parse_args()
    real = recorded()
    out = args.findings.open("w", encoding="utf-8") if args.findings else None
    rows = []
    codes_by_lang = {}
    for lang in LANGUAGES:
        files = sorted((args.corpus / "official" / lang).glob("*.md"))
        findings = clean = confirmed = changed = 0
        codes = Counter()
        for path in files:
            text = path.read_text(encoding="utf-8")
            doc = parse(text, path=str(path))
            name = path.relative_to(args.corpus).as_posix()
            diagnostics = lint_document(doc)
            shown = [d for d in diagnostics if d.severity <= Severity.WARNING]
            findings += len(shown)
            clean += not shown
            changed += any(d.fix and d.fix.applicability is Applicability.SAFE for d in diagnostics)
            for d in diagnostics:
                line = doc.lines.position(d.span.start)[0]
                is_shown = d.severity <= Severity.WARNING
                if is_shown:
                    codes[d.code] += 1
                    confirmed += (name, line, d.code) in real
                if out and d.code.startswith(args.family) and (is_shown or (d.fix and d.fix.applicability is Applicability.SAFE)):
                    quote = doc.slice(d.span)[:80]
                    print(f"{name}:{line}\t{d.code}\t{d.severity.name.lower()}\t{d.message}\t{quote!r}", file=out)
        codes_by_lang[lang] = codes
        n = len(files)
        rows.append(
            f"| {lang} | {n} | {findings / n:.2f} | {clean / n:.1%} | {confirmed} of {findings} | {changed / n:.1%} |"
        )
    print("| language | documents | warning/error findings per document | documents with none | findings recorded as real slips | documents the safe fixes change |")
    print("|---|---|---|---|---|---|")
    print("\n".join(rows))
    for lang, codes in codes_by_lang.items():
        print(f"\n{lang}: " + ", ".join(f"{code} {n}" for code, n in codes.most_common()), file=sys.stderr)


if __name__ == "__main__":
    main()
