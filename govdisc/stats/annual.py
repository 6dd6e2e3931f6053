"""The annual-report figures (国办公开办函〔2021〕30号) computed from the register.

`annual_stats(records, config, calendar, year, as_of=None)` is a pure function: register
records in, one JSON-serialisable dict out (no rendering). Without `as_of` every fact written
in the register counts; with it, the register as it stood that day (deadlines.asof.known_on:
applications received, replies, reviews, documents formed or repealed after it are not yet
known), so a report "as of" a day never counts what happened later. Keys, in order:

```text
year            int
agency          str                      config `agency`
format          "国办公开办函〔2021〕30号"
period          "本报告中所列数据统计期限为2024年1月1日至12月31日"; for a year not ended on the
                as-of day "…统计期限为2026年1月1日至11月10日（数据截至2026年11月10日，本年度尚未结束）"
as_of           "2026-11-10" | null
complete        false when the year had not ended on the as-of day
register_years  [first, last] years the register holds records of (null when none)
in_register     false when the year lies outside register_years (figures cannot be complete)
sections        {overview|proactive|applications|reviews|problems|other: heading}  (§2.2, in order)
proactive       section 二 (§2.3)
  blocks        [{key, caption, columns: [信息内容, …], rows: [{label, values: {column: n|null}}]}]
                  documents  第二十条第（一）项  规章 / 行政规范性文件 × 本年制发件数 本年废止件数 现行有效件数
                  licensing  第二十条第（五）项  行政许可 × 本年处理决定数量
                  enforcement第二十条第（六）项  行政处罚 / 行政强制 × 本年处理决定数量
                  fees       第二十条第（八）项  行政事业性收费 × 本年收费金额（单位：万元）: every
                             行政事业性收费 collected, 信息处理费 included (see FEE_ROW below)
  table         {row label: {column: n|null}}   the same numbers, flat
applications    section 三 (§2.4)
  header_cell   "（本列数据的勾稽关系为：…）"
  header_rows   [["申请人情况"], ["自然人", "法人或其他组织", "总计"], ["商业企业", …, "其他"]]
  columns       the 7 data columns: 自然人 商业企业 科研机构 社会公益组织 法律服务机构 其他 总计
  rows          25 × {label, level (1|2|3), level1, level2}: order and grouping; level1 of the
                22 result rows is "三、本年度办理结果", level2 their （一）–（七） heading
  table         {row label (verbatim, all 25 distinct): {column: int}}
  checks        cross-check failures of `table` (always [] for a computed table)
reviews         section 四 (§2.5)
  header_rows   [[(label, colspan, rowspan)…] × 3]
  groups        ["行政复议", "未经复议直接起诉", "复议后起诉"]
  columns       ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
  table         {group: {column: int}}
  row           the 15 numbers of the single data row, in table order
  checks        cross-check failures (always [])
response_times  replies dated in the year (the rows of 三)
  count, median, mean (working days, 1 decimal), in_time, late, in_time_share (0–1, 3 decimals),
  not_judged (replies without a reply clock), bands: [{key, label_zh, label_en, min, max, count}]
narrative       from reports/<year>.yaml (null when absent)
  overview, problems, other, processing_fees (元), published {date, url}
notes           [{path, record, problem_zh, problem_en}]: data that could not be placed as written
                (the figure went to the fallback row/column named in the note, or was left out)
```

Year membership of an application (legal receipt date r per Art. 31 from the deadline
engine's `receipt_date`, reply date p):
- 一 本年新收: r in the year.
- 二 上年结转: r before the year and, on 1 January, not yet answered (no reply date, or p in
  the year or later).
- 三 results: p in the year (and r not after the year), counted in its outcome's row.
- 四 结转下年度: r not after the year and no reply dated on or before 31 December.
A reply dated before its receipt is treated as given on the receipt date (and noted), so that
一 + 二 = （七）+ 四 holds for every computed table. An application without a receipt date is
left out of every row (noted). Applicant kinds outside the six codes go to 其他, outcomes that
cannot be placed (missing, unknown, `withheld` without an exemption code) to （六）3.其他 —
both noted.

Section 四 (govdisc.appeals): each reconsideration or lawsuit of an application counts in every
year it was open at some time — filed by 31 December and not decided before 1 January — in the
column of its state on 31 December: its result when decided in the year, 尚未审结 otherwise. So
a case filed in 2024 and decided in 2025 is 尚未审结 in 2024 and in its result's column in 2025,
whenever either table is computed. A case recorded in the legacy one-mapping shape (`{kind,
result, date}`) is read as filed on `date` while pending and decided on `date` otherwise (filing
date unknown: only its decision year); with no date at all it counts in the year of the reply.
A decided case without a valid `result` counts as 尚未审结 (noted when the result is unknown).

Response time: working days (calendar.between, the day of receipt not counted) from the legal
receipt — or from the corrected application that restarts the count (Art. 30, the engine's
`clock_start`) — to the reply
date, for replies dated in the year. Elapsed days: consultation and fee periods are not taken
out (the deadline engine does that for in-time status). A same-day reply is 0 working days and
falls in the first band (0–5, labelled 1–5 as reports usually print it). In time / late is the
status of the engine's reply clock (done / late); replies with no reply clock (closed while a
补正 was outstanding) are counted in `not_judged`.

Section 二 block （一）: documents of kind `regulation` (规章) and `normative` (行政规范性文件),
whatever their disclosure attribute: 本年制发件数 formed in the year, 本年废止件数 repealed in the
year, 现行有效件数 formed on or before 31 December (or the as-of day) and not repealed by then.
Blocks （五）（六）（八） come from reports/<year>.yaml `proactive` (null when absent).

Block （八） and the 信息处理费 (FEE_ROW): the row is Art. 20 item (八) 行政事业性收费, and its
column is what was collected in the year. The 信息处理费 of Art. 42 / 国办函〔2020〕109号 is itself
a 行政事业性收费 (paid into the treasury as such: the Sichuan finance notice of 2021-01-18 restating
109号), so `fees_wan` is the year's total of all of them, 信息处理费 included, and section 六
states the 信息处理费 on its own (`processing_fees`, 元). The classification is not confirmed in
the national text, so govdisc.yaml `rules.processing_fee_in_fee_row: false` excludes it (the
report checks then stop requiring fees_wan ≥ processing_fees).
"""

from __future__ import annotations

import statistics
from datetime import date
from typing import Any, Iterable

from govdisc.appeals import decided_in, in_year, proceedings
from govdisc.calendar import CalendarRangeError, WorkCalendar
from govdisc.config import Config
from govdisc.dates import parse_date
from govdisc.deadlines.application import clock_start
from govdisc.deadlines.yearend import record_year
from govdisc.model import Record
from govdisc.stats import labels as L

#: response-time bands: (key, zh, en, min, max) in working days; 0 (same day) is in the first
BANDS: tuple[tuple[str, str, str, int, int | None], ...] = (
    ("1-5", "1–5个工作日", "1–5 working days", 0, 5),
    ("6-10", "6–10个工作日", "6–10 working days", 6, 10),
    ("11-20", "11–20个工作日", "11–20 working days", 11, 20),
    ("21-40", "21–40个工作日", "21–40 working days", 21, 40),
    (">40", "40个工作日以上", "more than 40 working days", 41, None),
)


def register_years(records: Iterable[Record], config: Config) -> list[int] | None:
    """[first, last] year the register holds records of: from config `since` (else the first
    yearly or dated record) to the last year any record belongs to; None for an empty register."""
    from govdisc.deadlines.yearend import first_year

    records = list(records)
    years = {y for rec in records if rec.kind != "config" and (y := record_year(rec)) is not None}
    if not years:
        return None
    first = first_year(records, config)
    return [first if first is not None else min(years), max(years)]


def period_of(year: int, as_of: date | None) -> tuple[str, bool]:
    """The statistical-period sentence and whether the year had ended on the as-of day."""
    if as_of is None or as_of >= date(year, 12, 31):
        return L.PERIOD_TEMPLATE.format(year=year), True
    if as_of < date(year, 1, 1):
        return L.NOT_STARTED_TEMPLATE.format(year=year, as_of=_zh(as_of)), False
    return L.PARTIAL_PERIOD_TEMPLATE.format(year=year, month=as_of.month, day=as_of.day,
                                            as_of=_zh(as_of)), False


def completeness_warnings(stats: dict) -> list[dict[str, str]]:
    """{code, message_zh, message_en} when the figures cannot be the whole year's: the year had
    not ended on the as-of day, or the register holds no record of it."""
    out = []
    year = stats["year"]
    if not stats.get("complete", True):
        out.append({"code": "year-not-ended",
                    "message_zh": f"{year}年度在数据截止日 {stats['as_of']} 尚未结束，报告注明“截至”该日，数字不是全年数字",
                    "message_en": f"{year} had not ended on the as-of day {stats['as_of']}: the figures are not the "
                                  "whole year's (the report says 截至 that day)"})
    if not stats.get("in_register", True):
        span = stats.get("register_years")
        held = f"登记簿记录{span[0]}—{span[1]}年度" if span else "登记簿中没有记录"
        out.append({"code": "year-outside-register",
                    "message_zh": f"登记簿中没有{year}年度的记录（{held}），报告中的数字不完整",
                    "message_en": f"the register holds no records of {year} "
                                  + (f"(it holds {span[0]}–{span[1]})" if span else "(it is empty)")
                                  + ": the figures are incomplete"})
    return out


def _zh(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def report_record(records: Iterable[Record], year: int) -> Record | None:
    """reports/<year>.yaml, if the register has it."""
    for rec in records:
        if rec.kind == "report" and record_year(rec) == year:
            return rec
    return None


def empty_applications_table() -> dict[str, dict[str, int]]:
    return {label: {col: 0 for col in L.APPLICANT_COLUMNS} for label in L.APPLICATION_ROW_LABELS}


def empty_reviews_table() -> dict[str, dict[str, int]]:
    return {g: {c: 0 for c in L.REVIEW_COLUMNS} for g in L.REVIEW_GROUPS}


class _Notes:
    def __init__(self) -> None:
        self.items: list[dict[str, str]] = []

    def add(self, rec: Record, zh: str, en: str) -> None:
        self.items.append({"path": rec.path, "record": rec.id, "problem_zh": zh, "problem_en": en})


def receipt_of(rec: Record) -> date | None:
    """The Art. 31 legal receipt date, as the deadline engine reads it."""
    from govdisc.deadlines.application import receipt_date

    got = receipt_date(rec)
    return got[0] if got else None


def reply_of(rec: Record) -> date | None:
    reply = rec.data.get("reply")
    return parse_date(reply.get("date")) if isinstance(reply, dict) else None


def applicant_column_of(rec: Record) -> str | None:
    applicant = rec.data.get("applicant")
    kind = applicant.get("kind") if isinstance(applicant, dict) else None
    return L.APPLICANT_KIND_COLUMNS.get(kind) if isinstance(kind, str) else None


def application_membership(receipt: date, reply: date | None, year: int) -> dict[str, bool]:
    """Which rows of the year's table an application counts in (see the module docstring)."""
    if reply is not None and reply < receipt:
        reply = receipt
    r, p = receipt.year, (reply.year if reply else None)
    return {
        "received": r == year,
        "carried_in": r < year and (p is None or p >= year),
        "result": p == year and r <= year,
        "carried_out": r <= year and (p is None or p > year),
    }


# -- section 三 ---------------------------------------------------------------------------------


def applications_section(apps: list[Record], year: int, notes: _Notes) -> tuple[dict, list[Record]]:
    """The section 三 table and the applications whose replies it counts."""
    table = empty_applications_table()
    replied: list[Record] = []
    for rec in apps:
        receipt = receipt_of(rec)
        if receipt is None:
            notes.add(rec, "没有可用的收到申请日期（submitted/signed_for/confirmed），未计入表三",
                      "no usable receipt date (submitted/signed_for/confirmed): left out of table 三")
            continue
        reply = reply_of(rec)
        member = application_membership(receipt, reply, year)
        if not any(member.values()):
            continue
        if reply is not None and reply < receipt:
            notes.add(rec, f"答复日期 {reply.isoformat()} 早于收到申请日期 {receipt.isoformat()}，按收到之日计",
                      f"reply date {reply.isoformat()} is before receipt {receipt.isoformat()}: counted at receipt")
        col = applicant_column_of(rec)
        if col is None:
            col = "其他"
            notes.add(rec, "申请人类别（applicant.kind）缺失或无法识别，计入“其他”列",
                      "applicant.kind missing or unknown: counted in column 其他")
        cells = []
        if member["received"]:
            cells.append(L.RECEIVED)
        if member["carried_in"]:
            cells.append(L.CARRIED_IN)
        if member["carried_out"]:
            cells.append(L.CARRIED_OUT)
        if member["result"]:
            reply_data = rec.data.get("reply")
            outcome = reply_data.get("outcome") if isinstance(reply_data, dict) else None
            exemptions = reply_data.get("exemptions") if isinstance(reply_data, dict) else None
            row = L.outcome_row(outcome, exemptions)
            if row is None:
                row = L.FALLBACK_ROW
                what = "不予公开但未写明不予公开理由代码（exemptions）" if outcome == "withheld" \
                    else f"办理结果（reply.outcome）{outcome!r} 缺失或无法识别"
                what_en = "withheld without an exemption code" if outcome == "withheld" \
                    else f"reply.outcome {outcome!r} missing or unknown"
                notes.add(rec, f"{what}，计入“（六）其他处理 3.其他”", f"{what_en}: counted in （六）3.其他")
            cells += [row, L.RESULT_TOTAL]
            replied.append(rec)
        for row in cells:
            table[row][col] += 1
            table[row][L.TOTAL] += 1
    return table, replied


# -- section 四 ---------------------------------------------------------------------------------


def reviews_section(apps: list[Record], year: int, notes: _Notes) -> dict[str, dict[str, int]]:
    """Table 四: every proceeding open at some time in the year, by its state on 31 December."""
    table = empty_reviews_table()
    for rec in apps:
        for p in proceedings(rec):
            if not in_year(p, year, reply_of(rec)):
                continue
            group = L.REVIEW_KIND_GROUPS.get(p.kind) if isinstance(p.kind, str) else None
            if group is None:
                notes.add(rec, f"复议诉讼类型（review.kind）{p.kind!r} 无法识别，未计入表四",
                          f"review.kind {p.kind!r} unknown: left out of table 四")
                continue
            col = L.PENDING
            if decided_in(p, year) or (p.filed is None and p.decided is None):
                result = p.result
                col = L.REVIEW_RESULT_COLUMNS.get(result) if isinstance(result, str) else None
                if col is None:
                    col = L.PENDING
                    if result is not None:
                        notes.add(rec, f"复议诉讼结果（review.result）{result!r} 无法识别，计入“尚未审结”",
                                  f"review.result {result!r} unknown: counted as 尚未审结")
            table[group][col] += 1
            table[group][L.TOTAL] += 1
    return table


# -- response times ---------------------------------------------------------------------------


def _restart(rec: Record, receipt: date, reply: date) -> date:
    """Where the reply count runs from (the deadline engine's clock_start: receipt, or the
    Art. 30 restart), unless that is after the reply."""
    start = clock_start(rec)
    return start if start is not None and receipt <= start <= reply else receipt


def _reply_status(rec: Record, config: Config, calendar: WorkCalendar, reply: date,
                  notes: _Notes) -> str | None:
    """'done' or 'late' by the reply clock as of the reply day; None when it cannot be judged
    (a clock that crashed is noted, not fatal: the statistics of the other records stand)."""
    from govdisc.deadlines import record_obligations
    from govdisc.internal import Crash

    crashes: list[Crash] = []
    for ob in record_obligations([rec], config, calendar, reply, whole=True, crashes=crashes):
        if ob.obligation == "reply":
            return ob.status if ob.status in ("done", "late") else None
    for c in crashes:
        notes.add(rec, f"期限计算内部错误（{c.check}: {c.error}），未判断是否按时答复，请报告此问题",
                  f"internal error in {c.check} ({c.error}): not judged in time or late; please report it")
    return None


def response_times(replied: list[Record], config: Config, calendar: WorkCalendar, notes: _Notes) -> dict:
    days: list[int] = []
    in_time = late = not_judged = 0
    for rec in replied:
        receipt, reply = receipt_of(rec), reply_of(rec)
        if receipt is None or reply is None:
            continue
        reply = max(reply, receipt)
        try:
            days.append(calendar.between(_restart(rec, receipt, reply), reply))
            status = _reply_status(rec, config, calendar, reply, notes)
        except (CalendarRangeError, OverflowError):
            notes.add(rec, "日期超出工作日历范围，未计入答复用时", "date outside the calendar: no response time")
            continue
        if status == "done":
            in_time += 1
        elif status == "late":
            late += 1
        else:
            not_judged += 1
    bands = []
    for key, zh, en, lo, hi in BANDS:
        n = sum(1 for d in days if d >= lo and (hi is None or d <= hi))
        bands.append({"key": key, "label_zh": zh, "label_en": en, "min": lo, "max": hi, "count": n})
    judged = in_time + late
    return {
        "count": len(days),
        "median": float(statistics.median(days)) if days else None,
        "mean": round(statistics.fmean(days), 1) if days else None,
        "in_time": in_time,
        "late": late,
        "not_judged": not_judged,
        "in_time_share": round(in_time / judged, 3) if judged else None,
        "bands": bands,
    }


# -- section 二 ---------------------------------------------------------------------------------


def _number(value: Any) -> int | float | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return value


def proactive_section(docs: list[Record], report: Record | None, year: int) -> dict:
    end = date(year, 12, 31)
    table: dict[str, dict[str, Any]] = {}
    for row in L.DOCUMENT_KIND_ROWS.values():
        table[row] = {L.NEW_THIS_YEAR: 0, L.REPEALED_THIS_YEAR: 0, L.IN_FORCE: 0}
    for rec in docs:
        kind = rec.data.get("kind")
        row = L.DOCUMENT_KIND_ROWS.get(kind) if isinstance(kind, str) else None
        if row is None:
            continue
        formed, repealed = parse_date(rec.data.get("formed")), parse_date(rec.data.get("repealed"))
        if formed is not None and formed.year == year:
            table[row][L.NEW_THIS_YEAR] += 1
        if repealed is not None and repealed.year == year:
            table[row][L.REPEALED_THIS_YEAR] += 1
        if formed is not None and formed <= end and (repealed is None or repealed > end):
            table[row][L.IN_FORCE] += 1
    given = report.data.get("proactive") if report is not None else None
    given = given if isinstance(given, dict) else {}
    for key, (row, col) in L.REPORT_PROACTIVE_KEYS.items():
        table.setdefault(row, {})[col] = _number(given.get(key))
    blocks = []
    for block in L.PROACTIVE_BLOCKS:
        blocks.append({
            "key": block.key,
            "caption": block.caption,
            "columns": [L.INFO_CONTENT, *block.columns],
            "rows": [{"label": r, "values": {c: table[r][c] for c in block.columns}} for r in block.rows],
        })
    return {"blocks": blocks, "table": {r: table[r] for b in L.PROACTIVE_BLOCKS for r in b.rows}}


# -- narrative ----------------------------------------------------------------------------------


def narrative(report: Record | None) -> dict:
    data = report.data if report is not None else {}

    def text(key: str) -> str | None:
        v = data.get(key)
        return v if isinstance(v, str) and v.strip() else None

    pub = data.get("published")
    published = None
    if isinstance(pub, dict):
        published = {"date": pub.get("date") if isinstance(pub.get("date"), str) else None,
                     "url": pub.get("url") if isinstance(pub.get("url"), str) else None}
    return {
        "overview": text("overview"),
        "problems": text("problems"),
        "other": text("other"),
        "processing_fees": _number(data.get("processing_fees")),
        "published": published,
    }


# -- the whole --------------------------------------------------------------------------------


def annual_stats(records: list[Record], config: Config, calendar: WorkCalendar, year: int,
                 as_of: date | None = None) -> dict:
    """Every figure of the year's annual report (see the module docstring for the shape)."""
    from govdisc.deadlines.asof import known_on
    from govdisc.stats.crosscheck import check_applications, check_reviews

    if as_of is not None:
        records = known_on(records, as_of)
    period, complete = period_of(year, as_of)
    span = register_years(records, config)
    notes = _Notes()
    apps = [r for r in records if r.kind == "application"]
    docs = [r for r in records if r.kind == "document"]
    report = report_record(records, year)
    app_table, replied = applications_section(apps, year, notes)
    rev_table = reviews_section(apps, year, notes)
    return {
        "year": year,
        "agency": config.agency,
        "format": L.FORMAT,
        "period": period,
        "as_of": as_of.isoformat() if as_of is not None else None,
        "complete": complete,
        "register_years": span,
        "in_register": span is not None and span[0] <= year <= span[1],
        "sections": dict(L.SECTIONS),
        "proactive": proactive_section(docs, report, year),
        "applications": {
            "header_cell": L.APPLICATIONS_HEADER_CELL,
            "header_rows": [list(r) for r in L.APPLICATIONS_HEADER_ROWS],
            "columns": list(L.APPLICANT_COLUMNS),
            "rows": [{"label": r.label, "level": r.level, "level1": r.level1, "level2": r.level2}
                     for r in L.APPLICATION_ROWS],
            "table": app_table,
            "checks": [f.to_json() for f in check_applications(app_table)],
        },
        "reviews": {
            "header_rows": [[list(cell) for cell in row] for row in L.REVIEWS_HEADER_ROWS],
            "groups": list(L.REVIEW_GROUPS),
            "columns": list(L.REVIEW_COLUMNS),
            "table": rev_table,
            "row": [rev_table[g][c] for g in L.REVIEW_GROUPS for c in L.REVIEW_COLUMNS],
            "checks": [f.to_json() for f in check_reviews(rev_table)],
        },
        "response_times": response_times(replied, config, calendar, notes),
        "narrative": narrative(report),
        "notes": notes.items,
    }
