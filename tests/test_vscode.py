"""The VS Code extension (vscode_extension/): type-checked, packaged into a plain and a
bundled .vsix whose contents are checked, and run in a real VS Code (code-server 4.100.3 in
headless Chromium), where its diagnostics, quick fix, fix all and outline must agree with
`resolint check` and the core.

Needs node 20+ and npm (the build), and for the editor tests code-server installed by
vscode_extension/scripts/install-code-server.sh plus Debian's chromium and chromedriver;
each test skips with the reason when something is missing (fails under RESOLINT_REQUIRE_ALL).
Screenshots go to test-artifacts/vscode/; RESOLINT_UPDATE_SCREENSHOTS=1 also copies them
into vscode_extension/images/ for the extension's README.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from resolint.linter.config import config_for
from resolint.linter.engine import lint_document, parse_with
from resolint.linter.fixes import fix_until_stable

from .conftest import ROOT, SPANISH_SAMPLE, require
from .vscode_harness import (
    ARTIFACTS,
    CODE_SERVER_VERSION,
    EXTENSION_DIR,
    INSTALL_SCRIPT,
    browser_paths,
    build_extension,
    code_server_bin,
    code_server_dir,
    fake_python_extension,
    node_major,
    run,
    run_scenario,
)

PACKAGE = json.loads((EXTENSION_DIR / "package.json").read_text())
EXTENSION_ID = f"{PACKAGE['publisher']}.{PACKAGE['name']}"
SEVERITIES = {"Error": "error", "Warning": "warning", "Information": "info", "Hint": "hint"}
# Settings the server reads (resolint/lsp/settings.py); the others are the client's own.
SERVER_SETTINGS = {"enable", "language", "select", "ignore", "debounce", "severity"}
CLIENT_SETTINGS = {"interpreter", "importStrategy", "trace.server"}


@pytest.fixture(scope="module")
def build():
    major = node_major()
    require(major is not None and major >= 20, f"node 20+ and npm are needed to build the VS Code extension (found node {major})")
    return build_extension()


@pytest.fixture(scope="module")
def code_server() -> Path:
    binary = code_server_bin()
    require(binary is not None, f"code-server {CODE_SERVER_VERSION} is not installed in {code_server_dir()}: run {INSTALL_SCRIPT}")
    chromium, chromedriver = browser_paths()
    require(chromium is not None and chromedriver is not None, "chromium and chromedriver are missing: apt-get install chromium chromium-driver")
    return binary


# --- build and package ----------------------------------------------------------------------

def test_typescript_type_checks(build):
    run([str(EXTENSION_DIR / "node_modules" / ".bin" / "tsc"), "--noEmit", "-p", "."])


def test_vsix_holds_exactly_what_runs(build):
    with zipfile.ZipFile(build.vsix) as vsix:
        names = set(vsix.namelist())
        manifest = json.loads(vsix.read("extension/package.json"))
        bundle = vsix.read("extension/out/extension.js").decode()
        readme = vsix.read("extension/readme.md").decode()
    images = {f"extension/images/{path.name}" for path in (EXTENSION_DIR / "images").glob("*.png")}
    assert names == {
        "[Content_Types].xml", "extension.vsixmanifest", "extension/package.json", "extension/readme.md",
        "extension/changelog.md", "extension/LICENSE.txt", "extension/language-configuration.json",
        "extension/out/extension.js", "extension/syntaxes/un-resolution.tmLanguage.json",
        "extension/syntaxes/un-resolution.injection.tmLanguage.json", *images,
    }
    assert build.vsix.stat().st_size < 1_000_000  # code ~110 KB, the two README screenshots the rest
    # One self-contained bundle: vscode-languageclient is inside, only `vscode` is external.
    assert "vscode-languageclient" not in set(re.findall(r'require\("([^"]+)"\)', bundle))
    assert manifest["main"] == "./out/extension.js"
    for grammar in manifest["contributes"]["grammars"]:
        assert f"extension/{grammar['path'].removeprefix('./')}" in names
    for image in re.findall(r"\]\((images/[^)]+)\)", readme):
        assert f"extension/{image}" in names, f"README shows {image}, which is not in the .vsix"
    assert {"extension/images/diagnostics.png", "extension/images/outline.png"} <= names


def test_manifest_installs_in_vscode_1_100_and_declares_the_features(build):
    engine = PACKAGE["engines"]["vscode"]
    minimum = tuple(int(part) for part in re.fullmatch(r"\^(\d+)\.(\d+)\.(\d+)", engine).groups())
    assert minimum <= (1, 100, 3), "code-server 4.100.3 (VS Code 1.100.3) must accept the extension"
    client = json.loads((EXTENSION_DIR / "node_modules" / "vscode-languageclient" / "package.json").read_text())
    needed = tuple(int(part) for part in client["engines"]["vscode"].lstrip("^").split("."))
    assert minimum >= needed, "vscode-languageclient needs at least this VS Code"
    assert PACKAGE["devDependencies"]["@types/vscode"] == engine.lstrip("^"), "the API types must match the oldest VS Code supported"
    assert set(PACKAGE["activationEvents"]) == {"onLanguage:markdown", "onLanguage:plaintext", "onLanguage:un-resolution"}
    assert {c["command"] for c in PACKAGE["contributes"]["commands"]} >= {"resolint.restart", "resolint.fixAll"}
    (language,) = PACKAGE["contributes"]["languages"]
    assert language["id"] == "un-resolution" and language["extensions"] == [".res.md"]
    lock = json.loads((EXTENSION_DIR / "package-lock.json").read_text())
    assert lock["packages"][""]["devDependencies"] == PACKAGE["devDependencies"]
    assert _ignored(EXTENSION_DIR / "node_modules"), "node_modules stays out of git"


def test_settings_are_documented_and_match_the_server():
    properties = PACKAGE["contributes"]["configuration"]["properties"]
    names = {name.removeprefix("resolint.") for name in properties}
    assert names == SERVER_SETTINGS | CLIENT_SETTINGS
    readme = (EXTENSION_DIR / "README.md").read_text()
    for name in properties:
        assert f"`{name}`" in readme, f"{name} is not documented in vscode_extension/README.md"
    from resolint.document.langdata import LANGUAGES
    from resolint.lsp.settings import Settings, parse_settings

    defaults = {name: properties[f"resolint.{name}"]["default"] for name in SERVER_SETTINGS}
    settings, problems = parse_settings(defaults)
    assert problems == []
    assert settings == Settings(), "the extension's defaults must be the server's"
    assert properties["resolint.language"]["enum"] == ["auto", *LANGUAGES]
    severity_levels = properties["resolint.severity"]["additionalProperties"]["enum"]
    assert parse_settings({"severity": {"ST": level for level in severity_levels}})[1] == []


def test_bundled_vsix_runs_with_nothing_installed(build, tmp_path):
    with zipfile.ZipFile(build.bundled_vsix) as vsix:
        names = vsix.namelist()
        vsix.extractall(tmp_path)
    libs = tmp_path / "extension" / "bundled" / "libs"
    top = {name.split("/")[3] for name in names if name.startswith("extension/bundled/libs/") and name.count("/") > 3}
    assert {"resolint", "lark", "typer", "shellingham"} <= top
    assert not [n for n in names if n.endswith((".so", ".pyd", ".dll", ".dylib")) or "__pycache__" in n], "pure Python only"
    assert not {"rich", "pygments"} & top
    # The vendored resolint is this checkout's, every file of it (code, grammars, data, record).
    package = ROOT / "resolint"
    listed = subprocess.run(["git", "ls-files", "--cached", "--others", "--exclude-standard", "resolint"],
                            cwd=ROOT, capture_output=True, text=True, check=True).stdout.split()
    ours = {Path(name).relative_to("resolint") for name in listed if (ROOT / name).is_file()}
    vendored = {p.relative_to(libs / "resolint") for p in (libs / "resolint").rglob("*") if p.is_file()}
    assert vendored == ours
    assert all((package / name).read_bytes() == (libs / "resolint" / name).read_bytes() for name in ours)
    # -S: no site-packages at all, so only the bundle can provide resolint and its dependencies.
    env = {**os.environ, "PYTHONPATH": str(libs)}
    command = [sys.executable, "-S", "-P", "-m", "resolint", "check", str(SPANISH_SAMPLE), "--format", "json", "--exit-zero"]
    bundled = subprocess.run(command, env=env, cwd=tmp_path, capture_output=True, text=True)
    assert bundled.returncode == 0, bundled.stderr
    assert json.loads(bundled.stdout) == _cli_json(SPANISH_SAMPLE)
    assert {"pygls", "lsprotocol", "cattrs", "attrs"} <= top
    reply = _initialize([sys.executable, "-S", "-P", "-m", "resolint", "server", "--stdio"], env, tmp_path)
    assert reply["result"]["serverInfo"]["name"] == "resolint"


# --- in a real VS Code ----------------------------------------------------------------------

def test_in_vscode_diagnostics_quick_fix_fix_all_and_outline(build, code_server, tmp_path):
    workspace, sample, resolution = _workspace(tmp_path)
    without_resolint = _empty_venv(tmp_path / "empty-venv")
    report = _cli_json(sample)
    fixable = next(d for d in report["diagnostics"] if d["fix"] and d["fix"]["applicability"] == "safe")
    quick_fix = {"code": fixable["code"], "line": fixable["line"] - 1, "character": fixable["column"] - 1,
                 "title": fixable["fix"]["title"]}
    observed = run_scenario(
        scenario="full", binary=code_server, vsixes=[build.vsix], home=tmp_path / "home", workspace=workspace,
        settings={"resolint.interpreter": sys.executable, "resolint.trace.server": "messages"},
        config={"extensionId": EXTENSION_ID, "sample": str(sample), "resolutionFile": str(resolution),
                "quickFix": quick_fix, "notInstalledPython": str(without_resolint)},
        screenshots={name: ARTIFACTS / f"{name}.png" for name in ("problems", "outline", "not-installed")},
    )
    _record_timing("full", observed, build)
    assert "error" not in observed, f"after the steps {observed['steps']}: {observed.get('error')}"
    assert observed["vscodeVersion"] == "1.100.3"
    installed = Path(observed["extension"]["path"])
    assert installed.is_relative_to(tmp_path / "home" / "extensions"), "the extension must come from the .vsix"
    assert observed["extension"]["version"] == PACKAGE["version"]
    assert observed["languageId"] == "markdown"
    assert observed["status"]["state"] == "running", observed["status"]
    assert observed["status"]["codeSource"] == "environment" and observed["status"]["python"] == sys.executable
    assert observed["status"]["interpreterSource"] == "setting"

    text = sample.read_text(encoding="utf-8")
    expected = _findings_cli(sample)
    assert expected, "the sample has findings to show"
    assert _findings_editor(observed["diagnostics"]) == expected
    assert {d["source"] for d in observed["diagnostics"]} == {"resolint"}

    # The quick fix of a finding: the text becomes what the rule's fix makes of it.
    chosen = next(q for q in observed["quickFixes"] if q["title"].startswith(quick_fix["title"]))
    assert chosen["isPreferred"] and chosen["kind"] == "quickfix"
    assert observed["quickFixApplied"] is True
    assert observed["textAfterQuickFix"] == _apply_fix(text, fixable)
    assert _findings_editor(observed["diagnosticsAfterQuickFix"]) == _findings_core(observed["textAfterQuickFix"], sample)
    assert len(observed["diagnosticsAfterQuickFix"]) == len(expected) - 1

    # Fix all: every safe fix, as the core applies them.
    config = config_for(sample)
    fixed, count = fix_until_stable(text, lambda t: lint_document(parse_with(t, config, path=str(sample)), config))
    assert count > 0 and observed["fixAllApplied"] == 1
    assert observed["textAfterFixAll"] == fixed
    assert _findings_editor(observed["diagnosticsAfterFixAll"]) == _findings_core(fixed, sample)

    # The outline lists the 9 operative paragraphs, numbered, on the lines `resolint outline` gives.
    outline = json.loads(subprocess.run([sys.executable, "-P", "-m", "resolint", "outline", str(sample), "--format", "json"],
                                        capture_output=True, text=True, check=True, cwd=workspace).stdout)
    operative = _find(observed["outline"], lambda node: node["name"].startswith("Operative"))
    assert [node["line"] + 1 for node in operative["children"]] == [p["line"] for p in outline["operative"]]
    assert [node["name"].split(".")[0] for node in operative["children"]] == [str(n) for n in range(1, 10)]
    assert operative["children"][0]["name"] == "1. Toma nota con aprecio"
    assert observed["hover"], "hovering a finding shows the rule's documentation"

    # Settings reach the server: a severity override, then linting off, then back.
    assert {d["severity"] for d in observed["diagnosticsWithSeverityOverride"] if d["code"] == "ST001"} == {"Error"}
    assert observed["diagnosticsDisabled"] == []
    assert _findings_editor(observed["diagnosticsReenabled"]) == expected

    assert observed["statusAfterRestart"]["state"] == "running"
    assert _findings_editor(observed["diagnosticsAfterRestart"]) == expected

    # *.res.md: the un-resolution language, highlighted by the contributed grammar.
    assert observed["resolutionLanguageId"] == "un-resolution"
    scopes: dict[str, set[str]] = {}
    for token in observed["tokens"]:
        scopes.setdefault(token["text"].strip(), set()).update(token["scopes"].split())
    assert "keyword.control.opening.operative.un-resolution" in scopes["Toma nota con aprecio"]
    assert "entity.name.function.opening.preambular.un-resolution" in scopes["Haciendo referencia también"]
    assert "support.constant.footnote-marker.un-resolution" in scopes["3"]
    assert "variable.other.constant.document-symbol.un-resolution" in scopes["S/PRST/2010/1"]
    assert "constant.numeric.paragraph-number.un-resolution" in scopes["9."]
    assert "markup.heading.markdown" in scopes["Septuagésimo quinto período de sesiones"] \
        or "markup.bold.markdown" in scopes["Septuagésimo quinto período de sesiones"], "Markdown highlighting stays"

    assert _findings_editor(observed["resolutionDiagnostics"]) == expected
    assert _findings_editor(observed["plaintextDiagnostics"]) == expected, "an unsaved plain-text document is linted too"

    # No silent failure: an interpreter without resolint gives a status, a message and install help.
    missing = observed["statusNotInstalled"]
    assert missing["state"] == "notInstalled"
    assert f"resolint is not installed for {without_resolint}" in missing["message"]
    assert f'{without_resolint} -m pip install "resolint"' in observed["installHelp"]
    assert observed["statusRestored"]["state"] == "running"

    for name in ("problems", "outline", "not-installed"):
        assert (ARTIFACTS / f"{name}.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    if os.environ.get("RESOLINT_UPDATE_SCREENSHOTS") == "1":
        shutil.copy(ARTIFACTS / "problems.png", EXTENSION_DIR / "images" / "diagnostics.png")
        shutil.copy(ARTIFACTS / "outline.png", EXTENSION_DIR / "images" / "outline.png")


def test_in_vscode_bundled_build_needs_nothing_installed(build, code_server, tmp_path):
    """The bundled .vsix with a Python that has nothing installed, found through the Python
    extension's API (no resolint.interpreter): resolint runs from the bundle."""
    workspace, sample, _ = _workspace(tmp_path)
    without_resolint = _empty_venv(tmp_path / "empty-venv")
    python_extension = fake_python_extension(tmp_path / "fake-python-extension")
    observed = run_scenario(
        scenario="bundled", binary=code_server, vsixes=[build.bundled_vsix, python_extension], home=tmp_path / "home",
        workspace=workspace, settings={}, config={"extensionId": EXTENSION_ID, "sample": str(sample)}, screenshots={},
        env={"RESOLINT_TEST_ACTIVE_PYTHON": str(without_resolint)},
    )
    _record_timing("bundled", observed, build)
    assert "error" not in observed, f"after the steps {observed['steps']}: {observed.get('error')}"
    assert observed["status"]["state"] == "running", observed["status"]
    assert observed["status"]["codeSource"] == "bundled" and observed["status"]["python"] == str(without_resolint)
    assert observed["status"]["interpreterSource"] == "python-extension"
    assert _findings_editor(observed["diagnostics"]) == _findings_cli(sample)


# --- helpers --------------------------------------------------------------------------------

def _workspace(tmp_path: Path) -> tuple[Path, Path, Path]:
    workspace = tmp_path / "workspace"
    workspace.mkdir()
    sample = workspace / SPANISH_SAMPLE.name
    shutil.copy(SPANISH_SAMPLE, sample)
    resolution = workspace / f"{SPANISH_SAMPLE.stem}.res.md"
    shutil.copy(SPANISH_SAMPLE, resolution)
    return workspace, sample, resolution


def _empty_venv(folder: Path) -> Path:
    """A Python with nothing installed (no resolint, no pygls)."""
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(folder)], check=True)
    return folder / "bin" / "python"


def _cli_json(path: Path) -> dict:
    """`resolint check --format json` of the interpreter the extension runs (-P, from the
    file's folder: as the server imports it)."""
    done = subprocess.run([sys.executable, "-P", "-m", "resolint", "check", str(path), "--format", "json", "--exit-zero"],
                          capture_output=True, text=True, check=True, cwd=path.parent)
    return json.loads(done.stdout)


def _findings_cli(path: Path) -> list[tuple]:
    return sorted((d["code"], d["line"], d["column"], d["severity"], d["message"]) for d in _cli_json(path)["diagnostics"])


def _findings_core(text: str, path: Path) -> list[tuple]:
    config = config_for(path)
    doc = parse_with(text, config, path=str(path))
    found = []
    for d in lint_document(doc, config):
        line, column = doc.lines.position(d.span.start)
        found.append((d.code, line, column, d.severity.label, d.message))
    return sorted(found)


def _findings_editor(diagnostics: list[dict]) -> list[tuple]:
    return sorted((d["code"], d["line"] + 1, d["character"] + 1, SEVERITIES[d["severity"]], d["message"]) for d in diagnostics)


def _apply_fix(text: str, finding: dict) -> str:
    """Apply the fix of one finding of `resolint check --format json` (1-based lines and columns)."""
    starts = [0]
    for row in text.splitlines(keepends=True):
        starts.append(starts[-1] + len(row))
    for edit in sorted(finding["fix"]["edits"], key=lambda e: (e["line"], e["column"]), reverse=True):
        start = starts[edit["line"] - 1] + edit["column"] - 1
        end = starts[edit["end_line"] - 1] + edit["end_column"] - 1
        text = text[:start] + edit["content"] + text[end:]
    return text


def _find(nodes: list[dict], wanted) -> dict:
    def search(level: list[dict]) -> dict | None:
        for node in level:
            if wanted(node):
                return node
            if (found := search(node["children"])) is not None:
                return found
        return None

    found = search(nodes)
    assert found is not None, f"no such symbol in the outline: {json.dumps(nodes, ensure_ascii=False)[:2000]}"
    return found


def _initialize(command: list[str], env: dict, cwd: Path) -> dict:
    """Send `initialize` to a language server over stdio, read its answer, then end it."""

    def frame(message: dict) -> bytes:
        body = json.dumps(message).encode()
        return b"Content-Length: %d\r\n\r\n%s" % (len(body), body)

    server = subprocess.Popen(command, env=env, cwd=cwd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        server.stdin.write(frame({"jsonrpc": "2.0", "id": 1, "method": "initialize",
                                  "params": {"processId": None, "rootUri": None, "capabilities": {}}}))
        server.stdin.flush()
        length = None
        while (line := server.stdout.readline().strip()):
            if line.lower().startswith(b"content-length:"):
                length = int(line.split(b":")[1])
        assert length, f"no answer to initialize; stderr: {server.stderr.read().decode(errors='replace')}"
        reply = json.loads(server.stdout.read(length))
        server.stdin.write(frame({"jsonrpc": "2.0", "id": 2, "method": "shutdown"}) + frame({"jsonrpc": "2.0", "method": "exit"}))
        server.stdin.close()
        server.wait(30)
        return reply
    finally:
        if server.poll() is None:
            server.kill()
            server.wait()


def _ignored(path: Path) -> bool:
    return subprocess.run(["git", "check-ignore", "-q", str(path)], cwd=ROOT).returncode == 0


def _record_timing(scenario: str, observed: dict, build) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    timings = ARTIFACTS / "timings.json"
    data = json.loads(timings.read_text()) if timings.exists() else {}
    data[scenario] = {"build_seconds": round(build.seconds, 1), "host_test_seconds": observed.get("seconds"),
                      "code_server_session_seconds": round(observed["wallSeconds"], 1),
                      "quick_fix_requests": observed.get("quickFixAttempts")}
    timings.write_text(json.dumps(data, indent=2))
