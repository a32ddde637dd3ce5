"""How the tool understood a document: the outline shown by `resolint outline` (and, in the
editor, as document symbols)."""
from __future__ import annotations

from ..document.model import Document, Paragraph, SubParagraph
from ..document.span import Span
from ..grammar.inline import strip_markup

PREVIEW = 60


def outline(facts) -> dict:
    """A JSON-ready description of the document's structure (`facts`: its Facts); every
    element has its line and its span (code-point offsets [start, end), for the editor's
    outline); paragraphs also have `head`, the span of their label and opening phrase."""
    doc = facts.doc
    describe = _Describer(doc)
    parts = [describe.part(part) for part in doc.parts]
    return {
        "path": doc.path,
        "language": doc.language,
        "body": doc.body,
        "kind": doc.kind,
        "session": facts.current_session[0],
        "symbol": doc.meta.symbol,
        "number": doc.meta.number,
        "adoption_date": facts.adoption_date.written if facts.adoption_date else None,
        "plain_text": doc.plain_text,
        "header": [describe.block(h, kind=h.kind) for h in doc.header],
        "chapeau": parts[0]["chapeau"] if parts else None,
        "preambular": [p for part in parts for p in part["preambular"]],
        "operative": [p for part in parts for p in part["operative"]],
        "closing": next((part["closing"] for part in reversed(parts) if part["closing"]), None),
        "parts": parts,
        "annexes": [
            {**describe.place(a.span), "heading": describe.text(a.heading)[:PREVIEW], "blocks": len(a.blocks)}
            for a in doc.annexes
        ],
        "footnotes": [
            {"number": f.number, "label": f.label, **describe.place(f.span), "text": describe.text(f.body)[:PREVIEW], "glued": f.glued}
            for f in doc.footnotes
        ],
    }


class _Describer:
    """The pieces of the outline, each element with its line and span."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc

    def line(self, span: Span) -> int:
        return self.doc.lines.position(span.start)[0]

    def text(self, span: Span) -> str:
        return " ".join(strip_markup(self.doc.slice(span)).split())

    def place(self, span: Span) -> dict:
        return {"line": self.line(span), "span": [span.start, span.end]}

    def block(self, node, **extra) -> dict:
        return {**self.place(node.span), **extra, "text": self.text(node.span)}

    def part(self, part) -> dict:
        return {
            "label": self.text(part.label.span) if part.label else None,
            "chapeau": self.block(part.chapeau) if part.chapeau else None,
            "preambular": [self.paragraph(p) for p in part.preambular],
            "operative": [{"number": p.number, **self.paragraph(p)} for p in part.operative],
            "headings": [{**self.place(b.span), "kind": b.kind, "text": self.text(b.span)[:PREVIEW]} for b in part.others],
            "closing": self.block(part.closing) if part.closing else None,
        }

    def paragraph(self, node: Paragraph) -> dict:
        head = node.head(self.doc.text)
        entry = {
            **self.place(node.span),
            "head": [head.start, head.end],
            "opening": self.doc.slice(node.opening.inner).strip() if node.opening else None,
            "subparagraphs": [self.subparagraph(child) for child in node.subparagraphs],
        }
        if node.pieces[1:]:
            entry["continued_on"] = [self.line(piece) for piece in node.pieces[1:]]
        return entry

    def subparagraph(self, node: SubParagraph) -> dict:
        label = self.doc.slice(node.label) if node.label else node.marker
        return {"label": label, "level": node.level, **self.paragraph(node)}


def render_outline(data: dict) -> str:
    """The outline as an indented tree for a terminal."""
    out = []
    facts = [data["language"], data["body"] or "organ unknown", data["kind"]]
    if data["session"]:
        facts.append(f"session {data['session']}")
    if data["number"]:
        facts.append(data["number"])
    if data["symbol"]:
        facts.append(data["symbol"])
    out.append(f"{data['path'] or '-'}: {' · '.join(facts)}")
    if data["header"]:
        out.append("header")
        out.extend(f"  {h['line']:>4}  {h['kind']:<13} {_cut(h['text'])}" for h in data["header"])
    for part in data["parts"]:
        indent = "  " if len(data["parts"]) > 1 else ""
        if len(data["parts"]) > 1:
            out.append(f"part {part['label'] or ''}".rstrip())
        if part["chapeau"]:
            out.append(f"{indent}chapeau {part['chapeau']['line']:>6}  {part['chapeau']['text']}")
        else:
            out.append(f"{indent}chapeau        (none found)")
        out.append(f"{indent}preamble ({len(part['preambular'])})")
        for p in part["preambular"]:
            out.extend(_paragraph(p, indent + "  ", ""))
        out.append(f"{indent}operative ({len(part['operative'])})")
        for p in part["operative"]:
            out.extend(_paragraph(p, indent + "  ", f"{p['number']}. " if p["number"] is not None else "(unnumbered) "))
        for heading in part["headings"]:
            out.append(f"{indent}  {heading['line']:>4}  [{heading['kind']}] {_cut(heading['text'])}")
        if part["closing"]:
            out.append(f"{indent}closing {part['closing']['line']:>6}  {part['closing']['text']}")
    for annex in data["annexes"]:
        out.append(f"annex   {annex['line']:>6}  {_cut(annex['heading'])} ({annex['blocks']} blocks)")
    if data["footnotes"]:
        numbers = [f["label"] for f in data["footnotes"]]
        out.append(f"footnotes ({len(numbers)}): {', '.join(numbers)}")
        for f in data["footnotes"]:
            glued = "  [glued into a paragraph]" if f["glued"] else ""
            out.append(f"  {f['line']:>4}  {f['label']:>3}  {_cut(f['text'])}{glued}")
    return "\n".join(out) + "\n"


def _paragraph(p: dict, indent: str, label: str) -> list[str]:
    opening = p["opening"] or "(no italic opening)"
    continued = f"  (continued on line {', '.join(map(str, p['continued_on']))})" if p.get("continued_on") else ""
    lines = [f"{indent}{p['line']:>4}  {label}{opening}{continued}"]
    for child in p["subparagraphs"]:
        lines.extend(_paragraph(child, indent + "    ", f"{child['label']} "))
    return lines


def _cut(text: str, width: int = 70) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"
