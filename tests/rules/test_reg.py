"""REG: identities, references, places, provisional clocks and suppressions."""

from __future__ import annotations

from datetime import date

import pytest

from support import record, run_rule, write_register

from govdisc.check import run_check


def doc(path, no, **extra):
    return record("document", path, {"doc_no": no, "title": "通知", "department": "bgs", "kind": "notice",
                                     "formed": "2024-03-01", "disclosure": "public", **extra})


def test_reg007_duplicate_doc_no():
    a, b = doc("documents/2024/a.yaml", "测试办〔2024〕1号"), doc("documents/2024/b.yaml", "测试办〔2024〕1号")
    (f,) = run_rule("REG007", [a, b])
    assert f.path == "documents/2024/b.yaml" and f.pointer == ("doc_no",) and "documents/2024/a.yaml" in f.message_zh
    assert run_rule("REG007", [a, doc("documents/2024/b.yaml", "测试办〔2024〕2号")]) == []


def test_reg008_unknown_department():
    (f,) = run_rule("REG008", [doc("documents/2024/a.yaml", "测试办〔2024〕1号", department="nosuch")])
    assert f.pointer == ("department",) and "nosuch" in f.message_zh
    assert run_rule("REG008", [doc("documents/2024/a.yaml", "测试办〔2024〕1号")]) == []


def test_reg009_unknown_document_reference():
    app = record("application", "applications/2024/YSQ-2024-0001.yaml",
                 {"id": "YSQ-2024-0001", "documents": ["测试办〔2024〕9号"]})
    (f,) = run_rule("REG009", [app])
    assert f.pointer == ("documents", 0)
    assert run_rule("REG009", [app, doc("documents/2024/a.yaml", "测试办〔2024〕9号")]) == []


def test_reg010_unknown_catalog_item():
    d = doc("documents/2024/a.yaml", "测试办〔2024〕1号", catalog_item="BGS-99")
    (f,) = run_rule("REG010", [d])
    assert f.pointer == ("catalog_item",) and "BGS-99" in f.message_zh
    cat = record("catalog", "catalog/bgs/2024.yaml", {"department": "bgs", "year": 2024, "items": [{"id": "BGS-99"}]})
    assert run_rule("REG010", [d, cat]) == []


def test_reg012_place_mismatch_names_the_place():
    app = record("application", "applications/2024/YSQ-2024-0007.yaml", {"id": "YSQ-2024-0008"})
    (f,) = run_rule("REG012", [app])
    assert "applications/2024/YSQ-2024-0007.yaml" in f.message_zh and "{" not in f.message_zh
    assert run_rule("REG012", [record("application", "applications/2024/YSQ-2024-0007.yaml",
                                      {"id": "YSQ-2024-0007"})]) == []


def test_reg011_provisional_deadline_and_override():
    app = record("application", "applications/2028/YSQ-2028-0001.yaml",
                 {"id": "YSQ-2028-0001", "channel": "in_person", "submitted": "2028-03-01"})
    found = run_rule("REG011", [app], as_of=date(2028, 3, 2))
    assert found and found[0].path == "applications/2028/YSQ-2028-0001.yaml"
    known = run_rule("REG011", [app], config={"calendar": {"holidays": ["2028-01-01"]}}, as_of=date(2028, 3, 2))
    assert known == []


def test_reg014_reg015_suppressions(tmp_path):
    root = write_register(tmp_path / "r", {
        "documents/2026/a.yaml": """\
            doc_no: 测试办[2026]1号  # govdisc: ignore[DOC001]
            title: 通知
            department: bgs
            kind: internal
            formed: 2026-02-02
            disclosure: not_public
            withholding: {reason: internal_affairs, explanation: 内部事务}  # govdisc: ignore[APP001] 无关
            """,
    })
    found = {f.code: f for f in run_check(root, date(2026, 3, 2)).findings}
    assert "DOC001" not in found  # suppressed on its line
    assert found["REG014"].line == 1 and found["REG015"].line == 7


@pytest.mark.parametrize("name", ["Asia/Shangai", "Asia", "x" * 300])
def test_reg021_unknown_timezone(name):
    (f,) = run_rule("REG021", [], config={"timezone": name})
    assert f.pointer == ("timezone",) and f.path == "govdisc.yaml"
    assert run_rule("REG021", [], config={"timezone": "Asia/Shanghai"}) == []


def test_reg007_an_application_and_an_opinion_may_not_share_an_id():
    """`event` finds records by id across kinds, so check must report the clash too (issue 18)."""
    app = record("application", "applications/2024/YSQ-2024-0001.yaml", {"id": "YSQ-2024-0001"})
    opn = record("opinion", "opinions/2024/YSQ-2024-0001.yaml", {"id": "YSQ-2024-0001"})
    (f,) = run_rule("REG007", [app, opn])
    assert f.path == "opinions/2024/YSQ-2024-0001.yaml" and "applications/2024/YSQ-2024-0001.yaml" in f.message_zh
    doc_named_like_it = doc("documents/2024/a.yaml", "YSQ-2024-0001")  # a 发文字号 is another namespace
    assert run_rule("REG007", [app, doc_named_like_it]) == []


@pytest.mark.parametrize("due, bad", [("02-30", True), ("02-29", True), ("13-01", True), ("01-31", False),
                                      ("12-31", False)])
def test_report_due_must_be_a_day_every_year_has(tmp_path, due, bad):
    root = write_register(tmp_path, {}, config=f'agency: 测试局\noffice: bgs\ndepartments:\n  - {{id: bgs, name: 办公室}}\n'
                                                f'report_due: "{due}"\n')
    found = [f for f in run_check(root, date(2026, 2, 1)).findings if f.path == "govdisc.yaml" and f.code == "REG005"]
    assert bool(found) == bad
    if bad:
        assert "report_due" in found[0].message_zh and found[0].line == 5


@pytest.mark.parametrize("name", ["办公室\nreply: x", "办公室\rx", "办公室\u2028x", "办公室\u2029x", "办公室\x85x"])
def test_names_in_the_config_are_single_lines(tmp_path, name):
    import json

    root = write_register(tmp_path, {}, config=f"agency: 测试局\noffice: bgs\ndepartments:\n"
                                                f"  - {{id: bgs, name: {json.dumps(name)}}}\n")
    found = [f for f in run_check(root, date(2026, 2, 1)).findings if f.path == "govdisc.yaml" and f.code == "REG005"]
    assert len(found) == 1 and "name" in found[0].message_en and "one line" in found[0].message_en


def test_suppressions_match_in_one_pass_and_are_read_up_to_a_limit():
    """Matching findings to comments was findings × comments (114 s for 19,000 of each); a file
    of comments cannot make a finding of each either: past MAX_MARKS they are not read."""
    from govdisc.codes import finding
    from govdisc.rules.suppress import MAX_MARKS, apply_suppressions

    lines = ["# govdisc: ignore[APP002] 整条记录", "id: YSQ-2024-0001"] + [
        f"k{i}: 1  # govdisc: ignore[APP001] 理由" for i in range(MAX_MARKS + 5)]
    text = "\n".join(lines) + "\n"
    found = [finding("APP001", "a.yaml", line=n, column=1) for n in range(3, len(lines) + 1)]
    found.append(finding("APP002", "a.yaml", line=2, column=1))
    kept = apply_suppressions("a.yaml", text, found)
    assert [f.code for f in kept] == ["APP001"] * 6  # the whole-record mark holds; the last marks are not read
    assert [f.line for f in kept] == list(range(len(lines) - 5, len(lines) + 1))
