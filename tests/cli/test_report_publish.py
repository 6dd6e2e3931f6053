"""Reports ready to publish, through the CLI: a register file that cannot be read is never left
out silently (stats, report, deadlines say so; report refuses unless --force and then records it
in the document's properties); as-of means what the register knew that day, in stats and in
reports; the response-time appendix only on request."""

from __future__ import annotations

import json
import re
import shutil
import textwrap
from pathlib import Path

import pytest
from typer.testing import CliRunner

from govdisc.cli import app

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "register"
pytestmark = pytest.mark.skipif(not (EXAMPLE / "govdisc.yaml").is_file(), reason="example register not present")
runner = CliRunner()
BROKEN = "applications/2024/YSQ-2024-0003.yaml"
#: a merge left half done: the conflict markers make the file unparseable YAML
CONFLICT = "<<<<<<< HEAD\nsummary: 甲\n=======\nsummary: 乙\n>>>>>>> other\n"


def run(*args: str, env: dict[str, str] | None = None):
    return runner.invoke(app, [str(a) for a in args], env=env)


def err(res) -> str:
    return getattr(res, "stderr", None) or res.output


def copy_register(tmp_path: Path) -> Path:
    reg = tmp_path / "reg"
    shutil.copytree(EXAMPLE, reg, ignore=shutil.ignore_patterns(".govdisc-cache"))
    return reg


@pytest.fixture()
def broken(tmp_path):
    reg = copy_register(tmp_path)
    with (reg / BROKEN).open("a", encoding="utf-8") as fh:
        fh.write(CONFLICT)
    return reg


def received_2024(stdout: str) -> int:
    return json.loads(stdout)["applications"]["table"]["一、本年新收政府信息公开申请数量"]["总计"]


def test_broken_application_refuses_the_report(broken, tmp_path):
    res = run("report", "annual", "--register", broken, "--year", "2024", "--as-of", "2025-01-20")
    assert res.exit_code == 1
    assert BROKEN in err(res) and "REG001" in err(res) and "--force" in err(res)
    out = tmp_path / "r.html"
    res = run("report", "review", "--register", broken, "--year", "2024", "-d", "bgs", "--as-of", "2025-01-20",
              "-o", out)
    assert res.exit_code == 1 and BROKEN in err(res) and not out.exists()


def test_forced_report_records_the_unread_file(broken, tmp_path):
    for fmt in ("md", "html", "docx"):
        out = tmp_path / f"r.{fmt}"
        res = run("report", "annual", "--register", broken, "--year", "2024", "--as-of", "2025-01-20", "--force",
                  "-o", out)
        assert res.exit_code == 0, res.output
        assert BROKEN in err(res)
        if fmt == "md":
            head, body = out.read_text(encoding="utf-8").split("-->", 1)
            assert f"unread: {BROKEN} (REG001)" in head and "forced: 登记簿中有文件未能读取" in head
            assert BROKEN not in body
        elif fmt == "html":
            assert f'<meta name="govdisc-unread" content="{BROKEN} (REG001)">' in out.read_text(encoding="utf-8")
        else:
            import zipfile

            custom = zipfile.ZipFile(out).read("docProps/custom.xml").decode("utf-8")
            assert f'name="unread"><vt:lpwstr>{BROKEN} (REG001)' in custom


def test_stats_and_deadlines_say_which_file_they_lack(broken):
    res = run("stats", "--register", broken, "--year", "2024", "--as-of", "2025-01-20")
    assert res.exit_code == 0 and BROKEN in err(res) and "未能读取" in err(res)
    assert received_2024(res.stdout) == 36  # one of the 37 is in the broken file
    res = run("deadlines", "--register", broken, "--as-of", "2025-01-20", "--lang", "en")
    assert res.exit_code == 0 and BROKEN in err(res) and "could not be read" in err(res)
    clean = run("stats", "--register", EXAMPLE, "--year", "2024", "--as-of", "2025-01-20")
    assert clean.exit_code == 0 and "未能读取" not in err(clean) and received_2024(clean.stdout) == 37


def test_stats_as_of_option_and_environment():
    early = run("stats", "--register", EXAMPLE, "--year", "2024", "--as-of", "2024-06-30")
    assert early.exit_code == 0
    data = json.loads(early.stdout)
    assert data["as_of"] == "2024-06-30" and data["complete"] is False and "截至2024年6月30日" in data["period"]
    assert received_2024(early.stdout) < 37
    assert "year-not-ended" in err(early)
    env = run("stats", "--register", EXAMPLE, "--year", "2024", env={"GOVDISC_AS_OF": "2024-06-30"})
    assert env.exit_code == 0 and json.loads(env.stdout) == data


@pytest.fixture()
def with_2026(tmp_path):
    """The example register plus two applications of 2026: received 03-02 (answered 03-09) and
    11-17 (answered 12-01), the dates of issue 16."""
    reg = copy_register(tmp_path)
    (reg / "applications" / "2026").mkdir()
    for n, (received, reply) in enumerate((("2026-03-02", "2026-03-09"), ("2026-11-17", "2026-12-01")), start=1):
        (reg / "applications" / "2026" / f"YSQ-2026-000{n}.yaml").write_text(textwrap.dedent(f"""\
            id: YSQ-2026-000{n}
            channel: in_person
            submitted: {received}
            handler: bgs
            applicant: {{kind: natural_person, ref: A-2026-00{n}}}
            summary: 申请公开持证机构名单
            reply: {{date: {reply}, outcome: disclosed}}
            """), encoding="utf-8")
    return reg


def test_report_as_of_excludes_later_facts_and_says_so(with_2026, tmp_path):
    out = tmp_path / "r.md"
    res = run("report", "annual", "--register", with_2026, "--year", "2026", "--as-of", "2026-11-10", "-o", out)
    assert res.exit_code == 0, res.output
    assert "year-not-ended" in err(res)
    head, body = out.read_text(encoding="utf-8").split("-->", 1)
    assert "as-of: 2026-11-10" in head and "caveats:" in head
    assert "统计期限为2026年1月1日至11月10日（数据截至2026年11月10日，本年度尚未结束）" in body
    assert "截至2026年11月10日，本年新收政府信息公开申请1件" in body  # not the one received 11-17
    table = re.search(r"一、本年新收政府信息公开申请数量</th>((?:<td[^>]*>\d+</td>)+)", body).group(1)
    assert re.findall(r">(\d+)<", table)[-1] == "1"
    later = run("report", "annual", "--register", with_2026, "--year", "2026", "--as-of", "2026-12-31")
    assert later.exit_code == 0 and "全年新收政府信息公开申请2件" in later.stdout
    assert "year-not-ended" not in err(later)


def test_report_for_a_year_outside_the_register(tmp_path):
    out = tmp_path / "r.md"
    res = run("report", "annual", "--register", EXAMPLE, "--year", "2019", "--as-of", "2026-02-01", "-o", out)
    assert res.exit_code == 0 and "year-outside-register" in err(res)
    assert "登记簿中没有2019年度的记录，本报告数据根据截至2026年2月1日的登记簿统计" in out.read_text(encoding="utf-8")


def test_appendix_only_on_request():
    plain = run("report", "annual", "--register", EXAMPLE, "--year", "2024", "--as-of", "2025-01-20")
    assert plain.exit_code == 0 and "附：办理时效" not in plain.stdout
    extra = run("report", "annual", "--register", EXAMPLE, "--year", "2024", "--as-of", "2025-01-20", "--appendix")
    assert extra.exit_code == 0 and "## 附：办理时效" in extra.stdout
