"""APP: applications for disclosure (依申请公开, 《条例》第二十九条至第四十五条).

Deadlines come from the deadline engine (`ctx.obligations`, govdisc.deadlines.application):
the receipt date per channel (Art. 31), the restart after 补正 (Art. 30), excluded consultation
and fee periods, extensions (Art. 33) and deferrals (Art. 35). The rules here only read its
verdicts: the reply obligation's status and, for each extension, deferral and fee notice, the
engine's `effects` (applied, late, capped…, with the deadline in force on that day), so a rule
and `deadlines --explain` can never disagree. Field-only facts (an approver's name, an ordinary
letter's arrival) go through the same predicates the engine uses. Provisional deadlines are
reported by REG011.
"""

from __future__ import annotations

from datetime import date
from typing import Any, Iterator

from govdisc.appeals import proceedings
from govdisc.calendar import MIN_YEAR
from govdisc.deadlines.application import (EXTENSION_MAX, RECEIPT_BY_CHANNEL, approval_problem,
                                           late_confirmation, pair_events, receipt_date)
from govdisc.deadlines.common import events_of, pdate
from govdisc.deadlines.labels import CHANNELS, EVENTS, RECEIPT_FIELDS
from govdisc.deadlines.yearend import first_year
from govdisc.model import Effect, Obligation, Record
from govdisc.codes import Hit, hit, rule
from govdisc.rules.context import Context
from govdisc.rules.engine import per_record


OUTCOMES: dict[str, tuple[str, str]] = {
    "disclosed": ("予以公开", "disclosed"),
    "partially_disclosed": ("部分公开", "partially disclosed"),
    "withheld": ("不予公开", "withheld"),
    "not_held": ("本机关不掌握相关政府信息", "not held"),
    "needs_creation": ("没有现成信息需要另行制作", "would need to be created"),
    "still_unclear": ("补正后申请内容仍不明确", "still unclear after correction"),
    "complaint": ("信访举报投诉类申请", "complaint"),
    "duplicate": ("重复申请", "duplicate"),
    "publication": ("要求提供公开出版物", "publication"),
    "excessive": ("无正当理由大量反复申请", "excessive"),
    "confirmation": ("要求行政机关确认或重新出具已获取信息", "confirmation"),
    "no_correction": ("申请人逾期不补正", "not corrected"),
    "no_fee": ("申请人逾期未缴费", "fee not paid"),
    "other": ("其他", "other"),
}

EXEMPTING = ("withheld", "partially_disclosed")

REVIEW_KINDS: dict[str, tuple[str, str]] = {
    "reconsideration": ("行政复议", "administrative reconsideration"),
    "litigation": ("行政诉讼（未经复议直接起诉）", "lawsuit"),
    "litigation_after_reconsideration": ("行政诉讼（复议后起诉）", "lawsuit after reconsideration"),
}
REVIEW_RESULTS: dict[str, tuple[str, str]] = {
    "upheld": ("结果维持", "upheld"), "corrected": ("结果纠正", "corrected"),
    "other": ("其他结果", "other"), "pending": ("尚未审结", "pending"),
}


def _review_kind(k: Any) -> dict[str, str]:
    zh, en = REVIEW_KINDS.get(k, ("行政复议/诉讼", "reconsideration or lawsuit")) if isinstance(k, str) \
        else ("行政复议/诉讼", "reconsideration or lawsuit")
    return {"kind": zh, "kind_en": en}


# -- helpers ---------------------------------------------------------------------------------


def _obligations(ctx: Context, name: str) -> Iterator[tuple[Obligation, Record]]:
    for ob in ctx.obligations:
        if ob.kind == "application" and ob.obligation == name:
            rec = ctx.record_at(ob.path)
            if rec is not None:
                yield ob, rec


def _reply(rec: Record) -> dict | None:
    r = rec.data.get("reply")
    return r if isinstance(r, dict) else None


def _reply_date(rec: Record) -> date | None:
    r = _reply(rec)
    return pdate(r.get("date")) if r else None


def _outcome(rec: Record) -> str | None:
    r = _reply(rec)
    o = r.get("outcome") if r else None
    return o if isinstance(o, str) else None


def _receipt(rec: Record) -> date | None:
    got = receipt_date(rec)
    return got[0] if got else None


def _iso(value: Any) -> str:
    d = pdate(value)
    return d.isoformat() if d else str(value)


def _overdue_days(ctx: Context, due: date, until: date) -> int:
    try:
        return max(ctx.calendar.between(due, until), 0)
    except (ValueError, OverflowError):
        return 0


def _event_label(t: str) -> tuple[str, str]:
    return EVENTS.get(t, (t, t))


def _note(ob: Obligation) -> tuple[str, str]:
    if ob.provisional:
        return "（该期限为暂定，所涉年度的节假日安排未知）", " (provisional: a year's holiday schedule is unknown)"
    return "", ""


def _unpaired(evs: list, start: str, end: str) -> list[tuple[int, date]]:
    """End events (answer, payment…) among a record's events (events_of) that no earlier start
    event accounts for, by the deadline engine's own pairing (pair_events)."""
    used = {j for _, _, _, j, _ in pair_events(evs, start, end) if j is not None}
    return [(j, d) for j, t, d, _ in evs if t == end and j not in used]


def _effects(ctx: Context, kind: str, *verdicts: str) -> Iterator[tuple[Effect, Record]]:
    """The engine's verdicts of one event type (on the reply clock), filtered by verdict."""
    for ob, rec in _obligations(ctx, "reply"):
        for e in ob.effects:
            if e.kind == kind and e.verdict in verdicts:
                yield e, rec


def _event(rec: Record, index: int) -> dict:
    ev = rec.get("events", index)
    return ev if isinstance(ev, dict) else {}


def _since(ctx: Context) -> int | None:
    """The register's first year (govdisc.yaml `since`, else derived), for duties that should
    not be demanded of records kept before the register was."""
    return first_year(ctx.records, ctx.config)


# -- the reply deadline --------------------------------------------------------------------


@rule(
    "APP001", "error",
    title=("答复已逾期", "Reply overdue"),
    message=("收到申请之日 {receipt}，答复期限 {due} 已过，截至 {as_of} 逾期 {days} 个工作日仍未答复{note}",
             "received on {receipt}, reply due {due}: still unanswered on {as_of}, {days} working days overdue{note_en}"),
    basis="《条例》第三十三条第二款：应当自收到申请之日起20个工作日内予以答复",
    hint=("立即答复申请人，并在 reply 中写明答复日期和办理结果；若已答复，补录 reply.date。"
          "若期限计算有误，检查收到日期、补正、征求意见和延期事件是否完整。",
          "Reply now and record reply.date and reply.outcome; if the reply was given, record it. "
          "If the deadline looks wrong, check the receipt date and the events."),
    bad="id: YSQ-2025-0003\nchannel: in_person\nsubmitted: 2025-10-09\n# 没有 reply",
    good="id: YSQ-2025-0003\nchannel: in_person\nsubmitted: 2025-10-09\nreply: {date: 2025-11-03, outcome: disclosed}",
    clauses=("二(七)", "条例第33条"),
)
def reply_overdue(ctx: Context) -> Iterator[Hit]:
    for ob, rec in _obligations(ctx, "reply"):
        if ob.status != "overdue" or not ob.due:
            continue
        due = pdate(ob.due)
        if due is None:
            continue
        note, note_en = _note(ob)
        reply = _reply(rec)
        # with a reply but no (valid) date: at reply.date, where a REG005 may already stand for it
        yield hit(rec, ("reply", "date") if reply is not None else (), anchor="missing" if reply is not None else "parent",
                  receipt=_iso(_receipt(rec)), due=ob.due, as_of=ctx.as_of.isoformat(),
                  days=_overdue_days(ctx, due, ctx.as_of), note=note, note_en=note_en)


@rule(
    "APP002", "warning",
    title=("答复即将到期", "Reply due soon"),
    message=("答复期限 {due}（收到申请之日 {receipt}），截至 {as_of} 仅剩 {left} 个工作日{note}",
             "reply due {due} (received {receipt}): {left} working days left on {as_of}{note_en}"),
    basis="《条例》第三十三条第二款",
    hint=("抓紧办理；确需延期的，应在期限届满前经政府信息公开工作机构负责人同意并告知申请人（记录 extension 事件）。",
          "Hurry; if an extension is really needed, get the head of the disclosure office to approve it and tell "
          "the applicant before the deadline (record an extension event)."),
    bad="submitted: 2025-12-29\n# 2026-01-27 到期，尚未答复",
    good="submitted: 2025-12-29\nreply: {date: 2026-01-20, outcome: disclosed}",
    clauses=("二(七)", "条例第33条"),
)
def reply_due_soon(ctx: Context) -> Iterator[Hit]:
    for ob, rec in _obligations(ctx, "reply"):
        if ob.status != "due_soon" or not ob.due:
            continue
        note, note_en = _note(ob)
        yield hit(rec, ("reply",) if _reply(rec) is not None else (), anchor="parent",
                  due=ob.due, receipt=_iso(_receipt(rec)), as_of=ctx.as_of.isoformat(),
                  left=ob.days_left if ob.days_left is not None else "?", note=note, note_en=note_en)


@rule(
    "APP003", "error",
    title=("逾期答复", "Reply given late"),
    message=("答复日期 {reply} 晚于法定期限 {due}（超过 {days} 个工作日；收到申请之日 {receipt}）{note}",
             "replied on {reply}, after the deadline {due} ({days} working days late; received {receipt}){note_en}"),
    basis="《条例》第三十三条第二款",
    hint=("逾期已成事实，无法补救：在年度自查中说明原因并整改。若期限算错，核对收到日期、补正、征求意见、延期和收费事件是否完整。",
          "A late reply cannot be undone: explain it in the year-end self-inspection. If the deadline looks wrong, "
          "check the receipt date and the events (correction, consultation, extension, fee)."),
    bad="submitted: 2024-09-02\nreply: {date: 2024-10-15, outcome: disclosed}",
    good="submitted: 2024-09-02\nreply: {date: 2024-09-27, outcome: disclosed}",
    clauses=("二(七)", "条例第33条"),
)
def reply_late(ctx: Context) -> Iterator[Hit]:
    for ob, rec in _obligations(ctx, "reply"):
        if ob.status != "late":
            continue
        due, met = pdate(ob.due), pdate(ob.met_on)
        if due is None or met is None:
            continue
        note, note_en = _note(ob)
        yield hit(rec, ("reply", "date"), reply=met.isoformat(), due=due.isoformat(),
                  days=_overdue_days(ctx, due, met), receipt=_iso(_receipt(rec)), note=note, note_en=note_en)


# -- 补正 (Art. 30) ---------------------------------------------------------------------------


@rule(
    "APP004", "error",
    title=("补正告知超过7个工作日", "Correction notice later than 7 working days"),
    message=("补正告知日期 {notice} 晚于期限 {due}（收到申请之日 {receipt} 后 7 个工作日，超过 {days} 个工作日）",
             "correction notice of {notice} is after its deadline {due} (7 working days after receipt on {receipt}; "
             "{days} working days late)"),
    basis="《条例》第三十条：应当……自收到申请之日起7个工作日内一次性告知申请人作出补正",
    hint=("申请内容不明确的，应在收到申请后 7 个工作日内一次性告知补正；核对 events 中 correction_notice 的日期和收到日期。",
          "Ask for a correction within 7 working days of receipt; check the correction_notice date and the receipt date."),
    bad="submitted: 2024-10-08\nevents:\n  - {type: correction_notice, date: 2024-10-25}",
    good="submitted: 2024-10-08\nevents:\n  - {type: correction_notice, date: 2024-10-14}",
    clauses=("二(七)", "条例第30条"),
)
def correction_notice_late(ctx: Context) -> Iterator[Hit]:
    for ob, rec in _obligations(ctx, "correction_notice"):
        if ob.status != "late":
            continue
        due, met = pdate(ob.due), pdate(ob.met_on)
        if due is None or met is None:
            continue
        idx = next((i for i, t, d, _ in events_of(rec) if t == "correction_notice" and d == met), None)
        yield hit(rec, ("events", idx, "date") if idx is not None else ("events",),
                  notice=met.isoformat(), due=due.isoformat(), receipt=_iso(_receipt(rec)),
                  days=_overdue_days(ctx, due, met))


@rule(
    "APP005", "error",
    title=("多次告知补正", "Correction requested more than once"),
    message=("{date} 第 {n} 次告知补正（首次告知 {first}）；补正事项应当一次性告知",
             "correction requested again on {date} (number {n}; first on {first}); it must be requested once, "
             "listing everything"),
    basis="《条例》第三十条：一次性告知申请人作出补正，说明需要补正的事项和合理的补正期限",
    hint=("补正通知应一次列明全部需要补正的事项；补正后仍不明确的，以 still_unclear（补正后申请内容仍不明确）答复，而不是再次告知补正。",
          "List everything in one notice; if the corrected application is still unclear, reply with outcome "
          "still_unclear instead of asking again."),
    bad=("events:\n  - {type: correction_notice, date: 2024-10-10}\n  - {type: correction_received, date: 2024-10-15}\n"
         "  - {type: correction_notice, date: 2024-10-18}"),
    good=("events:\n  - {type: correction_notice, date: 2024-10-10}\n  - {type: correction_received, date: 2024-10-15}\n"
          "reply: {date: 2024-11-05, outcome: still_unclear}"),
    clauses=("条例第30条",),
)
@per_record("application")
def correction_twice(rec: Record) -> Iterator[Hit]:
    notices = [(i, d) for i, t, d, _ in events_of(rec) if t == "correction_notice"]
    for n, (i, d) in enumerate(notices[1:], start=2):
        yield hit(rec, ("events", i), date=d.isoformat(), n=n, first=notices[0][1].isoformat())


# -- extensions (Art. 33(2)) ------------------------------------------------------------------


def _extensions(rec: Record) -> list[tuple[int, date, dict]]:
    return [(i, d, ev) for i, t, d, ev in events_of(rec) if t == "extension"]


@rule(
    "APP006", "error",
    title=("延长答复期限未经批准", "Extension without approval"),
    message=("{date} 延长答复期限未记录批准人（approved_by）；未经批准的延长不计入答复期限",
             "the extension of {date} names no approver (approved_by); an unapproved extension does not count"),
    basis="《条例》第三十三条第二款：需要延长答复期限的，应当经政府信息公开工作机构负责人同意并告知申请人",
    hint=("在该 extension 事件中写明 approved_by（政府信息公开工作机构负责人）；未经同意的不能延期。",
          "Write approved_by (the head of the disclosure office) in the extension event; without approval there is no extension."),
    bad="events:\n  - {type: extension, date: 2024-11-20, days: 20, notified: 2024-11-20}",
    good="events:\n  - {type: extension, date: 2024-11-20, days: 20, approved_by: 局办公室主任, notified: 2024-11-20}",
    clauses=("条例第33条第2款", "二(七)"),
)
@per_record("application")
def extension_unapproved(rec: Record) -> Iterator[Hit]:
    for i, d, ev in _extensions(rec):
        if approval_problem(ev) == "unapproved":
            yield hit(rec, ("events", i), anchor="parent", date=d.isoformat())


@rule(
    "APP007", "error",
    title=("延期晚于原答复期限", "Extension after the deadline"),
    message=("{date} 的延长答复期限于 {notified} 告知申请人，晚于当时的答复期限 {due}；期限届满后不能再延长，此次延长不计入",
             "the extension of {date} was notified on {notified}, after the reply deadline then in force ({due}); "
             "a deadline that has passed cannot be extended, so it adds nothing"),
    basis=("《条例》第三十三条第二款：应当自收到申请之日起20个工作日内予以答复；需要延长答复期限的，应当经政府信息公开工作机构负责人同意并告知申请人。"
           "条文未明说延长须在期限届满前作出；“已届满的期限无从延长、届满即已逾期”是本工具对该款的解读"),
    hint=("延期须在原答复期限届满前批准并告知申请人（notified 写告知日期，未写则按事件日期）；已逾期的只能尽快答复。",
          "Approve and notify the extension before the deadline runs out (notified, else the event date counts); "
          "once late, reply as soon as possible."),
    bad="submitted: 2024-09-02\nevents:\n  - {type: extension, date: 2024-10-08, days: 20, approved_by: 局办公室主任}",
    good="submitted: 2024-09-02\nevents:\n  - {type: extension, date: 2024-09-25, days: 20, approved_by: 局办公室主任, notified: 2024-09-25}",
    clauses=("条例第33条第2款", "二(七)"),
)
def extension_notified_late(ctx: Context) -> Iterator[Hit]:
    for e, rec in _effects(ctx, "extension", "late"):
        ev = _event(rec, e.index)
        notified = pdate(ev.get("notified"))
        told_late = notified is not None and notified.isoformat() > e.due_before
        yield hit(rec, ("events", e.index, "notified" if told_late else "date"), date=e.date,
                  notified=notified.isoformat() if told_late and notified else e.date, due=e.due_before)


@rule(
    "APP008", "error",
    title=("延长答复期限超过法定上限", "Extension beyond the statutory limit"),
    message=("{date} 的延长答复期限{detail}", "the extension of {date} {detail_en}"),
    basis="《条例》第三十三条第二款：延长的期限最长不得超过20个工作日",
    hint=("延长合计最长 20 个工作日；超出部分不计入答复期限。",
          "Extensions add at most 20 working days in all; anything beyond does not count."),
    bad="events:\n  - {type: extension, date: 2024-11-20, days: 30, approved_by: 局办公室主任}",
    good="events:\n  - {type: extension, date: 2024-11-20, days: 20, approved_by: 局办公室主任}",
    clauses=("条例第33条第2款", "二(七)"),
)
def extension_too_long(ctx: Context) -> Iterator[Hit]:
    for e, rec in _effects(ctx, "extension", "applied", "capped", "over_cap", "late", "no_days",
                           "unapproved", "unauthorised"):
        days = _event(rec, e.index).get("days")
        if type(days) is int and days > EXTENSION_MAX:
            yield hit(rec, ("events", e.index, "days"), date=e.date,
                      detail=f"为 {days} 个工作日，超过法定最长 {EXTENSION_MAX} 个工作日",
                      detail_en=f"is {days} working days, more than the statutory {EXTENSION_MAX}")
        elif e.verdict in ("capped", "over_cap"):
            yield hit(rec, ("events", e.index, "days"), date=e.date,
                      detail=f"为 {days} 个工作日，加上此前已延长的 {e.prior} 个工作日超过法定最长 {EXTENSION_MAX} 个工作日，"
                             f"只计入 {e.days} 个工作日",
                      detail_en=f"of {days} working days, with the {e.prior} added before, exceeds the statutory "
                                f"{EXTENSION_MAX}: only {e.days} count")


@rule(
    "APP023", "warning",
    title=("分次延长答复期限", "Deadline extended more than once"),
    message=("{date} 再次延长答复期限（此前已延长 {prior} 个工作日）；合计未超过20个工作日，已计入，但每次延长都须经负责人同意并告知申请人",
             "the deadline is extended again on {date} ({prior} working days were added before); within the 20-day "
             "limit it counts, but each extension needs the head's approval and notice to the applicant"),
    basis=("《条例》第三十三条第二款：“需要延长答复期限的，应当经政府信息公开工作机构负责人同意并告知申请人，延长的期限最长不得超过20个工作日”——"
           "条文限定的是延长的总长度，没有限定次数，故合计不超过20个工作日的第二次延长计入期限，只作警告；"
           "一次确定所需延长的期限是本工具建议的做法"),
    hint=("确需再次延长的，核对是否同样经政府信息公开工作机构负责人同意并告知申请人；今后尽量一次确定所需延长的天数。",
          "Check that the second extension, too, was approved by the head of the disclosure office and notified; "
          "next time, settle the whole extension at once."),
    bad=("events:\n  - {type: extension, date: 2024-11-20, days: 10, approved_by: 局办公室主任}\n"
         "  - {type: extension, date: 2024-12-02, days: 10, approved_by: 局办公室主任}"),
    good="events:\n  - {type: extension, date: 2024-11-20, days: 20, approved_by: 局办公室主任}",
    clauses=("条例第33条第2款",),
)
def extension_repeated(ctx: Context) -> Iterator[Hit]:
    for e, rec in _effects(ctx, "extension", "applied"):
        if e.prior > 0:
            yield hit(rec, ("events", e.index), date=e.date, prior=e.prior)


@rule(
    "APP029", "error",
    title=("延期批准人不在批准人名单中", "Extension approved by someone not among the approvers"),
    message=("{date} 的延长答复期限由“{by}”批准，不在 govdisc.yaml 的 approvers 名单（{approvers}）中；此次延长不计入答复期限",
             "the extension of {date} was approved by {by}, who is not among the approvers in govdisc.yaml "
             "({approvers}); it does not count"),
    basis="《条例》第三十三条第二款：需要延长答复期限的，应当经政府信息公开工作机构负责人同意",
    hint=("由政府信息公开工作机构负责人批准延期，approved_by 与 approvers 名单的写法保持一致；名单有变动的，更新 govdisc.yaml 的 approvers。",
          "Have the head of the disclosure office approve, written as in the approvers list; update approvers when "
          "the post changes hands."),
    bad="# govdisc.yaml: approvers: [局办公室主任]\nevents:\n  - {type: extension, date: 2024-11-20, days: 20, approved_by: 经办人}",
    good="# govdisc.yaml: approvers: [局办公室主任]\nevents:\n  - {type: extension, date: 2024-11-20, days: 20, approved_by: 局办公室主任}",
    clauses=("条例第33条第2款",),
)
def extension_unauthorised(ctx: Context) -> Iterator[Hit]:
    if not ctx.config.approvers:
        return
    names = "、".join(ctx.config.approvers)
    for rec in ctx.kind("application"):
        for i, d, ev in _extensions(rec):
            if approval_problem(ev, ctx.config.approvers) == "unauthorised":
                yield hit(rec, ("events", i, "approved_by"), date=d.isoformat(), by=str(ev.get("approved_by")).strip(),
                          approvers=names)


# -- deferral (Art. 35) -----------------------------------------------------------------------


@rule(
    "APP024", "error",
    title=("延迟答复不计入期限", "Deferral gives no time"),
    message=("{date} 的延迟答复{problem}", "the deferral of {date} {problem_en}"),
    basis=("《条例》第三十五条：申请数量、频次明显超过合理范围，行政机关认为申请理由合理，但是无法在本条例第三十三条规定的期限内答复申请人的，"
           "可以确定延迟答复的合理期限并告知申请人。期限届满后已构成逾期，不能再以延迟答复补救，是本工具对该条的解读"),
    hint=("延迟答复须在答复期限届满前确定并告知申请人，并写明确定的答复日期 until；已逾期的只能尽快答复。",
          "Decide and notify a deferral before the deadline runs out, with the reply date in until; once late, reply "
          "as soon as possible."),
    bad="submitted: 2024-03-04\nevents:\n  - {type: deferral, date: 2024-04-08, until: 2024-05-20, note: 申请人一个月内提交40件申请}",
    good="submitted: 2024-03-04\nevents:\n  - {type: deferral, date: 2024-03-25, until: 2024-05-20, note: 申请人一个月内提交40件申请}",
    clauses=("条例第35条", "二(七)"),
)
def deferral_without_effect(ctx: Context) -> Iterator[Hit]:
    for e, rec in _effects(ctx, "deferral", "late", "no_until"):
        if e.verdict == "late":
            yield hit(rec, ("events", e.index, "date"), date=e.date,
                      problem=f"晚于当时的答复期限 {e.due_before}；期限届满后不能再延迟答复，不计入答复期限",
                      problem_en=f"is after the deadline then in force ({e.due_before}); once it has run out a reply "
                                 "cannot be deferred, so it gives no time")
        else:
            yield hit(rec, ("events", e.index), anchor="parent", date=e.date,
                      problem="没有写明确定的答复日期（until），不计入答复期限",
                      problem_en="gives no reply date (until), so it gives no time")


# -- consultations (Art. 32, 34) ---------------------------------------------------------------


def _third_party(ev: dict) -> bool:
    return ev.get("party") in (None, "third_party")


@rule(
    "APP009", "error",
    title=("征求第三方意见未采用书面形式", "Third-party consultation not in writing"),
    message=("{date} 征求第三方意见未记录为书面形式（{value}）",
             "the third-party consultation of {date} is not recorded as written ({value_en})"),
    basis="《条例》第三十二条：依申请公开的政府信息公开会损害第三方合法权益的，行政机关应当书面征求第三方的意见",
    hint=("以书面征求意见书征求第三方意见，并写 written: true；征求其他机关意见的写 party: agency。",
          "Consult the third party with a written letter and write written: true; for another agency write party: agency."),
    bad="events:\n  - {type: consultation_sent, date: 2024-10-16, party: third_party}",
    good="events:\n  - {type: consultation_sent, date: 2024-10-16, party: third_party, written: true}",
    clauses=("条例第32条",),
)
@per_record("application")
def consultation_not_written(rec: Record) -> Iterator[Hit]:
    for i, t, d, ev in events_of(rec):
        if t != "consultation_sent" or not _third_party(ev) or ev.get("written") is True:
            continue
        present = "written" in ev
        yield hit(rec, ("events", i, "written") if present else ("events", i),
                  anchor="value" if present else "parent", date=d.isoformat(),
                  value=f"written: {str(ev.get('written')).lower()}" if present else "未填写 written",
                  value_en=f"written: {str(ev.get('written')).lower()}" if present else "written is missing")


@rule(
    "APP010", "warning",
    title=("第三方逾期未提出意见，尚未作出决定", "Third party silent past 15 working days, no decision yet"),
    message=("{sent} 发出的征求第三方意见，答复期限 {due}（15 个工作日）已过仍未收到意见，截至 {as_of} 尚未作出答复",
             "the third-party consultation sent on {sent} was due for an answer by {due} (15 working days); none "
             "came and on {as_of} there is still no decision"),
    basis="《条例》第三十二条：第三方逾期未提出意见的，由行政机关依照本条例的规定决定是否公开",
    hint=("第三方逾期不提意见不等于同意，也不等于反对：由本机关依照条例决定是否公开并尽快答复；收到意见的，补录 consultation_answered 事件。",
          "Silence is neither consent nor objection: decide under the Regulation and reply soon; if an answer came, "
          "record a consultation_answered event."),
    bad="events:\n  - {type: consultation_sent, date: 2025-11-03, party: third_party, written: true}\n# 无 consultation_answered、无 reply",
    good=("events:\n  - {type: consultation_sent, date: 2025-11-03, party: third_party, written: true}\n"
          "reply: {date: 2025-12-01, outcome: disclosed, note: 第三方逾期未提出意见，经研究决定公开}"),
    clauses=("条例第32条",),
)
def consultation_silent(ctx: Context) -> Iterator[Hit]:
    for ob, rec in _obligations(ctx, "consultation_reply"):
        if ob.status != "overdue" or _reply_date(rec) is not None:
            continue
        ev = rec.get(*ob.pointer) if ob.pointer else None
        if not isinstance(ev, dict) or not _third_party(ev):
            continue
        yield hit(rec, ob.pointer, sent=_iso(ev.get("date")), due=ob.due, as_of=ctx.as_of.isoformat())


def _objections(rec: Record, evs: list) -> list[tuple[int, date]]:
    """(index, date) of third-party answers that object to disclosure (objection: true), paired
    with their consultation as the deadline engine pairs them."""
    out = []
    for _, _, sent, j, answered in pair_events(evs, "consultation_sent", "consultation_answered"):
        if j is not None and answered is not None and _third_party(sent) and _event(rec, j).get("objection") is True:
            out.append((j, answered))
    return out


@rule(
    "APP027", "error",
    title=("第三方不同意仍公开，未书面告知第三方", "Disclosed over an objection without notice to the third party"),
    message=("第三方于 {objected} 表示不同意公开，本机关决定{outcome}，但在答复（{reply}）之前没有书面告知第三方决定公开的内容和理由（third_party_notice）",
             "the third party objected on {objected} and the information was {outcome_en}, but the third party was not "
             "told in writing of the decision and its reasons (third_party_notice) before the reply ({reply})"),
    basis=("《条例》第三十二条：行政机关认为不公开可能对公共利益造成重大影响的，可以决定予以公开，"
           "并将决定公开的政府信息内容和理由书面告知第三方"),
    hint=("在公开之前书面告知第三方决定公开的内容和理由，并记录 third_party_notice 事件（govdisc event ID third_party_notice --date D）；"
          "若不同意公开的部分实际未公开，办理结果应为部分公开并写明 third_party_rights。",
          "Before disclosing, tell the third party in writing what will be disclosed and why, and record a "
          "third_party_notice event; if the objected part was withheld, the outcome is partially_disclosed with "
          "third_party_rights."),
    bad=("events:\n  - {type: consultation_sent, date: 2024-10-16, party: third_party, written: true}\n"
         "  - {type: consultation_answered, date: 2024-10-25, objection: true}\nreply: {date: 2024-11-12, outcome: disclosed}"),
    good=("events:\n  - {type: consultation_sent, date: 2024-10-16, party: third_party, written: true}\n"
          "  - {type: consultation_answered, date: 2024-10-25, objection: true}\n"
          "  - {type: third_party_notice, date: 2024-11-05, note: 涉及公共利益，决定公开}\nreply: {date: 2024-11-12, outcome: disclosed}"),
    clauses=("条例第32条",),
)
@per_record("application")
def objection_overruled_silently(rec: Record) -> Iterator[Hit]:
    outcome, replied = _outcome(rec), _reply_date(rec)
    if replied is None or outcome not in ("disclosed", "partially_disclosed"):
        return
    if outcome == "partially_disclosed" and "third_party_rights" in _exemptions(rec):
        return  # the objected part is what was withheld
    evs = events_of(rec)
    objections = [(j, d) for j, d in _objections(rec, evs) if d <= replied]
    if not objections or _before(evs, "third_party_notice", replied):
        return
    yield hit(rec, ("reply", "outcome"), objected=objections[0][1].isoformat(), reply=replied.isoformat(),
              outcome=OUTCOMES[outcome][0], outcome_en=OUTCOMES[outcome][1])


def _exemptions(rec: Record) -> list:
    ex = (_reply(rec) or {}).get("exemptions")
    return ex if isinstance(ex, list) else []


# -- fees (Art. 42, 国办函〔2020〕109号) ----------------------------------------------------------


@rule(
    "APP028", "error",
    title=("答复期限届满后才发出收费通知", "Fee notice after the deadline"),
    message=("{date} 发出收费通知，晚于答复期限 {due}；期限届满后收费不能使期限中止，此前已逾期",
             "the fee notice of {date} is after the reply deadline {due}; it cannot pause a deadline that has "
             "already run out"),
    basis=("《条例》第三十三条第二款（答复期限）、第四十二条；国办函〔2020〕109号《政府信息公开信息处理费管理办法》"
           "（收费期间不计入答复期限为通常理解，UNCONFIRMED）。期限届满后发出的收费通知不中止期限，是本工具的解读"),
    hint=("收费须在答复期限内决定并通知申请人；已逾期的应尽快答复，并在年度自查中说明。",
          "Decide on and notify a fee within the reply period; once late, reply as soon as possible and explain it in "
          "the year-end self-inspection."),
    bad="submitted: 2024-09-02\nevents:\n  - {type: fee_notice, date: 2024-10-15, amount: 300}",
    good="submitted: 2024-09-02\nevents:\n  - {type: fee_notice, date: 2024-09-10, amount: 300}",
    clauses=("条例第42条", "条例第33条第2款"),
)
def fee_notice_late(ctx: Context) -> Iterator[Hit]:
    for e, rec in _effects(ctx, "fee_notice", "late"):
        yield hit(rec, ("events", e.index, "date"), date=e.date, due=e.due_before)


# -- reply and outcome -------------------------------------------------------------------------


@rule(
    "APP011", "error",
    title=("不予公开或部分公开未写明理由", "Withheld without an exemption"),
    message=("办理结果为{outcome}，但没有写明不予公开的理由代码（reply.exemptions）",
             "the outcome is {outcome_en} but no exemption code is given (reply.exemptions)"),
    basis="《条例》第三十六条第（三）项：行政机关依据本条例的规定决定不予公开的，告知申请人不予公开并说明理由；第三十七条",
    hint=("在 reply.exemptions 中写明依据的理由代码，例如 [third_party_rights]；不予公开的，第一个代码决定年度报告表三的行。",
          "List the exemption codes in reply.exemptions, e.g. [third_party_rights]; for withheld, the first sets the report row."),
    bad="reply: {date: 2024-12-10, outcome: withheld}",
    good="reply: {date: 2024-12-10, outcome: withheld, exemptions: [process_info]}",
    clauses=("二(七)", "条例第36条", "条例第37条"),
)
@per_record("application")
def withheld_without_exemption(rec: Record) -> Iterator[Hit]:
    out = _outcome(rec)
    if out not in EXEMPTING:
        return
    ex = _reply(rec).get("exemptions")
    if isinstance(ex, list) and ex:
        return
    present = "exemptions" in _reply(rec)
    yield hit(rec, ("reply", "exemptions") if present else ("reply",), anchor="value" if present else "parent",
              outcome=OUTCOMES[out][0], outcome_en=OUTCOMES[out][1])


@rule(
    "APP012", "error",
    title=("已办结但没有答复日期", "Closed without a reply date"),
    message=("答复记录中已有 {what}，但没有答复日期（reply.date）",
             "reply has {what_en} but no date (reply.date)"),
    basis="《条例》第三十三条：答复期限；国办公开办函〔2021〕30号：年度报告按答复统计办理结果",
    hint=("补录答复日期 reply.date；尚未答复的，删除 reply。", "Record reply.date; if there is no reply yet, remove reply."),
    bad="reply: {outcome: disclosed}",
    good="reply: {date: 2024-12-10, outcome: disclosed}",
    clauses=("二(七)", "条例第33条"),
)
@per_record("application")
def reply_without_date(rec: Record) -> Iterator[Hit]:
    reply = _reply(rec)
    if reply is None or reply.get("date") is not None:
        return
    keys = [k for k in ("outcome", "exemptions", "note") if reply.get(k) not in (None, "", [])]
    yield hit(rec, ("reply", "date"), anchor="missing",
              what="、".join(keys) if keys else "（空的答复记录）",
              what_en=", ".join(keys) if keys else "(nothing)")


@rule(
    "APP013", "error",
    title=("非不予公开的结果写了不予公开理由", "Exemption on an outcome that withholds nothing"),
    message=("办理结果为{outcome}，却写了不予公开理由 {codes}；理由代码只用于不予公开和部分公开",
             "the outcome is {outcome_en} yet exemption codes {codes} are given; they belong only to withheld or "
             "partially disclosed outcomes"),
    basis="国办公开办函〔2021〕30号：每件申请只计入年度报告表三的一行；《条例》第三十六条",
    hint=("核对办理结果：确有部分不予公开的，改为 partially_disclosed 或 withheld；否则删除 exemptions。",
          "Check the outcome: if something was withheld, use partially_disclosed or withheld; otherwise drop exemptions."),
    bad="reply: {date: 2024-12-10, outcome: disclosed, exemptions: [process_info]}",
    good="reply: {date: 2024-12-10, outcome: partially_disclosed, exemptions: [process_info]}",
    clauses=("条例第36条",),
)
@per_record("application")
def exemption_on_other_outcome(rec: Record) -> Iterator[Hit]:
    out = _outcome(rec)
    if out is None or out in EXEMPTING or out not in OUTCOMES:
        return
    ex = _reply(rec).get("exemptions")
    if isinstance(ex, list) and ex:
        yield hit(rec, ("reply", "exemptions"), outcome=OUTCOMES[out][0], outcome_en=OUTCOMES[out][1],
                  codes=", ".join(map(str, ex)))


# -- receipt date and order of dates -------------------------------------------------------------


@rule(
    "APP014", "warning",
    title=("缺少法定收到日期", "Legal receipt date missing"),
    message=("{channel}提交的申请应以{field_zh}（{field}）为收到申请之日，但未填写；答复期限暂以提交日期 {submitted} 起算",
             "an application by {channel_en} is received on its {field_en} date ({field}), which is missing; "
             "the deadlines run from the submission date {submitted} meanwhile"),
    basis="《条例》第三十一条：收到申请之日的确定",
    hint=("补录签收日期 signed_for（需签收的邮寄）或确认日期 confirmed（平常信函、互联网、传真）。",
          "Record signed_for (signed-for mail) or confirmed (ordinary mail, online, fax)."),
    bad="channel: online\nsubmitted: 2024-09-26",
    good="channel: online\nsubmitted: 2024-09-26\nconfirmed: 2024-09-27",
    clauses=("二(七)", "条例第31条"),
)
@per_record("application")
def receipt_missing(rec: Record) -> Iterator[Hit]:
    channel = rec.data.get("channel")
    if not isinstance(channel, str) or channel not in RECEIPT_BY_CHANNEL:
        return
    wanted = RECEIPT_BY_CHANNEL[channel][0]
    if wanted == "submitted" or rec.data.get(wanted) is not None:
        return  # present (a malformed date is the schema's)
    sub = pdate(rec.data.get("submitted"))
    if sub is None:
        return
    ch = CHANNELS.get(channel, (channel, channel))
    f = RECEIPT_FIELDS.get(wanted, (wanted, wanted))
    yield hit(rec, (), anchor="parent", channel=ch[0], channel_en=ch[1], field=wanted,
              field_zh=f[0], field_en=f[1], submitted=sub.isoformat())


@rule(
    "APP015", "error",
    title=("日期先后顺序错误", "Dates out of order"),
    message=("{what}（{date}）{problem}", "{what_en} ({date}) {problem_en}"),
    basis="《条例》第三十条至第三十五条（各期限的起算以先后发生的事件为准）、第四十五条（归档）、第五十一条（复议诉讼）",
    hint=("核对日期是否录错（年份、月份），或事件是否漏录（如补录先发出的通知）。",
          "Check the dates for typing errors, or record the missing earlier event."),
    bad="submitted: 2024-10-08\nevents:\n  - {type: correction_received, date: 2024-10-05}",
    good=("submitted: 2024-10-08\nevents:\n  - {type: correction_notice, date: 2024-10-10}\n"
          "  - {type: correction_received, date: 2024-10-15}"),
    clauses=("条例第30条", "条例第31条", "条例第33条", "条例第35条", "条例第45条"),
)
@per_record("application")
def dates_out_of_order(rec: Record) -> Iterator[Hit]:
    yield from _order_hits(rec, events_of(rec))


def _order_hits(rec: Record, evs: list) -> Iterator[Hit]:
    data = rec.data
    sub = pdate(data.get("submitted"))
    for key in ("signed_for", "confirmed", "arrived"):
        d = pdate(data.get(key))
        if d is not None and sub is not None and d < sub:
            f = RECEIPT_FIELDS[key]
            yield hit(rec, (key,), what=f[0], what_en=f"{f[1]} date", date=d.isoformat(),
                      problem=f"早于提交日期 {sub.isoformat()}", problem_en=f"is before the submission date {sub.isoformat()}")
    arrived, confirmed = pdate(data.get("arrived")), pdate(data.get("confirmed"))
    if arrived is not None and confirmed is not None and confirmed < arrived:
        yield hit(rec, ("confirmed",), what="确认之日", what_en="confirmation date", date=confirmed.isoformat(),
                  problem=f"早于申请到达之日 {arrived.isoformat()}",
                  problem_en=f"is before the day the application arrived ({arrived.isoformat()})")
    receipt = _receipt(rec)
    floor, floor_zh, floor_en = None, "", ""
    if receipt is not None:
        floor, floor_zh, floor_en = receipt, "收到申请之日", "the date of receipt"
    if sub is not None and (floor is None or sub > floor):
        floor, floor_zh, floor_en = sub, "提交日期", "the submission date"
    flagged: set[int] = set()
    if floor is not None:
        for i, t, d, _ in evs:
            if d < floor:
                flagged.add(i)
                z, e = _event_label(t)
                yield hit(rec, ("events", i, "date"), what=z, what_en=e, date=d.isoformat(),
                          problem=f"早于{floor_zh} {floor.isoformat()}",
                          problem_en=f"is before {floor_en} {floor.isoformat()}")
        reply = _reply_date(rec)
        if reply is not None and reply < floor:
            yield hit(rec, ("reply", "date"), what="答复日期", what_en="reply date", date=reply.isoformat(),
                      problem=f"早于{floor_zh} {floor.isoformat()}",
                      problem_en=f"is before {floor_en} {floor.isoformat()}")
    for start, end in (("correction_notice", "correction_received"), ("consultation_sent", "consultation_answered"),
                       ("fee_notice", "fee_paid")):
        for j, d in _unpaired(evs, start, end):
            if j in flagged:
                continue
            z, e = _event_label(end)
            sz, se = _event_label(start)
            yield hit(rec, ("events", j, "date"), what=z, what_en=e, date=d.isoformat(),
                      problem=f"之前没有与之对应的{sz}", problem_en=f"has no {se} before it to answer")
    yield from _event_field_order(rec, evs, flagged)
    yield from _later_steps_order(rec, receipt)


def _event_field_order(rec: Record, evs: list, flagged: set[int]) -> Iterator[Hit]:
    """Dates inside an event that must follow its own date, and a notice to the third party
    that no third-party consultation precedes."""
    for i, t, d, ev in evs:
        for key, zh, en in (("delivered", "送达日期", "delivery date"), ("until", "延迟答复至", "deferred reply date")):
            other = pdate(ev.get(key))
            if other is not None and (other < d if key == "delivered" else other <= d):
                z, e = _event_label(t)
                yield hit(rec, ("events", i, key), what=f"{z}的{zh}", what_en=f"the {e}'s {en}", date=other.isoformat(),
                          problem=f"{'早于' if key == 'delivered' else '不晚于'}事件日期 {d.isoformat()}",
                          problem_en=f"is {'before' if key == 'delivered' else 'not after'} the event date {d.isoformat()}")
        if t == "third_party_notice" and i not in flagged and not any(
                t2 == "consultation_sent" and d2 <= d and _third_party(ev2) for _, t2, d2, ev2 in evs):
            yield hit(rec, ("events", i, "date"), what="书面告知第三方", what_en="notice to the third party",
                      date=d.isoformat(), problem="之前没有征求第三方意见（consultation_sent）",
                      problem_en="has no third-party consultation (consultation_sent) before it")


def _later_steps_order(rec: Record, receipt: date | None) -> Iterator[Hit]:
    """The archive after the reply; each reconsideration or lawsuit filed after receipt and
    decided after it was filed."""
    reply, archived = _reply_date(rec), pdate(rec.mapping("archived").get("date"))
    if archived is not None and reply is not None and archived < reply:
        yield hit(rec, ("archived", "date"), what="归档日期", what_en="archive date", date=archived.isoformat(),
                  problem=f"早于答复日期 {reply.isoformat()}", problem_en=f"is before the reply date {reply.isoformat()}")
    for p in proceedings(rec):
        if p.legacy:
            continue
        if p.filed is not None and receipt is not None and p.filed < receipt:
            yield hit(rec, p.pointer + ("filed",), what="申请复议或立案日期", what_en="filing date",
                      date=p.filed.isoformat(), problem=f"早于收到申请之日 {receipt.isoformat()}",
                      problem_en=f"is before the date of receipt {receipt.isoformat()}")
        if p.filed is not None and p.decided is not None and p.decided < p.filed:
            yield hit(rec, p.pointer + ("decided",), what="审结日期", what_en="decision date",
                      date=p.decided.isoformat(), problem=f"早于申请复议或立案日期 {p.filed.isoformat()}",
                      problem_en=f"is before the filing date {p.filed.isoformat()}")


# -- administrative reconsideration / litigation ------------------------------------------------


@rule(
    "APP016", "warning",
    title=("复议诉讼结果与审结日期不全", "Review result or decision date missing"),
    message=("{kind}{problem}", "the {kind_en} {problem_en}"),
    basis="《条例》第五十条第（三）项、第五十一条；年度报告表四按年度统计复议诉讼结果，审结日期决定案件计入哪一年度的哪一列",
    hint=("审结后同时写明审结日期和结果：列表格式写 decided 和 result，旧格式写 date 和 result。",
          "Once decided, record both the date and the result: decided and result (list shape), date and result (old shape)."),
    bad="review:\n  - {kind: reconsideration, filed: 2024-12-02, result: upheld}",
    good="review:\n  - {kind: reconsideration, filed: 2024-12-02, decided: 2025-02-01, result: upheld}",
    clauses=("条例第50条", "条例第51条"),
)
@per_record("application")
def review_without_date(rec: Record) -> Iterator[Hit]:
    for p in proceedings(rec):
        result = p.result
        decided_result = isinstance(result, str) and result != "pending"
        names = _review_kind(p.kind)
        if decided_result and p.decided is None:
            label = REVIEW_RESULTS.get(result, (result, result))
            field = "review.date" if p.legacy else "decided"
            yield hit(rec, p.pointer, anchor="parent",
                      problem=f"结果为“{label[0]}”，但没有写明审结日期（{field}）",
                      problem_en=f"result is {label[1]} but there is no decision date ({field})", **names)
        elif p.decided is not None and not p.legacy and not decided_result:
            yield hit(rec, p.pointer, anchor="parent",
                      problem=f"已于 {p.decided.isoformat()} 审结，但没有写明结果（result），表四按尚未审结统计",
                      problem_en=f"was decided on {p.decided.isoformat()} but has no result; table 四 counts it as pending",
                      **names)


@rule(
    "APP017", "error",
    title=("未答复的申请有复议或诉讼", "Review of an application without a reply"),
    message=("记录了{kind}，但申请没有答复记录（reply）",
             "a {kind_en} is recorded but the application has no reply"),
    basis="《条例》第五十一条：认为行政机关在政府信息公开工作中侵犯其合法权益的，可以依法申请行政复议或者提起行政诉讼（包括针对逾期未答复）",
    hint=("补录答复（reply.date、reply.outcome）；申请人针对逾期未答复申请复议或起诉的，在该复议诉讼中写明 ground: no_reply。",
          "Record the reply (reply.date, reply.outcome); when the review is about the missing reply itself, write "
          "ground: no_reply in it."),
    bad="review:\n  - {kind: reconsideration, filed: 2025-01-10}",
    good="review:\n  - {kind: reconsideration, ground: no_reply, filed: 2025-01-10}",
    clauses=("条例第51条",),
)
@per_record("application")
def review_without_reply(rec: Record) -> Iterator[Hit]:
    found = proceedings(rec)
    if not found or _reply(rec) is not None or any(p.ground == "no_reply" for p in found):
        return
    yield hit(rec, ("review",), **_review_kind(found[0].kind))


# -- outcomes that need earlier events -------------------------------------------------------------


def _before(events: list, t: str, until: date | None) -> list[date]:
    return [d for _, typ, d, _ in events if typ == t and (until is None or d <= until)]


@rule(
    "APP018", "error",
    title=("“补正后仍不明确”但没有补正记录", "Still unclear without a correction"),
    message=("办理结果为“补正后申请内容仍不明确”，但{missing}",
             "the outcome is “still unclear after correction” but {missing_en}"),
    basis="《条例》第三十条；国办公开办函〔2021〕30号表三（四）3",
    hint=("补录补正告知（correction_notice）和收到补正（correction_received）事件；未经补正的，应按实际情况选择其他办理结果。",
          "Record the correction_notice and correction_received events, or choose the outcome that fits."),
    bad="reply: {date: 2024-11-05, outcome: still_unclear}",
    good=("events:\n  - {type: correction_notice, date: 2024-10-10}\n  - {type: correction_received, date: 2024-10-15}\n"
          "reply: {date: 2024-11-05, outcome: still_unclear}"),
    clauses=("条例第30条",),
)
@per_record("application")
def still_unclear_without_correction(rec: Record) -> Iterator[Hit]:
    if _outcome(rec) != "still_unclear":
        return
    evs, until = events_of(rec), _reply_date(rec)
    notices = _before(evs, "correction_notice", until)
    received = [d for d in _before(evs, "correction_received", until) if notices and d >= min(notices)]
    if notices and received:
        return
    if not notices:
        z, e = "没有补正告知（correction_notice）", "no correction notice was given"
    else:
        z, e = "没有收到补正（correction_received）的记录", "no corrected application was received"
    yield hit(rec, ("reply", "outcome"), missing=z, missing_en=e)


@rule(
    "APP019", "error",
    title=("“逾期不补正”与补正记录不符", "No-correction outcome does not match the events"),
    message=("办理结果为“申请人无正当理由逾期不补正”，但{problem}",
             "the outcome is “not corrected in time” but {problem_en}"),
    basis="《条例》第三十条：申请人无正当理由逾期不补正的，视为放弃申请；国办公开办函〔2021〕30号表三（六）1",
    hint=("补录补正告知事件；申请人已补正的，应按补正后的申请作出答复并选择相应的办理结果。",
          "Record the correction notice; if the applicant did correct, answer the corrected application with the fitting outcome."),
    bad="reply: {date: 2024-11-20, outcome: no_correction}",
    good="events:\n  - {type: correction_notice, date: 2024-10-10, note: 请于15日内补正}\nreply: {date: 2024-11-20, outcome: no_correction}",
    clauses=("条例第30条",),
)
@per_record("application")
def no_correction_mismatch(rec: Record) -> Iterator[Hit]:
    if _outcome(rec) != "no_correction":
        return
    evs = events_of(rec)
    notices = _before(evs, "correction_notice", None)
    if not notices:
        yield hit(rec, ("reply", "outcome"), problem="没有补正告知（correction_notice）的记录",
                  problem_en="no correction notice is recorded")
        return
    last = max(notices)
    got = [d for d in _before(evs, "correction_received", None) if d >= last]
    if got:
        yield hit(rec, ("reply", "outcome"), problem=f"已于 {min(got).isoformat()} 收到补正",
                  problem_en=f"the corrected application arrived on {min(got).isoformat()}")


@rule(
    "APP020", "error",
    title=("“逾期未缴费”与收费记录不符", "No-fee outcome does not match the events"),
    message=("办理结果为“申请人逾期未按收费通知要求缴纳费用”，但{problem}",
             "the outcome is “fee not paid in time” but {problem_en}"),
    basis="国办函〔2020〕109号《政府信息公开信息处理费管理办法》；国办公开办函〔2021〕30号表三（六）2",
    hint=("补录收费通知（fee_notice）事件；申请人已缴费的，应作出答复并选择相应的办理结果。",
          "Record the fee_notice event; if the fee was paid, reply and choose the fitting outcome."),
    bad="reply: {date: 2024-12-20, outcome: no_fee}",
    good="events:\n  - {type: fee_notice, date: 2024-11-01, amount: 300}\nreply: {date: 2024-12-20, outcome: no_fee}",
    clauses=("条例第42条",),
)
@per_record("application")
def no_fee_mismatch(rec: Record) -> Iterator[Hit]:
    if _outcome(rec) != "no_fee":
        return
    evs = events_of(rec)
    if not _before(evs, "fee_notice", None):
        yield hit(rec, ("reply", "outcome"), problem="没有收费通知（fee_notice）的记录",
                  problem_en="no fee notice is recorded")
        return
    paid = _before(evs, "fee_paid", None)
    if paid:
        yield hit(rec, ("reply", "outcome"), problem=f"申请人已于 {min(paid).isoformat()} 缴费",
                  problem_en=f"the fee was paid on {min(paid).isoformat()}")


@rule(
    "APP021", "error",
    title=("答复没有办理结果", "Reply without an outcome"),
    message=("{date} 已答复，但没有写明办理结果（reply.outcome）",
             "replied on {date} but the outcome (reply.outcome) is missing"),
    basis="《条例》第三十六条；国办公开办函〔2021〕30号：年度报告表三按办理结果逐行统计",
    hint=("在 reply.outcome 中写明办理结果代码，例如 disclosed、withheld、not_held（可选代码见编辑器提示或 govdisc new application 模板中的说明）。",
          "Write the outcome code in reply.outcome, e.g. disclosed, withheld, not_held."),
    bad="reply: {date: 2024-12-10}",
    good="reply: {date: 2024-12-10, outcome: disclosed}",
    clauses=("二(七)", "条例第36条"),
)
@per_record("application")
def reply_without_outcome(rec: Record) -> Iterator[Hit]:
    reply, d = _reply(rec), _reply_date(rec)
    if reply is not None and d is not None and reply.get("outcome") is None:
        yield hit(rec, ("reply",), anchor="parent", date=d.isoformat())


@rule(
    "APP022", "warning",
    title=("延长答复期限未写明天数", "Extension without a number of days"),
    message=("{date} 的延长答复期限没有写明延长的工作日数（days），答复期限按未延长计算",
             "the extension of {date} gives no number of working days (days); the deadline is computed without it"),
    basis="《条例》第三十三条第二款：延长的期限最长不得超过20个工作日",
    hint=("在该 extension 事件中写明 days（1 至 20）。", "Write days (1 to 20) in the extension event."),
    bad="events:\n  - {type: extension, date: 2024-11-20, approved_by: 局办公室主任}",
    good="events:\n  - {type: extension, date: 2024-11-20, days: 20, approved_by: 局办公室主任}",
    clauses=("条例第33条第2款",),
)
@per_record("application")
def extension_without_days(rec: Record) -> Iterator[Hit]:
    for i, d, ev in _extensions(rec):
        if ev.get("days") is None:
            yield hit(rec, ("events", i), anchor="parent", date=d.isoformat())



# -- receipt of an ordinary letter (Art. 31(2)) ---------------------------------------------------


@rule(
    "APP025", "error",
    title=("平常信函未在到达当日确认", "Ordinary letter not confirmed on the day it arrived"),
    message=("平常信函于 {arrived} 到达，{confirmed} 才与申请人确认，晚了 {days} 天；答复期限自确认之日起算",
             "the ordinary letter arrived on {arrived} but was confirmed with the applicant only on {confirmed} "
             "({days} days later); the reply period runs from the confirmation"),
    basis=("《条例》第三十一条第（二）项：以平常信函等无需签收的邮寄方式提交政府信息公开申请的，"
           "政府信息公开工作机构应当于收到申请的当日与申请人确认，确认之日为收到申请之日"),
    hint=("平常信函到达当日即与申请人确认（电话、短信等），confirmed 与 arrived 为同一天；确认日期录错的，更正 confirmed。",
          "Confirm an ordinary letter with the applicant on the day it arrives (confirmed equals arrived); if the date "
          "was mistyped, correct confirmed."),
    bad="channel: mail_unsigned\nsubmitted: 2024-03-21\narrived: 2024-03-26\nconfirmed: 2024-03-29",
    good="channel: mail_unsigned\nsubmitted: 2024-03-21\narrived: 2024-03-26\nconfirmed: 2024-03-26",
    clauses=("条例第31条",),
)
@per_record("application")
def letter_confirmed_late(rec: Record) -> Iterator[Hit]:
    late = late_confirmation(rec)
    if late is not None:
        arrived, confirmed = late
        yield hit(rec, ("confirmed",), arrived=arrived.isoformat(), confirmed=confirmed.isoformat(),
                  days=(confirmed - arrived).days)


# -- dates the register cannot mean ----------------------------------------------------------------


def _dated_fields(rec: Record) -> Iterator[tuple[tuple, object]]:
    """(pointer, value) of every date an application holds."""
    data = rec.data
    for key in ("submitted", "signed_for", "confirmed", "arrived"):
        if key in data:
            yield (key,), data[key]
    for i, ev in enumerate(rec.seq("events")):
        if isinstance(ev, dict):
            for key in ("date", "notified", "until", "delivered"):
                if key in ev:
                    yield ("events", i, key), ev[key]
    for head in ("reply", "archived"):
        m = rec.mapping(head)
        if "date" in m:
            yield (head, "date"), m["date"]
    review = data.get("review")
    if isinstance(review, dict) and "date" in review:
        yield ("review", "date"), review["date"]
    for i, item in enumerate(rec.seq("review")):
        if isinstance(item, dict):
            for key in ("filed", "decided"):
                if key in item:
                    yield ("review", i, key), item[key]


@rule(
    "APP026", "error",
    title=("日期年份不合常理", "Implausible year"),
    message=("{date} 的年份 {year} 不在本登记簿可能的范围（{low}—{high}年）内，多半是录入错误；该日期不参与期限计算",
             "the year {year} of {date} is outside what this register can mean ({low}–{high}), most likely a typing "
             "error; no deadline is computed from it"),
    basis="登记簿约定：日期年份应在登记簿起始年度（govdisc.yaml 的 since）前一年至检查日期次年之间；否则期限无法计算，案件会从期限清单中消失",
    hint=("核对年份（例如 1024、2204 应为 2024）；确为登记簿起始年度之前的旧案，调整 govdisc.yaml 的 since。",
          "Check the year (1024 or 2204 for 2024); for a genuinely older case, move govdisc.yaml's since back."),
    bad="submitted: 2204-05-06",
    good="submitted: 2024-05-06",
    clauses=("条例第33条第2款",),
)
def implausible_years(ctx: Context) -> Iterator[Hit]:
    since = _since(ctx)
    low = since - 1 if since is not None else MIN_YEAR
    high = ctx.as_of.year + 1
    for rec in ctx.kind("application"):
        for ptr, value in _dated_fields(rec):
            d = pdate(value)
            if d is not None and not low <= d.year <= high:
                yield hit(rec, ptr, date=d.isoformat(), year=d.year, low=low, high=high)


# -- reply letter contents (Art. 36, 40, 51; 实施办法 二(七)) ----------------------------------------


@rule(
    "APP030", "warning",
    title=("非本机关负责公开未告知负责机关", "Not our information, but the responsible organ is not named"),
    message=("答复为不属于本机关负责公开（not_held_reason: not_responsible），但{missing}",
             "the reply says the information is not this agency's to disclose, but {missing_en}"),
    basis=("《条例》第三十六条第（五）项：所申请公开信息不属于本行政机关负责公开的，告知申请人并说明理由；"
           "能够确定负责公开该政府信息的行政机关的，告知申请人该行政机关的名称、联系方式"),
    hint=("在 reply.responsible_organ 中写明负责公开的机关名称 name 和联系方式 contact；确实无法确定的，写 determinable: false 并在 note 中说明。",
          "Name the responsible organ and its contact in reply.responsible_organ; if it cannot be determined, write "
          "determinable: false and explain in note."),
    bad="reply: {date: 2024-02-19, outcome: not_held, not_held_reason: not_responsible}",
    good=("reply:\n  date: 2024-02-19\n  outcome: not_held\n  not_held_reason: not_responsible\n"
          "  responsible_organ: {name: 青岚州发展和改革委员会, contact: 0871-12345678}"),
    clauses=("条例第36条", "二(七)"),
)
@per_record("application")
def responsible_organ_missing(rec: Record) -> Iterator[Hit]:
    reply = _reply(rec)
    if reply is None or reply.get("outcome") != "not_held" or reply.get("not_held_reason") != "not_responsible":
        return
    organ = reply.get("responsible_organ")
    if not isinstance(organ, dict):
        yield hit(rec, ("reply",), anchor="parent", missing="没有写明负责公开的行政机关（responsible_organ）",
                  missing_en="the responsible organ is not recorded (responsible_organ)")
        return
    if organ.get("determinable") is False:
        return
    gaps = [(k, zh) for k, zh in (("name", "名称"), ("contact", "联系方式")) if not _text(organ.get(k))]
    if gaps:
        yield hit(rec, ("reply", "responsible_organ"),
                  missing="负责公开的行政机关没有写明" + "、".join(zh for _, zh in gaps),
                  missing_en="the responsible organ's " + " and ".join(k for k, _ in gaps) + " is missing")


def _text(value: object) -> bool:
    return isinstance(value, str) and bool(value.strip())


#: outcomes that are no decision to tell remedies of (`other`: withdrawn, a mere enquiry…)
_NO_DECISION = ("other",)
REMEDIES = {"reconsideration": ("行政复议", "reconsideration"), "litigation": ("行政诉讼", "lawsuit")}


@rule(
    "APP031", "warning",
    title=("答复未告知救济途径", "Reply without notice of remedies"),
    message=("{date} 的答复没有记录告知申请人救济途径：{missing}（reply.remedies）",
             "the reply of {date} does not record telling the applicant of {missing_en} (reply.remedies)"),
    basis=("《实施办法》二（七）：引导公众正确行使申请权和救济权；《条例》第五十一条：可以依法申请行政复议或者提起行政诉讼。"
           "在每份答复书中告知复议机关、管辖法院和期限是本机关做法（复议机关、法院写在 govdisc.yaml 的 remedies）"),
    hint=("答复书写明不服的可以依法申请行政复议或者提起行政诉讼，并记录 reply.remedies: [reconsideration, litigation]。"
          "只检查登记簿起始年度（since）以来的答复。",
          "State in the reply letter that the applicant may apply for reconsideration or sue, and record "
          "reply.remedies: [reconsideration, litigation]. Only replies since the register's first year are checked."),
    bad="reply: {date: 2024-12-10, outcome: withheld, exemptions: [process_info]}",
    good="reply: {date: 2024-12-10, outcome: withheld, exemptions: [process_info], remedies: [reconsideration, litigation]}",
    clauses=("二(七)", "条例第51条"),
)
def remedies_not_told(ctx: Context) -> Iterator[Hit]:
    since = _since(ctx)
    for rec in ctx.kind("application"):
        reply, d = _reply(rec), _reply_date(rec)
        if reply is None or d is None or reply.get("outcome") in _NO_DECISION or (since and d.year < since):
            continue
        told = reply.get("remedies") if isinstance(reply.get("remedies"), list) else []
        missing = [k for k in REMEDIES if k not in told]
        if missing:
            yield hit(rec, ("reply", "remedies") if "remedies" in reply else ("reply",),
                      anchor="value" if "remedies" in reply else "parent", date=d.isoformat(),
                      missing="、".join(REMEDIES[k][0] for k in missing),
                      missing_en=" and ".join(REMEDIES[k][1] for k in missing))


FORMS = {"paper": ("纸质文本", "paper"), "electronic": ("电子数据", "electronic data"),
         "inspection": ("查阅抄录", "inspection"), "website": ("告知获取途径", "where to find it")}


@rule(
    "APP032", "warning",
    title=("未按申请的形式提供信息", "Information not provided in the requested form"),
    message=("申请人要求以{requested}形式提供，{problem}",
             "the applicant asked for {requested_en}; {problem_en}"),
    basis=("《条例》第四十条：应当根据申请人的要求及行政机关保存政府信息的实际情况，确定提供政府信息的具体形式；"
           "按照申请人要求的形式提供可能危及政府信息载体安全或者公开成本过高的，可以通过电子数据以及其他适当形式提供，或者安排申请人查阅、抄录；"
           "《条例》第二十九条第二款第（三）项"),
    hint=("在 reply.form_provided 中写明实际提供的形式；与申请的形式不同的，在 reply.form_reason 中写明理由（如危及载体安全、成本过高）。",
          "Record the form provided in reply.form_provided; when it differs from the request, give the reason in "
          "reply.form_reason."),
    bad="form_requested: paper\nreply: {date: 2024-12-10, outcome: disclosed, form_provided: electronic}",
    good=("form_requested: paper\nreply: {date: 2024-12-10, outcome: disclosed, form_provided: electronic,\n"
          "        form_reason: 档案原件年代久远，复印可能损坏载体，提供扫描件}"),
    clauses=("条例第40条", "条例第29条", "二(七)"),
)
@per_record("application")
def form_not_as_requested(rec: Record) -> Iterator[Hit]:
    reply, requested = _reply(rec), rec.data.get("form_requested")
    if reply is None or requested not in FORMS or reply.get("outcome") not in ("disclosed", "partially_disclosed"):
        return
    provided = reply.get("form_provided")
    want = FORMS[requested]
    if provided is None:
        yield hit(rec, ("reply",), anchor="parent", requested=want[0], requested_en=want[1],
                  problem="但答复没有记录实际提供的形式（reply.form_provided）",
                  problem_en="the reply does not record the form provided (reply.form_provided)")
    elif provided != requested and provided != "website" and not _text(reply.get("form_reason")):
        got = FORMS.get(provided, (str(provided), str(provided)))
        yield hit(rec, ("reply", "form_provided"), requested=want[0], requested_en=want[1],
                  problem=f"实际以{got[0]}形式提供，没有说明理由（reply.form_reason）",
                  problem_en=f"it was provided as {got[1]} without a reason (reply.form_reason)")


def _archive_by(config_due: str, year: int) -> date:
    """archive_due ('MM-DD') of the year after the reply; 30 June when it is not a valid date."""
    try:
        month, day = (int(p) for p in config_due.split("-"))
        return date(year + 1, month, day)
    except (ValueError, TypeError, AttributeError):
        return date(year + 1, 6, 30)


@rule(
    "APP033", "warning",
    title=("依申请公开案卷未归档", "Case file not archived"),
    message=("{date} 已答复，截至 {as_of} 案卷仍未记录归档（archived），应于 {due} 前归档",
             "replied on {date}, the case file is still not archived on {as_of} (archived); it was due by {due}"),
    basis=("《条例》第四十五条：建立健全政府信息公开申请登记、审核、办理、答复、归档的工作制度；"
           "《实施办法》二（七）：规范受理、审查、处理、答复以及归档等各个环节。归档期限（答复次年 archive_due，默认6月30日）是本机关做法，可在 govdisc.yaml 中修改"),
    hint=("将申请、告知书、征求意见、答复书等材料整理归档，并记录 archived: {date: 归档日期, file_no: 档号}。只检查登记簿起始年度（since）以来的答复。",
          "File the application, notices, consultations and the reply, and record archived: {date, file_no}. Only "
          "replies since the register's first year are checked."),
    bad="reply: {date: 2024-12-10, outcome: disclosed}",
    good="reply: {date: 2024-12-10, outcome: disclosed}\narchived: {date: 2025-03-14, file_no: 2024-YSQ-033}",
    clauses=("条例第45条", "二(七)"),
)
def not_archived(ctx: Context) -> Iterator[Hit]:
    since = _since(ctx)
    for rec in ctx.kind("application"):
        d = _reply_date(rec)
        if d is None or "archived" in rec.data or (since and d.year < since):
            continue
        due = _archive_by(ctx.config.archive_due, d.year)
        if ctx.as_of > due:
            yield hit(rec, (), anchor="parent", date=d.isoformat(), as_of=ctx.as_of.isoformat(), due=due.isoformat())


@rule(
    "APP034", "error",
    title=("不予公开部分的理由代码未列入 exemptions", "Withheld part's exemption not among the reply's exemptions"),
    message=("不予公开的部分“{part}”依据 {code}，但 reply.exemptions 中没有该代码",
             "the withheld part “{part}” relies on {code}, which reply.exemptions does not list"),
    basis="《条例》第三十六条第（三）项、第三十七条：对不予公开的内容说明理由；年度报告表三按 exemptions 统计不予公开的理由",
    hint=("把该代码加入 reply.exemptions，或更正该部分的 exemption。", "Add the code to reply.exemptions, or correct the part's exemption."),
    bad=("reply:\n  outcome: partially_disclosed\n  exemptions: [third_party_rights]\n"
         "  withheld: [{part: 讨论记录, exemption: process_info, reason: 属于过程性信息}]"),
    good=("reply:\n  outcome: partially_disclosed\n  exemptions: [third_party_rights, process_info]\n"
          "  withheld: [{part: 讨论记录, exemption: process_info, reason: 属于过程性信息}]"),
    clauses=("条例第36条", "条例第37条"),
)
@per_record("application")
def withheld_part_unlisted(rec: Record) -> Iterator[Hit]:
    listed = _exemptions(rec)
    for i, part in enumerate(rec.seq("reply", "withheld")):
        code = part.get("exemption") if isinstance(part, dict) else None
        if isinstance(code, str) and code not in listed:
            yield hit(rec, ("reply", "withheld", i, "exemption"), part=str(part.get("part", "")), code=code)


@rule(
    "APP035", "warning",
    title=("已记录的答复书未告知救济途径", "Recorded reply letter without notice of remedies"),
    message=("答复书 {no}（{date}）没有告知{missing}（reply.letter.remedies）",
             "the reply letter {no} of {date} does not tell of {missing_en} (reply.letter.remedies)"),
    basis=("《条例》第五十一条：可以依法申请行政复议或者提起行政诉讼；《实施办法》二（七）：引导公众正确行使申请权和救济权。"
           "答复书写明行政复议机关和管辖法院是本机关做法；只检查已记录的答复书（govdisc letter --record 记录其中实际写明的救济途径）"),
    hint=("用 govdisc letter 编号 reply 重新生成答复书（默认措辞写明 govdisc.yaml remedies 中的复议机关和法院；自定义模板须保留该段），"
          "更正后补发并记录；手工记录的答复书写明 remedies: [reconsideration, litigation]。",
          "Regenerate the letter with govdisc letter ID reply (the default wording names the organ and the court of "
          "govdisc.yaml remedies; a custom template must keep that paragraph), send the corrected letter and record it; "
          "a letter recorded by hand lists remedies: [reconsideration, litigation]."),
    bad="reply:\n  date: 2025-12-08\n  outcome: withheld\n  letter: {no: 云岭新广公开答〔2025〕13号, date: 2025-12-08, remedies: []}",
    good=("reply:\n  date: 2025-12-08\n  outcome: withheld\n"
          "  letter: {no: 云岭新广公开答〔2025〕13号, date: 2025-12-08, remedies: [reconsideration, litigation]}"),
    clauses=("二(七)", "条例第51条"),
)
@per_record("application")
def letter_without_remedies(rec: Record) -> Iterator[Hit]:
    reply = _reply(rec)
    letter = reply.get("letter") if reply else None
    if not isinstance(letter, dict):
        return
    told = letter.get("remedies") if isinstance(letter.get("remedies"), list) else []
    missing = [k for k in REMEDIES if k not in told]
    if missing:
        yield hit(rec, ("reply", "letter", "remedies") if "remedies" in letter else ("reply", "letter"),
                  anchor="value" if "remedies" in letter else "parent", no=str(letter.get("no", "")),
                  date=_iso(letter.get("date")), missing="、".join(REMEDIES[k][0] for k in missing),
                  missing_en=" and ".join(REMEDIES[k][1] for k in missing))
