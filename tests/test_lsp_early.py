"""The `initialize` answer sent before pygls is imported (resolint/lsp/early.py) is the one
pygls gives, the server then works as if pygls had answered, and whatever early.py does not
answer is left to pygls.

`python -m tests.test_lsp_early --update` rewrites resolint/lsp/capabilities.json from what
pygls answers (after a feature or its options change)."""
from __future__ import annotations

import io
import json
import sys

import pytest

from resolint.lsp import early

from .conftest import ROOT
from .test_lsp_protocol_errors import RawServer

FULL_SERVER = [sys.executable, "-c", "from resolint.lsp.server import serve; serve()"]  # pygls answers everything

CLIENTS = {
    "bare": {},
    "utf-8 first": {"general": {"positionEncodings": ["utf-8", "utf-16"]}},
    "utf-32 only": {"general": {"positionEncodings": ["utf-32"]}},
    "unknown encodings": {"general": {"positionEncodings": ["x-ebcdic"]}},
    "no encodings": {"general": {}},
    "rich": {  # what the client-dependent parts of pygls' capability builder read
        "general": {"positionEncodings": ["utf-16"]},
        "textDocument": {"synchronization": {"willSave": True, "willSaveWaitUntil": False, "didSave": True},
                         "rename": {"prepareSupport": True}, "diagnostic": {"dynamicRegistration": True},
                         "hover": {"contentFormat": ["markdown", "plaintext"]}},
        "workspace": {"configuration": True, "workspaceFolders": True,
                      "fileOperations": {"didCreate": True, "willRename": True, "didDelete": True},
                      "didChangeWatchedFiles": {"dynamicRegistration": True}},
        "window": {"workDoneProgress": True},
    },
}


def initialize(capabilities: dict, identifier=1) -> dict:
    return {"jsonrpc": "2.0", "id": identifier, "method": "initialize",
            "params": {"processId": None, "rootUri": ROOT.as_uri(), "capabilities": capabilities}}


def pygls_answer(capabilities: dict) -> dict:
    server = RawServer(FULL_SERVER)
    try:
        server.send(initialize(capabilities))
        return server.response(1)
    finally:
        server.process.kill()
        server.process.wait()


@pytest.mark.parametrize("client", CLIENTS)
def test_the_early_answer_is_pygls_answer(client):
    capabilities = CLIENTS[client]
    assert early.answer(initialize(capabilities)).result == pygls_answer(capabilities)["result"]


def test_the_server_answers_initialize_once_and_then_serves_the_document(tmp_path):
    draft = tmp_path / "draft.md"
    draft.write_text("The General Assembly,\n\n1. Decides to remain seized of the matter\n", encoding="utf-8")
    server = RawServer()
    try:
        server.send(initialize({"general": {"positionEncodings": ["utf-8"]}}))
        assert server.response(1)["result"]["capabilities"]["positionEncoding"] == "utf-8"
        server.send({"method": "initialized", "params": {}})
        server.send({"method": "textDocument/didOpen", "params": {"textDocument": {
            "uri": draft.as_uri(), "languageId": "markdown", "version": 1, "text": draft.read_text(encoding="utf-8")}}})
        server.send({"id": 2, "method": "textDocument/documentSymbol", "params": {"textDocument": {"uri": draft.as_uri()}}})
        assert server.response(2)["result"], "pygls set up its workspace from the put-back initialize"
        server.send({"id": 3, "method": "shutdown"})
        assert server.response(3)["result"] is None
        server.send({"method": "exit"})
        server.process.wait(timeout=30)
    finally:
        server.process.kill()
    responses = [message for message in server.seen if message.get("id") == 1 and "method" not in message]
    assert len(responses) == 1
    stderr = server.process.stderr.read().decode("utf-8", "replace")
    assert "initialize was answered" not in stderr, stderr


@pytest.mark.parametrize("first", [
    pytest.param({"jsonrpc": "2.0", "id": 1, "method": "textDocument/hover", "params": {}}, id="another request first"),
    pytest.param(initialize({"general": {"positionEncodings": "utf-8"}}), id="parameters of another shape"),
    pytest.param(initialize({"textDocument": {"synchronization": {"willSave": "yes"}}}), id="a string for a boolean"),
    pytest.param({**initialize({}), "id": True}, id="a boolean id"),
])
def test_what_early_does_not_answer_pygls_answers_once(first):
    """pygls answers each of these as it did before early.py (with a result or an error),
    exactly once, and a later `initialize` still gets its answer."""
    assert early.answer(first) is None
    server = RawServer()
    try:
        server.send({key: value for key, value in first.items() if key != "jsonrpc"})
        server.send(initialize({}, identifier=7))
        assert server.response(7)
    finally:
        server.process.kill()
        server.process.wait()
    assert [message["id"] for message in server.seen if "method" not in message] == [first["id"], 7]


def test_a_body_that_is_not_json_first_gets_the_parse_error():
    server = RawServer()
    try:
        server.send_bytes(b"{not json")
        assert server.response(None)["error"]["code"] == -32700
        server.send(initialize({}, identifier=2))
        assert "capabilities" in server.response(2)["result"]
    finally:
        server.process.kill()
        server.process.wait()


def test_end_of_input_before_a_message_ends_the_server_quietly():
    server = RawServer()
    server.process.stdin.write(b"Content-Length: 40\r\n\r\n{\"jsonrpc\"")
    server.process.stdin.close()
    assert server.process.wait(timeout=30) is not None
    stderr = server.process.stderr.read().decode("utf-8", "replace")
    assert "Traceback" not in stderr, stderr


def test_the_put_back_bytes_come_first_then_the_stream():
    stream = early.PutBack(b"Content-Length: 2\r\n\r\n{}", io.BytesIO(b"tail line\nrest"))
    assert stream.readline() == b"Content-Length: 2\r\n"
    assert stream.readline() == b"\r\n"
    assert stream.readline() == b"{}tail line\n"  # a line that goes on past the bytes put back
    assert stream.read(2) == b"re"
    assert stream.read(-1) == b"st"
    stream = early.PutBack(b"abc", io.BytesIO(b"def"))
    assert stream.read(5) == b"abcde"


def test_read_message_keeps_every_byte_it_read():
    framed = early.frame({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": {}}})
    consumed, message = early.read_message(io.BytesIO(framed + b"next"))
    assert consumed == framed and message["method"] == "initialize"
    for broken in (b"Content-Length: x\r\n\r\n{}", b"Content-Length: 9\r\n\r\n{}", b"Content-Length: 2\r\n\r\n{]", b"Content-Len"):
        consumed, message = early.read_message(io.BytesIO(broken))
        assert message is None and broken.startswith(consumed) and consumed


def test_a_differing_pygls_answer_is_logged(caplog):
    from resolint.lsp import protocol

    answered = early.EarlyAnswer(1, {"capabilities": {"hoverProvider": True}})
    protocol._compare(answered, {"id": 1, "result": {"capabilities": {"hoverProvider": False}}})
    protocol._compare(answered, {"id": 1, "error": {"code": -32602, "message": "initialize: invalid params"}})
    protocol._compare(answered, {"id": 1, "result": {"capabilities": {"hoverProvider": True}}})
    assert [record.getMessage().split(",")[0].split(":")[0] for record in caplog.records] == [
        "initialize was answered before pygls read it", "initialize was answered before pygls read it"]


def update() -> None:
    capabilities = pygls_answer({})["result"]["capabilities"]
    del capabilities["positionEncoding"]  # the one part that depends on the client (early.position_encoding)
    early.CAPABILITIES.write_text(json.dumps(capabilities, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {early.CAPABILITIES}")


if __name__ == "__main__":
    if sys.argv[1:] != ["--update"]:
        sys.exit("usage: python -m tests.test_lsp_early --update")
    update()


def test_the_server_command_starts_without_typer_and_exits_cleanly():
    """`resolint server` is read by console.py, which leaves typer (and click) unimported."""
    server = RawServer([sys.executable, "-X", "importtime", "-m", "resolint", "server", "--stdio"])
    try:
        server.send(initialize({}))
        assert "capabilities" in server.response(1)["result"]
        server.send({"id": 2, "method": "shutdown"})
        server.response(2)
        server.send({"method": "exit"})
        assert server.process.wait(timeout=30) == 0
    finally:
        server.process.kill()
    imported = [line.rsplit("|", 1)[-1].strip() for line in server.process.stderr.read().decode().splitlines() if "import time:" in line]
    assert "resolint.lsp.server" in imported and not {"typer", "click"} & set(imported)
