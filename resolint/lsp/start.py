"""`resolint server`: answer `initialize` first (early.py), then load pygls and serve."""
from __future__ import annotations

import sys

from .early import answer_first


def serve() -> None:
    stdin, answered = answer_first(sys.stdin.buffer, sys.stdout.buffer)
    from .server import serve as serve_fully  # pygls loads here, after the answer

    serve_fully(stdin, sys.stdout.buffer, answered)
