"""Compare the language versions of one text: read them, pair them, run the LV rules, and
place each finding on the version that differs.

With two versions a difference sits on both; with three or more, on the odd one out: a
finding stays on a version when it differs in the same way from most of the others. Each
message quotes the other version: "A/75/444 here, A/76/444 in the English version (line 9)".
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..document.diagnostics import Diagnostic
from ..document.rule import DOCS_URL, RuleMeta
from ..facts import Facts
from ..rules.versions import VERSION_RULES
from ..rules.versions.align import Divergence, Side, pair
from . import options
from .engine import parse_with
from .source import SourceError, read_source

LANGUAGE_NAMES = {"en": "English", "fr": "French", "es": "Spanish"}


class CompareError(Exception):
    """Bad input: the message says why, in one line."""


@dataclass
class Version:
    path: Path
    source: object  # linter.source.Source
    side: Side
    diagnostics: list = field(default_factory=list)

    @property
    def row(self) -> tuple:
        """What the renderers take: path, locator, diagnostics."""
        return (self.source.display, self.source.locator(self.side.doc), self.diagnostics)


def compare_files(paths: list[Path], languages: list[str]) -> list[Version]:
    """Read and compare; `languages` are the command line's LANG=PATH."""
    return compare(read_versions(paths, parse_languages(languages)))


def parse_languages(given) -> dict[Path, str]:
    chosen: dict[Path, str] = {}
    for item in given:
        code, _, path = item.partition("=")
        if not path:
            raise CompareError(f"--lang: expected LANG=PATH, e.g. fr=res.fr.md, got {item!r}")
        try:
            options.language(code, auto=False)
        except options.Invalid as error:
            raise CompareError(error.at(f"--lang {item}")) from None
        chosen[Path(path)] = code
    return chosen


def read_versions(paths: list[Path], languages: dict[Path, str]) -> list[Version]:
    """The versions in `paths`, each in its given or detected language; raises CompareError
    for fewer than two, an unreadable file, or two in one language."""
    if len(paths) < 2:
        raise CompareError("compare needs two or more versions of one text")
    missing = [str(path) for path in languages if path not in paths]
    if missing:
        raise CompareError(f"--lang names a file not compared: {', '.join(missing)}")
    versions: list[Version] = []
    for path in paths:
        try:
            source = read_source(path)
        except (SourceError, OSError) as error:
            raise CompareError(f"{path}: {error}") from None
        doc = parse_with(source.text, path=str(path), language=languages.get(path))
        versions.append(Version(path, source, Side(Facts(doc), LANGUAGE_NAMES[doc.language])))
    _same_text(versions)
    seen: dict[str, Path] = {}
    for version in versions:
        language = version.side.doc.language
        if language in seen:
            raise CompareError(f"{seen[language]} and {version.path} are both in {LANGUAGE_NAMES[language]}; give --lang LANG=PATH")
        seen[language] = version.path
    return versions


def _same_text(versions: list[Version]) -> None:
    """Files numbered differently and built differently are different texts, not versions of
    one (a number that differs alone is a finding: the French A/RES/78/130 is headed "78/13")."""
    shapes = {(v.side.doc.meta.number, len(v.side.doc.operative), len(v.side.doc.preambular)) for v in versions}
    numbers = {shape[0] for shape in shapes} - {None}
    if len(numbers) > 1 and len({shape[1:] for shape in shapes}) > 1:
        raise CompareError(f"the files are versions of different texts: {', '.join(sorted(numbers))}")


def compare(versions: list[Version]) -> list[Version]:
    """Fill each version's diagnostics with the findings placed on it. Each pair of versions
    is compared once; a divergence is a candidate on both sides."""
    found: list[dict[tuple, list[Diagnostic]]] = [{} for _ in versions]
    for i, first in enumerate(versions):
        for j in range(i + 1, len(versions)):
            second = versions[j]
            matched = pair(first.side, second.side)
            for rule in VERSION_RULES:
                for divergence in rule.check(matched):
                    _candidate(found[i], rule.META, divergence, j, second.side)
                    _candidate(found[j], rule.META, divergence.flipped(), i, first.side)
    others = len(versions) - 1
    for version, candidates in zip(versions, found):
        version.diagnostics = sorted(
            (next(iter(by_other.values())) for by_other in candidates.values() if len(by_other) * 2 > others),
            key=lambda d: (d.span.start, d.code),
        )
    return versions


def _candidate(found: dict, meta: RuleMeta, divergence: Divergence, index: int, other: Side) -> None:
    """Group by what differs here and by the other version it differs from, so that a
    difference counts once for each other version that shows it (three footnotes one
    paragraph has and the other lacks are one version's difference, not three)."""
    key = (meta.code, divergence.key_a, divergence.value_a)
    found.setdefault(key, {}).setdefault(index, _diagnostic(meta, divergence, other))


def _diagnostic(meta: RuleMeta, divergence: Divergence, other: Side) -> Diagnostic:
    line = other.line(divergence.span_b)
    message = f"{divergence.value_a} here, {divergence.value_b} in the {other.language} version (line {line})"
    return Diagnostic(meta.code, meta.name, meta.default_severity, divergence.span_a, message, None, DOCS_URL.format(code=meta.code))
