"""The permissive fallback: a text without a chapeau (a draft's fragment, an amendment, a note)
has no structure the grammar can read, so its blocks are placed by their class alone."""
from __future__ import annotations

from ..document.model import Block, OperativeParagraph, Part, PreambularParagraph
from .build import Builder
from .header import HEADER_LINE_KINDS
from .items import Item, visible_end


def build_without_chapeau(builder: Builder) -> None:
    """Header lines until the first paragraph, then paragraphs by their class: preambular
    until the first numbered one, operative from there; an annex heading ends the part."""
    if _has_no_body(builder):
        for item in builder.items:
            if item.kind in HEADER_LINE_KINDS:
                builder.header_line(item)
            else:
                builder.block(item, "amendment")
        return
    preambular: list[PreambularParagraph] = []
    operative: list[OperativeParagraph] = []
    headings: list[Block] = []
    closing = None
    in_header = True
    index = 0
    items = builder.items
    while index < len(items):
        item = items[index]
        kind = item.kind
        if kind == "ANNEX":
            builder.annex(items[index:])
            break
        subs_end = index + 1
        while subs_end < len(items) and items[subs_end].kind == "SUBPARA":
            subs_end += 1
        if in_header and (kind in HEADER_LINE_KINDS or kind in ("STRONG", "HEADING")
                          or (kind == "TEXT" and not _ends_paragraph(builder.text, item))):
            builder.header_line(item)
        elif kind in ("EMPH", "TEXT", "LEAD_IN", "EMBEDDED") and not operative:
            in_header = False
            preambular.append(builder.paragraph(PreambularParagraph, items[index:subs_end]))
            index = subs_end
            continue
        elif kind in ("NUMBERED", "SUBPARA"):
            in_header = False
            operative.append(builder.paragraph(OperativeParagraph, items[index:subs_end]))
            index = subs_end
            continue
        elif kind == "MEETING":
            closing = builder.meeting(item)
        else:
            in_header = False
            headings.append(builder.block(item, "text"))
        index += 1
    if preambular or operative or closing or headings:
        builder.parts.append(Part(None, None, tuple(preambular), tuple(operative), closing, tuple(headings)))


def _has_no_body(builder: Builder) -> bool:
    """An amendment quotes paragraphs of another text, and a note by the Secretariat or the
    Chair (organization of work) is no resolution: nothing in them is a paragraph to check."""
    patterns = builder.pack.header_patterns
    return any(
        (item.kind == "SPONSORS" and patterns["amendment"].search(builder.text, item.raw.span.start, item.raw.span.end))
        or patterns["note"].match(builder.text[item.raw.span.start : item.raw.span.end])
        for item in builder.items
        if item.kind in HEADER_LINE_KINDS or item.kind in ("HEADING", "TEXT")
    )


def _ends_paragraph(text: str, item: Item) -> bool:
    return visible_end(text, item.pieces[-1]) in ",;"
