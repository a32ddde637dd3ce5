"""The language server: `resolint server` (pygls 2 over stdio).

`server` holds the handlers; everything it converts (spans to UTF-16 ranges, diagnostics,
fixes, the outline) is in `convert`, which is pure and unit-tested. Nothing here is imported
by `resolint check`: pygls is loaded only when the server starts.
"""
