"""The pre-commit hook, run the way pre-commit runs it (try-repo on this repository)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from ruamel.yaml import YAML

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.slow


def _git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.email=t@t", "-c", "user.name=t", *args], cwd=cwd, check=True,
                   capture_output=True)


def test_hook_manifest():
    hooks = YAML(typ="safe").load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    hook = next(h for h in hooks if h["id"] == "govdisc-check")
    assert hook["entry"] == "govdisc check" and hook["language"] == "python"


def test_try_repo_passes_clean_and_fails_broken(tmp_path):
    pre_commit = shutil.which("pre-commit") or str(Path(sys.executable).parent / "pre-commit")
    reg = tmp_path / "reg"
    shutil.copytree(ROOT / "register", reg, ignore=shutil.ignore_patterns(".govdisc-cache"))
    _git(reg, "init", "-q")
    _git(reg, "add", ".")
    _git(reg, "commit", "-qm", "init")
    env = {**os.environ, "GOVDISC_AS_OF": "2026-02-01", "PRE_COMMIT_HOME": str(tmp_path / "pc-home")}
    cmd = [pre_commit, "try-repo", str(ROOT), "govdisc-check", "--all-files"]
    ok = subprocess.run(cmd, cwd=reg, env=env, capture_output=True, text=True)
    assert ok.returncode == 0, ok.stdout + ok.stderr
    doc = next((reg / "documents").rglob("*.yaml"))
    doc.write_text(doc.read_text(encoding="utf-8").replace("disclosure: ", "disclosure: maybe_", 1), encoding="utf-8")
    bad = subprocess.run(cmd, cwd=reg, env=env, capture_output=True, text=True)
    assert bad.returncode == 1, bad.stdout + bad.stderr
    assert doc.relative_to(reg).as_posix() in bad.stdout
