"""The loader's cache and process pool: faster, never different."""

from __future__ import annotations

import os
import shutil
from dataclasses import astuple
from pathlib import Path

import pytest

from govdisc.loading import cache, locator, parallel
from govdisc.loading.layout import CACHE_DIR
from govdisc.loading.register import load_register
from govdisc.model import Finding

EXAMPLE = Path(__file__).resolve().parent.parent.parent / "register"

BROKEN = {
    "documents/2025/zz-bad-enum.yaml": "doc_no: 云岭新广办〔2025〕999号\ntitle: 测试\ndepartment: bgs\nkind: notice\n"
                                      "formed: 2025-03-03\ndisclosure: publik\n",
    "documents/2025/zz-syntax.yaml": "doc_no: [unclosed\n",
    "opinions/2025/YQ-2025-999.yaml": "id: YQ-2025-999\ntitle: 测试\ndetected_at: 2025-03-03 08:00\nlevel: major\n"
                                     "lead: bgs\nreleases:\n  - {at: 2025-03-03 09:00, channel: 门户网站}\n",
}


@pytest.fixture
def reg(tmp_path: Path) -> Path:
    dest = tmp_path / "register"
    shutil.copytree(EXAMPLE, dest, ignore=shutil.ignore_patterns(".govdisc-cache"))
    for rel, text in BROKEN.items():
        (dest / rel).parent.mkdir(parents=True, exist_ok=True)
        (dest / rel).write_text(text, encoding="utf-8")
    return dest


def snapshot(loaded) -> list[tuple]:
    return [(r.path, r.kind, r.digest, r.data, [astuple(f) for f in r.findings], r.has_suppressions)
            for r in loaded.results]


def test_cold_warm_and_uncached_agree(reg: Path) -> None:
    plain = snapshot(load_register(reg, jobs=1, cache=False))
    cold = snapshot(load_register(reg, jobs=1, cache=True))
    assert (reg / CACHE_DIR / cache.CACHE_FILE).is_file()
    warm = snapshot(load_register(reg, jobs=1, cache=True))
    assert plain == cold == warm
    assert any(f for *_, f, _ in [(r[0], r[4], r[5]) for r in plain])  # the broken files did find something


def test_pool_agrees_with_serial(reg: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    serial = snapshot(load_register(reg, jobs=1, cache=False))
    monkeypatch.setattr(parallel, "PARALLEL_MIN_FILES", 2)
    assert snapshot(load_register(reg, jobs=2, cache=False)) == serial
    assert snapshot(load_register(reg, jobs=2, cache=True)) == serial  # cold, written from worker blobs
    assert snapshot(load_register(reg, jobs=2, cache=True)) == serial  # warm


def test_a_changed_file_is_parsed_again(reg: Path) -> None:
    load_register(reg, jobs=1, cache=True)
    target = reg / "documents/2025/zz-bad-enum.yaml"
    target.write_text(target.read_text(encoding="utf-8").replace("publik", "public"), encoding="utf-8")
    after = {r.path: r for r in load_register(reg, jobs=1, cache=True).results}
    assert after["documents/2025/zz-bad-enum.yaml"].data["disclosure"] == "public"
    assert snapshot(load_register(reg, jobs=1, cache=True)) == snapshot(load_register(reg, jobs=1, cache=False))


def test_unchanged_register_does_not_rewrite_the_cache(reg: Path) -> None:
    load_register(reg, jobs=1, cache=True)
    path = reg / CACHE_DIR / cache.CACHE_FILE
    before = path.stat().st_mtime_ns, path.read_bytes()
    load_register(reg, jobs=1, cache=True)
    assert (path.stat().st_mtime_ns, path.read_bytes()) == before


@pytest.mark.parametrize("damage", ["truncate", "flip", "garbage", "empty"])
def test_a_damaged_cache_is_ignored(reg: Path, damage: str) -> None:
    expected = snapshot(load_register(reg, jobs=1, cache=False))
    load_register(reg, jobs=1, cache=True)
    path = reg / CACHE_DIR / cache.CACHE_FILE
    raw = path.read_bytes()
    if damage == "truncate":
        raw = raw[: len(raw) // 2]
    elif damage == "flip":
        raw = raw[:-100] + bytes([raw[-100] ^ 0xFF]) + raw[-99:]
    elif damage == "garbage":
        raw = b"\x80\x04not a cache at all"
    else:
        raw = b""
    path.write_bytes(raw)
    assert cache.read_cache(reg) == {}
    assert snapshot(load_register(reg, jobs=1, cache=True)) == expected
    assert cache.read_cache(reg)  # rebuilt


def test_a_read_only_register_still_loads(reg: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_args, **_kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(cache, "write_blob", refuse)
    assert snapshot(load_register(reg, jobs=1, cache=True)) == snapshot(load_register(reg, jobs=1, cache=False))


def test_positions_are_reused_and_identical(reg: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = "documents/2025/zz-bad-enum.yaml"

    def findings() -> list[Finding]:
        return [Finding("X001", "error", path, "m", "m", ("disclosure",)),
                Finding("X002", "error", path, "m", "m", ("title",), anchor="key"),
                Finding("X003", "error", path, "m", "m", ("missing",), anchor="parent")]

    plain = findings()
    locator.locate_findings(reg, plain, cache=False)
    first = findings()
    locator.locate_findings(reg, first, cache=True)
    calls = []
    real = locator.load_positions
    monkeypatch.setattr(locator, "load_positions", lambda text: calls.append(1) or real(text))
    second = findings()
    locator.locate_findings(reg, second, cache=True)
    assert calls == []  # served from .govdisc-cache/positions.bin
    assert [(f.line, f.column) for f in plain] == [(f.line, f.column) for f in first] == \
        [(f.line, f.column) for f in second]
    # a changed file is located afresh
    target = reg / path
    target.write_text("# 新增一行注释\n" + target.read_text(encoding="utf-8"), encoding="utf-8")
    third = findings()
    locator.locate_findings(reg, third, cache=True)
    assert calls == [1]
    assert [f.line for f in third][:2] == [f.line + 1 for f in second][:2]  # the third points at the top


def test_unchanged_stat_skips_reading_once_old_enough(reg: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    expected = snapshot(load_register(reg, jobs=1, cache=False))
    load_register(reg, jobs=1, cache=True)
    reads: list[str] = []
    real = cache.read_with_stat
    monkeypatch.setattr(cache, "read_with_stat", lambda root, spec, *a: reads.append(spec.path) or real(root, spec, *a))
    # files written just now are read and hashed: their ctime is within the margin of the stamp
    assert snapshot(load_register(reg, jobs=1, cache=True)) == expected
    assert reads
    # once older than the margin, an unchanged signature stands for unchanged content
    monkeypatch.setattr(cache, "STAT_MARGIN_NS", -10**12)
    reads.clear()
    assert snapshot(load_register(reg, jobs=1, cache=True)) == expected
    assert reads == []


def test_same_size_rewrite_with_mtime_restored_is_noticed(reg: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cache, "STAT_MARGIN_NS", -10**12)  # trust every unchanged signature
    load_register(reg, jobs=1, cache=True)
    target = reg / "documents/2025/zz-bad-enum.yaml"
    st = target.stat()
    target.write_text(target.read_text(encoding="utf-8").replace("publik", "pubXik"), encoding="utf-8")
    os.utime(target, ns=(st.st_atime_ns, st.st_mtime_ns))  # as `cp -p` or an unpacker would
    assert target.stat().st_size == st.st_size and target.stat().st_mtime_ns == st.st_mtime_ns
    after = {r.path: r for r in load_register(reg, jobs=1, cache=True).results}
    assert any("pubXik" in f.message_zh for f in after["documents/2025/zz-bad-enum.yaml"].findings)
