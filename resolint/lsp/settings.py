"""The editor's settings: the `resolint` section of the client's configuration.

    resolint.enable     boolean, default true: lint open documents (diagnostics, fixes)
    resolint.language   "auto" | "en" | "es" | "fr", default "auto" (= the configuration
                        file's `language`, else detected from the text)
    resolint.select     array of rule codes, names or prefixes, default [] (= the file's)
    resolint.ignore     array of rule codes, names or prefixes, default [] (= the file's)
    resolint.severity   object, rule selector -> "error" | "warning" | "info" | "hint" | "off",
                        default {}; added on top of the file's [tool.resolint.severity]
    resolint.debounce   number, milliseconds of quiet typing before a document is linted,
                        default 200

They act as the command line's options do: on top of `[tool.resolint]` in pyproject.toml or
`.resolint.toml`, found from each document's folder. Other keys in the section (the VS Code
extension's own, such as `trace`) are not this server's and are ignored.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..linter import options
from ..linter.config import Config

SECTION = "resolint"
DEFAULT_DEBOUNCE_MS = 200
ORIGIN = "resolint settings"


@dataclass(frozen=True)
class Settings:
    enable: bool = True
    language: str = "auto"
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: dict[str, str] = field(default_factory=dict)
    debounce_ms: float = DEFAULT_DEBOUNCE_MS

    def apply(self, base: Config) -> Config:
        """`base` (from the configuration files) with the editor's choices on top."""
        return base.with_overrides(
            ORIGIN,
            language=None if self.language == "auto" else self.language,
            select=self.select or None,
            ignore=self.ignore or None,
            severity={**base.severity, **self.severity} if self.severity else None,
        )


# Each key of the section: the Settings field it sets and the reader (linter/options.py) that
# checks it, the same reader a configuration file's or the command line's value goes through.
READERS = {
    "enable": ("enable", options.boolean),
    "language": ("language", options.language),
    "select": ("select", options.selectors),
    "ignore": ("ignore", options.selectors),
    "severity": ("severity", options.severities),
    "debounce": ("debounce_ms", options.debounce),
}


def parse_settings(raw: Any, base: Settings = Settings()) -> tuple[Settings, list[str]]:
    """Settings from the client's JSON on top of `base`. A value that is not valid is left
    out, with a one-line message saying why; the others still apply."""
    if raw is None:
        return base, []
    if not isinstance(raw, dict):
        return base, [f"{ORIGIN}: expected an object, got {type(raw).__name__}"]
    values: dict[str, Any] = {}
    problems: list[str] = []
    for key, (name, read) in READERS.items():
        if key not in raw:
            continue
        try:
            values[name] = read(raw[key])
        except options.Invalid as error:
            problems.append(error.at(f"{ORIGIN}: {SECTION}.{key}"))
    return Settings(**{**base.__dict__, **values}), problems
