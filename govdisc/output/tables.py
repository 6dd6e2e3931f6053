"""Tables that survive a pipe: ids, dates and paths are never broken in the middle.

rich fits a table to the console's width by wrapping cells, and squeezes even `no_wrap` columns
as a last resort ("YSQ-2026-0 / 003" in an 80-column CI log). Columns holding tokens are made
`no_wrap`; when stdout is not a terminal the table is printed on a console just wide enough for
those columns at full width (text columns may still wrap, between characters, which is fine for
prose). On a terminal rich's fitting to the window is kept.
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.console import Console
from rich.table import Table
from rich.text import Text

#: a wrapping column is given at least this many cells
TEXT_MIN = 8


def _plain(cell: object) -> str:
    if isinstance(cell, Text):
        return cell.plain
    return str(cell)


def needed_width(table: Table) -> int:
    """Console width at which no `no_wrap` column of `table` is narrowed, and no other column
    below its min_width (or TEXT_MIN)."""
    total = 0
    for column in table.columns:
        cells = [_plain(column.header), *(_plain(c) for c in column.cells)]
        widest = max((max((cell_len(line) for line in c.splitlines() or [""]), default=0) for c in cells), default=0)
        least = widest if column.no_wrap else max(column.min_width or 0, min(widest, TEXT_MIN))
        total += least + 2  # padding (0, 1)
    edges = len(table.columns) + 1 if table.box is not None else 0
    return total + edges


def print_table(console: Console, table: Table) -> None:
    """Print `table`; off a terminal, on a console wide enough that no token is broken."""
    if not console.is_terminal:
        width = max(console.width, needed_width(table))
        if width != console.width:
            console = Console(file=console.file, width=width, color_system=console.color_system,
                              no_color=console.no_color, highlight=False, soft_wrap=False, emoji=False)
    console.print(table)
