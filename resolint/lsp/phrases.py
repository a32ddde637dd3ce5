"""The code action "Add “…” to the project's phrases" on an unknown or misspelt opening
phrase (VB004, VB005): it adds the phrase, as written, to `[phrases]` of the nearest
configuration file, by a minimal edit of that file's text (linter/config_edit.py), so that
its other content and comments stay. When the client has saved the file, the server reads
the configuration again (it watches configuration files) and the finding is gone.

With no configuration file governing the document, the action creates `.resolint.toml` at
the workspace root when the document lies inside the workspace, else beside the document: the
phrases are the project's, and a file at the root governs every draft below it, while a
file beside one draft would leave its neighbours without them.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from lsprotocol import types

from ..document.diagnostics import Diagnostic
from ..linter.config import find_config
from ..linter.config_edit import EditError, add_phrase
from . import convert
from .analysis import Analysis

if TYPE_CHECKING:
    from ..facts.openings import Opening

CODES = ("VB004", "VB005")
NEW_CONFIG = ".resolint.toml"


@dataclass(frozen=True)
class Editor:
    """What the client can do with a workspace edit, and where its workspace is."""

    root: Path | None = None
    document_changes: bool = False
    create_files: bool = False  # workspace edits may create a file
    disabled_actions: bool = False  # actions may be shown greyed out with a reason


def phrase_actions(analysis: Analysis, span, editor: Editor) -> list[types.CodeAction]:
    """One action per phrase of the VB004/VB005 findings that touch `span`."""
    if analysis.path is None:
        return []
    found: dict[tuple[str, str], types.CodeAction] = {}
    for finding, shown in zip(analysis.findings, analysis.diagnostics):
        if finding.code not in CODES or not (finding.span.start <= span.end and span.start <= finding.span.end):
            continue
        opening = _opening_of(analysis, finding)
        if opening is None or opening.emphasis is None:
            continue  # plain text: the words up to the first punctuation are no phrase to list
        whole = opening.span()
        phrase = " ".join(analysis.text[whole.start : whole.end].split())
        if (phrase, opening.kind) not in found:
            action = _action(analysis, shown, phrase, opening.kind, editor)
            if action is not None:
                found[phrase, opening.kind] = action
    return list(found.values())


def _opening_of(analysis: Analysis, finding: Diagnostic) -> Opening | None:
    """The opening whose words the finding is on."""
    for opening in analysis.facts.openings:
        if opening.words and opening.span().start <= finding.span.start and finding.span.end <= opening.span().end:
            return opening
    return None


def _action(analysis: Analysis, shown: types.Diagnostic, phrase: str, kind: str, editor: Editor) -> types.CodeAction | None:
    target, exists = configuration_file(Path(analysis.path), editor.root)
    table = ("tool", "resolint", "phrases") if target.name == "pyproject.toml" else ("phrases",)
    title = f"Add “{phrase}” to the project's phrases"
    try:
        current = target.read_text(encoding="utf-8") if exists else ""
        edited = add_phrase(current, table, analysis.facts.language.code, kind, phrase)
    except (OSError, UnicodeDecodeError) as error:
        return _disabled(title, shown, f"{target}: cannot be read ({error})", editor)
    except EditError as error:
        return _disabled(title, shown, f"{target.name}: {error}", editor)
    if not exists and not (editor.document_changes and editor.create_files):
        return _disabled(title, shown, f"the editor cannot create {target}", editor)
    change = convert.minimal_edit(current, edited)
    edits = convert.text_edits([change], convert.PositionMap(current, analysis.positions.encoding))
    edit = convert.workspace_edit(target.as_uri(), None, edits, editor.document_changes)
    if not exists:
        create = types.CreateFile(uri=target.as_uri(), options=types.CreateFileOptions(ignore_if_exists=True))
        edit = types.WorkspaceEdit(document_changes=[create, *edit.document_changes])
    return types.CodeAction(title=title, kind=types.CodeActionKind.QuickFix, diagnostics=[shown], edit=edit)


def _disabled(title: str, shown: types.Diagnostic, reason: str, editor: Editor) -> types.CodeAction | None:
    """The action greyed out with why, for a client that shows such actions (else none)."""
    if not editor.disabled_actions:
        return None
    return types.CodeAction(title=title, kind=types.CodeActionKind.QuickFix, diagnostics=[shown],
                            disabled=types.CodeActionDisabled(reason=reason))


def configuration_file(document: Path, root: Path | None) -> tuple[Path, bool]:
    """The configuration file that governs `document`, and whether it exists (see the module
    docstring for where a new one goes)."""
    found = find_config(document)
    if found is not None:
        return found, True
    folder = document.resolve().parent
    if root is not None and folder.is_relative_to(root.resolve()):
        folder = root.resolve()
    return folder / NEW_CONFIG, False
