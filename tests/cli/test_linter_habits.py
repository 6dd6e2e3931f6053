"""The habits users bring from ruff, yamllint and check-jsonschema: concise output, --quiet,
--select/--ignore, --statistics, --fix/--diff, NO_COLOR, --help in English, tables in a pipe."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from govdisc.cli import app

ROOT = Path(__file__).resolve().parents[2]
AS_OF = ["--as-of", "2026-03-02"]
runner = CliRunner()
CJK = re.compile(r"[\u4e00-\u9fff]")


def run(*args: str, env: dict | None = None):
    return runner.invoke(app, list(args), env=env)



def break_two(root: Path) -> None:
    doc = root / "documents" / "2026" / "ylcs-2026-001.yaml"
    doc.write_text(doc.read_text(encoding="utf-8").replace("disclosure: public", "disclosure: maybe")
                   .replace("catalog_item: BGS-01", "catalog_item: BGS-99"), encoding="utf-8")


# -- --format concise, --quiet -------------------------------------------------------------------


def test_concise_is_one_line_per_finding_relative_to_the_current_folder(minimal, monkeypatch):
    break_two(minimal)
    monkeypatch.chdir(minimal.parent)
    res = run("check", "--register", "reg", *AS_OF, "--format", "concise")
    assert res.exit_code == 1
    lines = res.stdout.splitlines()
    findings = [line for line in lines if re.match(r"^\S+:\d+:\d+: [A-Z]{3}\d{3} ", line)]
    assert len(findings) == 2 and len(lines) == 3  # and the summary
    assert all(line.startswith("reg/documents/2026/ylcs-2026-001.yaml:") for line in findings)
    assert {line.split()[1] for line in findings} == {"REG005", "REG010"}
    quiet = run("check", "--register", "reg", *AS_OF, "--format", "concise", "--quiet")
    assert quiet.stdout.splitlines() == findings


def test_quiet_text_prints_findings_only_and_nothing_when_clean(minimal):
    assert run("check", "--register", str(minimal), *AS_OF, "-q").stdout == ""
    break_two(minimal)
    res = run("--no-color", "check", "--register", str(minimal), *AS_OF, "--quiet")
    assert res.exit_code == 1 and "REG005" in res.stdout
    assert "已检查" not in res.stdout and "修复" not in res.stdout


# -- --select / --ignore / --statistics ----------------------------------------------------------


def codes_of(res) -> set[str]:
    return {f["code"] for f in json.loads(res.stdout)["findings"]}


def test_select_and_ignore_by_code_or_family(minimal):
    break_two(minimal)
    base = ["check", "--register", str(minimal), *AS_OF, "--format", "json"]
    assert codes_of(run(*base)) == {"REG005", "REG010"}
    assert codes_of(run(*base, "--select", "REG010")) == {"REG010"}
    assert codes_of(run(*base, "--ignore", "REG")) == set() and run(*base, "--ignore", "REG").exit_code == 0
    assert codes_of(run(*base, "--select", "reg", "--ignore", "REG005")) == {"REG010"}
    assert codes_of(run(*base, "--ignore", "REG", "--select", "REG005")) == {"REG005"}  # the longer prefix wins
    assert codes_of(run(*base, "--select", "DOC,REG01")) == {"REG010"}


def test_unknown_select_is_a_usage_error_with_a_suggestion(minimal):
    res = run("check", "--register", str(minimal), "--select", "APP0012")
    assert res.exit_code == 2 and "APP0012" in res.output
    res = run("--lang", "en", "check", "--register", str(minimal), "--ignore", "DOX001")
    assert res.exit_code == 2 and "did you mean DOC001" in res.output


def test_statistics_counts_per_code(minimal):
    break_two(minimal)
    res = run("--no-color", "check", "--register", str(minimal), *AS_OF, "--statistics")
    assert res.exit_code == 1
    lines = res.stdout.splitlines()
    assert re.match(r"^1  REG005  错误  字段不符合模式$", lines[0]) and "REG010" in lines[1]
    data = json.loads(run("check", "--register", str(minimal), *AS_OF, "--statistics", "--format", "json").stdout)
    assert [(s["code"], s["count"]) for s in data["statistics"]] == [("REG005", 1), ("REG010", 1)]


# -- --fix / --diff ------------------------------------------------------------------------------


def test_diff_previews_and_fix_applies_keeping_comments(minimal):
    app_file = minimal / "applications" / "2026" / "YSQ-2026-0001.yaml"
    app_file.write_text(app_file.read_text(encoding="utf-8")
                        .replace("reply: {date: 2026-02-05, outcome: disclosed,",
                                 "reply: {date: 2026-2-5, outcome: Disclosed,")
                        .replace("remedies: [reconsideration, litigation]}", "remedies: [reconsideration, litigation]}  # 已答复")
                        .replace("documents: [测试办〔2026〕1号]", 'documents: ["测试办[2026年]第01号"]'), encoding="utf-8")
    doc = minimal / "documents" / "2026" / "ylcs-2026-001.yaml"
    doc.write_text(doc.read_text(encoding="utf-8").replace("doc_no: 测试办〔2026〕1号", "doc_no: 测试办[2026年]第01号"),
                   encoding="utf-8")
    before = {p: p.read_bytes() for p in (app_file, doc)}
    preview = run("check", "--register", str(minimal), *AS_OF, "--diff")
    assert preview.exit_code == 1
    assert "-reply: {date: 2026-2-5, outcome: Disclosed, remedies: [reconsideration, litigation]}  # 已答复" in preview.stdout
    assert "+reply: {date: 2026-02-05, outcome: disclosed, remedies: [reconsideration, litigation]}  # 已答复" in preview.stdout
    assert "+doc_no: 测试办〔2026〕1号" in preview.stdout and '+documents: ["测试办〔2026〕1号"]' in preview.stdout
    assert {p: p.read_bytes() for p in before} == before  # --diff writes nothing
    fixed = run("check", "--register", str(minimal), *AS_OF, "--fix", "--format", "json")
    assert fixed.exit_code == 0, fixed.output
    assert json.loads(fixed.stdout)["findings"] == []
    assert "reply: {date: 2026-02-05, outcome: disclosed, remedies: [reconsideration, litigation]}  # 已答复" \
        in app_file.read_text(encoding="utf-8")
    assert 'documents: ["测试办〔2026〕1号"]' in app_file.read_text(encoding="utf-8")  # the reference follows
    assert run("check", "--register", str(minimal), *AS_OF, "--diff").exit_code == 0  # nothing left to fix


def test_fix_refuses_what_needs_a_guess(minimal):
    doc = minimal / "documents" / "2026" / "ylcs-2026-001.yaml"
    doc.write_text(doc.read_text(encoding="utf-8").replace("doc_no: 测试办〔2026〕1号", "doc_no: 测试办〔26〕1号")
                   .replace("disclosure: public", "disclosure: PUBLIC_ISH"), encoding="utf-8")
    app_file = minimal / "applications" / "2026" / "YSQ-2026-0001.yaml"
    app_file.write_text(app_file.read_text(encoding="utf-8").replace("测试办〔2026〕1号", "测试办〔26〕1号"), encoding="utf-8")
    before = doc.read_bytes()
    res = run("check", "--register", str(minimal), *AS_OF, "--fix", "--format", "concise")
    assert res.exit_code == 1 and doc.read_bytes() == before
    assert "DOC001" in res.stdout and "REG005" in res.stdout
    assert "未自动修复" in res.stderr and "年份应标全称" in res.stderr  # 19 or 20? a guess, so refused


def test_explain_and_rules_say_what_is_fixable():
    out = run("explain", "DOC001").stdout
    assert "自动修复: govdisc check --fix" in out and "〔〕" in out
    assert "自动修复: 无" in run("explain", "APP001").stdout
    rules = {r["code"]: r for r in json.loads(run("rules", "--format", "json").stdout)}
    assert rules["REG005"]["fixable"] and rules["DOC001"]["fixable_en"] and not rules["APP001"]["fixable"]


# -- colour and help -----------------------------------------------------------------------------


def test_no_color_means_no_escape_codes_at_all(minimal):
    break_two(minimal)
    forced = {"FORCE_COLOR": "1", "TTY_COMPATIBLE": "1"}  # rich writes styles as on a terminal
    coloured = run("check", "--register", str(minimal), *AS_OF, env=forced)
    assert "\x1b[" in coloured.stdout  # the test can fail
    for args, env in ((["--no-color"], forced), ([], {**forced, "NO_COLOR": "1"})):
        res = run(*args, "check", "--register", str(minimal), *AS_OF, env=env)
        assert "\x1b" not in res.output, args
        res = run(*args, "deadlines", "--register", str(ROOT / "register"), "--as-of", "2026-02-01", env=env)
        assert "\x1b" not in res.output and res.exit_code == 0


def _help_texts(command) -> list[str]:
    out = [command.help or ""]
    out += [getattr(p, "help", None) or "" for p in command.params]
    for sub in getattr(command, "commands", {}).values():
        out += _help_texts(sub)
    return [t for t in out if t]


def test_every_help_text_has_english():
    from govdisc.helptext import EN

    untranslated = [t for t in _help_texts(typer.main.get_command(app)) if CJK.search(t) and t not in EN]
    assert untranslated == []
    domain_terms = re.compile(r"发文字号|国办公开办函〔2021〕30号|局党组会|年")
    assert [v for v in EN.values() if CJK.search(domain_terms.sub("", v))] == []


@pytest.mark.parametrize("args, env", [
    (["--lang", "en", "check", "--help"], None),
    (["check", "--help", "--lang", "en"], None),
    (["check", "--help"], {"GOVDISC_LANG": "en"}),
    (["calendar", "add", "--help", "--lang=en"], None),
])
def test_help_in_english(args, env):
    res = run(*args, env=env)
    assert res.exit_code == 0
    text = re.sub(r"发文字号|国办公开办函〔2021〕30号|局党组会|年", "", res.stdout)
    assert not CJK.search(text), text
    assert "Usage:" in text and "Show this message and exit." in text


def test_help_in_chinese_including_typers_words():
    res = run("check", "--help")
    assert "用法：" in res.stdout and "选项：" in res.stdout and "显示本帮助并退出。" in res.stdout
    assert "[默认：text]" in res.stdout and "Usage:" not in res.stdout
    assert "参数：" in run("calendar", "add", "--help").stdout


# -- tables in a pipe ----------------------------------------------------------------------------


def test_deadlines_table_in_a_pipe_keeps_ids_and_dates_whole(tmp_path):
    reg = tmp_path / "reg"
    shutil.copytree(ROOT / "register", reg, ignore=shutil.ignore_patterns(".govdisc-cache"))
    res = run("--no-color", "deadlines", "--register", str(reg), "--as-of", "2025-12-01",
              env={"COLUMNS": "80"})
    assert res.exit_code == 0
    ids = set(re.findall(r"YSQ-\d{4}-\d{4}", res.stdout))
    data = json.loads(run("deadlines", "--register", str(reg), "--as-of", "2025-12-01", "--format", "json").stdout)
    assert ids == {o["record"] for o in data if o["record"].startswith("YSQ-")} and ids
    for o in data:
        assert o["due"][:10] in res.stdout and o["path"] in res.stdout


def test_stats_table_shows_the_group_headings():
    res = run("--no-color", "stats", "--register", str(ROOT / "register"), "--year", "2024", "--format", "table",
              env={"COLUMNS": "80"})
    text = res.stdout.replace("│", "").replace(" ", "")
    flat = "".join(line.strip() for line in text.splitlines())
    for heading in ("三、本年度办理结果", "（三）不予公开", "（四）无法提供", "（五）不予处理", "（六）其他处理"):
        assert heading in flat, heading
    assert flat.index("三、本年度办理结果") < flat.index("（一）予以公开") < flat.index("（三）不予公开") < flat.index("（四）无法提供")
