"""The `resolint` command (and `python -m resolint`): the commands that must start fast run
without importing typer, everything else goes to the typer app (resolint.cli) unchanged.

Python, lark and typer (with its own copy of click) already take more than the whole budget
of a cold `check` (1.3x `import lark`, issue 19), so a `check` whose command line is read
here in full runs resolint.checking directly. Whatever
this reader does not fully understand — `--help`, an unknown flag, a missing or malformed
value, any other command — is left to typer, whose messages and exit codes stay the only
ones; tests/test_console.py checks that both ways print the same bytes.
"""
from __future__ import annotations

import errno
import os
import sys
from pathlib import Path


def main() -> None:
    """The console entry point: the fast path when it understands the command line, else typer."""
    args = sys.argv[1:]
    fast = FAST.get(args[0]) if args else None
    status = fast(args[1:]) if fast is not None else None
    if status is not None:
        sys.exit(status)
    from .cli import run

    run()


def _check(args: list[str]) -> int | None:
    """`check ARGS` run without typer; None when ARGS are left to typer."""
    from .checking import check

    values = read_check(args)
    if values is None:
        return None
    paths = values.pop("paths")
    return _as_typer_ends(lambda: check(paths, **values))


def read_check(args: list[str]) -> dict | None:
    """The values typer would give `check ARGS` (the paths, and every option of
    checking.OPTIONS by name), or None when ARGS hold anything beyond the plain forms:
    `--flag`, `--option VALUE`, `--option=VALUE`, `-o VALUE`, `-j VALUE`, paths, `-`, and
    `--` (after which every argument is a path). A value that starts with '-' or that typer
    would refuse is left to typer."""
    from .checking import FLAG, OPTIONS, REPEATED

    by_flag = {flag: option for option in OPTIONS for flag in option.flags}
    values = {option.name: option.default for option in OPTIONS}
    paths: list[str] = []
    tokens = iter(args)
    for token in tokens:
        if token == "--":
            paths.extend(tokens)
            break
        if token == "-" or not token.startswith("-"):
            paths.append(token)
            continue
        flag, equals, attached = token.partition("=") if token.startswith("--") else (token, "", "")
        option = by_flag.get(flag)
        if option is None or (equals and option.kind == FLAG):
            return None
        if option.kind == FLAG:
            values[option.name] = True
            continue
        value = attached if equals else next(tokens, None)
        if value is None or (not equals and value.startswith("-")) or (converted := _converted(option, value)) is None:
            return None
        values[option.name] = [*(values[option.name] or ()), converted] if option.kind == REPEATED else converted
    for option in OPTIONS:
        if option.envvar and os.environ.get(option.envvar) and values[option.name] == option.default:
            values[option.name] = _converted(option, os.environ[option.envvar])
    return values | {"paths": paths}


def _converted(option, value: str):
    """`value` as typer converts it for `option`; None when typer would refuse it."""
    from .checking import NUMBER, PATH

    if option.kind == NUMBER:
        try:
            return int(value)
        except ValueError:
            return None
    return Path(value) if option.kind == PATH else value


class _QuietFlush:
    """A standard stream whose reader went away (`resolint check | head`): flushing it any
    more is silent, as typer makes it, so the exit prints no traceback."""

    def __init__(self, stream) -> None:
        self.stream = stream

    def flush(self) -> None:
        try:
            self.stream.flush()
        except OSError as error:
            if error.errno != errno.EPIPE:
                raise

    def __getattr__(self, name: str):
        return getattr(self.stream, name)


def _as_typer_ends(run) -> int:
    """`run()`'s exit status, with the ends typer gives a command: 130 on Ctrl-C, 1 on a
    broken pipe (its streams then quiet)."""
    try:
        return run()
    except KeyboardInterrupt:
        return 130
    except OSError as error:
        if error.errno != errno.EPIPE:
            raise
        sys.stdout, sys.stderr = _QuietFlush(sys.stdout), _QuietFlush(sys.stderr)
        return 1


def _server(args: list[str]) -> int | None:
    """`server [--stdio]` without typer: lsp/start.py answers `initialize` before pygls is
    imported. Anything else on its command line (`--help` ...) is left to typer."""
    if args not in ([], ["--stdio"]):
        return None
    from .lsp.start import serve

    serve()
    return 0


# The commands run here without typer, by name.
FAST = {"check": _check, "server": _server}
