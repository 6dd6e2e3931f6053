"""iCalendar export of obligations: all-day and timed events, stable UIDs, Chinese text."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from icalendar import Calendar

from govdisc.calendar import get_calendar
from govdisc.config import Config, Department
from govdisc.deadlines import compute_obligations
from govdisc.model import Obligation, Record
from govdisc.output.ics import obligations_to_ics, uid

STAMP = datetime(2024, 7, 1, tzinfo=timezone.utc)
CFG = Config(agency="测试局", departments=[Department("bgs", "办公室")])


def register() -> list[Record]:
    return [
        Record("application", "applications/2024/YSQ-2024-0001.yaml",
               {"id": "YSQ-2024-0001", "channel": "in_person", "submitted": "2024-06-12", "handler": "bgs"}),
        Record("opinion", "opinions/2024/YQ-2024-001.yaml",
               {"id": "YQ-2024-001", "detected_at": "2024-06-14 08:30", "level": "major", "emergency": True,
                "lead": "bgs"}),
    ]


def events(data: bytes) -> list:
    return [c for c in Calendar.from_ical(data).walk("VEVENT")]


def test_all_day_and_timed_events() -> None:
    obs = compute_obligations(register(), CFG, get_calendar(), date(2024, 6, 14))
    data = obligations_to_ics(obs, "测试局", STAMP)
    assert data.startswith(b"BEGIN:VCALENDAR")
    evs = {str(e["SUMMARY"]): e for e in events(data)}
    reply = next(e for s, e in evs.items() if "答复政府信息公开申请" in s)
    assert reply["SUMMARY"] == "【未到期】答复政府信息公开申请：YSQ-2024-0001"
    assert reply.decoded("DTSTART") == date(2024, 7, 10)
    assert reply.decoded("DTEND") == date(2024, 7, 11)
    desc = str(reply["DESCRIPTION"])
    assert "applications/2024/YSQ-2024-0001.yaml" in desc and "状态：未到期" in desc
    release = next(e for s, e in evs.items() if "发布权威信息" in s)
    end = release.decoded("DTEND")
    assert isinstance(end, datetime) and end == datetime(2024, 6, 14, 5, 30, tzinfo=timezone.utc)  # 13:30 +08:00
    assert b"X-WR-CALNAME:\xe6\xb5\x8b\xe8\xaf\x95\xe5\xb1\x80" in data  # 测试局…


def test_uid_is_stable_when_the_due_date_moves_and_distinct_per_clock() -> None:
    a = Obligation("YSQ-1", "application", "reply", "2024-07-10", "open", "applications/2024/YSQ-1.yaml")
    b = Obligation("YSQ-1", "application", "reply", "2024-07-16", "overdue", "applications/2024/YSQ-1.yaml")
    c = Obligation("YSQ-1", "application", "consultation_reply", "2024-07-08", "open",
                   "applications/2024/YSQ-1.yaml", pointer=("events", 0))
    d = Obligation("YSQ-1", "application", "consultation_reply", "2024-07-09", "open",
                   "applications/2024/YSQ-1.yaml", pointer=("events", 2))
    assert uid(a) == uid(b)
    assert len({uid(a), uid(c), uid(d)}) == 3
    assert uid(a).endswith("@govdisc")


def test_output_is_deterministic_and_skips_clocks_without_a_due_date() -> None:
    waiting = Obligation("YSQ-2", "application", "reply", "", "waiting", "applications/2024/YSQ-2.yaml")
    provisional = Obligation("YSQ-3", "application", "reply", "2028-04-01", "open", "applications/2028/YSQ-3.yaml",
                             provisional=True, days_left=20)
    one = obligations_to_ics([waiting, provisional], "测试局", STAMP)
    assert one == obligations_to_ics([waiting, provisional], "测试局", STAMP)
    evs = events(one)
    assert len(evs) == 1
    assert "【暂定】" in str(evs[0]["SUMMARY"]) and "暂定" in str(evs[0]["DESCRIPTION"])
    assert "剩余：20个工作日" in str(evs[0]["DESCRIPTION"])


def test_default_stamp_is_now() -> None:
    ob = Obligation("R", "document", "publication", "2024-10-23", "open", "documents/2024/r.yaml")
    ev = events(obligations_to_ics([ob]))[0]
    assert abs(ev.decoded("DTSTAMP") - datetime.now(timezone.utc)) < timedelta(minutes=5)


def test_a_clock_at_the_edge_of_the_calendar_is_left_out_not_a_crash() -> None:
    """An opinion detected at 0001-01-01 00:10 (Shanghai) is due before year 1 in UTC (issue 18)."""
    early = [Record("opinion", "opinions/2024/YQ-2024-001.yaml",
                    {"id": "YQ-0001-001", "detected_at": "0001-01-01 00:10", "level": "major", "emergency": True, "lead": "bgs"})]
    obs = compute_obligations(early, CFG, get_calendar(), date(2024, 6, 14))
    assert any("T" in ob.due for ob in obs)
    data = obligations_to_ics(obs + compute_obligations(register(), CFG, get_calendar(), date(2024, 6, 14)),
                              "测试局", STAMP)
    shown = [str(e["SUMMARY"]) for e in events(data)]
    assert any("YSQ-2024-0001" in s for s in shown)  # the rest of the feed is there
    assert sum("YQ-0001-001" in s for s in shown) == sum("YQ-0001-001" in ob.record for ob in obs) - 1  # the 5-hour one
