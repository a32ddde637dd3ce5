"""Reading Word documents: each Word feature the reader handles, on documents made here
with python-docx (and WordprocessingML where python-docx has no API)."""
from __future__ import annotations

import io

import docx
from docx.oxml import parse_xml

from resolint.docx import read_docx
from resolint.docx.mapping import TEXT

from .docx_builder import W_NS, build_docx

NS = f'xmlns:w="{W_NS}"'


def _read(document) -> str:
    out = io.BytesIO()
    document.save(out)
    return read_docx(out.getvalue(), "test.docx").text


def _body(*paragraphs_xml: str, document=None):
    """A document whose body is the given `<w:p>` elements (after those of `document`)."""
    if document is None:
        document = docx.Document()
        for paragraph in list(document.element.body.iterchildren(f"{{{W_NS}}}p")):
            document.element.body.remove(paragraph)
    body = document.element.body
    section = body[-1]  # sectPr stays last
    for xml in paragraphs_xml:
        section.addprevious(parse_xml(xml.replace("<w:p>", f"<w:p {NS}>", 1) if xml.startswith("<w:p>") else xml))
    return document


def _r(text: str, props: str = "") -> str:
    return f'<w:r><w:rPr>{props}</w:rPr><w:t xml:space="preserve">{text}</w:t></w:r>'


def test_italic_and_bold_from_run_properties_and_styles():
    document = docx.Document()
    p = document.add_paragraph()
    p.add_run("Recalling").italic = True
    p.add_run(" its resolution, ")
    p.add_run("noting").style = "Emphasis"  # an italic character style
    p.add_run(" and ")
    p.add_run("stressing").style = "Strong"  # a bold character style
    p.add_run(" with ")
    both = p.add_run("urgency")
    both.bold, both.italic = True, True
    p.add_run(",")
    quote = document.add_paragraph("The General Assembly", style="Quote")  # an italic paragraph style
    quote.add_run(",").italic = False  # own properties win over the style
    toggled = document.add_paragraph("Whole ", style="Quote")
    toggled.add_run("toggled").style = "Emphasis"  # italic style inside italic style: upright
    assert _read(document) == (
        "*Recalling* its resolution, *noting* and **stressing** with ***urgency***,\n\n"
        "*The General Assembly*,\n\n"
        "*Whole* toggled\n"
    )


def test_runs_split_inside_words_and_spaces_around_emphasis():
    document = _body(
        "<w:p>" + _r("Reaf", "<w:i/>") + _r("firming ", "<w:i/>") + _r("its resolution 70/1,") + "</w:p>",
        # a plain space between two italic words does not end the italic phrase
        "<w:p>" + _r("Recalling", "<w:i/>") + _r(" ") + _r("also", "<w:i/>") + _r(" its resolution,") + "</w:p>",
        # italic that starts inside a word, and bold that ends inside one
        "<w:p>" + _r("re") + _r("affirm", "<w:i/>") + _r("ing the ") + _r("bold", "<w:b/>") + _r("ness.") + "</w:p>",
    )
    assert _read(document) == (
        "*Reaffirming* its resolution 70/1,\n\n"
        "*Recalling also* its resolution,\n\n"
        "re*affirm*ing the **bold**ness.\n"
    )


NUMBERING = (
    f'<w:abstractNum {NS} w:abstractNumId="77">'
    '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>'
    '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="(%2)"/></w:lvl>'
    '<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerRoman"/><w:lvlText w:val="(%3)"/></w:lvl>'
    "</w:abstractNum>"
)


def _numbered(text: str, level: int, num: int = 501) -> str:
    return (f'<w:p><w:pPr><w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{num}"/></w:numPr></w:pPr>'
            + _r(text) + "</w:p>")


def test_automatic_numbering_decimal_letters_roman_and_restarts():
    document = docx.Document()
    numbering = document.part.numbering_part.element
    first_num = numbering.find(f"{{{W_NS}}}num")
    first_num.addprevious(parse_xml(NUMBERING))
    numbering.append(parse_xml(f'<w:num {NS} w:numId="501"><w:abstractNumId w:val="77"/></w:num>'))
    numbering.append(parse_xml(
        f'<w:num {NS} w:numId="502"><w:abstractNumId w:val="77"/>'
        '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'
    ))
    _body(
        _numbered("Decides to act;", 0),
        _numbered("Urges States:", 0),
        _numbered("To cooperate;", 1),
        _numbered("In particular:", 1),
        _numbered("by sharing data;", 2),
        _numbered("by reporting;", 2),
        _numbered("To report;", 1),
        _numbered("Requests a report;", 0),
        _numbered("Decides to remain seized.", 0),
        "<w:p>" + _r("B") + "</w:p>",
        _numbered("Starts again at one;", 0, num=502),  # a new list: startOverride
        _numbered("and goes on;", 0, num=501),  # the same abstract list goes on counting
        '<w:p><w:pPr><w:pStyle w:val="ListNumber"/></w:pPr>' + _r("Numbered by its style") + "</w:p>",
        '<w:p><w:pPr><w:pStyle w:val="ListNumber"/><w:numPr><w:numId w:val="0"/></w:numPr></w:pPr>'
        + _r("Style numbering switched off") + "</w:p>",
        "<w:p>" + _r("3. Typed numbers stay as typed;") + "</w:p>",
        document=document,
    )
    text = _read(document)
    assert text.split("\n\n") == [
        "1. Decides to act;", "2. Urges States:", "(a) To cooperate;", "(b) In particular:",
        "(i) by sharing data;", "(ii) by reporting;", "(c) To report;", "3. Requests a report;",
        "4. Decides to remain seized.", "B", "1. Starts again at one;", "2. and goes on;",
        "1. Numbered by its style", "Style numbering switched off", "3. Typed numbers stay as typed;\n",
    ]


def test_footnotes_come_from_the_footnotes_part_numbered_as_word_numbers_them():
    """Their texts follow the document, in the order of their references."""
    markdown = (
        "Sponsors:<sup>*</sup> draft resolution\n\n"
        "*The General Assembly*,\n\n"
        "*Recalling* the Convention,<sup>1</sup> and the Agreement,<sup>2</sup>\n\n"
        "<sup>*</sup> Any changes to the list of sponsors.\n\n"
        "<sup>1</sup> United Nations, *Treaty Series*, vol. 1833, No. 31363.\n\n"
        "<sup>2</sup> Ibid., vol. 2167.\n"
    )
    built = build_docx(markdown)
    document = docx.Document(io.BytesIO(built.data))
    assert any(rel.reltype.endswith("/footnotes") for rel in document.part.rels.values())
    assert "Treaty Series" not in "".join(document.element.body.itertext())
    assert read_docx(built.data, "x.docx").text == markdown


def test_a_footnote_of_several_paragraphs_is_one_block():
    built = build_docx("Text,<sup>1</sup> more.\n\n<sup>1</sup> First part.\n")
    document = docx.Document(io.BytesIO(built.data))
    footnotes = next(rel.target_part for rel in document.part.rels.values() if rel.reltype.endswith("/footnotes"))
    note = footnotes.element.findall(f"{{{W_NS}}}footnote")[-1]
    note.append(parse_xml(f"<w:p {NS}>" + _r("Second part.", "<w:i/>") + "</w:p>"))
    assert _read(document) == "Text,<sup>1</sup> more.\n\n<sup>1</sup> First part. *Second part.*\n"


def test_tracked_changes_are_read_as_accepted():
    document = _body(
        "<w:p>" + _r("Recalling ", "<w:i/>")
        + f'<w:ins w:id="1" w:author="A">{_r("also ", "<w:i/>")}</w:ins>'
        + '<w:del w:id="2" w:author="A"><w:r><w:delText>not </w:delText></w:r></w:del>'
        + _r("its resolution,") + "</w:p>",
        # a deleted paragraph mark joins the paragraph to the next one
        '<w:p><w:pPr><w:rPr><w:del w:id="3" w:author="A"/></w:rPr></w:pPr>' + _r("Noting the ") + "</w:p>",
        "<w:p>" + _r("report,") + "</w:p>",
        f'<w:p><w:moveFrom w:id="4" w:author="A">{_r("moved away")}</w:moveFrom>{_r("Stays.")}</w:p>',
    )
    assert _read(document) == "*Recalling also* its resolution,\n\nNoting the report,\n\nStays.\n"


def test_comments_hidden_text_fields_hyperlinks_tabs_breaks_and_tables():
    document = docx.Document()
    p = document.add_paragraph()
    commented = p.add_run("Decides")
    commented.italic = True
    p.add_run("\tto act")
    p.add_run().add_break()
    p.add_run("now.")
    document.add_comment([commented], text="Is this the right verb?", author="Reviewer")
    _body(
        "<w:p>" + _r("Visible") + _r(" hidden", "<w:vanish/>") + _r(" text.") + "</w:p>",
        '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> REF note </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>' + _r("field result")
        + '<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>',
        f'<w:p><w:hyperlink w:anchor="x">{_r("A/RES/78/1")}</w:hyperlink>{_r(" is cited.")}</w:p>',
        document=document,
    )
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "In a cell"
    table.cell(0, 1).text = "Another"
    text = _read(document)
    assert "Is this the right verb" not in text
    assert text.split("\n\n") == [
        "*Decides*\tto act\nnow.", "Visible text.", "field result", "A/RES/78/1 is cited.", "In a cell", "Another\n",
    ]


def test_superscript_text_typed_by_hand_reads_as_a_mark():
    document = _body("<w:p>" + _r("Convention,") + _r("3", '<w:vertAlign w:val="superscript"/>') + "</w:p>",
                     "<w:p>" + _r("3", '<w:vertAlign w:val="superscript"/>') + _r(" Ibid.") + "</w:p>")
    assert _read(document) == "Convention,<sup>3</sup>\n\n<sup>3</sup> Ibid.\n"


def test_every_text_character_maps_back_to_its_word_paragraph():
    built = build_docx(
        "*The General Assembly*,\n\n*Recalling* its resolution 70/1,<sup>1</sup>\n\n"
        "1. *Decides* to act;\n\n(a) In time;\n\n<sup>1</sup> *Treaty Series*, vol. 1.\n"
    )
    word = read_docx(built.data, "x.docx")
    document = docx.Document(io.BytesIO(built.data))
    paragraphs = list(document.paragraphs)
    for piece in word.pieces:
        if piece.kind != TEXT:
            continue
        paragraph = word.paragraphs[piece.paragraph]
        if paragraph.part == "document":
            shown = paragraphs[paragraph.index].text
            assert shown[piece.offset : piece.offset + piece.end - piece.start] == word.text[piece.start : piece.end]
    assert [p.number for p in word.paragraphs if p.part == "document"] == [1, 2, 3, 4]


def test_an_empty_document_reads_as_empty_text():
    out = io.BytesIO()
    _body().save(out)
    word = read_docx(out.getvalue(), "empty.docx")
    assert word.text == "" and word.pieces == [] and word.blocks == []


def test_a_finding_in_a_footnote_names_the_footnote():
    from resolint.document.span import Span
    from resolint.docx import WordIndex
    from resolint.grammar.parser import parse

    built = build_docx("*Recalling* the Convention,<sup>1</sup>\n\n<sup>1</sup> United Nations, *Treaty Series*, vol. 1833.\n")
    word = read_docx(built.data, "x.docx")
    start = word.text.index("vol.")
    for index in (WordIndex(parse(word.text), word), WordIndex(None, word)):  # the text parsed again on demand
        where = index.word_location(Span(start, start + 4))
        assert (where.label, where.part, where.footnote_id, where.paragraph_index) == ("footnote 1", "footnotes", "1", 0)
        assert where.quote == "United Nations, Treaty Series, vol. 1833."
        # the character offsets are in the footnote paragraph's own text (its mark and the space after it first)
        paragraph = word.paragraphs[word.pieces[word.piece_index(start)].paragraph].element
        shown = "".join(t.text for t in paragraph.iter(f"{{{W_NS}}}t"))
        assert shown[where.start : where.end] == "vol."
        assert index.position(start) == (3, word.text.split("\n")[2].index("vol.") + 1)  # in the text form
        # what the renderers read: the same place through the Locator protocol
        located = index.locate(Span(start, start + 4))
        column = word.text.split("\n")[2].index("vol.") + 1
        assert (located.line, located.column, located.end_line, located.end_column) == (3, column, 3, column + 4)
        assert located.display("x.docx") == "x.docx: footnote 1" and located.quote == where.quote
        assert located.details == {"docx": where.as_json()}
    assert WordIndex(None, word).role(word.text.index("the Convention")) == "preambular 1"


def test_footnote_references_joined_by_a_superscript_comma_are_one_mark():
    built = build_docx("Resolutions 1 and 2,<sup>1, 2</sup> and 3<sup>3</sup>\n\n<sup>1</sup> A.\n\n<sup>2</sup> B.\n\n<sup>3</sup> C.\n")
    body = docx.Document(io.BytesIO(built.data)).element.body
    assert len(list(body.iter(f"{{{W_NS}}}footnoteReference"))) == 3  # three real references
    assert read_docx(built.data, "x").text == (
        "Resolutions 1 and 2,<sup>1, 2</sup> and 3<sup>3</sup>\n\n<sup>1</sup> A.\n\n<sup>2</sup> B.\n\n<sup>3</sup> C.\n"
    )
