"""`check --review draft.docx`: the review copy is opened by a real office suite. Each copy
is converted by LibreOffice (headless, into a new .docx), and what LibreOffice wrote is read
back: the comments (author, initials, code, message, link, anchored text) and the tracked
changes. Accepting and rejecting them all — done here on the XML, the way Word defines them —
gives the text `--fix` gives and the original text, for the Spanish sample, five corpus
resolutions and broken drafts in three languages."""
from __future__ import annotations

import io
import re
import shutil
import subprocess
import zipfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from lxml import etree

import resolint
from resolint.docx import read_docx
from resolint.docx.fix import fix_docx
from resolint.docx.review import review_docx, reviewed_path

from .conftest import CORPUS, ROOT, SPANISH_SAMPLE, require
from .docx_builder import build_docx
from .test_cli import err, run

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
P, PPR, RPR, R, T = f"{W}p", f"{W}pPr", f"{W}rPr", f"{W}r", f"{W}t"
INS, DEL, DEL_TEXT, PPR_CHANGE, RPR_CHANGE = f"{W}ins", f"{W}del", f"{W}delText", f"{W}pPrChange", f"{W}rPrChange"
MOVE_TO, MOVE_FROM = f"{W}moveTo", f"{W}moveFrom"  # LibreOffice writes a deletion and an insertion of the same text as a move
TEXT_PARTS = ("word/document.xml", "word/footnotes.xml")
FOOTNOTE = re.compile(r" \(footnote [^)]*\)(?=\n|$)")
DRAFTS = ROOT / "tests" / "docx_drafts"
CASES = {
    "spanish-sample": SPANISH_SAMPLE,
    "draft-en": DRAFTS / "draft-en.md",
    "draft-fr": DRAFTS / "draft-fr.md",
    "draft-es": DRAFTS / "draft-es.md",
    "en-A-RES-78-64": CORPUS / "en" / "A-RES-78-64.md",
    "en-A-RES-78-136": CORPUS / "en" / "A-RES-78-136.md",
    "fr-A-RES-78-240": CORPUS / "official" / "fr" / "A-RES-78-240.md",
    "es-A-RES-78-128": CORPUS / "official" / "es" / "A-RES-78-128.md",
    "draft-A-C.2-80-L.23": CORPUS / "en-drafts" / "A-C.2-80-L.23.md",
}


# --- Word's "Accept All" and "Reject All", on the XML ---------------------------------------

def resolve(data: bytes, accept: bool) -> bytes:
    """The package with every tracked change accepted (or rejected), as Word defines them:
    the kept side's wrappers unwrapped, the other side removed, a removed paragraph mark
    joining its paragraph to the next (the joined paragraph has the first one's properties:
    its number, its style), and formatting changes kept or put back."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename in TEXT_PARTS:
                content = _resolved_part(content, accept)
            target.writestr(info, content)
    return out.getvalue()


def _resolved_part(xml: bytes, accept: bool) -> bytes:
    root = etree.fromstring(xml)
    kept, dropped = ((INS, MOVE_TO), (DEL, MOVE_FROM)) if accept else ((DEL, MOVE_FROM), (INS, MOVE_TO))
    joined = []
    for paragraph in root.iter(P):
        mark = paragraph.find(f"{PPR}/{RPR}")
        if mark is not None:
            if any(mark.find(tag) is not None for tag in dropped):
                joined.append(paragraph)
            for change in [child for child in mark if child.tag in (*kept, *dropped)]:
                mark.remove(change)
    for change in list(root.iter(PPR_CHANGE, RPR_CHANGE)):
        properties = change.getparent()
        if not accept:  # the recorded properties come back
            for child in list(properties):
                if child is not change and child.tag not in (RPR, f"{W}sectPr"):
                    properties.remove(child)
            for position, child in enumerate(change[0] if len(change) else ()):
                properties.insert(position, child)
        properties.remove(change)
    for element in list(root.iter(*dropped)):
        element.getparent().remove(element)
    for element in list(root.iter(*kept)):
        _unwrap(element)
    for text in root.iter(DEL_TEXT):
        text.tag = T
    for paragraph in joined[::-1]:  # its mark is gone: the next paragraph's content joins it
        following = paragraph.getnext()
        for child in [child for child in following if child.tag != PPR]:
            paragraph.append(child)
        following.getparent().remove(following)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _unwrap(element) -> None:
    parent = element.getparent()
    position = parent.index(element)
    for offset, child in enumerate(list(element)):
        parent.insert(position + offset, child)
    parent.remove(element)


# --- LibreOffice ------------------------------------------------------------------------------

def libreoffice(paths: list[Path], folder: Path) -> list[Path]:
    """The documents as LibreOffice writes them after opening them (Word 2007-365 format)."""
    office = shutil.which("soffice") or shutil.which("libreoffice")
    require(office is not None, "LibreOffice (soffice) is not installed: apt-get install libreoffice-writer-nogui")
    profile = folder / "profile"  # its own profile: other LibreOffice processes do not interfere
    result = subprocess.run(
        [office, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", "docx",
         "--outdir", str(folder / "lo"), *map(str, paths)],
        capture_output=True, timeout=300,
    )
    converted = [folder / "lo" / path.name for path in paths]
    missing = [path.name for path in converted if not path.exists()]
    assert not missing, f"LibreOffice did not convert {missing}: {result.stderr.decode(errors='replace')[-500:]}"
    return converted


@dataclass
class Case:
    original: bytes  # the draft
    fixed: str  # the text of its corrected copy (`check --fix`)
    findings: list
    outcome: object  # the review copy, as resolint wrote it
    office: dict[str, bytes] = field(default_factory=dict)  # "original", "fixed", "reviewed" as LibreOffice wrote them


@pytest.fixture(scope="module")
def reviewed(tmp_path_factory) -> dict[str, Case]:
    for path in CASES.values():
        require(path.exists(), f"{path} is absent (the shared corpus is at {CORPUS})")
    folder = tmp_path_factory.mktemp("review")
    cases, files = {}, []
    for name, path in CASES.items():
        data = build_docx(path.read_text(encoding="utf-8")).data
        findings = resolint.lint_text(read_docx(data, name).text)
        fixed = fix_docx(data, name, resolint.lint_text).data or data
        outcome = review_docx(data, name, resolint.lint_text, findings)
        cases[name] = Case(data, read_docx(fixed, name).text, findings, outcome)
        for kind, content in (("original", data), ("fixed", fixed), ("reviewed", outcome.data)):
            files.append((name, kind, folder / f"{name}.{kind}.docx"))
            files[-1][2].write_bytes(content)
    for (name, kind, _), converted in zip(files, libreoffice([path for _, _, path in files], folder)):
        cases[name].office[kind] = converted.read_bytes()
    return cases


@pytest.mark.parametrize("name", CASES)
def test_accepting_all_gives_the_fixed_text_and_rejecting_all_the_original(reviewed, name):
    case = reviewed[name]
    assert case.outcome.applied > 0 and case.outcome.skipped == [] or name == "draft-es"
    original = read_docx(case.original, name).text
    # on the copy as resolint wrote it
    assert read_docx(resolve(case.outcome.data, accept=True), name).text == case.fixed
    assert read_docx(resolve(case.outcome.data, accept=False), name).text == original
    assert read_docx(case.outcome.data, name, original=True).text == original  # resolint's own reading of it
    # on the copy as LibreOffice wrote it (LibreOffice writes footnotes in its own way:
    # compared with the fixed copy and the original as LibreOffice wrote them)
    office = case.office
    assert read_docx(resolve(office["reviewed"], accept=True), name).text == read_docx(office["fixed"], name).text
    assert read_docx(resolve(office["reviewed"], accept=False), name).text == read_docx(office["original"], name).text


@pytest.mark.parametrize("name", CASES)
def test_libreoffice_reads_every_finding_as_a_comment_by_resolint(reviewed, name):
    findings, office = reviewed[name].findings, reviewed[name].office["reviewed"]
    comments = _comments(office)
    assert Counter(FOOTNOTE.sub("", text) for _, _, text in comments) == Counter(
        f"{d.code} {d.message}\n{d.url}" for d in findings
    )
    assert {(author, initials) for author, initials, _ in comments} == {("resolint", "RL")}
    anchored = _anchored(office)  # a footnote's findings: on its reference (not in the footnote)
    assert len(anchored) == len(findings) and all(text or note for text, note in anchored.values())


@pytest.mark.parametrize("name", CASES)
def test_libreoffice_reads_the_fixes_as_changes_by_resolint(reviewed, name):
    changes = [element for part in _parts(reviewed[name].office["reviewed"]) for element in part.iter(INS, DEL, MOVE_TO, MOVE_FROM)]
    assert changes and {element.get(f"{W}author") for element in changes} == {"resolint"}
    assert all(element.get(f"{W}date", "").startswith("20") for element in changes)


def _parts(data: bytes) -> list:
    package = zipfile.ZipFile(io.BytesIO(data))
    return [etree.fromstring(package.read(name)) for name in TEXT_PARTS if name in package.namelist()]


def _comments(data: bytes) -> list[tuple[str, str, str]]:
    root = etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("word/comments.xml"))
    return [
        (comment.get(f"{W}author"), comment.get(f"{W}initials"),
         "\n".join("".join(t.text or "" for t in p.iter(T)) for p in comment.iter(P)))
        for comment in root.iter(f"{W}comment")
    ]


def _anchored(data: bytes) -> dict[str, tuple[str, bool]]:
    """Comment id -> the text between its range start and end (the text parts in order),
    and whether a footnote reference is in it."""
    anchored: dict[str, list] = {}
    for part in _parts(data):
        open_ids: set[str] = set()
        for element in part.iter():
            if element.tag == f"{W}commentRangeStart":
                open_ids.add(element.get(f"{W}id"))
                anchored.setdefault(element.get(f"{W}id"), ["", False])
            elif element.tag == f"{W}commentRangeEnd":
                open_ids.discard(element.get(f"{W}id"))
            for identifier in open_ids:
                if element.tag in (T, DEL_TEXT):
                    anchored[identifier][0] += element.text or ""
                elif element.tag == f"{W}footnoteReference":
                    anchored[identifier][1] = True
    return {identifier: (text, note) for identifier, (text, note) in anchored.items()}


# --- the package and the command ----------------------------------------------------------

def test_every_other_part_is_kept_byte_for_byte(reviewed):
    case = reviewed["spanish-sample"]
    original, copy = zipfile.ZipFile(io.BytesIO(case.original)), zipfile.ZipFile(io.BytesIO(case.outcome.data))
    changed = {name for name in original.namelist() if original.read(name) != copy.read(name)}
    assert {"word/document.xml", "word/_rels/document.xml.rels", "[Content_Types].xml"} <= changed
    assert changed <= {"word/document.xml", "word/footnotes.xml", "word/_rels/document.xml.rels", "[Content_Types].xml"}
    assert set(copy.namelist()) - set(original.namelist()) == {"word/comments.xml"}
    added = {  # the one element each gained, and nothing else
        "word/_rels/document.xml.rels": rb'<Relationship Id="rId\d+" Type="[^"]+/comments" Target="comments.xml"/>',
        "[Content_Types].xml": rb'<Override PartName="/word/comments.xml" ContentType="[^"]+comments\+xml"/>',
    }
    for name, element in added.items():
        after, count = re.subn(element, b"", copy.read(name))
        assert count == 1 and after == original.read(name)


def test_check_review_writes_the_copy_beside_the_draft_and_keeps_a_changed_copy(tmp_path):
    draft = tmp_path / "draft.docx"
    draft.write_bytes(build_docx((DRAFTS / "draft-fr.md").read_text(encoding="utf-8")).data)
    original = draft.read_bytes()
    result = run("check", "--review", str(draft))
    copy = reviewed_path(draft)
    assert result.returncode == 1 and copy.exists() and draft.read_bytes() == original
    assert f"review copy {copy}: " in err(result) and " comments, " in err(result)
    assert sorted(path.name for path in tmp_path.iterdir()) == ["draft.docx", "draft.reviewed.docx"]
    assert run("check", "--review", str(draft)).returncode == 1  # its own copy, unchanged: replaced
    copy.write_bytes(copy.read_bytes()[:-10] + b"saved here")  # as if saved by Word
    result = run("check", "--review", str(draft))
    assert result.returncode == 2 and "was changed after resolint wrote it" in err(result) and "--force" in err(result)
    assert copy.read_bytes().endswith(b"saved here")
    result = run("check", "--review", "--force", str(draft))
    assert result.returncode == 1 and not copy.read_bytes().endswith(b"saved here")


def test_unsafe_fixes_go_into_the_review_copy_only_when_asked():
    data = build_docx((ROOT / "examples" / "draft-oceans-en.md").read_text(encoding="utf-8")).data
    found = resolint.lint_text(read_docx(data, "x").text)
    assert any(d.fix and d.fix.applicability == "unsafe" for d in found)
    for unsafe in (False, True):
        copy = review_docx(data, "x", resolint.lint_text, unsafe=unsafe)
        expected = fix_docx(data, "x", resolint.lint_text, unsafe=unsafe).data
        assert read_docx(resolve(copy.data, accept=True), "x").text == read_docx(expected, "x").text
        assert read_docx(resolve(copy.data, accept=False), "x").text == read_docx(data, "x").text
    assert read_docx(fix_docx(data, "x", resolint.lint_text, unsafe=True).data, "x").text != read_docx(
        fix_docx(data, "x", resolint.lint_text).data, "x").text


def test_a_text_file_gets_no_review_copy(tmp_path):
    text = tmp_path / "draft.md"
    text.write_text((DRAFTS / "draft-en.md").read_text(encoding="utf-8"), encoding="utf-8")
    result = run("check", "--review", str(text))
    assert "not a Word document; --review writes review copies of .docx files only" in err(result)
    assert sorted(path.name for path in tmp_path.iterdir()) == ["draft.md"]


def test_a_folder_where_the_review_copy_goes_is_left_alone(tmp_path):
    draft = tmp_path / "draft.docx"
    draft.write_bytes(build_docx((DRAFTS / "draft-es.md").read_text(encoding="utf-8")).data)
    reviewed_path(draft).mkdir()
    result = run("check", "--review", "--force", str(draft))
    assert result.returncode == 2 and "Traceback" not in err(result)
    assert "where the review copy goes, is not a regular file" in err(result)
    assert reviewed_path(draft).is_dir()
