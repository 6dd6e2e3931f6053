"""Day-by-day derivations for `deadlines --explain`. Only built when asked: they are slow."""

from __future__ import annotations

from datetime import date

from govdisc.calendar import WorkCalendar, iter_days
from govdisc.deadlines.common import Window
from govdisc.model import TraceStep

WHY: dict[str, tuple[str, str]] = {
    "consultation_third_party": ("征求第三方意见期间，不计入（第三十三条第三款）",
                                 "third-party consultation, not counted (Art. 33(3))"),
    "consultation_agency": ("征求其他机关意见期间，不计入（第三十三条第三款）",
                            "consultation of another agency, not counted (Art. 33(3))"),
    "fee": ("等待缴纳信息处理费，不计入（UNCONFIRMED，可由 rules.fee_pauses_clock 关闭）",
            "waiting for the fee, not counted (UNCONFIRMED; rules.fee_pauses_clock)"),
}


def step(d: date, action: str, zh: str, en: str = "", count: int | None = None) -> TraceStep:
    return TraceStep(date=d.isoformat(), action=action, note_zh=zh, note_en=en, count=count)


def count_steps(cal: WorkCalendar, start: date, due: date, applied: list[Window] = ()) -> list[TraceStep]:
    """One step per day in (start, due]: counted, make-up day, skipped (weekend/holiday), excluded."""
    steps: list[TraceStep] = []
    count = 0
    for d in iter_days(start, due):
        info = cal.day_info(d)
        if info.kind in ("workday", "makeup"):
            w = next((w for w in applied if w.a < d <= w.b), None)
            if w is not None:
                zh, en = WHY.get(w.why, ("不计入", "not counted"))
                steps.append(step(d, "excluded", zh, en, count))
                continue
            count += 1
            if info.kind == "makeup":
                steps.append(step(d, "makeup", f"{info.name_zh}，计第{count}个工作日",
                                  f"{info.name_en}, working day {count}", count))
            else:
                steps.append(step(d, "counted", f"第{count}个工作日", f"working day {count}", count))
        else:
            steps.append(step(d, "skipped", f"{info.name_zh}，不计", f"{info.name_en}, not counted"))
    return steps


def merge(head: list[TraceStep], days: list[TraceStep], notes: list[TraceStep],
          tail: list[TraceStep]) -> list[TraceStep]:
    """Date order; on one date: start/restart steps, then the day itself, then event notes, then
    the due date and how it was met (so a late event or reply shows after the due date)."""
    body = sorted([(s.date, 0, i, s) for i, s in enumerate(head)]
                  + [(s.date, 1, i, s) for i, s in enumerate(days)]
                  + [(s.date, 2, i, s) for i, s in enumerate(notes)]
                  + [(s.date, 3, i, s) for i, s in enumerate(tail)], key=lambda t: t[:3])
    return [s for *_, s in body]


def provisional_note(cal: WorkCalendar, start: date, due: date) -> list[TraceStep]:
    """A note naming the years whose official schedule is missing, when there are any."""
    years = [y for y in range(min(start, due).year, max(start, due).year + 1) if not cal.is_known_year(y)]
    if not years:
        return []
    ys = "、".join(map(str, years))
    return [step(due, "note",
                 f"{ys}年的国务院节假日安排尚未收录（holidays 包无官方数据，govdisc.yaml 也未设定），期限为暂定",
                 f"no official holiday schedule for {', '.join(map(str, years))} "
                 f"(not in the holidays package nor in govdisc.yaml): the deadline is provisional")]


def met_note(met: date | None, due: date, what_zh: str, what_en: str) -> list[TraceStep]:
    """The step saying when (and whether in time) the obligation was met."""
    if met is None:
        return []
    ok = met <= due
    return [step(met, "note", f"{what_zh}（{'按期' if ok else '逾期'}）",
                 f"{what_en} ({'in time' if ok else 'late'})")]


def simple_trace(cal: WorkCalendar, head: list[TraceStep], start: date, due: date, n: int,
                 due_zh: str, due_en: str, met: date | None, met_zh: str, met_en: str) -> list[TraceStep]:
    """Trace of a plain N-working-day count: head, each day, due, and when it was met."""
    tail = [step(due, "due", f"{due_zh}（第{n}个工作日）", f"{due_en} (working day {n})", n)]
    return merge(head, count_steps(cal, start, due), [], tail + met_note(met, due, met_zh, met_en)
                 + provisional_note(cal, start, due))
