"""PII rules: resident ID numbers and mobile numbers anywhere in the register."""

from __future__ import annotations

import time
from datetime import date

import pytest
from support import context, record, run_rule

from govdisc.rules import REGISTRY
from govdisc.rules.pii import (find_mobiles, find_resident_ids, id_check_char, is_resident_id, mask_id,
                               mask_mobile)

ID_X = "11010519491231002X"  # the GB 11643 example number
ID_1 = "530102199003071238"
ID_2 = "532527198501010039"


def app(data: dict, path: str = "applications/2024/YSQ-2024-0001.yaml"):
    base = {"id": "YSQ-2024-0001", "channel": "online", "summary": "申请公开许可情况"}
    base.update(data)
    return record("application", path, base)


# the detectors ------------------------------------------------------------------------------


def test_check_character():
    assert id_check_char(ID_X[:17]) == "X"
    assert id_check_char(ID_1[:17]) == "8"
    assert is_resident_id(ID_X) and is_resident_id(ID_1) and is_resident_id(ID_X.lower())


@pytest.mark.parametrize("s", [
    "11010519491231002Y",  # not a check character
    "110105194912310021",  # wrong check digit
    "530102199013071238",  # month 13 (checksum recomputed below would still fail on the date)
    "930102199003071238",  # region code 9…
    "000102199003071238",
    "440524188001010014",  # born 1880
])
def test_invalid_ids(s):
    assert not is_resident_id(s)


def test_invalid_birth_date_even_with_good_checksum():
    body = "53010219900230123"  # 30 February
    assert not is_resident_id(body + id_check_char(body))
    future = "53010220300101123"
    assert not is_resident_id(future + id_check_char(future), latest=date(2026, 2, 1))


def test_find_ids_in_text_and_not_inside_longer_runs():
    assert find_resident_ids(f"身份证号{ID_X}，电话") == [ID_X]
    assert find_resident_ids(f"{ID_1} {ID_2}") == [ID_1, ID_2]
    assert find_resident_ids(f"9{ID_1}") == []
    assert find_resident_ids(f"{ID_1}7") == []
    assert find_resident_ids(f"{ID_1}X") == []


def test_find_mobiles():
    assert find_mobiles("联系电话13812345678") == ["13812345678"]
    assert find_mobiles("+86 138-1234-5678 或 86 139 1234 5678") == ["13812345678", "13912345678"]
    assert find_mobiles("8613812345678") == ["13812345678"]
    assert find_mobiles("12812345678") == []  # 12x is not a mobile prefix
    assert find_mobiles("213812345678") == []  # inside a longer digit run
    assert find_mobiles("138123456789") == []
    assert find_mobiles("0871-64107700") == []  # landline
    assert find_mobiles(ID_1) == []


def test_masks():
    assert mask_id(ID_X) == "110105********002X"
    assert mask_id("11010519491231002x") == "110105********002X"
    assert mask_mobile("13812345678") == "138****5678"


# PII001 -------------------------------------------------------------------------------------


def test_pii001_in_a_nested_value():
    rec = app({"events": [{"type": "correction_notice", "date": "2024-10-10"},
                          {"type": "reply", "date": "2024-10-20", "note": f"申请人张某（身份证 {ID_X}）"}]})
    [f] = run_rule("PII001", [rec])
    assert f.code == "PII001" and f.severity == "error"
    assert f.pointer == ("events", 1, "note")
    assert "110105********002X" in f.message_zh and ID_X not in f.message_zh
    assert f.record == "YSQ-2024-0001"


def test_pii001_any_record_kind_and_several_numbers():
    recs = [record("document", "documents/2024/a.yaml", {"title": f"{ID_1}、{ID_2}"}),
            record("catalog", "catalog/bgs/2024.yaml", {"items": [{"content": ID_1}]})]
    found = run_rule("PII001", recs)
    assert [(f.path, f.pointer) for f in found] == [
        ("documents/2024/a.yaml", ("title",)), ("documents/2024/a.yaml", ("title",)),
        ("catalog/bgs/2024.yaml", ("items", 0, "content"))]


def test_pii001_passes():
    assert run_rule("PII001", [app({"summary": "申请公开2024年度许可情况", "applicant": {"ref": "A-2024-031"},
                                    "note": "110105194912310021", "n": 110105194912310021})]) == []


# PII002 -------------------------------------------------------------------------------------


def test_pii002_mobile_number():
    [f] = run_rule("PII002", [app({"note": "已电话联系申请人（138 1234 5678）"})])
    assert f.pointer == ("note",)
    assert f.message_zh == "登记簿中出现手机号码 138****5678；登记簿不应含有个人信息"


def test_pii002_in_config():
    found = run_rule("PII002", [], config={"contact": "+86-139-1234-5678"})
    assert [(f.path, f.pointer) for f in found] == [("govdisc.yaml", ("contact",))]


def test_pii002_passes():
    assert run_rule("PII002", [app({"note": f"办公电话 0871-64107700；{ID_X}；https://x.gov.cn/art/2024/1234.html",
                                    "received": "2024-09-27"})]) == []


# performance ---------------------------------------------------------------------------------


def test_scan_is_fast_on_a_big_register():
    recs = [app({"submitted": "2024-09-26", "confirmed": "2024-09-27", "handler": "bgs",
                 "applicant": {"kind": "natural_person", "ref": f"A-2024-{i:05d}"},
                 "topics": ["广播电视许可"], "documents": ["云岭新广发〔2024〕12号"],
                 "events": [{"type": "correction_notice", "date": "2024-10-10", "note": "请明确所需信息的时间范围"},
                            {"type": "extension", "date": "2024-11-20", "days": 20, "approved_by": "负责人"}],
                 "reply": {"date": "2024-12-10", "outcome": "disclosed", "note": "已提供 2024 年度 12 件许可决定"}},
                path=f"applications/2024/YSQ-2024-{i:05d}.yaml") for i in range(100_000)]
    ctx = context(recs)
    start = time.perf_counter()
    assert list(REGISTRY["PII001"].check(ctx)) == []
    assert list(REGISTRY["PII002"].check(ctx)) == []
    assert time.perf_counter() - start < 5  # about 0.5 s on a laptop
