"""Compare the language versions of one text: read them, pair them, run the LV rules, and
place each finding on the version that differs.

With two versions a difference sits on both; with three or more, on the odd one out: a
finding stays on a version when it differs in the same way from most of the others. Each
message quotes the other version: "A/75/444 here, A/76/444 in the English version (line 9)".
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..document.diagnostics import Diagnostic
from ..document.model import Document
from ..document.rule import DOCS_URL, RuleMeta
from ..facts import Facts
from ..rules.versions import VERSION_RULES
from ..rules.versions.align import Divergence, Side, pair
from . import options, registry
from .config import Config
from .engine import parse_with, suppressions_of
from .formats import SUFFIXES
from .source import SourceError, read_source

LANGUAGE_NAMES = {"en": "English", "fr": "French", "es": "Spanish"}
_VERSION_NAME = re.compile(rf"(?P<stem>.+)\.(?P<language>{'|'.join(LANGUAGE_NAMES)})(?P<suffix>\.[^.]+)")


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


def versions_of(path: Path, config: Config, listing) -> list[Path]:
    """The other language versions of the file at `path`: those `config.versions` names for
    it, else the files beside it of the same stem in another language (A-RES-78-10.en.md,
    A-RES-78-10.fr.md, A-RES-78-10.es.docx). `listing(folder)` names the files of a folder,
    asked only when `path` is named like a version."""
    mapped = mapped_versions(config, path)
    if mapped or named_version(path.name) is None:
        return mapped
    return [path.parent / name for name in sibling_names(path.name, listing(path.parent))]


def with_versions(path: Path, config: Config) -> list[Path]:
    """`path` and the versions its configuration or its name gives it (`resolint compare FILE`)."""
    found = versions_of(path, config, _names_in)
    if not found:
        raise CompareError(f"compare needs two or more versions of one text; {path} has none named in "
                           "[tool.resolint.versions] or beside it (as NAME.en.md, NAME.fr.md, NAME.es.md)")
    return [path, *found]


def _names_in(folder: Path) -> list[str]:
    try:
        return os.listdir(folder)
    except OSError:
        return []


def mapped_versions(config: Config, path: Path) -> list[Path]:
    """The other versions `[tool.resolint.versions]` names for `path`: each entry is a group,
    a file and its versions, relative to the configuration file."""
    if not config.versions or config.root is None:
        return []
    target = os.path.realpath(path)
    found: list[Path] = []
    for first, others in config.versions.items():
        group = [Path(os.path.realpath(config.root / name)) for name in (first, *others)]
        if Path(target) in group:
            found.extend(other for other in group if str(other) != target and other not in found)
    return found


def sibling_names(name: str, names) -> list[str]:
    """The other language versions of the file `name` among the `names` of its folder, one
    per language: of its own suffix if there is one, else the first of SUFFIXES."""
    own = named_version(name)
    if own is None:
        return []
    best: dict[str, tuple[int, str]] = {}
    for other in names:
        found = named_version(other)
        if found is None or found[0] != own[0] or found[1] == own[1]:
            continue
        choice = (-1 if found[2] == own[2] else SUFFIXES.index(found[2]), other)
        best[found[1]] = min(best.get(found[1], choice), choice)
    return [best[language][1] for language in sorted(best)]


def named_version(name: str) -> tuple[str, str, str] | None:
    """(stem, language, suffix) of a file named like a language version, else None."""
    match = _VERSION_NAME.fullmatch(name)
    if match is None or match["suffix"].lower() not in SUFFIXES:
        return None
    return match["stem"], match["language"], match["suffix"].lower()


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
        versions.append(Version(path, source, side_of(Facts(doc))))
    check_versions([(str(version.path), version.side) for version in versions])
    return versions


def side_of(facts: Facts) -> Side:
    """One version as the LV rules read it."""
    return Side(facts, LANGUAGE_NAMES[facts.doc.language])


def check_versions(sides: list[tuple[str, Side]], hint: str = "; give --lang LANG=PATH") -> None:
    """Raise CompareError unless the (name, side) pairs can be versions of one text: one text,
    each in a language of its own (`hint` says how to give a file's language)."""
    _same_text([side for _, side in sides])
    seen: dict[str, str] = {}
    for name, side in sides:
        language = side.doc.language
        if language in seen:
            raise CompareError(f"{seen[language]} and {name} are both in {LANGUAGE_NAMES[language]}{hint}")
        seen[language] = name


def _same_text(sides: list[Side]) -> None:
    """Files numbered differently and built differently are different texts, not versions of
    one (a number that differs alone is a finding: the French A/RES/78/130 is headed "78/13")."""
    shapes = {(side.doc.meta.number, len(side.doc.operative), len(side.doc.preambular)) for side in sides}
    numbers = {shape[0] for shape in shapes} - {None}
    if len(numbers) > 1 and len({shape[1:] for shape in shapes}) > 1:
        raise CompareError(f"the files are versions of different texts: {', '.join(sorted(numbers))}")


def compare(versions: list[Version]) -> list[Version]:
    """Fill each version's diagnostics with the findings placed on it."""
    for version, found in zip(versions, compare_sides([version.side for version in versions])):
        version.diagnostics = found
    return versions


def compare_sides(sides: list[Side]) -> list[list[Diagnostic]]:
    """The findings placed on each version, in the order given. Each pair of versions is
    compared once; a divergence is a candidate on both sides."""
    found: list[dict[tuple, list[Diagnostic]]] = [{} for _ in sides]
    for i, first in enumerate(sides):
        for j in range(i + 1, len(sides)):
            second = sides[j]
            matched = pair(first, second)
            for rule in VERSION_RULES:
                for divergence in rule.check(matched):
                    _candidate(found[i], rule.META, divergence, j, second)
                    _candidate(found[j], rule.META, divergence.flipped(), i, first)
    others = len(sides) - 1
    return [
        sorted(
            (next(iter(by_other.values())) for by_other in candidates.values() if len(by_other) * 2 > others),
            key=lambda d: (d.span.start, d.code),
        )
        for candidates in found
    ]


def configured(findings: list[Diagnostic], config: Config, doc: Document) -> list[Diagnostic]:
    """The LV findings on `doc` that its configuration keeps, as for any rule: enabled by
    select, ignore and per-file-ignores, at the configured severity, not silenced by a
    directive in `doc`."""
    enabled = {rule.code for rule in registry.select_versions(config.select, config.ignore + config.ignored_in(doc.path))}
    suppressions = suppressions_of(doc) if doc.directives else None
    kept = []
    for finding in findings:
        severity = config.severity_for(finding.code, finding.name, finding.severity) if finding.code in enabled else None
        if severity is not None and not (suppressions and suppressions.silences(finding)):
            kept.append(replace(finding, severity=severity))
    return kept


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
