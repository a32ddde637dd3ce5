"""What reaches a person's terminal: file names and messages with their control characters
written out, so that a name holding a newline cannot forge a line of the report and one
holding an escape sequence cannot drive the terminal.

Every human-readable output goes through `printable`: the text renderer, the summary and
the notes and errors on standard error, `resolint config` and `resolint init`. The machine
formats escape in their own syntax (JSON, XML, GitHub's workflow commands).
"""
from __future__ import annotations

import re

# C0 controls but the tab, DEL and C1 controls; the line and paragraph separators; the
# bidirectional embeddings, overrides and isolates (which reorder what a terminal shows);
# lone surrogates (the bytes of a file name that is not UTF-8, which no terminal can print).
_UNPRINTABLE = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_NAMES = {"\n": "\\n", "\r": "\\r"}


def printable(text: str) -> str:
    """`text` with each unprintable character as an escape: `\\n`, `\\r`, `\\x1b`,
    `\\u202e`; a byte of a non-UTF-8 file name as `\\xff`."""
    if not _UNPRINTABLE.search(text):
        return text
    return _UNPRINTABLE.sub(_escape, text)


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    if char in _NAMES:
        return _NAMES[char]
    code = ord(char)
    if 0xDC80 <= code <= 0xDCFF:  # a byte that os.fsdecode could not decode (surrogateescape)
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable_lines(text: str) -> str:
    """A multi-line output, each of its lines printable."""
    return "".join(printable(line) + "\n" for line in text.split("\n")[:-1]) + printable(text.split("\n")[-1])
