"""Gitignore-style path patterns, for `exclude` and `per-file-ignores` in the configuration.

The patterns follow the syntax of `.gitignore` (checked against `git check-ignore` by the
tests): `*` and `?` stay within one path component, `**` crosses them, `[abc]` is a class,
a trailing `/` matches folders only, a pattern with a `/` before its end is anchored to the
base folder (the configuration file's folder), one without matches at any depth, `!`
re-includes, and the last matching pattern wins. As in git, nothing inside an excluded folder
can be re-included.
"""
from __future__ import annotations

import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

ANY = "**"  # zero or more folders ("**/" at the start or in the middle)
INSIDE = "/**"  # one or more components, everything inside ("a/**" at the end)

@dataclass(frozen=True)
class Pattern:
    text: str
    segments: tuple  # per path component: a compiled glob (full match), ANY or INSIDE
    negated: bool
    folders_only: bool

    def prefixes(self, parts: tuple[str, ...]) -> set[int]:
        """The lengths d (1 to len(parts)) for which the pattern matches `parts[:d]`: the
        path's parent folders and the path itself, all in one pass, in time proportional to
        components x segments (no backtracking: each component is tried once per position)."""
        n = len(parts)
        reachable = bytearray(n + 1)  # [j]: the segments so far can consume exactly j components
        reachable[0] = 1
        for segment in self.segments:
            lowest = reachable.find(1)
            if lowest < 0:
                return set()
            if segment is ANY:  # zero or more: every count from the lowest on
                reachable[lowest:] = b"\x01" * (n + 1 - lowest)
            elif segment is INSIDE:  # always the last segment: one or more
                return set(range(lowest + 1, n + 1))
            else:
                following = bytearray(n + 1)
                for j in range(lowest, n):
                    if reachable[j] and segment.fullmatch(parts[j]):
                        following[j + 1] = 1
                reachable = following
        return {j for j in range(1, n + 1) if reachable[j]}


def compile_pattern(text: str) -> Pattern | None:
    """One gitignore line as a Pattern; None for a blank line or a comment."""
    line = _strip_trailing_spaces(text)
    if not line or line.startswith("#"):
        return None
    negated = line.startswith("!")
    if negated:
        line = line[1:]
    elif line.startswith("\\!") or line.startswith("\\#"):
        line = line[1:]
    folders_only = line.endswith("/") and not line.endswith("\\/")
    line = line.rstrip("/") if folders_only else line
    if not line:
        return None
    anchored = "/" in line
    line = line.lstrip("/") if line.startswith("/") else line
    segments = _segments(line)
    return Pattern(text, segments if anchored else (ANY, *segments), negated, folders_only)


class PathPatterns:
    """Patterns relative to `base`; `excludes(relative_path, is_folder)` answers as git would."""

    def __init__(self, patterns: tuple[str, ...] | list[str]) -> None:
        self.patterns = [found for found in map(compile_pattern, patterns) if found is not None]

    def __bool__(self) -> bool:
        return bool(self.patterns)

    def excludes(self, relative: str, is_folder: bool = False) -> bool:
        """Whether `relative` (a POSIX path below the base folder) is excluded, either itself
        or through one of its parent folders; the last matching pattern wins at each level."""
        parts = tuple(part for part in relative.split("/") if part not in ("", "."))
        matched = [(pattern, pattern.prefixes(parts)) for pattern in self.patterns]
        for depth in range(1, len(parts) + 1):
            folder = is_folder or depth < len(parts)
            verdict = False
            for pattern, depths in matched:
                if depth in depths and (folder or not pattern.folders_only):
                    verdict = not pattern.negated
            if verdict:
                return True
        return False


def relative_path(path: Path, base: Path) -> str | None:
    """`path` as the patterns of a configuration in the (resolved) folder `base` see it: a
    POSIX path below `base`, its folders resolved and its own name kept (a link is matched by
    its own name); None when it lies outside `base`."""
    if path.name in ("", ".", ".."):
        located = path.resolve()
    else:
        located = Path(os.path.realpath(path.parent)) / path.name
    try:
        relative = located.relative_to(base)
    except ValueError:
        return None
    return relative.as_posix() if relative.parts else None


def file_matches(pattern: str, relative: str) -> bool:
    """Whether one `per-file-ignores` pattern names the file at `relative` (as `exclude`
    would exclude it alone; with a leading "!", whether it would not)."""
    negated = pattern.startswith("!")
    return _alone(pattern[1:] if negated else pattern).excludes(relative) != negated


@lru_cache(maxsize=256)
def _alone(pattern: str) -> PathPatterns:
    return PathPatterns((pattern,))


def _strip_trailing_spaces(line: str) -> str:
    """Trailing spaces are dropped unless escaped with a backslash (as in git)."""
    stripped = line.rstrip(" ")
    if stripped.endswith("\\") and len(stripped) < len(line):
        return stripped[:-1] + " "
    return stripped


def _segments(glob: str) -> tuple:
    """One anchored glob (no leading slash), component by component."""
    components = glob.split("/")
    last = len(components) - 1
    return tuple(
        (INSIDE if index == last else ANY) if component == "**" else re.compile(_component(component), re.S)
        for index, component in enumerate(components)
    )


def _component(text: str) -> str:
    """A regex for one path component: `*`, `?`, `[...]` and `\\x` escapes. Between two stars
    the text has a fixed length, so its leftmost match is always the right one: each star but
    the last is an atomic lazy group, which never backtracks (as CPython's fnmatch does), and
    matching takes time proportional to the name's length times the pattern's."""
    tokens = list(_tokens(text))
    pieces: list[list[str]] = [[]]  # the fixed-length texts between stars
    i = 0
    while i < len(tokens):
        char, escaped = tokens[i]
        if escaped:
            pieces[-1].append(re.escape(char))
        elif char == "*":
            while i + 1 < len(tokens) and tokens[i + 1] == ("*", False):  # "a**b" is "a*b" within a component
                i += 1
            pieces.append([])
        elif char == "?":
            pieces[-1].append(".")
        elif char == "[":
            end = _class_end(tokens, i)
            if end is None:
                return "(?!)"  # an unclosed class: git's wildmatch matches nothing at all
            pieces[-1].append(_char_class(tokens[i + 1 : end]))
            i = end
        else:
            pieces[-1].append(re.escape(char))
        i += 1
    texts = ["".join(piece) for piece in pieces]
    if len(texts) == 1:
        return texts[0]
    middle = "".join(f"(?>.*?{piece})" for piece in texts[1:-1])
    return f"{texts[0]}{middle}.*{texts[-1]}"


def _tokens(text: str) -> Iterator[tuple[str, bool]]:
    """The characters of a glob, each with whether a backslash escaped it."""
    i = 0
    while i < len(text):
        if text[i] == "\\" and i + 1 < len(text):
            yield text[i + 1], True
            i += 2
        else:
            yield text[i], False
            i += 1


_NEGATIONS = (("!", False), ("^", False))


def _class_end(tokens: list[tuple[str, bool]], start: int) -> int | None:
    """Index of the `]` closing the class opened at `start`, or None when it is unclosed."""
    i = start + 1
    if i < len(tokens) and tokens[i] in _NEGATIONS:
        i += 1
    if i < len(tokens) and tokens[i][0] == "]":  # a "]" first in the class is literal
        i += 1
    while i < len(tokens):
        if tokens[i] == ("]", False):
            return i
        i += 1
    return None


def _char_class(tokens: list[tuple[str, bool]]) -> str:
    """A class's members and ranges, each written out."""
    negate = bool(tokens) and tokens[0] in _NEGATIONS
    if negate:
        tokens = tokens[1:]
    members: list[str] = []
    i = 0
    while i < len(tokens):
        if i + 2 < len(tokens) and tokens[i + 1] == ("-", False):
            low, high = tokens[i][0], tokens[i + 2][0]
            # git's wildmatch takes the first character alone, then the range: a reversed
            # range ("z-a") adds nothing to it, where Python's re would refuse the pattern
            members.append(f"{re.escape(low)}-{re.escape(high)}" if low <= high else re.escape(low))
            i += 3
        else:
            members.append(re.escape(tokens[i][0]))
            i += 1
    body = "".join(members)
    return f"[^/{body}]" if negate else f"[{body}]"
