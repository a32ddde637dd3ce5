"""resolint: lint United Nations resolution texts.

The core is a pure library: `parse(text)` gives the document model, `lint_text(text)` the
diagnostics. The command line and the language server only adapt these calls.
"""
from .grammar.parser import parse
from .linter.config import Config
from .linter.diagnostics import Diagnostic, Edit, Fix, Severity, Violation
from .linter.engine import lint_document, lint_text
from .linter.span import Span

__all__ = ["Config", "Diagnostic", "Edit", "Fix", "Severity", "Span", "Violation", "lint_document", "lint_text", "parse"]
__version__ = "0.1.0"
