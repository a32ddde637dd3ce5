"""The pre-commit hooks, run by the real `pre-commit` in a temporary git repository of drafts.

The hook repository is a git copy of this checkout (its files as they are now, committed in
a temporary repository), referenced by local path, so pre-commit fetches nothing from GitHub;
it builds the hook's environment with pip as it does for any user (about half a minute)."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from resolint.document.rule import REPOSITORY

from .conftest import ROOT, require

SLIPS = "*The General Assembly*,\n\n*Recalling* its resolution 70/1;\n\n1. *Decides* to act:\n\na) first;\n\nb) second.\n"
FIXED = "*The General Assembly*,\n\n*Recalling* its resolution 70/1,\n\n1. *Decides* to act:\n\n(a) first;\n\n(b) second.\n"

def readme_config(repo: Path, rev: str, hook: str) -> str:
    """The README's example, with the repository's address replaced by the local copy."""
    example = (ROOT / "README.md").read_text(encoding="utf-8").split("### pre-commit", 1)[1].split("```yaml\n", 1)[1]
    example = example.split("```", 1)[0]
    return example.replace(REPOSITORY, str(repo)).replace("v0.1.0", rev).replace("{id: resolint}", f"{{id: {hook}}}")


def git(cwd: Path, *arguments: str) -> str:
    result = subprocess.run(
        ["git", "-c", "user.name=resolint tests", "-c", "user.email=tests@example.org", "-c", "commit.gpgsign=false", *arguments],
        cwd=cwd, capture_output=True, text=True, check=True,
    )
    return result.stdout


@pytest.fixture(scope="module")
def hook_repository(tmp_path_factory) -> tuple[Path, str]:
    require(shutil.which("git") is not None, "git is not installed")
    require((ROOT / ".git").exists(), "this checkout is not a git repository")
    upstream = tmp_path_factory.mktemp("upstream")
    names = git(ROOT, "ls-files", "-z", "--cached", "--others", "--exclude-standard").split("\0")
    for name in filter(None, names):
        source = ROOT / name
        if source.is_file():
            (upstream / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, upstream / name)
    git(upstream, "init", "-q")
    git(upstream, "add", "-A")
    git(upstream, "commit", "-q", "-m", "resolint as checked out")
    return upstream, git(upstream, "rev-parse", "HEAD").strip()


@pytest.fixture(scope="module")
def pre_commit_home(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("pre-commit-home")


def pre_commit(repo: Path, home: Path, *arguments: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PRE_COMMIT_HOME": str(home), "PRE_COMMIT_COLOR": "never", "RESOLINT_CACHE_DIR": str(home / "lint-cache")}
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", *arguments], cwd=repo, capture_output=True, text=True, env=env, timeout=600,
    )


def drafts_repository(path: Path, upstream: Path, rev: str, hook: str) -> Path:
    path.mkdir()
    git(path, "init", "-q")
    (path / ".pre-commit-config.yaml").write_text(readme_config(upstream, rev, hook), encoding="utf-8")
    (path / "drafts").mkdir()
    (path / "drafts" / "oceans.md").write_text(SLIPS, encoding="utf-8")
    (path / "README.md").write_text("*The General Assembly*,\n\n2. *Decides* to act\n", encoding="utf-8")  # findings, if linted
    (path / "pyproject.toml").write_text('[tool.resolint]\nexclude = ["/README.md"]\n', encoding="utf-8")
    git(path, "add", "-A")
    return path


def test_the_hooks_with_the_real_pre_commit(tmp_path, hook_repository, pre_commit_home):
    upstream, rev = hook_repository
    validated = pre_commit(upstream, pre_commit_home, "validate-manifest", ".pre-commit-hooks.yaml")
    assert validated.returncode == 0, validated.stdout + validated.stderr

    check = drafts_repository(tmp_path / "check", upstream, rev, "resolint")
    assert pre_commit(check, pre_commit_home, "validate-config", ".pre-commit-config.yaml").returncode == 0
    found = pre_commit(check, pre_commit_home, "run", "--all-files")
    report = found.stdout + found.stderr
    assert found.returncode == 1, report
    assert "resolint" in report and "Failed" in report
    assert "drafts/oceans.md:3:" in report and "ST006" in report and "ST005" in report
    assert "README.md" not in report.replace(".pre-commit-config.yaml", "")  # excluded by the configuration
    assert (check / "drafts" / "oceans.md").read_text(encoding="utf-8") == SLIPS  # checking never writes

    fixing = drafts_repository(tmp_path / "fix", upstream, rev, "resolint-fix")
    fixed = pre_commit(fixing, pre_commit_home, "run", "--all-files")
    assert fixed.returncode == 1 and "files were modified by this hook" in fixed.stdout, fixed.stdout + fixed.stderr
    assert (fixing / "drafts" / "oceans.md").read_text(encoding="utf-8") == FIXED
    git(fixing, "add", "-A")
    clean = pre_commit(fixing, pre_commit_home, "run", "--all-files")
    assert clean.returncode == 0 and "Passed" in clean.stdout, clean.stdout + clean.stderr
