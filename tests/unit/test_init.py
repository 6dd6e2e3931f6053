"""`govdisc init`: a register that checks clean, set up for editors, git, pre-commit and CI."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from govdisc import resources
from govdisc.authoring.errors import AuthoringError
from govdisc.authoring.init import SCHEMA_GLOBS, init_register
from govdisc.check import run_check
from govdisc.loading.layout import LAYOUT_DIRS, classify
from govdisc.loading.yamlio import load_text

MODELINE = "# yaml-language-server: $schema="


def test_creates_the_skeleton(tmp_path: Path) -> None:
    root = tmp_path / "reg"
    result = init_register(root, "云岭省新闻出版广电局", today=date(2024, 9, 1))
    assert result.skipped == []
    rel = {p.relative_to(root).as_posix() for p in result.created}
    expected = {"govdisc.yaml", ".gitignore", ".pre-commit-config.yaml", ".github/workflows/govdisc.yml",
                ".vscode/settings.json", ".vscode/extensions.json", "README.md"}
    expected |= {f"{d}/README.md" for d in LAYOUT_DIRS}
    expected |= {f".govdisc/schemas/{n}" for n in resources.schema_texts()}
    assert rel == expected
    for path in result.created:
        assert path.read_text(encoding="utf-8").endswith("\n")


def test_config_is_valid_and_carries_a_working_modeline(tmp_path: Path) -> None:
    init_register(tmp_path, "云岭省新闻出版广电局")
    text = (tmp_path / "govdisc.yaml").read_text(encoding="utf-8")
    first = text.splitlines()[0]
    assert first.startswith(MODELINE)
    schema = tmp_path / first[len(MODELINE):]
    assert schema.is_file() and schema.name == "config.schema.json"
    data, err = load_text(text)
    assert err is None
    assert data["agency"] == "云岭省新闻出版广电局"
    assert data["office"] == "bgs"
    assert data["departments"] == [{"id": "bgs", "name": "办公室", "role": "office"}]
    # commented examples of other departments, in Chinese
    assert "# - {id: zcfg, name: 政策法规处, role: policy}" in text
    assert "# 机关名称（必填）" in text


def test_agency_placeholder_when_not_given(tmp_path: Path) -> None:
    init_register(tmp_path)
    data, _ = load_text((tmp_path / "govdisc.yaml").read_text(encoding="utf-8"))
    assert data["agency"] == "（请填写机关全称）"


@pytest.mark.parametrize("as_of", [date(2024, 9, 1), date(2024, 12, 31), date(2026, 2, 1)])
def test_a_new_register_checks_clean(tmp_path: Path, as_of: date) -> None:
    init_register(tmp_path, "测试局")
    result = run_check(tmp_path, as_of)
    assert not result.config_broken
    assert [(f.code, f.path, f.message_zh) for f in result.findings if f.severity in ("error", "warning")] == []
    assert result.errors == 0
    # the folder READMEs are not register files: no "unknown place" findings
    assert not any(f.code == "REG006" for f in result.findings)


def test_init_twice_overwrites_nothing(tmp_path: Path) -> None:
    first = init_register(tmp_path, "测试局")
    (tmp_path / "govdisc.yaml").write_text("agency: 改过的\noffice: bgs\ndepartments: [{id: bgs}]\n", encoding="utf-8")
    (tmp_path / "README.md").write_text("我们自己的说明\n", encoding="utf-8")
    second = init_register(tmp_path, "另一个局")
    assert second.created == []
    assert sorted(second.skipped) == sorted(first.created)
    assert (tmp_path / "govdisc.yaml").read_text(encoding="utf-8").startswith("agency: 改过的")
    assert (tmp_path / "README.md").read_text(encoding="utf-8") == "我们自己的说明\n"


def test_init_fills_in_what_is_missing(tmp_path: Path) -> None:
    (tmp_path / ".gitignore").write_text("*.pyc\n")
    result = init_register(tmp_path)
    assert tmp_path / ".gitignore" in result.skipped
    assert (tmp_path / ".gitignore").read_text() == "*.pyc\n"
    assert (tmp_path / "govdisc.yaml").is_file()


def test_gitignore_and_folders(tmp_path: Path) -> None:
    init_register(tmp_path)
    assert ".govdisc-cache/" in (tmp_path / ".gitignore").read_text().splitlines()
    for folder in LAYOUT_DIRS:
        readme = tmp_path / folder / "README.md"
        assert readme.is_file() and any("\u4e00" <= ch <= "\u9fff" for ch in readme.read_text(encoding="utf-8"))
        assert classify(f"{folder}/README.md").kind is None  # not a record


def test_pre_commit_hook(tmp_path: Path) -> None:
    init_register(tmp_path)
    cfg, err = load_text((tmp_path / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    assert err is None
    (repo,) = cfg["repos"]
    assert repo["repo"] == "local"
    (hook,) = repo["hooks"]
    assert hook["id"] == "govdisc-check"
    assert hook["entry"] == "govdisc check --new-against HEAD" and hook["pass_filenames"] is True
    assert hook["language"] == "system"
    import re

    files = re.compile(hook["files"])
    assert files.search("govdisc.yaml") and files.search("applications/2024/YSQ-2024-0001.yaml")
    assert not files.search("README.md") and not files.search(".github/workflows/govdisc.yml")


def test_pre_commit_accepts_the_config(tmp_path: Path) -> None:
    pytest.importorskip("pre_commit")
    init_register(tmp_path)
    proc = subprocess.run([sys.executable, "-m", "pre_commit", "validate-config", ".pre-commit-config.yaml"],
                          cwd=tmp_path, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_ci_templates(tmp_path: Path) -> None:
    init_register(tmp_path / "gh")
    wf, err = load_text((tmp_path / "gh/.github/workflows/govdisc.yml").read_text(encoding="utf-8"))
    assert err is None
    runs = [s.get("run") or "" for job in wf["jobs"].values() for s in job["steps"]]
    assert any("govdisc check --new-against" in r for r in runs) and any("govdisc deadlines" in r for r in runs)
    assert any(r.startswith("pip install") for r in runs) and "git+https://" in wf["env"]["GOVDISC"]
    init_register(tmp_path / "gl", ci="gitlab")
    gl, err = load_text((tmp_path / "gl/.gitlab-ci.yml").read_text(encoding="utf-8"))
    assert err is None and any("govdisc check" in line for line in gl["govdisc-check"]["script"])
    assert any("--new-against" in line for line in gl["govdisc-changes"]["script"])
    assert not (tmp_path / "gl/.github").exists()
    init_register(tmp_path / "none", ci="none")
    assert not (tmp_path / "none/.github").exists() and not (tmp_path / "none/.gitlab-ci.yml").exists()
    with pytest.raises(AuthoringError):
        init_register(tmp_path / "bad", ci="jenkins")


def test_vscode_settings_map_every_schema(tmp_path: Path) -> None:
    init_register(tmp_path)
    settings = json.loads((tmp_path / ".vscode/settings.json").read_text(encoding="utf-8"))
    schemas = settings["yaml.schemas"]
    assert len(schemas) == len(SCHEMA_GLOBS)
    for ref, globs in schemas.items():
        assert not Path(ref).is_absolute()
        assert (tmp_path / ref).is_file()
        kind = Path(ref).name.split(".")[0]
        # each glob matches where the layout puts that kind
        sample = {"config": "govdisc.yaml", "catalog": "catalog/bgs/2024.yaml", "document": "documents/2024/a.yaml",
                  "application": "applications/2024/YSQ-2024-0001.yaml", "opinion": "opinions/2024/YQ-2024-001.yaml",
                  "meeting": "meetings/2024/HY-2024-01.yaml", "activities": "activities/2024.yaml",
                  "review": "reviews/bgs/2024.yaml", "report": "reports/2024.yaml", "guide": "guide.yaml",
                  "assessment": "assessments/2024.yaml", "participation": "participation/2024/CY-2024-001.yaml"}[kind]
        assert classify(sample).kind == kind
        from fnmatch import fnmatch

        assert any(fnmatch(sample, g) for g in globs)


def test_refuses_a_file_as_directory(tmp_path: Path) -> None:
    f = tmp_path / "x"
    f.write_text("")
    with pytest.raises(AuthoringError):
        init_register(f)
