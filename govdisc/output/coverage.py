"""docs/coverage.md: what govdisc does with each clause of the implementation measures and each article
of the Regulation, from the mapping docs/coverage.yaml and the rule registry's `clauses`.

    python -m govdisc.output.coverage docs/coverage.yaml > docs/coverage.md

`problems(mapping)` lists what makes the mapping inconsistent with the code (a rule citing a clause
the mapping does not list, a status that does not match what implements the clause, a field the
schemas do not have, an unknown clock); tests/unit/test_coverage.py requires it to be empty and
the committed docs/coverage.md to be current.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from typing import Any

from govdisc.codes import Rule
from govdisc.deadlines.labels import OBLIGATIONS
from govdisc.rules import REGISTRY

STATUSES = {"checked": ("已检查", "checked"), "recorded": ("仅记录", "recorded only"),
            "out_of_scope": ("不适用", "out of scope")}
GROUPS = {"measures": ("《政务公开工作实施办法》", "implementation measures"),
          "regulation": ("《中华人民共和国政府信息公开条例》", "the Regulation")}
_ARTICLE = re.compile(r"^(条例第\d+条)")


def article_of(clause: str) -> str:
    """条例第33条第2款 → 条例第33条; clauses of the measures are themselves."""
    m = _ARTICLE.match(clause)
    return m.group(1) if m else clause


def rules_by_clause() -> dict[str, list[Rule]]:
    out: dict[str, list[Rule]] = {}
    for r in REGISTRY.values():
        for clause in dict.fromkeys(article_of(c) for c in r.clauses):
            out.setdefault(clause, []).append(r)
    return out


def entries(mapping: dict) -> list[tuple[str, dict]]:
    return [(group, e) for group in GROUPS for e in mapping.get(group) or [] if isinstance(e, dict)]


def _field_ok(spec: str) -> bool:
    from govdisc.authoring import fieldhelp

    kind, _, path = spec.partition(":")
    try:
        fieldhelp.field(kind, path)
    except (KeyError, FileNotFoundError):
        return False
    return True


def problems(mapping: dict) -> list[str]:
    """Inconsistencies between the mapping and the code (empty when docs/coverage.md may be built)."""
    out: list[str] = []
    by_clause = rules_by_clause()
    listed = [e.get("clause") for _, e in entries(mapping)]
    for clause, n in Counter(listed).items():
        if n > 1:
            out.append(f"{clause}: listed {n} times")
    for clause in sorted(set(by_clause) - set(listed)):
        out.append(f"{clause}: cited by {', '.join(r.code for r in by_clause[clause])} but not in the mapping")
    for _, e in entries(mapping):
        clause, status = e.get("clause"), e.get("status")
        rules, clocks = by_clause.get(clause, []), e.get("clocks") or []
        if status not in STATUSES:
            out.append(f"{clause}: unknown status {status!r}")
        elif status == "checked" and not (rules or clocks):
            out.append(f"{clause}: checked, but no rule cites it and no clock is named")
        elif status != "checked" and rules:
            out.append(f"{clause}: {status}, but {', '.join(r.code for r in rules)} cite it (make it checked)")
        if status == "recorded" and not e.get("fields"):
            out.append(f"{clause}: recorded, but no field is named")
        if status == "out_of_scope" and not e.get("reason"):
            out.append(f"{clause}: out of scope without a reason")
        out += [f"{clause}: unknown clock {c}" for c in clocks if c not in OBLIGATIONS]
        out += [f"{clause}: no field {f}" for f in e.get("fields") or [] if not _field_ok(f)]
    return out


def counts(mapping: dict) -> dict[str, Counter]:
    return {group: Counter(e.get("status") for g, e in entries(mapping) if g == group) for group in GROUPS}


def _cell(text: Any) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ") if text else ""


def render(mapping: dict) -> str:
    by_clause = rules_by_clause()
    c = counts(mapping)
    lines = ["# govdisc 条款覆盖表 (coverage)", "",
             "本文件由 `python -m govdisc.output.coverage docs/coverage.yaml > docs/coverage.md` 从条款对照表"
             "（docs/coverage.yaml）和规则注册表（每条规则的 clauses）生成，请勿手工编辑。",
             "Generated from docs/coverage.yaml and the rules' `clauses`; do not edit by hand.", "",
             "状态：**已检查**（有规则或期限检查）、**仅记录**（登记簿有字段记录，不作检查）、**不适用**（不是登记簿数据，说明理由）。",
             "Status: **checked** (a rule or a deadline clock judges it), **recorded only** (the register holds it, "
             "nothing judges it), **out of scope** (not register data; the reason is given).", "",
             "| | 已检查 checked | 仅记录 recorded only | 不适用 out of scope | 合计 total |", "|---|---|---|---|---|"]
    for group, (zh, en) in GROUPS.items():
        n = c[group]
        lines.append(f"| {zh} ({en}) | {n['checked']} | {n['recorded']} | {n['out_of_scope']} | {sum(n.values())} |")
    for group, (zh, en) in GROUPS.items():
        lines += ["", f"## {zh} ({en})", "",
                  "| 条款 | 内容 | 状态 | 规则 rules | 期限 clocks | 字段 fields | 报告 reports | 说明 notes |",
                  "|---|---|---|---|---|---|---|---|"]
        for g, e in entries(mapping):
            if g != group:
                continue
            clause = e.get("clause", "")
            rules = ", ".join(r.code for r in by_clause.get(clause, []))
            clocks = ", ".join(f"`{k}` {OBLIGATIONS[k][0]}" for k in e.get("clocks") or [] if k in OBLIGATIONS)
            fields = ", ".join(f"`{f}`" for f in e.get("fields") or [])
            reports = "；".join(e.get("reports") or [])
            notes = e.get("reason") or e.get("note") or ""
            status = STATUSES.get(e.get("status"), ("?", "?"))
            lines.append(f"| {_cell(clause)} | {_cell(e.get('title'))} | {status[0]} {status[1]} | {rules} | {clocks} "
                         f"| {fields} | {_cell(reports)} | {_cell(notes)} |")
    plain = sorted((r for r in REGISTRY.values() if not r.clauses), key=lambda r: r.code)
    lines += ["", "## 不对应条款的规则 (rules that implement no clause)", "",
              "登记簿结构、文件格式和公文格式（GB/T 9704）的规则，不对应实施办法或条例的条款：",
              "Register structure, file format and document-number (GB/T 9704) rules:", "",
              ", ".join(r.code for r in plain), ""]
    return "\n".join(lines)


def load(path: str) -> dict:
    from govdisc.loading.yamlio import load_text

    with open(path, encoding="utf-8") as fh:
        data, err = load_text(fh.read())
    if err is not None or not isinstance(data, dict):
        raise SystemExit(f"{path}: cannot read the mapping ({err})")
    return data


if __name__ == "__main__":  # pragma: no cover
    mapping = load(sys.argv[1] if len(sys.argv) > 1 else "docs/coverage.yaml")
    found = problems(mapping)
    if found:
        sys.stderr.write("\n".join(found) + "\n")
        raise SystemExit(1)
    print(render(mapping), end="")
