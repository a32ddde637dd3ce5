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

from ..document.langdata import LANGUAGES
from ..linter.config import DEFAULT, Config, ConfigError

SECTION = "resolint"
DEFAULT_DEBOUNCE_MS = 200
MAX_DEBOUNCE_MS = 10_000
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


def parse_settings(raw: Any, base: Settings = Settings()) -> tuple[Settings, list[str]]:
    """Settings from the client's JSON on top of `base`. A value that is not valid is left
    out, with a one-line message saying why; the others still apply."""
    if raw is None:
        return base, []
    if not isinstance(raw, dict):
        return base, [f"{ORIGIN}: expected an object, got {type(raw).__name__}"]
    values: dict[str, Any] = {}
    problems: list[str] = []

    def bad(key: str, expected: str) -> None:
        problems.append(f"{ORIGIN}: {SECTION}.{key}: expected {expected}, got {raw[key]!r}")

    if "enable" in raw:
        if isinstance(raw["enable"], bool):
            values["enable"] = raw["enable"]
        else:
            bad("enable", "true or false")
    if "language" in raw:
        if raw["language"] in ("auto", *LANGUAGES):
            values["language"] = raw["language"]
        else:
            bad("language", f'"auto" or one of {", ".join(LANGUAGES)}')
    for key in ("select", "ignore"):
        if key in raw:
            value = [raw[key]] if isinstance(raw[key], str) else raw[key]
            if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
                bad(key, 'a list of rule codes, names or prefixes, e.g. ["ST", "VB001"]')
            elif _valid(problems, **{key: tuple(value)}):
                values[key] = tuple(value)
    if "severity" in raw:
        if not isinstance(raw["severity"], dict):
            bad("severity", 'an object, e.g. {"ST006": "info"}')
        elif _valid(problems, severity=raw["severity"]):
            values["severity"] = dict(raw["severity"])
    if "debounce" in raw:
        value = raw["debounce"]
        if isinstance(value, (int, float)) and not isinstance(value, bool) and 0 <= value <= MAX_DEBOUNCE_MS:
            values["debounce_ms"] = value
        else:
            bad("debounce", f"a number of milliseconds from 0 to {MAX_DEBOUNCE_MS}")
    return Settings(**{**base.__dict__, **values}), problems


def _valid(problems: list[str], **value: Any) -> bool:
    """Whether the configuration loader accepts the value (known rules, known severities)."""
    try:
        DEFAULT.with_overrides(ORIGIN, **value)
    except ConfigError as error:
        problems.append(str(error))
        return False
    return True
