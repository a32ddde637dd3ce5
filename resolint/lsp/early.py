"""The answer to `initialize`, sent before pygls is imported.

Importing pygls takes about 300 ms on a small machine (its `lsprotocol.types` alone is most
of it), and an editor waits for the `initialize` answer before it sends anything else. The
answer depends on the client only through the position encoding and the two save notices
pygls echoes (`save_notices`); the rest is the server's capabilities, kept in capabilities.json (tests/test_lsp_early.py checks that it is what pygls
itself answers, and rewrites it with `python -m tests.test_lsp_early --update`).

So the first message is read here with the standard library alone. When it is an
`initialize` request of the expected shape, it is answered at once; then pygls is imported
and reads the same message again, put back in front of standard input, so that it sets up
its workspace and calls the server's own `initialize` handler as usual. Its answer is
dropped (`ResolintProtocol` compares it with the early one and logs any difference).
Anything else — another method first, a malformed header or body, parameters of an unusual
shape where the answer depends on them — is left for pygls to answer as before. What is not
checked here is the type of every other client capability: a client whose capabilities pygls
refuses (InvalidParams) has had a success answer already; the refusal is logged, and the
requests that follow are answered ServerNotInitialized, as they would have been.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from .. import __version__

ENCODINGS = ("utf-8", "utf-16", "utf-32")  # those pygls accepts from a client, as it names them
DEFAULT_ENCODING = "utf-16"
CAPABILITIES = Path(__file__).with_name("capabilities.json")


@dataclass(frozen=True)
class EarlyAnswer:
    """The `initialize` request answered before pygls ran, and the result it was sent."""

    id: int | str
    result: dict[str, Any]


class PutBack:
    """Standard input with bytes already read in front of it, for pygls' reader (which
    calls `readline` and `read(n)` one at a time)."""

    def __init__(self, head: bytes, rest: BinaryIO) -> None:
        self.head = head
        self.rest = rest

    def readline(self) -> bytes:
        if not self.head:
            return self.rest.readline()
        line, newline, self.head = self.head.partition(b"\n")
        line += newline
        return line if newline else line + self.rest.readline()

    def read(self, size: int = -1) -> bytes:
        if not self.head:
            return self.rest.read(size)
        if size < 0:
            data, self.head = self.head, b""
            return data + self.rest.read()
        data, self.head = self.head[:size], self.head[size:]
        return data if len(data) == size else data + self.rest.read(size - len(data))


def read_message(stream: BinaryIO) -> tuple[bytes, Any]:
    """(the bytes read, the message) for one framed JSON-RPC message; the message is None when
    the header or the body cannot be read, and then the bytes are all that was read."""
    consumed = bytearray()
    length = None
    while True:
        line = stream.readline()
        consumed += line
        if not line.endswith(b"\n"):  # end of input within the header
            return bytes(consumed), None
        if not line.strip():
            break
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            try:
                length = int(value.strip())
            except ValueError:
                return bytes(consumed), None
    if length is None or length < 0:
        return bytes(consumed), None
    body = stream.read(length)
    consumed += body
    if len(body) != length:
        return bytes(consumed), None
    try:
        return bytes(consumed), json.loads(body)
    except (UnicodeDecodeError, ValueError):
        return bytes(consumed), None


def answer(message: Any) -> EarlyAnswer | None:
    """The early answer to `message`, or None when pygls must be the one to answer it."""
    if not (isinstance(message, dict) and message.get("jsonrpc") == "2.0" and message.get("method") == "initialize"):
        return None
    identifier = message.get("id")
    if isinstance(identifier, bool) or not isinstance(identifier, (int, str)):
        return None
    params = message.get("params")
    if not (isinstance(params, dict) and isinstance(params.get("capabilities"), dict)):
        return None
    process = params.get("processId")
    if process is not None and (isinstance(process, bool) or not isinstance(process, int)):
        return None
    encoding = position_encoding(params["capabilities"])
    sync = save_notices(params["capabilities"])
    if encoding is None or sync is None:
        return None
    capabilities = {**server_capabilities(), "positionEncoding": encoding}
    capabilities["textDocumentSync"] = {**capabilities["textDocumentSync"], **sync}
    return EarlyAnswer(identifier, {"capabilities": capabilities, "serverInfo": {"name": "resolint", "version": __version__}})


def position_encoding(capabilities: dict) -> str | None:
    """The encoding pygls chooses: the client's first that it knows, else UTF-16; None for a
    `general.positionEncodings` of another shape than a list of strings."""
    general = capabilities.get("general")
    if general is None:
        return DEFAULT_ENCODING
    if not isinstance(general, dict):
        return None
    offered = general.get("positionEncodings")
    if offered is None:
        return DEFAULT_ENCODING
    if not (isinstance(offered, list) and all(isinstance(item, str) for item in offered)):
        return None
    return next((item for item in offered if item in ENCODINGS), DEFAULT_ENCODING)


def save_notices(capabilities: dict) -> dict[str, bool] | None:
    """pygls answers `willSave` and `willSaveWaitUntil` with false (the server handles
    neither) for a client that names them, and leaves them out otherwise; None for another
    shape than booleans in objects."""
    document = capabilities.get("textDocument") or {}
    sync = (document.get("synchronization") or {}) if isinstance(document, dict) else None
    if not isinstance(sync, dict):
        return None
    named = {name: sync[name] for name in ("willSave", "willSaveWaitUntil") if sync.get(name) is not None}
    if not all(isinstance(value, bool) for value in named.values()):
        return None
    return dict.fromkeys(named, False)


def server_capabilities() -> dict[str, Any]:
    return json.loads(CAPABILITIES.read_text(encoding="utf-8"))


def frame(message: dict) -> bytes:
    """A message as pygls frames it (ASCII JSON, so characters and bytes count the same)."""
    body = json.dumps(message)
    return (f"Content-Length: {len(body)}\r\n"
            f"Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n{body}").encode("utf-8")


def answer_first(stdin: BinaryIO, stdout: BinaryIO) -> tuple[PutBack, EarlyAnswer | None]:
    """Read the first message and answer it if it is a plain `initialize`: standard input
    with that message put back in front, for pygls, and what was answered."""
    consumed, message = read_message(stdin)
    early = answer(message)
    if early is not None:
        stdout.write(frame({"jsonrpc": "2.0", "id": early.id, "result": early.result}))
        stdout.flush()
    return PutBack(consumed, stdin), early
