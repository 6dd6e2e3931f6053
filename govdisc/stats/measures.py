"""What the implementation measures ask the reports to show, as plain data: rectification of the
problems found (seed 二(四)4), public participation (二(八)) and the year's assessment, conduct
review and accountability (三(十三); 《条例》第五十条第（四）项).

    rectifications(records, config, as_of, up_to=None) -> list   every recorded problem, with its status
    participation(records, config, year) -> dict                  the year's activities, decisions and channels
    assessment(records, year) -> dict | None                      assessments/<year>.yaml
    measures_stats(records, config, year) -> dict                 the annual report's figures (as at 31 December)
"""

from __future__ import annotations

from collections import Counter
from datetime import date
from typing import Any

from govdisc.config import Config
from govdisc.dates import parse_date
from govdisc.deadlines.review import review_department
from govdisc.deadlines.yearend import record_year
from govdisc.model import Record

SOURCES = {"self_inspection": "部门自查", "office_check": "办公室跟踪检查", "third_party": "第三方评估",
           "superior": "上级督查", "public": "社会监督"}
STATUS = {"done": "按期整改", "late": "逾期整改", "overdue": "逾期未整改", "open": "正在整改", "no_deadline": "未定整改期限"}
KINDS = {"solicitation": "征求意见", "hearing": "听证", "symposium": "座谈", "consultation": "咨询协商",
         "expert_consultation": "专家论证", "attendance": "列席会议", "media_briefing": "媒体吹风",
         "third_party_evaluation": "第三方评估", "channel": "参与渠道"}
CHANNELS = {"hotline": "服务热线", "mailbox": "局长信箱", "message_board": "网站留言", "broadcast_forum": "广播电视问政",
            "new_media": "政务新媒体", "other": "其他"}


def _s(value: Any) -> str | None:
    return value.strip() if isinstance(value, str) and value.strip() else None


def _iso(value: Any) -> str | None:
    d = parse_date(value)
    return d.isoformat() if d else None


def _status(deadline: date | None, done: date | None, as_of: date) -> str:
    if done is not None and done <= as_of:
        return "done" if deadline is None or done <= deadline else "late"
    if deadline is None:
        return "no_deadline"
    return "overdue" if deadline < as_of else "open"


def rectifications(records: list[Record], config: Config, as_of: date, up_to: int | None = None) -> list[dict]:
    """Every problem recorded in the self-inspections (of years up to `up_to`), with its
    rectification status on `as_of` (a completion dated later is not yet known)."""
    out = []
    for rec in records:
        if rec.kind != "review":
            continue
        year = record_year(rec)
        if year is None or (up_to is not None and year > up_to):
            continue
        dept = review_department(rec) or ""
        for i, item in enumerate(rec.seq("findings")):
            if not isinstance(item, dict):
                continue
            deadline, done = parse_date(item.get("deadline")), parse_date(item.get("done"))
            status = _status(deadline, done, as_of)
            source = item.get("source") if isinstance(item.get("source"), str) else None
            out.append({"department": dept, "department_name": config.department_name(dept), "year": year,
                        "path": rec.path, "index": i, "problem": _s(item.get("problem")),
                        "source": source, "source_label": SOURCES.get(source, source) if source else None,
                        "rectification": _s(item.get("rectification")),
                        "deadline": deadline.isoformat() if deadline else None,
                        "done": done.isoformat() if done and done <= as_of else None,
                        "status": status, "status_label": STATUS[status]})
    order = [d.id for d in config.departments]
    out.sort(key=lambda r: (r["year"], order.index(r["department"]) if r["department"] in order else len(order),
                            r["department"], r["index"]))
    return out


def _decisions(records: list[Record], year: int) -> list[dict]:
    """Decisions of the year marked as involving major public interests (meeting items, documents)."""
    out = []
    for rec in records:
        if rec.kind == "meeting":
            day = parse_date(rec.data.get("date"))
            if day is None or day.year != year:
                continue
            for item in rec.seq("items"):
                if isinstance(item, dict) and item.get("public_interest") is True and item.get("confidential") is not True:
                    out.append({"what": _s(item.get("title")), "meeting": rec.data.get("id"), "date": day.isoformat(),
                                "hearing_required": item.get("hearing_required") is True})
        elif rec.kind == "document" and rec.data.get("public_interest") is True:
            day = parse_date(rec.data.get("formed"))
            if day is not None and day.year == year:
                out.append({"what": _s(rec.data.get("title")), "document": rec.data.get("doc_no"),
                            "date": day.isoformat(), "hearing_required": rec.data.get("hearing_required") is True})
    out.sort(key=lambda d: d["date"])
    return out


def participation(records: list[Record], config: Config, year: int) -> dict:
    activities, channels = [], []
    for rec in records:
        if rec.kind != "participation":
            continue
        day = parse_date(rec.data.get("date"))
        if day is None or day.year != year:
            continue
        kind = rec.data.get("kind")
        dept = rec.data.get("department") if isinstance(rec.data.get("department"), str) else None
        row = {"id": rec.id, "title": _s(rec.data.get("title")), "kind": kind,
               "kind_label": KINDS.get(kind, kind) if isinstance(kind, str) else None, "date": day.isoformat(),
               "department": dept, "department_name": config.department_name(dept) if dept else None,
               "participants": rec.data.get("participants") if type(rec.data.get("participants")) is int else None,
               "summary": _s(rec.data.get("summary")), "published": _iso(rec.get("published", "date"))}
        if kind == "channel":
            ctype = rec.data.get("channel")
            row.update(channel=ctype, channel_label=CHANNELS.get(ctype, ctype) if isinstance(ctype, str) else None,
                       received=rec.data.get("received") if type(rec.data.get("received")) is int else None,
                       handled=rec.data.get("handled") if type(rec.data.get("handled")) is int else None)
            channels.append(row)
        else:
            activities.append(row)
    activities.sort(key=lambda r: (r["date"], r["id"]))
    channels.sort(key=lambda r: (r["date"], r["id"]))
    by_kind = Counter(r["kind_label"] for r in activities if r["kind_label"])
    return {"activities": activities, "by_kind": dict(by_kind), "channels": channels,
            "received": sum(c["received"] or 0 for c in channels), "handled": sum(c["handled"] or 0 for c in channels),
            "decisions": _decisions(records, year)}


def assessment(records: list[Record], year: int) -> dict | None:
    rec = next((r for r in records if r.kind == "assessment" and record_year(r) == year), None)
    if rec is None:
        return None
    target, review, check = rec.mapping("target_assessment"), rec.mapping("conduct_review"), rec.mapping("supervision_check")
    actions = [{"date": _iso(a.get("date")), "department": a.get("department"), "reason": _s(a.get("reason")),
                "action": _s(a.get("action"))} for a in rec.seq("accountability") if isinstance(a, dict)]
    return {"path": rec.path, "completed": _iso(rec.data.get("completed")),
            "target_included": target.get("included") is True, "target_weight": _s(target.get("weight")),
            "target_date": _iso(target.get("date")), "target_result": _s(target.get("result")),
            "review_included": review.get("included") is True, "review_date": _iso(review.get("date")),
            "review_result": _s(review.get("result")), "check_date": _iso(check.get("date")),
            "check_summary": _s(check.get("summary")), "accountability": actions}


def participation_summary(part: dict) -> dict:
    """The counts of `participation()`, as the annual report states them."""
    return {"activities": len(part["activities"]), "by_kind": part["by_kind"], "decisions": len(part["decisions"]),
            "channels": len(part["channels"]), "received": part["received"], "handled": part["handled"]}


def measures_stats(records: list[Record], config: Config, year: int) -> dict:
    """The annual report's figures on the measures, as at 31 December of `year` (no as-of: like
    every figure of the report, they depend only on the dates the register records)."""
    end = date(year, 12, 31)
    found = [r for r in rectifications(records, config, end) if r["year"] == year]
    counts = Counter(r["status"] for r in found)
    part = participation(records, config, year)
    return {
        "rectification": {"found": len(found), "rectified": counts["done"] + counts["late"],
                          "open": counts["open"] + counts["no_deadline"], "overdue": counts["overdue"],
                          "by_source": dict(Counter(r["source_label"] or "未注明" for r in found))},
        "participation": participation_summary(part),
        "assessment": assessment(records, year),
    }
