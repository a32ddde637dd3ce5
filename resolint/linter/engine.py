"""Run the enabled rules over a document. A rule that raises becomes one diagnostic; the
other rules' findings still arrive."""
from __future__ import annotations

import traceback

from ..document.diagnostics import Diagnostic, Edit, Fix, Severity
from ..document.model import Document
from ..document.rule import Context
from ..document.span import Span
from ..facts import Facts
from ..grammar.parser import parse
from ..grammar.typography import restore
from . import registry, suppress
from .config import DEFAULT, Config

INTERNAL_ERROR = "RL000"


def lint_text(text: str, config: Config = DEFAULT, *, path: str | None = None, language: str | None = None) -> list[Diagnostic]:
    """Parse and lint `text`; `language` overrides the configured or detected one."""
    return lint_document(parse_with(text, config, path=path, language=language), config)


def parse_with(text: str, config: Config = DEFAULT, *, path: str | None = None, language: str | None = None) -> Document:
    return parse(text, language=language or configured_language(config), path=path)


def configured_language(config: Config) -> str | None:
    """The language the configuration sets (None: detect it from the text)."""
    return config.language if config.language != "auto" else None


def lint_document(doc: Document, config: Config = DEFAULT, facts: Facts | None = None) -> list[Diagnostic]:
    """The findings of the enabled rules on `doc`; `facts`, when the caller keeps them for
    other features (the editor's hover), are shared with the rules.

    Two passes: the rules on the text, then the suppression filter, then the rules on what
    the directives silenced (RL: unused suppressions, unknown codes)."""
    facts = facts or Facts(doc, phrases=config.phrases)
    running = [
        (rule, severity)
        for rule in registry.select(config.select, config.ignore + config.ignored_in(doc.path))
        if (severity := config.severity_for(rule.code, rule.name, rule.meta.default_severity)) is not None
    ]
    first = [(rule, severity) for rule, severity in running if not rule.reads_suppressions]
    diagnostics = _run(doc, config, facts, first)
    if doc.directives:
        diagnostics = _suppressed(doc, config, facts, running, diagnostics)
    diagnostics.sort(key=lambda d: (d.span.start, d.span.end, d.code))
    return diagnostics


def _suppressed(doc: Document, config: Config, facts: Facts, running, diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    """The findings the directives do not silence, with the RL rules' reports on the
    directives themselves. A directive without codes silences no RL report (it would silence
    its own); one naming RL100 does."""
    suppressions = suppressions_of(doc)
    kept = [d for d in diagnostics if d.code == INTERNAL_ERROR or not suppressions.silences(d)]
    second = [(rule, severity) for rule, severity in running if rule.reads_suppressions]
    if not second:
        return kept
    ran = [rule for rule, _ in running if not rule.reads_suppressions]
    uses = suppressions.uses(
        lambda code: any(registry.matches(code, rule.code, rule.name) for rule in ran), registry.is_known_selector
    )
    reports = _run(doc, config, facts, second, uses)
    return kept + [d for d in reports if d.code == INTERNAL_ERROR or not suppressions.silences(d, blanket=False)]


def suppressions_of(doc: Document) -> suppress.Suppressions:
    """The document's directives, naming rules by code, name or prefix."""
    return suppress.Suppressions(doc.text, doc.lines, doc.directives, lambda s, d: registry.matches(s, d.code, d.name))


def _run(doc: Document, config: Config, facts: Facts, rules, suppressions=()) -> list[Diagnostic]:
    """Each rule's violations as diagnostics; a rule that raises becomes one RL000."""
    diagnostics: list[Diagnostic] = []
    folded = bool(doc.original) and doc.original != doc.text  # once: comparing per fix is quadratic
    for rule, severity in rules:
        context = Context(facts.language, rule.options(config.rules.get(rule.code)), facts, suppressions)
        try:
            for violation in rule.check(doc, context):
                fix = _in_original(doc, violation.fix) if folded else violation.fix
                diagnostics.append(
                    Diagnostic(rule.code, rule.name, severity, violation.span, violation.message, fix, rule.url)
                )
        except Exception as error:  # noqa: BLE001 - one broken rule must not stop the others
            diagnostics.append(_internal_error(rule, error))
    return diagnostics


def _internal_error(rule, error: Exception) -> Diagnostic:
    where = traceback.extract_tb(error.__traceback__)[-1]
    return Diagnostic(
        INTERNAL_ERROR,
        "internal-error",
        Severity.ERROR,
        Span(0, 0),
        f"rule {rule.code} ({rule.name}) failed: {type(error).__name__}: {error} "
        f"[{where.filename.rsplit('/', 1)[-1]}:{where.lineno}]; please report this",
    )


def _in_original(doc: Document, fix: Fix | None) -> Fix | None:
    """The fix as it applies to the text the user wrote: rules see the folded text, and the
    no-break spaces, hyphens and line endings a fix leaves in place are kept."""
    if fix is None:
        return fix
    edits = tuple(Edit(e.span, _own_newlines(doc, restore(doc.original[e.span.start : e.span.end], e.text))) for e in fix.edits)
    return Fix(fix.title, edits, fix.applicability)


def _own_newlines(doc: Document, text: str) -> str:
    """In a file whose lines end at "\\r" alone, a line a fix inserts ends there too (the
    rules read such a file with line feeds: typography.fold)."""
    return text.replace("\n", "\r") if doc.newline == "\r" and "\n" in text else text
