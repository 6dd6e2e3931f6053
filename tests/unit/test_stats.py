"""govdisc.stats: labels, the annual figures computed from small in-memory registers, cross-checks."""

from __future__ import annotations

import json
import random
from datetime import date, timedelta

import pytest
from support import BASE_CONFIG, record

from govdisc.calendar import calendar_for
from govdisc.config import Config
from govdisc.stats import annual_stats, check_applications, check_reviews
from govdisc.stats import labels as L
from govdisc.stats.crosscheck import read_applications_table, read_reviews_table

CONFIG = Config.from_data(BASE_CONFIG)
CAL = calendar_for(CONFIG)

# The official labels, typed from ogi-reference.md Part 2 (国办公开办函〔2021〕30号).
OFFICIAL_ROWS = [
    "一、本年新收政府信息公开申请数量",
    "二、上年结转政府信息公开申请数量",
    "（一）予以公开",
    "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
    "1.属于国家秘密",
    "2.其他法律行政法规禁止公开",
    "3.危及“三安全一稳定”",
    "4.保护第三方合法权益",
    "5.属于三类内部事务信息",
    "6.属于四类过程性信息",
    "7.属于行政执法案卷",
    "8.属于行政查询事项",
    "1.本机关不掌握相关政府信息",
    "2.没有现成信息需要另行制作",
    "3.补正后申请内容仍不明确",
    "1.信访举报投诉类申请",
    "2.重复申请",
    "3.要求提供公开出版物",
    "4.无正当理由大量反复申请",
    "5.要求行政机关确认或重新出具已获取信息",
    "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
    "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
    "3.其他",
    "（七）总计",
    "四、结转下年度继续办理",
]
OFFICIAL_GROUPS = ["（一）予以公开", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "（三）不予公开",
                   "（四）无法提供", "（五）不予处理", "（六）其他处理", "（七）总计"]
OFFICIAL_COLUMNS = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]
OFFICIAL_SECTIONS = ["一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
                     "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项"]
HEADER_CELL = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"


# -- labels ------------------------------------------------------------------------------------


def test_application_rows_verbatim_and_distinct():
    assert list(L.APPLICATION_ROW_LABELS) == OFFICIAL_ROWS
    assert len(set(L.APPLICATION_ROW_LABELS)) == 25
    assert [g for g, _ in L.RESULT_GROUPS] == OFFICIAL_GROUPS
    assert len(L.RESULT_ROW_LABELS) == 22 and len(L.RESULT_PART_LABELS) == 21
    assert L.RESULTS == "三、本年度办理结果"


def test_row_grouping():
    rows = {r.label: r for r in L.APPLICATION_ROWS}
    assert rows["1.属于国家秘密"].level2 == "（三）不予公开"
    assert rows["3.补正后申请内容仍不明确"].level2 == "（四）无法提供"
    assert rows["5.要求行政机关确认或重新出具已获取信息"].level2 == "（五）不予处理"
    assert rows["3.其他"].level2 == "（六）其他处理"
    assert rows["（七）总计"].level == 2 and rows["（七）总计"].level1 == "三、本年度办理结果"
    assert rows["四、结转下年度继续办理"].level == 1
    assert sum(1 for r in L.APPLICATION_ROWS if r.level1 == L.RESULTS) == 22


def test_columns_sections_headers_verbatim():
    assert list(L.APPLICANT_COLUMNS) == OFFICIAL_COLUMNS
    assert list(L.SECTIONS.values()) == OFFICIAL_SECTIONS
    assert L.APPLICATIONS_HEADER_CELL == HEADER_CELL
    assert L.APPLICATIONS_HEADER_ROWS == (("申请人情况",), ("自然人", "法人或其他组织", "总计"),
                                          ("商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"))
    assert [b.caption for b in L.PROACTIVE_BLOCKS] == ["第二十条第（一）项", "第二十条第（五）项",
                                                        "第二十条第（六）项", "第二十条第（八）项"]
    assert L.PROACTIVE_BLOCKS[0].columns == ("本年制发件数", "本年废止件数", "现行有效件数")
    assert L.PROACTIVE_BLOCKS[0].rows == ("规章", "行政规范性文件")
    assert L.PROACTIVE_BLOCKS[3].columns == ("本年收费金额（单位：万元）",)
    assert list(L.REVIEW_COLUMNS) == ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
    assert list(L.REVIEW_GROUPS) == ["行政复议", "未经复议直接起诉", "复议后起诉"]
    assert [c[0] for c in L.REVIEWS_HEADER_ROWS[0]] == ["行政复议", "行政诉讼"]


def test_outcome_and_kind_mapping():
    assert L.outcome_row("disclosed") == "（一）予以公开"
    assert L.outcome_row("partially_disclosed").startswith("（二）部分公开")
    assert L.outcome_row("withheld", ["security_stability", "state_secret"]) == "3.危及“三安全一稳定”"
    assert L.outcome_row("withheld", ["administrative_query"]) == "8.属于行政查询事项"
    assert L.outcome_row("withheld", []) is None
    assert L.outcome_row("not_held") == "1.本机关不掌握相关政府信息"
    assert L.outcome_row("excessive") == "4.无正当理由大量反复申请"
    assert L.outcome_row("no_fee").startswith("2.申请人逾期未按收费通知")
    assert L.outcome_row("bogus") is None
    assert len(set(L.OUTCOME_ROWS.values()) | set(L.EXEMPTION_ROWS.values())) == 21
    assert L.APPLICANT_KIND_COLUMNS["legal_services"] == "法律服务机构"


@pytest.mark.parametrize("written, official", [
    ("(三)不予公开 1.属于国家秘密", "1.属于国家秘密"),
    ("（三）不予公开/1.属于国家秘密", "1.属于国家秘密"),
    ("三、本年度办理结果（三）不予公开 1、属于国家秘密", "1.属于国家秘密"),
    ('3.危及"三安全一稳定"', "3.危及“三安全一稳定”"),
    ("3．危及「三安全一稳定」", "3.危及“三安全一稳定”"),
    ("1.申请人无正当理由逾期不补正，行政机关不再处理其政府信息公开申请",
     "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
    ("(二)部分公开(区分处理的,只计这一情形,不计其他情形)", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"),
    ("（二）部分公开", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"),
    ("(七)总计", "（七）总计"),
    (" 四、结转下年度继续办理 ", "四、结转下年度继续办理"),
    ("（六）其他处理 3.其他", "3.其他"),
])
def test_row_aliases(written, official):
    assert L.application_row(written) == official


@pytest.mark.parametrize("written", ["（六）其他处理", "（三）不予公开", "国家机密", "", "三、本年度办理结果"])
def test_row_aliases_reject(written):
    assert L.application_row(written) is None


def test_column_and_review_aliases():
    assert L.applicant_column("商业 企业") == "商业企业"
    assert L.applicant_column("法人或其他组织/科研机构") == "科研机构"
    assert L.applicant_column("合计") == "总计"
    assert L.applicant_column("法人或其他组织") is None
    assert L.review_group("行政诉讼/未经复议直接起诉") == "未经复议直接起诉"
    assert L.review_group("行政诉讼（复议后起诉）") == "复议后起诉"
    assert L.review_column("尚未审结") == "尚未审结"


# -- a small register --------------------------------------------------------------------------


def app(id_: str, received: str, reply: str | None = None, outcome: str | None = "disclosed",
        kind: str | None = "natural_person", channel: str = "in_person", **extra) -> object:
    year = id_.split("-")[1]
    data = {"id": id_, "channel": channel, "submitted": received, "handler": "bgs", "summary": "申请公开……"}
    if kind is not None:
        data["applicant"] = {"kind": kind, "ref": "A-1"}
    if reply is not None:
        data["reply"] = {"date": reply, **({"outcome": outcome} if outcome else {})}
    for key, value in extra.items():
        if key == "exemptions":
            if "reply" in data:
                data["reply"]["exemptions"] = value
        else:
            data[key] = value
    return record("application", f"applications/{year}/{id_}.yaml", data)


def register():
    return [
        # received and answered in 2024
        app("YSQ-2024-0001", "2024-03-01", "2024-03-08"),
        app("YSQ-2024-0002", "2024-05-06", "2024-06-03", "partially_disclosed", "business",
            exemptions=["third_party_rights"]),
        app("YSQ-2024-0003", "2024-03-04", "2024-03-04", "withheld", "business", exemptions=["process_info"]),
        app("YSQ-2024-0004", "2024-03-01", "2024-03-18", "not_held", "research",
            events=[{"type": "correction_notice", "date": "2024-03-04"},
                    {"type": "correction_received", "date": "2024-03-11"}]),
        # carried in from 2023, answered in 2024
        app("YSQ-2023-0009", "2023-12-25", "2024-01-10", "duplicate", "legal_services"),
        # carried in from 2023, still open at the end of 2024 (二 and 四)
        app("YSQ-2023-0010", "2023-12-27", None, kind="public_interest"),
        # received in 2024, carried out (no reply, and a reply in 2025)
        app("YSQ-2024-0005", "2024-12-20", None, kind="other"),
        app("YSQ-2024-0006", "2024-12-23", "2025-01-08", "disclosed"),
        # receipt by channel: posted in 2023, signed for in 2024 → received 2024
        app("YSQ-2024-0007", "2023-12-29", "2024-01-15", "no_correction", channel="mail_signed",
            signed_for="2024-01-03"),
        # online: submitted 2023-12-31, confirmed 2024-01-02 → received 2024
        app("YSQ-2024-0008", "2023-12-31", "2024-01-12", "publication", channel="online",
            confirmed="2024-01-02"),
        # received and answered in 2023: not in 2024
        app("YSQ-2023-0001", "2023-03-01", "2023-03-20"),
        # withheld without a code; kind missing → notes
        app("YSQ-2024-0011", "2024-06-03", "2024-06-20", "withheld", None),
        # reviews
        app("YSQ-2023-0020", "2023-05-05", "2023-05-20", "withheld", exemptions=["state_secret"],
            review={"kind": "reconsideration", "result": "upheld", "date": "2024-03-01"}),
        app("YSQ-2024-0021", "2024-02-01", "2024-02-20", "disclosed",
            review={"kind": "litigation", "result": "pending", "date": "2024-11-01"}),
        app("YSQ-2024-0022", "2024-02-02", "2024-02-21", "disclosed",
            review={"kind": "litigation_after_reconsideration"}),  # no date → reply year; no result → pending
        app("YSQ-2022-0001", "2022-02-02", "2022-02-21", "disclosed",
            review={"kind": "reconsideration", "result": "corrected", "date": "2023-01-10"}),
    ]


def docs_and_report():
    def doc(no, kind, formed, repealed=None):
        data = {"doc_no": no, "title": "关于……的通知", "department": "zcfg", "kind": kind, "formed": formed,
                "disclosure": "public"}
        if repealed:
            data["repealed"] = repealed
        return record("document", f"documents/{formed[:4]}/{no}.yaml", data)

    return [
        doc("测规〔2024〕1号", "regulation", "2024-02-01"),
        doc("测规〔2020〕1号", "regulation", "2020-02-01"),
        doc("测规范〔2023〕1号", "normative", "2023-03-01", "2024-06-30"),
        doc("测规范〔2024〕1号", "normative", "2024-12-31"),
        doc("测规范〔2025〕1号", "normative", "2025-01-02"),
        doc("测规范〔2022〕1号", "normative", "2022-01-02", "2025-03-01"),
        doc("测规范〔2021〕1号", "normative", "2021-01-02", "2024-12-31"),
        doc("测通〔2024〕1号", "notice", "2024-01-02"),
        record("report", "reports/2024.yaml", {
            "year": 2024, "published": {"date": "2025-01-20", "url": "https://example.gov.cn/ndbg/2024.html"},
            "overview": "2024年，本局……", "proactive": {"licensing": 1260, "penalties": 18, "enforcement": 0},
            "problems": "问题……", "other": "其他……", "processing_fees": 0,
        }),
    ]


@pytest.fixture(scope="module")
def stats2024():
    return annual_stats(register() + docs_and_report(), CONFIG, CAL, 2024)


def cell(stats, row, col="总计"):
    return stats["applications"]["table"][row][col]


def test_shape_and_header(stats2024):
    s = stats2024
    assert list(s) == ["year", "agency", "format", "period", "as_of", "complete", "register_years", "in_register",
                       "sections", "proactive", "applications", "reviews", "response_times", "narrative", "notes"]
    assert s["as_of"] is None and s["complete"] is True and s["in_register"] is True
    assert s["year"] == 2024 and s["agency"] == "测试省测试局"
    assert s["period"] == "本报告中所列数据统计期限为2024年1月1日至12月31日"
    assert list(s["applications"]["table"]) == OFFICIAL_ROWS
    assert all(list(v) == OFFICIAL_COLUMNS for v in s["applications"]["table"].values())
    assert [r["label"] for r in s["applications"]["rows"]] == OFFICIAL_ROWS
    json.dumps(s, ensure_ascii=False)  # serialisable


def test_received_and_carried(stats2024):
    s = stats2024
    # 一: 0001 0002 0003 0004 0005 0006 0007 0008 0011 0021 0022 = 11
    assert cell(s, "一、本年新收政府信息公开申请数量") == 11
    assert cell(s, "一、本年新收政府信息公开申请数量", "自然人") == 6  # 0001 0006 0007 0008 0021 0022
    assert cell(s, "一、本年新收政府信息公开申请数量", "商业企业") == 2
    assert cell(s, "一、本年新收政府信息公开申请数量", "科研机构") == 1
    assert cell(s, "一、本年新收政府信息公开申请数量", "其他") == 2  # 0005 + 0011 (kind missing)
    # 二: 2023-0009 (answered 2024) and 2023-0010 (open)
    assert cell(s, "二、上年结转政府信息公开申请数量") == 2
    assert cell(s, "二、上年结转政府信息公开申请数量", "法律服务机构") == 1
    assert cell(s, "二、上年结转政府信息公开申请数量", "社会公益组织") == 1
    # 四: 2023-0010, 2024-0005, 2024-0006 (replied in 2025)
    assert cell(s, "四、结转下年度继续办理") == 3
    assert cell(s, "四、结转下年度继续办理", "社会公益组织") == 1
    assert cell(s, "四、结转下年度继续办理", "其他") == 1
    assert cell(s, "四、结转下年度继续办理", "自然人") == 1


def test_results(stats2024):
    s = stats2024
    assert cell(s, "（一）予以公开") == 3  # 0001 0021 0022
    assert cell(s, "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "商业企业") == 1
    assert cell(s, "6.属于四类过程性信息", "商业企业") == 1
    assert cell(s, "1.属于国家秘密") == 0  # 2023-0020 was answered in 2023
    assert cell(s, "1.本机关不掌握相关政府信息", "科研机构") == 1
    assert cell(s, "2.重复申请", "法律服务机构") == 1
    assert cell(s, "3.要求提供公开出版物", "自然人") == 1
    assert cell(s, "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请") == 1
    assert cell(s, "3.其他", "其他") == 1  # withheld without a code, kind missing
    assert cell(s, "（七）总计") == 10
    assert cell(s, "（七）总计", "自然人") == 5  # 0001 0007 0008 0021 0022
    problems = {(n["record"], n["problem_en"].split(":")[0]) for n in s["notes"]}
    assert ("YSQ-2024-0011", "withheld without an exemption code") in problems
    assert ("YSQ-2024-0011", "applicant.kind missing or unknown") in problems


def test_computed_tables_pass_crosschecks(stats2024):
    assert stats2024["applications"]["checks"] == []
    assert stats2024["reviews"]["checks"] == []
    assert check_applications(stats2024["applications"]["table"]) == []


def test_other_years():
    s23 = annual_stats(register(), CONFIG, CAL, 2023)
    # 2023: 0009, 0010, 0001, 0020 received; 0001 and 0020 answered; 0009 and 0010 carried out
    assert cell(s23, "一、本年新收政府信息公开申请数量") == 4
    assert cell(s23, "（七）总计") == 2
    assert cell(s23, "四、结转下年度继续办理") == 2
    assert cell(s23, "1.属于国家秘密") == 1
    assert s23["reviews"]["table"]["行政复议"]["结果纠正"] == 1  # decided 2023-01-10
    s25 = annual_stats(register(), CONFIG, CAL, 2025)
    assert cell(s25, "二、上年结转政府信息公开申请数量") == 3
    assert cell(s25, "（一）予以公开") == 1  # 0006 answered 2025-01-08
    assert cell(s25, "四、结转下年度继续办理") == 2
    assert check_applications(s25["applications"]["table"]) == []


def test_reviews(stats2024):
    t = stats2024["reviews"]["table"]
    assert t["行政复议"] == {"结果维持": 1, "结果纠正": 0, "其他结果": 0, "尚未审结": 0, "总计": 1}
    assert t["未经复议直接起诉"] == {"结果维持": 0, "结果纠正": 0, "其他结果": 0, "尚未审结": 1, "总计": 1}
    assert t["复议后起诉"] == {"结果维持": 0, "结果纠正": 0, "其他结果": 0, "尚未审结": 1, "总计": 1}
    assert stats2024["reviews"]["row"] == [1, 0, 0, 0, 1, 0, 0, 0, 1, 1, 0, 0, 0, 1, 1]


def test_response_times():
    # 2024-03-01 → 03-08: 5 working days; 05-06 → 06-03: 21 (late: due 05-31);
    # same day: 0; restart 03-11 → 03-18: 5
    recs = register()[:4]
    rt = annual_stats(recs, CONFIG, CAL, 2024)["response_times"]
    assert rt["count"] == 4
    assert rt["median"] == 5.0
    assert rt["mean"] == round((5 + 21 + 0 + 5) / 4, 1)
    assert (rt["in_time"], rt["late"], rt["not_judged"]) == (3, 1, 0)
    assert rt["in_time_share"] == 0.75
    assert [(b["key"], b["count"]) for b in rt["bands"]] == [("1-5", 3), ("6-10", 0), ("11-20", 0),
                                                             ("21-40", 1), (">40", 0)]


def test_response_times_empty():
    rt = annual_stats([], CONFIG, CAL, 2024)["response_times"]
    assert rt["count"] == 0 and rt["median"] is None and rt["in_time_share"] is None


def test_proactive(stats2024):
    t = stats2024["proactive"]["table"]
    assert t["规章"] == {"本年制发件数": 1, "本年废止件数": 0, "现行有效件数": 2}
    # normative: formed 2024: 1; repealed 2024: 2023-1 and 2021-1 (12-31);
    # in force at 2024-12-31: 2024-1, 2022-1 (repealed 2025)
    assert t["行政规范性文件"] == {"本年制发件数": 1, "本年废止件数": 2, "现行有效件数": 2}
    assert t["行政许可"] == {"本年处理决定数量": 1260}
    assert t["行政处罚"] == {"本年处理决定数量": 18}
    assert t["行政强制"] == {"本年处理决定数量": 0}
    assert t["行政事业性收费"] == {"本年收费金额（单位：万元）": None}
    blocks = stats2024["proactive"]["blocks"]
    assert [b["caption"] for b in blocks] == ["第二十条第（一）项", "第二十条第（五）项", "第二十条第（六）项",
                                              "第二十条第（八）项"]
    assert blocks[0]["columns"] == ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"]
    assert blocks[2]["rows"][0] == {"label": "行政处罚", "values": {"本年处理决定数量": 18}}


def test_narrative(stats2024):
    n = stats2024["narrative"]
    assert n["overview"] == "2024年，本局……" and n["problems"] == "问题……" and n["other"] == "其他……"
    assert n["processing_fees"] == 0
    assert n["published"] == {"date": "2025-01-20", "url": "https://example.gov.cn/ndbg/2024.html"}
    assert annual_stats([], CONFIG, CAL, 2024)["narrative"]["published"] is None


def test_malformed_records_do_not_raise():
    recs = [
        record("application", "applications/2024/x.yaml", {"id": "x", "reply": "yes", "applicant": [],
                                                          "review": {"kind": 3}}),
        record("application", "applications/2024/y.yaml", {"id": "y", "submitted": "2024-13-45"}),
        record("application", "applications/2024/z.yaml", {"id": "z", "submitted": "2024-02-01",
                                                          "reply": {"date": "2024-01-01", "outcome": 5},
                                                          "review": {"kind": "bogus", "date": "2024-03-01"}}),
        record("document", "documents/2024/d.yaml", {"kind": "normative", "formed": 20240101}),
        record("report", "reports/2024.yaml", {"year": 2024, "proactive": "n/a", "published": "soon"}),
    ]
    s = annual_stats(recs, CONFIG, CAL, 2024)
    assert cell(s, "一、本年新收政府信息公开申请数量") == 1  # only z has a receipt date
    assert cell(s, "3.其他") == 1  # reply before receipt, counted at receipt; outcome unknown
    assert check_applications(s["applications"]["table"]) == []
    assert {n["record"] for n in s["notes"]} == {"x", "y", "z"}


def test_crosschecks_hold_on_random_registers():
    rng = random.Random(7)
    kinds = list(L.APPLICANT_KIND_COLUMNS) + [None]
    outcomes = list(L.OUTCOME_ROWS) + ["withheld", None]
    recs = []
    for i in range(400):
        received = date(2021, 1, 1) + timedelta(days=rng.randrange(365 * 4))
        reply = None if rng.random() < 0.2 else received + timedelta(days=rng.randrange(-3, 90))
        outcome = rng.choice(outcomes)
        extra = {"exemptions": [rng.choice(list(L.EXEMPTION_ROWS))]} if outcome == "withheld" and rng.random() < .8 \
            else {}
        if rng.random() < 0.1:
            extra["review"] = {"kind": rng.choice(list(L.REVIEW_KIND_GROUPS)),
                               "result": rng.choice(list(L.REVIEW_RESULT_COLUMNS)),
                               "date": (received + timedelta(days=rng.randrange(400))).isoformat()}
        recs.append(app(f"YSQ-{received.year}-{i:04d}", received.isoformat(),
                        reply.isoformat() if reply else None, outcome, rng.choice(kinds), **extra))
    for year in range(2020, 2027):
        s = annual_stats(recs, CONFIG, CAL, year)
        assert check_applications(s["applications"]["table"]) == [], year
        assert check_reviews(s["reviews"]["table"]) == [], year
        t = s["applications"]["table"]
        assert t["（七）总计"]["总计"] == s["response_times"]["count"]


# -- cross-checks on hand-entered tables ---------------------------------------------------------


def test_hand_table_reading_and_failures():
    raw = {
        "一、本年新收政府信息公开申请数量": {"自然人": 10, "商业 企业": 2, "总计": 12},
        "(二)部分公开": {"自然人": 1, "总计": 1},
        "（三）不予公开 1.属于国家秘密": {"自然人": 1, "总计": 2},   # (b) fails
        "（一）予以公开": {"自然人": 7, "商业企业": 2, "总计": 9},
        "(七)总计": {"自然人": 9, "商业企业": 2, "总计": 11},      # (c) 自然人 9 == 7+1+1 ok; 总计 11 vs 12
        "四、结转下年度继续办理": {"自然人": 2, "总计": 2},        # (a) 自然人 10 == 9+... 12 != 11
        "不存在的行": {"自然人": 1},
    }
    ht = read_applications_table(raw)
    assert ht.row_keys["1.属于国家秘密"] == "（三）不予公开 1.属于国家秘密"
    assert ht.table["一、本年新收政府信息公开申请数量"]["商业企业"] == 2
    assert ht.cells[("一、本年新收政府信息公开申请数量", "商业企业")] == "商业 企业"
    assert ht.unknown == [("不存在的行",)]
    failures = check_applications(ht.table)
    assert ("a", "（七）总计", "自然人", 8, 9) in failures  # 10 + 0 − 2 = 8
    assert ("b", "1.属于国家秘密", "总计", 1, 2) in failures
    assert ("c", "（七）总计", "总计", 12, 11) in failures
    assert ht.pointer("（七）总计", "总计") == (("(七)总计", "总计"), True)
    assert ht.pointer("2.重复申请", "总计") == ((), False)


def test_hand_reviews_table():
    ht = read_reviews_table({"行政复议": {"结果维持": 1, "结果纠正": 1, "总计": 1},
                             "复议后起诉": {"总计": 0}})
    assert check_reviews(ht.table) == [("d", "行政复议", "总计", 2, 1)]


# -- issue 13: table 四 from dated steps, the same whenever it is computed ---------------------------


def steps_register():
    reply = {"exemptions": ["process_info"]}
    return [
        # reconsideration filed 2024-11-05, decided 2025-03-10: 尚未审结 in 2024, 结果维持 in 2025
        app("YSQ-2024-0031", "2024-10-08", "2024-10-30", "withheld", **reply,
            review=[{"kind": "reconsideration", "filed": "2024-11-05", "decided": "2025-03-10", "result": "upheld"}]),
        # reconsideration decided in 2024, then a lawsuit after it, decided in 2026
        app("YSQ-2024-0032", "2024-03-04", "2024-03-20", "withheld", **reply,
            review=[{"kind": "reconsideration", "filed": "2024-04-01", "decided": "2024-06-28", "result": "corrected"},
                    {"kind": "litigation_after_reconsideration", "filed": "2024-07-10", "decided": "2026-01-15",
                     "result": "other"}]),
        # a lawsuit about a missing reply, filed before any reply
        app("YSQ-2024-0033", "2024-05-06", "2024-08-01", "disclosed",
            review=[{"kind": "litigation", "ground": "no_reply", "filed": "2024-07-15", "decided": "2024-09-30",
                     "result": "other"}]),
        # decided before 2024 began: not in 2024
        app("YSQ-2023-0031", "2023-03-01", "2023-03-20", "withheld", **reply,
            review=[{"kind": "reconsideration", "filed": "2023-04-01", "decided": "2023-06-01", "result": "upheld"}]),
    ]


def test_item13_each_case_counts_by_its_state_at_the_end_of_each_year():
    recs = steps_register()
    t24 = annual_stats(recs, CONFIG, CAL, 2024)["reviews"]["table"]
    assert t24["行政复议"] == {"结果维持": 0, "结果纠正": 1, "其他结果": 0, "尚未审结": 1, "总计": 2}
    assert t24["未经复议直接起诉"] == {"结果维持": 0, "结果纠正": 0, "其他结果": 1, "尚未审结": 0, "总计": 1}
    assert t24["复议后起诉"] == {"结果维持": 0, "结果纠正": 0, "其他结果": 0, "尚未审结": 1, "总计": 1}
    t25 = annual_stats(recs, CONFIG, CAL, 2025)["reviews"]["table"]
    assert t25["行政复议"] == {"结果维持": 1, "结果纠正": 0, "其他结果": 0, "尚未审结": 0, "总计": 1}
    assert t25["复议后起诉"]["尚未审结"] == 1  # still open through 2025
    t26 = annual_stats(recs, CONFIG, CAL, 2026)["reviews"]["table"]
    assert t26["复议后起诉"]["其他结果"] == 1 and t26["行政复议"]["总计"] == 0
    assert annual_stats(recs, CONFIG, CAL, 2023)["reviews"]["table"]["行政复议"]["结果维持"] == 1


def test_item13_the_2024_table_does_not_move_when_the_case_is_decided_later():
    # recorded at the end of 2024 (pending) and again after the 2025 decision: 2024 is the same
    before = steps_register()
    before[0].data["review"] = [{"kind": "reconsideration", "filed": "2024-11-05"}]
    after = steps_register()
    assert annual_stats(before, CONFIG, CAL, 2024)["reviews"] == annual_stats(after, CONFIG, CAL, 2024)["reviews"]
    # the legacy shape could not do this: the decision replaces the filing date and the case
    # leaves 2024 — still accepted, read as documented
    legacy = steps_register()
    legacy[0].data["review"] = {"kind": "reconsideration", "result": "upheld", "date": "2025-03-10"}
    assert annual_stats(legacy, CONFIG, CAL, 2024)["reviews"]["table"]["行政复议"]["尚未审结"] == 0
    assert annual_stats(legacy, CONFIG, CAL, 2025)["reviews"]["table"]["行政复议"]["结果维持"] == 1


def test_item7_reply_within_a_lawful_deferral_counts_in_time():
    # online, confirmed 2024-03-18: due 2024-04-16; deferred on 04-10 to 05-31; replied 05-10
    defer = {"type": "deferral", "date": "2024-04-10", "until": "2024-05-31", "note": "申请数量明显超过合理范围，理由合理"}
    rec = app("YSQ-2024-0041", "2024-03-18", "2024-05-10", channel="online", confirmed="2024-03-18", events=[defer])
    rt = annual_stats([rec], CONFIG, CAL, 2024)["response_times"]
    assert (rt["in_time"], rt["late"]) == (1, 0)
    rec.data["events"] = [{**defer, "date": "2024-04-17"}]  # after the deadline: no time
    rt = annual_stats([rec], CONFIG, CAL, 2024)["response_times"]
    assert (rt["in_time"], rt["late"]) == (0, 1)
# -- as of a day -------------------------------------------------------------------------------


def test_as_of_excludes_later_facts():
    """`report annual --year 2026 --as-of 2026-11-10` must not count an application received on
    11-17 nor its 12-01 reply (the dates of issue 16); a day later it counts what was known."""
    recs = [app("YSQ-2026-0001", "2026-03-02", "2026-03-09"),
            app("YSQ-2026-0002", "2026-11-17", "2026-12-01"),
            app("YSQ-2026-0003", "2026-10-26", "2026-11-20", "withheld", exemptions=["process_info"],
                review={"kind": "reconsideration", "result": "upheld", "date": "2026-12-10"}),
            record("report", "reports/2026.yaml", {"year": 2026})]
    early = annual_stats(recs, CONFIG, CAL, 2026, as_of=date(2026, 11, 10))
    assert cell(early, L.RECEIVED) == 2 and cell(early, L.RESULT_TOTAL) == 1 and cell(early, L.CARRIED_OUT) == 1
    assert cell(early, "6.属于四类过程性信息") == 0
    assert early["reviews"]["table"][L.RECONSIDERATION][L.TOTAL] == 0
    assert early["response_times"]["count"] == 1
    assert early["as_of"] == "2026-11-10" and early["complete"] is False
    assert early["period"] == "本报告中所列数据统计期限为2026年1月1日至11月10日（数据截至2026年11月10日，本年度尚未结束）"
    mid = annual_stats(recs, CONFIG, CAL, 2026, as_of=date(2026, 11, 20))
    assert cell(mid, L.RECEIVED) == 3 and cell(mid, L.RESULT_TOTAL) == 2 and cell(mid, L.CARRIED_OUT) == 1
    end = annual_stats(recs, CONFIG, CAL, 2026, as_of=date(2026, 12, 31))
    assert cell(end, L.RESULT_TOTAL) == 3 and cell(end, L.CARRIED_OUT) == 0
    assert end["reviews"]["table"][L.RECONSIDERATION][L.TOTAL] == 1
    assert end["complete"] is True and end["period"] == "本报告中所列数据统计期限为2026年1月1日至12月31日"
    assert annual_stats(recs, CONFIG, CAL, 2026) == {**end, "as_of": None}


def test_as_of_documents():
    """A document formed after the as-of day is not yet issued; one repealed after it is still
    in force."""
    recs = docs_and_report()
    s = annual_stats(recs, CONFIG, CAL, 2024, as_of=date(2024, 6, 1))
    t = s["proactive"]["table"]
    # formed 2021, 2022, 2023 and none repealed yet (2024-06-30 and 2024-12-31 are later)
    assert t[L.NORMATIVE] == {L.NEW_THIS_YEAR: 0, L.REPEALED_THIS_YEAR: 0, L.IN_FORCE: 3}
    assert t[L.REGULATIONS][L.NEW_THIS_YEAR] == 1
    whole = annual_stats(recs, CONFIG, CAL, 2024)["proactive"]["table"]
    assert whole[L.NORMATIVE] == {L.NEW_THIS_YEAR: 1, L.REPEALED_THIS_YEAR: 2, L.IN_FORCE: 2}


def test_year_outside_the_register():
    from govdisc.stats.annual import completeness_warnings

    recs = register() + docs_and_report()
    s = annual_stats(recs, CONFIG, CAL, 2019, as_of=date(2026, 2, 1))
    assert s["in_register"] is False and s["complete"] is True
    assert [w["code"] for w in completeness_warnings(s)] == ["year-outside-register"]
    future = annual_stats(recs, CONFIG, CAL, 2027, as_of=date(2026, 2, 1))
    assert [w["code"] for w in completeness_warnings(future)] == ["year-not-ended", "year-outside-register"]
    assert "2027年度尚未开始" in future["period"]
    assert completeness_warnings(annual_stats(recs, CONFIG, CAL, 2024, as_of=date(2026, 2, 1))) == []
