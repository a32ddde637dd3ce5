"""The language server end to end: a real `resolint server` process driven over stdio by
pytest-lsp. No sleeps: each test waits for the notification it expects."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest
import pytest_lsp
from lsprotocol import types

from resolint import lint_text
from resolint.document.diagnostics import Edit
from resolint.document.span import Span
from resolint.linter.fixes import apply_edits

from .conftest import ROOT, SPANISH_SAMPLE
from .lsp_client import CONFIG, Client, capabilities, position, start

DRAFT = ROOT / "examples" / "draft-oceans-en.md"


@pytest_lsp.fixture(config=CONFIG)
async def client(lsp_client: Client, tmp_path):
    await start(lsp_client, tmp_path)
    yield
    await lsp_client.shutdown_session()


@pytest_lsp.fixture(config=CONFIG)
async def fresh(lsp_client: Client):
    """A client connected to a server it has not initialized yet (the test starts it)."""
    yield
    await lsp_client.shutdown_session()


@pytest.fixture
def folder(tmp_path):
    return tmp_path


def copy(folder, source) -> tuple[str, str]:
    """The file copied into the test's folder (so no configuration file above applies)."""
    target = folder / source.name
    text = source.read_text(encoding="utf-8")
    target.write_text(text, encoding="utf-8")
    return target.as_uri(), text


def cli_findings(path) -> list[tuple[str, int, int, int, int]]:
    """(code, line, column, end line, end column), 0-based, from `resolint check --format json`."""
    result = subprocess.run([sys.executable, "-m", "resolint", "check", "--format", "json", str(path)],
                            capture_output=True, cwd=path.parent, timeout=120)
    payload = json.loads(result.stdout)
    return [(d["code"], d["line"] - 1, d["column"] - 1, d["end_line"] - 1, d["end_column"] - 1) for d in payload["diagnostics"]]


def shown(diagnostics) -> list[tuple[str, int, int, int, int]]:
    return [(d.code, d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character) for d in diagnostics]


def edit_text(text: str, edits: list[types.TextEdit]) -> str:
    """Apply LSP text edits the way a client does (positions computed independently)."""
    offsets = []
    for edit in edits:
        offsets.append(Edit(Span(_offset(text, edit.range.start), _offset(text, edit.range.end)), edit.new_text))
    return apply_edits(text, offsets)


def _offset(text: str, where: types.Position) -> int:
    lines = text.split("\n")
    start = sum(len(line) + 1 for line in lines[: where.line])
    line = lines[where.line] if where.line < len(lines) else ""
    units = 0
    for index, char in enumerate(line):
        if units >= where.character:
            return start + index
        units += 2 if ord(char) > 0xFFFF else 1
    return start + len(line)


async def code_actions(client: Client, uri: str, where: types.Range, diagnostics, only=None) -> list[types.CodeAction]:
    return await client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri=uri), range=where,
        context=types.CodeActionContext(diagnostics=diagnostics, only=only)))


async def fix_all(client: Client, uri: str) -> list[types.CodeAction]:
    """The source.fixAll actions offered for the whole document."""
    start = types.Position(line=0, character=0)
    return await code_actions(client, uri, types.Range(start=start, end=start), [], only=["source.fixAll"])


def changes_of(action: types.CodeAction, uri: str) -> list[types.TextEdit]:
    document_edit = action.edit.document_changes[0]
    assert document_edit.text_document.uri == uri
    return list(document_edit.edits)


# --- lifecycle and diagnostics -------------------------------------------------------------

async def test_capabilities_and_registrations(fresh: Client, tmp_path):
    result = await start(fresh, tmp_path)
    caps = result.capabilities
    assert result.server_info.name == "resolint"
    assert caps.position_encoding == types.PositionEncodingKind.Utf16
    assert caps.text_document_sync.change == types.TextDocumentSyncKind.Incremental
    assert caps.text_document_sync.save is not None
    assert caps.hover_provider and caps.definition_provider and caps.references_provider
    assert caps.document_symbol_provider and caps.folding_range_provider
    assert list(caps.completion_provider.trigger_characters) == ["*"]
    assert "source.fixAll.resolint" in caps.code_action_provider.code_action_kinds
    assert caps.diagnostic_provider.identifier == "resolint"
    await fresh.until(lambda: len(fresh.registrations) >= 2, "registrations")
    methods = {r.method: r for r in fresh.registrations}
    watchers = methods[types.WORKSPACE_DID_CHANGE_WATCHED_FILES].register_options["watchers"]
    assert {w["globPattern"] for w in watchers} == {"**/pyproject.toml", "**/.resolint.toml", "**/*.{md,markdown,txt,docx}"}
    assert types.WORKSPACE_DID_CHANGE_CONFIGURATION in methods


async def test_spanish_sample_gets_the_same_findings_as_the_command_line(client: Client, folder):
    uri, text = copy(folder, SPANISH_SAMPLE)
    client.open(uri, text)
    diagnostics = await client.diagnostics_for(uri, 1)
    expected = cli_findings(folder / SPANISH_SAMPLE.name)
    assert expected and shown(diagnostics) == expected
    assert all(d.source == "resolint" and d.severity == types.DiagnosticSeverity.Warning for d in diagnostics)


async def test_edit_updates_diagnostics_for_that_version(client: Client, folder):
    uri, text = copy(folder, DRAFT)
    client.open(uri, text)
    before = await client.diagnostics_for(uri, 1)
    st006 = next(d for d in before if d.code == "ST006")
    client.replace(uri, 2, (st006.range.start.line, st006.range.start.character),
                   (st006.range.end.line, st006.range.end.character), ",")
    after = await client.diagnostics_for(uri, 2)
    assert "ST006" not in {d.code for d in after}
    assert len(after) == len(before) - 1


async def test_characters_outside_the_bmp_count_twice(client: Client, folder):
    text = "*The General Assembly*,\n\n*Recalling* 𝒜𝒜 the 😀 text;\n\n1. *Decides* to act.\n"
    uri = (folder / "astral.md").as_uri()
    client.open(uri, text)
    diagnostics = await client.diagnostics_for(uri, 1)
    finding = next(d for d in diagnostics if d.code == "ST006")
    offset = text.index(";")
    assert finding.range.start == position(text, offset)
    assert finding.range.start.character == offset - text.index("*Recalling*") + 3  # three astral characters before it
    fixed = edit_text(text, [types.TextEdit(range=finding.range, new_text=",")])
    assert fixed == text.replace("text;", "text,")


async def test_a_client_preferring_utf32_gets_code_point_columns(fresh: Client, tmp_path):
    result = await start(fresh, tmp_path, encodings=["utf-32", "utf-16"])  # as Emacs 29 offers
    assert result.capabilities.position_encoding == types.PositionEncodingKind.Utf32
    text = "*The General Assembly*,\n\n*Recalling* 𝒜𝒜 the 😀 text;\n\n1. *Decides* to act.\n"
    uri = (tmp_path / "astral.md").as_uri()
    fresh.open(uri, text)
    finding = next(d for d in await fresh.diagnostics_for(uri, 1) if d.code == "ST006")
    assert finding.range.start.character == text.index(";") - text.index("*Recalling*")


async def test_close_clears_diagnostics(client: Client, folder):
    uri, text = copy(folder, DRAFT)
    client.open(uri, text)
    assert await client.diagnostics_for(uri, 1)
    client.text_document_did_close(types.DidCloseTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=uri)))
    await client.until(lambda: client.published[-1].uri == uri and not client.published[-1].diagnostics, "cleared diagnostics")


async def test_burst_of_100_edits_publishes_no_stale_version(client: Client, folder):
    base = "*The General Assembly*,\n\n*Recalling* its resolution;\n\n1. *Decides* to act.\n"
    uri = (folder / "burst.md").as_uri()
    client.open(uri, base)
    await client.diagnostics_for(uri, 1)
    texts = {1: base}
    text = base
    for version in range(2, 102):
        # Alternate the mark that ends the preamble: an ST006 finding comes and goes.
        mark = "," if version % 2 else ";"
        where = text.index("resolution") + len("resolution")
        client.replace(uri, version, (2, where - text.index("*Recalling*")), (2, where - text.index("*Recalling*") + 1), mark)
        text = text[:where] + mark + text[where + 1 :]
        texts[version] = text
    final = await client.diagnostics_for(uri, 101)
    assert [d.code for d in final] == [d.code for d in lint_text(texts[101])]
    versions = [p.version for p in client.published if p.uri == uri]
    assert versions == sorted(versions) and versions[-1] == 101
    for params in (p for p in client.published if p.uri == uri):
        assert [d.code for d in params.diagnostics] == [d.code for d in lint_text(texts[params.version])]


async def test_debounce_publishes_only_the_latest_version(fresh: Client, tmp_path):
    await start(fresh, tmp_path, debounce=300)
    uri = (tmp_path / "typing.md").as_uri()
    text = "*The General Assembly*,\n\n*Recalling* its resolution,\n\n1. *Decides* to act.\n"
    fresh.open(uri, text)
    await fresh.diagnostics_for(uri, 1)
    for version in range(2, 7):
        fresh.replace(uri, version, (4, 3), (4, 3), "x")
    await fresh.diagnostics_for(uri, 6)
    assert [p.version for p in fresh.published if p.uri == uri] == [1, 6]


async def test_save_and_configuration_file_changes_relint(client: Client, folder):
    uri, text = copy(folder, DRAFT)
    client.open(uri, text)
    assert "ST006" in {d.code for d in await client.diagnostics_for(uri, 1)}
    (folder / ".resolint.toml").write_text('ignore = ["ST006"]\n', encoding="utf-8")
    client.workspace_did_change_watched_files(types.DidChangeWatchedFilesParams(changes=[
        types.FileEvent(uri=(folder / ".resolint.toml").as_uri(), type=types.FileChangeType.Created)]))
    await client.until(lambda: client.published[-1].uri == uri and "ST006" not in {d.code for d in client.published[-1].diagnostics},
                       "diagnostics without ST006")
    (folder / ".resolint.toml").write_text('ignore = ["ST006", "ST005"]\n', encoding="utf-8")
    client.text_document_did_save(types.DidSaveTextDocumentParams(
        text_document=types.TextDocumentIdentifier(uri=(folder / ".resolint.toml").as_uri())))
    await client.until(lambda: "ST005" not in {d.code for d in client.published[-1].diagnostics}, "diagnostics without ST005")
    count = len(client.published)
    client.text_document_did_save(types.DidSaveTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=uri)))
    await client.until(lambda: len(client.published) > count, "diagnostics on save")
    assert client.published[-1].version == 1


async def test_invalid_configuration_file_is_reported_and_linting_goes_on(client: Client, folder):
    (folder / ".resolint.toml").write_text('colour = "red"\n', encoding="utf-8")
    uri, text = copy(folder, DRAFT)
    client.open(uri, text)
    assert await client.diagnostics_for(uri, 1)
    message = await client.until(lambda: next((m for m in client.shown if "colour" in m.message), None), "an error message")
    assert message.type == types.MessageType.Error and ".resolint.toml" in message.message


async def test_a_configuration_nested_too_deeply_is_shown_and_linting_goes_on(client: Client, folder):
    # Python's TOML parser recursed until a RecursionError, and the document was never linted
    (folder / ".resolint.toml").write_text("exclude = " + "[" * 5000 + "]" * 5000 + "\n", encoding="utf-8")
    uri, text = copy(folder, DRAFT)
    client.open(uri, text)
    assert await client.diagnostics_for(uri, 1)
    message = await client.until(lambda: next((m for m in client.shown if "nested" in m.message), None), "an error message")
    assert message.type == types.MessageType.Error
    assert message.message == (f"resolint: {folder / '.resolint.toml'}: exclude: arrays or tables nested more than 100 "
                               "deep (line 1); using the default configuration")


async def test_settings_pulled_on_change_of_configuration(client: Client, folder):
    uri, text = copy(folder, DRAFT)
    client.open(uri, text)
    assert len({d.code for d in await client.diagnostics_for(uri, 1)}) > 1
    client.set_configuration({"debounce": 0, "select": ["ST004"], "severity": {"ST004": "error"}}, section="resolint")
    client.workspace_did_change_configuration(types.DidChangeConfigurationParams(settings=None))
    params = await client.until(lambda: next((p for p in reversed(client.published)
                                              if {d.code for d in p.diagnostics} == {"ST004"}), None), "only ST004")
    assert params.diagnostics[0].severity == types.DiagnosticSeverity.Error
    client.set_configuration({"debounce": 0, "select": ["XX999"], "enable": "yes"}, section="resolint")
    client.workspace_did_change_configuration(types.DidChangeConfigurationParams(settings=None))
    await client.until(lambda: len([m for m in client.shown if m.type == types.MessageType.Warning]) >= 2, "two warnings")
    warnings = " ".join(m.message for m in client.shown)
    assert "XX999" in warnings and "resolint.enable" in warnings
    client.set_configuration({"debounce": 0, "enable": False}, section="resolint")
    client.workspace_did_change_configuration(types.DidChangeConfigurationParams(settings=None))
    await client.until(lambda: not client.published[-1].diagnostics, "no diagnostics when disabled")


async def test_pull_diagnostics_for_clients_that_pull(fresh: Client, tmp_path):
    await start(fresh, tmp_path, pull=True)
    uri, text = copy(tmp_path, DRAFT)
    fresh.open(uri, text)
    identifier = types.TextDocumentIdentifier(uri=uri)
    report = await fresh.text_document_diagnostic_async(types.DocumentDiagnosticParams(text_document=identifier))
    assert report.kind == "full" and shown(report.items) == cli_findings(tmp_path / DRAFT.name)
    again = await fresh.text_document_diagnostic_async(
        types.DocumentDiagnosticParams(text_document=identifier, previous_result_id=report.result_id))
    assert again.kind == "unchanged" and again.result_id == report.result_id
    fresh.replace(uri, 2, (0, 0), (0, 0), "\n")
    changed = await fresh.text_document_diagnostic_async(
        types.DocumentDiagnosticParams(text_document=identifier, previous_result_id=report.result_id))
    assert changed.kind == "full" and changed.items[0].range.start.line == report.items[0].range.start.line + 1
    fresh.set_configuration({"debounce": 0, "enable": False}, section="resolint")
    fresh.workspace_did_change_configuration(types.DidChangeConfigurationParams(settings=None))
    await fresh.until(lambda: fresh.diagnostic_refresh_count > 0, "workspace/diagnostic/refresh")
    assert fresh.published == []  # a pulling client is never pushed to


# --- code actions -------------------------------------------------------------------------

async def test_quick_fix_is_preferred_and_fixes_the_finding(client: Client, folder):
    uri, text = copy(folder, DRAFT)
    client.open(uri, text)
    diagnostics = await client.diagnostics_for(uri, 1)
    st006 = next(d for d in diagnostics if d.code == "ST006")
    result = await code_actions(client, uri, st006.range, [st006])
    fix = next(a for a in result if a.kind == types.CodeActionKind.QuickFix and a.is_preferred)
    assert "ST006" in fix.title and list(fix.diagnostics) == [st006]
    assert fix.edit.document_changes[0].text_document.version == 1
    fixed = edit_text(text, changes_of(fix, uri))
    assert len([d for d in lint_text(fixed) if d.code == "ST006"]) == len([d for d in diagnostics if d.code == "ST006"]) - 1


async def test_unsafe_fix_is_offered_marked_and_not_preferred(client: Client, folder):
    uri, text = copy(folder, DRAFT)
    client.open(uri, text)
    risky = [d for d in lint_text(text) if d.fix and d.fix.applicability == "unsafe"]
    assert risky, "the draft should have a finding with an unsafe fix"
    shown_risky = next(d for d in await client.diagnostics_for(uri, 1) if d.code == risky[0].code)
    result = await code_actions(client, uri, shown_risky.range, [shown_risky])
    action = next(a for a in result if a.title.startswith(risky[0].fix.title))
    assert "unsafe" in action.title and not action.is_preferred and action.kind == types.CodeActionKind.QuickFix


async def test_disable_for_this_line_silences_only_that_finding(client: Client, folder):
    uri, text = copy(folder, DRAFT)
    client.open(uri, text)
    diagnostics = await client.diagnostics_for(uri, 1)
    st004 = next(d for d in diagnostics if d.code == "ST004")
    result = await code_actions(client, uri, st004.range, [st004], only=[types.CodeActionKind.QuickFix])
    disable = next(a for a in result if a.title == "Disable ST004 for this line")
    assert not disable.is_preferred
    edits = changes_of(disable, uri)
    assert edits[0].new_text == "<!-- resolint: disable-next-line ST004 -->\n"
    assert edits[0].range.start == types.Position(line=st004.range.start.line, character=0)
    fixed = edit_text(text, edits)
    before = [(d.code, d.message) for d in lint_text(text)]
    after = [(d.code, d.message) for d in lint_text(fixed)]
    assert sorted(after) == sorted(item for item in before if item[0] != "ST004")


async def test_fix_all_applies_every_safe_fix(client: Client, folder):
    uri, text = copy(folder, SPANISH_SAMPLE)
    client.open(uri, text)
    await client.diagnostics_for(uri, 1)
    result = await fix_all(client, uri)
    assert [a.kind for a in result] == ["source.fixAll.resolint"]
    fixed = edit_text(text, changes_of(result[0], uri))
    safe = [d.code for d in lint_text(text) if d.fix and d.fix.applicability == "safe"]
    assert fixed != text and safe and not [d for d in lint_text(fixed) if d.fix and d.fix.applicability == "safe"]


# --- hover, outline, navigation, completion --------------------------------------------------

async def test_hover_on_a_finding_shows_the_rules_documentation(client: Client, folder):
    uri, text = copy(folder, DRAFT)
    client.open(uri, text)
    st004 = next(d for d in await client.diagnostics_for(uri, 1) if d.code == "ST004")
    result = await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=uri), position=st004.range.start))
    assert result.contents.kind == types.MarkupKind.Markdown
    assert result.contents.value.startswith("**ST004** operative-numbering")
    assert "## Why it matters" in result.contents.value
    assert result.range == st004.range


async def test_hover_on_opening_phrases_says_preambular_or_operative(client: Client, folder):
    uri, text = copy(folder, SPANISH_SAMPLE)
    client.open(uri, text)
    await client.diagnostics_for(uri, 1)
    identifier = types.TextDocumentIdentifier(uri=uri)
    where = text.index("*Observando con aprecio*") + 3
    preamble = await client.text_document_hover_async(types.HoverParams(text_document=identifier, position=position(text, where)))
    assert "preambular paragraph" in preamble.contents.value and "*Observando con aprecio*" in preamble.contents.value
    assert preamble.range.start == position(text, where - 3)
    where = text.index("*Solicita*") + 2
    operative = await client.text_document_hover_async(types.HoverParams(text_document=identifier, position=position(text, where)))
    assert "operative paragraph 8" in operative.contents.value
    nothing = await client.text_document_hover_async(types.HoverParams(
        text_document=identifier, position=position(text, text.index("cooperación entre") + 2)))
    assert nothing is None


async def test_document_symbols_and_folding(client: Client, folder):
    uri, text = copy(folder, DRAFT)
    client.open(uri, text)
    await client.diagnostics_for(uri, 1)
    identifier = types.TextDocumentIdentifier(uri=uri)
    symbols = await client.text_document_document_symbol_async(types.DocumentSymbolParams(text_document=identifier))
    names = [s.name for s in symbols]
    assert names == ["Heading", "The General Assembly,", "Preamble (6)", "Operative part (4)", "Footnotes (3)"]
    operative = next(s for s in symbols if s.name.startswith("Operative"))
    assert [c.name for c in operative.children] == ["1. Calls upon", "2. Urges", "4. Requests", "5. Decides"]
    with_subparagraphs = next(c for c in operative.children if c.children)
    assert [c.name[:3] for c in with_subparagraphs.children] == ["a) ", "b) "]
    folds = await client.text_document_folding_range_async(types.FoldingRangeParams(text_document=identifier))
    preamble = next(s for s in symbols if s.name.startswith("Preamble"))
    assert (preamble.range.start.line, preamble.range.end.line) in {(f.start_line, f.end_line) for f in folds}


async def test_footnote_definition_and_references(client: Client, folder):
    uri, text = copy(folder, SPANISH_SAMPLE)
    client.open(uri, text)
    await client.diagnostics_for(uri, 1)
    identifier = types.TextDocumentIdentifier(uri=uri)
    reference = text.index("<sup>3</sup>")
    definition = await client.text_document_definition_async(types.DefinitionParams(
        text_document=identifier, position=position(text, reference + 5)))
    note = text.index("<sup>3</sup>", reference + 1)
    assert [d.range.start for d in definition] == [position(text, note)]
    refs = await client.text_document_references_async(types.ReferenceParams(
        text_document=identifier, position=position(text, note + 14), context=types.ReferenceContext(include_declaration=True)))
    assert [r.range.start for r in refs] == [position(text, reference), position(text, note)]


async def test_completion_offers_opening_phrases_by_position_and_session_ordinals(client: Client, folder):
    text = SPANISH_SAMPLE.read_text(encoding="utf-8")
    operative_start = text.index("1. *Toma nota")
    text = text[:operative_start] + "*Reco\n\n" + text[operative_start:] + "\n\n10. Deci\n\n11. *Decide* volver a examinar la cuestión en su septuagésimo q"
    uri = (folder / "drafting.md").as_uri()
    client.open(uri, text)
    await client.diagnostics_for(uri, 1)
    identifier = types.TextDocumentIdentifier(uri=uri)

    async def complete(offset: int):
        return await client.text_document_completion_async(types.CompletionParams(
            text_document=identifier, position=position(text, offset)))

    preamble = await complete(operative_start + len("*Reco"))
    recordando = next(i for i in preamble.items if i.label == "Recordando")
    assert recordando.text_edit.new_text == "*Recordando*" and recordando.filter_text == "*Recordando"
    assert recordando.text_edit.range.start == position(text, operative_start)
    assert {i.detail for i in preamble.items} == {"preambular opening phrase"}
    operative = await complete(text.index("10. Deci") + len("10. Deci"))
    assert {i.detail for i in operative.items} == {"operative opening phrase"}
    assert "*Decide*" in {i.text_edit.new_text for i in operative.items}
    ordinals = await complete(len(text))
    assert [i.label for i in ordinals.items] == ["septuagésimo quinto"] and ordinals.is_incomplete
    assert ordinals.items[0].text_edit.range.start == position(text, len(text) - len("septuagésimo q"))
    session_line = text.index("Septuagésimo quinto período")
    capitalised = await complete(session_line + len("Septuagésimo"))
    assert [i.text_edit.new_text for i in capitalised.items][:3] == ["Septuagésimo", "Septuagésimo primer", "Septuagésimo segundo"]


# --- documents that are not resolutions, and bad input -------------------------------------

async def test_other_languages_are_left_alone(client: Client, folder):
    uri = (folder / "tool.py").as_uri()
    client.open(uri, "print('The General Assembly')\n", language_id="python")
    assert await client.diagnostics_for(uri, 1) == []
    result = await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(line=0, character=3)))
    assert result is None


async def test_out_of_range_edit_positions_are_clamped(client: Client, folder):
    text = "*The General Assembly*,\n\n*Recalling* its resolution,\n\n1. *Decides* to act.\n"
    uri = (folder / "clamp.md").as_uri()
    client.open(uri, text)
    await client.diagnostics_for(uri, 1)
    client.replace(uri, 2, (2, 500), (2, 900), ";")  # past the end of line 2: its end
    client.replace(uri, 3, (4000, 0), (5000, 3), "\n2. *Decides* again;\n")  # past the last line: the end
    expected = text.replace("resolution,", "resolution,;") + "\n2. *Decides* again;\n"
    diagnostics = await client.diagnostics_for(uri, 3)
    assert shown(diagnostics) == shown([_lsp(d, expected) for d in lint_text(expected)])


def _lsp(finding, text: str) -> types.Diagnostic:
    span = finding.span
    return types.Diagnostic(range=types.Range(start=position(text, span.start), end=position(text, span.end)),
                            message=finding.message, code=finding.code)


async def test_a_five_megabyte_document_is_linted_while_requests_are_answered(client: Client, folder):
    unit = DRAFT.read_text(encoding="utf-8")
    text = unit * (5_000_000 // len(unit) + 1)
    assert len(text.encode("utf-8")) > 5_000_000
    uri = (folder / "huge.md").as_uri()
    client.open(uri, text)
    small_uri, small = copy(folder, SPANISH_SAMPLE)
    client.open(small_uri, small)
    symbols = await client.text_document_document_symbol_async(types.DocumentSymbolParams(
        text_document=types.TextDocumentIdentifier(uri=small_uri)))
    assert symbols
    diagnostics = await client.diagnostics_for(uri, 1)
    assert len(diagnostics) > 1000


async def test_bad_settings_are_shown_once_and_linting_goes_on_with_the_defaults(fresh: Client, tmp_path):
    # the same readers (linter/options.py) as the configuration file and the command line
    bad = {"debounce": 0, "language": "de", "severity": {"ST004": "loud"}}
    fresh.set_configuration(bad, section="resolint")
    await fresh.initialize_session(types.InitializeParams(capabilities=capabilities(), root_uri=tmp_path.as_uri()))
    uri, text = copy(tmp_path, DRAFT)
    fresh.open(uri, text)
    assert shown(await fresh.diagnostics_for(uri, 1)) == cli_findings(tmp_path / DRAFT.name)
    warnings = await fresh.until(lambda: len(fresh.shown) >= 2 and fresh.shown, "two warnings")
    assert sorted(m.message for m in warnings) == [
        "resolint settings: resolint.language: expected \"auto\" or one of en, es, fr, got 'de'",
        "resolint settings: resolint.severity.ST004: expected error, warning, info, hint or off, got 'loud'",
    ]
    count = len(fresh.published)
    fresh.workspace_did_change_configuration(types.DidChangeConfigurationParams(settings=None))
    await fresh.until(lambda: len(fresh.published) > count, "diagnostics after the settings are read again")
    assert len(fresh.shown) == 2  # the same bad values are not shown again
