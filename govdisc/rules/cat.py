"""CAT: 主动公开基本目录 — one catalog per department and year, complete items, all five stages."""

from __future__ import annotations

import re
from typing import Any, Iterator

from govdisc.dates import parse_date
from govdisc.loading.layout import classify
from govdisc.measures import catalog_due, catalog_years
from govdisc.model import Record
from govdisc.codes import Hit, hit, rule
from govdisc.rules.context import Context

#: 五公开 stages in the order the seed lists them.
STAGES: dict[str, str] = {
    "decision": "决策公开",
    "execution": "执行公开",
    "management": "管理公开",
    "service": "服务公开",
    "result": "结果公开",
}
PUBLICATION_DAYS = 20  # 《条例》第二十六条


def _catalog_key(rec: Record) -> tuple[Any, Any]:
    """(department, year) of a catalog: its keys, else its place (catalog/<dept>/<year>.yaml)."""
    dept, year = rec.data.get("department"), rec.data.get("year")
    if not isinstance(dept, str) or not isinstance(year, int):
        spec = classify(rec.path)
        dept = dept if isinstance(dept, str) else spec.dept
        year = year if isinstance(year, int) else spec.year
    return dept, year


def _items(rec: Record) -> list[tuple[int, dict]]:
    items = rec.data.get("items")
    if not isinstance(items, list):
        return []
    return [(i, item) for i, item in enumerate(items) if isinstance(item, dict)]


def _item_label(item: dict, i: int) -> str:
    return item["id"] if isinstance(item.get("id"), str) and item["id"] else f"第{i + 1}项"


@rule(
    "CAT001", "error",
    title=("部门缺少年度主动公开基本目录", "Department without a catalog for the year"),
    message=("部门 {dept}（{name}）没有 {year} 年度主动公开基本目录（catalog/{dept}/{year}.yaml），应于 {due} 前编制完成",
             "department {dept} ({name}) has no proactive-disclosure catalog for {year} "
             "(catalog/{dept}/{year}.yaml); it was due by {due}"),
    basis="《实施办法》二（四）3“每年年底前，各单位部门要完成主动公开基本目录编制工作，并动态更新”"
          "（期限按 govdisc.yaml 的 measures.catalog_timing：当年目录于当年年底前，或下一年度目录于本年年底前）",
    hint=("用 `govdisc new catalog` 为该部门该年度编制目录，写明各事项的主体、内容、时限、方式；"
          "该部门当年已撤销或无公开职责的，在 govdisc.yaml 的部门条目处注明忽略理由。",
          "Compile the catalog with `govdisc new catalog`; if the department did not exist or has no "
          "disclosure duty that year, suppress the finding on its govdisc.yaml entry with the reason."),
    clauses=("二(四)3", "条例第12条"),
    bad="# govdisc.yaml 登记了部门 gbc，但没有 catalog/gbc/2024.yaml",
    good="# catalog/gbc/2024.yaml\ndepartment: gbc\nyear: 2024\ncompiled: 2024-12-20\nitems: [...]",
)
def missing_catalog(ctx: Context) -> Iterator[Hit]:
    years = [y for y in catalog_years(ctx.years, ctx.config) if catalog_due(ctx.config, y) < ctx.as_of]
    if not years:
        return
    have = {_catalog_key(rec) for rec in ctx.kind("catalog")}
    cfg = ctx.config_record
    raw = cfg.data.get("departments") if cfg is not None else None
    entries = [(i, d) for i, d in enumerate(raw) if isinstance(d, dict) and isinstance(d.get("id"), str)] \
        if isinstance(raw, list) else []
    if not entries:  # no config record in memory: fall back to the parsed settings
        entries = [(i, {"id": d.id, "name": d.name}) for i, d in enumerate(ctx.config.departments)]
    for i, dep in entries:
        dept = dep["id"]
        name = dep.get("name") if isinstance(dep.get("name"), str) else dept
        for year in years:
            if (dept, year) not in have:
                yield hit(cfg, ("departments", i), path="govdisc.yaml", dept=dept, name=name, year=year,
                          due=catalog_due(ctx.config, year).isoformat())


def _empty(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    if isinstance(value, (list, dict)):
        return not value
    return False


_FIELDS = (("title", "公开事项（主体）", "subject (title)"), ("content", "内容概述", "content"),
           ("time_limit", "公开时限", "time limit"), ("channels", "公开方式（渠道）", "channels"))


@rule(
    "CAT002", "error",
    title=("目录事项要素不全", "Catalog item incomplete"),
    message=("目录事项 {item} 的{missing}为空", "catalog item {item} has an empty {missing_en}"),
    basis="《实施办法》二（四）3“进一步明确各领域‘五公开’的主体、内容、时限、方式”；《条例》第十二条",
    hint=("补全该事项：title 写公开事项，content 写内容概述，time_limit 写 {days: 20, from: 信息形成或变更之日} "
          "或“常态公开”等文字，channels 至少写一个公开渠道（门户网站、政务新媒体、公报……）。",
          "Fill in title, content, time_limit ({days, from} or text) and at least one channel."),
    bad="- id: BGS-01\n  title: 机构职能\n  content: ''\n  time_limit: ''\n  channels: []",
    good="- id: BGS-01\n  title: 机构职能\n  content: 本局职能、内设机构、办公地址、联系方式\n"
         "  time_limit: {days: 20, from: 信息形成或变更之日}\n  channels: [门户网站]",
    clauses=("二(四)3", "条例第12条"),
)
def incomplete_items(ctx: Context) -> Iterator[Hit]:
    for rec in ctx.kind("catalog"):
        for i, item in _items(rec):
            missing = []
            for key, zh, en in _FIELDS:
                if key not in item:
                    continue  # a missing required key is a schema finding (REG005)
                value = item[key]
                if key == "channels" and isinstance(value, list):
                    empty = not any(isinstance(c, str) and c.strip() for c in value)
                elif key == "time_limit" and isinstance(value, dict):
                    empty = value.get("days") is None
                else:
                    empty = _empty(value)
                if empty:
                    missing.append((key, zh, en))
            if not missing:
                continue
            pointer = ("items", i, missing[0][0]) if len(missing) == 1 else ("items", i)
            yield hit(rec, pointer, item=_item_label(item, i),
                      missing="、".join(zh for _, zh, _ in missing),
                      missing_en=", ".join(en for _, _, en in missing))


@rule(
    "CAT003", "warning",
    title=("目录未覆盖“五公开”某一环节", "Catalogs cover no item of an openness stage"),
    message=("{whose} {year} 年度目录没有属于“{stage}”环节的事项", "the {year} catalog{whose_en} has no item of stage '{stage_en}'"),
    basis="《实施办法》一（一）、一（三）、二（四）3 推进决策公开、执行公开、管理公开、服务公开和结果公开（“五公开”），"
          "“进一步明确各领域‘五公开’的主体、内容、时限、方式”（本机关整体的义务；govdisc.yaml 的 "
          "measures.five_openness: department 时逐个部门判断）",
    hint=("梳理该环节应公开的内容（如决策公开：决策草案、决策依据；结果公开：政策执行效果、审计结果），"
          "在相应部门的目录中增加事项并标注 stage。",
          "Add items for the missing stage to the catalog of the department concerned and set their `stage`."),
    bad="# 全局各部门 2024 年度目录合计\nitems:\n  - {id: BGS-01, stage: decision, ...}\n  - {id: ZCFG-01, stage: decision, ...}",
    good="items:\n  - {id: BGS-01, stage: decision, ...}\n  - {id: BGS-02, stage: execution, ...}\n"
         "  - {id: ZCFG-01, stage: management, ...}\n  - {id: ZCFG-02, stage: service, ...}\n"
         "  - {id: XXZX-01, stage: result, ...}",
    clauses=("一(三)", "二(四)3"),
)
def missing_stage(ctx: Context) -> Iterator[Hit]:
    by_year: dict[int, list[Record]] = {}
    for rec in ctx.kind("catalog"):
        if not isinstance(rec.data.get("items"), list):
            continue
        dept, year = _catalog_key(rec)
        if ctx.config.measures.five_openness == "department":
            covered = {item.get("stage") for _, item in _items(rec)}
            for stage, zh in STAGES.items():
                if stage not in covered:
                    yield hit(rec, ("items",), anchor="key", whose=dept, whose_en=f" of {dept}", year=year,
                              stage=zh, stage_en=stage)
        elif isinstance(year, int):
            by_year.setdefault(year, []).append(rec)
    for year, recs in sorted(by_year.items()):
        covered = {item.get("stage") for rec in recs for _, item in _items(rec)}
        office = next((r for r in recs if _catalog_key(r)[0] == ctx.config.office), recs[0])
        for stage, zh in STAGES.items():
            if stage not in covered:
                yield hit(office, ("items",), anchor="key", whose="本机关各部门", whose_en="s of all departments",
                          year=year, stage=zh, stage_en=stage)


@rule(
    "CAT004", "warning",
    title=("目录编制晚于年底期限", "Catalog compiled after its year-end deadline"),
    message=("{year} 年度目录的编制完成日期 {compiled} 晚于 {due}",
             "the {year} catalog was compiled on {compiled}, after {due}"),
    basis="《实施办法》二（四）3“每年年底前，各单位部门要完成主动公开基本目录编制工作”"
          "（期限按 govdisc.yaml 的 measures.catalog_timing）",
    hint=("年度目录应在期限（当年或上一年的 12 月 31 日，见 measures.catalog_timing）前编制完成；"
          "核对 compiled 是否笔误，之后的修改记入 updated。",
          "Compile the catalog by its deadline (31 December of its year, or of the year before: "
          "measures.catalog_timing); later changes go in `updated`."),
    bad="year: 2024\ncompiled: 2025-01-15", good="year: 2024\ncompiled: 2024-12-20\nupdated: 2025-01-15",
    clauses=("二(四)3",),
)
def compiled_late(ctx: Context) -> Iterator[Hit]:
    for rec in ctx.kind("catalog"):
        compiled = parse_date(rec.data.get("compiled"))
        _, year = _catalog_key(rec)
        if compiled is None or not isinstance(year, int):
            continue
        due = catalog_due(ctx.config, year)
        if compiled > due:
            yield hit(rec, ("compiled",), year=year, compiled=compiled.isoformat(), due=due.isoformat())


_TITLE = re.compile(r"《([^》]*)》")
#: Titles that set (not extend) the 20-working-day period: they cannot justify a longer one.
_OGI = re.compile(r"^(条例|.*政府信息公开条例|.*政务公开.*(实施办法|规定|细则)|实施办法)$")


def _basis_problem(basis: Any) -> tuple[str, str] | None:
    if _empty(basis) or not isinstance(basis, str):
        return "没有写明公开依据（basis）", "no legal basis (basis) is given"
    titles = _TITLE.findall(basis)
    if titles and all(_OGI.match(t.strip()) for t in titles):
        return (f"公开依据“{basis.strip()}”只引用了政府信息公开的一般规定，而其时限为20个工作日",
                f"its basis '{basis.strip()}' cites only the general disclosure rules, whose period is 20 working days")
    return None


@rule(
    "CAT005", "warning",
    title=("公开时限超过20个工作日且无法定依据", "Time limit beyond 20 working days without a legal basis"),
    message=("目录事项 {item} 的公开时限为 {days} 个工作日，超过20个工作日，但{problem}",
             "catalog item {item} allows {days} working days, more than 20, but {problem_en}"),
    basis="《条例》第二十六条“应当自该政府信息形成或者变更之日起20个工作日内及时公开。法律、法规对政府信息公开的期限另有规定的，从其规定”",
    hint=("将时限改为不超过20个工作日；确有法律、法规另行规定期限的，在 basis 中写明该法律法规的名称和条款。",
          "Shorten the limit to 20 working days, or name the law or regulation that sets the longer period in `basis`."),
    bad="time_limit: {days: 30, from: 信息形成之日}\nbasis: 《条例》第二十条",
    good="time_limit: {days: 20, from: 信息形成之日}\nbasis: 《条例》第二十条",
    clauses=("二(四)3", "条例第26条"),
)
def long_time_limit(ctx: Context) -> Iterator[Hit]:
    for rec in ctx.kind("catalog"):
        for i, item in _items(rec):
            limit = item.get("time_limit")
            days = limit.get("days") if isinstance(limit, dict) else None
            if not isinstance(days, int) or isinstance(days, bool) or days <= PUBLICATION_DAYS:
                continue
            problem = _basis_problem(item.get("basis"))
            if problem is not None:
                yield hit(rec, ("items", i, "time_limit", "days"), item=_item_label(item, i), days=days,
                          problem=problem[0], problem_en=problem[1])


@rule(
    "CAT006", "error",
    title=("负面清单事项没有法律依据", "Negative-list entry without a legal basis"),
    message=("负面清单事项“{matter}”没有写明不予公开的法律、法规依据（basis）",
             "negative-list entry “{matter}” gives no law or regulation for withholding it (basis)"),
    basis="《实施办法》一（三）“依法积极稳妥实行政务公开负面清单制度”；《条例》第十三条至第十六条（除法定情形外，政府信息应当公开）",
    hint=("在 basis 中写明不予公开所依据的法律、法规名称和条款（用书名号），例如 《条例》第十四条；"
          "找不到法定依据的事项应删除并纳入主动公开。",
          "Name the law or regulation (in 《》 with its article) in basis; an entry with no legal basis must be "
          "removed and disclosed."),
    bad="negative_list:\n  - {matter: 安全播出保障方案, basis: 内部规定}",
    good="negative_list:\n  - {matter: 安全播出保障方案中的台站点位, basis: 《条例》第十四条；《广播电视设施保护条例》第七条}",
    clauses=("一(三)", "条例第13条"),
)
def negative_list_without_basis(ctx: Context) -> Iterator[Hit]:
    for rec in ctx.kind("catalog"):
        for i, entry in enumerate(rec.seq("negative_list")):
            if not isinstance(entry, dict):
                continue
            basis = entry.get("basis")
            if isinstance(basis, str) and _TITLE.search(basis):
                continue
            matter = entry.get("matter") if isinstance(entry.get("matter"), str) else f"第{i + 1}项"
            yield hit(rec, ("negative_list", i, "basis") if "basis" in entry else ("negative_list", i),
                      anchor="value" if "basis" in entry else "parent", matter=matter)
