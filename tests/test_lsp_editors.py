"""Real editors as clients: headless Neovim and Emacs eglot (batch) open the Spanish sample
and must receive exactly the findings `resolint check` prints (codes, lines and columns).
The editors are installed by .ci/run; without them these tests skip (fail under CI)."""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys

from .conftest import ROOT, SPANISH_SAMPLE, require

EDITORS = ROOT / "tests" / "editors"
TIMEOUT = 120


def expected_findings(path) -> list[tuple[int, int, int, int, str, str]]:
    """(line, column, end line, end column, code, message), 0-based, from `resolint check`."""
    result = subprocess.run([sys.executable, "-m", "resolint", "check", "--format", "json", str(path)],
                            capture_output=True, cwd=path.parent, timeout=TIMEOUT)
    return sorted((d["line"] - 1, d["column"] - 1, d["end_line"] - 1, d["end_column"] - 1, d["code"], d["message"])
                  for d in json.loads(result.stdout)["diagnostics"])


def run_editor(command: list[str], folder, out) -> str:
    env = {**os.environ, "TARGET": SPANISH_SAMPLE.name, "PYTHON": sys.executable, "OUT": str(out),
           "HOME": str(folder), "XDG_CACHE_HOME": os.environ.get("XDG_CACHE_HOME", str(folder / ".cache"))}
    result = subprocess.run(command, cwd=folder, env=env, capture_output=True, timeout=TIMEOUT, stdin=subprocess.DEVNULL)
    assert out.exists(), f"{command[0]} wrote nothing (exit {result.returncode}): {result.stderr.decode(errors='replace')[-2000:]}"
    return out.read_text(encoding="utf-8")


def test_neovim_shows_the_same_findings_as_check(tmp_path):
    nvim = shutil.which("nvim")
    require(nvim is not None, "Neovim is not installed (apt-get install neovim)")
    shutil.copy(SPANISH_SAMPLE, tmp_path)
    output = run_editor([nvim, "--headless", "-u", "NONE", "-i", "NONE", "-c", f"luafile {EDITORS / 'nvim_diagnostics.lua'}"],
                        tmp_path, tmp_path / "nvim.txt")
    header, *lines = output.splitlines()
    assert header.startswith("nvim ") and header.endswith("ok=true"), header
    text_lines = SPANISH_SAMPLE.read_text(encoding="utf-8").split("\n")

    def column(line: int, byte: int) -> int:  # Neovim keeps byte columns
        return len(text_lines[line].encode("utf-8")[:byte].decode("utf-8"))

    found = []
    for entry in lines:
        where, code, message = entry.split(" ", 2)
        line, col, end_line, end_col = map(int, where.split(":"))
        found.append((line, column(line, col), end_line, column(end_line, end_col), code, message))
    assert sorted(found) == expected_findings(tmp_path / SPANISH_SAMPLE.name)


def _has_eglot(emacs: str) -> bool:
    probe = subprocess.run([emacs, "--batch", "--eval", "(progn (package-initialize) (require 'eglot))"],
                           capture_output=True, timeout=TIMEOUT, stdin=subprocess.DEVNULL)
    return probe.returncode == 0


def test_emacs_eglot_shows_the_same_findings_as_check(tmp_path):
    emacs = shutil.which("emacs")
    require(emacs is not None and _has_eglot(emacs), "Emacs with eglot is not installed (apt-get install emacs-nox elpa-eglot)")
    shutil.copy(SPANISH_SAMPLE, tmp_path)
    output = run_editor([emacs, "--batch", "-l", str(EDITORS / "eglot_diagnostics.el")], tmp_path, tmp_path / "emacs.txt")
    header, *lines = output.splitlines()
    assert header.startswith("emacs "), header
    found = []
    for entry in lines:
        match = re.fullmatch(r"(\d+):(\d+):(\d+):(\d+) resolint \[(\w+)\]: (.*)", entry)
        assert match, entry
        line, col, end_line, end_col = (int(match.group(i)) for i in range(1, 5))
        found.append((line - 1, col, end_line - 1, end_col, match.group(5), match.group(6)))
    assert sorted(found) == expected_findings(tmp_path / SPANISH_SAMPLE.name)
