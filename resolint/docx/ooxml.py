"""WordprocessingML names and small helpers shared by the reader and the fix writer."""
from __future__ import annotations

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


def w(tag: str) -> str:
    """Clark name of a WordprocessingML element or attribute: w("p") -> "{…/main}p"."""
    return f"{{{W_NS}}}{tag}"


P, R, T, TAB, PTAB, BR, CR = w("p"), w("r"), w("t"), w("tab"), w("ptab"), w("br"), w("cr")
PPR, RPR, PSTYLE, RSTYLE, NUMPR, NUMID, ILVL = w("pPr"), w("rPr"), w("pStyle"), w("rStyle"), w("numPr"), w("numId"), w("ilvl")
VAL, TYPE, ID = w("val"), w("type"), w("id")
NO_BREAK_HYPHEN = w("noBreakHyphen")
FOOTNOTE_REFERENCE, CUSTOM_MARK = w("footnoteReference"), w("customMarkFollows")
ITALIC, BOLD, VANISH, VERT_ALIGN = w("i"), w("b"), w("vanish"), w("vertAlign")
INS, DEL, MOVE_TO, MOVE_FROM, DEL_TEXT = w("ins"), w("del"), w("moveTo"), w("moveFrom"), w("delText")
TBL, TR, TC, SDT, SDT_CONTENT = w("tbl"), w("tr"), w("tc"), w("sdt"), w("sdtContent")

# Containers whose runs are part of the paragraph's text as Word shows it (accepted view);
# in the original view (changes rejected) the insertions are left out and these come in:
INSERTIONS = frozenset((INS, MOVE_TO))
DELETIONS = frozenset((DEL, MOVE_FROM))
INLINE_CONTAINERS = frozenset(
    w(tag) for tag in ("hyperlink", "ins", "moveTo", "smartTag", "customXml", "fldSimple", "dir", "bdo")
)


def on(element, default: bool = True) -> bool:
    """The value of a boolean property element (`<w:i/>`, `<w:i w:val="0"/>`)."""
    if element is None:
        return default
    value = element.get(VAL)
    return value is None or value.lower() not in ("0", "false", "off")
