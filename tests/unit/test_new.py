"""`govdisc new KIND`: ids, dates in the right fields, Chinese comments, schema-valid output."""

from __future__ import annotations

import re
from datetime import date, datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from govdisc.authoring import fieldhelp
from govdisc.authoring.errors import AuthoringError
from govdisc.authoring.init import init_register
from govdisc.authoring.new import (document_file_stem, new_application, new_catalog, new_document, new_meeting,
                                   new_opinion, new_record, new_review)
from govdisc.authoring.yamltext import scalar
from govdisc.check import run_check
from govdisc.loading.yamlio import load_text

MODELINE = "# yaml-language-server: $schema="
CONFIG = """agency: 测试局
office: bgs
departments:
  - {id: bgs, name: 办公室, role: office}
  - {id: gbc, name: 广播电视处, role: business}
"""


@pytest.fixture
def root(tmp_path: Path) -> Path:
    init_register(tmp_path, "测试局")
    (tmp_path / "govdisc.yaml").write_text(CONFIG, encoding="utf-8")
    return tmp_path


def data_of(path: Path) -> dict:
    data, err = load_text(path.read_text(encoding="utf-8"))
    assert err is None, err
    return data


def errors(root: Path, as_of: date = date(2024, 10, 1)) -> list[tuple[str, str, str]]:
    result = run_check(root, as_of)
    return [(f.code, f.path, f.message_zh) for f in result.findings if f.severity == "error"]


def assert_modeline(path: Path, kind: str) -> None:
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith(MODELINE)
    schema = (path.parent / first[len(MODELINE):]).resolve()
    assert schema.is_file() and schema.name == f"{kind}.schema.json"


def assert_commented(path: Path, kind: str, skip: tuple[str, ...] = ()) -> None:
    """Every top-level key line carries a Chinese comment beginning with the schema's title."""
    for line in path.read_text(encoding="utf-8").splitlines():
        m = re.match(r"^([a-z_]+):", line)
        if m and m.group(1) not in skip:
            assert "# " + fieldhelp.title(kind, m.group(1)) in line, line


# -- application ---------------------------------------------------------------------------------


@pytest.mark.parametrize("channel, fields", [
    ("in_person", {"submitted": "2024-09-27"}),
    ("mail_signed", {"submitted": "2024-09-27", "signed_for": "2024-09-27"}),
    ("mail_unsigned", {"submitted": "2024-09-27", "confirmed": "2024-09-27"}),
    ("online", {"submitted": "2024-09-27", "confirmed": "2024-09-27"}),
    ("fax", {"submitted": "2024-09-27", "confirmed": "2024-09-27"}),
])
def test_application_received_date_goes_where_the_channel_needs_it(root: Path, channel: str, fields: dict) -> None:
    r = new_application(root, received=date(2024, 9, 27), channel=channel, applicant_kind="natural_person",
                        summary="申请公开某文件", today=date(2024, 9, 27))
    data = data_of(r.path)
    assert {k: data[k] for k in ("submitted", "signed_for", "confirmed") if k in data} == fields
    assert r.todo == []
    assert errors(root) == []


def test_application_confirmed_and_all_options(root: Path) -> None:
    r = new_application(root, received=date(2024, 9, 26), channel="online", applicant_kind="business",
                        summary="申请公开2024年度广播电视节目制作经营许可证核发情况", confirmed=date(2024, 9, 27),
                        topics=["广播电视许可", "2024"], handler="gbc", applicant_ref="A-2024-031",
                        documents=["云岭新广发〔2024〕12号"], today=date(2024, 9, 27))
    assert r.path == root / "applications/2024/YSQ-2024-0001.yaml"
    assert r.record_id == "YSQ-2024-0001"
    data = data_of(r.path)
    assert data == {
        "id": "YSQ-2024-0001", "channel": "online", "submitted": "2024-09-26", "confirmed": "2024-09-27",
        "handler": "gbc", "applicant": {"kind": "business", "ref": "A-2024-031"},
        "summary": "申请公开2024年度广播电视节目制作经营许可证核发情况", "topics": ["广播电视许可", "2024"],
        "documents": ["云岭新广发〔2024〕12号"],
    }
    text = r.path.read_text(encoding="utf-8")
    assert "confirmed: 2024-09-27" in text  # dates unquoted
    assert_modeline(r.path, "application")
    assert_commented(r.path, "application")
    # errors(): the referenced document is not registered (a dangling reference), nothing else
    assert all("云岭新广发" in msg for _, _, msg in errors(root))


def test_application_ids_follow_the_year_sequence(root: Path) -> None:
    args = dict(channel="in_person", applicant_kind="other", summary="x")
    a = new_application(root, received=date(2024, 3, 1), **args)
    b = new_application(root, received=date(2024, 3, 2), **args)
    c = new_application(root, received=date(2025, 1, 2), **args)
    assert [a.record_id, b.record_id, c.record_id] == ["YSQ-2024-0001", "YSQ-2024-0002", "YSQ-2025-0001"]
    (root / "applications/2024/YSQ-2024-0041.yaml").write_text("id: YSQ-2024-0041\n")
    assert new_application(root, received=date(2024, 3, 3), **args).record_id == "YSQ-2024-0042"


def test_application_prefix_from_config(root: Path) -> None:
    (root / "govdisc.yaml").write_text(CONFIG + "application_id_prefix: YNXW\n", encoding="utf-8")
    r = new_application(root, received=date(2024, 3, 1), channel="in_person", applicant_kind="other", summary="x")
    assert r.record_id == "YNXW-2024-0001"
    assert errors(root, date(2024, 3, 1)) == []


def test_application_year_is_that_of_the_legal_receipt_date(root: Path) -> None:
    r = new_application(root, received=date(2024, 12, 31), confirmed=date(2025, 1, 2), channel="online",
                        applicant_kind="other", summary="x")
    assert r.record_id == "YSQ-2025-0001"
    assert r.path.parent.name == "2025"


@pytest.mark.parametrize("kwargs, match", [
    (dict(channel="email"), "--channel"),
    (dict(applicant_kind="person"), "--applicant-kind"),
    (dict(handler="nobody"), "departments"),
    (dict(channel="in_person", confirmed=date(2024, 9, 28)), "--confirmed"),
    (dict(confirmed=date(2024, 9, 1)), "早于"),
    (dict(summary="  "), "--summary"),
])
def test_application_refusals_write_nothing(root: Path, kwargs: dict, match: str) -> None:
    args = dict(received=date(2024, 9, 27), channel="online", applicant_kind="natural_person", summary="x")
    args.update(kwargs)
    with pytest.raises(AuthoringError, match=match) as exc:
        new_application(root, **args)
    assert exc.value.zh and exc.value.en
    assert not (root / "applications/2024").exists()


def test_application_tricky_text_reads_back_exactly(root: Path) -> None:
    tricky = ["true", "2024-01-01", "123", "null", "a: b", "#标签", "- 列表", "引号\"和'", "  空格 ", "多行\n文本",
              "{x}", "a # b", "~", "yes"]
    r = new_application(root, received=date(2024, 9, 27), channel="in_person", applicant_kind="other",
                        summary=tricky[0], topics=tricky)
    data = data_of(r.path)
    assert data["summary"] == "true"
    assert data["topics"] == tricky


@settings(max_examples=500, deadline=None)
@given(st.text(st.characters(blacklist_categories=("Cs",)), max_size=30))
def test_scalars_round_trip(text: str) -> None:
    """Any string (control characters included) is written so that it reads back exactly."""
    for flow in (False, True):
        doc = f"k: [{scalar(text, flow=True)}]\n" if flow else f"k: {scalar(text)}  # c\n"
        doc.encode("utf-8")
        data, err = load_text(doc)
        assert err is None, (text, doc)
        assert data["k"] == ([text] if flow else text)


# -- document ------------------------------------------------------------------------------------


def test_document_complete_is_valid(root: Path) -> None:
    r = new_document(root, doc_no="测试办〔2024〕12号", title="关于印发《政务公开工作实施办法》的通知",
                     kind="normative", disclosure="public", formed=date(2024, 3, 1), topics=["政务公开"],
                     important_policy=False, today=date(2024, 3, 1))
    assert r.path == root / "documents/2024/测试办〔2024〕12号.yaml"
    assert r.todo == []
    data = data_of(r.path)
    assert data["doc_no"] == "测试办〔2024〕12号" and data["formed"] == "2024-03-01" and data["department"] == "bgs"
    assert_modeline(r.path, "document")
    assert_commented(r.path, "document")
    assert not [e for e in errors(root, date(2024, 3, 2)) if e[0].startswith("REG")]


def test_document_withheld_needs_reason(root: Path) -> None:
    r = new_document(root, doc_no="测试办〔2024〕13号", title="内部通知", kind="internal", disclosure="not_public",
                     reason="internal_affairs", explanation="属于内部事务信息", today=date(2024, 3, 1))
    assert data_of(r.path)["withholding"] == {"reason": "internal_affairs", "explanation": "属于内部事务信息"}
    assert r.todo == []


def test_document_missing_options_are_left_for_the_clerk(root: Path) -> None:
    r = new_document(root, doc_no="测试办〔2024〕14号", today=date(2024, 3, 1))
    todo = " ".join(zh for zh, _ in r.todo)
    for key in ("title", "kind", "disclosure"):
        assert key in todo
    assert data_of(r.path)["formed"] == "2024-03-01"


def test_document_of_another_year_does_not_guess_the_formation_date(root: Path) -> None:
    r = new_document(root, doc_no="测试办〔2023〕9号", title="x", today=date(2024, 3, 1))
    assert r.path.parent.name == "2023"
    assert data_of(r.path)["formed"] is None
    assert any("formed" in zh for zh, _ in r.todo)


def test_document_duplicate_doc_no_refused(root: Path) -> None:
    new_document(root, doc_no="测试办〔2024〕12号", title="a", today=date(2024, 3, 1))
    with pytest.raises(AuthoringError) as exc:
        new_document(root, doc_no="测试办〔2024〕12号", title="b", name="other", today=date(2024, 3, 1))
    assert exc.value.code == "exists"
    assert not (root / "documents/2024/other.yaml").exists()


def test_document_file_names() -> None:
    assert document_file_stem("云岭新广办〔2024〕12号") == "云岭新广办〔2024〕12号"
    assert document_file_stem("办/函 2024:3") == "2024-3"


# -- opinion, meeting ----------------------------------------------------------------------------


def test_opinion(root: Path) -> None:
    r = new_opinion(root, title="某地有线电视停播引发关注", level="major", detected_at="2024-07-02 08:30",
                    summary="概要")
    assert r.record_id == "YQ-2024-001"
    assert data_of(r.path)["detected_at"] == "2024-07-02 08:30"
    assert r.todo == []
    assert_modeline(r.path, "opinion")
    assert_commented(r.path, "opinion")
    assert new_opinion(root, title="x", level="general", detected_at="2024-08-01 09:00").record_id == "YQ-2024-002"


def test_opinion_detected_now_by_default(root: Path) -> None:
    from zoneinfo import ZoneInfo

    now = datetime(2024, 12, 31, 17, 30, tzinfo=ZoneInfo("UTC"))  # 01:30 on 1 Jan 2025 in Shanghai
    r = new_opinion(root, title="x", level="general", now=now)
    assert data_of(r.path)["detected_at"] == "2025-01-01 01:30"
    assert r.record_id == "YQ-2025-001"


def test_opinion_bad_time_refused(root: Path) -> None:
    with pytest.raises(AuthoringError):
        new_opinion(root, title="x", level="major", detected_at="2024-07-02")


def test_meeting(root: Path) -> None:
    r = new_meeting(root, meeting_date=date(2024, 5, 20), body="局党组会",
                    items=["major_reform:关于改革方案", "livelihood：关于民生事项", "other:其他"], department="gbc")
    assert r.record_id == "HY-2024-01"
    data = data_of(r.path)
    assert [(i["kind"], i["title"], i["department"]) for i in data["items"]] == [
        ("major_reform", "关于改革方案", "gbc"), ("livelihood", "关于民生事项", "gbc"), ("other", "其他", "gbc")]
    assert r.todo == []
    assert_modeline(r.path, "meeting")
    assert_commented(r.path, "meeting")


def test_meeting_item_without_kind_is_a_todo(root: Path) -> None:
    r = new_meeting(root, meeting_date=date(2024, 5, 20), body="局长办公会", items=["没有类别的议题"])
    assert [zh for zh, _ in r.todo] == ["items.0.kind（议题类别）尚未填写"]


# -- catalog, review -----------------------------------------------------------------------------


def test_catalog_skeleton_and_copy_from_previous_year(root: Path) -> None:
    first = new_catalog(root, department="bgs", year=2024, today=date(2023, 12, 1))
    assert first.path == root / "catalog/bgs/2024.yaml"
    assert first.todo  # the item skeleton is to be filled in
    assert_modeline(first.path, "catalog")
    prev = root / "catalog/bgs/2024.yaml"
    prev.write_text("""department: bgs
year: 2024
compiled: 2023-12-01
items:
  # 机构信息
  - id: BGS-01
    title: 机构职能
    category: organization
    stage: decision
    content: 本局职能
    time_limit: 常态公开   # 长期
    channels: [门户网站]
""", encoding="utf-8")
    r = new_catalog(root, department="bgs", year=2025, today=date(2024, 12, 1))
    text = r.path.read_text(encoding="utf-8")
    assert "  # 机构信息\n  - id: BGS-01" in text and "time_limit: 常态公开   # 长期" in text
    assert data_of(r.path)["items"] == data_of(prev)["items"]
    assert r.todo == []
    with pytest.raises(AuthoringError):
        new_catalog(root, department="bgs", year=2025)


def test_review_lists_what_must_be_examined(root: Path) -> None:
    new_document(root, doc_no="测试办〔2024〕40号", title="不公开的文件", kind="internal", disclosure="not_public",
                 reason="internal_affairs", explanation="内部事务", today=date(2024, 3, 1))
    new_document(root, doc_no="测试办〔2024〕41号", title="公开的文件", kind="notice", disclosure="public",
                 today=date(2024, 3, 1))
    for i in range(3):
        new_application(root, received=date(2024, 4, 1 + i), channel="in_person", applicant_kind="other",
                        summary="x", topics=["广播电视许可"])
    r = new_review(root, department="bgs", year=2024, today=date(2024, 12, 20))
    data = data_of(r.path)
    assert [w["document"] for w in data["withheld_reexamined"]] == ["测试办〔2024〕40号"]
    assert data["frequent_requests"] == [{"subject": "广播电视许可", "applications": 3, "action": None}]
    assert {zh.split("（")[0] for zh, _ in r.todo} == {"withheld_reexamined.0.conclusion",
                                                     "frequent_requests.0.action"}


def test_review_of_a_quiet_year_is_valid(root: Path) -> None:
    r = new_review(root, department="gbc", year=2024, today=date(2024, 12, 20))
    assert r.todo == []
    assert_commented(r.path, "review")


# -- dispatch ------------------------------------------------------------------------------------


def test_new_record_dispatch(root: Path) -> None:
    r = new_record(root, "opinion", title="x", level="general", detected_at="2024-07-02 08:30", department=None,
                   topics=())
    assert r.record_id == "YQ-2024-001"
    with pytest.raises(AuthoringError, match="--days"):
        new_record(root, "opinion", title="x", days=3)
    with pytest.raises(AuthoringError, match="--received"):
        new_record(root, "application", channel="online", applicant_kind="other", summary="x")
    with pytest.raises(AuthoringError):
        new_record(root, "nosuch")


# -- guide, assessment, participation -------------------------------------------------------------


def test_guide_assessment_participation(root: Path) -> None:
    from govdisc.authoring.new import new_assessment, new_guide, new_participation

    g = new_guide(root, today=date(2024, 10, 1))
    data = data_of(g.path)
    assert data["office"]["name"] == "测试局办公室" and data["classification"][0]["name"]
    assert_modeline(g.path, "guide")
    assert any("office.address" in zh for zh, _ in g.todo)
    with pytest.raises(AuthoringError, match="已存在"):
        new_guide(root)
    a = new_assessment(root, today=date(2025, 1, 10))
    assert a.path == root / "assessments" / "2024.yaml" and data_of(a.path)["target_assessment"]["included"] is True
    assert a.todo == []
    p = new_participation(root, kind="hearing", title="听证会", meeting_date=date(2024, 5, 28), meeting="HY-2024-06",
                          items=["收视维护费调整方案"], today=date(2024, 10, 1))
    assert p.record_id == "CY-2024-001" and data_of(p.path)["decision"] == {"meeting": "HY-2024-06",
                                                                            "item": "收视维护费调整方案"}
    assert p.todo == []
    c = new_participation(root, kind="channel", title="96128热线", meeting_date=date(2024, 12, 31),
                          today=date(2025, 1, 2))
    assert {zh.split("（")[0] for zh, _ in c.todo} == {"channel", "received", "handled"}
    with pytest.raises(AuthoringError, match="--kind"):
        new_participation(root, kind="party", title="x")
