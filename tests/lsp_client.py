"""A pytest-lsp client for the resolint server that keeps every notification it receives,
so tests wait for the one they expect (by URI and version) instead of sleeping."""
from __future__ import annotations

import asyncio
import sys
from collections.abc import Callable
from pathlib import Path

import pytest_lsp
from lsprotocol import types
from pygls.protocol import default_converter
from pytest_lsp import ClientServerConfig, LanguageClient
from pytest_lsp.client import DEFAULT_CLIENT_FEATURES, register_lsp_features

SERVER = [sys.executable, "-m", "resolint", "server", "--stdio"]
WAIT = 60  # seconds: a safety net for a broken server, never a delay a passing test waits out


class Client(LanguageClient):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.published: list[types.PublishDiagnosticsParams] = []
        self.registrations: list[types.Registration] = []
        self.shown: list[types.ShowMessageParams] = []
        self._arrived = asyncio.Event()

    def note(self) -> None:
        self._arrived.set()

    async def until(self, condition: Callable[[], object], what: str):
        """Wait until `condition()` is true (re-checked as each notification arrives)."""

        async def wait():
            while True:
                self._arrived.clear()
                if result := condition():
                    return result
                await self._arrived.wait()

        try:
            return await asyncio.wait_for(wait(), WAIT)
        except asyncio.TimeoutError:
            raise AssertionError(f"timed out waiting for {what}") from None

    async def diagnostics_for(self, uri: str, version: int | None = None) -> list[types.Diagnostic]:
        """The diagnostics published for `uri` (at `version`, when given)."""
        found = await self.until(
            lambda: next((p for p in reversed(self.published) if p.uri == uri and (version is None or p.version == version)), None),
            f"diagnostics for {uri} version {version}",
        )
        return list(found.diagnostics)

    def open(self, uri: str, text: str, language_id: str = "markdown", version: int = 1) -> None:
        self.text_document_did_open(types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(uri=uri, language_id=language_id, version=version, text=text)))

    def replace(self, uri: str, version: int, start: tuple[int, int], end: tuple[int, int], text: str) -> None:
        change = types.TextDocumentContentChangePartial(
            range=types.Range(start=types.Position(*start), end=types.Position(*end)), text=text)
        self.text_document_did_change(types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version), content_changes=[change]))


def make_client() -> Client:
    client = Client(converter_factory=default_converter)

    def publish(client: Client, params: types.PublishDiagnosticsParams) -> None:
        client.diagnostics[params.uri] = params.diagnostics
        client.published.append(params)
        client.note()

    def register(client: Client, params: types.RegistrationParams) -> None:
        client.registrations.extend(params.registrations)
        client.note()

    def show(client: Client, params: types.ShowMessageParams) -> None:
        client.shown.append(params)
        client.note()

    register_lsp_features(client, {
        **DEFAULT_CLIENT_FEATURES,
        types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS: publish,
        types.CLIENT_REGISTER_CAPABILITY: register,
        types.WINDOW_SHOW_MESSAGE: show,
    })
    return client


CONFIG = ClientServerConfig(server_command=SERVER, client_factory=make_client)


def capabilities(*, pull: bool = False, configuration: bool = True, encodings: list[str] | None = None) -> types.ClientCapabilities:
    """A client like VS Code's (pytest-lsp's snapshot), optionally pulling diagnostics."""
    caps = pytest_lsp.client_capabilities("visual-studio-code")
    if pull:
        caps.text_document.diagnostic = types.DiagnosticClientCapabilities(dynamic_registration=False)
        caps.workspace.diagnostics = types.DiagnosticWorkspaceClientCapabilities(refresh_support=True)
    caps.workspace.configuration = configuration
    if encodings:
        caps.general = types.GeneralClientCapabilities(position_encodings=encodings)
    return caps


async def start(client: Client, root: Path, *, debounce: int = 0, **options) -> types.InitializeResult:
    """Initialize with the settings a test wants (debounce 0: lint at once)."""
    client.set_configuration({"debounce": debounce}, section="resolint")
    return await client.initialize_session(types.InitializeParams(
        capabilities=capabilities(**options), root_uri=root.as_uri(),
        workspace_folders=[types.WorkspaceFolder(uri=root.as_uri(), name=root.name)],
    ))


def position(text: str, offset: int) -> types.Position:
    """UTF-16 position of a code-point offset, computed independently of the server."""
    line = text.count("\n", 0, offset)
    start = text.rfind("\n", 0, offset) + 1
    return types.Position(line=line, character=len(text[start:offset].encode("utf-16-le")) // 2)
