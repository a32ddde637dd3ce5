"""Meeting ordinals in figures, with the suffix of the language.

## What it checks
An ordinal in figures before the word for a meeting (or, in English, a session):

- English: the suffix agrees with the number — "1st", "2nd", "3rd", "4th", "11th", "12th",
  "13th", "21st", "62nd", "111th": "62nd plenary meeting", "7451st meeting", "50th (resumed)
  plenary meeting", "the 78th session";
- Spanish: before "sesión", the feminine indicator — "62ª sesión plenaria", not "62º", "62°",
  "62a" or "62.ª";
- French: before "séance", "e" (often superscript: "62<sup>e</sup> séance plénière") and
  "re" for the first — "1re séance", not "62ème", "62è" or "1er".

On the closing meeting line a figure without its suffix ("62 plenary meeting") is reported
too. The suffixes and nouns are in `rules/data/<lang>/ordinals.toml`.

## Why it matters
The meeting line records where the resolution was adopted (UN Editorial Manual, "Drafting and
editing": "82nd plenary meeting"); French and Spanish UN texts write "62e séance plénière" and
"62ª sesión plenaria" (facts §4.4). The fix writes the right suffix.

## Example
```markdown
*The General Assembly*,

1. *Decides* to remain seized of the matter.

*62th plenary meeting 28 April 2021*
```

```markdown
<!-- lang: es -->
*La Asamblea General*,

1. *Decide* seguir ocupándose de la cuestión.

*62º sesión plenaria 28 de abril de 2021*
```

```markdown
<!-- lang: fr -->
*L'Assemblée générale*,

1. *Décide* de rester saisie de la question.

*1<sup>er</sup> séance plénière 17 septembre 2024*
```

## Use instead
```markdown
*The General Assembly*,

1. *Decides* to remain seized of the matter.

*62nd plenary meeting 28 April 2021*
```

```markdown
<!-- lang: es -->
*La Asamblea General*,

1. *Decide* seguir ocupándose de la cuestión.

*62ª sesión plenaria 28 de abril de 2021*
```

```markdown
<!-- lang: fr -->
*L'Assemblée générale*,

1. *Décide* de rester saisie de la question.

*1<sup>re</sup> séance plénière 17 septembre 2024*
```
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from ...document.diagnostics import Edit, Fix, Violation
from ...document.langdata import pack
from ...document.model import Block, Document
from ...document.rule import Context, RuleMeta
from ...document.span import Span
from ...facts.sessions import find_words

META = RuleMeta(
    code="SS004",
    name="meeting-ordinal",
    summary="Ordinals in figures take the suffix of their number and language (62nd, 62ª, 62e, 1re)",
    fixable=True,
)

SUP = re.compile(r"<sup>([^<\n]*)</sup>\Z")


class Suffixes:
    """One language's suffixes for ordinals in figures, and where to look for them."""

    def __init__(self, code: str) -> None:
        data = pack(code).topic("ordinals").get("meeting", {})
        self.noun = re.compile(data["noun"])
        self.hints: list[str] = data.get("hints", [])
        self.before = re.compile(data["before"])
        self.by_last_digit: dict[str, str] = data.get("suffix_by_last_digit", {})
        self.default: str = data.get("suffix_default", "")
        self.teens: list[str] = data.get("teens", [])
        self.accepted: list[str] = data.get("accepted", [])
        self.first: list[str] = data.get("first", [])
        self.other: list[str] = data.get("other", [])

    def allowed(self, number: int) -> list[str]:
        """The suffixes `number` may take, the preferred one first."""
        if self.accepted:
            return self.accepted
        if self.first or self.other:
            return self.first if number == 1 else self.other
        digits = str(number)
        if digits[-2:] in self.teens:
            return [self.default]
        return [self.by_last_digit.get(digits[-1], self.default)]

    def is_suffix(self, written: str) -> bool:
        """English: only st/nd/rd/th make a figure an ordinal ("10am" is none)."""
        if self.by_last_digit:
            return written.lower() in {*self.by_last_digit.values(), self.default}
        return True


@cache
def suffixes(code: str) -> Suffixes:
    return Suffixes(code)


WINDOW = 40  # "7451st (resumed) plenary " fits


def check(doc: Document, ctx: Context) -> Iterator[Violation]:
    rules = suffixes(ctx.language.code)
    text = doc.text
    line_starts = _meeting_line_starts(doc)
    for noun in find_words(text, rules.hints, rules.noun):
        found = rules.before.search(text, max(0, noun.start() - WINDOW), noun.start())
        if found is None:
            continue
        number = int(found.group("number"))
        right = rules.allowed(number)[0]
        suffix = found.group("suffix")
        if suffix is None:
            if found.start("number") in line_starts:
                at = found.end("number")
                yield Violation(
                    Span(found.start("number"), at),
                    f"The meeting number takes its ordinal suffix: \"{number}{right}\"",
                    Fix(f"Write \"{number}{right}\"", (Edit(Span(at, at), right),)),
                )
            continue
        sup = SUP.match(suffix)
        written = sup.group(1) if sup else suffix
        allowed = rules.allowed(number)
        if not rules.is_suffix(written) or written in allowed or (rules.by_last_digit and written.lower() in allowed):
            continue
        replacement = f"<sup>{right}</sup>" if sup and right.isascii() else right
        span = Span(*found.span("suffix"))
        yield Violation(
            Span(found.start("number"), span.end),
            f"Write \"{number}{right}\", not \"{number}{written}\"",
            Fix(f"Write \"{number}{right}\"", (Edit(span, replacement),)),
        )


def _meeting_line_starts(doc: Document) -> set[int]:
    """Where the figure of a meeting line would start: the closing meeting lines, and blocks
    the parser could not place (an English "62 plenary meeting" without its suffix is not
    recognised as a meeting line)."""
    spans = [part.closing.span for part in doc.parts if part.closing is not None]
    spans += [node.span for node in doc.blocks if isinstance(node, Block) and node.kind in ("unplaced", "text")]
    starts = set()
    for span in spans:
        start = span.start
        while start < span.end and doc.text[start] in "*_ \t":
            start += 1
        starts.add(start)
    return starts
