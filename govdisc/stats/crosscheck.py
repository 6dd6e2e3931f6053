"""The cross-checks (勾稽关系) of the annual-report tables, on computed or hand-entered tables.

Section 三 (applications), per the issue's lettering:
- (a) 一 + 二 = （七）总计 + 四, per column — the official note in the table's header cell;
- (b) 总计 column = 自然人 + 商业企业 + 科研机构 + 社会公益组织 + 法律服务机构 + 其他, per row;
- (c) （七）总计 = the sum of the 21 result rows above it, per column.
(The reference, ogi-reference.md §2.4, letters (b) and (c) the other way round; (b) and (c)
are derived from the table's structure, not stated by the format.)
Section 四 (reviews):
- (d) in each group (行政复议, 未经复议直接起诉, 复议后起诉) 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结.

Each check returns a list of `Failure(check, row, column, expected, actual)`: `actual` is the
cell at (row, column) — （七）总计 for (a) and (c), the 总计 cell for (b) and (d) — and
`expected` what the other cells add up to ((a): 一 + 二 − 四).

Hand-entered tables (reports/<year>.yaml `applications_table`, `reviews_table`) are first read
with `read_applications_table` / `read_reviews_table`: labels are normalised to the official
ones (govdisc.stats.labels), missing cells count as 0, and the raw keys are kept so findings
can point at the cell as written.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, NamedTuple

from govdisc.stats import labels as L

CHECKS: dict[str, tuple[str, str]] = {
    "a": ("第一项加第二项之和，等于第三项（七）总计加第四项之和", "一 + 二 = （七）总计 + 四"),
    "b": ("总计列等于自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他各列之和",
          "总计 = the sum of the six applicant columns"),
    "c": ("（七）总计等于（一）至（六）各行之和", "（七）总计 = the sum of the result rows above it"),
    "d": ("总计等于结果维持、结果纠正、其他结果、尚未审结之和", "总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结"),
}


class Failure(NamedTuple):
    check: str  # a | b | c | d
    row: str  # official row label (section 三) or group (section 四)
    column: str
    expected: int
    actual: int

    def to_json(self) -> dict[str, Any]:
        return {"check": self.check, "row": self.row, "column": self.column,
                "expected": self.expected, "actual": self.actual}


def _cell(table: dict, row: str, col: str) -> int:
    r = table.get(row)
    v = r.get(col) if isinstance(r, dict) else None
    return v if isinstance(v, int) and not isinstance(v, bool) else 0


def check_balance(table: dict) -> list[Failure]:
    """(a) 一 + 二 = （七）总计 + 四, per column."""
    out = []
    for col in L.APPLICANT_COLUMNS:
        expected = _cell(table, L.RECEIVED, col) + _cell(table, L.CARRIED_IN, col) - _cell(table, L.CARRIED_OUT, col)
        actual = _cell(table, L.RESULT_TOTAL, col)
        if expected != actual:
            out.append(Failure("a", L.RESULT_TOTAL, col, expected, actual))
    return out


def check_row_totals(table: dict) -> list[Failure]:
    """(b) 总计 = the six applicant columns, per row."""
    out = []
    for row in L.APPLICATION_ROW_LABELS:
        expected = sum(_cell(table, row, c) for c in L.APPLICANT_PARTS)
        actual = _cell(table, row, L.TOTAL)
        if expected != actual:
            out.append(Failure("b", row, L.TOTAL, expected, actual))
    return out


def check_result_totals(table: dict) -> list[Failure]:
    """(c) （七）总计 = the 21 result rows above it, per column."""
    out = []
    for col in L.APPLICANT_COLUMNS:
        expected = sum(_cell(table, r, col) for r in L.RESULT_PART_LABELS)
        actual = _cell(table, L.RESULT_TOTAL, col)
        if expected != actual:
            out.append(Failure("c", L.RESULT_TOTAL, col, expected, actual))
    return out


def check_applications(table: dict) -> list[Failure]:
    """All three checks of the section 三 table, (a) then (b) then (c)."""
    return check_balance(table) + check_row_totals(table) + check_result_totals(table)


def check_reviews(table: dict) -> list[Failure]:
    """(d) each group's 总计 = the sum of its four results."""
    out = []
    for group in L.REVIEW_GROUPS:
        expected = sum(_cell(table, group, c) for c in L.REVIEW_RESULTS)
        actual = _cell(table, group, L.TOTAL)
        if expected != actual:
            out.append(Failure("d", group, L.TOTAL, expected, actual))
    return out


# -- hand-entered tables --------------------------------------------------------------------------


@dataclass
class HandTable:
    """A hand-entered table read into official labels, with the raw keys kept for locating."""

    table: dict[str, dict[str, int]]  # official row/group → official column → value (0 if missing)
    row_keys: dict[str, Any] = field(default_factory=dict)  # official row → key as written
    cells: dict[tuple[str, str], Any] = field(default_factory=dict)  # (row, column) → column key as written
    unknown: list[tuple[Any, ...]] = field(default_factory=list)  # pointers (below the table) of unmatched labels

    def has(self, row: str, col: str) -> bool:
        return (row, col) in self.cells

    def pointer(self, row: str, col: str | None = None) -> tuple[tuple[Any, ...], bool]:
        """Pointer below the table to a cell (or row) as written; the bool is False when the
        cell is missing and the pointer stops at its nearest written parent."""
        if row not in self.row_keys:
            return (), False
        if col is None:
            return (self.row_keys[row],), True
        if (row, col) not in self.cells:
            return (self.row_keys[row],), False
        return (self.row_keys[row], self.cells[(row, col)]), True


def _read(raw: Any, rows: tuple[str, ...], cols: tuple[str, ...], row_of, col_of) -> HandTable:
    out = HandTable({r: {c: 0 for c in cols} for r in rows})
    if not isinstance(raw, dict):
        return out
    for rkey, values in raw.items():
        row = row_of(rkey)
        if row is None or row in out.row_keys:
            out.unknown.append((rkey,))
            continue
        out.row_keys[row] = rkey
        if not isinstance(values, dict):
            continue
        for ckey, v in values.items():
            col = col_of(ckey)
            if col is None or (row, col) in out.cells:
                out.unknown.append((rkey, ckey))
                continue
            out.cells[(row, col)] = ckey
            if isinstance(v, int) and not isinstance(v, bool):
                out.table[row][col] = v
    return out


def read_applications_table(raw: Any) -> HandTable:
    """reports/<year>.yaml `applications_table` → official 25 × 7 table (missing cells 0)."""
    return _read(raw, L.APPLICATION_ROW_LABELS, L.APPLICANT_COLUMNS, L.application_row, L.applicant_column)


def read_reviews_table(raw: Any) -> HandTable:
    """reports/<year>.yaml `reviews_table` → official 3 × 5 table (missing cells 0)."""
    return _read(raw, L.REVIEW_GROUPS, L.REVIEW_COLUMNS, L.review_group, L.review_column)
