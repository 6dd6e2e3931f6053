"""Atomic writes: the old file or the new one, never half, never a stray temporary file."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from govdisc.authoring import atomic
from govdisc.authoring.atomic import ChangedSinceRead, write_bytes, write_text


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_creates_and_replaces(tmp_path: Path) -> None:
    target = tmp_path / "sub" / "a.yaml"
    write_text(target, "id: 1\n")
    assert target.read_text(encoding="utf-8") == "id: 1\n"
    write_text(target, "id: 2\n")
    assert target.read_text(encoding="utf-8") == "id: 2\n"
    assert leftovers(target.parent) == []


def test_new_file_gets_umask_mode_not_0600(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        write_text(tmp_path / "a.yaml", "x: 1\n")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "a.yaml").stat().st_mode) == 0o644


def test_replace_keeps_mode(tmp_path: Path) -> None:
    target = tmp_path / "a.yaml"
    target.write_text("x: 1\n")
    target.chmod(0o640)
    write_text(target, "x: 2\n")
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


class HalfWriter:
    """A file object whose write puts half the bytes down and then fails (disk full, say)."""

    def __init__(self, fh):
        self.fh = fh

    def write(self, data: bytes) -> int:
        self.fh.write(data[: len(data) // 2])
        self.fh.flush()
        raise OSError(28, "No space left on device")

    def __getattr__(self, name):
        return getattr(self.fh, name)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.fh.close()
        return False


def test_failure_in_write_keeps_original_and_leaves_no_temp(tmp_path: Path, monkeypatch) -> None:
    target = tmp_path / "a.yaml"
    target.write_bytes(b"original: true\n")
    real_fdopen = os.fdopen
    monkeypatch.setattr(atomic.os, "fdopen", lambda fd, mode: HalfWriter(real_fdopen(fd, mode)))
    with pytest.raises(OSError):
        write_text(target, "replacement: " + "x" * 10000 + "\n")
    assert target.read_bytes() == b"original: true\n"
    assert leftovers(tmp_path) == []


def test_failure_in_rename_keeps_original_and_leaves_no_temp(tmp_path: Path, monkeypatch) -> None:
    target = tmp_path / "a.yaml"
    target.write_bytes(b"original: true\n")

    def boom(src, dst):
        raise OSError("rename failed")

    monkeypatch.setattr(atomic.os, "replace", boom)
    with pytest.raises(OSError, match="rename failed"):
        write_text(target, "replacement: 1\n")
    assert target.read_bytes() == b"original: true\n"
    assert leftovers(tmp_path) == []


def test_interrupt_during_fsync_cleans_up(tmp_path: Path, monkeypatch) -> None:
    target = tmp_path / "a.yaml"
    target.write_bytes(b"original: true\n")

    def interrupted(fd):
        raise KeyboardInterrupt

    monkeypatch.setattr(atomic.os, "fsync", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_text(target, "replacement: 1\n")
    assert target.read_bytes() == b"original: true\n"
    assert leftovers(tmp_path) == []


def test_exclusive_never_overwrites(tmp_path: Path) -> None:
    target = tmp_path / "a.yaml"
    target.write_bytes(b"mine\n")
    with pytest.raises(FileExistsError):
        write_text(target, "theirs\n", exclusive=True)
    assert target.read_bytes() == b"mine\n"
    assert leftovers(tmp_path) == []


def test_exclusive_race_loses_cleanly(tmp_path: Path, monkeypatch) -> None:
    """Someone creates the file between our check and our link: we fail, theirs stays."""
    target = tmp_path / "a.yaml"
    real_link = os.link

    def racing_link(src, dst):
        Path(dst).write_bytes(b"theirs\n")
        return real_link(src, dst)

    monkeypatch.setattr(atomic.os, "link", racing_link)
    with pytest.raises(FileExistsError):
        write_text(target, "mine\n", exclusive=True)
    assert target.read_bytes() == b"theirs\n"
    assert leftovers(tmp_path) == []


def test_exclusive_without_hard_links(tmp_path: Path, monkeypatch) -> None:
    def no_links(src, dst):
        raise PermissionError("hard links not supported")

    monkeypatch.setattr(atomic.os, "link", no_links)
    target = tmp_path / "a.yaml"
    write_text(target, "mine\n", exclusive=True)
    assert target.read_text() == "mine\n"
    with pytest.raises(FileExistsError):
        write_text(target, "again\n", exclusive=True)
    assert target.read_text() == "mine\n"
    assert leftovers(tmp_path) == []


def test_expected_content_guards_against_lost_updates(tmp_path: Path) -> None:
    target = tmp_path / "a.yaml"
    target.write_bytes(b"v1\n")
    read = target.read_bytes()
    target.write_bytes(b"v2 by someone else\n")
    with pytest.raises(ChangedSinceRead):
        write_bytes(target, b"v1 + my change\n", expected=read)
    assert target.read_bytes() == b"v2 by someone else\n"
    assert leftovers(tmp_path) == []
    write_bytes(target, b"v3\n", expected=b"v2 by someone else\n")
    assert target.read_bytes() == b"v3\n"


def test_an_output_to_a_device_or_pipe_is_written_to_not_replaced(tmp_path: Path) -> None:
    """`report -o /dev/null` must not rename a regular file over /dev/null."""
    import stat as stat_

    from govdisc.authoring.atomic import write_bytes

    write_bytes(Path(os.devnull), b"report")
    assert stat_.S_ISCHR(os.stat(os.devnull).st_mode)
    if hasattr(os, "mkfifo"):
        import threading

        fifo = tmp_path / "pipe"
        os.mkfifo(fifo)
        got: list[bytes] = []
        reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()))
        reader.start()
        write_bytes(fifo, [b"a", b"b"])
        reader.join(10)
        assert got == [b"ab"] and stat_.S_ISFIFO(os.lstat(fifo).st_mode)


def test_an_output_through_a_link_replaces_the_target_and_keeps_the_link(tmp_path: Path) -> None:
    from govdisc.authoring.atomic import write_bytes

    target = tmp_path / "real.md"
    target.write_bytes(b"old")
    link = tmp_path / "link.md"
    link.symlink_to(target)
    write_bytes(link, b"new")
    assert link.is_symlink() and target.read_bytes() == b"new"
