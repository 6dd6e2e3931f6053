"""OPN rules: public-opinion response within 5 and 24 hours (《实施办法》二（六）4)."""

from __future__ import annotations

from datetime import date
from typing import Any

from support import record, run_rule

AS_OF = date(2026, 2, 1)


def opinion(id_: str = "YQ-2024-001", **data: Any):
    base = {"id": id_, "title": "某地有线电视停播引发关注", "detected_at": "2024-07-02 08:30",
            "level": "major", "emergency": True, "lead": "gbc"}
    base.update(data)
    return record("opinion", f"opinions/2024/{id_}.yaml", base)


IN_TIME = dict(releases=[{"at": "2024-07-02 12:10", "channel": "门户网站"}],
               press_conference={"at": "2024-07-03 07:00"},
               follow_ups=[{"at": "2024-07-05 10:00", "note": "通报进展"}])


def test_opn001_late_release():
    rec = opinion(releases=[{"at": "2024-07-02 16:40", "channel": "门户网站"}])
    [f] = run_rule("OPN001", [rec], as_of=AS_OF)
    assert f.code == "OPN001" and f.severity == "error"
    assert f.pointer == ("releases", 0, "at")
    assert "2024-07-02 08:30" in f.message_zh and "2024-07-02 13:30" in f.message_zh
    assert "2024-07-02 16:40" in f.message_zh and "8小时10分" in f.message_zh


def test_opn001_first_release_counts_and_points_at_it():
    rec = opinion(releases=[{"at": "2024-07-02 18:00"}, {"at": "2024-07-02 15:00"}])
    [f] = run_rule("OPN001", [rec], as_of=AS_OF)
    assert f.pointer == ("releases", 1, "at") and "2024-07-02 15:00" in f.message_zh


def test_opn001_missing_release_once_due():
    [f] = run_rule("OPN001", [opinion()], as_of=date(2024, 7, 3))
    assert f.pointer == () and f.anchor == "parent"
    assert "截至 2024-07-03 仍无发布权威信息记录" in f.message_zh
    # on the day of detection the 5 hours have not passed at the start of the as-of day
    assert run_rule("OPN001", [opinion()], as_of=date(2024, 7, 2)) == []


def test_opn001_in_time_timezone_aware():
    # 05:00 UTC is 13:00 in Asia/Shanghai: within 5 hours of 08:30
    rec = opinion(releases=[{"at": "2024-07-02T05:00:00Z", "channel": "门户网站"}])
    assert run_rule("OPN001", [rec], as_of=AS_OF) == []
    # in a register kept in Tokyo time, detection is 08:30 JST and 05:00 UTC is 14:00 JST: late
    [f] = run_rule("OPN001", [rec], config={"timezone": "Asia/Tokyo"}, as_of=AS_OF)
    assert "2024-07-02 14:00" in f.message_zh and "5小时30分" in f.message_zh


def test_opn001_general_events_not_judged():
    assert run_rule("OPN001", [opinion(level="general")], as_of=AS_OF) == []
    assert run_rule("OPN001", [opinion(**IN_TIME)], as_of=AS_OF) == []


def test_opn002_press_conference_late():
    rec = opinion(**{**IN_TIME, "press_conference": {"at": "2024-07-04 10:00"}})
    [f] = run_rule("OPN002", [rec], as_of=AS_OF)
    assert f.pointer == ("press_conference", "at")
    assert "2024-07-03 08:30" in f.message_zh and "2024-07-04 10:00" in f.message_zh and "49小时30分" in f.message_zh


def test_opn002_missing_press_conference():
    rec = opinion(releases=IN_TIME["releases"], level="especially_major")
    [f] = run_rule("OPN002", [rec], as_of=AS_OF)
    assert f.pointer == () and "特别重大" in f.message_zh and "仍无新闻发布会记录" in f.message_zh


def test_opn002_in_time_ok():
    assert run_rule("OPN002", [opinion(**IN_TIME)], as_of=AS_OF) == []
    assert run_rule("OPN002", [opinion()], as_of=date(2024, 7, 3)) == []  # due 07-03 08:30


def test_opn003_response_before_detection():
    rec = opinion(releases=[{"at": "2024-07-01 12:10"}], press_conference={"at": "2024-07-02 08:00"},
                  follow_ups=[{"at": "2024-07-05 10:00"}, {"at": "2024-06-30 10:00"}])
    found = run_rule("OPN003", [rec], as_of=AS_OF)
    assert [f.pointer for f in found] == [("releases", 0, "at"), ("press_conference", "at"), ("follow_ups", 1, "at")]
    assert "2024-07-01 12:10 早于监测发现时间 2024-07-02 08:30" in found[0].message_zh


def test_opn003_in_order_ok():
    assert run_rule("OPN003", [opinion(**IN_TIME)], as_of=AS_OF) == []
    # an aware time that is after detection in absolute terms
    rec = opinion(releases=[{"at": "2024-07-02T01:00:00+00:00"}])  # 09:00 Shanghai
    assert run_rule("OPN003", [rec], as_of=AS_OF) == []


def test_opn004_no_follow_ups():
    rec = opinion(releases=IN_TIME["releases"], press_conference=IN_TIME["press_conference"])
    [f] = run_rule("OPN004", [rec], as_of=AS_OF)
    assert f.severity == "info" and f.pointer == () and f.anchor == "parent"
    assert "重大舆情" in f.message_zh and "follow_ups" in f.message_zh
    [f] = run_rule("OPN004", [opinion(follow_ups=[])], as_of=AS_OF)
    assert f.pointer == ("follow_ups",)


def test_opn004_ok():
    assert run_rule("OPN004", [opinion(**IN_TIME)], as_of=AS_OF) == []
    assert run_rule("OPN004", [opinion(level="general")], as_of=AS_OF) == []
    assert run_rule("OPN004", [opinion()], as_of=date(2024, 7, 2)) == []  # detected today


def test_malformed_records_do_not_raise():
    from govdisc.rules import REGISTRY
    weird = [opinion("YQ-2024-009", detected_at="yesterday", releases="x", press_conference=[1]),
             opinion("YQ-2024-010", releases=[None, {"at": 5}], press_conference={"at": None}, follow_ups={"a": 1}),
             record("opinion", "opinions/2024/x.yaml", {"level": "major"})]
    for code in sorted(c for c in REGISTRY if c.startswith("OPN")):
        run_rule(code, weird, as_of=AS_OF)
    run_rule("OPN001", [opinion()], config={"timezone": "Mars/Olympus"}, as_of=AS_OF)


def test_examples_parse_with_the_register_loader():
    """`govdisc explain` shows bad/good snippets; users copy them, so they must load."""
    from govdisc.loading.yamlio import load_text
    from govdisc.rules import REGISTRY
    for code, rule in REGISTRY.items():
        if code[:3] in ("APP", "OPN", "MTG"):
            for snippet in (rule.bad, rule.good):
                assert snippet, code
                assert load_text(snippet)[1] is None, (code, snippet)


# -- emergencies, key matters and handling (二(六)3, 二(六)4) --------------------------------------


def test_clocks_apply_to_emergencies_only():
    # a major opinion that does not concern an emergency has no 5-hour / 24-hour clock
    calm = opinion(emergency=False)
    assert run_rule("OPN001", [calm], as_of=AS_OF) == [] and run_rule("OPN002", [calm], as_of=AS_OF) == []
    assert run_rule("OPN004", [calm], as_of=AS_OF) == []
    assert len(run_rule("OPN001", [opinion()], as_of=AS_OF)) == 1


def test_opn005_key_matter_in_time_only_when_configured():
    rec = opinion(level="general", emergency=False, key_matter=True,
                  releases=[{"at": "2024-07-03 12:00", "channel": "门户网站"}])
    assert run_rule("OPN005", [rec], as_of=AS_OF) == []  # off by default
    [f] = run_rule("OPN005", [rec], config={"measures": {"key_matter_release_hours": 24}}, as_of=AS_OF)
    assert f.pointer == ("releases", 0, "at")
    assert "2024-07-03 08:30" in f.message_zh and "24小时" in f.message_zh and "27小时30分" in f.message_zh
    ok = opinion(level="general", key_matter=True, releases=[{"at": "2024-07-02 20:00"}])
    assert run_rule("OPN005", [ok], config={"measures": {"key_matter_release_hours": 24}}, as_of=AS_OF) == []
    # a general emergency is a key matter too
    [g] = run_rule("OPN005", [opinion(level="general")], config={"measures": {"key_matter_release_hours": 12}},
                   as_of=AS_OF)
    assert "仍无发布信息记录" in g.message_zh


def test_opn006_major_opinion_must_say_whether_it_is_an_emergency():
    base = {k: v for k, v in opinion().data.items() if k != "emergency"}
    [f] = run_rule("OPN006", [record("opinion", "opinions/2024/YQ-2024-001.yaml", base)], as_of=AS_OF)
    assert f.severity == "warning" and f.pointer == ("level",) and "emergency" in f.message_zh
    assert run_rule("OPN006", [opinion(), opinion(emergency=False), opinion(level="general", emergency=None)],
                    as_of=AS_OF) == []


def test_opn007_handling_published_by_year_end():
    rec = opinion(handling=[{"nature": "suggestion", "summary": "采纳"}, {"nature": "misunderstanding"},
                            {"nature": "major_problem", "published": {"date": "2024-08-01"}}])
    [f] = run_rule("OPN007", [rec], as_of=AS_OF)
    assert f.pointer == ("handling", 0) and "建设性意见建议" in f.message_zh and "吸收采纳情况" in f.message_zh
    assert run_rule("OPN007", [rec], as_of=date(2024, 12, 31)) == []  # the year is not over yet


def test_opn008_false_information_referred():
    rec = opinion(handling=[{"nature": "false_info", "summary": "谣言"}])
    [f] = run_rule("OPN008", [rec], as_of=AS_OF)
    assert f.pointer == ("handling", 0) and "公安机关、网络监管部门" in f.message_zh
    assert run_rule("OPN008", [rec], as_of=date(2024, 7, 2)) == []
    done = opinion(handling=[{"nature": "false_info", "referral": {"to": "省委网信办", "date": "2024-07-03"}}])
    assert run_rule("OPN008", [done], as_of=AS_OF) == []
