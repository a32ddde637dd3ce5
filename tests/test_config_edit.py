"""The minimal edit that adds a project phrase to a configuration file's text: each layout
keeps every other line and comment, and what cannot be edited safely says why."""
from __future__ import annotations

import pytest

from resolint.linter.config_edit import EditError, add_phrase

PHRASE = "Noting with deep appreciation"
ENTRY = f'"{PHRASE}"'


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("", f'# resolint configuration (see `resolint config`)\n\n[phrases]\nen.preambular = [{ENTRY}]\n'),
        ('# ours\nlanguage = "en"', f'# ours\nlanguage = "en"\n\n[phrases]\nen.preambular = [{ENTRY}]\n'),
        ('[phrases]\nen.operative = ["Decides firmly"]  # ours\n\n[severity]\nVB005 = "info"\n',
         f'[phrases]\nen.operative = ["Decides firmly"]  # ours\nen.preambular = [{ENTRY}]\n\n[severity]\nVB005 = "info"\n'),
        ('[phrases]\nen.preambular = ["A", "B"]  # two\n', f'[phrases]\nen.preambular = ["A", "B", {ENTRY}]  # two\n'),
        ('[phrases]\nen.preambular = []\n', f'[phrases]\nen.preambular = [{ENTRY}]\n'),
        ('[phrases]\nen.preambular = [\n    "A",\n    "B",  # the B\n]\n',
         f'[phrases]\nen.preambular = [\n    "A",\n    "B",  # the B\n    {ENTRY},\n]\n'),
        ('[phrases]\nen.preambular = [\n  "A",\n  "B"\n]\n', f'[phrases]\nen.preambular = [\n  "A",\n  "B",\n  {ENTRY}\n]\n'),
        ('[phrases]\r\nen.preambular = [\r\n  "A",\r\n]\r\n', f'[phrases]\r\nen.preambular = [\r\n  "A",\r\n  {ENTRY},\r\n]\r\n'),
        ("[phrases.en]\noperative = ['x']\n", f"[phrases.en]\noperative = ['x']\npreambular = [{ENTRY}]\n"),
        ('[phrases]\n"en".\'preambular\' = ["A"] # q\n', f'[phrases]\n"en".\'preambular\' = ["A", {ENTRY}] # q\n'),
        ('x = """\n[phrases]\n"""\n[phrases]\nen.preambular = ["A"]\n', f'x = """\n[phrases]\n"""\n[phrases]\nen.preambular = ["A", {ENTRY}]\n'),
    ],
)
def test_the_phrase_is_added_in_the_files_own_layout(before, after):
    assert add_phrase(before, ("phrases",), "en", "preambular", PHRASE) == after


def test_a_pyproject_gets_a_tool_table_at_the_end():
    before = '[project]\nname = "drafts"\n\n[tool.resolint]\nlanguage = "es"  # always\n'
    after = add_phrase(before, ("tool", "resolint", "phrases"), "es", "operative", 'Toma "nota"')
    assert after == before + '\n[tool.resolint.phrases]\nes.operative = ["Toma \\"nota\\""]\n'


@pytest.mark.parametrize(
    ("before", "phrase", "reason"),
    [
        ('phrases = {en = {preambular = ["A"]}}\n', PHRASE, "is not a list resolint can add to; add the phrase there by hand"),
        ('[phrases]\nen.preambular = "A"\n', PHRASE, "is not a list; write it as one first"),
        (f"[phrases]\nen.preambular = [{ENTRY}]\n", PHRASE, "is already listed in phrases.en.preambular"),
        ("language = \n", PHRASE, "it is not valid TOML"),
        ("", "*Noting*", "cannot be listed: write the phrase without its italics markers"),
    ],
)
def test_what_cannot_be_edited_safely_says_why(before, phrase, reason):
    with pytest.raises(EditError, match=reason.replace("(", r"\(")):
        add_phrase(before, ("phrases",), "en", "preambular", phrase)
