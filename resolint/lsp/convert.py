"""Pure conversions between the core's types and the Language Server Protocol's.

The core speaks code-point offsets (`Span`); LSP speaks lines and columns, where lines end at
"\\n", "\\r\\n" or "\\r" (and at nothing else: not at the form feeds or U+2028 that
`str.splitlines` also breaks on) and columns count code units of the negotiated encoding —
UTF-16 unless client and server agreed on UTF-8 or UTF-32. Everything here is a function of
its arguments, so it is tested without a server.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache

from lsprotocol import types

from ..document.diagnostics import Diagnostic, Edit, Severity
from ..document.span import LineIndex, Span
from ..grammar.inline import strip_markup

SOURCE = "resolint"
UTF8, UTF16, UTF32 = "utf-8", "utf-16", "utf-32"
ASTRAL = re.compile("[\U00010000-\U0010ffff]")  # characters of two UTF-16 units
_NON_ASCII = re.compile("[^\x00-\x7f]")
_NAME_WIDTH = 60


class PositionMap:
    """Offsets into one text <-> LSP positions (line, column in code units). The lines are
    those of `span.LineIndex`, the command line's own, so editor and command line agree."""

    def __init__(self, text: str, encoding: str = UTF16, lines: LineIndex | None = None) -> None:
        self.text = text
        self.encoding = encoding
        self._lines = lines if lines is not None else LineIndex(text)
        self._starts = self._lines.starts
        self._returns = "\r" in text  # without one, no offset stands inside a line break
        # Columns equal code points when no character needs more than one code unit. Else the
        # characters that need more are listed once, so that a column costs a binary search,
        # not a pass over its line (a long line and thousands of findings stay linear).
        self._wide: list[int] = []  # offsets of the characters wider than one code unit
        self._extra: list[int] = []  # code units they add, in total, up to and including each
        if encoding == UTF32:
            self._simple = True
        elif encoding == UTF8:
            self._simple = text.isascii()
            if not self._simple:
                self._list_wide(_NON_ASCII.finditer(text), _utf8_extra)
        else:
            # Encoding the text tells at C speed (ten times faster than searching it).
            self._simple = text.isascii() or len(text.encode("utf-16-le", "surrogatepass")) == 2 * len(text)
            if not self._simple:
                self._list_wide(ASTRAL.finditer(text), lambda character: 1)

    def _list_wide(self, matches, extra) -> None:
        total = 0
        for match in matches:
            total += extra(match.group())
            self._wide.append(match.start())
            self._extra.append(total)

    def _extra_before(self, offset: int) -> int:
        """Code units beyond one per character, added by the characters before `offset`."""
        index = bisect_left(self._wide, offset)
        return self._extra[index - 1] if index else 0

    @property
    def line_count(self) -> int:
        return len(self._starts)

    def line_start(self, line: int) -> int:
        return self._starts[line]

    def line_end(self, line: int) -> int:
        """Offset where `line`'s content ends (before its line break)."""
        return self._lines.line_end(line + 1)

    def position(self, offset: int) -> types.Position:
        line, character = self.place(offset)
        return types.Position(line=line, character=character)

    def place(self, offset: int) -> tuple[int, int]:
        """(line, column) of `offset`, as `position` gives them."""
        offset = max(0, min(offset, len(self.text)))
        line = bisect_right(self._starts, offset) - 1
        start = self._starts[line]
        if self._returns:
            offset = min(offset, self.line_end(line))  # inside a "\r\n": the end of the line
        if self._simple:
            return line, offset - start
        return line, offset - start + self._extra_before(offset) - self._extra_before(start)

    def offset(self, position: types.Position) -> int:
        """The offset of a client position. Out-of-range positions are clamped as LSP says:
        a column past the end of its line means the end of the line; a line past the last
        one means the end of the text."""
        if position.line >= len(self._starts):
            return len(self.text)
        start, end = self._starts[position.line], self.line_end(position.line)
        if self._simple:
            return min(start + position.character, end)
        # The last offset of the line whose column does not pass the client's (never inside a
        # character): columns grow with offsets, so a binary search finds it.
        before, low, high = self._extra_before(start), start, end
        while low < high:
            middle = (low + high + 1) // 2
            if middle - start + self._extra_before(middle) - before <= position.character:
                low = middle
            else:
                high = middle - 1
        return low

    def range(self, span: Span) -> types.Range:
        return types.Range(start=self.position(span.start), end=self.position(span.end))

    def span(self, range_: types.Range) -> Span:
        start, end = self.offset(range_.start), self.offset(range_.end)
        return Span(min(start, end), max(start, end))


def _utf8_extra(character: str) -> int:
    """Bytes beyond the first that UTF-8 takes for a non-ASCII character (a lone surrogate as
    "surrogatepass" writes it: three bytes)."""
    return 1 if character < "\u0800" else 2 if character <= "\uffff" else 3


# --- diagnostics and edits ----------------------------------------------------------------

def diagnostic(finding: Diagnostic, positions: PositionMap) -> types.Diagnostic:
    return _diagnostic(finding, positions.place(finding.span.start), positions.place(finding.span.end))


def _diagnostic(finding: Diagnostic, start: tuple[int, int], end: tuple[int, int]) -> types.Diagnostic:
    return types.Diagnostic(
        range=types.Range(start=types.Position(line=start[0], character=start[1]),
                          end=types.Position(line=end[0], character=end[1])),
        message=finding.message,
        severity=_SEVERITIES[finding.severity],
        code=finding.code,
        code_description=_code_description(finding.url) if finding.url else None,
        source=SOURCE,
    )


_SEVERITIES = {severity: types.DiagnosticSeverity(int(severity)) for severity in Severity}


@lru_cache(maxsize=256)
def _code_description(url: str) -> types.CodeDescription:
    """One per rule page, shared by its diagnostics (a thousand findings make a thousand)."""
    return types.CodeDescription(href=url)


def diagnostics(findings: Iterable[Diagnostic], positions: PositionMap) -> list[types.Diagnostic]:
    return [diagnostic(finding, positions) for finding in findings]


# What a client is shown of a finding: its place in lines and columns, code, message,
# severity and URL.
Shown = tuple


def shown_diagnostics(findings: Iterable[Diagnostic], positions: PositionMap,
                      earlier: Mapping[Shown, types.Diagnostic]) -> list[tuple[Shown, types.Diagnostic]]:
    """The LSP diagnostic of each finding, in order, with what it shows; one that shows the
    same as one of `earlier` (an earlier version's) is that very object. Most findings of an
    edited text stand where they stood in lines and columns (an edit moves the lines after
    it, and the columns on its own line, only), and making the diagnostic is most of what
    converting a finding costs."""
    shown = []
    for finding in findings:
        start, end = positions.place(finding.span.start), positions.place(finding.span.end)
        key = (start, end, finding.code, finding.message, finding.severity, finding.url)
        made = earlier.get(key)
        shown.append((key, made if made is not None else _diagnostic(finding, start, end)))
    return shown


def text_edits(edits: Iterable[Edit], positions: PositionMap) -> list[types.TextEdit]:
    return [types.TextEdit(range=positions.range(edit.span), new_text=edit.text) for edit in edits]


def workspace_edit(uri: str, version: int | None, edits: list[types.TextEdit], document_changes: bool) -> types.WorkspaceEdit:
    """Edits for one document; with `document_changes` (when the client supports it) they
    name the document version they were computed for, so a client drops them if stale."""
    if document_changes:
        document = types.OptionalVersionedTextDocumentIdentifier(uri=uri, version=version)
        return types.WorkspaceEdit(document_changes=[types.TextDocumentEdit(text_document=document, edits=edits)])
    return types.WorkspaceEdit(changes={uri: edits})


def minimal_edit(old: str, new: str) -> Edit | None:
    """One edit turning `old` into `new`: the changed middle, common prefix and suffix kept."""
    if old == new:
        return None
    limit = min(len(old), len(new))
    prefix = 0
    while prefix < limit and old[prefix] == new[prefix]:
        prefix += 1
    suffix = 0
    while suffix < limit - prefix and old[len(old) - 1 - suffix] == new[len(new) - 1 - suffix]:
        suffix += 1
    return Edit(Span(prefix, len(old) - suffix), new[prefix : len(new) - suffix])


# --- outline ------------------------------------------------------------------------------

def document_symbols(outline: dict, positions: PositionMap) -> list[types.DocumentSymbol]:
    """The outline (`Facts.outline`) as a tree of document symbols: heading, chapeau, preamble,
    operative part (paragraphs and sub-paragraphs), headings between paragraphs, closing line,
    annexes, footnotes."""
    make = _Symbols(positions)
    top: list[types.DocumentSymbol] = []
    if outline["header"]:
        lines = [make.plain(h, types.SymbolKind.Property, f"{h['kind'].replace('_', ' ')}: {_cut(h['text'])}") for h in outline["header"]]
        top.append(make.group("Heading", types.SymbolKind.Module, lines, [_span(h) for h in outline["header"]]))
    several = len(outline["parts"]) > 1
    for part in outline["parts"]:
        members, spans = make.part(part)
        if several and members:
            top.append(make.group(f"Part {part['label'] or ''}".strip(), types.SymbolKind.Namespace, members, spans))
        else:
            top.extend(members)
    for annex in outline["annexes"]:
        top.append(make.plain(annex, types.SymbolKind.Class, f"Annex: {annex['heading']}"))
    if outline["footnotes"]:
        notes = [make.plain(f, types.SymbolKind.Constant, f"{f['label']} {f['text']}") for f in outline["footnotes"]]
        top.append(make.group(f"Footnotes ({len(notes)})", types.SymbolKind.Namespace, notes, [_span(f) for f in outline["footnotes"]]))
    return top


def _span(entry: dict, key: str = "span") -> Span:
    return Span(*entry[key])


class _Symbols:
    """Document symbols for the entries of an outline, positioned in one text."""

    def __init__(self, positions: PositionMap) -> None:
        self.positions = positions
        self.text = positions.text

    def symbol(self, name: str, kind: types.SymbolKind, where: Span, head: Span | None = None, detail: str | None = None,
               children: list[types.DocumentSymbol] | None = None) -> types.DocumentSymbol:
        return types.DocumentSymbol(
            name=_name(name),
            kind=kind,
            range=self.positions.range(where),
            selection_range=self.positions.range(head if head is not None else Span(where.start, where.start)),
            detail=detail,
            children=children or None,
        )

    def group(self, name: str, kind: types.SymbolKind, children: list[types.DocumentSymbol], spans: list[Span]) -> types.DocumentSymbol:
        where = Span(min(s.start for s in spans), max(s.end for s in spans))
        return self.symbol(name, kind, where, Span(spans[0].start, spans[0].start), children=children)

    def paragraph(self, entry: dict, kind: types.SymbolKind) -> types.DocumentSymbol:
        where, head = _span(entry), _span(entry, "head")
        children = [self.paragraph(child, types.SymbolKind.EnumMember) for child in entry["subparagraphs"]]
        preview = _plain(self.text[where.start : where.end])
        return self.symbol(_plain(self.text[head.start : head.end]), kind, where, head, _cut(preview), children)

    def plain(self, entry: dict, kind: types.SymbolKind, name: str | None = None) -> types.DocumentSymbol:
        where = _span(entry)
        return self.symbol(name or entry["text"], kind, where, Span(where.start, where.start))

    def part(self, part: dict) -> tuple[list[types.DocumentSymbol], list[Span]]:
        """The symbols of one part in text order, and the spans they cover."""
        members: list[types.DocumentSymbol] = []
        spans: list[Span] = []
        if part["chapeau"]:
            members.append(self.plain(part["chapeau"], types.SymbolKind.Constructor))
            spans.append(_span(part["chapeau"]))
        for key, title, kind in (("preambular", "Preamble", types.SymbolKind.Field), ("operative", "Operative part", types.SymbolKind.Method)):
            if part[key]:
                children = [self.paragraph(p, kind) for p in part[key]]
                members.append(self.group(f"{title} ({len(children)})", types.SymbolKind.Namespace, children, [_span(p) for p in part[key]]))
                spans.extend(_span(p) for p in part[key])
        for heading in part["headings"]:
            members.append(self.plain(heading, types.SymbolKind.String))
            spans.append(_span(heading))
        if part["closing"]:
            members.append(self.plain(part["closing"], types.SymbolKind.Event))
            spans.append(_span(part["closing"]))
        members.sort(key=lambda s: (s.range.start.line, s.range.start.character))
        return members, spans


def flat_symbols(symbols: Sequence[types.DocumentSymbol], uri: str, container: str | None = None) -> list[types.SymbolInformation]:
    """The same symbols for clients without hierarchical symbol support."""
    flat = []
    for item in symbols:
        flat.append(types.SymbolInformation(
            name=item.name, kind=item.kind, location=types.Location(uri=uri, range=item.range), container_name=container,
        ))
        flat.extend(flat_symbols(item.children or (), uri, item.name))
    return flat


def folding_ranges(symbols: Sequence[types.DocumentSymbol]) -> list[types.FoldingRange]:
    """A fold for every symbol that spans more than one line."""
    folds = []
    for item in symbols:
        if item.range.end.line > item.range.start.line:
            folds.append(types.FoldingRange(start_line=item.range.start.line, end_line=item.range.end.line,
                                            kind=types.FoldingRangeKind.Region))
        folds.extend(folding_ranges(item.children or ()))
    unique = {(f.start_line, f.end_line): f for f in folds}  # a paragraph and its only sub-paragraph may coincide
    return sorted(unique.values(), key=lambda f: (f.start_line, -f.end_line))


def _plain(text: str) -> str:
    return " ".join(strip_markup(text).split())


def _cut(text: str, width: int = _NAME_WIDTH) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _name(text: str) -> str:
    """Clients reject empty symbol names."""
    return _cut(" ".join(text.split())) or "(untitled)"
