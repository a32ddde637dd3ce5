"""The VB rules beyond their fixtures: fixes that move italics never change a word, and settle
in one pass."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from resolint.document.langdata import pack
from resolint.grammar.lexicon import OPERATIVE, PREAMBULAR, lexicon
from resolint.linter.config import Config
from resolint.linter.engine import lint_text
from resolint.linter.fixes import apply_fixes

CHAPEAU = {"en": "The General Assembly", "es": "La Asamblea General", "fr": "L'Assemblée générale"}
OBJECT = {"en": "of the report of the Secretary-General", "es": "del informe del Secretario General",
          "fr": "du rapport du Secrétaire général"}
MARKUP_RULES = Config(select=("VB001", "VB002", "VB007"))


@st.composite
def drafts(draw):
    """A short resolution whose opening phrases have their italics anywhere: none, too short,
    too long, just right."""
    language = draw(st.sampled_from(("en", "es", "fr")))
    known = lexicon(pack(language))
    paragraphs = []
    for kind in (PREAMBULAR, OPERATIVE):
        phrase = draw(st.sampled_from(known.phrases[kind]))
        words = f"{phrase} {OBJECT[language]}".split()
        italic = draw(st.integers(min_value=0, max_value=len(words)))
        opening = (f"*{' '.join(words[:italic])}* " if italic else "") + " ".join(words[italic:])
        paragraphs.append(opening.strip() + ("," if kind == PREAMBULAR else "."))
    chapeau = CHAPEAU[language] if draw(st.booleans()) else f"*{CHAPEAU[language]}*"
    return language, f"{chapeau},\n\n{paragraphs[0]}\n\n1. {paragraphs[1]}\n"


@settings(max_examples=200, deadline=None)
@given(drafts())
def test_italic_fixes_keep_the_words_and_settle_at_once(case):
    language, text = case
    diagnostics = lint_text(text, MARKUP_RULES, language=language)
    fixed, _ = apply_fixes(text, diagnostics)
    assert fixed.replace("*", "") == text.replace("*", "")
    again = lint_text(fixed, MARKUP_RULES, language=language)
    assert apply_fixes(fixed, again)[0] == fixed
    assert not [d for d in again if d.fix], [d.message for d in again]

