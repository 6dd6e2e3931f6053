"""Atomic file writes: a temporary file in the same folder, fsync, rename — or nothing at all."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


class ChangedSinceRead(Exception):
    """The file is no longer what the caller read: someone else wrote it meanwhile."""


def write_bytes(path: Path, data: bytes, *, exclusive: bool = False, expected: bytes | None = None) -> None:
    """Replace (or, with exclusive, create) `path` so readers see the old or the new file, never half.

    With `expected`, refuse (ChangedSinceRead) when the file no longer holds exactly those bytes,
    so an edit made between our read and our write is never silently lost.
    On any error the original is untouched and the temporary file is removed.
    """
    path = Path(path)
    folder = path.parent
    folder.mkdir(parents=True, exist_ok=True)
    if exclusive and path.exists():
        raise FileExistsError(str(path))
    if expected is not None:
        _check_unchanged(path, expected)
    # mkstemp creates 0600; a new file gets the usual 0666 & ~umask, a replaced one keeps its mode
    mode = path.stat().st_mode & 0o7777 if path.exists() else _default_mode()
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        if mode is not None:
            os.chmod(tmp, mode)
        if exclusive:
            _link_exclusive(tmp, path)
        else:
            if expected is not None:
                _check_unchanged(path, expected)
            os.replace(tmp, path)
        _fsync_dir(folder)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


def write_text(path: Path, text: str, *, exclusive: bool = False, expected: bytes | None = None) -> None:
    write_bytes(path, text.encode("utf-8"), exclusive=exclusive, expected=expected)


def _default_mode() -> int:
    umask = os.umask(0o022)
    os.umask(umask)
    return 0o666 & ~umask


def _check_unchanged(path: Path, expected: bytes) -> None:
    try:
        current = path.read_bytes()
    except FileNotFoundError:
        current = None
    if current != expected:
        raise ChangedSinceRead(str(path))


def _link_exclusive(tmp: str, path: Path) -> None:
    """Publish tmp at path only if path does not exist (hard link; O_EXCL where links are unsupported)."""
    try:
        os.link(tmp, path)  # fails with FileExistsError if someone created the file meanwhile
    except FileExistsError:
        raise
    except (OSError, NotImplementedError, AttributeError):
        # file systems without hard links (some network shares, FAT): reserve the name with
        # O_EXCL, then move the finished file over the reservation
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
        os.close(fd)
        try:
            os.replace(tmp, path)
        except BaseException:
            os.unlink(path)
            raise
        return
    os.unlink(tmp)


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
