"""The file formats read besides text, each handled by an adapter package above this layer.

The linter names an adapter here but never imports it at load time: the table is resolved
when such a file is read, so `linter` stays below `docx` (ARCHITECTURE.md), and linting
Markdown never loads python-docx. An adapter module provides

    read(data: bytes, name: str, original=False) -> mapping
                                                the text form (mapping.text) and its origins;
                                                `original`: with tracked changes rejected;
                                                mapping.has_insertions, mapping.inserted(start, end)
    locator(doc, mapping) -> Locator            where a finding is, in the reader's terms
    fix_copy(path, lint, unsafe) -> (path | None, outcome)   fixes written into a copy
    review_copy(path, lint, findings, unsafe, force) -> (path, outcome)
                                                findings as comments, fixes as tracked changes
    FixError                                    what fix_copy raises besides SourceError
"""
from __future__ import annotations

from dataclasses import dataclass
from importlib import import_module
from pathlib import Path
from types import ModuleType


@dataclass(frozen=True)
class Format:
    name: str
    adapter_module: str

    def adapter(self) -> ModuleType:
        return import_module(self.adapter_module)


FORMATS = {".docx": Format("Word document", "resolint.docx.adapter")}
TEXT_SUFFIXES = (".md", ".markdown", ".txt")  # read as they are
SUFFIXES = (*TEXT_SUFFIXES, *FORMATS)  # every file resolint reads, text first


def format_of(path: Path | None) -> Format | None:
    """The format a file is read as, by its suffix; None for text."""
    return None if path is None else FORMATS.get(path.suffix.lower())
