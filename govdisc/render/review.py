"""The year-end self-inspection report (年终自查, seed 二（四）4) rendered from `review_data()`.

    render_review(data, fmt, meta) -> bytes     fmt: "md" | "html" | "docx"
    review_view(data, meta) -> dict             the format-neutral content, for templates

Part 一 is agency-wide (leadership duties, training); part 二 covers each department (one
chapter per department, or the one department asked for, without a chapter heading of its
own) in the items of DEPARTMENT_ITEMS: submission, the department's applications,
re-examination of withheld documents, frequently requested information, conversions to
proactive disclosure, catalog, policy interpretation, public-opinion responses, the
department's own findings and rectification, and the problems the register check finds in its
records. An item is a function (dept, ctx) -> blocks; a new item is one more entry in the list.

The body ends with the 落款; how the report was made (as-of date, commit, generator) is in
the document properties, as for the annual report.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

from govdisc.render.annual import FORMATS, render_docx, render_text
from govdisc.render.env import zh_date
from govdisc.render.grid import UNKNOWN, simple_grid
from govdisc.render.meta import ReportMeta

CN_NUM = "一二三四五六七八九十"
SEVERITY = {"error": "错误", "warning": "警告", "info": "提示"}


def _cn(i: int) -> str:
    """1 → 一 … 10 → 十, 11 → 十一, 21 → 二十一 (enough for the departments of one agency)."""
    if i <= 10:
        return CN_NUM[i - 1]
    tens, ones = divmod(i, 10)
    return (CN_NUM[tens - 1] if tens > 1 else "") + "十" + (CN_NUM[ones - 1] if ones else "")


def _d(value: str | None) -> str:
    return zh_date(value) if value else UNKNOWN


def _dt(value: str | None, year: int | None = None) -> str:
    """ISO date-time → 2024年7月8日 10:20 (local time as recorded); 7月8日 10:20 in `year`."""
    if not value:
        return UNKNOWN
    day, _, rest = value.partition("T")
    return f"{_dy(day, year)} {rest[:5]}".strip()


def _dy(value: str | None, year: int | None) -> str:
    """A date in a table of several date columns: 6月20日 when it falls in the report's year
    (the year is in the heading), 2025年1月2日 otherwise — so that each fits on one line."""
    if not value:
        return UNKNOWN
    if year is not None and value[:4] == str(year):
        return zh_date(value).split("年", 1)[1]
    return zh_date(value)


def _v(value) -> str:
    return UNKNOWN if value in (None, "") else str(value)


def _p(text: str) -> dict:
    return {"type": "paragraph", "text": text}


def _h(text: str, level: int) -> dict:
    return {"type": "heading", "text": text, "level": level}


def _t(grid) -> dict:
    return {"type": "table", "grid": grid}


def title_of(data: dict, agency: str) -> str:
    year = data["year"]
    if data.get("department"):
        dept = data["departments"][0]["name"]
        return f"{agency}{dept}{year}年度政务公开年终自查情况报告"
    return f"{agency}{year}年度政务公开年终自查情况报告"


#: a catalog item code in register text: BGS-05, ZCFG-12
_CODE = re.compile(r"(?<![A-Za-z0-9-])([A-Z][A-Z0-9]*-\d+)(?![\d（(])")


def with_names(text: str | None, names: dict[str, str]) -> str:
    """Register text with each catalog item code followed by its title: "BGS-05（部门预算…）"."""
    if not text:
        return _v(text)
    return _CODE.sub(lambda m: f"{m.group(1)}（{names[m.group(1)]}）" if m.group(1) in names else m.group(1), text)


@dataclass(frozen=True)
class Context:
    """What every department item may need besides the department's own data."""

    year: int
    threshold: int
    as_of: str
    names: dict[str, str]  # catalog item code → title
    office: str  # the name of the office the departments submit to ("局办公室")

    def text(self, value: str | None) -> str:
        return with_names(value, self.names)


# -- part 一 -----------------------------------------------------------------------------------------


def agency_blocks(data: dict) -> list[dict]:
    act = data["activities"]
    duties = act["duties"]
    short = [d for d in duties if d["met"] is False]
    head = (f"{data['year']}年，" + "，".join(f"{d['label']}{d['count']}次" for d in duties if d["count"]) + "。") \
        if any(d["count"] for d in duties) else f"{data['year']}年度没有登记领导履职、培训和发布活动。"
    blocks = [_p(head)]
    if short:
        blocks.append(_p("未达到要求的：" + "；".join(f"{d['label']}（{d['basis']}），全年{d['count']}次" for d in short)
                         + "。"))
    else:
        blocks.append(_p("局领导履职和培训的年度要求均已达到。"))
    rows = []
    for d in duties:
        if d["minimum"] is None and not d["count"]:
            continue
        need = f"不少于{d['minimum']}次" if d["minimum"] else "—"
        state = UNKNOWN if d["met"] is None else ("达到" if d["met"] else "未达到")
        rows.append([d["label"], d["count"], need, d["basis"] or UNKNOWN, state])
    blocks.append(_t(simple_grid(["事项", "年内次数", "要求", "依据", "情况"], rows, widths=[3.4, 1.2, 1.6, 3.6, 1.2],
                                 align=["left", "center", "center", "left", "center"], font_pt=9)))
    training = act["training"]
    blocks.append(_h("（二）学习培训和考试情况", 2))
    if training:
        n_train = sum(1 for e in training if e["type"] == "training")
        n_exam = sum(1 for e in training if e["type"] == "exam")
        blocks.append(_p(f"全年组织政务公开学习培训{n_train}次、考试{n_exam}次，参加培训{act['participants']}人次。"))
        blocks.append(_t(simple_grid(
            ["日期", "类别", "内容", "组织部门", "参加人数"],
            [[_d(e["date"]), e["type_label"], _v(e["title"]), _v(e["department_name"]),
              e["participants"] if e["participants"] is not None else UNKNOWN] for e in training],
            widths=[2.8, 2.4, 4.4, 1.6, 1.4], align=["center", "center", "left", "center", "center"], font_pt=9)))
    else:
        blocks.append(_p("全年没有登记政务公开学习培训和考试。"))
    others = [e for e in act["entries"] if e["type"] not in ("training", "exam")]
    if others:
        blocks.append(_h("（三）领导履职和发布解读活动明细", 2))
        blocks.append(_t(simple_grid(
            ["日期", "类别", "内容", "部门"],
            [[_d(e["date"]), e["type_label"], _v(e["title"]), _v(e["department_name"])] for e in others],
            widths=[2.8, 3.0, 5.2, 1.6], align=["center", "center", "left", "center"], font_pt=9)))
    return [_h("（一）局领导履职情况", 2)] + blocks


# -- part 二: one function per item, in DEPARTMENT_ITEMS order ----------------------------------------


def submission_item(dept: dict, ctx: Context) -> list[dict]:
    """Submitted to the office on time — or, for the office itself, completed on time."""
    rv = dept["review"]
    name, year, own = dept["name"], ctx.year, dept["is_office"]
    done = "完成" if own else f"向{ctx.office}报送"
    if not rv["exists"]:
        return [_p(f"{name}未{done}{year}年度年终自查（登记簿中没有自查记录），应于{_d(rv['due'])}前{done}。")]
    if not rv["submitted"]:
        return [_p(f"{name}的{year}年度年终自查未填写{'完成' if own else '报送'}日期。")]
    state = rv["status_label"] or UNKNOWN
    if own:
        state = state.replace("报送", "完成")
    return [_p(f"{name}于{_d(rv['submitted'])}{done}{year}年度年终自查（期限为{_d(rv['due'])}，{state}）。")]


def applications_item(dept: dict, ctx: Context) -> list[dict]:
    a = dept["applications"]
    until = _d(a["until"])
    if not (a["received"] or a["answered"] or a["open"]):
        return [_p("本年度本部门没有承办政府信息公开申请。")]
    text = f"本年度本部门承办政府信息公开申请，新收{a['received']}件，答复{a['answered']}件"
    if a["answered"]:
        parts = [f"按期{a['in_time']}件"] + ([f"逾期{a['late']}件"] if a["late"] else []) \
            + ([f"不计答复期限{a['not_judged']}件"] if a["not_judged"] else [])
        text += "（" + "、".join(parts) + "）"
    if a["open"]:
        overdue = sum(1 for i in a["open"] if i["status"] == "overdue")
        text += f"；截至{until}尚未答复{len(a['open'])}件"
        if overdue:
            text += f"，其中{overdue}件已超过答复期限"
    else:
        text += f"；截至{until}没有尚未答复的申请"
    blocks = [_p(text + "。")]
    rows = []
    for i in a["late_items"] + a["open"]:
        if i["replied"]:
            state = f"{_dy(i['replied'], ctx.year)}答复（{i['status_label'] or UNKNOWN}）"
        else:
            state = f"尚未答复（{i['status_label'] or UNKNOWN}）"
        rows.append([i["id"], _dy(i["received"], ctx.year), _dy(i["due"], ctx.year), state])
    if rows:
        blocks.append(_t(simple_grid(["申请编号", "收到申请", "答复期限", "办理情况"], rows, widths=[2.8, 2.6, 2.6, 4.4],
                                     align=["left", "center", "center", "left"], font_pt=9)))
    return blocks


def withheld_item(dept: dict, ctx: Context) -> list[dict]:
    w = dept["withheld"]
    if not w:
        blocks = [_p("本年度本部门没有形成不予公开、依申请公开或删减后公开的公文。")]
    else:
        done = [r for r in w if r["reexamined"]]
        counts: dict[str, int] = {}
        for r in done:
            counts[r["conclusion_label"] or UNKNOWN] = counts.get(r["conclusion_label"] or UNKNOWN, 0) + 1
        result = "（" + "、".join(f"{k}{v}件" for k, v in counts.items()) + "）" if counts else ""
        text = f"本年度本部门形成不予公开、依申请公开或删减后公开的公文{len(w)}件，"
        if not dept["not_reexamined"]:
            text += f"均已复查{result}"
        else:
            text += (f"已复查{len(done)}件{result}，" if done else "") \
                + f"未复查{len(dept['not_reexamined'])}件：{'、'.join(dept['not_reexamined'])}"
        blocks = [_p(text + "。")]
        rows = []
        for r in w:
            attr = r["disclosure_label"]
            if r["now_public"]:
                attr += "（复查后变更）"
            reason = r["reason_label"] or UNKNOWN
            if r["explanation"]:
                reason += f"：{ctx.text(r['explanation'])}"
            if r["reexamined"]:
                conclusion = r["conclusion_label"] or UNKNOWN
                if r["conclusion"] in ("proactive", "disclose"):
                    conclusion += f"（{'已于' + _d(r['published']) + '公开' if r['published'] else '尚未公开'}）"
            else:
                conclusion = "未复查"
            rows.append([r["doc_no"], _v(r["title"]), attr, reason, conclusion, ctx.text(r["conclusion_reason"])])
        blocks.append(_t(simple_grid(["发文字号", "标题", "公开属性", "不予公开理由", "复查结论", "复查意见"], rows,
                                     widths=[2.4, 3.0, 1.9, 3.2, 1.9, 3.2], font_pt=9)))
    for o in dept["reexamined_other"]:
        if o["known"]:
            blocks.append(_p(f"自查还复查了 {o['doc_no']}《{_v(o['title'])}》（形成于{_d(o['formed'])}，不属于本部门本年度"
                             f"不予公开的公文），结论为{_v(o['conclusion_label'])}。"))
        else:
            blocks.append(_p(f"自查复查的 {o['doc_no']} 在登记簿中没有对应的公文记录，结论为{_v(o['conclusion_label'])}。"))
    return blocks


def frequent_item(dept: dict, ctx: Context) -> list[dict]:
    fr = dept["frequent"]
    if not fr:
        blocks = [_p(f"本年度本部门承办的申请中，没有同一事项达到{ctx.threshold}件以上（较为集中）的情况。")]
    else:
        open_ = [f for f in fr if not f["examined"]]
        blocks = [_p(f"本年度同一事项申请达到{ctx.threshold}件以上、本部门参与承办的有{len(fr)}项"
                     + (f"，其中{len(open_)}项未在年终自查中研究是否转为主动公开。" if open_
                        else "，均已在年终自查中研究处理。"))]
        rows = []
        for f in fr:
            subject = f["subject"] + (f"《{f['title']}》" if f["title"] else "")
            e = f["entry"]
            rows.append([f"{f['kind_label']}：{subject}", f"{f['count']}件（{f['handler_names']}）",
                         "、".join(f["applications"]), e["action_label"] if e else "未研究处理",
                         ctx.text(e["note"]) if e else UNKNOWN])
        blocks.append(_t(simple_grid(["事项", "申请件数", "涉及申请", "处理措施", "说明"], rows,
                                     widths=[2.6, 2.6, 3.2, 1.6, 4.4], font_pt=9)))
    for e in dept["frequent_entries"]:
        if not e["matches_register"]:
            blocks.append(_p(f"自查还研究了“{_v(e['subject'])}”（{_v(e['action_label'])}）：{ctx.text(e['note'])}"))
    return blocks


def conversions_item(dept: dict, ctx: Context) -> list[dict]:
    conv = dept["conversions"]
    if not conv:
        return [_p("本年度自查没有需要转为主动公开的信息。")]
    items = []
    for c in conv:
        what = c["subject"] + (f"《{c['title']}》" if c.get("title") else "")
        state = ""
        if c["kind"] == "document":
            state = f"，已于{_d(c['published'])}公开" if c["published"] else "，尚未公开"
        items.append(f"{what}（{c['action_label']}{state}）")
    return [_p("本年度自查后转为主动公开：" + "；".join(items) + "。")]


def catalog_item(dept: dict, ctx: Context) -> list[dict]:
    year = ctx.year
    cat, nxt = dept["catalog"], dept["next_catalog"]
    blocks = []
    if cat["exists"]:
        text = f"{year}年度主动公开基本目录于{_d(cat['compiled'])}编制完成"
        if cat["updated"]:
            text += f"，最近一次动态更新于{_d(cat['updated'])}"
        text += f"，共{cat['items']}项"
        if cat["missing_stages"]:
            text += "，缺少" + "、".join(cat["stage_labels"][s] for s in cat["missing_stages"]) + "事项"
        else:
            text += "，覆盖“五公开”各环节"
        blocks.append(_p(text + "。"))
    else:
        blocks.append(_p(f"本部门没有{year}年度主动公开基本目录。"))
    if nxt is not None:
        blocks.append(_p(f"{year + 1}年度目录已于{_d(nxt['compiled'])}编制完成，共{nxt['items']}项。"))
    else:
        blocks.append(_p(f"{year + 1}年度目录尚未编制（应于年底前完成）。"))
    rows = [[f"{c['year']}年度", _d(c["compiled"]), _d(c["updated"]), c["items"],
             *[c["by_stage"][s] for s in c["stage_labels"]]]
            for c in (cat, nxt) if c is not None and c["exists"]]
    if rows:
        # 决策公开 → 决策 / 公开 on two lines: five narrow columns leave the dates room for one line
        labels = [f"{label[:2]}\n{label[2:]}" for label in cat["stage_labels"].values()]
        blocks.append(_t(simple_grid(["目录", "编制完成", "最近更新", "事项数", *labels], rows,
                                     widths=[1.6, 3.0, 3.0, 1.2, 1, 1, 1, 1, 1], font_pt=9, align=["center"] * 9)))
    return blocks


def interpretations_item(dept: dict, ctx: Context) -> list[dict]:
    interp = dept["interpretations"]
    if not interp:
        return [_p("本年度本部门没有牵头起草并公开的重要政策。")]
    late = [i for i in interp if i["status"] in ("late", "overdue")]
    blocks = [_p(f"本年度本部门牵头起草的重要政策{len(interp)}件，"
                 + ("解读材料均在文件公开后3个工作日内发布。" if not late and all(i["status"] == "done" for i in interp)
                    else f"其中{len(late)}件解读材料未在文件公开后3个工作日内发布。" if late
                    else "解读情况见下表。"))]
    rows = []
    for i in interp:
        plan = _dy(i["plan_approved"], ctx.year)
        plan += "（随文件报批）" if i["plan_with_document"] else ("（晚于文件报批）" if i["plan_approved"] else "")
        state = i["status_label"] or ("文件尚未公开" if not i["published"] else UNKNOWN)
        if i["provisional"]:
            state += "（期限暂定）"
        rows.append([_v(i["doc_no"]), _v(i["title"]), plan, _dy(i["published"], ctx.year),
                     _dy(i["first_material"], ctx.year), _dy(i["due"], ctx.year), state])
    blocks.append(_t(simple_grid(["发文字号", "标题", "解读方案报批", "文件公开", "首份解读材料", "解读期限", "情况"], rows,
                                 widths=[2.8, 3.0, 2.4, 1.9, 1.9, 1.9, 1.4], font_pt=9)))
    return blocks


def opinions_item(dept: dict, ctx: Context) -> list[dict]:
    ops = dept["opinions"]
    if not ops:
        return [_p("本年度本部门没有牵头回应的政务舆情。")]
    major = [o for o in ops if o["clocked"]]
    bad = [o for o in major if o["release"]["status"] != "done" or o["press"]["status"] != "done"]
    text = f"本年度本部门牵头回应政务舆情{len(ops)}起，其中重大、特别重大{len(major)}起"
    if major:
        text += "，均在5小时内发布权威信息、24小时内召开新闻发布会" if not bad \
            else f"，{len(bad)}起未在5小时内发布权威信息或24小时内召开新闻发布会"
    rows = []
    for o in ops:
        rel = o["release"]["status_label"] if o["clocked"] else "—"
        pc = o["press"]["status_label"] if o["clocked"] else "—"
        rows.append([o["id"], _v(o["title"]), _v(o["level_label"]), _dt(o["detected_at"], ctx.year),
                     _dt(o["first_release"], ctx.year) + (f"（{rel}）" if o["clocked"] else ""),
                     _dt(o["press_conference"], ctx.year) + (f"（{pc}）" if o["clocked"] else "")])
    return [_p(text + "。"), _t(simple_grid(
        ["编号", "舆情", "级别", "发现时间", "首次发布权威信息（5小时）", "新闻发布会（24小时）"], rows,
        widths=[2.4, 3.2, 1.0, 2.5, 2.8, 2.8], font_pt=9))]


def self_findings_item(dept: dict, ctx: Context) -> list[dict]:
    sf = dept["self_findings"]
    if not sf:
        return [_p("自查未发现问题。" if dept["review"]["exists"] else "未进行自查，无整改情况。")]
    open_ = sum(1 for f in sf if not f["done"])
    text = f"自查发现问题{len(sf)}个，" + (f"已整改{len(sf) - open_}个，尚未完成整改{open_}个。" if open_ else "均已整改。")
    return [_p(text), _t(simple_grid(["问题", "整改措施", "完成日期"],
                           [[ctx.text(f["problem"]), ctx.text(f["rectification"]),
                             _d(f["done"]) if f["done"] else "尚未完成"] for f in sf],
                           widths=[5, 5, 2.6], align=["left", "left", "center"], font_pt=9))]


def check_item(dept: dict, ctx: Context) -> list[dict]:
    of = dept["open_findings"]
    if of is None:
        return [_p("（未检查登记簿记录。）")]
    if not of:
        return [_p(f"经检查，登记簿中本部门{ctx.year}年度的记录未发现问题。")]
    return [_p(f"经检查，登记簿中本部门{ctx.year}年度的记录有问题{len(of)}个，应在整改后重新检查。"),
            _t(simple_grid(["级别", "代码", "位置", "问题"],
                           [[SEVERITY.get(f["severity"], f["severity"]), f["code"],
                             f["path"] + (f":{f['line']}" if f["line"] else ""), f["message"]] for f in of],
                           widths=[1, 1.4, 3.4, 7], align=["center", "center", "left", "left"], font_pt=9))]


#: part 二's items, in order: (heading, builder)
DEPARTMENT_ITEMS: list[tuple[str, Callable[[dict, Context], list[dict]]]] = [
    ("自查报送情况", submission_item),
    ("依申请公开办理情况", applications_item),
    ("不予公开信息复查情况", withheld_item),
    ("依申请公开较为集中的信息处理情况", frequent_item),
    ("转为主动公开情况", conversions_item),
    ("主动公开基本目录编制情况", catalog_item),
    ("政策解读情况", interpretations_item),
    ("政务舆情回应情况", opinions_item),
    ("自查发现的问题及整改情况", self_findings_item),
    ("登记簿记录检查情况", check_item),
]


def department_blocks(dept: dict, ctx: Context, level: int = 3) -> list[dict]:
    """The department's items, numbered "1." (level 3, under a department heading) or "（一）"
    (level 2, when the report covers this one department)."""
    blocks: list[dict] = []
    for i, (title, item) in enumerate(DEPARTMENT_ITEMS, start=1):
        number = f"{i}." if level >= 3 else f"（{_cn(i)}）"
        blocks.append(_h(number + title, level))
        blocks += item(dept, ctx)
    return blocks


def _context(data: dict) -> Context:
    office = "局办公室"
    return Context(year=data["year"], threshold=data["threshold"], as_of=data["as_of"],
                   names=data.get("catalog_names") or {}, office=office)


def review_view(data: dict, meta: ReportMeta) -> dict:
    year = data["year"]
    agency = meta.agency or data.get("agency") or ""
    intro = (f"根据本机关《政务公开工作实施办法》关于“每年年底前对不予公开的信息以及依申请公开较为集中的信息进行全面自查，"
             f"发现应公开未公开的信息应当及时公开、可转为主动公开的应当主动公开，自查整改情况及时报送局办公室”的要求，"
             f"现将{year}年度自查情况报告如下。本报告中的情况根据登记簿记录整理，截至{zh_date(data['as_of'])}。")
    ctx = _context(data)
    sections = [{"key": "agency", "heading": "一、局领导履职和学习培训情况", "blocks": agency_blocks(data)}]
    if data.get("department"):
        dept = data["departments"][0]
        sections.append({"key": "departments", "heading": f"二、{dept['name']}自查情况",
                         "blocks": department_blocks(dept, ctx, level=2)})
        signer = f"{agency}{dept['name']}"
    else:
        blocks: list[dict] = []
        for i, dept in enumerate(data["departments"], start=1):
            blocks.append(_h(f"（{_cn(i)}）{dept['name']}", 2))
            blocks += department_blocks(dept, ctx, level=3)
        sections.append({"key": "departments", "heading": "二、各部门自查情况", "blocks": blocks})
        signer = agency
    return {"title": title_of(data, agency), "agency": agency, "year": year, "intro": intro,
            "sections": sections, "appendix": None,
            "signature": {"name": signer, "date": zh_date(meta.as_of)}, "meta": meta}


def render_review(data: dict, fmt: str, meta: ReportMeta) -> bytes:
    """The year-end self-inspection as UTF-8 Markdown / standalone HTML, or a .docx file's bytes."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")
    view = review_view(data, meta)
    if fmt == "docx":
        return render_docx(view, "政务公开年终自查情况报告", f"政务公开;年终自查;{view['year']}")
    return render_text(view, f"review.{fmt}.j2", fmt)
