"""Gitignore-style path patterns, for `exclude` in the configuration.

The patterns follow the syntax of `.gitignore` (checked against `git check-ignore` by the
tests): `*` and `?` stay within one path component, `**` crosses them, `[abc]` is a class,
a trailing `/` matches folders only, a pattern with a `/` before its end is anchored to the
base folder (the configuration file's folder), one without matches at any depth, `!`
re-includes, and the last matching pattern wins. As in git, nothing inside an excluded folder
can be re-included.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import PurePosixPath


@dataclass(frozen=True)
class Pattern:
    text: str
    regex: re.Pattern[str]
    negated: bool
    folders_only: bool


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
    body = _translate(line)
    prefix = "" if anchored else "(?:.*/)?"
    return Pattern(text, re.compile(prefix + body + r"\Z", re.S), negated, folders_only)


class PathPatterns:
    """Patterns relative to `base`; `excludes(relative_path, is_folder)` answers as git would."""

    def __init__(self, patterns: tuple[str, ...] | list[str]) -> None:
        self.patterns = [found for found in map(compile_pattern, patterns) if found is not None]

    def __bool__(self) -> bool:
        return bool(self.patterns)

    def excludes(self, relative: str, is_folder: bool = False) -> bool:
        """Whether `relative` (a POSIX path below the base folder) is excluded, either itself
        or through one of its parent folders."""
        parts = PurePosixPath(relative).parts
        for depth in range(1, len(parts)):
            if self._matches("/".join(parts[:depth]), True):
                return True
        return self._matches("/".join(parts), is_folder)

    def _matches(self, path: str, is_folder: bool) -> bool:
        verdict = False
        for pattern in self.patterns:
            if pattern.folders_only and not is_folder:
                continue
            if pattern.regex.match(path):
                verdict = not pattern.negated
        return verdict


def _strip_trailing_spaces(line: str) -> str:
    """Trailing spaces are dropped unless escaped with a backslash (as in git)."""
    stripped = line.rstrip(" ")
    if stripped.endswith("\\") and len(stripped) < len(line):
        return stripped[:-1] + " "
    return stripped


def _translate(glob: str) -> str:
    """A regex for one anchored glob (no leading slash), component by component."""
    out: list[str] = []
    components = glob.split("/")
    last = len(components) - 1
    for index, component in enumerate(components):
        if component == "**":
            if index == last:
                out.append(".*")  # "a/**": everything inside a
            else:
                out.append("(?:.*/)?")  # "**/": zero or more folders
            continue
        out.append(_component(component))
        if index != last:
            out.append("/")
    return "".join(out)


def _component(text: str) -> str:
    """One path component: `*`, `?`, `[...]` and `\\x` escapes; never crosses a `/`."""
    tokens = list(_tokens(text))
    out: list[str] = []
    i = 0
    while i < len(tokens):
        char, escaped = tokens[i]
        if escaped:
            out.append(re.escape(char))
        elif char == "*":
            while i + 1 < len(tokens) and tokens[i + 1] == ("*", False):  # "a**b" is "a*b" within a component
                i += 1
            out.append("[^/]*")
        elif char == "?":
            out.append("[^/]")
        elif char == "[":
            end = _class_end(tokens, i)
            if end is None:
                return "(?!)"  # an unclosed class: git's wildmatch matches nothing at all
            out.append(_char_class(tokens[i + 1 : end]))
            i = end
        else:
            out.append(re.escape(char))
        i += 1
    return "".join(out)


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
    negate = bool(tokens) and tokens[0] in _NEGATIONS
    if negate:
        tokens = tokens[1:]
    body = "".join("-" if token == ("-", False) else re.escape(token[0]) for token in tokens)
    return f"[^/{body}]" if negate else f"[{body}]"
