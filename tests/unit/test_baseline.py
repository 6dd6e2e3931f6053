"""`check --new-against REF` (govdisc.baseline): the register at REF from git, findings matched
without line numbers, counted, and the work tree never touched."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from govdisc.baseline import added, check_new_against, extract, fingerprint
from govdisc.cli import app
from govdisc.model import Finding
from govdisc.scope import ScopeError

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
AS_OF = date(2026, 3, 2)
runner = CliRunner()


def git(cwd: Path, *args: str) -> str:
    return subprocess.run(["git", "-c", "user.email=t@t", "-c", "user.name=t", *args], cwd=cwd, check=True,
                          capture_output=True, text=True).stdout


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A repository holding the minimal register in a subfolder, committed."""
    top = tmp_path / "repo"
    shutil.copytree(FIXTURES / "minimal", top / "sub" / "reg")
    (top / "README.md").write_text("not the register\n", encoding="utf-8")
    git(top, "init", "-q")
    git(top, "add", ".")
    git(top, "commit", "-qm", "base")
    return top / "sub" / "reg"


def finding(code="REG005", path="a.yaml", pointer=("x",), message="m 3", line=1) -> Finding:
    return Finding(code, "error", path, "zh", message, pointer, "R", line, 1)


def test_matching_ignores_lines_and_counts_equal_findings():
    before = [finding(line=3), finding(code="REG001", pointer=(), message="bad at line 4")]
    moved = [finding(line=9), finding(code="REG001", pointer=(), message="bad at line 12")]
    assert added(moved, before) == []
    twice = moved + [finding(line=20)]
    assert added(twice, before) == [twice[-1]]  # a second identical mistake is new
    assert fingerprint(finding(pointer=("a", 1))) != fingerprint(finding(pointer=("a", 2)))


def test_extract_copies_the_register_at_ref_without_touching_the_work_tree(repo: Path, tmp_path: Path):
    doc = repo / "documents" / "2026" / "ylcs-2026-001.yaml"
    committed = doc.read_bytes()
    doc.write_text("changed: in the work tree\n", encoding="utf-8")
    (repo / "documents" / "2026" / "new.yaml").write_text("untracked: 1\n", encoding="utf-8")
    os.symlink("../../../../README.md", repo / "documents" / "2026" / "link.yaml")
    git(repo, "add", "documents/2026/link.yaml")
    git(repo, "commit", "-qm", "a link")
    status = git(repo, "status", "--porcelain")
    dest = tmp_path / "base"
    dest.mkdir()
    assert extract(repo, "HEAD~1", dest) is True
    assert (dest / "documents" / "2026" / "ylcs-2026-001.yaml").read_bytes() == committed
    assert not (dest / "documents" / "2026" / "new.yaml").exists()
    assert not (dest / "README.md").exists()  # only the register's own files
    assert git(repo, "status", "--porcelain") == status and doc.read_text(encoding="utf-8") == "changed: in the work tree\n"
    later = tmp_path / "later"
    later.mkdir()
    extract(repo, "HEAD", later)
    assert os.readlink(later / "documents" / "2026" / "link.yaml") == "../../../../README.md"


def test_only_the_findings_the_change_adds(repo: Path):
    app_file = repo / "applications" / "2026" / "YSQ-2026-0001.yaml"
    # an existing problem: an unknown handler committed at the base
    app_file.write_text(app_file.read_text(encoding="utf-8").replace("handler: bgs", "handler: nosuch"), encoding="utf-8")
    git(repo, "commit", "-qam", "a known problem")
    # the change: lines inserted above the old problem (it moves) and a new broken value elsewhere
    app_file.write_text("# 注释\n# 又一行\n" + app_file.read_text(encoding="utf-8"), encoding="utf-8")
    doc = repo / "documents" / "2026" / "ylcs-2026-001.yaml"
    doc.write_text(doc.read_text(encoding="utf-8").replace("disclosure: public", "disclosure: maybe"), encoding="utf-8")
    result = check_new_against(repo, "HEAD", AS_OF)
    assert [(f.code, f.path) for f in result.findings] == [("REG005", "documents/2026/ylcs-2026-001.yaml")]
    assert result.against == "HEAD" and result.existing == 1


def test_first_commit_and_new_register_count_everything_as_new(tmp_path: Path):
    reg = tmp_path / "fresh"
    shutil.copytree(FIXTURES / "minimal", reg)
    doc = reg / "documents" / "2026" / "ylcs-2026-001.yaml"
    doc.write_text(doc.read_text(encoding="utf-8").replace("disclosure: public", "disclosure: maybe"), encoding="utf-8")
    git(reg, "init", "-q")  # no commit yet: HEAD names nothing
    assert [f.code for f in check_new_against(reg, "HEAD", AS_OF).findings] == ["REG005"]
    (reg / "other.txt").write_text("x\n", encoding="utf-8")
    git(reg, "add", "other.txt")
    git(reg, "commit", "-qm", "no register yet")
    assert [f.code for f in check_new_against(reg, "HEAD", AS_OF).findings] == ["REG005"]


def test_bad_refs_and_no_git_are_usage_errors(repo: Path, tmp_path: Path):
    with pytest.raises(ScopeError):
        check_new_against(repo, "nosuchref", AS_OF)
    with pytest.raises(ScopeError):
        check_new_against(repo, "--output=/tmp/x", AS_OF)
    plain = tmp_path / "plain"
    shutil.copytree(FIXTURES / "minimal", plain)
    res = runner.invoke(app, ["check", "--register", str(plain), "--new-against", "HEAD"])
    assert res.exit_code == 2 and "git" in res.output
    res = runner.invoke(app, ["check", "--register", str(repo), "--new-against", "HEAD", "--changed-since", "HEAD"])
    assert res.exit_code == 2


def test_cli_exit_code_follows_new_errors_only(repo: Path):
    args = ["check", "--register", str(repo), "--as-of", "2026-03-02", "--new-against", "HEAD", "--format", "json"]
    clean = runner.invoke(app, args)
    assert clean.exit_code == 0 and json.loads(clean.output)["findings"] == []
    doc = repo / "documents" / "2026" / "ylcs-2026-001.yaml"
    doc.write_text(doc.read_text(encoding="utf-8").replace("catalog_item: BGS-01", "catalog_item: BGS-99"), encoding="utf-8")
    res = runner.invoke(app, args)
    assert res.exit_code == 1 and {f["code"] for f in json.loads(res.output)["findings"]} == {"REG010"}
    text = runner.invoke(app, ["--no-color", *args[:-2]])
    assert "相对 HEAD 新增" in text.output
