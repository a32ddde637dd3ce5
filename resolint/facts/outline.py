"""How the tool understood a document: the outline shown by `resolint outline` (and, in the
editor, as document symbols)."""
from __future__ import annotations

from ..document.model import Document, Paragraph, SubParagraph
from ..document.span import Span
from ..grammar.inline import strip_markup

PREVIEW = 60


def outline(doc: Document) -> dict:
    """A JSON-ready description of the document's structure; every element has its line and
    its span (code-point offsets [start, end), for the editor's outline); paragraphs also
    have `head`, the span of their label and opening phrase."""

    def line(span: Span) -> int:
        return doc.lines.position(span.start)[0]

    def text(span: Span) -> str:
        return " ".join(strip_markup(doc.slice(span)).split())

    def where(span: Span) -> list[int]:
        return [span.start, span.end]

    def paragraph(node: Paragraph) -> dict:
        entry = {
            "line": line(node.span),
            "span": where(node.span),
            "head": where(node.head(doc.text)),
            "opening": doc.slice(node.opening.inner).strip() if node.opening else None,
            "subparagraphs": [subparagraph(child) for child in node.subparagraphs],
        }
        if node.pieces[1:]:
            entry["continued_on"] = [line(piece) for piece in node.pieces[1:]]
        return entry

    def subparagraph(node: SubParagraph) -> dict:
        return {"label": doc.slice(node.label) if node.label else node.marker, "level": node.level, **paragraph(node)}

    def operative(node) -> dict:
        return {"number": node.number, **paragraph(node)}

    parts = [
        {
            "label": text(part.label.span) if part.label else None,
            "chapeau": {"line": line(part.chapeau.span), "span": where(part.chapeau.span), "text": text(part.chapeau.span)} if part.chapeau else None,
            "preambular": [paragraph(p) for p in part.preambular],
            "operative": [operative(p) for p in part.operative],
            "headings": [{"line": line(b.span), "span": where(b.span), "kind": b.kind, "text": text(b.span)[:PREVIEW]} for b in part.others],
            "closing": {"line": line(part.closing.span), "span": where(part.closing.span), "text": text(part.closing.span)} if part.closing else None,
        }
        for part in doc.parts
    ]
    return {
        "path": doc.path,
        "language": doc.language,
        "body": doc.body,
        "kind": doc.kind,
        "session": doc.meta.session,
        "symbol": doc.meta.symbol,
        "number": doc.meta.number,
        "adoption_date": doc.meta.adoption_date,
        "plain_text": doc.plain_text,
        "header": [{"line": line(h.span), "span": where(h.span), "kind": h.kind, "text": text(h.span)} for h in doc.header],
        "chapeau": parts[0]["chapeau"] if parts else None,
        "preambular": [p for part in parts for p in part["preambular"]],
        "operative": [p for part in parts for p in part["operative"]],
        "closing": next((part["closing"] for part in reversed(parts) if part["closing"]), None),
        "parts": parts,
        "annexes": [{"line": line(a.span), "span": where(a.span), "heading": text(a.heading)[:PREVIEW], "blocks": len(a.blocks)} for a in doc.annexes],
        "footnotes": [
            {"number": f.number, "label": f.label, "line": line(f.span), "span": where(f.span), "text": text(f.body)[:PREVIEW], "glued": f.glued}
            for f in doc.footnotes
        ],
    }


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
