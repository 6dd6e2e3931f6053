"""Rendering of the annual report (国办公开办函〔2021〕30号): every official heading, row and column
label verbatim in Markdown, HTML and Word; the merged cells of the national tables; escaping;
reproducibility (as-of date, commit, byte-identical Word files)."""

from __future__ import annotations

import copy
import io
import re
import shutil
import subprocess
import zipfile
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt

from govdisc import __version__
from govdisc.calendar import calendar_for
from govdisc.render import ReportMeta, git_commit, render_annual, report_problems
from govdisc.render.env import environment, md_escape
from govdisc.stats import annual_stats

EXAMPLE = Path(__file__).resolve().parents[2] / "register"
pytestmark = pytest.mark.skipif(not (EXAMPLE / "govdisc.yaml").is_file(), reason="example register not present")

AGENCY = "云岭省新闻出版广电局"
TITLE = "云岭省新闻出版广电局2024年政府信息公开工作年度报告"
COMMIT = "0123456789abcdef0123456789abcdef01234567"

# -- the national format, typed from ogi-reference.md Part 2 (not taken from the code) ------------

HEADINGS = ["一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
            "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项"]
PERIOD = "本报告中所列数据统计期限为2024年1月1日至12月31日"
PROACTIVE_LABELS = ["第二十条第（一）项", "第二十条第（五）项", "第二十条第（六）项", "第二十条第（八）项",
                    "信息内容", "本年制发件数", "本年废止件数", "现行有效件数", "本年处理决定数量",
                    "本年收费金额（单位：万元）", "规章", "行政规范性文件", "行政许可", "行政处罚", "行政强制",
                    "行政事业性收费"]
HEADER_CELL = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
APPLICANT_LABELS = ["申请人情况", "自然人", "法人或其他组织", "总计", "商业企业", "科研机构", "社会公益组织",
                    "法律服务机构", "其他"]
ROW_LABELS = [
    "一、本年新收政府信息公开申请数量", "二、上年结转政府信息公开申请数量", "三、本年度办理结果",
    "（一）予以公开", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "（三）不予公开",
    "1.属于国家秘密", "2.其他法律行政法规禁止公开", "3.危及“三安全一稳定”", "4.保护第三方合法权益",
    "5.属于三类内部事务信息", "6.属于四类过程性信息", "7.属于行政执法案卷", "8.属于行政查询事项",
    "（四）无法提供", "1.本机关不掌握相关政府信息", "2.没有现成信息需要另行制作", "3.补正后申请内容仍不明确",
    "（五）不予处理", "1.信访举报投诉类申请", "2.重复申请", "3.要求提供公开出版物", "4.无正当理由大量反复申请",
    "5.要求行政机关确认或重新出具已获取信息", "（六）其他处理",
    "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
    "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "3.其他", "（七）总计",
    "四、结转下年度继续办理",
]
REVIEW_LABELS = ["行政复议", "行政诉讼", "未经复议直接起诉", "复议后起诉", "结果维持", "结果纠正", "其他结果",
                 "尚未审结", "总计"]
ALL_LABELS = [TITLE, PERIOD, *HEADINGS, *PROACTIVE_LABELS, HEADER_CELL, *APPLICANT_LABELS, *ROW_LABELS,
              *REVIEW_LABELS]


@pytest.fixture(scope="module")
def loaded():
    from govdisc.loading.register import load_register

    return load_register(EXAMPLE)


@pytest.fixture(scope="module")
def stats(loaded):
    return annual_stats(loaded.records, loaded.config, calendar_for(loaded.config), 2024)


@pytest.fixture(scope="module")
def meta():
    return ReportMeta(AGENCY, 2024, date(2025, 1, 20), COMMIT)


@pytest.fixture(scope="module")
def rendered(stats, meta):
    return {fmt: render_annual(stats, fmt, meta) for fmt in ("md", "html", "docx")}


# -- helpers --------------------------------------------------------------------------------------


class Tables(HTMLParser):
    """Text of a page and its tables as rows of (text, colspan, rowspan, tag)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tables: list[list[list[tuple[str, int, int, str]]]] = []
        self.text: list[str] = []
        self._cell: dict | None = None
        self._depth = 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "table":
            self.tables.append([])
        elif tag == "tr" and self.tables:
            self.tables[-1].append([])
        elif tag in ("td", "th") and self.tables:
            self._cell = {"tag": tag, "text": "", "colspan": int(a.get("colspan", 1)),
                          "rowspan": int(a.get("rowspan", 1))}
        elif tag == "br" and self._cell is not None:
            self._cell["text"] += "\n"

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self._cell is not None:
            c = self._cell
            self.tables[-1][-1].append((c["text"], c["colspan"], c["rowspan"], c["tag"]))
            self._cell = None

    def handle_data(self, data):
        self.text.append(data)
        if self._cell is not None:
            self._cell["text"] += data


def parse(html: str) -> Tables:
    p = Tables()
    p.feed(html)
    return p


def spans(table) -> dict[str, list[tuple[int, int]]]:
    out: dict[str, list[tuple[int, int]]] = {}
    for row in table:
        for text, cs, rs, _ in row:
            out.setdefault(text, []).append((cs, rs))
    return out


def tiles(table) -> int:
    """Check the rows tile a rectangle; return its width."""
    taken: set[tuple[int, int]] = set()
    width = None
    for r, row in enumerate(table):
        c = 0
        for _, cs, rs, _ in row:
            while (r, c) in taken:
                c += 1
            for dr in range(rs):
                for dc in range(cs):
                    assert (r + dr, c + dc) not in taken
                    taken.add((r + dr, c + dc))
            c += cs
    cols = {c for _, c in taken}
    width = max(cols) + 1
    assert taken == {(r, c) for r in range(len(table)) for c in range(width)}, "table is not rectangular"
    return width


def find_table(tables, first_text: str):
    for t in tables:
        if t and t[0] and t[0][0][0] == first_text:
            return t
    raise AssertionError(f"no table starting with {first_text}")


def docx_text(data: bytes) -> tuple[Document, str]:
    doc = Document(io.BytesIO(data))
    parts = [p.text for p in doc.paragraphs]
    for t in doc.tables:
        for row in t.rows:
            for cell in row.cells:
                parts.append(cell.text)
    return doc, "\n".join(parts)


# -- every label, verbatim, in every format -------------------------------------------------------


@pytest.mark.parametrize("fmt", ["md", "html", "docx"])
def test_every_official_label(rendered, fmt):
    if fmt == "docx":
        _, text = docx_text(rendered[fmt])
    else:
        text = rendered[fmt].decode("utf-8")
        if fmt == "html":
            text = "".join(parse(text).text)
    missing = [label for label in ALL_LABELS if label not in text]
    assert not missing


def test_markdown_headings_and_title(rendered):
    md = rendered["md"].decode("utf-8")
    body = md.split("-->\n", 1)[1].lstrip("\n")  # after the properties comment
    assert body.startswith(f"# {TITLE}\n")
    for h in HEADINGS:
        assert f"\n## {h}\n" in md
    assert "附：办理时效" not in md  # the appendix is not part of the format: only on request


def test_appendix_on_request(stats, meta):
    for fmt in ("md", "html"):
        text = render_annual(stats, fmt, meta, appendix=True).decode("utf-8")
        assert "附：办理时效" in text and "不属于国办公开办函〔2021〕30号规定的年度报告格式内容" in text
        assert "答复用时（工作日）" in text and "govdisc" not in body_text(text, fmt)
        # the average time is said once, in section 一, not again in the appendix
        assert text.count("平均用时") == 1
    doc, _ = docx_text(render_annual(stats, "docx", meta, appendix=True))
    assert [p.text for p in doc.paragraphs if p.style.name == "Heading 1"][-1] == "附：办理时效"
    assert len(doc.tables) == 4


def test_html_is_standalone_a4(rendered):
    html = rendered["html"].decode("utf-8")
    assert html.startswith("<!DOCTYPE html>")
    assert "<style>" in html and "<link" not in html and "<script" not in html
    assert "size: A4" in html and "margin: 37mm 26mm 35mm 28mm" in html
    for font in ("仿宋_GB2312", "FangSong", "黑体", "SimHei", "楷体_GB2312", "KaiTi", "方正小标宋简体"):
        assert font in html
    assert "table-header-group" in html and "page-break-inside: avoid" in html
    assert f"<title>{TITLE}</title>" in html and f"<h1 class=\"title\">{TITLE}</h1>" in html
    for h in HEADINGS:
        assert f"<h2>{h}</h2>" in html


# -- the merged cells of the national tables ------------------------------------------------------


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_applications_table_spans(rendered, fmt):
    tables = parse(rendered[fmt].decode("utf-8")).tables
    t = find_table(tables, HEADER_CELL)
    assert tiles(t) == 10
    assert len(t) == 3 + 25
    s = spans(t)
    assert s[HEADER_CELL] == [(3, 3)]
    assert s["申请人情况"] == [(7, 1)]
    assert s["自然人"] == [(1, 2)]
    assert s["法人或其他组织"] == [(5, 1)]
    assert s["总计"] == [(1, 2)]
    for label in ("商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"):
        assert s[label] == [(1, 1)]
    assert s["三、本年度办理结果"] == [(1, 22)]
    assert s["（三）不予公开"] == [(1, 8)]
    assert s["（四）无法提供"] == [(1, 3)]
    assert s["（五）不予处理"] == [(1, 5)]
    assert s["（六）其他处理"] == [(1, 3)]
    for label in ("（一）予以公开", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "（七）总计"):
        assert s[label] == [(2, 1)]
    for label in ("一、本年新收政府信息公开申请数量", "二、上年结转政府信息公开申请数量", "四、结转下年度继续办理"):
        assert s[label] == [(3, 1)]
    # header rows are in <thead>; the figures of 一 and （七） as computed
    body = {row[0][0]: [c[0] for c in row[-7:]] for row in t[3:]}
    assert body["一、本年新收政府信息公开申请数量"] == ["17", "9", "5", "1", "3", "2", "37"]
    assert t[-2][0][0] == "（七）总计" and [c[0] for c in t[-2][1:]] == ["16", "8", "4", "1", "2", "2", "33"]


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_reviews_table_spans(rendered, fmt):
    tables = parse(rendered[fmt].decode("utf-8")).tables
    t = find_table(tables, "行政复议")
    assert tiles(t) == 15
    assert len(t) == 4
    row1, row2, row3, data = t
    assert [(c[0], c[1], c[2]) for c in row1] == [("行政复议", 5, 1), ("行政诉讼", 10, 1)]
    assert [(c[0], c[1], c[2]) for c in row2] == [
        ("结果维持", 1, 2), ("结果纠正", 1, 2), ("其他结果", 1, 2), ("尚未审结", 1, 2), ("总计", 1, 2),
        ("未经复议直接起诉", 5, 1), ("复议后起诉", 5, 1)]
    assert [c[0] for c in row3] == ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 2
    assert [c[0] for c in data] == ["2", "1", "0", "0", "3", "0", "0", "0", "1", "1", "0", "0", "1", "0", "1"]


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_proactive_table_blocks(rendered, fmt):
    tables = parse(rendered[fmt].decode("utf-8")).tables
    t = find_table(tables, "第二十条第（一）项")
    assert tiles(t) == 4
    s = spans(t)
    for caption in ("第二十条第（一）项", "第二十条第（五）项", "第二十条第（六）项", "第二十条第（八）项"):
        assert s[caption] == [(4, 1)]
    assert [c[0] for c in t[1]] == ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"]
    assert s["本年处理决定数量"] == [(3, 1), (3, 1)]
    assert s["本年收费金额（单位：万元）"] == [(3, 1)]
    rows = {r[0][0]: [c[0] for c in r[1:]] for r in t if len(r) > 1}
    assert rows["规章"] == ["1", "0", "1"]
    assert rows["行政规范性文件"] == ["4", "1", "3"]
    assert rows["行政许可"] == ["1386"]
    assert rows["行政事业性收费"] == ["0.01"]  # the 100 元 信息处理费 (a 行政事业性收费), in 万元


def test_markdown_tables_are_html_blocks(rendered):
    """GFM ends an HTML block at a blank line: the embedded tables (in their scrolling wrapper)
    must have none."""
    md = rendered["md"].decode("utf-8")
    start = 0
    found = 0
    while (i := md.find('<div class="table-wrap">', start)) != -1:
        j = md.index("</div>", i)
        assert "\n\n" not in md[i:j] and "<table" in md[i:j]
        assert md[i - 2:i] == "\n\n"  # starts a block
        start = j
        found += 1
    assert found == 3


# -- Word -----------------------------------------------------------------------------------------


def test_docx_title_and_headings(rendered):
    doc, _ = docx_text(rendered["docx"])
    paras = [(p.style.name, p.text) for p in doc.paragraphs if p.text]
    assert paras[0] == ("Title", TITLE)
    assert [t for s, t in paras if s == "Heading 1"] == HEADINGS
    assert doc.core_properties.title == TITLE


def test_docx_tables_have_merged_cells(rendered):
    doc, _ = docx_text(rendered["docx"])
    assert len(doc.tables) == 3  # 二, 三, 四 (the appendix only on request)
    proactive, apps, reviews = doc.tables
    # section 三: 28 rows × 10 columns, the spans of the national format
    assert len(apps.rows) == 28 and len(apps.columns) == 10
    corner = apps.cell(0, 0)
    assert corner.text == HEADER_CELL
    assert apps.cell(2, 2)._tc is corner._tc  # 3 × 3
    assert apps.cell(0, 3).text == "申请人情况" and apps.cell(0, 9)._tc is apps.cell(0, 3)._tc
    assert apps.cell(1, 3).text == "自然人" and apps.cell(2, 3)._tc is apps.cell(1, 3)._tc
    assert apps.cell(1, 4).text == "法人或其他组织" and apps.cell(1, 8)._tc is apps.cell(1, 4)._tc
    assert apps.cell(1, 9).text == "总计" and apps.cell(2, 9)._tc is apps.cell(1, 9)._tc
    assert [apps.cell(2, c).text for c in range(4, 9)] == ["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]
    results = apps.cell(5, 0)
    assert results.text == "三、本年度办理结果"
    assert apps.cell(26, 0)._tc is results._tc and apps.cell(27, 0)._tc is not results._tc
    assert apps.cell(27, 0).text == "四、结转下年度继续办理" and apps.cell(27, 2)._tc is apps.cell(27, 0)._tc
    withheld = apps.cell(7, 1)
    assert withheld.text == "（三）不予公开" and apps.cell(14, 1)._tc is withheld._tc
    assert apps.cell(15, 1).text == "（四）无法提供"
    assert apps.cell(5, 1).text == "（一）予以公开" and apps.cell(5, 2)._tc is apps.cell(5, 1)._tc
    assert apps.cell(26, 1).text == "（七）总计"
    assert [apps.cell(26, c).text for c in range(3, 10)] == ["16", "8", "4", "1", "2", "2", "33"]
    xml = apps._tbl.xml
    assert xml.count("<w:vMerge") > 0 and xml.count("<w:gridSpan") > 0
    # header rows repeat on each page; rows are never split
    assert apps.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    assert apps.rows[3]._tr.trPr.find(qn("w:tblHeader")) is None
    # section 四: 15 columns, 3 header rows
    assert len(reviews.columns) == 15 and len(reviews.rows) == 4
    assert reviews.cell(0, 0).text == "行政复议" and reviews.cell(0, 4)._tc is reviews.cell(0, 0)._tc
    assert reviews.cell(0, 5).text == "行政诉讼" and reviews.cell(0, 14)._tc is reviews.cell(0, 5)._tc
    assert reviews.cell(1, 0).text == "结果维持" and reviews.cell(2, 0)._tc is reviews.cell(1, 0)._tc
    assert reviews.cell(1, 5).text == "未经复议直接起诉" and reviews.cell(1, 9)._tc is reviews.cell(1, 5)._tc
    # section 二: caption rows span the 4 columns
    assert proactive.cell(0, 0).text == "第二十条第（一）项" and proactive.cell(0, 3)._tc is proactive.cell(0, 0)._tc


def _east_asia(style_or_run) -> str | None:
    rpr = style_or_run.element.rPr if hasattr(style_or_run, "element") else None
    fonts = rpr.find(qn("w:rFonts")) if rpr is not None else None
    return fonts.get(qn("w:eastAsia")) if fonts is not None else None


def test_docx_fonts_and_page(rendered):
    doc, _ = docx_text(rendered["docx"])
    st = doc.styles
    assert _east_asia(st["Normal"]) == "仿宋_GB2312"
    assert _east_asia(st["Heading 1"]) == "黑体"
    assert _east_asia(st["Title"]) == "方正小标宋简体"
    assert st["Title"].font.size == Pt(22)
    assert st["Normal"].font.size == Pt(16)
    for name in ("Normal", "Heading 1", "Title"):
        fonts = st[name].element.rPr.find(qn("w:rFonts"))
        assert fonts.get(qn("w:asciiTheme")) is None and fonts.get(qn("w:eastAsiaTheme")) is None
    sec = doc.sections[0]
    got = [round(x.mm, 1) for x in (sec.page_width, sec.page_height, sec.top_margin, sec.bottom_margin,
                                     sec.left_margin, sec.right_margin)]
    assert got == [210, 297, 37, 35, 28, 26]
    cell_run = doc.tables[1].cell(0, 0).paragraphs[0].runs[0]
    assert _east_asia(cell_run) == "仿宋_GB2312" and cell_run.font.size < Pt(16)


def test_docx_is_reproducible(stats, meta, rendered):
    assert render_annual(stats, "docx", meta) == rendered["docx"]
    doc, _ = docx_text(rendered["docx"])
    assert doc.core_properties.created.date() == date(2025, 1, 20)
    assert doc.core_properties.modified.date() == date(2025, 1, 20)
    later = ReportMeta(AGENCY, 2024, date(2025, 1, 21), COMMIT)
    assert render_annual(stats, "docx", later) != rendered["docx"]


# -- content beyond the tables ------------------------------------------------------------------


def test_overview_has_computed_sentences(rendered):
    md = rendered["md"].decode("utf-8")
    assert "全年新收政府信息公开申请37件，上年结转0件；办结33件" in md
    assert "结转下年度继续办理4件。办结的33件申请平均用时9.2个工作日，中位数8个工作日" in md
    assert "作出行政许可处理决定1386件、行政处罚处理决定27件、行政强制处理决定3件" in md
    assert "废止行政规范性文件1件，截至年底现行有效规章1件、行政规范性文件3件" in md
    assert "被申请行政复议3件、提起行政诉讼2件" in md


def test_overview_says_each_fact_once(rendered):
    """The computed paragraphs do not open like the narrative's topic paragraphs, and say each
    figure once; numbers are plain digits."""
    md = rendered["md"].decode("utf-8")
    section = md.split("## 一、总体情况", 1)[1].split("## 二、", 1)[0]
    paras = [p for p in section.split("\n\n") if p.strip()]
    openers = [p[:6] for p in paras]
    assert len(openers) == len(set(openers))
    assert section.count("依申请公开方面") == 1 and section.count("平均用时") == 1
    assert section.count("规章1件、行政规范性文件4件") == 1
    assert not re.search(r"\d,\d{3}", section)


def test_other_states_processing_fee(stats, meta):
    md = render_annual(stats, "md", meta).decode("utf-8")
    # the example writes the fee in `other` itself: it is not repeated
    assert md.count("收取信息处理费") == 1 and "100元" in md
    s = copy.deepcopy(stats)
    s["narrative"]["other"] = "本年度无其他需要报告的事项。"
    md = render_annual(s, "md", meta).decode("utf-8")
    assert "依据《政府信息公开信息处理费管理办法》规定，2024年本机关实际收取信息处理费共计100元。" in md
    s["narrative"]["processing_fees"] = 0
    assert "2024年本机关未收取信息处理费" in render_annual(s, "md", meta).decode("utf-8")


def test_missing_narrative_is_marked(stats, meta):
    s = copy.deepcopy(stats)
    s["narrative"] = {"overview": None, "problems": None, "other": None, "processing_fees": None, "published": None}
    md = render_annual(s, "md", meta).decode("utf-8")
    assert "待填写：reports/2024.yaml 中的 problems" in md
    problems = report_problems(s)
    assert {p["code"] for p in problems} >= {"narrative-missing", "fee-missing"}
    assert all(p["severity"] == "warning" for p in problems)


def body_text(text: str, fmt: str) -> str:
    """What a reader sees: Markdown without its properties comment, HTML without its <head>."""
    if fmt == "md":
        return text.split("-->\n", 1)[1]
    return text.split("</head>", 1)[1]


def docx_parts(data: bytes) -> dict[str, str]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return {n: z.read(n).decode("utf-8") for n in z.namelist() if n.endswith((".xml", ".rels"))}


def test_body_is_the_format_and_ends_with_signature(rendered):
    """No tool words, no appendix, no footer: the text ends with the 落款 (agency and date)."""
    for fmt in ("md", "html"):
        body = body_text(rendered[fmt].decode("utf-8"), fmt)
        for word in ("govdisc", "git", "附：", "数据截至", "登记簿版本", "生成工具"):
            assert word not in body, (fmt, word)
        tail = re.sub(r"<[^>]+>", "\n", body).split()
        assert tail[-2:] == [AGENCY, "2025年1月20日"], fmt
    doc, text = docx_text(rendered["docx"])
    for word in ("govdisc", "git", "附：", "数据截至"):
        assert word not in text
    assert [p.text for p in doc.paragraphs if p.text][-2:] == [AGENCY, "2025年1月20日"]
    assert doc.paragraphs[-1].alignment == WD_ALIGN_PARAGRAPH.RIGHT


def test_signature_date_is_the_publication_day(stats):
    """The 落款 carries the day the register says the report was published (2025-01-22),
    unless that is after the as-of day."""
    late = ReportMeta(AGENCY, 2024, date(2025, 3, 1), COMMIT)
    assert "2025年1月22日" in render_annual(stats, "md", late).decode("utf-8").rsplit("<p", 1)[1]


def test_properties_hold_as_of_commit_and_version(rendered, stats):
    md = rendered["md"].decode("utf-8")
    head = md.split("-->", 1)[0]
    assert "as-of: 2025-01-20" in head and f"commit: {COMMIT}" in head and f"generator: govdisc {__version__}" in head
    html = rendered["html"].decode("utf-8")
    assert '<meta name="govdisc-as-of" content="2025-01-20">' in html
    assert f'<meta name="govdisc-commit" content="{COMMIT}">' in html
    assert f'<meta name="generator" content="govdisc {__version__}">' in html
    doc, _ = docx_text(rendered["docx"])
    assert COMMIT in doc.core_properties.comments and "2025-01-20" in doc.core_properties.comments
    custom = docx_parts(rendered["docx"])["docProps/custom.xml"]
    for name, value in (("as-of", "2025-01-20"), ("commit", COMMIT), ("generator", f"govdisc {__version__}")):
        assert re.search(rf'name="{name}"><vt:lpwstr>{re.escape(value)}</vt:lpwstr>', custom)
    no_git = render_annual(stats, "md", ReportMeta(AGENCY, 2024, date(2025, 1, 20), None)).decode("utf-8")
    assert "commit:" not in no_git and "as-of: 2025-01-20" in no_git


def test_forced_report_says_so_in_its_properties(stats):
    meta = ReportMeta(AGENCY, 2024, date(2025, 1, 20), COMMIT, unread=("applications/2024/YSQ-2024-0003.yaml (REG001)",),
                      forced=("登记簿中有文件未能读取",))
    md = render_annual(stats, "md", meta).decode("utf-8")
    head, body = md.split("-->", 1)
    assert "forced: 登记簿中有文件未能读取" in head and "unread: applications/2024/YSQ-2024-0003.yaml (REG001)" in head
    assert "YSQ-2024-0003" not in body
    html = render_annual(stats, "html", meta).decode("utf-8")
    assert '<meta name="govdisc-forced" content="登记簿中有文件未能读取">' in html
    custom = docx_parts(render_annual(stats, "docx", meta))["docProps/custom.xml"]
    assert 'name="unread"><vt:lpwstr>applications/2024/YSQ-2024-0003.yaml (REG001)' in custom


def test_markdown_properties_cannot_end_the_comment(stats):
    meta = ReportMeta(AGENCY, 2024, date(2025, 1, 20), COMMIT, unread=("a-->b.yaml (REG001)",), forced=("x",))
    md = render_annual(stats, "md", meta).decode("utf-8")
    assert md.count("-->") == 1


def test_unknown_format(stats, meta):
    with pytest.raises(ValueError):
        render_annual(stats, "pdf", meta)


# -- register text is data -----------------------------------------------------------------------

EVIL = "{{ 7*7 }}{% if true %}X{% endif %} <script>alert(1)</script> a|b *c* [d](e) &amp;"


@pytest.fixture(scope="module")
def evil(stats, meta):
    s = copy.deepcopy(stats)
    s["narrative"]["overview"] = EVIL + "\n1. 不是列表\n# 不是标题"
    s["narrative"]["problems"] = "<b>粗体</b>"
    return {fmt: render_annual(s, fmt, meta) for fmt in ("md", "html", "docx")}


def test_sandboxed_environment():
    from jinja2.sandbox import SandboxedEnvironment

    env = environment()
    assert isinstance(env, SandboxedEnvironment)
    assert env.autoescape("annual.html.j2") is True
    assert env.autoescape("annual.md.j2") is False


def test_html_escapes_register_text(evil):
    html = evil["html"].decode("utf-8")
    assert "{{ 7*7 }}{% if true %}X{% endif %}" in html
    assert "49" not in html.split("<body>")[1].split("一、总体情况")[1].split("主动公开方面")[0]
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<b>粗体</b>" not in html and "&lt;b&gt;粗体&lt;/b&gt;" in html
    assert "&amp;amp;" in html


def test_markdown_escapes_register_text(evil):
    md = evil["md"].decode("utf-8")
    # the * is escaped for Markdown (renders as "*"); the template syntax is left as typed
    assert "{{ 7\\*7 }}{% if true %}X{% endif %}" in md
    assert "49" not in md.split("## 一、总体情况")[1].split("主动公开方面")[0]
    assert "<script>" not in md and "&lt;script&gt;" in md
    assert "a\\|b" in md and "\\*c\\*" in md and "\\[d\\](e)" in md
    assert "\n1\\. 不是列表\n" in md and "\n\\# 不是标题\n" in md
    assert "<b>" not in md


def test_docx_keeps_register_text_literally(evil):
    _, text = docx_text(evil["docx"])
    assert EVIL in text and "<b>粗体</b>" in text


def test_md_escape_helpers():
    assert md_escape("a|b") == "a\\|b"
    assert md_escape("- x") == "\\- x"
    assert md_escape("12) x") == "12\\) x"
    assert md_escape("1.属于国家秘密") == "1.属于国家秘密"  # no space: not a list
    assert md_escape(None) == ""


# -- before publishing ----------------------------------------------------------------------------


def test_report_problems_clean_for_example(stats, loaded):
    assert report_problems(stats, loaded.records) == []


def test_report_problems_cross_check(stats, loaded):
    s = copy.deepcopy(stats)
    s["applications"]["checks"] = [{"check": "a", "row": "（七）总计", "column": "总计", "expected": 33, "actual": 32}]
    errors = [p for p in report_problems(s) if p["severity"] == "error"]
    assert len(errors) == 1 and errors[0]["code"] == "crosscheck-a"

    records = copy.deepcopy(loaded.records)
    report = next(r for r in records if r.kind == "report" and r.data.get("year") == 2024)
    report.data["applications_table"] = {
        "一、本年新收政府信息公开申请数量": {"自然人": 10, "总计": 10},
        "（七）总计": {"自然人": 9, "总计": 9},
        "四、结转下年度继续办理": {"自然人": 2, "总计": 2},
    }
    got = report_problems(stats, records)
    assert any(p["code"] == "crosscheck-a" and p["severity"] == "error" for p in got)
    assert any(p["code"] == "hand-differs" and p["severity"] == "warning" for p in got)


def test_fee_cross_check(stats, loaded):
    s = copy.deepcopy(stats)
    s["narrative"]["processing_fees"] = 300
    got = report_problems(s, loaded.records)
    codes = {p["code"] for p in got}
    assert "fee-differs" in codes and "fee-text" in codes


def test_fee_row_includes_the_processing_fee(stats, loaded):
    """The 行政事业性收费 row counts every 行政事业性收费, the 信息处理费 of section 六 included:
    a row smaller than that fee is a warning, unless the register says its row excludes it."""
    s = copy.deepcopy(stats)
    s["proactive"]["table"]["行政事业性收费"]["本年收费金额（单位：万元）"] = 0
    got = [p for p in report_problems(s, loaded.records) if p["code"] == "fee-row"]
    assert len(got) == 1 and "0.01万元" in got[0]["message_zh"] and "processing_fee_in_fee_row" in got[0]["message_zh"]
    assert not [p for p in report_problems(s, loaded.records, fee_in_row=False) if p["code"] == "fee-row"]
    s["proactive"]["table"]["行政事业性收费"]["本年收费金额（单位：万元）"] = 0.5  # other fees too: fine
    assert not [p for p in report_problems(s, loaded.records) if p["code"] == "fee-row"]


def test_nothing_to_report_then_a_fee(stats, loaded):
    s = copy.deepcopy(stats)
    s["narrative"]["other"] = "本年度无需要报告的其他事项。依据《政府信息公开信息处理费管理办法》，本年度收取信息处理费100元。"
    assert [p["code"] for p in report_problems(s, loaded.records)] == ["other-contradicts"]
    s["narrative"]["processing_fees"] = 0
    s["narrative"]["other"] = "本年度没有其他需要报告的事项。"
    assert report_problems(s) == []


def test_numbers_without_thousands_separators(stats):
    s = copy.deepcopy(stats)
    s["narrative"]["overview"] = "全年主动公开政府信息1,146条，2024,2025年度目录，金额12,345,678元，3.5,2"
    got = [p for p in report_problems(s) if p["code"] == "number-style"]
    assert [p["message_zh"].split("“")[1].split("”")[0] for p in got] == ["1,146", "12,345,678"]
    assert "应写作“1146”" in got[0]["message_zh"]


def test_html_keeps_dates_and_codes_on_one_line(stats, meta):
    html = render_annual(stats, "html", meta).decode("utf-8")
    assert "break-all" not in html
    assert '<span class="nobr">2024年1月1日</span>' in html
    from govdisc.render.env import nobr

    assert str(nobr("在BGS-05时限中注明，2023年12月20日 <b>")) == \
        '在<span class="nobr">BGS-05</span>时限中注明，<span class="nobr">2023年12月20日</span> &lt;b&gt;'
    assert str(nobr("YSQ-2024-0001 APP003 2024-07-08")) == \
        '<span class="nobr">YSQ-2024-0001</span> <span class="nobr">APP003</span> <span class="nobr">2024-07-08</span>'


def test_html_phone_view(rendered):
    """On a narrow screen the page is not a fixed 156 mm: text fills the width, wide tables
    scroll inside their wrapper; print keeps A4."""
    html = rendered["html"].decode("utf-8")
    assert ".page { max-width: 156mm;" in html and "width: 156mm" not in html.replace("max-width: 156mm", "")
    assert "@media screen and (max-width: 640px)" in html and "overflow-x: auto" in html
    assert html.count('<div class="table-wrap">') == 3


# -- git ------------------------------------------------------------------------------------------


@pytest.mark.skipif(shutil.which("git") is None, reason="git not installed")
def test_git_commit(tmp_path, monkeypatch):
    for k, v in {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.invalid", "GIT_COMMITTER_NAME": "t",
                 "GIT_COMMITTER_EMAIL": "t@example.invalid", "GIT_CONFIG_NOSYSTEM": "1",
                 "HOME": str(tmp_path)}.items():
        monkeypatch.setenv(k, v)
    assert git_commit(tmp_path) is None  # not a repository
    repo = tmp_path / "repo"
    reg = repo / "register"
    reg.mkdir(parents=True)
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    assert git_commit(reg) is None  # no commit yet
    (reg / "govdisc.yaml").write_text("agency: 测试局\n", encoding="utf-8")
    subprocess.run(["git", "-C", str(repo), "add", "."], check=True)
    subprocess.run(["git", "-C", str(repo), "commit", "-q", "-m", "init"], check=True)
    head = subprocess.run(["git", "-C", str(repo), "rev-parse", "HEAD"], capture_output=True, text=True,
                          check=True).stdout.strip()
    assert git_commit(reg) == head
    (repo / "elsewhere.txt").write_text("x", encoding="utf-8")  # outside the register: still clean
    assert git_commit(reg) == head
    (reg / ".govdisc-cache").mkdir()
    (reg / ".govdisc-cache" / "x").write_text("x", encoding="utf-8")
    assert git_commit(reg) == head
    (reg / "new.yaml").write_text("x: 1\n", encoding="utf-8")
    assert git_commit(reg) == head + "-dirty"
    meta = ReportMeta("测试局", 2024, date(2025, 1, 1), git_commit(reg))
    assert meta.dirty and meta.short_commit == head[:12] + "-dirty"
