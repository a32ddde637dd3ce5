"""Configuration: `[tool.resolint]` in pyproject.toml or a `.resolint.toml`, found by walking
up from the linted file. The same loader serves the CLI and the language server.

    [tool.resolint]
    language = "auto"            # auto | en | es | fr
    select = ["ALL"]             # codes, names or prefixes
    ignore = []
    exclude = []                 # gitignore-style patterns, relative to the config file
    [tool.resolint.severity]     # per-rule severity: error | warning | info | hint | off
    VB004 = "info"
    [tool.resolint.rules.ST006]  # per-rule options (see `resolint rule CODE`)
"""
from __future__ import annotations

import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from .diagnostics import Severity
from .langdata import LANGUAGES

CONFIG_FILES = (".resolint.toml", "pyproject.toml")
KEYS = ("language", "select", "ignore", "exclude", "severity", "rules")
OFF = "off"


class ConfigError(Exception):
    """An invalid configuration; the message is one line naming the file and the key."""


@dataclass(frozen=True)
class Config:
    language: str = "auto"
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    severity: dict[str, str] = field(default_factory=dict)  # selector -> severity name or "off"
    rules: dict[str, dict[str, Any]] = field(default_factory=dict)  # code or name -> options
    path: Path | None = None  # the file the settings came from
    origins: dict[str, str] = field(default_factory=dict)  # key -> where its value came from

    @property
    def root(self) -> Path | None:
        return self.path.parent if self.path else None

    def with_overrides(self, origin: str, **values: Any) -> "Config":
        """A copy with command-line (or editor) values on top; None means "not given"."""
        given = {key: value for key, value in values.items() if value is not None}
        validated = _validate(given, origin)
        origins = dict(self.origins)
        origins.update(dict.fromkeys(given, origin))
        return replace(self, **validated, origins=origins)

    def severity_for(self, code: str, name: str, default: Severity) -> Severity | None:
        """The configured severity of a rule (None when turned off); the most specific wins."""
        from .registry import matches

        best: tuple[int, str] | None = None
        for selector, level in self.severity.items():
            if matches(selector, code, name):
                rank = len(code) + 1 if selector == name else len(selector)
                if best is None or rank > best[0]:
                    best = (rank, level)
        if best is None:
            return default
        return None if best[1] == OFF else Severity.parse(best[1])


DEFAULT = Config()


def find_config(start: Path) -> Path | None:
    """The nearest .resolint.toml, or pyproject.toml with a [tool.resolint] table."""
    directory = start if start.is_dir() else start.parent
    for folder in (directory.resolve(), *directory.resolve().parents):
        for name in CONFIG_FILES:
            candidate = folder / name
            if candidate.is_file() and (name != "pyproject.toml" or _has_tool_table(candidate)):
                return candidate
    return None


def load_config(path: Path) -> Config:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"{path}: cannot read: {error}") from None
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}: invalid TOML: {error}") from None
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get("resolint", {})
        prefix = "tool.resolint."
    else:
        prefix = ""
    values = _validate(data, str(path), prefix)
    return Config(**values, path=path, origins=dict.fromkeys(values, str(path)))


def config_for(path: Path | None) -> Config:
    """The configuration that applies to a file (or the working directory, for stdin)."""
    found = find_config(path if path is not None else Path.cwd())
    return load_config(found) if found else DEFAULT


def _has_tool_table(path: Path) -> bool:
    try:
        return "resolint" in tomllib.loads(path.read_text(encoding="utf-8")).get("tool", {})
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return False


def _validate(data: dict[str, Any], origin: str, prefix: str = "") -> dict[str, Any]:
    """Checked values by Config field name; raises ConfigError on the first problem."""
    from .registry import find, is_known_selector

    def fail(key: str, expected: str) -> ConfigError:
        return ConfigError(f"{origin}: {prefix}{key}: {expected}")

    result: dict[str, Any] = {}
    for key, value in data.items():
        if key not in KEYS:
            raise fail(key, f"unknown key (expected one of: {', '.join(KEYS)})")
        if key == "language":
            if value not in ("auto", *LANGUAGES):
                raise fail(key, f'expected "auto" or one of {", ".join(LANGUAGES)}, got {value!r}')
            result[key] = value
        elif key in ("select", "ignore", "exclude"):
            if isinstance(value, str):
                value = [value]
            if not isinstance(value, (list, tuple)) or not all(isinstance(item, str) for item in value):
                raise fail(key, 'expected a list of strings, e.g. ["ST", "VB001"]')
            if key != "exclude":
                for selector in value:
                    if not is_known_selector(selector):
                        raise fail(key, f"unknown rule code or name {selector!r} (see `resolint rules`)")
            result[key] = tuple(value)
        elif key == "severity":
            if not isinstance(value, dict):
                raise fail(key, 'expected a table, e.g. [tool.resolint.severity] VB004 = "info"')
            for selector, level in value.items():
                if not is_known_selector(selector):
                    raise fail(f"{key}.{selector}", "unknown rule code or name (see `resolint rules`)")
                if level not in ("error", "warning", "info", "hint", OFF):
                    raise fail(f"{key}.{selector}", f"expected error, warning, info, hint or off, got {level!r}")
            result[key] = dict(value)
        elif key == "rules":
            if not isinstance(value, dict):
                raise fail(key, "expected a table of rule options, e.g. [tool.resolint.rules.ST006]")
            options: dict[str, dict[str, Any]] = {}
            for selector, table in value.items():
                rule = find(selector)
                if rule is None:
                    raise fail(f"{key}.{selector}", "unknown rule code or name (see `resolint rules`)")
                if not isinstance(table, dict):
                    raise fail(f"{key}.{selector}", "expected a table of options")
                known = rule.option_fields()
                for option, option_value in table.items():
                    if option not in known:
                        names = ", ".join(known) or "none"
                        raise fail(f"{key}.{selector}.{option}", f"unknown option (this rule's options: {names})")
                    default = known[option].default
                    if default is not None and not isinstance(option_value, type(default)):
                        raise fail(f"{key}.{selector}.{option}",
                                   f"expected {type(default).__name__}, got {type(option_value).__name__}")
                options[rule.code] = dict(table)
            result[key] = options
    return result
