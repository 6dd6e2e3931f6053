"""Authoring as careful as `check` (issue 18): one writer at a time, no link followed, no hidden
line break written, and file-system failures said as such.

Each test reproduces one attack or failure of the second hardening round on the smallest input
that shows it; the pipe and /dev/zero cases, which hang a process, are in tests/cli.
"""

from __future__ import annotations

import errno
import os
import stat
import threading
from datetime import date
from pathlib import Path

import pytest
from support import OPINION_RECORD

from govdisc.authoring import atomic
from govdisc.authoring.errors import AuthoringError
from govdisc.authoring.event import add_event
from govdisc.authoring.init import init_register
from govdisc.authoring.new import new_record
from govdisc.check import run_check
from govdisc.loading.yamlio import load_text

CONFIG = """agency: 测试局
office: bgs
departments:
  - {id: bgs, name: 办公室, role: office}
"""
OPINION = OPINION_RECORD
APPLICATION = """id: YSQ-2024-0001
channel: in_person
submitted: 2024-09-02
handler: bgs
applicant: {kind: natural_person}
summary: 申请公开某文件
"""
TODAY = date(2024, 12, 31)


@pytest.fixture
def root(tmp_path: Path) -> Path:
    reg = tmp_path / "register"
    init_register(reg, "测试局")
    (reg / "govdisc.yaml").write_text(CONFIG, encoding="utf-8")
    return reg


def put(root: Path, rel: str, text: str) -> Path:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def follow_up(root: Path, minute: int) -> None:
    add_event(root, "YQ-2024-001", "follow_up", at=f"2024-07-02 10:{minute:02d}", note=f"n{minute}", today=TODAY)


def notes(path: Path) -> list[str]:
    data, err = load_text(path.read_text(encoding="utf-8"))
    assert err is None, err
    return [f["note"] for f in data.get("follow_ups") or []]


def everything_under(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*"))


# -- item 1: concurrent writers ---------------------------------------------------------------------


def test_two_writers_at_once_never_lose_an_event(root: Path, monkeypatch) -> None:
    """Both writers read the file and pass the "unchanged" check before either renames: without
    a lock held from the read to the rename, the second rename drops the first event."""
    path = put(root, "opinions/2024/YQ-2024-001.yaml", OPINION)
    both_checked = threading.Barrier(2, timeout=1.0)
    check = atomic._check_unchanged

    def check_then_wait(p, expected):
        check(p, expected)
        try:
            both_checked.wait()  # with the lock the other writer never gets here meanwhile
        except threading.BrokenBarrierError:
            pass

    monkeypatch.setattr(atomic, "_check_unchanged", check_then_wait)
    errors: list[BaseException] = []

    def writer(minute: int) -> None:
        try:
            follow_up(root, minute)
        except BaseException as exc:  # noqa: BLE001
            errors.append(exc)

    threads = [threading.Thread(target=writer, args=(m,)) for m in (1, 2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert errors == []
    assert sorted(notes(path)) == ["n1", "n2"]  # every event reported written is in the file


def test_a_writer_waits_for_the_lock_and_says_so(root: Path, capfd) -> None:
    path = put(root, "opinions/2024/YQ-2024-001.yaml", OPINION)
    done = threading.Event()
    with atomic.register_lock(root):
        t = threading.Thread(target=lambda: (follow_up(root, 5), done.set()))
        t.start()
        assert not done.wait(0.5)  # blocked while we hold the lock
        assert "waiting" in capfd.readouterr().err
    t.join(30)
    assert done.is_set() and notes(path) == ["n5"]
    assert (root / ".govdisc-cache" / atomic.LOCK_NAME).is_file()


def test_a_lock_held_too_long_is_a_refusal_not_a_hang(root: Path) -> None:
    with atomic.register_lock(root):
        with pytest.raises(atomic.LockTimeout):
            with atomic.register_lock(root, timeout=0.2, notice=lambda: None):
                pass


def test_the_lock_is_never_taken_through_a_linked_cache_folder(root: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    os.symlink(elsewhere, root / ".govdisc-cache")
    put(root, "opinions/2024/YQ-2024-001.yaml", OPINION)
    with pytest.raises(AuthoringError):
        follow_up(root, 1)
    assert list(elsewhere.iterdir()) == []


# -- item 4: links and special files ----------------------------------------------------------------


def test_event_does_not_write_through_a_folder_linked_outside(root: Path, tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    put(outside, "YQ-2024-001.yaml", OPINION)
    (root / "opinions").mkdir(exist_ok=True)
    os.symlink(outside, root / "opinions" / "2024")
    with pytest.raises(AuthoringError) as exc:
        follow_up(root, 1)
    assert "REG018" in exc.value.zh
    assert (outside / "YQ-2024-001.yaml").read_text(encoding="utf-8") == OPINION


def test_new_does_not_create_records_in_a_folder_linked_outside(root: Path, tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (root / "opinions").mkdir(exist_ok=True)
    os.symlink(outside, root / "opinions" / "2024")
    with pytest.raises(AuthoringError):
        new_record(root, "opinion", detected_at="2024-07-01 08:00", title="t", today=TODAY)
    assert everything_under(outside) == []


def test_new_does_not_export_schemas_through_a_planted_govdisc_link(root: Path, tmp_path: Path) -> None:
    import shutil

    outside = tmp_path / "outside"
    outside.mkdir()
    shutil.rmtree(root / ".govdisc")
    os.symlink(outside, root / ".govdisc")
    with pytest.raises(AuthoringError) as exc:
        new_record(root, "application", received=date(2024, 9, 2), channel="in_person",
                   applicant_kind="natural_person", summary="x", today=TODAY)
    assert "link" in exc.value.en
    assert everything_under(outside) == []
    assert not (root / "applications" / "2024").exists() or list((root / "applications" / "2024").iterdir()) == []


def test_a_record_linked_outside_is_not_copied_into_the_register(root: Path, tmp_path: Path) -> None:
    secret = put(tmp_path / "outside", "secret.yaml", APPLICATION + "# OUTSIDE-SECRET\n")
    link = root / "applications" / "2024" / "YSQ-2024-0001.yaml"
    link.parent.mkdir(parents=True)
    os.symlink(secret, link)
    with pytest.raises(AuthoringError) as exc:
        add_event(root, "YSQ-2024-0001", "correction_notice", event_date=date(2024, 9, 3), today=TODAY)
    assert "REG018" in exc.value.zh
    assert link.is_symlink() and "OUTSIDE-SECRET" in secret.read_text(encoding="utf-8")


def test_a_link_inside_the_register_stays_a_link_and_its_target_changes(root: Path) -> None:
    target = put(root, "applications/2024/real.txt", APPLICATION)
    link = root / "applications" / "2024" / "YSQ-2024-0001.yaml"
    os.symlink("real.txt", link)
    add_event(root, "YSQ-2024-0001", "correction_notice", event_date=date(2024, 9, 3), today=TODAY)
    assert link.is_symlink()
    assert "correction_notice" in target.read_text(encoding="utf-8")
    assert link.read_text(encoding="utf-8") == target.read_text(encoding="utf-8")


# -- item 3: config text injected into new records ---------------------------------------------------


@pytest.mark.parametrize("brk", ["\n", "\r", "\u2028", "\u2029", "\x85"])
def test_a_department_name_cannot_inject_yaml_into_new_records(root: Path, brk: str) -> None:
    import json

    name = "办公室" + brk + "reply: {date: 2024-09-03, outcome: disclosed}"
    (root / "govdisc.yaml").write_text(CONFIG.replace("name: 办公室", "name: " + json.dumps(name)), encoding="utf-8")
    found = run_check(root, TODAY).findings
    assert any(f.code == "REG005" and f.path == "govdisc.yaml" and "name" in f.message_en for f in found)
    result = new_record(root, "application", received=date(2024, 9, 2), channel="in_person",
                        applicant_kind="natural_person", summary="x", today=TODAY)
    text = result.path.read_text(encoding="utf-8")
    data, err = load_text(text)
    assert err is None and "reply" not in data
    assert not any(ch in text for ch in "\r\u2028\u2029\x85")


def test_values_from_the_command_line_are_escaped_in_comments_and_values(root: Path) -> None:
    result = new_record(root, "application", received=date(2024, 9, 2), channel="in_person",
                        applicant_kind="natural_person", summary="申请\u2028reply: x", record_id="YSQ-2024-0009",
                        today=TODAY)
    text = result.path.read_text(encoding="utf-8")
    assert "\u2028" not in text
    data, err = load_text(text)
    assert err is None and data["summary"] == "申请\u2028reply: x" and "reply" not in data


# -- item 8: authoring errors ------------------------------------------------------------------------


def test_a_read_only_record_is_not_rewritten(root: Path) -> None:
    path = put(root, "applications/2024/YSQ-2024-0001.yaml", APPLICATION)
    path.chmod(0o444)
    try:
        with pytest.raises(AuthoringError) as exc:
            add_event(root, "YSQ-2024-0001", "correction_notice", event_date=date(2024, 9, 3), today=TODAY)
        assert exc.value.code == "io" and "read-only" in exc.value.en
        assert path.read_text(encoding="utf-8") == APPLICATION
        assert stat.S_IMODE(path.stat().st_mode) == 0o444
    finally:
        path.chmod(0o644)


def test_permission_denied_is_said_as_such(root: Path, monkeypatch) -> None:
    put(root, "applications/2024/YSQ-2024-0001.yaml", APPLICATION)

    def denied(*args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(atomic.tempfile, "mkstemp", denied)
    with pytest.raises(AuthoringError) as exc:
        add_event(root, "YSQ-2024-0001", "correction_notice", event_date=date(2024, 9, 3), today=TODAY)
    assert exc.value.code == "io" and "permission denied" in exc.value.en and "没有权限" in exc.value.zh


def test_an_unreadable_record_is_not_no_such_id(root: Path) -> None:
    path = root / "applications" / "2024" / "YSQ-2024-0001.yaml"
    path.parent.mkdir(parents=True)
    path.write_bytes(APPLICATION.encode("utf-16"))
    with pytest.raises(AuthoringError) as exc:
        add_event(root, "YSQ-2024-0001", "correction_notice", event_date=date(2024, 9, 3), today=TODAY)
    assert exc.value.code != "not_found" and "REG003" in exc.value.en


def test_a_temporary_file_left_by_a_killed_write_is_cleaned_up(root: Path) -> None:
    path = put(root, "applications/2024/YSQ-2024-0001.yaml", APPLICATION)
    stale = path.parent / f".{path.name}.k1ll3d0.tmp"
    stale.write_text("half a record", encoding="utf-8")
    other = path.parent / ".notes.tmp"
    other.write_text("not ours", encoding="utf-8")
    add_event(root, "YSQ-2024-0001", "correction_notice", event_date=date(2024, 9, 3), today=TODAY)
    assert not stale.exists() and other.exists()


def test_a_cr_only_file_keeps_cr_line_ends(root: Path) -> None:
    path = root / "applications" / "2024" / "YSQ-2024-0001.yaml"
    path.parent.mkdir(parents=True)
    path.write_bytes(APPLICATION.replace("\n", "\r").encode("utf-8"))
    add_event(root, "YSQ-2024-0001", "correction_notice", event_date=date(2024, 9, 3), today=TODAY)
    raw = path.read_bytes()
    assert b"\n" not in raw and b"correction_notice" in raw


def test_a_record_ending_in_a_document_end_marker(root: Path) -> None:
    path = put(root, "applications/2024/YSQ-2024-0001.yaml", APPLICATION + "...\n")
    add_event(root, "YSQ-2024-0001", "correction_notice", event_date=date(2024, 9, 3), today=TODAY)
    text = path.read_text(encoding="utf-8")
    data, err = load_text(text)
    assert err is None and data["events"][0]["type"] == "correction_notice"
    assert text.endswith("...\n")


def test_new_keeps_the_summary_exactly_as_given(root: Path) -> None:
    summary = " \u00a0申请公开\u3000某文件 "
    result = new_record(root, "application", received=date(2024, 9, 2), channel="in_person",
                        applicant_kind="natural_person", summary=summary, today=TODAY)
    data, _ = load_text(result.path.read_text(encoding="utf-8"))
    assert data["summary"] == summary


# -- item 10: years ------------------------------------------------------------------------------------


@pytest.mark.parametrize("received", [date(1, 3, 1), date(9999, 3, 1)])
def test_new_refuses_a_year_no_register_has(root: Path, received: date) -> None:
    with pytest.raises(AuthoringError) as exc:
        new_record(root, "application", received=received, channel="in_person", applicant_kind="natural_person",
                   summary="x", today=TODAY)
    assert exc.value.code == "invalid"
    assert not (root / "applications" / str(received.year)).exists()
