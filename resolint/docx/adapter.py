"""What the linter's format table (linter/formats.py) calls for a Word document."""
from __future__ import annotations

from . import read_docx as read
from .fix import DocxFixError as FixError
from .fix import fix_file as fix_copy
from .location import WordIndex as locator
from .review import review_file as review_copy

__all__ = ["FixError", "fix_copy", "locator", "read", "review_copy"]
