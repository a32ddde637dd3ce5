"""The editor's incremental analysis equals a full one: after every edit of a random
sequence (typing, deleting, deleting a paragraph, pasting one, across block boundaries, at
the start and the end) on real UN texts, the Document and the findings (fixes included) of
`relint` are those of `lint_document(parse(new_text))`, and so are the facts it moves from
the version before instead of computing them."""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from resolint.facts import Facts
from resolint.grammar import structure
from resolint.grammar.incremental import changed_range, reparse
from resolint.grammar.parser import parse
from resolint.linter.engine import lint_document
from resolint.linter.incremental import relint

from .conftest import CORPUS, SPANISH_SAMPLE, require

DOCUMENTS = [
    "official/en/A-RES-79-153.md", "official/en/A-RES-78-94.md", "official/en/A-RES-79-203.md",
    "official/es/A-RES-78-225.md", "official/fr/A-RES-78-91.md",
    "en-drafts/A-C.2-80-L.27.md", "en-drafts/A-C.5-80-L.1.md",
    # with an annex: a convention in chapters and articles (benchmarks/lsp_latency.py edits it
    # grown to 300 KB and 1 MB) and a Spanish annex
    "official/en/A-RES-79-243.md", "official/es/A-RES-78-252.md",
]
# What a drafter types: letters, the punctuation the rules read, paragraph and footnote
# markup, blank lines that split a block, and the characters folding and line ends touch.
TYPED = ["e", "A", ",", ";", ".", ":", " ", "\n", "\n\n", "*", "**", "<sup>1</sup>", "<sup>2</sup> ",
         "1. ", "(a) ", "\r", "\u00a0", "\u2011", "<!-- resolint: disable -->\n", "_"]


def _texts() -> list[str]:
    require(CORPUS.is_dir(), f"the corpus at {CORPUS}")
    return [SPANISH_SAMPLE.read_text(encoding="utf-8"),
            *((CORPUS / name).read_text(encoding="utf-8") for name in DOCUMENTS)]


@pytest.fixture(scope="module")
def texts() -> list[str]:
    return _texts()


def _position(data, text: str, cursor: int) -> int:
    """The start, the end, where the last edit ended (typing goes on there), or anywhere."""
    return data.draw(st.one_of(st.just(0), st.just(len(text)), st.just(min(cursor, len(text))), st.integers(0, len(text))))


def _paragraph(data, text: str) -> tuple[int, int]:
    """The span of a blank-line-separated paragraph, with the blank line after it."""
    starts = [0] + [i + 2 for i in range(len(text) - 1) if text.startswith("\n\n", i)]
    start = data.draw(st.sampled_from(starts))
    end = text.find("\n\n", start)
    return start, len(text) if end < 0 else end + 2


def _edit(data, text: str, cursor: int) -> tuple[str, int]:
    """The text after one edit, and where the edit ended."""
    kind = data.draw(st.sampled_from(["type", "delete", "delete paragraph", "paste paragraph", "cut range"]))
    at = _position(data, text, cursor)
    if kind == "type":
        typed = data.draw(st.sampled_from(TYPED))
        return text[:at] + typed + text[at:], at + len(typed)
    if kind == "delete":
        return text[: max(0, at - 1)] + text[at:], max(0, at - 1)
    if kind == "cut range":  # a selection deleted or replaced, often across blocks
        end = min(len(text), at + data.draw(st.integers(1, 400)))
        replacement = data.draw(st.sampled_from(["", " ", "\n\n", "x"]))
        return text[:at] + replacement + text[end:], at + len(replacement)
    start, end = _paragraph(data, text)
    if kind == "delete paragraph":
        return text[:start] + text[end:], start
    where = data.draw(st.sampled_from([at, _paragraph(data, text)[0]]))
    return text[:where] + text[start:end] + text[where:], where + end - start


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_incremental_analysis_equals_a_full_one(texts, data):
    text = data.draw(st.sampled_from(texts))
    linted = relint(text)
    cursor = 0
    for _ in range(data.draw(st.integers(1, 4))):
        text, cursor = _edit(data, text, cursor)
        linted = relint(text, linted)
        full = parse(text)
        assert linted.doc == full
        assert linted.doc.original == text
        assert list(linted.findings) == lint_document(full)
        facts = Facts(full)
        assert linted.facts.openings == facts.openings  # moved ones included, as hover reads them
        assert linted.facts.dates == facts.dates
        assert linted.facts.session_mentions == facts.session_mentions
        assert linted.facts.citations == facts.citations


GLUED = ("*The General Assembly*,\n\n*Recalling* its resolution<sup>1</sup> of 2020,\n\n"
         "*Noting* the report,<sup>2</sup> and the plan<sup>1</sup> A/75/345.\n\n1. *Decides* to act.\n")


@pytest.mark.parametrize("versions", [
    # a footnote text glued into a paragraph is one only if an earlier block referenced its label
    [GLUED, GLUED.replace("*Recalling* its resolution<sup>1</sup> of 2020,\n\n", ""), GLUED],
    # ... and if no footnote text of its own carries that label
    [GLUED, GLUED + "\n<sup>1</sup> Resolution 74/1.\n", GLUED],
    # a footnote line's last marker starts a note of its own when a blank follows it
    ["<sup>1</sup> A/75/1. <sup>2</sup>\n\nText.\n", "<sup>1</sup> A/75/1. <sup>2</sup> \n\nText.\n"],
    # a carriage return folds as a line end only when no line feed follows it
    ["*Recalling* a,\r\r*Noting* b,\n", "*Recalling* a,\r\n\r*Noting* b,\n", "*Recalling* a,\r\r*Noting* b,\n"],
])
def test_what_a_blocks_split_depends_on_beyond_its_text(versions):
    """Each dependence the memo keys on, changed by an edit outside the block."""
    parsed = None
    for text in versions:
        parsed = reparse(text, parsed)
        assert parsed.doc == parse(text)


def test_an_edit_reuses_the_split_of_the_blocks_it_left_alone(texts):
    """A character typed in one paragraph leaves every other block's split as it was: the
    blocks before it are the same objects, those after it moved copies."""
    text = texts[0]
    before = reparse(text)
    at = text.index("\n\n", len(text) // 2)
    after = reparse(text[:at] + " x" + text[at:], before)
    old = {id(entry) for entries in before.memo.values() for entry in entries.values()}
    kept = [id(entry) in old for entries in after.memo.values() for entry in entries.values()]
    assert after.doc == parse(text[:at] + " x" + text[at:])
    assert sum(kept) >= len(kept) // 3 and not all(kept)


def test_the_structure_parse_is_kept_while_no_block_changes_its_class(texts):
    text = texts[0]
    before = reparse(text)
    at = text.index(",\n\n", len(text) // 4)
    typed = reparse(text[:at] + " x" + text[at:], before)
    assert typed.structure is before.structure and typed.doc == parse(text[:at] + " x" + text[at:])
    start = text.index("\n\n1. ") + 2
    removed = text[:start] + text[text.index("\n\n", start) + 2 :]
    assert reparse(removed, typed).structure != before.structure


@pytest.mark.parametrize("text", [
    "*The General Assembly*,\n\n*Recalling* a,\n\n1. *Decides* b;\n\n*Recalling* c,\n\n2. *Requests* d.\n\n"
    "*62nd plenary meeting*\n\nSome text\n",  # two blocks set aside
    "*The General Assembly*,\n\n*Recalling* a,\n\n1. *Decides* b.\n",  # none
])
def test_the_parse_that_sets_tokens_aside_at_once_gives_the_plain_parses_tree(text):
    """After a version with tokens set aside, the structure parse goes straight to the
    token-by-token recovery: the same tree and the same tokens set aside."""
    kinds = reparse(text).structure.kinds
    assert structure._parse(kinds, recover=True) == structure._parse(kinds)


def test_an_edit_reads_again_only_the_stretches_of_text_it_touched(texts):
    """The dates, session mentions and citations before the edit are the same objects, those
    after it moved copies (and all equal those of a full analysis)."""
    text = texts[0]
    before = relint(text)
    at = text.index("\n\n", len(text) // 2)
    edited = text[:at] + " x" + text[at:]
    after = relint(edited, before)
    full = Facts(parse(edited))
    for name in ("dates", "session_mentions", "citations"):
        old = {id(item) for item in before.facts.known(name)}
        kept = [id(item) in old for item in after.facts.known(name)]
        assert after.facts.known(name) == getattr(full, name)
        assert any(kept) and not all(kept), name


@pytest.mark.parametrize(("old", "new", "expected"), [
    ("abc", "abc", (3, 3, 3)), ("abc", "abXc", (2, 2, 3)), ("aaaa", "aa", (2, 4, 2)),
    ("", "x", (0, 0, 1)), ("abcd", "", (0, 4, 0)), ("xab", "ab", (0, 1, 0)),
])
def test_changed_range(old, new, expected):
    assert changed_range(old, new) == expected
