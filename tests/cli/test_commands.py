"""deadlines, calendar, stats, rules and explain through the CLI, on the example register."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from icalendar import Calendar
from typer.testing import CliRunner

from govdisc.cli import app
from govdisc.output.ruledocs import rules_markdown
from govdisc.rules import REGISTRY

ROOT = Path(__file__).resolve().parents[2]
REG = str(ROOT / "register")
runner = CliRunner()


def run(*args: str):
    return runner.invoke(app, list(args))


def test_calendar_add_and_between_print_only_the_value():
    res = run("calendar", "add", "2024-09-27", "20")
    assert (res.exit_code, res.output) == (0, "2024-10-30\n")
    res = run("calendar", "between", "2024-09-27", "2024-10-30")
    assert (res.exit_code, res.output) == (0, "20\n")
    assert run("calendar", "add", "2024-02-30", "3").exit_code == 2


def test_calendar_show_known_and_unknown_year(tmp_path):
    res = run("--no-color", "calendar", "show", "2024")
    assert "已收录" in res.output and "2024-02-04" in res.output and "2024-02-10 – 2024-02-17" in res.output
    assert "未收录" in run("calendar", "show", "2028").output
    (tmp_path / "govdisc.yaml").write_text(
        "agency: 局\noffice: bgs\ndepartments: [{id: bgs, name: 办公室}]\n"
        "calendar:\n  holidays: [2028-01-03]\n  workdays: [2028-01-29]\n", encoding="utf-8")
    res = run("calendar", "show", "2028", "--register", str(tmp_path))
    assert "已收录" in res.output and "2028-01-29" in res.output
    assert run("calendar", "add", "2028-01-02", "1", "--register", str(tmp_path)).output == "2028-01-04\n"


def test_deadlines_json_lists_open_obligations_mid_2025():
    res = run("deadlines", "--register", REG, "--as-of", "2025-06-30", "--format", "json")
    assert res.exit_code == 0
    obs = json.loads(res.output)
    assert obs, "the example register has open clocks on 2025-06-30"
    for ob in obs:
        assert {"record", "kind", "obligation", "due", "status", "path"} <= set(ob)
        assert ob["status"] in ("overdue", "due_soon", "open")
    dues = [o["due"] for o in obs]
    assert dues == sorted(dues)
    assert {"reply", "review"} <= {o["obligation"] for o in obs}


def test_deadlines_filters():
    all_ = json.loads(run("deadlines", "--register", REG, "--as-of", "2025-06-30", "-f", "json").output)
    soon = json.loads(run("deadlines", "--register", REG, "--as-of", "2025-06-30", "--within", "10", "-f", "json").output)
    assert 0 < len(soon) < len(all_)
    dept = json.loads(run("deadlines", "--register", REG, "--as-of", "2025-06-30", "-d", "gbc", "-f", "json").output)
    assert dept and all(o["department"] == "gbc" for o in dept)


def test_deadlines_ics():
    res = runner.invoke(app, ["deadlines", "--register", REG, "--as-of", "2025-06-30", "--format", "ics"])
    assert res.exit_code == 0
    cal = Calendar.from_ical(res.stdout_bytes)
    assert len(cal.walk("VEVENT")) == len(json.loads(
        run("deadlines", "--register", REG, "--as-of", "2025-06-30", "-f", "json").output))


def test_explain_shows_counted_skipped_excluded_and_extension_days():
    res = run("deadlines", "--register", REG, "--as-of", "2025-06-30", "--explain", "YSQ-2025-0030")
    assert res.exit_code == 0
    out = res.output
    for word in ("重新起算", "计入", "跳过", "扣除", "延长", "调休上班", "到期", "元旦"):
        assert word in out, word
    assert "期限 2026-01-04" in out
    assert run("deadlines", "--register", REG, "--explain", "NOPE").exit_code == 1


def test_stats_satisfy_cross_checks():
    res = run("stats", "--register", REG, "--year", "2024", "--format", "json")
    data = json.loads(res.output)
    table = data["applications"]["table"]
    cols = data["applications"]["columns"]
    assert table["一、本年新收政府信息公开申请数量"]["总计"] >= 10
    for c in cols:
        assert (table["一、本年新收政府信息公开申请数量"][c] + table["二、上年结转政府信息公开申请数量"][c]
                == table["（七）总计"][c] + table["四、结转下年度继续办理"][c])
    for label, row in table.items():
        assert row["总计"] == sum(row[c] for c in cols if c != "总计"), label


def test_rules_json_and_explain_every_rule():
    res = run("rules", "--format", "json")
    rules = json.loads(res.output)
    assert len(rules) >= 35
    for r in rules:
        for key in ("code", "severity", "message_zh", "message_en", "basis", "hint"):
            assert r[key], (r["code"], key)
    for code in REGISTRY:
        res = run("explain", code)
        assert res.exit_code == 0 and code in res.output and "依据" in res.output
    assert run("explain", "XXX999").exit_code == 2
    assert "How to fix" in run("explain", "DOC001", "--lang", "en").output


def test_rules_table():
    res = run("--no-color", "rules")
    assert res.exit_code == 0 and "DOC001" in res.output


def test_docs_rules_md_is_current():
    committed = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert committed == rules_markdown(), "regenerate: python -m govdisc.output.ruledocs > docs/rules.md"


def test_schema_export(tmp_path):
    res = run("schema", "export", str(tmp_path / "s"))
    assert res.exit_code == 0
    assert (tmp_path / "s" / "document.schema.json").is_file()
    assert len(list((tmp_path / "s").glob("*.schema.json"))) == 10


@pytest.mark.parametrize("fmt", ["md", "html", "docx"])
def test_report_annual_formats(tmp_path, fmt):
    out = tmp_path / f"r.{fmt}"
    res = run("report", "annual", "--register", REG, "--year", "2024", "--as-of", "2026-02-01", "-o", str(out))
    assert res.exit_code == 0, res.output
    assert out.stat().st_size > 1000
    if fmt != "docx":
        text = out.read_text(encoding="utf-8")
        assert "云岭省新闻出版广电局2024年政府信息公开工作年度报告" in text
        text = re.sub(r"<[^>]+>", "", text)  # HTML: dates sit in <span class="nobr">
        assert "（七）总计" in text and "本报告中所列数据统计期限为2024年1月1日至12月31日" in text


def test_report_refuses_broken_hand_table_without_force(tmp_path):
    import shutil

    reg = tmp_path / "reg"
    shutil.copytree(REG, reg, ignore=shutil.ignore_patterns(".govdisc-cache"))
    with (reg / "reports" / "2024.yaml").open("a", encoding="utf-8") as fh:
        fh.write("applications_table:\n  一、本年新收政府信息公开申请数量: {自然人: 5, 总计: 9}\n")
    args = ["report", "annual", "--register", str(reg), "--year", "2024", "--as-of", "2026-02-01"]
    res = run(*args)
    assert res.exit_code == 1 and "勾稽" in res.output
    assert run(*args, "--force").exit_code == 0
    assert run("report", "annual", "--register", str(reg), "--year", "2024", "-f", "docx").exit_code == 2


def test_report_review_department():
    res = run("report", "review", "--register", REG, "--year", "2024", "-d", "bgs", "--as-of", "2026-02-01")
    assert res.exit_code == 0 and "年终自查" in res.output
    assert run("report", "review", "--register", REG, "--year", "2024", "-d", "nosuch").exit_code == 2


def test_version_and_bare_help():
    res = run("--version")
    assert res.exit_code == 0 and res.output.startswith("govdisc ")
    res = run()
    assert res.exit_code == 0 and "check" in res.output
