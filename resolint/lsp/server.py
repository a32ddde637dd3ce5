"""The language server: pygls 2 over stdio, thin handlers over the core.

Every request reads an `Analysis` of the document's current text (parse + lint with the
configuration `resolint check` would use for that file, found by the same
`ConfigResolver`, plus the editor's settings). The open documents and their text are kept in
documents.py; when each is analysed, in a worker thread, is decided in scheduler.py.

A document's language versions (open, or files beside it: versions.py) add their
disagreements (LV findings) to its diagnostics.

Diagnostics are pushed (`textDocument/publishDiagnostics`) after a quiet spell of
`resolint.debounce` milliseconds when the text changes, at once on open and on save, and
cleared on close — unless the client pulls them (`textDocument/diagnostic`), in which case
they are only pulled, so that no client shows them twice.
"""
from __future__ import annotations

import json
import logging
import os
import sys
from functools import partial
from pathlib import Path

from lsprotocol import types
from pygls.capabilities import get_capability
from pygls.exceptions import FeatureRequestError
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from .. import __version__
from ..linter.config import CONFIG_FILES, DEFAULT, Config, ConfigError, ConfigResolver
from ..linter.formats import SUFFIXES
from . import actions, completion, convert, hover, navigation, phrases, profiling
from .analysis import Analysis, analyse, prepare
from .documents import Documents, OpenDocument
from .early import EarlyAnswer
from .protocol import ResolintProtocol
from .scheduler import Scheduler
from .settings import SECTION, Settings, parse_settings
from .versions import Versions

log = logging.getLogger(__name__)

WATCHED = [
    *(types.FileSystemWatcher(glob_pattern=f"**/{name}") for name in CONFIG_FILES),
    types.FileSystemWatcher(glob_pattern="**/*.{" + ",".join(suffix[1:] for suffix in SUFFIXES) + "}"),  # language versions
]


class ResolintServer(LanguageServer):
    def __init__(self) -> None:
        super().__init__("resolint", __version__, protocol_cls=ResolintProtocol,
                         text_document_sync_kind=types.TextDocumentSyncKind.Incremental)
        self.documents = Documents()
        self.scheduler = Scheduler(self.documents, self.analysis_job, self.publish,
                                   debounce=lambda: self.settings.debounce_ms / 1000,
                                   diagnostics=self.diagnostics, related=self.related)
        self.versions = Versions(self.documents, self.config_at, self.scheduler.analysis, self.scheduler.run,
                                 lambda message: self.show_once(message, types.MessageType.Warning))
        self.initial_settings = Settings()
        self.settings = Settings()
        self.configs = ConfigResolver()  # replaced when a configuration file changes
        self.encoding = convert.UTF16
        self.root: Path | None = None
        self.shown: set[str] = set()
        self.profiler = profiling.from_environment()  # None unless RESOLINT_PROFILE is set

    # --- analyses -----------------------------------------------------------------------

    def analysis_job(self, document: OpenDocument):
        """The analysis of the document's text as it is now, to run in the worker."""
        job = partial(
            analyse, document.uri, document.version, document.text,
            path=str(document.path) if document.path else None, config=self.config_for(document),
            encoding=self.encoding, lint=self.settings.enable, previous=document.analysis,
        )
        return self.profiler.wrap(job) if self.profiler else job

    def config_for(self, document: OpenDocument) -> Config:
        return self.config_at(document.path)

    def config_at(self, path: Path | None) -> Config:
        """The configuration `resolint check` would use for the file, with the editor's
        settings on top. An invalid file is reported once and its settings left out."""
        try:
            found = self.configs.for_path(path or self.root)
        except ConfigError as error:
            self.show_once(f"resolint: {error}; using the default configuration", types.MessageType.Error)
            found = DEFAULT
        return self.settings.apply(found)

    async def diagnostics(self, document: OpenDocument, result: Analysis) -> list[types.Diagnostic]:
        """What the editor shows: the document's own findings and its language versions'."""
        if not self.settings.enable:
            return result.diagnostics
        return result.diagnostics + await self.versions.diagnostics(document, result)

    def related(self, document: OpenDocument) -> list[OpenDocument]:
        return self.versions.related(document) if self.settings.enable else []

    def publish(self, uri: str, diagnostics: list, version: int | None = None) -> None:
        self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=diagnostics, version=version))

    def configuration_changed(self) -> None:
        """A configuration file changed: read them all again."""
        self.configs = ConfigResolver()
        self.invalidate()

    def invalidate(self) -> None:
        """Settings or configuration changed: every analysis is out of date."""
        self.scheduler.invalidate()
        self.versions.invalidate()
        if not self.scheduler.push:
            if get_capability(self.client_capabilities, "workspace.diagnostics.refresh_support", False):
                self.workspace_diagnostic_refresh(None)
        else:
            for document in self.documents:
                self.scheduler.schedule(document, now=True)

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


server = ResolintServer()


# --- lifecycle ----------------------------------------------------------------------------

@server.feature(types.INITIALIZE)
def initialize(ls: ResolintServer, params: types.InitializeParams) -> None:
    capabilities = params.capabilities
    ls.encoding = str(getattr(ls.workspace.position_encoding, "value", ls.workspace.position_encoding) or convert.UTF16)
    ls.scheduler.push = get_capability(capabilities, "text_document.diagnostic") is None
    root = params.root_uri or (params.workspace_folders[0].uri if params.workspace_folders else None)
    ls.root = Path(to_fs_path(root)) if root and to_fs_path(root) else None
    options = params.initialization_options
    ls.initial_settings, problems = parse_settings(options.get("settings", options) if isinstance(options, dict) else options)
    ls.settings = ls.initial_settings
    for problem in problems:
        ls.show_once(problem, types.MessageType.Warning)


@server.feature(types.INITIALIZED)
async def initialized(ls: ResolintServer, params: types.InitializedParams) -> None:
    ls.scheduler.executor.submit(prepare)  # the core loads while the client sends the first document
    capabilities = ls.client_capabilities
    if get_capability(capabilities, "workspace.configuration", False):
        await ls.pull_settings()
    ls.scheduler.settings_ready.set()
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
    ls.scheduler.shutdown()
    if ls.profiler:
        ls.profiler.save()


# --- documents ----------------------------------------------------------------------------

@server.feature(types.TEXT_DOCUMENT_DID_OPEN)
def did_open(ls: ResolintServer, params: types.DidOpenTextDocumentParams) -> None:
    ls.scheduler.schedule(ls.documents.open(params.text_document, ls.encoding), now=True)


@server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
def did_change(ls: ResolintServer, params: types.DidChangeTextDocumentParams) -> None:
    document = ls.documents.change(params)
    if document is None:
        log.warning("didChange for a document that is not open: %s", params.text_document.uri)
        return
    ls.scheduler.schedule(document)


@server.feature(types.TEXT_DOCUMENT_DID_SAVE, types.SaveOptions(include_text=False))
def did_save(ls: ResolintServer, params: types.DidSaveTextDocumentParams) -> None:
    path = to_fs_path(params.text_document.uri)
    if path and Path(path).name in CONFIG_FILES:
        ls.configuration_changed()
    elif (document := ls.documents.get(params.text_document.uri)) is not None:
        ls.versions.saved(document.path)
        ls.scheduler.schedule(document, now=True)


@server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
def did_close(ls: ResolintServer, params: types.DidCloseTextDocumentParams) -> None:
    document = ls.documents.close(params.text_document.uri)
    if document is not None:
        ls.scheduler.closed(document)
    if ls.scheduler.push:
        ls.publish(params.text_document.uri, [])


@server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
def did_change_watched_files(ls: ResolintServer, params: types.DidChangeWatchedFilesParams) -> None:
    if any(change.uri.rsplit("/", 1)[-1] in CONFIG_FILES for change in params.changes):
        ls.configuration_changed()
    paths = [Path(path) for change in params.changes if (path := to_fs_path(change.uri))]
    for document in ls.versions.files_changed(paths):
        ls.scheduler.schedule(document, now=True)


@server.feature(types.WORKSPACE_DID_CHANGE_CONFIGURATION)
async def did_change_configuration(ls: ResolintServer, params: types.DidChangeConfigurationParams) -> None:
    ls.configs = ConfigResolver()
    if get_capability(ls.client_capabilities, "workspace.configuration", False):
        await ls.pull_settings()
    elif isinstance(params.settings, dict):
        ls.use_settings(params.settings.get(SECTION))
    ls.invalidate()


# --- features -----------------------------------------------------------------------------

@server.feature(types.TEXT_DOCUMENT_DIAGNOSTIC,
                types.DiagnosticOptions(identifier=SECTION, inter_file_dependencies=True, workspace_diagnostics=False))
async def diagnostic(ls: ResolintServer, params: types.DocumentDiagnosticParams):
    document = ls.documents.resolution(params.text_document.uri)
    if document is None:
        return types.RelatedFullDocumentDiagnosticReport(items=[])
    result = await ls.scheduler.analysis(document)
    items = await ls.diagnostics(document, result)
    others = items[len(result.diagnostics):]  # from the language versions, which change with other files
    result_id = "{}.{}".format(*document.analysis_key) + (f".{hash(repr(others)) & 0xFFFFFFFF:x}" if others else "")
    if params.previous_result_id == result_id:
        return types.RelatedUnchangedDocumentDiagnosticReport(result_id=result_id)
    return types.RelatedFullDocumentDiagnosticReport(items=items, result_id=result_id)


def on_document(method: str, options=None):
    """Register a request about one open document: the handler receives the analysis of its
    current text. A document that is not open, or not a resolution, gets a null answer."""

    def register(handler):
        @server.feature(method, options)
        async def answer(ls: ResolintServer, params):
            document = ls.documents.resolution(params.text_document.uri)
            if document is None:
                return None
            return handler(ls, await ls.scheduler.analysis(document), params)

        return handler

    return register


@on_document(types.TEXT_DOCUMENT_CODE_ACTION, types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix, actions.FIX_ALL]))
def code_action(ls: ResolintServer, result: Analysis, params: types.CodeActionParams):
    only = [str(getattr(kind, "value", kind)) for kind in params.context.only] if params.context.only else None
    document_changes = get_capability(ls.client_capabilities, "workspace.workspace_edit.document_changes", False)
    span = result.positions.span(params.range)
    found = actions.code_actions(result, span, only, document_changes)
    if actions.wanted(only, actions.QUICK_FIX):
        operations = get_capability(ls.client_capabilities, "workspace.workspace_edit.resource_operations", None) or []
        editor = phrases.Editor(
            root=ls.root, document_changes=document_changes,
            create_files=types.ResourceOperationKind.Create in operations,
            disabled_actions=bool(get_capability(ls.client_capabilities, "text_document.code_action.disabled_support", False)),
        )
        found += phrases.phrase_actions(result, span, editor)
    return found


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


def serve(stdin=None, stdout=None, early: EarlyAnswer | None = None) -> None:
    """Serve one client over standard input and output until it says `exit`; `early` is
    the `initialize` request early.py already answered, whose second answer is dropped."""
    debug = os.environ.get("RESOLINT_LOG", "").lower() == "debug"
    handler = logging.StreamHandler(sys.stderr)
    fmt = "resolint server: %(levelname)s %(name)s: %(message)s"
    handler.setFormatter(logging.Formatter(fmt) if debug else _Brief(fmt))
    logging.basicConfig(level=logging.DEBUG if debug else logging.WARNING, handlers=[handler])
    server.protocol.early = early
    server.start_io(stdin, stdout)
