"""Adding a phrase to a configuration file's `[phrases]` by editing its text, so that the
user's layout, order and comments stay as they were (the editor's "Add … to the project's
phrases"). No TOML writer: they reformat what they rewrite.

The edit is the smallest of three, tried in turn: the phrase put at the end of the list
already there (`en.preambular = [...]`, on one line or many), a new line in the table that
holds such lists (`[phrases]` or `[phrases.en]`), or a new table at the end of the file. Each
result is parsed back and taken only if it reads as the old file with the phrase added and
nothing else changed; when none does (a list written as an inline table, say), `EditError`
says what to do by hand.
"""
from __future__ import annotations

import copy
import json
import re
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass

from . import options

NEW_FILE = "# resolint configuration (see `resolint config`)\n"
_BARE = re.compile(r"[A-Za-z0-9_-]+")
_SPACE = " \t"


class EditError(Exception):
    """The phrase cannot be added to this file by a safe edit; the message says why."""


@dataclass(frozen=True)
class _Statement:
    """A table header (`key` empty) or a `key = value` line, with the table it is in."""

    table: tuple[str, ...]
    key: tuple[str, ...]
    start: int  # where the line starts
    value: int  # where the value starts (a header: where it ends)
    end: int  # the end of its last line, before the line break


def add_phrase(text: str, table: tuple[str, ...], language: str, kind: str, phrase: str) -> str:
    """`text` with `phrase` added to the `language`.`kind` list of the phrases table `table`
    (("phrases",) in a .resolint.toml, ("tool", "resolint", "phrases") in a pyproject.toml)."""
    try:
        options.phrases({language: {kind: [phrase]}})
    except options.Invalid as error:
        raise EditError(f"“{phrase[:80]}” cannot be listed: {error}") from None
    try:
        data = tomllib.loads(text)
    except (tomllib.TOMLDecodeError, RecursionError) as error:
        raise EditError(f"it is not valid TOML ({error}); correct it first") from None
    expected = _with_phrase(data, (*table, language, kind), phrase)
    try:
        statements = list(_statements(text))
    except (ValueError, IndexError, AttributeError):  # a key this reader does not follow: a new table only
        statements = []
    for candidate in (_into_list, _into_table, _new_table):
        edited = candidate(text, statements, table, language, kind, json.dumps(phrase, ensure_ascii=False))
        if edited is not None and _reads_as(edited, expected):
            return edited
    where = ".".join((*table, language, kind))
    raise EditError(f"its {where} is not a list resolint can add to; add the phrase there by hand")


def _with_phrase(data: dict, path: tuple[str, ...], phrase: str) -> dict:
    expected = copy.deepcopy(data)
    node = expected
    for part in path[:-1]:
        node = node.setdefault(part, {})
        if not isinstance(node, dict):
            raise EditError(f"its {'.'.join(path[:-1])} is not a table; correct it first")
    listed = node.setdefault(path[-1], [])
    if not isinstance(listed, list):
        raise EditError(f"its {'.'.join(path)} is not a list; write it as one first")
    if phrase in listed:
        raise EditError(f"“{phrase}” is already listed in {'.'.join(path)}")
    listed.append(phrase)
    return expected


def _reads_as(text: str, expected: dict) -> bool:
    try:
        return tomllib.loads(text) == expected
    except (tomllib.TOMLDecodeError, RecursionError):
        return False


def _into_list(text, statements, table, language, kind, entry) -> str | None:
    """The phrase at the end of the list already there, in the list's own layout."""
    path = (*table, language, kind)
    found = next((s for s in statements if s.key and (*s.table, *s.key) == path), None)
    if found is None or text[found.value : found.value + 1] != "[":
        return None
    close, last = _list_end(text, found.value)
    if close is None:
        return None
    before = text[last - 1]
    if "\n" not in text[last:close]:  # the closing bracket on the line of the last item
        insert = entry if before == "[" else (f" {entry}" if before == "," else f", {entry}")
        return text[:last] + insert + text[last:]
    newline = "\r\n" if "\r\n" in text else "\n"
    if before == "[":  # an empty list over several lines: the first item, indented
        indent = _indent(text[found.start : found.value]) + "    "
        return text[:last] + f"{newline}{indent}{entry}," + text[last:]
    # a line of its own after the last item's line (and its comment), indented as it is;
    # a trailing comma where the list has them, else a comma after the last item
    indent = _indent(text[text.rfind("\n", 0, last) + 1 : last])
    line_end = _line_end(text, last)
    if before == ",":
        return text[:line_end] + f"{newline}{indent}{entry}," + text[line_end:]
    return text[:last] + "," + text[last:line_end] + f"{newline}{indent}{entry}" + text[line_end:]


def _into_table(text, statements, table, language, kind, entry) -> str | None:
    """A new line in the table the lists are in: `[phrases]` (`en.preambular = [...]`) or
    `[phrases.en]` (`preambular = [...]`), after its last line."""
    for header, key in (((*table, language), kind), (table, f"{language}.{kind}")):
        inside = [s for s in statements if s.table == header]
        if not inside or inside[0].key:
            continue  # no header of its own (only dotted keys from a table above)
        end = inside[-1].end
        newline = "\r\n" if "\r\n" in text else "\n"
        return text[:end] + f"{newline}{key} = [{entry}]" + text[end:]
    return None


def _new_table(text, statements, table, language, kind, entry) -> str:
    """A new table at the end of the file (a new file gets a comment saying what it is)."""
    header = ".".join(options.toml_key(part) for part in table)
    body = f"[{header}]\n{language}.{kind} = [{entry}]\n"
    if not text.strip():
        return NEW_FILE + "\n" + body
    return text + ("" if text.endswith("\n") else "\n") + "\n" + body


def _indent(line: str) -> str:
    return line[: len(line) - len(line.lstrip(_SPACE))]


# --- reading the text's statements -------------------------------------------------------

def _statements(text: str) -> Iterator[_Statement]:
    """The headers and key-value lines of a valid TOML text, in order."""
    table: tuple[str, ...] = ()
    position = 0
    while position < len(text):
        position = _skip_blank(text, position)
        if position >= len(text):
            return
        start = position
        if text[position] == "[":
            array = text.startswith("[[", position)
            keys, position = _key(text, position + (2 if array else 1), "]")
            position += 2 if array else 1
            table = keys if not array else ("[[", *keys)  # an array of tables takes no phrases
            end = _line_end(text, position)
            yield _Statement(table, (), start, position, end)
        else:
            keys, position = _key(text, position, "=")
            value = _skip_spaces(text, position + 1)
            position = _value_end(text, value)
            end = _line_end(text, position)
            yield _Statement(table, keys, start, value, end)
        position = end


def _skip_blank(text: str, position: int) -> int:
    """Past spaces, line breaks and comment lines."""
    while position < len(text):
        if text[position] in " \t\r\n":
            position += 1
        elif text[position] == "#":
            position = _line_end(text, position)
        else:
            break
    return position


def _skip_spaces(text: str, position: int) -> int:
    while position < len(text) and text[position] in _SPACE:
        position += 1
    return position


def _line_end(text: str, position: int) -> int:
    """The end of the line `position` is on, before its line break."""
    end = text.find("\n", position)
    end = len(text) if end < 0 else end
    return end - 1 if end > 0 and text[end - 1] == "\r" else end


def _key(text: str, position: int, stop: str) -> tuple[tuple[str, ...], int]:
    """A dotted key up to `stop` ("=" or "]"): its parts, and where `stop` is."""
    parts: list[str] = []
    while True:
        position = _skip_spaces(text, position)
        char = text[position]
        if char in "\"'":
            end = _string_end(text, position)
            raw = text[position:end]
            parts.append(json.loads(raw) if char == '"' else raw[1:-1])
            position = end
        else:
            match = _BARE.match(text, position)
            parts.append(match.group())
            position = match.end()
        position = _skip_spaces(text, position)
        if text[position] == stop:
            return tuple(parts), position
        position += 1  # the dot


def _string_end(text: str, position: int) -> int:
    """Just past the string that starts at `position` (basic or literal, one line or many)."""
    quote = text[position]
    if text.startswith(quote * 3, position):
        end = text.find(quote * 3, position + 3)
        while quote == '"' and _escaped(text, end):
            end = text.find(quote * 3, end + 1)
        end += 3
        while text.startswith(quote, end):  # up to two quotes may end the content
            end += 1
        return end
    end = text.find(quote, position + 1)
    while quote == '"' and _escaped(text, end):
        end = text.find(quote, end + 1)
    return end + 1


def _escaped(text: str, position: int) -> bool:
    backslashes = 0
    while position - backslashes - 1 >= 0 and text[position - backslashes - 1] == "\\":
        backslashes += 1
    return backslashes % 2 == 1


def _value_end(text: str, position: int) -> int:
    """Just past the value that starts at `position`."""
    if text[position] in "\"'":
        return _string_end(text, position)
    if text[position] in "[{":
        return _list_end(text, position)[0] + 1
    return _line_end(text, position)


def _list_end(text: str, position: int) -> tuple[int | None, int]:
    """For the array or inline table opening at `position`: where its closing bracket is, and
    just past its last character that is not a space, line break or comment (the opening
    bracket itself when it is empty)."""
    depth = 0
    last = position + 1
    while position < len(text):
        char = text[position]
        if char in "\"'":
            position = _string_end(text, position)
            last = position
            continue
        if char == "#":
            position = _line_end(text, position)
            continue
        if char in "[{":
            depth += 1
        elif char in "]}":
            depth -= 1
            if depth == 0:
                return position, last
        if char not in " \t\r\n":
            last = position + 1
        position += 1
    return None, last
