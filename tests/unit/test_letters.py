"""Letters: facts from the register and the engine, wording by outcome, goldens, refusals,
numbering, register overrides in the sandbox, identity numbers kept out.

Goldens live in tests/golden/letters/<name>.md (Markdown, as `govdisc letter` prints it). After
a deliberate change of wording or of the example register, rewrite them with
GOVDISC_UPDATE_GOLDEN=1 and review the diff like any other change of text.
"""

from __future__ import annotations

import os
import re
import shutil
import textwrap
from datetime import date
from pathlib import Path

import pytest

from govdisc.calendar import calendar_for, preload
from govdisc.config import Config
from govdisc.letters import KINDS, LetterRefused, build_letter
from govdisc.letters.build import OUTCOMES
from govdisc.letters.numbering import format_number, next_number, number_regex
from govdisc.loading.register import load_register
from govdisc.model import Record
from govdisc.render.letter import abbreviate, cn_num, letter_text, render_letter
from govdisc.resources import schema
from govdisc.rules.pii import find_resident_ids

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "register"
GOLDEN = ROOT / "tests" / "golden" / "letters"
UPDATE = os.environ.get("GOVDISC_UPDATE_GOLDEN") == "1"

#: golden name → (application, kind): every outcome's reply, every other kind once
CASES = {
    "reply-disclosed": ("YSQ-2024-0030", "reply"),  # provided in another form (Art. 40)
    "reply-disclosed-website": ("YSQ-2024-0028", "reply"),  # Art. 36(一)
    "reply-partially_disclosed": ("YSQ-2024-0006", "reply"),
    "reply-withheld": ("YSQ-2024-0012", "reply"),
    "reply-withheld-administrative_query": ("YSQ-2024-0016", "reply"),
    "reply-not_held-nonexistent": ("YSQ-2025-0004", "reply"),
    "reply-not_held-not_responsible": ("YSQ-2024-0037", "reply"),
    "reply-needs_creation": ("YSQ-2024-0003", "reply"),
    "reply-still_unclear": ("YSQ-2024-0017", "reply"),
    "reply-complaint": ("YSQ-2024-0008", "reply"),
    "reply-duplicate": ("YSQ-2024-0019", "reply"),
    "reply-publication": ("YSQ-2024-0007", "reply"),
    "reply-excessive": ("YSQ-2024-0020", "reply"),
    "reply-confirmation": ("YSQ-2024-0018", "reply"),
    "reply-no_correction": ("YSQ-2024-0026", "reply"),
    "reply-no_fee": ("YSQ-2024-0022", "reply"),
    "reply-other": ("YSQ-2024-0025", "reply"),
    "correction": ("YSQ-2024-0017", "correction"),
    "extension": ("YSQ-2024-0030", "extension"),
    "consultation-third_party": ("YSQ-2024-0006", "consultation"),
    "consultation-agency": ("YSQ-2024-0032", "consultation"),
    "third_party_notice": ("YSQ-2025-0024", "third_party_notice"),
    "deferral": ("YSQ-2025-0010", "deferral"),
    "fee": ("YSQ-2025-0027", "fee"),
}


@pytest.fixture(scope="module")
def example():
    loaded = load_register(EXAMPLE, cache=False)
    preload(loaded.root)
    return loaded


def make(loaded, rid: str, kind: str, root: Path | None = None, **kw):
    letter = build_letter(loaded.records, loaded.config, calendar_for(loaded.config), rid, kind, **kw)
    return letter, letter_text(letter, root if root is not None else loaded.root)


def md(loaded, rid: str, kind: str, root: Path | None = None, **kw) -> str:
    letter, text = make(loaded, rid, kind, root, **kw)
    return render_letter(text, "md", root if root is not None else loaded.root).decode("utf-8")


def golden(name: str, text: str) -> None:
    path = GOLDEN / f"{name}.md"
    if UPDATE:
        path.write_text(text, encoding="utf-8")
    assert path.is_file(), f"no golden {path.name}: run with GOVDISC_UPDATE_GOLDEN=1"
    assert text == path.read_text(encoding="utf-8"), f"{name} differs from its golden"


# -- goldens ------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(CASES))
def test_golden(example, name):
    rid, kind = CASES[name]
    golden(name, md(example, rid, kind, to="张某"))


def test_goldens_cover_every_outcome_and_kind(example):
    outcomes = {example_outcome(example, rid) for rid, kind in CASES.values() if kind == "reply"}
    enum = set(schema("defs")["$defs"]["outcome"]["enum"])
    assert outcomes == enum == set(OUTCOMES)
    assert {kind for _, kind in CASES.values()} == set(KINDS)


def example_outcome(loaded, rid: str) -> str:
    return next(r for r in loaded.records if r.id == rid).data["reply"]["outcome"]


# -- what letters say ---------------------------------------------------------------------------


def test_every_application_has_a_reply_letter_in_three_formats(example):
    from io import BytesIO

    from docx import Document

    apps = [r for r in example.records if r.kind == "application"]
    assert len(apps) >= 70
    for rec in apps:
        letter, text = make(example, rec.id, "reply")
        assert text.remedies == ["reconsideration", "litigation"], rec.id
        out = {fmt: render_letter(text, fmt, example.root) for fmt in ("md", "html", "docx")}
        assert letter.number in out["md"].decode() and text.title in out["md"].decode()
        assert "<h1>政府信息公开申请答复书</h1>" in out["html"].decode()
        doc = Document(BytesIO(out["docx"]))
        body = "\n".join(p.text for p in doc.paragraphs)
        assert all(p in body for p in text.paragraphs) and letter.number in body, rec.id


def test_remedies_name_the_organ_and_court_of_govdisc_yaml(example):
    _, text = make(example, "YSQ-2024-0012", "reply")
    last = text.paragraphs[-2]
    assert "60日内向云岭省人民政府申请行政复议" in last and "6个月内向澜川市中级人民法院提起行政诉讼" in last
    assert "第五十一条" in last


def test_regulation_cited_in_full_then_abbreviated():
    out = abbreviate(["依据《中华人民共和国政府信息公开条例》第三十条", "《条例》第十五条和《中华人民共和国政府信息公开条例》第五十一条"])
    assert out == ["依据《中华人民共和国政府信息公开条例》（以下简称《条例》）第三十条", "《条例》第十五条和《条例》第五十一条"]
    assert abbreviate(["依据《中华人民共和国政府信息公开条例》第三十条"]) == ["依据《中华人民共和国政府信息公开条例》第三十条"]
    assert cn_num(1) == "一" and cn_num(10) == "十" and cn_num(12) == "十二" and cn_num(21) == "二十一"


def test_letters_about_events_state_the_engine_dates(example):
    letter, text = make(example, "YSQ-2024-0030", "extension")
    assert letter.dates == {"due_before": "2024-11-19", "reply_due": "2024-12-17"}
    assert "由2024年11月19日延长至2024年12月17日" in "".join(text.paragraphs)
    letter, text = make(example, "YSQ-2025-0010", "deferral")
    assert letter.dates["reply_due"] == "2025-05-20" and "延迟答复的期限至2025年5月20日" in "".join(text.paragraphs)
    letter, _ = make(example, "YSQ-2024-0006", "consultation")
    assert letter.dates == {"answer_due": "2024-04-10"}  # delivered 2024-03-19: 15 working days from then


def test_a_letter_knows_only_what_was_known_on_its_day(example):
    """The correction letter of an application later corrected does not speak of the correction."""
    _, text = make(example, "YSQ-2024-0017", "correction")
    assert "补正后的申请" not in text.paragraphs[0]
    _, reply = make(example, "YSQ-2024-0017", "reply")
    assert "于2024年6月17日收到您补正后的申请" in reply.paragraphs[0]


def test_no_identity_number_in_any_letter(example):
    for rec in (r for r in example.records if r.kind == "application"):
        for kind in KINDS:
            try:
                _, text = make(example, rec.id, kind)
            except LetterRefused:
                continue
            assert not find_resident_ids("".join(text.paragraphs) + text.to)


# -- refusals ----------------------------------------------------------------------------------


def app_record(**data) -> Record:
    base = {"id": "YSQ-2025-0001", "channel": "in_person", "submitted": "2025-11-03", "handler": "bgs",
            "applicant": {"kind": "natural_person", "ref": "A-1"}, "summary": "申请公开某项信息"}
    base.update(data)
    return Record("application", "applications/2025/YSQ-2025-0001.yaml", base)


CONFIG = {"agency": "测试局", "remedies": {"reconsideration": "测试市人民政府", "litigation": "测试市中级人民法院"},
          "letters": {"number": "测试公开{kind}〔{year}〕{seq}号", "fee_payment": "到本局窗口缴纳"}}


def build(rec: Record, kind: str, config: dict | None = None, **kw):
    cfg = Config.from_data(config if config is not None else CONFIG)
    return build_letter([rec], cfg, calendar_for(cfg), rec.id, kind, **kw)


def says(exc: LetterRefused, match: str) -> LetterRefused:
    assert re.search(match, exc.zh), exc.zh
    return exc


def refused(rec: Record, kind: str, match: str, config: dict | None = None, **kw) -> LetterRefused:
    with pytest.raises(LetterRefused) as exc:
        letter_text(build(rec, kind, config, **kw), None)
    return says(exc.value, match)


REPLY = {"date": "2025-11-20", "outcome": "withheld", "exemptions": ["process_info"]}


def test_refusals_write_nothing_and_say_why():
    assert refused(app_record(), "reply", "尚未记录答复").code == "missing"
    assert refused(app_record(reply=REPLY), "extension", "没有延长答复期限事件").code == "missing"
    cfg = Config.from_data(CONFIG)
    with pytest.raises(LetterRefused) as exc:
        build_letter([app_record()], cfg, calendar_for(cfg), "YSQ-2025-0002", "reply")
    assert says(exc.value, "没有编号为 YSQ-2025-0002").code == "not_found"
    refused(app_record(reply={**REPLY, "outcome": "secret_stuff"}), "reply", "没有对应的答复书措辞")
    refused(app_record(reply={"date": "2025-11-20", "outcome": "withheld"}), "reply", "逐项说明不予公开")
    refused(app_record(reply={"date": "2025-11-20", "outcome": "not_held"}), "reply", "not_held_reason")
    refused(app_record(reply={"date": "2025-11-20", "outcome": "not_held", "not_held_reason": "not_responsible"}),
            "reply", "responsible_organ")
    refused(app_record(reply={"date": "2025-11-20", "outcome": "other"}), "reply", "reply.explanation")
    refused(app_record(reply={"date": "2025-11-20", "outcome": "no_fee"}), "reply", "收费通知")
    refused(app_record(reply=REPLY), "reply", "remedies.reconsideration", config={"agency": "测试局"})
    refused(app_record(reply=REPLY), "reply", "只用于事件", nth=1)


def test_event_letters_refuse_what_they_cannot_say():
    notice = {"type": "correction_notice", "date": "2025-11-05"}
    refused(app_record(events=[notice]), "correction", "需要补正的事项")
    fee = {"type": "fee_notice", "date": "2025-11-05"}
    refused(app_record(events=[fee]), "fee", "amount")
    refused(app_record(events=[{**fee, "amount": 100}]), "fee", "letters.fee_payment", config={**CONFIG, "letters": {}})
    tp = [{"type": "consultation_sent", "date": "2025-11-04", "party": "third_party", "written": True},
          {"type": "third_party_notice", "date": "2025-11-10"}]
    refused(app_record(events=tp), "third_party_notice", "决定公开的理由")
    # an extension the engine gives no time is not announced: the engine's reason is given
    late = {"type": "extension", "date": "2025-12-10", "days": 10, "approved_by": "局办公室主任"}
    exc = refused(app_record(events=[late]), "extension", "已于 2025-12-01 届满")
    assert "no notice can be written" in exc.en
    unapproved = {"type": "extension", "date": "2025-11-10", "days": 10}
    refused(app_record(events=[unapproved]), "extension", "批准人")
    refused(app_record(events=[notice | {"note": "x"}, notice | {"date": "2025-11-06", "note": "y"}]), "correction",
            "--nth 应在 1 至 2", nth=3)


def test_identity_numbers_are_refused_not_printed():
    ident = "11010519491231002X"
    rec = app_record(reply={**REPLY, "explanation": f"申请人身份证号{ident}"})
    exc = refused(rec, "reply", "身份证号码")
    assert ident not in exc.zh and "110105********002X" in exc.zh
    refused(app_record(reply=REPLY), "reply", "身份证号码", to=f"张三（{ident}）")


def test_the_nth_event_and_the_letter_date():
    events = [{"type": "correction_notice", "date": "2025-11-04", "note": "第一次"},
              {"type": "correction_notice", "date": "2025-11-06", "note": "第二次"}]
    assert build(app_record(events=events), "correction").context["event"]["note"] == "第二次"
    first = build(app_record(events=events), "correction", nth=1)
    assert first.context["event"]["note"] == "第一次" and first.date == date(2025, 11, 4)
    assert build(app_record(events=events), "correction", letter_date=date(2025, 11, 7)).date == date(2025, 11, 7)
    refused(app_record(events=events), "correction", "早于其告知的事项", letter_date=date(2025, 11, 5))


# -- numbers ------------------------------------------------------------------------------------


def test_numbers_continue_the_year_of_their_pattern():
    cfg = Config.from_data(CONFIG)
    assert format_number(cfg.letter_number, year=2025, seq=3, kind="reply", agency="测试局") == "测试公开答〔2025〕3号"
    rx = number_regex("{agency}〔{year}〕{seq}号", year=2025, kind="reply", agency="测(试).局")
    assert rx.match("测(试).局〔2025〕12号").group(1) == "12" and not rx.match("测试x局〔2025〕12号")
    recorded = app_record(reply={**REPLY, "letter": {"no": "测试公开答〔2025〕7号", "date": "2025-11-20"}}, events=[
        {"type": "correction_notice", "date": "2025-11-04", "letter": {"no": "测试公开补〔2025〕2号", "date": "2025-11-04"}}])
    assert next_number([recorded], cfg, "reply", 2025) == "测试公开答〔2025〕8号"
    assert next_number([recorded], cfg, "correction", 2025) == "测试公开补〔2025〕3号"
    assert next_number([recorded], cfg, "reply", 2026) == "测试公开答〔2026〕1号"  # a new year starts at 1
    shared = Config.from_data({**CONFIG, "letters": {"number": "测试函〔{year}〕{seq}号"}})
    recorded.data["reply"]["letter"]["no"] = "测试函〔2025〕4号"
    assert next_number([recorded], shared, "fee", 2025) == "测试函〔2025〕5号"  # one sequence for all kinds
    per_kind = Config.from_data({**CONFIG, "letters": {"number": "测试函〔{year}〕{seq}号",
                                                       "numbers": {"reply": "测试答〔{year}〕{seq}号"}}})
    assert next_number([recorded], per_kind, "reply", 2025) == "测试答〔2025〕1号"


def test_a_recorded_letter_is_reprinted_with_its_number_and_date():
    rec = app_record(reply={**REPLY, "letter": {"no": "测试公开答〔2025〕7号", "date": "2025-11-21"}})
    letter = build(rec, "reply")
    assert (letter.number, letter.date, letter.recorded) == ("测试公开答〔2025〕7号", date(2025, 11, 21), True)
    refused(rec, "reply", "重印沿用原编号和日期", letter_date=date(2025, 11, 22))


# -- register templates in the sandbox ----------------------------------------------------------


@pytest.fixture()
def overridden(tmp_path, example):
    reg = tmp_path / "register"
    shutil.copytree(EXAMPLE, reg, ignore=shutil.ignore_patterns(".govdisc-cache"))
    (reg / "templates" / "letters").mkdir(parents=True)
    return reg


def override(reg: Path, name: str, text: str) -> None:
    (reg / "templates" / "letters" / name).write_text(textwrap.dedent(text), encoding="utf-8")


def test_register_template_overrides_the_wording(overridden, example):
    override(overridden, "reply.txt.j2", """\
        {% import "letters/_common.txt.j2" as c with context %}
        {% set title = "依申请公开政府信息答复书" %}
        {{ c.opening() }}
        本局已于{{ reply_date|zh_date }}办结您的申请（{{ outcome }}）。
        {% include "default/letters/_remedy_note.txt.j2" ignore missing %}
        {{ c.remedy_paragraph() }}
        此复。
        """)
    golden("override-reply", md(example, "YSQ-2024-0012", "reply", root=overridden, to="张某"))
    letter, text = make(example, "YSQ-2024-0012", "reply", root=overridden)
    assert text.template == "templates/letters/reply.txt.j2" and text.title == "依申请公开政府信息答复书"
    # other kinds still use the shipped wording
    assert make(example, "YSQ-2024-0017", "correction", root=overridden)[1].template == "govdisc"


def test_an_override_can_extend_the_shipped_template(overridden, example):
    override(overridden, "_common.txt.j2", """\
        {% extends "default/letters/_common.txt.j2" %}
        """)
    override(overridden, "correction.txt.j2", """\
        {% import "default/letters/_common.txt.j2" as c with context %}
        {% set title = "补正通知" %}
        {{ c.opening() }}
        请补正：{{ event.note|clause }}。期限{{ correction_days }}个工作日。
        """)
    _, text = make(example, "YSQ-2024-0017", "correction", root=overridden)
    assert text.title == "补正通知" and text.paragraphs[1].startswith("请补正：所需信息的名称") and "10个工作日" in text.paragraphs[1]


@pytest.mark.parametrize("body, match", [
    ("{{ ''.__class__.__mro__[1].__subclasses__() }}", "出错"),
    ("{{ cycler.__init__.__globals__.os.system('id') }}", "出错"),
    ("{% include '/etc/passwd' %}", "出错"),
    ("{% include '../../govdisc.yaml' %}", "出错"),
    ("{{ range(10**9)|list }}", "出错"),
    ("{% if %}", "第 1 行"),
    ("{{ no_such_variable }}", "no_such_variable"),
    ("{{ refuse('本机关不出具此类答复', 'no') }}", "本机关不出具此类答复"),
])
def test_a_template_cannot_read_files_or_run_code(overridden, example, body, match):
    override(overridden, "reply.txt.j2", body + "\n")
    with pytest.raises(LetterRefused) as exc:
        make(example, "YSQ-2024-0012", "reply", root=overridden)
    assert says(exc.value, match).code in ("template", "no_wording")


def test_a_linked_or_oversized_template_is_not_read(overridden, example, tmp_path):
    outside = tmp_path / "outside.txt.j2"
    outside.write_text("{% set title = 'x' %}外部文件\n", encoding="utf-8")
    (overridden / "templates" / "letters" / "reply.txt.j2").symlink_to(outside)
    with pytest.raises(LetterRefused) as exc:
        make(example, "YSQ-2024-0012", "reply", root=overridden)
    says(exc.value, "符号链接")
    (overridden / "templates" / "letters" / "reply.txt.j2").unlink()
    (overridden / "templates" / "letters" / "reply.txt.j2").write_bytes(b"x" * (300 * 1024))
    with pytest.raises(LetterRefused) as exc:
        make(example, "YSQ-2024-0012", "reply", root=overridden)
    says(exc.value, "超过 256 KB")
    (overridden / "templates" / "letters" / "reply.txt.j2").write_bytes("标题".encode("gb18030"))
    with pytest.raises(LetterRefused) as exc:
        make(example, "YSQ-2024-0012", "reply", root=overridden)
    says(exc.value, "UTF-8")


def test_register_text_is_data_not_template_code(tmp_path):
    rec = app_record(summary="申请公开{{ 7*7 }}和{% raw %}", reply={**REPLY, "explanation": "<b>**粗体**</b>"})
    letter = build(rec, "reply")
    text = letter_text(letter, None)
    assert "申请公开{{ 7*7 }}和{% raw %}" in text.paragraphs[0]
    html = render_letter(text, "html", None).decode()
    assert "&lt;b&gt;" in html and "<b>" not in html
    out = render_letter(text, "md", None).decode()
    assert r"\*\*粗体\*\*" in out and "&lt;b&gt;" in out


def test_a_changed_register_template_is_read_again(overridden, example):
    override(overridden, "reply.txt.j2", "{% set title = '甲' %}第一版\n")
    assert make(example, "YSQ-2024-0012", "reply", root=overridden)[1].paragraphs == ["第一版"]
    override(overridden, "reply.txt.j2", "{% set title = '乙' %}第二版，改过了\n")
    _, text = make(example, "YSQ-2024-0012", "reply", root=overridden)
    assert (text.title, text.paragraphs) == ("乙", ["第二版，改过了"])
    (overridden / "templates" / "letters" / "reply.txt.j2").unlink()
    assert make(example, "YSQ-2024-0012", "reply", root=overridden)[1].template == "govdisc"
