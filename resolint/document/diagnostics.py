"""What rules report: violations (from a rule) and diagnostics (stamped by the engine)."""
from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum, StrEnum

from .span import Span


class Severity(IntEnum):
    """Numbered as in the Language Server Protocol."""

    ERROR = 1
    WARNING = 2
    INFO = 3
    HINT = 4

    @property
    def label(self) -> str:
        return "info" if self is Severity.HINT else self.name.lower()

    @classmethod
    def parse(cls, name: str) -> "Severity":
        try:
            return cls[name.upper()]
        except KeyError:
            raise ValueError(f"unknown severity {name!r} (expected error, warning, info or hint)") from None


class Applicability(StrEnum):
    """Whether a fix may be applied without a person reading it (ruff's terms). The values are
    the strings JSON, SARIF and the cache carry, so they must not change."""

    SAFE = "safe"  # applied by --fix and "fix all"
    UNSAFE = "unsafe"  # may change the meaning: applied only with --unsafe-fixes, or one by one in the editor


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace the text of `span` by `text` (an insertion when the span is empty)."""

    span: Span
    text: str


@dataclass(frozen=True, slots=True)
class Fix:
    title: str
    edits: tuple[Edit, ...]
    applicability: Applicability = Applicability.SAFE


@dataclass(frozen=True, slots=True)
class Violation:
    """A finding as a rule yields it; the engine adds code, name and severity."""

    span: Span
    message: str
    fix: Fix | None = None


@dataclass(frozen=True, slots=True)
class Diagnostic:
    code: str
    name: str
    severity: Severity
    span: Span
    message: str
    fix: Fix | None = None
    url: str | None = None
