"""Recording a letter in the register (letter --record): one key added to an event or to the
reply, every other line kept byte for byte, whatever the file's style."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from govdisc.authoring.errors import AuthoringError
from govdisc.authoring.letter import plan_record, record_letter, set_in_item
from govdisc.letters.build import Letter
from govdisc.loading.yamlio import load_text

LETTER = {"no": "测试公开延〔2025〕1号", "date": "2025-12-01"}


def added(old: str, new: str) -> list[str]:
    a, b = old.splitlines(), new.splitlines()
    return [line for line in b if line not in a]


@pytest.mark.parametrize("text, line", [
    ("events:\n  - {type: correction_notice, date: 2025-11-05}\n  - {type: extension, date: 2025-12-01, days: 10}  # 批准\n",
     "  - {type: extension, date: 2025-12-01, days: 10, letter: {no: 测试公开延〔2025〕1号, date: 2025-12-01}}  # 批准"),
    ("events:\n- { type: correction_notice, date: 2025-11-05 }\n- { type: extension, date: 2025-12-01 }",
     "- { type: extension, date: 2025-12-01, letter: {no: 测试公开延〔2025〕1号, date: 2025-12-01} }"),
    ("events:\n  - type: correction_notice\n    date: 2025-11-05\n  - type: extension\n    date: 2025-12-01\n"
     "    note: 说明  # 备注\n# 底部\nreply: {date: 2025-12-10}\n",
     "    letter: {no: 测试公开延〔2025〕1号, date: 2025-12-01}"),
    ("events:\r\n  - {type: correction_notice, date: 2025-11-05}\r\n  - {type: extension, date: 2025-12-01}\r\n",
     "  - {type: extension, date: 2025-12-01, letter: {no: 测试公开延〔2025〕1号, date: 2025-12-01}}"),
])
def test_one_line_changes_or_is_added(text, line):
    new = set_in_item(text, "events", 1, "letter", LETTER)
    data, err = load_text(new)
    old, _ = load_text(text)
    assert err is None and data["events"][1] == {**old["events"][1], "letter": LETTER}
    assert data["events"][0] == old["events"][0]
    assert added(text, new) == [line]
    assert ("\r\n" in new) == ("\r\n" in text)
    if "# 底部" in text:
        assert new.splitlines()[new.splitlines().index(line) + 1] == "# 底部"


def letter(kind: str, target: tuple, as_of: date, number: str = "测试公开延〔2025〕1号") -> Letter:
    return Letter(kind, "YSQ-2025-0001", "applications/2025/YSQ-2025-0001.yaml", target, number, as_of, False,
                  as_of, "申请人", {})


APP = """\
# 备注
id: YSQ-2025-0001
channel: in_person
submitted: 2025-11-03
handler: bgs
applicant: {kind: natural_person, ref: A-1}
summary: 申请公开某项信息
events:
  - {type: extension, date: 2025-12-01, days: 10, approved_by: 局长}
reply:
  date: 2025-12-10
  outcome: disclosed
  note: 内部备注
"""


@pytest.fixture()
def reg(tmp_path) -> Path:
    (tmp_path / "govdisc.yaml").write_text("agency: 测试局\noffice: bgs\ndepartments: [{id: bgs, name: 办公室}]\n",
                                           encoding="utf-8")
    path = tmp_path / "applications" / "2025" / "YSQ-2025-0001.yaml"
    path.parent.mkdir(parents=True)
    path.write_text(APP, encoding="utf-8")
    return tmp_path


def test_reply_letter_and_its_remedies(reg):
    path = reg / "applications" / "2025" / "YSQ-2025-0001.yaml"
    rec = record_letter(reg, letter("reply", ("reply",), date(2025, 12, 10), "测试公开答〔2025〕3号"),
                        ["reconsideration", "litigation"])
    assert rec.pointer == ("reply", "letter") and not rec.already
    data, _ = load_text(path.read_text(encoding="utf-8"))
    assert data["reply"]["letter"] == {"no": "测试公开答〔2025〕3号", "date": "2025-12-10",
                                       "remedies": ["reconsideration", "litigation"]}
    assert data["reply"]["remedies"] == ["reconsideration", "litigation"]
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# 备注\n") and "  note: 内部备注\n" in text


def test_a_changed_file_or_a_different_letter_is_refused(reg):
    path = reg / "applications" / "2025" / "YSQ-2025-0001.yaml"
    plan = plan_record(reg, letter("extension", ("events", 0), date(2025, 12, 1)), [])
    assert "letter: {no: 测试公开延〔2025〕1号" in plan.new_text and path.read_text(encoding="utf-8") == APP
    # the event the letter was made from has moved: refused
    with pytest.raises(AuthoringError, match="修改"):
        plan_record(reg, letter("extension", ("events", 0), date(2025, 12, 2)), [])
    record_letter(reg, letter("extension", ("events", 0), date(2025, 12, 1)), [])
    with pytest.raises(AuthoringError, match="已记录为 测试公开延〔2025〕1号"):
        plan_record(reg, letter("extension", ("events", 0), date(2025, 12, 1), "测试公开延〔2025〕2号"), [])
    assert plan_record(reg, letter("extension", ("events", 0), date(2025, 12, 1)), []).already
