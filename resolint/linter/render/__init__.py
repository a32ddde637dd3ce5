"""Renderers: diagnostics of several files -> text for a terminal or a machine."""
from __future__ import annotations

from collections.abc import Callable

from .json import render_json
from .text import render_text

RENDERERS: dict[str, Callable] = {"text": render_text, "json": render_json}
