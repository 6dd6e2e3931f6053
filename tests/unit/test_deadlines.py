"""Deadline engine: each clock against dates worked out by hand from the 2024 calendar.

Calendar facts used below (2024): Dragon Boat Festival Mon 06-10; no holidays from 06-11 to
09-13; Mid-Autumn 09-15..17 with Sat 09-14 worked; National Day 10-01..07 with Sun 09-29 and
Sat 10-12 worked; no holidays from 10-13 to the end of December.
"""

from __future__ import annotations

import time
from datetime import date, datetime, timedelta, timezone

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from govdisc.calendar import WorkCalendar, get_calendar
from govdisc.config import Config, Department
from govdisc.deadlines import compute_obligations, explain_record, open_obligations
from govdisc.deadlines.application import application_obligations
from govdisc.deadlines.explain import explain_lines
from govdisc.model import Obligation, Record

D = date.fromisoformat
CAL = get_calendar()
CFG = Config(agency="测试局", office="bgs",
             departments=[Department("bgs", "办公室", "office"), Department("zcfg", "政策法规处", "policy")])


def app(events: list | None = None, n: int = 7, **fields) -> Record:
    data = {"id": f"YSQ-2024-{n:04d}", "handler": "bgs", **fields}
    if events is not None:
        data["events"] = events
    return Record("application", f"applications/2024/YSQ-2024-{n:04d}.yaml", data)


def ev(type_: str, d: str, **kw) -> dict:
    return {"type": type_, "date": d, **kw}


def clocks(rec: Record, as_of: str = "2024-06-14", config: Config = CFG, cal: WorkCalendar = CAL,
           explain: bool = False) -> dict[str, Obligation]:
    return {o.obligation: o for o in application_obligations(rec, config, cal, D(as_of), explain)}


def reply(rec: Record, **kw) -> Obligation:
    return clocks(rec, **kw)["reply"]


def counted_days(ob: Obligation) -> list:
    return [s for s in ob.trace if s.action in ("counted", "makeup")]


# --- Art. 31: receipt date per channel -----------------------------------------------------------
# submitted Wed 06-12, signed for Thu 06-13, confirmed Fri 06-14.
# 20 wd after 06-12: 06-13,14 (2) 17–21 (7) 24–28 (12) 07-01–05 (17) 07-08,09,10 (20) → 07-10.

DATES = {"submitted": "2024-06-12", "signed_for": "2024-06-13", "confirmed": "2024-06-14"}


@pytest.mark.parametrize("channel,due", [
    ("in_person", "2024-07-10"),
    ("mail_signed", "2024-07-11"),
    ("mail_unsigned", "2024-07-12"),
    ("online", "2024-07-12"),
    ("fax", "2024-07-12"),
])
def test_receipt_date_by_channel(channel: str, due: str) -> None:
    assert reply(app(channel=channel, **DATES)).due == due


@pytest.mark.parametrize("channel,missing", [("mail_signed", "signed_for"), ("online", "confirmed"),
                                             ("fax", "confirmed"), ("mail_unsigned", "confirmed")])
def test_missing_channel_date_falls_back_to_submitted_with_a_note(channel: str, missing: str) -> None:
    fields = {k: v for k, v in DATES.items() if k != missing}
    ob = reply(app(channel=channel, **fields), explain=True)
    assert ob.due == "2024-07-10"
    notes = [s.note_zh for s in ob.trace if s.action == "note"]
    assert any(missing in n and "提交之日" in n for n in notes)


def test_no_receipt_date_means_no_clocks() -> None:
    assert application_obligations(app(channel="online"), CFG, CAL, D("2024-06-14")) == []


# --- Art. 30: correction ------------------------------------------------------------------------


def test_correction_received_restarts_the_count() -> None:
    # restart Thu 06-20: 06-21 (1) 24–28 (6) 07-01–05 (11) 08–12 (16) 15,16,17,18 (20) → 07-18
    rec = app([ev("correction_notice", "2024-06-14"), ev("correction_received", "2024-06-20")],
              channel="in_person", submitted="2024-06-12")
    ob = reply(rec, explain=True)
    assert ob.due == "2024-07-18"
    assert [s.action for s in ob.trace[:4]] == ["start", "note", "restart", "counted"]
    assert ob.trace[2].date == "2024-06-20" and ob.trace[3].date == "2024-06-21"


def test_waiting_for_correction_has_no_due_date() -> None:
    rec = app([ev("correction_notice", "2024-06-14")], channel="in_person", submitted="2024-06-12")
    ob = reply(rec, as_of="2024-08-01")
    assert (ob.status, ob.due, ob.days_left) == ("waiting", "", None)
    assert [o for o in open_obligations([rec], CFG, CAL, D("2024-08-01")) if o.kind == "application"] == []
    rec.data["reply"] = {"date": "2024-09-01", "outcome": "no_correction"}
    assert "reply" not in clocks(rec)


def test_correction_notice_clock() -> None:
    # 7 wd after Wed 06-12: 13,14,17,18,19,20,21 → Fri 06-21
    rec = app([], channel="in_person", submitted="2024-06-12")
    ob = clocks(rec, as_of="2024-06-14")["correction_notice"]
    assert (ob.due, ob.status, ob.days_left) == ("2024-06-21", "open", 5)
    assert clocks(rec, as_of="2024-06-18")["correction_notice"].status == "due_soon"
    assert "correction_notice" not in clocks(rec, as_of="2024-06-24")  # lapsed: no breach
    rec.data["events"] = [ev("correction_notice", "2024-06-25"), ev("correction_received", "2024-06-26")]
    ob = clocks(rec, as_of="2024-06-28")["correction_notice"]
    assert (ob.status, ob.met_on) == ("late", "2024-06-25")


def test_correction_notice_across_national_day_2024() -> None:
    # confirmed Fri 09-27: Sun 09-29 make-up (1), 09-30 (2), 10-08..11 (3–6), Sat 10-12 make-up (7)
    rec = app([], channel="online", submitted="2024-09-26", confirmed="2024-09-27")
    ob = clocks(rec, as_of="2024-09-27", explain=True)["correction_notice"]
    assert ob.due == "2024-10-12"
    assert [s.date for s in ob.trace if s.action == "makeup"] == ["2024-09-29", "2024-10-12"]
    assert any(s.action == "skipped" and "国庆节" in s.note_zh for s in ob.trace)


# --- Art. 33(3), 32, 34: consultations ----------------------------------------------------------------

BASE = {"channel": "in_person", "submitted": "2024-06-12"}  # reply due 07-10 without events


def test_answered_consultation_is_excluded() -> None:
    # (06-17, 06-21] = 18,19,20,21: 4 wd → 07-10 + 4 wd = 07-16
    rec = app([ev("consultation_sent", "2024-06-17", party="third_party", written=True),
               ev("consultation_answered", "2024-06-21")], **BASE)
    ob = reply(rec, explain=True)
    assert ob.due == "2024-07-16"
    assert [s.date for s in ob.trace if s.action == "excluded" and s.count is not None] == \
        ["2024-06-18", "2024-06-19", "2024-06-20", "2024-06-21"]


@pytest.mark.parametrize("party", ["third_party", "agency", None])
def test_unanswered_consultation_is_capped_at_15_working_days(party: str | None) -> None:
    # cap = 06-17 + 15 wd: 18–21 (4) 24–28 (9) 07-01–05 (14) 07-08 (15) → 07-08; 15 wd excluded.
    # 07-10 + 15 wd: 11,12 (2) 15–19 (7) 22–26 (12) 29,30,31 (15) → 07-31
    sent = ev("consultation_sent", "2024-06-17", **({"party": party} if party else {}))
    ob = reply(app([sent], **BASE), explain=True)
    assert ob.due == "2024-07-31"
    assert any("15个工作日上限" in s.note_zh for s in ob.trace)
    cons = clocks(app([sent], **BASE), as_of="2024-07-09")["consultation_reply"]
    assert (cons.due, cons.status, cons.pointer) == ("2024-07-08", "overdue", ("events", 0))


def test_late_answer_is_excluded_only_up_to_15_working_days() -> None:
    rec = app([ev("consultation_sent", "2024-06-17"), ev("consultation_answered", "2024-07-15")], **BASE)
    assert reply(rec).due == "2024-07-31"
    assert clocks(rec, as_of="2024-07-20")["consultation_reply"].status == "late"


def test_consultation_after_the_deadline_excludes_nothing() -> None:
    rec = app([ev("consultation_sent", "2024-07-11"), ev("consultation_answered", "2024-07-15")], **BASE)
    assert reply(rec).due == "2024-07-10"


def test_parallel_consultations_are_not_double_counted() -> None:
    # (06-17, 06-21] and (06-18, 06-20] overlap: still 4 wd → 07-16
    rec = app([ev("consultation_sent", "2024-06-17"), ev("consultation_sent", "2024-06-18"),
               ev("consultation_answered", "2024-06-20"), ev("consultation_answered", "2024-06-21")], **BASE)
    assert reply(rec).due == "2024-07-16"
    cons = [o for o in application_obligations(rec, CFG, CAL, D("2024-07-01")) if o.obligation == "consultation_reply"]
    assert [(o.pointer, o.met_on) for o in cons] == [(("events", 0), "2024-06-20"), (("events", 1), "2024-06-21")]


# --- Art. 33(2): extension -------------------------------------------------------------------------


@pytest.mark.parametrize("events,due", [
    # 07-10 + 20 wd: 11,12 (2) 15–19 (7) 22–26 (12) 29–08-02 (17) 08-05,06,07 (20) → 08-07
    ([ev("extension", "2024-07-05", days=20, approved_by="政府信息公开工作机构负责人")], "2024-08-07"),
    ([ev("extension", "2024-07-05", days=5, approved_by="负责人")], "2024-07-17"),
    ([ev("extension", "2024-07-05", days=30, approved_by="负责人")], "2024-08-07"),  # capped at 20
    ([ev("extension", "2024-07-01", days=10, approved_by="负责人"),
      ev("extension", "2024-07-05", days=15, approved_by="负责人")], "2024-08-07"),  # 20 in all
    ([ev("extension", "2024-07-05", days=20)], "2024-07-10"),  # no approver: not applied
    ([ev("extension", "2024-07-05", days=20, approved_by="  ")], "2024-07-10"),
])
def test_extension(events: list, due: str) -> None:
    assert reply(app(events, **BASE)).due == due


def test_unapproved_extension_is_explained() -> None:
    ob = reply(app([ev("extension", "2024-07-05", days=20)], **BASE), explain=True)
    assert any("approved_by" in s.note_zh and s.action == "note" for s in ob.trace)


# --- fee notice → payment (UNCONFIRMED pause, a setting) ------------------------------------------------


def test_fee_period_paused_by_default() -> None:
    # (06-14, 06-21] = 17–21: 5 wd → 07-10 + 5 = 07-17
    rec = app([ev("fee_notice", "2024-06-14", amount=100), ev("fee_paid", "2024-06-21")], **BASE)
    ob = reply(rec, explain=True)
    assert ob.due == "2024-07-17"
    assert any("UNCONFIRMED" in s.note_zh for s in ob.trace)


def test_fee_pause_can_be_switched_off() -> None:
    rec = app([ev("fee_notice", "2024-06-14", amount=100), ev("fee_paid", "2024-06-21")], **BASE)
    cfg = Config(fee_pauses_clock=False)
    ob = reply(rec, config=cfg, explain=True)
    assert ob.due == "2024-07-10"
    assert any("fee_pauses_clock" in s.note_zh for s in ob.trace)


def test_unpaid_fee_pauses_until_the_payment_period_ends() -> None:
    # payment period: 06-14 + 20 wd = 06-17–21 (5) 24–28 (10) 07-01–05 (15) 08–12 (20) → 07-12
    rec = app([ev("fee_notice", "2024-06-14", amount=100)], **BASE)
    c = clocks(rec, as_of="2024-07-15")
    assert (c["fee_payment"].due, c["fee_payment"].status) == ("2024-07-12", "overdue")
    assert c["reply"].due == "2024-08-07"  # 07-10 + 20 excluded wd


def test_unmet_applicant_clocks_lapse_once_the_application_is_closed() -> None:
    # fee window (06-14, 07-12] (20 wd) contains the consultation window (06-17, 07-08]:
    # merged, 20 wd excluded once → 07-10 + 20 wd = 08-07
    rec = app([ev("fee_notice", "2024-06-14", amount=100), ev("consultation_sent", "2024-06-17")],
              reply={"date": "2024-08-07", "outcome": "no_fee"}, **BASE)
    c = clocks(rec, as_of="2024-09-01")
    assert "fee_payment" not in c and "consultation_reply" not in c
    assert (c["reply"].due, c["reply"].status) == ("2024-08-07", "done")


def test_fee_payment_clock_counts_from_the_day_after_the_notice() -> None:
    # 收到收费通知次日起20个工作日内: notice Fri 09-13 → 09-14 Sat make-up (1), 09-18..20 (4),
    # 09-23..27 (9), 09-29 Sun (10), 09-30 (11), 10-08..11 (15), 10-12 Sat (16), 10-14..17 (20)
    rec = app([ev("fee_notice", "2024-09-13", amount=100), ev("fee_paid", "2024-10-16")],
              channel="in_person", submitted="2024-09-10")
    ob = clocks(rec, as_of="2024-10-20")["fee_payment"]
    assert (ob.due, ob.status, ob.met_on) == ("2024-10-17", "done", "2024-10-16")


# --- status and days left -------------------------------------------------------------------------------


@pytest.mark.parametrize("as_of,status,left", [
    ("2024-07-04", "open", 4),
    ("2024-07-05", "due_soon", 3),  # Fri: 07-08, 09, 10
    ("2024-07-10", "due_soon", 0),
    ("2024-07-11", "overdue", -1),
    ("2024-07-13", "overdue", -2),  # Sat: working days in (07-10, 07-13] = 11, 12
])
def test_open_status_and_days_left(as_of: str, status: str, left: int) -> None:
    ob = reply(app([], **BASE), as_of=as_of)
    assert (ob.status, ob.days_left, ob.met_on) == (status, left, None)


@pytest.mark.parametrize("replied,status", [("2024-07-10", "done"), ("2024-07-11", "late")])
def test_reply_meets_the_clock(replied: str, status: str) -> None:
    ob = reply(app([], reply={"date": replied, "outcome": "disclosed"}, **BASE), as_of="2024-08-01")
    assert (ob.status, ob.met_on, ob.days_left) == (status, replied, None)


def test_due_soon_threshold_is_configurable() -> None:
    assert reply(app([], **BASE), as_of="2024-07-04", config=Config(due_soon_days=5)).status == "due_soon"


# --- provisional ----------------------------------------------------------------------------------------


def test_provisional_when_the_year_is_not_known_and_cleared_by_an_override() -> None:
    rec = app([], channel="in_person", submitted="2028-03-01")
    ob = reply(rec, as_of="2028-03-02", explain=True)
    assert ob.provisional
    assert any(s.action == "note" and "2028" in s.note_zh for s in ob.trace)
    cal = WorkCalendar(extra_holidays=[D("2028-01-31")])
    assert not reply(rec, as_of="2028-03-02", cal=cal).provisional


def test_count_crossing_into_an_unknown_year_is_provisional() -> None:
    ob = reply(app([], channel="in_person", submitted="2026-12-20"), as_of="2026-12-21")
    assert ob.due.startswith("2027") and ob.provisional
    assert not reply(app([], **BASE)).provisional


# --- the worked example (DESIGN appendix) ----------------------------------------------------------------


def test_worked_example_ysq_2024_0007() -> None:
    """By hand from the calendar:
    - online, confirmed Fri 2024-09-27 → receipt date 09-27 (Art. 31);
    - correction notice 10-10 (7th wd is Sat 10-12, so in time); corrected application
      received Tue 10-15 → the count restarts from 10-15 (Art. 30);
    - consultation sent Wed 10-16, answered Fri 10-25: excluded wd in (10-16, 10-25] =
      10-17, 18, 21, 22, 23, 24, 25 = 7;
    - extension 20 wd approved on 11-20 → 20 + 20 = 40 counted wd.
    Count from 10-15: 10-16 (1); 10-28..31 (5); 11-01 (6); 11-04..08 (11); 11-11..15 (16);
    11-18..22 (21); 11-25..29 (26); 12-02..06 (31); 12-09..13 (36); 12-16..19 (40) → Thu 2024-12-19.
    (No holiday falls between 10-13 and 12-31.) Replied 12-10: in time.
    """
    rec = app([
        ev("correction_notice", "2024-10-10", note="请明确所需信息的时间范围"),
        ev("correction_received", "2024-10-15"),
        ev("consultation_sent", "2024-10-16", party="third_party", written=True),
        ev("consultation_answered", "2024-10-25"),
        ev("extension", "2024-11-20", days=20, approved_by="政府信息公开工作机构负责人", notified="2024-11-20"),
    ], channel="online", submitted="2024-09-26", confirmed="2024-09-27",
        reply={"date": "2024-12-10", "outcome": "partially_disclosed"})
    c = clocks(rec, as_of="2024-12-31", explain=True)
    assert (c["reply"].due, c["reply"].status, c["reply"].met_on) == ("2024-12-19", "done", "2024-12-10")
    assert (c["correction_notice"].due, c["correction_notice"].status) == ("2024-10-12", "done")
    assert (c["consultation_reply"].due, c["consultation_reply"].status) == ("2024-11-06", "done")
    days = counted_days(c["reply"])
    assert (days[-1].date, days[-1].count, len(days)) == ("2024-12-19", 40, 40)
    assert len([s for s in c["reply"].trace if s.action == "excluded" and s.count is not None]) == 7
    assert [s.action for s in c["reply"].trace].count("extension") == 1
    # without the reply, as of 12-16 it is due soon with 3 working days left
    del rec.data["reply"]
    ob = reply(rec, as_of="2024-12-16")
    assert (ob.status, ob.days_left) == ("due_soon", 3)


def test_trace_count_matches_the_fast_computation() -> None:
    cases = [
        app([ev("consultation_sent", "2024-09-20"), ev("fee_notice", "2024-09-25"),
             ev("consultation_answered", "2024-10-09"), ev("fee_paid", "2024-10-14"),
             ev("extension", "2024-10-20", days=7, approved_by="负责人")], channel="fax", confirmed="2024-09-13"),
        app([ev("consultation_sent", "2024-02-06", party="agency")], channel="mail_signed", signed_for="2024-02-01"),
    ]
    for rec in cases:
        ob = reply(rec, as_of="2024-03-01", explain=True)
        days = counted_days(ob)
        due_step = next(s for s in ob.trace if s.action == "due")
        assert days[-1].date == ob.due == due_step.date
        assert days[-1].count == due_step.count == len(days)


# --- documents --------------------------------------------------------------------------------------------


def doc(**fields) -> Record:
    return Record("document", "documents/2024/doc.yaml",
                  {"doc_no": "云岭新广办〔2024〕12号", "department": "zcfg", "formed": "2024-09-20",
                   "disclosure": "public", **fields})


def doc_clocks(rec: Record, as_of: str = "2024-10-01", explain: bool = False) -> dict[str, Obligation]:
    return {o.obligation: o for o in compute_obligations([rec], CFG, CAL, D(as_of), explain)
            if o.kind == "document"}


def test_publication_within_20_working_days_of_formation() -> None:
    # formed Fri 09-20: 09-23..27 (5) Sun 09-29 (6) 09-30 (7) 10-08..11 (11) Sat 10-12 (12)
    # 10-14..18 (17) 10-21,22,23 (20) → 10-23
    c = doc_clocks(doc(published={"date": "2024-10-09", "channel": "门户网站"}), as_of="2024-10-31")
    assert (c["publication"].due, c["publication"].status, c["publication"].department) == \
        ("2024-10-23", "done", "zcfg")
    assert doc_clocks(doc())["publication"].status == "open"
    assert doc_clocks(doc(disclosure="redacted"))["publication"].due == "2024-10-23"
    assert doc_clocks(doc(disclosure="not_public")) == {}
    assert doc_clocks(doc(disclosure="on_request")) == {}


def test_change_restarts_publication_and_needs_a_new_publication() -> None:
    # changed Fri 11-01: 11-04..08 (5) 11..15 (10) 18..22 (15) 25..29 (20) → 11-29
    rec = doc(changed="2024-11-01", published={"date": "2024-10-09"})
    ob = doc_clocks(rec, as_of="2024-12-02")["publication"]
    assert (ob.due, ob.status, ob.met_on) == ("2024-11-29", "overdue", None)
    rec.data["published"] = {"date": "2024-11-05"}
    assert doc_clocks(rec, as_of="2024-12-02")["publication"].status == "done"


def test_interpretation_within_3_working_days_of_publication() -> None:
    # published Wed 10-09: 10-10 (1) 10-11 (2) Sat 10-12 make-up (3) → 10-12
    rec = doc(important_policy=True, published={"date": "2024-10-09"},
              interpretation={"plan_approved": "2024-09-20",
                              "materials": [{"title": "图解", "form": "graphic", "published": "2024-10-15"},
                                            {"title": "文字解读", "form": "text", "published": "2024-10-11"}]})
    ob = doc_clocks(rec, as_of="2024-10-20")["interpretation"]
    assert (ob.due, ob.status, ob.met_on) == ("2024-10-12", "done", "2024-10-11")
    rec.data["interpretation"]["materials"] = [{"published": "2024-10-15"}]
    assert doc_clocks(rec, as_of="2024-10-20")["interpretation"].status == "late"
    assert "interpretation" not in doc_clocks(doc(important_policy=False, published={"date": "2024-10-09"}))
    assert "interpretation" not in doc_clocks(doc(important_policy=True))  # not yet published


# --- opinions ----------------------------------------------------------------------------------------------


def opinion(**fields) -> Record:
    return Record("opinion", "opinions/2024/YQ-2024-003.yaml",
                  {"id": "YQ-2024-003", "detected_at": "2024-07-02 08:30", "level": "major", "emergency": True,
                   "lead": "bgs", **fields})


def op_clocks(rec: Record, as_of, config: Config = CFG) -> dict[str, Obligation]:
    return {o.obligation: o for o in compute_obligations([rec], config, CAL, as_of) if o.kind == "opinion"}


def test_opinion_clocks_are_real_time_and_zone_aware() -> None:
    rec = opinion(releases=[{"at": "2024-07-02 12:10", "channel": "门户网站"}],
                  press_conference={"at": "2024-07-03 09:00"})
    c = op_clocks(rec, D("2024-07-05"))
    assert (c["release"].due, c["release"].status, c["release"].met_on) == \
        ("2024-07-02T13:30:00+08:00", "done", "2024-07-02T12:10:00+08:00")
    assert (c["press_conference"].due, c["press_conference"].status) == ("2024-07-03T08:30:00+08:00", "late")
    utc = op_clocks(opinion(detected_at="2024-07-02T00:30:00Z"), D("2024-07-02"))
    assert utc["release"].due == "2024-07-02T13:30:00+08:00"
    other = op_clocks(opinion(), D("2024-07-02"), Config(timezone="UTC"))
    assert other["release"].due == "2024-07-02T13:30:00+00:00"


def test_opinion_status_as_of_a_date_or_an_instant() -> None:
    rec = opinion()
    same_day = op_clocks(rec, D("2024-07-02"))
    assert same_day["release"].status == "due_soon" and same_day["release"].days_left == 13
    next_day = op_clocks(rec, D("2024-07-03"))
    assert next_day["release"].status == "overdue" and next_day["press_conference"].status == "due_soon"
    at_14 = op_clocks(rec, datetime(2024, 7, 2, 14, 0, tzinfo=timezone(timedelta(hours=8))))
    assert at_14["release"].status == "overdue" and at_14["release"].days_left == -1
    assert op_clocks(opinion(level="general"), D("2024-07-03")) == {}


# --- year-end ------------------------------------------------------------------------------------------------


def yearly_register() -> list[Record]:
    return [
        Record("config", "govdisc.yaml", {}),
        doc(formed="2023-05-01"),
        Record("document", "documents/2024/b.yaml", {"doc_no": "x", "formed": "2024-03-01", "disclosure": "public"}),
        Record("catalog", "catalog/bgs/2024.yaml", {"department": "bgs", "year": 2024, "compiled": "2023-12-20"}),
        Record("review", "reviews/bgs/2024.yaml", {"department": "bgs", "year": 2024, "submitted": "2024-12-20"}),
        Record("report", "reports/2023.yaml", {"year": 2023, "published": {"date": "2024-01-20"}}),
    ]


def test_yearend_obligations() -> None:
    obs = [o for o in compute_obligations(yearly_register(), CFG, CAL, D("2025-01-10"))
           if o.kind in ("department", "agency")]
    got = {(o.obligation, o.department, o.due): (o.status, o.path) for o in obs}
    assert got[("catalog", "bgs", "2024-12-31")] == ("done", "catalog/bgs/2024.yaml")
    assert got[("catalog", "zcfg", "2024-12-31")] == ("overdue", "catalog/zcfg/2024.yaml")
    assert got[("review", "bgs", "2024-12-31")][0] == "done"
    assert got[("review", "zcfg", "2024-12-31")][0] == "overdue"
    assert got[("annual_report", None, "2024-01-31")][0] == "done"
    assert got[("annual_report", None, "2025-01-31")][0] == "open"
    # every year from the first (2023) to the as-of year, 2025 included although it has no record yet
    assert {o.due[:4] for o in obs if o.obligation == "catalog"} == {"2023", "2024", "2025"}
    assert got[("catalog", "bgs", "2025-12-31")] == ("open", "catalog/bgs/2025.yaml")


def test_yearend_catalog_timing_next_year() -> None:
    cfg = Config(departments=CFG.departments)
    cfg.measures.catalog_timing = "next_year"
    obs = [o for o in compute_obligations(yearly_register(), cfg, CAL, D("2025-01-10")) if o.obligation == "catalog"]
    got = {(o.department, o.path): (o.due, o.status) for o in obs}
    # the 2024 catalog was due by the end of 2023 (compiled 2023-12-20: done); the 2026 one by the end of 2025
    assert got[("bgs", "catalog/bgs/2024.yaml")] == ("2023-12-31", "done")
    assert got[("bgs", "catalog/bgs/2026.yaml")] == ("2025-12-31", "open")
    assert got[("zcfg", "catalog/zcfg/2025.yaml")] == ("2024-12-31", "overdue")
    assert {p.rsplit("/", 1)[1] for _, p in got} == {"2023.yaml", "2024.yaml", "2025.yaml", "2026.yaml"}


def test_yearend_never_invents_future_years_and_honours_report_due() -> None:
    recs = yearly_register() + [Record("document", "documents/2026/c.yaml", {"formed": "2026-01-05"})]
    obs = compute_obligations(recs, Config(departments=CFG.departments, report_due="01-20"), CAL, D("2025-01-10"))
    assert all(not o.due.startswith("2026-12") for o in obs)
    assert "2025-01-20" in {o.due for o in obs if o.obligation == "annual_report"}


# --- robustness, listing, explain ---------------------------------------------------------------------------

json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-10**6, 10**6) | st.text(max_size=12)
    | st.sampled_from(["2024-02-30", "2024-06-12", "9999-12-31", "0001-01-01", "1980-01-01",
                       "2099-12-31", "2024-07-02 08:30", "25:99", ""]),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12)
keys = st.sampled_from(["id", "channel", "submitted", "signed_for", "confirmed", "events", "reply", "formed",
                        "changed", "disclosure", "published", "important_policy", "interpretation", "detected_at",
                        "level", "releases", "press_conference", "department", "year", "compiled", "submitted",
                        "handler", "lead"])
event_lists = st.lists(st.fixed_dictionaries({
    "type": st.sampled_from(["correction_notice", "correction_received", "consultation_sent",
                             "consultation_answered", "extension", "fee_notice", "fee_paid", "bogus"]),
    "date": st.sampled_from(["2024-06-12", "2024-06-20", "1990-01-01", "2099-12-30", "x", "2024-13-01"]),
    "days": json_values, "approved_by": json_values, "party": json_values}), max_size=6)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(["application", "document", "opinion", "catalog", "review", "report"]),
       st.dictionaries(keys, json_values, max_size=10), event_lists,
       st.sampled_from(["in_person", "online", "mail_signed", "nonsense", 3]))
def test_malformed_records_never_raise(kind: str, data: dict, events: list, channel) -> None:
    data = {**data, "events": events, "channel": channel, "submitted": data.get("submitted", "2024-06-12")}
    rec = Record(kind, f"{kind}s/2024/x.yaml", data)
    for explain in (False, True):
        obs = compute_obligations([rec], CFG, CAL, D("2024-07-01"), explain=explain)
        for o in obs:
            assert o.status in ("overdue", "due_soon", "open", "done", "late", "waiting")


def test_open_obligations_sorted_filtered_within() -> None:
    recs = [app([], n=1, **BASE), app([], n=2, channel="in_person", submitted="2024-06-20"),
            app([], n=3, reply={"date": "2024-06-20"}, **BASE)]
    obs = open_obligations(recs, CFG, CAL, D("2024-07-08"))
    assert [(o.record, o.obligation) for o in obs] == [
        ("YSQ-2024-0001", "reply"), ("YSQ-2024-0002", "reply"),  # 07-10, 07-18
        ("catalog/bgs/2024.yaml", "catalog"), ("catalog/zcfg/2024.yaml", "catalog"),
        ("reviews/bgs/2024.yaml", "review"), ("reviews/zcfg/2024.yaml", "review"),
        ("assessments/2024.yaml", "assessment"), ("reports/2024.yaml", "annual_report")]
    assert [o.record for o in open_obligations(recs, CFG, CAL, D("2024-07-08"), within=3)] == ["YSQ-2024-0001"]


def test_explain_record_and_lines() -> None:
    rec = app([ev("consultation_sent", "2024-06-17"), ev("consultation_answered", "2024-06-21")], **BASE)
    obs = explain_record([rec, app([], n=9, **BASE)], CFG, CAL, D("2024-07-01"), "YSQ-2024-0007")
    assert {o.obligation for o in obs} == {"reply", "consultation_reply"}  # 补正 window lapsed on 06-21
    ob = next(o for o in obs if o.obligation == "reply")
    zh = explain_lines(ob)
    assert zh[0].startswith("YSQ-2024-0007 — 答复政府信息公开申请：期限 2024-07-16")
    assert any("2024-06-22" in line and "周末" in line for line in zh)
    en = explain_lines(ob, "en")
    assert "due 2024-07-16" in en[0] and any("not counted" in line for line in en)
    yearly = explain_record(yearly_register(), CFG, CAL, D("2025-01-10"), "catalog/zcfg/2024.yaml")
    assert [(o.obligation, o.status) for o in yearly] == [("catalog", "overdue")]
    assert yearly[0].trace


def test_traces_are_only_built_when_asked() -> None:
    rec = app([ev("consultation_sent", "2024-06-17")], **BASE)
    assert all(o.trace == [] for o in compute_obligations([rec], CFG, CAL, D("2024-07-01")))
    assert all(o.trace for o in compute_obligations([rec], CFG, CAL, D("2024-07-01"), explain=True))


def test_many_clocks_are_cheap() -> None:
    recs = [app([], n=i, channel="online", confirmed=(D("2024-01-02") + timedelta(days=i % 700)).isoformat())
            for i in range(20_000)]
    t = time.perf_counter()
    compute_obligations(recs, CFG, CAL, D("2025-06-30"))
    assert time.perf_counter() - t < 1.0  # ~0.1 s in practice; generous for slow CI


def test_facts_dated_after_as_of_are_not_yet_known() -> None:
    """--as-of fixes today: a publication or reply dated later had not happened on that day."""
    published = doc(published={"date": "2024-10-09", "channel": "门户网站"})
    assert doc_clocks(published, as_of="2024-10-01")["publication"].status == "open"
    assert doc_clocks(published, as_of="2024-10-09")["publication"].status == "done"
    assert published.data["published"]["date"] == "2024-10-09"  # the record itself is untouched
    rec = Record("catalog", "catalog/zcfg/2024.yaml", {"department": "zcfg", "year": 2024, "compiled": "2025-01-05"})
    cat = [o for o in compute_obligations([rec], CFG, CAL, D("2024-12-31")) if o.obligation == "catalog"]
    assert cat and all(o.met_on is None and o.status in ("open", "due_soon") for o in cat)


# --- engine v2 (issue 13): every clock as the Regulation says ------------------------------------
# Each date below is written out and also checked against the independent chinesecalendar
# package (`oracle`), which keeps its own table of the State Council's notices.

import chinese_calendar  # noqa: E402


def oracle(d: str, n: int) -> str:
    """The n-th working day after d by chinesecalendar."""
    day = D(d)
    while n:
        day += timedelta(days=1)
        n -= chinese_calendar.is_workday(day)
    return day.isoformat()


ONLINE_0318 = {"channel": "online", "submitted": "2024-03-18", "confirmed": "2024-03-18"}


def test_item1_extension_after_expiry_gives_no_time() -> None:
    # confirmed Mon 03-18; Qingming 04-04..06, Sun 04-07 worked → 20th working day Tue 04-16
    assert oracle("2024-03-18", 20) == "2024-04-16"
    late_ext = ev("extension", "2024-04-22", days=20, approved_by="负责人", notified="2024-04-22")
    rec = app([late_ext], reply={"date": "2024-05-10", "outcome": "disclosed"}, **ONLINE_0318)
    ob = reply(rec, as_of="2024-06-01", explain=True)
    assert (ob.due, ob.status) == ("2024-04-16", "late")
    assert [(e.verdict, e.due_before, e.days) for e in ob.effects] == [("late", "2024-04-16", 0)]
    assert any("无从延长" in s.note_zh for s in ob.trace)
    # the open case stays overdue and stays on the list of open deadlines
    del rec.data["reply"]
    assert (reply(rec, as_of="2024-05-06").status, reply(rec, as_of="2024-05-06").due) == ("overdue", "2024-04-16")
    assert [o.record for o in open_obligations([rec], CFG, CAL, D("2024-05-06")) if o.kind == "application"] == \
        ["YSQ-2024-0007"]
    # the same extension in time (04-15) adds its 20 working days: 04-16 → 05-15
    assert oracle("2024-03-18", 40) == "2024-05-15"
    in_time = app([{**late_ext, "date": "2024-04-15", "notified": "2024-04-15"}], **ONLINE_0318)
    assert reply(in_time, as_of="2024-05-06").due == "2024-05-15"


def test_item2_second_correction_notice_gives_no_time() -> None:
    # receipt Mon 05-06; notice 05-08; corrected 05-13 → restart: 20 wd → 06-11 (Dragon Boat 06-10)
    # an unlawful second notice 05-15 and a second correction 05-20 would give 06-18: they do not
    assert (oracle("2024-05-13", 20), oracle("2024-05-20", 20)) == ("2024-06-11", "2024-06-18")
    events = [ev("correction_notice", "2024-05-08"), ev("correction_received", "2024-05-13"),
              ev("correction_notice", "2024-05-15"), ev("correction_received", "2024-05-20")]
    rec = app(events, channel="in_person", submitted="2024-05-06")
    ob = reply(rec, as_of="2024-06-01", explain=True)
    assert ob.due == "2024-06-11"
    assert [s.date for s in ob.trace if s.action == "restart"] == ["2024-05-13"]
    assert any("一次性告知，不给予额外期限" in s.note_zh for s in ob.trace)
    # while the second notice is unanswered the clock still runs (no "waiting")
    waiting_second = app(events[:3], channel="in_person", submitted="2024-05-06")
    assert (reply(waiting_second, as_of="2024-06-01").due, reply(waiting_second, as_of="2024-06-01").status) == \
        ("2024-06-11", "open")
    # one notice answered once: the same restart
    assert reply(app(events[:2], channel="in_person", submitted="2024-05-06")).due == "2024-06-11"


def test_item3_two_extensions_within_the_cap_both_count() -> None:
    # receipt 06-12: 20 wd → 07-10; +10 +10 = 40 wd → 08-07; +10 +15 is capped at 20 → 08-07
    assert (oracle("2024-06-12", 20), oracle("2024-06-12", 40)) == ("2024-07-10", "2024-08-07")
    two = app([ev("extension", "2024-07-01", days=10, approved_by="负责人"),
               ev("extension", "2024-07-20", days=10, approved_by="负责人")], **BASE)
    ob = reply(two, explain=True)
    assert ob.due == "2024-08-07"
    assert [(e.verdict, e.days, e.prior, e.due_before) for e in ob.effects] == [
        ("applied", 10, 0, "2024-07-10"), ("applied", 10, 10, oracle("2024-06-12", 30))]
    assert [s.action for s in ob.trace].count("extension") == 2
    over = app([ev("extension", "2024-07-01", days=10, approved_by="负责人"),
                ev("extension", "2024-07-20", days=15, approved_by="负责人")], **BASE)
    ob = reply(over)
    assert ob.due == "2024-08-07"
    assert [(e.verdict, e.days) for e in ob.effects] == [("applied", 10), ("capped", 10)]


def test_item7_deferral_sets_the_reply_date() -> None:
    # Art. 33 deadline 04-16; deferral notified 04-10 to 05-31: due 05-31, a reply on 05-10 is in time
    defer = ev("deferral", "2024-04-10", until="2024-05-31", note="申请人一个月内提交40件申请，理由合理")
    rec = app([defer], reply={"date": "2024-05-10", "outcome": "disclosed"}, **ONLINE_0318)
    ob = reply(rec, as_of="2024-06-30", explain=True)
    assert (ob.due, ob.status) == ("2024-05-31", "done")
    assert [(e.verdict, e.due_before) for e in ob.effects] == [("applied", "2024-04-16")]
    lines = [(s.date, s.action) for s in ob.trace]
    assert ("2024-04-10", "deferral") in lines and lines[-1] == ("2024-05-31", "due")
    # dated after the deadline ran out (04-17): no time, the reply of 05-10 is late
    late = app([{**defer, "date": "2024-04-17"}], reply={"date": "2024-05-10", "outcome": "disclosed"}, **ONLINE_0318)
    ob = reply(late, as_of="2024-06-30")
    assert (ob.due, ob.status, ob.effects[0].verdict) == ("2024-04-16", "late", "late")
    # a "deferral" to a date not after the deadline changes nothing
    assert reply(app([{**defer, "until": "2024-04-12"}], **ONLINE_0318)).effects[0].verdict == "not_later"


def test_item8_ordinary_letter_clock_runs_from_confirmation_and_shows_arrival() -> None:
    # arrived Mon 03-18, confirmed only Wed 03-20: the count runs from 03-20 → 04-18
    assert oracle("2024-03-20", 20) == "2024-04-18"
    rec = app([], channel="mail_unsigned", submitted="2024-03-14", arrived="2024-03-18", confirmed="2024-03-20")
    ob = reply(rec, as_of="2024-03-25", explain=True)
    assert ob.due == "2024-04-18"
    first = [(s.date, s.action) for s in ob.trace[:2]]
    assert first == [("2024-03-18", "note"), ("2024-03-20", "start")]
    assert "当日与申请人确认" in ob.trace[0].note_zh
    same_day = app([], channel="mail_unsigned", submitted="2024-03-14", arrived="2024-03-18", confirmed="2024-03-18")
    ob = reply(same_day, explain=True)
    assert ob.due == "2024-04-16" and "实际于" not in ob.trace[0].note_zh


def test_item9_consultation_counts_from_delivery() -> None:
    # sent Mon 06-17, delivered Thu 06-20: the third party's 15 wd run to 07-11 (not 07-08)
    assert (oracle("2024-06-20", 15), oracle("2024-06-17", 15)) == ("2024-07-11", "2024-07-08")
    sent = ev("consultation_sent", "2024-06-17", party="third_party", written=True, delivered="2024-06-20")
    c = clocks(app([sent], **BASE), as_of="2024-07-09", explain=True)
    assert (c["consultation_reply"].due, c["consultation_reply"].status) == ("2024-07-11", "due_soon")
    # unanswered: excluded from sending to the end of those 15 days, (06-17, 07-11] = 18 wd
    assert c["reply"].due == oracle("2024-06-12", 20 + 18) == "2024-08-05"
    actions = [(s.date, s.action) for s in c["reply"].trace if s.date in ("2024-06-17", "2024-06-20")]
    assert ("2024-06-17", "excluded") in actions and ("2024-06-20", "note") in actions
    # without the delivery date: from sending, as before (15 wd excluded → 07-31)
    plain = {k: v for k, v in sent.items() if k != "delivered"}
    assert reply(app([plain], **BASE)).due == oracle("2024-06-12", 35) == "2024-07-31"


def test_item11_fee_notice_after_expiry_pauses_nothing() -> None:
    # receipt Mon 09-02 → due 09-30; a fee notice on 10-15 is too late to pause anything
    assert oracle("2024-09-02", 20) == "2024-09-30"
    rec = app([ev("fee_notice", "2024-10-15", amount=300)], channel="in_person", submitted="2024-09-02")
    ob = reply(rec, as_of="2024-10-20")
    assert (ob.due, ob.status) == ("2024-09-30", "overdue")
    assert [(e.kind, e.verdict, e.due_before) for e in ob.effects] == [("fee_notice", "late", "2024-09-30")]
    in_time = app([ev("fee_notice", "2024-09-10", amount=300)], channel="in_person", submitted="2024-09-02")
    assert reply(in_time, as_of="2024-10-20").effects[0].verdict == "applied"


def test_item12_extension_by_someone_not_among_the_approvers_gives_no_time() -> None:
    cfg = Config(agency="测试局", office="bgs", departments=CFG.departments, approvers=["局办公室主任"])
    rec = app([ev("extension", "2024-07-05", days=20, approved_by="经办人")], **BASE)
    ob = reply(rec, config=cfg)
    assert (ob.due, ob.effects[0].verdict) == ("2024-07-10", "unauthorised")
    rec.data["events"][0]["approved_by"] = "局办公室主任"
    assert reply(rec, config=cfg).due == "2024-08-07"
    assert reply(app([ev("extension", "2024-07-05", days=20, approved_by="经办人")], **BASE)).due == "2024-08-07"


def test_later_events_keep_their_index_as_of_an_earlier_day() -> None:
    """asof.known_by blanks later events instead of dropping them: verdicts point at the file."""
    rec = app([ev("extension", "2024-07-20", days=5, approved_by="负责人"),
               ev("extension", "2024-07-05", days=5, approved_by="负责人")], **BASE)
    [ob] = [o for o in compute_obligations([rec], CFG, CAL, D("2024-07-08")) if o.obligation == "reply"]
    assert [(e.index, e.date) for e in ob.effects] == [(1, "2024-07-05")]
def test_pairing_is_one_pass_and_pairs_like_the_first_unused_rule() -> None:
    """_paired/_unpaired compared every opener with every closer (45,000 fee pairs: 240 s);
    the one-pass pairing must pick exactly what "first unused closer on or after" picks."""
    import random
    from datetime import timedelta

    from govdisc.deadlines.common import pair_in_order

    def naive(openers: list, closers: list) -> list:
        used: set[int] = set()
        out = []
        for opened in openers:
            k = next((j for j, d in enumerate(closers) if j not in used and d >= opened), None)
            if k is not None:
                used.add(k)
            out.append(k)
        return out

    rng = random.Random(18)
    start = date(2024, 1, 1)
    for _ in range(300):
        openers = sorted(start + timedelta(days=rng.randrange(40)) for _ in range(rng.randrange(12)))
        closers = sorted(start + timedelta(days=rng.randrange(40)) for _ in range(rng.randrange(12)))
        assert pair_in_order(openers, closers) == naive(openers, closers)
    many = [start + timedelta(days=i // 100) for i in range(45_000)]
    assert pair_in_order(many, many) == list(range(45_000))
