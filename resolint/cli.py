"""The command line: a thin layer over the core (parse, lint, render)."""
from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Optional

import typer

from . import __version__
from .linter import registry
from .linter.config import Config, ConfigError, config_for
from .linter.diagnostics import Severity
from .linter.engine import lint_document, parse_with
from .linter.langdata import LANGUAGES
from .linter.outline import outline, render_outline
from .linter.render import RENDERERS
from .linter.source import Source, SourceError, read_source, source_from_bytes

app = typer.Typer(
    name="resolint",
    help="Lint United Nations resolution texts (English, Spanish, French).",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)

SUFFIXES = (".md", ".txt", ".markdown", ".docx")
USAGE_ERROR = 2


class Failure(Exception):
    """A one-line error for the user; exit code 2."""


def _fail(message: str) -> None:
    typer.echo(f"resolint: error: {message}", err=True)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"resolint {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Show the version and exit."),
) -> None:
    """Lint United Nations resolution texts (English, Spanish, French)."""


def _split(values: Optional[list[str]]) -> Optional[tuple[str, ...]]:
    if not values:
        return None
    return tuple(item.strip() for value in values for item in value.split(",") if item.strip())


def _discover(paths: list[str]) -> Iterator[Path]:
    """Files named on the command line, and *.md / *.txt / *.docx files under named folders
    (not Word's "~$" lock files)."""
    for name in paths:
        path = Path(name)
        if path.is_dir():
            yield from sorted(
                found
                for found in path.rglob("*")
                if found.suffix.lower() in SUFFIXES
                and found.is_file()
                and not any(part.startswith(".") for part in found.relative_to(path).parts)
                and not found.name.startswith("~$")
            )
        else:
            yield path


def _settings(path: Optional[Path], select, ignore, lang) -> Config:
    config = config_for(path)
    return config.with_overrides("command line", select=_split(select), ignore=_split(ignore), language=lang)


def _read_stdin(name: Optional[str]) -> Source:
    data = sys.stdin.buffer.read()
    return source_from_bytes(data, Path(name) if name else None, name or "-")


@app.command()
def check(
    paths: list[str] = typer.Argument(None, help="Files or folders to lint; '-' reads standard input."),
    output_format: str = typer.Option("text", "--format", help="Output format: text or json."),
    select: Optional[list[str]] = typer.Option(None, "--select", help="Rules to enable: codes, names or prefixes (comma-separated)."),
    ignore: Optional[list[str]] = typer.Option(None, "--ignore", help="Rules to disable: codes, names or prefixes (comma-separated)."),
    lang: Optional[str] = typer.Option(None, "--lang", help="Language of the text (en, es, fr); detected when not given."),
    exit_zero: bool = typer.Option(False, "--exit-zero", help="Exit with 0 even when problems are found."),
    stdin_filename: Optional[str] = typer.Option(None, "--stdin-filename", help="File name to report (and find the configuration by) for '-'."),
) -> None:
    """Lint resolution texts and print what needs fixing."""
    if output_format not in RENDERERS:
        _fail(f"--format: expected one of {', '.join(RENDERERS)}, got {output_format!r}")
        raise typer.Exit(USAGE_ERROR)
    if lang is not None and lang not in LANGUAGES:
        _fail(f"--lang: expected one of {', '.join(LANGUAGES)}, got {lang!r}")
        raise typer.Exit(USAGE_ERROR)
    if not paths:
        _fail("no files given (use '-' for standard input)")
        raise typer.Exit(USAGE_ERROR)
    results = []
    problems = 0
    failed = False
    for path in (Path("-") if p == "-" else p for p in _discover(paths)):
        try:
            source = _read_stdin(stdin_filename) if str(path) == "-" else read_source(path)
            config = _settings(source.path, select, ignore, lang)
        except (SourceError, ConfigError) as error:
            _fail(str(error))
            failed = True
            continue
        doc = parse_with(source.text, config, path=source.display)
        diagnostics = lint_document(doc, config)
        problems += sum(1 for d in diagnostics if d.severity <= Severity.WARNING)
        results.append((source.display, source.index(doc), diagnostics))
    sys.stdout.write(RENDERERS[output_format](results))
    if output_format == "text" and results:
        total = sum(len(diagnostics) for _, _, diagnostics in results)
        fixable = sum(1 for _, _, diagnostics in results for d in diagnostics if d.fix)
        noun = "problem" if total == 1 else "problems"
        summary = f"Found {total} {noun} in {len(results)} file{'s' if len(results) != 1 else ''}"
        typer.echo(summary + (f" ({fixable} fixable)." if fixable else "."), err=True)
    if failed:
        raise typer.Exit(USAGE_ERROR)
    raise typer.Exit(0 if exit_zero or not problems else 1)


@app.command(name="outline")
def outline_command(
    path: str = typer.Argument(..., help="File to show; '-' reads standard input."),
    output_format: str = typer.Option("text", "--format", help="Output format: text or json."),
    lang: Optional[str] = typer.Option(None, "--lang", help="Language of the text (en, es, fr)."),
    stdin_filename: Optional[str] = typer.Option(None, "--stdin-filename", help="File name to report for '-'."),
) -> None:
    """Show how resolint understood a document: heading, chapeau, paragraphs, footnotes."""
    if output_format not in ("text", "json") or (lang is not None and lang not in LANGUAGES):
        _fail("--format takes text or json; --lang takes " + ", ".join(LANGUAGES))
        raise typer.Exit(USAGE_ERROR)
    try:
        source = _read_stdin(stdin_filename) if path == "-" else read_source(Path(path))
        config = _settings(source.path, None, None, lang)
    except (SourceError, ConfigError) as error:
        _fail(str(error))
        raise typer.Exit(USAGE_ERROR) from None
    data = outline(parse_with(source.text, config, path=source.display))
    if output_format == "json":
        typer.echo(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        sys.stdout.write(render_outline(data))


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
        Path(output).write_text(source.text, encoding="utf-8", newline="")
    except OSError as error:
        _fail(f"{output}: cannot write: {error.strerror or error}")
        raise typer.Exit(USAGE_ERROR) from None


@app.command()
def rules(output_format: str = typer.Option("text", "--format", help="Output format: text or json.")) -> None:
    """List every rule: code, name, default severity, whether it can fix, summary."""
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
    found = registry.find(code)
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
    from .lsp.server import serve  # pygls loads only here, never for `check`

    serve()


def run() -> None:
    app()
