"""Bad input at the protocol level, written as raw bytes (a typed client cannot send it):
the server answers with the error JSON-RPC and LSP prescribe and keeps serving."""
from __future__ import annotations

import json
import queue
import subprocess
import threading

from .conftest import ROOT
from .lsp_client import SERVER

WAIT = 60


class RawServer:
    """`resolint server` over pipes, spoken to in framed JSON-RPC by hand."""

    def __init__(self, command: list[str] = SERVER) -> None:
        self.process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT)
        self.messages: queue.Queue = queue.Queue()
        self.seen: list[dict] = []  # every message received, in order
        threading.Thread(target=self._read, daemon=True).start()

    def send_bytes(self, body: bytes) -> None:
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()

    def send(self, message: dict) -> None:
        self.send_bytes(json.dumps({"jsonrpc": "2.0", **message}).encode("utf-8"))

    def response(self, identifier) -> dict:
        """The next response with this id (notifications in between are skipped)."""
        while True:
            try:
                message = self.messages.get(timeout=WAIT)
            except queue.Empty:
                raise AssertionError(f"no response {identifier}; server stderr: {self._stderr()}") from None
            if message is None:
                raise AssertionError(f"the server closed its output; stderr: {self._stderr()}")
            if "method" not in message and message.get("id") == identifier:
                return message

    def _stderr(self) -> str:
        if self.process.poll() is None:
            return "(still running)"
        return self.process.stderr.read().decode("utf-8", "replace")[-2000:]

    def _read(self) -> None:
        stream = self.process.stdout
        while True:
            length = None
            while (line := stream.readline()) not in (b"\r\n", b""):
                if line.lower().startswith(b"content-length:"):
                    length = int(line.split(b":")[1])
            if not line or length is None:
                self.messages.put(None)
                return
            message = json.loads(stream.read(length))
            self.seen.append(message)
            self.messages.put(message)


def test_protocol_errors_are_answered_and_the_server_keeps_serving(tmp_path):
    server = RawServer()
    uri = (tmp_path / "draft.md").as_uri()
    hover = {"textDocument": {"uri": uri}, "position": {"line": 2, "character": 2}}
    try:
        server.send({"id": 1, "method": "textDocument/hover", "params": hover})
        assert server.response(1)["error"]["code"] == -32002  # ServerNotInitialized

        server.send({"id": 2, "method": "initialize", "params": {"capabilities": {}, "processId": None, "rootUri": None}})
        assert "capabilities" in server.response(2)["result"]
        server.send({"method": "initialized", "params": {}})

        server.send_bytes(b"{not json")
        assert server.response(None)["error"]["code"] == -32700  # ParseError
        server.send_bytes(b"[1, 2]")
        assert server.response(None)["error"]["code"] == -32600  # InvalidRequest
        server.send({"id": 3, "method": "textDocument/hover", "params": {"textDocument": 3, "position": "top"}})
        invalid = server.response(3)["error"]
        assert invalid["code"] == -32602 and invalid["message"].startswith("textDocument/hover: invalid params")
        server.send({"id": 4, "method": "resolint/noSuchMethod", "params": {}})
        assert server.response(4)["error"]["code"] == -32601  # MethodNotFound
        server.send({"method": "resolint/noSuchNotification", "params": {}})
        server.send({"method": "textDocument/didChange", "params": {"textDocument": {"uri": 5}}})

        text = "*The General Assembly*,\n\n*Recalling* its resolution;\n\n1. *Decides* to act.\n"
        server.send({"method": "textDocument/didOpen", "params": {
            "textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": text}}})
        server.send({"id": 5, "method": "textDocument/hover", "params": hover})
        assert "preambular paragraph" in server.response(5)["result"]["contents"]["value"]

        server.send({"id": 6, "method": "shutdown"})
        assert server.response(6)["result"] is None
        server.send({"id": 7, "method": "textDocument/hover", "params": hover})
        assert server.response(7)["error"]["code"] == -32600  # InvalidRequest after shutdown
        server.send({"method": "exit"})
        assert server.process.wait(timeout=WAIT) == 0
        assert b"Traceback" not in server.process.stderr.read()
    finally:
        if server.process.poll() is None:
            server.process.kill()
