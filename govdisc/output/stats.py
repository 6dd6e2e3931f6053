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
    table.add_column("row" if en else "项目", overflow="fold")
    for c in cols:
        table.add_column(c, justify="right")
    for row in apps["rows"]:
        values = apps["table"][row["label"]]
        table.add_row(row["label"], *(str(values[c]) for c in cols))
    return table
