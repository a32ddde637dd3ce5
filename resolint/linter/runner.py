"""Checking many files: each is read once, configured, answered from the cache or parsed and
linted (in parallel over files when there are several), and fixed when asked. Results come
back in input order whatever the parallelism.

The grammar and the rules are imported only when a file has to be linted, so a re-run that
the cache answers does not pay for loading them.
"""
from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path

from ..document.diagnostics import Diagnostic, Severity
from ..document.span import LineIndex
from . import unreadable
from .cache import LintCache, config_fingerprint
from .config import Config, ConfigError, ConfigResolver
from .fixes import has_fixes
from .formats import format_of
from .locator import Locator, TextLocator
from .source import Source, SourceError, encode, read_source, read_stdin, write_fixed
from .workspace import STDIN


@dataclass(frozen=True)
class CheckOptions:
    fix: bool = False  # compute fixes (the caller writes them back or shows a diff)
    unsafe: bool = False  # unsafe fixes too
    jobs: int = 1  # worker processes
    stdin_name: str | None = None  # the name to report for standard input
    diff: bool = False  # the fixes are to be shown, not written
    changes: bool = False  # a Word document: report only what its tracked changes introduce


@dataclass
class FileResult:
    display: str
    source: Source | None = None
    diagnostics: list[Diagnostic] | None = None  # what is left to report (after fixes)
    found: list[Diagnostic] | None = None  # the findings of the text as read (before fixes)
    fixed: str | None = None  # the text after fixes, when any applied
    fixes: int = 0
    error: str | None = None
    note: str | None = None  # said on standard error, without failing the run
    cached: bool = False
    _key: str | None = None

    @property
    def text(self) -> str:
        return self.fixed if self.fixed is not None else (self.source.text if self.source else "")

    def locator(self) -> Locator:
        """What the findings are placed with (for a Word document, also its paragraphs)."""
        if self.fixed is None and self.source is not None:
            return self.source.locator()
        return TextLocator(LineIndex(self.text))

    def row(self, *, problems: bool = False) -> tuple[str, Locator, list[Diagnostic]]:
        """What a renderer takes (the locator is built only when there is something to place);
        with `problems`, the error that kept the file from being checked (or fixed) comes first,
        as an RL001 finding."""
        diagnostics = self.diagnostics or []
        locator = self.locator() if diagnostics else _NOWHERE
        if problems and self.error:
            diagnostics = [unreadable.diagnostic(self.display, self.error), *diagnostics]
        return self.display, locator, diagnostics

    def problems(self) -> int:
        """Findings at warning or error level: these make the exit code 1."""
        return sum(1 for d in self.diagnostics or () if d.severity <= Severity.WARNING)


_NOWHERE = TextLocator(LineIndex(""))
INSERTED = " (in a tracked insertion)"
INTRODUCED = " (introduced by the tracked changes)"
CONTEXT = 30  # characters on each side that place a finding, for --changes
# Below this much text (about 30 ms of parsing) starting worker processes costs more than it saves.
PARALLEL_FROM = 100_000


@dataclass(frozen=True)
class _Job:
    text: str
    config: Config
    display: str
    fix: bool
    unsafe: bool


def check_files(
    targets: list[Path], configs: ConfigResolver, options: CheckOptions = CheckOptions(), cache: LintCache | None = None
) -> list[FileResult]:
    """Lint every target (a path, or STDIN); one FileResult per target, in order."""
    results: list[FileResult] = []
    pending: list[tuple[FileResult, _Job]] = []
    settings: dict[int, str] = {}  # id(config) -> its fingerprint (one Config per configuration file)
    for target in targets:
        result = FileResult((options.stdin_name or "-") if target == STDIN else str(target))
        results.append(result)
        try:
            source = read_stdin(options.stdin_name) if target == STDIN else read_source(target)
            config = configs.for_path(source.path)
        except (SourceError, ConfigError) as error:
            result.error = str(error)
            continue
        result.source = source
        fixing = options.fix and (target == STDIN or source.writable())
        if options.fix and not fixing and (options.diff or not source.converted):
            # (a Word document's fixes go into a corrected copy: see write_fixes)
            result.note = f"{source.display}: not a plain text file; " + (
                "no diff is shown for it" if options.diff else "fixes are not written back to it"
            )
        if cache is not None and target != STDIN:
            if id(config) not in settings:
                settings[id(config)] = config_fingerprint(config)
            result._key = cache.key(source.digest, settings[id(config)])
            found = cache.get(source.path, result._key, len(source.text))
            if found is not None and not (fixing and has_fixes(found, unsafe=options.unsafe)):
                result.diagnostics, result.cached = found, True
                continue
        pending.append((result, _Job(source.text, config, source.display, fixing, options.unsafe)))

    outcomes = _run([job for _, job in pending], options.jobs)
    for (result, _), (first, fixed, count, final) in zip(pending, outcomes):
        result.diagnostics, result.found = final, first
        if count:
            result.fixed, result.fixes = fixed, count
        if cache is not None and result._key is not None:
            cache.put(result.source.path, result._key, first)
    if cache is not None:
        cache.save()
    for result in results:
        if result.diagnostics is not None:
            _tracked_changes(result, configs, options.changes)
    return results


def _tracked_changes(result: FileResult, configs: ConfigResolver, only_changes: bool) -> None:
    """Say which findings of a Word document fall in its tracked insertions; with
    `only_changes`, keep only the findings its tracked changes introduce."""
    word = result.source.origin
    if word is None or result.source.path is None:
        if only_changes:
            result.note = f"{result.display}: not a Word document; --changes reads the tracked changes of .docx files only"
        return
    if only_changes:
        try:
            result.diagnostics = _introduced(result, configs.for_path(result.source.path))
        except (SourceError, ConfigError, OSError) as error:
            result.error = str(error)
    elif word.has_insertions:
        result.diagnostics = [replace(d, message=d.message + INSERTED) if word.inserted(d.span.start, d.span.end) else d
                              for d in result.diagnostics]


def _introduced(result: FileResult, config: Config) -> list[Diagnostic]:
    """The findings of the text as accepted that the original text (every change rejected)
    does not have: a finding is the original's when the original has one of the same rule
    on the same characters with the same CONTEXT characters of their paragraph around them
    (positions move with the changes; the words around a finding stay unless changed)."""
    from .engine import lint_text

    path, word = result.source.path, result.source.origin
    original = format_of(path).adapter().read(path.read_bytes(), result.display, original=True)
    before = Counter(_finding_key(original, d) for d in lint_text(original.text, config, path=result.display))
    introduced = []
    for diagnostic in result.diagnostics or []:
        key = _finding_key(word, diagnostic)
        if before[key]:
            before[key] -= 1
        else:
            introduced.append(replace(diagnostic, message=diagnostic.message + INTRODUCED))
    return introduced


def _finding_key(mapping, diagnostic: Diagnostic) -> tuple[str, str, str, str]:
    """A finding by its rule, its characters and those around it in its block."""
    start, end = diagnostic.span.start, diagnostic.span.end
    index = mapping.block_index(start)
    block_start, block_end = mapping.blocks[index] if index >= 0 else (0, len(mapping.text))
    text = mapping.text
    return (diagnostic.code, text[max(block_start, start - CONTEXT) : start], text[start:end],
            text[end : max(end, min(block_end, end + CONTEXT))])


def write_fixes(
    results: list[FileResult], configs: ConfigResolver, cache: LintCache | None = None, *, unsafe: bool = False
) -> None:
    """Write each fixed text back to its file (atomically, in the file's own form); a file
    that cannot be written gets its error and keeps its content. The cache learns the new
    content's findings, so the next run need not lint it again. A Word document is never
    rewritten: its fixes go into a corrected copy beside it (draft.fixed.docx)."""
    for result in results:
        if result.source is not None and result.source.converted and result.source.path is not None:
            _fix_word_copy(result, configs.for_path(result.source.path), unsafe)
            continue
        if result.fixed is None or result.source is None or result.source.path is None:
            continue
        try:
            write_fixed(result.source, result.fixed)
        except SourceError as error:
            # Nothing was written: report the file as it is on disk, not the text not written.
            result.error = str(error)
            result.fixed, result.fixes = None, 0
            if result.found is not None:
                result.diagnostics = result.found
            continue
        if cache is not None:
            digest = hashlib.sha256(encode(result.fixed, result.source.bom)).hexdigest()
            config = configs.for_path(result.source.path)
            cache.put(result.source.path, cache.key(digest, config_fingerprint(config)), result.diagnostics or [])
    if cache is not None:
        cache.save()


def _fix_word_copy(result: FileResult, config: Config, unsafe: bool) -> None:
    if not has_fixes(result.diagnostics or [], unsafe=unsafe):
        return
    from .engine import lint_text

    adapter = format_of(result.source.path).adapter()
    try:
        target, outcome = adapter.fix_copy(
            result.source.path, lambda text: lint_text(text, config, path=result.display), unsafe=unsafe
        )
    except (SourceError, adapter.FixError) as error:
        _copy_failed(result, error)
        return
    result.fixes = outcome.applied
    left = f"; {len(outcome.skipped)} cannot be made in Word" if outcome.skipped else ""
    if target is not None:
        result.note = f"{result.display}: the fixes are in a corrected copy, {target} ({outcome.applied} applied{left})"
    elif outcome.skipped:
        result.note = f"{result.display}: {len(outcome.skipped)} fixes cannot be made in Word"


def write_reviews(results: list[FileResult], configs: ConfigResolver, *, unsafe: bool = False, force: bool = False,
                  hints: bool = False) -> None:
    """Write the review copy of each Word document (draft.reviewed.docx): the findings
    reported (hints only with `hints`) as comments, the fixes as tracked changes."""
    from .engine import lint_text

    for result in results:
        source = result.source
        if source is None or result.diagnostics is None:
            continue
        if source.origin is None or source.path is None:
            result.note = f"{result.display}: not a Word document; --review writes review copies of .docx files only"
            continue
        config = configs.for_path(source.path)
        findings = [d for d in result.diagnostics if hints or d.severity is not Severity.HINT]
        adapter = format_of(source.path).adapter()
        try:
            target, outcome = adapter.review_copy(source.path, lambda text, c=config, r=result: lint_text(text, c, path=r.display),
                                                  findings, unsafe=unsafe, force=force)
        except (SourceError, adapter.FixError) as error:
            _copy_failed(result, error)
            continue
        left = f"; {len(outcome.skipped)} fixes cannot be made in Word" if outcome.skipped else ""
        result.note = (f"{result.display}: review copy {target}: {outcome.comments} comments, "
                       f"{outcome.applied} fixes as tracked changes{left}")


def _copy_failed(result: FileResult, error: Exception) -> None:
    message = str(error)
    result.error = message if message.startswith(result.display) else f"{result.display}: {message}"


def diff_of(results: list[FileResult]) -> str:
    """The fixes as one unified diff, file by file (empty when nothing would change)."""
    from .fixes import unified_diff

    return "".join(unified_diff(r.display, r.source.text, r.fixed) for r in results if r.fixed is not None and r.source)


def summary(results: list[FileResult], *, fix: bool = False, diff: bool = False) -> str:
    """The closing line for a person: what was found, fixed, or would be fixed."""
    checked = [r for r in results if r.diagnostics is not None]
    files = f"{len(checked)} file{'s' if len(checked) != 1 else ''}"
    if not results:
        return "No files to check."
    fixes = sum(r.fixes for r in checked)
    fixed_files = sum(1 for r in checked if r.fixes)
    if diff:
        return f"Would fix {fixes} problem{'s' if fixes != 1 else ''} in {fixed_files} of {files}."
    left = sum(len(r.diagnostics) for r in checked)
    fixable = sum(1 for r in checked for d in r.diagnostics if d.fix)
    found = f"{left} problem{'s' if left != 1 else ''}"
    hint = f" ({fixable} fixable{'' if fix else ' with --fix'})" if fixable else ""
    if fix:
        return f"Fixed {fixes} problem{'s' if fixes != 1 else ''} in {fixed_files} of {files}; {found} left{hint}."
    return f"Found {found} in {files}{hint}."


def report_rows(results: list[FileResult], others=(), *, problems: bool) -> list[tuple[str, Locator, list[Diagnostic]]]:
    """What the renderers take for the whole run: a row per file checked and, with `problems`
    (the machine formats), one per file that could not be, its error as an RL001 finding —
    also for `others`, the errors of files the discovery refused (those that name a path)."""
    rows = [r.row(problems=problems) for r in results if r.diagnostics is not None or (problems and r.error)]
    if problems:
        rows += [(str(error.path), _NOWHERE, [unreadable.diagnostic(str(error.path), str(error))])
                 for error in others if getattr(error, "path", None) is not None]
    return rows


def errors(results: list[FileResult]) -> list[str]:
    """The distinct error messages, in order (a broken configuration is reported once)."""
    return list(dict.fromkeys(result.error for result in results if result.error))


def notes(results: list[FileResult]) -> list[str]:
    return [result.note for result in results if result.note]


def _run(jobs: list[_Job], workers: int) -> list[tuple]:
    if not jobs:
        return []
    if workers > 1 and len(jobs) > 1 and sum(len(job.text) for job in jobs) >= PARALLEL_FROM:
        import multiprocessing
        import pickle
        from concurrent.futures import ProcessPoolExecutor
        from concurrent.futures.process import BrokenProcessPool

        _warm_up()  # load the grammar and rules once, before the workers are forked
        methods = multiprocessing.get_all_start_methods()
        context = multiprocessing.get_context("fork" if "fork" in methods else None)
        try:
            with ProcessPoolExecutor(max_workers=min(workers, len(jobs)), mp_context=context) as pool:
                return list(pool.map(_lint, jobs, chunksize=max(1, len(jobs) // (workers * 8))))
        except (BrokenProcessPool, OSError, pickle.PicklingError, AttributeError, TypeError):
            pass  # a worker died (memory?), processes cannot be made, or a job cannot be sent: do the work here
    return [_lint(job) for job in jobs]


def _warm_up() -> None:
    from ..grammar.parser import structure_parser
    from . import registry

    structure_parser()
    registry.all_rules()


def fix(text: str, config: Config, *, unsafe: bool = False, path: str | None = None, first: list[Diagnostic] | None = None):
    """Apply the fixes to `text` until none applies: (fixed text, fixes applied, findings left).
    Fixing the result again changes nothing."""
    from .engine import lint_text
    from .fixes import fix_text

    return fix_text(text, lambda current: lint_text(current, config, path=path), unsafe=unsafe, first=first)


def _lint(job: _Job) -> tuple[list[Diagnostic], str | None, int, list[Diagnostic]]:
    """(findings of the text, fixed text or None, fixes applied, findings left after fixing)."""
    from .engine import lint_document, parse_with

    first = lint_document(parse_with(job.text, job.config, path=job.display), job.config)
    if not job.fix or not has_fixes(first, unsafe=job.unsafe):
        return first, None, 0, first
    fixed, count, final = fix(job.text, job.config, unsafe=job.unsafe, path=job.display, first=first)
    return first, (fixed if count else None), count, final
