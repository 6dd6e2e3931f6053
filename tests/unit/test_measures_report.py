"""What the measures ask the reports to show: rectification, participation, assessment (stats and blocks)."""

from __future__ import annotations

from datetime import date

from support import EXAMPLE
from support import record

from govdisc.config import Config
from govdisc.loading.register import load_register
from govdisc.render.measures import annual_blocks, assessment_sentence, rectification_sentence
from govdisc.stats.measures import measures_stats, participation, rectifications

CFG = Config.from_data({"agency": "测试局", "office": "bgs", "departments": [{"id": "bgs", "name": "办公室"},
                                                                            {"id": "gbc", "name": "广播电视处"}]})


def review(dept, year, findings):
    return record("review", f"reviews/{dept}/{year}.yaml", {"department": dept, "year": year, "findings": findings})


def test_rectification_status_as_of():
    recs = [review("gbc", 2024, [{"problem": "a", "deadline": "2024-12-20", "done": "2024-12-10"},
                                 {"problem": "b", "deadline": "2024-12-20", "done": "2025-01-05"},
                                 {"problem": "c", "deadline": "2025-03-31"},
                                 {"problem": "d"}]),
            review("bgs", 2025, [{"problem": "e", "deadline": "2025-06-30"}])]
    rows = rectifications(recs, CFG, date(2025, 4, 1), up_to=2024)
    assert [(r["problem"], r["status"], r["done"]) for r in rows] == [
        ("a", "done", "2024-12-10"), ("b", "late", "2025-01-05"), ("c", "overdue", None), ("d", "no_deadline", None)]
    # on 31 December 2024 the late one was still open and overdue, the 2025 review not yet counted
    figures = measures_stats(recs, CFG, 2024)["rectification"]
    assert figures == {"found": 4, "rectified": 1, "open": 2, "overdue": 1, "by_source": {"未注明": 4}}
    assert rectification_sentence(2024, figures) == "2024年各部门年终自查和跟踪检查发现问题4个，年底前已整改1个，正在整改2个，逾期未整改1个。"


def test_example_register_measures_in_both_reports():
    loaded = load_register(EXAMPLE)
    m = measures_stats(loaded.records, loaded.config, 2024)
    assert m["participation"]["by_kind"] == {"征求意见": 1, "听证": 1, "第三方评估": 1}
    assert (m["participation"]["channels"], m["participation"]["received"], m["participation"]["handled"]) == (2, 5642, 5627)
    assert m["assessment"]["target_included"] and len(m["assessment"]["accountability"]) == 1
    blocks = annual_blocks({"year": 2024, "measures": m})
    assert blocks["overview"][0]["text"].startswith("公众参与方面，2024年组织征求意见1次、听证1次、第三方评估1次")
    assert "全年问责1次" in blocks["problems"][1]["text"]
    part = participation(loaded.records, loaded.config, 2025)
    assert [d["meeting"] for d in part["decisions"]] == ["HY-2025-03"]


def test_missing_assessment_is_said():
    assert assessment_sentence(2024, None) == "2024年度政府信息公开工作考核评议情况未登记（assessments/2024.yaml）。"
