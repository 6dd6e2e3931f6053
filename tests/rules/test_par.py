"""PAR rules: public participation in decisions of major public interest, hearings, channels (二(八))."""

from __future__ import annotations

from datetime import date

from support import record, run_rule

AS_OF = date(2026, 2, 1)


def meeting(*items, date_="2024-06-11", id_="HY-2024-06"):
    return record("meeting", f"meetings/2024/{id_}.yaml", {"id": id_, "date": date_, "body": "局长办公会",
                                                            "items": list(items)})


def item(title="收视维护费调整方案", **kw):
    return {"title": title, "kind": "livelihood", **kw}


def part(id_="CY-2024-001", kind="hearing", date_="2024-05-28", **kw):
    return record("participation", f"participation/2024/{id_}.yaml",
                  {"id": id_, "title": "听证会", "kind": kind, "date": date_, **kw})


def test_par001_public_interest_needs_participation():
    m = meeting(item(public_interest=True), item("其他议题"))
    [f] = run_rule("PAR001", [m], as_of=AS_OF)
    assert f.pointer == ("items", 0, "public_interest")
    assert f.message_zh.startswith("议题“收视维护费调整方案”（会议 HY-2024-06，2024-06-11）标明涉及重大公共利益")
    linked = part(decision={"meeting": "HY-2024-06", "item": "收视维护费 调整方案"})
    assert run_rule("PAR001", [m, linked], as_of=AS_OF) == []
    # a record dated after the decision, or a third-party evaluation, does not count
    assert len(run_rule("PAR001", [m, part(date_="2024-06-20", decision=linked.data["decision"])], as_of=AS_OF)) == 1
    assert len(run_rule("PAR001", [m, part(kind="third_party_evaluation", decision=linked.data["decision"])],
                        as_of=AS_OF)) == 1


def test_par001_own_draft_or_attendance_counts_and_confidential_is_exempt():
    own = meeting(item(public_interest=True, attendance={"public": True, "media": False}),
                  item("草案", public_interest=True, public_draft={"published": "2024-05-01"}),
                  item("保密", public_interest=True, confidential=True))
    assert run_rule("PAR001", [own], as_of=AS_OF) == []
    assert run_rule("PAR001", [meeting(item(public_interest=True))], as_of=date(2024, 6, 10)) == []  # not decided yet


def test_par001_documents():
    doc = record("document", "documents/2024/a.yaml", {"doc_no": "云岭新广发〔2024〕17号", "formed": "2024-06-14",
                                                        "public_interest": True})
    [f] = run_rule("PAR001", [doc], as_of=AS_OF)
    assert f.pointer == ("public_interest",) and "公文 云岭新广发〔2024〕17号" in f.message_zh
    assert run_rule("PAR001", [doc, part(kind="solicitation", decision={"document": "云岭新广发〔2024〕17号"})],
                    as_of=AS_OF) == []


def test_par002_hearing_required():
    m = meeting(item(public_interest=True, hearing_required=True, attendance={"public": True}))
    [f] = run_rule("PAR002", [m], as_of=AS_OF)
    assert f.pointer == ("items", 0, "hearing_required") and "听证" in f.message_zh
    symposium = part(kind="symposium", decision={"meeting": "HY-2024-06", "item": "收视维护费调整方案"})
    assert len(run_rule("PAR002", [m, symposium], as_of=AS_OF)) == 1
    hearing = part(decision={"meeting": "HY-2024-06", "item": "收视维护费调整方案"})
    assert run_rule("PAR002", [m, hearing], as_of=AS_OF) == []


def test_par003_participation_after_decision():
    m = meeting(item())
    late = part(date_="2024-06-20", decision={"meeting": "HY-2024-06", "item": "收视维护费调整方案"})
    [f] = run_rule("PAR003", [m, late], as_of=AS_OF)
    assert f.pointer == ("date",) and "会议 HY-2024-06（2024-06-11）" in f.message_zh
    evaluation = part(kind="third_party_evaluation", date_="2024-10-01", decision=late.data["decision"])
    assert run_rule("PAR003", [m, evaluation, part(decision=late.data["decision"])], as_of=AS_OF) == []


def test_par004_channel_each_finished_year():
    cat = record("catalog", "catalog/bgs/2024.yaml", {"department": "bgs", "year": 2024})
    [f] = run_rule("PAR004", [cat], as_of=date(2025, 2, 1))
    assert f.path == "govdisc.yaml" and "2024 年度" in f.message_zh
    hotline = part("QD-2024-01", kind="channel", date_="2024-12-31", channel="hotline", received=10, handled=9)
    assert run_rule("PAR004", [cat, hotline], as_of=date(2025, 2, 1)) == []


def test_par005_handled_more_than_received():
    [f] = run_rule("PAR005", [part(kind="channel", received=10, handled=12)], as_of=AS_OF)
    assert f.pointer == ("handled",) and "办结 12 件，多于受理的 10 件" in f.message_zh
    assert run_rule("PAR005", [part(kind="channel", received=12, handled=10)], as_of=AS_OF) == []


def test_par006_unknown_meeting_or_item():
    m = meeting(item())
    found = run_rule("PAR006", [m, part(decision={"meeting": "HY-2024-6"}),
                                part("CY-2", decision={"meeting": "HY-2024-06", "item": "不存在的议题"}),
                                part("CY-3", decision={"meeting": "HY-2024-06", "item": "收视维护费调整方案"})], as_of=AS_OF)
    assert [(f.path, f.pointer) for f in found] == [
        ("participation/2024/CY-2024-001.yaml", ("decision", "meeting")), ("participation/2024/CY-2.yaml", ("decision", "item"))]


def test_par_rules_tolerate_malformed_records():
    junk = [record("participation", "participation/2024/x.yaml", {"decision": "x", "date": 5, "received": "9"}),
            record("meeting", "meetings/2024/m.yaml", {"date": "2024-01-01", "items": [None, {"public_interest": True}]}),
            record("document", "documents/2024/d.yaml", {"formed": "2024-01-01", "doc_no": 3})]
    for code in ("PAR001", "PAR002", "PAR003", "PAR004", "PAR005", "PAR006"):
        run_rule(code, junk, as_of=AS_OF)
