"""MTG: meetings — decision drafts published before the decision, livelihood items' attendance
and openness decisions, and the comments summary (《实施办法》二（四）2).

Only meetings held on or before the as-of date are judged for what had to be done before the
meeting (a meeting still to come may legitimately be incomplete in the register); MTG006 is a
plain consistency check of the record and applies to every meeting.
"""

from __future__ import annotations

from datetime import date
from typing import Iterator

from govdisc.dates import parse_date
from govdisc.measures import decision_meeting
from govdisc.model import Record
from govdisc.codes import Hit, hit, rule
from govdisc.rules.context import Context

BASIS = "《实施办法》二（四）2"

KIND_ZH = {"major_reform": "重要改革方案", "major_policy": "重大政策措施",
           "livelihood": "重大民生事项", "other": "其他"}
KIND_EN = {"major_reform": "major reform", "major_policy": "major policy measure",
           "livelihood": "major livelihood matter", "other": "other"}

#: attendance booleans → (zh, en)
ATTENDEES = {"stakeholders": ("利益相关方", "stakeholders"), "public": ("公众代表", "the public"),
             "experts": ("专家", "experts"), "media": ("媒体", "media")}


def _items(rec: Record) -> Iterator[tuple[int, dict]]:
    items = rec.data.get("items")
    if not isinstance(items, list):
        return
    for i, item in enumerate(items):
        if isinstance(item, dict):
            yield i, item


def _held(ctx: Context) -> Iterator[tuple[Record, date]]:
    """Meetings with a valid date on or before as-of."""
    for rec in ctx.kind("meeting"):
        d = parse_date(rec.data.get("date"))
        if d is not None and d <= ctx.as_of:
            yield rec, d


def _decided(ctx: Context) -> Iterator[tuple[Record, date]]:
    """Held meetings of a deciding body (measures.decision_bodies; every meeting by default)."""
    for rec, day in _held(ctx):
        if decision_meeting(ctx.config, rec.data.get("body")):
            yield rec, day


def _decision_items(rec: Record) -> Iterator[tuple[int, dict]]:
    """Major reform / major policy items that are not confidential."""
    for i, item in _items(rec):
        if item.get("kind") in ("major_reform", "major_policy") and item.get("confidential") is not True:
            yield i, item


def _title(item: dict) -> str:
    t = item.get("title")
    return t if isinstance(t, str) and t else "（无题）"


@rule(
    "MTG001", "error",
    title=("重大决策事项未在决策前公布草案", "Decision draft not published before the meeting"),
    message=("议题“{title}”（{kind}）于 {meeting} 提交会议决策，{what}",
             "item “{title}” ({kind_en}) was decided at the meeting of {meeting}; {what_en}"),
    basis=BASIS + "：提交局党组会审议的重要改革方案和重大政策措施，除依法应当保密的外，应在决策前向社会公布决策草案、决策依据，广泛听取公众意见"
          "（哪些会议属于决策会议由 govdisc.yaml 的 measures.decision_bodies 设定，不设定时为所有会议）",
    hint=("在会议前通过门户网站公布决策草案并征求意见，在 public_draft.published 中写明公布日期；"
          "依法应当保密的议题写 confidential: true。只有局党组会等会议作重大决策的，在 govdisc.yaml 中设置 "
          "measures.decision_bodies: [局党组会]。",
          "Publish the draft (on the portal) before the meeting and record the date in public_draft.published; "
          "for an item that must legally stay confidential write confidential: true. Where only some bodies decide "
          "(the seed names the 党组会), list them in measures.decision_bodies."),
    bad="date: 2024-05-20\nitems:\n  - title: 关于深化广播电视传输改革的方案\n    kind: major_reform\n    confidential: false",
    good=("date: 2024-05-20\nitems:\n  - title: 关于深化广播电视传输改革的方案\n    kind: major_reform\n    confidential: false\n"
          "    public_draft: {published: 2024-04-01, basis_published: true, comment_until: 2024-04-30}"),
    clauses=("二(四)2",),
)
def draft_not_published(ctx: Context) -> Iterator[Hit]:
    for rec, day in _decided(ctx):
        for i, item in _decision_items(rec):
            draft = item.get("public_draft")
            kind = item.get("kind")
            common = dict(title=_title(item), kind=KIND_ZH.get(kind, kind), kind_en=KIND_EN.get(kind, kind),
                          meeting=day.isoformat())
            if not isinstance(draft, dict):
                yield hit(rec, ("items", i), anchor="parent", **common,
                          what="但没有决策前向社会公布决策草案的记录（缺少 public_draft）",
                          what_en="but there is no record of the draft being published before the decision (no public_draft)")
                continue
            pub = parse_date(draft.get("published"))
            if pub is None:
                if "published" in draft:
                    continue  # malformed date: the schema reports it
                yield hit(rec, ("items", i, "public_draft"), anchor="parent", **common,
                          what="但没有写明决策草案的公布日期（public_draft.published）",
                          what_en="but the draft's publication date (public_draft.published) is missing")
            elif pub >= day:
                yield hit(rec, ("items", i, "public_draft", "published"), **common,
                          what=f"决策草案却在 {pub.isoformat()} 才公布，未在决策前公布",
                          what_en=f"but the draft was only published on {pub.isoformat()}, not before the decision")


@rule(
    "MTG002", "error",
    title=("重大决策事项未公布决策依据", "Decision basis not published"),
    message=("议题“{title}”（{kind}）于 {meeting} 决策，公布决策草案时未一并公布决策依据（basis_published 为 {value}）",
             "item “{title}” ({kind_en}), decided on {meeting}: the basis of the decision was not published with the draft "
             "(basis_published is {value_en})"),
    basis=BASIS + "：应在决策前向社会公布决策草案、决策依据",
    hint=("决策依据（法律政策依据、调研报告、测算数据等）应与草案一并在决策前公布；已公布的写 basis_published: true。",
          "Publish the basis (legal grounds, studies, figures) with the draft before the decision and write "
          "basis_published: true."),
    bad="kind: major_policy\npublic_draft: {published: 2024-04-01, basis_published: false}",
    good="kind: major_policy\npublic_draft: {published: 2024-04-01, basis_published: true}",
    clauses=("二(四)2",),
)
def basis_not_published(ctx: Context) -> Iterator[Hit]:
    for rec, day in _decided(ctx):
        for i, item in _decision_items(rec):
            draft = item.get("public_draft")
            if not isinstance(draft, dict) or draft.get("basis_published") is True:
                continue
            kind = item.get("kind")
            missing = "basis_published" not in draft
            yield hit(rec, ("items", i, "public_draft") + (() if missing else ("basis_published",)),
                      anchor="parent" if missing else "value",
                      title=_title(item), kind=KIND_ZH.get(kind, kind), kind_en=KIND_EN.get(kind, kind),
                      meeting=day.isoformat(),
                      value="未填写" if missing else str(draft.get("basis_published")).lower(),
                      value_en="missing" if missing else str(draft.get("basis_published")).lower())


@rule(
    "MTG003", "error",
    title=("重大民生议题缺少列席意见", "Livelihood item without an attendance decision"),
    message=("重大民生议题“{title}”（会议 {meeting}）未提出是否邀请{missing}列席会议的意见",
             "livelihood item “{title}” (meeting of {meeting}) has no decision on inviting {missing_en} to attend"),
    basis=BASIS + "：对涉及重大民生事项的会议议题，有关部门单位制定会议方案时，应提出是否邀请有关方面人员列席会议……的意见，随会议方案一同报批",
    hint=("在 attendance 中对利益相关方、公众代表、专家、媒体逐项写明 true/false，并在 reason 中说明理由。",
          "In attendance, write true/false for each of stakeholders, public, experts and media, with the reason."),
    bad="kind: livelihood\nattendance: {stakeholders: true}",
    good="kind: livelihood\nattendance: {stakeholders: true, public: true, experts: true, media: false, reason: 媒体通过发布会报道}",
    clauses=("二(四)2",),
)
def no_attendance_decision(ctx: Context) -> Iterator[Hit]:
    for rec, day in _held(ctx):
        for i, item in _items(rec):
            if item.get("kind") != "livelihood":
                continue
            att = item.get("attendance")
            missing = [k for k in ATTENDEES if not (isinstance(att, dict) and isinstance(att.get(k), bool))]
            if not missing:
                continue
            whole = not isinstance(att, dict)
            yield hit(rec, ("items", i) if whole else ("items", i, "attendance"),
                      anchor="parent" if whole else "value",
                      title=_title(item), meeting=day.isoformat(),
                      missing="、".join(ATTENDEES[k][0] for k in missing),
                      missing_en=", ".join(ATTENDEES[k][1] for k in missing))


@rule(
    "MTG004", "error",
    title=("重大民生议题缺少公开意见", "Livelihood item without an openness decision"),
    message=("重大民生议题“{title}”（会议 {meeting}）未提出是否公开以及公开方式的意见",
             "livelihood item “{title}” (meeting of {meeting}) has no decision on whether and how it is made public"),
    basis=BASIS + "：对涉及重大民生事项的会议议题……应提出……是否公开以及公开方式的意见，随会议方案一同报批",
    hint=("在 openness 中写明 decision（public / partial / not_public）、method（公开方式）和 reason。",
          "Write openness.decision (public / partial / not_public), openness.method and openness.reason."),
    bad="kind: livelihood\nattendance: {stakeholders: true, public: true, experts: false, media: true}",
    good=("kind: livelihood\nattendance: {stakeholders: true, public: true, experts: false, media: true}\n"
          "openness: {decision: public, method: 门户网站公开会议纪要}"),
    clauses=("二(四)2",),
)
def no_openness_decision(ctx: Context) -> Iterator[Hit]:
    for rec, day in _held(ctx):
        for i, item in _items(rec):
            if item.get("kind") != "livelihood":
                continue
            op = item.get("openness")
            if isinstance(op, dict) and isinstance(op.get("decision"), str) and op["decision"]:
                continue
            whole = not isinstance(op, dict)
            yield hit(rec, ("items", i) if whole else ("items", i, "openness"), anchor="parent",
                      title=_title(item), meeting=day.isoformat())


_SUMMARY_KEYS = {"received": ("收到意见数", "number received"), "adopted": ("采纳意见数", "number adopted"),
                 "summary": ("情况说明", "summary")}


@rule(
    "MTG005", "warning",
    title=("公开征求意见后缺少意见收集和采纳情况说明", "Comments solicited but no summary of them"),
    message=("议题“{title}”已于 {published} 公开征求意见，但缺少意见收集和采纳情况的说明（{missing}）",
             "item “{title}” was put out for comment on {published} but there is no account of the comments "
             "received and adopted ({missing_en})"),
    basis=BASIS + "：之前已公开征求意见的，应一并附上意见收集和采纳情况的说明",
    hint=("在 comments 中写明 received（收到意见数）、adopted（采纳数）和 summary（收集和采纳情况说明），随会议方案一同报批。",
          "Fill comments.received, comments.adopted and comments.summary and attach them to the meeting plan."),
    bad="public_draft: {published: 2024-04-01, basis_published: true}",
    good=("public_draft: {published: 2024-04-01, basis_published: true}\n"
          "comments: {received: 37, adopted: 12, summary: 共收到意见37条，采纳12条，未采纳的主要原因是……}"),
    clauses=("二(四)2",),
)
def no_comments_summary(ctx: Context) -> Iterator[Hit]:
    for rec, day in _held(ctx):
        for i, item in _items(rec):
            draft = item.get("public_draft")
            if not isinstance(draft, dict):
                continue
            com = item.get("comments")
            com = com if isinstance(com, dict) else None
            missing = [k for k in _SUMMARY_KEYS
                       if com is None or com.get(k) is None or (isinstance(com.get(k), str) and not com[k].strip())]
            if not missing:
                continue
            pub = parse_date(draft.get("published"))
            yield hit(rec, ("items", i) if com is None else ("items", i, "comments"), anchor="parent",
                      title=_title(item), published=pub.isoformat() if pub else "（日期未填）",
                      missing="、".join(_SUMMARY_KEYS[k][0] for k in missing),
                      missing_en=", ".join(_SUMMARY_KEYS[k][1] for k in missing))


@rule(
    "MTG006", "warning",
    title=("征求意见截止日期晚于会议日期", "Comment period ends after the meeting"),
    message=("议题“{title}”的征求意见截止日期 {until} 晚于会议日期 {meeting}，决策时意见尚未收齐",
             "the comment period of item “{title}” ends on {until}, after the meeting of {meeting}: the decision "
             "was taken before the comments were in"),
    basis=BASIS + "：应在决策前向社会公布决策草案……广泛听取公众意见",
    hint=("征求意见期应在会议前结束；若会议日期或截止日期录错，请改正。",
          "End the comment period before the meeting, or correct the dates if they were entered wrongly."),
    bad="date: 2024-05-20\n# 议题中\npublic_draft: {published: 2024-05-01, comment_until: 2024-05-31}",
    good="date: 2024-05-20\n# 议题中\npublic_draft: {published: 2024-04-01, comment_until: 2024-04-30}",
    clauses=("二(四)2",),
)
def comments_after_meeting(ctx: Context) -> Iterator[Hit]:
    for rec in ctx.kind("meeting"):
        day = parse_date(rec.data.get("date"))
        if day is None:
            continue
        for i, item in _items(rec):
            draft = item.get("public_draft")
            until = parse_date(draft.get("comment_until")) if isinstance(draft, dict) else None
            if until is not None and until > day:
                yield hit(rec, ("items", i, "public_draft", "comment_until"),
                          title=_title(item), until=until.isoformat(), meeting=day.isoformat())


@rule(
    "MTG007", "warning",
    title=("不公开或部分公开的议题未说明理由", "Openness decision without a reason"),
    message=("议题“{title}”的公开意见为 {decision}，但没有说明理由",
             "item “{title}” is decided {decision_en} without a reason"),
    basis=BASIS + "；《条例》第五条：以公开为常态、不公开为例外",
    hint=("在 openness.reason 中写明不公开或部分公开的依据，例如涉及的不予公开情形。",
          "Give the grounds in openness.reason, e.g. the exemption that applies."),
    bad="openness: {decision: not_public}",
    good="openness: {decision: not_public, reason: 涉及正在调查处理的案件，属于过程性信息}",
    clauses=("二(四)2", "条例第5条"),
)
def openness_without_reason(ctx: Context) -> Iterator[Hit]:
    zh = {"partial": "部分公开", "not_public": "不公开"}
    en = {"partial": "partially public", "not_public": "not public"}
    for rec in ctx.kind("meeting"):
        for i, item in _items(rec):
            op = item.get("openness")
            if not isinstance(op, dict) or op.get("decision") not in zh:
                continue
            reason = op.get("reason")
            if isinstance(reason, str) and reason.strip():
                continue
            yield hit(rec, ("items", i, "openness"), anchor="parent", title=_title(item),
                      decision=zh[op["decision"]], decision_en=en[op["decision"]])


@rule(
    "MTG008", "error",
    title=("采纳意见数大于收到意见数", "More comments adopted than received"),
    message=("议题“{title}”采纳意见 {adopted} 条，多于收到的 {received} 条",
             "item “{title}” adopted {adopted} comments but received only {received}"),
    basis=BASIS + "：意见收集和采纳情况的说明",
    hint=("核对 comments.received 与 comments.adopted：采纳数不能超过收到数。",
          "Check comments.received and comments.adopted: no more can be adopted than were received."),
    bad="comments: {received: 12, adopted: 37, summary: ……}",
    good="comments: {received: 37, adopted: 12, summary: ……}",
    clauses=("二(四)2",),
)
def adopted_exceeds_received(ctx: Context) -> Iterator[Hit]:
    for rec in ctx.kind("meeting"):
        for i, item in _items(rec):
            com = item.get("comments")
            if not isinstance(com, dict):
                continue
            rec_n, ad_n = com.get("received"), com.get("adopted")
            if type(rec_n) is int and type(ad_n) is int and ad_n > rec_n:
                yield hit(rec, ("items", i, "comments", "adopted"), title=_title(item),
                          adopted=ad_n, received=rec_n)
