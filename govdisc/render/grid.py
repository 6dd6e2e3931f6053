"""A table with merged cells, independent of the output format.

Every report table (the national-format tables and the self-inspection lists) is built once as
a `Grid`; the HTML/Markdown templates and the Word writer all draw that same grid, so the three
outputs have the same rows, labels and spans — and the same page breaks: `keep_with_next()`
says which rows must stay on the page of the row after them (Word keep-with-next, HTML
break-after: avoid), so that a caption or header row never ends a page and a total row never
starts one alone.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(slots=True)
class Cell:
    text: str
    colspan: int = 1
    rowspan: int = 1
    header: bool = False  # a label cell (th in HTML, shaded/bold-free in Word)
    align: str = "center"  # left | center | right
    kind: str = ""  # extra CSS class: caption | corner | group | label | num

    @property
    def spans(self) -> bool:
        return self.colspan > 1 or self.rowspan > 1

    def to_json(self) -> dict[str, Any]:
        return {"text": self.text, "colspan": self.colspan, "rowspan": self.rowspan,
                "header": self.header, "align": self.align, "kind": self.kind}


@dataclass(slots=True)
class Grid:
    """Rows of cells in HTML order: a cell covered by a span above or to the left is omitted."""

    columns: int
    rows: list[list[Cell]] = field(default_factory=list)
    head_rows: int = 0  # how many leading rows form the header (repeated on each page)
    widths: list[float] | None = None  # relative column widths
    kind: str = ""  # CSS class of the table
    caption: str | None = None
    font_pt: float = 10.5  # size in Word (五号); HTML scales from it
    #: row indices where a block starts that must not be split over pages (section 二's four
    #: captioned blocks); a page may break only between blocks
    blocks: list[int] = field(default_factory=list)

    @property
    def head(self) -> list[list[Cell]]:
        return self.rows[: self.head_rows]

    @property
    def body(self) -> list[list[Cell]]:
        return self.rows[self.head_rows:]

    @property
    def has_spans(self) -> bool:
        return any(c.spans for row in self.rows for c in row)

    @property
    def simple(self) -> bool:
        """Expressible as a GitHub pipe table: no spans and exactly one header row."""
        return not self.has_spans and self.head_rows == 1

    @property
    def whole(self) -> bool:
        """Short enough never to be split over two pages."""
        return len(self.rows) <= WHOLE_ROWS

    def keep_with_next(self) -> list[bool]:
        """Per row: must it stay on the same page as the next row?

        A short table is kept whole. Otherwise: header rows (repeated on each page) and caption
        rows stay with what follows, and so does the first data row (never one row under a
        header); within a block no row breaks from the next; the last TAIL_ROWS rows stay
        together, so a total row is never alone at the top of a page.
        """
        n = len(self.rows)
        keep = [False] * n
        if n == 0:
            return keep
        if self.whole:
            return [True] * (n - 1) + [False]
        for i in range(min(self.head_rows + 1, n)):
            keep[i] = True
        for i, row in enumerate(self.rows):
            if any(c.kind == "caption" for c in row):
                keep[i] = True
        starts = sorted(set(self.blocks))
        for a, b in zip(starts, starts[1:] + [n]):
            for i in range(a, min(b, n) - 1):
                keep[i] = True
        for i in range(max(0, n - TAIL_ROWS), n - 1):
            keep[i] = True
        keep[-1] = False
        return keep

    def body_groups(self) -> list[list[tuple[list[Cell], bool]]]:
        """The body rows as (cells, keep_with_next), split at the block starts (one group when
        there are no blocks), for formats that mark unbreakable groups (HTML <tbody>)."""
        keep = self.keep_with_next()[self.head_rows:]
        rows = list(zip(self.body, keep))
        starts = sorted({b - self.head_rows for b in self.blocks if b >= self.head_rows} | {0})
        return [rows[a:b] for a, b in zip(starts, starts[1:] + [len(rows)]) if rows[a:b]]

    def placed(self) -> list[tuple[int, int, Cell]]:
        """(row, column, cell) of every cell, columns resolved around the spans above.

        Raises ValueError when the spans do not tile the grid exactly (a bug in a builder).
        """
        taken: set[tuple[int, int]] = set()
        out = []
        for r, row in enumerate(self.rows):
            c = 0
            for cell in row:
                while (r, c) in taken:
                    c += 1
                for dr in range(cell.rowspan):
                    for dc in range(cell.colspan):
                        if (r + dr, c + dc) in taken:
                            raise ValueError(f"overlapping cells at row {r + dr}, column {c + dc}")
                        taken.add((r + dr, c + dc))
                out.append((r, c, cell))
                c += cell.colspan
        expected = {(r, c) for r in range(len(self.rows)) for c in range(self.columns)}
        if taken != expected:
            missing = sorted(expected - taken)[:3]
            extra = sorted(taken - expected)[:3]
            raise ValueError(f"cells do not tile the {len(self.rows)}×{self.columns} grid: "
                             f"missing {missing}, outside {extra}")
        return out

    def to_json(self) -> dict[str, Any]:
        return {"columns": self.columns, "head_rows": self.head_rows, "kind": self.kind,
                "caption": self.caption, "rows": [[c.to_json() for c in row] for row in self.rows]}


def header(text: str, colspan: int = 1, rowspan: int = 1, kind: str = "", align: str = "center") -> Cell:
    return Cell(text, colspan, rowspan, header=True, align=align, kind=kind)


def num(value: Any, colspan: int = 1) -> Cell:
    return Cell(format_number(value), colspan, align="center", kind="num")


def text(value: Any, colspan: int = 1, rowspan: int = 1, align: str = "left") -> Cell:
    return Cell("" if value is None else str(value), colspan, rowspan, align=align)


#: tables of at most this many rows are never split over pages
WHOLE_ROWS = 6
#: the last rows of a longer table that stay together (the total row and the two above it)
TAIL_ROWS = 3

#: printed where a figure is unknown (the register has no value for it)
UNKNOWN = "—"


def format_number(value: Any) -> str:
    """12 → "12", 3.50 → "3.5", None → "—" (never thousands separators: the format prints plain digits)."""
    if value is None or isinstance(value, bool):
        return UNKNOWN
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if value.is_integer():
            return str(int(value))
        return f"{value:.4f}".rstrip("0").rstrip(".")
    return str(value)


def simple_grid(head: list[str], rows: list[list[Any]], widths: list[float] | None = None,
                kind: str = "list", align: list[str] | None = None, font_pt: float = 10.5) -> Grid:
    """A plain list table: one header row, no spans."""
    g = Grid(columns=len(head), head_rows=1, widths=widths, kind=kind, font_pt=font_pt)
    g.rows.append([header(h) for h in head])
    for values in rows:
        cells = []
        for i, v in enumerate(values):
            a = align[i] if align else "left"
            if isinstance(v, Cell):
                cells.append(v)
            elif isinstance(v, (int, float)) and not isinstance(v, bool):
                cells.append(Cell(format_number(v), align="center", kind="num"))
            else:
                cells.append(text(v, align=a))
        g.rows.append(cells)
    return g
