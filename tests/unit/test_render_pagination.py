"""Reports paginate cleanly: a caption or header row never ends a page, a total row never starts
one alone, headers repeat on tables that can span pages, no page before the last is more than a
third empty. Checked on the Word structure (keep-with-next, repeated header rows, the cleaned
package) and, where LibreOffice / Chromium and poppler are installed, on the printed pages."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import zipfile
from datetime import date
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn

from govdisc.calendar import calendar_for
from govdisc.render import ReportMeta, render_annual, render_review
from govdisc.render.grid import Grid, header, num
from govdisc.stats import annual_stats
from govdisc.stats.review import review_data

EXAMPLE = Path(__file__).resolve().parents[2] / "register"
pytestmark = pytest.mark.skipif(not (EXAMPLE / "govdisc.yaml").is_file(), reason="example register not present")
AS_OF = date(2025, 1, 20)
META = ReportMeta("云岭省新闻出版广电局", 2024, AS_OF, "0123456789abcdef0123456789abcdef01234567")
#: the first cells of a total row
TOTALS = ("合计", "（七）总计")


@pytest.fixture(scope="module")
def reports():
    """{name: (format → bytes)}: the 2024 annual report (with and without the appendix), the bgs
    self-inspection and the all-department one."""
    from govdisc.loading.register import load_register

    loaded = load_register(EXAMPLE)
    cal = calendar_for(loaded.config)
    stats = annual_stats(loaded.records, loaded.config, cal, 2024, as_of=AS_OF)
    bgs = review_data(loaded.records, loaded.config, cal, 2024, department="bgs", findings=[], as_of=AS_OF)
    every = review_data(loaded.records, loaded.config, cal, 2024, findings=[], as_of=AS_OF)
    out = {}
    for fmt in ("html", "docx"):
        out["annual", fmt] = render_annual(stats, fmt, META)
        out["appendix", fmt] = render_annual(stats, fmt, META, appendix=True)
        out["bgs", fmt] = render_review(bgs, fmt, META)
        out["every", fmt] = render_review(every, fmt, META)
    return out


# -- the rule itself ---------------------------------------------------------------------------------


def _grid(rows: int, head: int = 1) -> Grid:
    g = Grid(columns=2, head_rows=head)
    for i in range(head):
        g.rows.append([header("甲"), header("乙")])
    for i in range(rows - head):
        g.rows.append([header(f"行{i}"), num(i)])
    return g


def test_short_table_is_kept_whole():
    assert _grid(6).keep_with_next() == [True] * 5 + [False]


def test_long_table_breaks_only_between_body_rows_away_from_head_and_tail():
    keep = _grid(12).keep_with_next()
    assert keep[:2] == [True, True]  # the header and the first row stay with the second row
    assert keep[-3:] == [True, True, False]  # the total row comes with the two above it
    assert keep[2:-3] == [False] * 7


def test_blocks_are_never_split():
    g = Grid(columns=2)
    for b in range(3):
        g.blocks.append(len(g.rows))
        g.rows.append([header(f"第{b}块", colspan=2, kind="caption")])
        g.rows += [[header("甲"), num(1)], [header("乙"), num(2)]]
    keep = g.keep_with_next()
    assert keep == [True, True, False, True, True, False, True, True, False]
    assert [len(group) for group in g.body_groups()] == [3, 3, 3]


# -- Word structure ----------------------------------------------------------------------------------


def _keeps(tr) -> bool:
    paras = list(tr.iter(qn("w:p")))
    return bool(paras) and all(p.pPr is not None and p.pPr.keepNext is not None for p in paras)


def _is_caption(tr) -> bool:
    cells = tr.findall(qn("w:tc"))
    return len(cells) == 1 and cells[0].tcPr is not None and cells[0].tcPr.gridSpan is not None


@pytest.mark.parametrize("name", ["annual", "appendix", "bgs", "every"])
def test_docx_tables_keep_captions_and_headers_with_their_rows(reports, name):
    doc = Document(io.BytesIO(reports[name, "docx"]))
    assert doc.tables
    for table in doc.tables:
        rows = table._tbl.tr_lst
        heads = [tr.trPr is not None and tr.trPr.find(qn("w:tblHeader")) is not None for tr in rows]
        keeps = [_keeps(tr) for tr in rows]
        first = table.rows[0].cells[0].text
        assert all(tr.trPr.find(qn("w:cantSplit")) is not None for tr in rows), first  # never split inside
        for i, tr in enumerate(rows):
            if heads[i] or _is_caption(tr):
                assert keeps[i], f"{first}: header or caption row {i} does not keep with the next"
        if table.rows[-1].cells[0].text in TOTALS or len(rows) > 2:
            assert keeps[-2], f"{first}: the last row can be left alone on a page"
        breaks = [i for i in range(len(rows) - 1) if not keeps[i]]
        if not breaks:
            continue  # kept whole: cannot span pages
        # a table that can span pages repeats its header rows, or (section 二) breaks only
        # before a caption row that opens the next block
        assert heads[0] or all(_is_caption(rows[i + 1]) for i in breaks), first
        assert all(i >= heads.count(True) + 1 for i in breaks), f"{first}: a header row alone with one row"


def test_docx_section_tables_of_the_annual_report(reports):
    doc = Document(io.BytesIO(reports["annual", "docx"]))
    proactive, apps, reviews = (t._tbl.tr_lst for t in doc.tables)
    heads = [[tr.trPr.find(qn("w:tblHeader")) is not None for tr in t] for t in (proactive, apps, reviews)]
    assert heads[0] == [False] * 14  # 二: each block brings its own caption and column header
    assert heads[1] == [True] * 3 + [False] * 25 and heads[2] == [True] * 3 + [False]
    # 二 breaks only between its four blocks: before 第二十条第（五）、（六）、（八）项
    breaks = [i for i, tr in enumerate(proactive[:-1]) if not _keeps(tr)]
    assert [doc.tables[0].rows[i + 1].cells[0].text for i in breaks] == \
        ["第二十条第（五）项", "第二十条第（六）项", "第二十条第（八）项"]
    # 四 is kept whole with its headers
    assert all(_keeps(tr) for tr in reviews[:-1])


@pytest.mark.parametrize("name", ["annual", "bgs"])
def test_docx_signature_is_never_alone(reports, name):
    doc = Document(io.BytesIO(reports[name, "docx"]))
    body = [el for el in doc.element.body if el.tag in (qn("w:p"), qn("w:tbl"))]
    texts = ["".join(t.text or "" for t in el.iter(qn("w:t"))) for el in body]
    assert texts[-1] == "2025年1月20日"
    # the 落款, the blank line above it and the last paragraph of the text keep together
    for el in body[-4:-1]:
        assert el.pPr is not None and el.pPr.keepNext is not None
    assert body[-1].pPr.jc.val == 2 or "right" in str(body[-1].pPr.jc.val).lower()


@pytest.mark.parametrize("name", ["annual", "bgs"])
def test_docx_package_is_clean(reports, name):
    """No trace of the stock template: its app.xml (another program, 1 page), the bibliography
    customXml, stylesWithEffects, the blue italic headings it never uses."""
    with zipfile.ZipFile(io.BytesIO(reports[name, "docx"])) as z:
        names = set(z.namelist())
        app_xml = z.read("docProps/app.xml").decode("utf-8")
        styles = z.read("word/styles.xml").decode("utf-8")
        rels = z.read("word/_rels/document.xml.rels").decode("utf-8")
        document = z.read("word/document.xml").decode("utf-8")
    assert not any(n.startswith("customXml/") for n in names)
    assert "word/stylesWithEffects.xml" not in names and "stylesWithEffects" not in rels
    assert "Microsoft" not in app_xml and "<Pages>" not in app_xml and f"<Application>{META.generator}" in app_xml
    assert "docProps/custom.xml" in names
    assert 'w:styleId="Heading4"' not in styles and "<w:i/>" not in styles
    for blue in ("4F81BD", "365F91", "243F60"):
        assert blue not in styles
    used = set(re.findall(r'w:(?:pStyle|rStyle|tblStyle) w:val="([^"]+)"', document))
    defined = set(re.findall(r'w:styleId="([^"]+)"', styles))
    assert used <= defined


# -- printed pages ------------------------------------------------------------------------------------


def _pdf_rows(pdf: Path) -> list[dict]:
    """Per page: height and the text rows (words grouped by their top, read left to right), top
    to bottom, each as (top, text, bottom)."""
    xml = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, timeout=120).stdout
    pages = []
    word = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)</word>')
    for page in re.finditer(r'<page width="[\d.]+" height="([\d.]+)">(.*?)</page>', xml, re.S):
        rows: dict[float, list[tuple[float, str]]] = {}
        bottoms: dict[float, float] = {}
        for m in sorted(word.finditer(page[2]), key=lambda m: float(m[2])):
            x, y0, y1, w = float(m[1]), float(m[2]), float(m[3]), m[4]
            key = next((k for k in rows if abs(k - y0) < 3), y0)
            rows.setdefault(key, []).append((x, w))
            bottoms[key] = max(bottoms.get(key, 0), y1)
        ordered = [(k, "".join(w for _, w in sorted(rows[k])), bottoms[k]) for k in sorted(rows)]
        pages.append({"height": float(page[1]), "rows": ordered})
    return pages


def _check_pages(pdf: Path, lonely: set[str]) -> None:
    pages = _pdf_rows(pdf)
    assert pages
    mm = 72 / 25.4
    for n, page in enumerate(pages, start=1):
        rows = [r for r in page["rows"] if not re.fullmatch(r"[—–-]\d+[—–-]", r[1])]  # the page number
        assert rows, f"{pdf.name} page {n} is empty"
        top, bottom = 37 * mm, page["height"] - 35 * mm
        if n < len(pages):
            filled = (rows[-1][2] - top) / (bottom - top)
            assert filled > 2 / 3, f"{pdf.name} page {n} is {1 - filled:.0%} empty"
            assert rows[-1][1] not in lonely, f"{pdf.name} page {n} ends with {rows[-1][1]!r}"
        if n > 1:  # under the repeated header rows, if any, the first row is not a total row
            first = next((r[1] for r in rows if r[1] not in lonely), "")
            assert not first.startswith(TOTALS), f"{pdf.name} page {n}: a table's only row here is its total"


def _lonely_texts(doc: bytes) -> set[str]:
    """Text rows that must never end a page: captions and header rows of the tables, headings."""
    d = Document(io.BytesIO(doc))
    out = {p.text.replace(" ", "") for p in d.paragraphs if p.style.name.startswith("Heading") and p.text}
    for table in d.tables:
        for tr, row in zip(table._tbl.tr_lst, table.rows):
            header_row = tr.trPr is not None and tr.trPr.find(qn("w:tblHeader")) is not None
            if header_row or _is_caption(tr):
                seen = []
                for c in row.cells:
                    if c.text not in seen:
                        seen.append(c.text)
                out.add("".join(seen).replace(" ", ""))
                out |= {c.text.replace(" ", "") for c in row.cells}
    return out


def _pdftotext() -> bool:
    return shutil.which("pdftotext") is not None


@pytest.mark.skipif(shutil.which("soffice") is None or not _pdftotext(), reason="LibreOffice or poppler not installed")
@pytest.mark.parametrize("name", ["annual", "appendix", "bgs"])
def test_word_pages_through_libreoffice(reports, name, tmp_path):
    src = tmp_path / f"{name}.docx"
    src.write_bytes(reports[name, "docx"])
    subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path}/lo", "--headless", "--convert-to", "pdf",
                    "--outdir", str(tmp_path), str(src)], capture_output=True, timeout=300, check=True)
    _check_pages(tmp_path / f"{name}.pdf", _lonely_texts(reports[name, "docx"]))


def _chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")


@pytest.mark.skipif(_chromium() is None or not _pdftotext(), reason="Chromium or poppler not installed")
@pytest.mark.parametrize("name", ["annual", "appendix", "bgs"])
def test_html_pages_through_chromium(reports, name, tmp_path):
    src = tmp_path / f"{name}.html"
    src.write_bytes(reports[name, "html"])
    pdf = tmp_path / f"{name}.pdf"
    subprocess.run([_chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                    f"--user-data-dir={tmp_path / 'profile'}", f"--print-to-pdf={pdf}", src.as_uri()],
                   capture_output=True, timeout=300, check=True)
    _check_pages(pdf, _lonely_texts(reports[name, "docx"]))
