"""RPT: the annual report (《条例》第四十九条、第五十条; 国办公开办函〔2021〕30号).

RPT001 uses the deadline engine's `annual_report` clock (reports/<year>.yaml `published.date`
by `report_due` of the next year). RPT002–RPT005 apply the cross-checks of
govdisc.stats.crosscheck to the tables hand-entered in reports/<year>.yaml; RPT006 compares
them with the figures govdisc computes from the register (govdisc.stats.annual); RPT007 flags
hand-entered labels that match no label of the national format. Findings point at the cell
as written: ("applications_table", <row label>, <column label>).
"""

from __future__ import annotations

from typing import Iterator

from govdisc.dates import parse_date
from govdisc.deadlines.yearend import record_year, report_due
from govdisc.model import Record
from govdisc.codes import Hit, hit, rule
from govdisc.rules.context import Context
from govdisc.stats import labels as L
from govdisc.stats.crosscheck import (HandTable, check_balance, check_result_totals, check_reviews,
                                      check_row_totals, read_applications_table, read_reviews_table)

TABLES = {"applications_table": ("表三（收到和处理政府信息公开申请情况）", "table 三 (applications)"),
          "reviews_table": ("表四（行政复议、行政诉讼情况）", "table 四 (reconsideration and litigation)")}


def _reports(ctx: Context) -> list[tuple[int, Record]]:
    out = []
    for rec in ctx.kind("report"):
        y = record_year(rec)
        if y is not None:
            out.append((y, rec))
    return out


def _cell_hit(rec: Record, key: str, ht: HandTable, cell_row: str, cell_col: str | None, /, **params) -> Hit:
    """A hit at a hand-entered cell as written, or at its nearest written parent when blank."""
    pointer, found = ht.pointer(cell_row, cell_col)
    return hit(rec, (key, *pointer), anchor="value" if found else "parent", **params)


@rule(
    "RPT001", "error",
    title=("年度报告未按时公布", "Annual report not published on time"),
    message=("{year} 年度政府信息公开工作年度报告{problem}，应于 {due} 前向社会公布",
             "the {year} annual report {problem_en}; it was due to be published by {due}"),
    basis="《条例》第四十九条：县级以上人民政府部门应当在每年1月31日前……提交本行政机关上一年度政府信息公开工作年度报告并向社会公布",
    hint=("按全国统一格式编制年度报告（govdisc report annual --year <年度>），公布后在 reports/<年度>.yaml 中填写 "
          "published（date、url）。本地要求更早的，可在 govdisc.yaml 中设置 report_due。",
          "Compile the report (govdisc report annual --year <year>), publish it, and record "
          "published {date, url} in reports/<year>.yaml. Set report_due in govdisc.yaml for an earlier local deadline."),
    bad="# reports/2024.yaml\nyear: 2024\npublished: {date: 2025-02-10, url: \"https://example.gov.cn/ndbg/2024.html\"}",
    good="# reports/2024.yaml\nyear: 2024\npublished: {date: 2025-01-20, url: \"https://example.gov.cn/ndbg/2024.html\"}",
    clauses=("条例第49条",),
)
def report_not_published(ctx: Context) -> Iterator[Hit]:
    reports = {y: rec for y, rec in _reports(ctx)}
    seen: set[int] = set()
    for year, ob in ctx.yearly_misses("annual_report"):
        seen.add(year)
        rec = reports.get(year)
        if rec is not None:
            yield hit(rec, ("published", "date"), year=year, due=ob.due,
                      problem=f"于 {ob.met_on} 公布，晚于期限", problem_en=f"was published on {ob.met_on}, late")
        elif ctx.config_record is not None:
            yield hit(ctx.config_record, ("agency",), path="govdisc.yaml", year=year, due=ob.due,
                      problem=f"未公布（登记簿中没有 reports/{year}.yaml）",
                      problem_en=f"is missing (no reports/{year}.yaml)")
    # a report without a readable publication date gets no clock from the engine
    for year, rec in reports.items():
        if year in seen or parse_date(rec.get("published", "date")) is not None:
            continue
        due = report_due(ctx.config, year)
        if ctx.as_of <= due:
            continue
        has_pub = isinstance(rec.data.get("published"), dict)
        yield hit(rec, ("published", "date") if has_pub else ("published",), anchor="parent", year=year,
                  due=due.isoformat(), problem="没有公布日期（published.date）",
                  problem_en="has no publication date (published.date)")


def _app_tables(ctx: Context) -> Iterator[tuple[int, Record, HandTable]]:
    for year, rec in _reports(ctx):
        raw = rec.data.get("applications_table")
        if isinstance(raw, dict):
            yield year, rec, read_applications_table(raw)


def _rev_tables(ctx: Context) -> Iterator[tuple[int, Record, HandTable]]:
    for year, rec in _reports(ctx):
        raw = rec.data.get("reviews_table")
        if isinstance(raw, dict):
            yield year, rec, read_reviews_table(raw)


@rule(
    "RPT002", "error",
    title=("表三不符合“第一项加第二项之和等于第三项加第四项之和”", "Table 三 fails 一 + 二 = 三 + 四"),
    message=("{year} 年度报告表三“{column}”列：一、本年新收 {received} 加 二、上年结转 {carried_in} 为 {lhs}，"
             "而（七）总计 {total} 加 四、结转下年度 {carried_out} 为 {rhs}",
             "{year} report, table 三, column {column}: 一 {received} + 二 {carried_in} = {lhs}, "
             "but （七）总计 {total} + 四 {carried_out} = {rhs}"),
    basis="国办公开办函〔2021〕30号 年度报告格式表三：本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和",
    hint=("核对该列的本年新收、上年结转、办理结果总计和结转下年度件数；可删除手工表，改用 govdisc stats 按登记簿计算的数字。",
          "Recheck the column's received, carried-in, total-results and carried-out figures, or drop the "
          "hand-entered table and use the figures govdisc computes."),
    bad="applications_table:\n  一、本年新收政府信息公开申请数量: {自然人: 10, 总计: 10}\n"
        "  （七）总计: {自然人: 9, 总计: 9}\n  四、结转下年度继续办理: {自然人: 2, 总计: 2}",
    good="applications_table:\n  一、本年新收政府信息公开申请数量: {自然人: 10, 总计: 10}\n"
         "  （七）总计: {自然人: 8, 总计: 8}\n  四、结转下年度继续办理: {自然人: 2, 总计: 2}",
    clauses=("条例第50条",),
)
def table_balance(ctx: Context) -> Iterator[Hit]:
    for year, rec, ht in _app_tables(ctx):
        t = ht.table
        for f in check_balance(t):
            c = f.column
            yield _cell_hit(rec, "applications_table", ht, f.row, c, year=year, column=c,
                            received=t[L.RECEIVED][c], carried_in=t[L.CARRIED_IN][c],
                            lhs=t[L.RECEIVED][c] + t[L.CARRIED_IN][c], total=t[L.RESULT_TOTAL][c],
                            carried_out=t[L.CARRIED_OUT][c], rhs=t[L.RESULT_TOTAL][c] + t[L.CARRIED_OUT][c])


@rule(
    "RPT003", "error",
    title=("表三总计列不等于各类申请人之和", "Table 三: 总计 is not the sum of the applicant columns"),
    message=("{year} 年度报告表三“{row}”行：总计 {actual}，但自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他之和为 {expected}",
             "{year} report, table 三, row {row}: 总计 is {actual} but the six applicant columns add up to {expected}"),
    basis="国办公开办函〔2021〕30号 年度报告格式表三（总计列为各类申请人之和，由表格结构推出）",
    hint=("改正该行的总计或各列件数（未填写的格按 0 计）。", "Correct the row's total or its columns (blank cells count as 0)."),
    bad="applications_table:\n  （一）予以公开: {自然人: 3, 商业企业: 1, 总计: 5}",
    good="applications_table:\n  （一）予以公开: {自然人: 3, 商业企业: 1, 总计: 4}",
    clauses=("条例第50条",),
)
def table_row_totals(ctx: Context) -> Iterator[Hit]:
    for year, rec, ht in _app_tables(ctx):
        for f in check_row_totals(ht.table):
            yield _cell_hit(rec, "applications_table", ht, f.row, f.column, year=year, row=f.row,
                            actual=f.actual, expected=f.expected)


@rule(
    "RPT004", "error",
    title=("表三（七）总计不等于各项办理结果之和", "Table 三: （七）总计 is not the sum of the results"),
    message=("{year} 年度报告表三“{column}”列：（七）总计 {actual}，但（一）至（六）各行之和为 {expected}",
             "{year} report, table 三, column {column}: （七）总计 is {actual} but the result rows add up to {expected}"),
    basis="国办公开办函〔2021〕30号 年度报告格式表三（（七）总计为本年度各项办理结果之和，由表格结构推出）",
    hint=("核对（一）至（六）各行和（七）总计；每件申请只计入一种办理结果（部分公开的只计部分公开）。",
          "Recheck rows （一）–（六） and （七）总计; each application counts in one result row only."),
    bad="applications_table:\n  （一）予以公开: {自然人: 3, 总计: 3}\n  （七）总计: {自然人: 4, 总计: 4}",
    good="applications_table:\n  （一）予以公开: {自然人: 3, 总计: 3}\n  （七）总计: {自然人: 3, 总计: 3}",
    clauses=("条例第50条",),
)
def table_result_totals(ctx: Context) -> Iterator[Hit]:
    for year, rec, ht in _app_tables(ctx):
        for f in check_result_totals(ht.table):
            yield _cell_hit(rec, "applications_table", ht, f.row, f.column, year=year, column=f.column,
                            actual=f.actual, expected=f.expected)


@rule(
    "RPT005", "error",
    title=("表四总计不等于各项结果之和", "Table 四: 总计 is not the sum of the results"),
    message=("{year} 年度报告表四“{group}”：总计 {actual}，但结果维持、结果纠正、其他结果、尚未审结之和为 {expected}",
             "{year} report, table 四, {group}: 总计 is {actual} but the four results add up to {expected}"),
    basis="国办公开办函〔2021〕30号 年度报告格式表四（各组总计为各项结果之和，由表格结构推出）",
    hint=("改正该组的总计或各项结果件数。", "Correct the group's total or its results."),
    bad="reviews_table:\n  行政复议: {结果维持: 1, 结果纠正: 1, 总计: 1}",
    good="reviews_table:\n  行政复议: {结果维持: 1, 结果纠正: 1, 总计: 2}",
    clauses=("条例第50条",),
)
def review_totals(ctx: Context) -> Iterator[Hit]:
    for year, rec, ht in _rev_tables(ctx):
        for f in check_reviews(ht.table):
            yield _cell_hit(rec, "reviews_table", ht, f.row, f.column, year=year, group=f.row,
                            actual=f.actual, expected=f.expected)


@rule(
    "RPT006", "warning",
    title=("手工填报的年度报告数字与登记簿不一致", "Hand-entered figure differs from the register"),
    message=("{year} 年度报告{table}“{row}”行“{column}”列填报为 {given}，按登记簿计算为 {computed}",
             "{year} report, {table_en}, row {row}, column {column}: entered {given_en}, the register gives {computed}"),
    basis="《条例》第五十条；国办公开办函〔2021〕30号（年度报告内容应准确）",
    hint=("核对登记簿（govdisc stats --year <年度> --format json 列出计算结果）：登记簿遗漏的申请或复议诉讼应补登，"
          "手工数字有误的应改正；也可删除手工表，直接采用计算结果。",
          "Compare with `govdisc stats --year <year>`: register what is missing, or correct the hand-entered "
          "figure, or drop the hand-entered table."),
    bad="applications_table:\n  一、本年新收政府信息公开申请数量: {自然人: 12, 总计: 12}   # 登记簿中为 11 件",
    good="applications_table:\n  一、本年新收政府信息公开申请数量: {自然人: 11, 总计: 11}",
    clauses=("条例第50条",),
)
def table_differs(ctx: Context) -> Iterator[Hit]:
    from govdisc.stats.annual import annual_stats

    for year, rec in _reports(ctx):
        if year >= ctx.as_of.year:
            continue  # the year's register is not complete yet
        hand = {key: rec.data.get(key) for key in TABLES if isinstance(rec.data.get(key), dict)}
        if not hand:
            continue
        stats = annual_stats(ctx.records, ctx.config, ctx.calendar, year)
        for key, raw in hand.items():
            if key == "applications_table":
                ht, computed = read_applications_table(raw), stats["applications"]["table"]
                rows, cols = L.APPLICATION_ROW_LABELS, L.APPLICANT_COLUMNS
            else:
                ht, computed = read_reviews_table(raw), stats["reviews"]["table"]
                rows, cols = L.REVIEW_GROUPS, L.REVIEW_COLUMNS
            zh, en = TABLES[key]
            for row in rows:
                for col in cols:
                    want = computed[row][col]
                    if ht.has(row, col):
                        got = ht.table[row][col]
                        given, given_en = str(got), str(got)
                    else:
                        got, given, given_en = 0, "空", "blank"
                    if got != want:
                        yield _cell_hit(rec, key, ht, row, col, year=year, table=zh, table_en=en, row=row,
                                        column=col, given=given, given_en=given_en, computed=want)


@rule(
    "RPT007", "warning",
    title=("手工填报表的标签不是全国统一格式的标签", "Unknown label in a hand-entered table"),
    message=("{year} 年度报告{table}中的“{label}”不是全国统一格式的{what}，该格未参与核对",
             "{year} report, {table_en}: “{label}” is not a {what_en} of the national format and is not checked"),
    basis="国办公开办函〔2021〕30号 年度报告格式（行、列标签）",
    hint=("按全国统一格式的原文填写标签，例如“（三）不予公开 1.属于国家秘密”“四、结转下年度继续办理”；列为自然人、商业企业、"
          "科研机构、社会公益组织、法律服务机构、其他、总计。每个标签只写一次。",
          "Use the official labels, e.g. “1.属于国家秘密”, “四、结转下年度继续办理”; columns 自然人 … 总计. "
          "Write each label once."),
    bad="applications_table:\n  不予公开-国家秘密: {自然人: 1, 总计: 1}",
    good="applications_table:\n  （三）不予公开 1.属于国家秘密: {自然人: 1, 总计: 1}",
    clauses=("条例第50条",),
)
def unknown_labels(ctx: Context) -> Iterator[Hit]:
    for year, rec in _reports(ctx):
        for key, (zh, en) in TABLES.items():
            raw = rec.data.get(key)
            if not isinstance(raw, dict):
                continue
            ht = read_applications_table(raw) if key == "applications_table" else read_reviews_table(raw)
            row_word = ("行", "row") if key == "applications_table" else ("组", "group")
            for pointer in ht.unknown:
                what, what_en = (row_word if len(pointer) == 1 else ("列", "column"))
                yield hit(rec, (key, *pointer), anchor="key", year=year, table=zh, table_en=en,
                          label=pointer[-1], what=f"{what}标签（或与另一标签重复）", what_en=f"{what_en} label (or a repeat)")
