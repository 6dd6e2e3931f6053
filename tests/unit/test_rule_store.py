"""Faster paths that must never change a result: per-record rules and their store, open-only
deadlines, the folder fast path of the layout scan, the file-existence shortcut of `check`."""

from __future__ import annotations

import io
import shutil
from contextlib import redirect_stderr
from dataclasses import astuple
from datetime import date, timedelta
from pathlib import Path

import pytest

from govdisc.calendar import calendar_for
from govdisc.check import existing_files, run_check
from govdisc.deadlines import compute_obligations, open_obligations
from govdisc.loading import cache
from govdisc.loading.layout import CACHE_DIR, classify, scan
from govdisc.loading.files import load_file
from govdisc.loading.parallel import compact_entry
from govdisc.loading.register import load_register
from govdisc.rules import REGISTRY, engine
from govdisc.codes import from_hit
from govdisc.rules.context import Context
from govdisc.rules.pii import id_check_char

EXAMPLE = Path(__file__).resolve().parent.parent.parent / "register"
ID_17 = "11010520250601003"  # born 2025-06-01: a resident ID only from that day on
BAD = {
    "documents/2025/zz-dates.yaml": "doc_no: 云岭新广办〔24〕07号\ntitle: 测试（联系 13812345678）\ndepartment: bgs\nkind: notice\n"
                                    "formed: 2025-03-03\napproved: 2025-03-05\ndisclosure: public\n"
                                    "published: {date: 2025-03-01}\n",
    "applications/2025/YSQ-2025-0999.yaml": "id: YSQ-2025-0998\nchannel: online\nsubmitted: 2025-03-03\n"
                                            "confirmed: 2025-03-01\nhandler: bgs\n"
                                            f"summary: 申请人身份证号 {ID_17}{id_check_char(ID_17)}\n"
                                            "events:\n  - {type: correction_received, date: 2025-03-02}\n",
}


@pytest.fixture
def reg(tmp_path: Path) -> Path:
    dest = tmp_path / "register"
    shutil.copytree(EXAMPLE, dest, ignore=shutil.ignore_patterns(".govdisc-cache"))
    for rel, text in BAD.items():
        (dest / rel).write_text(text, encoding="utf-8")
    return dest


def findings(root: Path, as_of: date, cache_: bool) -> list[tuple]:
    return [astuple(f) for f in run_check(root, as_of, cache=cache_).findings]


def test_per_record_rules_exist_and_cover_the_bad_files(reg: Path) -> None:
    codes = {code for code, r in REGISTRY.items() if engine.record_check(r) is not None}
    assert {"PII001", "PII002", "DOC001", "DOC014", "APP015", "REG012"} <= codes
    found = {f[0] for f in findings(reg, date(2026, 2, 1), False)}
    assert {"PII001", "PII002", "DOC001", "DOC014", "APP015", "REG012"} <= found


def test_engine_pass_equals_each_rules_own_loop(reg: Path) -> None:
    loaded = load_register(reg, jobs=1)
    ctx = Context(loaded.root, loaded.config, loaded.records, date(2026, 2, 1))
    rules = [r for r in REGISTRY.values() if engine.record_check(r) is not None]
    together = engine.record_findings(ctx, rules)
    for rule_ in rules:
        alone = [astuple(from_hit(rule_, h))[2:] for h in rule_.check(ctx)]  # severity: run_rules sets it
        assert [astuple(f)[2:] for f in together[rule_.code]] == alone, rule_.code


def test_store_never_changes_a_result(reg: Path) -> None:
    day, later = date(2025, 12, 31), date(2026, 2, 1)
    plain = findings(reg, day, False)
    assert findings(reg, day, True) == plain  # cold: evaluated and stored
    assert (reg / CACHE_DIR / cache.RULES_FILE).is_file()
    assert findings(reg, day, True) == plain  # warm: all from the store
    assert findings(reg, later, True) == findings(reg, later, False)  # another day
    path = reg / "documents/2025/zz-dates.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("approved: 2025-03-05", "approved: 2025-03-02"),
                    encoding="utf-8")
    assert findings(reg, later, True) == findings(reg, later, False)  # a changed file
    (reg / CACHE_DIR / cache.RULES_FILE).write_bytes(b"govdisc-cache\x00garbage")
    assert findings(reg, later, True) == findings(reg, later, False)  # a damaged store is ignored


def test_a_warm_run_evaluates_only_what_changed(reg: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    day = date(2026, 2, 1)
    findings(reg, day, True)
    seen: list[str] = []
    evaluate = engine.evaluate

    def counting(rec, checks, as_of, **kwargs):
        seen.append(rec.path)
        return evaluate(rec, checks, as_of, **kwargs)

    monkeypatch.setattr(engine, "evaluate", counting)
    findings(reg, day, True)
    assert seen == []
    path = reg / "documents/2025/zz-dates.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "changed: 2025-03-10\n", encoding="utf-8")
    findings(reg, day, True)
    assert seen == ["documents/2025/zz-dates.yaml"] * 2  # the checks without and with as-of
    seen.clear()
    findings(reg, day + timedelta(days=1), True)
    assert len(seen) == len(load_register(reg, jobs=1).records)  # only the as-of checks, once each


def test_the_store_is_keyed_by_the_code(reg: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    findings(reg, date(2026, 2, 1), True)
    assert cache.read_rule_hits(reg)
    monkeypatch.setattr(cache, "_source_hash", lambda: "another govdisc")
    assert cache.read_rule_hits(reg) == {}


def test_as_of_rules_are_evaluated_again_on_another_day(reg: Path) -> None:
    pii = lambda as_of: [f for f in findings(reg, as_of, True) if f[0] == "PII001"]  # noqa: E731
    assert pii(date(2025, 5, 31)) == []  # born after as-of: not an ID number yet
    assert len(pii(date(2025, 6, 1))) == 1  # same files, stored findings of other rules reused


def test_a_crashing_per_record_rule_is_reported_once_and_not_stored(reg: Path) -> None:
    spec = engine.record_check(REGISTRY["DOC014"])
    original = spec.check

    def broken(rec):
        if rec.path.endswith("zz-dates.yaml"):
            raise ValueError("boom")
        return original(rec)

    object.__setattr__(spec, "check", broken)  # PerRecord is frozen
    try:
        for _ in range(2):
            err = io.StringIO()
            with redirect_stderr(err):
                found = findings(reg, date(2026, 2, 1), True)
            assert err.getvalue() == ""
            (crash,) = [f for f in found if f[0] == "REG020"]
            assert crash[2] == "documents/2025/zz-dates.yaml"
            assert "DOC014" in crash[3] and "ValueError: boom" in crash[3]
            assert not any(f[0] == "DOC014" for f in found)
        assert "documents/2025/zz-dates.yaml" not in cache.read_rule_hits(reg)
    finally:
        object.__setattr__(spec, "check", original)


def test_open_only_lists_what_filtering_every_obligation_lists() -> None:
    loaded = load_register(EXAMPLE, jobs=1)
    cal = calendar_for(loaded.config)
    day = date(2024, 1, 1)
    while day < date(2026, 3, 1):
        every = compute_obligations(loaded.records, loaded.config, cal, day)
        expected = sorted((o for o in every if o.met_on is None and o.due),
                          key=lambda o: (o.due, o.path, o.obligation))
        assert open_obligations(loaded.records, loaded.config, cal, day) == expected, day
        day += timedelta(days=23)


def test_scan_fast_path_classifies_like_classify(tmp_path: Path) -> None:
    (tmp_path / "govdisc.yaml").write_text("agency: x\n", encoding="utf-8")
    for rel in ("documents/2024/a.yaml", "documents/2024/b.yml", "documents/2024/sub/c.yaml",
                "documents/abcd/d.yaml", "documents/٢٠٢٤/e.yaml", "applications/2024/a\nb.yaml",
                "catalog/bgs/2024.yaml", "catalog/bgs/x.yaml", "reviews/bgs/2024.yml", "activities/2024.yaml",
                "meetings/12345/m.yaml", "opinions/2024/sp ace.yaml"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("x: 1\n", encoding="utf-8")
    specs = scan(tmp_path)
    assert len(specs) == 13
    assert all(classify(s.path) == s for s in specs)


def test_existing_files_stats_only_unread_paths(reg: Path) -> None:
    loaded = load_register(reg, jobs=1)
    paths = [r.path for r in loaded.results] + ["documents/2025/missing.yaml"]
    assert existing_files(reg, paths, loaded) == [p for p in paths if (reg / p).is_file()]


def test_compact_entries_share_their_keys_and_equal_the_plain_result() -> None:
    spec = next(s for s in scan(EXAMPLE) if s.kind == "application")
    plain, compact = load_file(EXAMPLE, spec), compact_entry(EXAMPLE, spec)
    assert compact[3] == plain.data and list(compact[3]) == list(plain.data)
    other = compact_entry(EXAMPLE, next(s for s in scan(EXAMPLE) if s.kind == "application" and s != spec))
    assert all(a is b for a, b in zip(compact[3], other[3]) if a == b)
