"""ASM rules: the year's assessment, conduct review, supervision check and accountability (三(十三))."""

from __future__ import annotations

from datetime import date

from support import record, run_rule

GOOD = {"year": 2024, "completed": "2025-01-20",
        "target_assessment": {"included": True, "weight": "5分", "date": "2025-01-15", "result": "达标"},
        "conduct_review": {"included": True, "date": "2024-11-28", "result": "满意"},
        "supervision_check": {"date": "2024-12-16", "summary": "检查各处室"},
        "accountability": [{"date": "2024-09-10", "department": "gbc", "reason": "逾期答复", "action": "通报批评"}]}


def assessment(**changes):
    data = {**GOOD, **changes}
    data = {k: v for k, v in data.items() if v is not None}
    return record("assessment", f"assessments/{data.get('year', 2024)}.yaml", data)


def catalog(year):
    return record("catalog", f"catalog/bgs/{year}.yaml", {"department": "bgs", "year": year, "compiled": f"{year}-01-05"})


def test_asm001_missing_record_is_a_year_end_duty():
    [f] = run_rule("ASM001", [catalog(2024)], as_of=date(2025, 2, 1))
    assert f.path == "govdisc.yaml" and "assessments/2024.yaml" in f.message_zh and "2025-01-31" in f.message_zh
    assert run_rule("ASM001", [catalog(2024)], as_of=date(2025, 1, 31)) == []
    assert run_rule("ASM001", [catalog(2024), assessment()], as_of=date(2025, 2, 1)) == []


def test_asm001_late_and_undated():
    [f] = run_rule("ASM001", [assessment(completed="2025-02-10")], as_of=date(2025, 3, 1))
    assert f.pointer == ("completed",) and "晚于期限" in f.message_zh
    [g] = run_rule("ASM001", [assessment(completed=None)], as_of=date(2025, 3, 1))
    assert g.anchor == "parent" and "completed" in g.message_zh


def test_asm002_asm003_inclusion():
    rec = assessment(target_assessment={"included": False}, conduct_review={"date": "2024-11-28"})
    [a] = run_rule("ASM002", [rec], as_of=date(2025, 3, 1))
    assert a.pointer == ("target_assessment", "included")
    [b] = run_rule("ASM003", [rec], as_of=date(2025, 3, 1))
    assert b.pointer == ("conduct_review",) and b.anchor == "parent"
    assert run_rule("ASM002", [assessment()], as_of=date(2025, 3, 1)) == []
    assert run_rule("ASM003", [assessment()], as_of=date(2025, 3, 1)) == []
    # the year in progress is not judged
    assert run_rule("ASM002", [rec], as_of=date(2024, 12, 31)) == []


def test_asm004_supervision_check():
    [f] = run_rule("ASM004", [assessment(supervision_check=None)], as_of=date(2025, 3, 1))
    assert f.severity == "warning" and f.pointer == ()
    assert run_rule("ASM004", [assessment()], as_of=date(2025, 3, 1)) == []


def test_asm005_accountability_incomplete():
    rec = assessment(accountability=[{"reason": "逾期答复"}, GOOD["accountability"][0]])
    [f] = run_rule("ASM005", [rec], as_of=date(2025, 3, 1))
    assert f.pointer == ("accountability", 0) and "日期、被问责部门、问责方式" in f.message_zh
    assert run_rule("ASM005", [assessment()], as_of=date(2025, 3, 1)) == []


def test_asm_rules_tolerate_malformed_records():
    junk = record("assessment", "assessments/2024.yaml", {"year": "x", "target_assessment": 5, "accountability": [None, 3],
                                                           "supervision_check": "x", "completed": "soon"})
    for code in ("ASM001", "ASM002", "ASM003", "ASM004", "ASM005"):
        run_rule(code, [junk, catalog(2024)], as_of=date(2025, 3, 1))
