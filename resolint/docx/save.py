"""Writing the copies resolint makes of a Word document: the corrected copy
(`draft.fixed.docx`) and the review copy (`draft.reviewed.docx`).

- The copy is the original package with only the parts the fixes changed replaced: every
  other part (pictures, custom XML, parts the document does not reference) is kept byte for
  byte, and a changed part keeps its XML declaration and the comments before its root. The
  review copy may add one part, its comments (`word/comments.xml`): the part is added at the
  end of the zip, and its relationship and content type are inserted into the existing
  `.rels` and `[Content_Types].xml` texts, which otherwise stay as they were.
- It is written atomically (a temporary file in the same folder, renamed), with the mode a
  new file gets (the umask applies), like any file the user saves.
- It carries a stamp in its zip comment: the SHA-256 of its bytes. A copy that lacks the
  stamp or no longer matches it was saved since (Word drops zip comments when it saves) or
  was not written by resolint: it is not replaced, so that the user's edits are never lost
  (unless the user forces it: `check --review --force`).
"""
from __future__ import annotations

import hashlib
import hmac
import io
import os
import re
import stat
import zipfile
from pathlib import Path

STAMP = b"resolint fixed copy sha256="
STAMP_LENGTH = len(STAMP) + 64
END_RECORD = b"PK\x05\x06"  # the zip's end-of-central-directory record: 22 bytes and the comment
PROLOG = re.compile(rb"(?:\xef\xbb\xbf)?(?:\s+|<\?.*?\?>|<!--.*?-->)*", re.S)
DECLARED_ENCODING = re.compile(rb"""<\?xml\b[^>]*?\bencoding\s*=\s*["']([^"']*)""")
CONTENT_TYPES = "[Content_Types].xml"
COMMENTS_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"
CLOSING_TAG = re.compile(rb"</(?:[\w.-]+:)?(Relationships|Types)>\s*$")


class CopyError(Exception):
    """The corrected copy cannot be written as asked; the message says why."""


# --- the package --------------------------------------------------------------------------

def snapshot(document) -> dict:
    """What each part of an open python-docx Document serialises to now (its XML, or its
    bytes) and its relationships: compared after the fixes to find the parts they changed."""
    state = {"/": _relationships(document.part.package)}
    for part in document.part.package.iter_parts():
        state[str(part.partname)] = (part.blob, _relationships(part))
    return state


def _relationships(source) -> frozenset:
    return frozenset((rel.rId, rel.reltype, rel.target_ref) for rel in source.rels.values())


def repack(original: bytes, document, before: dict, *, new_types: frozenset[str] = frozenset()) -> bytes:
    """The original package, with the parts of `document` that changed since `before`
    (a `snapshot`) replaced, and the parts added since then (only of the content types in
    `new_types`, each related from an existing part) written at the end. Raises CopyError
    if the package's structure changed otherwise, which fixes and comments never should."""
    after = snapshot(document)
    parts = {str(part.partname): part for part in document.part.package.iter_parts()}
    added = [parts[name] for name in after.keys() - before.keys()]
    if before.keys() - after.keys() or after["/"] != before["/"] or any(part.content_type not in new_types for part in added):
        raise CopyError("the fixes would change the structure of the Word package")
    new_names = {str(part.partname) for part in added}
    related = {name: _added_relationships(parts[name], new_names) for name in before if name != "/"}
    if any(after[name][1] != before[name][1] | set(related[name][1]) for name in related):
        raise CopyError("the fixes would change the structure of the Word package")
    changed = {part.partname.membername: part for name, part in parts.items()
               if name in before and after[name][0] != before[name][0]}
    rels = {parts[name].partname.rels_uri.membername: xml for name, (xml, _) in related.items() if xml}
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(original)) as source, zipfile.ZipFile(out, "w") as target:
        if (set(changed) | set(rels)) - set(source.namelist()):
            raise CopyError("a part the fixes changed is not where the package says it is")
        written: set[str] = set()
        for info in source.infolist():
            if info.filename in written:
                continue  # a name twice in the zip: readers take the last one, so do we
            written.add(info.filename)
            data = source.read(info.filename)
            if info.filename in changed:
                data = _with_prolog(data, changed[info.filename])
            elif info.filename in rels:
                data = _inserted(data, rels[info.filename])
            elif info.filename == CONTENT_TYPES and added:
                data = _inserted(data, b"".join(_override(part) for part in added))
            target.writestr(_entry(info), data)
        for part in added:
            target.writestr(part.partname.membername, part.blob, zipfile.ZIP_DEFLATED)
    return out.getvalue()


def _added_relationships(part, new_names: set[str]) -> tuple[bytes, list[tuple]]:
    """The `<Relationship>` elements `part` has to the added parts (b"" when none), and
    those relationships as `snapshot` records them."""
    added = [(rel.rId, rel.reltype, rel.target_ref) for rel in part.rels.values()
             if not rel.is_external and str(rel.target_part.partname) in new_names]
    xml = b"".join(f'<Relationship Id="{rid}" Type="{kind}" Target="{target}"/>'.encode() for rid, kind, target in added)
    return xml, added


def _override(part) -> bytes:
    return f'<Override PartName="{part.partname}" ContentType="{part.content_type}"/>'.encode()


def _inserted(xml: bytes, elements: bytes) -> bytes:
    """`elements` inserted before the closing tag of a `.rels` or `[Content_Types].xml`
    text, which otherwise keeps its bytes; raises CopyError when the text has no such tag."""
    match = CLOSING_TAG.search(xml)
    if match is None:
        raise CopyError("the Word package's relationships or content types cannot be extended")
    return xml[: match.start()] + elements + xml[match.start() :]


def _entry(info: zipfile.ZipInfo) -> zipfile.ZipInfo:
    """A new zip entry like `info` (name, date, compression, attributes), without its extra
    fields: those describe the original's layout (sizes, offsets), not the copy's."""
    entry = zipfile.ZipInfo(info.filename, info.date_time)
    entry.compress_type = info.compress_type if info.compress_type in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED) else zipfile.ZIP_DEFLATED
    entry.external_attr, entry.create_system, entry.comment = info.external_attr, info.create_system, info.comment
    return entry


def _with_prolog(original: bytes, part) -> bytes:
    """The part's new XML after the prolog of its original (declaration, comments,
    processing instructions); python-docx's own serialisation when that cannot be done
    faithfully (another encoding than UTF-8, a document type declaration)."""
    from lxml import etree

    prolog = PROLOG.match(original).group()
    encoding = DECLARED_ENCODING.search(prolog)
    rest = original[len(prolog) : len(prolog) + 2]
    if (encoding and encoding.group(1).lower() not in (b"utf-8", b"utf8")) or not rest.startswith(b"<") or rest[1:2] in (b"!", b"?"):
        return part.blob
    return prolog + etree.tostring(part.element, encoding="UTF-8", xml_declaration=False)


# --- the file -------------------------------------------------------------------------------

def stamped(data: bytes) -> bytes:
    """The zip `data` (which has no comment) with resolint's stamp as its comment."""
    if len(data) < 22 or data[-22:-18] != END_RECORD or data[-2:] != b"\x00\x00":
        raise CopyError("the corrected copy is not a zip package resolint can stamp")
    mark = STAMP + hashlib.sha256(data).hexdigest().encode()
    return data[:-2] + len(mark).to_bytes(2, "little") + mark


def written_by_resolint(path: Path) -> bool:
    """Whether the file at `path` is a corrected copy as resolint wrote it, unchanged."""
    with open(path, "rb") as stream:
        size = stream.seek(0, os.SEEK_END)
        body = size - STAMP_LENGTH - 2
        if body < 22:
            return False
        stream.seek(body)
        tail = stream.read()
        if tail[:2] != STAMP_LENGTH.to_bytes(2, "little") or not tail[2:].startswith(STAMP):
            return False
        digest = hashlib.sha256()
        stream.seek(0)
        remaining = body
        while remaining:
            chunk = stream.read(min(remaining, 1 << 20))
            if not chunk:
                return False
            digest.update(chunk)
            remaining -= len(chunk)
        digest.update(b"\x00\x00")
        return hmac.compare_digest(digest.hexdigest().encode(), tail[2 + len(STAMP) :])


def check_replaceable(path: Path, what: str = "corrected copy", *, force: bool = False) -> tuple | None:
    """Raise CopyError unless `path` is absent or a copy resolint wrote, unchanged (or any
    regular file, with `force`); returns what the file is now (`state`), for `write_copy`
    to see it still is. `what` names the copy in messages."""
    current = state(path)
    if current is None:
        return None
    if not stat.S_ISREG(current[0]):
        raise CopyError(f"{path.name}, where the {what} goes, is not a regular file (a link, a folder...): "
                        "it is left alone; move it away, then run resolint again")
    if not force and (not written_by_resolint(path) or state(path) != current):
        raise _changed(path, what)
    return current


def state(path: Path) -> tuple | None:
    """The kind, identity, size and modification time of the file at `path` (None: absent)."""
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return None
    return info.st_mode, info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns


def _changed(path: Path, what: str = "corrected copy") -> CopyError:
    again = "fix again" if what == "corrected copy" else "run resolint again (or pass --force to replace it)"
    return CopyError(f"the {what} {path.name} was changed after resolint wrote it (or resolint did not "
                     f"write it): it is not replaced, so that no edit is lost; move it away or delete it, then {again}")


def save_copy(path: Path, data: bytes, what: str, *, force: bool = False) -> None:
    """Write the copy `data` (stamped) to `path`, replacing only a copy resolint wrote and
    nobody changed since (any regular file, with `force`); raises CopyError."""
    try:
        found = check_replaceable(path, what, force=force)
        write_copy(path, stamped(data), expected=found, what=what)
    except OSError as error:
        raise CopyError(f"cannot write the {what} {path}: {error.strerror or error}") from None


def write_copy(path: Path, data: bytes, expected: tuple | None = None, what: str = "corrected copy") -> None:
    """Write `data` to `path` atomically, as every write of resolint's (`replace_file`: a new
    temporary file in the same folder, the umask applying, renamed) — provided `path` is
    still as `check_replaceable` found it (`expected`): a save that lands meanwhile is kept."""
    from ..linter.source import FileChanged, replace_file

    try:
        replace_file(path, data, unchanged=lambda: state(path) == expected)
    except FileChanged:
        raise _changed(path, what) from None
