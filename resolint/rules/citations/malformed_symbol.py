"""Malformed document symbol.

## What it checks
Every United Nations document symbol in the text — `A/RES/75/276`, `A/75/L.78/Add.1`,
`A/C.3/80/L.12/Rev.1`, `S/PRST/2010/1`, `E/CN.6/2024/L.3`, `A/75/345-S/2020/898` — is
parsed by the symbol grammar (`resolint/grammar/symbols.lark`). A symbol of the General
Assembly (`A/`), Security Council (`S/`), Economic and Social Council (`E/`) or Secretariat
(`ST/`) series that does not parse is reported with the reason: a numbered component without
its full stop (`L78`), a modification in lower case (`add.1`), a session and number run
together (`A/78423`), a year that is not one (`S/120/898`). Where a likely intended symbol
exists it is offered as an (unsafe) fix: `A79/473` (the slash after `A` forgotten) and
`A/79473` are probably `A/79/473`, `A/80/L5` is `A/80/L.5`. A placeholder a draft leaves to
be filled in (`A/80/___`, `Add.__`) is CT010's, an information. `S/2338/2024` is a document
of the OPCW Technical Secretariat (S/<number>/<year>), not a Security Council symbol.

## Why it matters
A symbol is how a reader — and the Official Document System — finds the document cited; a
malformed one leads nowhere (UN document symbols, ST/LIB/SER.B/5/Rev.5; un-editorial-facts
§5).

## Example
```markdown
*The General Assembly*,

*Having considered* the report of the Fourth Committee (A/78423),

1. *Decides* to remain seized of the matter.
```

## Use instead
```markdown
*The General Assembly*,

*Having considered* the report of the Fourth Committee (A/78/423),

1. *Decides* to remain seized of the matter.
```
"""
from __future__ import annotations

from collections.abc import Iterator

from ...document.diagnostics import Applicability, Edit, Fix, Violation
from ...document.model import Document
from ...document.rule import Context, RuleMeta

META = RuleMeta(
    code="CT001",
    name="malformed-symbol",
    summary="Document symbols follow the UN symbol grammar (A/75/L.78/Add.1, S/PRST/2010/1 …)",
    fixable=True,
)


def check(doc: Document, ctx: Context) -> Iterator[Violation]:
    for found in ctx.facts.symbols:
        parsed = found.parsed
        if parsed.ok or parsed.placeholder:
            continue
        message = f"Malformed document symbol “{parsed.text}”: {parsed.error}"
        fix = None
        if parsed.suggestion:
            message += f"; perhaps “{parsed.suggestion}”"
            fix = Fix(f"Write “{parsed.suggestion}”", (Edit(found.span, parsed.suggestion),), applicability=Applicability.UNSAFE)
        yield Violation(found.span, message, fix)
