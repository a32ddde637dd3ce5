"""`resolint check`: its options, declared once, and its work, without typer.

The console entry (console.py) runs a check straight from the command line, so that linting
a file does not pay for importing typer (issue 19); cli.py builds the typer command from the
same OPTIONS, for `--help` and for whatever the console entry leaves to typer. Everything is
written as typer.echo wrote it, so the two ways give the same bytes and exit status.
"""
from __future__ import annotations

import codecs
import os
import sys
from pathlib import Path

from .document.diagnostics import Severity
from .linter import options
from .linter.cache import DEFAULT_FOLDER, LintCache
from .linter.config import ConfigError, ConfigResolver
from .linter.render import RENDERERS
from .linter.render.printable import printable
from .linter.runner import (
    CheckOptions,
    check_files,
    diff_of,
    errors,
    notes,
    report_rows,
    summary,
    write_fixes,
    write_reviews,
)
from .linter.source import write_output
from .linter.workspace import STDIN, Discovery, WorkspaceError
from .linter.workspace import changed_since as files_changed_since

USAGE_ERROR = 2

# What an option takes: nothing (a flag), one string, number or path, or a string each time it is given.
FLAG, TEXT, NUMBER, PATH, REPEATED = "flag", "text", "number", "path", "repeated"


class Option:
    """One option of `check`: the parameter it fills, its flags as typer declares them (the
    long one first), what it takes, its default, its help and the environment variable read
    when it is not given. A plain class: a dataclass costs a millisecond to create."""

    __slots__ = ("name", "flags", "kind", "default", "help", "envvar")

    def __init__(self, name: str, flags: tuple[str, ...], kind: str, help: str, *, default=None, envvar=None):
        self.name, self.flags, self.kind, self.help = name, flags, kind, help
        self.default = False if kind == FLAG else default
        self.envvar = envvar


PATHS_HELP = "Files or folders to lint; '-' reads standard input."
OPTIONS = (
    Option("output_format", ("--format",), TEXT, "Output format: text, json, sarif, github or junit.", default="text"),
    Option("select", ("--select",), REPEATED, "Rules to enable: codes, names or prefixes (comma-separated)."),
    Option("ignore", ("--ignore",), REPEATED, "Rules to disable: codes, names or prefixes (comma-separated)."),
    Option("lang", ("--lang",), TEXT, "Language of the text (en, es, fr, or auto: detect it); the configuration's when not given."),
    Option("fix", ("--fix",), FLAG, "Apply the safe fixes to the files, then report what is left."),
    Option("unsafe_fixes", ("--unsafe-fixes",), FLAG, "With --fix or --diff, apply the unsafe fixes too."),
    Option("diff", ("--diff",), FLAG, "Print the fixes as a unified diff instead of writing them; exit 1 when there is one."),
    Option("exit_zero", ("--exit-zero",), FLAG, "Exit with 0 even when problems are found."),
    Option("show_hints", ("--show-hints",), FLAG, "Report the hints too (findings of 'hint' severity, which editors show faintly)."),
    Option("output_file", ("--output-file", "-o"), PATH, "Write the report to this file instead of standard output."),
    Option("jobs", ("--jobs", "-j"), NUMBER, "Files linted in parallel (default: the number of CPUs)."),
    Option("changed_since", ("--changed-since",), TEXT,
           "Only files changed since this git revision (from its merge base with HEAD), e.g. origin/main."),
    Option("force_exclude", ("--force-exclude",), FLAG, "Apply the configured exclude patterns to files named on the command line too."),
    Option("no_cache", ("--no-cache",), FLAG, "Neither read nor write the cache."),
    Option("cache_dir", ("--cache-dir",), PATH, f"Where to keep the cache (default: {DEFAULT_FOLDER}).", envvar="RESOLINT_CACHE_DIR"),
    Option("stdin_filename", ("--stdin-filename",), TEXT, "File name to report (and find the configuration by) for '-'."),
    Option("review", ("--review",), FLAG, "For each Word document, write a review copy (draft.reviewed.docx): "
           "findings as comments, fixes as tracked changes."),
    Option("force", ("--force",), FLAG, "With --review, replace a review copy even if it was changed since resolint wrote it."),
    Option("changes", ("--changes",), FLAG, "For Word documents with tracked changes, report only what the changes introduce "
           "(the text as accepted, against the text as it was)."),
)


class Stop(Exception):
    """Ends the command with `code` as its exit status; what it had to say is already written."""

    def __init__(self, code: int) -> None:
        super().__init__(code)
        self.code = code


def echo_error(line: str) -> None:
    """`line` on standard error as typer.echo(line, err=True) writes it: a stream that claims
    ASCII gets UTF-8 (errors replaced) on its bytes instead, and each line is flushed. (typer
    also strips ANSI codes when not writing to a terminal: `printable` has escaped them.)"""
    stream = sys.stderr
    if stream is None:
        return
    binary = getattr(stream, "buffer", None)
    if binary is not None and codecs.lookup(getattr(stream, "encoding", None) or "ascii").name == "ascii":
        stream.flush()
        binary.write((line + "\n").encode("utf-8", "replace"))
        binary.flush()
        return
    stream.write(line + "\n")
    stream.flush()


def fail(message: str) -> None:
    echo_error(printable(f"resolint: error: {message}"))


def usage(message: str) -> Stop:
    fail(message)
    return Stop(USAGE_ERROR)


def option(flag: str, read, value):
    """`value` as options.py reads it (None when not given); a bad one ends the command
    with one line naming the flag, and exit 2."""
    if value is None:
        return None
    try:
        return read(value)
    except options.Invalid as error:
        raise usage(error.at(flag)) from None


def _selectors(flag: str, values: list[str] | None) -> tuple[str, ...] | None:
    """`--select ST,VB001 --select VB` as one checked tuple of selectors."""
    if not values:
        return None
    split = tuple(item.strip() for value in values for item in value.split(",") if item.strip())
    return option(flag, options.selectors, split) if split else None


def resolver(select, ignore, lang: str | None) -> ConfigResolver:
    """The configuration of each file, with the command line's values on top."""
    try:
        return ConfigResolver(select=_selectors("--select", select), ignore=_selectors("--ignore", ignore),
                              language=option("--lang", options.language, lang))
    except ConfigError as error:
        raise usage(str(error)) from None


def check(paths: list[str] | None, **values) -> int:
    """Lint the files (or fix them) and report; the exit status: 0 clean, 1 problems found
    (or a diff to show), 2 a usage error or a file that could not be checked. `values` holds
    every option of OPTIONS by name."""
    try:
        return _check(list(paths or ()), **values)
    except Stop as stop:
        return stop.code


def _check(paths: list[str], *, output_format: str, select, ignore, lang, fix: bool, unsafe_fixes: bool, diff: bool,
           exit_zero: bool, show_hints: bool, output_file: Path | None, jobs: int | None, changed_since: str | None,
           force_exclude: bool, no_cache: bool, cache_dir: Path | None, stdin_filename: str | None, review: bool,
           force: bool, changes: bool) -> int:
    _refuse_bad_options(output_format, paths, fix or diff or review or not unsafe_fixes, jobs)
    configs = resolver(select, ignore, lang)
    discovery = Discovery(configs, force_exclude=force_exclude)
    targets = list(discovery.files(paths))
    if changed_since is not None:
        try:
            changed = files_changed_since(changed_since)
        except WorkspaceError as error:
            raise usage(str(error)) from None
        targets = [target for target in targets if target == STDIN or target.resolve() in changed]
    if output_file is not None and _one_of(output_file, targets):
        raise usage(f"{output_file}: is one of the files being checked; choose another output file")
    cache = None if no_cache else LintCache(cache_dir or Path(DEFAULT_FOLDER))
    check_options = CheckOptions(
        fix=fix or diff, unsafe=unsafe_fixes, jobs=jobs or os.cpu_count() or 1, stdin_name=stdin_filename, diff=diff,
        changes=changes,
    )
    results = check_files(targets, configs, check_options, cache)
    if review:
        write_reviews(results, configs, unsafe=unsafe_fixes, force=force, hints=show_hints)
    return _report(results, targets, discovery, configs, cache, output_format, output_file,
                   fix=fix, diff=diff, unsafe=unsafe_fixes, show_hints=show_hints, exit_zero=exit_zero)


def _refuse_bad_options(output_format: str, paths, unsafe_allowed: bool, jobs: int | None) -> None:
    """The usage errors of `check`, before any file is read."""
    option("--format", options.report_format, output_format)
    option("--jobs", options.jobs, jobs)
    if not paths:
        raise usage("no files given (use '-' for standard input, '.' for this folder)")
    if not unsafe_allowed:
        raise usage("--unsafe-fixes applies with --fix, --diff or --review")


def _hide_hints(results) -> None:
    """Hints are for editors, which show them faintly; a report lists them only when asked."""
    for result in results:
        if result.diagnostics:
            result.diagnostics = [d for d in result.diagnostics if d.severity is not Severity.HINT]


def _report(results, targets, discovery, configs, cache, output_format: str, output_file: Path | None, *,
            fix: bool, diff: bool, unsafe: bool, show_hints: bool, exit_zero: bool) -> int:
    """Write the fixes, the report, the errors and notes, the summary; the exit status."""
    to_stdin = any(target == STDIN for target in targets)

    if diff:
        report = diff_of(results)
    elif fix and to_stdin:
        report = "".join(r.text for r in results if r.source is not None)  # the fixed text, for editors
    else:
        if fix:
            write_fixes(results, configs, cache, unsafe=unsafe)
        if not show_hints:
            _hide_hints(results)
        # The machine formats also carry each file that could not be checked (RL001); text has the stderr line.
        report = RENDERERS[output_format](report_rows(results, discovery.errors, problems=output_format != "text"))

    failures = list(dict.fromkeys(errors(results) + [str(error) for error in discovery.errors]))
    for message in failures:
        fail(message)
    for message in discovery.notes + ([cache.note] if cache is not None and cache.note else []) + notes(results):
        echo_error(printable(f"resolint: note: {message}"))
    if output_file is not None and not (fix and to_stdin):
        try:
            write_output(output_file, report)
        except OSError as error:
            raise usage(f"{output_file}: cannot write: {error.strerror or error}") from None
    else:
        sys.stdout.write(report)
    checked = any(r.diagnostics is not None for r in results)
    if (output_format == "text" or fix or diff) and (checked or not failures):
        echo_error(printable(summary(results, fix=fix, diff=diff)))
    if failures:
        return USAGE_ERROR
    if diff:
        return 0 if exit_zero or not report else 1
    return 0 if exit_zero or not sum(r.problems() for r in results) else 1


def _one_of(output: Path, targets: list[Path]) -> bool:
    """Whether the report would be written over one of the files it is about (the same
    path, or the same file by another name: a link)."""
    resolved = output.resolve()
    for target in targets:
        if target == STDIN:
            continue
        if target.resolve() == resolved:
            return True
        try:
            if os.path.samefile(target, output):
                return True
        except OSError:
            pass
    return False
