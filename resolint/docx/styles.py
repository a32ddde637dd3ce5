"""What a run looks like: italic, bold, superscript, hidden — from its own properties, its
character style, its paragraph's style and the document defaults (styles.xml).

Italic, bold and hidden are *toggle* properties: set in both the paragraph style and the
character style they cancel out, as Word shows them (ECMA-376 §17.7.3); a run's own setting
wins over both.
"""
from __future__ import annotations

from dataclasses import dataclass

from .ooxml import (
    BOLD,
    ITALIC,
    NUMPR,
    PPR,
    PSTYLE,
    RPR,
    RSTYLE,
    VAL,
    VANISH,
    VERT_ALIGN,
    on,
    w,
)

TOGGLES = (ITALIC, BOLD, VANISH)
STYLE, STYLE_ID, BASED_ON, DOC_DEFAULTS = w("style"), w("styleId"), w("basedOn"), w("docDefaults")


@dataclass(frozen=True, slots=True)
class Look:
    italic: bool = False
    bold: bool = False
    superscript: bool = False
    hidden: bool = False


class Styles:
    def __init__(self, styles_element) -> None:
        self._styles: dict[str, object] = {}
        self.default_paragraph: str | None = None
        self._defaults: dict[str, bool] = {}
        self._chains: dict[tuple[str, str], object] = {}
        self._looks: dict[tuple, Look] = {}
        if styles_element is None:
            return
        for style in styles_element.iter(STYLE):
            style_id = style.get(STYLE_ID)
            if style_id is None:
                continue
            self._styles[style_id] = style
            if style.get(w("type")) == "paragraph" and style.get(w("default")) in ("1", "true", "on"):
                self.default_paragraph = style_id
        defaults = styles_element.find(DOC_DEFAULTS)
        if defaults is not None:
            rpr = defaults.find(f"{w('rPrDefault')}/{RPR}")
            if rpr is not None:
                for tag in TOGGLES:
                    element = rpr.find(tag)
                    if element is not None:
                        self._defaults[tag] = on(element)

    def paragraph_style(self, paragraph) -> str | None:
        ppr = paragraph.find(PPR)
        style = ppr.find(PSTYLE) if ppr is not None else None
        return style.get(VAL) if style is not None else self.default_paragraph

    def look(self, rpr, paragraph_style: str | None) -> Look:
        """How a run with properties `rpr` (or None) looks in a paragraph of `paragraph_style`."""
        character_style = align = None
        own: dict[str, bool] = {}
        if rpr is not None:
            for child in rpr:
                tag = child.tag
                if tag in TOGGLES:
                    own[tag] = on(child)
                elif tag == RSTYLE:
                    character_style = child.get(VAL)
                elif tag == VERT_ALIGN:
                    align = child.get(VAL)
        key = (paragraph_style, character_style, align, *(own.get(tag) for tag in TOGGLES))
        found = self._looks.get(key)
        if found is None:
            found = self._looks[key] = self._resolve(own, character_style, paragraph_style, align)
        return found

    def _resolve(self, own: dict[str, bool], character_style, paragraph_style, align) -> Look:
        values = {}
        for tag in TOGGLES:
            if tag in own:
                values[tag] = own[tag]
                continue
            from_character = self._inherited(character_style, tag)
            from_paragraph = self._inherited(paragraph_style, tag)
            if from_character is None and from_paragraph is None:
                values[tag] = self._defaults.get(tag, False)
            else:
                values[tag] = bool(from_character) != bool(from_paragraph)
        if align is None:
            for style in (character_style, paragraph_style):
                element = self._inherited(style, VERT_ALIGN)
                if element is not None:
                    align = element.get(VAL)
                    break
        return Look(values[ITALIC], values[BOLD], align == "superscript", values[VANISH])

    def numbering(self, style_id: str | None):
        """The `w:numPr` a paragraph style (or a style it is based on) gives, if any."""
        return self._inherited(style_id, NUMPR, PPR)

    def _inherited(self, style_id: str | None, tag: str, container: str = RPR):
        """The nearest definition of `tag` along the style's basedOn chain: a bool for the
        toggle properties, the element otherwise; None when no style in the chain sets it."""
        if style_id is None:
            return None
        key = (style_id, tag)
        if key in self._chains:
            return self._chains[key]
        found = None
        seen = set()
        current = style_id
        while current is not None and current not in seen:
            seen.add(current)
            style = self._styles.get(current)
            if style is None:
                break
            properties = style.find(container)
            element = properties.find(tag) if properties is not None else None
            if element is not None:
                found = on(element) if tag in TOGGLES else element
                break
            based = style.find(BASED_ON)
            current = based.get(VAL) if based is not None else None
        self._chains[key] = found
        return found
