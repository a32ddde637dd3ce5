"""Automatic paragraph numbers (numbering.xml), computed as Word displays them: "12. ",
"(a) ", "(iv) ".

A paragraph is numbered by its own `w:numPr` or its style's. Counters belong to the abstract
definition, so lists that share one continue each other's numbering, as in Word; a `w:num`
with a `w:startOverride` restarts its level the first time it is used. Supported formats:
decimal, lowerLetter, upperLetter, lowerRoman, upperRoman (others count in decimal);
bullets and "none" give no number.

Bounded whatever numbering.xml says: start values are read within 0 … MAX_START (the range
Word accepts), a letter number has at most MAX_LETTERS letters (past that it is written in
decimal, as a roman number is past 3999), and a label has at most MAX_LABEL characters.
"""
from __future__ import annotations

from dataclasses import dataclass

from .ooxml import ILVL, NUMID, NUMPR, PPR, VAL, w
from .styles import Styles

LEVELS = 9
MAX_START = 32767  # Word's "Start at" and "Set numbering value" go from 0 to 32767
MAX_LETTERS = 64  # "a" … "z", "aa" … : 64 letters is number 1664
MAX_LABEL = 256  # characters of a level's text, and of the label made from it
ABSTRACT, ABSTRACT_ID, NUM, LVL = w("abstractNum"), w("abstractNumId"), w("num"), w("lvl")
NUM_STYLE_LINK, STYLE_LINK = w("numStyleLink"), w("styleLink")


@dataclass(frozen=True, slots=True)
class Level:
    start: int
    fmt: str
    text: str
    suffix: str  # what follows the number: "tab", "space" or "nothing"
    legal: bool  # isLgl: every level shown in decimal


class Numbering:
    def __init__(self, numbering_element, styles: Styles) -> None:
        self.styles = styles
        self._abstract: dict[str, dict[int, Level]] = {}
        self._links: dict[str, str] = {}  # abstractNum id -> numbering style it takes its levels from
        self._nums: dict[str, tuple[str, dict[int, int], dict[int, Level]]] = {}
        self._counters: dict[str, list[int | None]] = {}
        self._started: set[str] = set()
        if numbering_element is None:
            return
        for abstract in numbering_element.iter(ABSTRACT):
            abstract_id = abstract.get(ABSTRACT_ID)
            self._abstract[abstract_id] = {_int(lvl.get(ILVL), 0): _level(lvl) for lvl in abstract.iter(LVL)}
            link = abstract.find(NUM_STYLE_LINK)
            if link is not None:
                self._links[abstract_id] = link.get(VAL)
        for num in numbering_element.iter(NUM):
            reference = num.find(ABSTRACT_ID)
            if reference is None:
                continue
            starts: dict[int, int] = {}
            levels: dict[int, Level] = {}
            for override in num.iter(w("lvlOverride")):
                ilvl = _int(override.get(ILVL), 0)
                start = override.find(w("startOverride"))
                if start is not None:
                    starts[ilvl] = _start(start.get(VAL))
                lvl = override.find(LVL)
                if lvl is not None:
                    levels[ilvl] = _level(lvl)
            self._nums[num.get(NUMID)] = (reference.get(VAL), starts, levels)

    def label(self, paragraph, style_id: str | None) -> str | None:
        """The number Word shows before `paragraph` (with what follows it), advancing the
        counters; None when the paragraph is not numbered."""
        num_id, ilvl = self._reference(paragraph, style_id)
        if num_id is None or num_id == "0" or num_id not in self._nums:
            return None
        abstract_id, starts, overrides = self._nums[num_id]
        levels = self._levels(abstract_id)
        ilvl = max(0, min(ilvl, LEVELS - 1))
        level = overrides.get(ilvl) or levels.get(ilvl)
        if level is None:
            return None
        counters = self._counters.setdefault(abstract_id, [None] * LEVELS)
        if num_id not in self._started:
            self._started.add(num_id)
            for lvl, start in starts.items():
                if 0 <= lvl < LEVELS:
                    counters[lvl] = start - 1
        current = counters[ilvl]
        counters[ilvl] = level.start if current is None else current + 1
        for deeper in range(ilvl + 1, LEVELS):
            counters[deeper] = None
        if level.fmt == "bullet":
            return None
        text = level.text
        for lvl in range(LEVELS - 1, -1, -1):  # %10 does not exist; replace %9 before %1
            marker = f"%{lvl + 1}"
            if marker in text:
                shown = overrides.get(lvl) or levels.get(lvl) or level
                value = counters[lvl] if counters[lvl] is not None else shown.start
                text = text.replace(marker, _format(value, "decimal" if level.legal else shown.fmt))
            if len(text) > MAX_LABEL:
                text = text[:MAX_LABEL]
        return text + _SUFFIX[level.suffix] if text.strip() else None

    def _reference(self, paragraph, style_id: str | None) -> tuple[str | None, int]:
        num_id, ilvl = None, None
        style_numpr = self.styles.numbering(style_id)
        if style_numpr is not None:
            num_id, ilvl = _numpr(style_numpr)
        ppr = paragraph.find(PPR)
        own = ppr.find(NUMPR) if ppr is not None else None
        if own is not None:
            own_id, own_level = _numpr(own)
            num_id = own_id if own_id is not None else num_id
            ilvl = own_level if own_level is not None else ilvl
        return num_id, ilvl or 0

    def _levels(self, abstract_id: str) -> dict[int, Level]:
        """The levels of an abstract definition, following one numStyleLink if it has one."""
        link = self._links.get(abstract_id)
        if link is not None:
            numpr = self.styles.numbering(link)
            if numpr is not None:
                linked_num, _ = _numpr(numpr)
                target = self._nums.get(linked_num)
                if target is not None and target[0] != abstract_id:
                    return self._abstract.get(target[0], {})
        return self._abstract.get(abstract_id, {})


_SUFFIX = {"tab": " ", "space": " ", "nothing": ""}


def _level(lvl) -> Level:
    def value(tag: str, default: str) -> str:
        element = lvl.find(w(tag))
        return element.get(VAL, default) if element is not None else default

    suffix = value("suff", "tab")
    return Level(
        start=_start(value("start", "0")),
        fmt=value("numFmt", "decimal"),
        text=value("lvlText", "")[:MAX_LABEL],
        suffix=suffix if suffix in _SUFFIX else "tab",
        legal=lvl.find(w("isLgl")) is not None,
    )


def _numpr(numpr) -> tuple[str | None, int | None]:
    num = numpr.find(NUMID)
    level = numpr.find(ILVL)
    return (num.get(VAL) if num is not None else None, _int(level.get(VAL), 0) if level is not None else None)


def _start(value: str | None) -> int:
    """A start value, within the range Word accepts (a value past it is read as its end)."""
    return max(0, min(_int(value, 0), MAX_START))


def _int(value: str | None, default: int) -> int:
    if value is None:
        return default
    value = value.strip()
    if len(value) > 12:  # far past any number Word accepts: no need to parse all its digits
        return (-1 if value.startswith("-") else 1) * 10**12 if value.lstrip("+-").isdigit() else default
    try:
        return int(value)
    except ValueError:
        return default


def _format(value: int, fmt: str) -> str:
    if fmt in ("lowerLetter", "upperLetter"):
        letters = _letters(value)
        return letters if fmt == "lowerLetter" else letters.upper()
    if fmt in ("lowerRoman", "upperRoman"):
        roman = _roman(value)
        return roman if fmt == "upperRoman" else roman.lower()
    if fmt == "none":
        return ""
    if fmt == "decimalZero":
        return f"{value:02d}"
    return str(value)


def _letters(value: int) -> str:
    """Word's letter numbering: a … z, aa … zz, aaa …"""
    if not 0 < value <= 26 * MAX_LETTERS:
        return str(value)
    letter = chr(ord("a") + (value - 1) % 26)
    return letter * ((value - 1) // 26 + 1)


def _roman(value: int) -> str:
    if not 0 < value < 4000:
        return str(value)
    out = []
    for amount, digits in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                           (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        count, value = divmod(value, amount)
        out.append(digits * count)
    return "".join(out)
