"""Shared pieces of the deadline clocks: tolerant parsing, status, interval arithmetic."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any

from govdisc.calendar import CalendarRangeError, WorkCalendar
from govdisc.config import Config
from govdisc.dates import parse_date
from govdisc.model import Obligation, Record

#: Errors a clock may hit on odd data (far-off years…): the clock is skipped, never raised.
SKIP = (CalendarRangeError, OverflowError)

_cached_parse = lru_cache(maxsize=65536)(parse_date)


def pdate(value: Any) -> date | None:
    """parse_date, memoised for strings: registers repeat the same dates a lot."""
    if type(value) is str:
        return _cached_parse(value)
    return parse_date(value)


def events_of(rec: Record) -> list[tuple[int, str, date, dict]]:
    """Well-formed events as (index, type, date, raw), in date order (stable for ties)."""
    raw = rec.data.get("events")
    if not isinstance(raw, list):
        return []
    out = []
    for i, ev in enumerate(raw):
        if isinstance(ev, dict):
            d = pdate(ev.get("date"))
            t = ev.get("type")
            if d is not None and isinstance(t, str):
                out.append((i, t, d, ev))
    out.sort(key=lambda e: (e[2], e[0]))
    return out


def pair_in_order(openers: list[date], closers: list[date]) -> list[int | None]:
    """For each opening date, the index in `closers` of the first closer not taken by an earlier
    opener and dated on or after it (None when there is none); both lists in date order.

    One pass over each list: a closer passed over is earlier than this opener, so earlier than
    every later opener too (45,000 fee notices and payments: linear, not 2·10⁹ comparisons).
    """
    out: list[int | None] = []
    j = 0
    for opened in openers:
        while j < len(closers) and closers[j] < opened:
            j += 1
        if j < len(closers):
            out.append(j)
            j += 1
        else:
            out.append(None)
    return out


def day_status(cal: WorkCalendar, due: date, met: date | None, as_of: date,
               config: Config) -> tuple[str, int | None]:
    """done/late once met; otherwise overdue, due_soon or open with working days left."""
    if met is not None:
        return ("done" if met <= due else "late"), None
    left = cal.between(as_of, due)
    if as_of > due:
        return "overdue", left
    return ("due_soon" if left <= config.due_soon_days else "open"), left


def provisional(cal: WorkCalendar, start: date, due: date) -> bool:
    """A count is provisional when any year it touches lacks an official schedule."""
    y1, y2 = start.year, due.year
    if y1 == y2:
        return not cal.is_known_year(y1)
    lo, hi = (y1, y2) if y1 <= y2 else (y2, y1)
    return not all(cal.is_known_year(y) for y in range(lo, hi + 1))


@dataclass(slots=True)
class Window:
    """A stretch (a, b] of days that does not count towards a deadline (consultation, fee)."""

    a: date
    b: date
    why: str  # consultation_third_party | consultation_agency | fee
    capped: bool = False  # b is the statutory cap, not the actual end
    open: bool = False  # no end event yet


def count_with_windows(cal: WorkCalendar, start: date, n: int,
                       windows: list[Window]) -> tuple[date, int, list[Window]]:
    """The n-th counted working day after start when working days in the windows do not count.

    A window only stops the clock if it opens on or before the running due date (a clock that
    has already run out cannot be paused). Overlapping windows are merged. Returns the due
    date, the number of excluded working days and the windows that were applied.
    """
    base = cal.rank(start)
    if not windows:
        return cal.nth(base + n), 0, []
    merged: list[list] = []  # [lo, hi, first opening date, member windows]
    for lo, hi, w in sorted(((max(cal.rank(w.a), base), cal.rank(w.b), w) for w in windows),
                            key=lambda t: (t[0], t[1], t[2].a)):
        if hi <= lo:
            continue
        if merged and lo <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], hi)
            merged[-1][3].append(w)
        else:
            merged.append([lo, hi, w.a, [w]])
    due_rank, applied = base + n, []
    for lo, hi, a, members in merged:
        if a <= cal.nth(due_rank):
            due_rank += hi - lo
            applied.extend(members)
    return cal.nth(due_rank), due_rank - base - n, applied


def obligation(rec: Record, kind: str, name: str, due: str, status: str, **kw: Any) -> Obligation:
    """An Obligation for a record, with its path and id filled in."""
    return Obligation(record=rec.id, kind=kind, obligation=name, due=due, status=status,
                      path=rec.path, **kw)


def counted_obligation(rec: Record, kind: str, name: str, cal: WorkCalendar, start: date, due: date,
                       met: date | None, as_of: date, config: Config, **kw: Any) -> Obligation:
    """A working-day obligation counted from `start` to `due` and met on `met` (None: not yet):
    its status, working days left and provisional flag, as every day-counted clock has them."""
    status, left = day_status(cal, due, met, as_of, config)
    return obligation(rec, kind, name, due.isoformat(), status, provisional=provisional(cal, start, due),
                      days_left=left, met_on=met.isoformat() if met else None, **kw)
