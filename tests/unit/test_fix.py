"""`check --fix`: certain corrections only, comments and bytes elsewhere kept (govdisc.authoring.fix)."""

from __future__ import annotations

import codecs
from datetime import date
from pathlib import Path

import pytest

from govdisc import validation
from govdisc.authoring.fix import _replace_scalar, apply_fixes, plan_fixes
from govdisc.check import run_check
from govdisc.loading.yamlio import load_roundtrip, locate

from support import write_register

AS_OF = date(2026, 3, 2)


@pytest.mark.parametrize("value, fmt, fixed", [
    ("2024-9-5", "date", "2024-09-05"),
    ("2024-09-5", "date", "2024-09-05"),
    ("2024-2-30", "date", None),  # no such day: not a padding mistake
    ("24-9-5", "date", None),
    ("2024-7-2 8:30", "govdisc-datetime", "2024-07-02 08:30"),
    ("2024-07-02 08:30", "govdisc-datetime", None),
])
def test_padding_fixes_only_real_dates(value, fmt, fixed):
    assert validation._padded(value, fmt) == fixed


def test_case_fix_needs_exactly_one_match():
    assert validation._case_fix("Public", ["public", "not_public"]) == "public"
    assert validation._case_fix("publik", ["public"]) is None
    assert validation._case_fix("A", ["a", "A_"]) == "a"


@pytest.mark.parametrize("text, pointer, old, new, expected", [
    ("a: 2024-9-5  # 注释\n", ("a",), "2024-9-5", "2024-09-05", "a: 2024-09-05  # 注释\n"),
    ("a: '2024-9-5'\n", ("a",), "2024-9-5", "2024-09-05", "a: '2024-09-05'\n"),
    ('a: {b: "Public", c: 1}\n', ("a", "b"), "Public", "public", 'a: {b: "public", c: 1}\n'),
    ("a:\n  - x\n  - Public\n", ("a", 1), "Public", "public", "a:\n  - x\n  - public\n"),
    ("a: |\n  Public\n", ("a",), "Public\n", "public\n", None),  # block scalar: refused
])
def test_replace_scalar_touches_only_the_value(text, pointer, old, new, expected):
    assert _replace_scalar(text, pointer, old, new) == expected


def test_fix_keeps_crlf_and_bom(tmp_path: Path):
    root = write_register(tmp_path / "r", {})
    doc = root / "documents" / "2026" / "a.yaml"
    doc.parent.mkdir(parents=True)
    body = ("doc_no: 测试办〔2026〕1号\r\ntitle: 通知\r\ndepartment: bgs\r\nkind: Notice\r\n"
            "formed: 2026-2-2   # 形成日期\r\ndisclosure: not_public\r\n"
            "withholding: {reason: process_info, explanation: 内部请示}\r\n")
    doc.write_bytes(codecs.BOM_UTF8 + body.encode("utf-8"))
    result = run_check(root, AS_OF)
    plan = plan_fixes(root, result.findings, AS_OF)
    assert plan.fixed() == 2
    assert apply_fixes(root, plan) == ["documents/2026/a.yaml"]
    raw = doc.read_bytes()
    assert raw.startswith(codecs.BOM_UTF8)
    assert raw.decode("utf-8-sig") == body.replace("kind: Notice", "kind: notice").replace("2026-2-2", "2026-02-02")


def test_a_file_changed_meanwhile_is_not_overwritten(tmp_path: Path):
    root = write_register(tmp_path / "r", {"documents/2026/a.yaml": "doc_no: 测试办[2026]1号\n"})
    result = run_check(root, AS_OF)
    plan = plan_fixes(root, result.findings, AS_OF)
    (root / "documents/2026/a.yaml").write_text("doc_no: 别人改过〔2026〕1号\n", encoding="utf-8")
    assert apply_fixes(root, plan) == []
    assert (root / "documents/2026/a.yaml").read_text(encoding="utf-8") == "doc_no: 别人改过〔2026〕1号\n"


def test_locate_blank_values_and_missing_keys():
    text = "a: 1\nw:\n  reason:\n  # 注释\n\nb: 2\n"
    tree = load_roundtrip(text)
    assert locate(tree, ("w", "reason")) == (3, 3)  # the blank's own line, not the next token's
    assert locate(tree, ("w", "reason"), "missing") == (3, 3)
    assert locate(tree, ("w", "explanation"), "missing") == (3, 3)  # the mapping it belongs in
    assert locate(tree, ("x", "y"), "missing") == (1, 1)
