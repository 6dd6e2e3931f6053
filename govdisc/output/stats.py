"""A terminal summary of the annual figures (`govdisc stats --format table`)."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text

from govdisc.textsafety import terminal_text


def stats_summary(data: dict, lang: str) -> Table:
    en = lang == "en"
    apps = data["applications"]
    cols = apps["columns"]
    # the agency name is register text: a Text title is not parsed as markup ("[/x]" would raise)
    suffix = " — applications" if en else " 收到和处理政府信息公开申请情况"
    title = f"{terminal_text(data['agency'])} {data['year']}{suffix}"
    table = Table(title=Text(title))
    table.add_column("row" if en else "项目", overflow="fold", min_width=16)
    for c in cols:  # numbers and the applicant categories above them are never broken
        table.add_column(c, justify="right", no_wrap=True)
    for label, level, values in rows_with_groups(apps):
        if values is None:  # a group header: 三、本年度办理结果, （三）不予公开 …
            table.add_row(Text("  " * (level - 1) + label, style="bold"), *([""] * len(cols)))
        else:
            table.add_row("  " * (level - 1) + label, *(str(values[c]) for c in cols))
    return table


def rows_with_groups(apps: dict) -> list[tuple[str, int, dict | None]]:
    """The table's rows with the headings of their groups put before them, as in the official
    table (the numbered sub-rows of 三 mean nothing without 三 and （三）…（六）): (label, level,
    values), values None for a heading."""
    out: list[tuple[str, int, dict | None]] = []
    level1 = level2 = None
    for row in apps["rows"]:
        level = row.get("level", 1)
        if level > 1 and row.get("level1") != level1:
            out.append((row["level1"], 1, None))
        if level > 2 and row.get("level2") != level2:
            out.append((row["level2"], 2, None))
        level1, level2 = row.get("level1"), row.get("level2") if level > 2 else None
        out.append((row["label"], level, apps["table"][row["label"]]))
    return out
