"""DUT rules: leadership duties and training in a finished year."""

from __future__ import annotations

from datetime import date

import pytest
from support import record, run_rule

ALL_TYPES = ["head_interpretation", "head_hears_report", "deputy_research", "deputy_hears_report",
             "training", "exam"]
CODES = {"DUT001": "head_interpretation", "DUT002": "head_hears_report", "DUT003": "deputy_research",
         "DUT004": "deputy_hears_report", "DUT005": "training", "DUT006": "exam"}


def activities(year: int, types: list[str], path: str | None = None, dates: str | None = None) -> object:
    entries = [{"date": dates or f"{year}-06-{10 + i:02d}", "type": t, "title": "活动"} for i, t in enumerate(types)]
    return record("activities", path or f"activities/{year}.yaml", {"year": year, "entries": entries})


def a_document(year: int) -> object:
    return record("document", f"documents/{year}/d.yaml", {"doc_no": f"测发〔{year}〕1号", "formed": f"{year}-03-01"})


@pytest.mark.parametrize("code, kind", CODES.items())
def test_missing_type_in_finished_year(code, kind):
    others = [t for t in ALL_TYPES if t != kind]
    found = run_rule(code, [activities(2024, others)], as_of=date(2025, 1, 2))
    assert [f.code for f in found] == [code]
    f = found[0]
    assert f.path == "activities/2024.yaml" and f.pointer == ("entries",)
    assert "2024 年度" in f.message_zh and kind in f.message_zh


@pytest.mark.parametrize("code", CODES)
def test_all_present_passes(code):
    assert run_rule(code, [activities(2024, ALL_TYPES)], as_of=date(2025, 1, 2)) == []


@pytest.mark.parametrize("code", CODES)
def test_current_year_not_judged(code):
    assert run_rule(code, [activities(2025, [])], as_of=date(2025, 12, 30)) == []


def test_missing_file_points_at_config():
    found = run_rule("DUT001", [a_document(2024)], as_of=date(2025, 2, 1))
    assert len(found) == 1
    f = found[0]
    assert f.path == "govdisc.yaml" and f.pointer == () and f.anchor == "parent"
    assert "activities/2024.yaml" in f.message_zh


def test_year_without_records_not_judged():
    # 2023 has no record at all: nothing is asked for it
    found = run_rule("DUT005", [activities(2024, ALL_TYPES)], as_of=date(2025, 2, 1))
    assert found == []


def test_entry_dated_in_other_year_counts_for_its_date():
    # the 2024 training is written in activities/2025.yaml: it still counts for 2024
    recs = [activities(2024, [t for t in ALL_TYPES if t != "training"]),
            activities(2025, ["training"], dates="2024-12-30")]
    assert run_rule("DUT005", recs, as_of=date(2025, 3, 1)) == []
    # and an entry of activities/2024.yaml dated 2023 does not count for 2024
    recs = [activities(2024, ALL_TYPES, dates="2023-12-30")]
    assert [f.message_zh[:4] for f in run_rule("DUT005", recs, as_of=date(2025, 3, 1))] == ["2024"]


def test_missing_entries_key_anchor_parent():
    rec = record("activities", "activities/2024.yaml", {"year": 2024})
    found = run_rule("DUT002", [rec], as_of=date(2025, 3, 1))
    assert found[0].pointer == ("entries",) and found[0].anchor == "parent"


def test_malformed_entries_do_not_raise():
    rec = record("activities", "activities/2024.yaml", {"year": 2024, "entries": ["x", {"type": 5}, None]})
    assert len(run_rule("DUT001", [rec], as_of=date(2025, 3, 1))) == 1
    rec = record("activities", "activities/2024.yaml", {"year": 2024, "entries": "none"})
    assert len(run_rule("DUT001", [rec], as_of=date(2025, 3, 1))) == 1


def test_dut001_counts_an_interview_by_the_head_on_a_policy():
    others = [t for t in ALL_TYPES if t != "head_interpretation"]
    rec = activities(2024, others)
    rec.data["entries"].append({"date": "2024-04-30", "type": "media_interview", "speaker": "head",
                                "title": "局主要负责人接受专访", "document": "测发〔2024〕1号"})
    assert run_rule("DUT001", [rec], as_of=date(2025, 1, 2)) == []
    # by someone else, or on no named policy: not the head's interpretation
    rec.data["entries"][-1]["speaker"] = "department_head"
    assert len(run_rule("DUT001", [rec], as_of=date(2025, 1, 2))) == 1
    rec.data["entries"][-1].update(speaker="head", document=" ")
    assert len(run_rule("DUT001", [rec], as_of=date(2025, 1, 2))) == 1


GROUP = {"head": "张某某（局长）", "deputy": "李某某（副局长）", "office_lead": "王某某（办公室副主任）"}


def test_dut007_leading_group():
    [f] = run_rule("DUT007", [activities(2024, ALL_TYPES)], as_of=date(2025, 1, 2))
    assert f.path == "govdisc.yaml" and f.anchor == "parent" and "领导小组" in f.message_zh
    [g] = run_rule("DUT007", [activities(2024, ALL_TYPES)], config={"leading_group": {"head": "张某某"}},
                   as_of=date(2025, 1, 2))
    assert g.pointer == ("leading_group",) and g.message_zh.endswith("副组长（分管负责人）、办公室分管政务公开的负责同志")
    assert run_rule("DUT007", [activities(2024, ALL_TYPES)], config={"leading_group": GROUP}, as_of=date(2025, 1, 2)) == []
    # a register still in its first year is not judged
    assert run_rule("DUT007", [activities(2024, ALL_TYPES)], as_of=date(2024, 6, 1)) == []


def test_dut008_named_disclosure_staff():
    depts = [{"id": "bgs", "name": "办公室", "disclosure_staff": "王某某"}, {"id": "gbc", "name": "广播电视处"}]
    [f] = run_rule("DUT008", [activities(2024, ALL_TYPES)], config={"departments": depts}, as_of=date(2025, 1, 2))
    assert f.pointer == ("departments", 1) and f.severity == "warning" and "gbc（广播电视处）" in f.message_zh
    depts[1]["disclosure_staff"] = "赵某某"
    assert run_rule("DUT008", [activities(2024, ALL_TYPES)], config={"departments": depts}, as_of=date(2025, 1, 2)) == []
