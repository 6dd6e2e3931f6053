"""ASM: the year's assessment, conduct review and accountability (seed 三(十三); 《条例》第四十六条).

"将政府信息公开工作纳入年度单位目标量化考核和行风评议，做好年度考核和年终督促检查，发挥检查考核评议
作用，切实加大问责力度": one record a year, assessments/<year>.yaml. Its year-end clock
("assessment", deadlines.yearend) falls due with the annual report (`report_due` of the next
year), which has to state the results (Art. 50(4) for governments). The contents are judged for
finished years only.
"""

from __future__ import annotations

from typing import Any, Iterator

from govdisc.codes import Hit, hit, rule
from govdisc.dates import parse_date
from govdisc.deadlines.yearend import record_year, report_due
from govdisc.model import Record
from govdisc.rules.context import Context

BASIS = ("《实施办法》三（十三）：将政府信息公开工作纳入年度单位目标量化考核和行风评议，做好年度考核和年终督促检查，"
         "发挥检查考核评议作用，切实加大问责力度")


def _records(ctx: Context) -> dict[int, Record]:
    out: dict[int, Record] = {}
    for rec in ctx.kind("assessment"):
        y = record_year(rec)
        if y is not None:
            out.setdefault(y, rec)
    return out


def _finished(ctx: Context) -> Iterator[tuple[int, Record]]:
    for y, rec in sorted(_records(ctx).items()):
        if y < ctx.as_of.year:
            yield y, rec


@rule(
    "ASM001", "error",
    title=("年度考核评议未按时完成", "Assessment not completed on time"),
    message=("{year} 年度政府信息公开工作考核评议{problem}，应于 {due} 前完成",
             "the {year} assessment and conduct review {problem_en}; it was due by {due}"),
    basis=BASIS + "；《条例》第四十六条、第五十条第（四）项（年度报告应包括工作考核、社会评议和责任追究结果情况）",
    hint=("完成考核、行风评议和年终督促检查后，新建 assessments/<年度>.yaml（可用 govdisc new assessment），"
          "写明 completed（完成日期）和考核、评议、问责情况。期限与年度报告公布期限（report_due）相同。",
          "Record the year's assessment in assessments/<year>.yaml (govdisc new assessment) with `completed`; "
          "it is due with the annual report (report_due)."),
    bad="# 登记簿中没有 assessments/2024.yaml",
    good="# assessments/2024.yaml\nyear: 2024\ncompleted: 2025-01-20\ntarget_assessment: {included: true, date: 2025-01-15}\n"
         "conduct_review: {included: true, date: 2024-11-28}\nsupervision_check: {date: 2024-12-16}\naccountability: []",
    clauses=("三(十三)", "条例第46条"),
)
def assessment_missing(ctx: Context) -> Iterator[Hit]:
    recs = _records(ctx)
    seen: set[int] = set()
    for year, ob in ctx.yearly_misses("assessment"):
        seen.add(year)
        rec = recs.get(year)
        if rec is not None:
            yield hit(rec, ("completed",), year=year, due=ob.due, problem=f"于 {ob.met_on} 完成，晚于期限",
                      problem_en=f"was completed on {ob.met_on}, late")
        elif ctx.config_record is not None:
            yield hit(ctx.config_record, ("agency",), path="govdisc.yaml", year=year, due=ob.due,
                      problem=f"没有记录（登记簿中没有 assessments/{year}.yaml）",
                      problem_en=f"is not recorded (no assessments/{year}.yaml)")
    for year, rec in recs.items():  # a record without a readable `completed` gets no clock
        due = report_due(ctx.config, year)
        if year in seen or parse_date(rec.data.get("completed")) is not None or ctx.as_of <= due:
            continue
        yield hit(rec, ("completed",), anchor="parent", year=year, due=due.isoformat(),
                  problem="没有写明完成日期（completed）", problem_en="has no completion date (completed)")


def _included(rec: Record, key: str) -> tuple[tuple, str, Any] | None:
    """Where to point when `key.included` is not true: (pointer, anchor, value), else None."""
    part = rec.data.get(key)
    if not isinstance(part, dict):
        return (), "parent", None
    if part.get("included") is True:
        return None
    if "included" in part:
        return (key, "included"), "value", part.get("included")
    return (key,), "parent", None


@rule(
    "ASM002", "error",
    title=("政府信息公开工作未纳入目标量化考核", "Disclosure work not in the target assessment"),
    message=("{year} 年度考核评议记录没有表明政府信息公开工作已纳入年度单位目标量化考核（target_assessment.included）",
             "the {year} assessment record does not show disclosure work included in the yearly target assessment "
             "(target_assessment.included)"),
    basis=BASIS,
    hint=("在 target_assessment 中写 included: true，并写明权重或分值、考核日期和结果；未纳入的，应在下一年度考核方案中单列政务公开指标。",
          "Write target_assessment.included: true with the weight, date and result; if it was not included, "
          "add a disclosure indicator to next year's assessment plan."),
    bad="year: 2024\ntarget_assessment: {included: false}",
    good="year: 2024\ntarget_assessment: {included: true, weight: 5分, date: 2025-01-15, result: 各处室均达标}",
    clauses=("三(十三)",),
)
def not_in_target_assessment(ctx: Context) -> Iterator[Hit]:
    yield from _not_included(ctx, "target_assessment")


def _not_included(ctx: Context, key: str) -> Iterator[Hit]:
    """A hit for each finished year whose record does not say `key.included: true`."""
    for year, rec in _finished(ctx):
        found = _included(rec, key)
        if found is not None:
            yield hit(rec, found[0], anchor=found[1], year=year)


@rule(
    "ASM003", "error",
    title=("政府信息公开工作未纳入行风评议", "Disclosure work not in the conduct review"),
    message=("{year} 年度考核评议记录没有表明政府信息公开工作已纳入行风评议（conduct_review.included）",
             "the {year} assessment record does not show disclosure work included in the conduct review "
             "(conduct_review.included)"),
    basis=BASIS,
    hint=("在 conduct_review 中写 included: true，并写明评议日期和结果。", "Write conduct_review.included: true with the date and result."),
    bad="year: 2024\nconduct_review: {date: 2024-11-28}",
    good="year: 2024\nconduct_review: {included: true, date: 2024-11-28, result: 群众满意度95%}",
    clauses=("三(十三)",),
)
def not_in_conduct_review(ctx: Context) -> Iterator[Hit]:
    yield from _not_included(ctx, "conduct_review")


@rule(
    "ASM004", "warning",
    title=("没有年终督促检查记录", "No year-end supervision check"),
    message=("{year} 年度考核评议记录没有年终督促检查的日期（supervision_check.date）",
             "the {year} assessment record has no date of the year-end supervision check (supervision_check.date)"),
    basis=BASIS + "（“做好年度考核和年终督促检查”）",
    hint=("在 supervision_check 中写明督促检查完成日期（date）和检查情况（summary）。",
          "Record the year-end supervision check's date and summary in supervision_check."),
    bad="year: 2024\nsupervision_check: {summary: 检查了各处室}",
    good="year: 2024\nsupervision_check: {date: 2024-12-16, summary: 检查各处室主动公开和依申请公开办理情况}",
    clauses=("三(十三)",),
)
def no_supervision_check(ctx: Context) -> Iterator[Hit]:
    for year, rec in _finished(ctx):
        check = rec.data.get("supervision_check")
        if isinstance(check, dict) and parse_date(check.get("date")) is not None:
            continue
        if isinstance(check, dict) and "date" in check:
            continue  # a malformed date: the schema reports it
        yield hit(rec, ("supervision_check",) if isinstance(check, dict) else (), anchor="parent", year=year)


@rule(
    "ASM005", "warning",
    title=("问责记录不完整", "Accountability action incomplete"),
    message=("{year} 年度第{n}项问责没有写明{missing}", "accountability action {n} of {year} has no {missing_en}"),
    basis=BASIS + "；《条例》第五十二条、第五十三条",
    hint=("每项问责写明日期（date）、被问责部门（department）、事由（reason）和问责方式（action）。",
          "Give each action its date, department, reason and action."),
    bad="accountability:\n  - {reason: 逾期答复依申请公开被复议纠正}",
    good="accountability:\n  - {date: 2024-09-10, department: gbc, reason: 逾期答复依申请公开被复议纠正, action: 通报批评}",
    clauses=("三(十三)", "条例第52条", "条例第53条"),
)
def accountability_incomplete(ctx: Context) -> Iterator[Hit]:
    names = (("date", "日期", "date"), ("department", "被问责部门", "department"), ("action", "问责方式", "action"))
    for year, rec in _records(ctx).items():
        for i, item in enumerate(rec.seq("accountability")):
            if not isinstance(item, dict):
                continue
            missing = [(zh, en) for key, zh, en in names if not (isinstance(item.get(key), str) and item[key].strip())]
            if missing:
                yield hit(rec, ("accountability", i), anchor="parent", year=year, n=i + 1,
                          missing="、".join(z for z, _ in missing), missing_en=", ".join(e for _, e in missing))
