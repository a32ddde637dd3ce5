"""The command line: a thin layer over the core (parse, lint, render).

`check` itself is resolint/checking.py, which the console entry (console.py) runs without
typer; here it is built into the typer command from checking.OPTIONS, for `--help` and for
the command lines the console entry leaves to typer."""
from __future__ import annotations

import inspect
import json
import sys
from pathlib import Path
from typing import Optional

import typer

from . import __version__, checking
from .checking import OPTIONS, PATHS_HELP, USAGE_ERROR, fail
from .linter import options
from .linter.config import ConfigError, ConfigResolver
from .linter.render import RENDERERS
from .linter.render.printable import printable, printable_lines
from .linter.source import SourceError, read_source, read_stdin, write_output

app = typer.Typer(
    name="resolint",
    help="Lint United Nations resolution texts (English, Spanish, French).",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


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
    fail(message)
    return typer.Exit(USAGE_ERROR)


def _through_typer(helper):
    """A helper of resolint.checking whose checking.Stop ends the command through typer."""
    def helper_here(*args):
        try:
            return helper(*args)
        except checking.Stop as stop:
            raise typer.Exit(stop.code) from None
    return helper_here


_option = _through_typer(checking.option)
_resolver = _through_typer(checking.resolver)

_ANNOTATIONS = {checking.FLAG: bool, checking.TEXT: Optional[str], checking.NUMBER: Optional[int], checking.PATH: Optional[Path],
                checking.REPEATED: Optional[list[str]]}


def _check_signature() -> inspect.Signature:
    """check's parameters as typer reads them, from checking.OPTIONS (declared once)."""
    keyword = inspect.Parameter.POSITIONAL_OR_KEYWORD
    paths = inspect.Parameter("paths", keyword, default=typer.Argument(None, help=PATHS_HELP), annotation=list[str])
    return inspect.Signature([paths, *(
        inspect.Parameter(
            entry.name, keyword, annotation=_ANNOTATIONS[entry.kind],
            default=typer.Option(entry.default, *entry.flags, help=entry.help, envvar=entry.envvar),
        )
        for entry in OPTIONS
    )], return_annotation=None)


def check(paths: list[str] | None, **values) -> None:
    """Lint resolution texts and print what needs fixing (or fix it)."""
    raise typer.Exit(checking.check(paths, **values))


check.__signature__ = _check_signature()
check.__annotations__ = {}  # typer reads the types from the signature
app.command()(check)


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
        fail(str(error))
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
        fail(f"{path}: convert reads Word documents (.docx)")
        raise typer.Exit(USAGE_ERROR)
    if output is not None and Path(output).resolve() == source_path.resolve():
        fail(f"{output}: is the document being converted; choose another output file")
        raise typer.Exit(USAGE_ERROR)
    try:
        source = read_source(source_path)
    except SourceError as error:
        fail(str(error))
        raise typer.Exit(USAGE_ERROR) from None
    if output is None:
        sys.stdout.write(source.text)
        return
    try:
        write_output(Path(output), source.text)
    except OSError as error:
        fail(f"{output}: cannot write: {error.strerror or error}")
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
        fail(f"unknown rule {code!r} (see `resolint rules`)")
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
