"""PAR: public participation (扩大公众参与, seed 二(八)).

A decision is marked as involving major public interests (`public_interest: true`) on its meeting
agenda item or its document; it then needs public participation before it is taken — its own
draft put out for comment (the item's `public_draft`), people invited to attend (`attendance`),
or a participation record (participation/<year>/<id>.yaml) whose `decision` names it. A decision
marked `hearing_required` needs a hearing record. Participation channels (hotline, mailbox…) are
participation records of kind `channel`, one per channel and year.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, Callable, Iterator

from govdisc.codes import Hit, hit, rule
from govdisc.dates import parse_date
from govdisc.model import Record
from govdisc.rules.context import Context

BASIS = ("《实施办法》二（八）2：涉及新闻出版广播影视重大公共利益和公众权益的重要决策，除依法应当保密的外，须通过征求意见、"
         "听证座谈、咨询协商、列席会议、媒体吹风等方式扩大公众参与")
#: withholding reasons that make a document "依法应当保密"
SECRET = ("state_secret", "law_prohibited", "security_stability")
#: kinds that come after a decision by nature (evaluation of execution, channel statistics)
AFTERWARDS = ("third_party_evaluation", "channel")


def _meetings(ctx: Context) -> dict[str, Record]:
    return {rec.data["id"]: rec for rec in ctx.kind("meeting") if isinstance(rec.data.get("id"), str)}


def _norm(text: Any) -> str:
    return "".join(text.split()) if isinstance(text, str) else ""


@dataclass(frozen=True, slots=True)
class Decision:
    rec: Record
    pointer: tuple
    name: str  # agenda item title as written, or 发文字号
    day: date
    item: dict  # the agenda item or the document data
    meeting: str | None  # meeting id, for agenda items
    title: str  # agenda item title (normalised) or 发文字号

    # The labels are made only for a decision that is reported (of ~50,000 at 100,000 records,
    # a handful): making them all up front was half of PAR001's time.
    @property
    def label(self) -> str:
        """议题“…”（会议 HY-…，date） or 公文 …（date）"""
        if self.rec.kind == "meeting":
            return f"议题“{self.name}”（会议 {self.meeting or self.rec.path}，{self.day}）"
        return f"公文 {self.name}（{self.day}）"

    @property
    def label_en(self) -> str:
        if self.rec.kind == "meeting":
            return f"item “{self.name}” (meeting {self.meeting or self.rec.path}, {self.day})"
        return f"document {self.name} ({self.day})"


def _decisions(ctx: Context) -> Iterator[Decision]:
    for rec in ctx.kind("meeting"):
        day = parse_date(rec.data.get("date"))
        mid = rec.data.get("id") if isinstance(rec.data.get("id"), str) else None
        if day is None:
            continue
        for i, item in enumerate(rec.seq("items")):
            if not isinstance(item, dict) or item.get("confidential") is True:
                continue
            title = item.get("title") if isinstance(item.get("title"), str) else "（无题）"
            yield Decision(rec, ("items", i), title, day, item, mid, _norm(title))
    for rec in ctx.kind("document"):
        day = parse_date(rec.data.get("formed"))
        no = rec.data.get("doc_no")
        if day is None or not isinstance(no, str):
            continue
        if rec.get("withholding", "reason") in SECRET:
            continue
        yield Decision(rec, (), no, day, rec.data, None, no)


def _participation(ctx: Context) -> dict[tuple, list[Record]]:
    """('meeting', id, title) or ('document', 发文字号) → the participation records naming it."""
    out: dict[tuple, list[Record]] = {}
    for rec in ctx.kind("participation"):
        dec = rec.data.get("decision")
        if not isinstance(dec, dict):
            continue
        if isinstance(dec.get("meeting"), str):
            out.setdefault(("meeting", dec["meeting"], _norm(dec.get("item"))), []).append(rec)
        if isinstance(dec.get("document"), str):
            out.setdefault(("document", dec["document"]), []).append(rec)
    return out


def _records_for(index: dict[tuple, list[Record]], d: Decision) -> list[Record]:
    key = ("meeting", d.meeting, d.title) if d.rec.kind == "meeting" else ("document", d.title)
    return index.get(key, [])


def _own_participation(d: Decision) -> bool:
    """An agenda item's own draft put out for comment before it, or people invited to attend."""
    draft = d.item.get("public_draft")
    pub = parse_date(draft.get("published")) if isinstance(draft, dict) else None
    if pub is not None and pub <= d.day:
        return True
    att = d.item.get("attendance")
    return isinstance(att, dict) and any(att.get(k) is True for k in ("stakeholders", "public", "experts", "media"))


@rule(
    "PAR001", "error",
    title=("涉及重大公共利益的决策没有公众参与", "Decision of major public interest without public participation"),
    message=("{what}标明涉及重大公共利益和公众权益，但决策前没有征求意见、听证座谈、咨询协商、列席会议、媒体吹风等公众参与的记录",
             "{what_en} is marked as involving major public interests, but no public participation (comment, "
             "hearing, consultation, attendance, media briefing) is recorded before the decision"),
    basis=BASIS,
    hint=("决策前组织公众参与，并登记 participation/<年度>/<编号>.yaml（decision 写明会议编号和议题名称，或公文的发文字号）；"
          "会议议题也可以通过决策前公开草案征求意见（public_draft）或邀请列席（attendance）体现。依法应当保密的写 confidential: true。",
          "Involve the public before the decision and record it in participation/<year>/<id>.yaml (decision: meeting "
          "and item, or document); for an agenda item a draft put out for comment or invited attendance also counts."),
    bad="items:\n  - title: 有线电视收视维护费调整方案\n    kind: livelihood\n    public_interest: true",
    good="# participation/2024/CY-2024-003.yaml\nid: CY-2024-003\ntitle: 收视维护费调整听证会\nkind: hearing\n"
         "date: 2024-05-28\ndecision: {meeting: HY-2024-06, item: 有线电视收视维护费调整方案}",
    clauses=("二(八)",),
)
def no_participation(ctx: Context) -> Iterator[Hit]:
    yield from _unmet(ctx, "public_interest", lambda d, records: _own_participation(d)
                      or any(_before(r, d.day) for r in records))


def _unmet(ctx: Context, flag: str, met: Callable[[Decision, list[Record]], bool]) -> Iterator[Hit]:
    """A hit at `flag` of each decision taken by as-of that is marked `flag: true` and whose
    participation records (those naming it) do not meet the requirement."""
    index = _participation(ctx)
    for d in ctx.shared("par.decisions", _decisions):  # PAR001 and PAR002 walk the same decisions
        if d.item.get(flag) is True and d.day <= ctx.as_of and not met(d, _records_for(index, d)):
            yield hit(d.rec, d.pointer + (flag,), what=d.label, what_en=d.label_en)


def _before(rec: Record, day: date) -> bool:
    start = parse_date(rec.data.get("date"))
    return start is not None and start <= day and rec.data.get("kind") not in AFTERWARDS


@rule(
    "PAR002", "error",
    title=("依法须听证的决策没有听证记录", "Decision requiring a hearing without one"),
    message=("{what}标明法律法规规定须经听证程序，但没有听证记录（participation，kind: hearing）",
             "{what_en} is marked as requiring a hearing by law, but no hearing is recorded (participation, kind: hearing)"),
    basis="《实施办法》二（八）2：要严格落实法律法规规定的听证程序，提高行政执法的透明度和认可度",
    hint=("举行听证后登记 participation/<年度>/<编号>.yaml，kind 写 hearing，decision 写明所涉会议议题或公文。",
          "Record the hearing in participation/<year>/<id>.yaml with kind: hearing and its decision."),
    bad="items:\n  - title: 收视维护费调整方案\n    kind: livelihood\n    hearing_required: true",
    good="# participation/2024/CY-2024-003.yaml\nkind: hearing\ndate: 2024-05-28\n"
         "decision: {meeting: HY-2024-06, item: 收视维护费调整方案}",
    clauses=("二(八)",),
)
def no_hearing(ctx: Context) -> Iterator[Hit]:
    yield from _unmet(ctx, "hearing_required", lambda d, records: any(
        r.data.get("kind") == "hearing" and _before(r, d.day) for r in records))


@rule(
    "PAR003", "warning",
    title=("公众参与晚于决策", "Participation after the decision"),
    message=("公众参与于 {start} 开展，晚于所涉{what}的决策日期", "the participation began on {start}, after the decision on "
             "{what_en}"),
    basis=BASIS + "（公众参与应在决策前进行）",
    hint=("核对日期：征求意见、听证、座谈等应在决策前进行；评估执行情况的用 kind: third_party_evaluation。",
          "Check the dates: participation precedes the decision; an evaluation of the execution is kind: "
          "third_party_evaluation."),
    bad="date: 2024-06-20\ndecision: {meeting: HY-2024-06, item: ……}   # 会议 2024-06-11",
    good="date: 2024-05-28\ndecision: {meeting: HY-2024-06, item: ……}",
    clauses=("二(八)",),
)
def participation_after_decision(ctx: Context) -> Iterator[Hit]:
    meetings = _meetings(ctx)
    for rec in ctx.kind("participation"):
        start, dec = parse_date(rec.data.get("date")), rec.data.get("decision")
        if start is None or not isinstance(dec, dict) or rec.data.get("kind") in AFTERWARDS:
            continue
        day, what, what_en = None, "", ""
        m = meetings.get(dec.get("meeting"))
        if m is not None:
            day = parse_date(m.data.get("date"))
            what, what_en = f"会议 {dec['meeting']}（{day}）", f"meeting {dec['meeting']} ({day})"
        doc = ctx.documents_by_no.get(dec.get("document")) if isinstance(dec.get("document"), str) else None
        if day is None and doc is not None:
            day = parse_date(doc.data.get("formed"))
            what, what_en = f"公文 {dec['document']}（{day}）", f"document {dec['document']} ({day})"
        if day is not None and start > day:
            yield hit(rec, ("date",), start=start.isoformat(), what=what, what_en=what_en)


@rule(
    "PAR004", "warning",
    title=("年内没有公众参与渠道记录", "No participation channel recorded for the year"),
    message=("{year} 年度没有热线、局长信箱、网站留言等公众参与渠道的受理办理记录（participation，kind: channel）",
             "no participation channel (hotline, mailbox, message board…) is recorded for {year} "
             "(participation, kind: channel)"),
    basis="《实施办法》二（八）3：不断拓展局门户网站的民意征集、网民留言等互动功能……加强96128热线、广播电视问政、局长信箱等平台建设，"
          "提高……响应速度",
    hint=("每个渠道每年登记一条 participation 记录：kind: channel，channel 写渠道类型，received、handled 写受理和办结件数。",
          "Record each channel once a year as a participation record with kind: channel, its type and the numbers "
          "received and handled."),
    bad="# participation/2024/ 中没有 kind: channel 的记录",
    good="# participation/2024/QD-2024-96128.yaml\nid: QD-2024-96128\ntitle: 96128广播电视服务热线\nkind: channel\n"
         "channel: hotline\ndate: 2024-12-31\nreceived: 5230\nhandled: 5218",
    clauses=("二(八)",),
)
def no_channel(ctx: Context) -> Iterator[Hit]:
    years = ctx.finished_years()
    if not years or ctx.config_record is None:
        return
    have = set()
    for rec in ctx.kind("participation"):
        d = parse_date(rec.data.get("date"))
        if rec.data.get("kind") == "channel" and d is not None:
            have.add(d.year)
    for year in years:
        if year not in have:
            yield hit(ctx.config_record, (), anchor="parent", path="govdisc.yaml", year=year)


@rule(
    "PAR005", "error",
    title=("渠道办结件数大于受理件数", "More handled than received on a channel"),
    message=("{title}办结 {handled} 件，多于受理的 {received} 件", "{title}: {handled} handled but only {received} received"),
    basis="《实施办法》二（八）3（渠道受理办理情况）",
    hint=("核对 received（受理件数）与 handled（办结件数）：办结数不能超过受理数；上年结转的计入受理数。",
          "Check received and handled: no more can be handled than received (count items carried over as received)."),
    bad="kind: channel\nreceived: 120\nhandled: 130", good="kind: channel\nreceived: 130\nhandled: 120",
    clauses=("二(八)",),
)
def channel_counts(ctx: Context) -> Iterator[Hit]:
    for rec in ctx.kind("participation"):
        got, done = rec.data.get("received"), rec.data.get("handled")
        if type(got) is int and type(done) is int and done > got:
            title = rec.data.get("title") if isinstance(rec.data.get("title"), str) else rec.id
            yield hit(rec, ("handled",), title=title, handled=done, received=got)


@rule(
    "PAR006", "error",
    title=("公众参与所涉会议议题不存在", "Participation names an unknown meeting item"),
    message=("decision 引用的{what}在登记簿中不存在", "the decision names {what_en}, which is not in the register"),
    basis="登记簿约定：公众参与记录引用的会议、议题须在 meetings/ 中登记",
    hint=("核对会议编号（meeting）和议题名称（item，须与会议记录中的 title 一致）；尚无会议记录的，改写 subject。",
          "Check the meeting id and the item title (as written in the meeting record), or write `subject` instead."),
    bad="decision: {meeting: HY-2024-6, item: 收视维护费调整方案}",
    good="decision: {meeting: HY-2024-06, item: 收视维护费调整方案}",
    clauses=("二(八)",),
)
def unknown_decision(ctx: Context) -> Iterator[Hit]:
    meetings = _meetings(ctx)
    for rec in ctx.kind("participation"):
        dec = rec.data.get("decision")
        mid = dec.get("meeting") if isinstance(dec, dict) else None
        if not isinstance(mid, str):
            continue
        m = meetings.get(mid)
        if m is None:
            yield hit(rec, ("decision", "meeting"), what=f"会议 {mid}", what_en=f"meeting {mid}")
            continue
        item = dec.get("item")
        if isinstance(item, str) and _norm(item) not in {_norm(i.get("title")) for i in m.seq("items") if isinstance(i, dict)}:
            yield hit(rec, ("decision", "item"), what=f"会议 {mid} 的议题“{item}”", what_en=f"item “{item}” of meeting {mid}")
