"""What a rule is: a module with `META`, an optional `Options` dataclass, and `check`.

    META = RuleMeta(code="ST004", name="operative-numbering", summary="...")

    def check(doc: Document, ctx: Context) -> Iterator[Violation]: ...

The module docstring is the rule's documentation, in fixed sections (What it checks,
Why it matters, Example, Use instead, and Options when the rule has any).

A module with `READS_SUPPRESSIONS = True` (the RL rules on resolint's own comments) runs
after the suppression filter, and reads what each directive silenced in `ctx.suppressions`.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from types import ModuleType
from typing import TYPE_CHECKING, Any

from .diagnostics import Severity
from .frozen import frozen

if TYPE_CHECKING:  # for the annotations only: listing or selecting rules loads neither
    from .langdata import LanguagePack
    from .suppression import DirectiveUse

DOC_SECTIONS = ("What it checks", "Why it matters", "Example", "Use instead")
REPOSITORY = "https://github.com/resolint/resolint"
# Each rule's documentation, rendered from its docstring into docs/rules/ (see ruledocs.py).
DOCS_URL = REPOSITORY + "/blob/main/docs/rules/{code}.md"


@dataclass(frozen=True)
class RuleMeta:
    code: str  # two-letter family + three digits, never renumbered
    name: str  # kebab-case
    summary: str
    default_severity: Severity = Severity.WARNING
    fixable: bool = False


@frozen
class Context:
    """What a rule may read besides the document."""

    language: LanguagePack
    options: Any
    facts: Any = None  # the document's resolint.facts.Facts (a layer above this one)
    suppressions: tuple[DirectiveUse, ...] = ()  # only for rules that read them (see above)


@dataclass(frozen=True)
class NoOptions:
    pass


class Rule:
    """A loaded rule module."""

    def __init__(self, module: ModuleType) -> None:
        self.module = module
        self.meta: RuleMeta = module.META
        self.code: str = self.meta.code  # read for every rule of every lint: attributes, not properties
        self.name: str = self.meta.name
        self.options_class = getattr(module, "Options", NoOptions)
        self.check = getattr(module, "check", None)  # None: a problem of resolint's own (RL001), not a check of a text
        self.reads_suppressions: bool = getattr(module, "READS_SUPPRESSIONS", False)
        self._defaults: Any = None  # the options when the configuration sets none (frozen: shared)

    @property
    def url(self) -> str:
        """Where the rule's documentation is published (linked from every diagnostic)."""
        return DOCS_URL.format(code=self.code)

    @property
    def docs(self) -> str:
        return (self.module.__doc__ or self.meta.summary).strip()

    def options(self, values: dict[str, Any] | None) -> Any:
        """The rule's Options built from config values (validated by the config loader)."""
        if values:
            return self.options_class(**values)
        if self._defaults is None:
            defaults = self.options_class()
            if not self.options_class.__dataclass_params__.frozen:
                return defaults  # a rule could change its own: each lint gets a new one
            self._defaults = defaults
        return self._defaults

    def option_fields(self) -> dict[str, dataclasses.Field]:
        return {field.name: field for field in dataclasses.fields(self.options_class)}

    def __repr__(self) -> str:
        return f"Rule({self.code} {self.name})"
