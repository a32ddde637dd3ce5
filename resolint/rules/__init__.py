"""The built-in rules and hover providers. These lists are the one place each is registered."""
from .citations import (
    citation_order,
    citation_punctuation,
    date_form,
    invalid_date,
    malformed_symbol,
    placeholder_symbol,
    record_date,
    record_date_citations,
    session_window,
    year_mismatch,
)
from .citations import hover as citation_hover
from .comments import unknown_code, unused_suppression
from .footnotes import (
    glued_text,
    missing_text,
    orphan_text,
    placement,
    repeated,
    sequence,
    text_order,
)
from .sessions import (
    adoption_date,
    current_session,
    meeting_ordinal,
    ordinal_spelling,
    session_mismatch,
)
from .sessions.hover import session_hovers
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
from .verbs import (
    agreement,
    chapeau_italics,
    italic_extent,
    misplaced,
    misspelt,
    not_italic,
    unknown,
)

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
    sequence,
    repeated,
    missing_text,
    orphan_text,
    text_order,
    glued_text,
    placement,
    ordinal_spelling,
    session_mismatch,
    current_session,
    meeting_ordinal,
    adoption_date,
    malformed_symbol,
    placeholder_symbol,
    invalid_date,
    date_form,
    citation_punctuation,
    session_window,
    year_mismatch,
    citation_order,
    record_date,
    record_date_citations,
    not_italic,
    italic_extent,
    misplaced,
    misspelt,
    unknown,
    agreement,
    chapeau_italics,
    unused_suppression,
    unknown_code,
)

# Functions (facts) -> Iterable[HoverItem]; see resolint.linter.hover.
HOVER_PROVIDERS = (opening_phrases, session_hovers, citation_hover.hover)
