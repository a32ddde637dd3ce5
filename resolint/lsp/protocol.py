"""pygls 2's protocol with the answers JSON-RPC and LSP require where pygls stays silent,
and without pygls' own copy of the open documents.

pygls 2.1 drops a request whose parameters do not match the method's type (it logs the error
and never answers, so the client waits forever), ignores requests after `shutdown` without
an answer, answers requests before `initialize` with an internal error, and sends nothing
for a body that is not JSON. Here: InvalidParams, InvalidRequest, ServerNotInitialized and
ParseError responses, as the specifications say.

The server keeps the open documents itself (`resolint.lsp.documents`): pygls' text documents
split lines with `str.splitlines`, which also breaks at form feeds and U+2028 where LSP does
not, and re-split the whole text at every change. So the `didOpen`/`didChange`/`didClose`
built-ins here only hand the notification to the server's handler.
"""
from __future__ import annotations

import json
import logging
from functools import partial
from typing import Any

import attrs
from lsprotocol import types
from pygls.exceptions import JsonRpcException
from pygls.protocol import LanguageServerProtocol
from pygls.protocol.language_server import lsp_method

from .early import EarlyAnswer

log = logging.getLogger(__name__)


@attrs.define
class BadMessage:
    """A request that could not be read into its method's parameter type."""

    id: Any
    method: str
    jsonrpc: str
    reason: str


class ResolintProtocol(LanguageServerProtocol):
    early: EarlyAnswer | None = None  # the `initialize` early.py answered before pygls ran

    def structure_message(self, data: dict[str, Any]):
        try:
            return super().structure_message(data)
        except JsonRpcException as error:
            if "id" in data and "method" in data:
                cause = error.__cause__ or error
                return BadMessage(data["id"], str(data["method"]), str(data.get("jsonrpc")), _one_line(cause))
            raise

    def handle_message(self, message) -> None:
        if isinstance(message, BadMessage):
            log.warning("invalid params for %s: %s", message.method, message.reason)
            self._error(message.id, types.ErrorCodes.InvalidParams, f"{message.method}: invalid params: {message.reason}")
            return
        if not hasattr(message, "jsonrpc"):  # not a JSON-RPC object: an array, a number ...
            identifier = message.get("id") if isinstance(message, dict) else None
            self._error(identifier, types.ErrorCodes.InvalidRequest, "not a JSON-RPC 2.0 message")
            return
        method = getattr(message, "method", None)
        is_request = method is not None and hasattr(message, "id")
        if is_request and self._workspace is None and method != types.INITIALIZE:
            self._error(message.id, types.ErrorCodes.ServerNotInitialized, f"{method}: the server is not initialized yet")
            return
        if is_request and self._shutdown:
            self._error(message.id, types.ErrorCodes.InvalidRequest, f"{method}: the server is shutting down")
            return
        super().handle_message(message)

    def parse_error(self, error: json.JSONDecodeError) -> None:
        """A message body that is not JSON: JSON-RPC answers with a null id."""
        self._error(None, types.ErrorCodes.ParseError, f"parse error: {error}")

    def _send_data(self, data) -> None:
        """Everything pygls sends, less its own answer to an `initialize` already answered."""
        if self.early is not None and _answers(data, self.early.id):
            early, self.early = self.early, None
            _compare(early, json.loads(json.dumps(data, default=self._serialize_message)))
            return
        super()._send_data(data)

    def _error(self, identifier: Any, code: types.ErrorCodes, message: str) -> None:
        if isinstance(identifier, (int, str)) and not isinstance(identifier, bool):
            self._send_response(identifier, error=types.ResponseError(code=code, message=message))
        else:  # lsprotocol's converter would leave out a null id, which JSON-RPC requires
            self._send_data({"jsonrpc": "2.0", "id": None, "error": {"code": int(code), "message": message}})

    # The server keeps the documents: these built-ins only pass the notification on. They are
    # plain functions, not generators as pygls' own are: pygls keeps the Future of every
    # message a generator handles until the message is answered, and a notification never is.

    @lsp_method(types.TEXT_DOCUMENT_DID_OPEN)
    def lsp_text_document__did_open(self, params: types.DidOpenTextDocumentParams):
        return self._to_handler(types.TEXT_DOCUMENT_DID_OPEN, params)

    @lsp_method(types.TEXT_DOCUMENT_DID_CHANGE)
    def lsp_text_document__did_change(self, params: types.DidChangeTextDocumentParams):
        return self._to_handler(types.TEXT_DOCUMENT_DID_CHANGE, params)

    @lsp_method(types.TEXT_DOCUMENT_DID_CLOSE)
    def lsp_text_document__did_close(self, params: types.DidCloseTextDocumentParams):
        return self._to_handler(types.TEXT_DOCUMENT_DID_CLOSE, params)

    def _to_handler(self, method: str, params):
        if (handler := self.fm.features.get(method)) is not None:
            return handler(params)
        return None

    def _execute_handler(self, msg_id, handler, callback, args=None, kwargs=None):
        """pygls' own, less the Futures it would keep for ever: those of notifications handled
        by its generator built-ins (initialized, didChangeConfiguration ...) and of each step
        of a generator. A request's Future is dropped when it is answered, as before."""
        super()._execute_handler(msg_id, handler, callback, args, kwargs)
        future = self._request_futures.get(msg_id)
        if future is not None:
            future.add_done_callback(partial(self._forget, msg_id))

    def _forget(self, msg_id, future) -> None:
        # A cancelled one was removed by whoever cancelled it (and `shutdown` cancels while
        # it walks the table, which must not change under it).
        if not future.cancelled() and self._request_futures.get(msg_id) is future:
            del self._request_futures[msg_id]


def _answers(data, identifier) -> bool:
    """Whether `data` is a response (not a request of the server's) to request `identifier`."""
    return getattr(data, "id", None) == identifier and not hasattr(data, "method")


def _compare(early: EarlyAnswer, response: dict) -> None:
    if "error" in response:
        log.error("initialize was answered before pygls read it, and pygls then refused it: %s",
                  response["error"].get("message"))
    elif response.get("result") != early.result:
        log.error("initialize was answered before pygls read it, differently from pygls' answer "
                  "(capabilities.json is out of date): early %s, pygls %s",
                  json.dumps(early.result, sort_keys=True), json.dumps(response.get("result"), sort_keys=True))


def _one_line(error: BaseException) -> str:
    text = " ".join(str(error).split())
    return text[:300] if text else type(error).__name__
