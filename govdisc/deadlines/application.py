"""Clocks of an application (依申请公开): reply, 补正 notice, consultation answers, fee payment.

Rules (《政府信息公开条例》 2019):
- Art. 31 fixes the receipt date per channel; for an ordinary letter the office confirms with
  the applicant on the day it arrives (`arrived`), and the clock runs from the confirmation.
- Art. 33(2): 20 working days; an extension approved by the head of the disclosure office adds
  at most 20 working days *in all*. An extension counts only when approved and notified on or
  before the deadline then in force (a deadline that has run out cannot be extended), and, when
  govdisc.yaml lists `approvers`, only when one of them approved it.
- Art. 30: the count restarts when the corrected application arrives. The notice is given once:
  the restart is the first corrected application after the first notice; a second notice gives
  no time.
- Art. 33(3): consultation time is not counted (third party Art. 32, other agency Art. 34, each
  answering within 15 working days of *receiving* the request: from `delivered` when known,
  else from sending). The excluded stretch runs from sending to the answer, at most to the end
  of those 15 working days.
- Art. 35: a deferral notified on or before the deadline in force sets the reply date to its
  `until` (when later); one notified after the deadline has run out gives no time.
- The fee notice → payment pause follows a common reading of 国办函〔2020〕109号 that is
  UNCONFIRMED (reference Part 3 item 35), so it is a setting: `rules.fee_pauses_clock`
  (default true). A fee notice after the deadline has run out pauses nothing.

The reply obligation carries the engine's verdict on each of these events (`effects`); the APP
rules read those verdicts, so `check` and `deadlines --explain` cannot disagree.
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
from govdisc.model import Effect, Obligation, Record, TraceStep

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
#: events that can move the reply deadline by a verdict of the engine
_JUDGED = ("extension", "deferral")


@dataclass(slots=True)
class Consultation:
    """One consultation_sent: its excluded window, the answer, and the day its 15 days run from."""

    index: int
    window: Window
    answered: date | None
    base: date  # delivery of the request (Art. 32 / 34 收到征求意见书之日), else sending
    delivered: date | None


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
    def consultations(self) -> list[Consultation]:
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


def late_confirmation(rec: Record) -> tuple[date, date] | None:
    """Art. 31(2): (arrived, confirmed) of an ordinary letter confirmed after the day it arrived."""
    if rec.data.get("channel") != "mail_unsigned":
        return None
    arrived, confirmed = pdate(rec.data.get("arrived")), pdate(rec.data.get("confirmed"))
    if arrived is None or confirmed is None or confirmed <= arrived:
        return None
    return arrived, confirmed


def approval_problem(ev: dict, approvers: list[str] | tuple[str, ...] = ()) -> str | None:
    """Why an extension's approval does not count (Art. 33(2)): unapproved | unauthorised | None.
    `approvers`: govdisc.yaml's list of who may approve; empty, anyone named is accepted."""
    by = ev.get("approved_by")
    if not (isinstance(by, str) and by.strip()):
        return "unapproved"
    if approvers and by.strip() not in approvers:
        return "unauthorised"
    return None


def extension_days(ev: dict) -> int | None:
    """The working days an extension asks for, when it is a positive whole number."""
    days = ev.get("days")
    if isinstance(days, int) and not isinstance(days, bool) and days > 0:
        return days
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


def clock_start(rec: Record) -> date | None:
    """The day the reply count runs from: the receipt date, or the Art. 30 restart."""
    got = receipt_date(rec)
    if got is None:
        return None
    return restart_of(events_of(rec), got[0]) or got[0]


# -- reply ---------------------------------------------------------------------------------


def correction_points(events: list, receipt: date) -> tuple[tuple[int, date] | None, tuple[int, date] | None]:
    """Art. 30, as (event index, date): the lawful 补正 notice — the first on or after receipt — and
    the corrected application that restarts the count — the first received after that notice.
    Later notices and corrections give no more time: the notice is given once (events in date order)."""
    notice = next(((i, d) for i, t, d, _ in events if t == "correction_notice" and d >= receipt), None)
    if notice is None:
        return None, None
    return notice, next(((i, d) for i, t, d, _ in events if t == "correction_received" and d >= notice[1]), None)


def restart_of(events: list, receipt: date) -> date | None:
    """Art. 30 restart date: the first corrected application received after the notice."""
    restart = correction_points(events, receipt)[1]
    return restart[1] if restart else None


def restart_date(app: App) -> date | None:
    return restart_of(app.events, app.receipt)


def awaiting_correction(app: App) -> date | None:
    """Date of the 补正 notice while no corrected application has answered it, if any."""
    notice, restart = correction_points(app.events, app.receipt)
    return notice[1] if notice is not None and restart is None else None


def pair_events(events: list, opening: str, closing: str) -> list[tuple[int, date, dict, int | None, date | None]]:
    """Each opening event (in date order) with the first unused closing event dated on or after
    it: (index, date, event, closing index, closing date), the closing ones None when unanswered.
    The one pairing of consultations with answers and fee notices with payments, for the clocks
    and for the rules; linear in the number of events (common.pair_in_order)."""
    openers = [(i, d, ev) for i, t, d, ev in events if t == opening]
    closers = [(j, d) for j, t, d, _ in events if t == closing]
    taken = pair_in_order([d for _, d, _ in openers], [d for _, d in closers])
    return [(i, opened, ev, None if k is None else closers[k][0], None if k is None else closers[k][1])
            for (i, opened, ev), k in zip(openers, taken)]


def _paired(app: App, opening: str, closing: str) -> list[tuple[int, date, dict, date | None]]:
    return [(i, opened, ev, closed) for i, opened, ev, _, closed in pair_events(app.events, opening, closing)]


def _window(opened: date, closed: date | None, cap: date, why: str) -> Window:
    """The excluded stretch from opening to closing, ending at `cap` at the latest."""
    end = cap if closed is None or closed > cap else closed
    return Window(opened, end, why, capped=end == cap and closed != cap, open=closed is None)


def consultation_windows(app: App) -> list[Consultation]:
    """Each consultation_sent paired with the next unused answer; excluded from sending, at most
    to 15 working days after the request was delivered (or sent, when delivery is unknown)."""
    out = []
    for i, sent, ev, answered in _paired(app, "consultation_sent", "consultation_answered"):
        delivered = pdate(ev.get("delivered"))
        base = delivered if delivered is not None and delivered >= sent else sent
        why = f"consultation_{'agency' if ev.get('party') == 'agency' else 'third_party'}"
        window = _window(sent, answered, app.cal.add(base, CONSULTATION_DAYS), why)
        out.append(Consultation(i, window, answered, base, delivered))
    return out


def fee_windows(app: App) -> list[tuple[int, Window, date | None]]:
    """Each fee_notice paired with the next payment, capped at the 20-working-day payment period."""
    return [(i, _window(notice, paid, app.cal.add(notice, FEE_DAYS), "fee"), paid)
            for i, notice, _, paid in _paired(app, "fee_notice", "fee_paid")]


@dataclass(slots=True)
class ReplyCount:
    """The reply deadline and how it came about."""

    start: date
    n: int  # counted working days (20 plus the extension)
    statutory: date  # the Art. 33 deadline: n counted days, excluded windows skipped
    due: date  # the deadline: the statutory one, or a later lawful Art. 35 deferral
    applied: list[Window]
    effects: list[Effect]
    deferred: date | None = None


def count_reply(app: App, start: date) -> ReplyCount:
    """Art. 33 with its extensions and Art. 35 deferrals, judged in date order against the
    deadline in force on each event's day."""
    windows = [c.window for c in app.consultations]
    fee_windows_ = [w for _, w, _ in app.fees]
    if app.config.fee_pauses_clock:
        windows += fee_windows_
    n, used = REPLY_DAYS, 0
    statutory, _, applied = count_with_windows(app.cal, start, n, windows)
    deferred: date | None = None
    effects: list[Effect] = []
    for i, kind, d, ev in app.events:
        if kind not in _JUDGED:
            continue
        in_force = max(statutory, deferred) if deferred is not None else statutory
        if kind == "extension":
            verdict, add = judge_extension(app, d, ev, in_force, used)
            effects.append(Effect(i, kind, d.isoformat(), verdict, in_force.isoformat(), add, used))
            if add:
                used += add
                n += add
                statutory, _, applied = count_with_windows(app.cal, start, n, windows)
        else:
            until = pdate(ev.get("until"))
            if until is None:
                verdict = "no_until"
            elif d > in_force:
                verdict = "late"
            elif until <= in_force:
                verdict = "not_later"
            else:
                verdict, deferred = "applied", until
            effects.append(Effect(i, kind, d.isoformat(), verdict, in_force.isoformat()))
    due = max(statutory, deferred) if deferred is not None else statutory
    for i, w, _ in app.fees:
        effects.append(Effect(i, "fee_notice", w.a.isoformat(), fee_verdict(app, w, applied, due),
                              due.isoformat()))
    effects.sort(key=lambda e: (e.date, e.index))
    return ReplyCount(start, n, statutory, due, applied, effects, deferred if deferred and deferred > statutory else None)


def judge_extension(app: App, d: date, ev: dict, in_force: date, used: int) -> tuple[str, int]:
    """(verdict, working days added) of one extension under Art. 33(2)."""
    problem = approval_problem(ev, app.config.approvers)
    if problem is not None:
        return problem, 0
    days = extension_days(ev)
    if days is None:
        return "no_days", 0
    told = pdate(ev.get("notified")) or d
    if d > in_force or told > in_force:
        return "late", 0
    room = EXTENSION_MAX - used
    if room <= 0:
        return "over_cap", 0
    add = min(days, room)
    return ("capped" if add < days else "applied"), add


def fee_verdict(app: App, w: Window, applied: list[Window], due: date) -> str:
    """late (after the deadline ran out), not_paused (setting off), applied, or within_deferral."""
    if w.a > due:
        return "late"
    if not app.config.fee_pauses_clock:
        return "not_paused"
    return "applied" if w in applied else "within_deferral"


def reply_clock(app: App) -> list[Obligation]:
    """Art. 33: the reply deadline, with restart, excluded periods, extension and deferral."""
    count = None
    if app.events:
        waiting = awaiting_correction(app)
        if waiting is not None:
            return [] if app.reply is not None else [waiting_obligation(app, waiting)]
        count = count_reply(app, restart_date(app) or app.receipt)
        start, due = count.start, count.due
    else:  # the common case, kept cheap
        start = app.receipt
        due = app.cal.add(start, REPLY_DAYS)
    ob = counted_obligation(app.rec, "application", "reply", app.cal, start, due, app.reply, app.as_of,
                            app.config, department=app.handler)
    if count is not None:
        ob.effects = count.effects
    if app.explain:
        ob.trace = reply_trace(app, count or ReplyCount(start, REPLY_DAYS, due, due, [], []))
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
    """Art. 32 / 34: each consultation is to be answered within 15 working days of the consulted
    party receiving it (`delivered`; the sending day when delivery is not recorded).

    An unanswered consultation of an application already replied to is not shown."""
    out = []
    for c in app.consultations:
        if c.answered is None and app.reply is not None:
            continue  # the agency decided without an answer (Art. 32 allows it): lapsed
        if c.answered is not None and app.open_only:
            continue
        due = app.cal.add(c.base, CONSULTATION_DAYS)
        ob = counted_obligation(app.rec, "application", "consultation_reply", app.cal, c.base, due, c.answered,
                                app.as_of, app.config, department=app.handler, pointer=("events", c.index))
        if app.explain:
            art = "第三十四条" if c.window.why.endswith("agency") else "第三十二条"
            head = [step(c.window.a, "start" if c.delivered is None else "note", f"发出征求意见书（{art}）",
                         "consultation sent")]
            if c.delivered is not None:
                head.append(delivery_step(c, art))
            ob.trace = simple_trace(app.cal, head, c.base, due, CONSULTATION_DAYS,
                                    f"征求意见答复期限届满（{art}）", "end of the consultation period",
                                    c.answered, "收到答复", "answer received")
        out.append(ob)
    return out


def delivery_step(c: Consultation, art: str, action: str = "start") -> TraceStep:
    """The day the consulted party received the request: its 15 working days run from here
    (the start of the consultation clock; a note in the reply clock's derivation)."""
    assert c.delivered is not None
    if c.delivered < c.window.a:
        return step(c.delivered, "note", "送达日期早于发出日期，不予采用，按发出之日计算",
                    "delivery dated before sending: ignored, counted from sending")
    return step(c.delivered, action, f"被征求意见方收到征求意见书，15个工作日自此起算（{art}）",
                f"the consulted party received the request: its 15 working days run from here "
                f"(Art. {'34' if art == '第三十四条' else '32'})", 0 if action == "start" else None)


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
    """The start point: which date the channel makes the receipt date, any fallback, and the
    day an ordinary letter arrived (Art. 31(2): to be confirmed that same day)."""
    ch_zh, ch_en = CHANNELS.get(app.channel, (app.channel or "渠道未填写", app.channel or "no channel"))
    f_zh, f_en = RECEIPT_FIELDS.get(app.receipt_field, (app.receipt_field, app.receipt_field))
    steps = [step(app.receipt, "start", f"收到申请之日（{ch_zh}，以{f_zh}为准，第三十一条）",
                  f"date of receipt ({ch_en}: {f_en} date, Art. 31)", 0)]
    if app.fallback:
        wanted = RECEIPT_BY_CHANNEL.get(app.channel, _UNKNOWN_CHANNEL)[0]
        w_zh = RECEIPT_FIELDS.get(wanted, (wanted, wanted))[0]
        steps.append(step(app.receipt, "note", f"未填写{w_zh}（{wanted}），暂以{f_zh}计算",
                          f"no {wanted} date recorded; the {f_en} date is used instead"))
    arrived = pdate(app.rec.data.get("arrived"))
    if arrived is not None:
        late = late_confirmation(app.rec)
        if late is not None:
            zh = (f"申请到达本机关；平常信函应当于收到申请的当日与申请人确认（第三十一条第（二）项），"
                  f"实际于 {late[1].isoformat()} 确认，答复期限仍自确认之日起算")
            en = (f"the application arrived; an ordinary letter is to be confirmed with the applicant that same day "
                  f"(Art. 31(2)), it was confirmed on {late[1].isoformat()}; the count still runs from confirmation")
        else:
            zh, en = "申请到达本机关（第三十一条）", "the application arrived (Art. 31)"
        steps.insert(0, step(arrived, "note", zh, en))
    return steps


def reply_trace(app: App, count: ReplyCount) -> list[TraceStep]:
    """Receipt, restart, every day to the due date, and each event with its effect."""
    start, n, statutory = count.start, count.n, count.statutory
    head = receipt_steps(app)
    if start != app.receipt:
        head.append(step(start, "restart", "收到补正后的申请，答复期限重新起算（第三十条）",
                         "corrected application received: the count restarts (Art. 30)", 0))
    notes = event_notes(app, count)
    ext = n - REPLY_DAYS
    what_zh = f"第{n}个工作日" + (f"，含延长{ext}个工作日" if ext else "")
    what_en = f"working day {n}" + (f", including a {ext}-day extension" if ext else "")
    if count.deferred is not None:
        tail = [step(statutory, "note", f"第三十三条规定的答复期限届满（{what_zh}），已依第三十五条延迟答复",
                     f"the Art. 33 period ends ({what_en}); the reply was deferred under Art. 35"),
                step(count.deferred, "due", "延迟答复的期限届满（第三十五条）", "deferred reply due (Art. 35)")]
    else:
        tail = [step(statutory, "due", f"答复期限届满（{what_zh}）", f"reply due ({what_en})", n)]
    tail += met_note(app.reply, count.due, "作出答复", "reply given") + provisional_note(app.cal, start, count.due)
    days = count_steps(app.cal, start, statutory, count.applied)
    return merge(head, days, notes, tail)


def event_notes(app: App, count: ReplyCount) -> list[TraceStep]:
    """One note per event saying what it does to the reply clock."""
    notes: list[TraceStep] = []
    consultations = {c.index: c for c in app.consultations}
    fees = {i: w for i, w, _ in app.fees}
    verdicts = {e.index: e for e in count.effects}
    notice, restart = (p[0] if p else None for p in correction_points(app.events, app.receipt))
    for i, kind, d, ev in app.events:
        if kind == "correction_notice":
            if i == notice:
                notes.append(step(d, "note", "发出补正通知（第三十条）", "correction notice sent (Art. 30)"))
            else:
                notes.append(step(d, "note", "再次告知补正：第三十条要求一次性告知，不给予额外期限",
                                  "correction requested again: Art. 30 requires one notice; no extra time"))
        elif kind == "correction_received" and i != restart:
            notes.append(step(d, "note", "此次补正不重新起算答复期限（第三十条：以首次告知后收到的补正申请起算）",
                              "this correction does not restart the count (Art. 30: the first one after the notice does)"))
        elif kind == "consultation_sent" and i in consultations:
            c = consultations[i]
            notes.append(consultation_note(c.window, count.applied))
            if c.delivered is not None:
                art = "第三十四条" if c.window.why.endswith("agency") else "第三十二条"
                notes.append(delivery_step(c, art, "note"))
        elif kind == "consultation_answered":
            notes.append(step(d, "note", "收到征求意见答复，恢复计算", "consultation answered: the count resumes"))
        elif kind in _JUDGED and i in verdicts:
            notes.append(judged_note(d, ev, verdicts[i]))
        elif kind == "fee_notice" and i in fees:
            notes.append(fee_note(app, fees[i], verdicts.get(i)))
        elif kind == "fee_paid":
            notes.append(step(d, "note", "申请人缴纳信息处理费", "fee paid"))
        elif kind == "third_party_notice":
            notes.append(step(d, "note", "将决定公开的内容和理由书面告知第三方（第三十二条）",
                              "the third party told in writing of the decision to disclose and why (Art. 32)"))
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


#: (event type, verdict) → the note for an event that gives no time; {due} is the deadline then
#: in force, {by} the approver, {prior} the working days added before, {until} the deferred date
NO_TIME: dict[tuple[str, str], tuple[str, str]] = {
    ("extension", "unapproved"): ("延长答复期限未记录批准人（approved_by），不予计入（第三十三条第二款）",
                                  "extension without an approver (approved_by): not applied (Art. 33(2))"),
    ("extension", "unauthorised"): ("延长答复期限的批准人“{by}”不在 govdisc.yaml 的 approvers 名单中，不予计入（第三十三条第二款）",
                                    "extension approved by {by}, who is not among the approvers in govdisc.yaml: "
                                    "not applied (Art. 33(2))"),
    ("extension", "no_days"): ("延长答复期限未写明天数，不予计入", "extension without a number of days: not applied"),
    ("extension", "late"): ("答复期限已于 {due} 届满后才延长或告知申请人，不予计入（已届满的期限无从延长）",
                            "extended or notified after the deadline ran out on {due}: not applied "
                            "(a deadline that has passed cannot be extended)"),
    ("extension", "over_cap"): ("此前已延长{prior}个工作日，已达20个工作日上限，不再计入（第三十三条第二款）",
                                "{prior} working days already added, the 20-day maximum: nothing more (Art. 33(2))"),
    ("deferral", "no_until"): ("延迟答复未写明答复日期（until），不予计入（第三十五条）",
                               "deferral without a reply date (until): not applied (Art. 35)"),
    ("deferral", "late"): ("答复期限已于 {due} 届满后才决定延迟答复，不予计入（第三十五条）",
                           "deferred after the deadline ran out on {due}: not applied (Art. 35)"),
    ("deferral", "not_later"): ("延迟答复的日期 {until} 不晚于当时的答复期限 {due}，期限不变",
                                "the deferred date {until} is not after the deadline then in force ({due}): no change"),
}


def judged_note(d: date, ev: dict, e: Effect) -> TraceStep:
    """What the engine made of an extension (Art. 33(2)) or a deferral (Art. 35): the time it
    added, or why it gives none."""
    void = NO_TIME.get((e.kind, e.verdict))
    if void is not None:
        fields = {"due": e.due_before, "by": ev.get("approved_by"), "prior": e.prior, "until": ev.get("until")}
        return step(d, "note", void[0].format(**fields), void[1].format(**fields))
    if e.kind == "deferral":
        until = ev.get("until")
        return step(d, "deferral", f"申请数量、频次明显超过合理范围，确定延迟答复期限至 {until} 并告知申请人（第三十五条）",
                    f"requests clearly excessive: reply deferred to {until}, applicant notified (Art. 35)")
    days, by = ev.get("days"), ev.get("approved_by")
    zh = f"经{by}同意延长答复期限{e.days}个工作日（第三十三条第二款）"
    en = f"extension of {e.days} working days approved by {by} (Art. 33(2))"
    if e.prior:
        zh += f"；此前已延长{e.prior}个工作日"
        en += f"; {e.prior} working days were added before"
    if e.verdict == "capped":
        zh += f"；申请延长{days}日，超出20个工作日上限的部分不计"
        en += f"; {days} asked, capped at 20 working days in all"
    return step(d, "extension", zh, en)


def fee_note(app: App, w: Window, e: Effect | None) -> TraceStep:
    """Fee notice: pauses the clock unless rules.fee_pauses_clock is false (UNCONFIRMED rule)."""
    verdict = e.verdict if e is not None else "applied"
    if verdict == "late":
        return step(w.a, "note", "发出收费通知，但答复期限已届满，不再扣除",
                    "fee notice sent after the deadline had passed: nothing excluded")
    if verdict == "not_paused":
        return step(w.a, "note", "发出收费通知；rules.fee_pauses_clock 为 false，答复期限照常计算",
                    "fee notice sent; rules.fee_pauses_clock is false, the count goes on")
    if verdict == "within_deferral":
        return step(w.a, "note", "发出收费通知；答复已依第三十五条延迟至确定的日期，不再扣除",
                    "fee notice sent; the reply is deferred to a fixed date (Art. 35): nothing excluded")
    zh = ("发出收费通知，至缴费之日不计入答复期限（依国办函〔2020〕109号的通常理解，未经核实 UNCONFIRMED；"
          "可用 rules.fee_pauses_clock 关闭）")
    en = ("fee notice sent; days until payment are not counted (common reading of 国办函〔2020〕109号, "
          "UNCONFIRMED; switch off with rules.fee_pauses_clock)")
    if w.open:
        zh += f"；尚未缴费，按缴费期限（至 {w.b.isoformat()}）计算"
        en += f"; not paid yet, counted to the end of the payment period ({w.b.isoformat()})"
    return step(w.a, "excluded", zh, en)
