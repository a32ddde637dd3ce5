"""The bottom layer: spans, the document model, diagnostics, language packs and the rule
protocol. It imports nothing else of resolint."""
