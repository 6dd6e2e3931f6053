"""The CI templates in docs/ci/ are valid YAML and call real govdisc commands."""

from __future__ import annotations

import shlex
import subprocess
from pathlib import Path

import pytest
from ruamel.yaml import YAML
from typer.testing import CliRunner

from govdisc.cli import app

ROOT = Path(__file__).resolve().parent.parent
TEMPLATES = sorted((ROOT / "docs" / "ci").glob("*.yml"))
runner = CliRunner()


def commands(doc: object) -> list[str]:
    """Every `govdisc ...` command in the scripts of a workflow or pipeline."""
    found: list[str] = []
    if isinstance(doc, dict):
        for value in doc.values():
            found += commands(value)
    elif isinstance(doc, list):
        for value in doc:
            found += commands(value)
    elif isinstance(doc, str):
        for line in doc.splitlines():
            line = line.strip()
            if line.startswith("govdisc "):
                found.append(line.split("||")[0].strip())
    return found


def test_templates_exist():
    assert {p.name for p in TEMPLATES} == {"github-actions.yml", "gitlab-ci.yml"}


def _git_repo(folder: Path) -> None:
    for args in (["init", "-q"], ["add", "."], ["commit", "-qm", "base"]):
        subprocess.run(["git", "-c", "user.email=t@t", "-c", "user.name=t", *args], cwd=folder, check=True,
                       capture_output=True)


@pytest.mark.parametrize("path", TEMPLATES, ids=lambda p: p.name)
def test_template_calls_real_commands(path, example_copy, monkeypatch):
    doc = YAML(typ="safe").load(path.read_text(encoding="utf-8"))
    cmds = commands(doc)
    assert cmds, "the template runs govdisc"
    assert any("--new-against" in c for c in cmds) and any(c.startswith("govdisc deadlines") for c in cmds)
    _git_repo(example_copy)
    monkeypatch.chdir(example_copy)
    for cmd in cmds:
        args = shlex.split(cmd)[1:]
        if "--new-against" in args:  # the CI variable naming the base commit
            args[args.index("--new-against") + 1] = "HEAD"
        res = runner.invoke(app, args, env={"GOVDISC_AS_OF": "2026-02-01"})
        assert res.exit_code == 0, (cmd, res.output)


@pytest.mark.parametrize("path", TEMPLATES, ids=lambda p: p.name)
def test_template_installs_govdisc_from_its_repository(path):
    """govdisc is not on an index: the templates install it from its repository, as the README."""
    text = path.read_text(encoding="utf-8")
    assert "git+https://github.com/govdisc/govdisc@v" in text
    assert "pip install govdisc" not in text and '"govdisc==' not in text


def test_merge_request_jobs_judge_the_change_and_schedules_check_everything():
    gh = YAML(typ="safe").load((ROOT / "docs/ci/github-actions.yml").read_text(encoding="utf-8"))
    changes = " ".join(s.get("run", "") for s in gh["jobs"]["changes"]["steps"])
    scheduled = " ".join(s.get("run", "") for s in gh["jobs"]["scheduled"]["steps"])
    assert "--new-against" in changes and "pull_request" in gh["jobs"]["changes"]["if"]
    assert "govdisc check --format" in scheduled and "govdisc deadlines" in scheduled and "schedule" in gh["on"]
    gl = YAML(typ="safe").load((ROOT / "docs/ci/gitlab-ci.yml").read_text(encoding="utf-8"))
    assert any("--new-against" in line for line in gl["govdisc-changes"]["script"])
    assert any(r["if"].startswith('$CI_PIPELINE_SOURCE == "schedule"') for r in gl["govdisc-scheduled"]["rules"])
    assert any(line.startswith("govdisc deadlines") for line in gl["govdisc-scheduled"]["script"])


def test_github_template_uploads_sarif_and_gitlab_reports_junit():
    gh = YAML(typ="safe").load((ROOT / "docs/ci/github-actions.yml").read_text(encoding="utf-8"))
    steps = gh["jobs"]["changes"]["steps"]
    assert any(s.get("uses", "").startswith("github/codeql-action/upload-sarif") for s in steps)
    gl = YAML(typ="safe").load((ROOT / "docs/ci/gitlab-ci.yml").read_text(encoding="utf-8"))
    assert gl["govdisc-changes"]["artifacts"]["reports"]["junit"] == "govdisc-junit.xml"
