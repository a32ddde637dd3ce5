"""The command line: a thin layer over the core (parse, lint, render)."""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Optional

import typer

from . import __version__
from .document.diagnostics import Severity
from .linter import options
from .linter.cache import DEFAULT_FOLDER, LintCache
from .linter.config import ConfigError, ConfigResolver
from .linter.render import RENDERERS
from .linter.render.printable import printable, printable_lines
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
from .linter.source import SourceError, read_source, read_stdin, write_output
from .linter.workspace import STDIN, Discovery, WorkspaceError
from .linter.workspace import changed_since as files_changed_since

app = typer.Typer(
    name="resolint",
    help="Lint United Nations resolution texts (English, Spanish, French).",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)

USAGE_ERROR = 2


def _fail(message: str) -> None:
    typer.echo(printable(f"resolint: error: {message}"), err=True)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"resolint {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Show the version and exit."),
) -> None:
    """Lint United Nations resolution texts (English, Spanish, French)."""


def _usage(message: str) -> typer.Exit:
    _fail(message)
    return typer.Exit(USAGE_ERROR)


def _option(flag: str, read, value):
    """`value` as options.py reads it (None when not given); a bad one ends the command
    with one line naming the flag, and exit 2."""
    if value is None:
        return None
    try:
        return read(value)
    except options.Invalid as error:
        raise _usage(error.at(flag)) from None


def _selectors(flag: str, values: Optional[list[str]]) -> Optional[tuple[str, ...]]:
    """`--select ST,VB001 --select VB` as one checked tuple of selectors."""
    if not values:
        return None
    split = tuple(item.strip() for value in values for item in value.split(",") if item.strip())
    return _option(flag, options.selectors, split) if split else None


def _resolver(select, ignore, lang: Optional[str]) -> ConfigResolver:
    """The configuration of each file, with the command line's values on top."""
    try:
        return ConfigResolver(select=_selectors("--select", select), ignore=_selectors("--ignore", ignore),
                              language=_option("--lang", options.language, lang))
    except ConfigError as error:
        raise _usage(str(error)) from None


def _hide_hints(results) -> None:
    """Hints are for editors, which show them faintly; a report lists them only when asked."""
    for result in results:
        if result.diagnostics:
            result.diagnostics = [d for d in result.diagnostics if d.severity is not Severity.HINT]


@app.command()
def check(
    paths: list[str] = typer.Argument(None, help="Files or folders to lint; '-' reads standard input."),
    output_format: str = typer.Option("text", "--format", help="Output format: text, json, sarif, github or junit."),
    select: Optional[list[str]] = typer.Option(None, "--select", help="Rules to enable: codes, names or prefixes (comma-separated)."),
    ignore: Optional[list[str]] = typer.Option(None, "--ignore", help="Rules to disable: codes, names or prefixes (comma-separated)."),
    lang: Optional[str] = typer.Option(None, "--lang", help="Language of the text (en, es, fr, or auto: detect it); the configuration's when not given."),
    fix: bool = typer.Option(False, "--fix", help="Apply the safe fixes to the files, then report what is left."),
    unsafe_fixes: bool = typer.Option(False, "--unsafe-fixes", help="With --fix or --diff, apply the unsafe fixes too."),
    diff: bool = typer.Option(False, "--diff", help="Print the fixes as a unified diff instead of writing them; exit 1 when there is one."),
    exit_zero: bool = typer.Option(False, "--exit-zero", help="Exit with 0 even when problems are found."),
    show_hints: bool = typer.Option(False, "--show-hints", help="Report the hints too (findings of 'hint' severity, which editors show faintly)."),
    output_file: Optional[Path] = typer.Option(None, "--output-file", "-o", help="Write the report to this file instead of standard output."),
    jobs: Optional[int] = typer.Option(None, "--jobs", "-j", help="Files linted in parallel (default: the number of CPUs)."),
    changed_since: Optional[str] = typer.Option(None, "--changed-since", help="Only files changed since this git revision (from its merge base with HEAD), e.g. origin/main."),
    force_exclude: bool = typer.Option(False, "--force-exclude", help="Apply the configured exclude patterns to files named on the command line too."),
    no_cache: bool = typer.Option(False, "--no-cache", help="Neither read nor write the cache."),
    cache_dir: Optional[Path] = typer.Option(None, "--cache-dir", envvar="RESOLINT_CACHE_DIR", help=f"Where to keep the cache (default: {DEFAULT_FOLDER})."),
    stdin_filename: Optional[str] = typer.Option(None, "--stdin-filename", help="File name to report (and find the configuration by) for '-'."),
    review: bool = typer.Option(False, "--review", help="For each Word document, write a review copy (draft.reviewed.docx): findings as comments, fixes as tracked changes."),
    force: bool = typer.Option(False, "--force", help="With --review, replace a review copy even if it was changed since resolint wrote it."),
    changes: bool = typer.Option(False, "--changes", help="For Word documents with tracked changes, report only what the changes introduce (the text as accepted, against the text as it was)."),
) -> None:
    """Lint resolution texts and print what needs fixing (or fix it)."""
    _refuse_bad_options(output_format, paths, fix or diff or review or not unsafe_fixes, jobs)
    configs = _resolver(select, ignore, lang)
    discovery = Discovery(configs, force_exclude=force_exclude)
    targets = list(discovery.files(paths))
    if changed_since is not None:
        try:
            changed = files_changed_since(changed_since)
        except WorkspaceError as error:
            raise _usage(str(error)) from None
        targets = [target for target in targets if target == STDIN or target.resolve() in changed]
    if output_file is not None and _one_of(output_file, targets):
        raise _usage(f"{output_file}: is one of the files being checked; choose another output file")
    cache = None if no_cache else LintCache(cache_dir or Path(DEFAULT_FOLDER))
    options = CheckOptions(
        fix=fix or diff, unsafe=unsafe_fixes, jobs=jobs or os.cpu_count() or 1, stdin_name=stdin_filename, diff=diff,
        changes=changes,
    )
    results = check_files(targets, configs, options, cache)
    if review:
        write_reviews(results, configs, unsafe=unsafe_fixes, force=force, hints=show_hints)
    _report(results, targets, discovery, configs, cache, output_format, output_file,
            fix=fix, diff=diff, unsafe=unsafe_fixes, show_hints=show_hints, exit_zero=exit_zero)


def _refuse_bad_options(output_format: str, paths, unsafe_allowed: bool, jobs: int | None) -> None:
    """The usage errors of `check`, before any file is read."""
    _option("--format", options.report_format, output_format)
    _option("--jobs", options.jobs, jobs)
    if not paths:
        raise _usage("no files given (use '-' for standard input, '.' for this folder)")
    if not unsafe_allowed:
        raise _usage("--unsafe-fixes applies with --fix, --diff or --review")


def _report(results, targets, discovery, configs, cache, output_format: str, output_file: Path | None, *,
            fix: bool, diff: bool, unsafe: bool, show_hints: bool, exit_zero: bool) -> None:
    """Write the fixes, the report, the errors and notes, the summary; exit with the status."""
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
        _fail(message)
    for message in discovery.notes + ([cache.note] if cache is not None and cache.note else []) + notes(results):
        typer.echo(printable(f"resolint: note: {message}"), err=True)
    if output_file is not None and not (fix and to_stdin):
        try:
            write_output(output_file, report)
        except OSError as error:
            raise _usage(f"{output_file}: cannot write: {error.strerror or error}") from None
    else:
        sys.stdout.write(report)
    checked = any(r.diagnostics is not None for r in results)
    if (output_format == "text" or fix or diff) and (checked or not failures):
        typer.echo(printable(summary(results, fix=fix, diff=diff)), err=True)
    if failures:
        raise typer.Exit(USAGE_ERROR)
    if diff:
        raise typer.Exit(0 if exit_zero or not report else 1)
    raise typer.Exit(0 if exit_zero or not sum(r.problems() for r in results) else 1)



@app.command()
def compare(
    paths: list[Path] = typer.Argument(None, help="Two or more language versions of one text."),
    lang: Optional[list[str]] = typer.Option(None, "--lang", help="The language of one file, as LANG=PATH (e.g. fr=res.fr.md); detected when not given."),
    output_format: str = typer.Option("text", "--format", help="Output format: text, json, sarif, github or junit."),
) -> None:
    """Check that the language versions of one resolution agree (exit 0 agree, 1 not, 2 bad input).

    Given one file: the versions [tool.resolint.versions] maps it to, else those beside it (NAME.fr.md)."""
    from .linter.compare import CompareError, compare_files, with_versions

    _option("--format", options.report_format, output_format)
    paths = list(paths or ())
    try:
        if len(paths) == 1 and paths[0].is_file():
            paths = with_versions(paths[0], ConfigResolver().for_path(paths[0]))
        versions = compare_files(paths, lang or ())
    except (ConfigError, CompareError) as error:
        raise _usage(str(error)) from None
    sys.stdout.write(RENDERERS[output_format]([version.row for version in versions]))
    raise typer.Exit(1 if any(version.diagnostics for version in versions) else 0)


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


@app.command()
def init(
    folder: Path = typer.Argument(Path("."), help="The project folder (default: this one)."),
    standalone: bool = typer.Option(False, "--standalone", help="Write a .resolint.toml even when there is a pyproject.toml."),
    lang: Optional[str] = typer.Option(None, "--lang", help="Language to write (en, es, fr or auto); detected from the texts when not given."),
) -> None:
    """Write a commented [tool.resolint] table (or a .resolint.toml) with every option at its default."""
    _option("--lang", options.language, lang)
    if not folder.is_dir():
        raise _usage(f"{folder}: not a folder")
    from .linter.config_files import InitError, write_init

    try:
        target, language, counts = write_init(folder, standalone=standalone, language=lang)
    except InitError as error:
        raise _usage(str(error)) from None
    seen = ", ".join(f"{count} {code}" for code, count in sorted(counts.items()))
    typer.echo(printable(f"Wrote the resolint configuration to {target} (language: {language}{'; texts read: ' + seen if seen else ''})."))


@app.command(name="config")
def config_command(
    path: str = typer.Argument(".", help="A file or folder whose configuration to show (default: this folder)."),
    select: Optional[list[str]] = typer.Option(None, "--select", help="As for check."),
    ignore: Optional[list[str]] = typer.Option(None, "--ignore", help="As for check."),
    lang: Optional[str] = typer.Option(None, "--lang", help="As for check."),
    output_format: str = typer.Option("text", "--format", help="Output format: text or json."),
) -> None:
    """Show the effective configuration for a file or folder, and where each value came from."""
    _option("--format", options.data_format, output_format)
    configs = _resolver(select, ignore, lang)
    from .linter.config_files import describe, render_description

    try:
        config = configs.for_path(Path(path))
    except ConfigError as error:
        raise _usage(str(error)) from None
    description = describe(config, Path(path))
    if output_format == "json":
        typer.echo(json.dumps(description, ensure_ascii=False, indent=2))
    else:
        sys.stdout.write(printable_lines(render_description(description, path)))


@app.command(name="outline")
def outline_command(
    path: str = typer.Argument(..., help="File to show; '-' reads standard input."),
    output_format: str = typer.Option("text", "--format", help="Output format: text or json."),
    lang: Optional[str] = typer.Option(None, "--lang", help="Language of the text (en, es, fr or auto); the configuration's when not given."),
    stdin_filename: Optional[str] = typer.Option(None, "--stdin-filename", help="File name to report for '-'."),
) -> None:
    """Show how resolint understood a document: heading, chapeau, paragraphs, footnotes."""
    _option("--format", options.data_format, output_format)
    configs = _resolver(None, None, lang)
    try:
        source = read_stdin(stdin_filename) if path == "-" else read_source(Path(path))
        config = configs.for_path(source.path)
    except (SourceError, ConfigError) as error:
        _fail(str(error))
        raise typer.Exit(USAGE_ERROR) from None
    from .facts import Facts
    from .facts.outline import render_outline
    from .linter.engine import parse_with

    data = Facts(parse_with(source.text, config, path=source.display), phrases=config.phrases).outline
    if output_format == "json":
        typer.echo(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        sys.stdout.write(printable_lines(render_outline(data)))


@app.command()
def convert(
    path: str = typer.Argument(..., help="The Word document (.docx) to convert."),
    output: Optional[str] = typer.Option(None, "-o", "--output", help="File to write; standard output when not given."),
) -> None:
    """Write the Markdown form resolint reads from a Word document (for text-based review)."""
    source_path = Path(path)
    if source_path.suffix.lower() != ".docx":
        _fail(f"{path}: convert reads Word documents (.docx)")
        raise typer.Exit(USAGE_ERROR)
    if output is not None and Path(output).resolve() == source_path.resolve():
        _fail(f"{output}: is the document being converted; choose another output file")
        raise typer.Exit(USAGE_ERROR)
    try:
        source = read_source(source_path)
    except SourceError as error:
        _fail(str(error))
        raise typer.Exit(USAGE_ERROR) from None
    if output is None:
        sys.stdout.write(source.text)
        return
    try:
        write_output(Path(output), source.text)
    except OSError as error:
        _fail(f"{output}: cannot write: {error.strerror or error}")
        raise typer.Exit(USAGE_ERROR) from None


@app.command()
def rules(output_format: str = typer.Option("text", "--format", help="Output format: text or json.")) -> None:
    """List every rule: code, name, default severity, whether it can fix, summary."""
    from .linter import registry

    _option("--format", options.data_format, output_format)
    entries = [
        {
            "code": rule.code,
            "name": rule.name,
            "severity": rule.meta.default_severity.label,
            "fixable": rule.meta.fixable,
            "summary": rule.meta.summary,
        }
        for rule in registry.all_rules()
    ]
    if output_format == "json":
        typer.echo(json.dumps(entries, ensure_ascii=False, indent=2))
        return
    for entry in entries:
        fix = "fix" if entry["fixable"] else "   "
        typer.echo(f"{entry['code']}  {entry['name']:<28} {entry['severity']:<8} {fix}  {entry['summary']}")


@app.command()
def rule(code: str = typer.Argument(..., help="A rule code (ST004) or name (operative-numbering).")) -> None:
    """Show a rule's documentation."""
    from .linter import registry

    found = registry.documented(code)
    if found is None:
        _fail(f"unknown rule {code!r} (see `resolint rules`)")
        raise typer.Exit(USAGE_ERROR)
    meta = found.meta
    typer.echo(f"{meta.code} {meta.name} ({meta.default_severity.label}{', fixable' if meta.fixable else ''})\n")
    typer.echo(found.docs)


@app.command()
def server(
    stdio: bool = typer.Option(False, "--stdio", help="Talk over standard input and output (the only transport; editor clients pass it)."),
) -> None:
    """Start the language server for editors (LSP over standard input and output)."""
    from .lsp.start import serve  # pygls loads only here, never for `check`

    serve()


def run() -> None:
    app()
