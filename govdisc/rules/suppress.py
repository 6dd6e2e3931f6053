"""Inline suppressions: `# govdisc: ignore[CODE,...] reason` on a line, or before the first key."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from govdisc.model import Finding
from govdisc.codes import finding

_MARK = re.compile(r"#\s*govdisc:\s*ignore\[([A-Za-z0-9_,\s]+)\]\s*(.*)$")


@dataclass(slots=True)
class Suppression:
    line: int
    column: int
    codes: frozenset[str]
    reason: str
    whole_record: bool
    used: set[str] = field(default_factory=set)


#: Suppression comments read per file: a record needs a handful; past this the rest are not read
#: (their findings stay reported), so a file of comments cannot make a finding of each.
MAX_MARKS = 1000


def parse_suppressions(text: str) -> list[Suppression]:
    out: list[Suppression] = []
    header = True  # comment lines before the first key cover the whole record
    for n, line in enumerate(text.splitlines(), 1):
        stripped = line.strip()
        if header and stripped and not stripped.startswith("#") and stripped != "---":
            m = _MARK.search(line)
            if m:  # a mark on the record's first line also covers the whole record
                out.append(_make(n, line, m, True))
            header = False
            continue
        m = _MARK.search(line)
        if m and ('"' not in line[: m.start()] or line[: m.start()].count('"') % 2 == 0):
            out.append(_make(n, line, m, header))
            if len(out) >= MAX_MARKS:
                break
    return out


def _make(n: int, line: str, m: re.Match[str], whole: bool) -> Suppression:
    codes = frozenset(c.strip().upper() for c in m.group(1).split(",") if c.strip())
    return Suppression(n, m.start() + 1, codes, m.group(2).strip(), whole)


def apply_suppressions(path: str, text: str, findings: list[Finding]) -> list[Finding]:
    """Drop suppressed findings of one file; add REG014/REG015 about the comments themselves."""
    marks = parse_suppressions(text)
    if not marks:
        return findings
    # the first mark (in file order) naming the code, per line and for the whole record: one
    # look-up per finding instead of a pass over every mark (linear in marks plus findings)
    whole: dict[str, int] = {}
    on_line: dict[tuple[int, str], int] = {}
    for i, m in enumerate(marks):
        for code in m.codes:
            if m.whole_record:
                whole.setdefault(code, i)
            else:
                on_line.setdefault((m.line, code), i)
    kept: list[Finding] = []
    for f in findings:
        first = min(whole.get(f.code, len(marks)), on_line.get((f.line or 0, f.code), len(marks)))
        mark = marks[first] if first < len(marks) else None
        if mark is None:
            kept.append(f)
        else:
            mark.used.add(f.code)
    for m in marks:
        codes = ",".join(sorted(m.codes))
        if not m.reason:
            kept.append(finding("REG014", path, line=m.line, column=m.column, codes=codes))
        unused = sorted(m.codes - m.used)
        if unused:
            kept.append(finding("REG015", path, line=m.line, column=m.column, codes=",".join(unused)))
    return kept
