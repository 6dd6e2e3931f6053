"""MTG rules: meetings and public participation (《实施办法》二（四）2)."""

from __future__ import annotations

from datetime import date
from typing import Any

from support import record, run_rule

AS_OF = date(2026, 2, 1)


def meeting(*items: dict, id_: str = "HY-2024-05", day: str = "2024-05-20", **data: Any):
    base = {"id": id_, "date": day, "body": "局党组会", "items": list(items)}
    base.update(data)
    return record("meeting", f"meetings/2024/{id_}.yaml", base)


def reform(**data: Any) -> dict:
    item = {"title": "关于深化广播电视传输改革的方案", "kind": "major_reform", "department": "zcfg",
            "confidential": False,
            "public_draft": {"published": "2024-04-01", "basis_published": True, "comment_until": "2024-04-30"},
            "comments": {"received": 37, "adopted": 12, "summary": "共收到意见37条，采纳12条"}}
    item.update(data)
    return item


def livelihood(**data: Any) -> dict:
    item = {"title": "关于农村广播电视户户通运维的方案", "kind": "livelihood",
            "attendance": {"stakeholders": True, "public": True, "experts": True, "media": False, "reason": "……"},
            "openness": {"decision": "public", "method": "门户网站公开会议纪要"}}
    item.update(data)
    return item


# -- MTG001 / MTG002 --------------------------------------------------------------------------------


def test_mtg001_no_public_draft():
    [f] = run_rule("MTG001", [meeting(reform(public_draft=None, comments=None))], as_of=AS_OF)
    assert f.code == "MTG001" and f.severity == "error"
    assert f.pointer == ("items", 0) and f.anchor == "parent"
    assert "关于深化广播电视传输改革的方案" in f.message_zh and "2024-05-20" in f.message_zh and "public_draft" in f.message_zh


def test_mtg001_draft_published_too_late_or_undated():
    item = reform(public_draft={"published": "2024-05-20", "basis_published": True})
    [f] = run_rule("MTG001", [meeting(item)], as_of=AS_OF)
    assert f.pointer == ("items", 0, "public_draft", "published") and "2024-05-20 才公布" in f.message_zh
    [f] = run_rule("MTG001", [meeting(reform(kind="major_policy", public_draft={"basis_published": True}))],
                   as_of=AS_OF)
    assert f.pointer == ("items", 0, "public_draft") and f.anchor == "parent" and "重大政策措施" in f.message_zh


def test_mtg001_ok_cases():
    assert run_rule("MTG001", [meeting(reform())], as_of=AS_OF) == []
    secret = reform(confidential=True, public_draft=None)
    other = reform(kind="other", public_draft=None)
    assert run_rule("MTG001", [meeting(secret, other)], as_of=AS_OF) == []
    # a meeting still to come is not judged yet
    assert run_rule("MTG001", [meeting(reform(public_draft=None))], as_of=date(2024, 5, 1)) == []


def test_mtg002_basis_not_published():
    item = reform(public_draft={"published": "2024-04-01", "basis_published": False})
    [f] = run_rule("MTG002", [meeting(item)], as_of=AS_OF)
    assert f.pointer == ("items", 0, "public_draft", "basis_published")
    assert "决策依据" in f.message_zh and "false" in f.message_zh
    [f] = run_rule("MTG002", [meeting(reform(public_draft={"published": "2024-04-01"}))], as_of=AS_OF)
    assert f.pointer == ("items", 0, "public_draft") and f.anchor == "parent" and "未填写" in f.message_zh


def test_mtg002_ok():
    assert run_rule("MTG002", [meeting(reform())], as_of=AS_OF) == []
    # no draft at all is MTG001's finding, not a second one here
    assert run_rule("MTG002", [meeting(reform(public_draft=None))], as_of=AS_OF) == []


# -- MTG003 / MTG004 / MTG007 ------------------------------------------------------------------------


def test_mtg003_attendance_missing_or_incomplete():
    [f] = run_rule("MTG003", [meeting(livelihood(attendance=None))], as_of=AS_OF)
    assert f.pointer == ("items", 0) and f.anchor == "parent"
    assert "利益相关方、公众代表、专家、媒体" in f.message_zh
    [f] = run_rule("MTG003", [meeting(livelihood(attendance={"stakeholders": True, "public": False}))], as_of=AS_OF)
    assert f.pointer == ("items", 0, "attendance") and "是否邀请专家、媒体" in f.message_zh
    assert "experts, media" in f.message_en


def test_mtg003_ok():
    assert run_rule("MTG003", [meeting(livelihood(), reform())], as_of=AS_OF) == []


def test_mtg004_openness_missing():
    [f] = run_rule("MTG004", [meeting(livelihood(openness=None))], as_of=AS_OF)
    assert f.pointer == ("items", 0) and f.anchor == "parent" and "是否公开" in f.message_zh
    [f] = run_rule("MTG004", [meeting(livelihood(openness={"method": "会议纪要"}))], as_of=AS_OF)
    assert f.pointer == ("items", 0, "openness")


def test_mtg004_ok():
    assert run_rule("MTG004", [meeting(livelihood())], as_of=AS_OF) == []


def test_mtg007_not_public_without_reason():
    [f] = run_rule("MTG007", [meeting(livelihood(openness={"decision": "not_public"}))], as_of=AS_OF)
    assert f.severity == "warning" and f.pointer == ("items", 0, "openness") and "不公开" in f.message_zh
    ok = livelihood(openness={"decision": "partial", "reason": "涉及个人信息，删减后公开"})
    assert run_rule("MTG007", [meeting(ok, livelihood())], as_of=AS_OF) == []


# -- MTG005 / MTG006 / MTG008: comments -------------------------------------------------------------


def test_mtg005_no_comments_summary():
    [f] = run_rule("MTG005", [meeting(reform(comments=None))], as_of=AS_OF)
    assert f.severity == "warning" and f.pointer == ("items", 0) and f.anchor == "parent"
    assert "2024-04-01" in f.message_zh and "收到意见数、采纳意见数、情况说明" in f.message_zh
    [f] = run_rule("MTG005", [meeting(reform(comments={"received": 3, "adopted": 1, "summary": " "}))], as_of=AS_OF)
    assert f.pointer == ("items", 0, "comments") and "（情况说明）" in f.message_zh


def test_mtg005_ok():
    assert run_rule("MTG005", [meeting(reform(), livelihood())], as_of=AS_OF) == []
    zero = reform(comments={"received": 0, "adopted": 0, "summary": "未收到意见"})
    assert run_rule("MTG005", [meeting(zero)], as_of=AS_OF) == []


def test_mtg006_comment_period_after_meeting():
    item = reform(public_draft={"published": "2024-05-01", "basis_published": True, "comment_until": "2024-05-31"})
    [f] = run_rule("MTG006", [meeting(item)], as_of=AS_OF)
    assert f.pointer == ("items", 0, "public_draft", "comment_until")
    assert "2024-05-31 晚于会议日期 2024-05-20" in f.message_zh


def test_mtg006_ok():
    assert run_rule("MTG006", [meeting(reform())], as_of=AS_OF) == []


def test_mtg008_adopted_more_than_received():
    [f] = run_rule("MTG008", [meeting(reform(comments={"received": 3, "adopted": 5, "summary": "…"}))], as_of=AS_OF)
    assert f.pointer == ("items", 0, "comments", "adopted") and "采纳意见 5 条，多于收到的 3 条" in f.message_zh
    assert run_rule("MTG008", [meeting(reform())], as_of=AS_OF) == []


def test_malformed_records_do_not_raise():
    from govdisc.rules import REGISTRY
    weird = [meeting("x", None, {"kind": "livelihood", "attendance": [], "openness": "public"},
                     {"kind": "major_reform", "public_draft": "yes", "comments": 3}, id_="HY-2024-09"),
             meeting(id_="HY-2024-10", day="someday", items="none"),
             record("meeting", "meetings/2024/x.yaml", {})]
    for code in sorted(c for c in REGISTRY if c.startswith("MTG")):
        run_rule(code, weird, as_of=AS_OF)


def test_mtg001_mtg002_decision_bodies_are_configurable():
    # the seed speaks of the 党组会: with decision_bodies set, only those meetings are judged
    office_meeting = meeting(reform(public_draft={"basis_published": False}), body="局长办公会")
    party_meeting = meeting(reform(public_draft=None, comments=None), id_="HY-2024-06", body="局 党组会")
    cfg = {"measures": {"decision_bodies": ["局党组会"]}}
    assert [f.path for f in run_rule("MTG001", [office_meeting, party_meeting], config=cfg, as_of=AS_OF)] == [
        "meetings/2024/HY-2024-06.yaml"]
    assert run_rule("MTG002", [office_meeting], config=cfg, as_of=AS_OF) == []
    # by default every meeting is judged
    assert len(run_rule("MTG001", [office_meeting, party_meeting], as_of=AS_OF)) == 2
    assert len(run_rule("MTG002", [office_meeting], as_of=AS_OF)) == 1
