"""The check result kept for an unchanged register (check.keep_result / kept_result,
loading/snapshot.py) must be exactly the result a full check gives, and must never outlive a
change: of a file's content, of the files there are, of the as-of date; volatile rules (git
history, today's date) run again every time."""

from __future__ import annotations

import os
import shutil
from dataclasses import astuple
from datetime import date
from pathlib import Path

import pytest

from govdisc import check as check_mod
from govdisc.check import RESULT_FILE, run_check
from govdisc.loading.layout import CACHE_DIR
from govdisc.rules import gde

EXAMPLE = Path(__file__).resolve().parent.parent.parent / "register"
DAY = date(2026, 2, 1)


@pytest.fixture
def reg(tmp_path: Path) -> Path:
    dest = tmp_path / "register"
    shutil.copytree(EXAMPLE, dest, ignore=shutil.ignore_patterns(".govdisc-cache"))
    path = dest / "documents/2025"
    first = sorted(path.glob("*.yaml"))[0]
    # a finding, and a suppression comment, so both are part of what is kept
    first.write_text(first.read_text(encoding="utf-8").replace("title:", "title: 联系 13812345678 ", 1)
                     + "# govdisc: ignore[DOC999] 说明\n", encoding="utf-8")
    return dest


def result(root: Path, day: date = DAY, cache: bool = True) -> tuple:
    r = run_check(root, day, cache=cache)
    return [astuple(f) for f in r.findings], r.files, r.records, r.config_broken, r.checked_paths


def no_full_check(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args, **kwargs):
        raise AssertionError("the kept result should have been used")

    monkeypatch.setattr(check_mod, "load_register", refuse)


def test_kept_result_is_the_full_result(reg: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    full = result(reg, cache=False)
    assert full[0], "the fixture should have findings"
    assert result(reg) == full  # computed, and kept
    assert (reg / CACHE_DIR / RESULT_FILE).is_file()
    with monkeypatch.context() as m:
        no_full_check(m)
        assert result(reg) == full  # from the kept result


def test_touched_but_unchanged_files_still_use_it(reg: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    full = result(reg)
    for path in list((reg / "applications").rglob("*.yaml"))[:3]:
        os.utime(path)  # a new signature, the same content: read and hashed, still the same state
    no_full_check(monkeypatch)
    assert result(reg) == full


@pytest.mark.parametrize("change", ["edit", "add", "remove", "rename"])
def test_a_change_is_never_hidden(reg: Path, change: str) -> None:
    result(reg)
    target = sorted((reg / "documents/2025").glob("*.yaml"))[1]
    if change == "edit":
        target.write_text(target.read_text(encoding="utf-8").replace("department:", "department: nowhere\nx_department:", 1),
                          encoding="utf-8")
    elif change == "add":
        (reg / "documents/2025/zz-new.yaml").write_text("doc_no: 不是发文字号\n", encoding="utf-8")
    elif change == "remove":
        target.unlink()
    else:
        target.rename(target.with_name("zz-" + target.name))
    assert result(reg) == result(reg, cache=False)


def test_another_day_is_another_result(reg: Path) -> None:
    result(reg, DAY)
    later = date(2026, 9, 1)
    assert result(reg, later) == result(reg, later, cache=False)
    assert result(reg, DAY) == result(reg, DAY, cache=False)


def test_volatile_rules_run_again(reg: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(gde, "contact_changed_after", lambda *a, **k: None)
    before = result(reg)
    assert not any(f[0] == "GDE003" for f in before[0])
    monkeypatch.setattr(gde, "contact_changed_after", lambda *a, **k: (date(2025, 12, 1), "0123456789abcdef"))
    with monkeypatch.context() as m:
        no_full_check(m)
        kept = result(reg)
    assert [f for f in kept[0] if f[0] == "GDE003"], "GDE003 must be run again on a kept result"
    assert kept == result(reg, cache=False)


def test_nothing_is_kept_after_a_crash(reg: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def boom(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(gde, "contact_changed_after", boom)
    found = result(reg)
    assert any(f[0] == "REG020" for f in found[0])
    assert not (reg / CACHE_DIR / RESULT_FILE).exists()


def test_kept_clocks_are_the_computed_ones(reg: Path) -> None:
    from govdisc.calendar import calendar_for
    from govdisc.deadlines import compute_obligations
    from govdisc.deadlines.kept import KeptClocks
    from govdisc.loading.register import load_register

    loaded = load_register(reg, jobs=1)
    digests = {r.path: r.digest for r in loaded.results if r.digest}
    cal = calendar_for(loaded.config)
    for day in (date(2025, 6, 30), DAY):
        plain = [astuple(o) for o in compute_obligations(loaded.records, loaded.config, cal, day)]
        kept = KeptClocks.load(reg, digests, day, loaded.results[0].digest)
        first = [astuple(o) for o in compute_obligations(loaded.records, loaded.config, cal, day, kept=kept)]
        kept.save()
        again = KeptClocks.load(reg, digests, day, loaded.results[0].digest)
        assert again.entries, "the clocks should have been kept"
        second = [astuple(o) for o in compute_obligations(loaded.records, loaded.config, cal, day, kept=again)]
        assert plain == first == second
    other = KeptClocks.load(reg, digests, DAY, "another govdisc.yaml")
    assert other.entries == {}, "other settings, other clocks"


@pytest.mark.parametrize("change", ["add", "remove", "rename", "link", "folder"])
def test_kept_scan_never_hides_a_change(reg: Path, monkeypatch: pytest.MonkeyPatch, change: str) -> None:
    from govdisc.loading import cache
    from govdisc.loading.layout import scan
    from govdisc.loading.scancache import SCAN_FILE, cached_scan

    monkeypatch.setattr(cache, "STAT_MARGIN_NS", -10**12)  # trust every unchanged folder at once
    assert cached_scan(reg) == scan(reg)
    assert (reg / CACHE_DIR / SCAN_FILE).is_file()
    assert cached_scan(reg) == scan(reg)  # from the kept scan
    folder = reg / "applications/2025"
    target = sorted(folder.glob("*.yaml"))[0]
    if change == "add":
        (folder / "zz-new.yaml").write_text("id: x\n", encoding="utf-8")
    elif change == "remove":
        target.unlink()
    elif change == "rename":
        target.rename(folder / "zz-renamed.yaml")
    elif change == "link":
        target.unlink()
        os.symlink(sorted(folder.glob("*.yaml"))[0].name, target)
    else:
        (folder / "sub").mkdir()
        (folder / "sub" / "x.yaml").write_text("id: x\n", encoding="utf-8")
    assert cached_scan(reg) == scan(reg)
