"""The rule set: the built-in rules, and selection by code, name or prefix."""
from __future__ import annotations

from collections.abc import Iterable
from functools import cache, lru_cache

from ..document.rule import Rule


@cache
def all_rules() -> tuple[Rule, ...]:
    from ..rules import BUILTIN_RULES

    rules = tuple(sorted((Rule(module) for module in BUILTIN_RULES), key=lambda rule: rule.code))
    codes = [rule.code for rule in rules]
    names = [rule.name for rule in rules]
    if len(set(codes)) != len(codes) or len(set(names)) != len(names):
        raise RuntimeError("duplicate rule code or name in BUILTIN_RULES")
    return rules


@cache
def version_rules() -> tuple[Rule, ...]:
    """The LV rules, which compare the language versions of one text (linter/compare.py;
    in the editor, lsp/versions.py) rather than lint one document: documented and selected
    like every rule, never run by `check`."""
    from ..rules.versions import VERSION_RULES

    return tuple(Rule(module) for module in VERSION_RULES)


@cache
def tool_problems() -> tuple[Rule, ...]:
    """resolint's own problems with a file (RL001 unreadable-file): documented like every rule
    and reported by the runner, never run on a text, never selected or ignored."""
    from . import unreadable

    return (Rule(unreadable),)


def matches(selector: str, code: str, name: str) -> bool:
    """`selector` is a full code (ST004), a prefix (ST, ST00), a rule name, or ALL."""
    selector = selector.strip()
    if selector.upper() == "ALL":
        return True
    if selector == name:
        return True
    return len(selector) >= 2 and selector[:2].isalpha() and code.startswith(selector.upper())


def is_known_selector(selector: str) -> bool:
    """Whether `selector` names a rule: one of `check`, or an LV rule (which select, ignore
    and severity govern in the editor, where the versions of an open document are compared)."""
    return any(matches(selector, rule.code, rule.name) for rule in all_rules() + version_rules())


def find(selector: str) -> Rule | None:
    """The one rule with this exact code or name."""
    return _named(all_rules(), selector)


def documented(selector: str) -> Rule | None:
    """Whatever has a page in docs/rules/ with this exact code or name: a rule, an LV rule of
    `resolint compare`, or one of resolint's own problems (RL001)."""
    return _named(all_rules() + version_rules() + tool_problems(), selector)


def _named(rules: tuple[Rule, ...], selector: str) -> Rule | None:
    return next((rule for rule in rules if selector.upper() == rule.code or selector == rule.name), None)


def select(select: Iterable[str] = (), ignore: Iterable[str] = ()) -> tuple[Rule, ...]:
    """Rules enabled by `select` (default: all) minus those named by `ignore`."""
    return _select(all_rules(), tuple(select), tuple(ignore))


def select_versions(select: Iterable[str] = (), ignore: Iterable[str] = ()) -> tuple[Rule, ...]:
    """The LV rules enabled by the same `select` and `ignore`."""
    return _select(version_rules(), tuple(select), tuple(ignore))


@lru_cache(maxsize=64)
def _select(rules: tuple[Rule, ...], select: tuple[str, ...], ignore: tuple[str, ...]) -> tuple[Rule, ...]:
    """Computed once per selection: every lint asks for it."""
    return tuple(
        rule
        for rule in rules
        if (not select or any(matches(s, rule.code, rule.name) for s in select))
        and not any(matches(s, rule.code, rule.name) for s in ignore)
    )
