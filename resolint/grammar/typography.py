"""Typography that is not a defect: no-break and thin spaces, non-breaking hyphens.

Real Word drafts and the UN's published texts write "7 octobre 2021" with a no-break space,
"soixante‑dix‑neuvième" with non-breaking hyphens and "A/ES‑10/273" likewise. Rules compare
words, dates, ordinals and symbols, so they read the text *folded*: each such character
replaced by its plain counterpart, one code point for one, so every span stays valid in the
original. Fixes are made on the folded text and applied to the original; `restore` keeps
the original's typography wherever a fix leaves the characters around it unchanged.

A lone carriage return — the line ending of old Mac files — is folded likewise, to a line
feed: the grammar then reads such a file line by line, as it reads LF and CRLF files (a
CRLF's "\r" is left alone: it is not a line of its own). `restore` puts the "\r" back.
"""
from __future__ import annotations

import re
from difflib import SequenceMatcher

SPACES = "\u00a0\u202f\u2009\u2007"  # no-break, narrow no-break, thin, figure space
HYPHENS = "\u2011\u2010"  # non-breaking hyphen, hyphen
# One replacement per character: str.replace of a character the text lacks costs one scan,
# while str.translate looks every character up in a table (it was the largest single cost of
# linting the corpus: 12 MB/s).
_FOLDS = tuple((c, " ") for c in SPACES) + tuple((c, "-") for c in HYPHENS)
_LONE_CR = re.compile(r"\r(?!\n)")


def fold(text: str) -> str:
    """`text` with typographic spaces and hyphens as plain ones, and lone carriage returns as
    line feeds; same length, same offsets."""
    for typographic, plain in _FOLDS:
        if typographic in text:
            text = text.replace(typographic, plain)
    return _LONE_CR.sub("\n", text) if "\r" in text else text


def newline_of(text: str) -> str:
    """The line ending a fix that inserts lines writes: the file's own ("\\n" for a file
    with no line break). A text without a carriage return is told at once: a search for
    one character is ten times faster than for two."""
    if "\r" not in text:
        return "\n"
    if "\r\n" in text:
        return "\r\n"
    return "\r" if "\n" not in text else "\n"


def restore(original: str, replacement: str) -> str:
    """`replacement` (written for the folded `original`) with the original's no-break
    spaces and hyphens put back wherever the two agree character for character."""
    if original == replacement:
        return replacement
    folded = fold(original)
    if folded == original:  # nothing was folded: nothing to put back
        return replacement
    if folded == replacement:
        return original
    if len(folded) == len(replacement):  # a like-for-like change: restore position by position
        return "".join(o if f == r else r for o, f, r in zip(original, folded, replacement))
    pieces = []
    matcher = SequenceMatcher(None, folded, replacement, autojunk=False)
    for op, a0, a1, b0, b1 in matcher.get_opcodes():
        pieces.append(original[a0:a1] if op == "equal" else replacement[b0:b1])
    return "".join(pieces)
