"""FN: footnote references and footnote texts — numbering, correspondence, order, placement."""
