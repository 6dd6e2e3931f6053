"""`govdisc event`: validated transitions, nothing written on refusal, every old line kept."""

from __future__ import annotations

import difflib
import errno
import os
from datetime import date
from pathlib import Path

import pytest

from govdisc.authoring import atomic
from govdisc.authoring.errors import AuthoringError
from govdisc.authoring.event import add_event, find_record
from govdisc.authoring.init import init_register
from govdisc.authoring.new import new_application, new_opinion
from govdisc.authoring.yamltext import only_additions
from govdisc.check import run_check
from govdisc.loading.yamlio import load_text

CONFIG = """agency: 测试局
office: bgs
departments:
  - {id: bgs, name: 办公室, role: office}
  - {id: gbc, name: 广播电视处, role: business}
"""
TODAY = date(2024, 12, 31)


@pytest.fixture
def root(tmp_path: Path) -> Path:
    init_register(tmp_path, "测试局")
    (tmp_path / "govdisc.yaml").write_text(CONFIG, encoding="utf-8")
    return tmp_path


def write(root: Path, rid: str, text: str, folder: str = "applications") -> Path:
    path = root / folder / rid.split("-")[1] / f"{rid}.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode("utf-8"))
    return path


def added_lines(old: str, new: str) -> list[str]:
    """The lines `new` adds to `old`; fails if any old line was changed or removed."""
    a, b = old.splitlines(keepends=True), new.splitlines(keepends=True)
    out = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        assert tag in ("equal", "insert"), (tag, a[i1:i2], b[j1:j2])
        if tag == "insert":
            out.extend(b[j1:j2])
    return out


def event(root: Path, rid: str, kind: str, **kw):
    kw.setdefault("today", TODAY)
    return add_event(root, rid, kind, **kw)


# -- the acceptance scenario ---------------------------------------------------------------------


def test_acceptance_scenario(root: Path) -> None:
    r = new_application(root, received=date(2024, 9, 27), channel="online", applicant_kind="natural_person",
                        summary="申请公开2024年度广播电视节目制作经营许可证核发情况", topics=["广播电视许可"],
                        today=date(2024, 9, 27))
    path = r.path
    original = path.read_text(encoding="utf-8")
    top, bottom = "# 经办人：办公室 张某，电话沟通已记录在内部台账\n", "# 归档备注：纸质材料在档案柜 3 号\n"
    path.write_text(top + original + bottom, encoding="utf-8")
    before = path.read_text(encoding="utf-8")

    steps = [
        ("correction_notice", date(2024, 10, 10), dict(note="请明确所需信息的时间范围")),
        ("correction_received", date(2024, 10, 15), {}),
        ("consultation_sent", date(2024, 10, 16), dict(party="third_party", written=True)),
        ("consultation_answered", date(2024, 10, 25), {}),
        ("extension", date(2024, 11, 20), dict(days=20, approved_by="政府信息公开工作机构负责人")),
    ]
    results = [event(root, r.record_id, t, event_date=d, today=date(2024, 11, 20), **kw) for t, d, kw in steps]
    after = path.read_text(encoding="utf-8")

    # Hand count on the 2024 calendar (the day of an event is never counted; N working days after
    # D is the N-th working day after D). Receipt: online, confirmed Fri 2024-09-27. The National
    # Day break 10-01..10-07 and the make-up Saturday 10-12 lie before the restart, so they play
    # no part: the corrected application arrived Tue 10-15 and the count restarts from there.
    #   day 1: Wed 10-16 (the consultation is sent that day; it is excluded from the next day on)
    #   (10-16, 10-25] excluded: Thu 10-17 … Fri 10-25 (the answer arrived 10-25)
    #   days 2–6: Mon 10-28 … Fri 11-01; 7–11: 11-04 … 11-08; 12–16: 11-11 … 11-15;
    #   days 17–20: Mon 11-18 … Thu 11-21  → original deadline Thu 2024-11-21
    # The extension (approved 11-20, before 11-21) adds 20 working days:
    #   21: Fri 11-22; 22–26: 11-25 … 11-29; 27–31: 12-02 … 12-06; 32–36: 12-09 … 12-13;
    #   37–40: Mon 12-16 … Thu 12-19  → reply due Thu 2024-12-19 (no holiday in Nov–Dec 2024)
    assert results[3].reply_due == date(2024, 11, 21)
    assert results[-1].reply_due == date(2024, 12, 19)
    assert results[0].reply_due is None and results[0].reply_status == "waiting"
    assert all(res.method == "splice" for res in results)

    # every old line kept byte for byte; only the event lines (and the `events:` key) added
    added = added_lines(before, after)
    assert added == [
        "events:\n",
        "  - {type: correction_notice, date: 2024-10-10, note: 请明确所需信息的时间范围}\n",
        "  - {type: correction_received, date: 2024-10-15}\n",
        "  - {type: consultation_sent, date: 2024-10-16, party: third_party, written: true}\n",
        "  - {type: consultation_answered, date: 2024-10-25}\n",
        "  - {type: extension, date: 2024-11-20, days: 20, approved_by: 政府信息公开工作机构负责人}\n",
    ]
    assert after.startswith(top) and after.endswith(bottom)

    result = run_check(root, date(2024, 11, 20))
    assert [(f.code, f.message_zh) for f in result.findings if f.severity == "error"] == []

    done = event(root, r.record_id, "reply", event_date=date(2024, 12, 10), outcome="partially_disclosed",
                 exemptions=["third_party_rights"], today=date(2024, 12, 10))
    assert done.reply_status == "done" and done.reply_due == date(2024, 12, 19)
    data, _ = load_text(path.read_text(encoding="utf-8"))
    assert data["reply"] == {"date": "2024-12-10", "outcome": "partially_disclosed",
                             "exemptions": ["third_party_rights"]}
    assert path.read_text(encoding="utf-8").endswith(bottom)
    assert run_check(root, date(2024, 12, 31)).errors == 0


# -- preservation ----------------------------------------------------------------------------------


COMMENTED = """\
# 顶部注释：本申请由窗口受理
# yaml-language-server: $schema=../../.govdisc/schemas/application.schema.json

id: YSQ-2024-0007            # 行尾注释
channel:   online            # 多余空格的对齐写法
submitted: 2024-09-26
# 键之间的注释
confirmed: 2024-09-27

handler: 'bgs'               # 单引号
applicant:
    kind: natural_person     # 四格缩进的映射
    ref: "A-2024-031"
summary: >-
  申请公开2024年度
  许可证核发情况
topics: [广播电视许可, "2024"]
events:   # 事件
- {type: correction_notice, date: 2024-10-10, note: "请明确时间范围"}   # 第一条
  # 缩进在条目下的说明
# 条目之间的注释

- {type: correction_received, date: 2024-10-15}
# 事件之后、复议之前的注释
review:
    kind: reconsideration
    result: pending
# 底部注释一
# 底部注释二
"""


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_comment_rich_file_keeps_every_line(root: Path, newline: str) -> None:
    path = write(root, "YSQ-2024-0007", COMMENTED.replace("\n", newline))
    before = path.read_bytes()
    event(root, "YSQ-2024-0007", "consultation_sent", event_date=date(2024, 10, 16), party="agency")
    event(root, "YSQ-2024-0007", "consultation_answered", event_date=date(2024, 10, 21), note="其他机关同意公开")
    res = event(root, "YSQ-2024-0007", "reply", event_date=date(2024, 11, 1), outcome="disclosed")
    assert res.method == "splice"
    after = path.read_bytes()
    added = added_lines(before.decode(), after.decode())
    assert added == [
        f"- {{type: consultation_sent, date: 2024-10-16, party: agency}}{newline}",
        f"- {{type: consultation_answered, date: 2024-10-21, note: 其他机关同意公开}}{newline}",
        f"reply:{newline}", f"    date: 2024-11-01{newline}", f"    outcome: disclosed{newline}",
    ]
    text = after.decode()
    # new events follow the last event (before the comment that precedes review); reply goes before review
    assert text.index("correction_received") < text.index("consultation_sent") < text.index("# 事件之后")
    assert text.index("outcome: disclosed") < text.index("review:")
    assert text.endswith(f"# 底部注释一{newline}# 底部注释二{newline}")
    data, err = load_text(text)
    assert err is None and data["handler"] == "bgs" and data["topics"] == ["广播电视许可", "2024"]


def test_byte_order_mark_and_missing_final_newline(root: Path) -> None:
    text = "\ufeffid: YSQ-2024-0008\nchannel: in_person\nsubmitted: 2024-09-02\nhandler: bgs\n" \
           "applicant: {kind: other}\nsummary: x\n# 没有结尾换行"
    path = write(root, "YSQ-2024-0008", text)
    event(root, "YSQ-2024-0008", "correction_notice", event_date=date(2024, 9, 3))
    assert path.read_bytes() == ("\ufeffid: YSQ-2024-0008\nchannel: in_person\nsubmitted: 2024-09-02\n"
                                 "handler: bgs\napplicant: {kind: other}\nsummary: x\n"
                                 "events:\n  - {type: correction_notice, date: 2024-09-03}\n"
                                 "# 没有结尾换行").encode("utf-8")


@pytest.mark.parametrize("events, expected", [
    ("events:\n- {type: correction_notice, date: 2024-09-03}\n", "- {type: correction_received, date: 2024-09-05}\n"),
    ("events:\n    - {type: correction_notice, date: 2024-09-03}\n",
     "    - {type: correction_received, date: 2024-09-05}\n"),
    ("events:\n  - { type: correction_notice, date: 2024-09-03 }\n",
     "  - { type: correction_received, date: 2024-09-05 }\n"),
    ("events:\n  - type: correction_notice\n    date: 2024-09-03\n",
     "  - type: correction_received\n    date: 2024-09-05\n"),
])
def test_new_event_matches_the_file_style(root: Path, events: str, expected: str) -> None:
    head = "id: YSQ-2024-0009\nchannel: in_person\nsubmitted: 2024-09-02\nhandler: bgs\n" \
           "applicant: {kind: other}\nsummary: x\n"
    path = write(root, "YSQ-2024-0009", head + events)
    event(root, "YSQ-2024-0009", "correction_received", event_date=date(2024, 9, 5))
    assert path.read_text() == head + events + expected


def test_new_events_key_uses_the_file_indentation(root: Path) -> None:
    head = "id: YSQ-2024-0010\nchannel: in_person\nsubmitted: 2024-09-02\nhandler: bgs\n" \
           "applicant: {kind: other}\nsummary: x\ntopics:\n- a\n- b\n"
    path = write(root, "YSQ-2024-0010", head)
    event(root, "YSQ-2024-0010", "correction_notice", event_date=date(2024, 9, 3))
    assert path.read_text().endswith("events:\n- {type: correction_notice, date: 2024-09-03}\n")


def test_flow_lists_are_converted_by_the_round_trip(root: Path) -> None:
    head = "id: YSQ-2024-0011\nchannel: in_person\nsubmitted: 2024-09-02\nhandler: bgs\n" \
           "applicant: {kind: other}\nsummary: x\n"
    path = write(root, "YSQ-2024-0011", head + "events: []   # 暂无\nreview: {kind: reconsideration}\n")
    res = event(root, "YSQ-2024-0011", "correction_notice", event_date=date(2024, 9, 3))
    assert res.method == "roundtrip"
    text = path.read_text()
    assert text.startswith(head)  # every line outside `events` untouched
    assert "events:      # 暂无\n  - {type: correction_notice, date: 2024-09-03}\n" in text
    assert text.endswith("review: {kind: reconsideration}\n")


def test_round_trip_that_would_reformat_other_lines_is_refused(root: Path) -> None:
    text = "id: YSQ-2024-0012\nchannel:    in_person\nsubmitted: 2024-09-02\nhandler: bgs\n" \
           "applicant: {kind: other}\nsummary: x\nevents: [{type: correction_notice, date: 2024-09-03}]\n"
    path = write(root, "YSQ-2024-0012", text)
    with pytest.raises(AuthoringError, match="by hand"):
        event(root, "YSQ-2024-0012", "correction_received", event_date=date(2024, 9, 5))
    assert path.read_text() == text


# -- refusals: each writes nothing -------------------------------------------------------------------


BASE = """\
id: YSQ-2024-0020
channel: mail_signed
submitted: 2024-09-02
signed_for: 2024-09-04
handler: bgs
applicant: {kind: natural_person}
summary: 申请公开某文件
"""


def refused(root: Path, text: str, kind: str, match: str, **kw) -> AuthoringError:
    path = write(root, "YSQ-2024-0020", text)
    before = path.read_bytes()
    stat = path.stat()
    with pytest.raises(AuthoringError, match=match) as exc:
        event(root, "YSQ-2024-0020", kind, **kw)
    assert path.read_bytes() == before
    assert path.stat().st_mtime_ns == stat.st_mtime_ns
    assert not [p for p in path.parent.iterdir() if p.name.endswith(".tmp")]
    assert exc.value.zh and exc.value.en and exc.value.zh != exc.value.en
    return exc.value


def ev(*lines: str) -> str:
    return BASE + "events:\n" + "".join(f"  - {line}\n" for line in lines)


def test_refuses_a_date_before_the_legal_receipt_date(root: Path) -> None:
    # mail_signed: the legal receipt date is the signed-for date 09-04, not the submission 09-02
    refused(root, BASE, "correction_notice", "收到申请之日 2024-09-04", event_date=date(2024, 9, 3))


def test_refuses_a_future_date(root: Path) -> None:
    refused(root, BASE, "correction_notice", "晚于今天", event_date=date(2025, 1, 2))


def test_refuses_a_second_reply(root: Path) -> None:
    refused(root, BASE + "reply: {date: 2024-09-20, outcome: disclosed}\n", "reply", "不能再次答复",
            event_date=date(2024, 9, 25), outcome="disclosed")


def test_refuses_events_after_the_reply(root: Path) -> None:
    refused(root, BASE + "reply: {date: 2024-09-20, outcome: disclosed}\n", "fee_notice", "已于 2024-09-20 答复",
            event_date=date(2024, 9, 25))


def test_refuses_a_reply_before_recorded_events(root: Path) -> None:
    refused(root, ev("{type: correction_notice, date: 2024-09-10}"), "reply", "答复之后不能再有",
            event_date=date(2024, 9, 8), outcome="disclosed")


def test_refuses_a_second_correction_notice(root: Path) -> None:
    refused(root, ev("{type: correction_notice, date: 2024-09-05}"), "correction_notice", "一次性告知",
            event_date=date(2024, 9, 6))


def test_refuses_correction_received_without_notice(root: Path) -> None:
    refused(root, BASE, "correction_received", "没有在此日期之前发出的补正通知", event_date=date(2024, 9, 6))
    refused(root, ev("{type: correction_notice, date: 2024-09-10}"), "correction_received",
            "没有在此日期之前发出的补正通知", event_date=date(2024, 9, 6))


def test_refuses_a_second_correction_received(root: Path) -> None:
    refused(root, ev("{type: correction_notice, date: 2024-09-05}", "{type: correction_received, date: 2024-09-06}"),
            "correction_received", "不能重复", event_date=date(2024, 9, 9))


def test_refuses_an_answer_without_an_open_consultation(root: Path) -> None:
    refused(root, BASE, "consultation_answered", "没有尚未答复的征求意见", event_date=date(2024, 9, 6))
    refused(root, ev("{type: consultation_sent, date: 2024-09-05, party: agency}",
                     "{type: consultation_answered, date: 2024-09-06}"),
            "consultation_answered", "没有尚未答复的征求意见", event_date=date(2024, 9, 9))


def test_refuses_a_payment_without_a_fee_notice(root: Path) -> None:
    refused(root, BASE, "fee_paid", "没有在此日期之前发出且尚未缴费的收费通知", event_date=date(2024, 9, 6))


def test_refuses_a_second_open_fee_notice(root: Path) -> None:
    refused(root, ev("{type: fee_notice, date: 2024-09-05, amount: 100}"), "fee_notice", "尚未缴费",
            event_date=date(2024, 9, 6), amount=50)


def test_refuses_an_extension_without_approver(root: Path) -> None:
    refused(root, BASE, "extension", "--approved-by", event_date=date(2024, 9, 20), days=10)
    refused(root, BASE, "extension", "approved-by", event_date=date(2024, 9, 20), days=10, approved_by="  ")


def test_refuses_an_extension_over_20_working_days(root: Path) -> None:
    refused(root, BASE, "extension", "20个工作日", event_date=date(2024, 9, 20), days=21, approved_by="主任")


def test_second_extension_within_the_cap_is_accepted_with_a_warning(root: Path) -> None:
    # receipt (signed for) Wed 09-04 → due Wed 10-09; 5 + 5 working days: 10-10, 11, Sat 10-12 (worked),
    # 10-14 … 18, 21, 22 → Tue 10-22 (checked with chinesecalendar)
    path = write(root, "YSQ-2024-0020", ev("{type: extension, date: 2024-09-20, days: 5, approved_by: 主任}"))
    res = event(root, "YSQ-2024-0020", "extension", event_date=date(2024, 9, 23), days=5, approved_by="主任")
    assert res.reply_due == date(2024, 10, 22)
    assert res.warnings and "APP023" in res.warnings[0][0]
    assert path.read_text(encoding="utf-8").endswith("  - {type: extension, date: 2024-09-23, days: 5, approved_by: 主任}\n")


def test_refuses_extensions_over_20_working_days_in_all(root: Path) -> None:
    refused(root, ev("{type: extension, date: 2024-09-20, days: 5, approved_by: 主任}"), "extension",
            "此前已延长5个工作日", event_date=date(2024, 9, 23), days=16, approved_by="主任")


def test_refuses_an_approver_not_in_the_list(root: Path) -> None:
    (root / "govdisc.yaml").write_text(CONFIG + "approvers: [局办公室主任]\n", encoding="utf-8")
    refused(root, BASE, "extension", "approvers", event_date=date(2024, 9, 20), days=5, approved_by="经办人")
    res = event(root, "YSQ-2024-0020", "extension", event_date=date(2024, 9, 20), days=5, approved_by="局办公室主任")
    assert res.reply_due == date(2024, 10, 15)  # 10-09 + 5: 10, 11, Sat 12 (worked), 14, 15


def test_deferral_sets_and_prints_the_new_due_date(root: Path) -> None:
    path = write(root, "YSQ-2024-0020", BASE)
    res = event(root, "YSQ-2024-0020", "deferral", event_date=date(2024, 10, 8), until=date(2024, 11, 15),
                note="申请人一个月内提交40件申请，经说明理由合理", today=date(2024, 10, 8))
    assert (res.reply_due, res.reply_status) == (date(2024, 11, 15), "open")
    assert path.read_text(encoding="utf-8").endswith(
        "events:\n  - {type: deferral, date: 2024-10-08, until: 2024-11-15, note: 申请人一个月内提交40件申请，经说明理由合理}\n")


def test_refuses_impossible_deferrals(root: Path) -> None:
    kw = dict(note="申请数量明显超过合理范围")
    refused(root, BASE, "deferral", "2024-10-09 届满", event_date=date(2024, 10, 10), until=date(2024, 11, 15), **kw)
    refused(root, BASE, "deferral", "不晚于当前的答复期限 2024-10-09", event_date=date(2024, 10, 8),
            until=date(2024, 10, 9), **kw)
    refused(root, BASE, "deferral", "应晚于延迟答复的日期", event_date=date(2024, 10, 8), until=date(2024, 10, 8), **kw)
    assert refused(root, BASE, "deferral", "--until", event_date=date(2024, 10, 8), **kw).code == "invalid"
    assert refused(root, BASE, "deferral", "--note", event_date=date(2024, 10, 8), until=date(2024, 11, 15)).code == "invalid"


def test_consultation_with_delivery_date(root: Path) -> None:
    path = write(root, "YSQ-2024-0020", BASE)
    res = event(root, "YSQ-2024-0020", "consultation_sent", event_date=date(2024, 9, 10), party="third_party",
                written=True, delivered=date(2024, 9, 12))
    assert path.read_text(encoding="utf-8").endswith(
        "  - {type: consultation_sent, date: 2024-09-10, party: third_party, written: true, delivered: 2024-09-12}\n")
    cons = next(o for o in res.obligations if o.obligation == "consultation_reply")
    # 15 working days from the delivery on Thu 09-12: 13, Sat 14 (worked), Mid-Autumn 15–17 off, 18–20,
    # 23–27, Sun 29 (worked), 30, National Day 10-01..07 off, 08, 09, 10 → Thu 10-10
    assert cons.due == "2024-10-10"
    refused(root, BASE, "consultation_sent", "送达日期", event_date=date(2024, 9, 10), party="third_party",
            delivered=date(2024, 9, 9))


def test_third_party_notice_needs_a_third_party_consultation(root: Path) -> None:
    refused(root, BASE, "third_party_notice", "第三十二条", event_date=date(2024, 9, 20))
    refused(root, ev("{type: consultation_sent, date: 2024-09-10, party: agency}"), "third_party_notice",
            "第三十二条", event_date=date(2024, 9, 20))
    path = write(root, "YSQ-2024-0020", ev("{type: consultation_sent, date: 2024-09-10, party: third_party, written: true}",
                                           "{type: consultation_answered, date: 2024-09-18, objection: true}"))
    event(root, "YSQ-2024-0020", "third_party_notice", event_date=date(2024, 9, 20), note="涉及公共利益，决定公开")
    assert path.read_text(encoding="utf-8").endswith("  - {type: third_party_notice, date: 2024-09-20, note: 涉及公共利益，决定公开}\n")


def test_fee_notice_after_the_deadline_is_recorded_with_a_warning(root: Path) -> None:
    write(root, "YSQ-2024-0020", BASE)
    res = event(root, "YSQ-2024-0020", "fee_notice", event_date=date(2024, 10, 15), amount=100)
    assert res.warnings and "APP028" in res.warnings[0][0] and res.reply_due == date(2024, 10, 9)


def test_reply_records_the_remedies_told(root: Path) -> None:
    path = write(root, "YSQ-2024-0020", BASE)
    event(root, "YSQ-2024-0020", "reply", event_date=date(2024, 9, 20), outcome="disclosed",
          remedies=["reconsideration", "litigation"])
    data, _ = load_text(path.read_text(encoding="utf-8"))
    assert data["reply"]["remedies"] == ["reconsideration", "litigation"]
    refused(root, BASE, "reply", "--remedy", event_date=date(2024, 9, 20), outcome="disclosed", remedies=["appeal"])


def test_refuses_an_extension_after_the_deadline(root: Path) -> None:
    # receipt Wed 09-04; 20 working days (National Day 10-01..10-07 off, Sun 09-29 and Sat 10-12
    # worked): 09-05 … 10-09 → due Wed 2024-10-09
    refused(root, BASE, "extension", "2024-10-09 届满", event_date=date(2024, 10, 10), days=10, approved_by="主任")
    refused(root, BASE, "extension", "2024-10-09 届满", event_date=date(2024, 10, 8), days=10, approved_by="主任",
            notified=date(2024, 10, 10))


def test_refuses_an_extension_while_waiting_for_the_correction(root: Path) -> None:
    refused(root, ev("{type: correction_notice, date: 2024-09-05}"), "extension", "尚未起算",
            event_date=date(2024, 9, 20), days=10, approved_by="主任")


def test_refuses_reply_outcome_problems(root: Path) -> None:
    refused(root, BASE, "reply", "--exemption", event_date=date(2024, 9, 20), outcome="withheld")
    refused(root, BASE, "reply", "不使用不予公开理由", event_date=date(2024, 9, 20), outcome="disclosed",
            exemptions=["process_info"])
    refused(root, BASE, "reply", "--outcome", event_date=date(2024, 9, 20), outcome="granted")
    refused(root, BASE, "reply", "逾期不补正", event_date=date(2024, 9, 20), outcome="no_correction")
    refused(root, BASE, "reply", "--outcome", event_date=date(2024, 9, 20))


def test_refuses_unknown_or_misplaced_options(root: Path) -> None:
    refused(root, BASE, "fee_paid", "--days", event_date=date(2024, 9, 5), days=3)
    refused(root, BASE, "correction_notice", "--days", event_date=date(2024, 9, 5), days=0)
    refused(root, BASE, "release", "是申请记录", at="2024-09-05 10:00")
    refused(root, BASE, "consultation_sent", "--party", event_date=date(2024, 9, 5))
    refused(root, BASE, "consultation_sent", "third_party", event_date=date(2024, 9, 5), party="somebody")
    refused(root, BASE, "meeting", "未知的事件类型", event_date=date(2024, 9, 5))


def test_correction_notice_records_the_period_allowed(root: Path) -> None:
    """--days on a correction notice is the period the letter gives the applicant (Art. 30)."""
    path = write(root, "YSQ-2024-0020", BASE)
    res = event(root, "YSQ-2024-0020", "correction_notice", event_date=date(2024, 9, 5), days=10, note="所需信息的名称")
    assert res.written == {"type": "correction_notice", "date": "2024-09-05", "days": 10, "note": "所需信息的名称"}
    assert "{type: correction_notice, date: 2024-09-05, days: 10, note: 所需信息的名称}" in path.read_text(encoding="utf-8")


def test_unknown_record(root: Path) -> None:
    with pytest.raises(AuthoringError) as exc:
        event(root, "YSQ-2024-9999", "correction_notice", event_date=date(2024, 9, 5))
    assert exc.value.code == "not_found"


def test_record_found_anywhere_by_its_id(root: Path) -> None:
    path = write(root, "YSQ-2024-0020", BASE)
    moved = root / "applications" / "2024" / "misnamed.yaml"
    path.rename(moved)
    assert find_record(root, "YSQ-2024-0020") == (moved, "application")


def test_warnings_do_not_block(root: Path) -> None:
    write(root, "YSQ-2024-0020", BASE)
    res = event(root, "YSQ-2024-0020", "consultation_sent", event_date=date(2024, 9, 5), party="third_party")
    assert res.warnings and "书面" in res.warnings[0][0]
    late = event(root, "YSQ-2024-0020", "correction_notice", event_date=date(2024, 9, 20))
    assert any("7个工作日" in zh for zh, _ in late.warnings)


# -- injected failure ----------------------------------------------------------------------------------


def test_failure_while_writing_leaves_the_file_intact(root: Path, monkeypatch) -> None:
    path = write(root, "YSQ-2024-0020", BASE)
    before = path.read_bytes()

    def boom(src, dst):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(atomic.os, "replace", boom)
    with pytest.raises(AuthoringError) as exc:  # said as such, not an internal error
        event(root, "YSQ-2024-0020", "correction_notice", event_date=date(2024, 9, 5))
    assert exc.value.code == "io" and path.name in exc.value.en
    assert "no space left on the disk" in exc.value.en and "磁盘已满" in exc.value.zh
    assert path.read_bytes() == before
    assert sorted(os.listdir(path.parent)) == [path.name]


# -- opinions ------------------------------------------------------------------------------------------


def test_opinion_release_press_conference_follow_up(root: Path) -> None:
    r = new_opinion(root, title="某地有线电视停播引发关注", level="major", emergency=True,
                    detected_at="2024-07-02 08:30", today=date(2024, 7, 2))
    before = r.path.read_text(encoding="utf-8")
    rel = event(root, r.record_id, "release", at="2024-07-02 12:10", channel="门户网站", title="情况通报",
                reviewed_by="局办公室")
    assert [(o.obligation, o.status) for o in rel.obligations] == [("release", "done"), ("press_conference", "overdue")]
    event(root, r.record_id, "press_conference", event_date=date(2024, 7, 3), at="07:00", note="局新闻发布会")
    event(root, r.record_id, "follow_up", at="2024-07-05 10:00", note="持续发布处置进展", reviewed_by="局办公室",
          reviewed=date(2024, 7, 4))
    after = r.path.read_text(encoding="utf-8")
    assert added_lines(before, after) == [
        "releases:\n",
        "  - {at: 2024-07-02 12:10, channel: 门户网站, title: 情况通报, secrecy_review: {date: 2024-07-02, by: 局办公室}}\n",
        "press_conference: {at: 2024-07-03 07:00, note: 局新闻发布会}\n",
        "follow_ups:\n",
        "  - {at: 2024-07-05 10:00, note: 持续发布处置进展, secrecy_review: {date: 2024-07-04, by: 局办公室}}\n",
    ]
    assert run_check(root, date(2024, 7, 10)).errors == 0
    with pytest.raises(AuthoringError, match="已记录新闻发布会"):
        event(root, r.record_id, "press_conference", at="2024-07-04 09:00")
    with pytest.raises(AuthoringError, match="早于监测发现时间"):
        event(root, r.record_id, "release", at="2024-07-01 09:00")
    with pytest.raises(AuthoringError, match="--date"):
        event(root, r.record_id, "release", at="09:00")
    with pytest.raises(AuthoringError, match="时、分"):
        event(root, r.record_id, "release", at="2024-07-03")
    assert r.path.read_text(encoding="utf-8") == after


def test_only_additions_helper() -> None:
    assert only_additions("a\nb\n", "a\nx\nb\n")
    assert not only_additions("a\nb\n", "a\nB\n")


def test_release_secrecy_review_options(root: Path) -> None:
    r = new_opinion(root, title="某地有线电视停播引发关注", level="general", detected_at="2024-07-02 08:30",
                    today=date(2024, 7, 2))
    res = event(root, r.record_id, "release", at="2024-07-02 12:10", channel="门户网站")
    assert any("SEC001" in zh for zh, _ in res.warnings)
    with pytest.raises(AuthoringError, match="晚于发布日期"):
        event(root, r.record_id, "release", at="2024-07-02 13:00", reviewed_by="局办公室", reviewed=date(2024, 7, 3))
    with pytest.raises(AuthoringError, match="--reviewed-by"):
        event(root, r.record_id, "follow_up", at="2024-07-02 13:00", reviewed=date(2024, 7, 2))
