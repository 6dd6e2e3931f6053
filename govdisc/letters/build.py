"""The facts of one letter, gathered from the register and the deadline engine.

Every date a letter states comes from the deadline engine, run exactly as `deadlines` runs it:
`record_obligations` on the record as it stood on the day of the fact the letter tells of (the
extension, the deferral, the reply...). So a letter's new due date is the `due` that
`deadlines --format json --as-of <that day>` prints for the record, and an extension or a
deferral the engine gives no time (late, unapproved...) is refused with the engine's reason
instead of being announced.

A letter that cannot be written correctly is refused (LetterRefused) before anything is
rendered or written: an unknown record, a missing event, a reply whose outcome needs facts the
register lacks (the responsible organ, the withheld parts...), remedies not configured, or an
identity number in the text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from govdisc.calendar import WorkCalendar
from govdisc.config import Config
from govdisc.deadlines import record_obligations
from govdisc.deadlines.application import (CONSULTATION_DAYS, FEE_DAYS, REPLY_DAYS, correction_points, judged_note,
                                           receipt_date, restart_of)
from govdisc.deadlines.asof import known_by
from govdisc.deadlines.common import events_of, pdate
from govdisc.deadlines.labels import EVENTS
from govdisc.letters.kinds import DEFAULT_TO, KINDS
from govdisc.letters.numbering import next_number
from govdisc.model import Effect, Obligation, Record
from govdisc.rules.pii import find_resident_ids, mask_id


class LetterRefused(Exception):
    """The letter cannot be written; nothing is rendered or recorded."""

    def __init__(self, zh: str, en: str, code: str = "refused") -> None:
        super().__init__(en)
        self.zh, self.en, self.code = zh, en, code


@dataclass(slots=True)
class Letter:
    """Everything a template needs, plus where the letter is recorded in the register."""

    kind: str
    record_id: str
    path: str  # the record's file, relative to the register root
    target: tuple  # ("events", index) or ("reply",): where --record writes the number and date
    number: str
    date: date
    recorded: bool  # number and date were already recorded: this is a reprint
    as_of: date  # the engine's as-of day: the day of the fact the letter tells of
    to: str
    context: dict[str, Any]
    #: deadlines the letter states, as the engine computed them (name → ISO date)
    dates: dict[str, str] = field(default_factory=dict)


#: exemption code → (the provision as cited in a letter, what it protects)
EXEMPTION_BASIS: dict[str, tuple[str, str]] = {
    "state_secret": ("《中华人民共和国政府信息公开条例》第十四条", "属于依法确定为国家秘密的政府信息"),
    "law_prohibited": ("《中华人民共和国政府信息公开条例》第十四条", "属于法律、行政法规禁止公开的政府信息"),
    "security_stability": ("《中华人民共和国政府信息公开条例》第十四条",
                           "公开后可能危及国家安全、公共安全、经济安全、社会稳定"),
    "third_party_rights": ("《中华人民共和国政府信息公开条例》第十五条", "公开会对第三方合法权益造成损害"),
    "internal_affairs": ("《中华人民共和国政府信息公开条例》第十六条第一款", "属于行政机关的内部事务信息"),
    "process_info": ("《中华人民共和国政府信息公开条例》第十六条第二款", "属于行政机关在履行行政管理职能过程中形成的过程性信息"),
    "enforcement_file": ("《中华人民共和国政府信息公开条例》第十六条第二款", "属于行政执法案卷信息"),
    "administrative_query": ("《中华人民共和国政府信息公开条例》第三十六条第（七）项",
                             "属于有关法律、行政法规对信息的获取有特别规定的信息"),
}

#: how the application came in, as a letter says it ("您于…{phrase}的政府信息公开申请")
CHANNEL_PHRASES: dict[str, str] = {"in_person": "当面提交", "mail_signed": "以邮寄方式提交", "mail_unsigned": "以平常信函方式提交",
                                   "online": "通过互联网提交", "fax": "通过传真提交"}

FORMS: dict[str, str] = {"paper": "纸质文本", "electronic": "电子数据", "inspection": "查阅、抄录",
                         "website": "告知获取途径", "any": "未要求特定形式"}

OUTCOMES = ("disclosed", "partially_disclosed", "withheld", "not_held", "needs_creation", "still_unclear",
            "complaint", "duplicate", "publication", "excessive", "confirmation", "no_correction", "no_fee", "other")


def _refuse(zh: str, en: str, code: str = "refused") -> LetterRefused:
    return LetterRefused(zh, en, code)


def find_application(records: list[Record], record_id: str) -> Record:
    record_id = record_id.strip()
    mine = [r for r in records if r.kind == "application" and r.id == record_id]
    if not mine:
        other = [r for r in records if r.id == record_id]
        if other:
            raise _refuse(f"{record_id} 是{other[0].path}，不是依申请公开的申请；信函只为申请生成",
                          f"{record_id} ({other[0].path}) is not an application; letters are for applications", "invalid")
        raise _refuse(f"登记簿中没有编号为 {record_id} 的申请", f"no application with id {record_id} in the register",
                      "not_found")
    if len(mine) > 1:
        where = "、".join(r.path for r in mine)
        raise _refuse(f"编号 {record_id} 重复出现在 {where}，请先修正（REG007）",
                      f"id {record_id} is used by several files: {where}; fix that first (REG007)", "conflict")
    return mine[0]


def build_letter(records: list[Record], config: Config, cal: WorkCalendar, record_id: str, kind: str, *,
                 nth: int | None = None, letter_date: date | None = None, to: str | None = None) -> Letter:
    """The letter of `kind` for one application, or LetterRefused."""
    if kind not in KINDS:
        raise _refuse(f"未知的信函种类 {kind}；可用：{'、'.join(KINDS)}", f"unknown letter kind {kind}; one of: "
                      f"{', '.join(KINDS)}", "invalid")
    rec = find_application(records, record_id)
    got = receipt_date(rec)
    if got is None:
        raise _refuse(f"{rec.id} 没有收到申请之日（submitted / signed_for / confirmed），无法写明日期，请先补录",
                      f"{rec.id} has no receipt date (submitted / signed_for / confirmed); add it first")
    spec = KINDS[kind]
    facts = Facts(rec, config, cal, got[0])
    if spec.event is None:
        if nth is not None:
            raise _refuse("--nth 只用于事件的告知书（答复只有一份）", "--nth is for letters about events (there is one reply)",
                          "invalid")
        target, subject, recorded = ("reply",), facts.reply_subject(), rec.mapping("reply").get("letter")
    else:
        index, ev = facts.pick_event(spec.event, nth)
        target, subject, recorded = ("events", index), pdate(ev.get("date")), ev.get("letter")
    assert subject is not None
    facts.as_of(subject)
    context = facts.common()
    context.update(BUILDERS[kind](facts, target))
    default_day = context.pop("_letter_date", subject)
    recorded = recorded if isinstance(recorded, dict) else None
    number, day = _number_and_date(records, config, kind, recorded, letter_date, default_day, subject)
    addressee = _addressee(facts, kind, target, to)
    context.update(number=number, date=day.isoformat(), to=addressee, kind=kind, title=spec.title)
    return Letter(kind, rec.id, rec.path, target, number, day, recorded is not None, subject, addressee,
                  context, facts.dates)


def _number_and_date(records: list[Record], config: Config, kind: str, recorded: dict | None,
                     letter_date: date | None, default_day: date, subject: date) -> tuple[str, date]:
    if recorded is not None:
        no, day = recorded.get("no"), pdate(recorded.get("date"))
        if not isinstance(no, str) or not no.strip() or day is None:
            raise _refuse("已记录的信函（letter）缺少发文字号 no 或日期 date，请先修正登记簿",
                          "the recorded letter lacks its number (no) or date; fix the register first")
        if letter_date is not None and letter_date != day:
            raise _refuse(f"该信函已记录为 {no}（{day}），重印沿用原编号和日期；不能改为 {letter_date}",
                          f"this letter is recorded as {no} of {day}; a reprint keeps its number and date, "
                          f"not {letter_date}", "conflict")
        return no.strip(), day
    day = letter_date or default_day
    if day < subject:
        raise _refuse(f"信函日期 {day} 早于其告知的事项的日期 {subject}", f"the letter date {day} is before the "
                      f"fact it tells of ({subject})", "invalid")
    return next_number(records, config, kind, day.year), day


def _addressee(facts: "Facts", kind: str, target: tuple, to: str | None) -> str:
    if to is not None and to.strip():
        facts.no_identity(to.strip(), "--to")
        return " ".join(to.split())
    who = KINDS[kind].to
    if who == "consulted":
        party = facts.event(target).get("party")
        who = "consulted_agency" if party == "agency" else "consulted_third_party"
    return DEFAULT_TO[who][0]


class Facts:
    """Reads one application for a letter: located text, its events, the engine's clocks."""

    def __init__(self, rec: Record, config: Config, cal: WorkCalendar, receipt: date) -> None:
        self.rec, self.config, self.cal, self.receipt = rec, config, cal, receipt
        self.events = events_of(rec)
        self.obligations: list[Obligation] = []
        self.dates: dict[str, str] = {}

    # -- reading the record ------------------------------------------------------------------

    def text(self, *ptr: Any) -> str:
        """A text field, "" when absent; refused when it holds an identity number."""
        value = self.rec.get(*ptr)
        if not isinstance(value, str):
            return ""
        self.no_identity(value, ".".join(str(p) for p in ptr))
        return value.strip()

    def no_identity(self, value: str, where: str) -> None:
        ids = find_resident_ids(value)
        if ids:
            raise _refuse(f"{self.rec.path} 的 {where} 含有身份证号码 {mask_id(ids[0])}；信函中不得出现申请人身份证号码，"
                          "请从登记簿中删除（PII001）后重试",
                          f"{where} in {self.rec.path} holds an identity number ({mask_id(ids[0])}); letters never "
                          "print one: remove it from the register (PII001) and try again")

    def event(self, target: tuple) -> dict:
        ev = self.rec.get(*target)
        return ev if isinstance(ev, dict) else {}

    def pick_event(self, kind: str, nth: int | None) -> tuple[int, dict]:
        """The event the letter tells of: the nth of its type in date order, by default the last."""
        mine = [(i, ev) for i, t, _, ev in self.events if t == kind]
        label = EVENTS.get(kind, (kind, kind))
        if not mine:
            raise _refuse(f"{self.rec.id} 没有{label[0]}事件（{kind}），无从生成该信函；先用 govdisc event {self.rec.id} "
                          f"{kind} --date … 记录", f"{self.rec.id} has no {label[1]} event ({kind}); record it first: "
                          f"govdisc event {self.rec.id} {kind} --date …", "missing")
        if nth is None:
            return mine[-1]
        if not 1 <= nth <= len(mine):
            raise _refuse(f"{self.rec.id} 有 {len(mine)} 个{label[0]}事件，--nth 应在 1 至 {len(mine)} 之间",
                          f"{self.rec.id} has {len(mine)} {kind} event(s); --nth must be 1 to {len(mine)}", "invalid")
        return mine[nth - 1]

    def reply_subject(self) -> date:
        reply = self.rec.mapping("reply")
        d = pdate(reply.get("date"))
        if not reply or d is None:
            raise _refuse(f"{self.rec.id} 尚未记录答复（reply 的 date 和 outcome），先用 govdisc event {self.rec.id} reply "
                          "--date … --outcome … 记录", f"{self.rec.id} has no reply yet (reply date and outcome); "
                          f"record it first: govdisc event {self.rec.id} reply --date … --outcome …", "missing")
        return d

    # -- the engine ---------------------------------------------------------------------------

    def as_of(self, day: date) -> None:
        """See the record as it stood on the day of the fact the letter tells of (a correction
        letter does not know of the corrected application yet) and run the engine on it, as
        `deadlines --as-of day` does."""
        self.events = events_of(known_by(self.rec, day))
        self.obligations = record_obligations([self.rec], self.config, self.cal, day)

    def clock(self, name: str, pointer: tuple = ()) -> Obligation | None:
        return next((o for o in self.obligations if o.obligation == name and (not pointer or o.pointer == pointer)),
                    None)

    def effect(self, index: int) -> Effect | None:
        reply = self.clock("reply")
        return next((e for e in reply.effects if e.index == index), None) if reply else None

    def due(self, name: str, label: str, pointer: tuple = ()) -> str:
        """The engine's due date of a clock, remembered under `label` for the letter's dates."""
        ob = self.clock(name, pointer)
        if ob is None or not ob.due:
            raise _refuse("该申请的答复期限尚未起算（正在等待申请人补正），无法写明期限",
                          "the reply period is not running (waiting for the corrected application): no date to state")
        self.dates[label] = ob.due[:10]
        return ob.due[:10]

    # -- common facts -------------------------------------------------------------------------

    def common(self) -> dict[str, Any]:
        rec, cfg = self.rec, self.config
        restart = restart_of(self.events, self.receipt)
        notice = correction_points(self.events, self.receipt)[0]
        docs = [d for d in rec.seq("documents") if isinstance(d, str)]
        for i, d in enumerate(docs):
            self.no_identity(d, f"documents.{i}")
        channel = rec.data.get("channel")
        return {
            "agency": cfg.agency,
            "issuer": cfg.letter_issuer or cfg.agency,
            "contact": cfg.letter_contact,
            "record_id": rec.id,
            "summary": self.text("summary"),
            "information": _information(self.text("summary")),
            "request": _request(self.text("summary")),
            "documents": docs,
            "channel": CHANNEL_PHRASES.get(channel, "") if isinstance(channel, str) else "",
            "submitted": _iso(rec.data.get("submitted")) or self.receipt.isoformat(),
            "received": self.receipt.isoformat(),
            "correction_notice": notice[1].isoformat() if notice else None,
            "restarted": restart.isoformat() if restart else None,
            "reply_days": REPLY_DAYS,
            "remedies": {"reconsideration": cfg.remedy_reconsideration, "litigation": cfg.remedy_litigation},
            "form_requested": FORMS.get(rec.data.get("form_requested"), "") if isinstance(
                rec.data.get("form_requested"), str) else "",
        }

    def need_remedies(self, what: str) -> None:
        """Letters that tell of remedies name the organ and the court (govdisc.yaml `remedies`)."""
        missing = [k for k, v in (("reconsideration", self.config.remedy_reconsideration),
                                  ("litigation", self.config.remedy_litigation)) if not v]
        if missing:
            keys = "、".join(f"remedies.{k}" for k in missing)
            raise _refuse(f"{what}须告知行政复议机关和管辖法院，govdisc.yaml 未填写 {keys}（《条例》第五十一条）",
                          f"the {what} must name the reconsideration organ and the court; govdisc.yaml lacks {keys} "
                          "(Art. 51)", "config")


#: how summaries usually begin ("申请公开……"); a letter says "申请公开{information}" itself
_ASKING = ("申请公开", "申请获取", "申请提供", "要求公开", "要求提供", "申请")


def _information(summary: str) -> str:
    """The information asked for: the summary without its leading "申请公开"."""
    for head in _ASKING:
        if summary.startswith(head) and len(summary) > len(head):
            return summary[len(head):]
    return summary


def _request(summary: str) -> str:
    """The application as a clause after "…的政府信息公开申请（登记编号：…），": the summary itself
    when it says what was asked ("申请公开……", "要求……"), else "申请内容为：……"."""
    return summary if summary.startswith(("申请", "要求")) else f"申请内容为：{summary}"


def _iso(value: Any) -> str | None:
    d = pdate(value)
    return d.isoformat() if d else None


# -- per kind ------------------------------------------------------------------------------------


def _correction(f: Facts, target: tuple) -> dict[str, Any]:
    ev = f.event(target)
    what = f.text(*target, "note")
    if not what:
        raise _refuse("补正告知书须说明需要补正的事项（《条例》第三十条）：在该 correction_notice 事件的 note 中写明",
                      "a correction notice must say what to correct (Art. 30): write it in the correction_notice's note",
                      "missing")
    days = ev.get("days")
    if isinstance(days, bool) or not isinstance(days, int) or days < 1:
        days = f.config.letter_correction_days
    return {"event": {"date": _iso(ev.get("date")), "note": what}, "correction_days": days}


def _judged(f: Facts, target: tuple, ok: tuple[str, ...], what: tuple[str, str]) -> Effect:
    """The engine's verdict on an extension or a deferral; refused unless it gives time."""
    index = target[1]
    e = f.effect(index)
    if e is None:
        raise _refuse(f"答复期限尚未起算（正在等待申请人补正），{what[0]}不产生效果，不能生成告知书",
                      f"the reply period is not running (waiting for the corrected application): the {what[1]} has no "
                      "effect and no notice can be written")
    if e.verdict not in ok:
        note = judged_note(pdate(e.date) or f.receipt, f.event(target), e)
        raise _refuse(f"{note.note_zh}；不能生成告知书", f"{note.note_en}; no notice can be written", "refused")
    return e


def _extension(f: Facts, target: tuple) -> dict[str, Any]:
    e = _judged(f, target, ("applied", "capped"), ("延长答复期限", "extension"))
    ev = f.event(target)
    f.dates["due_before"] = e.due_before
    due = f.due("reply", "reply_due")
    told = pdate(ev.get("notified")) or pdate(ev.get("date"))
    return {"event": {"date": _iso(ev.get("date")), "approved_by": f.text(*target, "approved_by")},
            "days": e.days, "prior": e.prior, "due_before": e.due_before, "due": due, "_letter_date": told}


def _deferral(f: Facts, target: tuple) -> dict[str, Any]:
    e = _judged(f, target, ("applied",), ("延迟答复", "deferral"))
    ev = f.event(target)
    f.dates["due_before"] = e.due_before
    return {"event": {"date": _iso(ev.get("date"))}, "due_before": e.due_before, "due": f.due("reply", "reply_due")}


def _consultation(f: Facts, target: tuple) -> dict[str, Any]:
    ev = f.event(target)
    party = "agency" if ev.get("party") == "agency" else "third_party"
    delivered = _iso(ev.get("delivered"))
    out: dict[str, Any] = {"event": {"date": _iso(ev.get("date"))}, "party": party, "answer_days": CONSULTATION_DAYS, "delivered": delivered, "answer_due": None}
    if delivered is not None:  # the 15 days run from receipt of the letter: a date only once it is known
        out["answer_due"] = f.due("consultation_reply", "answer_due", pointer=target)
    return out


def _third_party_notice(f: Facts, target: tuple) -> dict[str, Any]:
    ev = f.event(target)
    reason = f.text(*target, "note")
    if not reason:
        raise _refuse("告知第三方书须写明决定公开的理由（《条例》第三十二条）：在该 third_party_notice 事件的 note 中写明",
                      "the notice to the third party must give the reasons for disclosing (Art. 32): write them in "
                      "the third_party_notice's note", "missing")
    f.need_remedies("告知第三方书")
    d = pdate(ev.get("date"))
    answers = [(i, x) for i, t, x, e in f.events if t == "consultation_answered" and d and x <= d and e.get("objection")]
    sent = [x for _, t, x, e in f.events if t == "consultation_sent" and d and x <= d and e.get("party") != "agency"]
    return {"event": {"date": _iso(ev.get("date")), "note": reason},
            "consulted": sent[-1].isoformat() if sent else None,
            "objected": answers[-1][1].isoformat() if answers else None}


def _fee(f: Facts, target: tuple) -> dict[str, Any]:
    ev = f.event(target)
    amount = ev.get("amount")
    if isinstance(amount, bool) or not isinstance(amount, (int, float)):
        raise _refuse("收费通知书须写明收费数额：在该 fee_notice 事件中填写 amount（元）",
                      "a fee notice must state the amount: add amount (yuan) to the fee_notice event", "missing")
    if not f.config.letter_fee_payment:
        raise _refuse("收费通知书须说明缴纳方式（国办函〔2020〕109号）：在 govdisc.yaml 的 letters.fee_payment 中写明",
                      "a fee notice must say how to pay (国办函〔2020〕109号): set letters.fee_payment in govdisc.yaml",
                      "config")
    return {"event": {"date": _iso(ev.get("date")), "note": f.text(*target, "note")},
            "amount": _yuan(amount), "fee_payment": f.config.letter_fee_payment, "fee_days": FEE_DAYS,
            "fee_pauses_clock": f.config.fee_pauses_clock}


def _yuan(amount: int | float) -> str:
    return f"{int(amount)}" if float(amount).is_integer() else f"{amount:.2f}"


def _reply(f: Facts, target: tuple) -> dict[str, Any]:
    reply = f.rec.mapping("reply")
    outcome = reply.get("outcome")
    if outcome not in OUTCOMES:
        raise _refuse(f"答复的办理结果 {outcome!r} 没有对应的答复书措辞；请在 reply.outcome 中填写规定的代码",
                      f"the reply's outcome {outcome!r} has no letter wording; use one of the outcome codes", "no_wording")
    f.need_remedies("答复书")
    provided = reply.get("form_provided") if isinstance(reply.get("form_provided"), str) else ""
    out: dict[str, Any] = {
        "outcome": outcome, "reply_date": _iso(reply.get("date")), "explanation": f.text("reply", "explanation"),
        "form_provided": FORMS.get(provided, ""), "form_provided_code": provided,
        "form_requested_code": f.rec.data.get("form_requested") if isinstance(f.rec.data.get("form_requested"), str) else "",
        "form_reason": f.text("reply", "form_reason"), "parts": [], "organ": None, "not_held_reason": None,
        "fee_notice": None, "fee_amount": None,
    }
    if outcome in ("withheld", "partially_disclosed"):
        out["parts"] = _withheld_parts(f, reply)
    elif outcome == "not_held":
        out.update(_not_held(f, reply))
    elif outcome == "no_correction" and _lacks(f, "correction_notice"):
        raise _refuse("“逾期不补正”的答复书须写明补正告知的日期：该申请没有补正告知（correction_notice）事件",
                      "a no_correction reply states when the correction was asked for: there is no correction_notice "
                      "event", "missing")
    elif outcome == "no_fee":
        fees = [(i, x, e) for i, t, x, e in f.events if t == "fee_notice"]
        if not fees:
            raise _refuse("“逾期未缴费”的答复书须写明收费通知的日期：该申请没有收费通知（fee_notice）事件",
                          "a no_fee reply states when the fee notice was sent: there is no fee_notice event", "missing")
        out["fee_notice"] = fees[-1][1].isoformat()
        amount = fees[-1][2].get("amount")
        out["fee_amount"] = _yuan(amount) if isinstance(amount, (int, float)) and not isinstance(amount, bool) else None
    needs = {"other": "答复的内容", "disclosed": "获取该政府信息的方式、途径（《条例》第三十六条第（一）项）"}
    if outcome in needs and (outcome == "other" or provided == "website") and not out["explanation"]:
        raise _refuse(f"答复书须说明{needs[outcome]}：在 reply.explanation 中写明（写给申请人的话；note 不印入答复书）",
                      f"the reply letter needs {'its content' if outcome == 'other' else 'where to obtain the information'}"
                      ": write it in reply.explanation (note is never printed)", "no_wording")
    return out


def _lacks(f: Facts, event_type: str) -> bool:
    return not any(t == event_type for _, t, _, _ in f.events)


def _withheld_parts(f: Facts, reply: dict) -> list[dict[str, str]]:
    """Each withheld part with its basis and reason (Art. 36(三), 37); when the parts are not
    itemised (reply.withheld), each exemption code with the provision and what it protects."""
    parts = []
    for i, part in enumerate(reply.get("withheld") if isinstance(reply.get("withheld"), list) else []):
        if not isinstance(part, dict):
            continue
        code = part.get("exemption")
        basis, why = EXEMPTION_BASIS.get(code, ("", "")) if isinstance(code, str) else ("", "")
        parts.append({"part": f.text("reply", "withheld", i, "part"), "exemption": code if isinstance(code, str) else "",
                      "basis": f.text("reply", "withheld", i, "basis") or basis,
                      "reason": f.text("reply", "withheld", i, "reason") or why})
    if parts:
        return parts
    codes = [c for c in reply.get("exemptions") or [] if isinstance(c, str) and c in EXEMPTION_BASIS]
    if not codes:
        raise _refuse("不予公开或部分公开的答复书须逐项说明不予公开的内容、依据和理由（《条例》第三十六条第（三）项、第三十七条）："
                      "在 reply.withheld 中列明，或至少在 reply.exemptions 中写明理由代码",
                      "a withholding reply must give each withheld part with its basis and reason (Art. 36(3), 37): "
                      "list them in reply.withheld, or at least the codes in reply.exemptions", "no_wording")
    return [{"part": "", "exemption": c, "basis": EXEMPTION_BASIS[c][0], "reason": EXEMPTION_BASIS[c][1]}
            for c in codes]


def _not_held(f: Facts, reply: dict) -> dict[str, Any]:
    why = reply.get("not_held_reason")
    if why not in ("nonexistent", "not_responsible"):
        raise _refuse("“本机关不掌握相关政府信息”的答复书须区分信息不存在（《条例》第三十六条第（四）项）和不属于本机关负责公开"
                      "（第（五）项）：在 reply.not_held_reason 中写明 nonexistent 或 not_responsible",
                      "a not_held reply must say whether the information does not exist (Art. 36(4)) or is not this "
                      "agency's (Art. 36(5)): set reply.not_held_reason", "no_wording")
    if why == "nonexistent":
        return {"not_held_reason": why}
    organ = reply.get("responsible_organ")
    if not isinstance(organ, dict):
        raise _refuse("不属于本机关负责公开的，答复书须告知负责公开的行政机关名称和联系方式（《条例》第三十六条第（五）项）："
                      "在 reply.responsible_organ 中写明，无法确定的写 determinable: false（APP030）",
                      "the reply must name the organ responsible and its contact (Art. 36(5)): fill in "
                      "reply.responsible_organ, or determinable: false (APP030)", "missing")
    if organ.get("determinable") is False:
        return {"not_held_reason": why, "organ": {"determinable": False}}
    name, contact = f.text("reply", "responsible_organ", "name"), f.text("reply", "responsible_organ", "contact")
    if not name or not contact:
        raise _refuse("答复书须告知负责公开的行政机关的名称和联系方式（《条例》第三十六条第（五）项）：reply.responsible_organ "
                      "缺少 name 或 contact（APP030）", "the reply must give the responsible organ's name and contact "
                      "(Art. 36(5)): reply.responsible_organ lacks name or contact (APP030)", "missing")
    return {"not_held_reason": why, "organ": {"determinable": True, "name": name, "contact": contact}}


BUILDERS = {"correction": _correction, "extension": _extension, "consultation": _consultation,
            "third_party_notice": _third_party_notice, "deferral": _deferral, "fee": _fee, "reply": _reply}
