"""What each option may be, in one place, for every source a value comes from: configuration
files (config.py), the command line (cli.py) and the editor's settings (lsp/settings.py).

Each reader takes a raw value and returns it checked and converted, or raises `Invalid`
saying what was expected. The reader does not know where the value came from: each source
puts its own name of the place in front (`--lang`, `pyproject.toml: tool.resolint.language`,
`resolint settings: resolint.language`) with `Invalid.at`, so that one option is described
the same way wherever it is given.
"""
from __future__ import annotations

import dataclasses
import json
import re
from typing import Any

from ..document.diagnostics import Severity
from ..document.langdata import LANGUAGES
from ..grammar.lexicon import KINDS, words
from .patterns import compile_pattern
from .registry import find, is_known_selector
from .render import RENDERERS

AUTO = "auto"
OFF = "off"
SEVERITIES = (*(severity.name.lower() for severity in Severity), OFF)  # as Severity.parse reads them
REPORT_FORMATS = tuple(RENDERERS)  # check and compare: findings in any renderer's form
DATA_FORMATS = ("text", "json")  # config, outline, rules: one listing, for people or programs
MAX_PATTERN = 4096  # as long as a path can be
MAX_DEBOUNCE_MS = 10_000
MAX_PHRASE = 200  # longer than any opening phrase ("Acting under Chapter VII of the Charter ...")
PHRASE_EXAMPLE = 'en.preambular = ["Noting with deep appreciation"]'
SEE_RULES = "(see `resolint rules`)"


class Invalid(ValueError):
    """A value an option does not take. `str()` is what was expected; `key` names the part
    of the value at fault (the rule of a severity table), empty for the value as a whole."""

    def __init__(self, expected: str, key: str = "") -> None:
        super().__init__(expected)
        self.key = key

    def at(self, where: str) -> str:
        """The one-line message, `where` naming the option as its source does."""
        return f"{where}{'.' + self.key if self.key else ''}: {self}"


def language(value: Any, *, auto: bool = True) -> str:
    """A language code, or "auto" (detect it in each text) where `auto` is allowed."""
    allowed = (AUTO, *LANGUAGES) if auto else LANGUAGES
    if isinstance(value, str) and value in allowed:
        return value
    names = ", ".join(LANGUAGES)
    raise Invalid(f'expected "auto" or one of {names}, got {value!r}' if auto else f"expected one of {names}, got {value!r}")


def strings(value: Any, example: str = '["ST", "VB001"]') -> tuple[str, ...]:
    """A list of strings; a single string stands for a list of one."""
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, (list, tuple)) or not all(isinstance(item, str) for item in value):
        raise Invalid(f"expected a list of strings, e.g. {example}")
    return tuple(value)


def selectors(value: Any) -> tuple[str, ...]:
    """Rule codes, names or prefixes (`select`, `ignore`), each naming at least one rule."""
    chosen = strings(value)
    for selector in chosen:
        if not is_known_selector(selector):
            raise Invalid(f"unknown rule code or name {selector!r} {SEE_RULES}")
    return chosen


def patterns(value: Any) -> tuple[str, ...]:
    """gitignore-style patterns (`exclude`), each one that compiles."""
    chosen = strings(value, '["archive/", "README.md"]')
    for pattern in chosen:
        problem = _pattern_problem(pattern)
        if problem:
            raise Invalid(f"{problem}: {pattern[:80]!r}")
    return chosen


def _pattern_problem(pattern: str) -> str | None:
    """Why an `exclude` or `per-file-ignores` pattern cannot be used, or None."""
    if len(pattern) > MAX_PATTERN:
        return f"a pattern longer than {MAX_PATTERN} characters"
    try:
        compile_pattern(pattern)
    except (re.error, ValueError, RecursionError, OverflowError) as error:
        return f"not a gitignore-style pattern ({error})"
    return None


def per_file_ignores(value: Any) -> dict[str, tuple[str, ...]]:
    """gitignore-style patterns, each with the rules not run on the files it matches
    (`per-file-ignores`); a pattern starting with "!" names the files it does not match."""
    if not isinstance(value, dict):
        raise Invalid('expected a table of patterns and rules, e.g. "drafts/old/*.md" = ["VB004"]')
    checked: dict[str, tuple[str, ...]] = {}
    for pattern, chosen in value.items():
        problem = _pattern_problem(pattern)
        if problem is None and compile_pattern(pattern.removeprefix("!")) is None:
            problem = "an empty pattern (or a comment), which names no file"
        if problem:
            raise Invalid(problem, key=toml_key(pattern[:80]))
        try:
            checked[pattern] = selectors(chosen)
        except Invalid as error:
            raise Invalid(str(error), key=toml_key(pattern[:80])) from None
    return checked


def phrases(value: Any) -> dict[str, dict[str, tuple[str, ...]]]:
    """Opening phrases a project adds to the lexicon, by language and kind (`phrases`), each
    written as it stands in italics, without the asterisks; spaces are folded to one."""
    if not isinstance(value, dict):
        raise Invalid(f"expected a table of phrases by language and kind, e.g. {PHRASE_EXAMPLE}")
    checked: dict[str, dict[str, tuple[str, ...]]] = {}
    for code, kinds in value.items():
        if code not in LANGUAGES:
            raise Invalid(f"expected a language, one of {', '.join(LANGUAGES)}", key=toml_key(code))
        if not isinstance(kinds, dict):
            raise Invalid(f"expected a table of phrases by kind ({' or '.join(KINDS)}), e.g. {PHRASE_EXAMPLE}", key=code)
        for kind, listed in kinds.items():
            where = f"{code}.{toml_key(kind)}"
            if kind not in KINDS:
                raise Invalid(f"expected {' or '.join(KINDS)}", key=where)
            try:
                chosen = strings(listed, '["Noting with deep appreciation"]')
            except Invalid as error:
                raise Invalid(str(error), key=where) from None
            for phrase in chosen:
                problem = _phrase_problem(phrase)
                if problem:
                    raise Invalid(f"{problem}: {phrase[:80]!r}", key=where)
            checked.setdefault(code, {})[kind] = tuple(dict.fromkeys(" ".join(phrase.split()) for phrase in chosen))
    return checked


def _phrase_problem(phrase: str) -> str | None:
    """Why a project phrase cannot be an opening phrase, or None."""
    if len(phrase) > MAX_PHRASE:
        return f"a phrase longer than {MAX_PHRASE} characters"
    if "*" in phrase or "_" in phrase:
        return "write the phrase without its italics markers"
    if not words(phrase):
        return "a phrase without words"
    return None


def toml_key(key: str) -> str:
    """A TOML key as it is written: bare when it can be, else quoted (in messages, and in the
    TOML that `resolint config`, `init` and the phrase quick fix write)."""
    return key if re.fullmatch(r"[A-Za-z0-9_-]+", key) else json.dumps(key, ensure_ascii=False)


def severities(value: Any) -> dict[str, str]:
    """A table of rule selector -> severity name or "off" (`severity`)."""
    if not isinstance(value, dict):
        raise Invalid('expected a table of rule severities, e.g. {"VB004": "info"}')
    for selector, level in value.items():
        if not is_known_selector(selector):
            raise Invalid(f"unknown rule code or name {SEE_RULES}", key=selector)
        if not isinstance(level, str) or level not in SEVERITIES:
            raise Invalid(f"expected {', '.join(SEVERITIES[:-1])} or {OFF}, got {level!r}", key=selector)
    return dict(value)


def rule_options(value: Any) -> dict[str, dict[str, Any]]:
    """Tables of rule options by rule (`rules`), each checked against the rule's Options and
    filed under the rule's code."""
    if not isinstance(value, dict):
        raise Invalid("expected a table of rule options, e.g. [tool.resolint.rules.ST006]")
    options: dict[str, dict[str, Any]] = {}
    for selector, table in value.items():
        rule = find(selector)
        if rule is None:
            raise Invalid(f"unknown rule code or name {SEE_RULES}", key=selector)
        if not isinstance(table, dict):
            raise Invalid("expected a table of options", key=selector)
        known = rule.option_fields()
        checked: dict[str, Any] = {}
        for option, option_value in table.items():
            if option not in known:
                raise Invalid(f"unknown option (this rule's options: {', '.join(known) or 'none'})", key=f"{selector}.{option}")
            converted, expected = check_option(option_value, field_default(known[option]))
            if expected:
                raise Invalid(f"expected {expected}, got {_toml_type(option_value)}", key=f"{selector}.{option}")
            checked[option] = converted
        options[rule.code] = checked
    return options


def field_default(option: dataclasses.Field) -> Any:
    """A rule option's default value (None when it has none)."""
    if option.default is not dataclasses.MISSING:
        return option.default
    if option.default_factory is not dataclasses.MISSING:
        return option.default_factory()
    return None


def check_option(value: Any, default: Any) -> tuple[Any, str | None]:
    """`value` converted to the type of `default`, and None; or the expected form when it
    does not fit. TOML has no tuples or sets, so a list stands for any sequence."""
    if default is None:
        return value, None
    if isinstance(default, bool):
        return value, None if isinstance(value, bool) else "true or false"
    if isinstance(default, int):
        return value, None if _is_number(value, int) else "an integer"
    if isinstance(default, float):
        return (float(value), None) if _is_number(value, (int, float)) else (value, "a number")
    if isinstance(default, str):
        return value, None if isinstance(value, str) else "a string"
    if isinstance(default, (list, tuple, set, frozenset)):
        kinds = {type(item) for item in default} or {str}
        if isinstance(value, list) and all(type(item) in kinds for item in value):
            return type(default)(value), None
        names = " or ".join(sorted(_toml_type(kind()) for kind in kinds))
        return value, f"a list of {names}s"
    if isinstance(default, dict):
        return value, None if isinstance(value, dict) else "a table"
    return value, None


def _is_number(value: Any, kinds) -> bool:
    """A number of `kinds` (a boolean is an int to Python, never a number to a user)."""
    return isinstance(value, kinds) and not isinstance(value, bool)


def _toml_type(value: Any) -> str:
    names = {bool: "boolean", int: "integer", float: "number", str: "string", list: "list", dict: "table"}
    return names.get(type(value), type(value).__name__)


def versions(value: Any) -> dict[str, tuple[str, ...]]:
    """Files that are language versions of one text (`versions`): each file with its other
    versions, paths relative to the configuration file, e.g. "res.md" = ["res-fr.md"]."""
    example = '"res.md" = ["res-fr.md", "res-es.md"]'
    if not isinstance(value, dict):
        raise Invalid(f"expected a table of files and their other language versions, e.g. {example}")
    checked: dict[str, tuple[str, ...]] = {}
    for path, others in value.items():
        key = toml_key(path)
        if not path.strip():
            raise Invalid("expected a file's path, got an empty key", key=key)
        try:
            listed = strings(others, '["res-fr.md", "res-es.md"]')
        except Invalid as error:
            raise Invalid(str(error), key=key) from None
        if not listed or not all(other.strip() for other in listed):
            raise Invalid("expected one or more paths of other versions, none empty", key=key)
        if path in listed:
            raise Invalid("a file is not another version of itself", key=key)
        checked[path] = listed
    return checked


def boolean(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    raise Invalid(f"expected true or false, got {value!r}")


def report_format(value: Any) -> str:
    """The output of `check` and `compare`."""
    return _one_of(value, REPORT_FORMATS)


def data_format(value: Any) -> str:
    """The output of `config`, `outline` and `rules`."""
    return _one_of(value, DATA_FORMATS)


def _one_of(value: Any, choices: tuple[str, ...]) -> str:
    if value in choices:
        return value
    raise Invalid(f"expected one of {', '.join(choices)}, got {value!r}")


def jobs(value: Any) -> int:
    """How many files are linted in parallel."""
    if _is_number(value, int) and value >= 1:
        return value
    raise Invalid(f"expected a number of processes, 1 or more, got {value!r}")


def debounce(value: Any) -> float:
    """Milliseconds of quiet typing before the editor's document is linted."""
    if _is_number(value, (int, float)) and 0 <= value <= MAX_DEBOUNCE_MS:
        return value
    raise Invalid(f"expected a number of milliseconds from 0 to {MAX_DEBOUNCE_MS}, got {value!r}")


# The keys of a configuration file (and the command-line or editor values put on top of one).
CONFIG = {
    "language": language,
    "select": selectors,
    "ignore": selectors,
    "exclude": patterns,
    "severity": severities,
    "rules": rule_options,
    "per-file-ignores": per_file_ignores,
    "phrases": phrases,
    "versions": versions,
}
