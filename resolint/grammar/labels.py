"""Paragraph labels, defined once: the operative paragraph's number ("12.") and the
sub-paragraph's marker ("(a)", "a)", "a.", "(iv)", "aa)").

English writes "(a)", French and Spanish "a)"; every language reads every form, so the
patterns need no language data. Whole-label patterns (`NUMBERED`, `SUBPARA`) classify a
block and find its label; the fragments build the block split's patterns (blocks.py) and
the editor's (lsp/completion.py), so that all of them agree on what a label is.
"""
from __future__ import annotations

import re

NUMBER = r"\d{1,3}"  # an operative paragraph's number
MARKER = r"[a-z]{1,4}"  # a sub-paragraph's marker: "a", "iv", "aa"
LETTER_LABEL = rf"\(?{MARKER}\)"  # "(a)" or "a)": the forms that start a line of their own
BRACKETED_LABEL = rf"\({MARKER}\)"  # "(a)" only, the form run on into a paragraph in PDF texts
# The markers a list really uses (one letter, a roman numeral, a doubled letter): only these
# cut a run-on paragraph, where any "(word)" might follow the punctuation. Its back-reference
# is to group 1: use it in a pattern with no capturing group before it.
LIST_MARKER = r"(?:[a-z]|[ivx]{1,4}|([a-z])\1{1,2})"

# "12. ", and the damaged forms seen in adopted texts: "6*. Also*", "6 *Also reaffirms*",
# "16,\t*Invite*" (A/RES/78/173, French).
NUMBERED = re.compile(rf"\*{{0,2}}(?P<number>{NUMBER})\*{{0,2}}(?:\.\*{{0,2}}[ \t]|,?[ \t](?=\*[^\s*]))")
SUBPARA = re.compile(rf"(?P<open>\()?(?P<marker>{MARKER})(?P<close>\)|\.)[ \t]")


def is_subparagraph_label(match: re.Match) -> bool:
    """"(a) ", "a) ", "a. ", "(iv) " — but not "(see" nor a word followed by ")"."""
    marker, opened, close = match.group("marker"), match.group("open"), match.group("close")
    if close == "." and opened:
        return False
    return len(set(marker)) == 1 or set(marker) <= set("ivxl")
