"""text -> Document: block split, classification, Lark (LALR) over the block tokens, model.

The split never fails and the grammar never gives up: a token the grammar does not expect is
set aside (it becomes an `unplaced` block and an `out-of-order` parse issue), and a document
without a chapeau is built by the permissive fallback.
"""
from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from lark import Lark, Token, Tree
from lark import __version__ as lark_version
from lark.exceptions import UnexpectedInput
from lark.lexer import Lexer

from ..document import user_cache
from ..document.langdata import LanguagePack, detect_language, pack
from ..document.model import (
    Annex,
    Block,
    Chapeau,
    Document,
    DocumentKind,
    Emphasis,
    FootnoteText,
    HeaderKind,
    HeaderLine,
    Inline,
    IssueKind,
    MeetingLine,
    Meta,
    OperativeParagraph,
    ParseIssue,
    Part,
    PreambularParagraph,
    SubParagraph,
)
from ..document.punctuation import final_mark
from ..document.span import LineIndex, Span
from . import blocks as block_split
from .classify import NUMBERED, SUBPARA, classify
from .directives import parse_directive
from .typography import fold, newline_of

# Blocks that stand anywhere and belong to no paragraph: the structure runs on across them.
SET_ASIDE = ("FOOTNOTE", "COMMENT", "SEPARATOR", "TABLE")
PARAGRAPH_HEADS = ("EMPH", "TEXT", "NUMBERED", "SUBPARA", "LEAD_IN")
FINAL_PUNCTUATION = ",;:."
# Footnote numbers, "10,11", the sponsor-list asterisk, or a table note letter.
WELL_FORMED_LABEL = re.compile(r"(?:\d{1,3}(?:\s*,\s*\d{1,3})*|\*{1,3}|[a-z])\Z")
MALFORMED_SUP = re.compile(r"<sup>(?![^<\n]{0,20}</sup>)|<sup>\s*</sup>")


class _BlockTokens(Lexer):
    """Lark's lexer slot: the tokens are already made, one per block."""

    def __init__(self, lexer_conf) -> None:  # noqa: D107 - Lark's interface
        pass

    def lex(self, data):
        yield from data


@cache
def structure_parser() -> Lark:
    """The LALR parser over block tokens, built once per process; the parse table is kept
    in the user's cache folder (building it costs ~40 ms, loading it ~5 ms)."""
    grammar = (Path(__file__).parent / "resolution.lark").read_text(encoding="utf-8")
    return Lark(grammar, parser="lalr", lexer=_BlockTokens, cache=cache_file("structure", grammar))


def cache_file(name: str, grammar: str) -> str | bool:
    """Where Lark keeps the parse table of `grammar` (False: no writable cache folder). The
    name holds the grammar's digest, so that installations of two resolint versions (or two
    checkouts) on one machine each keep their own table instead of rebuilding each other's."""
    folder = user_cache.writable_folder()
    if folder is None:
        return False
    version = f"{user_cache.digest(grammar.encode('utf-8'))[:12]}-lark{lark_version}-py{sys.version_info[0]}{sys.version_info[1]}"
    return str(folder / f"{name}-{version}.cache")


@dataclass(slots=True)
class _Item:
    """A block on its way into the model: its class, and continuation pieces if any."""

    kind: str
    raw: block_split.RawBlock
    pieces: list[Span] = field(default_factory=list)
    inlines: list[Inline] = field(default_factory=list)


def parse(text: str, *, language: str | None = None, path: str | None = None) -> Document:
    """Parse `text` into a Document. Never raises on any text. The document reads the text
    folded (typography.fold: no-break spaces and hyphens as plain ones, offsets unchanged)."""
    original, text = text, fold(text)
    language = language or detect_language(text)
    language_pack = pack(language)
    raws = block_split.split(text)
    items = [_Item(classify(text, raw, language_pack), raw) for raw in raws]
    for item in items:
        item.pieces.append(item.raw.span)
        item.inlines.append(item.raw.inline)
    issues = _split_issues(text, items)
    content = _grammar_stream(text, items)
    builder = _Builder(text, language_pack, content)
    if any(item.kind == "CHAPEAU" for item in content):
        tree, unplaced = _parse_structure(content)
        builder.from_tree(tree)
        for index in unplaced:
            item = content[index]
            builder.unplaced(item)
            issues.append(ParseIssue(IssueKind.OUT_OF_ORDER, item.raw.span, _describe(item.kind)))
    else:
        builder.permissive()
    footnotes = tuple(_footnote(text, item) for item in items if item.kind == "FOOTNOTE")
    tables = tuple(Block(item.raw.span, "table", item.raw.inline) for item in items if item.kind == "TABLE")
    directives = tuple(
        directive
        for item in items
        if item.kind == "COMMENT"
        for directive in [parse_directive(text, item.raw.span)]
        if directive
    )
    lines = LineIndex(text)
    return Document(
        text=text,
        path=path,
        language=language,
        body=builder.body(),
        kind=builder.kind(),
        plain_text=not any(item.raw.inline.emphases or item.raw.inline.stray for item in items),
        meta=builder.meta(),
        header=tuple(builder.header),
        parts=tuple(builder.parts),
        annexes=tuple(builder.annexes),
        footnotes=footnotes,
        blocks=tuple(sorted([*builder.nodes, *footnotes, *tables], key=lambda node: node.span)),
        directives=directives,
        issues=tuple(sorted(issues, key=lambda issue: issue.span)),
        lines=lines,
        newline=newline_of(original),
        original=original,
    )


# --- before the grammar ---------------------------------------------------------------------

def _split_issues(text: str, items: list[_Item]) -> list[ParseIssue]:
    """Run-together blocks, stray emphasis markers and malformed footnote markers."""
    issues: list[ParseIssue] = []
    for item in items:
        raw = item.raw
        if raw.gap is not None:
            issues.append(ParseIssue(IssueKind.RUN_TOGETHER, raw.gap, _describe(item.kind)))
        issues.extend(ParseIssue(IssueKind.UNBALANCED_EMPHASIS, stray) for stray in raw.inline.stray)
        for ref in raw.inline.refs:
            if not WELL_FORMED_LABEL.match(ref.label) and not _ordinal_suffix(text, ref):
                issues.append(ParseIssue(IssueKind.MALFORMED_MARKER, ref.span, ref.label))
    for match in MALFORMED_SUP.finditer(text):
        if not text.startswith("<sup></sup>", match.start()):
            issues.append(ParseIssue(IssueKind.MALFORMED_MARKER, Span(match.start(), match.end()), ""))
    return issues


def _ordinal_suffix(text: str, ref) -> bool:
    """A superscript suffix of an ordinal or an abbreviation, not a footnote marker: letters
    (or an apostrophe) right after a letter or figure, "1<sup>er</sup>", "XIII<sup>es</sup>",
    "n<sup>os</sup>", "17<sup>a</sup>", "l<sup>’</sup>homme" (the SS rules check ordinals)."""
    label = ref.label
    suffix = label.isalpha() or label in ("’", "'")
    return suffix and len(label) <= 3 and text[ref.span.start - 1 : ref.span.start].isalnum()


def _visible_end(text: str, span: Span) -> str:
    return final_mark(text, span)[0]


def _grammar_stream(text: str, items: list[_Item]) -> list[_Item]:
    """The items the grammar reads: continuations merged, set-aside blocks left out, and
    the classes that only the neighbours tell (section numbers, introduced text) settled."""
    content = _merge_continuations(text, items)
    _mark_section_numbers(content)
    _mark_section_titles(text, content)
    _mark_embedded_text(text, content)
    _mark_quoted_text(text, content)
    return content


def _merge_continuations(text: str, items: list[_Item]) -> list[_Item]:
    """Join paragraphs that a page break (and the footnotes printed there) cut in two; drop
    footnote texts, comments and separator lines from the stream.

    A text block continues the paragraph before it when it starts in lower case, or when the
    earlier part lacks its final punctuation and footnote texts stand between them (or the
    block starts with a figure, as in "9 December 2021, and ...").
    """
    merged: list[_Item] = []
    notes_between = False
    emphasised = any(item.raw.inline.emphases for item in items)
    for item in items:
        if item.kind in SET_ASIDE:
            notes_between = notes_between or item.kind in ("FOOTNOTE", "SEPARATOR")
            continue
        previous = merged[-1] if merged else None
        if item.kind == "TEXT" and previous is not None and previous.kind in PARAGRAPH_HEADS:
            first = text[item.raw.span.start : item.raw.span.start + 1]
            open_end = _visible_end(text, previous.pieces[-1]) not in FINAL_PUNCTUATION
            # Where paragraphs open with italics, a roman block after footnote texts is the
            # rest of the paragraph the page break cut (even after a comma, A/RES/80/192).
            if first.islower() or (notes_between and (open_end or emphasised)) or (open_end and first.isdigit()):
                previous.pieces.append(item.raw.span)
                previous.inlines.append(item.raw.inline)
                notes_between = False
                continue
        merged.append(item)
        notes_between = False
    return merged


def _mark_section_numbers(items: list[_Item]) -> None:
    """A letter or numeral on a line of its own labels a part ("A", then its title, then the
    chapeau) only where a chapeau follows; elsewhere it numbers a section ("I", "II" between
    operative paragraphs, A/RES/79/254): a heading."""
    for index, item in enumerate(items):
        if item.kind != "PART":
            continue
        after = index + 1
        while after < len(items) and items[after].kind in ("HEADING", "STRONG"):
            after += 1
        if after == len(items) or items[after].kind != "CHAPEAU":
            item.kind = "HEADING"


def _mark_section_titles(text: str, items: list[_Item]) -> None:
    """A section's title may be long ("Financing of the support account for peacekeeping
    operations for the financial periods from ...", A/RES/78/293): a roman block with no
    final punctuation between two operative paragraphs, or after a section number, is a
    heading, not a stray paragraph."""
    for index in range(1, len(items) - 1):
        item, previous, following = items[index], items[index - 1], items[index + 1]
        if (
            item.kind == "TEXT"
            and len(item.pieces) == 1
            and (
                (previous.kind == "HEADING" and following.kind in ("NUMBERED", "EMPH"))
                or (previous.kind in ("NUMBERED", "SUBPARA") and _visible_end(text, previous.pieces[-1]) in ";."
                    and following.kind in ("NUMBERED", "HEADING", "STRONG"))
            )
            and _visible_end(text, item.pieces[-1]) not in FINAL_PUNCTUATION
            and item.raw.span.end - item.raw.span.start <= 500
            and text[item.raw.span.start].isupper()
        ):
            item.kind = "HEADING"


def _mark_embedded_text(text: str, items: list[_Item]) -> None:
    """A lead-in right after the chapeau, ending with a colon, is an operative paragraph:
    `*Adopts* the following Pact ...:` then the Pact itself (A/RES/79/1), whose numbered
    paragraphs are not operative ones; or `*Resolves* that, for 2024:` then the numbered
    operative paragraphs it introduces (the budget resolutions, A/RES/78/254 A)."""
    chapeau = next((i for i, item in enumerate(items) if item.kind == "CHAPEAU"), None)
    if chapeau is None or chapeau + 2 >= len(items):
        return
    lead, after = items[chapeau + 1], items[chapeau + 2]
    if lead.kind != "EMPH" or _visible_end(text, lead.pieces[-1]) != ":":
        return
    if after.kind == "NUMBERED":
        lead.kind = "LEAD_IN"
        return
    if after.kind not in ("TEXT", "HEADING"):
        return
    stop = len(items)
    for index in range(chapeau + 2, len(items)):
        if items[index].kind in ("MEETING", "ANNEX", "PART", "CHAPEAU"):
            stop = index
            break
        if items[index].kind == "NUMBERED" and _opens_with_emphasis(text, items[index]):
            return  # real operative paragraphs follow: this is a preamble, not a lead-in
    lead.kind = "LEAD_IN"
    for item in items[chapeau + 2 : stop]:
        item.kind = "EMBEDDED"


def _mark_quoted_text(text: str, items: list[_Item]) -> None:
    """A paragraph that ends with a colon may introduce lines that are no paragraphs of the
    resolution: a schedule ("Monday, 9 June: from 9 a.m. ...", A/RES/78/128), the themes of
    round tables, a question put to the Court (A/RES/79/232), captions and notes of the
    tables it introduces ("*Abbreviations*: ..."), an agenda numbered from 1 again
    (A/RES/78/223). Those blocks belong to the paragraph before them, as its embedded text."""
    in_body = False
    quoted_number = 0  # the number the next item of a quoted numbered list would have
    operative_number = 0  # the last operative paragraph's
    for index, item in enumerate(items):
        if item.kind == "CHAPEAU":
            in_body = True
        elif item.kind in ("MEETING", "ANNEX"):
            in_body = False
        if not in_body or index == 0:
            continue
        previous = items[index - 1]
        introduced = _visible_end(text, previous.pieces[-1]) == ":"
        if item.kind in ("TEXT", "HEADING") and (introduced or previous.kind == "EMBEDDED"):
            item.kind = "EMBEDDED"
        elif item.kind == "EMPH" and (introduced or previous.kind == "EMBEDDED") and _labels_a_note(text, item):
            item.kind = "EMBEDDED"
        elif item.kind == "SUBPARA" and previous.kind == "EMBEDDED" and _opens_quote(text, previous):
            item.kind = "EMBEDDED"  # "“a) En el momento ..." then "b) Cuando ...": the quoted rule goes on
        elif item.kind == "NUMBERED" and not _opens_with_emphasis(text, item):
            number = _number(text, item)
            # "1. Opening of the Congress." after "11. *Approves* the following agenda:";
            # "4. In hearing an application ..." after "Article 9, new paragraph 4:".
            starts = introduced and (
                (previous.kind == "NUMBERED" and number == 1 and _number(text, previous) > 1)
                or (previous.kind == "EMBEDDED" and number != operative_number + 1)
            )
            goes_on = quoted_number and number == quoted_number and previous.kind in ("EMBEDDED", "SUBPARA")
            if starts or goes_on:
                item.kind = "EMBEDDED"
                quoted_number = number + 1
                continue
        if item.kind not in ("EMBEDDED", "SUBPARA"):
            quoted_number = 0
        if item.kind == "NUMBERED":
            operative_number = _number(text, item)


def _opens_quote(text: str, item: _Item) -> bool:
    """A block that opens a quotation it does not close ("“a) En el momento ...;")."""
    raw = text[item.raw.span.start : item.pieces[-1].end]
    return raw[:1] in "“«\"" and raw.count("”") + raw.count("»") < raw.count("“") + raw.count("«")


def _labels_a_note(text: str, item: _Item) -> bool:
    """"*Abbreviations*: GS (OL), ...": an italic label and a colon, a table's note."""
    emphases = item.raw.inline.emphases
    return bool(emphases) and re.match(r"[ \t]?:", text[emphases[0].span.end : emphases[0].span.end + 2]) is not None


def _number(text: str, item: _Item) -> int:
    match = NUMBERED.match(text, item.raw.span.start)
    return int(match.group("number")) if match else 0


def _opens_with_emphasis(text: str, item: _Item) -> bool:
    label, content = _label(text, item)
    return _opening(item.raw.inline, label, content) is not None


# --- the grammar ----------------------------------------------------------------------------

def _parse_structure(items: list[_Item]) -> tuple[Tree, list[int]]:
    """Parse the block tokens; tokens the grammar cannot take are set aside and returned."""
    tokens = [Token(item.kind, str(index)) for index, item in enumerate(items)]
    parser = structure_parser()
    try:
        return parser.parse(tokens), []
    except UnexpectedInput:
        pass
    interactive = parser.parse_interactive([])
    accepted: list[Token] = []
    unplaced: list[int] = []
    for token in tokens:
        state = interactive.parser_state
        if token.type not in state.parse_conf.parse_table.states[state.position]:
            unplaced.append(int(token.value))
            continue
        try:
            interactive.feed_token(token)
            accepted.append(token)
        except UnexpectedInput:  # an LALR reduction that led nowhere: replay what was accepted
            unplaced.append(int(token.value))
            interactive = parser.parse_interactive([])
            for earlier in accepted:
                interactive.feed_token(earlier)
    try:
        return interactive.feed_eof(), unplaced
    except UnexpectedInput:
        # The input ended early (e.g. a chapeau and nothing else): close with what we have.
        return Tree("start", [Tree("header", []), *_partial_parts(accepted)]), unplaced


def _partial_parts(tokens: list[Token]) -> list[Tree]:
    chapeau = [t for t in tokens if t.type == "CHAPEAU"][:1]
    if not chapeau:
        return []
    return [Tree("part", [Tree("chapeau", chapeau), Tree("preamble", []), Tree("operative", [])])]


DESCRIPTIONS = {
    "SESSION": "session line", "COMMITTEE": "committee line", "AGENDA": "agenda line",
    "ADOPTION": "adoption line", "PROVENANCE": "provenance line", "NUMBER_TITLE": "number and title",
    "SPONSORS": "sponsor line", "SC_NUMBER": "resolution number", "SC_ADOPTED": "adoption line",
    "SYMBOL": "document symbol", "TEXT": "text", "STRONG": "bold text", "EMPH": "paragraph",
    "HEADING": "heading", "PART": "part label", "CHAPEAU": "chapeau", "NUMBERED": "operative paragraph",
    "SUBPARA": "sub-paragraph", "LEAD_IN": "paragraph", "EMBEDDED": "text", "MEETING": "meeting line",
    "ANNEX": "annex heading", "FOOTNOTE": "footnote text", "TABLE": "table",
}


def _describe(kind: str) -> str:
    return DESCRIPTIONS.get(kind, kind.lower())


# --- the model ------------------------------------------------------------------------------

HEADER_KINDS = {
    "SESSION": "session", "COMMITTEE": "committee", "AGENDA": "agenda", "ADOPTION": "adoption",
    "PROVENANCE": "provenance", "NUMBER_TITLE": "number_title", "SPONSORS": "sponsors",
    "SC_NUMBER": "sc_number", "SC_ADOPTED": "sc_adopted", "SYMBOL": "symbol",
}


class _Builder:
    """Turns classified items (and the parse tree over them) into model nodes."""

    def __init__(self, text: str, language_pack: LanguagePack, items: list[_Item]) -> None:
        self.text = text
        self.pack = language_pack
        self.items = items
        self.header: list[HeaderLine] = []
        self.parts: list[Part] = []
        self.annexes: list[Annex] = []
        self.nodes: list[object] = []
        self.embedded: list[Block] = []  # text introduced by a paragraph, for its part's `others`

    # tree walking

    def from_tree(self, tree: Tree) -> None:
        for child in tree.children:
            if child.data == "header":
                for token in child.children:
                    self._header_line(self.items[int(token)])
            elif child.data == "part":
                self._part(child)
            elif child.data == "annex":
                self._annex([self.items[int(token)] for token in child.children])

    def _part(self, tree: Tree) -> None:
        label = chapeau = closing = None
        preambular: list[PreambularParagraph] = []
        operative: list[OperativeParagraph] = []
        others: list[Block] = []
        children = list(tree.children)
        for index, child in enumerate(children):
            if isinstance(child, Token) and child.type == "PART":
                label = self._block(self.items[int(child)], "part")
            elif isinstance(child, Token):  # the part's title, between its label and chapeau
                others.append(self._block(self.items[int(child)], "heading"))
            elif child.data == "chapeau":
                chapeau = self._chapeau(self.items[int(child.children[0])])
            elif child.data == "preamble":
                self._section(child, children[index + 1], preambular, operative, others)
            elif child.data == "section":
                *headings, preamble, operative_tree = child.children
                others.extend(self._block(self.items[int(token)], "heading") for token in headings)
                self._section(preamble, operative_tree, preambular, operative, others, in_section=True)
            elif child.data == "closing":
                closing = self._meeting(self.items[int(child.children[0])])
        others.extend(self.embedded)
        self.embedded.clear()
        others.sort(key=lambda block: block.span)
        self.parts.append(Part(label, chapeau, tuple(preambular), tuple(operative), closing, tuple(others)))

    def _section(self, preamble: Tree, operative_tree: Tree, preambular: list, operative: list,
                 others: list, in_section: bool = False) -> None:
        """One preamble + operative pair. Without numbered paragraphs, the operative part is
        unnumbered: a last paragraph ending in "." (A/RES/78/1), or, inside a section, the
        paragraphs after the last one ending in "," (Fifth Committee texts)."""
        own = [self._paragraph(PreambularParagraph, node.children) for node in preamble.children]
        if operative_tree.data == "led":  # "*Resolves* that, for 2024:" then "1. ..."
            lead, *numbered = operative_tree.children
            operative.append(self._paragraph(OperativeParagraph, [lead]))
            operative.extend(self._paragraph(OperativeParagraph, node.children) for node in numbered)
        elif operative_tree.data == "embedding":
            lead, *embedded = operative_tree.children
            operative.append(self._paragraph(OperativeParagraph, [lead]))
            others.extend(self._block(self.items[int(token)], "embedded") for token in embedded)
        elif operative_tree.children:
            operative.extend(self._paragraph(OperativeParagraph, node.children) for node in operative_tree.children)
        elif own:
            ends = [_visible_end(self.text, _last_piece(paragraph)) for paragraph in own]
            first = len(own) - 1 if ends[-1] == "." else len(own)
            if in_section:
                while first > 0 and ends[first - 1] in ";.":
                    first -= 1
            for paragraph in own[first:]:
                self.nodes.remove(paragraph)
                operative.append(_as_operative(paragraph))
                self.nodes.append(operative[-1])
            own = own[:first]
        preambular.extend(own)

    # permissive fallback: no chapeau, so no grammar; place blocks by their class alone

    def permissive(self) -> None:
        if self._has_no_body():
            for item in self.items:
                if item.kind in HEADER_KINDS:
                    self._header_line(item)
                else:
                    self._block(item, "amendment")
            return
        preambular: list[PreambularParagraph] = []
        operative: list[OperativeParagraph] = []
        headings: list[Block] = []
        closing = None
        in_header = True
        index = 0
        items = self.items
        while index < len(items):
            item = items[index]
            kind = item.kind
            if kind == "ANNEX":
                self._annex(items[index:])
                break
            subs_end = index + 1
            while subs_end < len(items) and items[subs_end].kind == "SUBPARA":
                subs_end += 1
            if in_header and (kind in HEADER_KINDS or kind in ("STRONG", "HEADING")
                              or (kind == "TEXT" and not _ends_paragraph(self.text, item))):
                self._header_line(item)
            elif kind in ("EMPH", "TEXT", "LEAD_IN", "EMBEDDED") and not operative:
                in_header = False
                preambular.append(self._paragraph(PreambularParagraph, items[index:subs_end]))
                index = subs_end
                continue
            elif kind in ("NUMBERED", "SUBPARA"):
                in_header = False
                operative.append(self._paragraph(OperativeParagraph, items[index:subs_end]))
                index = subs_end
                continue
            elif kind == "MEETING":
                closing = self._meeting(item)
            else:
                in_header = False
                headings.append(self._block(item, "text"))
            index += 1
        if preambular or operative or closing or headings:
            self.parts.append(Part(None, None, tuple(preambular), tuple(operative), closing, tuple(headings)))

    def _has_no_body(self) -> bool:
        """An amendment quotes paragraphs of another text, and a note by the Secretariat or the
        Chair (organization of work) is no resolution: nothing in them is a paragraph to check."""
        patterns = self.pack.header_patterns
        return any(
            (item.kind == "SPONSORS" and patterns["amendment"].search(self.text, item.raw.span.start, item.raw.span.end))
            or patterns["note"].match(self.text[item.raw.span.start : item.raw.span.end])
            for item in self.items
            if item.kind in HEADER_KINDS or item.kind in ("HEADING", "TEXT")
        )

    def unplaced(self, item: _Item) -> None:
        self._block(item, "unplaced")

    # nodes

    def _block(self, item: _Item, kind: str) -> Block:
        node = Block(_whole(item), kind, _merge_inline(item.inlines))
        self.nodes.append(node)
        return node

    def _header_line(self, item: _Item) -> None:
        node = HeaderLine(_whole(item), HeaderKind(HEADER_KINDS.get(item.kind, "title")), _merge_inline(item.inlines))
        self.header.append(node)
        self.nodes.append(node)

    def _chapeau(self, item: _Item) -> Chapeau:
        span = item.raw.span
        raw = self.text[span.start : span.end]
        start = span.start + len(raw) - len(raw.lstrip("*_ "))
        name = self.text[start : span.end].rstrip("*_,.:; ")
        node = Chapeau(span, Span(start, start + len(name)), self.pack.organs.get(name.casefold()), item.raw.inline)
        self.nodes.append(node)
        return node

    def _meeting(self, item: _Item) -> MeetingLine:
        node = MeetingLine(item.raw.span, item.raw.inline)
        self.nodes.append(node)
        return node

    def _annex(self, items: list[_Item]) -> None:
        heading, *rest = items
        contents = tuple(Block(_whole(item), item.kind.lower(), _merge_inline(item.inlines)) for item in rest)
        end = contents[-1].span.end if contents else heading.raw.span.end
        node = Annex(Span(heading.raw.span.start, end), heading.raw.span, contents)
        self.annexes.append(node)
        self.nodes.append(node)

    def _paragraph(self, cls, tokens_or_items) -> object:
        items = [self.items[int(t)] if isinstance(t, Token) else t for t in tokens_or_items]
        head, subs = items[0], [item for item in items[1:] if item.kind != "EMBEDDED"]
        self.embedded.extend(self._block(item, "embedded") for item in items[1:] if item.kind == "EMBEDDED")
        node = _make_paragraph(self.text, cls, head, _nest_subparagraphs(self.text, subs))
        self.nodes.append(node)
        return node

    # document facts

    def body(self) -> str | None:
        for part in self.parts:
            if part.chapeau and part.chapeau.body:
                return part.chapeau.body
        for line in self.header:
            raw = self.text[line.span.start : line.span.end]
            if line.kind in ("sc_number", "sc_adopted"):
                return "SC"
            if line.kind in ("adoption", "sponsors", "committee", "number_title", "session", "agenda"):
                for name, body in self.pack.organs.items():
                    if name.split(" ", 1)[-1] in raw.casefold():
                        return body
                if line.kind in ("sponsors", "committee", "session", "agenda"):
                    return "GA"
        return None

    def kind(self) -> DocumentKind:
        draft_kind = re.compile(self.pack.header_patterns["draft_kind"].pattern, re.IGNORECASE)
        for line in self.header:
            raw = self.text[line.span.start : line.span.end]
            if line.kind == "sponsors":
                match = draft_kind.search(raw)
                return DocumentKind.DECISION if match and match.group(1).lower().startswith("decis") else DocumentKind.DRAFT
            if line.kind == "adoption" and re.match(self.pack.layout["decision_adoption"], raw):
                return DocumentKind.DECISION
            if self.pack.header_patterns["note"].match(raw):
                return DocumentKind.DRAFT  # an L. document, but a note, not a resolution
        return DocumentKind.RESOLUTION

    def meta(self) -> Meta:
        """The symbol and number the heading gives. The session and the adoption date are
        facts (facts/sessions.py, facts/dates.py): one reader of each, from the language data."""
        symbol = number = None
        for line in self.header:
            raw = _plain(self.text[line.span.start : line.span.end])
            if line.kind == "number_title" and number is None:
                number = raw.split(". ", 1)[0].rstrip(".")
            elif line.kind == "sc_number" and number is None:
                number = raw.split(" ", 1)[1]
            elif line.kind == "symbol" and symbol is None:
                symbol = raw
        return Meta(symbol, number)


# --- helpers --------------------------------------------------------------------------------

def _plain(raw: str) -> str:
    from .inline import strip_markup

    return strip_markup(raw).strip()


def _whole(item: _Item) -> Span:
    return Span(item.pieces[0].start, item.pieces[-1].end)


def _merge_inline(inlines: list[Inline]) -> Inline:
    if len(inlines) == 1:
        return inlines[0]
    return Inline(
        tuple(e for inline in inlines for e in inline.emphases),
        tuple(r for inline in inlines for r in inline.refs),
        tuple(s for inline in inlines for s in inline.stray),
    )


def _last_piece(paragraph) -> Span:
    """Where a paragraph really ends: in its last sub-paragraph, if it has any."""
    while paragraph.subparagraphs:
        paragraph = paragraph.subparagraphs[-1]
    return paragraph.pieces[-1]


def _ends_paragraph(text: str, item: _Item) -> bool:
    return _visible_end(text, item.pieces[-1]) in ",;"


def _label(text: str, item: _Item) -> tuple[Span | None, int]:
    """The paragraph label ("12.", "(a)") and where the text after it starts."""
    span = item.raw.span
    match = (NUMBERED if item.kind == "NUMBERED" else SUBPARA if item.kind == "SUBPARA" else None)
    found = match.match(text, span.start) if match else None
    if not found:
        return None, span.start
    label_end = found.end() - 1  # the regex ends with one blank
    label_text = text[span.start : label_end]
    trimmed = span.start + len(label_text) - len(label_text.lstrip("*"))
    label = Span(trimmed, trimmed + len(label_text.strip("*")))
    content = found.end()
    while content < span.end and text[content] in " \t\u200e\u200f":  # U+200E: the XML's, A/RES/79/254
        content += 1
    return label, content


def _opening(inline: Inline, label: Span | None, content: int) -> Emphasis | None:
    """The emphasis that opens the paragraph's text (it may start inside a damaged label)."""
    floor = label.start if label else content
    for emphasis in inline.emphases:
        if floor <= emphasis.span.start <= content and emphasis.span.end > content:
            return emphasis
        if emphasis.span.start > content:
            break
    return None


def _make_paragraph(text: str, cls, head: _Item, subparagraphs: tuple[SubParagraph, ...]):
    label, content = _label(text, head)
    inline = _merge_inline(head.inlines)
    common = dict(
        span=_whole(head),
        pieces=tuple(head.pieces),
        label=label,
        content=content,
        opening=_opening(inline, label, content),
        inline=inline,
        subparagraphs=subparagraphs,
    )
    if cls is OperativeParagraph:
        number_text = text[label.start : label.end].rstrip(".*,") if label else ""
        return OperativeParagraph(**common, number=int(number_text) if number_text.isdigit() else None)
    if cls is SubParagraph:
        return SubParagraph(**common)
    return cls(**common)


def _as_operative(paragraph: PreambularParagraph) -> OperativeParagraph:
    return OperativeParagraph(
        span=paragraph.span, pieces=paragraph.pieces, label=paragraph.label, content=paragraph.content,
        opening=paragraph.opening, inline=paragraph.inline, subparagraphs=paragraph.subparagraphs, number=None,
    )


ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50}


def _roman_value(marker: str) -> int | None:
    if not marker or set(marker) - set(ROMAN):
        return None
    total = 0
    for index, char in enumerate(marker):
        value = ROMAN[char]
        if index + 1 < len(marker) and ROMAN[marker[index + 1]] > value:
            total -= value
        else:
            total += value
    return total


def _letter_value(marker: str) -> int | None:
    """a=1 ... z=26, aa=27, bb=28 ... (doubled letters continue the alphabet)."""
    if len(set(marker)) != 1 or not marker.isalpha():
        return None
    return (len(marker) - 1) * 26 + ord(marker[0]) - ord("a") + 1


def _nest_subparagraphs(text: str, items: list[_Item]) -> tuple[SubParagraph, ...]:
    """Level and order of each sub-paragraph; deeper levels become children."""
    flat: list[tuple[int, _Item, str, str, int]] = []
    last_letter = {1: 0, 3: 0}
    in_roman = {2: False, 4: False}
    for item in items:
        match = SUBPARA.match(text, item.raw.span.start)
        marker = match.group("marker") if match else ""
        style = ("(a)" if match and match.group("open") else "a." if match and match.group("close") == "." else "a)")
        letter_level, roman_level = (3, 4) if style == "a." else (1, 2)
        letter, roman = _letter_value(marker), _roman_value(marker)
        continues_letters = letter is not None and letter == last_letter[letter_level] + 1
        # "(i)" after "(h)" is the letter i, unless "(h)" introduced a list of its own.
        introduced = bool(flat) and final_mark(text, flat[-1][1].pieces[-1])[0] == ":"
        if roman is not None and (not continues_letters or introduced) and (marker == "i" or in_roman[roman_level]):
            level, ordinal = roman_level, roman
            in_roman[roman_level] = True
        else:
            level, ordinal = letter_level, letter or 0
            last_letter[letter_level] = ordinal
            in_roman[roman_level] = False
        flat.append((level, item, marker, style, ordinal))
    return _build_levels(text, flat, 0, len(flat))


def _build_levels(text: str, flat, start: int, end: int) -> tuple[SubParagraph, ...]:
    result: list[SubParagraph] = []
    index = start
    while index < end:
        level, item, marker, style, ordinal = flat[index]
        child_end = index + 1
        while child_end < end and flat[child_end][0] > level:
            child_end += 1
        children = _build_levels(text, flat, index + 1, child_end)
        node = _make_paragraph(text, SubParagraph, item, children)
        result.append(
            SubParagraph(
                span=node.span, pieces=node.pieces, label=node.label, content=node.content,
                opening=node.opening, inline=node.inline, subparagraphs=children,
                marker=marker, style=style, level=level, ordinal=ordinal,
            )
        )
        index = child_end
    return tuple(result)


def _footnote(text: str, item: _Item) -> FootnoteText:
    raw = item.raw
    match = block_split.FOOTNOTE_START.match(text, raw.span.start)
    label = block_split._label(text, raw.span.start)
    marker_end = min(match.end(), raw.span.end) if match else raw.span.start  # the marker may take a trailing space the block lacks
    label_end = marker_end if text[marker_end - 1 : marker_end] == ":" else marker_end - 1
    body_start = marker_end
    while body_start < raw.span.end and text[body_start] in " \t":
        body_start += 1
    return FootnoteText(
        span=raw.span,
        label=label,
        label_span=Span(raw.span.start, max(raw.span.start, label_end)),
        body=Span(body_start, raw.span.end),
        inline=raw.inline,
        glued=raw.glued_footnote,
        host=raw.host,
    )
