"""APP: applications for disclosure (依申请公开, 《条例》第二十九条至第四十五条).

Deadlines come from the deadline engine (`ctx.obligations`, govdisc.deadlines.application):
the receipt date per channel (Art. 31), the restart after 补正 (Art. 30), excluded consultation
and fee periods and extensions (Art. 33). The rules here only read its verdicts, or, for
"the deadline that was in force before this extension" (APP007), run the same engine on the
record without that extension. Provisional deadlines are reported by REG011.
"""

from __future__ import annotations

from datetime import date
from typing import Any, Iterator

from govdisc.deadlines.application import (EXTENSION_MAX, RECEIPT_BY_CHANNEL, application_obligations,
                                           receipt_date)
from govdisc.deadlines.common import events_of, pair_in_order, pdate
from govdisc.deadlines.labels import CHANNELS, RECEIPT_FIELDS
from govdisc.deadlines.labels import EVENTS
from govdisc.model import Obligation, Record
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


def _review_kind(review: dict) -> dict[str, str]:
    k = review.get("kind")
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
    event accounts for.

    Pairs like the deadline engine: each start, in date order, takes the first unused end
    dated on or after it; ends left over have no start to answer.
    """
    ends = [(i, d) for i, t, d, _ in evs if t == end]
    taken = set(pair_in_order([d for _, t, d, _ in evs if t == start], [d for _, d in ends]))
    return [e for k, e in enumerate(ends) if k not in taken]


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
        yield hit(rec, ("reply",) if reply is not None else (), anchor="parent",
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
)
@per_record("application")
def correction_twice(rec: Record) -> Iterator[Hit]:
    notices = [(i, d) for i, t, d, _ in events_of(rec) if t == "correction_notice"]
    for n, (i, d) in enumerate(notices[1:], start=2):
        yield hit(rec, ("events", i), date=d.isoformat(), n=n, first=notices[0][1].isoformat())


# -- extensions (Art. 33(2)) ------------------------------------------------------------------


def _extensions(rec: Record) -> list[tuple[int, date, dict]]:
    return [(i, d, ev) for i, t, d, ev in events_of(rec) if t == "extension"]


def _approved(ev: dict) -> bool:
    by = ev.get("approved_by")
    return isinstance(by, str) and bool(by.strip())


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
)
@per_record("application")
def extension_unapproved(rec: Record) -> Iterator[Hit]:
    for i, d, ev in _extensions(rec):
        if not _approved(ev):
            yield hit(rec, ("events", i), anchor="parent", date=d.isoformat())


def _deadline_without(ctx: Context, rec: Record, drop: set[int]) -> date | None:
    """The engine's reply deadline for the record with the events `drop` removed."""
    events = rec.data.get("events")
    data = dict(rec.data)
    data["events"] = [e for k, e in enumerate(events) if k not in drop] if isinstance(events, list) else events
    for ob in application_obligations(Record(rec.kind, rec.path, data), ctx.config, ctx.calendar, ctx.as_of):
        if ob.obligation == "reply":
            return pdate(ob.due)
    return None


@rule(
    "APP007", "error",
    title=("延期告知晚于原答复期限", "Extension notified after the deadline"),
    message=("{date} 的延长答复期限于 {notified} 告知申请人，晚于当时的答复期限 {due}；期限届满后不能再延长",
             "the extension of {date} was notified on {notified}, after the reply deadline then in force ({due}); "
             "a deadline that has passed cannot be extended"),
    basis="《条例》第三十三条第二款：需要延长答复期限的，应当经政府信息公开工作机构负责人同意并告知申请人",
    hint=("延期须在原答复期限届满前批准并告知申请人（notified 写告知日期，未写则按事件日期）；已逾期的只能尽快答复。",
          "Approve and notify the extension before the deadline runs out (notified, else the event date counts); "
          "once late, reply as soon as possible."),
    bad="submitted: 2024-09-02\nevents:\n  - {type: extension, date: 2024-10-08, days: 20, approved_by: 局办公室主任}",
    good="submitted: 2024-09-02\nevents:\n  - {type: extension, date: 2024-09-25, days: 20, approved_by: 局办公室主任, notified: 2024-09-25}",
)
def extension_notified_late(ctx: Context) -> Iterator[Hit]:
    for rec in ctx.kind("application"):
        exts = _extensions(rec)
        for k, (i, d, ev) in enumerate(exts):
            notified = pdate(ev.get("notified"))
            if notified is None:
                if ev.get("notified") is not None:
                    continue  # malformed: the schema reports it
                notified = d
            drop = {j for j, _, _ in exts[k:]}
            try:
                due = _deadline_without(ctx, rec, drop)
            except (ValueError, OverflowError):
                continue
            if due is not None and notified > due:
                yield hit(rec, ("events", i, "notified") if "notified" in ev else ("events", i, "date"),
                          date=d.isoformat(), notified=notified.isoformat(), due=due.isoformat())


@rule(
    "APP008", "error",
    title=("延长答复期限超过法定上限", "Extension beyond the statutory limit"),
    message=("{date} 的延长答复期限{detail}", "the extension of {date} {detail_en}"),
    basis="《条例》第三十三条第二款：延长的期限最长不得超过20个工作日",
    hint=("答复期限只能延长一次，最长 20 个工作日；超出部分不计入答复期限。",
          "The deadline may be extended once, by at most 20 working days; anything beyond does not count."),
    bad="events:\n  - {type: extension, date: 2024-11-20, days: 30, approved_by: 局办公室主任}",
    good="events:\n  - {type: extension, date: 2024-11-20, days: 20, approved_by: 局办公室主任}",
)
@per_record("application")
def extension_too_long(rec: Record) -> Iterator[Hit]:
    exts = _extensions(rec)
    for k, (i, d, ev) in enumerate(exts):
        days = ev.get("days")
        if k > 0:
            yield hit(rec, ("events", i), date=d.isoformat(),
                      detail=f"为第 {k + 1} 次延期（前次 {exts[0][1].isoformat()}）；答复期限只能延长一次",
                      detail_en=f"is extension number {k + 1} (the first was on {exts[0][1].isoformat()}); "
                                f"only one extension is allowed")
        elif type(days) is int and days > EXTENSION_MAX:
            yield hit(rec, ("events", i, "days"), date=d.isoformat(),
                      detail=f"为 {days} 个工作日，超过法定最长 {EXTENSION_MAX} 个工作日",
                      detail_en=f"is {days} working days, more than the statutory {EXTENSION_MAX}")


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
)
def consultation_silent(ctx: Context) -> Iterator[Hit]:
    for ob, rec in _obligations(ctx, "consultation_reply"):
        if ob.status != "overdue" or _reply_date(rec) is not None:
            continue
        ev = rec.get(*ob.pointer) if ob.pointer else None
        if not isinstance(ev, dict) or not _third_party(ev):
            continue
        yield hit(rec, ob.pointer, sent=_iso(ev.get("date")), due=ob.due, as_of=ctx.as_of.isoformat())


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
)
@per_record("application")
def reply_without_date(rec: Record) -> Iterator[Hit]:
    reply = _reply(rec)
    if reply is None or reply.get("date") is not None:
        return
    keys = [k for k in ("outcome", "exemptions", "note") if reply.get(k) not in (None, "", [])]
    yield hit(rec, ("reply",), anchor="parent",
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
    basis="《条例》第三十条至第三十四条（各期限的起算以先后发生的事件为准）",
    hint=("核对日期是否录错（年份、月份），或事件是否漏录（如补录先发出的通知）。",
          "Check the dates for typing errors, or record the missing earlier event."),
    bad="submitted: 2024-10-08\nevents:\n  - {type: correction_received, date: 2024-10-05}",
    good=("submitted: 2024-10-08\nevents:\n  - {type: correction_notice, date: 2024-10-10}\n"
          "  - {type: correction_received, date: 2024-10-15}"),
)
@per_record("application")
def dates_out_of_order(rec: Record) -> Iterator[Hit]:
    yield from _order_hits(rec, events_of(rec))


def _order_hits(rec: Record, evs: list) -> Iterator[Hit]:
    data = rec.data
    sub = pdate(data.get("submitted"))
    for key in ("signed_for", "confirmed"):
        d = pdate(data.get(key))
        if d is not None and sub is not None and d < sub:
            f = RECEIPT_FIELDS[key]
            yield hit(rec, (key,), what=f[0], what_en=f"{f[1]} date", date=d.isoformat(),
                      problem=f"早于提交日期 {sub.isoformat()}", problem_en=f"is before the submission date {sub.isoformat()}")
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


# -- administrative reconsideration / litigation ------------------------------------------------


@rule(
    "APP016", "warning",
    title=("复议诉讼已有结果但没有日期", "Review result without a date"),
    message=("{kind}结果为“{result}”，但没有写明决定或裁判日期（review.date）",
             "the {kind_en} result is {result_en} but there is no date (review.date)"),
    basis="《条例》第五十条第（三）项、第五十一条；年度报告表四按年度统计复议诉讼结果",
    hint=("补录复议决定或裁判的日期 review.date，以便计入正确年度的年度报告。",
          "Record the decision or judgment date in review.date so it counts in the right year's report."),
    bad="review: {kind: reconsideration, result: upheld}",
    good="review: {kind: reconsideration, result: upheld, date: 2025-02-01}",
)
@per_record("application")
def review_without_date(rec: Record) -> Iterator[Hit]:
    review = rec.data.get("review")
    if not isinstance(review, dict):
        return
    result = review.get("result")
    if isinstance(result, str) and result != "pending" and review.get("date") is None:
        yield hit(rec, ("review",), anchor="parent", result=REVIEW_RESULTS.get(result, (result,))[0],
                  result_en=REVIEW_RESULTS.get(result, (result, result))[1], **_review_kind(review))


@rule(
    "APP017", "error",
    title=("未答复的申请有复议或诉讼", "Review of an application without a reply"),
    message=("记录了{kind}，但申请没有答复记录（reply）",
             "a {kind_en} is recorded but the application has no reply"),
    basis="《条例》第五十一条",
    hint=("补录答复（reply.date、reply.outcome）；申请人因逾期未答复提起复议的，也应记录后来作出的答复。",
          "Record the reply (reply.date, reply.outcome), also when the review was about a missing reply."),
    bad="review: {kind: reconsideration, result: pending, date: 2025-01-10}",
    good="reply: {date: 2024-12-10, outcome: withheld, exemptions: [process_info]}\nreview: {kind: reconsideration, result: pending, date: 2025-01-10}",
)
@per_record("application")
def review_without_reply(rec: Record) -> Iterator[Hit]:
    review = rec.data.get("review")
    if isinstance(review, dict) and _reply(rec) is None:
        yield hit(rec, ("review",), **_review_kind(review))


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
    hint=("在 reply.outcome 中写明办理结果代码，例如 disclosed、withheld、not_held（见 docs/register-format.md）。",
          "Write the outcome code in reply.outcome, e.g. disclosed, withheld, not_held."),
    bad="reply: {date: 2024-12-10}",
    good="reply: {date: 2024-12-10, outcome: disclosed}",
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
)
@per_record("application")
def extension_without_days(rec: Record) -> Iterator[Hit]:
    for i, d, ev in _extensions(rec):
        if ev.get("days") is None:
            yield hit(rec, ("events", i), anchor="parent", date=d.isoformat())

