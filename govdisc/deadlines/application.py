"""Clocks of an application (依申请公开): reply, 补正 notice, consultation answers, fee payment.

Rules (《政府信息公开条例》 2019): Art. 31 fixes the receipt date per channel; Art. 33 gives
20 working days plus one approved extension of at most 20; Art. 30 restarts the count when the
corrected application arrives; Art. 33(3) excludes consultation time (third party Art. 32,
other agency Art. 34, each answering within 15 working days). The fee notice → payment pause
follows a common reading of 国办函〔2020〕109号 that is UNCONFIRMED (reference Part 3 item 35),
so it is a setting: `rules.fee_pauses_clock` (default true).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from govdisc.calendar import WorkCalendar
from govdisc.config import Config
from govdisc.deadlines.common import (SKIP, Window, count_with_windows, counted_obligation, events_of,
                                      obligation, pair_in_order, pdate)
from govdisc.deadlines.labels import CHANNELS, RECEIPT_FIELDS
from govdisc.deadlines.trace import count_steps, merge, met_note, provisional_note, simple_trace, step
from govdisc.model import Obligation, Record, TraceStep

REPLY_DAYS = 20  # Art. 33(2)
EXTENSION_MAX = 20  # Art. 33(2)
CORRECTION_DAYS = 7  # Art. 30
CONSULTATION_DAYS = 15  # Art. 32, Art. 34
FEE_DAYS = 20  # 109号: within 20 working days from the day after the notice

#: Art. 31: which date is the legal receipt date, per channel (first present wins)
RECEIPT_BY_CHANNEL: dict[str, tuple[str, ...]] = {
    "in_person": ("submitted",),
    "mail_signed": ("signed_for", "submitted"),
    "mail_unsigned": ("confirmed", "submitted"),
    "online": ("confirmed", "submitted"),
    "fax": ("confirmed", "submitted"),
}
_UNKNOWN_CHANNEL = ("confirmed", "signed_for", "submitted")
_NONE: list = []


@dataclass(slots=True)
class App:
    """What every clock of one application needs, parsed once."""

    rec: Record
    config: Config
    cal: WorkCalendar
    as_of: date
    explain: bool
    channel: str
    receipt: date
    receipt_field: str
    fallback: bool  # the channel's own date was missing
    events: list = field(default_factory=list)
    reply: date | None = None
    by_type: dict = field(default_factory=dict)
    handler: str | None = None
    open_only: bool = False  # leave out clocks already met (see deadlines.compute_obligations)
    _consultations: list | None = None
    _fees: list | None = None

    def __post_init__(self) -> None:
        for e in self.events:
            self.by_type.setdefault(e[1], []).append(e)
        h = self.rec.data.get("handler")
        self.handler = h if isinstance(h, str) else None

    def of_type(self, kind: str) -> list[tuple[int, str, date, dict]]:
        """Events of one type, in date order."""
        return self.by_type.get(kind, _NONE)

    @property
    def consultations(self) -> list[tuple[int, Window, date | None]]:
        if self._consultations is None:
            self._consultations = consultation_windows(self) if "consultation_sent" in self.by_type else []
        return self._consultations

    @property
    def fees(self) -> list[tuple[int, Window, date | None]]:
        if self._fees is None:
            self._fees = fee_windows(self) if "fee_notice" in self.by_type else []
        return self._fees


def receipt_date(rec: Record) -> tuple[date, str, bool] | None:
    """Art. 31 receipt date as (date, field used, fell back to another field)."""
    channel = rec.data.get("channel")
    known = isinstance(channel, str) and channel in RECEIPT_BY_CHANNEL
    fields = RECEIPT_BY_CHANNEL[channel] if known else _UNKNOWN_CHANNEL
    for i, name in enumerate(fields):
        d = pdate(rec.data.get(name))
        if d is not None:
            return d, name, i > 0 or not known
    return None


def application_obligations(rec: Record, config: Config, cal: WorkCalendar, as_of: date,
                            explain: bool = False, open_only: bool = False) -> list[Obligation]:
    """Every clock of one application; a clock the data cannot support is skipped."""
    got = receipt_date(rec)
    if got is None:
        return []
    channel = rec.data.get("channel")
    reply = rec.data.get("reply")
    replied = pdate(reply.get("date")) if isinstance(reply, dict) else None
    if open_only and replied is not None:
        return []  # answered: the reply clock is met, the others met or lapsed (see each clock)
    app = App(rec, config, cal, as_of, explain, channel if isinstance(channel, str) else "",
              got[0], got[1], got[2], events_of(rec), replied, open_only=open_only)
    out: list[Obligation] = []
    for clock in (reply_clock, correction_clock, consultation_clocks, fee_clocks):
        try:
            out.extend(clock(app))
        except SKIP:
            continue
    return out


# -- reply ---------------------------------------------------------------------------------


def restart_date(app: App) -> date | None:
    """Art. 30: the last corrected application received (on or after receipt) restarts the count."""
    dates = [d for _, _, d, _ in app.of_type("correction_received") if d >= app.receipt]
    return max(dates) if dates else None


def awaiting_correction(app: App) -> date | None:
    """Date of a 补正 notice still unanswered by a corrected application, if any."""
    notices = [d for _, _, d, _ in app.of_type("correction_notice") if d >= app.receipt]
    if not notices:
        return None
    last = max(notices)
    if any(d >= last for _, _, d, _ in app.of_type("correction_received")):
        return None
    return last


def _paired(app: App, opening: str, closing: str) -> list[tuple[int, date, dict, date | None]]:
    """Each opening event with the next unused closing event on or after it (or None)."""
    openers, closers = app.of_type(opening), app.of_type(closing)
    taken = pair_in_order([e[2] for e in openers], [e[2] for e in closers])
    return [(i, opened, ev, None if k is None else closers[k][2]) for (i, _, opened, ev), k in zip(openers, taken)]


def _window(app: App, opened: date, closed: date | None, limit: int, why: str) -> Window:
    """The excluded stretch from opening to closing, capped at `limit` working days."""
    cap = app.cal.add(opened, limit)
    end = cap if closed is None or closed > cap else closed
    return Window(opened, end, why, capped=end == cap and closed != cap, open=closed is None)


def consultation_windows(app: App) -> list[tuple[int, Window, date | None]]:
    """Each consultation_sent paired with the next unused answer, capped at 15 working days."""
    return [(i, _window(app, sent, answered, CONSULTATION_DAYS,
                        f"consultation_{'agency' if ev.get('party') == 'agency' else 'third_party'}"), answered)
            for i, sent, ev, answered in _paired(app, "consultation_sent", "consultation_answered")]


def fee_windows(app: App) -> list[tuple[int, Window, date | None]]:
    """Each fee_notice paired with the next payment, capped at the 20-working-day payment period."""
    return [(i, _window(app, notice, paid, FEE_DAYS, "fee"), paid)
            for i, notice, _, paid in _paired(app, "fee_notice", "fee_paid")]


def approved_extension(app: App) -> int:
    """Working days added by approved extensions: each at most 20, together at most 20."""
    total = 0
    for _, _, _, ev in app.of_type("extension"):
        days, by = ev.get("days"), ev.get("approved_by")
        if isinstance(by, str) and by.strip() and isinstance(days, int) and not isinstance(days, bool) and days > 0:
            total += min(days, EXTENSION_MAX)
    return min(total, EXTENSION_MAX)


def reply_clock(app: App) -> list[Obligation]:
    """Art. 33: the reply deadline, with restart, excluded periods and extension."""
    if app.events:
        waiting = awaiting_correction(app)
        if waiting is not None:
            return [] if app.reply is not None else [waiting_obligation(app, waiting)]
        start = restart_date(app) or app.receipt
        windows = [w for _, w, _ in app.consultations]
        if app.config.fee_pauses_clock:
            windows += [w for _, w, _ in app.fees]
        n = REPLY_DAYS + approved_extension(app)
        due, _, applied = count_with_windows(app.cal, start, n, windows)
    else:  # the common case, kept cheap
        start, n, applied = app.receipt, REPLY_DAYS, []
        due = app.cal.add(start, n)
    ob = counted_obligation(app.rec, "application", "reply", app.cal, start, due, app.reply, app.as_of,
                            app.config, department=app.handler)
    if app.explain:
        ob.trace = reply_trace(app, start, n, due, applied)
    return [ob]


def waiting_obligation(app: App, notice: date) -> Obligation:
    """While the applicant has not corrected, the reply clock has not (re)started: no due date."""
    ob = obligation(app.rec, "application", "reply", "", "waiting", department=app.handler)
    if app.explain:
        ob.trace = receipt_steps(app) + [step(notice, "note",
            "已发出补正通知，等待申请人补正；答复期限自收到补正申请之日起计算（第三十条）",
            "correction requested; the reply period starts when the corrected application arrives (Art. 30)")]
    return ob


# -- other application clocks ------------------------------------------------------------------


def correction_clock(app: App) -> list[Obligation]:
    """Art. 30: a 补正 notice, if one is needed, within 7 working days of receipt.

    Met by the first notice. Without a notice the clock is shown only while it can still be
    used: once the application is answered or the 7 days have passed it lapses (not a breach).
    """
    notices = app.of_type("correction_notice")
    met = notices[0][2] if notices else None  # events are in date order
    if (met is None and app.reply is not None) or (met is not None and app.open_only):
        return []
    due = app.cal.add(app.receipt, CORRECTION_DAYS)
    if met is None and app.as_of > due:
        return []
    ob = counted_obligation(app.rec, "application", "correction_notice", app.cal, app.receipt, due, met,
                            app.as_of, app.config, department=app.handler)
    if app.explain:
        ob.trace = simple_trace(app.cal, receipt_steps(app), app.receipt, due, CORRECTION_DAYS,
                                "补正告知期限届满（第三十条）", "last day for the correction notice (Art. 30)",
                                met, "发出补正通知", "correction notice sent")
    return [ob]


def consultation_clocks(app: App) -> list[Obligation]:
    """Art. 32 / 34: each consultation is to be answered within 15 working days.

    An unanswered consultation of an application already replied to is not shown."""
    out = []
    for i, w, answered in app.consultations:
        if answered is None and app.reply is not None:
            continue  # the agency decided without an answer (Art. 32 allows it): lapsed
        if answered is not None and app.open_only:
            continue
        due = app.cal.add(w.a, CONSULTATION_DAYS)
        ob = counted_obligation(app.rec, "application", "consultation_reply", app.cal, w.a, due, answered,
                                app.as_of, app.config, department=app.handler, pointer=("events", i))
        if app.explain:
            art = "第三十四条" if w.why.endswith("agency") else "第三十二条"
            head = [step(w.a, "start", f"发出征求意见书（{art}）", "consultation sent")]
            ob.trace = simple_trace(app.cal, head, w.a, due, CONSULTATION_DAYS,
                                    f"征求意见答复期限届满（{art}）", "end of the consultation period",
                                    answered, "收到答复", "answer received")
        out.append(ob)
    return out


def fee_clocks(app: App) -> list[Obligation]:
    """109号: the applicant pays within 20 working days from the day after the fee notice.

    An unpaid notice of an application already closed is not shown."""
    out = []
    for i, w, paid in app.fees:
        if paid is None and app.reply is not None:
            continue  # application closed (e.g. no_fee: deemed withdrawn): lapsed
        if paid is not None and app.open_only:
            continue
        due = app.cal.add(w.a, FEE_DAYS)
        ob = counted_obligation(app.rec, "application", "fee_payment", app.cal, w.a, due, paid,
                                app.as_of, app.config, department=app.handler, pointer=("events", i))
        if app.explain:
            head = [step(w.a, "start", "发出收费通知（收到通知次日起20个工作日内缴纳）",
                         "fee notice sent (pay within 20 working days from the next day)")]
            ob.trace = simple_trace(app.cal, head, w.a, due, FEE_DAYS,
                                    "缴费期限届满，逾期未缴视为放弃申请", "end of the payment period",
                                    paid, "缴纳信息处理费", "fee paid")
        out.append(ob)
    return out


# -- traces ------------------------------------------------------------------------------------


def receipt_steps(app: App) -> list[TraceStep]:
    """The start point: which date the channel makes the receipt date, and any fallback."""
    ch_zh, ch_en = CHANNELS.get(app.channel, (app.channel or "渠道未填写", app.channel or "no channel"))
    f_zh, f_en = RECEIPT_FIELDS.get(app.receipt_field, (app.receipt_field, app.receipt_field))
    steps = [step(app.receipt, "start", f"收到申请之日（{ch_zh}，以{f_zh}为准，第三十一条）",
                  f"date of receipt ({ch_en}: {f_en} date, Art. 31)", 0)]
    if app.fallback:
        wanted = RECEIPT_BY_CHANNEL.get(app.channel, _UNKNOWN_CHANNEL)[0]
        w_zh = RECEIPT_FIELDS.get(wanted, (wanted, wanted))[0]
        steps.append(step(app.receipt, "note", f"未填写{w_zh}（{wanted}），暂以{f_zh}计算",
                          f"no {wanted} date recorded; the {f_en} date is used instead"))
    return steps


def reply_trace(app: App, start: date, n: int, due: date, applied: list[Window]) -> list[TraceStep]:
    """Receipt, restart, every day to the due date, and each event with its effect."""
    head = receipt_steps(app)
    if start != app.receipt:
        head.append(step(start, "restart", "收到补正后的申请，答复期限重新起算（第三十条）",
                         "corrected application received: the count restarts (Art. 30)", 0))
    notes = event_notes(app, applied)
    ext = n - REPLY_DAYS
    tail = [step(due, "due", f"答复期限届满（第{n}个工作日" + (f"，含延长{ext}个工作日" if ext else "") + "）",
                 f"reply due (working day {n}" + (f", including a {ext}-day extension" if ext else "") + ")", n)]
    tail += met_note(app.reply, due, "作出答复", "reply given") + provisional_note(app.cal, start, due)
    days = count_steps(app.cal, start, due, applied)
    return merge(head, days, notes, tail)


def event_notes(app: App, applied: list[Window]) -> list[TraceStep]:
    """One note per event saying what it does to the reply clock."""
    notes: list[TraceStep] = []
    windows = {i: (w, ans) for i, w, ans in app.consultations}
    fees = {i: (w, paid) for i, w, paid in app.fees}
    used_ext = 0
    for i, kind, d, ev in app.events:
        if kind == "correction_notice":
            notes.append(step(d, "note", "发出补正通知（第三十条）", "correction notice sent (Art. 30)"))
        elif kind == "consultation_sent" and i in windows:
            notes.append(consultation_note(windows[i][0], applied))
        elif kind == "consultation_answered":
            notes.append(step(d, "note", "收到征求意见答复，恢复计算", "consultation answered: the count resumes"))
        elif kind == "extension":
            note, used_ext = extension_note(d, ev, used_ext)
            notes.append(note)
        elif kind == "fee_notice" and i in fees:
            notes.append(fee_note(app, fees[i][0], applied))
        elif kind == "fee_paid":
            notes.append(step(d, "note", "申请人缴纳信息处理费", "fee paid"))
    return notes


def consultation_note(w: Window, applied: list[Window]) -> TraceStep:
    """What a consultation does: paused until answered, at most 15 working days."""
    art_zh, art_en = ("第三十四条", "Art. 34") if w.why.endswith("agency") else ("第三十二条", "Art. 32")
    if w not in applied:
        return step(w.a, "note", f"发出征求意见书（{art_zh}），但答复期限已届满，不再扣除",
                    f"consultation sent ({art_en}) after the deadline had passed: nothing excluded")
    zh = f"发出征求意见书（{art_zh}），其后至答复之日不计入答复期限"
    en = f"consultation sent ({art_en}); days until the answer are not counted"
    if w.open:
        zh += f"；尚未答复，按15个工作日上限（至 {w.b.isoformat()}）计算"
        en += f"; no answer yet, counted at the 15-working-day maximum (to {w.b.isoformat()})"
    elif w.capped:
        zh += f"；答复晚于15个工作日，只扣除至 {w.b.isoformat()}"
        en += f"; answered after its 15 working days, excluded only to {w.b.isoformat()}"
    return step(w.a, "excluded", zh, en)


def extension_note(d: date, ev: dict, used: int) -> tuple[TraceStep, int]:
    """An approved extension adds its days (max 20 in all); an unapproved one adds nothing."""
    days, by = ev.get("days"), ev.get("approved_by")
    if not (isinstance(by, str) and by.strip()):
        return step(d, "note", "延长答复期限未记录批准人（approved_by），不予计入（第三十三条）",
                    "extension without an approver (approved_by): not applied (Art. 33)"), used
    if not isinstance(days, int) or isinstance(days, bool) or days <= 0:
        return step(d, "note", "延长答复期限未写明天数，不予计入", "extension without a number of days: not applied"), used
    add = min(days, EXTENSION_MAX, EXTENSION_MAX - used)
    zh = f"经{by}同意延长答复期限{add}个工作日（第三十三条第二款）"
    en = f"extension of {add} working days approved by {by} (Art. 33(2))"
    if add < days:
        zh += f"；申请延长{days}日，超出20个工作日上限的部分不计"
        en += f"; {days} asked, capped at 20 working days in all"
    return step(d, "extension", zh, en), used + add


def fee_note(app: App, w: Window, applied: list[Window]) -> TraceStep:
    """Fee notice: pauses the clock unless rules.fee_pauses_clock is false (UNCONFIRMED rule)."""
    if not app.config.fee_pauses_clock:
        return step(w.a, "note", "发出收费通知；rules.fee_pauses_clock 为 false，答复期限照常计算",
                    "fee notice sent; rules.fee_pauses_clock is false, the count goes on")
    if w not in applied:
        return step(w.a, "note", "发出收费通知，但答复期限已届满，不再扣除",
                    "fee notice sent after the deadline had passed: nothing excluded")
    zh = ("发出收费通知，至缴费之日不计入答复期限（依国办函〔2020〕109号的通常理解，未经核实 UNCONFIRMED；"
          "可用 rules.fee_pauses_clock 关闭）")
    en = ("fee notice sent; days until payment are not counted (common reading of 国办函〔2020〕109号, "
          "UNCONFIRMED; switch off with rules.fee_pauses_clock)")
    if w.open:
        zh += f"；尚未缴费，按缴费期限（至 {w.b.isoformat()}）计算"
        en += f"; not paid yet, counted to the end of the payment period ({w.b.isoformat()})"
    return step(w.a, "excluded", zh, en)
