"""The annual report (国办公开办函〔2021〕30号) rendered from `annual_stats()` figures.

    render_annual(stats, fmt, meta, appendix=False) -> bytes   fmt: "md" | "html" | "docx"
    annual_view(stats, meta, appendix=False) -> dict           format-neutral content, for templates
    report_problems(stats, records=None, config=None) -> list  what should stop (or warn before) publishing

The body is the national format and nothing else: the title, the six sections and the 落款
(agency and date). The tables reproduce the format cell for cell, spans included: section 二
is one 4-column table of four captioned blocks; section 三 has the 3 × 3 top-left note cell,
the three header rows over the 7 applicant columns, 三、本年度办理结果 spanning its 22 rows and
the groups （三）–（六） spanning their sub-rows; section 四 is 15 columns under three header rows.
How the report was made (as-of date, the register's commit, the generator, whether it was
forced) are document properties (ReportMeta.properties), never body text. The response-time
appendix, which the format does not contain, is printed only when asked for (`appendix=True`).

Register text (overview, problems, other) is data: it is escaped for the output format and
never interpreted as template code.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any, Iterable

from govdisc.render.env import paragraphs, render_template, zh_date
from govdisc.render.grid import Cell, Grid, format_number, header, num, simple_grid
from govdisc.render.meta import ReportMeta
from govdisc.stats import labels as L
from govdisc.textsafety import document_text

FORMATS = ("md", "html", "docx")

FORMAT_TITLE = "《中华人民共和国政府信息公开工作年度报告格式》"
APPENDIX_HEADING = "附：办理时效"
APPENDIX_NOTE = ("（本部分不属于国办公开办函〔2021〕30号规定的年度报告格式内容，"
                 "根据登记簿中的申请记录计算，仅供参考。）")
FEE_SENTENCE = "依据《政府信息公开信息处理费管理办法》规定，{year}年本机关实际收取信息处理费共计{amount}元。"
NO_FEE_SENTENCE = "依据《政府信息公开信息处理费管理办法》规定，{year}年本机关未收取信息处理费。"
#: printed in place of narrative the register does not have (report_problems() lists it too)
MISSING = "【待填写：reports/{year}.yaml 中的 {key}（{what}）】"
NARRATIVE_KEYS = {"overview": "总体情况", "problems": "存在的主要问题及改进情况", "other": "其他需要报告的事项"}
#: said in the intro when the register holds no record of the year
OUTSIDE_REGISTER = "登记簿中没有{year}年度的记录，本报告数据根据截至{as_of}的登记簿统计，可能不完整。"


# -- tables ---------------------------------------------------------------------------------------


def proactive_grid(stats: dict) -> Grid:
    """Section 二: four blocks in one 4-column table, each opened by a full-width caption row.
    The table has no header of its own to repeat: each block brings its caption and column
    header, and a page may break only between blocks (Grid.blocks)."""
    blocks = stats["proactive"]["blocks"]
    width = max(len(b["columns"]) for b in blocks)  # 4: 信息内容 + 3 figures
    g = Grid(columns=width, widths=[2.2] + [1.0] * (width - 1), kind="proactive", font_pt=10.5)
    for block in blocks:
        g.blocks.append(len(g.rows))
        g.rows.append([header(block["caption"], colspan=width, kind="caption")])
        cols = block["columns"]  # [信息内容, data columns...]
        data_cols = cols[1:]
        spans = _spread(len(data_cols), width - 1)
        g.rows.append([header(cols[0])] + [header(c, colspan=s) for c, s in zip(data_cols, spans)])
        for row in block["rows"]:
            g.rows.append([header(row["label"], kind="label")]
                          + [num(row["values"].get(c), colspan=s) for c, s in zip(data_cols, spans)])
    return g


def _spread(n: int, width: int) -> list[int]:
    """n cells over `width` columns: one each, the last taking what is left (1 cell → all 3)."""
    if n <= 0:
        return []
    return [1] * (n - 1) + [width - (n - 1)]


def applications_grid(stats: dict) -> Grid:
    """Section 三, exactly as the national format lays it out (10 columns)."""
    app = stats["applications"]
    cols: list[str] = app["columns"]  # 7 data columns
    top, middle, orgs = app["header_rows"]  # [申请人情况], [自然人, 法人或其他组织, 总计], [5 kinds]
    n = len(cols)
    g = Grid(columns=3 + n, head_rows=3, widths=[1.0, 2.0, 5.6] + [1.25] * n, kind="applications",
             font_pt=9)
    g.rows.append([header(app["header_cell"], colspan=3, rowspan=3, kind="corner"),
                   header(top[0], colspan=n)])
    row2 = []
    for label in middle:
        if label == L.ORGANISATIONS:
            row2.append(header(label, colspan=len(orgs)))
        else:
            row2.append(header(label, rowspan=2))
    g.rows.append(row2)
    g.rows.append([header(label) for label in orgs])

    rows = app["rows"]
    table = app["table"]
    level1_count: dict[str, int] = {}
    level2_count: dict[str, int] = {}
    for r in rows:
        level1_count[r["level1"]] = level1_count.get(r["level1"], 0) + 1
        if r["level"] == 3:
            level2_count[r["level2"]] = level2_count.get(r["level2"], 0) + 1
    seen1: set[str] = set()
    seen2: set[str] = set()
    for r in rows:
        cells: list[Cell] = []
        if r["level"] == 1:
            cells.append(header(r["label"], colspan=3, kind="label", align="left"))
        else:
            if r["level1"] not in seen1:
                seen1.add(r["level1"])
                cells.append(header(r["level1"], rowspan=level1_count[r["level1"]], kind="group"))
            if r["level"] == 2:
                cells.append(header(r["label"], colspan=2, kind="label", align="left"))
            else:
                if r["level2"] not in seen2:
                    seen2.add(r["level2"])
                    cells.append(header(r["level2"], rowspan=level2_count[r["level2"]], kind="group"))
                cells.append(header(r["label"], kind="label", align="left"))
        values = table.get(r["label"], {})
        cells += [num(values.get(c)) for c in cols]
        g.rows.append(cells)
    return g


def reviews_grid(stats: dict) -> Grid:
    """Section 四: 15 columns, three header rows, one data row."""
    rev = stats["reviews"]
    width = len(rev["groups"]) * len(rev["columns"])
    g = Grid(columns=width, head_rows=len(rev["header_rows"]), widths=[1.0] * width, kind="reviews",
             font_pt=9)
    for hrow in rev["header_rows"]:
        g.rows.append([header(label, colspan=colspan, rowspan=rowspan) for label, colspan, rowspan in hrow])
    g.rows.append([num(v) for v in rev["row"]])
    return g


def response_time_grid(stats: dict) -> Grid:
    rt = stats["response_times"]
    rows: list[list[Any]] = [[b["label_zh"], b["count"]] for b in rt["bands"]]
    rows.append(["合计", rt["count"]])
    return simple_grid(["答复用时（工作日）", "件数"], rows, widths=[3, 1], kind="appendix",
                       align=["left", "center"])


# -- sentences computed from the figures ----------------------------------------------------------
#
# Section 一 prints the register's narrative, then the figures in three paragraphs: documents and
# decisions, applications (with the response time), reconsideration and litigation. Each fact is
# said once: the appendix, when printed, has only its table. The figure paragraphs do not open
# with "主动公开方面" / "依申请公开方面", the openers the narrative uses for its own topics.


def _n(value: Any) -> str:
    return format_number(value)


def _pct(share: float | None) -> str | None:
    if share is None:
        return None
    text = f"{share * 100:.1f}".rstrip("0").rstrip(".")
    return f"{text}%"


def _result_groups(stats: dict) -> list[tuple[str, int]]:
    """（一）…（六） with the sum of their rows in the 总计 column (short names, no numbering)."""
    table = stats["applications"]["table"]
    out: dict[str, int] = {}
    for r in stats["applications"]["rows"]:
        if r["level1"] != L.RESULTS or r["label"] == L.RESULT_TOTAL:
            continue
        out[r["level2"]] = out.get(r["level2"], 0) + table[r["label"]][L.TOTAL]
    names = []
    for group, count in out.items():
        short = group.split("）", 1)[-1].split("（", 1)[0]
        names.append((short, count))
    return names


def _counted(pairs: Iterable[tuple[str, Any]]) -> str:
    """"规章1件、行政规范性文件4件" of the pairs with a figure."""
    return "、".join(f"{label}{_n(v)}件" for label, v in pairs)


def year_end(stats: dict) -> str:
    """"年底", or the as-of day when the year had not ended on it."""
    if stats.get("complete", True) or not stats.get("as_of"):
        return "年底"
    return zh_date(stats["as_of"])


def proactive_sentence(stats: dict) -> str | None:
    t = stats["proactive"]["table"]
    kinds = ((L.REGULATIONS, t.get(L.REGULATIONS, {})), (L.NORMATIVE, t.get(L.NORMATIVE, {})))
    parts = []
    if all(d.get(L.NEW_THIS_YEAR) is not None for _, d in kinds):
        new = [(k, d[L.NEW_THIS_YEAR]) for k, d in kinds if d.get(L.NEW_THIS_YEAR)]
        repealed = [(k, d[L.REPEALED_THIS_YEAR]) for k, d in kinds if d.get(L.REPEALED_THIS_YEAR)]
        text = f"本年度制发{_counted(new)}" if new else "本年度未制发规章和行政规范性文件"
        text += f"，废止{_counted(repealed)}" if repealed else "，未废止规章和行政规范性文件"
        text += f"，截至{year_end(stats)}现行有效{_counted((k, d[L.IN_FORCE]) for k, d in kinds)}"
        parts.append(text)
    decisions = []
    for label in (L.LICENSING, L.PENALTIES, L.ENFORCEMENT):
        v = t.get(label, {}).get(L.DECISIONS)
        if v is not None:
            decisions.append(f"{label}处理决定{_n(v)}件")
    if decisions:
        parts.append(("作出" if parts else "本年度作出") + "、".join(decisions))
    if not parts:
        return None
    return "；".join(parts) + "。"


def applications_sentence(stats: dict) -> str:
    """Received, carried in, handled by outcome, carried out — and the response time."""
    t = stats["applications"]["table"]
    received, carried_in = t[L.RECEIVED][L.TOTAL], t[L.CARRIED_IN][L.TOTAL]
    done, carried_out = t[L.RESULT_TOTAL][L.TOTAL], t[L.CARRIED_OUT][L.TOTAL]
    until = "全年" if year_end(stats) == "年底" else f"截至{year_end(stats)}，本年"
    text = f"{until}新收政府信息公开申请{received}件，上年结转{carried_in}件；办结{done}件"
    groups = [f"{name}{count}件" for name, count in _result_groups(stats) if count]
    if done and groups:
        text += "，其中" + "、".join(groups)
    text += f"；结转下年度继续办理{carried_out}件。"
    return text + (response_sentence(stats) or "")


def response_sentence(stats: dict) -> str | None:
    rt = stats["response_times"]
    if not rt["count"]:
        return None
    text = (f"办结的{rt['count']}件申请平均用时{_n(rt['mean'])}个工作日，"
            f"中位数{_n(rt['median'])}个工作日")
    judged = rt["in_time"] + rt["late"]
    if judged and not rt["late"]:
        text += f"；适用答复期限的{judged}件均在法定期限内答复" if rt["not_judged"] \
            else "，均在法定期限内答复"
    elif judged:
        text += (f"；适用答复期限的{judged}件中，{rt['in_time']}件在法定期限内答复、{rt['late']}件超过法定期限，"
                 f"按期答复率{_pct(rt['in_time_share'])}")
    if rt["not_judged"]:
        text += f"，另有{rt['not_judged']}件因申请人未按要求补正等原因不计答复期限"
    return text + "。"


def reviews_sentence(stats: dict) -> str:
    t = stats["reviews"]["table"]
    recon = t[L.RECONSIDERATION][L.TOTAL]
    direct, after = t[L.DIRECT_SUIT][L.TOTAL], t[L.SUIT_AFTER][L.TOTAL]
    if not (recon or direct or after):
        return "本年度未发生因政府信息公开工作被申请行政复议、提起行政诉讼的情况。"
    text = f"因政府信息公开工作被申请行政复议{recon}件、提起行政诉讼{direct + after}件"
    if direct + after:
        text += f"（其中未经复议直接起诉{direct}件、复议后起诉{after}件）"
    return text + "。"


def fee_sentence(stats: dict) -> str | None:
    """The 信息处理费 sentence of section 六, unless the narrative already states the fee."""
    nar = stats.get("narrative") or {}
    fees = nar.get("processing_fees")
    if fees is None:
        return None
    if "信息处理费" in (nar.get("other") or ""):
        return None  # written by hand; report_problems() checks the amount
    if fees == 0:
        return NO_FEE_SENTENCE.format(year=stats["year"])
    return FEE_SENTENCE.format(year=stats["year"], amount=_n(fees))


# -- the view ------------------------------------------------------------------------------------


def _p(text: str, source: str = "register") -> dict:
    return {"type": "paragraph", "text": text, "source": source}


def _narrative(stats: dict, key: str) -> list[dict]:
    nar = stats.get("narrative") or {}
    paras = paragraphs(nar.get(key))
    if not paras:
        return [{"type": "missing",
                 "text": MISSING.format(year=stats["year"], key=key, what=NARRATIVE_KEYS[key])}]
    return [_p(t) for t in paras]


def title_of(agency: str, year: int) -> str:
    return f"{agency}{year}年政府信息公开工作年度报告"


def signature_date(stats: dict, meta: ReportMeta) -> date:
    """The 落款 date: the day the register says the report was published, unless that is after
    the as-of day; else the as-of day."""
    pub = ((stats.get("narrative") or {}).get("published") or {}).get("date")
    try:
        day = date.fromisoformat(pub[:10]) if isinstance(pub, str) else None
    except ValueError:
        day = None
    return day if day is not None and day <= meta.as_of else meta.as_of


def intro_of(stats: dict, meta: ReportMeta) -> str:
    heads = stats["sections"]
    text = (f"本报告根据《中华人民共和国政府信息公开条例》和{FORMAT_TITLE}（{stats['format']}）编制，"
            f"内容包括{'、'.join(h.split('、', 1)[1] for h in heads.values())}。{stats['period']}。")
    if not stats.get("in_register", True):
        text += OUTSIDE_REGISTER.format(year=stats["year"], as_of=zh_date(meta.as_of))
    return text


def annual_view(stats: dict, meta: ReportMeta, appendix: bool = False) -> dict:
    """Everything the report prints, in order, as plain data shared by all three formats.

    {title, intro, sections: [{key, heading, blocks}], appendix: {heading, note, blocks} | None,
     signature: {name, date}, meta}; a block is {type: paragraph|missing|table, text | grid}.
    """
    year = stats["year"]
    agency = meta.agency or stats.get("agency") or ""
    heads = stats["sections"]
    overview = _narrative(stats, "overview")
    generated = [s for s in (proactive_sentence(stats), applications_sentence(stats), reviews_sentence(stats)) if s]
    overview += [_p(s, "computed") for s in generated]
    other = _narrative(stats, "other")
    fee = fee_sentence(stats)
    if fee:
        if other and other[0]["type"] == "missing":
            other = []
        other.append(_p(fee, "computed"))
    sections = [
        {"key": "overview", "heading": heads["overview"], "blocks": overview},
        {"key": "proactive", "heading": heads["proactive"],
         "blocks": [{"type": "table", "grid": proactive_grid(stats)}]},
        {"key": "applications", "heading": heads["applications"],
         "blocks": [{"type": "table", "grid": applications_grid(stats)}]},
        {"key": "reviews", "heading": heads["reviews"],
         "blocks": [{"type": "table", "grid": reviews_grid(stats)}]},
        {"key": "problems", "heading": heads["problems"], "blocks": _narrative(stats, "problems")},
        {"key": "other", "heading": heads["other"], "blocks": other},
    ]
    extra = None
    if appendix:
        blocks = [{"type": "table", "grid": response_time_grid(stats)}] if stats["response_times"]["count"] \
            else [_p("本年度没有答复日期在本年内的申请。", "computed")]
        extra = {"heading": APPENDIX_HEADING, "note": APPENDIX_NOTE, "blocks": blocks}
    return {
        "title": title_of(agency, year),
        "agency": agency,
        "year": year,
        "intro": intro_of(stats, meta),
        "sections": sections,
        "appendix": extra,
        "signature": {"name": agency, "date": zh_date(signature_date(stats, meta))},
        "meta": meta,
    }


# -- rendering -----------------------------------------------------------------------------------


def render_annual(stats: dict, fmt: str, meta: ReportMeta, appendix: bool = False) -> bytes:
    """The annual report as UTF-8 Markdown / standalone HTML, or a .docx file's bytes."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")
    view = annual_view(stats, meta, appendix)
    if fmt == "docx":
        return render_docx(view, "政府信息公开工作年度报告", f"政府信息公开;年度报告;{view['year']}")
    return render_text(view, f"annual.{fmt}.j2", fmt)


def render_text(view: dict, template: str, fmt: str) -> bytes:
    """A view through its Markdown or HTML template, tidied, as UTF-8."""
    return tidy(render_template(template, report=view), fmt).encode("utf-8")


def tidy(text: str, fmt: str) -> str:
    """One blank line between Markdown blocks; no trailing spaces; one final newline; characters
    no document may hold (NUL, ESC, lone surrogates from YAML escapes) replaced, so the text is
    valid HTML and encodes as UTF-8 whatever the register holds."""
    lines = [line.rstrip() for line in document_text(text).split("\n")]
    out: list[str] = []
    for line in lines:
        if not line and (not out or not out[-1]):
            continue
        out.append(line)
    while out and not out[-1]:
        out.pop()
    return "\n".join(out) + "\n"


def render_docx(view: dict, subject: str, keywords: str) -> bytes:
    """A report view (annual or self-inspection) as Word: title, intro, sections, appendix when
    there is one, 落款; the view's meta as the document's properties."""
    from govdisc.render.word import WordWriter

    meta: ReportMeta = view["meta"]
    w = WordWriter(view["title"], meta.as_of, author=view["agency"], subject=subject, keywords=keywords,
                   comments=meta.summary(), properties=meta.properties(), application=meta.generator)
    w.title(view["title"])
    w.paragraph(view["intro"])
    for section in view["sections"]:
        w.heading(section["heading"], 1)
        write_blocks(w, section["blocks"])
    if view.get("appendix"):
        w.heading(view["appendix"]["heading"], 1)
        w.paragraph(view["appendix"]["note"], size=12)
        write_blocks(w, view["appendix"]["blocks"])
    w.signature(view["signature"]["name"], view["signature"]["date"])
    return w.to_bytes()


def write_blocks(w, blocks: Iterable[dict]) -> None:
    for block in blocks:
        if block["type"] == "table":
            if block["grid"].caption:
                w.caption(block["grid"].caption)
            w.grid(block["grid"])
        elif block["type"] == "heading":
            w.heading(block["text"], block.get("level", 2))
        elif block["type"] == "note":
            w.paragraph(block["text"], size=12)
        else:
            w.paragraph(block["text"])


# -- before publishing -----------------------------------------------------------------------------


def report_problems(stats: dict, records: list | None = None, fee_in_row: bool = True) -> list[dict]:
    """What is wrong with the figures or the narrative, as data for the CLI to print and decide.

    Each item: {severity: "error"|"warning", code, message_zh, message_en, where}. Errors are the
    cross-check failures (勾稽关系) of the computed tables and, when `records` are given, of the
    tables hand-entered in reports/<year>.yaml: the CLI should refuse to render on errors unless
    forced. Warnings: the year had not ended on the as-of day or lies outside the register
    (the figures are incomplete), a hand-entered figure that differs from the computed one (the
    report prints the computed figure), narrative missing, figures unknown, data notes of the
    statistics, a 信息处理费 amount in the text of 六 that differs from `processing_fees` or from
    the fees the applications record as paid, a 行政事业性收费 row smaller than the 信息处理费 it
    includes (`fee_in_row`: config rules.processing_fee_in_fee_row), a 六 that says there is
    nothing to report and then reports a fee, numbers written with thousands separators.
    """
    from govdisc.stats.crosscheck import (CHECKS, check_applications, check_reviews,
                                          read_applications_table, read_reviews_table)

    out: list[dict] = []
    year = stats["year"]

    def add(severity: str, code: str, zh: str, en: str, where: str = "") -> None:
        out.append({"severity": severity, "code": code, "message_zh": zh, "message_en": en, "where": where})

    from govdisc.stats.annual import completeness_warnings

    for w in completeness_warnings(stats):
        add("warning", w["code"], w["message_zh"], w["message_en"])

    for key, table in (("applications", "表三"), ("reviews", "表四")):
        for f in stats[key].get("checks", []):
            add("error", f"crosscheck-{f['check']}",
                f"{table}“{f['row']}”“{f['column']}”：应为 {f['expected']}，实为 {f['actual']}（{CHECKS[f['check']][0]}）",
                f"table {key}: {f['row']} / {f['column']}: expected {f['expected']}, got {f['actual']} "
                f"({CHECKS[f['check']][1]})")
    report = _report_record(records, year) if records is not None else None
    if report is not None:
        where = report.path
        raw_app, raw_rev = report.data.get("applications_table"), report.data.get("reviews_table")
        hand = []
        if isinstance(raw_app, dict):
            hand.append(("表三", read_applications_table(raw_app), stats["applications"]["table"],
                         check_applications, L.APPLICATION_ROW_LABELS, L.APPLICANT_COLUMNS))
        if isinstance(raw_rev, dict):
            hand.append(("表四", read_reviews_table(raw_rev), stats["reviews"]["table"], check_reviews,
                         L.REVIEW_GROUPS, L.REVIEW_COLUMNS))
        for name, ht, computed, check, rows, cols in hand:
            for f in check(ht.table):
                add("error", f"crosscheck-{f.check}",
                    f"手工填报的{name}“{f.row}”“{f.column}”：应为 {f.expected}，实为 {f.actual}（{CHECKS[f.check][0]}）",
                    f"hand-entered {name}: {f.row} / {f.column}: expected {f.expected}, got {f.actual}", where)
            for row in rows:
                for col in cols:
                    given = ht.table[row][col]
                    if given != computed[row][col]:
                        add("warning", "hand-differs",
                            f"手工填报的{name}“{row}”“{col}”为 {given}，按登记簿计算为 {computed[row][col]}"
                            "（报告采用计算结果）",
                            f"hand-entered {name} {row} / {col} is {given}; the register gives "
                            f"{computed[row][col]} (the report prints the computed figure)", where)
    nar = stats.get("narrative")
    if nar is None:
        add("warning", "narrative-missing", f"登记簿中没有 reports/{year}.yaml：总体情况、存在问题、其他事项和"
            "许可处罚数量须补充", f"reports/{year}.yaml is missing: narrative and licensing figures are blank")
    else:
        for key, what in NARRATIVE_KEYS.items():
            if not nar.get(key):
                add("warning", "narrative-missing", f"reports/{year}.yaml 未填写 {key}（{what}），报告中留有待填写标记",
                    f"reports/{year}.yaml has no {key}: the report shows a placeholder", f"reports/{year}.yaml")
        _fee_checks(stats, records, add, fee_in_row)
        _number_style(stats, add)
    for row, values in stats["proactive"]["table"].items():
        for col, v in values.items():
            if v is None:
                add("warning", "figure-unknown", f"表二“{row}”“{col}”没有数据（reports/{year}.yaml 的 proactive），"
                    "报告中印为“—”", f"table 二 {row} / {col} has no figure (reports/{year}.yaml proactive): printed as —",
                    f"reports/{year}.yaml")
    for note in stats.get("notes", []):
        add("warning", "data-note", f"{note['record']}：{note['problem_zh']}", f"{note['record']}: {note['problem_en']}",
            note["path"])
    return out


def _report_record(records: list, year: int):
    from govdisc.stats.annual import report_record

    return report_record(records, year)


#: "无需要报告的其他事项", "没有其他需要报告的事项"...
_NOTHING_TO_REPORT = re.compile(r"(无|没有)(其他)?需要报告的(其他)?事项")
#: 1,146: the format writes plain digits
_THOUSANDS = re.compile(r"(?<![\d.,])\d{1,3}(?:,\d{3})+(?![\d,])")


def _number_style(stats: dict, add) -> None:
    nar = stats["narrative"]
    where = f"reports/{stats['year']}.yaml"
    for key in NARRATIVE_KEYS:
        for m in _THOUSANDS.finditer(nar.get(key) or ""):
            plain = m.group().replace(",", "")
            add("warning", "number-style", f"reports/{stats['year']}.yaml 的 {key} 中“{m.group()}”带千位分隔符，"
                f"报告中的数字应写作“{plain}”，与表格一致", f"{key} writes {m.group()} with a thousands separator; "
                f"write {plain} as the tables do", where)


def _fee_checks(stats: dict, records: list | None, add, fee_in_row: bool = True) -> None:
    year = stats["year"]
    nar = stats["narrative"]
    fees = nar.get("processing_fees")
    other = nar.get("other") or ""
    where = f"reports/{year}.yaml"
    if fees and _NOTHING_TO_REPORT.search(other):
        add("warning", "other-contradicts", f"“其他需要报告的事项”写了“{_NOTHING_TO_REPORT.search(other).group()}”，"
            f"但第六部分还要说明收取的信息处理费（{_n(fees)}元）：删去这句",
            "`other` says there is nothing to report, yet section 六 reports the 信息处理费 collected: drop that phrase",
            where)
    row = stats["proactive"]["table"].get(L.FEES, {}).get(L.FEE_AMOUNT)
    if fee_in_row and fees and row is not None and row * 10000 + 1e-6 < fees:
        add("warning", "fee-row", f"表二“行政事业性收费”本年收费金额为 {_n(row)}万元，少于本年收取的信息处理费 {_n(fees)}元"
            f"（{_n(fees / 10000)}万元）；信息处理费属于行政事业性收费，应计入 proactive.fees_wan"
            "（如按本地要求不计入，在 govdisc.yaml 设置 rules.processing_fee_in_fee_row: false）",
            f"table 二 行政事业性收费 is {_n(row)} 万元, less than the 信息处理费 collected ({_n(fees)} 元 = "
            f"{_n(fees / 10000)} 万元), which is a 行政事业性收费 and belongs in proactive.fees_wan "
            "(or set rules.processing_fee_in_fee_row: false)", where)
    if fees is not None and "信息处理费" in other and _n(fees) not in other:
        add("warning", "fee-text", f"“其他需要报告的事项”中的信息处理费金额与 processing_fees（{_n(fees)}元）不一致",
            f"the 信息处理费 amount in `other` differs from processing_fees ({_n(fees)} yuan)", where)
    if fees is None:
        add("warning", "fee-missing", f"reports/{year}.yaml 未填写 processing_fees（信息处理费），六中不能说明收费情况",
            f"reports/{year}.yaml has no processing_fees", where)
    if records is None or fees is None:
        return
    paid = paid_fees(records, year)
    if paid is not None and abs(paid - fees) > 1e-9:
        add("warning", "fee-differs", f"processing_fees 为 {_n(fees)}元，登记簿中本年缴费的收费通知金额合计 {_n(paid)}元",
            f"processing_fees is {_n(fees)} yuan; the fee notices paid in {year} add up to {_n(paid)} yuan", where)


def paid_fees(records: list, year: int) -> float | None:
    """信息处理费 paid in the year: the last fee_notice amount of each application with a
    fee_paid event dated in the year (None when no application records any fee)."""
    from govdisc.dates import parse_date

    total = 0.0
    any_fee = False
    for rec in records:
        if rec.kind != "application":
            continue
        events = rec.data.get("events")
        amount = None
        paid = False
        for ev in events if isinstance(events, list) else []:
            if not isinstance(ev, dict):
                continue
            if ev.get("type") == "fee_notice" and isinstance(ev.get("amount"), (int, float)) \
                    and not isinstance(ev.get("amount"), bool):
                amount = ev["amount"]
                any_fee = True
            elif ev.get("type") == "fee_paid":
                d = parse_date(ev.get("date"))
                paid = paid or (d is not None and d.year == year)
        if paid and amount is not None:
            total += amount
    return total if any_fee else None
