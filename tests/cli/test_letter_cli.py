"""`govdisc letter` through the CLI: the clerk's flow new → event → letter --record, the dates in
every letter equal to `deadlines --format json`, the Word layout (GB/T 9704-2012 信函格式),
LibreOffice opening the Word file, and refusals that write nothing."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import zipfile
from datetime import date, timedelta
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn
from docx.shared import Pt
from typer.testing import CliRunner

from govdisc.calendar import calendar_for, preload
from govdisc.cli import app
from govdisc.letters import KINDS, LetterRefused, build_letter
from govdisc.loading.register import load_register
from govdisc.render.letter import letter_text

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "register"
runner = CliRunner()
HEAD = "政府信息公开工作机构负责人"
ZH_DATE = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日")


def run(*args):
    return runner.invoke(app, [str(a) for a in args])


def err(res) -> str:
    return getattr(res, "stderr", None) or res.output


# -- the clerk's flow -----------------------------------------------------------------------------


CONFIG_TAIL = """\
remedies: {reconsideration: 测试市人民政府, litigation: 测试市中级人民法院}
approvers: [政府信息公开工作机构负责人]
letters:
  number: "测试公开{kind}〔{year}〕{seq}号"
  contact: 联系人：办公室　联系电话：0871-60000000
"""


def test_new_event_letter_record(tmp_path):
    reg = tmp_path / "x"
    assert run("init", reg, "--agency", "测试局").exit_code == 0
    with (reg / "govdisc.yaml").open("a", encoding="utf-8") as fh:
        fh.write(CONFIG_TAIL)
    res = run("new", "application", "--register", reg, "--received", "2025-11-03", "--channel", "online",
              "--applicant-kind", "natural_person", "--summary", "申请公开许可证核发情况", "--handler", "bgs",
              "--as-of", "2025-11-03")
    assert res.exit_code == 0, res.output
    path = reg / "applications" / "2025" / "YSQ-2025-0001.yaml"
    path.write_text("# 经办人备注\n" + path.read_text(encoding="utf-8"), encoding="utf-8")

    def event(*args):
        res = run("event", "YSQ-2025-0001", *args, "--register", reg, "--as-of", "2025-12-31")
        assert res.exit_code == 0, res.output

    def letter(*args, code=0):
        res = run("letter", "YSQ-2025-0001", *args, "--register", reg, "--to", "张某")
        assert res.exit_code == code, err(res)
        return res

    event("correction_notice", "--date", "2025-11-05", "--days", "10", "--note", "所需信息的年份")
    before = path.read_text(encoding="utf-8").splitlines()
    res = letter("correction", "--record")
    assert "测试公开补〔2025〕1号" in res.stdout and "请您自收到本告知书之日起10个工作日内" in res.stdout
    assert "已在 events.0.letter 记录 测试公开补〔2025〕1号" in err(res)
    after = path.read_text(encoding="utf-8").splitlines()
    changed = [line for line in after if line not in before]
    assert changed == ["  - {type: correction_notice, date: 2025-11-05, days: 10, note: 所需信息的年份, "
                       "letter: {no: 测试公开补〔2025〕1号, date: 2025-11-05}}"]
    assert after[0] == "# 经办人备注" and len(after) == len(before)
    res = letter("correction", "--record")  # again: the same letter, reprinted, nothing written
    assert "已记录 测试公开补〔2025〕1号，未重复写入" in err(res) and path.read_text(encoding="utf-8").splitlines() == after

    event("correction_received", "--date", "2025-11-10")
    event("extension", "--date", "2025-12-01", "--days", "10", "--approved-by", HEAD)
    res = letter("extension", "--record", "-o", tmp_path / "ext.docx")
    assert res.stdout.strip() == str(tmp_path / "ext.docx")
    deadlines = json.loads(run("deadlines", "--register", reg, "--as-of", "2025-12-01", "--format", "json").stdout)
    reply_due = next(o["due"] for o in deadlines if o["obligation"] == "reply")
    body = "\n".join(p.text for p in Document(tmp_path / "ext.docx").paragraphs)
    assert "测试公开延〔2025〕1号" in body and f"延长至{zh(reply_due)}" in body

    event("reply", "--date", "2025-12-10", "--outcome", "withheld", "--exemption", "process_info")
    res = letter("reply", "--record", "--format", "html", "-o", tmp_path / "reply.html")
    text = path.read_text(encoding="utf-8")
    assert "letter:" in text and "测试公开答〔2025〕1号" in text
    data = load_register(reg, cache=False)
    reply = next(r for r in data.records if r.kind == "application").data["reply"]
    assert reply["letter"] == {"no": "测试公开答〔2025〕1号", "date": "2025-12-10",
                               "remedies": ["reconsideration", "litigation"]}
    assert reply["remedies"] == ["reconsideration", "litigation"]  # the register shows what was sent
    res = run("check", "--register", reg, "--as-of", "2025-12-31", "--format", "json")
    assert json.loads(res.stdout)["summary"]["errors"] == 0
    codes = {f["code"] for f in json.loads(res.stdout)["findings"]}
    assert "APP031" not in codes and "APP035" not in codes


def zh(iso: str) -> str:
    d = date.fromisoformat(iso)
    return f"{d.year}年{d.month}月{d.day}日"


def test_refusals_write_nothing(tmp_path, example_copy):
    reg = example_copy
    path = reg / "applications" / "2024" / "YSQ-2024-0012.yaml"
    before = path.read_bytes()
    out = tmp_path / "x.docx"
    res = run("letter", "YSQ-2024-0012", "extension", "--register", reg, "--record", "-o", out)
    assert res.exit_code == 1 and "没有延长答复期限事件" in err(res) and not out.exists()
    res = run("letter", "YSQ-2099-0001", "reply", "--register", reg, "--lang", "en")
    assert res.exit_code == 1 and "no application with id YSQ-2099-0001" in err(res)
    res = run("letter", "YSQ-2024-0012", "reply", "--register", reg, "--format", "docx")
    assert res.exit_code == 2 and "-o" in err(res)
    res = run("letter", "YSQ-2024-0012", "memo", "--register", reg)
    assert res.exit_code == 2
    # a recorded letter keeps its number and date: another --date is refused
    res = run("letter", "YSQ-2025-0030", "reply", "--register", reg, "--date", "2025-12-09", "--record")
    assert res.exit_code == 1 and "重印沿用原编号和日期" in err(res)
    assert path.read_bytes() == before
    (reg / "govdisc.yaml").write_text((reg / "govdisc.yaml").read_text(encoding="utf-8").replace(
        "  litigation: 澜川市中级人民法院\n", ""), encoding="utf-8")
    res = run("letter", "YSQ-2024-0012", "reply", "--register", reg, "-o", out)
    assert res.exit_code == 1 and "remedies.litigation" in err(res) and not out.exists()


# -- dates come from the engine ------------------------------------------------------------------


def test_dates_in_every_letter_equal_deadlines_json(example_copy):
    """Every deadline a letter states is the `due` that `deadlines --format json --as-of <the day
    of the fact told>` prints for the record (the deadline in force before an extension or a
    deferral: as of the day before); every other date in it is a date recorded in the register."""
    loaded = load_register(example_copy, cache=False)
    preload(loaded.root)
    cal = calendar_for(loaded.config)
    listings: dict[date, list[dict]] = {}

    def listing(day: date) -> list[dict]:
        if day not in listings:
            res = run("deadlines", "--register", example_copy, "--as-of", day.isoformat(), "--format", "json")
            assert res.exit_code == 0, err(res)
            listings[day] = json.loads(res.stdout)
        return listings[day]

    checked = 0
    for rec in (r for r in loaded.records if r.kind == "application"):
        facts = recorded_dates(rec.data)
        for kind in KINDS:
            try:
                letter = build_letter(loaded.records, loaded.config, cal, rec.id, kind)
                text = "".join(letter_text(letter, loaded.root).paragraphs)
            except LetterRefused:
                continue
            mine = [o for o in listing(letter.as_of) if o["record"] == rec.id]
            for name, due in letter.dates.items():
                if name == "due_before":
                    before = [o for o in listing(letter.as_of - timedelta(days=1)) if o["record"] == rec.id]
                    assert due == next(o["due"] for o in before if o["obligation"] == "reply"), (rec.id, kind)
                else:
                    ob = {"reply_due": "reply", "answer_due": "consultation_reply"}[name]
                    assert due in [o["due"] for o in mine if o["obligation"] == ob], (rec.id, kind, name)
                assert zh(due) in text, (rec.id, kind, name)
                checked += 1
            stated = {date(int(y), int(m), int(d)).isoformat() for y, m, d in ZH_DATE.findall(text)}
            allowed = facts | set(letter.dates.values()) | {letter.date.isoformat()}
            assert stated <= allowed, (rec.id, kind, stated - allowed)
    assert checked >= 12


def recorded_dates(value) -> set[str]:
    """Every date written anywhere in a record, also inside its text (facts, not computations)."""
    out: set[str] = set()
    if isinstance(value, dict):
        for v in value.values():
            out |= recorded_dates(v)
    elif isinstance(value, list):
        for v in value:
            out |= recorded_dates(v)
    elif isinstance(value, str):
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            out.add(value)
        out |= {date(int(y), int(m), int(d)).isoformat() for y, m, d in ZH_DATE.findall(value)}  # in text
    return out


# -- the Word layout -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def reply_docx(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("letters") / "reply.docx"
    res = run("letter", "YSQ-2024-0006", "reply", "--register", EXAMPLE, "--to", "张某", "-o", out)
    assert res.exit_code == 0, err(res)
    return out


def test_word_letter_follows_gbt_9704(reply_docx):
    doc = Document(reply_docx)
    sec = doc.sections[0]
    assert (round(sec.page_width.mm), round(sec.page_height.mm)) == (210, 297)
    assert [round(x.mm) for x in (sec.top_margin, sec.bottom_margin, sec.left_margin, sec.right_margin)] == [37, 35, 28, 26]
    assert sec.different_first_page_header_footer  # no page number on the first page
    paras = doc.paragraphs
    issuer = paras[0]
    assert issuer.text == "云岭省新闻出版广电局" and issuer.runs[0].font.color.rgb == (0xD4, 0, 0)
    border = issuer._p.pPr.find(qn("w:pBdr")).find(qn("w:bottom"))
    assert border.get(qn("w:val")) == "thickThinSmallGap" and border.get(qn("w:color")) == "D40000"
    assert round(-issuer.paragraph_format.left_indent.mm) == 7  # the rule is 170 mm: 7 mm past each margin
    number = paras[1]
    assert number.text == "云岭新广公开答〔2024〕1号" and number.alignment == 2  # right
    title = next(p for p in paras if p.style.name == "Title")
    assert title.text == "政府信息公开申请答复书"
    assert title.style.font.size == Pt(22) and title.style.element.rPr.rFonts.get(qn("w:eastAsia")) == "方正小标宋简体"
    normal = doc.styles["Normal"]
    assert normal.font.size == Pt(16) and normal.element.rPr.rFonts.get(qn("w:eastAsia")) == "仿宋_GB2312"
    texts = [p.text for p in paras]
    to = texts.index("张某：")
    assert paras[to].paragraph_format.first_line_indent in (None, 0)
    assert paras[to + 1].paragraph_format.first_line_indent == Pt(32)  # two characters
    name_i = len(texts) - 1 - texts[::-1].index("云岭省新闻出版广电局")
    name, day = paras[name_i], paras[name_i + 1]
    assert day.text == "2024年4月7日" and day.paragraph_format.right_indent == Pt(64)  # four characters
    # the issuer (10 characters) centred over the date (6): 4 - (10 - 6) / 2 = 2 characters in
    assert name.paragraph_format.right_indent == Pt(32)
    assert texts[-1] == "（联系人：局办公室　联系电话：0871-63210000）"
    xml = zipfile.ZipFile(reply_docx).read("word/document.xml").decode()
    assert 'prst="ellipse"' in xml and '<v:oval' in xml  # the seal position, with its VML fallback
    assert "YSQ-2024-0006" in zipfile.ZipFile(reply_docx).read("docProps/custom.xml").decode()


def test_no_seal_when_switched_off(example_copy, tmp_path):
    text = (example_copy / "govdisc.yaml").read_text(encoding="utf-8").replace("  correction_days: 15\n",
                                                                                 "  correction_days: 15\n  seal: false\n")
    (example_copy / "govdisc.yaml").write_text(text, encoding="utf-8")
    out = tmp_path / "r.docx"
    assert run("letter", "YSQ-2024-0006", "reply", "--register", example_copy, "-o", out).exit_code == 0
    assert "ellipse" not in zipfile.ZipFile(out).read("word/document.xml").decode()
    html = run("letter", "YSQ-2024-0006", "reply", "--register", example_copy, "--format", "html").stdout
    assert 'class="seal"' not in html


def test_word_letters_are_reproducible(tmp_path):
    a, b = tmp_path / "a.docx", tmp_path / "b.docx"
    for out in (a, b):
        assert run("letter", "YSQ-2025-0024", "third_party_notice", "--register", EXAMPLE, "-o", out).exit_code == 0
    assert a.read_bytes() == b.read_bytes()


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_opens_the_word_letter(reply_docx, tmp_path):
    res = subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/profile",
                          "--convert-to", "pdf", "--outdir", str(tmp_path), str(reply_docx)],
                         capture_output=True, text=True, timeout=180)
    pdf = tmp_path / "reply.pdf"
    assert res.returncode == 0 and pdf.is_file(), res.stderr
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF") and len(re.findall(rb"/Type\s*/Page\b", data)) >= 1
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, timeout=60).stdout
        assert "政府信息公开申请答复书" in text and "澜川市中级人民法院" in text.replace("\n", "")


def test_markdown_to_stdout_and_format_from_the_file_name(tmp_path):
    res = run("letter", "YSQ-2024-0028", "reply", "--register", EXAMPLE)
    assert res.exit_code == 0 and res.stdout.startswith("**云岭省新闻出版广电局**")
    assert "未指定收件人（--to），信函称“申请人”" in err(res)
    out = tmp_path / "l.html"
    assert run("letter", "YSQ-2024-0028", "reply", "--register", EXAMPLE, "-o", out).exit_code == 0
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
