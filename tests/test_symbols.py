"""The document-symbol grammar (resolint/grammar/symbols.lark) and the scan that finds symbols
in running text."""
from __future__ import annotations

import pytest

from resolint.grammar.symbols import (
    describe,
    find_symbols,
    parse_symbol,
    resolution_number,
)

# un-editorial-facts.md §5 and the list, plus forms seen in the corpus.
WELL_FORMED = [
    "A/RES/75/276", "A/75/L.78/Add.1", "A/C.3/80/L.12/Rev.1", "S/PRST/2010/1", "S/RES/2334", "E/2009/28",
    "E/CN.6/2024/L.3", "A/HRC/RES/55/1", "A/75/345-S/2020/898", "A/AC.109/2024/2", "A/CONF.48/14/Rev.1",
    "A/ES-10/L.30/Rev.1", "A/59/668", "A/RES/44/25", "A/RES/S-13/2", "A/RES/ES-8/2", "A/RES/217", "E/RES/2023/14",
    "A/31/1", "A/9601", "E/1978/1", "S/1994/1", "S/PV.4872", "A/66/PV.82", "A/C.3/78/L.60/Rev.1", "A/57/3/Rev.1",
    "S/11185/Add.42/Rev.1", "ST/SGB/2019/8", "ST/ADM/SER.B/1008", "E/C.12/GC/25", "E/CN.4/Sub.2/2005/1",
    "A/C.6/64/SR.1–28/Corrigendum", "A/75/L.78*", "A/INF/78/4", "A/HRC/WG.6/44/1", "S/2021/1/Corr.1",
    "S/2338/2024",  # an OPCW Technical Secretariat document: S/<number>/<year>
]
MALFORMED = {
    "A/78423": ("old series ended", "A/78/423"),
    "A79/473": ("a slash goes between", "A/79/473"),
    "A/79473": ("old series ended", "A/79/473"),
    "A/80/L5": ("“L.5”", "A/80/L.5"),
    "A/75/L78": ("“L.78”", "A/75/L.78"),
    "A/75/L.78/add.1": ("“Add.1”", "A/75/L.78/Add.1"),
    "A/75/L.78/Add1": ("“Add.1”", "A/75/L.78/Add.1"),
    "A/C.6/79.SR.37": ("separated by “/”", "A/C.6/79/SR.37"),
    "S/120/898": ("not a year", None),
    "A//75": ("empty component", None),
    "A/750/1": ("not a General Assembly session", None),
}


@pytest.mark.parametrize("symbol", WELL_FORMED)
def test_well_formed_symbols_parse(symbol):
    parsed = parse_symbol(symbol)
    assert parsed.ok, parsed.error
    assert describe(parsed)


@pytest.mark.parametrize("symbol", sorted(MALFORMED))
def test_malformed_symbols_say_why(symbol):
    reason, suggestion = MALFORMED[symbol]
    parsed = parse_symbol(symbol)
    assert not parsed.ok and reason in parsed.error
    assert parsed.suggestion == suggestion


def test_placeholders_are_not_malformed_but_recognised():
    assert parse_symbol("A/80/___").placeholder and parse_symbol("A/80/7/Add.__").placeholder
    assert not parse_symbol("A/80/7/Add.1").placeholder


def test_meaning_of_components():
    lines = describe(parse_symbol("A/C.3/80/L.12/Rev.1"))
    assert lines == [
        "`A/`: General Assembly", "`C.3`: Third Committee (Social, Humanitarian and Cultural)", "`80`: session 80",
        "`L.12`: limited-distribution document 12 (a draft)", "`Rev.1`: revision 1 (replaces the earlier text)",
    ]
    joint = describe(parse_symbol("A/75/345-S/2020/898"))
    assert joint[0].startswith("issued under a double symbol") and "`2020`: year 2020" in joint
    assert "`CN.6`: Commission on the Status of Women" in describe(parse_symbol("E/CN.6/2024/L.3"))


def test_scan_finds_symbols_with_what_belongs_to_them():
    text = ("See S/RES/2334 (2016), A/59/668 and Add.1–6 (A/75/L.78 y A/75/L.78/Add.1). A/RES/75/276. "
            "UNEP/EA.5/Res.11, https://undocs.org/A/RES/1, and/or HIV/AIDS; A/RES/217 (III).")
    found = find_symbols(text, ("and", "y"))
    assert [text[f.span.start:f.span.end] for f in found] == [
        "S/RES/2334", "A/59/668", "A/75/L.78", "A/75/L.78/Add.1", "A/RES/75/276", "A/RES/217"]
    assert text[found[0].extent.start:found[0].extent.end] == "S/RES/2334 (2016)"
    assert found[1].addenda == "Add.1–6"
    assert resolution_number(found[0].parsed, found[0].suffix) == ("SC", "2334 (2016)")
    assert resolution_number(found[4].parsed, found[4].suffix) == ("GA", "75/276")
    assert resolution_number(found[5].parsed, found[5].suffix) == ("GA", "217 (III)")


def test_scan_is_linear_on_slashes():
    """Many slashes, no symbols: the scan goes from slash to slash and finds nothing."""
    assert find_symbols("a/b " * 50_000) == ()
    assert len(find_symbols("A/75/1 " * 20_000)) == 20_000
