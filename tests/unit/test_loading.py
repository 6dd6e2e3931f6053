"""Loading and locating: every kind of bad input becomes a located finding, never an exception."""

from __future__ import annotations

from pathlib import Path

import pytest

from govdisc.loading.files import parse_file
from govdisc.loading.layout import RegisterNotFound, classify, find_root, scan
from govdisc.loading.yamlio import C_LOADER, load_roundtrip, load_text, locate

DOC = "documents/2024/a.yaml"


def test_c_loader_is_used():
    assert C_LOADER, "ruamel.yaml's C extension (ruamel.yaml[libyaml]) should be installed"


def test_dates_stay_strings_and_yaml12_booleans():
    data, err = load_text("formed: 2024-09-27\nrule: off\nflag: true\n")
    assert err is None
    assert data == {"formed": "2024-09-27", "rule": "off", "flag": True}


@pytest.mark.parametrize(
    "pointer, anchor, expected",
    [
        (("b", "c"), "value", (3, 6)),
        (("b", "d", 1), "value", (4, 10)),
        (("b", "d", 2, "e"), "value", (4, 17)),
        (("b", "f"), "key", (5, 3)),
        (("b",), "value", (3, 3)),
        (("missing",), "value", (1, 1)),
    ],
)
def test_locate(pointer, anchor, expected):
    tree = load_roundtrip("a: 1\nb:\n  c: 2024-09-27\n  d: [x, y, {e: 1}]\n  f: maybe\n")
    assert locate(tree, pointer, anchor) == expected


def spec(path: str = DOC):
    return classify(path)


def codes(result):
    return [(f.code, f.line, f.column) for f in result.findings]


def test_syntax_error_is_located():
    res = parse_file(spec(), b"a: [1\nb: 2\n")
    assert codes(res) == [("REG001", 2, 2)]
    assert res.data is None


def test_duplicate_key_is_located_and_names_first_line():
    res = parse_file(spec(), "title: 一\ntitle: 二\n".encode())
    (f,) = res.findings
    assert (f.code, f.line) == ("REG002", 2)
    assert "title" in f.message_zh and "第 1 行" in f.message_zh


def test_not_utf8_is_located_at_the_byte():
    res = parse_file(spec(), "title: 通知\nx: ".encode() + "公文".encode("gbk") + b"\n")
    (f,) = res.findings
    assert f.code == "REG003" and f.line == 2 and f.column == 4


@pytest.mark.parametrize("raw", [b"", b"   \n# only a comment\n", b"---\n"])
def test_empty_file(raw):
    assert [f.code for f in parse_file(spec(), raw).findings] == ["REG004"]


@pytest.mark.parametrize("raw", [b"- a\n- b\n", b"just text\n", b"42\n"])
def test_not_a_mapping(raw):
    assert [f.code for f in parse_file(spec(), raw).findings] == ["REG004"]


def test_bom_is_accepted():
    raw = "\ufeffdoc_no: 测试办〔2024〕1号\n".encode()
    res = parse_file(spec(), raw)
    assert res.data["doc_no"] == "测试办〔2024〕1号"


def test_schema_error_at_exact_line():
    text = (
        "doc_no: 测试办〔2024〕1号\ntitle: 通知\ndepartment: bgs\nkind: notice\n"
        "formed: 2024-03-01\n# 公开属性\ndisclosure: maybe\n"
    )
    res = parse_file(spec(), text.encode())
    (f,) = res.findings
    assert (f.code, f.line, f.column) == ("REG005", 7, 13)
    assert "maybe" in f.message_zh and "public" in f.message_zh
    assert f.record == "测试办〔2024〕1号"


def test_missing_key_points_at_parent_mapping():
    text = "doc_no: 测试办〔2024〕1号\ntitle: 通知\ndepartment: bgs\nkind: notice\nformed: 2024-03-01\n"
    res = parse_file(spec(), text.encode())
    (f,) = res.findings
    assert f.code == "REG005" and (f.line, f.column) == (1, 1) and "disclosure" in f.message_zh


def test_nested_error_points_inside_flow_mapping():
    text = (
        "id: YSQ-2024-0001\nchannel: online\nsubmitted: 2024-03-01\nhandler: bgs\n"
        "applicant: {kind: natural_person}\nsummary: 申请\nevents:\n"
        "  - {type: correction_notice, date: 2024-03-05}\n  - {type: extenson, date: 2024-03-09}\n"
    )
    res = parse_file(spec("applications/2024/YSQ-2024-0001.yaml"), text.encode())
    (f,) = res.findings
    assert (f.line, f.column) == (9, 12) and "extension" in f.message_zh


@pytest.mark.parametrize(
    "path, kind",
    [
        ("govdisc.yaml", "config"),
        ("catalog/bgs/2024.yaml", "catalog"),
        ("documents/2024/x.yaml", "document"),
        ("applications/2024/YSQ-2024-0001.yaml", "application"),
        ("opinions/2024/YQ-2024-001.yml", "opinion"),
        ("meetings/2024/HY-2024-01.yaml", "meeting"),
        ("activities/2024.yaml", "activities"),
        ("reviews/bgs/2024.yaml", "review"),
        ("reports/2024.yaml", "report"),
        ("documents/x.yaml", None),
        ("documents/2024/sub/x.yaml", None),
        ("reports/2024/x.yaml", None),
    ],
)
def test_classify(path, kind):
    assert classify(path).kind == kind


def test_find_root_walks_upwards(tmp_path: Path):
    (tmp_path / "govdisc.yaml").write_text("agency: x\n", encoding="utf-8")
    deep = tmp_path / "documents" / "2024"
    deep.mkdir(parents=True)
    assert find_root(start=deep) == tmp_path.resolve()
    with pytest.raises(RegisterNotFound):
        find_root(explicit=tmp_path / "documents")


def test_scan_skips_hidden_and_cache(tmp_path: Path):
    (tmp_path / "govdisc.yaml").write_text("agency: x\n", encoding="utf-8")
    for rel in ("documents/2024/a.yaml", "documents/.hidden/b.yaml", "documents/2024/.c.yaml",
                ".govdisc-cache/d.yaml", "notes/e.yaml", "documents/2024/readme.md"):
        p = tmp_path / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text("a: 1\n", encoding="utf-8")
    assert [s.path for s in scan(tmp_path)] == ["govdisc.yaml", "documents/2024/a.yaml"]


def test_flow_mapping_datetime_that_libyaml_refuses_still_loads():
    data, err = load_text("releases:\n  - {at: 2024-07-02 12:10, channel: 门户网站}\n")
    assert err is None and data["releases"][0]["at"] == "2024-07-02 12:10"


def test_aliases_are_refused_before_they_can_expand():
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 9)]
    res = parse_file(spec(), ("\n".join(lines) + "\n").encode())
    assert [(f.code, f.line) for f in res.findings] == [("REG016", 2)]
    assert res.data is None


def test_stars_in_text_are_not_aliases():
    res = parse_file(spec(), "doc_no: 测试办〔2024〕1号\ntitle: '*重要* 通知 & 公告'\n".encode())
    assert all(f.code != "REG016" for f in res.findings)


@pytest.mark.parametrize("text", ["a: " + "[" * 5000 + "]" * 5000 + "\n", "a: " + "[" * 60 + "]" * 60 + "\n",
                                  "r: {at: 2024-07-02 12:10, x: " + "[" * 60 + "]" * 60 + "}\n"])
def test_absurd_nesting_is_a_finding(text):
    res = parse_file(spec(), text.encode())
    assert [f.code for f in res.findings] == ["REG001"] and "嵌套" in res.findings[0].message_zh
