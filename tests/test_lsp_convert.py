"""The language server's pure parts: positions, text changes, diagnostics, edits, outline."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from lsprotocol import types

from resolint import parse
from resolint.document.diagnostics import Diagnostic, Edit, Fix, Severity
from resolint.document.span import Span
from resolint.facts import Facts
from resolint.linter.fixes import apply_edits
from resolint.lsp import convert
from resolint.lsp.convert import PositionMap
from resolint.lsp.documents import TextBuffer

from .conftest import ROOT, SPANISH_SAMPLE


def pos(line: int, character: int) -> types.Position:
    return types.Position(line=line, character=character)


def test_lines_end_at_lf_crlf_and_cr_only():
    text = "ab\r\ncd\ref\ngh"
    positions = PositionMap(text)
    assert [positions.position(text.index(c)) for c in "aceg"] == [pos(0, 0), pos(1, 0), pos(2, 0), pos(3, 0)]
    assert positions.position(text.index("\n")) == pos(0, 2)  # inside "\r\n": the end of the line
    assert positions.offset(pos(0, 99)) == 2 and positions.offset(pos(1, 99)) == text.index("\r", 4)


def test_form_feed_and_line_separator_do_not_end_lines():
    text = "a\x0cb\u2028c\x85d\ne"  # str.splitlines would see five lines here
    positions = PositionMap(text)
    assert positions.position(text.index("d")) == pos(0, 6)
    assert positions.position(text.index("e")) == pos(1, 0)
    assert positions.line_count == 2


def test_characters_outside_the_bmp_take_two_utf16_units():
    text = "x 𝒜😀 y\nz"
    positions = PositionMap(text)
    assert positions.position(text.index("y")) == pos(0, 7)
    assert positions.offset(pos(0, 7)) == text.index("y")
    assert positions.offset(pos(0, 3)) == text.index("𝒜")  # inside a surrogate pair: the character's start
    assert positions.range(Span(2, 4)) == types.Range(start=pos(0, 2), end=pos(0, 6))


def test_utf8_and_utf32_columns():
    text = "é𝒜a"
    assert PositionMap(text, convert.UTF8).position(2) == pos(0, 6)
    assert PositionMap(text, convert.UTF8).offset(pos(0, 6)) == 2
    assert PositionMap(text, convert.UTF32).position(2) == pos(0, 2)
    assert PositionMap(text, convert.UTF16).position(2) == pos(0, 3)


def test_out_of_range_positions_are_clamped():
    text = "one\ntwo"
    positions = PositionMap(text)
    assert positions.offset(pos(0, 50)) == 3
    assert positions.offset(pos(9, 0)) == len(text)
    assert positions.position(500) == pos(1, 3)
    assert positions.span(types.Range(start=pos(1, 2), end=pos(0, 1))) == Span(1, 6)  # reversed range


ALPHABET = st.sampled_from(["a", "é", "𝒜", "😀", "\n", "\r", "\r\n", "\x0c", "\u2028", " ", "\ud800"])


@settings(max_examples=300, deadline=None)
@given(st.lists(ALPHABET, max_size=40), st.sampled_from([convert.UTF8, convert.UTF16, convert.UTF32]))
def test_offsets_survive_the_round_trip(pieces, encoding):
    text = "".join(pieces)
    positions = PositionMap(text, encoding)
    for offset in range(len(text) + 1):
        if 0 < offset < len(text) and text[offset - 1] == "\r" and text[offset] == "\n":
            continue  # between "\r" and "\n": not a position LSP can name
        assert positions.offset(positions.position(offset)) == offset


def apply_change(text: str, change, encoding: str = convert.UTF16) -> str:
    """One change on the whole text, the plain way (a position map of the text as it is): what
    the server's TextBuffer must agree with."""
    if isinstance(change, types.TextDocumentContentChangePartial):
        span = PositionMap(text, encoding).span(change.range)
        return text[: span.start] + change.text + text[span.end :]
    return change.text


def _units(text: str, encoding: str) -> int:
    if encoding == convert.UTF32:
        return len(text)
    if encoding == convert.UTF8:
        return len(text.encode("utf-8", "surrogatepass"))
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


@settings(max_examples=300, deadline=None)
@given(st.lists(ALPHABET, max_size=40), st.sampled_from([convert.UTF8, convert.UTF16, convert.UTF32]), st.integers(0, 60))
def test_columns_count_code_units_as_the_encoding_does(pieces, encoding, character):
    """Against the plain count (encode the line up to the offset): the map's binary searches
    over its list of wide characters give the same columns and offsets."""
    text = "".join(pieces)
    positions = PositionMap(text, encoding)
    for offset in range(len(text) + 1):
        found = positions.position(offset)
        start = positions.line_start(found.line)
        end = positions.line_end(found.line)
        assert found.character == _units(text[start : min(offset, end)], encoding)
    for line in range(positions.line_count):
        start, end = positions.line_start(line), positions.line_end(line)
        expected = max(o for o in range(start, end + 1) if _units(text[start:o], encoding) <= character)
        assert positions.offset(pos(line, character)) == expected


def test_changes_apply_ranged_and_whole():
    buffer = TextBuffer("alpha\nbeta\n")
    buffer.apply(types.TextDocumentContentChangePartial(range=types.Range(start=pos(1, 0), end=pos(1, 4)), text="gamma"))
    assert buffer.text == "alpha\ngamma\n"
    buffer.apply(types.TextDocumentContentChangePartial(range=types.Range(start=pos(7, 0), end=pos(9, 9)), text="end"))
    assert buffer.text == "alpha\ngamma\nend"
    buffer.apply(types.TextDocumentContentChangeWholeDocument(text="new"))
    assert buffer.text == "new"


CHANGE_TEXT = st.lists(ALPHABET, max_size=6).map("".join)


@settings(max_examples=400, deadline=None)
@given(st.lists(ALPHABET, max_size=30), st.sampled_from([convert.UTF8, convert.UTF16, convert.UTF32]),
       st.lists(st.tuples(st.integers(0, 8), st.integers(0, 8), st.integers(0, 8), st.integers(0, 8), CHANGE_TEXT),
                max_size=8))
def test_a_series_of_changes_gives_the_text_the_plain_way_gives(pieces, encoding, changes):
    """Line breaks of every kind made and unmade (a "\\r" then a "\\n" joining into one),
    characters of every width, positions past the end of a line and of the text."""
    text = "".join(pieces)
    buffer = TextBuffer(text, encoding)
    for line, character, end_line, end_character, inserted in changes:
        change = types.TextDocumentContentChangePartial(
            range=types.Range(start=pos(line, character), end=pos(end_line, end_character)), text=inserted)
        text = apply_change(text, change, encoding)
        buffer.apply(change)
        assert buffer.text == text


def test_diagnostic_conversion():
    text = "𝒜 abc;"
    finding = Diagnostic("ST006", "paragraph-end-punctuation", Severity.INFO, Span(5, 6), "End with a comma",
                         Fix("End with a comma", (Edit(Span(5, 6), ","),)), url="https://example.org/ST006")
    shown = convert.diagnostic(finding, PositionMap(text))
    assert shown.range == types.Range(start=pos(0, 6), end=pos(0, 7))
    assert shown.severity == types.DiagnosticSeverity.Information
    assert (shown.code, shown.source, shown.message) == ("ST006", "resolint", "End with a comma")
    assert shown.code_description.href == "https://example.org/ST006"


def test_a_diagnostic_that_shows_what_an_earlier_one_showed_is_that_object():
    """An edit leaves the lines and columns of most findings as they were (here: typing on the
    first line moves the second line's finding by offset only); those LSP diagnostics are
    the version before's, and every one equals a fresh conversion."""
    def finding(start: int, end: int) -> Diagnostic:
        return Diagnostic("ST006", "paragraph-end-punctuation", Severity.INFO, Span(start, end), "End with a comma")

    before_text, after_text = "ab;\ncd;\n", "abX;\ncd;\n"
    before = convert.shown_diagnostics([finding(2, 3), finding(6, 7)], PositionMap(before_text), {})
    findings = [finding(3, 4), finding(7, 8)]
    after = convert.shown_diagnostics(findings, PositionMap(after_text), dict(before))
    assert [made for _, made in after] == [convert.diagnostic(f, PositionMap(after_text)) for f in findings]
    assert after[0][1] is not before[0][1] and after[1][1] is before[1][1]


def test_workspace_edits_with_and_without_document_changes():
    edits = convert.text_edits([Edit(Span(0, 1), "x")], PositionMap("abc"))
    versioned = convert.workspace_edit("file:///d.md", 7, edits, document_changes=True)
    assert versioned.document_changes[0].text_document.version == 7
    assert versioned.document_changes[0].edits == edits
    plain = convert.workspace_edit("file:///d.md", 7, edits, document_changes=False)
    assert plain.changes == {"file:///d.md": edits}


@given(st.text(alphabet="ab,;\n", max_size=30), st.text(alphabet="ab,;\n", max_size=30))
def test_minimal_edit_turns_old_into_new(old, new):
    edit = convert.minimal_edit(old, new)
    assert (edit is None) == (old == new)
    if edit is not None:
        assert apply_edits(old, [edit]) == new


def test_minimal_edit_keeps_what_did_not_change():
    assert convert.minimal_edit("one; two; three", "one, two; three") == Edit(Span(3, 4), ",")


def _walk(symbols, depth=0):
    for symbol in symbols:
        yield symbol, depth
        yield from _walk(symbol.children or (), depth + 1)


def _inside(inner: types.Range, outer: types.Range) -> bool:
    def key(p):
        return (p.line, p.character)

    return key(outer.start) <= key(inner.start) and key(inner.end) <= key(outer.end)


def test_document_symbols_of_the_spanish_sample():
    text = SPANISH_SAMPLE.read_text(encoding="utf-8")
    doc = parse(text)
    symbols = convert.document_symbols(Facts(doc).outline, PositionMap(text))
    names = [s.name for s in symbols]
    assert names == ["Heading", "La Asamblea General,", "Preamble (15)", "Operative part (9)",
                     "62ª sesión plenaria 28 de abril de 2021", "Footnotes (7)"]
    operative = symbols[3]
    assert [c.name for c in operative.children][:2] == ["1. Toma nota con aprecio", "2. Observa con aprecio"]
    assert operative.children[0].kind == types.SymbolKind.Method
    assert symbols[5].children[0].name.startswith("1 A/75/345-S/2020/898.")
    for symbol, depth in _walk(symbols):
        assert symbol.name.strip()
        assert _inside(symbol.selection_range, symbol.range), symbol.name  # VS Code rejects anything else
    heading = symbols[0]
    assert heading.children[0].name == "session: Septuagésimo quinto período de sesiones"


def test_sub_paragraphs_are_children_and_folds_cover_multi_line_symbols():
    text = (ROOT / "examples" / "draft-oceans-en.md").read_text(encoding="utf-8")
    symbols = convert.document_symbols(Facts(parse(text)).outline, PositionMap(text))
    urges = next(c for s in symbols for c in (s.children or ()) if c.name == "2. Urges")
    assert [c.name for c in urges.children] == ["a) By", "b) By"]
    assert urges.children[0].kind == types.SymbolKind.EnumMember
    folds = convert.folding_ranges(symbols)
    assert folds == sorted(folds, key=lambda f: (f.start_line, -f.end_line))
    assert all(f.end_line > f.start_line for f in folds)
    spans = {(f.start_line, f.end_line) for f in folds}
    assert len(spans) == len(folds)
    multi = {(s.range.start.line, s.range.end.line) for s, _ in _walk(symbols) if s.range.end.line > s.range.start.line}
    assert spans == multi


def test_flat_symbols_name_their_container():
    text = (ROOT / "examples" / "draft-oceans-en.md").read_text(encoding="utf-8")
    symbols = convert.document_symbols(Facts(parse(text)).outline, PositionMap(text))
    flat = convert.flat_symbols(symbols, "file:///draft.md")
    entry = next(s for s in flat if s.name == "a) By")
    assert entry.container_name == "2. Urges" and entry.location.uri == "file:///draft.md"
    assert len(flat) == sum(1 for _ in _walk(symbols))
