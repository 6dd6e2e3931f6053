"""APP rules: applications for disclosure. Dates are checked against the bundled calendar."""

from __future__ import annotations

from datetime import date
from typing import Any

from support import record, run_rule

AS_OF = date(2026, 2, 1)


def app(id_: str = "YSQ-2025-0001", **data: Any):
    base = {"id": id_, "channel": "in_person", "submitted": "2025-11-03", "handler": "bgs",
            "applicant": {"kind": "natural_person", "ref": "A-1"}, "summary": "申请公开某项信息"}
    base.update(data)
    return record("application", f"applications/{id_[4:8]}/{id_}.yaml", base)


def codes(findings):
    return [f.code for f in findings]


# -- APP001 / APP002 / APP003: the reply deadline -----------------------------------------------


def test_app001_overdue_reply():
    # 2025-11-03 + 20 working days = 2025-12-01
    [f] = run_rule("APP001", [app()], as_of=AS_OF)
    assert f.code == "APP001" and f.severity == "error"
    assert f.pointer == () and f.anchor == "parent"
    assert "2025-11-03" in f.message_zh and "2025-12-01" in f.message_zh and "2026-02-01" in f.message_zh
    assert "逾期" in f.message_zh and "working days overdue" in f.message_en


def test_app001_not_when_replied_or_not_yet_due():
    replied = app(reply={"date": "2025-11-28", "outcome": "disclosed"})
    assert run_rule("APP001", [replied], as_of=AS_OF) == []
    assert run_rule("APP001", [app()], as_of=date(2025, 11, 20)) == []


def test_app001_counts_working_days_overdue():
    # due 2025-12-01 (Mon); as of 2025-12-05 (Fri): 4 working days after
    [f] = run_rule("APP001", [app()], as_of=date(2025, 12, 5))
    assert "逾期 4 个工作日" in f.message_zh


def test_app002_due_soon():
    # 2026-01-05 + 20 working days = 2026-02-02; as of 2026-02-01 one working day is left
    rec = app("YSQ-2026-0001", submitted="2026-01-05")
    [f] = run_rule("APP002", [rec], as_of=AS_OF)
    assert f.severity == "warning" and f.pointer == ()
    assert "2026-02-02" in f.message_zh and "仅剩 1 个工作日" in f.message_zh


def test_app002_not_when_far_or_replied():
    rec = app("YSQ-2026-0001", submitted="2026-01-05")
    assert run_rule("APP002", [rec], as_of=date(2026, 1, 10)) == []
    done = app("YSQ-2026-0001", submitted="2026-01-05", reply={"date": "2026-01-20", "outcome": "disclosed"})
    assert run_rule("APP002", [done], as_of=AS_OF) == []


def test_app003_late_reply():
    rec = app(reply={"date": "2025-12-04", "outcome": "disclosed"})
    [f] = run_rule("APP003", [rec], as_of=AS_OF)
    assert f.pointer == ("reply", "date")
    assert "答复日期 2025-12-04 晚于法定期限 2025-12-01" in f.message_zh
    assert "超过 3 个工作日" in f.message_zh


def test_app003_extension_and_consultation_count():
    # approved 20-day extension: due 2025-12-29; a reply on 2025-12-20 is in time
    rec = app(events=[{"type": "extension", "date": "2025-11-25", "days": 20, "approved_by": "办公室主任"}],
              reply={"date": "2025-12-20", "outcome": "disclosed"})
    assert run_rule("APP003", [rec], as_of=AS_OF) == []
    on_time = app(reply={"date": "2025-12-01", "outcome": "disclosed"})
    assert run_rule("APP003", [on_time], as_of=AS_OF) == []


# -- APP004 / APP005: 补正 ----------------------------------------------------------------------


def test_app004_correction_notice_late():
    # receipt 2025-11-03 + 7 working days = 2025-11-12
    rec = app(events=[{"type": "correction_notice", "date": "2025-11-14"}])
    [f] = run_rule("APP004", [rec], as_of=AS_OF)
    assert f.pointer == ("events", 0, "date")
    assert "2025-11-14" in f.message_zh and "2025-11-12" in f.message_zh and "超过 2 个工作日" in f.message_zh


def test_app004_in_time_or_no_notice():
    ok = app(events=[{"type": "correction_notice", "date": "2025-11-12"}])
    assert run_rule("APP004", [ok], as_of=AS_OF) == []
    # no notice at all is not a breach: a notice is only needed for an unclear application
    assert run_rule("APP004", [app()], as_of=AS_OF) == []


def test_app005_second_correction_notice():
    rec = app(events=[{"type": "correction_notice", "date": "2025-11-05"},
                      {"type": "correction_received", "date": "2025-11-10"},
                      {"type": "correction_notice", "date": "2025-11-12"}])
    [f] = run_rule("APP005", [rec], as_of=AS_OF)
    assert f.pointer == ("events", 2)
    assert "2025-11-12 第 2 次告知补正" in f.message_zh and "首次告知 2025-11-05" in f.message_zh


def test_app005_single_notice_ok():
    rec = app(events=[{"type": "correction_notice", "date": "2025-11-05"},
                      {"type": "correction_received", "date": "2025-11-10"}])
    assert run_rule("APP005", [rec], as_of=AS_OF) == []


# -- APP006 / APP007 / APP008 / APP022: extensions ----------------------------------------------


def test_app006_extension_without_approver():
    rec = app(events=[{"type": "extension", "date": "2025-11-25", "days": 20}])
    [f] = run_rule("APP006", [rec], as_of=AS_OF)
    assert f.pointer == ("events", 0) and f.anchor == "parent"
    assert "2025-11-25" in f.message_zh and "approved_by" in f.message_zh


def test_app006_approved_ok():
    rec = app(events=[{"type": "extension", "date": "2025-11-25", "days": 20, "approved_by": "办公室主任"}])
    assert run_rule("APP006", [rec], as_of=AS_OF) == []


def test_app007_extension_notified_after_deadline():
    # the deadline without the extension is 2025-12-01
    rec = app(events=[{"type": "extension", "date": "2025-11-28", "days": 10, "approved_by": "办公室主任",
                       "notified": "2025-12-03"}])
    [f] = run_rule("APP007", [rec], as_of=AS_OF)
    assert f.pointer == ("events", 0, "notified")
    assert "于 2025-12-03 告知申请人" in f.message_zh and "2025-12-01" in f.message_zh


def test_app007_event_date_when_notified_missing():
    rec = app(events=[{"type": "extension", "date": "2025-12-02", "days": 10, "approved_by": "办公室主任"}])
    [f] = run_rule("APP007", [rec], as_of=AS_OF)
    assert f.pointer == ("events", 0, "date") and "2025-12-02" in f.message_zh


def test_app007_in_time_ok_and_consultation_counts():
    ok = app(events=[{"type": "extension", "date": "2025-11-28", "days": 10, "approved_by": "办公室主任",
                      "notified": "2025-12-01"}])
    assert run_rule("APP007", [ok], as_of=AS_OF) == []
    # a consultation answered after 5 working days pushes the deadline to 2025-12-08
    paused = app(events=[{"type": "consultation_sent", "date": "2025-11-10", "party": "third_party", "written": True},
                         {"type": "consultation_answered", "date": "2025-11-17"},
                         {"type": "extension", "date": "2025-12-04", "days": 10, "approved_by": "办公室主任"}])
    assert run_rule("APP007", [paused], as_of=AS_OF) == []


def test_app008_extension_too_long():
    rec = app(events=[{"type": "extension", "date": "2025-11-25", "days": 30, "approved_by": "办公室主任"}])
    [f] = run_rule("APP008", [rec], as_of=AS_OF)
    assert f.pointer == ("events", 0, "days") and "30 个工作日" in f.message_zh


def test_app008_extensions_together_over_20():
    # item 3: 10 + 15 working days: the second is capped at 10 and reported
    rec = app(events=[{"type": "extension", "date": "2025-11-25", "days": 10, "approved_by": "办公室主任"},
                      {"type": "extension", "date": "2025-12-10", "days": 15, "approved_by": "办公室主任"}])
    [f] = run_rule("APP008", [rec], as_of=AS_OF)
    assert f.pointer == ("events", 1, "days") and "此前已延长的 10 个工作日" in f.message_zh
    assert "只计入 10 个工作日" in f.message_zh


def test_app008_and_app023_second_extension_within_the_cap():
    # item 3: two approved 10-day extensions: the text caps the length (20), not the number, so
    # both count; APP008 stays silent and APP023 warns about the second
    rec = app(events=[{"type": "extension", "date": "2025-11-25", "days": 10, "approved_by": "办公室主任"},
                      {"type": "extension", "date": "2025-12-10", "days": 10, "approved_by": "办公室主任"}])
    assert run_rule("APP008", [rec], as_of=AS_OF) == []
    [f] = run_rule("APP023", [rec], as_of=AS_OF)
    assert f.severity == "warning" and f.pointer == ("events", 1) and "此前已延长 10 个工作日" in f.message_zh
    one = app(events=[{"type": "extension", "date": "2025-11-25", "days": 20, "approved_by": "办公室主任"}])
    assert run_rule("APP023", [one], as_of=AS_OF) == []


def test_app008_one_extension_of_20_ok():
    rec = app(events=[{"type": "extension", "date": "2025-11-25", "days": 20, "approved_by": "办公室主任"}])
    assert run_rule("APP008", [rec], as_of=AS_OF) == []


def test_app022_extension_without_days():
    rec = app(events=[{"type": "extension", "date": "2025-11-25", "approved_by": "办公室主任"}])
    [f] = run_rule("APP022", [rec], as_of=AS_OF)
    assert f.pointer == ("events", 0) and f.anchor == "parent" and "2025-11-25" in f.message_zh
    ok = app(events=[{"type": "extension", "date": "2025-11-25", "days": 5, "approved_by": "办公室主任"}])
    assert run_rule("APP022", [ok], as_of=AS_OF) == []


# -- APP009 / APP010: consultations --------------------------------------------------------------


def test_app009_third_party_not_written():
    rec = app(events=[{"type": "consultation_sent", "date": "2025-11-10", "party": "third_party", "written": False},
                      {"type": "consultation_sent", "date": "2025-11-11"}])
    found = run_rule("APP009", [rec], as_of=AS_OF)
    assert [f.pointer for f in found] == [("events", 0, "written"), ("events", 1)]
    assert "2025-11-10" in found[0].message_zh and "written: false" in found[0].message_zh and "written is missing" in found[1].message_en
    assert found[1].anchor == "parent"


def test_app009_written_or_agency_ok():
    rec = app(events=[{"type": "consultation_sent", "date": "2025-11-10", "party": "third_party", "written": True},
                      {"type": "consultation_sent", "date": "2025-11-11", "party": "agency"}])
    assert run_rule("APP009", [rec], as_of=AS_OF) == []


def test_app010_third_party_silent():
    # sent 2025-11-03 (receipt 2025-10-31); 15 working days → 2025-11-24
    rec = app(submitted="2025-10-31",
              events=[{"type": "consultation_sent", "date": "2025-11-03", "party": "third_party", "written": True}])
    [f] = run_rule("APP010", [rec], as_of=AS_OF)
    assert f.severity == "warning" and f.pointer == ("events", 0)
    assert "2025-11-03" in f.message_zh and "2025-11-24" in f.message_zh


def test_app010_answered_replied_agency_or_not_yet():
    sent = {"type": "consultation_sent", "date": "2025-11-03", "party": "third_party", "written": True}
    answered = app(submitted="2025-10-31", events=[sent, {"type": "consultation_answered", "date": "2025-11-20"}])
    replied = app(submitted="2025-10-31", events=[sent], reply={"date": "2025-12-10", "outcome": "disclosed"})
    agency = app(submitted="2025-10-31", events=[{**sent, "party": "agency"}])
    for rec in (answered, replied, agency):
        assert run_rule("APP010", [rec], as_of=AS_OF) == []
    assert run_rule("APP010", [app(submitted="2025-10-31", events=[sent])], as_of=date(2025, 11, 20)) == []


# -- APP011 / APP012 / APP013 / APP021: reply and outcome -----------------------------------------


def test_app011_withheld_without_exemption():
    rec = app(reply={"date": "2025-11-20", "outcome": "withheld"})
    [f] = run_rule("APP011", [rec], as_of=AS_OF)
    assert f.pointer == ("reply",) and f.anchor == "parent" and "不予公开" in f.message_zh
    rec = app(reply={"date": "2025-11-20", "outcome": "partially_disclosed", "exemptions": []})
    [f] = run_rule("APP011", [rec], as_of=AS_OF)
    assert f.pointer == ("reply", "exemptions") and "部分公开" in f.message_zh


def test_app011_with_exemption_ok():
    rec = app(reply={"date": "2025-11-20", "outcome": "withheld", "exemptions": ["process_info"]})
    assert run_rule("APP011", [rec], as_of=AS_OF) == []


def test_app012_reply_without_date():
    rec = app(reply={"outcome": "disclosed"})
    [f] = run_rule("APP012", [rec], as_of=AS_OF)
    assert f.pointer == ("reply", "date") and f.anchor == "missing" and "outcome" in f.message_zh


def test_app012_dated_reply_ok():
    assert run_rule("APP012", [app(reply={"date": "2025-11-20", "outcome": "disclosed"})], as_of=AS_OF) == []
    assert run_rule("APP012", [app()], as_of=AS_OF) == []


def test_app013_exemption_on_disclosed():
    rec = app(reply={"date": "2025-11-20", "outcome": "disclosed", "exemptions": ["process_info"]})
    [f] = run_rule("APP013", [rec], as_of=AS_OF)
    assert f.pointer == ("reply", "exemptions") and "予以公开" in f.message_zh and "process_info" in f.message_zh


def test_app013_exemption_on_partial_ok():
    rec = app(reply={"date": "2025-11-20", "outcome": "partially_disclosed", "exemptions": ["process_info"]})
    assert run_rule("APP013", [rec], as_of=AS_OF) == []


def test_app021_reply_without_outcome():
    [f] = run_rule("APP021", [app(reply={"date": "2025-11-20"})], as_of=AS_OF)
    assert f.pointer == ("reply",) and f.anchor == "parent" and "2025-11-20" in f.message_zh
    assert run_rule("APP021", [app(reply={"date": "2025-11-20", "outcome": "not_held"})], as_of=AS_OF) == []


# -- APP014 / APP015: receipt date and order -------------------------------------------------------


def test_app014_receipt_date_missing():
    rec = app(channel="online")
    [f] = run_rule("APP014", [rec], as_of=AS_OF)
    assert f.severity == "warning" and f.pointer == () and f.anchor == "parent"
    assert "confirmed" in f.message_zh and "2025-11-03" in f.message_zh and "互联网" in f.message_zh
    [f] = run_rule("APP014", [app(channel="mail_signed")], as_of=AS_OF)
    assert "signed_for" in f.message_zh


def test_app014_present_or_in_person_ok():
    assert run_rule("APP014", [app(channel="online", confirmed="2025-11-04")], as_of=AS_OF) == []
    assert run_rule("APP014", [app(channel="mail_signed", signed_for="2025-11-05")], as_of=AS_OF) == []
    assert run_rule("APP014", [app()], as_of=AS_OF) == []


def test_app015_event_before_receipt():
    rec = app(channel="online", confirmed="2025-11-05",
              events=[{"type": "correction_notice", "date": "2025-11-04"}],
              reply={"date": "2025-11-04", "outcome": "disclosed"})
    found = run_rule("APP015", [rec], as_of=AS_OF)
    assert [f.pointer for f in found] == [("events", 0, "date"), ("reply", "date")]
    assert "补正告知（2025-11-04）早于收到申请之日 2025-11-05" == found[0].message_zh


def test_app015_unpaired_and_receipt_before_submission():
    rec = app(channel="mail_signed", signed_for="2025-11-01",
              events=[{"type": "correction_received", "date": "2025-11-05"},
                      {"type": "consultation_answered", "date": "2025-11-07"},
                      {"type": "consultation_sent", "date": "2025-11-10", "party": "agency"},
                      {"type": "fee_paid", "date": "2025-11-11"},
                      {"type": "fee_notice", "date": "2025-11-12"}],
              reply={"date": "2025-11-28", "outcome": "disclosed"},
              review={"kind": "reconsideration", "result": "pending", "date": "2025-11-20"})
    found = run_rule("APP015", [rec], as_of=AS_OF)
    pointers = [f.pointer for f in found]
    assert ("signed_for",) in pointers
    assert ("events", 0, "date") in pointers and ("events", 1, "date") in pointers and ("events", 3, "date") in pointers
    assert len(found) == 4  # a review dated before the reply is legitimate (review of a missing reply)
    msg = next(f for f in found if f.pointer == ("events", 1, "date")).message_zh
    assert "之前没有与之对应的发出征求意见" in msg


def test_app015_in_order_ok():
    rec = app(events=[{"type": "correction_notice", "date": "2025-11-05"},
                      {"type": "correction_received", "date": "2025-11-07"},
                      {"type": "consultation_sent", "date": "2025-11-10", "party": "third_party", "written": True},
                      {"type": "consultation_answered", "date": "2025-11-10"},
                      {"type": "fee_notice", "date": "2025-11-12", "amount": 100},
                      {"type": "fee_paid", "date": "2025-11-13"}],
              reply={"date": "2025-11-28", "outcome": "disclosed"},
              review={"kind": "reconsideration", "result": "upheld", "date": "2026-01-10"})
    assert run_rule("APP015", [rec], as_of=AS_OF) == []


# -- APP016 / APP017: review -----------------------------------------------------------------------


def test_app016_review_result_without_date():
    rec = app(reply={"date": "2025-11-20", "outcome": "withheld", "exemptions": ["process_info"]},
              review={"kind": "reconsideration", "result": "upheld"})
    [f] = run_rule("APP016", [rec], as_of=AS_OF)
    assert f.severity == "warning" and f.pointer == ("review",) and "结果维持" in f.message_zh


def test_app016_pending_or_dated_ok():
    reply = {"date": "2025-11-20", "outcome": "withheld", "exemptions": ["process_info"]}
    for review in ({"kind": "reconsideration", "result": "pending"},
                   {"kind": "litigation", "result": "corrected", "date": "2026-01-15"}):
        assert run_rule("APP016", [app(reply=reply, review=review)], as_of=AS_OF) == []


def test_app017_review_without_reply():
    rec = app(review={"kind": "reconsideration", "result": "pending", "date": "2025-12-20"})
    [f] = run_rule("APP017", [rec], as_of=AS_OF)
    assert f.pointer == ("review",) and "行政复议" in f.message_zh
    ok = app(reply={"date": "2025-11-20", "outcome": "not_held"},
             review={"kind": "reconsideration", "result": "pending", "date": "2025-12-20"})
    assert run_rule("APP017", [ok], as_of=AS_OF) == []


# -- APP018 / APP019 / APP020: outcomes that need earlier events ------------------------------------


def test_app018_still_unclear_without_correction():
    [f] = run_rule("APP018", [app(reply={"date": "2025-11-20", "outcome": "still_unclear"})], as_of=AS_OF)
    assert f.pointer == ("reply", "outcome") and "没有补正告知" in f.message_zh
    rec = app(events=[{"type": "correction_notice", "date": "2025-11-05"}],
              reply={"date": "2025-11-20", "outcome": "still_unclear"})
    [f] = run_rule("APP018", [rec], as_of=AS_OF)
    assert "correction_received" in f.message_zh


def test_app018_after_correction_ok():
    rec = app(events=[{"type": "correction_notice", "date": "2025-11-05"},
                      {"type": "correction_received", "date": "2025-11-10"}],
              reply={"date": "2025-11-20", "outcome": "still_unclear"})
    assert run_rule("APP018", [rec], as_of=AS_OF) == []


def test_app019_no_correction_mismatch():
    [f] = run_rule("APP019", [app(reply={"date": "2025-12-20", "outcome": "no_correction"})], as_of=AS_OF)
    assert f.pointer == ("reply", "outcome") and "没有补正告知" in f.message_zh
    rec = app(events=[{"type": "correction_notice", "date": "2025-11-05"},
                      {"type": "correction_received", "date": "2025-11-10"}],
              reply={"date": "2025-12-20", "outcome": "no_correction"})
    [f] = run_rule("APP019", [rec], as_of=AS_OF)
    assert "已于 2025-11-10 收到补正" in f.message_zh


def test_app019_ok():
    rec = app(events=[{"type": "correction_notice", "date": "2025-11-05"}],
              reply={"date": "2025-12-20", "outcome": "no_correction"})
    assert run_rule("APP019", [rec], as_of=AS_OF) == []


def test_app020_no_fee_mismatch():
    [f] = run_rule("APP020", [app(reply={"date": "2025-12-20", "outcome": "no_fee"})], as_of=AS_OF)
    assert f.pointer == ("reply", "outcome") and "没有收费通知" in f.message_zh
    rec = app(events=[{"type": "fee_notice", "date": "2025-11-05", "amount": 100},
                      {"type": "fee_paid", "date": "2025-11-10"}],
              reply={"date": "2025-12-20", "outcome": "no_fee"})
    [f] = run_rule("APP020", [rec], as_of=AS_OF)
    assert "2025-11-10" in f.message_zh


def test_app020_ok():
    rec = app(events=[{"type": "fee_notice", "date": "2025-11-05", "amount": 100}],
              reply={"date": "2025-12-20", "outcome": "no_fee"})
    assert run_rule("APP020", [rec], as_of=AS_OF) == []


# -- robustness ------------------------------------------------------------------------------------


def test_malformed_records_do_not_raise():
    weird = [
        app("YSQ-2025-0009", channel=None, submitted="not a date", events="x", reply="y", review=3),
        app("YSQ-2025-0010", events=[None, 3, {"type": "extension"}, {"date": "2025-11-10"},
                                     {"type": "extension", "date": "2025-11-11", "days": "ten", "notified": 5}],
            reply={"date": None, "outcome": 7, "exemptions": "process_info"}, review={"result": None}),
        record("application", "applications/2025/x.yaml", {}),
    ]
    from govdisc.rules import REGISTRY
    for code in sorted(c for c in REGISTRY if c.startswith("APP")):
        run_rule(code, weird, as_of=AS_OF)


# -- issue 13: the engine's verdicts, new events and dates --------------------------------------------

ONLINE_0318 = dict(channel="online", submitted="2024-03-18", confirmed="2024-03-18")


def test_item1_extension_after_expiry_app003_and_app007():
    # confirmed 2024-03-18, due 2024-04-16; an extension on 2024-04-22 gives no time: the reply of
    # 2024-05-10 is late (APP003) and the extension came after the deadline (APP007)
    ext = {"type": "extension", "date": "2024-04-22", "days": 20, "approved_by": "办公室主任"}
    rec = app("YSQ-2024-0001", events=[ext], reply={"date": "2024-05-10", "outcome": "disclosed"}, **ONLINE_0318)
    [late] = run_rule("APP003", [rec], as_of=AS_OF)
    assert "晚于法定期限 2024-04-16" in late.message_zh
    [f] = run_rule("APP007", [rec], as_of=AS_OF)
    assert f.pointer == ("events", 0, "date") and "2024-04-16" in f.message_zh
    # open case: overdue (APP001) on the original deadline
    del rec.data["reply"]
    [f] = run_rule("APP001", [rec], as_of=date(2024, 5, 6))
    assert "答复期限 2024-04-16 已过" in f.message_zh
    # in time: nothing
    ok = app("YSQ-2024-0001", events=[{**ext, "date": "2024-04-15"}], reply={"date": "2024-05-10", "outcome": "disclosed"},
             **ONLINE_0318)
    assert run_rule("APP003", [ok], as_of=AS_OF) == [] and run_rule("APP007", [ok], as_of=AS_OF) == []


def test_item2_second_correction_buys_no_time():
    # receipt 2024-05-06, corrected 05-13 → due 2024-06-11; a second notice and correction (05-20)
    # do not restart: a reply on 06-14 is late
    events = [{"type": "correction_notice", "date": "2024-05-08"}, {"type": "correction_received", "date": "2024-05-13"},
              {"type": "correction_notice", "date": "2024-05-15"}, {"type": "correction_received", "date": "2024-05-20"}]
    rec = app("YSQ-2024-0002", submitted="2024-05-06", events=events, reply={"date": "2024-06-14", "outcome": "disclosed"})
    [f] = run_rule("APP003", [rec], as_of=AS_OF)
    assert "2024-06-11" in f.message_zh
    assert [f.pointer for f in run_rule("APP005", [rec], as_of=AS_OF)] == [("events", 2)]
    ok = app("YSQ-2024-0002", submitted="2024-05-06", events=events[:2], reply={"date": "2024-06-11", "outcome": "disclosed"})
    assert run_rule("APP003", [ok], as_of=AS_OF) == []


def test_item4_review_of_a_missing_reply_is_lawful():
    no_reply = app(review=[{"kind": "reconsideration", "ground": "no_reply", "filed": "2025-12-20"}])
    assert run_rule("APP017", [no_reply], as_of=AS_OF) == []
    legacy = app(review={"kind": "reconsideration", "ground": "no_reply", "result": "pending", "date": "2025-12-20"})
    assert run_rule("APP017", [legacy], as_of=AS_OF) == []
    [f] = run_rule("APP017", [app(review=[{"kind": "litigation", "filed": "2025-12-20"}])], as_of=AS_OF)
    assert "行政诉讼" in f.message_zh


def test_item5_implausible_years_are_located():
    typo = app("YSQ-2024-0005", submitted="1024-05-06")
    far = app("YSQ-2024-0006", submitted="2024-05-06", reply={"date": "2204-05-20", "outcome": "disclosed"})
    found = run_rule("APP026", [typo, far], as_of=AS_OF)
    assert [(f.record, f.pointer) for f in found] == [("YSQ-2024-0005", ("submitted",)), ("YSQ-2024-0006", ("reply", "date"))]
    assert "1024" in found[0].message_zh and "2027" in found[0].message_zh
    # the bounds: since − 1 … as-of year + 1
    since = run_rule("APP026", [app("YSQ-2024-0007", submitted="2022-12-30")], config={"since": 2024}, as_of=AS_OF)
    assert [f.message_en for f in since] and "2023–2027" in since[0].message_en
    ok = app("YSQ-2024-0008", submitted="2023-12-30", reply={"date": "2027-01-04", "outcome": "disclosed"})
    assert run_rule("APP026", [ok], config={"since": 2024}, as_of=AS_OF) == []


def test_item6_citations_support_their_rules():
    from govdisc.rules import REGISTRY
    assert "第三十六条" not in REGISTRY["DOC003"].basis and "二（四）1" in REGISTRY["DOC003"].basis
    for code in ("PII001", "PII002"):
        assert "第十五条" not in REGISTRY[code].basis and "最小范围" in REGISTRY[code].basis
    assert "解读" in REGISTRY["APP007"].basis  # no longer attributed to text that does not say it


def test_item7_deferral_after_expiry_app024():
    defer = {"type": "deferral", "date": "2024-04-17", "until": "2024-05-31", "note": "申请数量明显超过合理范围"}
    rec = app("YSQ-2024-0009", events=[defer], reply={"date": "2024-05-10", "outcome": "disclosed"}, **ONLINE_0318)
    [f] = run_rule("APP024", [rec], as_of=AS_OF)
    assert f.pointer == ("events", 0, "date") and "2024-04-16" in f.message_zh
    assert [x.code for x in run_rule("APP003", [rec], as_of=AS_OF)] == ["APP003"]
    ok = app("YSQ-2024-0009", events=[{**defer, "date": "2024-04-10"}], reply={"date": "2024-05-10", "outcome": "disclosed"},
             **ONLINE_0318)
    assert run_rule("APP024", [ok], as_of=AS_OF) == [] and run_rule("APP003", [ok], as_of=AS_OF) == []
    [f] = run_rule("APP024", [app("YSQ-2024-0009", events=[{"type": "deferral", "date": "2024-04-10"}], **ONLINE_0318)],
                   as_of=AS_OF)
    assert "until" in f.message_zh


def test_item8_ordinary_letter_confirmed_late_app025():
    late = app(channel="mail_unsigned", submitted="2025-11-01", arrived="2025-11-03", confirmed="2025-11-05")
    [f] = run_rule("APP025", [late], as_of=AS_OF)
    assert f.pointer == ("confirmed",) and "晚了 2 天" in f.message_zh
    same = app(channel="mail_unsigned", submitted="2025-11-01", arrived="2025-11-03", confirmed="2025-11-03")
    assert run_rule("APP025", [same], as_of=AS_OF) == []
    early = app(channel="mail_unsigned", submitted="2025-11-01", arrived="2025-11-03", confirmed="2025-11-02")
    assert ("confirmed",) in [f.pointer for f in run_rule("APP015", [early], as_of=AS_OF)]


def test_item9_delivery_before_sending_is_out_of_order():
    rec = app(events=[{"type": "consultation_sent", "date": "2025-11-10", "party": "third_party", "written": True,
                       "delivered": "2025-11-07"}])
    assert [f.pointer for f in run_rule("APP015", [rec], as_of=AS_OF)] == [("events", 0, "delivered")]
    rec.data["events"][0]["delivered"] = "2025-11-12"
    assert run_rule("APP015", [rec], as_of=AS_OF) == []


OBJECTED = [{"type": "consultation_sent", "date": "2025-11-05", "party": "third_party", "written": True},
            {"type": "consultation_answered", "date": "2025-11-12", "objection": True}]


def test_item10_disclosed_over_objection_without_notice_app027():
    rec = app(events=OBJECTED, reply={"date": "2025-11-26", "outcome": "disclosed"})
    [f] = run_rule("APP027", [rec], as_of=AS_OF)
    assert f.pointer == ("reply", "outcome") and "2025-11-12" in f.message_zh
    noticed = app(events=OBJECTED + [{"type": "third_party_notice", "date": "2025-11-20"}],
                  reply={"date": "2025-11-26", "outcome": "disclosed"})
    withheld_part = app(events=OBJECTED, reply={"date": "2025-11-26", "outcome": "partially_disclosed",
                                                "exemptions": ["third_party_rights"]})
    agreed = app(events=[OBJECTED[0], {**OBJECTED[1], "objection": False}], reply={"date": "2025-11-26", "outcome": "disclosed"})
    for rec in (noticed, withheld_part, agreed):
        assert run_rule("APP027", [rec], as_of=AS_OF) == []
    # a notice after the reply is too late; one without a third-party consultation is out of order
    after = app(events=OBJECTED + [{"type": "third_party_notice", "date": "2025-11-28"}],
                reply={"date": "2025-11-26", "outcome": "disclosed"})
    assert len(run_rule("APP027", [after], as_of=AS_OF)) == 1
    stray = app(events=[{"type": "third_party_notice", "date": "2025-11-20"}])
    assert [f.pointer for f in run_rule("APP015", [stray], as_of=AS_OF)] == [("events", 0, "date")]


def test_item11_fee_notice_after_expiry_app028():
    # receipt 2024-09-02 → due 2024-09-30
    rec = app("YSQ-2024-0011", submitted="2024-09-02", events=[{"type": "fee_notice", "date": "2024-10-15", "amount": 300}])
    [f] = run_rule("APP028", [rec], as_of=AS_OF)
    assert f.pointer == ("events", 0, "date") and "2024-09-30" in f.message_zh
    ok = app("YSQ-2024-0011", submitted="2024-09-02", events=[{"type": "fee_notice", "date": "2024-09-10", "amount": 300}])
    assert run_rule("APP028", [ok], as_of=AS_OF) == []
    off = run_rule("APP028", [rec], config={"rules": {"fee_pauses_clock": False}}, as_of=AS_OF)
    assert len(off) == 1  # after expiry it is a finding whatever the pause setting


def test_item12_extension_approved_by_someone_else_app029():
    ext = {"type": "extension", "date": "2025-11-25", "days": 10, "approved_by": "经办人"}
    cfg = {"approvers": ["局办公室主任", "局办公室副主任"]}
    [f] = run_rule("APP029", [app(events=[ext])], config=cfg, as_of=AS_OF)
    assert f.pointer == ("events", 0, "approved_by") and "经办人" in f.message_zh and "局办公室主任" in f.message_zh
    assert run_rule("APP029", [app(events=[{**ext, "approved_by": "局办公室副主任"}])], config=cfg, as_of=AS_OF) == []
    assert run_rule("APP029", [app(events=[ext])], as_of=AS_OF) == []  # no list: anyone named
    # and the deadline knows: the reply of 2025-12-05 is late (due 2025-12-01 without the extension)
    late = app(events=[ext], reply={"date": "2025-12-05", "outcome": "disclosed"})
    assert len(run_rule("APP003", [late], config=cfg, as_of=AS_OF)) == 1
    assert run_rule("APP003", [late], as_of=AS_OF) == []


def test_item13_review_steps_app016_and_order():
    reply = {"date": "2025-11-20", "outcome": "withheld", "exemptions": ["process_info"]}
    no_date = app(reply=reply, review=[{"kind": "reconsideration", "filed": "2025-12-01", "result": "upheld"}])
    [f] = run_rule("APP016", [no_date], as_of=AS_OF)
    assert f.pointer == ("review", 0) and "decided" in f.message_zh
    no_result = app(reply=reply, review=[{"kind": "reconsideration", "filed": "2025-12-01", "decided": "2026-01-10"}])
    [f] = run_rule("APP016", [no_result], as_of=AS_OF)
    assert "没有写明结果" in f.message_zh
    ok = app(reply=reply, review=[{"kind": "reconsideration", "filed": "2025-12-01", "decided": "2026-01-10",
                                   "result": "upheld"}, {"kind": "litigation_after_reconsideration", "filed": "2026-01-20"}])
    assert run_rule("APP016", [ok], as_of=AS_OF) == [] and run_rule("APP015", [ok], as_of=AS_OF) == []
    backwards = app(reply=reply, review=[{"kind": "reconsideration", "filed": "2025-12-01", "decided": "2025-11-30",
                                          "result": "upheld"}])
    assert [f.pointer for f in run_rule("APP015", [backwards], as_of=AS_OF)] == [("review", 0, "decided")]


# -- issue 14 item 10: the reply letter and the case file ----------------------------------------------


def test_app030_responsible_organ():
    base = {"date": "2025-11-20", "outcome": "not_held", "not_held_reason": "not_responsible"}
    [f] = run_rule("APP030", [app(reply=base)], as_of=AS_OF)
    assert f.pointer == ("reply",) and "responsible_organ" in f.message_zh
    [f] = run_rule("APP030", [app(reply={**base, "responsible_organ": {"name": "澜川市住房和城乡建设局"}})], as_of=AS_OF)
    assert f.pointer == ("reply", "responsible_organ") and "联系方式" in f.message_zh
    for organ in ({"name": "澜川市住房和城乡建设局", "contact": "0871-63100000"}, {"determinable": False}):
        assert run_rule("APP030", [app(reply={**base, "responsible_organ": organ})], as_of=AS_OF) == []
    assert run_rule("APP030", [app(reply={**base, "not_held_reason": "nonexistent"})], as_of=AS_OF) == []


def test_app031_remedies():
    told = {"date": "2025-11-20", "outcome": "withheld", "exemptions": ["process_info"]}
    [f] = run_rule("APP031", [app(reply=told)], as_of=AS_OF)
    assert f.pointer == ("reply",) and "行政复议、行政诉讼" in f.message_zh
    [f] = run_rule("APP031", [app(reply={**told, "remedies": ["reconsideration"]})], as_of=AS_OF)
    assert f.pointer == ("reply", "remedies") and "行政诉讼" in f.message_zh and "行政复议" not in f.message_zh
    assert run_rule("APP031", [app(reply={**told, "remedies": ["reconsideration", "litigation"]})], as_of=AS_OF) == []
    assert run_rule("APP031", [app(reply={"date": "2025-11-20", "outcome": "other"})], as_of=AS_OF) == []
    # replies before the register's first year are not asked for it
    assert run_rule("APP031", [app(reply=told)], config={"since": 2026}, as_of=AS_OF) == []


def test_app032_form():
    rep = {"date": "2025-11-20", "outcome": "disclosed"}
    [f] = run_rule("APP032", [app(form_requested="paper", reply=rep)], as_of=AS_OF)
    assert f.pointer == ("reply",) and "form_provided" in f.message_zh
    [f] = run_rule("APP032", [app(form_requested="paper", reply={**rep, "form_provided": "electronic"})], as_of=AS_OF)
    assert f.pointer == ("reply", "form_provided") and "电子数据" in f.message_zh
    for r in ({**rep, "form_provided": "paper"}, {**rep, "form_provided": "website"},
              {**rep, "form_provided": "electronic", "form_reason": "原件易损，提供扫描件"}):
        assert run_rule("APP032", [app(form_requested="paper", reply=r)], as_of=AS_OF) == []
    assert run_rule("APP032", [app(form_requested="any", reply=rep)], as_of=AS_OF) == []
    assert run_rule("APP032", [app(reply=rep)], as_of=AS_OF) == []


def test_app033_archive():
    rec = app("YSQ-2024-0031", submitted="2024-11-04", reply={"date": "2024-11-20", "outcome": "disclosed"})
    [f] = run_rule("APP033", [rec], as_of=AS_OF)
    assert "应于 2025-06-30 前归档" in f.message_zh and f.pointer == ()
    assert run_rule("APP033", [rec], as_of=date(2025, 6, 30)) == []
    assert len(run_rule("APP033", [rec], as_of=date(2025, 8, 1))) == 1
    assert run_rule("APP033", [rec], config={"archive_due": "09-30"}, as_of=date(2025, 8, 1)) == []
    rec.data["archived"] = {"date": "2025-03-14", "file_no": "2024-YSQ-031"}
    assert run_rule("APP033", [rec], as_of=AS_OF) == []
    rec.data["archived"] = {"date": "2024-11-19"}
    assert [f.pointer for f in run_rule("APP015", [rec], as_of=AS_OF)] == [("archived", "date")]


def test_app034_withheld_parts():
    parts = [{"part": "讨论记录", "exemption": "process_info", "reason": "属于过程性信息"}]
    bad = app(reply={"date": "2025-11-20", "outcome": "partially_disclosed", "exemptions": ["third_party_rights"],
                     "withheld": parts})
    [f] = run_rule("APP034", [bad], as_of=AS_OF)
    assert f.pointer == ("reply", "withheld", 0, "exemption") and "讨论记录" in f.message_zh
    bad.data["reply"]["exemptions"].append("process_info")
    assert run_rule("APP034", [bad], as_of=AS_OF) == []


def test_app035_recorded_letter_without_remedies():
    reply = {"date": "2025-12-08", "outcome": "withheld", "exemptions": ["process_info"],
             "remedies": ["reconsideration", "litigation"]}
    letter = {"no": "云岭新广公开答〔2025〕13号", "date": "2025-12-08"}
    [f] = run_rule("APP035", [app(reply={**reply, "letter": {**letter, "remedies": ["reconsideration"]}})], as_of=AS_OF)
    assert f.pointer == ("reply", "letter", "remedies") and "行政诉讼" in f.message_zh and "行政复议" not in f.message_zh
    assert "云岭新广公开答〔2025〕13号" in f.message_zh and f.severity == "warning"
    [f] = run_rule("APP035", [app(reply={**reply, "letter": letter})], as_of=AS_OF)  # recorded by hand, no remedies
    assert f.pointer == ("reply", "letter") and f.anchor == "parent"
    told = {**letter, "remedies": ["reconsideration", "litigation"]}
    assert run_rule("APP035", [app(reply={**reply, "letter": told})], as_of=AS_OF) == []
    assert run_rule("APP035", [app(reply=reply)], as_of=AS_OF) == []  # letters not recorded: APP031's business
