"""Property tests for the FN and SS rules: on drafts assembled from realistic pieces — in any
order, with footnote numbers and ordinals out of place — no rule fails, and fixing reaches a
text that fixing no longer changes."""
from __future__ import annotations

from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from resolint.linter.config import Config
from resolint.linter.engine import INTERNAL_ERROR, lint_text
from resolint.linter.fixes import apply_fixes, fix_until_stable

FAMILIES = Config(select=("FN", "SS"))

PIECES = {
    "en": [
        "Seventy-fifth session", "Seventy fifth session", "Resolution adopted by the General Assembly on 28 April 2021",
        "[without reference to a Main Committee (A/76/L.78 and Add.1)]", "75/276. Cooperation", "*The General Assembly*,",
        "*Recalling* its resolution 70/1,<sup>{n}</sup>", "*Noting* the report<sup>{n}</sup>, and<sup>{n}</sup> A/75/345.",
        "lower-case rest of a paragraph at its seventy-Fifth session,",
        "1. *Decides* to include in the provisional agenda of its seventy-fifth session the item.",
        "<sup>{n}</sup> A/75/{n}.", "*62th plenary meeting 27 April 2021*", "62 plenary meeting", "Annex",
    ],
    "es": [
        "**Septuagésimo primero período de sesiones**", "Resolución aprobada por la Asamblea General el 28 de abril de 2021",
        "*La Asamblea General*,", "*Recordando* la resolución,<sup>{n}</sup>", "incluidas<sup>{n}</sup> A/75/345.<sup>{n}</sup> Anexo.",
        "las de 13 de enero de 2010<sup>{n}</sup>,", "1. *Decide* incluir en el programa provisional de su septuagésimo quinto período de sesiones el tema.",
        "<sup>{n}</sup> Resolución {n}.", "*62º sesión plenaria 28 de abril de 2021*",
    ],
    "fr": [
        "Soixante-et-onzième session", "Résolution adoptée par l'Assemblée générale le 1er mai 2021", "*L'Assemblée générale*,",
        "*Rappelant* sa résolution,<sup>{n}</sup>", "1. *Décide* d'inscrire à l'ordre du jour provisoire de sa soixante-dixième session la question.",
        "<sup>{n}</sup> A/71/{n}.", "*1<sup>er</sup> séance plénière 2 mai 2021*",
    ],
}


@st.composite
def drafts(draw):
    language = draw(st.sampled_from(sorted(PIECES)))
    pieces = draw(st.lists(st.sampled_from(PIECES[language]), min_size=1, max_size=14))
    numbers = iter(draw(st.lists(st.integers(1, 6), min_size=40, max_size=40)))
    text = "\n\n".join(piece.replace("{n}", "%d") % tuple(next(numbers) for _ in range(piece.count("{n}"))) for piece in pieces)
    return language, text + "\n"


@settings(max_examples=150, deadline=None)
@given(drafts())
def test_rules_never_fail_and_fixes_reach_a_fixed_point(draft):
    language, text = draft

    def lint(current: str):
        found = lint_text(current, FAMILIES, language=language)
        assert not [d for d in found if d.code == INTERNAL_ERROR], [d.message for d in found]
        return found

    fixed, _ = fix_until_stable(text, lint, unsafe=True)
    assert apply_fixes(fixed, lint(fixed), unsafe=True)[0] == fixed


@settings(max_examples=150, deadline=None)
@given(drafts())
def test_moving_glued_footnote_texts_keeps_every_character(draft):
    language, text = draft
    glued = [d for d in lint_text(text, Config(select=("FN006",)), language=language)]
    moved, _ = apply_fixes(text, glued)
    assert Counter(c for c in moved if not c.isspace()) == Counter(c for c in text if not c.isspace())
