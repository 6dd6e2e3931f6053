"""DOC rules: 发文字号, withholding, reviews, publication, interpretation, catalog membership."""

from __future__ import annotations

from datetime import date

import pytest
from support import record, run_rule

from govdisc.rules.doc import doc_no_year, fix_doc_no, is_order_number


def doc(data: dict | None = None, path: str = "documents/2024/d.yaml", **kw) -> object:
    base = {
        "doc_no": "云岭新广办〔2024〕12号",
        "title": "关于印发某办法的通知",
        "department": "bgs",
        "kind": "notice",
        "formed": "2024-03-01",
        "disclosure": "public",
        "secrecy_review": {"date": "2024-03-01", "by": "局办公室"},
        "published": {"date": "2024-03-05", "channel": "门户网站"},
        "catalog_item": "BGS-01",
    }
    base.update(data or {})
    base.update(kw)
    return record("document", path, {k: v for k, v in base.items() if v is not None})


def catalog(dept: str = "bgs", year: int = 2024, ids: tuple = ("BGS-01",)) -> object:
    items = [{"id": i, "title": "事项", "category": "other", "stage": "result", "content": "内容",
              "time_limit": {"days": 20, "from": "形成之日"}, "channels": ["门户网站"]} for i in ids]
    return record("catalog", f"catalog/{dept}/{year}.yaml",
                  {"department": dept, "year": year, "compiled": f"{year}-01-10", "items": items})


def codes(findings) -> list[str]:
    return [f.code for f in findings]


# --------------------------------------------------------------------------------------------
# fix_doc_no: the pure fixer
# --------------------------------------------------------------------------------------------

GOOD = [
    "云新广办〔2017〕151号",
    "国办函〔2020〕109号",
    "国办公开办函〔2021〕30号",
    "云岭新广发〔2024〕1号",
    "穗公积金规字〔2023〕1号",  # 字 inside the agency code, before the bracket
    "国发〔2019〕10号",
    "中华人民共和国国务院令第711号",  # 令号 exempt
    "云岭新广局令第3号",
    "国务院令 第 711 号",
]


@pytest.mark.parametrize("s", GOOD)
def test_fix_accepts_correct_numbers(s):
    assert fix_doc_no(s, 2026) == (s, [])


FIXES = [
    ("云新广办[2017]151号", "云新广办〔2017〕151号", ["brackets"]),
    ("云新广办［2017］151号", "云新广办〔2017〕151号", ["brackets"]),
    ("云新广办【2017】151号", "云新广办〔2017〕151号", ["brackets"]),
    ("云新广办(2017)151号", "云新广办〔2017〕151号", ["brackets"]),
    ("云新广办（2017）151号", "云新广办〔2017〕151号", ["brackets"]),
    ("云新广办〈2017〉151号", "云新广办〔2017〕151号", ["brackets"]),
    ("云新广办﹝2017﹞151号", "云新广办〔2017〕151号", ["brackets"]),
    ("云新广办〖2017〗151号", "云新广办〔2017〕151号", ["brackets"]),
    ("云新广办〔2017]151号", "云新广办〔2017〕151号", ["brackets"]),
    ("云新广办〔17〕151号", "云新广办〔2017〕151号", ["short_year"]),
    ("云新广办〔98〕7号", "云新广办〔1998〕7号", ["short_year"]),
    ("云新广办〔26〕7号", "云新广办〔2026〕7号", ["short_year"]),
    ("云新广办〔27〕7号", "云新广办〔1927〕7号", ["short_year"]),
    ("云新广办〔2017〕第151号", "云新广办〔2017〕151号", ["di"]),
    ("云新广办〔2017〕051号", "云新广办〔2017〕51号", ["leading_zero"]),
    ("云新广办〔2017〕001号", "云新广办〔2017〕1号", ["leading_zero"]),
    ("云新广办〔2017〕151", "云新广办〔2017〕151号", ["no_hao"]),
    ("X市财发〔1992〕字第36号", "X市财发〔1992〕36号", ["zi", "di"]),
    ("云新广办 〔2017〕 151 号", "云新广办〔2017〕151号", ["spaces"]),
    ("云新广办〔２０１７〕１５１号", "云新广办〔2017〕151号", ["fullwidth_digits"]),
    ("云新广办2017年151号", "云新广办〔2017〕151号", ["brackets"]),
    ("云新广办2017年第151号", "云新广办〔2017〕151号", ["brackets", "di"]),
    ("云新广办〔2017年〕151号", "云新广办〔2017〕151号", ["year_nian"]),
    ("云新广办[17]第015", "云新广办〔2017〕15号", ["brackets", "short_year", "di", "leading_zero", "no_hao"]),
    ("云新广办〔2017〕151号文", "云新广办〔2017〕151号", ["tail"]),
]


@pytest.mark.parametrize("s,fixed,problems", FIXES)
def test_fix_corrects(s, fixed, problems):
    got, found = fix_doc_no(s, 2026)
    assert got == fixed
    assert [p.code for p in found] == problems
    assert all(p.zh and p.en for p in found)
    assert fix_doc_no(got, 2026) == (got, [])  # the fix is itself correct


UNFIXABLE = [
    ("云新广办151号", "unparsed"),
    ("〔2017〕151号", "no_code"),
    ("云新广办〔201〕151号", "bad_year"),
    ("云新广办〔2017〕号", "no_seq"),
    ("云新广办〔2017〕0号", "zero_seq"),
    ("云新广办〔2017〕151件", "tail"),
]


@pytest.mark.parametrize("s,code", UNFIXABLE)
def test_fix_gives_up_without_guessing(s, code):
    got, found = fix_doc_no(s, 2026)
    assert got == s
    assert code in [p.code for p in found]
    assert any(not p.fixable for p in found)


def test_fix_messages_name_the_problem():
    _, found = fix_doc_no("云新广办〔2017〕05号", 2026)
    assert found[0].zh == "发文顺序号不编虚位（05 应为 5）"
    _, found = fix_doc_no("云新广办〔17〕5号", 2026)
    assert found[0].zh == "年份应标全称（17 应为 2017）"


def test_fix_two_digit_year_uses_given_year():
    assert fix_doc_no("国发〔30〕1号", 2026)[0] == "国发〔1930〕1号"
    assert fix_doc_no("国发〔30〕1号", 2031)[0] == "国发〔2030〕1号"


def test_fix_tolerates_non_strings():
    assert fix_doc_no(None) == (None, [])  # type: ignore[arg-type]


def test_order_numbers_and_year():
    assert is_order_number("中华人民共和国国务院令第711号")
    assert not is_order_number("国令〔2019〕711号")
    assert doc_no_year("云新广办〔2017〕151号") == 2017
    assert doc_no_year("云新广办[2017]151号") is None


# --------------------------------------------------------------------------------------------
# DOC001
# --------------------------------------------------------------------------------------------


def test_doc001_message_gives_the_fixed_number():
    [f] = run_rule("DOC001", [doc(doc_no="云新广办[2017]151号", formed="2017-06-26")])
    assert f.code == "DOC001" and f.severity == "error"
    assert f.pointer == ("doc_no",)
    assert f.message_zh == "发文字号 云新广办[2017]151号 不符合 GB/T 9704 格式：年份应以六角括号〔〕括入；应为 云新广办〔2017〕151号"
    assert "should be 云新广办〔2017〕151号" in f.message_en


def test_doc001_lists_every_problem():
    [f] = run_rule("DOC001", [doc(doc_no="云新广办[17]第015")])
    assert "年份应以六角括号〔〕括入；年份应标全称（17 应为 2017）；发文顺序号不加“第”字" in f.message_zh
    assert f.message_zh.endswith("应为 云新广办〔2017〕15号")


def test_doc001_unfixable_asks_for_a_rewrite():
    [f] = run_rule("DOC001", [doc(doc_no="云新广办151号")])
    assert "请按“机关代字〔四位年份〕顺序号号”的形式改写" in f.message_zh


def test_doc001_passes_good_and_order_numbers():
    assert run_rule("DOC001", [doc(), doc(doc_no="云岭新广局令第3号", path="documents/2024/l.yaml"),
                               doc(doc_no=123, path="documents/2024/x.yaml")]) == []


# --------------------------------------------------------------------------------------------
# DOC002 / DOC003: reason code and explanation
# --------------------------------------------------------------------------------------------

WITHHELD = {"disclosure": "not_public", "published": None,
            "withholding": {"reason": "process_info", "explanation": "属于请示报告类过程性信息"}}


def test_doc002_missing_reason():
    [f] = run_rule("DOC002", [doc(WITHHELD, withholding={"explanation": "不宜公开"})])
    assert f.pointer == ("withholding", "reason") and f.anchor == "missing"
    assert "“此件不公开”" in f.message_zh and "withholding.reason" in f.message_zh


def test_doc002_missing_block_points_at_record():
    [f] = run_rule("DOC002", [doc(WITHHELD, disclosure="on_request", withholding=None)])
    assert f.pointer == ("withholding", "reason") and f.anchor == "missing"
    assert "此件依申请公开" in f.message_zh


def test_doc002_blank_reason_and_redacted():
    [f] = run_rule("DOC002", [doc(WITHHELD, disclosure="redacted", withholding={"reason": " ", "explanation": "x"})])
    assert "此件删减后公开" in f.message_zh


def test_doc002_passes():
    assert run_rule("DOC002", [doc(WITHHELD), doc()]) == []


def test_doc003_missing_explanation():
    [f] = run_rule("DOC003", [doc(WITHHELD, withholding={"reason": "third_party_rights"})])
    assert f.code == "DOC003" and f.pointer == ("withholding", "explanation") and f.anchor == "missing"
    assert "withholding.explanation" in f.message_zh


def test_doc003_passes():
    assert run_rule("DOC003", [doc(WITHHELD), doc()]) == []


# --------------------------------------------------------------------------------------------
# DOC004: office pre-review
# --------------------------------------------------------------------------------------------


def policy(review, **kw):
    w = {"reason": "process_info", "explanation": "过程稿"}
    if review is not None:
        w["office_review"] = review
    return doc(WITHHELD, kind="policy", withholding=w, **kw)


def test_doc004_missing_review():
    [f] = run_rule("DOC004", [policy(None)])
    assert f.pointer == ("withholding", "office_review") and f.anchor == "missing"
    assert f.message_zh.startswith("拟“此件不公开”的政策性文件没有报批前送局办公室审查的记录")


def test_doc004_review_after_approval():
    [f] = run_rule("DOC004", [policy({"date": "2024-03-05", "by": "局办公室"}, approved="2024-03-01")])
    assert f.pointer == ("withholding", "office_review", "date")
    assert "局办公室审查日期 2024-03-05 晚于发文审批日期 2024-03-01" in f.message_zh


def test_doc004_review_after_formed_when_no_approved():
    [f] = run_rule("DOC004", [policy({"date": "2024-03-02", "by": "局办公室"})])
    assert "晚于形成日期 2024-03-01" in f.message_zh


def test_doc004_review_without_date():
    [f] = run_rule("DOC004", [policy({"by": "局办公室"})])
    assert f.pointer == ("withholding", "office_review")
    assert "没有审查日期" in f.message_zh


def test_doc004_normative_on_request_but_not_redacted():
    [f] = run_rule("DOC004", [doc(kind="normative", disclosure="on_request",
                                  withholding={"reason": "third_party_rights", "explanation": "x"})])
    assert "拟“此件依申请公开”的行政规范性文件" in f.message_zh
    # 删减后公开 is published (with deletions): the seed's "拟不公开的政策性文件" does not cover it
    assert run_rule("DOC004", [doc(kind="normative", disclosure="redacted",
                                   withholding={"reason": "third_party_rights", "explanation": "x"})]) == []


def test_doc004_passes():
    assert run_rule("DOC004", [
        policy({"date": "2024-02-28", "by": "局办公室"}, approved="2024-03-01"),
        policy({"date": "2024-03-01", "by": "局办公室"}, path="documents/2024/same-day.yaml"),
        doc(WITHHELD, kind="notice", path="documents/2024/notice.yaml"),  # not a policy document
        doc(kind="policy", path="documents/2024/public.yaml"),  # public
    ]) == []


# --------------------------------------------------------------------------------------------
# DOC005: publication within 20 working days (Art. 26)
# --------------------------------------------------------------------------------------------
# 2024-03-01 + 20 working days = 2024-03-29; 2024-04-01 + 20 = 2024-04-29 (Qingming, 调休 04-07)


def test_doc005_published_late():
    [f] = run_rule("DOC005", [doc(published={"date": "2024-04-03", "channel": "门户网站"},
                                  secrecy_review={"date": "2024-04-01"})])
    assert f.pointer == ("published", "date")
    assert f.message_zh == ("主动公开期限为 2024-03-29（自形成之日 2024-03-01 起20个工作日），"
                            "实际于 2024-04-03 公开，晚 3 个工作日")


def test_doc005_not_published_overdue():
    [f] = run_rule("DOC005", [doc(published=None)], as_of=date(2024, 4, 3))
    assert f.pointer == ("published", "date") and f.anchor == "missing"
    assert "主动公开期限为 2024-03-29" in f.message_zh
    assert "截至 2024-04-03 尚未公开，已逾期 3 个工作日" in f.message_zh


def test_doc005_changed_not_republished():
    [f] = run_rule("DOC005", [doc(changed="2024-05-06")], as_of=date(2024, 7, 1))
    assert f.pointer == ("published", "date")
    assert "自变更之日 2024-05-06 起" in f.message_zh
    assert "变更后截至 2024-07-01 尚未重新公开（上次公开 2024-03-05）" in f.message_zh


def test_doc005_passes():
    assert run_rule("DOC005", [
        doc(),  # in time
        doc(published={"date": "2024-03-29"}, path="documents/2024/last-day.yaml"),
        doc(published=None, path="documents/2024/not-yet.yaml", formed="2026-01-20"),  # not yet due
        doc(WITHHELD, path="documents/2024/withheld.yaml", published=None),  # not proactive
    ]) == []


# --------------------------------------------------------------------------------------------
# DOC006: secrecy review before publication (Art. 17)
# --------------------------------------------------------------------------------------------


def test_doc006_missing_review():
    [f] = run_rule("DOC006", [doc(secrecy_review=None)])
    assert f.pointer == () and f.anchor == "parent"
    assert f.message_zh == "公文已于 2024-03-05 公开，但没有保密审查记录（secrecy_review）"


def test_doc006_review_after_publication():
    [f] = run_rule("DOC006", [doc(secrecy_review={"date": "2024-03-08", "by": "局办公室"})])
    assert f.pointer == ("secrecy_review", "date")
    assert "保密审查日期 2024-03-08 晚于公开日期" in f.message_zh


def test_doc006_review_without_date():
    [f] = run_rule("DOC006", [doc(secrecy_review={"by": "局办公室"})])
    assert f.pointer == ("secrecy_review",)


def test_doc006_passes():
    assert run_rule("DOC006", [
        doc(secrecy_review={"date": "2024-03-05", "by": "局办公室"}),  # same day
        doc(published=None, secrecy_review=None, path="documents/2024/unpublished.yaml"),
    ]) == []


# --------------------------------------------------------------------------------------------
# DOC007 / DOC008: interpretation (三同步)
# --------------------------------------------------------------------------------------------


def test_doc007_no_plan():
    [f] = run_rule("DOC007", [doc(important_policy=True)])
    assert f.pointer == ("interpretation", "plan_approved") and f.anchor == "missing"
    assert "没有随文件一并报批的解读方案" in f.message_zh


def test_doc007_plan_after_approval():
    [f] = run_rule("DOC007", [doc(important_policy=True, approved="2024-02-28",
                                  interpretation={"plan_approved": "2024-03-01"})])
    assert f.pointer == ("interpretation", "plan_approved")
    assert "解读方案于 2024-03-01 报批，晚于文件发文审批日期 2024-02-28" in f.message_zh


def test_doc007_passes():
    assert run_rule("DOC007", [
        doc(important_policy=True, interpretation={"plan_approved": "2024-03-01"}),
        doc(path="documents/2024/plain.yaml"),
    ]) == []


def interp(materials, **kw):
    return doc(important_policy=True, interpretation={"plan_approved": "2024-03-01", "materials": materials}, **kw)


def test_doc008_late_material():
    # published 2024-03-05 (Tue) + 3 working days = 2024-03-08
    [f] = run_rule("DOC008", [interp([{"title": "图解", "form": "graphic", "published": "2024-03-15"},
                                      {"title": "文字", "form": "text", "published": "2024-03-12"}])])
    assert f.pointer == ("interpretation", "materials", 1, "published")
    assert f.message_zh == "文件于 2024-03-05 公开，解读材料应于 2024-03-08 前发布，首份解读材料于 2024-03-12 发布，晚 2 个工作日"


def test_doc008_no_material():
    [f] = run_rule("DOC008", [interp([])], as_of=date(2024, 3, 20))
    assert f.pointer == ("interpretation", "materials") and f.anchor == "missing"
    assert "截至 2024-03-20 尚无已发布的解读材料，已逾期 8 个工作日" in f.message_zh


def test_doc008_passes():
    assert run_rule("DOC008", [
        interp([{"title": "图解", "form": "graphic", "published": "2024-03-08"}]),
        interp([], path="documents/2024/soon.yaml", published={"date": "2026-01-30"}),  # not yet due
        doc(path="documents/2024/not-important.yaml"),
    ]) == []


# --------------------------------------------------------------------------------------------
# DOC009: catalog membership
# --------------------------------------------------------------------------------------------


def test_doc009_no_catalog_item():
    [f] = run_rule("DOC009", [doc(catalog_item=None), catalog()])
    assert f.severity == "warning" and f.pointer == () and f.anchor == "parent"
    assert "没有归入主动公开基本目录事项" in f.message_zh


def test_doc009_item_of_another_department():
    [f] = run_rule("DOC009", [doc(catalog_item="GBC-01"), catalog(), catalog("gbc", 2024, ("GBC-01",))])
    assert f.pointer == ("catalog_item",)
    assert "所属目录事项 GBC-01 不在主办部门 bgs 的 2024 年度目录中（见于 catalog/gbc/2024.yaml）" in f.message_zh


def test_doc009_item_of_another_year():
    [f] = run_rule("DOC009", [doc(catalog_item="BGS-09"), catalog(), catalog("bgs", 2023, ("BGS-09",))])
    assert "catalog/bgs/2023.yaml" in f.message_zh


def test_doc009_passes():
    assert run_rule("DOC009", [
        doc(), catalog(),
        doc(catalog_item="BGS-77", path="documents/2024/unknown.yaml"),  # unknown everywhere: REG010
        doc(WITHHELD, catalog_item=None, path="documents/2024/withheld.yaml"),  # not public
        doc(catalog_item="BGS-01", department="zcfg", path="documents/2024/nocat.yaml"),  # no zcfg catalog: CAT001
    ]) == []


# --------------------------------------------------------------------------------------------
# DOC010 – DOC015
# --------------------------------------------------------------------------------------------


def test_doc010_withheld_but_published():
    [f] = run_rule("DOC010", [doc(WITHHELD, published={"date": "2024-03-05"})])
    assert f.pointer == ("published",) and f.anchor == "key"
    assert "公开属性为“此件不公开”，却记录了公开发布" in f.message_zh


def test_doc010_passes():
    assert run_rule("DOC010", [doc(), doc(WITHHELD, path="documents/2024/w.yaml"),
                               doc(disclosure="redacted", path="documents/2024/r.yaml")]) == []


def test_doc011_repealed_notice():
    [f] = run_rule("DOC011", [doc(repealed="2025-06-30")])
    assert f.severity == "warning" and f.pointer == ("repealed",)
    assert "只有规章、行政规范性文件才登记废止，本件为通知" in f.message_zh


def test_doc011_repealed_before_formed():
    [f] = run_rule("DOC011", [doc(kind="normative", repealed="2023-12-31")])
    assert f.message_zh == "废止日期 2023-12-31：早于形成日期 2024-03-01"


def test_doc011_passes():
    assert run_rule("DOC011", [doc(kind="normative", repealed="2025-06-30"), doc(path="documents/2024/b.yaml")]) == []


def test_doc012_public_with_withholding():
    [f] = run_rule("DOC012", [doc(withholding={"reason": "process_info"})])
    assert f.pointer == ("withholding",) and f.anchor == "key" and f.severity == "warning"
    assert "此件公开发布" in f.message_zh


def test_doc012_passes():
    assert run_rule("DOC012", [doc(), doc(WITHHELD, path="documents/2024/w.yaml")]) == []


def test_doc013_normative_not_public():
    [f] = run_rule("DOC013", [doc(WITHHELD, kind="normative")])
    assert f.pointer == ("disclosure",)
    assert f.message_zh.startswith("行政规范性文件的公开属性为“此件不公开”")


def test_doc013_passes():
    assert run_rule("DOC013", [doc(kind="normative"), doc(WITHHELD, kind="report", path="documents/2024/r.yaml"),
                               doc(kind="regulation", disclosure="redacted", path="documents/2024/x.yaml")]) == []


def test_doc014_dates_out_of_order():
    found = run_rule("DOC014", [doc(approved="2024-03-02", changed="2024-02-01",
                                    published={"date": "2024-02-20"})])
    assert [f.pointer for f in found] == [("approved",), ("changed",), ("published", "date")]
    assert found[2].message_zh == "公开发布日期 2024-02-20 早于形成日期 2024-03-01"


def test_doc014_passes():
    assert run_rule("DOC014", [doc(approved="2024-02-28", changed="2024-05-01")]) == []


def test_doc015_year_mismatch():
    [f] = run_rule("DOC015", [doc(doc_no="云岭新广办〔2023〕12号")])
    assert f.pointer == ("doc_no",)
    assert "年份 2023 与形成日期 2024-03-01 的年份不符" in f.message_zh


def test_doc015_passes():
    assert run_rule("DOC015", [doc(), doc(doc_no="云岭新广办[2023]12号", path="documents/2024/bad.yaml")]) == []


def test_doc_rules_tolerate_malformed_records():
    junk = record("document", "documents/2024/junk.yaml",
                  {"doc_no": ["x"], "disclosure": 3, "kind": None, "formed": "yesterday", "withholding": "none",
                   "published": "today", "secrecy_review": 1, "interpretation": [], "important_policy": True,
                   "repealed": 2024, "catalog_item": {"a": 1}})
    for code in [f"DOC{n:03d}" for n in range(1, 16)]:
        run_rule(code, [junk])  # must not raise


# --------------------------------------------------------------------------------------------
# DOC016 / DOC017: normative-document clean-up (三(十))
# --------------------------------------------------------------------------------------------


def _cleanup(**entry):
    base = {"date": "2024-11-01", "type": "normative_cleanup", "title": "2024年规范性文件清理"}
    return record("activities", "activities/2024.yaml", {"year": 2024, "entries": [{**base, **entry}]})


def test_doc016_results_not_published():
    [f] = run_rule("DOC016", [_cleanup()], as_of=date(2025, 1, 1))
    assert f.pointer == ("entries", 0) and "2024-11-29 前公开" in f.message_zh and "尚未公开" in f.message_zh
    assert run_rule("DOC016", [_cleanup()], as_of=date(2024, 11, 29)) == []
    [g] = run_rule("DOC016", [_cleanup(published={"date": "2024-12-10"})], as_of=date(2025, 1, 1))
    assert g.pointer == ("entries", 0, "published", "date") and "实际于 2024-12-10 公开" in g.message_zh
    assert run_rule("DOC016", [_cleanup(published={"date": "2024-11-20"})], as_of=date(2025, 1, 1)) == []


def test_doc017_repeal_recorded_on_the_document():
    docs = [doc(path="documents/2024/a.yaml", doc_no="云岭新广规〔2024〕2号", kind="normative"),
            doc(path="documents/2024/b.yaml", doc_no="云岭新广规〔2024〕3号", kind="normative", repealed="2024-12-20")]
    rec = _cleanup(cleanup={"repealed": ["云岭新广规〔2024〕2号", "云岭新广规〔2024〕3号"]})
    [f] = run_rule("DOC017", [rec, *docs], as_of=date(2025, 1, 1))
    assert f.pointer == ("entries", 0, "cleanup", "repealed", 0) and "云岭新广规〔2024〕2号" in f.message_zh
