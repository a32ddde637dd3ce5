"""Hostile and unlucky Word files: what a document can make resolint do is bounded (each
paragraph read once, nesting, numbers and labels, the text produced), and `check --fix`
writes its corrected copy as a careful user would — every other part of the package kept,
the umask obeyed, a copy the user edited since never overwritten.

The time and memory bounds are shown by running the real CLI on the hostile files in a
process limited in address space and time: before the bounds, these files took minutes and
gigabytes."""
from __future__ import annotations

import io
import os
import resource
import subprocess
import sys
import zipfile
from pathlib import Path

import docx
import pytest

from resolint.docx import read_docx
from resolint.docx.numbering import MAX_LABEL, MAX_LETTERS, MAX_START
from resolint.docx.reader import MAX_NESTING, MAX_TEXT

from .conftest import ROOT
from .docx_builder import (
    body_docx,
    build_docx,
    nested_tables_xml,
    paragraph_xml,
    with_parts,
)
from .test_cli import CACHE, err, out

MEMORY = 1024 * 1024 * 1024  # address space for one resolint run: a normal one needs far less
TIMEOUT = 240  # seconds, for a loaded machine; each run here takes a few seconds at most


def run(*args: str, cwd: Path | None = None, umask: int | None = None) -> subprocess.CompletedProcess:
    """`python -m resolint *args` in a process limited to MEMORY of address space."""
    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))
        if umask is not None:
            os.umask(umask)

    env = {**os.environ, "PYTHONIOENCODING": "utf-8", "RESOLINT_CACHE_DIR": str(CACHE)}
    return subprocess.run([sys.executable, "-m", "resolint", *args], capture_output=True, cwd=cwd or ROOT, env=env,
                          timeout=TIMEOUT, preexec_fn=limit)


def one_line_error(result, path: Path) -> str:
    """The one error line (exit 2) naming `path` (`check --fix` adds its summary line)."""
    lines = [line for line in err(result).splitlines() if not line.startswith("Fixed ")]
    assert result.returncode == 2 and len(lines) == 1 and lines[0].startswith(f"resolint: error: {path}: "), err(result)
    assert "Traceback" not in err(result)
    return lines[0]


# --- tables inside table cells ---------------------------------------------------------------

def test_a_table_inside_a_table_cell_is_read_once_where_it_stands():
    data = body_docx(paragraph_xml("Start.") + nested_tables_xml(2, paragraph_xml("Innermost.")) + paragraph_xml("End."))
    assert read_docx(data, "x.docx").text.split("\n\n") == [
        "Start.", "Before table 1.", "Before table 2.", "Innermost.", "After table 2.", "After table 1.", "End.\n",
    ]


RESOLUTION = (
    paragraph_xml("The General Assembly,", '<w:pStyle w:val="Normal"/>')
    + paragraph_xml("Recalling its resolution 70/1,")
    + paragraph_xml("Noting the report of the Secretary-General;")  # a fix: ";" -> ","
    + paragraph_xml("1. Decides to act;")
)


def test_numbered_paragraphs_in_a_nested_table_are_not_read_twice(tmp_path):
    """Before, the inner table's rows were read once for each table around them: "2." was
    used twice, and `--fix` refused the document (its paragraphs changed in number)."""
    inner = paragraph_xml("2. Requests a report;") + paragraph_xml("3. Decides to remain seized of the matter.")
    table = f"<w:tbl><w:tr><w:tc><w:tbl><w:tr><w:tc>{inner}</w:tc></w:tr></w:tbl><w:p/></w:tc></w:tr></w:tbl>"
    path = tmp_path / "draft.docx"
    path.write_bytes(body_docx(RESOLUTION + table))
    result = run("check", str(path))
    assert result.returncode == 1 and "twice" not in out(result), out(result) + err(result)
    assert [line.split(": ", 2)[2][:5] for line in out(result).splitlines()] == ["ST006"]
    fixed = run("check", "--fix", str(path))
    assert fixed.returncode == 1 and "error" not in err(fixed) and "1 applied" in err(fixed), err(fixed)
    text = read_docx((tmp_path / "draft.fixed.docx").read_bytes(), "x").text
    assert text.count("2. Requests a report;") == 1 and "Secretary-General,\n" in text
    assert run("check", str(tmp_path / "draft.fixed.docx")).returncode == 0


@pytest.mark.parametrize("depth", [20, MAX_NESTING])
def test_tables_nested_deep_are_read_each_paragraph_once(tmp_path, depth):
    """20 deep took 41 s and 800 MB before."""
    path = tmp_path / "nested.docx"
    path.write_bytes(body_docx(nested_tables_xml(depth, paragraph_xml("Innermost."))))
    result = run("convert", str(path))
    assert result.returncode == 0, err(result)
    blocks = out(result).split("\n\n")
    assert len(blocks) == 2 * depth + 1 and blocks.count("Innermost.") == 1
    assert blocks[depth - 1 : depth + 2] == [f"Before table {depth}.", "Innermost.", f"After table {depth}."]


@pytest.mark.parametrize("depth, message", [
    (MAX_NESTING + 1, f"its content is nested more than {MAX_NESTING} levels deep"),
    (50, f"its content is nested more than {MAX_NESTING} levels deep"),  # killed past 2 GB before
    (200, "damaged Word document: broken XML (Excessive depth"),  # past the XML parser's own bound
])
def test_tables_nested_deeper_than_the_bound_are_refused_in_one_line(tmp_path, depth, message):
    path = tmp_path / "nested.docx"
    path.write_bytes(body_docx(nested_tables_xml(depth, paragraph_xml("Innermost."))))
    for command in ("check", "convert"):
        assert message in one_line_error(run(command, str(path)), path)


def test_links_and_content_controls_nested_past_the_bound_are_refused(tmp_path):
    inline = '<w:r><w:t>deep</w:t></w:r>'
    for _ in range(MAX_NESTING + 1):
        inline = f'<w:hyperlink w:anchor="x">{inline}</w:hyperlink>'
    blocks = paragraph_xml("Inside.")
    for _ in range(MAX_NESTING + 1):
        blocks = f"<w:sdt><w:sdtContent>{blocks}</w:sdtContent></w:sdt>"
    for body in (f"<w:p>{inline}</w:p>", blocks):
        path = tmp_path / "nested.docx"
        path.write_bytes(body_docx(body))
        assert "nested more than" in one_line_error(run("check", str(path)), path)


# --- automatic numbering -----------------------------------------------------------------------

def numbering_xml(fmt: str, start: str, text: str = "(%1)", override: str | None = None) -> str:
    restart = f'<w:lvlOverride w:ilvl="0"><w:startOverride w:val="{override}"/></w:lvlOverride>' if override else ""
    return (f'<w:abstractNum w:abstractNumId="7"><w:lvl w:ilvl="0"><w:start w:val="{start}"/>'
            f'<w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/><w:suff w:val="space"/></w:lvl></w:abstractNum>'
            f'<w:num w:numId="1"><w:abstractNumId w:val="7"/>{restart}</w:num>')


NUMBERED = '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>'


def numbered_docx(count: int, numbering: str, text: str = "Decides;") -> bytes:
    return body_docx(paragraph_xml(text, NUMBERED) * count, numbering)


def test_a_start_value_past_what_word_accepts_gives_short_labels(tmp_path):
    """`w:start="2600000000"` in letters made every label 100 million characters: 4
    paragraphs took 45 s and 816 MB, 40 ran out of memory."""
    path = tmp_path / "numbers.docx"
    path.write_bytes(numbered_docx(40, numbering_xml("lowerLetter", "2600000000")))
    result = run("convert", str(path))
    assert result.returncode == 0, err(result)
    labels = [block.split(" ", 1)[0] for block in out(result).split("\n\n")]
    assert labels == [f"({MAX_START + n})" for n in range(40)]  # past 64 letters, a number is written in decimal


@pytest.mark.parametrize("fmt, start, override, first", [
    ("lowerLetter", "1664", None, "(" + "z" * MAX_LETTERS + ")"),  # the longest letter label
    ("lowerLetter", "1665", None, "(1665)"),
    ("upperRoman", "3999", None, "(MMMCMXCIX)"),
    ("upperRoman", "4000", None, "(4000)"),
    ("decimal", "9" * 5000, None, f"({MAX_START})"),  # far past any int Word reads
    ("decimal", "-5", None, "(0)"),
    ("lowerLetter", "1", "99999999999999999999", f"({MAX_START})"),  # the restart value too
    ("lowerLetter", "1", "-3", "(0)"),
])
def test_numbers_and_labels_are_bounded(fmt, start, override, first):
    text = read_docx(numbered_docx(1, numbering_xml(fmt, start, override=override)), "x.docx").text
    assert text == f"{first} Decides;\n"


def test_a_long_level_text_is_cut_to_the_label_bound():
    text = read_docx(numbered_docx(2, numbering_xml("lowerLetter", "1664", text="%1" * 50_000)), "x.docx").text
    first, second = text.strip().split("\n\n")
    assert first == ("z" * MAX_LETTERS * 4)[:MAX_LABEL] + " Decides;"
    assert second == ("1665" * 100)[:MAX_LABEL] + " Decides;"


def test_text_produced_past_the_bound_is_refused_in_one_line(tmp_path):
    """The 32 MB bound on the XML does not bound the text made from it: 8 MB of numbered
    empty paragraphs, each with a label of 256 characters, would make 34 M characters."""
    count = MAX_TEXT // (MAX_LABEL + 3) + 1000
    path = tmp_path / "labels.docx"
    paragraph = f"<w:p><w:pPr>{NUMBERED}</w:pPr></w:p>"
    path.write_bytes(body_docx(paragraph * count, numbering_xml("lowerLetter", "1", text="%1" * MAX_LABEL)))
    line = one_line_error(run("check", str(path)), path)
    assert f"its text is longer than {MAX_TEXT // (1024 * 1024)} M characters" in line


def test_a_footnote_referenced_many_times_is_read_once():
    markdown = "Text,<sup>1</sup> more.\n\n<sup>1</sup> A note.\n"
    data = build_docx(markdown).data
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        document = archive.read("word/document.xml").decode()
    reference = document[document.index("<w:r><w:rPr><w:vertAlign"): document.index("</w:r>", document.index("w:footnoteReference")) + 6]
    document = document.replace(reference, reference * 50)
    text = read_docx(with_parts(data, {"word/document.xml": document.encode()}), "x.docx").text
    assert text.count("A note.") == 1 and text.count("<sup>") == 51


# --- the corrected copy -------------------------------------------------------------------------

DRAFT = "*The General Assembly*,\n\n*Recalling* its resolution 70/1;\n\n1. *Decides* to act;\n"
COMMENT = b"<!-- kept by the tool that made this file -->\n"


def _prolog_comment(xml: bytes) -> bytes:
    """`xml` with a comment between its declaration and its root element."""
    end = xml.index(b"?>") + 2
    return xml[:end] + b"\n" + COMMENT + xml[end:].lstrip()


@pytest.fixture
def draft(tmp_path) -> Path:
    """A draft with one fix to make, parts the document does not reference, and comments
    before the root elements of its parts."""
    data = build_docx(DRAFT, numbering="typed").data
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        parts = {name: _prolog_comment(archive.read(name)) for name in ("word/document.xml", "word/styles.xml")}
    parts["word/orphan.xml"] = b'<?xml version="1.0"?>\n<!-- nothing refers to me -->\n<orphan>  spaced  </orphan>\n'
    parts["vendor/state.bin"] = bytes(range(256)) * 4
    path = tmp_path / "draft.docx"
    path.write_bytes(with_parts(data, parts))
    return path


def fixed_into_copy(result) -> None:
    """`check --fix` wrote the corrected copy (exit 1: the findings are the original's)."""
    assert result.returncode == 1 and "the fixes are in a corrected copy" in err(result), err(result)
    assert "error" not in err(result)


def _entries(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def test_the_copy_keeps_every_part_it_does_not_change_byte_for_byte(draft):
    fixed_into_copy(run("check", "--fix", str(draft)))
    fixed, original = _entries(draft.with_name("draft.fixed.docx")), _entries(draft)
    assert list(fixed) == list(original)  # the same parts, in the same order
    assert [name for name in fixed if fixed[name] != original[name]] == ["word/document.xml"]
    assert fixed["word/document.xml"].startswith(original["word/document.xml"][: original["word/document.xml"].index(b"<w:document")])
    assert COMMENT in fixed["word/document.xml"][:200]
    assert "resolution 70/1,\n" in read_docx(draft.with_name("draft.fixed.docx").read_bytes(), "x").text


@pytest.mark.parametrize("umask, mode", [(0o022, 0o644), (0o007, 0o660)])
def test_the_copy_gets_the_mode_of_a_new_file(draft, umask, mode):
    """It was 0600 whatever the umask (the temporary file's mode)."""
    os.chmod(draft, 0o644)
    fixed_into_copy(run("check", "--fix", str(draft), umask=umask))
    assert draft.with_name("draft.fixed.docx").stat().st_mode & 0o777 == mode


def test_a_copy_edited_since_is_never_overwritten(draft):
    copy = draft.with_name("draft.fixed.docx")
    fixed_into_copy(run("check", "--fix", str(draft)))
    fixed_into_copy(run("check", "--fix", str(draft)))  # resolint's own copy, unchanged: replaced
    document = docx.Document(str(copy))  # the user edits the copy, and saves it
    document.add_paragraph("2. Requests a report added by hand;")
    document.save(str(copy))
    edited = copy.read_bytes()
    line = one_line_error(run("check", "--fix", str(draft)), draft)
    assert "the corrected copy draft.fixed.docx was changed after resolint wrote it" in line and "move it away or delete it" in line
    assert copy.read_bytes() == edited
    copy.unlink()  # as the message says: then the copy is written again
    fixed_into_copy(run("check", "--fix", str(draft)))
    assert copy.exists()


def test_a_stamped_copy_edited_byte_by_byte_is_not_overwritten(draft):
    """The stamp is a digest of the copy's bytes: an edit that keeps the zip comment (a tool
    that updates one entry in place) is seen too."""
    copy = draft.with_name("draft.fixed.docx")
    fixed_into_copy(run("check", "--fix", str(draft)))
    data = bytearray(copy.read_bytes())
    data[40] ^= 0x01
    copy.write_bytes(bytes(data))
    assert "was changed after resolint wrote it" in one_line_error(run("check", "--fix", str(draft)), draft)
    assert copy.read_bytes() == bytes(data)


def test_a_link_where_the_copy_goes_is_left_alone(draft, tmp_path):
    elsewhere = tmp_path / "elsewhere.docx"
    elsewhere.write_bytes(b"someone else's file")
    copy = draft.with_name("draft.fixed.docx")
    copy.symlink_to(elsewhere)
    assert "is not a regular file" in one_line_error(run("check", "--fix", str(draft)), draft)
    assert copy.is_symlink() and elsewhere.read_bytes() == b"someone else's file"


def test_a_save_landing_after_the_check_is_not_overwritten(tmp_path):
    """The copy is checked, then the fixed document is written beside it and renamed over
    it: a save between the two (Word saving the copy) is seen and kept."""
    from resolint.docx.save import CopyError, check_replaceable, stamped, write_copy

    copy = tmp_path / "draft.fixed.docx"
    fixed = stamped(build_docx(DRAFT).data)
    assert check_replaceable(copy) is None
    write_copy(copy, fixed, expected=None)
    found = check_replaceable(copy)
    assert found is not None and copy.read_bytes() == fixed
    copy.write_bytes(b"saved by the user meanwhile")
    with pytest.raises(CopyError, match="was changed after resolint wrote it"):
        write_copy(copy, fixed, expected=found)
    assert copy.read_bytes() == b"saved by the user meanwhile"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["draft.fixed.docx"]  # no temporary left
    copy.unlink()
    assert check_replaceable(copy) is None
    copy.write_bytes(b"new")  # a file that appears after the check is kept too
    with pytest.raises(CopyError):
        write_copy(copy, fixed, expected=None)
    assert copy.read_bytes() == b"new"
