"""Which files a run over a repository lints: files named on the command line, text files
under named folders (less hidden ones and the configuration's `exclude` patterns), and, for a
pull request, only those changed since a git revision."""
from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from .config import ConfigError, ConfigResolver
from .patterns import PathPatterns

SUFFIXES = (".md", ".txt", ".markdown", ".docx")
SKIPPED_FOLDERS = frozenset({"node_modules", "__pycache__", "site-packages"})
STDIN = Path("-")


class WorkspaceError(Exception):
    """A one-line reason the set of files cannot be worked out (a bad git revision...)."""


class Discovery:
    """Files to lint, in a stable order (folders walked in sorted order), each once."""

    def __init__(self, configs: ConfigResolver, *, force_exclude: bool = False) -> None:
        self.configs = configs
        self.force_exclude = force_exclude
        self.errors: list[ConfigError] = []
        self._patterns: dict[Path | None, PathPatterns] = {}

    def files(self, names: list[str]) -> Iterator[Path]:
        seen: set[str] = set()
        for name in names:
            if name == "-":
                yield STDIN
                continue
            path = Path(name)
            if path.is_dir():
                if self.force_exclude and self.excluded(path, is_folder=True):
                    continue
                found = self._walk(path)
            elif self.force_exclude and self.excluded(path):
                continue
            else:
                found = iter((path,))
            for file in found:
                key = os.path.abspath(file)
                if key not in seen:
                    seen.add(key)
                    yield file

    def excluded(self, path: Path, *, is_folder: bool = False) -> bool:
        """Whether the `exclude` patterns of the configuration governing `path` exclude it.
        An invalid configuration excludes nothing; its error is kept for the caller."""
        try:
            config = self.configs.for_path(path.parent if not is_folder else path)
        except ConfigError as error:
            if str(error) not in map(str, self.errors):
                self.errors.append(error)
            return False
        if not config.exclude or config.root is None:
            return False
        patterns = self._patterns.get(config.path)
        if patterns is None:
            patterns = self._patterns[config.path] = PathPatterns(config.exclude)
        try:
            relative = path.resolve().relative_to(config.root)
        except ValueError:
            return False
        return bool(relative.parts) and patterns.excludes(relative.as_posix(), is_folder)

    def _walk(self, top: Path) -> Iterator[Path]:
        for folder, subfolders, names in os.walk(top):
            here = Path(folder)
            subfolders[:] = sorted(
                name
                for name in subfolders
                if not name.startswith(".") and name not in SKIPPED_FOLDERS and not self.excluded(here / name, is_folder=True)
            )
            for name in sorted(names):
                path = here / name
                if name.startswith((".", "~$")) or path.suffix.lower() not in SUFFIXES or not path.is_file():  # ~$: Word's lock files
                    continue
                if not self.excluded(path):
                    yield path


def changed_since(revision: str, cwd: Path | None = None) -> set[Path]:
    """Files (resolved paths) added or modified since the merge base of `revision` and HEAD,
    in commits, the index or the working tree, plus untracked files not ignored by git: what a
    pull request changes."""
    top = Path(_git(["rev-parse", "--show-toplevel"], cwd).strip())
    base = _git(["merge-base", revision, "HEAD"], cwd).strip()
    changed = _git(["diff", "--name-only", "-z", "--no-renames", "--diff-filter=d", base, "--"], top)
    untracked = _git(["ls-files", "-z", "--others", "--exclude-standard"], top)
    names = [name for name in (changed + untracked).split("\0") if name]
    return {(top / name).resolve() for name in names}


def _git(arguments: list[str], cwd: Path | None) -> str:
    import subprocess

    try:
        result = subprocess.run(
            ["git", *arguments], cwd=cwd, capture_output=True, text=True, encoding="utf-8", errors="surrogateescape"
        )
    except FileNotFoundError:
        raise WorkspaceError("--changed-since needs git, which is not installed") from None
    if result.returncode != 0:
        detail = (result.stderr.strip().splitlines() or ["git failed"])[-1]
        raise WorkspaceError(f"--changed-since: git {arguments[0]}: {detail}")
    return result.stdout
