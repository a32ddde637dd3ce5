"""Unused suppression.

## What it checks
A suppression comment (`<!-- resolint: disable … -->`, `disable-next-line`, `disable-file`)
that silenced nothing in this run: a code whose rule ran and found nothing where the comment
reaches, or a comment without codes that silenced no finding at all. As ruff's RUF100 does
for `# noqa`, the codes of rules that did not run (left out by `--select`, `--ignore` or a
severity of `off`) are not judged, nor is a code naming an RL rule; a code that names no
rule is RL101's.

The fix (safe: no finding changes) removes the unused codes, or the whole comment when
nothing in it is of use.

## Why it matters
A suppression outlives the finding it was written for: once the paragraph is corrected, the
comment stays and would hide the next real mistake in the same place. Reporting it keeps
every suppression deliberate, and the fix removes it.

## Example
```markdown
*The General Assembly*,

<!-- resolint: disable-next-line ST006 -->
1. *Decides* to remain seized of the matter.
```

## Use instead
```markdown
*The General Assembly*,

1. *Decides* to remain seized of the matter.
```
"""
from __future__ import annotations

from collections.abc import Iterator

from ...document.diagnostics import Fix, Violation
from ...document.model import Document
from ...document.rule import Context, RuleMeta
from ...document.suppression import DirectiveUse
from .removal import keep_codes, remove_directive

META = RuleMeta(
    code="RL100",
    name="unused-suppression",
    summary="A suppression comment silences a finding (no unused directive or code)",
    fixable=True,
)
READS_SUPPRESSIONS = True


def check(doc: Document, ctx: Context) -> Iterator[Violation]:
    for use in ctx.suppressions:
        blanket_unused = not use.directive.codes and use.idle
        if not use.unused and not blanket_unused:
            continue
        yield Violation(use.directive.span, _message(use), _fix(doc, use))


def _message(use: DirectiveUse) -> str:
    action = use.directive.action.value
    if not use.directive.codes:
        return f"Unused suppression: `{action}` silences no finding here"
    codes = ", ".join(use.unused)
    if use.idle:
        return f"Unused suppression: `{action} {codes}` silences no finding here"
    if len(use.unused) > 1:
        return f"Unused codes in a suppression: {codes} silence no finding here"
    return f"Unused code in a suppression: {codes} silences no finding here"


def _fix(doc: Document, use: DirectiveUse) -> Fix:
    if use.idle:
        return Fix("Remove the unused suppression comment", (remove_directive(doc, use.directive),))
    codes = ", ".join(use.unused)
    return Fix(f"Remove {codes} from the suppression comment", (keep_codes(doc, use.directive, use.kept),))
