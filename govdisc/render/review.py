"""The year-end self-inspection report (年终自查, seed 二（四）4) rendered from `review_data()`.

    render_review(data, fmt, meta) -> bytes     fmt: "md" | "html" | "docx"
    review_view(data, meta) -> dict             the format-neutral content, for templates

Part 一 is agency-wide (leadership duties, training); part 二 has one chapter per department:
submission, re-examination of withheld documents, frequently requested information,
conversions to proactive disclosure, catalog, policy interpretation, public-opinion responses,
the department's own findings and rectification, and the open findings of `govdisc check`.
"""

from __future__ import annotations

from govdisc.render.annual import FORMATS, footer_lines, write_blocks
from govdisc.render.env import render_template, zh_date
from govdisc.render.grid import UNKNOWN, simple_grid
from govdisc.render.measures import rectification_grid, review_sections
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


def _dt(value: str | None) -> str:
    """ISO date-time → 2024年7月8日 10:20 (local time as recorded)."""
    if not value:
        return UNKNOWN
    day, _, rest = value.partition("T")
    return f"{zh_date(day)} {rest[:5]}".strip()


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
    blocks.append(_t(simple_grid(["事项", "年内次数", "要求", "依据", "情况"], rows, widths=[3, 1.2, 1.6, 3.6, 1.2],
                                 align=["left", "center", "center", "left", "center"])))
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
            widths=[2.2, 1.4, 5, 1.6, 1.2], align=["center", "center", "left", "center", "center"])))
    else:
        blocks.append(_p("全年没有登记政务公开学习培训和考试。"))
    others = [e for e in act["entries"] if e["type"] not in ("training", "exam")]
    if others:
        blocks.append(_h("（三）领导履职和发布解读活动明细", 2))
        blocks.append(_t(simple_grid(
            ["日期", "类别", "内容", "部门"],
            [[_d(e["date"]), e["type_label"], _v(e["title"]), _v(e["department_name"])] for e in others],
            widths=[2.2, 2.4, 6, 1.4], align=["center", "center", "left", "center"])))
    return [_h("（一）局领导履职情况", 2)] + blocks


# -- part 二 -----------------------------------------------------------------------------------------


def department_blocks(dept: dict, year: int, threshold: int) -> list[dict]:
    name = dept["name"]
    b: list[dict] = []
    n = iter(range(1, 20))

    # 1 submission
    b.append(_h(f"{next(n)}.自查报送情况", 3))
    rv = dept["review"]
    if not rv["exists"]:
        b.append(_p(f"{name}未报送{year}年度年终自查（登记簿中没有 {rv['path']}），应于{_d(rv['due'])}前报送局办公室。"))
    elif not rv["submitted"]:
        b.append(_p(f"{name}的{year}年度年终自查未填写报送局办公室的日期。"))
    else:
        b.append(_p(f"{name}于{_d(rv['submitted'])}向局办公室报送{year}年度年终自查（期限为{_d(rv['due'])}，"
                    f"{rv['status_label'] or UNKNOWN}）。"))

    # 2 withheld documents
    b.append(_h(f"{next(n)}.不予公开信息复查情况", 3))
    w = dept["withheld"]
    if not w:
        b.append(_p("本年度本部门没有形成不予公开、依申请公开或删减后公开的公文。"))
    else:
        done = [r for r in w if r["reexamined"]]
        counts = {}
        for r in done:
            counts[r["conclusion_label"] or UNKNOWN] = counts.get(r["conclusion_label"] or UNKNOWN, 0) + 1
        text = f"本年度本部门形成不予公开、依申请公开或删减后公开的公文{len(w)}件，已复查{len(done)}件"
        if counts:
            text += "（" + "、".join(f"{k}{v}件" for k, v in counts.items()) + "）"
        if dept["not_reexamined"]:
            text += f"，未复查{len(dept['not_reexamined'])}件：{'、'.join(dept['not_reexamined'])}"
        else:
            text += "，均已复查"
        b.append(_p(text + "。"))
        rows = []
        for r in w:
            attr = r["disclosure_label"]
            if r["now_public"]:
                attr += "（复查后变更）"
            reason = r["reason_label"] or UNKNOWN
            if r["explanation"]:
                reason += f"：{r['explanation']}"
            if r["reexamined"]:
                conclusion = r["conclusion_label"] or UNKNOWN
                if r["conclusion"] in ("proactive", "disclose"):
                    conclusion += f"（{'已于' + _d(r['published']) + '公开' if r['published'] else '尚未公开'}）"
            else:
                conclusion = "未复查"
            rows.append([r["doc_no"], _v(r["title"]), attr, reason, conclusion, _v(r["conclusion_reason"])])
        b.append(_t(simple_grid(["发文字号", "标题", "公开属性", "不予公开理由", "复查结论", "复查意见"], rows,
                                widths=[2.4, 3.4, 1.6, 3.2, 1.6, 3.2], font_pt=9)))
    for o in dept["reexamined_other"]:
        if o["known"]:
            b.append(_p(f"自查还复查了 {o['doc_no']}《{_v(o['title'])}》（形成于{_d(o['formed'])}，不属于本部门本年度"
                        f"不予公开的公文），结论为{_v(o['conclusion_label'])}。"))
        else:
            b.append(_p(f"自查复查的 {o['doc_no']} 在登记簿中没有对应的公文记录，结论为{_v(o['conclusion_label'])}。"))

    # 3 frequently requested information
    b.append(_h(f"{next(n)}.依申请公开较为集中的信息处理情况", 3))
    fr = dept["frequent"]
    if not fr:
        b.append(_p(f"本年度本部门承办的申请中，没有同一事项达到{threshold}件以上（较为集中）的情况。"))
    else:
        open_ = [f for f in fr if not f["examined"]]
        b.append(_p(f"本年度同一事项申请达到{threshold}件以上、本部门参与承办的有{len(fr)}项"
                    + (f"，其中{len(open_)}项未在年终自查中研究是否转为主动公开。" if open_ else "，均已在年终自查中研究处理。")))
        rows = []
        for f in fr:
            subject = f["subject"] + (f"《{f['title']}》" if f["title"] else "")
            e = f["entry"]
            rows.append([f"{f['kind_label']}：{subject}", f"{f['count']}件（{f['handler_names']}）",
                         "、".join(f["applications"]), e["action_label"] if e else "未研究处理",
                         (e["note"] or UNKNOWN) if e else UNKNOWN])
        b.append(_t(simple_grid(["事项", "申请件数", "涉及申请", "处理措施", "说明"], rows,
                                widths=[2.6, 2.6, 3.2, 1.6, 4.4], font_pt=9)))
    extra = [e for e in dept["frequent_entries"] if not e["matches_register"]]
    for e in extra:
        b.append(_p(f"自查还研究了“{_v(e['subject'])}”（{_v(e['action_label'])}）：{_v(e['note'])}"))

    # 4 conversions
    b.append(_h(f"{next(n)}.转为主动公开情况", 3))
    conv = dept["conversions"]
    if not conv:
        b.append(_p("本年度自查没有需要转为主动公开的信息。"))
    else:
        items = []
        for c in conv:
            what = c["subject"] + (f"《{c['title']}》" if c.get("title") else "")
            state = ""
            if c["kind"] == "document":
                state = f"，已于{_d(c['published'])}公开" if c["published"] else "，尚未公开"
            items.append(f"{what}（{c['action_label']}{state}）")
        b.append(_p("本年度自查后转为主动公开：" + "；".join(items) + "。"))

    # 5 catalog
    b.append(_h(f"{next(n)}.主动公开基本目录编制情况", 3))
    cats = [c for c in (dept["catalog"], dept["next_catalog"]) if c is not None]
    cat = dept["catalog"]
    if cat["exists"]:
        text = f"{year}年度主动公开基本目录于{_d(cat['compiled'])}编制完成"
        if cat["updated"]:
            text += f"，最近一次动态更新于{_d(cat['updated'])}"
        text += f"，共{cat['items']}项"
        if cat["missing_stages"]:
            text += "，缺少" + "、".join(cat["stage_labels"][s] for s in cat["missing_stages"]) + "事项"
        else:
            text += "，覆盖“五公开”各环节"
        b.append(_p(text + "。"))
    else:
        b.append(_p(f"本部门没有{year}年度主动公开基本目录（{cat['path']}）。"))
    nxt = dept["next_catalog"]
    if nxt is not None:
        b.append(_p(f"{year + 1}年度目录已于{_d(nxt['compiled'])}编制完成，共{nxt['items']}项。"))
    else:
        b.append(_p(f"{year + 1}年度目录尚未编制（应于年底前完成）。"))
    rows = []
    for c in cats:
        if not c["exists"]:
            continue
        rows.append([f"{c['year']}年度", _d(c["compiled"]), _d(c["updated"]), c["items"],
                     *[c["by_stage"][s] for s in c["stage_labels"]]])
    if rows:
        labels = list(cats[0]["stage_labels"].values())
        b.append(_t(simple_grid(["目录", "编制完成", "最近更新", "事项数", *labels], rows,
                                widths=[1.4, 2.2, 2.2, 1, 1, 1, 1, 1, 1], font_pt=9,
                                align=["center"] * 9)))

    # 6 interpretations
    b.append(_h(f"{next(n)}.政策解读情况", 3))
    interp = dept["interpretations"]
    if not interp:
        b.append(_p("本年度本部门没有牵头起草并公开的重要政策。"))
    else:
        late = [i for i in interp if i["status"] in ("late", "overdue")]
        b.append(_p(f"本年度本部门牵头起草的重要政策{len(interp)}件，"
                    + ("解读材料均在文件公开后3个工作日内发布。" if not late and all(i["status"] == "done" for i in interp)
                       else f"其中{len(late)}件解读材料未在文件公开后3个工作日内发布。" if late
                       else "解读情况见下表。")))
        rows = []
        for i in interp:
            plan = _d(i["plan_approved"])
            plan += "（随文件报批）" if i["plan_with_document"] else ("（晚于文件报批）" if i["plan_approved"] else "")
            state = i["status_label"] or ("文件尚未公开" if not i["published"] else UNKNOWN)
            if i["provisional"]:
                state += "（期限暂定）"
            rows.append([_v(i["doc_no"]), _v(i["title"]), plan, _d(i["published"]), _d(i["first_material"]),
                         _d(i["due"]), state])
        b.append(_t(simple_grid(["发文字号", "标题", "解读方案报批", "文件公开", "首份解读材料", "解读期限", "情况"], rows,
                                widths=[2.2, 3.6, 2.4, 1.8, 1.8, 1.8, 1.4], font_pt=9)))

    # 7 opinions
    b.append(_h(f"{next(n)}.政务舆情回应情况", 3))
    ops = dept["opinions"]
    if not ops:
        b.append(_p("本年度本部门没有牵头回应的政务舆情。"))
    else:
        major = [o for o in ops if o["clocked"]]
        bad = [o for o in major if o["release"]["status"] != "done" or o["press"]["status"] != "done"]
        text = f"本年度本部门牵头回应政务舆情{len(ops)}起，其中涉及重大、特别重大突发事件的{len(major)}起"
        if major:
            text += "，均在5小时内发布权威信息、24小时内召开新闻发布会" if not bad \
                else f"，{len(bad)}起未在5小时内发布权威信息或24小时内召开新闻发布会"
        b.append(_p(text + "。"))
        rows = []
        for o in ops:
            rel = o["release"]["status_label"] if o["clocked"] else "—"
            pc = o["press"]["status_label"] if o["clocked"] else "—"
            rows.append([o["id"], _v(o["title"]), _v(o["level_label"]), _dt(o["detected_at"]),
                         _dt(o["first_release"]) + (f"（{rel}）" if o["clocked"] else ""),
                         _dt(o["press_conference"]) + (f"（{pc}）" if o["clocked"] else "")])
        b.append(_t(simple_grid(["编号", "舆情", "级别", "发现时间", "首次发布权威信息（5小时）", "新闻发布会（24小时）"], rows,
                                widths=[1.8, 3.6, 1, 2.4, 2.6, 2.6], font_pt=9)))

    # 8 self findings
    b.append(_h(f"{next(n)}.自查发现的问题及整改情况", 3))
    sf = dept["self_findings"]
    if not sf:
        b.append(_p("自查未发现问题。" if rv["exists"] else "未报送自查，无整改情况。"))
    else:
        b.append(_t(rectification_grid(sf)))

    # 9 open findings of check
    b.append(_h(f"{next(n)}.登记簿检查发现的未解决问题", 3))
    of = dept["open_findings"]
    if of is None:
        b.append(_p("（生成本报告时未运行登记簿检查。）"))
    elif not of:
        b.append(_p(f"govdisc check 未发现本部门{year}年度记录的问题。"))
    else:
        b.append(_p(f"govdisc check 发现本部门{year}年度记录的问题{len(of)}个，应在整改后重新检查。"))
        b.append(_t(simple_grid(["级别", "代码", "位置", "问题"],
                                [[SEVERITY.get(f["severity"], f["severity"]), f["code"],
                                  f["path"] + (f":{f['line']}" if f["line"] else ""), f["message"]] for f in of],
                                widths=[1, 1.2, 3.4, 7], align=["center", "center", "left", "left"], font_pt=9)))
    return b


def review_view(data: dict, meta: ReportMeta) -> dict:
    year = data["year"]
    agency = meta.agency or data.get("agency") or ""
    intro = (f"根据本机关《政务公开工作实施办法》关于“每年年底前对不予公开的信息以及依申请公开较为集中的信息进行全面自查，"
             f"发现应公开未公开的信息应当及时公开、可转为主动公开的应当主动公开，自查整改情况及时报送局办公室”的要求，"
             f"现将{year}年度自查情况报告如下。本报告中的情况根据登记簿记录整理，期限状态截至{zh_date(data['as_of'])}。")
    sections = [{"key": "agency", "heading": "一、局领导履职和学习培训情况", "blocks": agency_blocks(data)}]
    dept_blocks: list[dict] = []
    for i, dept in enumerate(data["departments"], start=1):
        dept_blocks.append(_h(f"（{_cn(i)}）{dept['name']}", 2))
        dept_blocks += department_blocks(dept, year, data["threshold"])
    heading = "二、各部门自查情况" if not data.get("department") else f"二、{data['departments'][0]['name']}自查情况"
    sections.append({"key": "departments", "heading": heading, "blocks": dept_blocks})
    sections += review_sections(data)
    return {"title": title_of(data, agency), "agency": agency, "year": year, "intro": intro,
            "sections": sections, "footer": footer_lines(meta), "meta": meta}


def render_review(data: dict, fmt: str, meta: ReportMeta) -> bytes:
    """The year-end self-inspection as UTF-8 Markdown / standalone HTML, or a .docx file's bytes."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")
    view = review_view(data, meta)
    if fmt == "docx":
        from govdisc.render.word import WordWriter

        w = WordWriter(view["title"], meta.as_of, author=view["agency"], subject="政务公开年终自查情况报告",
                       keywords=f"政务公开;年终自查;{view['year']}", comments="；".join(view["footer"]))
        w.title(view["title"])
        w.paragraph(view["intro"])
        for section in view["sections"]:
            w.heading(section["heading"], 1)
            write_blocks(w, section["blocks"])
        w.paragraph("")
        for line in view["footer"]:
            w.paragraph(line, indent=False, size=10.5)
        return w.to_bytes()
    from govdisc.render.annual import tidy

    return tidy(render_template(f"review.{fmt}.j2", report=view), fmt).encode("utf-8")
