"""Word documents (.docx): read them into the text form the linter reads, map findings back
to the paragraphs a Word user sees, and write fixes into a corrected copy.

python-docx (and lxml) are imported only when a Word document is read: `import resolint`
and linting Markdown never load them. They come with the `docx` extra:
`pip install 'resolint[docx]'`.
"""
from __future__ import annotations

from .location import WordIndex, WordLocation
from .mapping import DocxMap

__all__ = ["DocxMap", "WordIndex", "WordLocation", "read_docx", "read_document"]


def read_docx(data: bytes, name: str, *, original: bool = False) -> DocxMap:
    """The text form and map of the .docx in `data` (`name` is for messages), its tracked
    changes accepted (or, `original`, rejected); raises `resolint.docx.package.DocxError`
    (a SourceError) with a one-line reason."""
    from .package import DocxError, load
    from .reader import ReadLimit

    document = load(data, name)
    try:
        return read_document(document, original=original)
    except ReadLimit as error:
        raise DocxError(f"{name}: {error}") from None
    except RecursionError:
        raise DocxError(f"{name}: the document's structure is nested too deeply to read") from None
    except Exception as error:  # noqa: BLE001 - a reader bug must still be one line, not a traceback
        raise DocxError(f"{name}: cannot read the Word document ({type(error).__name__}: {error}); please report this") from None


def read_document(document, *, original: bool = False) -> DocxMap:
    """The text form and map of an open python-docx Document."""
    from .reader import read

    return read(document, original=original)
