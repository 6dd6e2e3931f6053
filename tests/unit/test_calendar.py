"""Working-day calendar: official schedules 2020–2026, O(1) arithmetic against a naive loop,
algebraic properties, overrides, known years and range handling."""

from __future__ import annotations

import random
import time
from datetime import date, timedelta

import holidays
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from govdisc.calendar import CalendarRangeError, WorkCalendar, calendar_for, get_calendar
from govdisc.config import Config

D = date.fromisoformat
CAL = get_calendar()


def kinds(cal: WorkCalendar, first: str, last: str) -> list[str]:
    out, d = [], D(first)
    while d <= D(last):
        out.append(cal.day_info(d).kind)
        d += timedelta(days=1)
    return out


# --- golden cases from the State Council notices (国务院办公厅关于YYYY年部分节假日安排的通知) ---
# Each row: (first day off, last day off, make-up working days). Weekdays checked by hand:
# 2020-01-19 Sun; 2020-09-27 Sun, 2020-10-10 Sat; 2021-02-07 Sun, 2021-02-20 Sat;
# 2021-09-26 Sun, 2021-10-09 Sat; 2022-01-29 Sat, 01-30 Sun; 2022-10-08 Sat, 10-09 Sun;
# 2023-01-28 Sat, 01-29 Sun; 2023-10-07 Sat, 10-08 Sun; 2024-02-04 Sun (the brief said Sat:
# it is a Sunday), 2024-02-18 Sun; 2024-09-29 Sun, 2024-10-12 Sat; 2025-01-26 Sun, 02-08 Sat;
# 2025-09-28 Sun, 10-11 Sat; 2026-02-14 Sat, 02-28 Sat; 2026-09-20 Sun, 10-10 Sat.
GOLDEN = [
    # 2020 春节: notice said 1月24日至30日, 1月19日、2月1日上班; the Covid decree (国办发明电〔2020〕1号)
    # extended the break to 2月2日, so 2月1日 became a day off: only 1月19日 remains a make-up day.
    ("2020-01-24", "2020-02-02", ["2020-01-19"]),
    ("2020-10-01", "2020-10-08", ["2020-09-27", "2020-10-10"]),  # 国庆+中秋
    ("2021-02-11", "2021-02-17", ["2021-02-07", "2021-02-20"]),
    ("2021-10-01", "2021-10-07", ["2021-09-26", "2021-10-09"]),
    ("2022-01-31", "2022-02-06", ["2022-01-29", "2022-01-30"]),
    ("2022-10-01", "2022-10-07", ["2022-10-08", "2022-10-09"]),
    ("2023-01-21", "2023-01-27", ["2023-01-28", "2023-01-29"]),
    ("2023-09-29", "2023-10-06", ["2023-10-07", "2023-10-08"]),  # 中秋+国庆
    ("2024-02-10", "2024-02-17", ["2024-02-04", "2024-02-18"]),
    ("2024-10-01", "2024-10-07", ["2024-09-29", "2024-10-12"]),
    ("2025-01-28", "2025-02-04", ["2025-01-26", "2025-02-08"]),
    ("2025-10-01", "2025-10-08", ["2025-09-28", "2025-10-11"]),  # 国庆+中秋
    ("2026-02-15", "2026-02-23", ["2026-02-14", "2026-02-28"]),
    ("2026-10-01", "2026-10-07", ["2026-09-20", "2026-10-10"]),
]


@pytest.mark.parametrize("first,last,makeup", GOLDEN)
def test_official_breaks_and_makeup_days(first: str, last: str, makeup: list[str]) -> None:
    days = (D(last) - D(first)).days + 1
    assert all(not CAL.is_workday(D(first) + timedelta(days=i)) for i in range(days))
    assert CAL.is_workday(D(first) - timedelta(days=1))  # the break is exactly these days
    assert CAL.is_workday(D(last) + timedelta(days=1))
    for m in makeup:
        assert D(m).weekday() >= 5
        assert CAL.is_workday(D(m))
        assert CAL.day_info(D(m)).kind == "makeup"
    brk = next(b for b in CAL.breaks(D(first).year) if b.start <= D(first) <= b.end)
    assert (brk.start, brk.end, brk.days) == (D(first), D(last), days)


def test_2020_february_first_is_not_a_makeup_day() -> None:
    assert CAL.day_info(D("2020-02-01")).kind == "holiday"
    assert "春节" in CAL.day_info(D("2020-02-01")).name_zh


def test_2024_spring_festival_day_by_day() -> None:
    # 02-04 Sun worked; 02-10..17 off (10–12 春节, 13–14 补假, 15–16 调休, 17 Sat); 02-18 Sun worked.
    assert kinds(CAL, "2024-02-03", "2024-02-05") == ["weekend", "makeup", "workday"]
    assert kinds(CAL, "2024-02-09", "2024-02-19") == [
        "workday", "holiday", "holiday", "holiday", "holiday", "holiday", "holiday", "holiday",
        "weekend", "makeup", "workday"]
    assert CAL.day_info(D("2024-02-10")).name_zh == "春节"
    assert CAL.day_info(D("2024-02-17")).name_zh == "周末（春节假期）"
    assert CAL.day_info(D("2024-02-15")).name_zh.startswith("春节假期")
    assert CAL.day_info(D("2024-02-04")).name_zh.startswith("春节调休上班")
    assert CAL.day_info(D("2024-02-10")).name_en.startswith("Chinese New Year")


def test_2025_national_day_named_with_mid_autumn() -> None:
    brk = next(b for b in CAL.breaks(2025) if b.start == D("2025-10-01"))
    assert brk.name_zh == "国庆节、中秋节"
    assert CAL.day_info(D("2025-10-06")).name_zh == "中秋节"


def test_golden_add_across_breaks() -> None:
    # 2024-02-08 Thu → 02-09 Fri (1), 02-18 Sun make-up (2), 02-19 Mon (3)
    assert CAL.add(D("2024-02-08"), 3) == D("2024-02-19")
    # 2024-09-27 Fri → 09-29 Sun make-up (1), 09-30 (2), 10-08..11 (3–6), 10-12 Sat make-up (7)
    assert CAL.add(D("2024-09-27"), 7) == D("2024-10-12")
    # 2025-01-24 Fri → 01-26 Sun make-up (1), 01-27 (2), 02-05 (3)
    assert CAL.add(D("2025-01-24"), 3) == D("2025-02-05")
    # 2025-09-26 Fri → 09-28 Sun (1), 09-29 (2), 09-30 (3), 10-09 (4), 10-10 (5), 10-11 Sat (6)
    assert CAL.add(D("2025-09-26"), 6) == D("2025-10-11")
    assert CAL.between(D("2025-09-26"), D("2025-10-11")) == 6


def test_holidays_in_and_makeup_days() -> None:
    hols = {c.date for c in CAL.holidays_in(2024)}
    assert D("2024-02-15") in hols and D("2024-02-17") not in hols  # Sat inside the break: weekend
    assert [c.date for c in CAL.makeup_days(2024)] == [D(x) for x in (
        "2024-02-04", "2024-02-18", "2024-04-07", "2024-04-28", "2024-05-11",
        "2024-09-14", "2024-09-29", "2024-10-12")]


# --- conventions ---------------------------------------------------------------------------------


def test_add_zero_and_negative() -> None:
    sat = D("2024-06-15")
    assert CAL.add(sat, 0) == sat
    assert CAL.add(D("2024-06-17"), -1) == D("2024-06-14")  # Mon → Fri
    assert CAL.add(sat, -1) == D("2024-06-14")  # Sat → Fri: the day itself is never counted
    assert CAL.add(sat, 1) == D("2024-06-17")


def test_between_sign_and_empty() -> None:
    a, b = D("2024-09-27"), D("2024-10-12")
    assert CAL.between(a, b) == 7
    assert CAL.between(b, a) == -7
    assert CAL.between(a, a) == 0
    assert CAL.between(D("2024-10-01"), D("2024-10-07")) == 0


# --- against an independent, naive day-by-day implementation straight from the package -----------

_H = holidays.China(years=range(2013, 2030))


def naive_workday(d: date) -> bool:
    if d in _H:
        return False
    return d.weekday() < 5 or d in _H.weekend_workdays


def naive_add(d: date, n: int) -> date:
    step = 1 if n > 0 else -1
    while n:
        d += timedelta(days=step)
        if naive_workday(d):
            n -= step
    return d


def naive_between(d1: date, d2: date) -> int:
    lo, hi, sign = (d1, d2, 1) if d1 <= d2 else (d2, d1, -1)
    return sign * sum(naive_workday(lo + timedelta(days=i)) for i in range(1, (hi - lo).days + 1))


def test_matches_naive_implementation_2015_2026() -> None:
    rng = random.Random(20240927)
    base = D("2015-01-01")
    for _ in range(3000):
        d = base + timedelta(days=rng.randrange(0, 12 * 365))
        n = rng.randrange(-60, 61)
        assert CAL.add(d, n) == naive_add(d, n), (d, n)
        e = base + timedelta(days=rng.randrange(0, 12 * 365))
        if abs((e - d).days) < 400:
            assert CAL.between(d, e) == naive_between(d, e), (d, e)
        assert CAL.is_workday(d) == naive_workday(d), d


# --- properties ------------------------------------------------------------------------------------

dates = st.dates(min_value=date(2001, 1, 1), max_value=date(2040, 12, 31))
counts = st.integers(min_value=0, max_value=400)


@settings(max_examples=300, deadline=None)
@given(dates, counts, counts)
def test_add_composes_forward(d: date, a: int, b: int) -> None:
    assert CAL.add(CAL.add(d, a), b) == CAL.add(d, a + b)


@settings(max_examples=300, deadline=None)
@given(dates, counts, counts)
def test_add_composes_backward(d: date, a: int, b: int) -> None:
    assert CAL.add(CAL.add(d, -a), -b) == CAL.add(d, -a - b)


@settings(max_examples=300, deadline=None)
@given(dates, st.integers(-400, 400), st.integers(-400, 400))
def test_add_is_a_group_action_on_working_days(d: date, a: int, b: int) -> None:
    w = CAL.add(d, 1)  # a working day
    assert CAL.add(CAL.add(w, a), b) == CAL.add(w, a + b)


@settings(max_examples=300, deadline=None)
@given(dates, st.integers(-400, 400).filter(bool))
def test_add_lands_on_a_working_day(d: date, n: int) -> None:
    r = CAL.add(d, n)
    assert CAL.is_workday(r)
    assert (r > d) == (n > 0)


@settings(max_examples=300, deadline=None)
@given(dates, counts)
def test_between_inverts_add(d: date, n: int) -> None:
    assert CAL.between(d, CAL.add(d, n)) == n
    w = CAL.add(d, 1)
    assert CAL.between(w, CAL.add(w, -n)) == -n


@settings(max_examples=300, deadline=None)
@given(dates, dates, dates)
def test_between_is_additive(a: date, b: date, c: date) -> None:
    assert CAL.between(a, c) == CAL.between(a, b) + CAL.between(b, c)
    assert CAL.between(a, b) == -CAL.between(b, a)


# --- overrides, known years, range -----------------------------------------------------------------


def test_known_years_from_package() -> None:
    assert CAL.is_known_year(2024) and CAL.is_known_year(2026)
    assert not CAL.is_known_year(2028)
    assert not CAL.is_known_year(2000)  # the package's official data starts in 2001


def test_overrides_change_days_and_make_the_year_known() -> None:
    cal = WorkCalendar(extra_holidays=[D("2028-01-31")], extra_workdays=["2028-01-29"])
    assert not cal.is_workday(D("2028-01-31"))
    assert cal.day_info(D("2028-01-31")).kind == "holiday"
    assert cal.is_workday(D("2028-01-29")) and cal.day_info(D("2028-01-29")).kind == "makeup"
    assert cal.is_known_year(2028)
    assert not CAL.is_workday(D("2028-01-29"))  # the shared default calendar is untouched


def test_workday_override_wins_over_holiday_override() -> None:
    cal = WorkCalendar(extra_holidays=[D("2027-03-06")], extra_workdays=[D("2027-03-06")])
    assert cal.is_workday(D("2027-03-06"))


def test_calendar_for_config_is_cached() -> None:
    cfg = Config(extra_holidays=[D("2028-01-31")], extra_workdays=[D("2028-01-29")])
    assert calendar_for(cfg) is calendar_for(cfg)
    assert calendar_for(Config()) is get_calendar()


def test_span_grows_for_dates_outside_it_and_ranks_stay_consistent() -> None:
    cal = WorkCalendar(first_year=2020, last_year=2021)
    r = cal.rank(D("2021-06-01"))
    assert cal.add(D("2030-05-06"), 1) == D("2030-05-07")
    assert cal.add(D("2005-03-01"), 1) == D("2005-03-02")
    assert cal.rank(D("2021-06-01")) == r  # ranks survive growing backwards
    assert cal.add(D("2021-12-30"), 260) == CAL.add(D("2021-12-30"), 260)


@pytest.mark.parametrize("query", ["is_workday", "rank", "day_info"])
def test_every_query_grows_the_span(query: str) -> None:
    cal = WorkCalendar(first_year=2020, last_year=2020)
    getattr(cal, query)(D("2031-03-03"))  # used to index the old arrays with the new index
    assert cal.is_workday(D("2031-03-03")) and cal.last_year >= 2031


def test_out_of_range_raises_clear_value_error() -> None:
    with pytest.raises(CalendarRangeError, match="1995"):
        CAL.add(D("1980-01-01"), 1)
    with pytest.raises(ValueError):
        CAL.between(D("2024-01-01"), D("2150-01-01"))
    with pytest.raises(ValueError):
        CAL.add(D("2099-12-01"), 400)


def test_construction_is_fast_once_package_data_is_loaded() -> None:
    get_calendar()  # package data loaded
    t = time.perf_counter()
    WorkCalendar(extra_holidays=[D("2029-01-02")], extra_workdays=[D("2029-01-06")])
    assert time.perf_counter() - t < 0.05


def test_preload_reads_and_writes_the_package_data_cache(tmp_path, monkeypatch):
    from govdisc import calendar as C

    C.preload(tmp_path)  # built in this process already, or read: nothing to write then
    monkeypatch.setattr(C, "_BASES", {})
    C.preload(tmp_path)
    stored = tmp_path / ".govdisc-cache" / "calendar.bin"
    assert stored.is_file()
    built = C._BASES[(2000, 2045)]
    monkeypatch.setattr(C, "_BASES", {})
    C.preload(tmp_path)  # from the file
    assert C._BASES[(2000, 2045)] == built
    stored.write_bytes(b"garbage")
    monkeypatch.setattr(C, "_BASES", {})
    C.preload(tmp_path)  # a bad file is rebuilt, never trusted
    assert C._BASES[(2000, 2045)] == built
    monkeypatch.setattr(C, "_BASES", {})
    monkeypatch.setattr(C, "CALENDAR_CACHE_FORMAT", 99)  # another package/module version
    C.preload(tmp_path)
    assert C._BASES[(2000, 2045)] == built
