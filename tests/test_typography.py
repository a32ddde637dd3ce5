"""Typography is not a defect: rules read no-break spaces and hyphens as plain ones, and a fix
never removes them."""
from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from resolint import lint_text, parse
from resolint.grammar.typography import fold, restore
from resolint.linter.fixes import apply_fixes

NBSP, NNBSP, NBHYPHEN = "\u00a0", "\u202f", "\u2011"


def test_fold_keeps_every_offset():
    text = f"7{NBSP}octobre 2021 soixante{NBHYPHEN}dix{NBHYPHEN}neuvième{NNBSP}:"
    folded = fold(text)
    assert len(folded) == len(text)
    assert folded == "7 octobre 2021 soixante-dix-neuvième :"


def test_the_document_reads_folded_text_and_keeps_the_original():
    text = f"Soixante{NBHYPHEN}dix{NBHYPHEN}neuvième session\n"
    doc = parse(text)
    assert doc.text == fold(text) and doc.original == text


def test_restore_keeps_typography_around_a_change():
    original = f"le 7{NBSP}octobre 2021 ,"
    assert restore(original, "le 7 octobre 2021,") == f"le 7{NBSP}octobre 2021,"
    assert restore(original, fold(original)) == original
    assert restore(f"A{NBHYPHEN}B", "A-B-C") == f"A{NBHYPHEN}B-C"


@given(st.text(alphabet=f"ab ,.-{NBSP}{NNBSP}{NBHYPHEN}", max_size=30), st.text(alphabet="ab ,.-", max_size=30))
def test_restore_changes_only_typography(original: str, replacement: str):
    assert fold(restore(original, replacement)) == replacement


def test_a_date_with_a_no_break_space_is_in_form():
    for text in (f"*Rappelant* sa résolution 75/1 du 21{NBSP}septembre 2020,",
                 f"*Recordando* su resolución 75/1, de 21{NBSP}de septiembre de 2020,",
                 f"*Recalling* its resolution 75/1 of 21{NBSP}September 2020,"):
        assert not [d for d in lint_text(text) if d.code == "CT003"], text


def test_a_fix_next_to_a_no_break_space_keeps_it():
    text = f"*The General Assembly*,\n\n*Recalling* its resolution 75/1 of 21{NBSP}September 2020 ;\n\n1. *Decides* to act.\n"
    fixed, count = apply_fixes(text, lint_text(text))
    assert count and NBSP in fixed and fold(fixed) != fold(text)
