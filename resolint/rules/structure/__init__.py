"""ST: the structure of a resolution (blocks, numbering, punctuation, markup)."""
