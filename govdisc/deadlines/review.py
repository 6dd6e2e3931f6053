"""Clocks of a year-end self-inspection's rectifications (整改, seed 二(四)4): each problem the
review records with a rectification deadline is owed by that date (a calendar date, as the
review sets it) and met on its `done` date. The office's year-end duty (the seed's 局办公室
"跟踪检查…及时督促整改") is exactly this list of open rectifications, in `govdisc deadlines`.
"""

from __future__ import annotations

from datetime import date

from govdisc.calendar import WorkCalendar
from govdisc.config import Config
from govdisc.deadlines.common import SKIP, day_status, obligation, pdate
from govdisc.deadlines.trace import met_note, step
from govdisc.model import Obligation, Record


def review_department(rec: Record) -> str | None:
    d = rec.data.get("department")
    if isinstance(d, str):
        return d
    parts = rec.path.split("/")
    return parts[1] if len(parts) == 3 else None


def rectification_obligations(rec: Record, config: Config, cal: WorkCalendar, as_of: date,
                              explain: bool = False, open_only: bool = False) -> list[Obligation]:
    """One clock per recorded problem with a `deadline`; `open_only` leaves out those done."""
    out: list[Obligation] = []
    dept = review_department(rec)
    for i, item in enumerate(rec.seq("findings")):
        if not isinstance(item, dict):
            continue
        due = pdate(item.get("deadline"))
        if due is None:
            continue
        met = pdate(item.get("done"))
        if met is not None and open_only:
            continue
        try:
            status, left = day_status(cal, due, met, as_of, config)
        except SKIP:
            continue
        ob = obligation(rec, "department", "rectification", due.isoformat(), status, department=dept,
                        days_left=left, met_on=met.isoformat() if met else None, pointer=("findings", i))
        if explain:
            problem = item.get("problem") if isinstance(item.get("problem"), str) else f"第{i + 1}个问题"
            submitted = pdate(rec.data.get("submitted"))
            start = submitted if submitted is not None and submitted <= due else due
            ob.trace = [step(start, "start", f"自查发现问题：{problem}", f"problem found: {problem}"),
                        step(due, "due", "整改期限（按自然日，不顺延）", "rectification deadline (calendar date)")] \
                + met_note(met, due, "整改完成", "rectified")
        out.append(ob)
    return out
