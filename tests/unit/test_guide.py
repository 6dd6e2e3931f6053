"""The disclosure guide (政府信息公开指南): data from guide.yaml and the catalogs, rendered for the portal."""

from __future__ import annotations

from datetime import date

import pytest
from support import EXAMPLE
from support import docx_text, write_register
from typer.testing import CliRunner

from govdisc.cli import app
from govdisc.loading.register import load_register
from govdisc.render import ReportMeta
from govdisc.render.guide import render_guide
from govdisc.stats.guide import GuideMissing, guide_data

AS_OF = date(2026, 2, 1)
META = ReportMeta("云岭省新闻出版广电局", 2026, AS_OF)


@pytest.fixture(scope="module")
def data():
    loaded = load_register(EXAMPLE)
    return guide_data(loaded.records, loaded.config, AS_OF)


def test_data_from_the_register(data):
    assert data["updated"] == "2025-03-03" and data["office"]["fax"] == "0871-6512 3457"
    assert len(data["classification"]) == 10 and data["obtaining"]["reading_rooms"][0]["name"].startswith("云岭省档案馆")
    assert data["catalog_year"] == 2026 and [c["department"] for c in data["catalogs"]][:2] == ["bgs", "zcfg"]
    bgs = data["catalogs"][0]
    assert bgs["items"] == 7 and bgs["categories"][0] == "（一）法规规章和规范性文件"


def test_office_name_defaults_to_the_config(tmp_path):
    root = write_register(tmp_path / "r", {"guide.yaml": "updated: 2025-03-01\noffice: {phone: '1'}\n"})
    loaded = load_register(root)
    got = guide_data(loaded.records, loaded.config, AS_OF)
    assert got["office"]["name"] == "测试省测试局办公室" and got["catalogs"] == []
    with pytest.raises(GuideMissing):
        guide_data([r for r in loaded.records if r.kind != "guide"], loaded.config, AS_OF)


def test_markdown_and_html(data):
    md = render_guide(data, "md", META).decode("utf-8")
    assert md.startswith("# 云岭省新闻出版广电局政府信息公开指南\n")
    for heading in ("## 一、主动公开", "### （五）主动公开基本目录", "## 二、依申请公开", "### （三）答复期限", "## 三、监督和救济"):
        assert heading in md
    assert "| 传真号码 | 0871-6512 3457 |" in md and "本指南于2025年3月3日更新" in md
    assert "自收到申请之日起20个工作日内予以答复" in md
    html = render_guide(data, "html", META).decode("utf-8")
    assert "<h1 class=\"title\">云岭省新闻出版广电局政府信息公开指南</h1>" in html
    assert '<meta name="govdisc-updated" content="2025-03-03">' in html


def test_incomplete_guide_shows_what_to_fill(tmp_path):
    root = write_register(tmp_path / "r", {"guide.yaml": "updated: 2025-03-01\n"})
    loaded = load_register(root)
    md = render_guide(guide_data(loaded.records, loaded.config, AS_OF), "md", META).decode("utf-8")
    assert "【待填写：guide.yaml 中的 classification（政府信息的分类）】" in md and "| 办公地址 | 【待填写】 |" in md


def test_docx(data):
    doc, text = docx_text(render_guide(data, "docx", META))
    assert doc.paragraphs[0].text == "云岭省新闻出版广电局政府信息公开指南"
    assert "一、主动公开" in text and "0871-6512 3457" in text and "（四）收费" in text


def test_cli(tmp_path):
    runner = CliRunner()
    out = tmp_path / "guide.html"
    res = runner.invoke(app, ["guide", "--register", str(EXAMPLE), "--as-of", "2026-02-01", "-o", str(out)])
    assert res.exit_code == 0, res.output
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    res = runner.invoke(app, ["guide", "--register", str(EXAMPLE), "--format", "md"])
    assert res.exit_code == 0 and "## 二、依申请公开" in res.stdout
    bare = write_register(tmp_path / "bare", {})
    res = runner.invoke(app, ["guide", "--register", str(bare)])
    assert res.exit_code == 1 and "govdisc new guide" in res.output
