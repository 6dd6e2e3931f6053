"""REG: the register's structure — files, syntax, schema, identities and references."""

from __future__ import annotations

from typing import Iterator

from govdisc.config import PLACEHOLDER_AGENCY
from govdisc.dates import is_date, zone
from govdisc.loading.layout import classify
from govdisc.model import Record
from govdisc.codes import Hit, declare, hit, rule
from govdisc.rules.context import Context
from govdisc.rules.engine import per_record

declare(
    "REG020", "error",
    title=("规则内部错误", "Internal error in a rule"),
    message=("规则 {rule} 检查本记录时发生内部错误（{error}）；本记录的该项检查未完成，其余检查照常进行。请向 govdisc 报告此问题",
             "rule {rule} failed on this record with an internal error ({error}); that check is incomplete for this record, all others ran. Please report this to govdisc"),
    basis="—",
    hint=("这是 govdisc 的缺陷，不是登记簿的错误：请附上该记录向维护者报告（设置环境变量 GOVDISC_DEBUG=1 可在标准错误输出中看到详细的出错位置）；"
          "修复前可在该文件中用 # govdisc: ignore[REG020] 加理由暂时跳过。",
          "This is a defect in govdisc, not in the register: report it with the record (GOVDISC_DEBUG=1 prints where it failed to stderr); "
          "meanwhile `# govdisc: ignore[REG020] <reason>` in that file silences it."),
)
declare(
    "REG014", "warning",
    title=("忽略注释缺少理由", "Suppression without a reason"),
    message=("忽略注释 ignore[{codes}] 没有写明理由", "the suppression ignore[{codes}] gives no reason"),
    basis="登记簿约定：每一处忽略都须说明理由，以备检查",
    hint=("在方括号后写明理由，例如 # govdisc: ignore[DOC004] 经局领导批准延期公开", "Write the reason after the brackets."),
    bad="# govdisc: ignore[DOC004]", good="# govdisc: ignore[DOC004] 经局领导批准延期公开",
)
declare(
    "REG015", "info",
    title=("未使用的忽略注释", "Unused suppression"),
    message=("忽略注释 ignore[{codes}] 没有对应的问题，可以删除", "the suppression ignore[{codes}] matches no finding and can be removed"),
    basis="—",
    hint=("删除这条注释。", "Delete the comment."),
)


#: Kinds whose file place carries the record's year (and, for the first two, its department).
_YEARLY_PLACES = ("catalog", "review", "activities", "report", "assessment")

_ID_KEYS = {"document": "doc_no", "application": "id", "opinion": "id", "meeting": "id", "participation": "id"}


@rule(
    "REG007", "error",
    title=("编号或发文字号重复", "Duplicate id or 发文字号"),
    message=("{key} {value} 与 {other} 重复", "{key} {value} is also used by {other}"),
    basis="登记簿约定：编号（申请、舆情、会议共用一套）、发文字号在登记簿内唯一",
    hint=("为其中一条记录改正编号；若是同一文件的两份副本，删除其一。申请和舆情也不能同号（govdisc event 按编号找记录）。",
          "Give one record another id, or delete the copy. An application and an opinion may not share an id either "
          "(govdisc event finds records by id)."),
    bad="# documents/2024/a.yaml 与 b.yaml 都写\ndoc_no: 云岭新广发〔2024〕3号",
    good="# b.yaml\ndoc_no: 云岭新广发〔2024〕4号",
    clauses=(),
)
def duplicate_ids(ctx: Context) -> Iterator[Hit]:
    # one namespace for every `id` (an application and an opinion may not share one: `govdisc
    # event ID` could not tell them apart), another for 发文字号
    seen: dict[tuple[str, str], str] = {}
    for kind, key in _ID_KEYS.items():
        for rec in ctx.kind(kind):
            value = rec.data.get(key)
            if not isinstance(value, str):
                continue
            if (key, value) in seen:
                yield hit(rec, (key,), key=key, value=value, other=seen[(key, value)])
            else:
                seen[(key, value)] = rec.path
    items: dict[tuple, str] = {}
    for rec in ctx.kind("catalog"):
        for i, item in enumerate(rec.seq("items")):
            if isinstance(item, dict) and isinstance(item.get("id"), str):
                k = (rec.data.get("year"), item["id"])
                if k in items:
                    yield hit(rec, ("items", i, "id"), key="目录事项 id", value=item["id"], other=items[k])
                else:
                    items[k] = rec.path


def _dept_refs(rec) -> Iterator[tuple[tuple, str]]:
    d = rec.data
    for key in {"catalog": ("department",), "document": ("department",), "application": ("handler",),
                "opinion": ("lead",), "review": ("department",), "participation": ("department",)}.get(rec.kind, ()):
        if isinstance(d.get(key), str):
            yield (key,), d[key]
    if rec.kind == "config" and isinstance(d.get("office"), str):
        yield ("office",), d["office"]
    if rec.kind == "catalog":
        for i, item in enumerate(rec.seq("items")):
            if isinstance(item, dict) and isinstance(item.get("responsible"), str):
                yield ("items", i, "responsible"), item["responsible"]
    if rec.kind == "meeting":
        for i, item in enumerate(rec.seq("items")):
            if isinstance(item, dict) and isinstance(item.get("department"), str):
                yield ("items", i, "department"), item["department"]
    if rec.kind == "activities":
        for i, e in enumerate(rec.seq("entries")):
            if isinstance(e, dict) and isinstance(e.get("department"), str):
                yield ("entries", i, "department"), e["department"]
    if rec.kind == "assessment":
        for i, a in enumerate(rec.seq("accountability")):
            if isinstance(a, dict) and isinstance(a.get("department"), str):
                yield ("accountability", i, "department"), a["department"]


@rule(
    "REG008", "error",
    title=("引用了不存在的部门", "Unknown department"),
    message=("部门 {dept} 未在 govdisc.yaml 的 departments 中登记", "department '{dept}' is not listed in govdisc.yaml departments"),
    basis="登记簿约定：部门以 govdisc.yaml 中的 id 引用",
    hint=("改为 govdisc.yaml 中已登记的部门 id，或在 departments 中新增该部门。",
          "Use a listed department id, or add the department to govdisc.yaml."),
    bad="department: bangongshi", good="department: bgs",
)
def unknown_departments(ctx: Context) -> Iterator[Hit]:
    known = ctx.department_ids
    if not known:
        return
    for rec in ctx.records:
        for pointer, dept in _dept_refs(rec):
            if dept not in known:
                yield hit(rec, pointer, dept=dept)


@rule(
    "REG009", "error",
    title=("引用了不存在的公文", "Unknown document"),
    message=("引用的发文字号 {doc_no} 在登记簿中没有对应的公文记录", "the referenced 发文字号 {doc_no} has no document record"),
    basis="登记簿约定：引用的公文须在 documents/ 中登记",
    hint=("核对发文字号（括号应为〔〕），或先登记该公文。", "Check the number (brackets 〔〕) or register the document first."),
    bad="documents: [云岭新广发[2024]12号]", good="documents: [云岭新广发〔2024〕12号]",
)
def unknown_documents(ctx: Context) -> Iterator[Hit]:
    known = ctx.documents_by_no
    for rec in ctx.records:
        for pointer, no in document_refs(rec):
            if no not in known:
                yield hit(rec, pointer, doc_no=no)


def document_refs(rec: Record) -> Iterator[tuple[tuple, str]]:
    """(pointer, 发文字号) of every reference a record makes to a document (`check --fix`
    corrects them with the number)."""
    if rec.kind == "application":
        for i, no in enumerate(rec.seq("documents")):
            if isinstance(no, str):
                yield ("documents", i), no
    places = {"review": ("withheld_reexamined", "document"), "activities": ("entries", "document")}
    if rec.kind in places:
        key, field_ = places[rec.kind]
        for i, item in enumerate(rec.seq(key)):
            no = item.get(field_) if isinstance(item, dict) else None
            if isinstance(no, str):
                yield (key, i, field_), no
    if rec.kind == "activities":  # normative-document clean-ups (三(十))
        for i, _ in enumerate(rec.seq("entries")):
            for key in ("continued", "amended", "repealed"):
                for j, no in enumerate(rec.seq("entries", i, "cleanup", key)):
                    if isinstance(no, str):
                        yield ("entries", i, "cleanup", key, j), no
    if rec.kind == "participation":
        no = rec.get("decision", "document")
        if isinstance(no, str):
            yield ("decision", "document"), no


@rule(
    "REG010", "error",
    title=("引用了不存在的目录事项", "Unknown catalog item"),
    message=("目录事项 {item} 不在任何主动公开基本目录中", "catalog item {item} is in no catalog"),
    basis="《实施办法》二（四）3：主动公开基本目录",
    hint=("核对事项编号，或在本部门当年的目录 catalog/<部门>/<年度>.yaml 中增加该事项。",
          "Check the item id, or add the item to the department's catalog of that year."),
    bad="catalog_item: BGS-99", good="catalog_item: BGS-03",
    clauses=("二(四)3",),
)
def unknown_catalog_items(ctx: Context) -> Iterator[Hit]:
    known = ctx.all_catalog_item_ids
    for rec in ctx.kind("document"):
        item = rec.data.get("catalog_item")
        if isinstance(item, str) and item not in known:
            yield hit(rec, ("catalog_item",), item=item)


@rule(
    "REG012", "error",
    title=("记录内容与文件位置不一致", "Record does not match its place"),
    message=("{key} 为 {value}，与文件位置 {place} 不一致（应为 {expected}）",
             "{key} is {value}, which does not match the file's place {place} (expected {expected})"),
    basis="登记簿目录约定（docs/register-format.md）",
    hint=("改正字段，或把文件移到对应的目录/文件名。", "Fix the key, or move/rename the file to match."),
    bad="# applications/2024/YSQ-2024-0007.yaml\nid: YSQ-2024-0008", good="id: YSQ-2024-0007",
)
@per_record()
def place_mismatch(rec: Record) -> Iterator[Hit]:
    d = rec.data
    if rec.kind in _YEARLY_PLACES:  # only these have a department or year in the path to match
        spec = classify(rec.path)
        if rec.kind in ("catalog", "review") and isinstance(d.get("department"), str) \
                and d["department"] != spec.dept:
            yield hit(rec, ("department",), key="department", value=d["department"], place=rec.path,
                      expected=spec.dept)
        if isinstance(d.get("year"), int) and d["year"] != spec.year:
            yield hit(rec, ("year",), key="year", value=d["year"], place=rec.path, expected=spec.year)
    if rec.kind == "application" and isinstance(d.get("id"), str):
        stem = rec.path.rsplit("/", 1)[-1].rsplit(".", 1)[0]
        if d["id"] != stem:
            yield hit(rec, ("id",), key="id", value=d["id"], place=rec.path, expected=stem)




@rule(
    "REG021", "error",
    title=("未知的时区", "Unknown time zone"),
    message=("timezone 为 {value}，不是 IANA 时区名称；舆情等按小时计算的期限无法计算", "timezone is {value}, which is not an IANA time zone name; hour-based clocks such as public-opinion responses cannot run"),
    basis="IANA 时区数据库（tz database）",
    hint=("写完整的时区名称，例如 Asia/Shanghai；不写则默认 Asia/Shanghai。",
          "Write a full zone name such as Asia/Shanghai, or leave timezone out (default Asia/Shanghai)."),
    bad="timezone: Asia/Shangai", good="timezone: Asia/Shanghai",
)
@per_record("config")
def unknown_timezone(rec: Record) -> Iterator[Hit]:
    name = rec.data.get("timezone")
    if isinstance(name, str) and name:
        try:
            zone(name)
        except (KeyError, ValueError):
            yield hit(rec, ("timezone",), value=name)


@rule(
    "REG011", "info",
    title=("期限所在年度的官方节假日安排未知", "Holiday schedule unknown for a deadline's year"),
    message=("{obligation} 的期限 {due} 所在年度的国务院节假日安排尚未收录，期限为暂定",
             "the {obligation} deadline {due} falls in a year whose official holiday schedule is unknown; it is provisional"),
    basis="国务院办公厅年度节假日安排通知",
    hint=("在 govdisc.yaml 的 calendar.holidays / calendar.workdays 中录入该年度的放假和调休上班日期，或升级 holidays 包。",
          "Enter that year's holidays and make-up working days in calendar.holidays / calendar.workdays, or upgrade the holidays package."),
    bad="# 期限落在 2028 年，而 holidays 包尚无 2028 年安排",
    good="calendar:\n  holidays: [2028-01-01]\n  workdays: [2028-01-29]",
)
def provisional_deadlines(ctx: Context) -> Iterator[Hit]:
    for ob in ctx.obligations:
        if ob.provisional and ob.is_open:
            yield hit(ctx.record_at(ob.path), ob.pointer, path=ob.path, obligation=ob.obligation, due=ob.due)


@rule(
    "REG022", "warning",
    title=("设置了不存在的规则代码", "Setting for an unknown rule code"),
    message=("govdisc.yaml 的 rules 中设置了 {code}，但没有这条规则，设置不起作用{suggestion}",
             "govdisc.yaml sets {code} under rules, but there is no such rule, so the setting does nothing{suggestion_en}"),
    basis="登记簿约定：rules 按 govdisc rules 列出的规则代码调整级别",
    hint=("改为 govdisc rules 列出的规则代码，或删除这一行。", "Use a code that `govdisc rules` lists, or delete the line."),
    bad="rules:\n  DOC040: warning", good="rules:\n  DOC004: warning",
    clauses=(),
)
@per_record("config")
def unknown_rule_codes(rec: Record) -> Iterator[Hit]:
    import difflib

    from govdisc.codes import REGISTRY

    for key in rec.mapping("rules"):
        if isinstance(key, str) and key[:3].isalpha() and key[:3].isupper() and key not in REGISTRY:
            near = difflib.get_close_matches(key, sorted(REGISTRY), n=1)
            yield hit(rec, ("rules", key), anchor="key", code=key,
                      suggestion=f"；是否应为 {near[0]}？" if near else "",
                      suggestion_en=f"; did you mean {near[0]}?" if near else "")


@rule(
    "REG023", "error",
    title=("机关全称未填写", "Agency name not filled in"),
    message=("govdisc.yaml 的 agency 仍是 govdisc init 留下的占位文字“{agency}”", "agency in govdisc.yaml is still the placeholder '{agency}' that govdisc init left"),
    basis="《条例》第四十九条：年度报告以本行政机关名义向社会公布；报告、自查和日历文件均写明机关全称",
    hint=("把 agency 改为本机关全称，例如 agency: 云岭省新闻出版广电局。", "Write the agency's full name, e.g. agency: 云岭省新闻出版广电局."),
    bad="agency: （请填写机关全称）", good="agency: 云岭省新闻出版广电局",
    clauses=("条例第49条",),
)
@per_record("config")
def placeholder_agency(rec: Record) -> Iterator[Hit]:
    if rec.data.get("agency") == PLACEHOLDER_AGENCY:
        yield hit(rec, ("agency",), agency=PLACEHOLDER_AGENCY)


#: the dates clocks start from (an event's date can only follow these)
CLOCK_STARTS = {"application": ("submitted", "signed_for", "confirmed"), "document": ("formed", "approved")}


@rule(
    "REG024", "warning",
    title=("日期超出工作日历范围", "Date outside the working-day calendar"),
    message=("日期 {date} 不在工作日历的范围（{first}—{last} 年）内，由它起算的期限无法计算；请核对是否笔误",
             "the date {date} is outside the working-day calendar ({first}–{last}), so no deadline can be counted "
             "from it; check it for a typo"),
    basis="工作日历自 1995 年（全国实行五天工作制）起；《条例》第三十三条、第二十六条的期限按工作日计算",
    hint=("改正日期（常见为年份笔误，如 1990 应为 2019 或 2020）。", "Correct the date (usually a mistyped year)."),
    bad="submitted: 1990-11-02", good="submitted: 2019-11-02",
    clauses=("条例第33条", "条例第26条"),
)
@per_record("application", "document")
def dates_outside_calendar(rec: Record) -> Iterator[Hit]:
    from govdisc.calendar import MAX_YEAR, MIN_YEAR

    for key in CLOCK_STARTS[rec.kind]:
        value = rec.data.get(key)
        if isinstance(value, str) and is_date(value) and not MIN_YEAR <= int(value[:4]) <= MAX_YEAR:
            yield hit(rec, (key,), date=value, first=MIN_YEAR, last=MAX_YEAR)
