"""Clocks of an official document: proactive publication (Art. 26) and interpretation (seed 五.1)."""

from __future__ import annotations

from datetime import date

from govdisc.calendar import WorkCalendar
from govdisc.config import Config
from govdisc.deadlines.common import SKIP, counted_obligation, pdate
from govdisc.deadlines.trace import simple_trace, step
from govdisc.model import Obligation, Record

PUBLICATION_DAYS = 20  # Art. 26: 自该政府信息形成或者变更之日起20个工作日内
INTERPRETATION_DAYS = 3  # seed 五.1: 解读材料 within 3 working days of the document
PROACTIVE = ("public", "redacted")


def document_obligations(rec: Record, config: Config, cal: WorkCalendar, as_of: date,
                         explain: bool = False, open_only: bool = False) -> list[Obligation]:
    """Publication and interpretation clocks of one document; bad data skips a clock.

    `open_only` leaves out a clock already met (see deadlines.compute_obligations)."""
    out: list[Obligation] = []
    for clock in (publication_clock, interpretation_clock):
        try:
            out.extend(clock(rec, config, cal, as_of, explain, open_only))
        except SKIP:
            continue
    return out


def _dept(rec: Record) -> str | None:
    d = rec.data.get("department")
    return d if isinstance(d, str) else None


def publication_clock(rec: Record, config: Config, cal: WorkCalendar, as_of: date,
                      explain: bool, open_only: bool = False) -> list[Obligation]:
    """Art. 26: 20 working days from formation, or from the latest change when there is one.

    After a change only a publication on or after the change date meets the clock.
    """
    if rec.data.get("disclosure") not in PROACTIVE:
        return []
    formed, changed = pdate(rec.data.get("formed")), pdate(rec.data.get("changed"))
    start = changed if changed and (formed is None or changed >= formed) else formed
    if start is None:
        return []
    pub = pdate(rec.get("published", "date"))
    met = pub if pub is not None and (start is formed or pub >= start) else None
    if met is not None and open_only:
        return []
    due = cal.add(start, PUBLICATION_DAYS)
    ob = counted_obligation(rec, "document", "publication", cal, start, due, met, as_of, config,
                            department=_dept(rec))
    if explain:
        what = ("文件变更之日（第二十六条）", "date of change (Art. 26)") if start is changed \
            else ("文件形成之日（第二十六条）", "date formed (Art. 26)")
        ob.trace = simple_trace(cal, [step(start, "start", *what, count=0)], start, due, PUBLICATION_DAYS,
                                "主动公开期限届满", "publication due", met, "公开发布", "published")
    return [ob]


def interpretation_clock(rec: Record, config: Config, cal: WorkCalendar, as_of: date,
                         explain: bool, open_only: bool = False) -> list[Obligation]:
    """Important policies: interpretation material within 3 working days of publication."""
    if rec.data.get("important_policy") is not True:
        return []
    pub = pdate(rec.get("published", "date"))
    if pub is None:
        return []
    materials = rec.get("interpretation", "materials", default=[])
    dates = [d for m in materials if isinstance(m, dict) and (d := pdate(m.get("published")))] \
        if isinstance(materials, list) else []
    met = min(dates) if dates else None
    if met is not None and open_only:
        return []
    due = cal.add(pub, INTERPRETATION_DAYS)
    ob = counted_obligation(rec, "document", "interpretation", cal, pub, due, met, as_of, config,
                            department=_dept(rec))
    if explain:
        ob.trace = simple_trace(cal, [step(pub, "start", "文件公开发布之日", "document published", count=0)],
                                pub, due, INTERPRETATION_DAYS, "解读材料发布期限届满", "interpretation due",
                                met, "首份解读材料发布", "first interpretation material published")
    return [ob]
