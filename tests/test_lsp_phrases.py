"""Project phrases and per-file ignores in the editor: a real `resolint server` over stdio.
The quick fix "Add “…” to the project's phrases" edits the configuration file (or creates
one), keeping what it held; once the client has written it, the finding is gone. Completion
offers the project's phrases, and per-file ignores apply as on the command line."""
from __future__ import annotations

import shutil

import pytest_lsp
from lsprotocol import types

from .conftest import ROOT
from .lsp_client import CONFIG, Client, position, start
from .test_lsp_server import code_actions, edit_text

PROJECTS = ROOT / "tests" / "projects"
UNKNOWN = "Taking note with great warmth"


@pytest_lsp.fixture(config=CONFIG)
async def client(lsp_client: Client, tmp_path):
    await start(lsp_client, tmp_path)
    yield
    await lsp_client.shutdown_session()


def project(tmp_path, name: str):
    shutil.copytree(PROJECTS / name, tmp_path, dirs_exist_ok=True)
    return tmp_path


async def add_phrase_action(client: Client, uri: str, phrase: str) -> tuple[types.CodeAction, types.Diagnostic]:
    diagnostics = await client.diagnostics_for(uri, 1)
    finding = next(d for d in diagnostics if d.code in ("VB004", "VB005") and phrase.split()[-1][:5] in d.message)
    found = await code_actions(client, uri, finding.range, [finding], only=[types.CodeActionKind.QuickFix])
    action = next(a for a in found if a.title == f"Add “{phrase}” to the project's phrases")
    assert action.kind == types.CodeActionKind.QuickFix and list(action.diagnostics) == [finding]
    return action, finding


async def written_and_reloaded(client: Client, path, text: str, uri: str, gone: str) -> None:
    """Write the configuration as the client would, tell the server, wait for the finding to go."""
    path.write_text(text, encoding="utf-8")
    client.workspace_did_change_watched_files(types.DidChangeWatchedFilesParams(changes=[
        types.FileEvent(uri=path.as_uri(), type=types.FileChangeType.Changed)]))
    await client.until(
        lambda: client.published[-1].uri == uri and not any(gone in d.message for d in client.published[-1].diagnostics),
        f"diagnostics without {gone!r}")


async def test_adding_a_phrase_edits_the_configuration_and_keeps_its_comments(client: Client, tmp_path):
    folder = project(tmp_path, "phrases")
    config = folder / ".resolint.toml"
    before = config.read_text(encoding="utf-8")
    uri = (folder / "draft-en.md").as_uri()
    client.open(uri, (folder / "draft-en.md").read_text(encoding="utf-8"))
    action, _ = await add_phrase_action(client, uri, UNKNOWN)
    [change] = action.edit.document_changes
    assert change.text_document.uri == config.as_uri()
    after = edit_text(before, list(change.edits))
    assert after == before.replace('en.preambular = ["Noting with deep appreciation"]',
                                   f'en.preambular = ["Noting with deep appreciation", "{UNKNOWN}"]')
    await written_and_reloaded(client, config, after, uri, f'"{UNKNOWN}" is not a known opening phrase')
    assert any(d.code == "VB004" for d in client.published[-1].diagnostics)  # the other findings stay


async def test_without_a_configuration_one_is_created_at_the_workspace_root(client: Client, tmp_path):
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    draft = drafts / "draft-en.md"
    shutil.copy(PROJECTS / "phrases" / "draft-en.md", draft)
    uri = draft.as_uri()
    client.open(uri, draft.read_text(encoding="utf-8"))
    action, _ = await add_phrase_action(client, uri, "Noting with deep appreciation")
    create, change = action.edit.document_changes
    config = tmp_path / ".resolint.toml"
    assert isinstance(create, types.CreateFile) and create.uri == config.as_uri() and create.options.ignore_if_exists
    assert change.text_document.uri == config.as_uri()
    text = edit_text("", list(change.edits))
    assert text.endswith('[phrases]\nen.preambular = ["Noting with deep appreciation"]\n')
    await written_and_reloaded(client, config, text, uri, '"Noting with deep appreciation" is not a known opening phrase')


async def test_a_misspelt_phrase_is_added_as_written_to_a_pyproject(client: Client, tmp_path):
    folder = project(tmp_path, "phrases")
    (folder / ".resolint.toml").unlink()
    pyproject = folder / "pyproject.toml"
    before = '[project]\nname = "drafts"  # the delegation\'s\n\n[tool.resolint]\nlanguage = "en"\n'
    pyproject.write_text(before, encoding="utf-8")
    uri = (folder / "draft-en.md").as_uri()
    client.open(uri, (folder / "draft-en.md").read_text(encoding="utf-8"))
    action, finding = await add_phrase_action(client, uri, "Noting with deep apreciation")
    assert finding.code == "VB004"
    [change] = action.edit.document_changes
    after = edit_text(before, list(change.edits))
    assert after == before + '\n[tool.resolint.phrases]\nen.preambular = ["Noting with deep apreciation"]\n'
    await written_and_reloaded(client, pyproject, after, uri, '"apreciation" is not a word')


async def test_completion_offers_the_project_phrases(client: Client, tmp_path):
    folder = project(tmp_path, "phrases")
    text = (folder / "draft-en.md").read_text(encoding="utf-8")
    start_of_line = text.index("*Taking note")
    text = text[:start_of_line] + "*Noting w\n\n" + text[start_of_line:]
    uri = (folder / "drafting.md").as_uri()
    client.open(uri, text)
    await client.diagnostics_for(uri, 1)
    result = await client.text_document_completion_async(types.CompletionParams(
        text_document=types.TextDocumentIdentifier(uri=uri), position=position(text, start_of_line + len("*Noting w"))))
    offered = {item.label: item for item in result.items}
    assert offered["Noting with deep appreciation"].detail == "preambular opening phrase"
    assert offered["Noting with deep appreciation"].text_edit.new_text == "*Noting with deep appreciation*"


async def test_per_file_ignores_apply_in_the_editor(client: Client, tmp_path):
    folder = project(tmp_path, "per-file-ignores")
    codes = {}
    for name in ("archive/adopted-en.md", "drafts/draft-en.md", "drafts/projet-fr.md"):
        uri = (folder / name).as_uri()
        client.open(uri, (folder / name).read_text(encoding="utf-8"))
        codes[name] = sorted(d.code for d in await client.diagnostics_for(uri, 1))
    assert codes == {"archive/adopted-en.md": [], "drafts/draft-en.md": ["ST006", "VB004", "VB005"],
                     "drafts/projet-fr.md": ["CT003"]}
