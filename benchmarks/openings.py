"""How the opening-phrase (VB) rules and their lexicons fare on the corpus: lexicon sizes,
how many openings each rule reads and reports, how often a real phrase is unknown — in the
adopted texts (the PDF corpus and the official texts in each language) with each text's
own phrases left out of the lexicon in turn, and in the
drafts, which the lexicon was not built from — and what the family costs on the Spanish
sample (parse + lint, warm, without and with VB, interleaved so that both see the same load).

    python benchmarks/openings.py [--corpus ../shared/corpus] [--repeat 500]
"""
from __future__ import annotations

import argparse
import re
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from resolint import parse  # noqa: E402
from resolint.document.langdata import LANGUAGES, pack  # noqa: E402
from resolint.facts.openings import openings  # noqa: E402
from resolint.grammar.lexicon import KINDS, held_out, lexicon, words  # noqa: E402
from resolint.linter.config import Config  # noqa: E402
from resolint.linter.engine import lint_document  # noqa: E402
from resolint.rules.verbs.suggest import correct_word  # noqa: E402


def sizes() -> None:
    print("lexicon            preambular  operative  cores  words")
    for code in LANGUAGES:
        known = lexicon(pack(code))
        print(f"  {code}  {len(known.phrases['preambular']):>21}  {len(known.phrases['operative']):>9}  "
              f"{sum(len(known.cores[kind]) for kind in KINDS):>5}  {len(known.vocabulary):>5}")


def read_by_rule(folder: str, docs) -> None:
    """How many openings (chapeaux for VB007) each rule looks at, and what it reports."""
    seen = Counter()
    for doc in docs:
        known = lexicon(pack(doc.language))
        if not doc.plain_text and doc.kind != "decision":
            seen["VB007"] += sum(1 for part in doc.parts if part.chapeau)
        for opening in openings(doc, known):
            seen["VB003"] += 1
            if doc.language != "en" and known.gender(doc.body):
                seen["VB006"] += 1
            if doc.plain_text:
                continue
            seen["VB001"] += 1
            if opening.italic:
                seen["VB002"] += 1
            if opening.emphasis is not None and not opening.whole and opening.extent is None:
                seen["VB004"] += 1
                seen["VB005"] += 1
    found = Counter()
    for doc in docs:
        for diagnostic in lint_document(doc, Config(select=("VB",))):
            found[diagnostic.code] += 1
    print(f"{folder}: {len(docs)} texts")
    for code in sorted(seen):
        print(f"  {code}  reads {seen[code]:>5}  reports {found[code]:>3}")


def held_out_unknown(texts: dict[str, str]) -> None:
    """Each adopted text's openings against the lexicon without the phrases only it has."""
    phrases = {name: _italic_openings(text) for name, text in texts.items()}
    total = unknown = misspelt = 0
    for _, phrase, without in held_out(pack("en").topic("openings"), phrases):
        total += 1
        if not without.kinds(words(phrase)):
            unknown += 1
            misspelt += any(correct_word(without, word) for word in words(phrase))
    print(f"adopted, each text left out in turn: {unknown} of {total} openings unknown ({unknown / total:.2%}), "
          f"{misspelt} of them looking misspelt")


def official_held_out(corpus: Path) -> None:
    """The same on the official texts, in each language: their openings as
    tools/build_lexicons.py counts them, less the slips the lexicon names."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("build_lexicons", ROOT / "tools" / "build_lexicons.py")
    builder = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(builder)
    for code in LANGUAGES:
        data = pack(code).topic("openings")
        slips = {entry["phrase"] for entry in data["corpus"]["not_listed"]}
        phrases: dict[str, list[str]] = {}
        for found in builder.official_openings(corpus.parent, code).values():
            for phrase, name in found:
                if phrase and phrase not in slips:
                    phrases.setdefault(name, []).append(phrase)
        total = unknown = misspelt = 0
        for _, phrase, without in held_out(data, phrases):
            total += 1
            if not without.kinds(words(phrase)):
                unknown += 1
                misspelt += any(correct_word(without, word) for word in words(phrase))
        print(f"official {code}, each text left out in turn: {unknown} of {total} openings unknown "
              f"({unknown / total:.2%}), {misspelt} of them looking misspelt")


def _italic_openings(text: str) -> list[str]:
    doc = parse(text)
    return [re.sub(r"\s+", " ", doc.slice(p.opening.inner)).strip(" .")
            for p in (*doc.preambular, *doc.operative) if p.opening is not None]


def drafts_unknown(docs) -> None:
    known = lexicon(pack("en"))
    total = unknown = 0
    for doc in docs:
        for phrase in (doc.slice(p.opening.inner) for p in (*doc.preambular, *doc.operative) if p.opening is not None):
            total += 1
            unknown += not known.kinds(words(phrase))
    print(f"drafts, against the whole lexicon: {unknown} of {total} openings unknown ({unknown / total:.2%})")


def cost(repeat: int) -> None:
    sample = (ROOT / "examples" / "A-RES-75-276.md").read_text(encoding="utf-8")
    configs = {"without VB": Config(ignore=("VB",)), "with VB": Config()}
    times: dict[str, list[float]] = {name: [] for name in configs}
    for config in configs.values():
        lint_document(parse(sample), config)
    for _ in range(repeat):
        for name, config in configs.items():
            start = time.perf_counter()
            lint_document(parse(sample), config)
            times[name].append(time.perf_counter() - start)
    without, with_vb = (statistics.median(times[name]) for name in configs)
    print(f"Spanish sample, parse + lint, warm (median of {repeat}): without VB {without * 1000:.2f} ms, "
          f"with VB {with_vb * 1000:.2f} ms (+{(with_vb - without) * 1000:.2f} ms, {with_vb / without - 1:+.1%})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--repeat", type=int, default=500)
    args = parser.parse_args()
    texts = {folder: {path.name: path.read_text(encoding="utf-8") for path in sorted((args.corpus / folder).glob("*.md"))}
             for folder in ("en", "es", "en-drafts", "official/en", "official/fr", "official/es")}
    sizes()
    for folder, found in texts.items():
        read_by_rule(folder, [parse(text) for text in found.values()])
    held_out_unknown(texts["en"])
    official_held_out(args.corpus / "official")
    drafts_unknown([parse(text) for text in texts["en-drafts"].values()])
    cost(args.repeat)


if __name__ == "__main__":
    main()
