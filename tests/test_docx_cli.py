"""`resolint check draft.docx` and `resolint convert` as a user runs them, and every kind of
bad Word file: one line and exit code 2, never a traceback, never a hang."""
from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from resolint.docx import read_docx

from .conftest import ROOT
from .docx_builder import build_docx
from .test_cli import err, out, run

DRAFT = ROOT / "tests" / "docx_drafts" / "draft-en.md"


@pytest.fixture
def draft(tmp_path) -> Path:
    path = tmp_path / "draft.docx"
    path.write_bytes(build_docx(DRAFT.read_text(encoding="utf-8")).data)
    return path


def test_check_points_at_word_paragraphs_with_quotes(draft):
    result = run("check", str(draft))
    assert result.returncode == 1
    assert out(result).splitlines() == [
        f'{draft}: paragraph 6: ST003 The chapeau is followed by a comma — "The General Assembly" [*]',
        f"{draft}: paragraph 7 (preambular 1): ST001 Paragraph runs on from the block before it on the same line"
        ' — "…64/292 of 28 July 2010, Recalling…" [*]',
        f"{draft}: paragraph 8 (preambular 3): ST006 Preambular paragraphs end with a comma, not a semicolon"
        ' — "Noting the report of the Special Rapporteur;" [*]',
        f"{draft}: paragraph 9 (operative 1): ST006 Operative paragraphs end with a semicolon, not a comma"
        ' — "…access to safe drinking water," [*]',
        f'{draft}: paragraph 12 (operative 2 (c)): ST005 Sub-paragraph "c" comes where "b" is expected'
        ' — "(c) Through capacity-building:"',
        f"{draft}: paragraph 12 (operative 2 (c)): ST006 The last sub-paragraph ends as its paragraph does,"
        ' with a semicolon, not a colon — "(c) Through capacity-building:" [*]',
        f'{draft}: paragraph 13 (operative 4): ST004 Paragraph label "4" lacks its full stop: "4."'
        ' — "4 Requests the Secretary-General…" [*]',
        f"{draft}: paragraph 13 (operative 4): ST004 Paragraph 4 follows paragraph 2: 3 missing"
        ' — "4 Requests the Secretary-General…"',
        f"{draft}: paragraph 14 (operative 5): ST006 The last operative paragraph ends with a full stop, not a"
        ' semicolon — "5. Decides to continue its consideration of the question;" [*]',
    ]
    assert "Found 9 problems in 1 file" in err(result)


def test_json_adds_word_locations_to_the_version_1_contract(draft):
    payload = json.loads(out(run("check", "--format", "json", str(draft))))
    assert payload["version"] == 1
    document = read_docx(draft.read_bytes(), "draft.docx")
    import docx

    paragraphs = docx.Document(str(draft)).paragraphs
    for entry in payload["diagnostics"]:
        assert {"path", "code", "message", "line", "column", "end_line", "end_column", "fix"} <= set(entry)
        where = entry["docx"]
        assert where["part"] == "document" and where["location"].startswith(f"paragraph {where['paragraph']}")
        text = paragraphs[where["paragraph_index"]].text  # Word's text: no automatic number
        assert 0 <= where["start"] <= len(text) and 0 <= where["end"] <= len(paragraphs[where["end_paragraph_index"]].text)
    semicolon = next(e for e in payload["diagnostics"] if e["docx"]["role"] == "preambular 3")
    paragraph = paragraphs[semicolon["docx"]["paragraph_index"]].text
    assert paragraph[semicolon["docx"]["start"] : semicolon["docx"]["end"]] == ";"
    assert document.text  # the same document read in-process


def test_markdown_output_is_unchanged_by_the_docx_support():
    result = run("check", "--format", "json", str(DRAFT))
    assert all("docx" not in entry for entry in json.loads(out(result))["diagnostics"])


def test_convert_writes_the_markdown_form(draft, tmp_path):
    target = tmp_path / "draft.md"
    result = run("convert", str(draft), "-o", str(target))
    assert result.returncode == 0, err(result)
    assert target.read_text(encoding="utf-8") == read_docx(draft.read_bytes(), "x").text
    assert out(run("convert", str(draft))) == target.read_text(encoding="utf-8")
    # the Markdown form gives the same findings, by line and column
    assert [line.split(": ", 1)[1] for line in out(run("check", str(target))).splitlines()] == [
        entry["message"] and f"{entry['code']} {entry['message']}" + (" [*]" if entry["fix"] else "")
        for entry in json.loads(out(run("check", "--format", "json", str(draft))))["diagnostics"]
    ]


def test_convert_refuses_to_overwrite_its_input_and_reads_only_word(draft, tmp_path):
    same = run("convert", str(draft), "-o", str(draft))
    assert same.returncode == 2 and "choose another output file" in err(same)
    assert run("convert", str(DRAFT)).returncode == 2


def test_check_finds_word_documents_in_folders_and_on_standard_input(draft, tmp_path):
    (tmp_path / "~$draft.docx").write_bytes(b"\x00owner file of an open document")  # Word's lock file
    folder = run("check", str(tmp_path))
    assert "paragraph 13 (operative 4)" in out(folder) and "~$" not in out(folder) + err(folder)
    piped = run("check", "-", "--stdin-filename", "piped.docx", stdin=draft.read_bytes())
    assert out(piped).splitlines()[0].startswith("piped.docx: paragraph 6: ST003")


def _zip(entries: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _encrypted(data: bytes) -> bytes:
    """A really password-protected .docx, as Word writes it (an OLE file)."""
    from msoffcrypto.format.ooxml import OOXMLFile

    plain = io.BytesIO(data)
    encrypted = io.BytesIO()
    OOXMLFile(plain).encrypt("secret", encrypted)
    return encrypted.getvalue()


def _without_document(data: bytes) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return _zip({name: archive.read(name) for name in archive.namelist() if name != "word/document.xml"})


def _bomb() -> bytes:
    """A small file whose document part unpacks to far more than the limit."""
    paragraph = b"<w:p><w:r><w:t>" + b"A" * 1000 + b"</w:t></w:r></w:p>"
    body = b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", b"<Types/>")
        archive.writestr("_rels/.rels", b'<Relationships><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
                                        b'officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
                                        b"</Relationships>")
        with archive.open("word/document.xml", "w", force_zip64=True) as stream:
            stream.write(body)
            for _ in range(40_000):  # 40 MB of XML
                stream.write(paragraph)
            stream.write(b"</w:body></w:document>")
    return buffer.getvalue()


BAD_FILES = {
    "corrupt zip": (lambda good: good[: len(good) // 2], "the zip package is corrupt"),
    "damaged entry": (lambda good: good.replace(b"word/document.xml", b"word/documenx.xml"), "no document part"),
    "no document part": (_without_document, "no document part (word/document.xml)"),
    "password-protected": (_encrypted, "password-protected"),
    "Word 97-2003": (lambda good: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 4096, "Word 97-2003 document (.doc)"),
    "text named .docx": (lambda good: b"*The General Assembly*,\n", "is not one"),
    "empty file": (lambda good: b"", "is not one"),
    "zip of something else": (lambda good: _zip({"a.txt": b"hello"}), "no [Content_Types].xml"),
    "zip bomb": (lambda good: _bomb(), "too large: its XML unpacks to"),
}


@pytest.mark.parametrize("kind", BAD_FILES)
def test_bad_word_files_exit_2_with_one_line(draft, tmp_path, kind):
    make, message = BAD_FILES[kind]
    path = tmp_path / "bad.docx"
    path.write_bytes(make(draft.read_bytes()))
    result = run("check", str(path))
    assert result.returncode == 2, err(result)
    lines = err(result).splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"resolint: error: {path}: "), lines
    assert message in lines[0] and "Traceback" not in err(result)
    convert = run("convert", str(path))
    assert convert.returncode == 2 and message in err(convert)


def test_a_50_mb_word_document_is_read_in_bounded_time(draft, tmp_path):
    """A large file because of an embedded picture (50 MB that do not compress): the text is
    read and linted as usual."""
    path = tmp_path / "big.docx"
    with zipfile.ZipFile(draft) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            target.writestr(item, source.read(item.filename))
        target.writestr(zipfile.ZipInfo("word/media/scan.bin"), os.urandom(50 * 1024 * 1024), zipfile.ZIP_STORED)
    assert path.stat().st_size > 50 * 1024 * 1024
    result = run("check", str(path))
    assert result.returncode == 1 and "paragraph 13 (operative 4)" in out(result), err(result)


def test_without_python_docx_the_message_says_what_to_install(draft):
    code = ("import sys; sys.modules['docx'] = None; sys.argv = ['resolint', 'check', sys.argv[1]];"
            "from resolint.cli import run; run()")
    result = subprocess.run([sys.executable, "-c", code, str(draft)], capture_output=True, timeout=120)
    assert result.returncode == 2
    assert err(result).strip() == f"resolint: error: {draft}: reading Word files needs python-docx: pip install 'resolint[docx]'"


def test_linting_markdown_never_imports_python_docx_or_lxml():
    code = ("import sys; sys.argv = ['resolint', 'check', '--exit-zero', sys.argv[1]];"
            "from resolint.cli import run\n"
            "try:\n    run()\nexcept SystemExit:\n    pass\n"
            "import resolint; print(sorted(m for m in sys.modules if m.split('.')[0] in ('docx', 'lxml')))")
    result = subprocess.run([sys.executable, "-c", code, str(DRAFT)], capture_output=True, timeout=120)
    assert out(result).strip().splitlines()[-1] == "[]", err(result)
