"""SEC rules: secrecy review before publication of releases, materials, drafts, catalogs and the rest."""

from __future__ import annotations

from datetime import date

from support import record, run_rule

AS_OF = date(2026, 2, 1)
OK = {"date": "2024-07-02", "by": "局办公室"}


def opinion(**data):
    base = {"id": "YQ-2024-001", "title": "t", "detected_at": "2024-07-02 08:30", "level": "general", "lead": "gbc"}
    return record("opinion", "opinions/2024/YQ-2024-001.yaml", {**base, **data})


def test_sec001_release_without_review():
    rec = opinion(releases=[{"at": "2024-07-02 12:10", "title": "情况通报"},
                            {"at": "2024-07-02 18:00", "secrecy_review": OK}],
                  follow_ups=[{"at": "2024-07-05 10:00", "secrecy_review": {"date": "2024-07-06", "by": "局办公室"}}])
    found = run_rule("SEC001", [rec], as_of=AS_OF)
    assert [(f.pointer, f.anchor) for f in found] == [(("releases", 0), "parent"),
                                                      (("follow_ups", 0, "secrecy_review", "date"), "value")]
    assert found[0].message_zh == "权威信息“情况通报”于 2024-07-02 发布，但没有保密审查记录（secrecy_review）"
    assert "晚于公开日期" in found[1].message_zh


def test_sec001_passes_and_ignores_later_releases():
    rec = opinion(releases=[{"at": "2024-07-02 12:10", "secrecy_review": OK}, {"at": "2026-03-01 10:00"}])
    assert run_rule("SEC001", [rec], as_of=AS_OF) == []


def test_sec002_interpretation_material():
    doc = record("document", "documents/2024/a.yaml", {"doc_no": "x〔2024〕1号", "interpretation": {"materials": [
        {"title": "图解", "published": "2024-03-06"}, {"title": "问答", "published": "2024-03-06",
                                                      "secrecy_review": {"by": "局办公室"}},
        {"title": "视频", "published": "2024-03-06", "secrecy_review": {"date": "2024-03-05", "by": "x"}}]}})
    found = run_rule("SEC002", [doc], as_of=AS_OF)
    assert [f.pointer for f in found] == [("interpretation", "materials", 0),
                                          ("interpretation", "materials", 1, "secrecy_review")]
    assert "没有审查日期" in found[1].message_zh


def test_sec003_meeting_drafts_and_summaries():
    item = {"title": "改革方案", "kind": "major_reform", "public_draft": {"published": "2024-04-01"},
            "comments": {"received": 3, "adopted": 1, "summary": "s", "published": "2024-05-01",
                         "secrecy_review": {"date": "2024-04-30", "by": "x"}}}
    rec = record("meeting", "meetings/2024/HY-2024-01.yaml", {"id": "HY-2024-01", "date": "2024-05-20", "items": [item]})
    [f] = run_rule("SEC003", [rec], as_of=AS_OF)
    assert f.pointer == ("items", 0, "public_draft") and "决策草案和决策依据" in f.message_zh


def test_sec004_catalog():
    cat = record("catalog", "catalog/bgs/2025.yaml", {"department": "bgs", "year": 2025,
                                                       "published": {"date": "2024-12-25"}})
    [f] = run_rule("SEC004", [cat], as_of=AS_OF)
    assert f.message_zh.startswith("2025 年度目录于 2024-12-25 公布")
    cat.data["published"]["secrecy_review"] = {"date": "2024-12-20", "by": "局办公室"}
    assert run_rule("SEC004", [cat], as_of=AS_OF) == []


def test_sec005_referral_must_be_answered_before_publication():
    def doc(referral):
        return record("document", "documents/2024/a.yaml", {
            "doc_no": "x〔2024〕1号", "published": {"date": "2024-03-13"},
            "secrecy_review": {"date": "2024-03-12", "by": "局办公室", "referral": referral}})
    [a] = run_rule("SEC005", [doc({"to": "省国家保密局", "sent": "2024-03-01"})], as_of=AS_OF)
    assert a.pointer == ("secrecy_review", "referral") and "尚无确定结论" in a.message_zh
    [b] = run_rule("SEC005", [doc({"to": "省国家保密局", "sent": "2024-03-01", "answered": "2024-03-15"})], as_of=AS_OF)
    assert b.pointer == ("secrecy_review", "referral", "answered")
    [c] = run_rule("SEC005", [doc({"to": "省国家保密局", "sent": "2024-03-01", "answered": "2024-03-11",
                                   "conclusion": "not_disclosable"})], as_of=AS_OF)
    assert "不得公开" in c.message_zh
    assert run_rule("SEC005", [doc({"to": "省国家保密局", "sent": "2024-03-01", "answered": "2024-03-11",
                                    "conclusion": "disclosable"})], as_of=AS_OF) == []


def test_sec006_other_publications():
    acts = record("activities", "activities/2024.yaml", {"year": 2024, "entries": [
        {"date": "2024-11-01", "type": "normative_cleanup", "title": "规范性文件清理",
         "published": {"date": "2024-11-20"}}]})
    report = record("report", "reports/2024.yaml", {"year": 2024, "published": {"date": "2025-01-20",
                                                                                "secrecy_review": OK}})
    guide = record("guide", "guide.yaml", {"updated": "2025-01-01", "published": {"date": "2025-01-02"}})
    found = run_rule("SEC006", [acts, report, guide], as_of=AS_OF)
    assert [(f.path, f.pointer) for f in found] == [("activities/2024.yaml", ("entries", 0, "published")),
                                                    ("guide.yaml", ("published",))]
    assert "“规范性文件清理”的结果" in found[0].message_zh and "政府信息公开指南" in found[1].message_zh


def test_sec_rules_tolerate_malformed_records():
    junk = [opinion(releases="x", follow_ups=[None, {"at": 5}], handling=[{"published": "x"}]),
            record("document", "documents/2024/a.yaml", {"interpretation": {"materials": [None, {"published": 3}]},
                                                          "secrecy_review": "x", "published": {"date": "bad"}}),
            record("meeting", "meetings/2024/m.yaml", {"items": [None, {"public_draft": "x"}]}),
            record("catalog", "catalog/bgs/2024.yaml", {"published": {"date": "2024-01-01", "secrecy_review": 5}})]
    for code in ("SEC001", "SEC002", "SEC003", "SEC004", "SEC005", "SEC006"):
        run_rule(code, junk, as_of=AS_OF)
