"""Renderers: diagnostics of several files -> text for a terminal or a machine.

Each takes `[(path, Locator, diagnostics), ...]` (linter/locator.py: the locator places each
finding, in lines and columns, or for a Word document also its paragraph) and returns the
whole output. A renderer's
module is imported only when it is used."""
from __future__ import annotations

from collections.abc import Callable
from importlib import import_module


def _lazy(module: str, function: str) -> Callable:
    def render(results):
        return getattr(import_module(f".{module}", __name__), function)(results)

    render.__name__ = function
    return render


RENDERERS: dict[str, Callable] = {
    "text": _lazy("text", "render_text"),
    "json": _lazy("json", "render_json"),
    "sarif": _lazy("sarif", "render_sarif"),
    "github": _lazy("github", "render_github"),
    "junit": _lazy("junit", "render_junit"),
}
