"""REV rules: the departments' year-end self-inspection."""

from __future__ import annotations

from datetime import date

from support import record, run_rule

DEPTS = ("bgs", "zcfg", "gbc")


def review(dept: str = "bgs", year: int = 2024, **data) -> object:
    base = {"department": dept, "year": year, "submitted": f"{year}-12-20"}
    base.update(data)
    return record("review", f"reviews/{dept}/{year}.yaml", {k: v for k, v in base.items() if v is not None})


def all_reviews(year: int = 2024, **data) -> list:
    return [review(d, year, **data) for d in DEPTS]


def doc(no: str = "云岭新广办〔2024〕40号", dept: str = "bgs", disclosure: str = "not_public",
        formed: str = "2024-05-01", **data) -> object:
    base = {"doc_no": no, "title": "关于某事项的请示", "department": dept, "kind": "report",
            "formed": formed, "disclosure": disclosure}
    base.update(data)
    return record("document", f"documents/{formed[:4]}/{no}.yaml", base)


def app(n: int, topics=("广播电视许可",), documents=(), handler: str = "gbc", received: str = "2024-03-01") -> object:
    return record("application", f"applications/2024/YSQ-2024-{n:04d}.yaml", {
        "id": f"YSQ-2024-{n:04d}", "channel": "in_person", "submitted": received, "handler": handler,
        "applicant": {"kind": "natural_person", "ref": f"A-{n}"}, "summary": "申请公开……",
        "topics": list(topics), "documents": list(documents)})


# -- REV001 ------------------------------------------------------------------------------------


def test_rev001_missing_review_points_at_department():
    recs = [review("bgs"), review("zcfg")]
    found = run_rule("REV001", recs, as_of=date(2025, 1, 5))
    assert [(f.path, f.pointer) for f in found] == [("govdisc.yaml", ("departments", 2))]
    assert "广播电视处（gbc）2024 年度年终自查未报送" in found[0].message_zh
    assert "reviews/gbc/2024.yaml" in found[0].message_zh and "2024-12-31" in found[0].message_zh


def test_rev001_late_submission():
    recs = [review("bgs", submitted="2025-01-06"), review("zcfg"), review("gbc")]
    found = run_rule("REV001", recs, as_of=date(2025, 2, 1))
    assert len(found) == 1
    assert found[0].path == "reviews/bgs/2024.yaml" and found[0].pointer == ("submitted",)
    assert "于 2025-01-06 报送，晚于期限" in found[0].message_zh


def test_rev001_no_submission_date():
    recs = [review("bgs", submitted=None), review("zcfg"), review("gbc")]
    found = run_rule("REV001", recs, as_of=date(2025, 2, 1))
    assert len(found) == 1 and found[0].anchor == "parent" and "submitted" in found[0].message_zh


def test_rev001_passes_and_current_year_not_judged():
    assert run_rule("REV001", all_reviews(), as_of=date(2025, 2, 1)) == []
    # the 2025 reviews are not due before 31 December 2025
    assert run_rule("REV001", all_reviews() + [doc(formed="2025-03-01")], as_of=date(2025, 12, 31)) == []


# -- REV002 ------------------------------------------------------------------------------------


def test_rev002_withheld_not_reexamined():
    recs = all_reviews() + [doc(), doc("云岭新广办〔2024〕41号", disclosure="redacted"), doc("云岭新广办〔2024〕42号",
                                                                                        disclosure="public")]
    found = run_rule("REV002", recs, as_of=date(2025, 2, 1))
    assert [f.path for f in found] == ["reviews/bgs/2024.yaml"] * 2
    assert found[0].pointer == ("withheld_reexamined",) and found[0].anchor == "parent"
    assert "云岭新广办〔2024〕40号" in found[0].message_zh and "此件不公开" in found[0].message_zh
    assert "此件删减后公开" in found[1].message_zh


def test_rev002_reexamined_passes():
    recs = [review("bgs", withheld_reexamined=[{"document": "云岭新广办〔2024〕40号", "conclusion": "keep"}]),
            review("zcfg"), review("gbc"), doc()]
    assert run_rule("REV002", recs, as_of=date(2025, 2, 1)) == []
    # examined by another department's review does not count
    recs = [review("bgs", withheld_reexamined=[]),
            review("zcfg", withheld_reexamined=[{"document": "云岭新广办〔2024〕40号", "conclusion": "keep"}]), doc()]
    found = run_rule("REV002", recs, as_of=date(2025, 2, 1))
    assert len(found) == 1 and found[0].pointer == ("withheld_reexamined",) and found[0].anchor == "value"


def test_rev002_other_years_and_missing_review():
    # formed in 2023: belongs to the 2023 review; no 2024 review missing-file noise (REV001 covers it)
    assert run_rule("REV002", all_reviews() + [doc(formed="2023-11-01")], as_of=date(2025, 2, 1)) == []
    assert run_rule("REV002", [doc()], as_of=date(2025, 2, 1)) == []


# -- REV003 ------------------------------------------------------------------------------------


def test_rev003_frequent_topic_not_examined():
    recs = all_reviews() + [app(1), app(2), app(3)]
    found = run_rule("REV003", recs, as_of=date(2025, 2, 1))
    assert len(found) == 1
    f = found[0]
    assert f.path == "reviews/gbc/2024.yaml" and f.pointer == ("frequent_requests",)
    assert "3 件" in f.message_zh and "主题“广播电视许可”" in f.message_zh
    assert "YSQ-2024-0001、YSQ-2024-0002、YSQ-2024-0003" in f.message_zh


def test_rev003_examined_in_any_review_passes():
    entry = [{"subject": "广播电视许可", "applications": 3, "action": "convert_proactive"}]
    recs = [review("bgs", frequent_requests=entry), review("zcfg"), review("gbc"), app(1), app(2), app(3)]
    assert run_rule("REV003", recs, as_of=date(2025, 2, 1)) == []


def test_rev003_below_threshold_and_config():
    recs = all_reviews() + [app(1), app(2)]
    assert run_rule("REV003", recs, as_of=date(2025, 2, 1)) == []
    found = run_rule("REV003", recs, config={"thresholds": {"frequent_request_min": 2}}, as_of=date(2025, 2, 1))
    assert len(found) == 1 and "（2 件）" in found[0].message_zh


def test_rev003_documents_group():
    no = "云岭新广发〔2024〕12号"
    d = doc(no, dept="gbc", disclosure="public", topics=["节目许可"], title="关于节目制作许可的通知")
    recs = all_reviews() + [d] + [app(i, topics=(), documents=(no,)) for i in (1, 2, 3)]
    found = run_rule("REV003", recs, as_of=date(2025, 2, 1))
    assert len(found) == 1 and f"公文 {no}" in found[0].message_zh
    # covered by the doc_no, its title, or one of the document's topics
    for subject in (no, "关于节目制作许可的通知", "节目许可"):
        entry = [{"subject": subject, "action": "already_public"}]
        recs = [review("gbc", frequent_requests=entry), d] + [app(i, topics=(), documents=(no,)) for i in (1, 2, 3)]
        assert run_rule("REV003", recs, as_of=date(2025, 2, 1)) == [], subject


def test_rev003_no_review_points_at_application():
    found = run_rule("REV003", [app(1), app(2), app(3)], as_of=date(2025, 2, 1))
    assert len(found) == 1
    assert found[0].path == "applications/2024/YSQ-2024-0003.yaml" and found[0].pointer == ("topics", 0)


def test_rev003_current_year_not_judged():
    assert run_rule("REV003", [app(1), app(2), app(3)], as_of=date(2024, 12, 31)) == []


# -- REV004 ------------------------------------------------------------------------------------


def test_rev004_disclosable_but_unpublished():
    entry = [{"document": "云岭新广办〔2024〕40号", "conclusion": "proactive", "reason": "情势变化"}]
    recs = [review("bgs", withheld_reexamined=entry), doc()]
    found = run_rule("REV004", recs, as_of=date(2025, 3, 1))
    assert len(found) == 1
    f = found[0]
    assert f.pointer == ("withheld_reexamined", 0, "conclusion")
    assert "云岭新广办〔2024〕40号 应转为主动公开" in f.message_zh and "2025-03-01" in f.message_zh


def test_rev004_published_or_within_grace_passes():
    entry = [{"document": "云岭新广办〔2024〕40号", "conclusion": "disclose"}]
    published = doc(disclosure="public", published={"date": "2025-01-10", "channel": "门户网站"})
    assert run_rule("REV004", [review("bgs", withheld_reexamined=entry), published], as_of=date(2025, 3, 1)) == []
    # submitted 2024-12-20: 20 working days run to 2025-01-20 (1 January is a holiday)
    assert run_rule("REV004", [review("bgs", withheld_reexamined=entry), doc()], as_of=date(2025, 1, 20)) == []
    assert len(run_rule("REV004", [review("bgs", withheld_reexamined=entry), doc()], as_of=date(2025, 1, 21))) == 1
    keep = [{"document": "云岭新广办〔2024〕40号", "conclusion": "keep"}]
    assert run_rule("REV004", [review("bgs", withheld_reexamined=keep), doc()], as_of=date(2025, 3, 1)) == []


# -- rectification (REV005, REV006) ------------------------------------------------------------


def _review_with(findings):
    return record("review", "reviews/gbc/2024.yaml", {"department": "gbc", "year": 2024, "submitted": "2024-12-20",
                                                      "findings": findings})


def test_rev005_overdue_and_late_rectification():
    rec = _review_with([
        {"problem": "删减理由不具体", "deadline": "2025-01-31"},
        {"problem": "注销结果未公开", "deadline": "2025-01-31", "done": "2025-02-10"},
        {"problem": "已按期整改", "deadline": "2025-01-31", "done": "2025-01-20"},
        {"problem": "未到期", "deadline": "2026-06-30"},
    ])
    found = run_rule("REV005", [rec], as_of=date(2026, 2, 1))
    assert [(f.pointer, f.anchor) for f in found] == [(("findings", 0), "parent"), (("findings", 1, "done"), "value")]
    assert found[0].message_zh == ("广播电视处（gbc）2024 年度自查发现的问题“删减理由不具体”整改期限为 2025-01-31，"
                                   "截至 2026-02-01 尚未整改完成（done）")
    assert "于 2025-02-10 才整改完成" in found[1].message_zh
    # as of 2025-01-31 nothing is overdue yet, and a completion dated later is not known then
    assert run_rule("REV005", [rec], as_of=date(2025, 1, 31)) == []


def test_rev006_open_problem_without_deadline():
    rec = _review_with([{"problem": "账号未更新"}, {"problem": "已整改", "done": "2024-12-10"},
                        {"problem": "有期限", "deadline": "2025-03-31"}])
    [f] = run_rule("REV006", [rec], as_of=date(2025, 1, 5))
    assert f.severity == "warning" and f.pointer == ("findings", 0) and "没有整改期限" in f.message_zh


def test_rectification_clock_in_deadlines():
    from govdisc.calendar import WorkCalendar
    from govdisc.config import Config
    from govdisc.deadlines import compute_obligations, explain_record

    rec = _review_with([{"problem": "p", "deadline": "2025-01-31", "done": "2025-03-01"}])
    cfg = Config()
    [ob] = [o for o in compute_obligations([rec], cfg, WorkCalendar(), date(2025, 2, 10)) if o.obligation == "rectification"]
    assert (ob.due, ob.status, ob.department, ob.pointer, ob.met_on) == ("2025-01-31", "overdue", "gbc", ("findings", 0), None)
    [later] = [o for o in compute_obligations([rec], cfg, WorkCalendar(), date(2025, 3, 5)) if o.obligation == "rectification"]
    assert later.status == "late"
    [exp] = [o for o in explain_record([rec], cfg, WorkCalendar(), date(2025, 3, 5), "reviews/gbc/2024.yaml")
             if o.obligation == "rectification"]
    assert [s.action for s in exp.trace] == ["start", "due", "note"]
