"""Year-end clocks: each department's catalog (seed 二(四)3, by 31 December of its year or of the
year before, `measures.catalog_timing`) and self-inspection by 31 December (二(四)4), the
agency's annual report by `report_due` of the next year (Art. 49) and the year's assessment and
conduct review (三(十三)) by the same day, so that the report can state their results (Art. 50).

Calendar dates, not working days: neither deadline moves when it falls on a weekend.
Obligations exist for every year from the register's first year up to the as-of year (and,
with next_year catalogs, the catalog compiled in the as-of year), whether or not that year
has a record yet: a missing year is exactly what the clocks are there to show.
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache

from govdisc.calendar import MAX_YEAR, MIN_YEAR, WorkCalendar
from govdisc.config import Config
from govdisc.deadlines.common import SKIP, day_status, pdate
from govdisc.deadlines.trace import met_note, step
from govdisc.measures import catalog_due, catalog_years
from govdisc.model import Obligation, Record


def record_year(rec: Record) -> int | None:
    """A record's year: its `year` key, else a year folder or file name in its path."""
    y = rec.data.get("year")
    if isinstance(y, int) and not isinstance(y, bool):
        return y
    return path_year(rec.path)


@lru_cache(maxsize=None)
def path_year(path: str) -> int | None:
    """The year folder or file name of a register path (memoised: rules ask for it often)."""
    for part in path.split("/")[1:]:
        stem = part.rsplit(".", 1)[0] if part.endswith((".yaml", ".yml")) else part
        if len(stem) == 4 and stem.isdigit():
            return int(stem)
    return None


YEARLY_KINDS = ("catalog", "review", "activities", "report", "assessment")


def register_years(records: list[Record], config: Config, as_of: date) -> list[int]:
    """The years with year-end duties: every year from the register's first year (config.since,
    else the first year of a catalog, review, activities or report record, so back-filled old
    documents do not conjure duties for years before the register was kept; else the first year
    of any record) up to the as-of year (no obligations invented for the future), including the
    years that have no record at all."""
    first = first_year(records, config)
    if first is None:
        years = [y for rec in records if rec.kind != "config" and (y := record_year(rec)) is not None]
        first = min(years) if years else None
    if first is None:
        return []
    return list(range(max(MIN_YEAR, first), min(as_of.year, MAX_YEAR - 1) + 1))


def first_year(records: list[Record], config: Config) -> int | None:
    if config.since is not None:
        return config.since
    yearly = [y for rec in records if rec.kind in YEARLY_KINDS and (y := record_year(rec)) is not None]
    return min(yearly) if yearly else None


def report_due(config: Config, year: int) -> date:
    """config.report_due ('MM-DD') of the year after; 31 January when it is not a valid date."""
    try:
        month, day = (int(p) for p in config.report_due.split("-"))
        return date(year + 1, month, day)
    except (ValueError, TypeError, AttributeError):
        return date(year + 1, 1, 31)


def yearend_obligations(records: list[Record], config: Config, cal: WorkCalendar, as_of: date,
                        explain: bool = False) -> list[Obligation]:
    """Catalog and review per department and year, annual report per year."""
    by_key: dict[tuple[str, object, int], Record] = {}
    depts = [d.id for d in config.departments]
    for rec in records:
        if rec.kind == "config":
            continue
        y = record_year(rec)
        if y is None:
            continue
        if rec.kind in ("catalog", "review"):
            dept = rec.data.get("department")
            if not isinstance(dept, str):
                parts = rec.path.split("/")
                dept = parts[1] if len(parts) == 3 else None
            if dept:
                by_key.setdefault((rec.kind, dept, y), rec)
                if dept not in depts:
                    depts.append(dept)
        elif rec.kind in ("report", "assessment"):
            by_key.setdefault((rec.kind, None, y), rec)
    years = register_years(records, config, as_of)
    out: list[Obligation] = []
    for y in catalog_years(years, config):
        if y > MAX_YEAR - 1:
            continue
        for dept in depts:
            out += _clock(by_key.get(("catalog", dept, y)), "catalog", f"catalog/{dept}/{y}.yaml",
                          dept, catalog_due(config, y), "compiled", cal, as_of, config, explain, y)
    for y in years:
        for dept in depts:
            out += _clock(by_key.get(("review", dept, y)), "review", f"reviews/{dept}/{y}.yaml",
                          dept, date(y, 12, 31), "submitted", cal, as_of, config, explain, y)
        out += _clock(by_key.get(("report", None, y)), "annual_report", f"reports/{y}.yaml",
                      None, report_due(config, y), ("published", "date"), cal, as_of, config, explain, y)
        out += _clock(by_key.get(("assessment", None, y)), "assessment", f"assessments/{y}.yaml",
                      None, report_due(config, y), "completed", cal, as_of, config, explain, y)
    return out


_TEXT = {
    "catalog": ("编制{y}年度主动公开基本目录", "compile the {y} catalog", "目录编制完成", "catalog compiled"),
    "review": ("报送{y}年度年终自查", "submit the {y} self-inspection", "自查报送局办公室", "self-inspection submitted"),
    "annual_report": ("公布{y}年度政府信息公开工作年度报告（第四十九条）", "publish the {y} annual report (Art. 49)",
                      "年度报告公布", "annual report published"),
    "assessment": ("完成{y}年度政府信息公开工作考核评议（实施办法三（十三）），不晚于年度报告公布期限",
                   "complete the {y} assessment and conduct review (measures 三(十三)), by the annual report's deadline",
                   "考核评议完成", "assessment completed"),
}


def _clock(rec: Record | None, name: str, path: str, dept: str | None, due: date, key,
           cal: WorkCalendar, as_of: date, config: Config, explain: bool, year: int) -> list[Obligation]:
    """One year-end clock; a record without a valid date skips the clock (schema reports it)."""
    met = None
    if rec is not None:
        met = pdate(rec.get(*key) if isinstance(key, tuple) else rec.data.get(key))
        if met is None:
            return []
    try:
        status, left = day_status(cal, due, met, as_of, config)
    except SKIP:
        return []
    ob = Obligation(record=rec.id if rec else path, kind="agency" if dept is None else "department",
                    obligation=name, due=due.isoformat(), status=status, path=rec.path if rec else path,
                    department=dept, days_left=left, met_on=met.isoformat() if met else None)
    if explain:
        zh, en, met_zh, met_en = _TEXT[name]
        ob.trace = [step(min(date(year, 1, 1), due), "start", f"{year}年度", f"year {year}"),
                    step(due, "due", f"截止日期：{zh.format(y=year)}（按自然日，不顺延）",
                         f"deadline: {en.format(y=year)} (calendar date, not moved)")] \
            + met_note(met, due, met_zh, met_en)
        if rec is None:
            ob.trace.append(step(due, "note", f"登记簿中没有 {path}", f"{path} is not in the register"))
    return [ob]
