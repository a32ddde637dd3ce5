"""The citation scan (resolint/facts/citations.py), the date scan and the hover material,
in English, Spanish and French."""
from __future__ import annotations

import pytest

from resolint import lint_text, parse
from resolint.document.langdata import pack
from resolint.facts import Facts
from resolint.facts.dates import find_dates
from resolint.linter.hover import hover_at, hover_items
from resolint.rules.citations.common import session_window

from .conftest import SPANISH_SAMPLE

CHAPEAU = {"en": "*The General Assembly*,", "es": "*La Asamblea General*,", "fr": "*L'Assemblée générale*,"}
SC_CHAPEAU = {"en": "*The Security Council*,", "es": "*El Consejo de Seguridad*,", "fr": "*Le Conseil de sécurité*,"}


def items(paragraph: str, language: str = "en", chapeau=CHAPEAU):
    doc = parse(f"{chapeau[language]}\n\n{paragraph}\n", language=language)
    return [(item.number, item.body, doc.slice(item.date.span) if item.date else None)
            for found in Facts(doc, pack(language)).citations for item in found.items]


@pytest.mark.parametrize("language, paragraph", [
    ("en", "*Recalling* its resolutions 64/256 of 2 March 2010, 65/122 of 13 December 2010 and 73/331 of 25 July 2019,"),
    ("es", "*Recordando* sus resoluciones 64/256, de 2 de marzo de 2010, 65/122, de 13 de diciembre de 2010, y 73/331, de 25 de julio de 2019,"),
    ("fr", "*Rappelant* ses résolutions 64/256 du 2 mars 2010, 65/122 du 13 décembre 2010 et 73/331 du 25 juillet 2019,"),
])
def test_a_dated_list_in_each_language(language, paragraph):
    found = items(paragraph, language)
    assert [(number, body) for number, body, _ in found] == [("64/256", "GA"), ("65/122", "GA"), ("73/331", "GA")]
    assert all(date for _, _, date in found)


def test_number_forms():
    found = items("*Recalling* resolutions 1514 (XV) of 14 December 1960, 217 A (III), S-30/1, 53/243 A and B "
                  "of 13 September 1999, 3419 A to D (XXX), Economic and Social Council resolution 2009/28 of "
                  "31 July 2009 and its decision 74/555,")
    assert [(n, b) for n, b, _ in found] == [
        ("1514 (XV)", None), ("217 A (III)", None), ("S-30/1", None), ("53/243 A and B", None),
        ("3419 A to D (XXX)", None), ("2009/28", "ECOSOC"), ("74/555", "GA")]
    doc = parse(f"{CHAPEAU['en']}\n\n*Recalling* resolutions 3419 A to D (XXX) and 53/243 A and B,\n")
    lists = Facts(doc, pack("en")).citations
    assert lists[0].items[0].parts == ("A", "B", "C", "D") and lists[0].items[1].numbers() == ("53/243 A", "53/243 B")


def test_security_council_forms():
    assert items("*Recalling* Security Council resolution 1631 (2005) of 17 October 2005,")[0] == ("1631 (2005)", "SC", "17 October 2005")
    # In a Council text, a later mention drops the year: "resolutions 1616 of 29 July 2005".
    assert items("*Recalling* its resolutions 1616 of 29 July 2005 and 1596,", chapeau=SC_CHAPEAU) == [
        ("1616", "SC", "29 July 2005"), ("1596", "SC", None)]
    # Elsewhere a bare number is not taken for a citation ("resolution 1" of a conference report).
    assert items("*Recalling* the report of the Conference, chap. I, resolution 1, annex,") == []
    assert items("*Recordando* la resolución 1631 (2005) del Consejo de Seguridad, de 17 de octubre de 2005,", "es") == [
        ("1631 (2005)", "SC", "17 de octubre de 2005")]
    assert items("*Rappelant* la résolution 1631 (2005) du Conseil de sécurité, en date du 17 octobre 2005,", "fr") == [
        ("1631 (2005)", "SC", "17 octobre 2005")]


def test_the_organ_is_read_from_the_words_around():
    found = items("*Recalling* Human Rights Council resolutions 36/6 of 28 September 2017 and 45/3 of 6 October 2020, "
                  "United Nations Environment Assembly resolution 5/11 of 2 March 2022, Commission on Narcotic Drugs "
                  "resolution 64/1 of 16 April 2021, and the Human Rights Council in its resolution 53/30 of 14 July 2023,")
    assert [body for _, body, _ in found] == ["HRC", "HRC", "OTHER", "OTHER", "HRC"]
    found = items("*Recalling* the decision in its resolution 71/124 of 7 December 2016, and resolution 27/2 of 18 May 2018,")
    assert [(n, b) for n, b, _ in found] == [("71/124", "GA"), ("27/2", None)]
    found = items("*Recordando* la resolución 49/1 del Consejo de Derechos Humanos, de 4 de marzo de 2022,", "es")
    assert found == [("49/1", "HRC", "4 de marzo de 2022")]


def test_a_list_goes_on_after_a_description():
    found = items("*Recalling* its resolutions 77/298 of 22 June 2023, entitled “The Strategy: eighth review”, and "
                  "77/318 of 25 July 2023 on dialogue, and 10/3, which is not dated,")
    assert [n for n, _, _ in found] == ["77/298", "77/318"]


def test_dates_in_each_language():
    text = "1er janvier 2004, 1 janvier 2004, 1<sup>er</sup> mars 2020, 31 juin 2020, 2 Décembre 2004"
    found = [(text[d.span.start:d.span.end], d.valid, d.canonical) for d in find_dates(text, pack("fr"))]
    assert found == [("1er janvier 2004", True, None), ("1 janvier 2004", True, "1er janvier 2004"),
                     ("1<sup>er</sup> mars 2020", True, None), ("31 juin 2020", False, None),
                     ("2 Décembre 2004", True, "2 décembre 2004")]
    text = "December 2, 2004; 2nd December 2004; paragraph 2 may apply; 45 May; 29 February 2024"
    found = [(text[d.span.start:d.span.end], d.canonical) for d in find_dates(text, pack("en"))]
    assert found == [("December 2, 2004", "2 December 2004"), ("2nd December 2004", "2 December 2004"),
                     ("29 February 2024", None)]


def test_a_date_wrapped_across_lines_reads_as_one():
    """The line break inside a paragraph reads as a space, in the date and in CT003's message."""
    text = "*The General Assembly*,\n\n*Recalling* the meeting of 13 december\n2010,\n"
    (found,) = find_dates(text, pack("en"))
    assert (found.written, found.canonical, found.year) == ("13 december 2010", "13 December 2010", 2010)
    messages = [d.message for d in lint_text(text) if d.code == "CT003"]
    assert messages == ["Write the date “13 december 2010” as “13 December 2010”"]
    text = "*The General Assembly*,\n\n*Recalling* its resolution 74/54 of 19 December\n2019,\n"
    (message,) = [d.message for d in lint_text(text) if d.code == "CT008"]
    assert "not on “19 December 2019”" in message


def test_the_record_of_each_citation_is_a_fact():
    """What the record holds of each cited item: the Assembly's by session, the Council's by
    number, another organ's not looked up (the same number is the Assembly's 45/3 of 1990)."""
    doc = parse(f"{CHAPEAU['en']}\n\n*Recalling* its resolution 74/54 of 19 December 2019, Security Council "
                "resolution 2334 (2015) and Human Rights Council resolution 45/3 of 6 October 2020,\n")
    facts = Facts(doc)
    sessions = {item.number: session for item, session in facts.assembly_sessions.items()}
    assert sessions == {"74/54": 74, "2334 (2015)": None, "45/3": None}
    found = {item.number: [(r.number, r.adopted.date.isoformat()) for r in known]
             for item, known in facts.records_for_citations.items()}
    assert found == {"74/54": [("74/54", "2019-12-12")], "2334 (2015)": [("2334 (2016)", "2016-12-23")], "45/3": []}


def test_session_windows():
    documented = session_window(75)
    assert documented.documented and (documented.start.isoformat(), documented.end.isoformat()) == ("2020-09-15", "2021-09-14")
    inferred = session_window(59)
    assert not inferred.documented and inferred.slack.days == 60


def test_hover_explains_symbols_and_citations():
    text = ("*The General Assembly*,\n\n*Recalling* its resolution 74/54 of 19 December 2019, resolution 49/57 "
            "and Human Rights Council resolution 45/3, and the report A/C.3/80/L.12/Rev.1,\n")
    doc = parse(text)
    cited = hover_at(Facts(doc), text.index("74/54"))
    assert "General Assembly resolution 74/54" in cited.markdown and "adopted on 12 December 2019" in cited.markdown
    assert "UN Digital Library voting record" in cited.markdown and "Follow-up to the 2013 High-Level Meeting" in cited.markdown
    assert "19 December 2019" in cited.markdown  # the citation-only alternative, with its count
    unknown = hover_at(Facts(doc), text.index("49/57")).markdown
    assert "not named" in unknown and "unknown, not wrong" in unknown
    assert "another organ" not in hover_at(Facts(doc), text.index("45/3")).markdown
    symbol = hover_at(Facts(doc), text.index("L.12")).markdown
    assert "Third Committee" in symbol and "revision 1" in symbol


def test_hover_on_the_spanish_sample():
    doc = parse(SPANISH_SAMPLE.read_text(encoding="utf-8"))
    spans = {doc.slice(item.span) for item in hover_items(Facts(doc))}
    assert {"A/75/L.78", "A/75/L.78/Add.1", "59/50, de 2 de diciembre de 2004", "1631 (2005), de 17 de octubre de 2005",
            "A/75/345-S/2020/898", "S/PRST/2010/1", "E/2009/28"} <= spans


@pytest.mark.parametrize("language, paragraph, expected", [
    ("es", "*Recordando* las resoluciones del Consejo de Derechos Humanos 23/13, de 13 de junio de 2013, y 24/33, de 27 de septiembre de 2013,",
     [("23/13", "HRC", "13 de junio de 2013"), ("24/33", "HRC", "27 de septiembre de 2013")]),
    ("fr", "*Rappelant* les résolutions du Conseil des droits de l’homme 53/26 du 14 juillet 2023 et 52/31 du 4 avril 2023,",
     [("53/26", "HRC", "14 juillet 2023"), ("52/31", "HRC", "4 avril 2023")]),
])
def test_the_organ_between_the_word_and_the_number(language, paragraph, expected):
    assert items(paragraph, language) == expected


def test_a_list_goes_on_across_a_footnote_after_the_comma_and_a_missing_space():
    found = items("*Recalling* Human Rights Council resolutions 53/26 of 14 July 2023,<sup>3</sup> 52/31 of 4 April 2023<sup>4</sup> "
                  "and S-27/1 of 5 December 2017, and its resolutions 75/250 B of 30 June 2021,76/290 of 19 June 2022,")
    assert [number for number, _, _ in found] == ["53/26", "52/31", "S-27/1", "75/250 B", "76/290"]


def test_dates_given_in_turn_belong_to_no_single_item():
    found = items("*Rappelant* les résolutions 237 (1967) et 259 (1968) du Conseil de sécurité, en date du 14 juin 1967 "
                  "et du 27 septembre 1968,", "fr")
    assert found == [("237 (1967)", "SC", None), ("259 (1968)", "SC", None)]


def test_a_date_wrapped_across_lines_is_read_and_its_form_is_not_a_finding():
    """A hard-wrapped Markdown paragraph breaks lines anywhere: the line break reads as a space."""
    text = ("*The General Assembly*,\n\n*Recalling* its resolution 70/1 of 25\nSeptember 2015,\n\n"
            "*Recalling also* its resolution 70/1 of 25\nseptember 2015,\n\n1. *Decides* to remain seized of the matter.\n")
    found = [(d.code, d.message) for d in lint_text(text) if d.code.startswith("CT")]
    assert found == [("CT003", "Write the date “25 september 2015” as “25 September 2015”")]
