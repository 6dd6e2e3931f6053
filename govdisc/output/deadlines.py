"""Obligations → table, JSON, explanation text, and `calendar show` text.

Record ids, department names and paths come from the register: table cells get them as `Text`
(never parsed as rich markup, so "[/x]" cannot crash the table) and every text output passes
them through govdisc.textsafety first.
"""

from __future__ import annotations

import json

from rich.table import Table
from rich.text import Text

from govdisc.calendar import WorkCalendar
from govdisc.deadlines.explain import explain_lines
from govdisc.deadlines.labels import OBLIGATIONS, STATUSES, label
from govdisc.model import Obligation
from govdisc.textsafety import json_text, terminal_text

STATUS_STYLE = {"overdue": "bold red", "due_soon": "yellow", "open": "green", "waiting": "dim",
                "done": "dim", "late": "red"}


def to_json(obligations: list[Obligation], lang: str) -> str:
    return json_text(json.dumps([ob.to_json(lang=lang) for ob in obligations], ensure_ascii=False, indent=2))


def _cell(text: str | None) -> Text:
    """A table cell holding user text literally: no markup, terminal controls made visible."""
    return Text(terminal_text(text or ""))


def to_table(obligations: list[Obligation], lang: str, department_name=lambda d: d or "") -> Table:
    en = lang == "en"
    table = Table(title="Open obligations" if en else "未完成的法定期限", show_lines=False)
    # ids, dates, counts and paths are tokens (no_wrap, never broken); the rest is prose
    for head, token in ((("due", "期限"), True), (("left", "剩余"), True), (("status", "状态"), False),
                        (("obligation", "事项"), False), (("record", "记录"), True),
                        (("department", "部门"), False), (("file", "文件"), True)):
        table.add_column(head[0] if en else head[1], overflow="fold", no_wrap=token)
    for ob in obligations:
        style = STATUS_STYLE.get(ob.status, "")
        unit = ("h" if en else "小时") if "T" in ob.due else ("wd" if en else "工作日")
        left = "" if ob.days_left is None else f"{ob.days_left} {unit}"
        status = label(STATUSES, ob.status, lang) + (" (provisional)" if en and ob.provisional else "")
        if ob.provisional and not en:
            status += "（暂定）"
        table.add_row(ob.due.replace("T", " ")[:16], left, Text(status, style=style),
                      label(OBLIGATIONS, ob.obligation, lang), _cell(ob.record),
                      _cell(department_name(ob.department)), _cell(ob.path))
    return table


def explanation(obligations: list[Obligation], lang: str) -> str:
    blocks = ["\n".join(terminal_text(line) for line in explain_lines(ob, lang)) for ob in obligations]
    return "\n\n".join(blocks)


def calendar_year(cal: WorkCalendar, year: int, lang: str) -> str:
    en = lang == "en"
    known = cal.is_known_year(year)
    lines = [f"{year}: " + (
        ("official schedule known" if known else "official schedule NOT known — deadlines in this year are provisional")
        if en else
        ("已收录国务院节假日安排" if known else "未收录国务院节假日安排——落在本年度的期限为暂定，可在 govdisc.yaml 的 calendar 中录入"))]
    lines.append("")
    if known:
        lines.append("Holidays (days off):" if en else "放假：")
    else:
        lines.append("Holidays estimated from the statutory festivals (not an official schedule):" if en
                     else "放假（按法定节日推算，不是国务院公布的安排）：")
    mark = "" if known else (" (estimated)" if en else "（推算）")
    for b in cal.breaks(year):
        if any(c.kind == "holiday" for c in cal.days(year) if b.start <= c.date <= b.end):
            name = b.name_en if en else b.name_zh
            lines.append(f"  {b.start} – {b.end}  {b.days:>2} {'days' if en else '天'}  {name}{mark}")
    lines.append("")
    lines.append("Make-up working days (调休上班):" if en else "调休上班：")
    makeup = cal.makeup_days(year)
    for c in makeup:
        lines.append(f"  {c.date}  {_weekday(c.date.weekday(), en)}  {c.name_en if en else c.name_zh}")
    if not makeup:
        lines.append("  (none)" if en else "  （无）")
    return "\n".join(lines)


def _weekday(n: int, en: bool) -> str:
    return ("Mon Tue Wed Thu Fri Sat Sun".split() if en else "周一 周二 周三 周四 周五 周六 周日".split())[n]
