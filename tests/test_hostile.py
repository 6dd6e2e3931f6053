"""Hostile files dropped into a copy of the example register (issue: bad input and security).

Read-only commands run in a child process (a crash there must fail the test, not kill pytest),
under a Python audit hook that logs every file and folder opened: nothing outside the register
may be read, no register file may change, every bad file is reported by path, no traceback.
"""

from __future__ import annotations

import json
import marshal
import os
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from hostile import OUTSIDE_MARKER, plant, snapshot

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "register"

#: Runs the CLI with an audit hook writing each opened path (one per line) to the log fd.
_AUDITED = r"""
import os, sys
log = os.fdopen(int(sys.argv[1]), "w", buffering=1)
def hook(event, args):
    if event in ("open", "os.scandir", "os.listdir") and args and isinstance(args[0], (str, bytes, os.PathLike)):
        log.write(os.fsdecode(args[0]) + "\n")
sys.addaudithook(hook)
sys.argv = ["govdisc", *sys.argv[2:]]
from govdisc.cli import main
main()
"""


def _allowed_roots(register: Path) -> list[str]:
    import govdisc

    roots = {str(register.resolve()), sys.prefix, sys.base_prefix, os.path.realpath(sys.prefix),
             os.path.realpath(sys.base_prefix), str(Path(govdisc.__file__).resolve().parent.parent)}
    roots.update(p for p in sys.path if p and os.path.isdir(p))
    roots.add("/usr/share/zoneinfo")  # the system's time-zone database (zoneinfo), not user data
    return sorted({os.path.join(os.path.realpath(r), "") for r in roots})


def _run(register: Path, tmp: Path, *args: str) -> tuple[subprocess.CompletedProcess, list[str]]:
    read_fd, write_fd = os.pipe()
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1", "COLUMNS": "200"}
    proc = subprocess.Popen([sys.executable, "-c", _AUDITED, str(write_fd), *args], cwd=tmp, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, pass_fds=(write_fd,))
    os.close(write_fd)
    with os.fdopen(read_fd) as log:
        opened = log.read().splitlines()
    out, err = proc.communicate(timeout=120)
    done = subprocess.CompletedProcess(proc.args, proc.returncode, out.decode("utf-8", "replace"),
                                       err.decode("utf-8", "replace"))
    return done, opened


def _outside(opened: list[str], register: Path, tmp: Path) -> list[str]:
    allowed = _allowed_roots(register)
    bad = []
    for path in opened:
        full = os.path.realpath(os.path.join(tmp, path))
        if full.startswith("/dev/") or full.startswith("/proc/") or full == os.path.realpath(tmp):
            continue
        if not any(os.path.join(full, "").startswith(a) for a in allowed):
            bad.append(path)
    return bad


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, list]:
    tmp = tmp_path_factory.mktemp("hostile")
    register = tmp / "register"
    shutil.copytree(EXAMPLE, register, ignore=shutil.ignore_patterns(".govdisc-cache"))
    planted = plant(register, tmp / "outside")
    return tmp, register, planted


def test_check_reports_every_hostile_file_and_reads_nothing_outside(hostile) -> None:
    tmp, register, planted = hostile
    before = snapshot(register)
    done, opened = _run(register, tmp, "check", "--register", str(register), "--as-of", "2026-02-01",
                        "--format", "json")
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stdout + done.stderr
    assert OUTSIDE_MARKER not in done.stdout + done.stderr
    found = json.loads(done.stdout)["findings"]
    by_path: dict[str, set[str]] = {}
    for f in found:
        by_path.setdefault(f["path"], set()).add(f["code"])
    missing = [(p.path, p.code) for p in planted if p.code not in by_path.get(p.path, set())]
    assert missing == []
    for f in found:  # every finding is located
        assert isinstance(f["line"], int) and f["line"] >= 1 and isinstance(f["column"], int)
    assert _outside(opened, register, tmp) == []
    assert snapshot(register) == before
    assert not Path("/tmp/govdisc-pwned").exists()


@pytest.mark.parametrize("args", [
    ("deadlines", "--as-of", "2026-02-01", "--format", "json"),
    ("stats", "--year", "2024", "--format", "json"),
    ("report", "annual", "--year", "2024", "--as-of", "2026-02-01", "--format", "html", "--force"),
])
def test_other_read_commands_survive_and_change_nothing(hostile, args) -> None:
    tmp, register, _ = hostile
    before = snapshot(register)
    out = tmp / "report.html"
    extra = ("--output", str(out)) if args[0] == "report" else ()
    done, opened = _run(register, tmp, *args, "--register", str(register), *extra)
    assert "Traceback" not in done.stdout + done.stderr, done.stderr
    assert done.returncode in (0, 1), done.stderr
    assert OUTSIDE_MARKER not in done.stdout + done.stderr
    assert snapshot(register) == before
    # the report itself is written (atomically, through a temporary file beside it)
    assert [p for p in _outside(opened, register, tmp) if not p.startswith(str(tmp / ".report.html")) and p != str(out)] == []


def _codes(register: Path) -> set[str]:
    from govdisc.check import run_check

    return {f.code for f in run_check(register, date(2026, 2, 1), cache=True).findings}


def test_a_cache_planted_in_the_register_is_never_trusted(tmp_path: Path) -> None:
    """A merge request may commit a .govdisc-cache/ whose entries call a broken record clean
    (made with govdisc's own code on the attacker's machine): after a clone it must not count."""
    from govdisc.loading import cache

    broken = tmp_path / "broken"
    shutil.copytree(EXAMPLE, broken, ignore=shutil.ignore_patterns(".govdisc-cache"))
    target = sorted((broken / "documents").rglob("*.yaml"))[0]
    clean_text = target.read_text(encoding="utf-8")
    assert "disclosure: " in clean_text
    assert "REG005" not in _codes(broken)  # builds the cache of the clean register
    clean_entry = cache.read_cache(broken)[target.relative_to(broken).as_posix()]
    target.write_text(clean_text.replace("disclosure: ", "disclosure: maybe_", 1), encoding="utf-8")
    forged = {**cache.read_cache(broken)}
    rel = target.relative_to(broken).as_posix()
    forged[rel] = (rel, clean_entry[1], cache.digest(target.read_bytes()), clean_entry[3], (), False, None)
    cache._write(broken, [marshal.dumps(list(forged.values()))], 0)
    assert "REG005" not in _codes(broken)  # on the machine that made it, the forgery would work
    cloned = tmp_path / "cloned"  # what a clone or copy of the merge request does
    shutil.copytree(broken, cloned)
    assert "REG005" in _codes(cloned)


def test_a_cache_folder_that_is_a_link_is_not_used(tmp_path: Path) -> None:
    register = tmp_path / "register"
    shutil.copytree(EXAMPLE, register, ignore=shutil.ignore_patterns(".govdisc-cache"))
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    os.symlink(elsewhere, register / ".govdisc-cache")
    done = subprocess.run([sys.executable, "-m", "govdisc", "check", "--register", str(register),
                           "--as-of", "2026-02-01"], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    assert list(elsewhere.iterdir()) == []
