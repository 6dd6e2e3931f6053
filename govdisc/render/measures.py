"""Report blocks for what the implementation measures ask the reports to show: rectification of the
problems found (二(四)4), public participation (二(八)), and the assessment, conduct review and
accountability (三(十三); 《条例》第五十条第（四）项).

Self-contained, so the report modules only hook them in:

    annual_blocks(stats) -> {section key: [block]}     sentences for sections 一 and 五 of the annual report
    review_sections(data) -> [section]                  the self-inspection's parts 三 and 四
    rectification_grid(rows) -> Grid                    one department's problems and their rectification
"""

from __future__ import annotations

from govdisc.render.env import zh_date
from govdisc.render.grid import UNKNOWN, Grid, simple_grid
from govdisc.stats.measures import participation_summary


def _p(text: str) -> dict:
    return {"type": "paragraph", "text": text, "source": "computed"}


def _h(text: str, level: int = 2) -> dict:
    return {"type": "heading", "text": text, "level": level}


def _d(value: str | None) -> str:
    return zh_date(value) if value else UNKNOWN


# -- annual report --------------------------------------------------------------------------------


def participation_sentence(year: int, part: dict) -> str | None:
    if not (part["activities"] or part["channels"] or part["decisions"]):
        return None
    text = f"公众参与方面，{year}年"
    kinds = "、".join(f"{k}{n}次" for k, n in part["by_kind"].items())
    text += f"组织{kinds}" if kinds else "没有登记征求意见、听证座谈等公众参与活动"
    if part["decisions"]:
        text += f"，标明涉及重大公共利益和公众权益的决策{part['decisions']}项"
    if part["channels"]:
        text += f"；热线、局长信箱等{part['channels']}个参与渠道共受理{part['received']}件、办结{part['handled']}件"
    return text + "。"


def rectification_sentence(year: int, rect: dict) -> str:
    if not rect["found"]:
        return f"{year}年各部门年终自查未登记发现的问题。"
    text = f"{year}年各部门年终自查和跟踪检查发现问题{rect['found']}个，年底前已整改{rect['rectified']}个"
    if rect["open"]:
        text += f"，正在整改{rect['open']}个"
    if rect["overdue"]:
        text += f"，逾期未整改{rect['overdue']}个"
    return text + "。"


def assessment_sentence(year: int, a: dict | None) -> str:
    if a is None:
        return f"{year}年度政府信息公开工作考核评议情况未登记（assessments/{year}.yaml）。"
    parts = []
    if a["target_included"]:
        weight = f"，分值{a['target_weight']}" if a["target_weight"] else ""
        parts.append(f"政府信息公开工作纳入年度单位目标量化考核{weight}" + (f"，考核结果：{a['target_result']}" if a["target_result"] else ""))
    if a["review_included"]:
        parts.append("纳入行风评议" + (f"，评议结果：{a['review_result']}" if a["review_result"] else ""))
    if a["check_date"]:
        parts.append(f"年终督促检查于{zh_date(a['check_date'])}完成")
    n = len(a["accountability"])
    parts.append(f"全年问责{n}次" if n else "全年未发生问责")
    return "考核评议和责任追究方面，" + "；".join(parts) + "。"


def annual_blocks(stats: dict) -> dict[str, list[dict]]:
    """Computed paragraphs to add at the end of sections 一 (participation) and 五 (rectification,
    assessment) of the annual report."""
    m = stats.get("measures")
    if not m:
        return {}
    year = stats["year"]
    overview = [s for s in (participation_sentence(year, m["participation"]),) if s]
    problems = [rectification_sentence(year, m["rectification"]), assessment_sentence(year, m["assessment"])]
    return {"overview": [_p(s) for s in overview], "problems": [_p(s) for s in problems]}


# -- self-inspection --------------------------------------------------------------------------------


def rectification_grid(rows: list[dict]) -> Grid:
    """Problem (with where it was found), measure, deadline, completion, status; the date columns
    are wide enough for 2025年12月19日 on one line at 9 pt."""
    return simple_grid(["问题（来源）", "整改措施", "整改期限", "完成日期", "状态"],
                       [[(r["problem"] or UNKNOWN) + (f"（{r['source_label']}）" if r["source_label"] else ""),
                         r["rectification"] or UNKNOWN, _d(r["deadline"]), _d(r["done"]), r["status_label"]]
                        for r in rows],
                       widths=[4.0, 3.6, 2.9, 2.9, 1.8], align=["left", "left", "center", "center", "center"],
                       font_pt=9)


def _open_block(data: dict) -> list[dict]:
    rows = [r for r in data.get("rectifications", []) if r["status"] not in ("done", "late")]
    b: list[dict] = []
    if not rows:
        b.append(_p(f"截至{zh_date(data['as_of'])}，各部门自查和跟踪检查发现的问题均已整改完成。"))
        return b
    overdue = [r for r in rows if r["status"] == "overdue"]
    text = f"截至{zh_date(data['as_of'])}，尚有{len(rows)}个问题未整改完成"
    text += f"，其中{len(overdue)}个已超过整改期限，局办公室应督促整改。" if overdue else "，均在整改期限内。"
    b.append(_p(text))
    b.append({"type": "table", "grid": simple_grid(
        ["部门", "年度", "问题", "整改期限", "状态"],
        [[r["department_name"], f"{r['year']}年", r["problem"] or UNKNOWN, _d(r["deadline"]), r["status_label"]]
         for r in rows], widths=[1.8, 1.4, 5.6, 2.6, 1.8], align=["center", "center", "left", "center", "center"],
        font_pt=9)})
    return b


def _participation_block(data: dict) -> list[dict]:
    part = data.get("participation")
    b = [_h("（一）公众参与情况")]
    if part is None:
        return b + [_p("（生成本报告时未统计公众参与情况。）")]
    sentence = participation_sentence(data["year"], participation_summary(part))
    b.append(_p(sentence or f"{data['year']}年没有登记公众参与活动和参与渠道。"))
    if part["activities"]:
        b.append({"type": "table", "grid": simple_grid(
            ["日期", "方式", "活动", "承办部门", "参与人数"],
            [[_d(a["date"]), a["kind_label"] or UNKNOWN, a["title"] or UNKNOWN, a["department_name"] or UNKNOWN,
              a["participants"] if a["participants"] is not None else UNKNOWN] for a in part["activities"]],
            widths=[2.6, 1.8, 5.2, 2.2, 1.6], align=["center", "center", "left", "center", "center"], font_pt=9)})
    if part["channels"]:
        b.append({"type": "table", "grid": simple_grid(
            ["渠道", "类型", "负责部门", "受理件数", "办结件数"],
            [[c["title"] or UNKNOWN, c["channel_label"] or UNKNOWN, c["department_name"] or UNKNOWN,
              c["received"] if c["received"] is not None else UNKNOWN,
              c["handled"] if c["handled"] is not None else UNKNOWN] for c in part["channels"]],
            widths=[4, 2, 2, 1.6, 1.6], align=["left", "center", "center", "center", "center"], font_pt=9)})
    return b


def _assessment_block(data: dict) -> list[dict]:
    return [_h("（二）考核评议和问责情况"), _p(assessment_sentence(data["year"], data.get("assessment")))]


def review_sections(data: dict) -> list[dict]:
    """Parts 三 (rectification tracked by the office) and 四 (participation, assessment) of the
    self-inspection report, agency-wide."""
    return [{"key": "rectification", "heading": "三、整改跟踪情况", "blocks": _open_block(data)},
            {"key": "measures", "heading": "四、公众参与和考核评议情况",
             "blocks": _participation_block(data) + _assessment_block(data)}]
