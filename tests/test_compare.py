"""`resolint compare`: the language versions of one resolution agree (issue 17)."""
from __future__ import annotations

import json
import re

import pytest

from resolint.facts import Facts
from resolint.grammar.parser import parse
from resolint.linter.compare import compare, read_versions
from tests.conftest import CORPUS, require
from tests.test_cli import err, out, run

OFFICIAL = CORPUS / "official"


def triple(name: str):
    paths = [OFFICIAL / language / name for language in ("en", "fr", "es")]
    require(all(path.is_file() for path in paths), f"the official corpus has no {name} in en, fr and es")
    return paths


def test_figures_pass_over_footnote_markers():
    """The digits of a footnote marker or of a footnote text's label are footnote numbers, not
    figures to compare; a figure just before or after a marker still is one."""
    text = (
        "*The General Assembly*,\n\n"
        "1. *Decides* to appropriate 1,500,000 dollars<sup>12</sup> for 2025[^3] and 450<sup>4</sup>posts;\n\n"
        "[^3]: See 900 items.\n"
    )
    figures = Facts(parse(text, language="en")).figures
    assert [(figure.written, figure.value) for figure in figures] == [
        ("1", "1"), ("1,500,000", "1500000"), ("2025", "2025"), ("450", "450"), ("900", "900")
    ]
    facts = Facts(parse(triple("A-RES-78-182.md")[1].read_text(encoding="utf-8")))
    markers = [reference.span for reference in facts.footnote_references]
    assert len(markers) > 10 and len(facts.figures) > 100
    assert not any(marker.start <= figure.span.start < marker.end for figure in facts.figures for marker in markers)


def test_versions_that_agree_exit_0():
    result = run("compare", *map(str, triple("A-RES-78-10.md")))
    assert result.returncode == 0, out(result) + err(result)
    assert out(result) == ""


def test_the_odd_one_out_carries_the_finding_and_quotes_the_others():
    # The Spanish A/RES/79/82 names the seventy-seventh session where English and French
    # name the seventy-ninth, in its session line and in footnote 1 (which cites A/79/35).
    en, fr, es = triple("A-RES-79-82.md")
    result = run("compare", str(en), str(fr), str(es), "--format", "json")
    assert result.returncode == 1
    found = json.loads(out(result))["diagnostics"]
    assert {d["path"] for d in found} == {str(es)}
    assert [(d["code"], d["line"]) for d in found] == [("LV006", 1), ("LV006", 17)]
    assert found[1]["message"] == "septuagésimo séptimo here, Seventy-ninth in the English version (line 17)"


def test_with_two_versions_the_finding_sits_on_both():
    en, _, es = triple("A-RES-79-82.md")
    result = run("compare", str(en), str(es))
    assert result.returncode == 1
    text = out(result)
    assert f"{en}:17:" in text and f"{es}:17:" in text
    assert "Seventy-ninth here, septuagésimo séptimo in the Spanish version (line 17)" in text


@pytest.mark.parametrize("output_format", ["sarif", "github", "junit", "text"])
def test_every_output_format(output_format):
    en, fr, es = triple("A-RES-79-82.md")
    result = run("compare", str(en), str(fr), str(es), "--format", output_format)
    assert result.returncode == 1
    assert "LV006" in out(result)


def test_bad_input_exits_2(tmp_path):
    en, fr, _ = triple("A-RES-79-82.md")
    other = triple("A-RES-78-10.md")[0]
    cases = {
        (str(en),): "two or more versions",
        (str(en), str(tmp_path / "missing.md")): "missing.md",
        (str(en), str(other)): "different texts",
        (str(en), "--lang", f"en={fr}", str(fr)): "both in English",
        (str(en), str(fr), "--lang", "de=x.md"): "--lang",
        (str(en), str(fr), "--format", "xml"): "--format",
    }
    for args, message in cases.items():
        result = run("compare", *args)
        assert result.returncode == 2, args
        assert message in err(result), (args, err(result))


def test_one_file_is_compared_with_the_versions_beside_it_or_mapped_to_it(tmp_path):
    en, fr, es = triple("A-RES-79-82.md")
    for path, name in ((en, "A-RES-79-82.en.md"), (es, "A-RES-79-82.es.docx.md"), (es, "A-RES-79-82.es.md")):
        (tmp_path / name).write_bytes(path.read_bytes())  # "es.docx.md" is no version's name
    result = run("compare", "A-RES-79-82.en.md", "--format", "json", cwd=tmp_path)
    assert result.returncode == 1, err(result)
    assert {d["path"] for d in json.loads(out(result))["diagnostics"]} == {"A-RES-79-82.en.md", "A-RES-79-82.es.md"}
    (tmp_path / "texts").mkdir()
    (tmp_path / "texts" / "anglais.md").write_bytes(en.read_bytes())
    (tmp_path / "texts" / "français.md").write_bytes(fr.read_bytes())
    (tmp_path / ".resolint.toml").write_text('[versions]\n"texts/français.md" = ["texts/anglais.md"]\n', encoding="utf-8")
    assert run("compare", "texts/anglais.md", cwd=tmp_path).returncode == 0  # a group: either file finds the other
    (tmp_path / ".resolint.toml").write_text('[versions]\n"texts/français.md" = []\n', encoding="utf-8")
    bad = run("compare", "texts/anglais.md", cwd=tmp_path)
    assert bad.returncode == 2
    assert err(bad).strip().endswith('versions."texts/français.md": expected one or more paths of other versions, none empty')
    alone = run("compare", str(en))
    assert alone.returncode == 2 and "none named in [tool.resolint.versions] or beside it" in err(alone)


# --- mutations: each injected divergence is found at the right paragraph of the right version

def _blocks(text: str) -> list[str]:
    return text.split("\n\n")


def _operative(blocks: list[str]) -> list[int]:
    return [i for i, block in enumerate(blocks) if re.match(r"\d+\. ", block)]


def _replace_in_block(pattern: str, change):
    def mutate(blocks: list[str]):
        for i in _operative(blocks) + [i for i, b in enumerate(blocks) if b.startswith("*")]:
            match = re.search(pattern, blocks[i])
            if match:
                blocks[i] = blocks[i][: match.start()] + change(match) + blocks[i][match.end() :]
                return i, (i,)
        return None
    return mutate


def _drop(blocks):
    ops = _operative(blocks)
    if len(ops) < 3:
        return None
    i = ops[len(ops) // 2]
    del blocks[i]
    return i, (i - 1, i)  # found where it would stand: at the paragraph before (or after)


def _duplicate(blocks):
    ops = _operative(blocks)
    if len(ops) < 2:
        return None
    i = ops[len(ops) // 2]
    blocks.insert(i + 1, blocks[i])
    return i + 1, (i, i + 1)


def _swap(blocks):
    ops = _operative(blocks)
    if len(ops) < 3:
        return None
    i, j = ops[0], ops[1]
    blocks[i], blocks[j] = blocks[j], blocks[i]
    return i, (i, j)


MUTATIONS = {
    "drop": _drop,
    "duplicate": _duplicate,
    "swap": _swap,
    "date": _replace_in_block(r"\b(\d{1,2})(?= (?:janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre) \d{4})",
                              lambda m: str(int(m.group(1)) % 28 + 1)),
    "symbol": _replace_in_block(r"\bA/\d+/\d+\b", lambda m: m.group() + "1"),
    "figure": _replace_in_block(r"(?<![\w/.,])\d{3,}(?![\w/.,])", lambda m: str(int(m.group()) + 1)),
    "session": _replace_in_block(r"\bsoixante-dix-huitième\b", lambda m: "soixante-dix-septième"),
    "footnote": _replace_in_block(r"<sup>(\d+)</sup>", lambda m: f"<sup>{int(m.group(1)) + 50}</sup>"),
}


def _line_of_block(blocks: list[str], index: int) -> int:
    return sum(block.count("\n") + 2 for block in blocks[:index]) + 1


def test_injected_divergences_are_found_at_the_right_paragraph(tmp_path):
    names = sorted(path.name for path in (OFFICIAL / "en").glob("A-RES-78-*.md"))[:60]
    require(bool(names), "the official corpus is absent")
    tried = found = 0
    missed = []
    for name in names:
        paths = [OFFICIAL / language / name for language in ("en", "fr", "es")]
        if not all(path.is_file() for path in paths) or any(v.diagnostics for v in compare(read_versions(paths, {}))):
            continue
        for kind, mutate in MUTATIONS.items():
            blocks = _blocks(paths[1].read_text(encoding="utf-8"))
            applied = mutate(blocks)
            if applied is None:
                continue
            mutated = tmp_path / f"{kind}-{name}"
            mutated.write_text("\n\n".join(blocks), encoding="utf-8")
            versions = compare(read_versions([paths[0], mutated, paths[2]], {}))
            lines = {_line_of_block(blocks, i) for i in applied[1]}
            on_fr = {versions[1].side.doc.lines.line_of(d.span.start) for d in versions[1].diagnostics}
            tried += 1
            if lines & on_fr and not versions[0].diagnostics and not versions[2].diagnostics:
                found += 1
            else:
                missed.append((kind, name, sorted(lines), sorted(on_fr)))
    print(f"mutations found: {found}/{tried}", missed)
    assert tried >= 100
    assert found / tried >= 0.98, (found, tried, missed)
