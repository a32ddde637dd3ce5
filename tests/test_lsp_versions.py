"""Language versions in the editor: a real `resolint server` compares an open document with
its other versions — open beside it, found on disk by name, or mapped in the configuration —
and shows their disagreements (LV findings) as `resolint compare` does."""
from __future__ import annotations

import pytest_lsp
from lsprotocol import types

from .conftest import CORPUS, require
from .lsp_client import CONFIG, Client, start

NAME = "A-RES-78-124.md"  # a short resolution whose English and French agree
SYMBOL, OTHER = "<sup>1</sup> A/78/605.", "<sup>1</sup> A/78/606."


@pytest_lsp.fixture(config=CONFIG)
async def client(lsp_client: Client, tmp_path):
    await start(lsp_client, tmp_path)
    yield
    await lsp_client.shutdown_session()


def official(language: str) -> str:
    path = CORPUS / "official" / language / NAME
    require(path.is_file(), f"the official corpus has no {language}/{NAME}")
    return path.read_text(encoding="utf-8")


def lv(diagnostics) -> list[tuple[str, int, str]]:
    return [(d.code, d.range.start.line, d.message) for d in diagnostics if d.code.startswith("LV")]


def line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n")


async def latest(client: Client, uri: str, condition, what: str):
    """The latest diagnostics published for `uri`, once they satisfy `condition`."""
    def check():
        params = next((p for p in reversed(client.published) if p.uri == uri), None)
        return params if params is not None and condition(params.diagnostics) else None

    return (await client.until(check, what)).diagnostics


async def test_two_open_versions_that_disagree_both_carry_the_finding_until_one_agrees(client: Client, tmp_path):
    en, fr = official("en"), official("fr").replace(SYMBOL, OTHER)
    en_uri, fr_uri = (tmp_path / "A-RES-78-124.en.md").as_uri(), (tmp_path / "A-RES-78-124.fr.md").as_uri()
    client.open(en_uri, en)
    assert lv(await client.diagnostics_for(en_uri, 1)) == []  # no French yet, on disk or open
    client.open(fr_uri, fr)
    line = line_of(fr, OTHER)
    on_fr = await latest(client, fr_uri, lv, "the LV finding on the French")
    on_en = await latest(client, en_uri, lv, "the LV finding on the English")
    assert lv(on_fr) == [("LV003", line, f"A/78/606. here, A/78/605. in the English version (line {line + 1})")]
    assert lv(on_en) == [("LV003", line_of(en, SYMBOL), f"A/78/605. here, A/78/606. in the French version (line {line + 1})")]
    assert "SS001" in {d.code for d in on_fr}  # its own findings stay
    column = fr.splitlines()[line].index("606")
    client.replace(fr_uri, 2, (line, column), (line, column + 3), "605")  # the French now agrees
    assert lv(await client.diagnostics_for(fr_uri, 2)) == []
    await latest(client, en_uri, lambda found: not lv(found), "the English without the LV finding")


async def test_closing_a_version_never_saved_takes_its_findings_away(client: Client, tmp_path):
    en_uri, fr_uri = (tmp_path / "A-RES-78-124.en.md").as_uri(), (tmp_path / "A-RES-78-124.fr.md").as_uri()
    client.open(en_uri, official("en"))
    client.open(fr_uri, official("fr").replace(SYMBOL, OTHER))
    await latest(client, en_uri, lv, "the LV finding on the English")
    client.text_document_did_close(types.DidCloseTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=fr_uri)))
    await latest(client, en_uri, lambda found: not lv(found), "the English without the LV finding")


async def test_a_version_on_disk_that_is_not_open(client: Client, tmp_path):
    fr_path = tmp_path / "A-RES-78-124.fr.md"
    fr_path.write_text(official("fr").replace(SYMBOL, OTHER), encoding="utf-8")
    (tmp_path / "A-RES-78-124.de.md").write_text("not a version: resolint reads no German\n", encoding="utf-8")
    en = official("en")
    en_uri = (tmp_path / "A-RES-78-124.en.md").as_uri()
    client.open(en_uri, en)
    assert [code for code, _, _ in lv(await client.diagnostics_for(en_uri, 1))] == ["LV003"]
    # the file is corrected on disk: the watched-file event brings the English up to date
    fr_path.write_text(official("fr"), encoding="utf-8")
    client.workspace_did_change_watched_files(types.DidChangeWatchedFilesParams(changes=[
        types.FileEvent(uri=fr_path.as_uri(), type=types.FileChangeType.Changed)]))
    await latest(client, en_uri, lambda found: not lv(found), "the English without the LV finding")
    # a Spanish version appears, found through the event: when the English is edited to
    # cite what the Spanish cites, the French is the odd one out and the English is clean
    es_path = tmp_path / "A-RES-78-124.es.md"
    es_path.write_text(official("es").replace(SYMBOL, OTHER), encoding="utf-8")
    client.workspace_did_change_watched_files(types.DidChangeWatchedFilesParams(changes=[
        types.FileEvent(uri=es_path.as_uri(), type=types.FileChangeType.Created)]))
    line = line_of(en, SYMBOL)
    column = en.splitlines()[line].index("605")
    client.replace(en_uri, 2, (line, column), (line, column + 3), "606")
    assert lv(await client.diagnostics_for(en_uri, 2)) == []


async def test_the_configuration_maps_versions_and_governs_their_findings(client: Client, tmp_path):
    (tmp_path / "texts").mkdir()
    (tmp_path / ".resolint.toml").write_text('[versions]\n"texts/credentials.md" = ["texts/pouvoirs.md"]\n', encoding="utf-8")
    (tmp_path / "texts" / "pouvoirs.md").write_text(official("fr").replace(SYMBOL, OTHER), encoding="utf-8")
    uri = (tmp_path / "texts" / "credentials.md").as_uri()
    client.open(uri, official("en"))
    assert [code for code, _, _ in lv(await client.diagnostics_for(uri, 1))] == ["LV003"]
    (tmp_path / ".resolint.toml").write_text(
        '[versions]\n"texts/credentials.md" = ["texts/pouvoirs.md"]\n[severity]\nLV003 = "hint"\n', encoding="utf-8")
    client.workspace_did_change_watched_files(types.DidChangeWatchedFilesParams(changes=[
        types.FileEvent(uri=(tmp_path / ".resolint.toml").as_uri(), type=types.FileChangeType.Changed)]))
    found = await latest(client, uri, lambda found: any(d.severity == types.DiagnosticSeverity.Hint for d in found), "a hint")
    assert [d.code for d in found if d.severity == types.DiagnosticSeverity.Hint] == ["LV003"]
    for config, wanted, what in (
        ('[per-file-ignores]\n"texts/*.md" = ["LV003"]\n', False, "no LV003 where per-file-ignores turns it off"),
        ("", True, "LV003 back without it"),
        ('ignore = ["LV"]\n', False, "no LV finding when LV is ignored"),
    ):
        (tmp_path / ".resolint.toml").write_text(config + '[versions]\n"texts/credentials.md" = ["texts/pouvoirs.md"]\n',
                                                 encoding="utf-8")
        client.workspace_did_change_watched_files(types.DidChangeWatchedFilesParams(changes=[
            types.FileEvent(uri=(tmp_path / ".resolint.toml").as_uri(), type=types.FileChangeType.Changed)]))
        await latest(client, uri, lambda found, wanted=wanted: bool(lv(found)) == wanted, what)


async def test_a_bad_mapping_is_reported_like_other_bad_options(client: Client, tmp_path):
    (tmp_path / ".resolint.toml").write_text('[versions]\n"res.md" = [3]\n', encoding="utf-8")
    uri = (tmp_path / "A-RES-78-124.en.md").as_uri()
    client.open(uri, official("en"))
    assert await client.diagnostics_for(uri, 1) is not None
    message = await client.until(lambda: next((m for m in client.shown if "versions" in m.message), None), "an error message")
    assert message.type == types.MessageType.Error
    assert message.message == (f'resolint: {tmp_path / ".resolint.toml"}: versions."res.md": expected a list of strings, '
                               'e.g. ["res-fr.md", "res-es.md"]; using the default configuration')


async def test_versions_of_different_texts_are_not_compared_and_it_is_said_once(client: Client, tmp_path):
    (tmp_path / "A-RES-78-124.fr.md").write_text((CORPUS / "official" / "fr" / "A-RES-78-10.md").read_text(encoding="utf-8"),
                                                 encoding="utf-8")
    uri = (tmp_path / "A-RES-78-124.en.md").as_uri()
    client.open(uri, official("en"))
    assert lv(await client.diagnostics_for(uri, 1)) == []
    message = await client.until(lambda: next((m for m in client.shown if "different texts" in m.message), None), "a warning")
    assert message.type == types.MessageType.Warning and "not compared" in message.message


@pytest_lsp.fixture(config=CONFIG)
async def puller(lsp_client: Client, tmp_path):
    await start(lsp_client, tmp_path, pull=True)
    yield
    await lsp_client.shutdown_session()


async def test_a_client_that_pulls_gets_them_and_a_new_result_when_the_other_version_changes(puller: Client, tmp_path):
    en, fr = official("en"), official("fr").replace(SYMBOL, OTHER)
    en_uri, fr_uri = (tmp_path / "A-RES-78-124.en.md").as_uri(), (tmp_path / "A-RES-78-124.fr.md").as_uri()
    puller.open(en_uri, en)
    puller.open(fr_uri, fr)
    identifier = types.TextDocumentIdentifier(uri=en_uri)
    report = await puller.text_document_diagnostic_async(types.DocumentDiagnosticParams(text_document=identifier))
    assert [code for code, _, _ in lv(report.items)] == ["LV003"]
    line = line_of(fr, OTHER)
    column = fr.splitlines()[line].index("606")
    puller.replace(fr_uri, 2, (line, column), (line, column + 3), "605")
    again = await puller.text_document_diagnostic_async(
        types.DocumentDiagnosticParams(text_document=identifier, previous_result_id=report.result_id))
    assert again.kind == "full" and lv(again.items) == []
    unchanged = await puller.text_document_diagnostic_async(
        types.DocumentDiagnosticParams(text_document=identifier, previous_result_id=again.result_id))
    assert unchanged.kind == "unchanged"
