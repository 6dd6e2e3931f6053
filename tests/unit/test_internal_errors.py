"""A bug in one rule or clock on one record is a REG020 finding on that record; the run goes on."""

from __future__ import annotations

import dataclasses
import json
import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from support import write_register
from typer.testing import CliRunner

from govdisc import deadlines
from govdisc.check import run_check
from govdisc.cli import app
from govdisc.internal import ERROR_MAX, describe
from govdisc.model import Finding, Record
from govdisc.rules import REGISTRY, engine, reg

AS_OF = date(2026, 4, 1)
MINIMAL = Path(__file__).resolve().parent.parent / "fixtures" / "minimal"
APPLICATION = """\
    id: {id}
    channel: online
    submitted: 2026-01-05
    confirmed: 2026-01-05
    handler: bgs
    applicant: {{kind: natural_person, ref: A-1}}
    summary: 申请公开文件
    """
DOCUMENT = """\
    doc_no: 测试办[2026]{n}号
    title: 通知
    department: nosuch
    kind: notice
    formed: 2026-02-02
    disclosure: not_public
    withholding: {{reason: internal_affairs, explanation: 内部事务}}
    """
BROKEN_DOC = "测试办[2026]2号"  # documents/2026/b.yaml
BROKEN_APP = "YSQ-2026-0002"
runner = CliRunner()


@pytest.fixture
def root(tmp_path: Path) -> Path:
    """Three overdue applications (APP001 each) and three documents with a malformed 发文字号
    (DOC001 each, per-record) and an unknown department (REG008 each, cross-record)."""
    files = {f"applications/2026/YSQ-2026-000{i}.yaml": APPLICATION.format(id=f"YSQ-2026-000{i}") for i in (1, 2, 3)}
    files.update({f"documents/2026/{name}.yaml": DOCUMENT.format(n=i) for i, name in enumerate("abc", 1)})
    return write_register(tmp_path / "register", files)


@pytest.fixture
def minimal(tmp_path: Path) -> Path:
    dest = tmp_path / "minimal"
    shutil.copytree(MINIMAL, dest)
    return dest


def boom(*_: Any) -> None:
    raise ValueError("boom\nsecond line")


def break_per_record(monkeypatch: pytest.MonkeyPatch, code: str, record_id: str) -> None:
    """Make the per-record rule `code` raise on the record `record_id` only."""
    spec = engine.record_check(REGISTRY[code])
    assert spec is not None

    def broken(rec: Record, *args: Any) -> Iterator[Any]:
        if rec.id == record_id:
            boom()
        return spec.check(rec, *args)

    check = engine.per_record(*spec.kinds, as_of=spec.as_of)(broken)
    monkeypatch.setitem(REGISTRY, code, dataclasses.replace(REGISTRY[code], check=check))


def break_clock(monkeypatch: pytest.MonkeyPatch, kind: str, record_id: str) -> None:
    original = deadlines.BY_KIND[kind]

    def broken(rec: Record, *args: Any) -> Any:
        if rec.id == record_id:
            boom()
        return original(rec, *args)

    monkeypatch.setitem(deadlines.BY_KIND, kind, broken)


def by_code(found: list[Finding], code: str) -> list[Finding]:
    return [f for f in found if f.code == code]


def only_crash(found: list[Finding]) -> Finding:
    (crash,) = by_code(found, "REG020")
    assert "ValueError: boom second line" in crash.message_zh and "\n" not in crash.message_zh
    assert crash.severity == "error" and crash.line is not None and crash.line >= 1 and crash.column >= 1
    return crash


# -- per-record rules ---------------------------------------------------------------------------


@pytest.mark.parametrize("cache", [False, True])
def test_per_record_crash_is_a_finding_on_that_record(root: Path, monkeypatch: pytest.MonkeyPatch,
                                                      cache: bool) -> None:
    break_per_record(monkeypatch, "DOC001", BROKEN_DOC)
    for _ in range(2 if cache else 1):  # a crash is never stored: the warm run reports it again
        found = run_check(root, AS_OF, cache=cache).findings
        crash = only_crash(found)
        assert (crash.path, crash.record) == ("documents/2026/b.yaml", BROKEN_DOC)
        assert "DOC001" in crash.message_zh and "DOC001" in crash.message_en
        assert [f.path for f in by_code(found, "DOC001")] == ["documents/2026/a.yaml", "documents/2026/c.yaml"]
        assert len(by_code(found, "APP001")) == 3 and len(by_code(found, "REG008")) == 3


def break_cross_record(monkeypatch: pytest.MonkeyPatch, record_id: str) -> None:
    """Make REG008 (a cross-record rule) raise when it reaches the record `record_id`."""
    original = reg._dept_refs

    def broken(rec: Record) -> Iterator[tuple[tuple, str]]:
        if rec.id == record_id:
            boom()
        return original(rec)

    monkeypatch.setattr(reg, "_dept_refs", broken)


BREAKS = {  # what breaks → (how, the record it breaks on, the file, what REG020 names)
    "per-record": (lambda mp: break_per_record(mp, "DOC006", "测试办〔2026〕1号"),
                   "documents/2026/ylcs-2026-001.yaml", "DOC006"),
    "cross-record": (lambda mp: break_cross_record(mp, "测试办〔2026〕1号"),
                     "documents/2026/ylcs-2026-001.yaml", "REG008"),
    "clock": (lambda mp: break_clock(mp, "application", "YSQ-2026-0001"),
              "applications/2026/YSQ-2026-0001.yaml", "clock:application"),
}


@pytest.mark.parametrize("what", sorted(BREAKS))
def test_check_cli_exits_1_on_a_crash_alone_and_shows_no_traceback(minimal: Path, monkeypatch: pytest.MonkeyPatch,
                                                                   what: str) -> None:
    args = ["check", "--register", str(minimal), "--as-of", "2026-03-02", "--no-color"]
    assert runner.invoke(app, [*args, "--no-cache"]).exit_code == 0  # the fixture is clean
    how, path, name = BREAKS[what]
    how(monkeypatch)
    result = runner.invoke(app, args)
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    assert f"{path}\n" in result.output and "REG020" in result.output and name in result.output
    json_out = runner.invoke(app, [*args, "--format", "json", "--lang", "en"])
    assert json_out.exit_code == 1 and "Traceback" not in json_out.output
    (finding,) = [f for f in json.loads(json_out.stdout)["findings"] if f["code"] == "REG020"]
    assert finding["path"] == path and finding["line"] == 1 and name in finding["message"]


def test_reg020_severity_follows_govdisc_yaml(minimal: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    break_per_record(monkeypatch, "DOC006", "测试办〔2026〕1号")
    config = minimal / "govdisc.yaml"
    config.write_text(config.read_text(encoding="utf-8") + "rules: {REG020: warning}\n", encoding="utf-8")
    (crash,) = by_code(run_check(minimal, date(2026, 3, 2)).findings, "REG020")
    assert crash.severity == "warning"
    config.write_text(config.read_text(encoding="utf-8").replace("warning", "off"), encoding="utf-8")
    assert by_code(run_check(minimal, date(2026, 3, 2)).findings, "REG020") == []


def test_a_crash_of_a_rule_that_is_off_is_not_reported(minimal: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    break_per_record(monkeypatch, "DOC006", "测试办〔2026〕1号")
    config = minimal / "govdisc.yaml"
    config.write_text(config.read_text(encoding="utf-8") + "rules: {DOC006: 'off'}\n", encoding="utf-8")
    assert by_code(run_check(minimal, date(2026, 3, 2), cache=True).findings, "REG020") == []


# -- cross-record rules -------------------------------------------------------------------------


def test_cross_record_crash_names_the_record_and_keeps_earlier_findings(root: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    break_cross_record(monkeypatch, BROKEN_DOC)
    found = run_check(root, AS_OF).findings
    crash = only_crash(found)
    assert (crash.path, crash.record) == ("documents/2026/b.yaml", BROKEN_DOC) and "REG008" in crash.message_zh
    assert [f.path for f in by_code(found, "REG008")] == ["documents/2026/a.yaml"]  # yielded before the crash
    assert len(by_code(found, "DOC001")) == 3


def test_cross_record_crash_without_a_record_goes_on_govdisc_yaml(root: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(ctx: Any) -> Iterator[Any]:
        yield from ()
        boom()

    monkeypatch.setitem(REGISTRY, "REG007", dataclasses.replace(REGISTRY["REG007"], check=broken))
    crash = only_crash(run_check(root, AS_OF).findings)
    assert (crash.path, crash.record, crash.line) == ("govdisc.yaml", None, 1)
    assert "REG007" in crash.message_zh
    scoped = run_check(root, AS_OF, scope={"documents/2026/a.yaml"}).findings  # incomplete whatever the scope
    assert only_crash(scoped).path == "govdisc.yaml"
    assert {f.path for f in scoped} == {"govdisc.yaml", "documents/2026/a.yaml"}


# -- clocks ------------------------------------------------------------------------------------


def test_clock_crash_is_a_finding_and_the_other_clocks_stand(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    break_clock(monkeypatch, "application", BROKEN_APP)
    found = run_check(root, AS_OF).findings
    crash = only_crash(found)
    assert (crash.path, crash.record) == (f"applications/2026/{BROKEN_APP}.yaml", BROKEN_APP)
    assert "clock:application" in crash.message_zh
    assert [f.record for f in by_code(found, "APP001")] == ["YSQ-2026-0001", "YSQ-2026-0003"]


def test_clock_crash_spares_deadlines_and_stats(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    break_clock(monkeypatch, "application", BROKEN_APP)
    listed = runner.invoke(app, ["deadlines", "--register", str(root), "--as-of", "2026-04-01", "--format", "json"])
    assert listed.exit_code == 0, listed.output
    assert "YSQ-2026-0001" in listed.stdout and BROKEN_APP not in listed.stdout
    assert "clock:application" in listed.stderr and "Traceback" not in listed.output
    stats = runner.invoke(app, ["stats", "--register", str(root), "--year", "2026"])
    assert stats.exit_code == 0 and "Traceback" not in stats.output


def test_stats_note_a_reply_clock_that_crashed(minimal: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    break_clock(monkeypatch, "application", "YSQ-2026-0001")  # replied: the stats judge it in time or late
    result = runner.invoke(app, ["stats", "--register", str(minimal), "--year", "2026"])
    assert result.exit_code == 0 and "Traceback" not in result.output
    data = json.loads(result.stdout)
    (note,) = [n for n in data["notes"] if "clock:application" in n["problem_en"]]
    assert note["record"] == "YSQ-2026-0001" and "ValueError: boom second line" in note["problem_zh"]


def test_yearend_clock_crash_goes_on_govdisc_yaml(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(deadlines, "yearend_obligations", boom)
    crash = only_crash(run_check(root, date(2027, 3, 1)).findings)
    assert crash.path == "govdisc.yaml" and "clock:yearend" in crash.message_zh


def test_traceback_only_on_stderr_with_govdisc_debug(root: Path, monkeypatch: pytest.MonkeyPatch,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    break_clock(monkeypatch, "application", BROKEN_APP)
    run_check(root, AS_OF)
    assert "Traceback" not in capsys.readouterr().err
    monkeypatch.setenv("GOVDISC_DEBUG", "1")
    found = run_check(root, AS_OF).findings
    assert "Traceback" in capsys.readouterr().err
    assert all("Traceback" not in f.message_zh for f in found)


# -- the error text ------------------------------------------------------------------------------


def test_describe_is_one_trimmed_line() -> None:
    assert describe(KeyError("k")) == "KeyError: 'k'"
    assert describe(RuntimeError()) == "RuntimeError"
    long = describe(ValueError("x\n" * 1000))
    assert len(long) == ERROR_MAX and long.endswith("…") and "\n" not in long

    class Unprintable(Exception):
        def __str__(self) -> str:
            raise RuntimeError

    assert describe(Unprintable()) == "Unprintable: <unprintable>"


def test_ignore_reg020_silences_the_crash(minimal: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    break_per_record(monkeypatch, "DOC006", "测试办〔2026〕1号")
    doc = minimal / "documents" / "2026" / "ylcs-2026-001.yaml"
    doc.write_text("# govdisc: ignore[REG020] 等待 govdisc 修复\n" + doc.read_text(encoding="utf-8"), encoding="utf-8")
    assert run_check(minimal, date(2026, 3, 2)).findings == []
