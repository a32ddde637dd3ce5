"""Vendor resolint and its pure-Python dependencies into the extension (the bundled build).

    python3 scripts/vendor_python.py bundled/libs

resolint itself is built from this checkout (a wheel of the repository root); its dependencies
(lark, typer and its dependencies, pygls, lsprotocol, cattrs, attrs ...) come from PyPI wheels,
restricted to pure-Python ones (`--platform any`), so the folder runs on every OS with any
Python >= 3.11. The extension puts the folder on PYTHONPATH when it uses the bundled copy.

Left out, to keep the .vsix small: rich and what only rich needs (pygments, markdown-it-py,
mdurl). typer pretty-prints with rich when it is installed and works without it; resolint
turns rich off anyway (`rich_markup_mode=None`, `pretty_exceptions_enable=False`).
"""
from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

EXTENSION = Path(__file__).resolve().parent.parent
REPOSITORY = EXTENSION.parent
PYTHON_VERSION = "3.11"  # the oldest Python resolint supports; pure wheels serve every later one
NOT_BUILT = ("build", ".git", ".venv", "node_modules", "vscode_extension", "*.egg-info", "__pycache__")
LEFT_OUT = ("rich", "pygments", "markdown_it", "markdown_it_py", "mdurl")


def pip(*args: str) -> None:
    subprocess.run([sys.executable, "-m", "pip", "--disable-pip-version-check", *args], check=True)


def vendor(target: Path) -> None:
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    with tempfile.TemporaryDirectory() as wheels, tempfile.TemporaryDirectory() as source:
        # Built from a copy: setuptools builds in the tree's build/ folder and keeps in it the
        # modules a later commit removed, which would then ship in the .vsix.
        shutil.copytree(REPOSITORY, source, dirs_exist_ok=True, ignore=shutil.ignore_patterns(*NOT_BUILT))
        pip("wheel", "--quiet", "--no-deps", "--wheel-dir", wheels, source)
        (wheel,) = Path(wheels).glob("resolint-*.whl")
        pip(
            "install", "--quiet", "--no-compile", "--target", str(target),
            "--only-binary", ":all:", "--platform", "any", "--implementation", "py",
            "--python-version", PYTHON_VERSION,
            f"resolint @ {wheel.as_uri()}",
        )
    shutil.rmtree(target / "bin", ignore_errors=True)  # console scripts: the extension runs `python -m resolint`
    for path in sorted(target.iterdir()):
        name = path.name.lower().split("-")[0]
        if name in LEFT_OUT:
            shutil.rmtree(path) if path.is_dir() else path.unlink()
    for cache in target.rglob("__pycache__"):
        shutil.rmtree(cache)
    (target / "README.txt").write_text(
        "Vendored by vscode_extension/scripts/vendor_python.py: resolint and its pure-Python\n"
        "dependencies, each with its licence in its *.dist-info folder.\n",
        encoding="utf-8",
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("target", type=Path, help="folder to fill (emptied first), e.g. bundled/libs")
    vendor(parser.parse_args().target.resolve())


if __name__ == "__main__":
    main()
