"""Deadline engine: pure functions from register records, settings, calendar and as-of date to
obligations (statutory and internal clocks), met or open, each with its derivation on request.

`explain=True` builds the day-by-day trace of every clock; leave it off for listings, where
100k clocks must cost well under a second.

A clock that raises costs only that record's clocks (or, for the year-end clocks, those): the
crash goes to the caller's `crashes` list (`check` reports it as REG020) or, without one, to
stderr as one line, and the other records' obligations are still computed.
"""

from __future__ import annotations

import sys
from datetime import date, datetime
from typing import Any, Callable

from govdisc.calendar import WorkCalendar
from govdisc.config import Config
from govdisc.deadlines.application import application_obligations
from govdisc.deadlines.asof import known_by, not_yet
from govdisc.deadlines.common import day_status
from govdisc.deadlines.document import document_obligations
from govdisc.deadlines.opinion import opinion_obligations
from govdisc.deadlines.review import rectification_obligations
from govdisc.deadlines.yearend import yearend_obligations
from govdisc.heap import gc_paused
from govdisc.internal import Crash, crash
from govdisc.model import Obligation, Record

__all__ = ["compute_obligations", "open_obligations", "explain_record", "record_obligations", "BY_KIND"]

#: (record, settings, calendar, as-of, explain, open_only) → that record's clocks; with
#: `open_only` a clock already met is left out (see compute_obligations).
Clock = Callable[[Record, Config, WorkCalendar, date, bool, bool], list[Obligation]]

#: record kind → function computing that record's clocks
BY_KIND: dict[str, Clock] = {
    "application": application_obligations,
    "document": document_obligations,
    "opinion": opinion_obligations,
    "review": rectification_obligations,
}


def _day(as_of: date) -> date:
    """Day clocks use the date; hour clocks get the datetime itself when one is given."""
    return as_of.date() if isinstance(as_of, datetime) else as_of


def compute_obligations(records: list[Record], config: Config, calendar: WorkCalendar,
                        as_of: date, explain: bool = False, open_only: bool = False,
                        crashes: list[Crash] | None = None, kept: Any = None) -> list[Obligation]:
    """Every obligation of the register, met (met_on set) and open, in record order.

    `as_of` may be an aware datetime: hour clocks (opinions) then use the instant.
    `open_only` leaves out the record clocks already met by the as-of day, which are most of
    them: their met_on is never after that day (asof.known_by drops later facts first), so
    `reopen_later` would not reopen them and a listing of open obligations drops them anyway.
    `crashes` collects the clocks that raised (see the module docstring). `kept`: the records'
    clocks kept from earlier runs (deadlines.kept.KeptClocks), used and filled.
    """
    with gc_paused():
        out = record_obligations(records, config, calendar, as_of, explain, open_only=open_only,
                                 crashes=crashes, kept=kept)
        try:
            out.extend(yearend_obligations(records, config, calendar, _day(as_of), explain))
        except Exception as exc:  # noqa: BLE001 - a bug in the year-end clocks spares the others
            _crashed(crashes, crash("clock:yearend", exc))
    return reopen_later(out, calendar, config, _day(as_of))


def reopen_later(obligations: list[Obligation], calendar: WorkCalendar, config: Config,
                 day: date) -> list[Obligation]:
    """An obligation met after the as-of date was still open on it (year-end files dated later)."""
    stamp = day.isoformat()
    for ob in obligations:
        if ob.met_on is not None and ob.met_on[:10] > stamp and ob.due and "T" not in ob.due:
            ob.met_on = None
            ob.status, ob.days_left = day_status(calendar, date.fromisoformat(ob.due), None, day, config)
    return obligations


def record_obligations(records: list[Record], config: Config, calendar: WorkCalendar,
                       as_of: date, explain: bool = False, whole: bool = False,
                       open_only: bool = False, crashes: list[Crash] | None = None,
                       kept: Any = None) -> list[Obligation]:
    """The clocks that belong to single records (applications, documents, opinions, reviews).

    By default a record is seen as it stood on the as-of day (see asof.py); `whole` uses every
    recorded fact, for explaining a record's full derivation. `open_only`: see compute_obligations.
    A record whose clock raises gets no obligations and a `clock:<kind>` crash in `crashes`.
    """
    day = _day(as_of)
    out: list[Obligation] = []
    keep = kept is not None and not (explain or whole or open_only)  # kept clocks are the plain ones
    for rec in records:
        fn = BY_KIND.get(rec.kind)
        if fn is None:
            continue
        if keep:
            got = kept.get(rec)
            if got is not None:
                out.extend(got)
                continue
        try:
            if not whole and not_yet(rec, day):
                mine = []
            else:
                seen = rec if whole else known_by(rec, day)
                mine = fn(seen, config, calendar, as_of if rec.kind == "opinion" else day, explain, open_only)
        except Exception as exc:  # noqa: BLE001 - one record's broken clock spares the others
            _crashed(crashes, crash(f"clock:{rec.kind}", exc, rec))
            continue
        out.extend(mine)
        if keep:
            kept.put(rec, mine)
    return out


def _crashed(crashes: list[Crash] | None, c: Crash) -> None:
    """Keep a clock's crash for the caller's findings, or tell stderr when nobody collects them."""
    if crashes is not None:
        crashes.append(c)
        return
    where = c.record.path if c.record is not None else "govdisc.yaml"
    sys.stderr.write(f"govdisc: {where}: 期限 {c.check} 内部错误，未计算（请报告此问题）: {c.error}\n")


def open_obligations(records: list[Record], config: Config, calendar: WorkCalendar, as_of: date,
                     within: int | None = None) -> list[Obligation]:
    """Unmet obligations that have a due date, soonest first; `within` N working days (overdue
    ones always included)."""
    day = _day(as_of)
    out = []
    for ob in compute_obligations(records, config, calendar, as_of, open_only=True):
        if ob.met_on is not None or not ob.due:
            continue
        if within is not None and ob.status != "overdue":
            due = date.fromisoformat(ob.due[:10])
            if calendar.between(day, due) > within:
                continue
        out.append(ob)
    out.sort(key=lambda o: (o.due, o.path, o.obligation))
    return out


def explain_record(records: list[Record], config: Config, calendar: WorkCalendar, as_of: date,
                   record: str) -> list[Obligation]:
    """All obligations of one record (by id, 发文字号 or path), with their traces."""
    mine = [r for r in records if record in (r.id, r.path)]
    out = record_obligations(mine, config, calendar, as_of, explain=True, whole=True)
    yearly = [o for o in yearend_obligations(records, config, calendar, _day(as_of), explain=True)
              if record in (o.record, o.path)]
    return out + yearly
