"""Footnote rules beyond their fixtures: the glued-text fix on the real Spanish sample, the
renumbering fix, and superscript ordinal suffixes that are no footnote markers."""
from __future__ import annotations

from collections import Counter

from resolint import parse
from resolint.linter.config import Config
from resolint.linter.engine import lint_text
from resolint.linter.fixes import apply_fixes

from .conftest import SPANISH_SAMPLE

FN = Config(select=("FN",))


def _visible(text: str) -> Counter:
    return Counter(char for char in text if not char.isspace())


def test_glued_footnote_fix_on_the_spanish_sample_keeps_every_character_and_is_idempotent():
    text = SPANISH_SAMPLE.read_text(encoding="utf-8")
    found = [d for d in lint_text(text, FN) if d.code == "FN006"]
    assert len(found) == 1 and found[0].fix is not None
    fixed, count = apply_fixes(text, found)
    assert count == 1
    assert _visible(fixed) == _visible(text)
    assert "incluidas las de 13 de enero de 2010<sup>3</sup>" in fixed
    doc = parse(fixed)
    assert not [note for note in doc.footnotes if note.glued]
    assert [note.label for note in doc.footnotes] == ["1", "2", "3", "4", "5", "6", "7"]
    again = lint_text(fixed, FN)
    assert apply_fixes(fixed, again, unsafe=True)[0] == fixed


def test_renumbering_keeps_each_text_with_its_reference():
    text = (
        "*The General Assembly*,\n\n*Recalling* A,<sup>1</sup> B,<sup>5</sup> C<sup>2</sup> and D,<sup>3,4</sup>\n\n"
        "1. *Decides* to act.\n\n<sup>1</sup> a.\n\n<sup>2</sup> c.\n\n<sup>3</sup> d3.\n\n<sup>4</sup> d4.\n\n<sup>5</sup> b.\n"
    )
    fixed, _ = apply_fixes(text, lint_text(text, FN), unsafe=True)
    assert "A,<sup>1</sup> B,<sup>2</sup> C<sup>3</sup> and D,<sup>4,5</sup>" in fixed
    assert fixed.endswith("<sup>1</sup> a.\n\n<sup>2</sup> b.\n\n<sup>3</sup> c.\n\n<sup>4</sup> d3.\n\n<sup>5</sup> d4.\n")
    assert not [d for d in lint_text(fixed, FN) if d.severity <= 2]


def test_no_renumbering_when_references_and_texts_do_not_correspond():
    text = "*The General Assembly*,\n\n*Recalling* A,<sup>2</sup>\n\n1. *Decides* to act.\n\n<sup>1</sup> a.\n"
    sequence = [d for d in lint_text(text, FN) if d.code == "FN001"]
    assert sequence and sequence[0].fix is None


def test_ordinal_suffixes_in_superscript_are_not_footnote_markers():
    text = "*L’Assemblée générale*,\n\n*Rappelant* sa décision du 1<sup>er</sup> mai 2021,\n\n1. *Décide* d’agir.\n\n*1<sup>re</sup> séance plénière 17 septembre 2024*\n"
    found = lint_text(text, Config(select=("ST009", "FN")), language="fr")
    assert found == []
