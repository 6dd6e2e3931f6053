"""REV: the departments' year-end self-inspection (年终自查, seed 二（四）4; 《条例》第十八条、第四十四条).

Each department reviews, by 31 December of each year, the information it withheld and the
information many applicants asked for, and reports to the office (reviews/<dept>/<year>.yaml).
Judged for finished years only (the duty falls due on 31 December). The due dates come from
the deadline engine's year-end `review` clocks.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import date
from typing import Iterator

from govdisc.calendar import CalendarRangeError
from govdisc.dates import parse_date
from govdisc.deadlines.application import receipt_date
from govdisc.deadlines.yearend import record_year
from govdisc.model import Record
from govdisc.codes import Hit, hit, rule
from govdisc.rules.context import Context
from govdisc.rules.engine import per_record

WITHHELD = {"not_public": ("此件不公开", "not public"), "on_request": ("此件依申请公开", "on request"),
            "redacted": ("此件删减后公开", "redacted")}
PUBLISH_DAYS = 20  # Art. 26, applied to a re-examination that concludes the document can be disclosed


def _review_dept(rec: Record) -> str | None:
    d = rec.data.get("department")
    if isinstance(d, str):
        return d
    parts = rec.path.split("/")
    return parts[1] if len(parts) == 3 else None


def _reviews(ctx: Context) -> dict[tuple[str, int], Record]:
    out: dict[tuple[str, int], Record] = {}
    for rec in ctx.kind("review"):
        dept, year = _review_dept(rec), record_year(rec)
        if dept and year is not None:
            out.setdefault((dept, year), rec)
    return out


def _finished(ctx: Context, year: int | None) -> bool:
    return year is not None and year < ctx.as_of.year


def _dept_index(ctx: Context, dept: str) -> int | None:
    raw = ctx.config_record.get("departments", default=[]) if ctx.config_record else []
    for i, d in enumerate(raw if isinstance(raw, list) else []):
        if isinstance(d, dict) and d.get("id") == dept:
            return i
    return None


def _list_pointer(rec: Record, key: str) -> tuple[tuple, str]:
    return (key,), ("value" if isinstance(rec.data.get(key), list) else "parent")


@rule(
    "REV001", "error",
    title=("年终自查未按时报送", "Self-inspection not submitted by 31 December"),
    message=("{dept_name}（{dept}）{year} 年度年终自查{problem}，应于 {due} 前报送局办公室",
             "the {year} self-inspection of {dept_name} ({dept}) {problem_en}; it is due to the office by {due}"),
    basis="《实施办法》二（四）4：每年年底前对不予公开的信息以及依申请公开较为集中的信息进行全面自查……自查整改情况及时报送局办公室",
    hint=("年底前完成自查，新建 reviews/<部门>/<年度>.yaml（可用 govdisc new review），填写报送局办公室的日期 submitted、"
          "不予公开信息复查 withheld_reexamined 和较为集中申请的处理 frequent_requests。",
          "Do the review before year end and record it in reviews/<dept>/<year>.yaml with the date it "
          "was submitted, the withheld documents re-examined and the frequently requested information."),
    bad="# reviews/gbc/2024.yaml\ndepartment: gbc\nyear: 2024\nsubmitted: 2025-01-15",
    good="# reviews/gbc/2024.yaml\ndepartment: gbc\nyear: 2024\nsubmitted: 2024-12-20",
    clauses=("二(四)4",),
)
def review_not_submitted(ctx: Context) -> Iterator[Hit]:
    reviews = _reviews(ctx)
    seen: set[tuple[str, int]] = set()
    for ob in ctx.obligations:
        if ob.obligation != "review" or ob.status not in ("overdue", "late") or not ob.department:
            continue
        year = int(ob.due[:4])
        if not _finished(ctx, year):
            continue
        dept = ob.department
        seen.add((dept, year))
        params = dict(dept=dept, dept_name=ctx.config.department_name(dept), year=year, due=ob.due)
        rec = reviews.get((dept, year))
        if rec is not None:
            yield hit(rec, ("submitted",), problem=f"于 {ob.met_on} 报送，晚于期限",
                      problem_en=f"was submitted on {ob.met_on}, late", **params)
            continue
        i = _dept_index(ctx, dept)
        if ctx.config_record is not None:
            yield hit(ctx.config_record, ("departments", i) if i is not None else ("departments",),
                      path="govdisc.yaml",
                      problem=f"未报送（登记簿中没有 reviews/{dept}/{year}.yaml）",
                      problem_en=f"is missing (no reviews/{dept}/{year}.yaml)", **params)
    # a review without a readable submission date gets no clock from the engine
    for (dept, year), rec in reviews.items():
        if (dept, year) in seen or not _finished(ctx, year) or parse_date(rec.data.get("submitted")):
            continue
        yield hit(rec, ("submitted",), anchor="parent", dept=dept, dept_name=ctx.config.department_name(dept),
                  year=year, due=f"{year}-12-31", problem="未填写报送局办公室的日期（submitted）",
                  problem_en="has no submission date (submitted)")


@rule(
    "REV002", "error",
    title=("不予公开的公文未在年终自查中复查", "Withheld document not re-examined"),
    message=("{dept_name}（{dept}）{year} 年度年终自查没有复查本部门当年不予公开的公文 {doc_no}"
             "（{disclosure}，形成于 {formed}）",
             "the {year} self-inspection of {dept_name} ({dept}) does not re-examine {doc_no}, withheld "
             "({disclosure_en}) and formed on {formed}"),
    basis="《条例》第十八条；《实施办法》二（四）4：每年年底前对不予公开的信息……进行全面自查，发现应公开未公开的信息应当及时公开",
    hint=("在 withheld_reexamined 中为该公文增加一条：document 写发文字号，conclusion 写 keep（继续不予公开）、"
          "disclose（可以公开）或 proactive（转为主动公开），并写明理由。",
          "Add the document to withheld_reexamined with its conclusion (keep, disclose or proactive) and the reason."),
    bad="department: bgs\nyear: 2024\nsubmitted: 2024-12-20\nwithheld_reexamined: []",
    good="department: bgs\nyear: 2024\nsubmitted: 2024-12-20\nwithheld_reexamined:\n"
         "  - {document: 云岭新广办〔2024〕40号, conclusion: keep, reason: 仍属内部工作流程信息}",
    clauses=("二(四)4", "条例第18条"),
)
def withheld_not_reexamined(ctx: Context) -> Iterator[Hit]:
    reviews = _reviews(ctx)
    examined: dict[tuple[str, int], set[str]] = defaultdict(set)
    for key, rec in reviews.items():
        items = rec.data.get("withheld_reexamined")
        for item in items if isinstance(items, list) else []:
            if isinstance(item, dict) and isinstance(item.get("document"), str):
                examined[key].add(item["document"].strip())
    for doc in ctx.kind("document"):
        disclosure, dept, no = doc.data.get("disclosure"), doc.data.get("department"), doc.data.get("doc_no")
        formed = parse_date(doc.data.get("formed"))
        if disclosure not in WITHHELD or not isinstance(dept, str) or not isinstance(no, str) or formed is None:
            continue
        year = formed.year
        rec = reviews.get((dept, year))
        if rec is None or not _finished(ctx, year) or no.strip() in examined[(dept, year)]:
            continue  # a missing review is REV001's finding
        pointer, anchor = _list_pointer(rec, "withheld_reexamined")
        zh, en = WITHHELD[disclosure]
        yield hit(rec, pointer, anchor=anchor, dept=dept, dept_name=ctx.config.department_name(dept), year=year,
                  doc_no=no, disclosure=zh, disclosure_en=en, formed=formed.isoformat())


def _norm(text: object) -> str:
    return "".join(text.split()) if isinstance(text, str) else ""


@rule(
    "REV003", "error",
    title=("依申请公开较为集中的信息未在年终自查中处理", "Frequently requested information not examined"),
    message=("{year} 年有 {n} 件政府信息公开申请涉及{what}（{ids}），达到较为集中的标准（{min} 件），"
             "但当年年终自查的 frequent_requests 中没有对其是否转为主动公开作出处理",
             "{n} applications received in {year} concern {what_en} ({ids}), at or above the threshold of "
             "{min}, but no {year} self-inspection examines it in frequent_requests"),
    basis="《条例》第四十四条：多个申请人就相同政府信息向同一行政机关提出公开申请，且该政府信息属于可以公开的，"
          "行政机关可以纳入主动公开的范围；《实施办法》二（四）4：可转为主动公开的应当主动公开",
    hint=("在承办部门当年的 reviews/<部门>/<年度>.yaml 的 frequent_requests 中增加一条：subject 写该主题或发文字号，"
          "applications 写件数，action 写 convert_proactive、already_public、keep_on_request 或 not_disclosable。"
          "件数标准可在 govdisc.yaml 的 thresholds.frequent_request_min 中设置。",
          "Add an entry to frequent_requests of the handling department's review of that year: subject "
          "(the topic or 发文字号), applications, and action. The threshold is thresholds.frequent_request_min."),
    bad="department: gbc\nyear: 2024\nsubmitted: 2024-12-20\nfrequent_requests: []",
    good="department: gbc\nyear: 2024\nsubmitted: 2024-12-20\nfrequent_requests:\n"
         "  - {subject: 广播电视许可, applications: 4, action: convert_proactive, note: 2025年起按季度主动公开}",
    clauses=("二(四)4", "条例第44条"),
)
def frequent_not_examined(ctx: Context) -> Iterator[Hit]:
    minimum = max(ctx.config.frequent_request_min, 2)
    groups: dict[tuple[int, str, str], list[tuple[Record, int]]] = defaultdict(list)
    for rec in ctx.kind("application"):
        got = receipt_date(rec)
        if got is None or not _finished(ctx, got[0].year):
            continue
        year = got[0].year
        for key in ("topics", "documents"):
            values = rec.data.get(key)
            seen: set[str] = set()
            for i, v in enumerate(values if isinstance(values, list) else []):
                if isinstance(v, str) and v.strip() and _norm(v) not in seen:
                    seen.add(_norm(v))
                    groups[(year, key, _norm(v))].append((rec, i))
    if not groups:
        return
    subjects: dict[int, set[str]] = defaultdict(set)
    reviews = _reviews(ctx)
    for (dept, year), rec in reviews.items():
        items = rec.data.get("frequent_requests")
        for item in items if isinstance(items, list) else []:
            if isinstance(item, dict) and _norm(item.get("subject")):
                subjects[year].add(_norm(item.get("subject")))
    for (year, key, value), members in sorted(groups.items(), key=lambda kv: kv[0]):
        if len(members) < minimum:
            continue
        covered = subjects.get(year, set())
        if key == "topics":
            names = {value}
            shown = members[0][0].data[key][members[0][1]].strip()
            what, what_en = f"主题“{shown}”", f"the topic “{shown}”"
        else:
            doc = ctx.documents_by_no.get(members[0][0].data[key][members[0][1]])
            names = {value}
            if doc is not None:
                title = _norm(doc.data.get("title"))
                if title:
                    names |= {title, f"《{title}》"}
                topics = doc.data.get("topics")
                names |= {_norm(t) for t in (topics if isinstance(topics, list) else []) if _norm(t)}
            shown = members[0][0].data[key][members[0][1]].strip()
            what, what_en = f"公文 {shown}", f"document {shown}"
        if names & covered:
            continue
        ids = [m[0].id for m in members]
        id_text = "、".join(ids[:5]) + ("等" if len(ids) > 5 else "")
        params = dict(year=year, n=len(members), what=what, what_en=what_en, ids=id_text, min=minimum)
        handlers = Counter(m[0].data.get("handler") for m in members if isinstance(m[0].data.get("handler"), str))
        target = None
        for dept, _ in sorted(handlers.items(), key=lambda kv: (-kv[1], kv[0] != ctx.config.office, kv[0])):
            if (dept, year) in reviews:
                target = reviews[(dept, year)]
                break
        if target is not None:
            pointer, anchor = _list_pointer(target, "frequent_requests")
            yield hit(target, pointer, anchor=anchor, **params)
        else:
            rec, i = max(members, key=lambda m: (str(m[0].data.get("id", "")), m[0].path))
            yield hit(rec, (key, i), **params)


@rule(
    "REV004", "warning",
    title=("复查结论可以公开但公文仍未公开", "Re-examined as disclosable but still not published"),
    message=("{dept_name}（{dept}）{year} 年度年终自查认为 {doc_no} {conclusion}，但截至 {as_of} 该公文仍无公开发布记录"
             "（复查报送后 {days} 个工作日内、即 {deadline} 前应当公开）",
             "the {year} self-inspection of {dept_name} ({dept}) concluded that {doc_no} {conclusion_en}, "
             "but it has no publication record as of {as_of} (due within {days} working days of the review, by {deadline})"),
    basis="《条例》第十八条：因情势变化可以公开的政府信息应当公开；第二十六条；《实施办法》二（四）4：发现应公开未公开的信息应当及时公开",
    hint=("公开该公文后在公文记录中填写 published（日期、渠道、网址），并把 disclosure 改为 public；"
          "若复查结论有误，改正 conclusion。",
          "Publish the document and record `published` (date, channel, url), setting disclosure to public; "
          "or correct the conclusion."),
    bad="# reviews/bgs/2024.yaml\nwithheld_reexamined:\n  - {document: 云岭新广办〔2024〕40号, conclusion: proactive}\n"
        "# documents/2024/bgs-40.yaml 中没有 published",
    good="# documents/2024/bgs-40.yaml\ndisclosure: public\npublished: {date: 2025-01-10, channel: 门户网站, "
         "url: \"https://example.gov.cn/xxgk/40.html\"}",
    clauses=("二(四)4", "条例第18条", "条例第26条"),
)
def reexamined_not_published(ctx: Context) -> Iterator[Hit]:
    conclusions = {"disclose": ("可以公开", "can be disclosed"), "proactive": ("应转为主动公开", "should be made proactive")}
    for (dept, year), rec in _reviews(ctx).items():
        items = rec.data.get("withheld_reexamined")
        start = parse_date(rec.data.get("submitted")) or date(year, 12, 31)
        try:
            deadline = ctx.calendar.add(start, PUBLISH_DAYS)
        except (CalendarRangeError, OverflowError):
            continue
        if ctx.as_of <= deadline:
            continue
        for i, item in enumerate(items if isinstance(items, list) else []):
            if not isinstance(item, dict) or item.get("conclusion") not in conclusions:
                continue
            doc = ctx.documents_by_no.get(item.get("document"))  # type: ignore[arg-type]
            if doc is None:
                continue  # REG009
            pub = parse_date(doc.get("published", "date"))
            if pub is not None and pub <= ctx.as_of:
                continue
            zh, en = conclusions[item["conclusion"]]
            yield hit(rec, ("withheld_reexamined", i, "conclusion"), dept=dept,
                      dept_name=ctx.config.department_name(dept), year=year, doc_no=item["document"],
                      conclusion=zh, conclusion_en=en, as_of=ctx.as_of.isoformat(), days=PUBLISH_DAYS,
                      deadline=deadline.isoformat())


def _problem_text(item: dict, i: int) -> str:
    p = item.get("problem")
    return p.strip() if isinstance(p, str) and p.strip() else f"第{i + 1}个问题"


@rule(
    "REV005", "error",
    title=("自查发现的问题逾期未整改", "Rectification overdue"),
    message=("{dept_name}（{dept}）{year} 年度自查发现的问题“{problem}”整改期限为 {due}，{what}",
             "the problem “{problem}” found in the {year} self-inspection of {dept_name} ({dept}) was to be "
             "rectified by {due}; {what_en}"),
    basis="《实施办法》二（四）4：发现应公开未公开的信息应当及时公开……自查整改情况及时报送局办公室。"
          "局办公室会同局相关处室对工作落实情况进行跟踪检查，对发现应公开未公开问题及时督促整改",
    hint=("完成整改后在该问题的 done 中填写完成日期；确需延期的，经局办公室同意后修改 deadline 并在 rectification 中说明。",
          "Record the completion date in `done` once rectified; if the office agrees to more time, change "
          "`deadline` and explain it in `rectification`."),
    bad="findings:\n  - problem: 一件删减后公开文件未写明删减内容类别\n    deadline: 2025-01-31",
    good="findings:\n  - problem: 一件删减后公开文件未写明删减内容类别\n    deadline: 2025-01-31\n"
         "    rectification: 在公开页面补充删减说明\n    done: 2025-01-20",
    clauses=("二(四)4",),
)
def rectification_overdue(ctx: Context) -> Iterator[Hit]:
    for ob in ctx.obligations:
        if ob.obligation != "rectification" or ob.status not in ("overdue", "late"):
            continue
        rec = ctx.record_at(ob.path)
        if rec is None or not ob.pointer:
            continue
        item = rec.get(*ob.pointer)
        if not isinstance(item, dict):
            continue
        dept = ob.department or ""
        params = dict(dept=dept, dept_name=ctx.config.department_name(dept), year=record_year(rec),
                      problem=_problem_text(item, ob.pointer[-1]), due=ob.due)
        if ob.status == "late":
            yield hit(rec, ob.pointer + ("done",), what=f"于 {ob.met_on} 才整改完成",
                      what_en=f"it was only rectified on {ob.met_on}", **params)
        else:
            yield hit(rec, ob.pointer, anchor="parent", what=f"截至 {ctx.as_of} 尚未整改完成（done）",
                      what_en=f"it is not rectified as of {ctx.as_of} (done)", **params)


@rule(
    "REV006", "warning",
    title=("未整改的问题没有整改期限", "Open problem without a rectification deadline"),
    message=("部门 {dept} {year} 年度自查发现的问题“{problem}”尚未整改完成，也没有整改期限（deadline）",
             "the problem “{problem}” found in the {year} self-inspection of department {dept} is neither "
             "rectified nor given a deadline (deadline)"),
    basis="《实施办法》二（四）4：自查整改情况及时报送局办公室……对发现应公开未公开问题及时督促整改",
    hint=("为该问题确定整改期限（deadline）；已整改的，填写整改完成日期（done）。",
          "Give the problem a rectification deadline (deadline), or record `done` if it is rectified."),
    bad="findings:\n  - problem: 政务新媒体两个账号半年内未更新\n    rectification: 关停一个账号",
    good="findings:\n  - problem: 政务新媒体两个账号半年内未更新\n    rectification: 关停一个账号\n    deadline: 2026-01-31",
    clauses=("二(四)4",),
)
@per_record("review", as_of=True)
def rectification_without_deadline(rec: Record, as_of: date) -> Iterator[Hit]:
    for i, item in enumerate(rec.seq("findings")):
        if not isinstance(item, dict) or parse_date(item.get("deadline")) is not None:
            continue
        done = parse_date(item.get("done"))
        if done is not None and done <= as_of:
            continue
        if "deadline" in item:
            continue  # a malformed date: the schema reports it
        dept = _review_dept(rec) or ""
        yield hit(rec, ("findings", i), anchor="parent", dept=dept, year=record_year(rec),
                  problem=_problem_text(item, i))
