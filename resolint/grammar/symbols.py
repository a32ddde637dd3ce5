"""UN document symbols: find them in running text with one linear scan, parse each candidate
with the Lark grammar in symbols.lark (LALR, built once, its table cached on disk), and say
what each component means.

    find_symbols(text, and_words) -> (FoundSymbol, ...)   # every candidate, parsed
    parse_symbol("A/75/L.78/Add.1") -> ParsedSymbol       # cached per distinct string
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from lark import Lark, Token
from lark.exceptions import UnexpectedInput

from ..document.frozen import frozen
from ..document.span import Span
from .lark_cache import cache_file

# A candidate is an organ series, a slash and what follows up to a space or a bracket; the
# scan goes from slash to slash (str.find), so it costs little on text without symbols.
CANDIDATE_TAIL = re.compile(r"[^\s,;:()\[\]<>“”\"'’‘]+")
ROOTS = ("ST", "A", "S", "E")
ROOT_ENDS = {root[-1] for root in ROOTS}
TRAILING = ".*-/"  # sentence punctuation, emphasis markers: not part of the symbol
LONGEST = 80  # the longest real symbols are about 40 characters; longer runs are not symbols
# "S/RES/2334 (2016)", "A/RES/217 (III)", "A/RES/3201 (S-VI)" directly after a RES symbol.
RES_SUFFIX = re.compile(r" ?\(([12]\d{3}|(?:E?S-)?[IVXL]{1,7})\)")
ADDENDA_RANGE = re.compile(r"Add\.\d{1,3}(?:\s?[–-]\s?\d{1,3})?")


@dataclass(frozen=True, slots=True)
class Component:
    kind: str  # number | special_session | body | numbered | series | modifier | reissue
    text: str


@dataclass(frozen=True, slots=True)
class ParsedSymbol:
    """A symbol as parsed: one (root, components) pair per symbol of a double symbol."""

    text: str
    symbols: tuple[tuple[str, tuple[Component, ...]], ...] = ()
    error: str | None = None  # why the text is not a well-formed symbol
    suggestion: str | None = None  # a likely intended symbol

    @property
    def ok(self) -> bool:
        return self.error is None

    @property
    def placeholder(self) -> bool:
        """A draft's blank still to be filled in: "A/80/___", "A/80/7/Add.__"."""
        return "__" in self.text


@frozen
class FoundSymbol:
    span: Span  # the symbol itself
    extent: Span  # with what belongs to it: " (2016)", " and Add.1–6"
    parsed: ParsedSymbol
    suffix: str | None = None  # the year or roman session in parentheses after a RES symbol
    addenda: str | None = None  # "Add.1–6" after "and"


@cache
def symbol_parser() -> Lark:
    """The LALR parser for one symbol, built once per process; its table is kept in the
    user's cache folder like the structure parser's."""
    grammar = (Path(__file__).parent / "symbols.lark").read_text(encoding="utf-8")
    return Lark(grammar, parser="lalr", lexer="basic", cache=cache_file("symbols", grammar))


# Keyed by one candidate symbol, not a document: the same symbols recur across texts and edits.
@lru_cache(maxsize=4096)
def parse_symbol(text: str) -> ParsedSymbol:
    """Parse one candidate; never raises."""
    try:
        tree = symbol_parser().parse(text)
    except UnexpectedInput as error:
        return ParsedSymbol(text, error=_explain(text, error), suggestion=_suggest(text))
    symbols = []
    for symbol in tree.children:
        root, *rest = symbol.children
        components = []
        for child in rest:
            if isinstance(child, Token):  # REISSUE
                components.append(Component("reissue", str(child)))
            else:
                components.append(Component(child.data if child.data != "modifier" else "modifier", str(child.children[0])))
        symbols.append((str(root), tuple(components)))
    parsed = ParsedSymbol(text, tuple(symbols))
    problem = _check_ranges(parsed)
    if problem:
        return ParsedSymbol(text, parsed.symbols, problem, _suggest(text))
    return parsed


def find_symbols(text: str, and_words: tuple[str, ...] = ("and",), to_words: tuple[str, ...] = ("to",)) -> tuple[FoundSymbol, ...]:
    """Every symbol-like token of `text`, parsed; Facts.symbols holds the result per document."""
    found = []
    slash = text.find("/")
    resume = 0  # candidates do not overlap
    while slash != -1:
        start = _root_start(text, slash)
        if start is None or start < resume:
            slash = text.find("/", slash + 1)
            continue
        tail = CANDIDATE_TAIL.match(text, slash + 1)
        raw = text[start : tail.end()] if tail else text[start : slash + 1]
        stripped = raw.rstrip(TRAILING)
        resume = start + len(raw)
        slash = text.find("/", resume)
        if "/" not in stripped or len(stripped) > LONGEST:
            continue
        end = start + len(stripped)
        parsed = parse_symbol(stripped)
        extent_end, suffix, addenda = end, None, None
        if parsed.ok and _is_resolution(parsed):
            after = RES_SUFFIX.match(text, end)
            if after:
                suffix, extent_end = after.group(1), after.end()
        more = _addenda(text, extent_end, and_words, to_words)
        if more:
            addenda, extent_end = more
        found.append(FoundSymbol(Span(start, end), Span(start, extent_end), parsed, suffix, addenda))
    return tuple(found)


def _root_start(text: str, slash: int) -> int | None:
    """Where the organ series before this slash starts ("A/", "ST/"), if one stands there on
    its own (not "UNEP/", not inside a URL path)."""
    before = text[slash - 1 : slash]  # most slashes follow a figure ("75/276"): no root ends in one
    if before in ROOT_ENDS:
        for root in ROOTS:
            start = slash - len(root)
            if start >= 0 and text.startswith(root, start):
                if start == 0 or not (text[start - 1].isalnum() or text[start - 1] in "_/.-"):
                    return start
        return None
    if not before.isdigit():
        return None
    for digits in (2, 3):  # "A79/473": the slash after "A" forgotten
        start = slash - digits - 1
        if start >= 0 and text[start] == "A" and text[start + 1 : slash].isdigit() and text[start + 1] != "0":
            if start == 0 or not (text[start - 1].isalnum() or text[start - 1] in "_/.-"):
                return start
    return None


def _addenda(text: str, at: int, and_words: tuple[str, ...], to_words: tuple[str, ...]) -> tuple[str, int] | None:
    """' and Add.1–6' / ' y Add.1' / ' to Add.10' after a symbol."""
    for word in (*and_words, *to_words):
        lead = f" {word} "
        if text.startswith(lead, at):
            match = ADDENDA_RANGE.match(text, at + len(lead))
            if match:
                return match.group(), match.end()
    return None


# --- checks after the grammar ---------------------------------------------------------------

OLD_SERIES_LIMIT = {"A": 10_999}  # A/9601 (before the 31st session): never above A/10999
SESSION_LIMIT = 120


def _check_ranges(parsed: ParsedSymbol) -> str | None:
    for root, components in parsed.symbols:
        main = [c for c in components if c.kind not in ("modifier", "reissue")]
        first = main[0]
        if first.kind == "series" and first.text == "RES" and len(main) > 1:
            first, main = main[1], main[1:]
        if first.kind != "number":
            continue
        value = int(first.text)
        followed = len(main) > 1
        if root == "A":
            if followed and value > SESSION_LIMIT:
                return f"“{first.text}” is not a General Assembly session"
            if not followed and value > OLD_SERIES_LIMIT["A"]:
                return "General Assembly symbols carry the session since the 31st session (A/78/423), and the old series ended below A/11000"
        if root == "S" and _opcw(main):
            continue
        if root in ("S", "E") and followed and not 1946 <= value <= 2100:
            organ = "Security Council" if root == "S" else "Economic and Social Council"
            return f"“{first.text}” is not a year: {organ} symbols read {root}/<year>/<number>"
    return None


def _opcw(main: list[Component]) -> bool:
    """"S/2338/2024": a document of the OPCW Technical Secretariat, numbered S/<number>/<year>
    (cited in the chemical weapons resolutions: "Organisation for the Prohibition of Chemical
    Weapons, document S/2338/2024"), not a Security Council symbol with its parts swapped."""
    return (len(main) == 2 and all(c.kind == "number" for c in main)
            and not 1946 <= int(main[0].text) <= 2100 and 1997 <= int(main[1].text) <= 2100)


# --- messages ---------------------------------------------------------------------------------

MISSING_SLASH = re.compile(r"A([3-9]\d|1[01]\d)/(.+)")  # "A79/473"
_LETTERS_DIGITS = re.compile(r"\A([A-Za-z]+)(\d+)\Z")


def _explain(text: str, error: UnexpectedInput) -> str:
    position = getattr(error, "pos_in_stream", None) or getattr(error, "column", 1) - 1
    position = max(0, min(position or 0, len(text)))
    start = text.rfind("/", 0, position) + 1 if position < len(text) else position
    end = text.find("/", position)
    piece = text[start : end if end != -1 else len(text)]
    if "//" in text:
        return "“//”: an empty component"
    if not piece:
        return "incomplete symbol"
    if piece.strip("_.…") == "" or piece.rstrip("_").endswith(".") and piece.endswith("_"):
        return f"“{piece}” is a placeholder still to be filled in"
    missing = MISSING_SLASH.fullmatch(text)
    if missing:
        return f"“A{missing.group(1)}”: a slash goes between the organ and the session, “A/{missing.group(1)}”"
    found = _LETTERS_DIGITS.match(piece)
    if found and found.group(1).capitalize() in ("Add", "Corr", "Rev", "Amend"):
        return f"“{piece}”: write “{found.group(1).capitalize()}.{found.group(2)}”"
    if found:
        return f"“{piece}”: a numbered component is written with a full stop, “{found.group(1)}.{found.group(2)}”"
    lowered = piece.split(".")[0]
    if lowered.lower() in ("add", "corr", "rev", "amend") and lowered != lowered.capitalize():
        return f"“{piece}”: write “{lowered.capitalize()}.{piece.partition('.')[2]}”"
    if "." in piece and piece.split(".")[0].isdigit():
        return f"“{piece}”: components are separated by “/”, not “.”"
    return f"“{piece}” is not a symbol component"


def _suggest(text: str) -> str | None:
    """A/78423 -> A/78/423 (session and number run together); A/75/L78 -> A/75/L.78."""
    missing = MISSING_SLASH.fullmatch(text)
    if missing and parse_symbol(f"A/{missing.group(1)}/{missing.group(2)}").ok:
        return f"A/{missing.group(1)}/{missing.group(2)}"
    run_together = re.fullmatch(r"A/([3-9]\d)(\d{1,4})", text)
    if run_together and not run_together.group(2).startswith("0"):
        return f"A/{run_together.group(1)}/{run_together.group(2)}"
    pieces = text.split("/")
    fixed = []
    for piece in pieces:
        found = _LETTERS_DIGITS.match(piece)
        if found and found.group(1).capitalize() in ("Add", "Corr", "Rev", "Amend"):
            piece = f"{found.group(1).capitalize()}.{found.group(2)}"
        elif found and found.group(1) in ("L", "PV", "SR", "CRP", "WP", "C", "AC", "CN", "CONF"):
            piece = f"{found.group(1)}.{found.group(2)}"
        elif re.fullmatch(r"\d+\.[A-Z]+\.\d+", piece):  # "79.SR.37" -> "79/SR.37"
            piece = piece.replace(".", "/", 1)
        elif piece.split(".")[0].lower() in ("add", "corr", "rev", "amend") and "." in piece:
            head, _, tail = piece.partition(".")
            piece = f"{head.capitalize()}.{tail}"
        fixed.append(piece)
    candidate = "/".join(fixed)
    if candidate != text and parse_symbol(candidate).ok:
        return candidate
    return None


# --- meaning ----------------------------------------------------------------------------------

ORGANS = {"A": "General Assembly", "S": "Security Council", "E": "Economic and Social Council", "ST": "Secretariat"}
MAIN_COMMITTEES = {
    1: "First Committee (Disarmament and International Security)",
    2: "Second Committee (Economic and Financial)",
    3: "Third Committee (Social, Humanitarian and Cultural)",
    4: "Fourth Committee (Special Political and Decolonization)",
    5: "Fifth Committee (Administrative and Budgetary)",
    6: "Sixth Committee (Legal)",
}
NAMED_BODIES = {
    ("A", "AC.109"): "Special Committee on Decolonization",
    ("A", "CN.4"): "International Law Commission",
    ("A", "CN.9"): "United Nations Commission on International Trade Law",
    ("A", "CN.10"): "Disarmament Commission",
    ("E", "CN.3"): "Statistical Commission",
    ("E", "CN.4"): "Commission on Human Rights (until 2006)",
    ("E", "CN.5"): "Commission for Social Development",
    ("E", "CN.6"): "Commission on the Status of Women",
    ("E", "CN.7"): "Commission on Narcotic Drugs",
    ("E", "CN.9"): "Commission on Population and Development",
    ("E", "CN.15"): "Commission on Crime Prevention and Criminal Justice",
    ("E", "CN.16"): "Commission on Science and Technology for Development",
    ("E", "CN.17"): "Commission on Sustainable Development",
    ("E", "CN.18"): "United Nations Forum on Forests",
}
BODY_KINDS = {
    "C": "committee", "AC": "ad hoc committee", "CN": "commission", "CONF": "conference",
    "GC": "governing council", "SC": "subcommittee", "Sub": "sub-commission", "WG": "working group",
    "PC": "preparatory committee",
}
NUMBERED_KINDS = {
    "L": "limited-distribution document {} (a draft)", "PV": "verbatim record of meeting {}",
    "SR": "summary record of meeting {}", "CRP": "conference room paper {}", "WP": "working paper {}",
    "R": "restricted document {}", "INF": "information document {}", "SER": "series {}",
}
SERIES_KINDS = {
    "RES": "resolution", "PRST": "statement by the President", "INF": "information series",
    "HRC": "Human Rights Council", "NGO": "statement by a non-governmental organization", "PET": "petition",
    "SGB": "Secretary-General's bulletin", "AI": "administrative instruction", "IC": "information circular",
    "BUR": "General Committee", "DEC": "decision", "GC": "general comment", "HLPF": "high-level political forum",
}
MODIFIER_KINDS = {
    "Add": "addendum {}", "Corr": "corrigendum {}", "Rev": "revision {} (replaces the earlier text)", "Amend": "amendment {}",
}


def describe(parsed: ParsedSymbol) -> list[str]:
    """One line per component, in reading order (for the editor's hover)."""
    lines = []
    if len(parsed.symbols) > 1:
        organs = " and the ".join(ORGANS[root] for root, _ in parsed.symbols)
        lines.append(f"issued under a double symbol: one document for the {organs}")
    for root, components in parsed.symbols:
        lines.append(f"`{root}/`: {ORGANS[root]}")
        lines.extend(_describe_components(root, components))
    return lines


def _describe_components(root: str, components: tuple[Component, ...]) -> list[str]:
    lines = []
    numbers_seen = 0
    resolution = False
    for component in components:
        text, kind = component.text, component.kind
        if kind == "number":
            value = int(text)
            if numbers_seen == 0 and root == "A" and value <= SESSION_LIMIT and component is not components[-1]:
                lines.append(f"`{text}`: session {value}")
            elif numbers_seen == 0 and 1946 <= value <= 2100 and component is not components[-1]:
                lines.append(f"`{text}`: year {value}")
            else:
                lines.append(f"`{text}`: {'resolution' if resolution else 'document'} number {value}")
            numbers_seen += 1
        elif kind == "special_session":
            emergency = text.startswith("ES")
            lines.append(f"`{text}`: {'emergency special' if emergency else 'special'} session {text.split('-')[1]}")
            numbers_seen += 1
        elif kind == "body":
            prefix, _, number = text.partition(".")
            if prefix == "C" and root == "A" and int(number) in MAIN_COMMITTEES:
                name = MAIN_COMMITTEES[int(number)]
            else:
                name = NAMED_BODIES.get((root, text), f"{BODY_KINDS[prefix]} No. {number}")
            lines.append(f"`{text}`: {name}")
        elif kind == "numbered":
            prefix, _, number = text.partition(".")
            lines.append(f"`{text}`: {NUMBERED_KINDS[prefix].format(number)}")
        elif kind == "series":
            resolution = resolution or text == "RES"
            lines.append(f"`{text}`: {SERIES_KINDS.get(text, 'series ' + text)}")
        elif kind == "modifier":
            prefix, _, number = text.partition(".")
            lines.append(f"`{text}`: {MODIFIER_KINDS[prefix].format(number)}" if number else f"`{text}`: {text.lower()}")
        elif kind == "reissue":
            lines.append("`*`: reissued for technical reasons")
    return lines


def resolution_number(parsed: ParsedSymbol, suffix: str | None) -> tuple[str, str] | None:
    """(body, number as cited) for a resolution symbol: A/RES/75/276 -> ("GA", "75/276"),
    S/RES/2334 (2016) -> ("SC", "2334 (2016)"), A/RES/217 (III) -> ("GA", "217 (III)")."""
    if len(parsed.symbols) != 1:
        return None
    root, components = parsed.symbols[0]
    main = [c.text for c in components if c.kind not in ("modifier", "reissue")]
    if len(main) < 2 or main[0] != "RES" or root not in ("A", "S"):
        return None
    if root == "S" and len(main) == 2 and suffix:
        return "SC", f"{main[1]} ({suffix})"
    if root == "A" and len(main) == 3:
        return "GA", f"{main[1]}/{main[2]}"
    if root == "A" and len(main) == 2 and suffix:
        return "GA", f"{main[1]} ({suffix})"
    return None


def _is_resolution(parsed: ParsedSymbol) -> bool:
    return any(any(c.kind == "series" and c.text == "RES" for c in components) for _, components in parsed.symbols)
