"""The language server: pygls 2 over stdio, thin handlers over the core.

Every request reads an `Analysis` of the document's current text (parse + lint with the
configuration `resolint check` would use for that file, plus the editor's settings). The
analysis runs in one worker thread, so the server keeps answering while a long document is
linted; a result is used only if the text and the settings have not changed meanwhile, so
diagnostics are never published for a version older than the latest.

Diagnostics are pushed (`textDocument/publishDiagnostics`) after a quiet spell of
`resolint.debounce` milliseconds when the text changes, at once on open and on save, and
cleared on close — unless the client pulls them (`textDocument/diagnostic`), in which case
they are only pulled, so that no client shows them twice.
"""
from __future__ import annotations

import asyncio
import itertools
import json
import logging
import os
import sys
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from lsprotocol import types
from pygls.capabilities import get_capability
from pygls.exceptions import FeatureRequestError
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from .. import __version__
from ..linter.config import CONFIG_FILES, DEFAULT, Config, ConfigError, config_for
from . import actions, completion, convert, hover, navigation
from .analysis import Analysis, analyse
from .protocol import ResolintProtocol
from .settings import SECTION, Settings, parse_settings

log = logging.getLogger(__name__)

LANGUAGE_IDS = ("markdown", "plaintext", "un-resolution")
SUFFIXES = (".md", ".markdown", ".txt")
SETTINGS_TIMEOUT = 5.0  # seconds to wait for the client's settings before linting anyway
WATCHED = [types.FileSystemWatcher(glob_pattern=f"**/{name}") for name in CONFIG_FILES]


@dataclass(eq=False)
class OpenDocument:
    uri: str
    buffer: convert.TextBuffer  # the text, kept as lines so that a change costs only the lines it touches
    version: int | None
    language_id: str
    generation: int
    path: Path | None
    changed_at: float = 0.0
    analysis: Analysis | None = None
    analysis_key: tuple[int, int] | None = None
    pending: tuple[tuple[int, int], asyncio.Future] | None = None
    lint_task: asyncio.Task | None = None

    @property
    def text(self) -> str:
        return self.buffer.text

    @property
    def is_resolution(self) -> bool:
        """Markdown or plain text (a client may send other documents: those are left alone)."""
        return self.language_id in LANGUAGE_IDS or (self.path is not None and self.path.suffix.lower() in SUFFIXES)


class ResolintServer(LanguageServer):
    def __init__(self) -> None:
        super().__init__("resolint", __version__, protocol_cls=ResolintProtocol,
                         text_document_sync_kind=types.TextDocumentSyncKind.Incremental)
        self.documents: dict[str, OpenDocument] = {}
        self.initial_settings = Settings()
        self.settings = Settings()
        self.settings_ready = asyncio.Event()
        self.configs: dict[Path | None, Config | ConfigError] = {}  # by folder
        self.epoch = 0  # bumped when the settings or a configuration file change
        self.generations = itertools.count(1)
        self.encoding = convert.UTF16
        self.pull = False
        self.root: Path | None = None
        self.shown: set[str] = set()
        self._executor: ThreadPoolExecutor | None = None

    # --- analyses -----------------------------------------------------------------------

    @property
    def executor(self) -> ThreadPoolExecutor:
        if self._executor is None:
            self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="resolint-analysis")
        return self._executor

    async def analysis(self, document: OpenDocument) -> Analysis:
        """The analysis of the document's current text with the current settings."""
        while True:
            key = (document.generation, self.epoch)
            if document.analysis_key == key and document.analysis is not None:
                return document.analysis
            if document.pending is None or document.pending[0] != key:
                job = partial(
                    analyse, document.uri, document.version, document.text,
                    path=str(document.path) if document.path else None, config=self.config_for(document),
                    encoding=self.encoding, lint=self.settings.enable, previous=document.analysis,
                )
                document.pending = (key, asyncio.get_running_loop().run_in_executor(self.executor, job))
            done_key, future = document.pending
            result = await asyncio.shield(future)  # shared: a cancelled waiter must not cancel it for the others
            document.analysis, document.analysis_key = result, done_key

    def config_for(self, document: OpenDocument) -> Config:
        """The configuration `resolint check` would use for the file, with the editor's
        settings on top. An invalid file is reported once and its settings left out."""
        folder = document.path.parent if document.path else self.root
        found = self.configs.get(folder)
        if found is None:
            try:
                found = config_for(folder)
            except ConfigError as error:
                found = error
            self.configs[folder] = found
        if isinstance(found, ConfigError):
            self.show_once(f"resolint: {found}; using the default configuration", types.MessageType.Error)
            found = DEFAULT
        return self.settings.apply(found)

    # --- pushing diagnostics ------------------------------------------------------------

    def schedule(self, document: OpenDocument, *, now: bool = False) -> None:
        """Lint the document when typing pauses (at once for `now`) and publish."""
        if self.pull:
            return
        document.changed_at = float("-inf") if now else asyncio.get_running_loop().time()
        if document.lint_task is None or document.lint_task.done():
            document.lint_task = asyncio.ensure_future(self._lint_when_quiet(document))

    async def _lint_when_quiet(self, document: OpenDocument) -> None:
        if not self.settings_ready.is_set():
            try:
                await asyncio.wait_for(self.settings_ready.wait(), SETTINGS_TIMEOUT)
            except asyncio.TimeoutError:
                self.settings_ready.set()
        if not document.is_resolution:  # nothing to lint: say so once, without parsing it
            self.text_document_publish_diagnostics(
                types.PublishDiagnosticsParams(uri=document.uri, diagnostics=[], version=document.version))
            return
        loop = asyncio.get_running_loop()
        while self.documents.get(document.uri) is document:
            delay = document.changed_at + self.settings.debounce_ms / 1000 - loop.time()
            if delay > 0:
                await asyncio.sleep(delay)
                continue
            key = (document.generation, self.epoch)
            try:
                result = await self.analysis(document)
            except Exception:  # noqa: BLE001 - report it and keep serving
                log.exception("analysis of %s failed", document.uri)
                return
            if self.documents.get(document.uri) is not document:
                return  # closed meanwhile
            if (document.generation, self.epoch) != key:
                continue  # edited meanwhile: the newest text is analysed next
            self.text_document_publish_diagnostics(
                types.PublishDiagnosticsParams(uri=document.uri, diagnostics=result.diagnostics, version=result.version))
            return

    def invalidate(self) -> None:
        """Settings or configuration changed: every analysis is out of date."""
        self.epoch += 1
        if self.pull:
            if get_capability(self.client_capabilities, "workspace.diagnostics.refresh_support", False):
                self.workspace_diagnostic_refresh(None)
        else:
            for document in self.documents.values():
                self.schedule(document, now=True)

    # --- settings -----------------------------------------------------------------------

    async def pull_settings(self) -> None:
        """Ask the client for the `resolint` section of its settings."""
        try:
            result = await self.workspace_configuration_async(
                types.ConfigurationParams(items=[types.ConfigurationItem(section=SECTION)])
            )
        except Exception as error:  # noqa: BLE001 - a client that cannot answer keeps the defaults
            log.warning("workspace/configuration failed: %s", error)
            return
        self.use_settings(result[0] if result else None)

    def use_settings(self, raw) -> None:
        settings, problems = parse_settings(raw, self.initial_settings)
        for problem in problems:
            self.show_once(problem, types.MessageType.Warning)
        if settings != self.settings:
            self.settings = settings
            self.invalidate()

    def show_once(self, message: str, kind: types.MessageType) -> None:
        if message not in self.shown:
            self.shown.add(message)
            self.window_show_message(types.ShowMessageParams(type=kind, message=message))

    def report_server_error(self, error: Exception, source) -> None:
        if isinstance(error, json.JSONDecodeError):
            self.protocol.parse_error(error)
        elif source is not FeatureRequestError:  # a request's error was already its answer
            self.window_log_message(types.LogMessageParams(type=types.MessageType.Error, message=f"resolint: {error}"))

    # --- helpers for handlers -----------------------------------------------------------

    def open_document(self, uri: str) -> OpenDocument | None:
        document = self.documents.get(uri)
        return document if document is not None and document.is_resolution else None


server = ResolintServer()


# --- lifecycle ----------------------------------------------------------------------------

@server.feature(types.INITIALIZE)
def initialize(ls: ResolintServer, params: types.InitializeParams) -> None:
    capabilities = params.capabilities
    ls.encoding = str(getattr(ls.workspace.position_encoding, "value", ls.workspace.position_encoding) or convert.UTF16)
    ls.pull = get_capability(capabilities, "text_document.diagnostic") is not None
    root = params.root_uri or (params.workspace_folders[0].uri if params.workspace_folders else None)
    ls.root = Path(to_fs_path(root)) if root and to_fs_path(root) else None
    options = params.initialization_options
    ls.initial_settings, problems = parse_settings(options.get("settings", options) if isinstance(options, dict) else options)
    ls.settings = ls.initial_settings
    for problem in problems:
        ls.show_once(problem, types.MessageType.Warning)


@server.feature(types.INITIALIZED)
async def initialized(ls: ResolintServer, params: types.InitializedParams) -> None:
    capabilities = ls.client_capabilities
    if get_capability(capabilities, "workspace.configuration", False):
        await ls.pull_settings()
    ls.settings_ready.set()
    registrations = []
    if get_capability(capabilities, "workspace.did_change_watched_files.dynamic_registration", False):
        options = types.DidChangeWatchedFilesRegistrationOptions(watchers=WATCHED)
        registrations.append(types.Registration(id="resolint-config-files", method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
                                                register_options=options))
    if get_capability(capabilities, "workspace.did_change_configuration.dynamic_registration", False):
        registrations.append(types.Registration(id="resolint-settings", method=types.WORKSPACE_DID_CHANGE_CONFIGURATION))
    if registrations:
        try:
            await ls.client_register_capability_async(types.RegistrationParams(registrations=registrations))
        except Exception as error:  # noqa: BLE001 - then configuration files are re-read on save only
            log.warning("client/registerCapability failed: %s", error)


@server.feature(types.SHUTDOWN)
def shutdown(ls: ResolintServer, params) -> None:
    for document in ls.documents.values():
        if document.lint_task is not None:
            document.lint_task.cancel()
    if ls._executor is not None:
        ls._executor.shutdown(wait=False, cancel_futures=True)


# --- documents ----------------------------------------------------------------------------

@server.feature(types.TEXT_DOCUMENT_DID_OPEN)
def did_open(ls: ResolintServer, params: types.DidOpenTextDocumentParams) -> None:
    item = params.text_document
    path = to_fs_path(item.uri)
    document = OpenDocument(item.uri, convert.TextBuffer(item.text, ls.encoding), item.version, item.language_id, next(ls.generations), Path(path) if path else None)
    ls.documents[item.uri] = document
    ls.schedule(document, now=True)


@server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
def did_change(ls: ResolintServer, params: types.DidChangeTextDocumentParams) -> None:
    document = ls.documents.get(params.text_document.uri)
    if document is None:
        log.warning("didChange for a document that is not open: %s", params.text_document.uri)
        return
    for change in params.content_changes:
        document.buffer.apply(change)
    document.version = params.text_document.version
    document.generation = next(ls.generations)
    ls.schedule(document)


@server.feature(types.TEXT_DOCUMENT_DID_SAVE, types.SaveOptions(include_text=False))
def did_save(ls: ResolintServer, params: types.DidSaveTextDocumentParams) -> None:
    path = to_fs_path(params.text_document.uri)
    if path and Path(path).name in CONFIG_FILES:
        ls.configs.clear()
        ls.invalidate()
    elif (document := ls.documents.get(params.text_document.uri)) is not None:
        ls.schedule(document, now=True)


@server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
def did_close(ls: ResolintServer, params: types.DidCloseTextDocumentParams) -> None:
    document = ls.documents.pop(params.text_document.uri, None)
    if document is not None and document.lint_task is not None:
        document.lint_task.cancel()
    if not ls.pull:
        ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=params.text_document.uri, diagnostics=[]))


@server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
def did_change_watched_files(ls: ResolintServer, params: types.DidChangeWatchedFilesParams) -> None:
    if any(change.uri.rsplit("/", 1)[-1] in CONFIG_FILES for change in params.changes):
        ls.configs.clear()
        ls.invalidate()


@server.feature(types.WORKSPACE_DID_CHANGE_CONFIGURATION)
async def did_change_configuration(ls: ResolintServer, params: types.DidChangeConfigurationParams) -> None:
    ls.configs.clear()
    if get_capability(ls.client_capabilities, "workspace.configuration", False):
        await ls.pull_settings()
    elif isinstance(params.settings, dict):
        ls.use_settings(params.settings.get(SECTION))
    ls.invalidate()


# --- features -----------------------------------------------------------------------------

@server.feature(types.TEXT_DOCUMENT_DIAGNOSTIC,
                types.DiagnosticOptions(identifier=SECTION, inter_file_dependencies=False, workspace_diagnostics=False))
async def diagnostic(ls: ResolintServer, params: types.DocumentDiagnosticParams):
    document = ls.open_document(params.text_document.uri)
    if document is None:
        return types.RelatedFullDocumentDiagnosticReport(items=[])
    result = await ls.analysis(document)
    result_id = "{}.{}".format(*document.analysis_key)
    if params.previous_result_id == result_id:
        return types.RelatedUnchangedDocumentDiagnosticReport(result_id=result_id)
    return types.RelatedFullDocumentDiagnosticReport(items=result.diagnostics, result_id=result_id)


def on_document(method: str, options=None):
    """Register a request about one open document: the handler receives the analysis of its
    current text. A document that is not open, or not a resolution, gets a null answer."""

    def register(handler):
        @server.feature(method, options)
        async def answer(ls: ResolintServer, params):
            document = ls.open_document(params.text_document.uri)
            if document is None:
                return None
            return handler(ls, await ls.analysis(document), params)

        return handler

    return register


@on_document(types.TEXT_DOCUMENT_CODE_ACTION, types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix, actions.FIX_ALL]))
def code_action(ls: ResolintServer, result: Analysis, params: types.CodeActionParams):
    only = [str(getattr(kind, "value", kind)) for kind in params.context.only] if params.context.only else None
    document_changes = get_capability(ls.client_capabilities, "workspace.workspace_edit.document_changes", False)
    return actions.code_actions(result, result.positions.span(params.range), only, document_changes)


@on_document(types.TEXT_DOCUMENT_HOVER)
def on_hover(ls: ResolintServer, result: Analysis, params: types.HoverParams):
    return hover.hover(result, result.positions.offset(params.position))


@on_document(types.TEXT_DOCUMENT_DOCUMENT_SYMBOL)
def document_symbol(ls: ResolintServer, result: Analysis, params: types.DocumentSymbolParams):
    symbols = convert.document_symbols(result.facts.outline, result.positions)
    if get_capability(ls.client_capabilities, "text_document.document_symbol.hierarchical_document_symbol_support", False):
        return symbols
    return convert.flat_symbols(symbols, result.uri)


@on_document(types.TEXT_DOCUMENT_FOLDING_RANGE)
def folding_range(ls: ResolintServer, result: Analysis, params: types.FoldingRangeParams):
    return convert.folding_ranges(convert.document_symbols(result.facts.outline, result.positions))


@on_document(types.TEXT_DOCUMENT_DEFINITION)
def definition(ls: ResolintServer, result: Analysis, params: types.DefinitionParams):
    spans = navigation.definitions(result.facts, result.positions.offset(params.position))
    return [types.Location(uri=result.uri, range=result.positions.range(span)) for span in spans] or None


@on_document(types.TEXT_DOCUMENT_REFERENCES)
def references(ls: ResolintServer, result: Analysis, params: types.ReferenceParams):
    offset = result.positions.offset(params.position)
    spans = navigation.references(result.facts, offset, params.context.include_declaration)
    return [types.Location(uri=result.uri, range=result.positions.range(span)) for span in spans] or None


@on_document(types.TEXT_DOCUMENT_COMPLETION, types.CompletionOptions(trigger_characters=["*"]))
def complete(ls: ResolintServer, result: Analysis, params: types.CompletionParams):
    return completion.completions(result, result.positions.offset(params.position))


class _Brief(logging.Formatter):
    """Log lines go to standard error (the editor's output panel): one line per problem,
    the exception's type and message without its traceback unless RESOLINT_LOG=debug."""

    def formatException(self, exc_info) -> str:  # noqa: N802 - logging's name
        error = exc_info[1]
        return f"  {type(error).__name__}: {' '.join(str(error).split())[:300]}"

    def format(self, record: logging.LogRecord) -> str:
        text = super().format(record)
        return text.split("\n", 1)[0] if "Traceback (most recent call last)" in text else text  # pygls puts some in messages


def serve() -> None:
    """Serve one client over standard input and output until it says `exit`."""
    debug = os.environ.get("RESOLINT_LOG", "").lower() == "debug"
    handler = logging.StreamHandler(sys.stderr)
    fmt = "resolint server: %(levelname)s %(name)s: %(message)s"
    handler.setFormatter(logging.Formatter(fmt) if debug else _Brief(fmt))
    logging.basicConfig(level=logging.DEBUG if debug else logging.WARNING, handlers=[handler])
    server.start_io()
