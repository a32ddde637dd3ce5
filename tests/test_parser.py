"""The parser on real documents and on the layouts the corpus does not cover (SC, ECOSOC,
French, special sessions), and its guarantees: it never fails, spans stay inside the text."""
from __future__ import annotations

from pathlib import Path

import pytest

from resolint import parse
from resolint.document.model import (
    FootnoteText,
    OperativeParagraph,
    PreambularParagraph,
)
from resolint.facts import Facts

from .conftest import SPANISH_SAMPLE, require

DOCUMENTS = Path(__file__).parent / "documents"


def _openings(doc, paragraphs):
    return [doc.slice(p.opening.inner).strip() if p.opening else None for p in paragraphs]


def test_spanish_sample_structure():
    doc = parse(SPANISH_SAMPLE.read_text(encoding="utf-8"))
    assert (doc.language, doc.body, doc.kind) == ("es", "GA", "resolution")
    assert Facts(doc).current_session[0] == "75" and doc.meta.number == "75/276"
    assert doc.slice(Facts(doc).adoption_date.span) == "28 de abril de 2021"
    assert len(doc.preambular) == 15
    assert len(doc.operative) == 9
    assert [p.number for p in doc.operative] == list(range(1, 10))
    assert [f.number for f in doc.footnotes] == [1, 2, 3, 4, 5, 6, 7]
    assert doc.chapeau is not None and doc.slice(doc.chapeau.organ) == "La Asamblea General"
    assert _openings(doc, doc.preambular)[:4] == [
        "Habiendo examinado", "Haciendo referencia", "Haciendo referencia también", "Haciendo referencia además",
    ]
    assert _openings(doc, doc.operative)[0] == "Toma nota con aprecio"
    assert doc.closing is not None and "62ª sesión plenaria" in doc.slice(doc.closing.span)
    assert [h.kind for h in doc.header] == ["session", "agenda", "title", "adoption", "provenance", "number_title"]


def test_spanish_sample_page_break_artifacts():
    """Footnotes 1 and 2 are glued into the fifth preambular paragraph, which continues on
    line 9 after them ("… incluidas" / "las de 13 de enero …")."""
    text = SPANISH_SAMPLE.read_text(encoding="utf-8")
    doc = parse(text)
    glued = [f for f in doc.footnotes if f.glued]
    assert [f.number for f in glued] == [1, 2]
    assert doc.slice(glued[0].body) == "A/75/345-S/2020/898."
    fifth = doc.preambular[4]
    assert len(fifth.pieces) == 2
    assert doc.slice(fifth.pieces[0]).endswith("incluidas")
    assert doc.slice(fifth.pieces[1]).startswith("las de 13 de enero de 2010")
    assert glued[0].host == fifth.pieces[0]
    assert sum(1 for issue in doc.issues if issue.kind == "run-together") == 9


def test_79_100_structure(corpus):
    doc = parse((corpus / "en" / "A-RES-79-100.md").read_text(encoding="utf-8"))
    assert (doc.language, doc.body, doc.kind, Facts(doc).current_session[0], doc.meta.number) == ("en", "GA", "resolution", "79", "79/100")
    # 25 preambular paragraphs in the PDF; the conversion put two of them on line 23 (ST001).
    assert len(doc.preambular) == 26
    assert [p.number for p in doc.operative] == list(range(1, 18))
    assert _openings(doc, doc.operative)[:3] == ["Reaffirms", "Also reaffirms", "Further reaffirms"]
    assert _openings(doc, doc.preambular)[-1] == "Recalling"
    assert [f.number for f in doc.footnotes] == list(range(1, 9))
    assert doc.slice(doc.closing.span) == "*47th plenary meeting 4 December 2024*"


def test_single_unnumbered_operative_paragraph(corpus):
    doc = parse((corpus / "en" / "A-RES-78-1.md").read_text(encoding="utf-8"))
    assert doc.single_operative and not doc.preambular
    assert _openings(doc, doc.operative) == ["Endorses"]
    assert len(doc.annexes) == 1


def test_adopted_text_after_a_lead_in(corpus):
    """A/RES/79/1 adopts the Pact for the Future: its numbered paragraphs are not operative."""
    doc = parse((corpus / "en" / "A-RES-79-1.md").read_text(encoding="utf-8"))
    assert _openings(doc, doc.operative) == ["Adopts"]
    assert doc.operative[0].number is None
    assert any(block.kind == "embedded" for block in doc.parts[0].others)


def test_unnumbered_operative_paragraph_in_a_later_section(corpus):
    """A budget section's paragraph that opens with an operative verb, once numbered operative
    paragraphs have come, is operative: "XXVI / Contingency fund / *Recalls* …," (A/RES/78/253)."""
    doc = parse((corpus / "official" / "en" / "A-RES-78-253.md").read_text(encoding="utf-8"))
    recalls = next(p for p in (*doc.preambular, *doc.operative) if doc.slice(p.span).startswith("*Recalls* its resolution 77/263 A"))
    assert isinstance(recalls, OperativeParagraph) and recalls.number is None
    rates = "*Having considered* the report of the Secretary-General on the revised estimates resulting from changes in rates"
    having = next(p for p in (*doc.preambular, *doc.operative) if doc.slice(p.span).startswith(rates))
    assert isinstance(having, PreambularParagraph)  # a participle stays in the section's preamble


def test_unnumbered_operative_paragraphs_under_numbered_titles(corpus):
    """A/RES/79/298 (from the XML) numbers its last section titles and not the paragraphs under
    them: those are operative, in order, and "*Decides* … as follows:" keeps its (a) to (e)."""
    doc = parse((corpus / "official" / "en" / "A-RES-79-298.md").read_text(encoding="utf-8"))
    assert not [issue for issue in doc.issues if issue.kind == "out-of-order"]
    unnumbered = [p for p in doc.operative if p.number is None]
    assert _openings(doc, unnumbered) == ["Takes note", "Approves", "Decides"]
    assert [s.marker for s in unnumbered[-1].subparagraphs] == ["a", "b", "c", "d", "e"]


def test_operative_verb_before_the_operative_part_stays_preambular():
    """Before the first numbered paragraph an operative verb is the drafter's slip (VB003)."""
    doc = parse("*The General Assembly*,\n\n*Recalls* its resolution 70/1,\n\n1. *Decides* to act.\n")
    assert _openings(doc, doc.preambular) == ["Recalls"] and _openings(doc, doc.operative) == ["Decides"]


def test_multi_part_draft_with_sections(corpus):
    doc = parse((corpus / "en-drafts" / "A-C.5-80-L.17.md").read_text(encoding="utf-8"))
    assert doc.kind == "draft" and len(doc.parts) == 2
    assert [p.label and doc.slice(p.label.span) for p in doc.parts] == ["A", "B"]
    first = doc.parts[0]
    assert [h.kind for h in first.others] == ["heading"] * 4
    # Section paragraphs without numbers: "*Approves*, …;" is operative, "*Recalling* …," is not.
    assert "Approves" in _openings(doc, first.operative) and "Recalling" in _openings(doc, first.preambular)


def test_security_council_resolution():
    doc = parse((DOCUMENTS / "sc-2334-en.md").read_text(encoding="utf-8"))
    adopted = doc.slice(Facts(doc).adoption_date.span)
    assert (doc.body, doc.kind, doc.meta.number, adopted) == ("SC", "resolution", "2334 (2016)", "23 December 2016")
    assert [h.kind for h in doc.header] == ["sc_number", "sc_adopted"]
    assert len(doc.preambular) == 2 and [p.number for p in doc.operative] == [1, 2, 3]
    assert doc.closing is None


def test_ecosoc_resolution():
    doc = parse((DOCUMENTS / "ecosoc-2010-12-en.md").read_text(encoding="utf-8"))
    assert (doc.body, doc.meta.number) == ("ECOSOC", "2010/12")
    assert [h.kind for h in doc.header] == ["adoption", "provenance", "number_title"]
    assert len(doc.preambular) == 2 and len(doc.operative) == 2 and doc.closing is not None


def test_french_resolution_with_nested_subparagraphs():
    doc = parse((DOCUMENTS / "ga-fr.md").read_text(encoding="utf-8"))
    assert (doc.language, doc.body, Facts(doc).current_session[0]) == ("fr", "GA", "75")
    assert _openings(doc, doc.preambular) == ["Ayant examiné", "Rappelant", "Profondément préoccupée"]
    second = doc.operative[1]
    assert [(s.marker, s.style, s.level) for s in second.subparagraphs] == [("a", "a)", 1), ("b", "a)", 1)]
    assert [(s.marker, s.level) for s in second.subparagraphs[1].subparagraphs] == [("i", 2), ("ii", 2)]
    assert doc.closing is not None
    assert [f.number for f in doc.footnotes] == [1]


def test_spanish_draft_and_special_session():
    draft = parse((DOCUMENTS / "draft-es.md").read_text(encoding="utf-8"))
    assert (draft.language, draft.kind, draft.body, Facts(draft).current_session[0]) == ("es", "draft", "GA", "80")
    special = parse((DOCUMENTS / "special-session-en.md").read_text(encoding="utf-8"))
    assert (Facts(special).current_session[0], special.meta.number) == ("ES-10", "ES-10/23")


def test_letter_i_after_h_and_roman_i_under_h():
    text = "*The General Assembly*,\n\n1. *Calls upon* the parties:\n\n(g) To act;\n\n(h) To end:\n\n(i) One;\n\n(ii) Two;\n\n(i) To create;\n"
    # (a)-(f) are left out on purpose: the nesting decision only looks at the neighbours.
    doc = parse(text)
    subs = doc.operative[0].subparagraphs
    assert [(s.marker, s.level) for s in subs] == [("g", 1), ("h", 1), ("i", 1)]
    assert [(s.marker, s.level) for s in subs[1].subparagraphs] == [("i", 2), ("ii", 2)]


def test_markdown_footnotes_and_plain_text():
    doc = parse("The General Assembly,\n\nRecalling its resolution 70/1,[^1]\n\n1. Decides to act.\n\n[^1]: Resolution 70/1.\n")
    assert doc.plain_text
    assert [r.label for p in doc.preambular for r in p.inline.refs] == ["1"]
    assert [(f.label, doc.slice(f.body)) for f in doc.footnotes] == [("1", "Resolution 70/1.")]
    assert not parse("*The General Assembly*,\n\n1. *Decides* to act.\n").plain_text


@pytest.mark.parametrize(
    "text",
    ["", "\n\n", "****", "*", "**a", "<sup>", "<sup></sup>", "\ufeff", "\x00\x01", "1.", "(a)", "[^", "<!--", "_" * 50,
     "*The General Assembly*,\n\n(a) orphan sub-paragraph;\n", "\r\n\r\n*The General Assembly*,\r\n\r\n1. *Decides*.\r\n"],
)
def test_odd_input_never_fails(text):
    doc = parse(text)
    for node in doc.blocks:
        assert 0 <= node.span.start <= node.span.end <= len(text)
    for issue in doc.issues:
        assert 0 <= issue.span.start <= issue.span.end <= len(text)


def test_every_top_level_block_is_in_the_model():
    doc = parse(SPANISH_SAMPLE.read_text(encoding="utf-8"))
    kinds = {type(node).__name__ for node in doc.blocks}
    assert {"HeaderLine", "Chapeau", "PreambularParagraph", "OperativeParagraph", "MeetingLine", "FootnoteText"} <= kinds
    starts = [node.span.start for node in doc.blocks]
    assert starts == sorted(starts)
    assert isinstance(doc.blocks[-1], (OperativeParagraph, PreambularParagraph, FootnoteText, object))


def test_language_detection_and_override():
    assert parse("*The General Assembly*,\n\n1. *Decides* to act.\n").language == "en"
    assert parse("*La Asamblea General*,\n\n1. *Decide* seguir ocupándose de la cuestión.\n").language == "es"
    assert parse("*L'Assemblée générale*,\n\n1. *Décide* de rester saisie de la question.\n").language == "fr"
    assert parse("*The General Assembly*,\n", language="fr").language == "fr"


def test_corpus_file_count(corpus):
    require(len(list((corpus / "en").glob("*.md"))) == 126, "expected 126 adopted English texts")


OFFICIAL_LAYOUT = """*The General Assembly*,

*Having considered* the reports of the Secretary-General,<sup>1</sup>

<sup>1</sup> A/79/127.

1. *Takes note* of the reports;

**I**

**System of administration of justice**

2. *Approves* the staffing table below, and decides that the meetings will be held as follows:

| *Level* | *Posts* |
| --- | --- |
| P-4 | 1 |

Monday, 9 June: from 9 a.m. to 1 p.m.

3. *Decides* to remain seized of the matter.<sup>2</sup>

<sup>2</sup> ST/SGB/2017/2/Rev.1.

*55th plenary meeting 24 December 2024*
"""


def test_structure_runs_on_across_footnote_texts_sections_and_tables():
    """The official layout: footnote texts after the paragraph that references them, a
    section number on its own line, a pipe table and a schedule introduced by a colon."""
    doc = parse(OFFICIAL_LAYOUT, language="en")
    assert not doc.issues
    assert len(doc.preambular) == 1
    assert [p.number for p in doc.operative] == [1, 2, 3]
    assert [b.kind for b in doc.parts[0].others] == ["heading", "heading", "embedded"]
    assert [b.kind for b in doc.blocks if getattr(b, "kind", "") == "table"] == ["table"]
    assert [note.label for note in doc.footnotes] == ["1", "2"] and not any(n.glued for n in doc.footnotes)


def test_a_letter_before_a_chapeau_labels_a_part():
    doc = parse("78/254. Programme budget\n\nA\n\nBudget appropriations\n\n*The General Assembly*\n\n*Resolves* that:\n\n"
                "1. Appropriations are approved;\n\n2. Estimates are approved.\n", language="en")
    assert not doc.issues
    part = doc.parts[0]
    assert doc.slice(part.label.span) == "A" and not part.preambular
    assert [p.number for p in part.operative] == [None, 1, 2]


def test_superscript_suffixes_are_no_footnote_markers():
    doc = parse("*L’Assemblée générale*,\n\n*Rappelant* l’objectif n<sup>o</sup> 14<sup>1</sup> et les XIII<sup>es</sup> Jeux, "
                "et l’objectif n<sup>o</sup> 14,\n\n<sup>1</sup> Résolution 70/1.\n\n1. *Décide* de rester saisie de la question.\n",
                language="fr")
    assert not doc.issues
    assert [note.label for note in doc.footnotes] == ["1"]
