"""The review copy of a Word document (`draft.reviewed.docx`): the draft as a human editor
would return it — every finding a comment in the margin (`comments`), every fix a tracked
change (`tracked`), safe fixes always, unsafe ones when asked. Accepting all the changes
gives the text `check --fix` gives; rejecting them all gives the draft as it was.

The copy is written as the corrected copy is (`save`): only the changed parts replaced, the
comments part added, every other part byte for byte; and it replaces an earlier review copy
only if that is unchanged since resolint wrote it — its zip comment holds the SHA-256 of its
bytes, which any save by Word or LibreOffice drops — unless `force` is given.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ..document.diagnostics import Diagnostic
from .comments import AUTHOR, add_comments, largest_id, marked_parts
from .fix import DocxFixError, _read, fix_document
from .package import load
from .save import COMMENTS_TYPE, CopyError, repack, save_copy, snapshot
from .tracked import TrackedChanges


@dataclass
class ReviewOutcome:
    """What the review copy holds: `comments` findings, `applied` fixes as tracked changes
    (`changes` insertions and deletions), and the fixes Word cannot take, with the reason."""

    data: bytes
    comments: int
    applied: int
    changes: int
    skipped: list[tuple[Diagnostic, str]] = field(default_factory=list)


def review_docx(data: bytes, name: str, lint: Callable[[str], list[Diagnostic]],
                findings: list[Diagnostic] | None = None, *, unsafe: bool = False) -> ReviewOutcome:
    """The review copy of the .docx in `data`: `findings` (by default, what `lint` finds
    in it) as comments, the fixes `lint` finds as tracked changes. Raises DocxError for an
    unreadable file and DocxFixError when a fix could not be written faithfully."""
    document = load(data, name)
    before = snapshot(document)
    word = _read(document, name)
    comments = add_comments(document, word, lint(word.text) if findings is None else findings)
    roots = marked_parts(document)
    changes = TrackedChanges(AUTHOR, first_id=1 + largest_id(roots))
    applied, skipped = fix_document(document, name, lint, unsafe=unsafe, changes=changes)
    count = changes.finish(roots)
    try:
        copy = repack(data, document, before, new_types=frozenset({COMMENTS_TYPE}))
    except CopyError as error:
        raise DocxFixError(str(error)) from None
    return ReviewOutcome(copy, comments, applied, count, skipped)


def review_file(path: Path, lint: Callable[[str], list[Diagnostic]], findings: list[Diagnostic] | None = None, *,
                unsafe: bool = False, force: bool = False) -> tuple[Path, ReviewOutcome]:
    """Write the review copy of the Word document at `path` beside it (`reviewed_path`);
    the original is never touched. What `check --review` calls. Raises DocxError (a
    SourceError) and DocxFixError."""
    outcome = review_docx(path.read_bytes(), str(path), lint, findings, unsafe=unsafe)
    target = reviewed_path(path)
    try:
        save_copy(target, outcome.data, "review copy", force=force)
    except CopyError as error:
        raise DocxFixError(str(error)) from None
    return target, outcome


def reviewed_path(path: Path) -> Path:
    """Where the review copy of `path` goes: draft.docx -> draft.reviewed.docx."""
    return path.with_name(f"{path.stem}.reviewed{path.suffix}")
