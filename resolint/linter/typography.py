"""Typography that is not a defect: no-break and thin spaces, non-breaking hyphens.

Real Word drafts and the UN's published texts write "7 octobre 2021" with a no-break space,
"soixante‑dix‑neuvième" with non-breaking hyphens and "A/ES‑10/273" likewise. Rules compare
words, dates, ordinals and symbols, so they read the text *folded*: each such character
replaced by its plain counterpart, one code point for one, so every span stays valid in the
original. Fixes are made on the folded text and applied to the original; `restore` keeps
the original's typography wherever a fix leaves the characters around it unchanged.
"""
from __future__ import annotations

from difflib import SequenceMatcher

SPACES = "\u00a0\u202f\u2009\u2007"  # no-break, narrow no-break, thin, figure space
HYPHENS = "\u2011\u2010"  # non-breaking hyphen, hyphen
_FOLD = str.maketrans({**{c: " " for c in SPACES}, **{c: "-" for c in HYPHENS}})


def fold(text: str) -> str:
    """`text` with typographic spaces and hyphens as plain ones; same length, same offsets."""
    return text.translate(_FOLD)


def restore(original: str, replacement: str) -> str:
    """`replacement` (written for the folded `original`) with the original's no-break
    spaces and hyphens put back wherever the two agree character for character."""
    if original == replacement or not any(c in SPACES or c in HYPHENS for c in original):
        return replacement
    folded = fold(original)
    if folded == replacement:
        return original
    if len(folded) == len(replacement):  # a like-for-like change: restore position by position
        return "".join(o if f == r else r for o, f, r in zip(original, folded, replacement))
    pieces = []
    matcher = SequenceMatcher(None, folded, replacement, autojunk=False)
    for op, a0, a1, b0, b1 in matcher.get_opcodes():
        pieces.append(original[a0:a1] if op == "equal" else replacement[b0:b1])
    return "".join(pieces)
