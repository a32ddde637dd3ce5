"""VB: the opening phrases of preambular and operative paragraphs — italics, the lexicon of
known phrases, preambular versus operative forms, agreement with the organ — and the chapeau's
italics. The lexicons are data: resolint/rules/data/<lang>/openings.toml."""
