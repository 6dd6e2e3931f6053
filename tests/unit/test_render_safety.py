"""Reports from a register holding hostile text (security hardening): HTML and Markdown show
markup and template syntax as typed, Word and the UTF-8 encoder never crash on control
characters or lone surrogates, and ordinary Chinese text is left exactly as written."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from support import HOSTILE_AGENCY, HOSTILE_DEPARTMENT, docx_text, write_hostile_register

from govdisc.calendar import calendar_for
from govdisc.render import ReportMeta, render_annual, render_review
from govdisc.render.env import md_cell, md_escape, md_line
from govdisc.stats import annual_stats
from govdisc.stats.review import review_data
from govdisc.textsafety import document_text

EXAMPLE = Path(__file__).resolve().parents[2] / "register"
pytestmark = pytest.mark.skipif(not (EXAMPLE / "govdisc.yaml").is_file(), reason="example register not present")

AS_OF = date(2026, 2, 1)
#: what no rendered report may contain raw
RAW_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    from govdisc.loading.register import load_register

    root = write_hostile_register(EXAMPLE, tmp_path_factory.mktemp("hostile") / "register")
    loaded = load_register(root)
    assert loaded.config.agency.startswith(HOSTILE_AGENCY)  # the YAML escapes reached the data
    return loaded


@pytest.fixture(scope="module")
def reports(hostile):
    """{(kind, fmt): bytes} for the annual report and the dyc self-inspection in all formats."""
    cal = calendar_for(hostile.config)
    meta = ReportMeta(hostile.config.agency, 2024, AS_OF)
    stats = annual_stats(hostile.records, hostile.config, cal, 2024)
    review = review_data(hostile.records, hostile.config, cal, 2024, department="dyc", findings=[], as_of=AS_OF)
    out = {}
    for fmt in ("md", "html", "docx"):
        out["annual", fmt] = render_annual(stats, fmt, meta)
        out["review", fmt] = render_review(review, fmt, meta)
    return out


@pytest.mark.parametrize("kind", ["annual", "review"])
def test_html_report_escapes_hostile_register_text(reports, kind):
    html = reports[kind, "html"].decode("utf-8")
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<b>粗</b>" not in html and "&lt;b&gt;粗&lt;/b&gt;" in html
    # template syntax is printed as typed, never evaluated
    assert "{{ 7*7 }}{% for x in range(3) %}x{% endfor %}" in html
    title = html.split("<title>")[1].split("</title>")[0]
    assert "49" not in title and "xxx" not in title
    assert not RAW_CONTROLS.search(html) and "\ufffd" in title
    if kind == "annual":
        assert "问题&lt;i&gt;一&lt;/i&gt;" in html and "<i>" not in html
    else:
        assert "电影处|甲*乙*[/x]\ufffd" in html


@pytest.mark.parametrize("kind", ["annual", "review"])
def test_markdown_report_shows_hostile_register_text_literally(reports, kind):
    md = reports[kind, "md"].decode("utf-8")
    title = next(line for line in md.split("\n") if line.startswith("# "))
    assert title.startswith("# &lt;script&gt;alert(1)&lt;/script&gt;{{ 7\\*7 }}{% for x in range(3) %}x{% endfor %}"
                            "&lt;b&gt;粗&lt;/b&gt;\ufffd")
    assert "<script>" not in md and "<b>" not in md and "49" not in title
    assert not RAW_CONTROLS.search(md)
    if kind == "annual":
        # each line of the narrative is a paragraph that cannot turn into HTML, a rule, a setext
        # underline, a heading or a list
        for escaped in ("问题&lt;i&gt;一&lt;/i&gt;", "\\---", "\\===", "\\# 不是标题 #", "1\\. 不是列表"):
            assert f"\n{escaped}\n" in md
    else:
        assert "电影处\\|甲\\*乙\\*\\[/x\\]" in md
        assert "\n## 二、电影处\\|甲\\*乙\\*\\[/x\\]\ufffd" in md  # the department's part


@pytest.mark.parametrize("kind", ["annual", "review"])
def test_docx_report_renders_hostile_register_text(reports, kind):
    doc, text = docx_text(reports[kind, "docx"])
    assert doc.paragraphs[0].text.startswith(HOSTILE_AGENCY + "\ufffd\ufffd\ufffd[31m\ufffd")
    assert doc.core_properties.author.startswith(HOSTILE_AGENCY)
    assert not RAW_CONTROLS.search(text)
    if kind == "review":
        assert HOSTILE_DEPARTMENT in text


def test_ordinary_chinese_text_is_unchanged():
    text = ("2024年，云岭省新闻出版广电局坚持以公开为常态、不公开为例外，全年主动公开政府信息1,146条，"
            "其中规章1件（《办法》第（九）项）；“五公开”——决策、执行。")
    for f in (md_escape, md_line, md_cell, document_text):
        assert f(text) == text


def test_markdown_block_markers_are_escaped():
    assert md_escape("---") == "\\---" and md_escape("- - -") == "\\- - -"
    assert md_escape("甲\n===") == "甲\n\\===" and md_escape("甲\n--") == "甲\n\\--"
    assert md_escape("+ 项") == "\\+ 项" and md_escape("$x$") == "\\$x\\$"
    assert md_escape("1-2月") == "1-2月"  # not at a marker position
    assert md_line("甲\n# 乙 ##") == "甲 \\# 乙 \\#\\#"  # one line; no closing sequence
    assert md_line(None) == ""
