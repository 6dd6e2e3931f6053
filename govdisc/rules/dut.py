"""DUT: leadership duties and training over a finished year (seed 二（五）1, 三（九）, 三（十二）).

For each finished year the register has records for, activities/<year>.yaml must show at least
one entry of each required type dated in that year. Entries are taken from every activities
file (an entry dated 2024 in activities/2025.yaml still counts for 2024); an entry without a
readable date counts for the year of its file. Findings point at the year's `entries` list,
or at govdisc.yaml when the year has no activities file.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Iterator

from govdisc.dates import parse_date
from govdisc.measures import head_interpretation
from govdisc.model import Record
from govdisc.codes import Hit, hit, rule
from govdisc.deadlines.yearend import record_year
from govdisc.rules.context import Context


def _year_activities(ctx: Context) -> tuple[dict[int, Record], dict[int, set[str]]]:
    """activities record per year, and the entry types dated in each year."""
    files: dict[int, Record] = {}
    types: dict[int, set[str]] = defaultdict(set)
    for rec in ctx.kind("activities"):
        fy = record_year(rec)
        if fy is not None:
            files.setdefault(fy, rec)
        entries = rec.get("entries", default=[])
        for e in entries if isinstance(entries, list) else []:
            if not isinstance(e, dict) or not isinstance(e.get("type"), str):
                continue
            d = parse_date(e.get("date"))
            y = d.year if d is not None else fy
            if y is not None:
                types[y].add(e["type"])
                if head_interpretation(e):  # an interview, press conference or briefing by the head
                    types[y].add("head_interpretation")
    return files, types


def _missing(ctx: Context, kind: str) -> Iterator[Hit]:
    files, types = _year_activities(ctx)
    for year in ctx.finished_years():
        if kind in types.get(year, set()):
            continue
        rec = files.get(year)
        if rec is not None:
            has_entries = isinstance(rec.data.get("entries"), list)
            yield hit(rec, ("entries",), anchor="value" if has_entries else "parent", year=year,
                      where=f"activities/{year}.yaml", where_en=f"activities/{year}.yaml")
        elif ctx.config_record is not None:
            yield hit(ctx.config_record, (), anchor="parent", path="govdisc.yaml", year=year,
                      where=f"缺少 activities/{year}.yaml", where_en=f"activities/{year}.yaml is missing")



@rule(
    "DUT001", "error",
    title=("主要负责人年内未解读重要政策", "No policy interpretation by the head in the year"),
    message=("{year} 年度没有局主要负责人解读重要政策措施的记录（head_interpretation；{where}），"
             "应年内不少于1次",
             "no interpretation of an important policy by the head is recorded for {year} "
             "(head_interpretation; {where_en}); at least one a year is required"),
    basis="《实施办法》二（五）1：由局主要负责人通过发表讲话、参加新闻发布会、接受访谈、发表文章等方式带头宣讲政策……"
          "局主要负责人年内解读重要政策措施不少于1次",
    hint=("在 activities/<年度>.yaml 的 entries 中登记局主要负责人通过讲话、发布会、访谈、文章等方式解读政策的记录："
          "type 写 head_interpretation；或登记为 media_interview、press_conference、briefing 并写 speaker: head，"
          "都须注明所解读公文的发文字号（document）。",
          "Record the head's interpretation (speech, press conference, interview, article) in activities/<year>.yaml: "
          "type head_interpretation, or a media_interview, press_conference or briefing with speaker: head, "
          "each with the document's number."),
    bad="year: 2024\nentries:\n  - {date: 2024-06-12, type: training, title: 政务公开业务培训}",
    good="year: 2024\nentries:\n  - {date: 2024-03-15, type: media_interview, speaker: head, "
         "title: 局主要负责人接受专访解读广播电视惠民政策, document: 云岭新广发〔2024〕3号}",
    clauses=("二(五)1",),
)
def no_head_interpretation(ctx: Context) -> Iterator[Hit]:
    yield from _missing(ctx, "head_interpretation")


@rule(
    "DUT002", "error",
    title=("主要负责同志年内未听取政务公开工作汇报", "The head heard no report on disclosure work"),
    message=("{year} 年度没有局主要负责同志听取政务公开工作汇报的记录（head_hears_report；{where}），"
             "应年内至少1次",
             "no report on disclosure work heard by the head is recorded for {year} "
             "(head_hears_report; {where_en}); at least one a year is required"),
    basis="《实施办法》三（九）：局主要负责同志年内至少听取1次工作汇报",
    hint=("登记局主要负责同志听取政务公开工作汇报的日期和会议（type: head_hears_report）；尚未听取的，应在年内安排。",
          "Record when the head heard a report on disclosure work (type: head_hears_report)."),
    bad="year: 2024\nentries:\n  - {date: 2024-03-15, type: head_interpretation, title: 局主要负责人解读政策}",
    good="year: 2024\nentries:\n  - {date: 2024-07-08, type: head_hears_report, title: 局长办公会听取2024年上半年政务公开工作汇报}",
    clauses=("三(九)",),
)
def no_head_report(ctx: Context) -> Iterator[Hit]:
    yield from _missing(ctx, "head_hears_report")


@rule(
    "DUT003", "error",
    title=("分管负责同志年内未调研政务公开工作", "The deputy made no research visit"),
    message=("{year} 年度没有分管负责同志调研政务公开工作的记录（deputy_research；{where}），应年内至少1次",
             "no research visit on disclosure work by the deputy is recorded for {year} "
             "(deputy_research; {where_en}); at least one a year is required"),
    basis="《实施办法》三（九）：分管负责同志……年内至少调研1次政务公开工作",
    hint=("登记分管负责同志调研政务公开工作的日期和对象（type: deputy_research）。",
          "Record the deputy's research visit on disclosure work (type: deputy_research)."),
    bad="year: 2024\nentries:\n  - {date: 2024-05-10, type: deputy_hears_report, title: 分管局领导听取政务公开工作汇报}",
    good="year: 2024\nentries:\n  - {date: 2024-09-20, type: deputy_research, title: 分管局领导到信息中心调研政府网站信息公开工作}",
    clauses=("三(九)",),
)
def no_deputy_research(ctx: Context) -> Iterator[Hit]:
    yield from _missing(ctx, "deputy_research")


@rule(
    "DUT004", "warning",
    title=("分管负责同志年内未听取政务公开工作汇报", "The deputy heard no report on disclosure work"),
    message=("{year} 年度没有分管负责同志听取政务公开工作汇报的记录（deputy_hears_report；{where}），"
             "分管负责同志应经常听取汇报",
             "no report heard by the deputy is recorded for {year} (deputy_hears_report; {where_en}); "
             "the deputy is to hear reports regularly"),
    basis="《实施办法》三（九）：分管负责同志经常听取汇报",
    hint=("登记分管负责同志听取政务公开工作汇报的记录（type: deputy_hears_report），宜每季度至少1次。",
          "Record the reports heard by the deputy (type: deputy_hears_report), ideally every quarter."),
    bad="year: 2024\nentries:\n  - {date: 2024-07-08, type: head_hears_report, title: 局长办公会听取政务公开工作汇报}",
    good="year: 2024\nentries:\n  - {date: 2024-04-02, type: deputy_hears_report, title: 分管局领导听取一季度政务公开工作汇报}",
    clauses=("三(九)",),
)
def no_deputy_report(ctx: Context) -> Iterator[Hit]:
    yield from _missing(ctx, "deputy_hears_report")


@rule(
    "DUT005", "error",
    title=("年内未组织政务公开培训", "No disclosure training in the year"),
    message=("{year} 年度没有政务公开（信息公开）培训记录（training；{where}）",
             "no disclosure training is recorded for {year} (training; {where_en})"),
    basis="《实施办法》三（十二）：组织实施信息公开工作学习培训……积极组织参加省政府组织的信息公开培训",
    hint=("登记本局组织或参加省政府组织的信息公开培训（type: training），写明参加人数（participants）。",
          "Record the training organised or attended (type: training) with the number of participants."),
    bad="year: 2024\nentries:\n  - {date: 2024-09-20, type: deputy_research, title: 分管局领导调研}",
    good="year: 2024\nentries:\n  - {date: 2024-06-12, type: training, title: 新修订《政府信息公开条例》专题培训, participants: 46, department: bgs}",
    clauses=("三(十二)",),
)
def no_training(ctx: Context) -> Iterator[Hit]:
    yield from _missing(ctx, "training")


@rule(
    "DUT006", "info",
    title=("年内未组织政务公开考试", "No disclosure exam in the year"),
    message=("{year} 年度没有信息公开工作考试记录（exam；{where}）",
             "no disclosure exam is recorded for {year} (exam; {where_en})"),
    basis="《实施办法》三（十二）：组织实施信息公开工作学习培训和考试工作",
    hint=("培训后组织考试的，登记为 type: exam 并写明参加人数；未组织考试的可不处理。",
          "If an exam followed the training, record it with type: exam and the number of participants."),
    bad="year: 2024\nentries:\n  - {date: 2024-06-12, type: training, title: 政务公开专题培训}",
    good="year: 2024\nentries:\n  - {date: 2024-06-12, type: training, title: 政务公开专题培训}\n"
         "  - {date: 2024-06-13, type: exam, title: 政务公开业务知识测试, participants: 44}",
    clauses=("三(十二)",),
)
def no_exam(ctx: Context) -> Iterator[Hit]:
    yield from _missing(ctx, "exam")


# ---------------------------------------------------------------------------------------------
# 三(九): the leading group and each department's named disclosure staff, in govdisc.yaml
# ---------------------------------------------------------------------------------------------

_GROUP = (("head", "组长（局主要负责人）", "head (the agency head)"),
          ("deputy", "副组长（分管负责人）", "deputy (the deputy in charge)"),
          ("office_lead", "办公室分管政务公开的负责同志", "the office's official in charge of disclosure"))


def _text(value: object) -> bool:
    return isinstance(value, str) and bool(value.strip())


@rule(
    "DUT007", "error",
    title=("没有登记政府信息公开工作领导小组", "Leading group not recorded"),
    message=("govdisc.yaml 的 leading_group 没有写明{missing}", "leading_group in govdisc.yaml names no {missing_en}"),
    basis="《实施办法》三（九）：及时调整完善局政府信息公开工作领导小组成员及明确工作职责，局主要负责人亲自抓，分管领导具体抓；"
          "局办公室主管政务公开，并确定1位负责同志分管政务公开工作",
    hint=("在 govdisc.yaml 中写 leading_group：head（组长，局主要负责人）、deputy（副组长，分管负责人）、office_lead"
          "（办公室分管政务公开的负责同志）、members、document（成立或调整文件）、updated（最近调整日期）。",
          "Write leading_group in govdisc.yaml: head, deputy, office_lead, members, document and updated."),
    bad="agency: 云岭省新闻出版广电局\noffice: bgs\n# 没有 leading_group",
    good="leading_group:\n  head: 张某某（局长）\n  deputy: 李某某（副局长）\n  office_lead: 王某某（办公室副主任）\n"
         "  members: [各处室主要负责人]\n  document: 云岭新广办〔2024〕5号\n  updated: 2024-02-01",
    clauses=("三(九)",),
)
def leading_group_missing(ctx: Context) -> Iterator[Hit]:
    cfg = ctx.config_record
    if cfg is None or not ctx.finished_years():
        return  # judged once the register has a finished year, like every standing duty
    group = cfg.data.get("leading_group")
    if not isinstance(group, dict):
        yield hit(cfg, (), anchor="parent", path="govdisc.yaml", missing="领导小组（组长、副组长和办公室分管负责同志）",
                  missing_en="leading group (head, deputy and the office's official in charge)")
        return
    missing = [(zh, en) for key, zh, en in _GROUP if not _text(group.get(key))]
    if missing:
        yield hit(cfg, ("leading_group",), anchor="parent", path="govdisc.yaml",
                  missing="、".join(z for z, _ in missing), missing_en=", ".join(e for _, e in missing))


@rule(
    "DUT008", "warning",
    title=("部门没有明确政务公开专人", "Department without named disclosure staff"),
    message=("部门 {dept}（{name}）没有写明负责政务公开工作的专人（disclosure_staff）",
             "department {dept} ({name}) names no member of staff responsible for disclosure (disclosure_staff)"),
    basis="《实施办法》三（九）：机关各单位部门负责人为政务公开工作第一责任人，明确专人负责本单位部门政务公开工作，及时提供网站信息",
    hint=("在 govdisc.yaml 该部门的条目中写 disclosure_staff（姓名或岗位），人员变动时及时更新。",
          "Write disclosure_staff (name or post) on the department's entry in govdisc.yaml and keep it current."),
    bad="departments:\n  - {id: gbc, name: 广播电视处, role: business}",
    good="departments:\n  - {id: gbc, name: 广播电视处, role: business, disclosure_staff: 赵某某（综合科）}",
    clauses=("三(九)",),
)
def department_staff_missing(ctx: Context) -> Iterator[Hit]:
    cfg = ctx.config_record
    if cfg is None or not ctx.finished_years():
        return
    for i, dep in enumerate(cfg.seq("departments")):
        if isinstance(dep, dict) and isinstance(dep.get("id"), str) and not _text(dep.get("disclosure_staff")):
            name = dep.get("name") if isinstance(dep.get("name"), str) else dep["id"]
            yield hit(cfg, ("departments", i), anchor="value", path="govdisc.yaml", dept=dep["id"], name=name)
