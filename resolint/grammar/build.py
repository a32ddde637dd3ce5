"""The model builder: model nodes from the settled items, placed by the parse tree over them
(the permissive placement of a text without a chapeau is fallback.py's)."""
from __future__ import annotations

from lark import Token, Tree

from ..document.langdata import LanguagePack
from ..document.model import (
    Annex,
    Block,
    Chapeau,
    HeaderKind,
    HeaderLine,
    MeetingLine,
    OperativeParagraph,
    Part,
    PreambularParagraph,
)
from ..document.span import Span, by_span
from .header import HEADER_LINE_KINDS
from .items import Item, merged_inline, visible_end, whole
from .paragraphs import as_operative, last_piece, make_paragraph, nest_subparagraphs


class Builder:
    """Turns classified items (and the parse tree over them) into model nodes."""

    def __init__(self, text: str, language_pack: LanguagePack, items: list[Item]) -> None:
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
                    self.header_line(self.items[int(token)])
            elif child.data == "part":
                self._part(child)
            elif child.data == "annex":
                self.annex([self.items[int(token)] for token in child.children])

    def _part(self, tree: Tree) -> None:
        label = chapeau = closing = None
        preambular: list[PreambularParagraph] = []
        operative: list[OperativeParagraph] = []
        others: list[Block] = []
        children = list(tree.children)
        for index, child in enumerate(children):
            if isinstance(child, Token) and child.type == "PART":
                label = self.block(self.items[int(child)], "part")
            elif isinstance(child, Token):  # the part's title, between its label and chapeau
                others.append(self.block(self.items[int(child)], "heading"))
            elif child.data == "chapeau":
                chapeau = self._chapeau(self.items[int(child.children[0])])
            elif child.data == "preamble":
                self._section(child, children[index + 1], preambular, operative, others)
            elif child.data == "section":
                *headings, preamble, operative_tree = child.children
                others.extend(self.block(self.items[int(token)], "heading") for token in headings)
                self._section(preamble, operative_tree, preambular, operative, others, in_section=True)
            elif child.data == "closing":
                closing = self.meeting(self.items[int(child.children[0])])
        others.extend(self.embedded)
        self.embedded.clear()
        others.sort(key=by_span)
        self.parts.append(Part(label, chapeau, tuple(preambular), tuple(operative), closing, tuple(others)))

    def _section(self, preamble: Tree, operative_tree: Tree, preambular: list, operative: list,
                 others: list, in_section: bool = False) -> None:
        """One preamble + operative pair. Without numbered paragraphs, the operative part is
        unnumbered: a last paragraph ending in "." (A/RES/78/1), or, inside a section, the
        paragraphs after the last one ending in "," (Fifth Committee texts)."""
        own = [self.paragraph(PreambularParagraph, node.children) for node in preamble.children]
        if operative_tree.data == "led":  # "*Resolves* that, for 2024:" then "1. ..."
            lead, *numbered = operative_tree.children
            operative.append(self.paragraph(OperativeParagraph, [lead]))
            operative.extend(self.paragraph(OperativeParagraph, node.children) for node in numbered)
        elif operative_tree.data == "embedding":
            lead, *embedded = operative_tree.children
            operative.append(self.paragraph(OperativeParagraph, [lead]))
            others.extend(self.block(self.items[int(token)], "embedded") for token in embedded)
        elif operative_tree.children:
            operative.extend(self.paragraph(OperativeParagraph, node.children) for node in operative_tree.children)
        elif own:
            ends = [visible_end(self.text, last_piece(paragraph)) for paragraph in own]
            first = len(own) - 1 if ends[-1] == "." else len(own)
            if in_section:
                while first > 0 and ends[first - 1] in ";.":
                    first -= 1
            for paragraph in own[first:]:
                self.nodes.remove(paragraph)
                operative.append(as_operative(paragraph))
                self.nodes.append(operative[-1])
            own = own[:first]
        preambular.extend(own)

    def unplaced(self, item: Item) -> None:
        self.block(item, "unplaced")

    # nodes

    def block(self, item: Item, kind: str) -> Block:
        node = Block(whole(item), kind, merged_inline(item.inlines))
        self.nodes.append(node)
        return node

    def header_line(self, item: Item) -> None:
        node = HeaderLine(whole(item), HeaderKind(HEADER_LINE_KINDS.get(item.kind, "title")), merged_inline(item.inlines))
        self.header.append(node)
        self.nodes.append(node)

    def _chapeau(self, item: Item) -> Chapeau:
        span = item.raw.span
        raw = self.text[span.start : span.end]
        start = span.start + len(raw) - len(raw.lstrip("*_ "))
        name = self.text[start : span.end].rstrip("*_,.:; ")
        node = Chapeau(span, Span(start, start + len(name)), self.pack.organs.get(name.casefold()), item.raw.inline)
        self.nodes.append(node)
        return node

    def meeting(self, item: Item) -> MeetingLine:
        node = MeetingLine(item.raw.span, item.raw.inline)
        self.nodes.append(node)
        return node

    def annex(self, items: list[Item]) -> None:
        heading, *rest = items
        contents = tuple(Block(whole(item), item.kind.lower(), merged_inline(item.inlines)) for item in rest)
        end = contents[-1].span.end if contents else heading.raw.span.end
        node = Annex(Span(heading.raw.span.start, end), heading.raw.span, contents)
        self.annexes.append(node)
        self.nodes.append(node)

    def paragraph(self, cls, tokens_or_items) -> object:
        items = [self.items[int(t)] if isinstance(t, Token) else t for t in tokens_or_items]
        head, subs = items[0], []
        for item in items[1:]:
            if item.kind == "EMBEDDED":
                self.embedded.append(self.block(item, "embedded"))
            else:
                subs.append(item)
        node = make_paragraph(self.text, cls, head, nest_subparagraphs(self.text, subs))
        self.nodes.append(node)
        return node
