"""The year-end self-inspection (年终自查, seed 二（四）4): data per department and its rendering."""

from __future__ import annotations

import copy
import re
from datetime import date
from pathlib import Path

import pytest
from support import docx_text

from govdisc.calendar import calendar_for
from govdisc.model import Finding
from govdisc.render import ReportMeta, render_review
from govdisc.stats.review import path_departments_of, review_data

EXAMPLE = Path(__file__).resolve().parents[2] / "register"
pytestmark = pytest.mark.skipif(not (EXAMPLE / "govdisc.yaml").is_file(), reason="example register not present")

AS_OF = date(2025, 1, 20)
#: catalog item codes named in the reasons above and their titles (catalog/dyc/2024.yaml)
CATALOG_TITLES = {"DYC-03": "农村电影公益放映工程", "DYC-04": "电影市场监管"}
META = ReportMeta("云岭省新闻出版广电局", 2024, AS_OF, "0123456789abcdef0123456789abcdef01234567")

#: dyc's 2024 withheld documents and the conclusions of reviews/dyc/2024.yaml (typed from the files)
DYC_WITHHELD = {
    "云岭新广发〔2024〕11号": ("keep", "补助资金已于2024年7月下达，分配结果已通过DYC-03主动公开，请示本身仍属过程性信息"),
    "云岭新广罚〔2024〕4号": ("keep", "隐去部分为自然人个人信息，继续删减后公开"),
    "云岭新广发〔2024〕23号": ("proactive", "所涉专项检查已结束，报告内容不再敏感，转为主动公开，在DYC-04栏目发布"),
}


@pytest.fixture(scope="module")
def loaded():
    from govdisc.loading.register import load_register

    return load_register(EXAMPLE)


@pytest.fixture(scope="module")
def cal(loaded):
    return calendar_for(loaded.config)


@pytest.fixture(scope="module")
def data(loaded, cal):
    return review_data(loaded.records, loaded.config, cal, 2024, findings=[], as_of=AS_OF)


def dept(data, dept_id):
    return next(d for d in data["departments"] if d["id"] == dept_id)


# -- data -------------------------------------------------------------------------------------------


def test_all_departments_in_config_order(data, loaded):
    assert [d["id"] for d in data["departments"]] == [d.id for d in loaded.config.departments]
    assert data["department"] is None and data["threshold"] == 3


def test_withheld_documents_and_conclusions(data):
    d = dept(data, "dyc")
    got = {w["doc_no"]: (w["conclusion"], w["conclusion_reason"]) for w in d["withheld"]}
    assert got == DYC_WITHHELD
    assert d["not_reexamined"] == [] and d["reexamined_other"] == []
    converted = next(w for w in d["withheld"] if w["doc_no"] == "云岭新广发〔2024〕23号")
    assert converted["now_public"] and converted["published"] == "2025-01-09"
    redacted = next(w for w in d["withheld"] if w["doc_no"] == "云岭新广罚〔2024〕4号")
    assert redacted["conclusion_label"] == "继续删减后公开"
    assert [c["subject"] for c in d["conversions"]] == ["云岭新广发〔2024〕23号"]


def test_withheld_not_reexamined(loaded, cal):
    records = copy.deepcopy(loaded.records)
    review = next(r for r in records if r.kind == "review" and r.path == "reviews/gbc/2024.yaml")
    review.data["withheld_reexamined"] = [e for e in review.data["withheld_reexamined"]
                                          if e["document"] != "云岭新广发〔2024〕26号"]
    data = review_data(records, loaded.config, cal, 2024, department="gbc", as_of=AS_OF)
    d = data["departments"][0]
    assert d["not_reexamined"] == ["云岭新广发〔2024〕26号"]
    md = render_review(data, "md", META).decode("utf-8")
    assert "未复查1件：云岭新广发〔2024〕26号" in md
    assert "| 云岭新广发〔2024〕26号 | 关于做好国庆期间重要保障期安全播出工作的实施方案 | 此件不公开 |" in md
    assert "| 未复查 |" in md


def test_frequent_requests(data):
    gbc = dept(data, "gbc")
    (group,) = gbc["frequent"]
    assert group["subject"] == "广播电视节目制作经营许可" and group["count"] == 4 and group["examined"]
    assert group["entry"]["action"] == "convert_proactive"
    assert [c["subject"] for c in gbc["conversions"]] == ["广播电视节目制作经营许可"]
    cbc = dept(data, "cbc")
    assert [(g["subject"], g["count"], g["examined"]) for g in cbc["frequent"]] == [("出版物经营许可", 3, True)]
    assert dept(data, "bgs")["frequent"] == []


def test_catalog_interpretation_opinions(data):
    gbc = dept(data, "gbc")
    assert gbc["catalog"]["compiled"] == "2023-12-20" and gbc["catalog"]["items"] == 6
    assert gbc["catalog"]["missing_stages"] == []
    assert gbc["next_catalog"]["compiled"] == "2024-12-18"
    (interp,) = gbc["interpretations"]
    assert interp["doc_no"] == "云岭新广规〔2024〕1号" and interp["status"] == "done"
    assert interp["plan_with_document"] and interp["first_material"] == "2024-03-15"
    # YQ-2024-004 (a rumour) is a key matter, not an emergency: the 24-hour key-matter clock, no 5/24-hour clocks
    assert [(o["id"], o["clocked"], o["release"]["status"], o["press"]["status"], o["timely"]["status"])
            for o in gbc["opinions"]] == [("YQ-2024-002", True, "done", "done", None),
                                          ("YQ-2024-004", False, None, None, "done")]
    assert gbc["opinions"][0]["detected_at"].startswith("2024-07-08T06:50")
    dyc = dept(data, "dyc")
    assert [(o["id"], o["clocked"]) for o in dyc["opinions"]] == [("YQ-2024-001", False)]


def test_activities_agency_wide(data):
    duties = {d["type"]: d for d in data["activities"]["duties"]}
    assert duties["head_interpretation"]["count"] == 1 and duties["head_interpretation"]["met"]
    assert duties["training"]["count"] == 2 and duties["deputy_research"]["met"]
    assert data["activities"]["participants"] == 86 + 38


def test_unknown_department(loaded, cal):
    with pytest.raises(ValueError):
        review_data(loaded.records, loaded.config, cal, 2024, department="nosuch")
    by_name = review_data(loaded.records, loaded.config, cal, 2024, department="电影处", as_of=AS_OF)
    assert by_name["department"] == "dyc"


def test_findings_filtered_by_department_and_year(loaded, cal):
    gbc_doc = "documents/2024/ylxgf-2024-026.yaml"
    findings = [
        Finding("DOC003", "error", gbc_doc, "gbc 2024 的问题", "gbc 2024 problem", line=3),
        Finding("DOC003", "warning", "documents/2025/ylxgf-2025-014.yaml", "2025 的问题", "2025"),
        Finding("APP001", "error", "applications/2024/YSQ-2024-0002.yaml", "cbc 的问题", "cbc"),
        Finding("REV001", "error", "govdisc.yaml", "广播电视处（gbc）2024 年度年终自查未报送", "missing",
                pointer=("departments", 7)),
        Finding("REV001", "error", "govdisc.yaml", "广播电视处（gbc）2023 年度年终自查未报送", "missing",
                pointer=("departments", 7)),
    ]
    paths = path_departments_of(loaded.records)
    assert paths[gbc_doc] == "gbc" and paths["applications/2024/YSQ-2024-0002.yaml"] == "cbc"
    data = review_data(loaded.records, loaded.config, cal, 2024, findings=findings, path_departments=paths,
                       as_of=AS_OF)
    got = [(f["code"], f["path"]) for f in dept(data, "gbc")["open_findings"]]
    assert got == [("DOC003", gbc_doc), ("REV001", "govdisc.yaml")]
    assert [f["code"] for f in dept(data, "cbc")["open_findings"]] == ["APP001"]
    assert dept(data, "bgs")["open_findings"] == []
    md = render_review(data, "md", META).decode("utf-8")
    assert "gbc 2024 的问题" in md and "2025 的问题" not in md
    no_check = review_data(loaded.records, loaded.config, cal, 2024, as_of=AS_OF)
    assert dept(no_check, "gbc")["open_findings"] is None


# -- rendering -------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def dyc_report(loaded, cal):
    data = review_data(loaded.records, loaded.config, cal, 2024, department="dyc", findings=[], as_of=AS_OF)
    return {fmt: render_review(data, fmt, META) for fmt in ("md", "html", "docx")}


@pytest.mark.parametrize("fmt", ["md", "html", "docx"])
def test_review_lists_withheld_documents_and_conclusions(dyc_report, fmt):
    if fmt == "docx":
        doc, text = docx_text(dyc_report[fmt])
        assert doc.paragraphs[0].text == "云岭省新闻出版广电局电影处2024年度政务公开年终自查情况报告"
        assert doc.paragraphs[0].style.name == "Title"
        last = [p.text for p in doc.paragraphs if p.text][-2:]
    else:
        text = dyc_report[fmt].decode("utf-8")
        text = body_of(text, fmt)
        if fmt == "html":
            text = re.sub(r"</?span[^>]*>", "", text)
            text = re.sub(r"<[^>]+>", "\n", text)
        last = [line for line in text.replace("<br>", "\n").split("\n") if line.strip()][-2:]
        last = [re.sub(r"<[^>]+>", "", line) for line in last]
    assert "云岭省新闻出版广电局电影处2024年度政务公开年终自查情况报告" in text
    for no, (conclusion, reason) in DYC_WITHHELD.items():
        # catalog codes in the register's text are printed with their titles
        for code, title in CATALOG_TITLES.items():
            reason = reason.replace(code, f"{code}（{title}）")
        assert no in text and reason in text
    for label in ("继续不予公开", "继续删减后公开", "转为主动公开"):
        assert label in text
    # one department: its items are （一）…（十） right under 二, no chapter heading of its own
    for heading in ("一、局领导履职和学习培训情况", "二、电影处自查情况", "（一）自查报送情况", "（二）依申请公开办理情况",
                    "（三）不予公开信息复查情况", "（四）依申请公开较为集中的信息处理情况", "（六）主动公开基本目录编制情况",
                    "（七）政策解读情况", "（八）政务舆情回应情况", "（九）自查发现的问题及整改情况",
                    "（十）登记簿记录检查情况"):
        assert heading in text
    assert "（一）电影处" not in text
    # no tool words: the properties say how the report was made; the text ends with the 落款
    for word in ("govdisc", "git", "数据截至："):
        assert word not in text
    assert last == ["云岭省新闻出版广电局电影处", "2025年1月20日"]


def body_of(text: str, fmt: str) -> str:
    return text.split("-->\n", 1)[1] if fmt == "md" else text.split("</head>", 1)[1]


def test_review_wording(data):
    """The office completes its own self-inspection (it does not report to itself); the count of
    re-examined documents is said once; the department's applications are reported."""
    bgs = render_review({**data, "department": "bgs", "departments": [dept(data, "bgs")]}, "md", META).decode("utf-8")
    assert "办公室于2024年12月20日完成2024年度年终自查（期限为2024年12月31日，按期完成）" in bgs
    assert "向局办公室报送" not in bgs
    assert "公文2件，均已复查（继续不予公开2件）。" in bgs and "已复查2件" not in bgs
    assert "经检查，登记簿中本部门2024年度的记录未发现问题。" in bgs
    assert "BGS-05（部门预算、决算和“三公”经费）" in bgs
    cbc = render_review({**data, "department": "cbc", "departments": [dept(data, "cbc")]}, "md", META).decode("utf-8")
    assert "出版处于" in cbc and "向局办公室报送" in cbc


def test_department_applications(data):
    """Received, answered (in time / late), and open at the year's end, per handling department;
    over all departments they add up to table 三 of the annual report."""
    apps = [d["applications"] for d in data["departments"]]
    assert {a["until"] for a in apps} == {"2024-12-31"}
    assert sum(a["received"] for a in apps) == 37  # 一、本年新收
    assert sum(a["answered"] for a in apps) == 33  # （七）总计
    assert sum(a["in_time"] for a in apps) == 32 and sum(a["not_judged"] for a in apps) == 1
    assert sum(a["late"] for a in apps) == 0
    opened = [i for a in apps for i in a["open"]]
    assert {i["id"] for i in opened} == {"YSQ-2024-0034", "YSQ-2024-0035", "YSQ-2024-0036", "YSQ-2024-0037"}
    # as of 2025-01-20 these had been answered in January: the table says when, and whether in time
    assert all(i["replied"] > "2024-12-31" and i["status"] == "done" for i in opened)


def test_review_is_as_of(loaded, cal):
    """What was recorded after the as-of day is not known yet: the 2025 catalog's update of July
    2025 does not show in a report as of 20 January 2025, the January replies are still open."""
    early = review_data(loaded.records, loaded.config, cal, 2024, department="bgs", as_of=AS_OF)
    assert early["departments"][0]["next_catalog"]["updated"] is None
    later = review_data(loaded.records, loaded.config, cal, 2024, department="bgs", as_of=date(2025, 12, 31))
    assert later["departments"][0]["next_catalog"]["updated"] == "2025-07-04"
    before = review_data(loaded.records, loaded.config, cal, 2024, as_of=date(2025, 1, 3))
    opened = {i["id"]: i for d in before["departments"] for i in d["applications"]["open"]}
    assert opened["YSQ-2024-0034"]["replied"] == "2025-01-02"
    assert opened["YSQ-2024-0035"]["replied"] is None and opened["YSQ-2024-0035"]["status"] != "done"


def test_review_markdown_escapes_table_text(loaded, cal):
    records = copy.deepcopy(loaded.records)
    review = next(r for r in records if r.kind == "review" and r.path == "reviews/dyc/2024.yaml")
    review.data["withheld_reexamined"][0]["reason"] = "甲|乙\n丙 <script>x</script> {{ 7*7 }}"
    data = review_data(records, loaded.config, cal, 2024, department="dyc", as_of=AS_OF)
    md = render_review(data, "md", META).decode("utf-8")
    line = next(l for l in md.splitlines() if l.startswith("| 云岭新广发〔2024〕11号"))
    assert "甲\\|乙<br>丙 &lt;script&gt;x&lt;/script&gt; {{ 7\\*7 }}" in line
    assert line.count(" | ") == 5  # six cells, the | in the text did not add one
    html = render_review(data, "html", META).decode("utf-8")
    assert "甲|乙<br>丙 &lt;script&gt;x&lt;/script&gt; {{ 7*7 }}" in html and "<script>" not in html


def test_review_all_departments_renders(data):
    md = render_review(data, "md", META).decode("utf-8")
    assert "\n# 云岭省新闻出版广电局2024年度政务公开年终自查情况报告\n" in md
    for i, name in enumerate(["办公室", "政策法规处", "信息中心", "综合业务处", "人事处", "机关党委", "出版处",
                              "广播电视处", "电影处"], start=1):
        assert f"（{'一二三四五六七八九'[i - 1]}）{name}" in md
    assert render_review(data, "docx", META) == render_review(data, "docx", META)


def test_rectification_participation_and_assessment_in_the_self_inspection(loaded, cal):
    data = review_data(loaded.records, loaded.config, cal, 2025, as_of=date(2026, 2, 1))
    bgs = next(d for d in data["departments"] if d["id"] == "bgs")
    assert [(f["source"], f["status"]) for f in bgs["self_findings"]] == [("self_inspection", "done"),
                                                                           ("third_party", "open")]
    assert [(r["department"], r["status"]) for r in data["rectifications"] if r["status"] != "done"] == [("bgs", "open")]
    assert data["assessment"]["completed"] == "2026-01-21" and len(data["participation"]["channels"]) == 2
    text = render_review(data, "md", ReportMeta("云岭省新闻出版广电局", 2025, date(2026, 2, 1))).decode("utf-8")
    assert "## 三、整改跟踪情况" in text and "尚有1个问题未整改完成，均在整改期限内" in text
    assert "## 四、公众参与和考核评议情况" in text and "96128广播电视服务热线" in text
    assert "| 政府信息公开第三方评估指出部分栏目信息更新不及时（第三方评估） | 对各栏目" in text


def test_every_activity_type_has_a_chinese_name():
    """A code never reaches the report's prose (normative_cleanup once did)."""
    from govdisc import resources
    from govdisc.stats.review import activity_label

    for code in resources.schema("defs")["$defs"]["activity_type"]["enum"]:
        assert activity_label(code) != code and not activity_label(code).isascii()
