"""text -> Document: the stages in order, each in a module of its own.

    typography.fold → blocks.split → classify → stream.grammar_stream (continuations merged,
    classes settled from neighbours) → structure.parse_structure (Lark over the block tokens)
    → build.Builder (model nodes), or fallback.build_without_chapeau → header (organ, kind, meta)

The split never fails and the grammar never gives up: a token the grammar does not expect is
set aside (it becomes an `unplaced` block and an `out-of-order` parse issue), and a document
without a chapeau is built by the permissive fallback.
"""
from __future__ import annotations

from ..document.langdata import detect_language, pack
from ..document.model import Block, Document, IssueKind, ParseIssue
from ..document.span import LineIndex, by_span
from . import blocks as block_split
from . import header
from .build import Builder
from .classify import classify
from .directives import parse_directive
from .fallback import build_without_chapeau
from .issues import split_issues
from .items import Item, describe
from .stream import grammar_stream
from .structure import Structure, parse_structure, structure_parser
from .typography import fold, newline_of

__all__ = ["from_blocks", "parse", "structure_parser"]  # structure_parser: linter/runner.py warms it up


def parse(text: str, *, language: str | None = None, path: str | None = None) -> Document:
    """Parse `text` into a Document. Never raises on any text. The document reads the text
    folded (typography.fold: no-break spaces and hyphens as plain ones, offsets unchanged)."""
    original, text = text, fold(text)
    language = language or detect_language(text)
    raws = block_split.split(text)
    language_pack = pack(language)
    kinds = [classify(text, raw, language_pack) for raw in raws]
    return from_blocks(original, text, raws, kinds, language=language, path=path)[0]


def from_blocks(original: str, text: str, raws: list[block_split.RawBlock], kinds: list[str], *,
                language: str, path: str | None, earlier: Structure | None = None) -> tuple[Document, Structure | None]:
    """The Document of `text` (the folded `original`) from its blocks and their classes:
    the rest of `parse`, for a caller that split and classified the blocks itself (the
    editor's incremental analysis reuses those of the blocks an edit left alone, and the
    structure parse of the version before, `earlier`). Returns the structure parse too
    (None for a text without a chapeau, which the fallback builds)."""
    language_pack = pack(language)
    items = [Item(kind, raw, [raw.span], [raw.inline]) for kind, raw in zip(kinds, raws)]
    issues = split_issues(text, items)
    content = grammar_stream(text, items, language_pack)
    builder = Builder(text, language_pack, content)
    structure = parse_structure(content, earlier) if any(item.kind == "CHAPEAU" for item in content) else None
    if structure is not None:
        builder.from_tree(structure.tree)
        for index in structure.unplaced:
            item = content[index]
            builder.unplaced(item)
            issues.append(ParseIssue(IssueKind.OUT_OF_ORDER, item.raw.span, describe(item.kind)))
    else:
        build_without_chapeau(builder)
    footnotes = tuple(block_split.footnote_text(text, item.raw) for item in items if item.kind == "FOOTNOTE")
    tables = tuple(Block(item.raw.span, "table", item.raw.inline) for item in items if item.kind == "TABLE")
    directives = tuple(
        directive
        for item in items
        if item.kind == "COMMENT"
        for directive in [parse_directive(text, item.raw.span)]
        if directive
    )
    chapeau_body = next((part.chapeau.body for part in builder.parts if part.chapeau and part.chapeau.body), None)
    doc = Document(
        text=text,
        path=path,
        language=language,
        body=header.body(text, language_pack, builder.header, chapeau_body),
        kind=header.kind(text, language_pack, builder.header),
        plain_text=not any(item.raw.inline.emphases or item.raw.inline.stray for item in items),
        meta=header.meta(text, builder.header),
        header=tuple(builder.header),
        parts=tuple(builder.parts),
        annexes=tuple(builder.annexes),
        footnotes=footnotes,
        blocks=tuple(sorted([*builder.nodes, *footnotes, *tables], key=by_span)),
        directives=directives,
        issues=tuple(sorted(issues, key=by_span)),
        lines=LineIndex(text),
        newline=newline_of(original),
        original=original,
    )
    return doc, structure
