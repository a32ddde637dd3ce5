"""Session knowledge beyond the rule fixtures: the ordinal tables against an independent
generator, the session finder, dates, and the hover text."""
from __future__ import annotations

import csv
import re
from datetime import date

import pytest
from num2words import num2words

from resolint import parse
from resolint.document.langdata import pack
from resolint.document.span import Span
from resolint.facts import Facts
from resolint.facts.dates import find_dates, first_date
from resolint.facts.sessions import mentions
from resolint.linter.hover import hover_at

from .conftest import CORPUS, ROOT, SPANISH_SAMPLE, require


def un_form(language: str, number: int) -> str:
    """num2words' ordinal, with the documented places where UN usage differs (see the header
    of rules/data/<lang>/ordinals.toml)."""
    words = num2words(number, to="ordinal", lang=language)
    if language == "es":
        words = words.replace("quadragésimo", "cuadragésimo")  # num2words' misspelling
        words = words.replace("décimoprimero", "undécimo").replace("décimosegundo", "duodécimo")
        words = re.sub(r"décimo (\w+)", lambda m: "decim" + (m.group(1) if m.group(1).startswith("o") else "o" + m.group(1)), words)
        words = re.sub(r"(primer|tercer)o$", r"\1", words)  # apocope before "período"
    if language == "fr":
        words = "première" if number == 1 else words.replace("quatre-vingtsième", "quatre-vingtième")
    return words


@pytest.mark.parametrize("language", ["en", "es", "fr"])
def test_ordinal_tables_match_an_independent_generator(language):
    table = pack(language).topic("ordinals")["sessions"]
    assert len(table) == 120
    wrong = [(n, table[n - 1], un_form(language, n)) for n in range(1, 121) if table[n - 1] != un_form(language, n)]
    assert not wrong, wrong


@pytest.mark.parametrize(
    ("language", "text", "session"),
    [
        ("en", "at its seventy-fifth session", "75"),
        ("en", "Official Records of the General Assembly, Sixty-fourth Session, Supplement", "64"),
        ("en", "the twenty-seventh special session of the General Assembly", "S-27"),
        ("en", "Tenth emergency special session", "ES-10"),
        ("en", "its one hundred and first session", "101"),
        ("es", "en su septuagésimo séptimo período de sesiones", "77"),
        ("es", "el décimo período extraordinario de sesiones de emergencia", "ES-10"),
        ("es", "el vigésimo séptimo período extraordinario de sesiones", "S-27"),
        ("fr", "à sa soixante et onzième session", "71"),
        ("fr", "la dixième session extraordinaire d'urgence", "ES-10"),
        ("fr", "Quatre-vingt-unième session", "81"),
    ],
)
def test_session_names_are_found(language, text, session):
    found = mentions(parse(text, language=language), pack(language))
    assert [m.session for m in found] == [session] and found[0].well_spelt


@pytest.mark.parametrize(
    ("language", "text", "correct"),
    [
        ("en", "at its seventy fifth session", "seventy-fifth"),
        ("en", "at its seventyfifth session", "seventy-fifth"),
        ("en", "Seventy-Fifth session", "Seventy-fifth"),
        ("en", "its one hundred first session", "one hundred and first"),
        ("es", "en su vigesimoprimer período de sesiones", "vigésimo primer"),
        ("es", "en su décimo primero período de sesiones", "undécimo"),
        ("es", "en su decimotercero período de sesiones", "decimotercer"),
        ("fr", "à sa soixante-et-onzième session", "soixante et onzième"),
        ("fr", "à sa vingt-et-unième session", "vingt et unième"),
        ("fr", "à sa premier session", "première"),
        # one letter from an ordinal (two in long compounds): read as that ordinal
        ("en", "at its seventy-nineth session", "seventy-ninth"),
        ("en", "Eightyeth session", "Eightieth"),
        ("en", "at its sevnty-ninth session", "seventy-ninth"),
        ("fr", "à sa soixante-dix-huitème session", "soixante-dix-huitième"),
        ("fr", "à sa soixante dix neuvème session", "soixante-dix-neuvième"),
        ("es", "en su octagésimo primer período de sesiones", "octogésimo primer"),
        ("es", "en su septuagésimo octvo período de sesiones", "septuagésimo octavo"),
    ],
)
def test_misspelt_ordinals_are_recognised_with_their_un_form(language, text, correct):
    found = mentions(parse(text, language=language), pack(language))
    assert len(found) == 1 and not found[0].well_spelt and found[0].correct == correct


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "at its substantive session"),
        ("en", "the first regular session of the Executive Board"),
        ("es", "durante el período 2021-2025 de sesiones"),
        ("es", "en el presente período de sesiones"),
        ("fr", "à sa session de fond"),
        # cardinals and other words near no ordinal, or too short to be read as one
        ("en", "the eight sessions of the Working Group"),
        ("en", "at its next session and at its last session"),
        ("es", "en sus cuatro períodos de sesiones"),
        ("es", "en su próximo período de sesiones y en el mismo período de sesiones"),
        ("fr", "lors des huit sessions et à la même session"),
    ],
)
def test_words_that_are_no_ordinal_are_no_session_name(language, text):
    assert mentions(parse(text, language=language), pack(language)) == ()


def test_two_ordinals_in_a_row_are_not_one_misspelt_compound():
    found = mentions(parse("the seventh and eighth sessions of the Committee"), pack("en"))
    assert [(m.written, m.session, m.well_spelt) for m in found] == [("eighth", "8", True)]


def test_a_misspelling_as_near_to_two_ordinals_names_no_session():
    found = mentions(parse("at its seventy-nixth session"), pack("en"))
    assert len(found) == 1 and not found[0].certain and found[0].alternatives == (76, 79)


@pytest.mark.parametrize(
    ("language", "text", "written"),
    [
        ("fr", "à sa soixante-vingtième session", "soixante-vingtième"),
        ("fr", "cette vingtième-troisième session", "vingtième-troisième"),
        ("fr", "les travaux de sa soixantième-huitième session", "soixantième-huitième"),
        ("en", "at its seventieth-fifth session", "seventieth-fifth"),
        ("en", "at its sixty-twentieth session", "sixty-twentieth"),
        ("es", "en su septuagésimo séptimo octavo período de sesiones", "septuagésimo séptimo octavo"),
    ],
)
def test_a_compound_whose_words_form_no_ordinal_names_no_session(language, text, written):
    """Not the session of its last word ("soixante-vingtième" is not the twentieth)."""
    found = mentions(parse(text, language=language), pack(language))
    assert [(m.written, m.malformed, m.certain) for m in found] == [(written, True, False)]


@pytest.mark.parametrize(
    ("language", "text", "session"),
    [
        ("fr", "à sa soixante-dix-huitième session", "78"),
        ("fr", "à sa quatre-vingtième session", "80"),
        ("fr", "à sa soixante et onzième session", "71"),
        ("fr", "à sa quatre-vingt-dix-septième session", "97"),
        ("fr", "à sa cent unième session", "101"),
        ("fr", "à ses deuxième et troisième sessions", "3"),
        ("en", "at its Seventy-fifth session", "75"),
        ("en", "at its one hundred and first session", "101"),
        ("en", "at its twenty-seventh and twenty-eighth sessions", "28"),
        ("es", "en su septuagésimo quinto período de sesiones", "75"),
        ("es", "en su octogésimo primer período de sesiones", "81"),
    ],
)
def test_valid_compounds_and_ordinals_side_by_side_stay_valid(language, text, session):
    found = mentions(parse(text, language=language), pack(language))
    assert [m.session for m in found if m.certain] == ([session] if session else [])
    assert not any(m.malformed for m in found)


def test_the_malformed_compounds_of_the_official_french_texts_name_no_session():
    """The published slips of issue 17: each was read as the ordinal of its last word."""
    files = {"A-RES-79-161.md": "soixante-vingtième", "A-RES-78-6.md": "vingtième-troisième",
             "A-RES-79-128.md": "soixantième-huitième"}
    require((CORPUS / "official/fr/A-RES-79-161.md").exists(), "official corpus absent")
    for name, written in files.items():
        doc = parse((CORPUS / "official/fr" / name).read_text(encoding="utf-8"), path=name)
        found = [m for m in Facts(doc).session_mentions if m.written == written]
        assert found and all(m.malformed and not m.certain for m in found), name


@pytest.mark.parametrize(
    ("language", "text", "session"),
    [
        ("es", "Septuagésimo octavo periodo de sesiones\n\n79/268. Centro Regional\n", "78"),
        ("en", "Seventy nineth session\n\n80/1. Title\n", "79"),
        ("fr", "Soixante-dix-huitieme session\n\n79/139. Coopération\n", "78"),
    ],
)
def test_a_misspelt_session_line_is_still_the_session_line(language, text, session):
    assert Facts(parse(text, language=language), pack(language)).current_session[0] == session


def test_the_spanish_noun_is_read_with_its_un_spelling():
    found = mentions(parse("en su septuagésimo octavo periodo de sesiones", language="es"), pack("es"))
    assert found[0].well_spelt and found[0].noun_correct == "período"


def test_a_mention_and_a_date_are_read_within_their_stretch_of_text():
    """Nothing is read across an empty line (document/stretches.py): the editor reads again
    only the stretches an edit touched. A line break alone is read across."""
    assert mentions(parse("en su septuagésimo octavo período\nde sesiones", language="es"), pack("es"))
    assert not mentions(parse("en su septuagésimo octavo período\n\nde sesiones", language="es"), pack("es"))
    assert not mentions(parse("the seventy-fifth\n\nsession", language="en"), pack("en"))
    text = "el 28 de abril de 2021\n\n28 de abril\n\nde 2021"
    assert [found.written for found in find_dates(text, pack("es"))] == ["28 de abril de 2021", "28 de abril"]
    assert [found.written for found in find_dates(text, pack("es"), text.index("\n\n") + 2)] == ["28 de abril"]


def test_dates_in_three_languages():
    assert _day("en", "adopted on 28 April 2021") == date(2021, 4, 28)
    assert _day("es", "el 28 de abril\nde 2021") == date(2021, 4, 28)
    assert _day("fr", "le 1<sup>er</sup> mai 2021") == date(2021, 5, 1)
    assert _day("fr", "le 1er mai 2021") == date(2021, 5, 1)


def _day(language: str, text: str) -> date:
    found = first_date(find_dates(text, pack(language)), Span(0, len(text)))
    return found.value


def test_hover_on_the_session_line_of_the_spanish_sample():
    text = SPANISH_SAMPLE.read_text(encoding="utf-8")
    item = hover_at(Facts(parse(text)), text.index("Septuagésimo quinto") + 3)
    assert item is not None
    assert "75th regular session of the General Assembly" in item.markdown
    assert "September 2020 – September 2021" in item.markdown
    assert "soixante-quinzième session" in item.markdown
    assert "Spanish:" not in item.markdown  # the title gives the Spanish name: not twice


def test_hover_is_careful_with_other_bodies_sessions():
    text = "*The General Assembly*,\n\n*Noting* the report of the Human Rights Council on its fifty-second session,\n"
    item = hover_at(Facts(parse(text)), text.index("fifty-second"))
    assert "of the body named here" in item.markdown and "September 1997 – September 1998" in item.markdown


def test_session_years_follow_the_documented_openings():
    """Session n opens in September of 1945 + n (facts §4.2): against the documented opening
    dates of sessions 71-80 in ../shared/data/ga_sessions.tsv."""
    table = ROOT.parent / "shared" / "data" / "ga_sessions.tsv"
    require(table.exists(), f"{table} is absent")
    with table.open(encoding="utf-8") as handle:
        rows = [row for row in csv.DictReader(handle, delimiter="\t") if row["opening_basis"].startswith("documented")]
    assert len(rows) >= 10
    for row in rows:
        n = int(row["session"])
        doc = parse(f"{pack('en').topic('ordinals')['sessions'][n - 1].capitalize()} session\n")
        markdown = hover_at(Facts(doc), 0).markdown
        opened = date.fromisoformat(row["opening_date"])
        assert f"September {opened.year} –" in markdown and opened.month == 9
