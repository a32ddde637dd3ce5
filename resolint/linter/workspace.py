"""Which files a run over a repository lints: files named on the command line, text files
under named folders (less hidden ones and the configuration's `exclude` patterns), and, for a
pull request, only those changed since a git revision."""
from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from .config import ConfigError, ConfigResolver
from .formats import SUFFIXES
from .patterns import PathPatterns, relative_path

SKIPPED_FOLDERS = frozenset({"node_modules", "__pycache__", "site-packages"})
STDIN = Path("-")


class WorkspaceError(Exception):
    """A one-line reason the set of files cannot be worked out (a bad git revision...);
    `path`: the file it is about, when there is one (the reports list it as RL001)."""

    def __init__(self, message: str, *, path: Path | None = None) -> None:
        super().__init__(message)
        self.path = path


class Discovery:
    """Files to lint, in a stable order (folders walked in sorted order), each once.

    Symbolic links are followed only to a file inside the folder tree being linted: under a
    folder named on the command line, a link whose target lies outside that folder is neither
    read nor fixed (a note says so), so that a repository cannot make resolint read or rewrite
    a file elsewhere; links to folders are not followed. A file named on the command line may
    be a link to a file inside the folder that holds the link; one to a file elsewhere is an
    error (name the target itself to lint it)."""

    def __init__(self, configs: ConfigResolver, *, force_exclude: bool = False) -> None:
        self.configs = configs
        self.force_exclude = force_exclude
        self.errors: list[Exception] = []
        self.notes: list[str] = []
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
            elif path.is_symlink() and not _inside(path, Path(os.path.realpath(path.parent))):
                self.errors.append(WorkspaceError(
                    f"{path}: a symbolic link to {os.path.realpath(path)}, outside the folder that holds it; "
                    "not linted (name the file itself to lint it)", path=path))
                continue
            else:
                found = iter(((path, os.path.realpath(path)),))
            for file, key in found:  # key: the file's real path (a link and its target are one file)
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
        relative = relative_path(path, config.root)  # a link is excluded by its own name
        return relative is not None and patterns.excludes(relative, is_folder)

    def _walk(self, top: Path) -> Iterator[tuple[Path, str]]:
        """The files under `top`, each with its real path."""
        tree = top.resolve()
        for folder, subfolders, names in os.walk(top):  # links to folders are listed, not entered
            here = Path(folder)
            real = os.path.realpath(folder)
            subfolders[:] = sorted(
                name
                for name in subfolders
                if not name.startswith(".") and name not in SKIPPED_FOLDERS and not self.excluded(here / name, is_folder=True)
            )
            for name in sorted(names):
                path = here / name
                if name.startswith((".", "~$")) or path.suffix.lower() not in SUFFIXES or not path.is_file():  # ~$: Word's lock files
                    continue
                if self.excluded(path):
                    continue
                if not path.is_symlink():
                    yield path, os.path.join(real, name)
                elif _inside(path, tree):
                    yield path, os.path.realpath(path)
                else:
                    self.notes.append(f"{path}: a symbolic link to {os.path.realpath(path)}, outside {top}; not read")


def _inside(link: Path, tree: Path) -> bool:
    """Whether the file `link` leads to lies inside the (resolved) folder `tree`."""
    return Path(os.path.realpath(link)).is_relative_to(tree)


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
