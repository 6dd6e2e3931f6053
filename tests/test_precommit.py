"""The pre-commit hook, run the way pre-commit runs it (try-repo on this repository)."""

from __future__ import annotations

import os
import re
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


def _published_hook() -> dict:
    hooks = YAML(typ="safe").load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    return next(h for h in hooks if h["id"] == "govdisc-check")


def _init_hook() -> dict:
    cfg = YAML(typ="safe").load((ROOT / "templates/init/pre-commit-config.yaml").read_text(encoding="utf-8"))
    return next(h for repo in cfg["repos"] for h in repo["hooks"] if h["id"] == "govdisc-check")


def test_hook_manifest():
    hook = _published_hook()
    assert hook["entry"] == "govdisc check --new-against HEAD" and hook["language"] == "python"


def test_one_hook_setup_everywhere():
    """init's hook, the published hook and docs/editors.md run the same command on the same files."""
    published, local = _published_hook(), _init_hook()
    for key in ("entry", "files", "pass_filenames", "require_serial"):
        assert published[key] == local[key], key
    editors = (ROOT / "docs/editors.md").read_text(encoding="utf-8")
    assert f"entry: {published['entry']}" in editors and f"files: {published['files']}" in editors
    assert f"pass_filenames: {str(published['pass_filenames']).lower()}" in editors
    files = re.compile(published["files"])
    for ok in ("govdisc.yaml", "applications/2024/YSQ-2024-0001.yaml", "reg/catalog/bgs/2024.yaml",
               "sub/dir/documents/2025/a.yml"):
        assert files.search(ok), ok
    for other in (".github/workflows/ci.yml", ".gitlab-ci.yml", ".pre-commit-config.yaml", "README.md",
                  "documents/README.md", "mygovdisc.yaml", "templates/x.yaml"):
        assert not files.search(other), other


@pytest.fixture(scope="module")
def pc_home(tmp_path_factory) -> Path:
    """One pre-commit home for the try-repo tests: the hook's environment is built once."""
    return tmp_path_factory.mktemp("pc-home")


def test_try_repo_passes_clean_and_fails_broken(tmp_path, pc_home):
    pre_commit = shutil.which("pre-commit") or str(Path(sys.executable).parent / "pre-commit")
    reg = tmp_path / "reg"
    shutil.copytree(ROOT / "register", reg, ignore=shutil.ignore_patterns(".govdisc-cache"))
    _git(reg, "init", "-q")
    _git(reg, "add", ".")
    _git(reg, "commit", "-qm", "init")
    env = {**os.environ, "GOVDISC_AS_OF": "2026-02-01", "PRE_COMMIT_HOME": str(pc_home)}
    cmd = [pre_commit, "try-repo", str(ROOT), "govdisc-check", "--all-files"]
    ok = subprocess.run(cmd, cwd=reg, env=env, capture_output=True, text=True)
    assert ok.returncode == 0, ok.stdout + ok.stderr
    doc = next((reg / "documents").rglob("*.yaml"))
    doc.write_text(doc.read_text(encoding="utf-8").replace("disclosure: ", "disclosure: maybe_", 1), encoding="utf-8")
    bad = subprocess.run(cmd, cwd=reg, env=env, capture_output=True, text=True)
    assert bad.returncode == 1, bad.stdout + bad.stderr
    assert doc.relative_to(reg).as_posix() in bad.stdout


def test_try_repo_register_in_a_subfolder(tmp_path, pc_home):
    """Files outside the register do not start the hook; a register file finds the register."""
    pre_commit = shutil.which("pre-commit") or str(Path(sys.executable).parent / "pre-commit")
    repo = tmp_path / "repo"
    shutil.copytree(ROOT / "register", repo / "reg", ignore=shutil.ignore_patterns(".govdisc-cache"))
    (repo / ".github" / "workflows").mkdir(parents=True)
    (repo / ".github" / "workflows" / "ci.yml").write_text("on: push\n", encoding="utf-8")
    _git(repo, "init", "-q")
    _git(repo, "add", ".")
    _git(repo, "commit", "-qm", "init")
    env = {**os.environ, "GOVDISC_AS_OF": "2026-02-01", "PRE_COMMIT_HOME": str(pc_home)}
    base = [pre_commit, "try-repo", str(ROOT), "govdisc-check", "--files"]
    other = subprocess.run(base + [".github/workflows/ci.yml"], cwd=repo, env=env, capture_output=True, text=True)
    assert other.returncode == 0 and "找不到登记簿" not in other.stdout + other.stderr, other.stdout + other.stderr
    doc = next((repo / "reg" / "documents").rglob("*.yaml"))
    doc.write_text(doc.read_text(encoding="utf-8").replace("disclosure: ", "disclosure: maybe_", 1), encoding="utf-8")
    rel = doc.relative_to(repo).as_posix()
    bad = subprocess.run(base + [rel], cwd=repo, env=env, capture_output=True, text=True)
    assert bad.returncode == 1, bad.stdout + bad.stderr
    assert doc.relative_to(repo / "reg").as_posix() in bad.stdout


OVERDUE = """\
id: YSQ-2025-0999
channel: in_person
submitted: 2025-12-01
handler: gbc
applicant: {kind: natural_person, ref: A-2025-999}
summary: 申请公开某项行政许可的办理结果
"""


def _shim(tmp_path: Path) -> Path:
    """A `govdisc` command on PATH running this checkout (the hook init writes is language: system)."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    shim = bin_dir / "govdisc"
    shim.write_text(f'#!/bin/sh\nPYTHONPATH="{ROOT}" exec "{sys.executable}" -m govdisc "$@"\n', encoding="utf-8")
    shim.chmod(0o755)
    return bin_dir


def _commit(repo: Path, env: dict, message: str) -> subprocess.CompletedProcess:
    return subprocess.run(["git", "-c", "user.email=t@t", "-c", "user.name=t", "commit", "-qm", message],
                          cwd=repo, env=env, capture_output=True, text=True)


def test_init_hook_judges_the_commit_not_the_calendar(tmp_path):
    """The issue's scenario: an overdue application is committed; a typo fix elsewhere passes the
    hook init writes, renaming a catalog item that documents refer to fails it and names them,
    and `check --new-against HEAD` says the same."""
    from typer.testing import CliRunner

    from govdisc.authoring.init import init_register
    from govdisc.cli import app

    pre_commit = shutil.which("pre-commit") or str(Path(sys.executable).parent / "pre-commit")
    reg = tmp_path / "reg"
    shutil.copytree(ROOT / "register", reg, ignore=shutil.ignore_patterns(".govdisc-cache"))
    init_register(reg, "云岭省新闻出版广电局")  # adds .pre-commit-config.yaml and the rest; keeps what exists
    (reg / "applications" / "2025" / "YSQ-2025-0999.yaml").write_text(OVERDUE, encoding="utf-8")
    env = {**os.environ, "GOVDISC_AS_OF": "2026-02-01", "PRE_COMMIT_HOME": str(tmp_path / "pc-home"),
           "PATH": f"{_shim(tmp_path)}{os.pathsep}{os.environ.get('PATH', '')}"}
    _git(reg, "init", "-q")
    _git(reg, "add", ".")
    _git(reg, "commit", "-qm", "register with an overdue application")
    runner = CliRunner()

    def new_against_head():
        return runner.invoke(app, ["check", "--register", str(reg), "--new-against", "HEAD", "--format", "json"],
                             env={"GOVDISC_AS_OF": "2026-02-01"})

    full = runner.invoke(app, ["check", "--register", str(reg), "--format", "json"], env={"GOVDISC_AS_OF": "2026-02-01"})
    assert full.exit_code == 1 and "APP001" in full.output  # the full check does fail on it
    subprocess.run([pre_commit, "install"], cwd=reg, env=env, check=True, capture_output=True)

    # a typo fixed in another file: the hook passes, and --new-against agrees
    doc = reg / "documents" / "2024" / "ylxgg-2024-001.yaml"
    doc.write_text(doc.read_text(encoding="utf-8").replace("title: ", "title: （修订）", 1), encoding="utf-8")
    assert new_against_head().exit_code == 0
    _git(reg, "add", doc.relative_to(reg).as_posix())
    typo = _commit(reg, env, "typo")
    assert typo.returncode == 0, typo.stdout + typo.stderr

    # GBC-01 renamed in the catalogs: the documents that name it break
    for catalog in (reg / "catalog" / "gbc").glob("*.yaml"):
        catalog.write_text(catalog.read_text(encoding="utf-8").replace("id: GBC-01", "id: GBC-09"), encoding="utf-8")
    res = new_against_head()
    assert res.exit_code == 1, res.output
    import json

    new = json.loads(res.output)["findings"]
    assert {f["path"] for f in new} == {"documents/2024/ylxgg-2024-001.yaml", "documents/2025/ylxgg-2025-001.yaml"}
    assert {f["code"] for f in new} == {"REG010"} and not any(f["code"] == "APP001" for f in new)
    _git(reg, "add", "catalog")
    rename = _commit(reg, env, "rename GBC-01")
    assert rename.returncode != 0, rename.stdout + rename.stderr
    assert "documents/2024/ylxgg-2024-001.yaml" in rename.stdout + rename.stderr
    assert "REG010" in rename.stdout + rename.stderr
