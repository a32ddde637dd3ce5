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
    [tool.resolint.per-file-ignores]  # gitignore-style pattern -> rules not run on those files
    "drafts/old/*.md" = ["VB004"]
    [tool.resolint.phrases]      # opening phrases the project adds, by language and kind
    en.preambular = ["Noting with deep appreciation"]
    [tool.resolint.versions]     # language versions of one text, relative to this file
    "res.md" = ["res-fr.md", "res-es.md"]
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from ..document.diagnostics import Severity
from . import options
from .options import OFF
from .patterns import file_matches, relative_path

CONFIG_FILES = (".resolint.toml", "pyproject.toml")
KEYS = tuple(options.CONFIG)  # as a file writes them ("per-file-ignores")
MAX_NESTING = 100  # deeper than any configuration needs; Python's TOML parser fails near 300


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
    per_file_ignores: dict[str, tuple[str, ...]] = field(default_factory=dict)  # pattern -> selectors
    phrases: dict[str, dict[str, tuple[str, ...]]] = field(default_factory=dict)  # language -> kind -> phrases
    versions: dict[str, tuple[str, ...]] = field(default_factory=dict)  # file -> its other language versions
    path: Path | None = None  # the file the settings came from
    origins: dict[str, str] = field(default_factory=dict)  # field name -> where its value came from

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

    def ignored_in(self, path: str | Path | None) -> tuple[str, ...]:
        """The selectors `per-file-ignores` turns off for the file at `path`: the patterns
        are relative to this configuration's folder, as `exclude`'s are."""
        if not self.per_file_ignores or path is None or self.root is None:
            return ()
        relative = relative_path(Path(path), self.root)
        if relative is None:
            return ()
        return tuple(
            selector for pattern, chosen in self.per_file_ignores.items() if file_matches(pattern, relative) for selector in chosen
        )

    def severity_for(self, code: str, name: str, default: Severity) -> Severity | None:
        """The configured severity of a rule (None when turned off); the most specific wins."""
        if not self.severity:
            return default
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
        found = _config_in(folder)
        if found:
            return found
    return None


def _config_in(folder: Path) -> Path | None:
    """The configuration file directly in `folder`, if any."""
    for name in CONFIG_FILES:
        candidate = folder / name
        if candidate.is_file() and (name != "pyproject.toml" or _has_tool_table(candidate)):
            return candidate
    return None


def load_config(path: Path) -> Config:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"{path}: cannot read: {error}") from None
    data = _parse_toml(text, path)
    if path.name == "pyproject.toml":
        tool = data.get("tool", {})
        data = tool.get("resolint", {}) if isinstance(tool, dict) else None
        if not isinstance(data, dict):
            raise ConfigError(f"{path}: tool.resolint: expected a table, e.g. [tool.resolint]")
        prefix = "tool.resolint."
    else:
        prefix = ""
    values = _validate(data, str(path), prefix)
    return Config(**values, path=path, origins=dict.fromkeys(values, str(path)))


def _parse_toml(text: str, path: Path) -> dict[str, Any]:
    """The TOML document, or a ConfigError: Python's parser recurses once per nested array or
    table, so a deeply nested value would otherwise end in a RecursionError."""
    import tomllib  # only where a configuration file is read: most commands read none

    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}: invalid TOML: {error}") from None
    except RecursionError:
        raise ConfigError(f"{path}: {_too_deep(text)}") from None


def _too_deep(text: str) -> str:
    """Where arrays or inline tables nest too deeply (a rough scan: strings are skipped)."""
    depth = 0
    quote = ""
    key = table = ""
    for number, line in enumerate(text.splitlines(), 1):
        stripped = line.strip()
        if not quote and depth == 0 and stripped.startswith("["):  # a table header: [tool.resolint]
            table = stripped.lstrip("[").split("]", 1)[0].strip() + "."
            continue
        if not quote and depth == 0 and "=" in line:
            key = table + line.split("=", 1)[0].strip()
        for char in line:
            if quote:
                quote = "" if char == quote else quote
            elif char in "\"'":
                quote = char
            elif char == "#":
                break
            elif char in "[{":
                depth += 1
                if depth > MAX_NESTING:
                    return f"{key or 'invalid TOML'}: arrays or tables nested more than {MAX_NESTING} deep (line {number})"
            elif char in "]}":
                depth = max(0, depth - 1)
    return "invalid TOML: arrays or tables nested too deeply"


def config_for(path: Path | None) -> Config:
    """The configuration that applies to a file (or the working directory, for stdin)."""
    found = find_config(path if path is not None else Path.cwd())
    return load_config(found) if found else DEFAULT


def _has_tool_table(path: Path) -> bool:
    """Whether a pyproject.toml configures resolint (a broken one that seems to is taken, so
    that loading it reports the error instead of ignoring the user's settings)."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return False
    import tomllib

    try:
        tool = tomllib.loads(text).get("tool", {})
    except (tomllib.TOMLDecodeError, RecursionError):
        return "tool.resolint" in text
    return isinstance(tool, dict) and "resolint" in tool


def _validate(data: dict[str, Any], origin: str, prefix: str = "") -> dict[str, Any]:
    """Checked values by Config field name (each by its reader in options.py); raises
    ConfigError on the first problem, naming `origin` and the key."""
    result: dict[str, Any] = {}
    for key, value in data.items():
        read = options.CONFIG.get(key)
        if read is None:
            hint = "; a .resolint.toml has no [tool.resolint] header" if key == "tool" and not prefix else ""
            raise ConfigError(f"{origin}: {prefix}{key}: unknown key (expected one of: {', '.join(KEYS)}){hint}")
        try:
            result[field_name(key)] = read(value)
        except options.Invalid as error:
            raise ConfigError(error.at(f"{origin}: {prefix}{key}")) from None
    return result


def field_name(key: str) -> str:
    """The Config field of a configuration key ("per-file-ignores" -> per_file_ignores)."""
    return key.replace("-", "_")


class ConfigResolver:
    """The configuration of each file in a run over many files: every configuration file is
    found, read and validated once, command-line values go on top, and an invalid file gives
    the same ConfigError each time it is asked for (so it is reported once)."""

    def __init__(self, origin: str = "command line", **overrides: Any) -> None:
        self.origin = origin
        self.overrides = {key: value for key, value in overrides.items() if value is not None}
        self._found: dict[Path, Path | None] = {}  # resolved folder -> its configuration file
        self._by_folder: dict[str, Path | None] = {}  # folder as named -> the same, without resolving again
        self._loaded: dict[Path | None, Config | ConfigError] = {}
        if self.overrides:
            DEFAULT.with_overrides(origin, **self.overrides)  # raises ConfigError now, once

    def for_path(self, path: Path | None) -> Config:
        """The configuration for a file (or for the working directory, for stdin)."""
        folder = Path.cwd() if path is None else (path if path.is_dir() else path.parent)
        absolute = os.path.abspath(folder)
        found = self._by_folder.get(absolute, False)
        if found is False:
            found = self._by_folder[absolute] = self.config_file(folder.resolve())
        if found not in self._loaded:
            try:
                base = load_config(found) if found else DEFAULT
                self._loaded[found] = base.with_overrides(self.origin, **self.overrides) if self.overrides else base
            except ConfigError as error:
                self._loaded[found] = error
        result = self._loaded[found]
        if isinstance(result, ConfigError):
            raise result
        return result

    def config_file(self, folder: Path) -> Path | None:
        """The configuration file that governs `folder` (resolved), remembered per folder."""
        if folder not in self._found:
            here = _config_in(folder)
            if here is None and folder.parent != folder:
                here = self.config_file(folder.parent)
            self._found[folder] = here
        return self._found[folder]
