"""Property tests: on generated and mutated resolutions the linter never raises, every
finding lies inside the text, and fixes change nothing outside their edits.

Mutations start from real texts (the Spanish sample and English corpus resolutions):
paragraphs swapped, markers deleted, emphasis unbalanced, random Unicode (right-to-left,
CJK, astral, control characters) inserted, CRLF line endings, a byte-order mark, NUL bytes.
"""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from resolint import lint_text, parse
from resolint.linter.engine import INTERNAL_ERROR
from resolint.linter.fixes import apply_fixes

from .conftest import CORPUS, SPANISH_SAMPLE

SEEDS = [SPANISH_SAMPLE.read_text(encoding="utf-8")] + [
    path.read_text(encoding="utf-8") for path in sorted((CORPUS / "en").glob("A-RES-79-1*.md"))[:4]
]
MARKERS = ["*", "**", "_", "<sup>", "</sup>", "<sup>1</sup>", "[^1]", "[^1]: ", "(a) ", "1. ", "\n\n", ",", ";", ".", ":"]
ODD = st.sampled_from(
    ["\u202e", "\u200f", "مرحبا", "الجمعية العامة", "联合国大会", "決議", "𝒜𝓈𝓈ℯ𝓂𝒷𝓁𝓎", "😀", "\x00", "\x0b", "\r", "\ufeff", "\u2028", "\t"]
)
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@st.composite
def mutated(draw) -> str:
    text = draw(st.sampled_from(SEEDS))
    paragraphs = text.split("\n\n")
    for _ in range(draw(st.integers(0, 3))):
        kind = draw(st.sampled_from(["swap", "drop_marker", "insert_marker", "insert_odd", "cut"]))
        if kind == "swap" and len(paragraphs) > 1:
            i, j = draw(st.integers(0, len(paragraphs) - 1)), draw(st.integers(0, len(paragraphs) - 1))
            paragraphs[i], paragraphs[j] = paragraphs[j], paragraphs[i]
            continue
        joined = "\n\n".join(paragraphs)
        at = draw(st.integers(0, len(joined)))
        if kind == "drop_marker":
            marker = draw(st.sampled_from(MARKERS))
            found = joined.find(marker, at)
            if found >= 0:
                joined = joined[:found] + joined[found + len(marker):]
        elif kind == "insert_marker":
            joined = joined[:at] + draw(st.sampled_from(MARKERS)) + joined[at:]
        elif kind == "insert_odd":
            joined = joined[:at] + draw(ODD) + joined[at:]
        else:
            joined = joined[:at]
        paragraphs = joined.split("\n\n")
    text = "\n\n".join(paragraphs)
    if draw(st.booleans()):
        text = text.replace("\n", "\r\n")
    if draw(st.booleans()):
        text = "\ufeff" + text
    return text


def _check(text: str) -> None:
    doc = parse(text)
    for node in doc.blocks:
        assert 0 <= node.span.start <= node.span.end <= len(text)
    diagnostics = lint_text(text)
    assert not [d.message for d in diagnostics if d.code == INTERNAL_ERROR]
    for d in diagnostics:
        assert 0 <= d.span.start <= d.span.end <= len(text), d
        if d.fix:
            for edit in d.fix.edits:
                assert 0 <= edit.span.start <= edit.span.end <= len(text), d
            _fix_only_touches_its_edits(text, d.fix)


def _fix_only_touches_its_edits(text: str, fix) -> None:
    """Outside its edits, a fix leaves every character of the text where it was."""
    fixed, count = apply_fixes(text, [type("D", (), {"fix": fix})()], unsafe=True)
    assert count == 1
    position, shift = 0, 0
    for edit in sorted(fix.edits, key=lambda e: e.span.start):
        assert fixed[position + shift : edit.span.start + shift] == text[position : edit.span.start]
        shift += len(edit.text) - len(edit.span)
        position = edit.span.end
    assert fixed[position + shift :] == text[position:]


@SETTINGS
@given(mutated())
def test_mutated_resolutions(text):
    _check(text)


@SETTINGS
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=2000))
def test_arbitrary_unicode(text):
    _check(text)


@SETTINGS
@given(st.lists(st.sampled_from(MARKERS + ["*The General Assembly*,", "*Recalling* its resolution 70/1", "x", " "]), max_size=80))
def test_marker_soup(pieces):
    _check("".join(pieces))
