"""CT: citations — document symbols, resolution and decision citations, dates, and the record
of real resolutions they are checked against (resolint/records)."""
