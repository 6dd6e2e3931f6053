"""CAT rules: 主动公开基本目录 per department and year."""

from __future__ import annotations

from datetime import date

from support import record, run_rule

STAGES = ("decision", "execution", "management", "service", "result")


def item(i: int, stage: str = "result", **kw) -> dict:
    base = {"id": f"BGS-{i:02d}", "title": "机构职能", "category": "organization", "stage": stage,
            "content": "本局职能、内设机构", "basis": "《条例》第二十条第（二）项",
            "time_limit": {"days": 20, "from": "信息形成或变更之日"}, "channels": ["门户网站"]}
    base.update(kw)
    return base


def catalog(dept: str = "bgs", year: int = 2024, items: list | None = None, **kw):
    if items is None:
        items = [item(i + 1, s) for i, s in enumerate(STAGES)]
    data = {"department": dept, "year": year, "compiled": f"{year}-01-10", "items": items}
    data.update(kw)
    return record("catalog", f"catalog/{dept}/{year}.yaml", data)


def document(year: int):
    return record("document", f"documents/{year}/d.yaml", {"doc_no": f"x〔{year}〕1号", "formed": f"{year}-03-01"})


# CAT001 ------------------------------------------------------------------------------------


def test_cat001_missing_catalog_points_at_department_entry():
    found = run_rule("CAT001", [catalog("bgs"), catalog("zcfg"), document(2024)], as_of=date(2025, 2, 1))
    [f] = found
    assert f.code == "CAT001" and f.severity == "error"
    assert f.path == "govdisc.yaml" and f.pointer == ("departments", 2) and f.record is None
    assert f.message_zh == ("部门 gbc（广播电视处）没有 2024 年度主动公开基本目录（catalog/gbc/2024.yaml），"
                            "应于 2024-12-31 前编制完成")


def test_cat001_only_finished_years_with_records():
    recs = [catalog(d, 2025) for d in ("bgs", "zcfg", "gbc")] + [document(2025), document(2026)]
    # 2026 is the as-of year (not finished); 2024 has no record at all
    assert run_rule("CAT001", recs, as_of=date(2026, 12, 31)) == []
    found = run_rule("CAT001", recs, as_of=date(2027, 1, 1))
    assert sorted((f.pointer, "2026" in f.message_zh) for f in found) == [
        (("departments", 0), True), (("departments", 1), True), (("departments", 2), True)]


def test_cat001_passes():
    recs = [catalog(d) for d in ("bgs", "zcfg", "gbc")] + [document(2024)]
    assert run_rule("CAT001", recs, as_of=date(2025, 2, 1)) == []


def test_cat001_years_without_any_record_still_have_duties():
    # the register starts in 2024; 2025 has no record at all, and its catalogs are still missing
    recs = [catalog(d) for d in ("bgs", "zcfg", "gbc")]
    found = run_rule("CAT001", recs, as_of=date(2026, 6, 30))
    assert sorted(f.pointer for f in found) == [("departments", 0), ("departments", 1), ("departments", 2)]
    assert all("2025 年度" in f.message_zh and "2025-12-31" in f.message_zh for f in found)


def test_cat001_next_year_timing_asks_for_the_coming_years_catalog():
    # catalog_timing next_year: the 2026 catalog is due by 2025-12-31, so it is missing on 2026-02-01
    recs = [catalog(d, y, compiled=f"{y - 1}-12-20") for d in ("bgs", "zcfg", "gbc") for y in (2024, 2025)]
    cfg = {"measures": {"catalog_timing": "next_year"}}
    found = run_rule("CAT001", recs, config=cfg, as_of=date(2026, 2, 1))
    assert len(found) == 3 and all("2026 年度" in f.message_zh and "应于 2025-12-31 前" in f.message_zh for f in found)
    # same_year (the default): the 2026 catalog is not due before 2026-12-31
    assert run_rule("CAT001", recs, as_of=date(2026, 2, 1)) == []


# CAT002 ------------------------------------------------------------------------------------


def test_cat002_lists_empty_fields():
    [f] = run_rule("CAT002", [catalog(items=[item(1, content="", time_limit="  ", channels=[])])])
    assert f.pointer == ("items", 0)
    assert f.message_zh == "目录事项 BGS-01 的内容概述、公开时限、公开方式（渠道）为空"
    assert "content, time limit, channels" in f.message_en


def test_cat002_single_field_points_at_it():
    [f] = run_rule("CAT002", [catalog(items=[item(1), item(2, title="", channels=[""])])])
    assert f.pointer == ("items", 1)
    assert "BGS-02 的公开事项（主体）、公开方式（渠道）为空" in f.message_zh
    [g] = run_rule("CAT002", [catalog(items=[item(1, time_limit={"from": "形成之日"})])])
    assert g.pointer == ("items", 0, "time_limit") and "公开时限" in g.message_zh


def test_cat002_passes():
    ok = item(1, time_limit="常态公开")
    missing_key = item(2)
    del missing_key["content"]  # a missing required key is REG005's finding
    assert run_rule("CAT002", [catalog(items=[ok, missing_key, "junk"])]) == []


# CAT003 ------------------------------------------------------------------------------------


def test_cat003_missing_stages_for_the_agency():
    found = run_rule("CAT003", [catalog(items=[item(1, "decision"), item(2, "execution")]),
                                catalog("gbc", items=[item(3, "result")])])
    assert [(f.path, f.pointer) for f in found] == [("catalog/bgs/2024.yaml", ("items",))] * 2
    assert all(f.severity == "warning" for f in found)
    assert found[0].message_zh == "本机关各部门 2024 年度目录没有属于“管理公开”环节的事项"
    assert "服务公开" in found[1].message_zh


def test_cat003_agency_wide_by_default_per_department_as_an_option():
    # together the two departments cover all five stages: the agency passes, each department fails
    recs = [catalog(items=[item(1, "decision"), item(2, "execution"), item(3, "result")]),
            catalog("gbc", items=[item(4, "management"), item(5, "service")])]
    assert run_rule("CAT003", recs) == []
    found = run_rule("CAT003", recs, config={"measures": {"five_openness": "department"}})
    assert [f.message_zh for f in found] == [
        "bgs 2024 年度目录没有属于“管理公开”环节的事项", "bgs 2024 年度目录没有属于“服务公开”环节的事项",
        "gbc 2024 年度目录没有属于“决策公开”环节的事项", "gbc 2024 年度目录没有属于“执行公开”环节的事项",
        "gbc 2024 年度目录没有属于“结果公开”环节的事项"]


def test_cat003_passes():
    assert run_rule("CAT003", [catalog()]) == []


# CAT004 ------------------------------------------------------------------------------------


def test_cat004_compiled_after_year_end():
    [f] = run_rule("CAT004", [catalog(compiled="2025-01-15")])
    assert f.pointer == ("compiled",)
    assert f.message_zh == "2024 年度目录的编制完成日期 2025-01-15 晚于 2024-12-31"


def test_cat004_passes():
    assert run_rule("CAT004", [catalog(compiled="2024-12-31"), catalog("zcfg", compiled="2023-12-20")]) == []


def test_cat004_next_year_timing():
    cfg = {"measures": {"catalog_timing": "next_year"}}
    [f] = run_rule("CAT004", [catalog(compiled="2024-01-10"), catalog("zcfg", compiled="2023-12-20")], config=cfg)
    assert f.path == "catalog/bgs/2024.yaml"
    assert f.message_zh == "2024 年度目录的编制完成日期 2024-01-10 晚于 2023-12-31"


# CAT005 ------------------------------------------------------------------------------------


def test_cat005_long_limit_without_basis():
    [f] = run_rule("CAT005", [catalog(items=[item(1, time_limit={"days": 30, "from": "形成之日"}, basis="")])])
    assert f.pointer == ("items", 0, "time_limit", "days")
    assert f.message_zh == "目录事项 BGS-01 的公开时限为 30 个工作日，超过20个工作日，但没有写明公开依据（basis）"


def test_cat005_basis_citing_only_the_regulation():
    [f] = run_rule("CAT005", [catalog(items=[item(1, time_limit={"days": 25, "from": "形成之日"},
                                                  basis="《条例》第二十条第（二）项")])])
    assert "只引用了政府信息公开的一般规定" in f.message_zh


def test_cat005_passes():
    assert run_rule("CAT005", [catalog(items=[
        item(1),  # 20 days
        item(2, time_limit={"days": 30, "from": "统计数据形成之日"}, basis="《中华人民共和国统计法》第二十五条"),
        item(3, time_limit="每年6月底前"),
    ])]) == []


def test_cat_rules_tolerate_malformed_records():
    junk = record("catalog", "catalog/bgs/2024.yaml",
                  {"department": 5, "year": "x", "compiled": "soon", "items": [None, {"time_limit": {"days": "9"}}]})
    for code in ("CAT001", "CAT002", "CAT003", "CAT004", "CAT005"):
        run_rule(code, [junk, document(2024)])


def test_back_filled_old_documents_do_not_create_old_year_end_duties():
    from datetime import date

    from support import record, run_rule

    old_doc = record("document", "documents/2017/a.yaml", {"doc_no": "测试办〔2017〕1号", "formed": "2017-06-26"})
    cat = record("catalog", "catalog/bgs/2024.yaml", {"department": "bgs", "year": 2024, "compiled": "2023-12-20",
                                                      "items": []})
    years = {f.message_zh for f in run_rule("CAT001", [old_doc, cat], as_of=date(2025, 3, 1))}
    assert not any("2017" in m for m in years)
    assert any("2024" in m for m in years)  # zcfg and gbc still lack their 2024 catalogs
    later = run_rule("CAT001", [old_doc, cat], config={"since": 2025}, as_of=date(2025, 3, 1))
    assert later == []


def test_cat006_negative_list_needs_a_legal_basis():
    cat = catalog(negative_list=[{"matter": "台站点位", "basis": "《条例》第十四条"}, {"matter": "保障方案", "basis": "内部规定"},
                                 {"matter": "无依据"}])
    found = run_rule("CAT006", [cat])
    assert [(f.pointer, f.anchor) for f in found] == [(("negative_list", 1, "basis"), "value"),
                                                      (("negative_list", 2), "parent")]
    assert found[0].message_zh == "负面清单事项“保障方案”没有写明不予公开的法律、法规依据（basis）"
