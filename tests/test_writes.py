"""Writes that must not lose anything: `--fix` on a read-only file or another user's file,
a save that lands while resolint writes, a report written over its own input, reports and
conversions cut short by a full disk, and the cache's temporary files.

Everything runs as a real process on real files. A full disk is a real write failure: the
child process runs with a file-size limit (RLIMIT_FSIZE), so a write past it fails with
EFBIG ("File too large") exactly where a full disk fails with ENOSPC.
"""
from __future__ import annotations

import os
import pwd
import resource
import shutil
import stat
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

import pytest

from resolint.linter.source import read_source, write_fixed, write_output

from .conftest import require
from .docx_builder import build_docx
from .test_cli import CACHE, ROOT, err, out
from .test_fix import SLIPS, fixed_by_api

NOBODY = pwd.getpwnam("nobody") if "nobody" in {entry.pw_name for entry in pwd.getpwall()} else None


@pytest.fixture
def nobody():
    """Another user to own files: needs root (as CI runs) and the 'nobody' account."""
    require(NOBODY is not None and os.geteuid() == 0, "needs root and a 'nobody' user")
    return NOBODY


def run(*args: str, cwd: Path | None = None, file_limit: int | None = None, cache: Path | None = CACHE) -> subprocess.CompletedProcess:
    """`python -m resolint ARGS`, with writes limited to `file_limit` bytes per file."""

    def limit() -> None:
        if file_limit is not None:
            resource.setrlimit(resource.RLIMIT_FSIZE, (file_limit, file_limit))

    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    if cache is not None:
        env["RESOLINT_CACHE_DIR"] = str(cache)
    return subprocess.run([sys.executable, "-m", "resolint", *args], capture_output=True, cwd=cwd or ROOT, env=env,
                          timeout=120, preexec_fn=limit)


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


# --- --fix --------------------------------------------------------------------------------

def test_fix_leaves_a_read_only_file_alone(tmp_path):
    """Root may write anything; resolint decides from the mode bits that the user made the
    file read-only, and says so instead of renaming a new file over it."""
    path = tmp_path / "draft.md"
    path.write_text(SLIPS, encoding="utf-8")
    path.chmod(0o444)
    result = run("check", "--fix", str(path))
    assert result.returncode == 2
    assert f"resolint: error: {path}: read-only; not fixed" in err(result)
    assert path.read_text(encoding="utf-8") == SLIPS and stat.S_IMODE(path.stat().st_mode) == 0o444
    assert "Fixed 0 problems" in err(result) and leftovers(tmp_path) == []


@pytest.mark.usefixtures("nobody")
def test_fix_keeps_the_owner_and_group_of_another_users_file(tmp_path):
    path = tmp_path / "draft.md"
    path.write_text(SLIPS, encoding="utf-8")
    os.chown(path, NOBODY.pw_uid, NOBODY.pw_gid)
    path.chmod(0o640)
    result = run("check", "--fix", str(path))
    assert result.returncode == 1, err(result)
    assert path.read_text(encoding="utf-8") == fixed_by_api(SLIPS)
    info = path.stat()
    assert (info.st_uid, info.st_gid, stat.S_IMODE(info.st_mode)) == (NOBODY.pw_uid, NOBODY.pw_gid, 0o640)


def as_user(uid: int, action) -> str:
    """Run `action()` in a forked process that has dropped to `uid` (the Python under /root is
    not readable by `nobody`, so a fresh interpreter cannot start as that user); its error
    message, or "" when it succeeded."""
    read, write = os.pipe()
    child = os.fork()
    if child == 0:  # pragma: no cover - the child process
        os.close(read)
        message = ""
        try:
            os.setgid(pwd.getpwuid(uid).pw_gid)
            os.setuid(uid)
            action()
        except BaseException as error:  # noqa: BLE001 - everything goes back to the parent
            message = str(error) or type(error).__name__
        os.write(write, message.encode())
        os._exit(0)
    os.close(write)
    with os.fdopen(read, "rb") as stream:
        message = stream.read().decode()
    os.waitpid(child, 0)
    return message


@pytest.mark.usefixtures("nobody")
def test_fix_refuses_when_the_owner_cannot_be_kept(request):
    """`nobody` may write root's file (mode 0666, in a folder open to all), but a renamed copy
    would belong to `nobody`: resolint refuses rather than give the file away."""
    folder = Path(tempfile.mkdtemp(prefix="resolint-shared-"))  # pytest's folders are closed to other users
    request.addfinalizer(lambda: shutil.rmtree(folder, ignore_errors=True))
    folder.chmod(0o777)
    path = folder / "draft.md"
    path.write_text(SLIPS, encoding="utf-8")
    path.chmod(0o666)
    message = as_user(NOBODY.pw_uid, lambda: write_fixed(read_source(path), fixed_by_api(SLIPS)))
    assert message == f"{path}: owned by another user (uid 0), whose ownership resolint cannot keep; not fixed"
    assert path.read_text(encoding="utf-8") == SLIPS and path.stat().st_uid == 0
    assert leftovers(folder) == []


RACE = textwrap.dedent("""
    import sys
    from pathlib import Path

    target = Path(sys.argv[1])

    def save_meanwhile(event, args):
        # The editor saves the moment resolint starts writing its temporary copy.
        if event == "tempfile.mkstemp" and target.name in str(args[0]) and not target.with_suffix(".saved").exists():
            target.with_suffix(".saved").touch()
            target.write_text("A save made meanwhile.\\n", encoding="utf-8")

    sys.addaudithook(save_meanwhile)
    from resolint.cli import run
    sys.argv = ["resolint", "check", "--fix", "--no-cache", str(target)]
    run()
""")


def test_a_save_while_the_fix_is_written_is_not_lost(tmp_path):
    """The file is checked again right before the rename: a save that lands after the first
    check (here, while the temporary copy is being written) is kept and the fix is dropped."""
    path = tmp_path / "draft.md"
    path.write_text(SLIPS, encoding="utf-8")
    result = subprocess.run([sys.executable, "-c", RACE, str(path)], capture_output=True, cwd=ROOT, timeout=120)
    assert (tmp_path / "draft.saved").exists(), "the save did not happen while resolint wrote"
    assert path.read_text(encoding="utf-8") == "A save made meanwhile.\n"
    assert result.returncode == 2 and f"{path}: changed on disk while resolint ran; not fixed" in err(result)
    assert leftovers(tmp_path) == []


def test_a_failed_write_is_reported_with_the_findings_of_the_text_on_disk(tmp_path):
    """A full disk while writing the fix: the file keeps its content, the run exits 2, the
    summary fixes nothing, and the findings are those of the unchanged file (lines included)."""
    path = tmp_path / "draft.md"
    path.write_text(SLIPS, encoding="utf-8")
    expected = run("check", str(path))
    result = run("check", "--fix", str(path), file_limit=len(SLIPS.encode()) // 2)
    assert result.returncode == 2
    assert path.read_text(encoding="utf-8") == SLIPS and leftovers(tmp_path) == []
    assert f"resolint: error: {path}: cannot write: File too large" in err(result)
    assert "Fixed 0 problems in 0 of 1 file" in err(result)
    assert out(result) == out(expected)


# --- reports and conversions --------------------------------------------------------------

def test_a_report_is_never_written_over_one_of_the_inputs(tmp_path):
    path = tmp_path / "d.md"
    path.write_text(SLIPS, encoding="utf-8")
    for output in (str(path), str(tmp_path / "." / "d.md")):
        result = run("check", str(tmp_path), "-o", output)
        assert result.returncode == 2
        assert f"resolint: error: {output}: is one of the files being checked; choose another output file" in err(result)
        assert path.read_text(encoding="utf-8") == SLIPS
    link = tmp_path / "report.txt"
    link.symlink_to(path)
    assert run("check", str(path), "--output-file", str(link)).returncode == 2
    assert path.read_text(encoding="utf-8") == SLIPS


def test_a_report_cut_short_by_a_full_disk_leaves_the_old_one(tmp_path):
    path = tmp_path / "d.md"
    path.write_text(SLIPS, encoding="utf-8")
    report = tmp_path / "out" / "report.json"
    report.parent.mkdir()
    report.write_text("the previous report\n", encoding="utf-8")
    report.chmod(0o644)
    result = run("check", "--format", "json", str(path), "-o", str(report), file_limit=1000)
    assert result.returncode == 2 and f"{report}: cannot write: File too large" in err(result)
    assert report.read_text(encoding="utf-8") == "the previous report\n" and leftovers(report.parent) == []
    result = run("check", "--format", "json", str(path), "-o", str(report))
    assert result.returncode == 1 and '"ST006"' in report.read_text(encoding="utf-8")
    assert stat.S_IMODE(report.stat().st_mode) == 0o644


def test_a_new_report_gets_the_usual_permissions(tmp_path):
    path = tmp_path / "d.md"
    path.write_text(SLIPS, encoding="utf-8")
    report = tmp_path / "report.txt"
    assert run("check", str(path), "-o", str(report)).returncode == 1
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(report.stat().st_mode) == 0o666 & ~umask and "ST006" in report.read_text(encoding="utf-8")


def test_convert_cut_short_by_a_full_disk_leaves_the_old_file(tmp_path):
    docx = tmp_path / "draft.docx"
    docx.write_bytes(build_docx("*The General Assembly*,\n\n" + "".join(f"{n}. *Decides* {'a' * 300};\n\n" for n in range(1, 30))).data)
    target = tmp_path / "draft.md"
    target.write_text("my notes\n", encoding="utf-8")
    result = run("convert", str(docx), "-o", str(target), file_limit=2000)
    assert result.returncode == 2 and f"{target}: cannot write: File too large" in err(result)
    assert target.read_text(encoding="utf-8") == "my notes\n" and leftovers(tmp_path) == []
    assert run("convert", str(docx), "-o", str(target)).returncode == 0
    assert target.read_text(encoding="utf-8").startswith("*The General Assembly*,")


# --- the cache ----------------------------------------------------------------------------

def test_a_failed_cache_save_leaves_no_temporary_file(tmp_path):
    path = tmp_path / "d.md"
    path.write_text(SLIPS, encoding="utf-8")
    cache = tmp_path / "cache"
    result = run("check", str(path), cache=cache, file_limit=600)
    assert result.returncode == 1, err(result)
    assert not list(cache.glob(".lint-*.tmp")) and not list(cache.glob("lint-*.json"))


@pytest.mark.usefixtures("nobody")
def test_a_report_over_another_users_report_is_written(request):
    """A report is not a draft: writing one over another user's (where the folder allows it)
    makes it the writer's, instead of failing."""
    folder = Path(tempfile.mkdtemp(prefix="resolint-shared-"))
    request.addfinalizer(lambda: shutil.rmtree(folder, ignore_errors=True))
    folder.chmod(0o777)
    report = folder / "report.txt"
    report.write_text("root's report\n", encoding="utf-8")
    report.chmod(0o666)
    assert as_user(NOBODY.pw_uid, lambda: write_output(report, "nobody's report\n")) == ""
    assert report.read_text(encoding="utf-8") == "nobody's report\n" and report.stat().st_uid == NOBODY.pw_uid
    assert stat.S_IMODE(report.stat().st_mode) == 0o666
