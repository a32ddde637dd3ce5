"""Lark (LALR) over the block tokens: the structure grammar in resolution.lark, and the
recovery that sets aside a token the grammar does not expect instead of giving up."""
from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import NamedTuple

from lark import Lark, Token, Tree
from lark.exceptions import UnexpectedInput
from lark.lexer import Lexer

from .items import Item
from .lark_cache import cache_file


class _BlockTokens(Lexer):
    """Lark's lexer slot: the tokens are already made, one per block."""

    def __init__(self, lexer_conf) -> None:  # noqa: D107 - Lark's interface
        pass

    def lex(self, data):
        yield from data


@cache
def structure_parser() -> Lark:
    """The LALR parser over block tokens, built once per process; the parse table is kept
    in the user's cache folder (building it costs ~40 ms, loading it ~5 ms)."""
    grammar = (Path(__file__).parent / "resolution.lark").read_text(encoding="utf-8")
    return Lark(grammar, parser="lalr", lexer=_BlockTokens, cache=cache_file("structure", grammar))


class Structure(NamedTuple):
    """The parse of one sequence of block tokens: the tree, and the tokens set aside."""

    kinds: tuple[str, ...]  # what it read: the token of each item is its kind
    tree: Tree
    unplaced: tuple[int, ...]


def parse_structure(items: list[Item], previous: Structure | None = None) -> Structure:
    """Parse the block tokens; tokens the grammar cannot take are set aside. The parse reads
    the items' kinds alone, so `previous` (an earlier version's) is the answer when they are
    the same: an edit inside a paragraph changes no block's class."""
    kinds = tuple([item.kind for item in items])
    if previous is not None and previous.kinds == kinds:
        return previous
    # A text whose version before had tokens set aside will most likely have them again: it
    # goes to the recovery at once, rather than through a plain parse that fails at the first.
    tree, unplaced = _parse(kinds, recover=previous is not None and bool(previous.unplaced))
    return Structure(kinds, tree, tuple(unplaced))


def _parse(kinds: tuple[str, ...], recover: bool = False) -> tuple[Tree, list[int]]:
    """The tree and the tokens set aside: the plain parse, or when it fails (or with
    `recover`) the token-by-token parse that sets aside what the grammar cannot take; both
    give the same tree where nothing is set aside."""
    tokens = [Token(kind, str(index)) for index, kind in enumerate(kinds)]
    parser = structure_parser()
    if not recover:
        try:
            return parser.parse(tokens), []
        except UnexpectedInput:
            pass
    interactive = parser.parse_interactive([])
    accepted: list[Token] = []
    unplaced: list[int] = []
    for token in tokens:
        state = interactive.parser_state
        if token.type not in state.parse_conf.parse_table.states[state.position]:
            unplaced.append(int(token.value))
            continue
        try:
            interactive.feed_token(token)
            accepted.append(token)
        except UnexpectedInput:  # an LALR reduction that led nowhere: replay what was accepted
            unplaced.append(int(token.value))
            interactive = parser.parse_interactive([])
            for earlier in accepted:
                interactive.feed_token(earlier)
    try:
        return interactive.feed_eof(), unplaced
    except UnexpectedInput:
        # The input ended early (e.g. a chapeau and nothing else): close with what we have.
        return Tree("start", [Tree("header", []), *_partial_parts(accepted)]), unplaced


def _partial_parts(tokens: list[Token]) -> list[Tree]:
    chapeau = [t for t in tokens if t.type == "CHAPEAU"][:1]
    if not chapeau:
        return []
    return [Tree("part", [Tree("chapeau", chapeau), Tree("preamble", []), Tree("operative", [])])]
