"""Opening a .docx: python-docx for the package, with the checks that turn every bad file
into one clear sentence — an encrypted or old-format Word file, a damaged zip, a package
without a document, XML parts too large to read (a zip bomb)."""
from __future__ import annotations

import io
import re
import zipfile
import zlib

from ..linter.source import SourceError

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # compound file: encrypted OOXML or Word 97-2003
ENCRYPTED_STREAM = "EncryptedPackage".encode("utf-16-le")
MAX_XML_BYTES = 32 * 1024 * 1024  # unpacked XML that python-docx parses (a long report has ~10 MB)
MAX_UNPACKED_BYTES = 256 * 1024 * 1024  # everything python-docx loads into memory, images included
INSTALL = "pip install 'resolint[docx]'"
RELATIONSHIP = re.compile(r"<Relationship\b[^>]{0,2000}>")
TYPE = re.compile(r'\bType="([^"]{0,500})"')
TARGET = re.compile(r'\bTarget="([^"]{0,500})"')


class DocxError(SourceError):
    """A Word file that cannot be read; the message says why, in one line."""


def load(data: bytes, name: str):
    """The python-docx Document for the bytes of a .docx (raises DocxError)."""
    _check_container(data, name)
    try:
        import docx
        from docx.opc.constants import CONTENT_TYPE
        from docx.opc.exceptions import PackageNotFoundError
        from docx.opc.part import PartFactory, XmlPart
        from lxml.etree import XMLSyntaxError
    except ImportError:
        raise DocxError(f"{name}: reading Word files needs python-docx: {INSTALL}") from None
    # python-docx has no footnotes part: read it as a plain XML part (kept when saving).
    PartFactory.part_type_for.setdefault(CONTENT_TYPE.WML_FOOTNOTES, XmlPart)
    try:
        return docx.Document(io.BytesIO(data))
    except XMLSyntaxError as error:
        raise DocxError(f"{name}: damaged Word document: broken XML ({error})") from None
    except (zipfile.BadZipFile, zlib.error, EOFError) as error:
        raise DocxError(f"{name}: damaged Word document: the zip package is corrupt ({error})") from None
    except PackageNotFoundError:
        raise DocxError(f"{name}: not a Word document (.docx)") from None
    except KeyError as error:
        raise DocxError(f"{name}: damaged Word document: a part is missing ({_first(error)})") from None
    except ValueError as error:
        if "is not a Word file" in str(error):
            raise DocxError(f"{name}: not a Word document: {error} (resolint reads .docx documents)") from None
        raise DocxError(f"{name}: damaged Word document: {error}") from None
    except Exception as error:  # noqa: BLE001 - python-docx raises many kinds; one line for the user
        raise DocxError(f"{name}: cannot read the Word document: {type(error).__name__}: {error}") from None


def _check_container(data: bytes, name: str) -> None:
    if data.startswith(OLE_MAGIC):
        if ENCRYPTED_STREAM in data:
            raise DocxError(
                f"{name}: the document is password-protected (encrypted); remove the password in Word "
                "(File > Info > Protect Document > Encrypt with Password) and save it again"
            )
        raise DocxError(f"{name}: a Word 97-2003 document (.doc), not .docx; save it in Word as .docx")
    if not data.startswith(b"PK"):
        raise DocxError(f"{name}: not a Word document: a .docx file is a zip package, and this file is not one")
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        entries = archive.infolist()
    except (zipfile.BadZipFile, zlib.error, EOFError, ValueError, OSError) as error:
        raise DocxError(f"{name}: damaged Word document: the zip package is corrupt ({error})") from None
    names = {entry.filename for entry in entries}
    if "[Content_Types].xml" not in names:
        raise DocxError(f"{name}: not a Word document: the zip package has no [Content_Types].xml")
    if not _declares_main_document(archive):
        raise DocxError(f"{name}: not a Word document: the package has no document part (word/document.xml)")
    xml = sum(entry.file_size for entry in entries if entry.filename.lower().endswith((".xml", ".rels")))
    total = sum(entry.file_size for entry in entries)
    if xml > MAX_XML_BYTES or total > MAX_UNPACKED_BYTES:
        size, limit, what = (xml, MAX_XML_BYTES, "its XML") if xml > MAX_XML_BYTES else (total, MAX_UNPACKED_BYTES, "it")
        raise DocxError(
            f"{name}: too large: {what} unpacks to {size // (1024 * 1024)} MB "
            f"(the limit is {limit // (1024 * 1024)} MB)"
        )


def _declares_main_document(archive: zipfile.ZipFile) -> bool:
    """Whether the package's relationships name a main document that the zip holds."""
    try:
        rels = archive.read("_rels/.rels").decode("utf-8", "replace")
    except (KeyError, zipfile.BadZipFile, zlib.error, OSError, EOFError, ValueError):
        return False
    names = {entry.lower() for entry in archive.namelist()}
    for relationship in RELATIONSHIP.findall(rels):
        kind, target = TYPE.search(relationship), TARGET.search(relationship)
        if kind and target and kind.group(1).endswith("/relationships/officeDocument"):
            if target.group(1).lstrip("/").lower() in names:
                return True
    return False


def _first(error: KeyError) -> str:
    return str(error.args[0]) if error.args else "unknown"
