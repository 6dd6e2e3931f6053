"""Tables in a pipe keep ids, dates and paths whole (govdisc.output.tables)."""

from __future__ import annotations

import io

from rich.console import Console
from rich.table import Table

from govdisc.output.tables import needed_width, print_table


def table() -> Table:
    t = Table(title="t")
    t.add_column("date", no_wrap=True)
    t.add_column("what")
    t.add_column("id", no_wrap=True)
    t.add_row("2026-11-12", "编制主动公开基本目录和自查报告", "YSQ-2026-0003")
    return t


def test_needed_width_keeps_token_columns_whole():
    assert needed_width(table()) == (10 + 2) + (8 + 2) + (13 + 2) + 4


def test_a_narrow_pipe_does_not_break_tokens():
    out = io.StringIO()
    print_table(Console(file=out, width=30, force_terminal=False), table())
    text = out.getvalue()
    assert "2026-11-12" in text and "YSQ-2026-0003" in text


def test_a_terminal_keeps_its_width():
    out = io.StringIO()
    print_table(Console(file=out, width=30, force_terminal=True, color_system=None), table())
    assert max(len(line) for line in out.getvalue().splitlines()) <= 30
