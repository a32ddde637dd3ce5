"""Rebuild the phrase lists of resolint/rules/data/<lang>/openings.toml from the official
texts in ../shared/corpus/official (adopted General Assembly resolutions from the UN's XML),
with the count of each phrase, so that the lists say what the UN writes and how often.

    python tools/build_lexicons.py [--corpus ../shared/corpus] [--check]

What is counted, in each language:
- preambular openings: the official phrase of every preambular paragraph, as STRUCTURE.tsv
  gives it (the XML container's name, which is the paragraph's italic opening);
- operative openings: the italic text after "N. " at the head of a numbered paragraph,
  before the closing meeting line (annexes are not counted).

Phrases are written as the texts write them (typographic apostrophe included; spacing
folded), most frequent first, each with its count ("# 351 in 119 texts", or the one text that
has it). Only the two phrase lists are rewritten; a phrase listed before that the texts do not
use is kept after them, under its old comment (other sources: the reference, the PDF corpus,
the Security Council). `[corpus].not_listed` in the same file names the official openings
that are slips of the text or of the XML, with the reason: they are not counted. `[misspelling].words`
is rebuilt too, and `[corpus].roman_majority`:
the italic openings that run on over words the other texts leave in roman type more often
("*Takes note of*" 2 times, "*Takes note* of" 526 times): not listed, since the texts' own
usage is the shorter phrase (where the extra words begin the object, "opening-italic-extent"
reports the longer italics); and `[corpus].either_way`, the phrases that the texts
write both ways often enough for neither to be a slip (see `_slip`). A phrase seen in both parts is listed in the part where it is
more frequent: in the other it is misplaced ("2. *Acogiendo con beneplácito*", once, against
531 preambular), which "opening-phrase-misplaced" reports. Also the words of the official texts that are one or two letters from a word of
a listed phrase (and so could be taken for its misspelling) and occur at least twice — real
words, which "opening-phrase-misspelt" must not call misspelt.

Not counted: an opening of adverbs alone ("*Profundamente* preocupada": the italics stop
short, which "opening-italic-extent" reports) and the masculine form of a listed phrase (a
slip in a General Assembly text, which "opening-agreement" reports).

The output is deterministic: rebuilding from the same corpus gives the same bytes; `--check`
fails when the files are not what the corpus gives (tests/test_verbs_lexicon.py runs it).
"""
from __future__ import annotations

import argparse
import csv
import re
import sys
import tomllib
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "resolint" / "rules" / "data"
sys.path.insert(0, str(ROOT))

from resolint.grammar.lexicon import WORD, Lexicon, fold, words  # noqa: E402
from resolint.rules.verbs.suggest import LONG_WORD, MAX_WORD, MIN_MISSPELT, Index  # noqa: E402

LANGUAGES = ("en", "fr", "es")
KINDS = ("preambular", "operative")
SPACES = re.compile(r"[\s\u00a0\u202f\u2009\u2007]+")
OPERATIVE = re.compile(r"^\d+\.[ \t]+\*(?!\*)([^*\n]+)\*", re.M)
CLOSING = re.compile(r"^\*\d+[^*\n]*(plenary meeting|séance plénière|sesión plenaria)[^*\n]*\*\s*$", re.M | re.I)
MIN_REAL_WORD = 2  # occurrences that make a word near an opening word a real word


def phrase_of(italic: str) -> str:
    """The phrase as listed: up to any markup, spacing folded, without closing punctuation."""
    italic = italic.split("<", 1)[0]
    return SPACES.sub(" ", italic).strip(" ,;:.").replace("\u2011", "-")


def official_openings(corpus: Path, lang: str) -> dict[str, list[tuple[str, str]]]:
    """For each kind, (phrase, text) for every opening of the official texts of `lang`."""
    official = corpus / "official"
    found: dict[str, list[tuple[str, str]]] = {kind: [] for kind in KINDS}
    with (official / "STRUCTURE.tsv").open(encoding="utf-8") as table:
        for row in csv.DictReader(table, delimiter="\t"):
            if row["file"].startswith(f"{lang}/") and row["preambular_phrases"]:
                name = Path(row["file"]).stem
                found["preambular"].extend((phrase_of(p), name) for p in row["preambular_phrases"].split(" | "))
    for path in sorted((official / lang).glob("*.md")):
        text = path.read_text(encoding="utf-8")
        closing = CLOSING.search(text)
        body = text[: closing.start()] if closing else text
        found["operative"].extend((phrase_of(m.group(1)), text_name(path)) for m in OPERATIVE.finditer(body))
    return found


def text_name(path: Path) -> str:
    return path.stem


PARAGRAPH_ITALIC = re.compile(r"^(?:\d+\.[ \t]+)?\*(?!\*)([^*\n]+)\*([^\n]{0,120})", re.M)
ROMAN_WORDS = 6


def roman_extensions(corpus: Path, lang: str) -> Counter:
    """How often each phrase stands with only its first words in italics and the rest in roman
    type ("*Takes note* of" counts for "takes note of"), over the paragraphs of the texts that
    open with italics."""
    counted: Counter = Counter()
    for path in sorted((corpus / "official" / lang).glob("*.md")):
        text = path.read_text(encoding="utf-8")
        closing = CLOSING.search(text)
        for match in PARAGRAPH_ITALIC.finditer(text, 0, closing.start() if closing else len(text)):
            italic, rest = words(phrase_of(match.group(1))), match.group(2)
            if not italic or match.group(1).rstrip()[-1:] in ",;:." or not rest[:1].isspace():
                continue
            after, position = [], 0
            for word in WORD.finditer(rest):
                if rest[position : word.start()].strip() or len(after) == ROMAN_WORDS:
                    break
                after.append(fold(word.group()))
                position = word.end()
                counted[italic + tuple(after)] += 1
    return counted


def corpus_words(corpus: Path, lang: str) -> Counter:
    """Every word of the official texts of `lang` (markup left out), folded, with its count."""
    counted: Counter = Counter()
    for path in sorted((corpus / "official" / lang).glob("*.md")):
        text = path.read_text(encoding="utf-8").replace("*", "")
        counted.update(fold(match.group()) for match in WORD.finditer(text))
    return counted


def real_words(vocabulary: set[str], counted: Counter) -> list[str]:
    """Words of the texts (seen MIN_REAL_WORD times or more) that are near a word of a listed
    phrase other than themselves: one edit from it, two for a long word (suggest.py's measure).
    Words of listed phrases are among them ("souligner" beside "souligne"), so that a phrase
    left out of the lexicon does not make its words look misspelt."""
    index = Index(sorted(vocabulary))
    near = []
    for word, count in counted.items():
        if count < MIN_REAL_WORD or not MIN_MISSPELT <= len(word) <= MAX_WORD:
            continue
        if any(other != word for other in index.nearest(word, 2, 2 if len(word) >= LONG_WORD else 1)):
            near.append(word)
    return sorted(near)


def build(corpus: Path, lang: str) -> str:
    path = DATA / lang / "openings.toml"
    source = path.read_text(encoding="utf-8")
    data = tomllib.loads(source)
    not_listed = {entry["phrase"] for entry in data.get("corpus", {}).get("not_listed", ())}
    found = official_openings(corpus, lang)
    known = Lexicon(data)  # for the hand-written tables: adverbs, gender pairs
    roman: Counter = Counter()  # counted by core: "vivement préoccupée de constater" counts for "préoccupée de constater"
    for phrase, count in roman_extensions(corpus, lang).items():
        roman[known.core(phrase)] += count
    italic = Counter(known.core(words(phrase)) for kind in KINDS for phrase, _ in found[kind])
    majority: dict[str, tuple[int, int]] = {}
    misplaced: dict[str, list[str]] = {kind: [] for kind in KINDS}
    counts: dict[str, Counter] = {kind: Counter() for kind in KINDS}
    texts: dict[str, dict[str, set[str]]] = {kind: defaultdict(set) for kind in KINDS}
    for kind in KINDS:
        for phrase, name in found[kind]:
            if phrase and phrase not in not_listed and known.core(words(phrase)) and not _masculine(known, phrase):
                counts[kind][phrase] += 1
                texts[kind][phrase].add(name)
    either_way: dict[str, tuple[int, int]] = {}

    def decided(phrase: str) -> bool:
        """Does the corpus keep `phrase` (True), or set its last words in roman type instead?"""
        core = known.core(words(phrase))
        usage = (italic[core], roman[core])
        if roman[core] and not _slip(min(usage), max(usage)):
            either_way[phrase] = usage  # both are the texts' usage: "*Reaffirms its commitment*" 20, "*Reaffirms* its commitment" 9
            return True
        if roman[core] > italic[core]:  # "*Takes note of*" 2, "*Takes note* of" 589
            majority[phrase] = usage
            return False
        return True

    for entry in data.get("corpus", {}).get("roman_majority", ()):  # listed once, until the corpus changes
        decided(entry["phrase"])
    for kind, other in zip(KINDS, reversed(KINDS)):
        for phrase in list(counts[kind]):
            if not decided(phrase):
                counts[kind].pop(phrase)
            elif counts[kind][phrase] < counts[other][phrase]:  # "2. *Acogiendo con beneplácito*" 1, preambular 531
                misplaced[kind].append(phrase)
    for kind in KINDS:
        for phrase in misplaced[kind]:
            counts[kind].pop(phrase)
        ranked = sorted(counts[kind], key=lambda p: (-counts[kind][p], -len(texts[kind][p]), p))
        source = _replace_list(source, kind, ranked, counts[kind], texts[kind], len({n for _, n in found[kind]}), lang, decided)
    data = tomllib.loads(source)
    vocabulary = set(Lexicon(data).vocabulary)
    source = _replace_words(source, real_words(vocabulary, corpus_words(corpus, lang)))
    source = _replace_table(source, "either_way", either_way)
    return _replace_table(source, "roman_majority", majority)


def _replace_table(source: str, name: str, majority: dict[str, tuple[int, int]]) -> str:
    marker = f"{name} = [\n"
    start = source.index(marker) + len(marker)
    end = source.index("]\n", start)
    ranked = sorted(majority, key=lambda p: (-majority[p][1], p))
    body = "".join(f"  {{ phrase = {_quote(p)}, italic = {majority[p][0]}, roman = {majority[p][1]} }},\n" for p in ranked)
    return source[:start] + body + source[end:]


def _masculine(lexicon: Lexicon, phrase: str) -> bool:
    """Is `phrase` the masculine form of a phrase (a slip in a General Assembly text, which
    "opening-agreement" reports)? The lists give the feminine; the masculine is derived."""
    phrase_words = words(phrase)
    return any(phrase_words[position] in lexicon.feminine_of for position in lexicon.agreeing(phrase_words))


HEADER = "  # --- the official texts ({texts} {lang} texts with {kind} paragraphs, ../shared/corpus/official; tools/build_lexicons.py): occurrences in how many texts"
OTHERS = "  # --- other sources, not in the official texts"


def _slip(minority: int, majority: int) -> bool:
    """Is the rarer of two ways of setting a phrase a slip? Yes when it is seen less than a
    quarter as often as the other (2 of 314 "*Recognizing* also"); otherwise both are the
    texts' usage (9 "*Reaffirms* its commitment" beside 20 "*Reaffirms its commitment*")."""
    return 4 * minority < majority


def _replace_list(source: str, kind: str, ranked, counts, texts, total: int, lang: str, decided) -> str:
    start = source.index(f"[{kind}]\nphrases = [\n") + len(f"[{kind}]\nphrases = [\n")
    end = source.index("\n]\n", start)
    old = source[start:end].split("\n")
    listed = {words(phrase) for phrase in ranked}
    lines = [HEADER.format(texts=total, lang=lang, kind=kind)]
    width = max([len(p) for p in ranked] + [40]) + 4
    for phrase in ranked:
        count, many = counts[phrase], len(texts[phrase])
        note = f"{count} in {many} texts" if count > 1 else f"1: {min(texts[phrase])}"
        lines.append(f"  {_quote(phrase) + ',':<{width}}# {note}")
    kept: list[str] = []
    group: list[str] = []  # comment lines waiting for a phrase under them
    in_corpus_group = False
    for line in old:
        stripped = line.strip()
        if stripped.startswith("# ---"):
            in_corpus_group = stripped.startswith("# --- the official texts")
            group = [] if in_corpus_group or stripped.startswith(OTHERS.strip()) else [line]
            continue
        if not stripped or stripped.startswith("#") or in_corpus_group:
            continue
        phrase = tomllib.loads(f"x = [{stripped}\n]")["x"][0]
        if words(phrase) in listed or not decided(phrase):
            continue
        kept.extend(group)
        group = []
        kept.append(line)
    if kept:
        lines.append(OTHERS)
        lines.extend(kept)
    return source[:start] + "\n".join(lines) + source[end:]


def _quote(phrase: str) -> str:
    return '"' + phrase.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _replace_words(source: str, near: list[str]) -> str:
    marker = "# real words (tools/build_lexicons.py)\nwords = ["
    start = source.index(marker) + len(marker)
    end = source.index("]\n", start)
    body = ""
    line = "\n "
    for word in near:
        item = f" {_quote(word)},"
        if len(line) + len(item) > 100:
            body += line
            line = "\n "
        line += item
    body += line + "\n" if near else ""
    return source[:start] + body + source[end:]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--check", action="store_true", help="fail if a file differs from what the corpus gives")
    args = parser.parse_args()
    stale = []
    for lang in LANGUAGES:
        path = DATA / lang / "openings.toml"
        built = build(args.corpus, lang)
        if built != path.read_text(encoding="utf-8"):
            stale.append(str(path.relative_to(ROOT)))
            if not args.check:
                path.write_text(built, encoding="utf-8")
    if args.check and stale:
        print("not what the corpus gives (run tools/build_lexicons.py): " + ", ".join(stale), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
