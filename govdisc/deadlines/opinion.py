"""Clocks of a public-opinion event (seed 二(六)4): authoritative release in 5 hours, press
conference in 24 hours, for opinion about 特别重大 and 重大 突发事件 (`emergency: true`, level major
or especially_major); a release "in time" for other key matters when govdisc.yaml sets
`measures.key_matter_release_hours`. Real (clock) time, aware of time zones: naive register
times are in `config.timezone`.
"""

from __future__ import annotations

import math
from datetime import date, datetime, time, timedelta

from govdisc.calendar import WorkCalendar
from govdisc.config import Config
from govdisc.dates import parse_datetime, zone
from govdisc.deadlines.common import SKIP, obligation
from govdisc.measures import EMERGENCY_LEVELS, emergency_clocks, key_matter
from govdisc.model import Obligation, Record, TraceStep

LEVELS = EMERGENCY_LEVELS
CLOCKS = (("release", 5), ("press_conference", 24))


def now_of(as_of: date, tz: str) -> datetime:
    """The instant 'as of' means: an aware datetime as given, a date at its local midnight.

    Midnight keeps hour clocks consistent with day clocks: a clock due during the as-of day is
    due soon, not overdue, until the next day.
    """
    if isinstance(as_of, datetime):
        return as_of if as_of.tzinfo else as_of.replace(tzinfo=zone(tz))
    return datetime.combine(as_of, time(), zone(tz))


def hour_status(due: datetime, met: datetime | None, now: datetime) -> tuple[str, int | None]:
    """done/late when met, else overdue or due_soon (these clocks are never far off)."""
    if met is not None:
        return ("done" if met <= due else "late"), None
    left = math.floor((due - now).total_seconds() / 3600)
    if now > due:
        return "overdue", left
    return ("due_soon" if left <= 24 else "open"), left


def _times(values: object, key: str, tz: str) -> list[datetime]:
    items = values if isinstance(values, list) else [values]
    return [t for v in items if isinstance(v, dict) and (t := parse_datetime(v.get(key), tz))]


def opinion_obligations(rec: Record, config: Config, cal: WorkCalendar, as_of: date,
                        explain: bool = False, open_only: bool = False) -> list[Obligation]:
    """The 5-hour release and 24-hour press-conference clocks of a major emergency, or the
    key-matter release clock; with `open_only` a clock already met is left out (see
    deadlines.compute_obligations)."""
    if emergency_clocks(rec.data):
        clocks: tuple[tuple[str, int], ...] = CLOCKS
    elif key_matter(rec.data) and config.measures.key_matter_release_hours:
        clocks = (("timely_release", config.measures.key_matter_release_hours),)
    else:
        return []
    tz = config.timezone
    try:
        detected = parse_datetime(rec.data.get("detected_at"), tz)
        local = zone(tz)
    except (SKIP + (KeyError, ValueError)):  # unknown timezone name and the like
        return []
    if detected is None:
        return []
    lead = rec.data.get("lead") if isinstance(rec.data.get("lead"), str) else None
    releases = _times(rec.data.get("releases"), "at", tz)
    done = {"release": releases, "timely_release": releases,
            "press_conference": _times(rec.data.get("press_conference"), "at", tz)}
    out = []
    for name, hours in clocks:
        try:
            due = (detected + timedelta(hours=hours)).astimezone(local)
        except SKIP:
            continue
        met = min(done[name]) if done[name] else None
        if met is not None and open_only:
            continue
        status, left = hour_status(due, met, now_of(as_of, tz))
        ob = obligation(rec, "opinion", name, due.isoformat(), status, department=lead,
                        days_left=left, met_on=met.astimezone(local).isoformat() if met else None)
        if explain:
            ob.trace = opinion_trace(detected.astimezone(local), due, hours, met, name)
        out.append(ob)
    return out


def opinion_trace(detected: datetime, due: datetime, hours: int, met: datetime | None,
                  name: str) -> list[TraceStep]:
    """Detection, the due instant, and the first response."""
    what = {"release": ("发布权威信息", "authoritative release"),
            "timely_release": ("及时发布信息", "release in time")}.get(name, ("召开新闻发布会", "press conference"))
    start = ("监测发现舆情（重点事项）", "event detected (key matter)") if name == "timely_release" \
        else ("监测发现舆情（重大、特别重大突发事件）", "event detected (major emergency)")
    steps = [TraceStep(detected.isoformat(), "start", *start),
             TraceStep(due.isoformat(), "due", f"{what[0]}期限：发现后{hours}小时（实时计算，不分工作日）",
                       f"{what[1]} due {hours} hours after detection (clock time)")]
    if met is not None:
        ok = met <= due
        steps.append(TraceStep(met.isoformat(), "note", f"{what[0]}（{'按时' if ok else '超时'}）",
                               f"{what[1]} ({'in time' if ok else 'late'})"))
    return steps
