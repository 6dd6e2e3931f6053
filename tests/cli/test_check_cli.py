"""`govdisc check` through Typer's CliRunner: contract of exit codes, formats and scope."""

from __future__ import annotations

import json
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from jsonschema.validators import validator_for
from typer.testing import CliRunner

from govdisc.cli import app

SARIF_SCHEMA = Path(__file__).resolve().parent.parent / "vendor" / "sarif" / "sarif-schema-2.1.0.json"
runner = CliRunner()
AS_OF = ["--as-of", "2026-03-02"]



def broken(root: Path) -> Path:
    doc = root / "documents" / "2026" / "ylcs-2026-001.yaml"
    doc.write_text(doc.read_text(encoding="utf-8").replace("disclosure: public", "disclosure: maybe"), encoding="utf-8")
    (root / "documents" / "2026" / "bad.yaml").write_text("title: [unclosed\nkind: notice\n", encoding="utf-8")
    return doc


def run(*args: str, env: dict | None = None):
    return runner.invoke(app, list(args), env=env)


def test_clean_register_exits_0(minimal):
    res = run("check", "--register", str(minimal), *AS_OF, "--format", "json")
    assert res.exit_code == 0, res.output
    data = json.loads(res.output)
    assert data["summary"]["errors"] == 0
    assert data["summary"]["records"] == 4 and data["summary"]["files"] == 4


def test_broken_register_exits_1_with_located_findings(minimal):
    broken(minimal)
    res = run("check", "--register", str(minimal), *AS_OF, "--format", "json")
    assert res.exit_code == 1
    findings = json.loads(res.output)["findings"]
    by_path = {(f["path"], f["code"]): f for f in findings}
    f = by_path[("documents/2026/ylcs-2026-001.yaml", "REG005")]
    assert (f["line"], f["severity"]) == (6, "error") and "maybe" in f["message"]
    assert set(f) == {"code", "severity", "path", "line", "column", "message", "record"}
    bad = by_path[("documents/2026/bad.yaml", "REG001")]
    assert bad["line"] == 2
    assert "Traceback" not in res.output


def test_text_output_and_english(minimal):
    broken(minimal)
    res = run("--no-color", "--lang", "en", "check", "--register", str(minimal), *AS_OF)
    assert res.exit_code == 1
    assert "documents/2026/ylcs-2026-001.yaml" in res.output and "is not one of" in res.output
    res_zh = run("--no-color", "check", "--register", str(minimal), *AS_OF)
    assert "不在允许范围内" in res_zh.output and "错误" in res_zh.output


def test_as_of_from_environment(minimal):
    res = run("check", "--register", str(minimal), "--format", "json", env={"GOVDISC_AS_OF": "2026-03-02"})
    assert res.exit_code == 0, res.output


def test_usage_errors_exit_2(tmp_path, minimal):
    assert run("check", "--register", str(tmp_path)).exit_code == 2
    assert run("check", "--register", str(minimal), "--as-of", "2026-13-01").exit_code == 2
    assert run("check", "--register", str(minimal), "--format", "yaml").exit_code == 2
    assert run("--lang", "fr", "check", "--register", str(minimal)).exit_code == 2


def test_broken_config_exits_2(minimal):
    (minimal / "govdisc.yaml").write_text("agency: [x\n", encoding="utf-8")
    res = run("check", "--register", str(minimal), *AS_OF, "--format", "json")
    assert res.exit_code == 2
    assert json.loads(res.output)["findings"][0]["code"] == "REG001"


def test_register_found_upwards(minimal, monkeypatch):
    monkeypatch.chdir(minimal / "documents" / "2026")
    assert run("check", *AS_OF).exit_code == 0


def test_paths_limit_the_report_but_not_the_rules(minimal):
    broken(minimal)
    app_path = minimal / "applications" / "2026" / "YSQ-2026-0001.yaml"
    res = run("check", str(app_path), *AS_OF, "--format", "json")
    assert res.exit_code == 0, res.output
    assert json.loads(res.output)["findings"] == []
    # a record in scope that names a missing department is still caught
    app_path.write_text(app_path.read_text(encoding="utf-8").replace("handler: bgs", "handler: nosuch"), encoding="utf-8")
    res = run("check", str(app_path), *AS_OF, "--format", "json")
    assert res.exit_code == 1
    assert {f["code"] for f in json.loads(res.output)["findings"]} == {"REG008"}


def git(root: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=root, check=True, capture_output=True,
                   env={"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@t", "GIT_COMMITTER_NAME": "t",
                        "GIT_COMMITTER_EMAIL": "t@t", "HOME": str(root), "PATH": "/usr/bin:/bin"})


@pytest.fixture
def git_register(minimal) -> Path:
    git(minimal, "init", "-q")
    git(minimal, "add", ".")
    git(minimal, "commit", "-qm", "init")
    return minimal


def test_changed_since_reports_only_changed_files(git_register):
    broken(git_register)
    res = run("check", "--register", str(git_register), *AS_OF, "--changed-since", "HEAD", "--format", "json")
    assert res.exit_code == 1
    paths = {f["path"] for f in json.loads(res.output)["findings"]}
    assert paths == {"documents/2026/ylcs-2026-001.yaml", "documents/2026/bad.yaml"}
    assert run("check", "--register", str(git_register), "--changed-since", "nosuchref").exit_code == 2


def test_sarif_is_valid_and_locates(git_register):
    broken(git_register)
    res = run("check", "--register", str(git_register), *AS_OF, "--format", "sarif")
    assert res.exit_code == 1
    doc = json.loads(res.output)
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    validator_for(schema)(schema).validate(doc)  # the schema says draft-04
    run_ = doc["runs"][0]
    assert {r["id"] for r in run_["tool"]["driver"]["rules"]} >= {"REG001", "REG005"}
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in run_["results"]}
    assert "documents/2026/ylcs-2026-001.yaml" in uris


def test_junit_one_case_per_file(git_register):
    import junitparser

    broken(git_register)
    res = run("check", "--register", str(git_register), *AS_OF, "--format", "junit")
    assert res.exit_code == 1
    xml = junitparser.JUnitXml.fromstring(res.output.encode("utf-8"))
    cases = {c.name: c for suite in xml for c in suite}
    assert len(cases) == 5
    assert not cases["documents/2026/ylcs-2026-001.yaml"].is_passed
    assert cases["catalog/bgs/2026.yaml"].is_passed
    ET.fromstring(res.output)


def test_github_annotations(git_register):
    broken(git_register)
    res = run("check", "--register", str(git_register), *AS_OF, "--format", "github")
    assert res.exit_code == 1
    lines = res.output.splitlines()
    assert "::group::documents/2026/ylcs-2026-001.yaml" in lines
    assert any(l.startswith("::error file=documents/2026/ylcs-2026-001.yaml,line=6,col=") and "title=REG005::" in l
               for l in lines)


def test_github_escaping():
    from govdisc.output.ci import escape_data, escape_property

    assert escape_data("50%\r\nnext") == "50%25%0D%0Anext"
    assert escape_property("a:b,c%") == "a%3Ab%2Cc%25"


def test_paths_relative_to_repository_root(tmp_path, minimal):
    repo = tmp_path / "repo"
    repo.mkdir()
    shutil.move(str(minimal), repo / "register")
    git(repo, "init", "-q")
    broken(repo / "register")
    res = run("check", "--register", str(repo / "register"), *AS_OF, "--format", "github")
    assert "file=register/documents/2026/ylcs-2026-001.yaml" in res.output


def test_strict_fails_on_warnings(minimal):
    (minimal / "documents" / "misplaced.yaml").write_text("a: 1\n", encoding="utf-8")
    assert run("check", "--register", str(minimal), *AS_OF).exit_code == 0
    assert run("check", "--register", str(minimal), *AS_OF, "--strict").exit_code == 1


def test_a_folder_nested_1100_deep_is_a_finding_for_check_and_deadlines(minimal):
    """It ended both commands with RecursionError (exit 2, no other findings): issue 18 item 7."""
    import os

    folder = minimal / "documents" / "2026"
    folder.mkdir(parents=True, exist_ok=True)
    fd = os.open(folder, os.O_RDONLY)
    for _ in range(1100):
        os.mkdir("d", dir_fd=fd)
        deeper = os.open("d", os.O_RDONLY, dir_fd=fd)
        os.close(fd)
        fd = deeper
    os.close(fd)
    try:
        res = run("check", "--register", str(minimal), *AS_OF, "--format", "json", "--no-cache")
        by_code = [f["code"] for f in json.loads(res.stdout)["findings"]]
        assert res.exit_code == 0 and by_code == ["REG025"]
        res = run("check", str(minimal / "documents"), "--register", str(minimal), *AS_OF, "--format", "json")
        assert res.exit_code == 0 and "REG025" in res.stdout
        res = run("deadlines", "--register", str(minimal), *AS_OF, "--format", "json")
        assert res.exit_code == 0, res.output
    finally:  # pytest's own clean-up of tmp_path recurses
        for depth in range(1100, 0, -1):
            os.rmdir(str(folder) + "/d" * depth)


def test_json_and_text_reports_are_written_a_file_at_a_time_and_unchanged(minimal):
    from govdisc.check import run_check
    from govdisc.output.findings import json_chunks, text_blocks, to_json, to_text
    from govdisc.textsafety import json_text
    from datetime import date

    broken(minimal)
    result = run_check(minimal, date(2026, 2, 1))
    assert len({f.path for f in result.findings}) >= 1
    whole = json_text(json.dumps({"findings": [f.to_json("zh") for f in result.findings],
                                  "summary": result.summary()}, ensure_ascii=False, indent=2))
    assert "".join(json_chunks(result, "zh")) == to_json(result, "zh") == whole
    blocks = list(text_blocks(result, "zh"))
    assert len(blocks) == len({f.path for f in result.findings}) + 1 and to_text(result, "zh") == "\n\n".join(blocks)
    res = run("check", "--register", str(minimal), *AS_OF, "--format", "json")
    assert res.stdout == whole + "\n"
