"""A terminal summary of the annual figures (`govdisc stats --format table`)."""

from __future__ import annotations

from rich.table import Table


def stats_summary(data: dict, lang: str) -> Table:
    en = lang == "en"
    apps = data["applications"]
    cols = apps["columns"]
    table = Table(title=f"{data['agency']} {data['year']}" + (" — applications" if en else " 收到和处理政府信息公开申请情况"))
    table.add_column("row" if en else "项目", overflow="fold")
    for c in cols:
        table.add_column(c, justify="right")
    for row in apps["rows"]:
        values = apps["table"][row["label"]]
        table.add_row(row["label"], *(str(values[c]) for c in cols))
    return table
