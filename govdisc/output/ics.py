"""Obligations as an iCalendar feed (`govdisc deadlines --format ics`), for clerks' calendars.

UIDs hash record, path, clock and pointer only, so a calendar that re-imports the feed updates
an event whose due date moved instead of adding a second one.
"""

from __future__ import annotations

import hashlib
from datetime import date, datetime, timedelta, timezone

from icalendar import Calendar, Event

from govdisc.deadlines.labels import OBLIGATIONS, STATUSES, label
from govdisc.model import Obligation
from govdisc.textsafety import document_text

PRODID = "-//govdisc//政务公开期限//ZH"
TIMED_MINUTES = 30  # hour clocks become short timed events ending at the due instant


def uid(ob: Obligation) -> str:
    """Stable identity of a clock, independent of its due date and status."""
    key = "\x1f".join([ob.record, ob.path, ob.obligation, repr(tuple(ob.pointer))])
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:24] + "@govdisc"


def summary(ob: Obligation) -> str:
    """Chinese title: status, clock and record, e.g. 【即将到期】答复政府信息公开申请：YSQ-2024-0007."""
    mark = "【暂定】" if ob.provisional else ""
    return f"【{label(STATUSES, ob.status)}】{mark}{label(OBLIGATIONS, ob.obligation)}：{ob.record}"


def description(ob: Obligation) -> str:
    """Where the record is and where the clock stands."""
    lines = [f"文件：{ob.path}", f"期限：{ob.due}", f"状态：{label(STATUSES, ob.status)}"]
    if ob.department:
        lines.append(f"部门：{ob.department}")
    if ob.days_left is not None:
        unit = "小时" if "T" in ob.due else "个工作日"
        lines.append(f"剩余：{ob.days_left}{unit}")
    if ob.met_on:
        lines.append(f"完成：{ob.met_on}")
    if ob.provisional:
        lines.append("该年度国务院节假日安排尚未收录，期限为暂定。")
    lines.append(f"govdisc deadlines --explain {ob.record}")
    return "\n".join(lines)


def event(ob: Obligation, stamp: datetime) -> Event | None:
    """All-day event for a date clock, timed (UTC) for an hour clock; None without a due date."""
    ev = Event()
    ev.add("uid", uid(ob))
    ev.add("dtstamp", stamp)
    ev.add("summary", document_text(summary(ob)))  # icalendar escapes , ; \n but not NUL or ESC
    ev.add("description", document_text(description(ob)))
    ev.add("categories", [ob.kind, ob.obligation])
    try:
        if "T" in ob.due:
            due = datetime.fromisoformat(ob.due).astimezone(timezone.utc)
            ev.add("dtstart", due - timedelta(minutes=TIMED_MINUTES))
            ev.add("dtend", due)
        else:
            day = date.fromisoformat(ob.due)
            ev.add("dtstart", day)
            ev.add("dtend", day + timedelta(days=1))
    except (ValueError, OverflowError):  # a due date at the edge of the calendar (year 1 or 9999)
        return None
    return ev


def obligations_to_ics(obligations: list[Obligation], agency: str = "",
                       stamp: datetime | None = None) -> bytes:
    """An iCalendar file with one VEVENT per obligation that has a due date.

    `stamp` (DTSTAMP) defaults to now; pass a fixed one for byte-identical output.
    """
    stamp = stamp or datetime.now(timezone.utc)
    if stamp.tzinfo is None:
        stamp = stamp.replace(tzinfo=timezone.utc)
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", document_text(f"{agency}政务公开期限") if agency else "政务公开期限")
    for ob in obligations:
        if ob.due and (ev := event(ob, stamp)) is not None:
            cal.add_component(ev)
    return cal.to_ical()
