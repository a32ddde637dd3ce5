"""The opening-phrase lexicons (resolint/rules/data/<lang>/openings.toml) and the suggestions
made from them: the contract other code relies on, coverage of the real texts, and the
promise that a one-letter slip is put right."""
from __future__ import annotations

import importlib.util
import re
import tomllib
from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from resolint.document.langdata import LANGUAGES, pack
from resolint.facts.openings import openings
from resolint.grammar.lexicon import (
    FEMININE,
    KINDS,
    MASCULINE,
    OPERATIVE,
    PREAMBULAR,
    fold,
    held_out,
    lexicon,
    words,
)
from resolint.grammar.parser import parse
from resolint.rules.verbs.suggest import (
    correct_word,
    edit_distance,
    same_words,
    suggest,
)

from .conftest import CORPUS, ROOT, SPANISH_SAMPLE, corpus_files, require

ENGLISH = corpus_files("en")
ALPHABETS = {"en": "abcdefghijklmnopqrstuvwxyz", "es": "abcdefghijklmnopqrstuvwxyzáéíóúñü", "fr": "abcdefghijklmnopqrstuvwxyzàâçéèêëîïôùûü"}


def _openings(path: Path):
    """(kind, italic text) of every opening emphasis of the text's paragraphs."""
    doc = parse(path.read_text(encoding="utf-8"), path=str(path))
    for kind, paragraphs in ((PREAMBULAR, doc.preambular), (OPERATIVE, doc.operative)):
        for paragraph in paragraphs:
            if paragraph.opening is not None:
                yield kind, doc.slice(paragraph.opening.inner)


# --- the contract ---------------------------------------------------------------------------

@pytest.mark.parametrize("language", LANGUAGES)
def test_phrase_lists_keep_their_contract(language):
    """[preambular].phrases and [operative].phrases are lists of complete phrases, as they
    stand in italics (editor completion reads them)."""
    data = pack(language).topic("openings")
    known = lexicon(pack(language))
    for kind in KINDS:
        phrases = data[kind]["phrases"]
        assert isinstance(phrases, list) and len(phrases) >= 50
        assert len(set(phrases)) == len(phrases), [p for p in phrases if phrases.count(p) > 1]
        for phrase in phrases:
            assert isinstance(phrase, str) and phrase == phrase.strip() and "  " not in phrase, repr(phrase)
            assert phrase[0].isupper() and phrase[-1].isalpha(), repr(phrase)
            assert kind in known.kinds(words(phrase)), f"{language}: {phrase!r} is not known as {kind}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_other_tables_name_known_phrases(language):
    known = lexicon(pack(language))
    data = pack(language).topic("openings")
    for operative, preambular in data["counterparts"]["pairs"]:  # heads of phrases, not always phrases
        assert words(operative)[0] in known.heads[OPERATIVE], operative
        # a participle no preamble opens with ("Requesting") is there to tell a misplaced one
        assert OPERATIVE not in known.kinds(words(preambular)), preambular
    for organ, prefixes in data["organ_only"].items():
        assert organ in ("GA", "SC", "ECOSOC", "HRC")
        for prefix in prefixes:
            assert known.kinds(words(prefix)), prefix
    for table in ("either_side", "roman", "loose"):
        assert all(word == fold(word) for word in data["extent"][table]), table
    if language == "en":
        assert "agreement" not in data
    else:
        assert set(data["agreement"]["organs"].values()) == {FEMININE, MASCULINE}
        feminine = {fold(f) for _, f in data["agreement"]["pairs"]}
        used = {word for phrase in data[PREAMBULAR]["phrases"] for word in words(phrase)}
        assert feminine & used, "the gender pairs match none of the listed phrases"
        masculine = {fold(m) for m, _ in data["agreement"]["pairs"]}
        for phrase in data[PREAMBULAR]["phrases"]:  # the gendered words that agree with the organ
            agreeing = {words(phrase)[i] for i in known.agreeing(words(phrase))}
            assert not masculine & agreeing, f"{phrase!r}: phrases are listed in the feminine"


# --- coverage of the real texts -------------------------------------------------------------

def test_every_opening_of_the_adopted_english_texts_is_known():
    """Known as it stands, or known as the phrase its italics should cover: a slip that
    "opening-italic-extent" reports ("*Expresses* concern") and the corpus expectations record."""
    require(len(ENGLISH) >= 100, "the shared corpus (126 adopted English texts) is absent")
    known = lexicon(pack("en"))
    seen = 0
    problems, slips = [], []
    for path in ENGLISH:
        doc = parse(path.read_text(encoding="utf-8"), path=str(path))
        for opening in openings(doc, known):
            if opening.emphasis is None:
                continue
            seen += 1
            if not opening.whole:
                (slips if opening.extent is not None else problems).append(f"{path.name}: {doc.slice(opening.emphasis.span)}")
    assert seen > 5000
    assert not problems, problems
    recorded = {entry["file"] for entry in tomllib.loads((ROOT / "tests" / "corpus_expectations" / "VB.toml").read_text(encoding="utf-8"))["finding"] if entry["code"] == "VB002"}
    assert {f"en/{slip.split(':')[0]}" for slip in slips} <= recorded, slips


def test_every_opening_of_the_spanish_sample_is_known():
    known = lexicon(pack("es"))
    openings = list(_openings(SPANISH_SAMPLE))
    assert len(openings) == 24
    assert [italic for _, italic in openings if not known.kinds(words(italic))] == []


def _builder():
    spec = importlib.util.spec_from_file_location("build_lexicons", ROOT / "tools" / "build_lexicons.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


OFFICIAL = CORPUS / "official"


def test_the_lexicons_are_what_the_official_texts_give():
    """tools/build_lexicons.py rebuilds the phrase lists, with their counts, from the official
    texts: the shipped files are its output (run it after changing the corpus or the tables)."""
    require((OFFICIAL / "STRUCTURE.tsv").is_file(), "the official corpus (../shared/corpus/official) is absent")
    builder = _builder()
    for language in LANGUAGES:
        path = ROOT / "resolint" / "rules" / "data" / language / "openings.toml"
        assert builder.build(CORPUS, language) == path.read_text(encoding="utf-8"), f"{path}: run tools/build_lexicons.py"


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_official_opening_is_known_in_its_language(language):
    """Every opening phrase of the official texts — preambular ones as STRUCTURE.tsv gives
    them, operative ones as the italics after "N. " — is known, but for the few that the
    language's openings.toml names: `[corpus].not_listed` (slips of the text or the XML, with
    the reason) and `[corpus].roman_majority` (italics that run on over words the other texts
    set in roman, "*Takes note of*"). An opening of adverbs alone ("*Profundamente*
    preocupada") is the italics stopping short, which "opening-italic-extent" reports."""
    require((OFFICIAL / "STRUCTURE.tsv").is_file(), "the official corpus (../shared/corpus/official) is absent")
    found = _builder().official_openings(CORPUS, language)
    data = pack(language).topic("openings")
    known = lexicon(pack(language))
    excused = {entry["phrase"] for table in ("not_listed", "roman_majority") for entry in data["corpus"][table]}
    assert len(data["corpus"]["not_listed"]) <= 10  # a short list, each with its reason
    assert all(entry["reason"] for entry in data["corpus"]["not_listed"])
    unknown, seen = [], 0
    for kind in KINDS:
        for phrase, name in found[kind]:
            if not phrase:
                continue  # no opening phrase in the XML (italics lost: "opening-phrase-not-italic")
            seen += 1
            if phrase in excused or not known.core(words(phrase)):
                continue
            if not known.kinds(words(phrase)):
                unknown.append(f"{name}: {phrase}")
    assert seen > 20000
    assert unknown == []


def test_no_rare_corpus_phrase_looks_misspelt_when_its_text_is_left_out():
    """The claim behind "opening-phrase-misspelt" being a warning: take each adopted text's
    own phrases out of the lexicon; none of its openings then looks like a misspelling."""
    require(len(ENGLISH) >= 100, "the shared corpus (126 adopted English texts) is absent")
    occurrences = {path.name: [re.sub(r"\s+", " ", italic).strip(" .") for _, italic in _openings(path)] for path in ENGLISH}
    misspelt, unknown, total = [], 0, 0
    for name, phrase, without in held_out(pack("en").topic("openings"), occurrences):
        total += 1
        if without.kinds(words(phrase)):
            continue
        unknown += 1
        slips = [w for w in words(phrase) if correct_word(without, w)]
        if slips:
            misspelt.append(f"{name}: {phrase!r} ({slips})")
    assert misspelt == []
    assert 0 < unknown / total < 0.03  # the rate VB005's documentation gives (2%)


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_official_opening_looks_misspelt_when_its_text_is_left_out(language):
    """The claim behind "opening-phrase-misspelt" being a warning, on the official texts: with
    each text's own phrases taken out of the lexicon, none of its openings looks misspelt
    (`[misspelling].words` keeps the real words near opening words), but for the slips of the
    XML that `[corpus].not_listed` names ("*Rappelan*t": "opening-italic-extent" reports them)."""
    require((OFFICIAL / "STRUCTURE.tsv").is_file(), "the official corpus (../shared/corpus/official) is absent")
    found = _builder().official_openings(CORPUS, language)
    data = pack(language).topic("openings")
    slips = {entry["phrase"] for entry in data["corpus"]["not_listed"]}
    occurrences: dict[str, list[str]] = {}
    for kind in KINDS:
        for phrase, name in found[kind]:
            if phrase and phrase not in slips:
                occurrences.setdefault(name, []).append(phrase)
    misspelt, unknown, total = [], 0, 0
    for name, phrase, without in held_out(data, occurrences):
        total += 1
        if without.kinds(words(phrase)):
            continue
        unknown += 1
        if any(correct_word(without, word) for word in words(phrase)):
            misspelt.append(f"{name}: {phrase!r}")
    assert misspelt == []
    assert unknown / total < 0.01


# --- suggestions ----------------------------------------------------------------------------

def test_a_misspelling_gets_its_phrase_first():
    en, es, fr = (lexicon(pack(code)) for code in LANGUAGES)
    assert suggest(en, "Reafirming", PREAMBULAR)[0] == "Reaffirming"
    assert suggest(en, "Noting with apreciation", PREAMBULAR)[0] == "Noting with appreciation"
    assert suggest(es, "Convencdia", PREAMBULAR, FEMININE)[0] == "Convencida"
    assert suggest(es, "Convencdio", PREAMBULAR, MASCULINE)[0] == "Convencido"
    assert suggest(fr, "Profondément préocupée", PREAMBULAR, FEMININE)[0] == "Profondément préoccupée"
    assert suggest(es, "Reafirman", OPERATIVE)[0] == "Reafirma"  # another form of the same verb


def test_a_suggestion_never_changes_the_meaning():
    """Only the same words, in another form or misspelt, are offered: never another known
    word ("Condemning" for "Commending"), nor a word more or less ("Expressing deep concern")."""
    en, es, fr = (lexicon(pack(code)) for code in LANGUAGES)
    assert not same_words(en, words("Commending"), words("Condemning"))
    assert not same_words(en, words("Expressing concern"), words("Expressing deep concern"))
    assert not same_words(en, words("Reaffirming its total support"), words("Reaffirming its strong support"))
    assert same_words(en, words("Reafirming its support"), words("Reaffirming its support"))
    assert same_words(fr, words("Réaffirment"), words("Réaffirme"))
    assert suggest(en, "Reaffirming its total support", PREAMBULAR) == ()
    for phrase in ("Commendings", "Condemnings"):  # a form of one of them: that one only
        assert all(words(found)[0][:4] == fold(phrase)[:4] for found in suggest(en, phrase, PREAMBULAR)), phrase


def _genders(language: str):
    return (None,) if language == "en" else (FEMININE, MASCULINE, None)


@st.composite
def misspellings(draw):
    language = draw(st.sampled_from(LANGUAGES))
    known = lexicon(pack(language))
    kind = draw(st.sampled_from(KINDS))
    gender = draw(st.sampled_from(_genders(language)))
    entries = known.phrases_for(kind, gender)
    entry = draw(st.sampled_from(entries))
    letters = [index for index, char in enumerate(entry) if char.isalpha()]
    index = draw(st.sampled_from(letters))
    letter = draw(st.sampled_from(ALPHABETS[language]))
    how = draw(st.sampled_from(("substitute", "insert", "delete")))
    if how == "substitute":
        wrong = entry[:index] + letter + entry[index + 1 :]
    elif how == "insert":
        wrong = entry[:index] + letter + entry[index:]
    else:
        wrong = entry[:index] + entry[index + 1 :]
    return known, kind, gender, entries, entry, wrong


@settings(max_examples=500, deadline=None)
@given(misspellings())
def test_one_letter_misspelling_of_any_entry_suggests_that_entry_first(case):
    known, kind, gender, entries, entry, wrong = case
    assume(fold(wrong) != fold(entry))
    # A slip that is one letter from two entries ("Fait siens" / "Fait sien" -> "Fait sienx")
    # cannot name both first; those are the lexicon's true ambiguities, set aside.
    folded = fold(wrong)
    assume(not any(
        other != entry and abs(len(other) - len(wrong)) <= 1 and edit_distance(folded, fold(other)) <= 1
        for other in entries
    ))
    # a slip that makes another real word ("Observando" -> "Observado") is not offered a
    # phrase of other words (test_a_suggestion_never_changes_the_meaning)
    assume(same_words(known, words(wrong), words(entry)))
    assert suggest(known, wrong, kind, gender)[0] == entry
