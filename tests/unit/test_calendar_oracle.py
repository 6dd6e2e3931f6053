"""The working-day calendar agrees, day by day 2015–2026, with an independent implementation
(the chinesecalendar package, which keeps its own table of the State Council's notices)."""

from __future__ import annotations

import random
from datetime import date, timedelta

import chinese_calendar

from govdisc.calendar import WorkCalendar

CAL = WorkCalendar()
FIRST, LAST = date(2015, 1, 1), date(2026, 12, 31)


def oracle_add(d: date, n: int) -> date:
    while n:
        d += timedelta(days=1)
        n -= chinese_calendar.is_workday(d)
    return d


def test_every_day_2015_2026_agrees():
    d = FIRST
    wrong = []
    while d <= LAST:
        if chinese_calendar.is_workday(d) != CAL.is_workday(d):
            wrong.append(d)
        d += timedelta(days=1)
    assert wrong == []


def test_add_and_between_agree_on_random_dates():
    rng = random.Random(2026)
    span = (LAST - FIRST).days - 120
    for _ in range(400):
        d = FIRST + timedelta(days=rng.randrange(span))
        n = rng.randint(0, 45)
        due = oracle_add(d, n)
        assert CAL.add(d, n) == due, (d, n)
        assert CAL.between(d, due) == n
