"""The CI templates in docs/ci/ are valid YAML and call real govdisc commands."""

from __future__ import annotations

import shlex
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


@pytest.mark.parametrize("path", TEMPLATES, ids=lambda p: p.name)
def test_template_calls_real_commands(path, example_copy, monkeypatch):
    doc = YAML(typ="safe").load(path.read_text(encoding="utf-8"))
    cmds = commands(doc)
    assert cmds, "the template runs govdisc"
    monkeypatch.chdir(example_copy)
    for cmd in cmds:
        args = shlex.split(cmd)[1:]
        res = runner.invoke(app, args, env={"GOVDISC_AS_OF": "2026-02-01"})
        assert res.exit_code == 0, (cmd, res.output)


def test_github_template_uploads_sarif_and_gitlab_reports_junit():
    gh = YAML(typ="safe").load((ROOT / "docs/ci/github-actions.yml").read_text(encoding="utf-8"))
    steps = gh["jobs"]["check"]["steps"]
    assert any(s.get("uses", "").startswith("github/codeql-action/upload-sarif") for s in steps)
    gl = YAML(typ="safe").load((ROOT / "docs/ci/gitlab-ci.yml").read_text(encoding="utf-8"))
    assert gl["govdisc"]["artifacts"]["reports"]["junit"] == "govdisc-junit.xml"
