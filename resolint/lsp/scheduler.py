"""When each open document is analysed: in one worker thread, so the server keeps answering
while a long document is linted; once per text and settings, shared by every request that
waits for it; and, for pushed diagnostics, only after typing pauses.

A result is used only if the text and the settings have not changed meanwhile, so
diagnostics are never published for a version older than the latest. The diagnostics of a
document may also read other documents (its language versions): `related(document)` names
the open ones whose diagnostics its text changes, scheduled with it, and `diagnostics(document,
analysis)` makes the list to publish.
"""
from __future__ import annotations

import asyncio
import gc
import logging
from collections.abc import Awaitable, Callable, Iterable
from concurrent.futures import ThreadPoolExecutor

from .analysis import Analysis
from .documents import Documents, OpenDocument

log = logging.getLogger(__name__)

SETTINGS_TIMEOUT = 5.0  # seconds to wait for the client's settings before linting anyway
UNFREEZE_EVERY = 200  # analyses between two returns of the frozen objects to the collector

Job = Callable[[], Analysis]
Publish = Callable[[str, list, "int | None"], None]  # uri, LSP diagnostics, version
Diagnostics = Callable[[OpenDocument, Analysis], Awaitable[list]]  # what to publish for an analysis
Related = Callable[[OpenDocument], Iterable[OpenDocument]]


async def own_diagnostics(document: OpenDocument, result: Analysis) -> list:
    return result.diagnostics


class Scheduler:
    """`job(document)` makes the analysis of the document's current text (called on the event
    loop, run in the worker); `publish(uri, diagnostics, version)` pushes diagnostics;
    `debounce()` is the quiet spell, in seconds, to wait for after a change."""

    def __init__(self, documents: Documents, job: Callable[[OpenDocument], Job], publish: Publish,
                 debounce: Callable[[], float], diagnostics: Diagnostics = own_diagnostics,
                 related: Related = lambda document: ()) -> None:
        self.documents = documents
        self.job = job
        self.publish = publish
        self.debounce = debounce
        self.diagnostics = diagnostics
        self.related = related
        self.epoch = 0  # bumped when the settings or a configuration file change
        self.push = True  # False when the client pulls diagnostics
        self.settings_ready = asyncio.Event()
        self._executor: ThreadPoolExecutor | None = None
        self.analyses = 0

    @property
    def executor(self) -> ThreadPoolExecutor:
        if self._executor is None:
            self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="resolint-analysis")
        return self._executor

    def key(self, document: OpenDocument) -> tuple[int, int]:
        """Which text and which settings an analysis is of."""
        return (document.generation, self.epoch)

    async def analysis(self, document: OpenDocument) -> Analysis:
        """The analysis of the document's current text with the current settings."""
        while True:
            key = self.key(document)
            if document.analysis_key == key and document.analysis is not None:
                return document.analysis
            if document.pending is None or document.pending[0] != key:
                future = asyncio.get_running_loop().run_in_executor(self.executor, self._run, self.job(document))
                document.pending = (key, future)
            done_key, future = document.pending
            result = await asyncio.shield(future)  # shared: a cancelled waiter must not cancel it for the others
            document.analysis, document.analysis_key = result, done_key

    async def run(self, job: Callable):
        """Run a job in the worker, after the analyses asked for before it."""
        return await asyncio.get_running_loop().run_in_executor(self.executor, job)

    def _run(self, job: Job) -> Analysis:
        """Run `job` in the worker, then keep what survives it out of the cyclic garbage
        collector's sight. An analysis leaves no reference cycles (its objects are freed by
        their reference counts), but the collector's full passes walk every object alive:
        on a 300 KB document that is tens of milliseconds every few edits, the slowest tenth
        of the edits. Frozen objects are still freed when their last reference goes; now and
        then they are handed back, so that a cycle made elsewhere is not kept for ever."""
        try:
            return job()
        finally:
            self.analyses += 1
            if self.analyses % UNFREEZE_EVERY == 0:
                gc.unfreeze()
            else:
                gc.freeze()

    def invalidate(self) -> None:
        """Settings or configuration changed: every analysis is out of date."""
        self.epoch += 1

    def schedule(self, document: OpenDocument, *, now: bool = False) -> None:
        """Lint the document when typing pauses (at once for `now`) and publish; the same for
        the open documents whose diagnostics read its text."""
        if not self.push:
            return
        for each in (document, *self.related(document)):
            self._schedule(each, now)

    def closed(self, document: OpenDocument) -> None:
        """The document was closed: stop linting it; the documents that read its text read
        the file now (or nothing)."""
        self.cancel(document)
        if self.push:
            for other in self.related(document):
                self._schedule(other, now=True)

    def _schedule(self, document: OpenDocument, now: bool) -> None:
        document.changed_at = float("-inf") if now else asyncio.get_running_loop().time()
        document.requests += 1
        if document.lint_task is None or document.lint_task.done():
            document.lint_task = asyncio.ensure_future(self._lint_when_quiet(document))

    async def _lint_when_quiet(self, document: OpenDocument) -> None:
        if not self.settings_ready.is_set():
            try:
                await asyncio.wait_for(self.settings_ready.wait(), SETTINGS_TIMEOUT)
            except asyncio.TimeoutError:
                self.settings_ready.set()
        if not document.is_resolution:  # nothing to lint: say so once, without parsing it
            self.publish(document.uri, [], document.version)
            return
        loop = asyncio.get_running_loop()
        while self.documents.is_open(document):
            delay = document.changed_at + self.debounce() - loop.time()
            if delay > 0:
                await asyncio.sleep(delay)
                continue
            key, requests = self.key(document), document.requests
            # The version before is let go of only once the diagnostics are out: freeing a
            # large document's objects takes milliseconds (6 ms on 1 MB) the client need not wait.
            earlier = document.analysis
            try:
                result = await self.analysis(document)
                diagnostics = await self.diagnostics(document, result)
            except Exception:  # noqa: BLE001 - report it and keep serving
                log.exception("analysis of %s failed", document.uri)
                return
            if not self.documents.is_open(document):
                return  # closed meanwhile
            if self.key(document) != key or document.requests != requests:
                continue  # edited meanwhile (it or a document it reads): the newest texts are read next
            self.publish(document.uri, diagnostics, result.version)
            del earlier
            return

    def cancel(self, document: OpenDocument) -> None:
        if document.lint_task is not None:
            document.lint_task.cancel()

    def shutdown(self) -> None:
        for document in self.documents:
            self.cancel(document)
        if self._executor is not None:
            self._executor.shutdown(wait=False, cancel_futures=True)
