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


def test_app008_second_extension():
    rec = app(events=[{"type": "extension", "date": "2025-11-25", "days": 10, "approved_by": "办公室主任"},
                      {"type": "extension", "date": "2025-12-10", "days": 10, "approved_by": "办公室主任"}])
    [f] = run_rule("APP008", [rec], as_of=AS_OF)
    assert f.pointer == ("events", 1) and "第 2 次延期" in f.message_zh and "2025-11-25" in f.message_zh


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
