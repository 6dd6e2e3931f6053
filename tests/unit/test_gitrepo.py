"""git through govdisc.gitrepo.run_git only, with configuration that runs nothing (issue 18 item 5).

A received register's `.git` names programs for every hook git offers: fsmonitor, hooks, pager,
external diff, textconv, clean/smudge/process filters (assigned to every file by
.git/info/attributes), a merge driver and a signing program. The commands that run git
(`report annual`, `report review`, `check --changed-since`) must run none of them, and still
see what changed.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from govdisc.cli import app
from govdisc.gitrepo import GitError, run_git

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git not installed")
ROOT = Path(__file__).resolve().parents[2]
PROGRAMS = ("fsmonitor", "hook", "pager", "editor", "external-diff", "textconv", "diff-command", "clean", "smudge",
            "process", "info-clean", "merge-driver", "gpg")


def git(root: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=root, check=True, capture_output=True, text=True,
                          env={**os.environ, "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": os.devnull}).stdout


@pytest.fixture
def planted(tmp_path: Path) -> tuple[Path, Path]:
    """A register in git whose .git/config, hooks and attributes would run a program each."""
    reg = tmp_path / "register"
    shutil.copytree(ROOT / "tests" / "fixtures" / "minimal", reg)
    marks = tmp_path / "marks"
    marks.mkdir()
    git(reg, "init", "-q")
    git(reg, "config", "user.email", "clerk@example.invalid")
    git(reg, "config", "user.name", "clerk")
    (reg / ".gitattributes").write_text("*.yaml filter=evil diff=evil merge=evil\n", encoding="utf-8")
    git(reg, "add", "-A")
    git(reg, "commit", "-qm", "init")
    hooks = tmp_path / "hooks"
    hooks.mkdir()
    for hook in ("post-index-change", "reference-transaction", "post-checkout", "pre-auto-gc"):
        for folder in (hooks, reg / ".git" / "hooks"):
            script = folder / hook
            script.write_text(f"#!/bin/sh\ntouch '{marks}/hook'\n", encoding="utf-8")
            script.chmod(0o755)
    (reg / ".git" / "info").mkdir(exist_ok=True)
    (reg / ".git" / "info" / "attributes").write_text("* filter=evil2 diff=evil2\n", encoding="utf-8")

    def run(name: str) -> str:
        return f"touch '{marks}/{name}'; cat"

    with open(reg / ".git" / "config", "a", encoding="utf-8") as fh:
        fh.write(f"""[core]
\tfsmonitor = {run("fsmonitor")}
\thooksPath = {hooks}
\tpager = {run("pager")}
\teditor = {run("editor")}
\tuntrackedCache = true
[diff]
\texternal = {run("external-diff")}
[diff "evil"]
\ttextconv = {run("textconv")}
\tcommand = {run("diff-command")}
[diff "evil2"]
\ttextconv = {run("textconv")}
[filter "evil"]
\tclean = {run("clean")}
\tsmudge = {run("smudge")}
\tprocess = {run("process")}
[filter "evil2"]
\tclean = {run("info-clean")}
\trequired = true
[merge "evil"]
\tdriver = {run("merge-driver")}
[gpg]
\tprogram = {run("gpg")}
[log]
\tshowSignature = true
""")
    time.sleep(1.1)  # a later mtime: git must look at the files' content, the moment filters run
    for path in reg.rglob("*.yaml"):
        os.utime(path)
    changed = reg / "applications" / "2026" / "YSQ-2026-0001.yaml"
    changed.write_text(changed.read_text(encoding="utf-8") + "# 改动\n", encoding="utf-8")
    return reg, marks


@pytest.mark.parametrize("args", [
    ("report", "annual", "--year", "2026", "--as-of", "2026-12-31", "--force", "--format", "md"),
    ("report", "review", "--year", "2026", "--as-of", "2026-12-31", "--format", "md"),
    ("check", "--changed-since", "HEAD", "--as-of", "2026-12-31", "--format", "json"),
])
def test_no_program_named_by_a_received_repository_runs(planted, args) -> None:
    reg, marks = planted
    res = CliRunner().invoke(app, [*args, "--register", str(reg)])
    assert res.exit_code in (0, 1), res.output
    assert sorted(p.name for p in marks.iterdir()) == []
    if args[0] == "check":  # and git still sees what changed: the one edited file, not the touched ones
        assert '"files": 1' in res.output
    if args[0] == "report" and args[1] == "annual":
        assert "-dirty\n" in res.output  # the dirty flag (report properties) still works without the clean filter


def test_the_drivers_are_found_and_emptied(planted) -> None:
    from govdisc.gitrepo import driver_settings

    reg, marks = planted
    settings = dict(driver_settings(reg))
    assert settings["filter.evil.clean"] == "" and settings["filter.evil2.clean"] == ""
    assert settings["filter.evil2.required"] == "false" and settings["diff.evil.textconv"] == "cat"
    assert settings["merge.evil.driver"] == ""
    # what the commands ask git, and the porcelain ones a later caller might use
    for args in (("status", "--porcelain"), ("diff", "HEAD"), ("diff", "--stat", "HEAD"), ("log", "-1", "-p"),
                 ("show", "HEAD:applications/2026/YSQ-2026-0001.yaml")):
        run_git(reg, *args)
    assert sorted(p.name for p in marks.iterdir()) == []


def test_a_driver_name_with_odd_characters_is_emptied_too(tmp_path: Path) -> None:
    marks = tmp_path / "marks"
    marks.mkdir()
    git(tmp_path, "init", "-q")
    git(tmp_path, "config", "filter.a=b.c.clean", f"touch '{marks}/odd'; cat")
    (tmp_path / ".gitattributes").write_text("* filter=a=b.c\n", encoding="utf-8")
    (tmp_path / "x.yaml").write_text("x: 1\n", encoding="utf-8")
    run_git(tmp_path, "add", "x.yaml")  # the clean filter would run here
    assert list(marks.iterdir()) == []


def test_errors_are_git_errors(tmp_path: Path) -> None:
    with pytest.raises(GitError):
        run_git(tmp_path, "rev-parse", "--verify", "HEAD")
