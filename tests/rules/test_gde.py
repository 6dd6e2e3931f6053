"""GDE rules: the disclosure guide (《条例》第十二条、第五十三条)."""

from __future__ import annotations

import subprocess
from datetime import date
from pathlib import Path

from support import record, run_rule, write_register

from govdisc.check import run_check

COMPLETE = {"updated": "2025-03-01", "published": {"date": "2025-03-02", "url": "https://example.gov.cn/zn.html"},
            "office": {"address": "云岭市文化路1号", "hours": "工作日9:00—17:30", "phone": "0871-1234567", "fax": "无",
                       "email": "xxgk@example.gov.cn"},
            "classification": [{"name": "机关职能"}], "arrangement": "按主题分类",
            "obtaining": {"proactive": "门户网站", "on_request": "向局办公室提出申请"}}


def guide(**changes):
    return record("guide", "guide.yaml", {**COMPLETE, **changes})


def catalog(year=2024):
    return record("catalog", f"catalog/bgs/{year}.yaml", {"department": "bgs", "year": year})


def test_gde001_no_guide_once_a_year_is_finished():
    [f] = run_rule("GDE001", [catalog()], as_of=date(2025, 1, 2))
    assert f.path == "govdisc.yaml" and "guide.yaml" in f.message_zh
    assert run_rule("GDE001", [catalog()], as_of=date(2024, 12, 31)) == []
    assert run_rule("GDE001", [catalog(), guide()], as_of=date(2025, 1, 2)) == []


def test_gde002_missing_contents():
    rec = guide(office={"phone": "0871-1234567", "website": "https://example.gov.cn/xxgk"}, classification=[],
                obtaining={"proactive": "门户网站"})
    [f] = run_rule("GDE002", [rec])
    assert f.pointer == () and f.anchor == "parent"
    assert f.message_zh == ("政府信息公开指南缺少政府信息的分类（classification）、依申请获取的方式（obtaining.on_request）、"
                            "办公地址（office.address）、办公时间（office.hours）、传真号码（office.fax，没有的写“无”）")
    assert run_rule("GDE002", [guide()]) == []


def test_gde004_updated_guide_republished():
    [f] = run_rule("GDE004", [guide(updated="2025-09-15")])
    assert f.pointer == ("published", "date") and "2025-03-02" in f.message_zh
    [g] = run_rule("GDE004", [guide(published=None)])
    assert "没有公布记录" in g.message_zh
    assert run_rule("GDE004", [guide()]) == []


# -- GDE003: contact changed (git history) ---------------------------------------------------------

GUIDE_YAML = """\
updated: {updated}
published: {{date: {updated}, url: "https://example.gov.cn/zn.html", secrecy_review: {{date: {updated}, by: 局办公室}}}}
office: {{address: 云岭市文化路1号, hours: 工作日9:00—17:30, phone: "{phone}", fax: 无, email: xxgk@example.gov.cn}}
classification: [{{name: 机关职能}}]
arrangement: 按主题分类
obtaining: {{proactive: 门户网站, on_request: 向局办公室提出申请}}
"""


def _git(root: Path, *args: str, when: str | None = None) -> None:
    env = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@t", "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@t",
           "PATH": "/usr/bin:/bin"}
    if when:
        env.update(GIT_AUTHOR_DATE=f"{when}T10:00:00+08:00", GIT_COMMITTER_DATE=f"{when}T10:00:00+08:00")
    subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True, env=env)


def _codes(root: Path, as_of: date) -> list[str]:
    return [f.message_zh for f in run_check(root, as_of, cache=False).findings if f.code == "GDE003"]


def test_gde003_contact_change_committed_without_updating(tmp_path: Path):
    root = write_register(tmp_path / "reg", {"guide.yaml": GUIDE_YAML.format(updated="2025-03-01", phone="0871-1234567")})
    _git(root, "init", "-q")
    _git(root, "add", ".")
    _git(root, "commit", "-qm", "guide", when="2025-03-01")
    assert _codes(root, date(2025, 6, 1)) == []
    (root / "guide.yaml").write_text(GUIDE_YAML.format(updated="2025-03-01", phone="0871-7654321"), encoding="utf-8")
    _git(root, "commit", "-qam", "new phone", when="2025-05-10")
    [msg] = _codes(root, date(2025, 6, 1))
    assert msg.startswith("政府信息公开工作机构的联系方式于 2025-05-10 变更（提交 ") and "仍为 2025-03-01" in msg
    assert _codes(root, date(2025, 5, 9)) == []  # not yet known on that day
    # bumping `updated` with the change clears it
    (root / "guide.yaml").write_text(GUIDE_YAML.format(updated="2025-05-10", phone="0871-7654321"), encoding="utf-8")
    _git(root, "commit", "-qam", "updated", when="2025-05-11")
    assert _codes(root, date(2025, 6, 1)) == []


def test_gde003_uncommitted_change_and_office_name_in_config(tmp_path: Path):
    root = write_register(tmp_path / "reg", {"guide.yaml": GUIDE_YAML.format(updated="2025-03-01", phone="1")})
    _git(root, "init", "-q")
    _git(root, "add", ".")
    _git(root, "commit", "-qm", "guide", when="2025-03-01")
    text = (root / "govdisc.yaml").read_text(encoding="utf-8").replace("name: 办公室", "name: 综合办公室")
    (root / "govdisc.yaml").write_text(text, encoding="utf-8")
    today = date.today()
    [msg] = _codes(root, today)
    assert "尚未提交的修改" in msg
    # other changes of govdisc.yaml are not contact data
    _git(root, "checkout", "--", "govdisc.yaml")
    (root / "govdisc.yaml").write_text((root / "govdisc.yaml").read_text(encoding="utf-8") + "since: 2025\n",
                                       encoding="utf-8")
    assert _codes(root, today) == []


def test_gde003_without_git_reports_nothing(tmp_path: Path):
    root = write_register(tmp_path / "reg", {"guide.yaml": GUIDE_YAML.format(updated="2025-03-01", phone="1")})
    assert _codes(root, date(2025, 6, 1)) == []


def test_gde003_adding_the_guide_is_not_a_change(tmp_path: Path):
    root = write_register(tmp_path / "reg", {})
    _git(root, "init", "-q")
    _git(root, "add", ".")
    _git(root, "commit", "-qm", "config", when="2025-01-01")
    # the guide (updated 2025-03-01) is committed later: creation, not a change of its contact data
    (root / "guide.yaml").write_text(GUIDE_YAML.format(updated="2025-03-01", phone="1"), encoding="utf-8")
    assert _codes(root, date.today()) == []  # uncommitted: the guide is not in HEAD yet
    _git(root, "add", ".")
    _git(root, "commit", "-qm", "guide", when="2025-06-01")
    assert _codes(root, date(2025, 7, 1)) == []
