"""The LV rules: they compare the language versions of one text, a pair at a time
(resolint/linter/compare.py runs them). Each module has META, a docstring like every rule's,
and `check(pair) -> Iterator[Divergence]`."""
from . import dates, figures, footnote_refs, paragraphs, sessions, symbols

VERSION_RULES = (paragraphs, footnote_refs, symbols, dates, figures, sessions)
