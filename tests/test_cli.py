"""The command line as a user runs it: a real process, its output and exit code."""
from __future__ import annotations

import atexit
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from .conftest import ROOT, SPANISH_SAMPLE

DRAFT = ROOT / "examples" / "draft-oceans-en.md"


CACHE = Path(tempfile.mkdtemp(prefix="resolint-test-cache-"))  # keeps the checkout free of a cache folder
atexit.register(shutil.rmtree, CACHE, ignore_errors=True)


def run(*args: str, stdin: bytes | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", "RESOLINT_CACHE_DIR": str(CACHE)}
    return subprocess.run(
        [sys.executable, "-m", "resolint", *args], input=stdin, capture_output=True, cwd=cwd or ROOT, env=env, timeout=120,
    )


def out(result) -> str:
    return result.stdout.decode("utf-8")


def err(result) -> str:
    return result.stderr.decode("utf-8")


def test_check_prints_path_line_col_code_message():
    result = run("check", str(DRAFT))
    assert result.returncode == 1
    lines = out(result).splitlines()
    assert lines and all(line.startswith(f"{DRAFT}:") for line in lines)
    assert f"{DRAFT}:37:1: ST004 Paragraph 4 follows paragraph 2: 3 missing" in lines
    assert "Found" in err(result)


def test_json_format_contract():
    result = run("check", "--format", "json", str(SPANISH_SAMPLE))
    payload = json.loads(out(result))
    assert payload["version"] == 1
    first = payload["diagnostics"][0]
    assert set(first) >= {"path", "code", "name", "severity", "message", "line", "column", "end_line", "end_column", "fix"}
    assert first["severity"] in ("error", "warning", "info")
    assert first["fix"]["applicability"] in ("safe", "unsafe") and first["fix"]["edits"]
    assert (first["code"], first["line"], first["column"]) == ("ST001", 7, 181)


def test_select_ignore_and_exit_zero():
    assert run("check", "--select", "ST004", str(SPANISH_SAMPLE)).returncode == 0
    only = run("check", "--select", "ST004,ST005", str(DRAFT))
    assert {line.split(": ")[1].split()[0] for line in out(only).splitlines()} == {"ST004", "ST005"}
    assert run("check", "--select", "ST", "--ignore", "ST", str(DRAFT)).returncode == 0
    assert run("check", "--exit-zero", str(DRAFT)).returncode == 0
    names = run("check", "--select", "operative-numbering", str(DRAFT))
    assert out(names).count("ST004") == 1


def test_directory_and_stdin(tmp_path):
    (tmp_path / "a.md").write_text("*The General Assembly*,\n\n2. *Decides* to act.\n", encoding="utf-8")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "b.md").write_text("****\n", encoding="utf-8")
    result = run("check", str(tmp_path))
    assert out(result).count("ST004") == 1 and ".hidden" not in out(result)
    piped = run("check", "-", "--stdin-filename", "draft.md", stdin=DRAFT.read_bytes())
    assert out(piped).splitlines()[0].startswith("draft.md:15:104: ST001")


def test_language_override():
    result = run("check", "--lang", "es", "--select", "ST005", str(DRAFT))
    assert "ST005" not in out(result)  # "a)" is the Spanish form
    assert run("check", "--lang", "xx", str(DRAFT)).returncode == 2


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"\x00\x01binary", "binary file"),
        ("Résolution".encode("latin-1"), "not UTF-8"),
    ],
)
def test_unreadable_files_exit_2_with_one_line(tmp_path, content, message):
    path = tmp_path / "bad.md"
    path.write_bytes(content)
    result = run("check", str(path))
    assert result.returncode == 2
    assert message in err(result) and "Traceback" not in err(result)
    assert err(result).splitlines()[0].startswith(f"resolint: error: {path}:")


def test_missing_file_and_bad_options():
    missing = run("check", "no/such/file.md")
    assert missing.returncode == 2 and "no such file" in err(missing)
    assert run("check", "--format", "xml", str(DRAFT)).returncode == 2
    assert run("check").returncode == 2
    unknown = run("check", "--select", "ZZ999", str(DRAFT))
    assert unknown.returncode == 2 and "ZZ999" in err(unknown) and "Traceback" not in err(unknown)


@pytest.mark.parametrize(
    "content",
    [b"", b"****\n", b"*Recalling its resolution 70/1,\n", b"<sup></sup>\n", b"\xef\xbb\xbf*The General Assembly*,\n"],
)
def test_bad_input_gets_diagnostics_not_tracebacks(tmp_path, content):
    path = tmp_path / "odd.md"
    path.write_bytes(content)
    result = run("check", "--format", "json", str(path))
    assert result.returncode in (0, 1)
    assert "Traceback" not in err(result)
    assert path.read_bytes() == content  # check never writes


def test_large_file_finishes(tmp_path):
    path = tmp_path / "big.md"
    body = SPANISH_SAMPLE.read_text(encoding="utf-8")
    path.write_text(body * (5_000_000 // len(body) + 1), encoding="utf-8")
    result = run("check", "--exit-zero", str(path))
    assert result.returncode == 0 and "Traceback" not in err(result)


def test_config_file_is_discovered_and_validated(tmp_path):
    draft = tmp_path / "sub" / "draft.md"
    draft.parent.mkdir()
    draft.write_text(DRAFT.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text('[tool.resolint]\nignore = ["ST004"]\n', encoding="utf-8")
    assert "ST004" not in out(run("check", str(draft)))
    (tmp_path / ".resolint.toml").write_text('select = ["ST004"]\n[severity]\nST004 = "info"\n', encoding="utf-8")
    result = run("check", str(draft))
    assert out(result).count("ST004") == 1 and result.returncode == 0  # info does not fail
    (tmp_path / ".resolint.toml").write_text("selekt = []\n", encoding="utf-8")
    bad = run("check", str(draft))
    assert bad.returncode == 2
    assert err(bad).strip() == (
        f"resolint: error: {tmp_path / '.resolint.toml'}: selekt: unknown key "
        "(expected one of: language, select, ignore, exclude, severity, rules, per-file-ignores, phrases, versions)"
    )
    (tmp_path / ".resolint.toml").write_text('select = "ST", "VB"\n', encoding="utf-8")
    assert "invalid TOML" in err(run("check", str(draft)))
    (tmp_path / ".resolint.toml").write_text("select = [1]\n", encoding="utf-8")
    assert "expected a list of strings" in err(run("check", str(draft)))


def test_outline_text_and_json():
    text = out(run("outline", str(SPANISH_SAMPLE)))
    assert "preamble (15)" in text and "operative (9)" in text and "footnotes (7): 1, 2, 3, 4, 5, 6, 7" in text
    data = json.loads(out(run("outline", "--format", "json", str(SPANISH_SAMPLE))))
    assert {"language", "body", "kind", "session", "symbol", "preambular", "operative", "footnotes"} <= set(data)
    assert (data["language"], data["body"], data["kind"], data["session"]) == ("es", "GA", "resolution", "75")
    assert len(data["preambular"]) == 15 and [p["number"] for p in data["operative"]] == list(range(1, 10))
    assert [f["number"] for f in data["footnotes"]] == list(range(1, 8))
    assert all("line" in p for p in data["preambular"] + data["operative"] + data["footnotes"])


def test_rules_and_rule_docs():
    listing = out(run("rules"))
    assert "ST004  operative-numbering" in listing
    docs = run("rule", "ST004")
    assert docs.returncode == 0 and "## Why it matters" in out(docs)
    assert run("rule", "operative-numbering").returncode == 0
    assert run("rule", "XX000").returncode == 2
    assert "ST001" in [rule["code"] for rule in json.loads(out(run("rules", "--format", "json")))]


def test_version():
    assert out(run("--version")).startswith("resolint ")


def test_control_characters_in_file_names_cannot_forge_lines_or_reach_the_terminal(tmp_path):
    forged = "x\nforged.md:1:1: ST000 All clear\ny.md"  # a newline: the report would show a line resolint never wrote
    coloured = "\x1b[31mred\u202e.md"  # an escape sequence, a right-to-left override
    (tmp_path / forged).write_bytes(DRAFT.read_bytes())
    (tmp_path / coloured).write_bytes(DRAFT.read_bytes())
    (tmp_path / "bell\x07.md").write_bytes("Secrétaire".encode("latin-1"))  # an error message names it
    (tmp_path / os.fsdecode(b"latin\xe9.md")).write_bytes(DRAFT.read_bytes())  # a name that is not UTF-8
    result = run("check", "--no-cache", ".", cwd=tmp_path)
    assert result.returncode == 2 and "Traceback" not in err(result)
    for stream in (out(result), err(result)):
        assert not any(char in stream for char in "\x1b\x07\r\u202e")
    prefixes = ("x\\nforged.md:1:1: ST000 All clear\\ny.md:", "\\x1b[31mred\\u202e.md:", "latin\\xe9.md:")
    lines = out(result).splitlines()
    assert lines and all(line.startswith(prefixes) for line in lines)
    assert "resolint: error: bell\\x07.md: not UTF-8" in err(result)
    for output_format in ("json", "sarif", "github", "junit"):
        machine = run("check", "--no-cache", "--format", output_format, ".", cwd=tmp_path)
        assert machine.returncode == 2 and "Traceback" not in err(machine), output_format
    payload = json.loads(out(run("check", "--no-cache", "--format", "json", ".", cwd=tmp_path)))
    assert {d["path"] for d in payload["diagnostics"]} == {forged, coloured, os.fsdecode(b"latin\xe9.md"), "bell\x07.md"}
    assert [d["code"] for d in payload["diagnostics"] if d["path"] == "bell\x07.md"] == ["RL001"]  # not UTF-8


LANG_XX = "--lang: expected \"auto\" or one of en, es, fr, got 'xx'"


@pytest.mark.parametrize(("args", "line"), [
    (("check", "--lang", "xx", str(DRAFT)), LANG_XX),
    (("outline", "--lang", "xx", str(DRAFT)), LANG_XX),
    (("config", "--lang", "xx"), LANG_XX),
    (("init", "--lang", "xx"), LANG_XX),
    (("check", "--format", "xml", str(DRAFT)), "--format: expected one of text, json, sarif, github, junit, got 'xml'"),
    (("compare", "--format", "xml", str(DRAFT), str(SPANISH_SAMPLE)), "--format: expected one of text, json, sarif, github, junit, got 'xml'"),
    (("rules", "--format", "xml"), "--format: expected one of text, json, got 'xml'"),
    (("outline", "--format", "xml", str(DRAFT)), "--format: expected one of text, json, got 'xml'"),
    (("check", "--jobs", "0", str(DRAFT)), "--jobs: expected a number of processes, 1 or more, got 0"),
    (("config", "--ignore", "ST,ZZ9"), "--ignore: unknown rule code or name 'ZZ9' (see `resolint rules`)"),
])
def test_a_bad_option_value_is_one_line_naming_the_flag(args, line, tmp_path):
    """Every command checks its values with linter/options.py, as the configuration does."""
    result = run(*args, cwd=tmp_path)
    assert result.returncode == 2 and err(result).splitlines() == [f"resolint: error: {line}"]
    assert not list(tmp_path.iterdir())  # init wrote nothing


def test_lang_auto_is_taken_wherever_the_configuration_takes_it(tmp_path):
    (tmp_path / ".resolint.toml").write_text('language = "en"\n', encoding="utf-8")
    (tmp_path / "texto.md").write_text(SPANISH_SAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    assert json.loads(out(run("outline", "--format", "json", "texto.md", cwd=tmp_path)))["language"] == "en"
    assert json.loads(out(run("outline", "--format", "json", "--lang", "auto", "texto.md", cwd=tmp_path)))["language"] == "es"
    settings = json.loads(out(run("config", "--format", "json", "--lang", "auto", cwd=tmp_path)))["settings"]
    assert {"key": "language", "value": "auto", "origin": "command line"} in settings
    forced = run("check", "--no-cache", "--format", "json", "texto.md", cwd=tmp_path)
    detected = run("check", "--no-cache", "--format", "json", "--lang", "auto", "texto.md", cwd=tmp_path)
    assert json.loads(out(detected))["diagnostics"] != json.loads(out(forced))["diagnostics"]
