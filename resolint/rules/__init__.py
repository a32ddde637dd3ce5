"""The built-in rules and hover providers. These lists are the one place each is registered."""
from .structure import (
    chapeau_punctuation,
    empty_document,
    end_punctuation,
    malformed_marker,
    missing_chapeau,
    operative_numbering,
    out_of_order,
    run_together,
    subparagraph_labels,
    unbalanced_emphasis,
)
from .structure.hover import opening_phrases

BUILTIN_RULES = (
    run_together,
    missing_chapeau,
    chapeau_punctuation,
    operative_numbering,
    subparagraph_labels,
    end_punctuation,
    unbalanced_emphasis,
    out_of_order,
    malformed_marker,
    empty_document,
)

# Functions (doc, language_pack) -> Iterable[HoverItem]; see resolint.linter.hover.
HOVER_PROVIDERS = (opening_phrases,)
