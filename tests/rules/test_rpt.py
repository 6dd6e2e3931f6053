"""RPT rules: publication of the annual report and its hand-entered tables."""

from __future__ import annotations

from datetime import date

from support import record, run_rule

R1 = "一、本年新收政府信息公开申请数量"
R2 = "二、上年结转政府信息公开申请数量"
DISC = "（一）予以公开"
TOT = "（七）总计"
R4 = "四、结转下年度继续办理"


def report(year: int = 2024, **data) -> object:
    base = {"year": year, "published": {"date": f"{year + 1}-01-20", "url": "https://example.gov.cn/ndbg.html"}}
    base.update(data)
    return record("report", f"reports/{year}.yaml", {k: v for k, v in base.items() if v is not None})


def app(n: int, received: str, reply: str | None, kind: str = "natural_person") -> object:
    data = {"id": f"YSQ-2024-{n:04d}", "channel": "in_person", "submitted": received, "handler": "bgs",
            "applicant": {"kind": kind, "ref": "A"}, "summary": "申请公开……"}
    if reply:
        data["reply"] = {"date": reply, "outcome": "disclosed"}
    return record("application", f"applications/2024/YSQ-2024-{n:04d}.yaml", data)


def good_table() -> dict:
    return {
        R1: {"自然人": 3, "总计": 3},
        R2: {"自然人": 0, "总计": 0},
        DISC: {"自然人": 2, "总计": 2},
        TOT: {"自然人": 2, "总计": 2},
        R4: {"自然人": 1, "总计": 1},
    }


def register() -> list:
    return [app(1, "2024-03-01", "2024-03-08"), app(2, "2024-04-01", "2024-04-10"), app(3, "2024-12-25", None)]


# -- RPT001 ------------------------------------------------------------------------------------


def test_rpt001_missing_report():
    found = run_rule("RPT001", register(), as_of=date(2025, 2, 1))
    assert len(found) == 1
    f = found[0]
    assert f.path == "govdisc.yaml" and f.pointer == ("agency",)
    assert "2024 年度" in f.message_zh and "reports/2024.yaml" in f.message_zh and "2025-01-31" in f.message_zh


def test_rpt001_not_judged_before_due():
    assert run_rule("RPT001", register(), as_of=date(2025, 1, 31)) == []


def test_rpt001_late_and_missing_date():
    late = report(published={"date": "2025-02-10"})
    found = run_rule("RPT001", register() + [late], as_of=date(2025, 3, 1))
    assert len(found) == 1 and found[0].pointer == ("published", "date")
    assert "于 2025-02-10 公布，晚于期限" in found[0].message_zh
    found = run_rule("RPT001", register() + [report(published=None)], as_of=date(2025, 3, 1))
    assert len(found) == 1 and found[0].pointer == ("published",) and found[0].anchor == "parent"
    assert "published.date" in found[0].message_zh


def test_rpt001_on_time_and_report_due_setting():
    assert run_rule("RPT001", register() + [report()], as_of=date(2025, 3, 1)) == []
    found = run_rule("RPT001", register() + [report()], config={"report_due": "01-15"}, as_of=date(2025, 3, 1))
    assert len(found) == 1 and "2025-01-15" in found[0].message_zh


# -- RPT002 – RPT005 -------------------------------------------------------------------------------


def test_rpt002_balance():
    t = good_table()
    t[R4] = {"自然人": 2, "总计": 2}
    found = run_rule("RPT002", [report(applications_table=t)], as_of=date(2025, 3, 1))
    assert [f.pointer for f in found] == [("applications_table", TOT, "自然人"), ("applications_table", TOT, "总计")]
    assert "“自然人”列" in found[0].message_zh and "为 3" in found[0].message_zh and "为 4" in found[0].message_zh
    assert run_rule("RPT002", [report(applications_table=good_table())], as_of=date(2025, 3, 1)) == []


def test_rpt003_row_total():
    t = good_table()
    t[DISC] = {"自然人": 2, "商业企业": 1, "总计": 2}
    found = run_rule("RPT003", [report(applications_table=t)], as_of=date(2025, 3, 1))
    assert len(found) == 1 and found[0].pointer == ("applications_table", DISC, "总计")
    assert "总计 2" in found[0].message_zh and "之和为 3" in found[0].message_zh
    assert run_rule("RPT003", [report(applications_table=good_table())], as_of=date(2025, 3, 1)) == []


def test_rpt003_missing_total_cell_points_at_row():
    t = good_table()
    t[DISC] = {"自然人": 2}
    found = run_rule("RPT003", [report(applications_table=t)], as_of=date(2025, 3, 1))
    assert len(found) == 1 and found[0].pointer == ("applications_table", DISC) and found[0].anchor == "parent"


def test_rpt004_result_total():
    t = good_table()
    t[TOT] = {"自然人": 3, "总计": 3}
    t[R4] = {"自然人": 0, "总计": 0}
    found = run_rule("RPT004", [report(applications_table=t)], as_of=date(2025, 3, 1))
    assert [f.pointer for f in found] == [("applications_table", TOT, "自然人"), ("applications_table", TOT, "总计")]
    assert "（七）总计 3" in found[0].message_zh and "之和为 2" in found[0].message_zh
    assert run_rule("RPT002", [report(applications_table=t)], as_of=date(2025, 3, 1)) == []
    assert run_rule("RPT004", [report(applications_table=good_table())], as_of=date(2025, 3, 1)) == []


def test_rpt002_to_004_accept_variant_labels():
    t = {"一、本年新收政府信息公开申请数量": {"自然人": 1, "总计": 1},
         "(三)不予公开 1.属于国家秘密": {"自然人": 1, "总计": 1},
         "(七)总计": {"自然人": 1, "总计": 1}}
    for code in ("RPT002", "RPT003", "RPT004", "RPT007"):
        assert run_rule(code, [report(applications_table=t)], as_of=date(2025, 3, 1)) == [], code


def test_rpt005_reviews_table():
    bad = report(reviews_table={"行政复议": {"结果维持": 1, "结果纠正": 1, "总计": 1}})
    found = run_rule("RPT005", [bad], as_of=date(2025, 3, 1))
    assert len(found) == 1 and found[0].pointer == ("reviews_table", "行政复议", "总计")
    assert "“行政复议”：总计 1" in found[0].message_zh and "之和为 2" in found[0].message_zh
    good = report(reviews_table={"行政复议": {"结果维持": 1, "结果纠正": 1, "总计": 2}})
    assert run_rule("RPT005", [good], as_of=date(2025, 3, 1)) == []


# -- RPT006 ------------------------------------------------------------------------------------


def test_rpt006_differs_from_register():
    t = good_table()
    t[R1] = {"自然人": 4, "总计": 4}
    t[R4] = {"自然人": 2, "总计": 2}
    found = run_rule("RPT006", register() + [report(applications_table=t)], as_of=date(2025, 3, 1))
    assert {f.pointer for f in found} == {("applications_table", R1, "自然人"), ("applications_table", R1, "总计"),
                                          ("applications_table", R4, "自然人"), ("applications_table", R4, "总计")}
    msg = next(f.message_zh for f in found if f.pointer == ("applications_table", R1, "自然人"))
    assert "“一、本年新收政府信息公开申请数量”行“自然人”列填报为 4，按登记簿计算为 3" in msg


def test_rpt006_matches_register():
    assert run_rule("RPT006", register() + [report(applications_table=good_table())], as_of=date(2025, 3, 1)) == []


def test_rpt006_blank_cell_and_reviews():
    t = good_table()
    del t[DISC]
    rv = {"行政复议": {"结果维持": 1, "总计": 1}}
    found = run_rule("RPT006", register() + [report(applications_table=t, reviews_table=rv)], as_of=date(2025, 3, 1))
    ptrs = {(f.pointer, f.anchor) for f in found}
    assert (("applications_table",), "parent") in ptrs  # row （一）予以公开 missing, register has 2
    assert (("reviews_table", "行政复议", "结果维持"), "value") in ptrs
    assert any("填报为 空，按登记簿计算为 2" in f.message_zh for f in found)


def test_rpt006_current_year_not_judged():
    t = good_table()
    t[R1] = {"自然人": 9, "总计": 9}
    assert run_rule("RPT006", register() + [report(applications_table=t)], as_of=date(2024, 12, 1)) == []


# -- RPT007 ------------------------------------------------------------------------------------


def test_rpt007_unknown_labels():
    t = good_table()
    t["不予公开-国家秘密"] = {"自然人": 1}
    t[DISC]["法人"] = 0
    found = run_rule("RPT007", [report(applications_table=t)], as_of=date(2025, 3, 1))
    assert [f.pointer for f in found] == [("applications_table", DISC, "法人"),
                                          ("applications_table", "不予公开-国家秘密")]
    assert all(f.anchor == "key" for f in found)
    assert "“不予公开-国家秘密”不是全国统一格式的行标签" in found[1].message_zh
    assert run_rule("RPT007", [report(applications_table=good_table())], as_of=date(2025, 3, 1)) == []
