"""Loaded at start-up by a real `resolint` process when this folder is on PYTHONPATH (see
tests/test_internal_error.py): it registers one more rule, ST999, that raises on every
document, to show that a broken rule is reported and the other rules still run."""
import types

import resolint.rules
from resolint.document.rule import RuleMeta


def _check(doc, ctx):
    yield from ()
    raise RuntimeError("deliberately broken rule for the tests")


_broken = types.ModuleType("broken_rule")
_broken.META = RuleMeta("ST999", "deliberately-broken", "Raises on every document (tests only)")
_broken.check = _check
resolint.rules.BUILTIN_RULES = (*resolint.rules.BUILTIN_RULES, _broken)
