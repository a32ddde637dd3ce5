"""resolint: lint United Nations resolution texts.

The core is a pure library: `parse(text)` gives the document model, `lint_text(text)` the
diagnostics. The command line and the language server only adapt these calls.

The public names are imported on first use, so that a command which needs no parsing (a
re-run answered from the cache, `resolint rules`) does not pay for loading the grammar.
"""
from importlib import import_module

__all__ = ["Config", "Diagnostic", "Edit", "Fix", "Severity", "Span", "Violation", "lint_document", "lint_text", "parse"]
__version__ = "0.1.0"

_HOMES = {
    "parse": ".grammar.parser",
    "Config": ".linter.config",
    "Diagnostic": ".linter.diagnostics",
    "Edit": ".linter.diagnostics",
    "Fix": ".linter.diagnostics",
    "Severity": ".linter.diagnostics",
    "Violation": ".linter.diagnostics",
    "lint_document": ".linter.engine",
    "lint_text": ".linter.engine",
    "Span": ".linter.span",
}


def __getattr__(name: str):
    if name in _HOMES:
        value = getattr(import_module(_HOMES[name], __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted([*globals(), *__all__])
