"""The other language versions of each open document, and the LV findings they give it.

A document's versions are the files its configuration maps it to (`[tool.resolint.versions]`),
else the files beside it of the same stem in another language (A-RES-78-10.en.md,
A-RES-78-10.fr.md, A-RES-78-10.es.docx): linter/compare.py decides which, and compares them
as `resolint compare` does. This module only finds each version's text — the editor's when
it is open there, else the file on disk — and keeps what is costly:

- one directory listing per folder, dropped when a watched file in that folder changes;
- each version on disk parsed once per file state (its modification time and size);
- each group of versions compared once per state of its members, for all of them.

A document whose name is not a version's and that no mapping names costs nothing.
"""
from __future__ import annotations

import logging
import os
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import TYPE_CHECKING
from weakref import WeakKeyDictionary

from lsprotocol import types

from ..linter.config import Config
from ..linter.source import SourceError, read_source
from . import convert
from .analysis import Analysis
from .documents import Documents, OpenDocument

if TYPE_CHECKING:  # the comparison's core is imported on first use, not with the server
    from ..rules.versions.align import Side

    Members = tuple[tuple[str, Side], ...]  # (path, version), the document asking first

log = logging.getLogger(__name__)


class Versions:
    """`config_at(path)` is the configuration of a file as the editor lints it;
    `analysis(document)` the analysis of an open document's current text; `run(job)` runs a
    job in the analysis worker; `report(message)` shows a problem to the user (once)."""

    def __init__(self, documents: Documents, config_at: Callable[[Path | None], Config],
                 analysis: Callable[[OpenDocument], Awaitable[Analysis]], run: Callable[[Callable], Awaitable],
                 report: Callable[[str], None]) -> None:
        self.documents = documents
        self.config_at = config_at
        self.analysis = analysis
        self.run = run
        self.report = report
        self._listings: dict[Path, tuple[str, ...]] = {}  # folder -> the names in it
        self._on_disk: dict[Path, tuple[tuple, Side | str]] = {}  # path -> (file state, version or why not)
        self._sides: WeakKeyDictionary[Analysis, Side] = WeakKeyDictionary()  # an open text as a version
        self._compared: dict[tuple[str, ...], tuple[Members, list | str]] = {}  # paths -> (members, findings or why not)

    # --- which files ----------------------------------------------------------------------

    def of(self, path: Path | None) -> list[Path]:
        """The other versions of the file at `path`."""
        from ..linter import compare

        if path is None:
            return []
        return compare.versions_of(path, self.config_at(path), self._listing)

    def _listing(self, folder: Path) -> list[str]:
        """The files in `folder`: on disk, and open in the editor (perhaps never saved)."""
        if folder not in self._listings:
            try:
                self._listings[folder] = tuple(os.listdir(folder))
            except OSError:
                self._listings[folder] = ()
        return [*self._listings[folder], *(d.path.name for d in self.documents if d.path is not None and d.path.parent == folder)]

    def related(self, document: OpenDocument) -> list[OpenDocument]:
        """The open documents among `document`'s versions: their findings read its text."""
        return [other for path in self.of(document.path) if (other := self.documents.at(path)) is not None and other is not document]

    def files_changed(self, paths: list[Path]) -> list[OpenDocument]:
        """Files changed on disk (created, changed, deleted): forget what was read of them and
        of their folders, and say which open documents had or have one among their versions.
        The cost is in the open documents, not in the files changed (a checkout changes many)."""
        changed = {os.path.realpath(path) for path in paths}

        def reading() -> dict[str, OpenDocument]:
            return {document.uri: document for document in self.documents
                    if document.is_resolution and any(os.path.realpath(path) in changed for path in self.of(document.path))}

        before = reading()
        for path in paths:
            self._listings.pop(path.parent, None)
            self._on_disk.pop(path, None)
        return list({**before, **reading()}.values())

    def saved(self, path: Path | None) -> None:
        """A document was saved: its folder may hold a new file (for clients that do not watch files)."""
        if path is not None:
            self._listings.pop(path.parent, None)

    def invalidate(self) -> None:
        """Settings or configuration changed: read every version again."""
        self._on_disk.clear()
        self._compared.clear()

    # --- the findings -----------------------------------------------------------------------

    async def diagnostics(self, document: OpenDocument, result: Analysis) -> list[types.Diagnostic]:
        """The LV findings on the document's text, as its configuration keeps them."""
        from ..linter import compare

        others = self.of(document.path)
        if not others:
            return []
        members = [(str(document.path), self._side(result))]
        for path in others:
            side = await self._version_at(path, result.config)
            if side is not None:
                members.append((str(path), side))
        if len(members) < 2:
            return []
        found = await self._compare(tuple(members))
        if found is None:
            return []
        return convert.diagnostics(compare.configured(found, result.config, result.doc), result.positions)

    def _side(self, result: Analysis) -> Side:
        from ..linter import compare

        side = self._sides.get(result)
        if side is None:
            side = self._sides[result] = compare.side_of(result.facts)
        return side

    async def _version_at(self, path: Path, config: Config) -> Side | None:
        """The version at `path`: the editor's text when it is open there, else the file's."""
        document = self.documents.at(path)
        if document is not None and document.is_resolution:
            return self._side(await self.analysis(document))
        try:
            status = os.stat(path)
        except OSError as error:
            self.report(f"resolint: {path}: cannot read: {error.strerror or error}; that language version is not compared")
            return None
        state = (status.st_mtime_ns, status.st_size, config.language)
        known = self._on_disk.get(path)
        if known is None or known[0] != state:
            known = self._on_disk[path] = (state, await self.run(lambda: _read(path, config)))
        if isinstance(known[1], str):
            self.report(f"resolint: {known[1]}; that language version is not compared")
            return None
        return known[1]

    async def _compare(self, members: Members) -> list | None:
        """The findings on the first member, the whole group compared once for all."""
        key = tuple(sorted(path for path, _ in members))
        known = self._compared.get(key)
        if known is None or {path: id(side) for path, side in known[0]} != {path: id(side) for path, side in members}:
            known = self._compared[key] = (members, await self.run(lambda: _compare(members)))
        kept, found = known
        if isinstance(found, str):
            self.report(f"resolint: {found}; the language versions are not compared")
            return None
        return found[[path for path, _ in kept].index(members[0][0])]


def _read(path: Path, config: Config) -> Side | str:
    """A version from disk, or why it cannot be read (in the worker)."""
    from ..facts import Facts
    from ..linter import compare
    from ..linter.engine import parse_with

    try:
        source = read_source(path)
    except (SourceError, OSError) as error:
        return f"{path}: {error}"
    return compare.side_of(Facts(parse_with(source.text, config, path=str(path))))


def _compare(members: Members) -> list[list] | str:
    """Each member's findings, or why the members are not versions of one text (in the worker)."""
    from ..linter import compare

    try:
        compare.check_versions(list(members), hint="")
        return compare.compare_sides([side for _, side in members])
    except compare.CompareError as error:
        return str(error)
    except Exception as error:  # noqa: BLE001 - a broken LV rule must not stop the editor's other findings
        log.exception("comparing %s failed", ", ".join(path for path, _ in members))
        return f"comparing {members[0][0]} with its versions failed: {type(error).__name__}: {error}; please report this"
