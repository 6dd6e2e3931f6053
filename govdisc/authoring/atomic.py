"""Atomic file writes: a temporary file in the same folder, fsync, rename — or nothing at all.

Writes into a register (`root=` given) follow the loader's rules for what is inside it: every
folder on the way must be a real folder of the register (a link is refused, never followed,
see `folder_inside`), the file replaced must be a regular file that is not read-only, and the
compare-and-swap reads it the way the loader does (files.read_regular: O_NOFOLLOW, never a pipe).
Writers of one register take turns through `register_lock`, an OS lock on a file in the cache
folder, held from reading a record to renaming its new version into place.
"""

from __future__ import annotations

import errno
import os
import stat
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterable, Iterator

from govdisc.loading.files import NotRegular, TooLarge, read_regular
from govdisc.loading.layout import resolve_inside

LOCK_NAME = "write.lock"
#: How long a writer waits for another one before giving up (a writer holds the lock for well
#: under a second; minutes mean a process hangs, and the user should hear about it).
LOCK_TIMEOUT = 120.0


class ChangedSinceRead(Exception):
    """The file is no longer what the caller read: someone else wrote it meanwhile."""


class NotInside(OSError):
    """The path, or a folder on the way to it, is a link or not a folder: never written through."""

    def __init__(self, path: Path | str, why: str) -> None:
        super().__init__(errno.ELOOP, why, str(path))


class ReadOnly(PermissionError):
    """The file has no write permission: its owner made it read-only, so it is not replaced."""

    def __init__(self, path: Path | str) -> None:
        super().__init__(errno.EACCES, "the file is read-only", str(path))


class LockTimeout(OSError):
    """Another writer held the register's lock for longer than LOCK_TIMEOUT."""


def write_bytes(path: Path, data: bytes | Iterable[bytes], *, exclusive: bool = False,
                expected: bytes | None = None, root: Path | None = None) -> None:
    """Replace (or, with exclusive, create) `path` so readers see the old or the new file, never half.

    With `expected`, refuse (ChangedSinceRead) when the file no longer holds exactly those bytes,
    so an edit made between our read and our write is never silently lost. With `root`, `path`
    must lie inside that register: see the module docstring (NotInside, ReadOnly otherwise).
    On any error the original is untouched and the temporary file is removed. `data` may come
    in chunks (a large report is then never held whole).
    """
    path = Path(path)
    if root is not None:
        folder = folder_inside(root, path.parent)
        _writable_target(path)
        _remove_stale_temporaries(folder, path.name)
    else:  # an output file the user named (-o): a device or pipe is written to, a link's target replaced
        if not exclusive and expected is None and _stream(path):
            _write_through(path, data)
            return
        if os.path.islink(path):
            path = Path(os.path.realpath(path))
        folder = path.parent
        folder.mkdir(parents=True, exist_ok=True)
    if exclusive and os.path.lexists(path):
        raise FileExistsError(str(path))
    if expected is not None:
        _check_unchanged(path, expected)
    # mkstemp creates 0600; a new file gets the usual 0666 & ~umask, a replaced one keeps its mode
    mode = _mode_of(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as fh:
            for chunk in ((data,) if isinstance(data, bytes) else data):
                fh.write(chunk)
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
    except BaseException as exc:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        if isinstance(exc, OSError) and exc.errno is not None and exc.filename is None:
            exc.filename = str(path)  # say which file could not be written (disk full, …)
        raise


def _stream(path: Path) -> bool:
    """`-o /dev/null`, `-o /dev/stdout`, a named pipe: not a file to replace (renaming over
    /dev/null would put a regular file in its place)."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return False
    return stat.S_ISCHR(mode) or stat.S_ISFIFO(mode) or stat.S_ISSOCK(mode) or stat.S_ISBLK(mode)


def _write_through(path: Path, data: bytes | Iterable[bytes]) -> None:
    with open(path, "wb") as fh:
        for chunk in ((data,) if isinstance(data, bytes) else data):
            fh.write(chunk)


def write_text(path: Path, text: str, *, exclusive: bool = False, expected: bytes | None = None,
               root: Path | None = None) -> None:
    write_bytes(path, text.encode("utf-8"), exclusive=exclusive, expected=expected, root=root)


# -- inside the register -------------------------------------------------------------------------


def folder_inside(root: Path, folder: Path, create: bool = True) -> Path:
    """`folder` (under `root`), each missing folder on the way created; NotInside when any step is
    a link or not a folder, or the result is not inside the register (layout.resolve_inside)."""
    root, folder = Path(root), Path(folder)
    try:
        rel = folder.relative_to(root)
    except ValueError:
        raise NotInside(folder, "not inside the register") from None
    current = root
    for part in rel.parts:
        if part in ("..", "."):
            raise NotInside(folder, "not inside the register")
        current = current / part
        try:
            st = os.lstat(current)
        except FileNotFoundError:
            if not create:
                raise
            try:
                os.mkdir(current)
            except FileExistsError:
                pass
            st = os.lstat(current)
        if stat.S_ISLNK(st.st_mode):
            raise NotInside(current, "a link to a folder (authoring never writes through links)")
        if not stat.S_ISDIR(st.st_mode):
            raise NotInside(current, "not a folder")
    if rel.parts and resolve_inside(os.path.realpath(root), str(current)) is None:
        raise NotInside(current, "leads outside the register")
    return current


def _writable_target(path: Path) -> None:
    """A file to be replaced must be a regular file (not a link) whose mode allows writing."""
    try:
        st = os.lstat(path)
    except FileNotFoundError:
        return
    if stat.S_ISLNK(st.st_mode):
        raise NotInside(path, "a link (authoring never writes through links)")
    if not stat.S_ISREG(st.st_mode):
        raise NotRegular(str(path))
    if not st.st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH):
        raise ReadOnly(path)


def _remove_stale_temporaries(folder: Path, name: str) -> None:
    """Temporary files of `name` left by a write that was killed. Only called under the register
    lock, when no other govdisc writer can be using one."""
    prefix = f".{name}."
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    for entry in entries:
        if entry.name.startswith(prefix) and entry.name.endswith(".tmp") and entry.is_file(follow_symlinks=False):
            try:
                os.unlink(entry.path)
            except OSError:
                pass


# -- one writer at a time -----------------------------------------------------------------------


def _default_notice() -> None:
    sys.stderr.write("govdisc: 另一个 govdisc 正在写入此登记簿，等待其完成… / "
                     "another govdisc is writing to this register; waiting for it to finish…\n")
    sys.stderr.flush()


@contextmanager
def register_lock(root: Path, *, timeout: float = LOCK_TIMEOUT,
                  notice: Callable[[], None] = _default_notice) -> Iterator[None]:
    """Hold the register's writer lock (<root>/.govdisc-cache/write.lock) for the block.

    An OS lock (flock / LockFileEx) on a file that is never written: released by the kernel when
    the process ends, however it ends, so a killed writer leaves nothing to clean up. When
    another writer holds it, `notice` says so once (on stderr) and we wait, up to `timeout`
    seconds (LockTimeout then). Never through a link: the cache folder must be a real folder.
    """
    from govdisc.loading.store import made_cache_folder

    folder = made_cache_folder(root)
    flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
    fd = os.open(folder / LOCK_NAME, flags, 0o644)
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise NotRegular(str(folder / LOCK_NAME))
        if not _try_lock(fd):
            notice()
            deadline = time.monotonic() + timeout
            while not _try_lock(fd):
                if time.monotonic() > deadline:
                    raise LockTimeout(errno.ETIMEDOUT, f"waited {timeout:.0f} s for the register's write lock",
                                      str(folder / LOCK_NAME))
                time.sleep(0.02)
        try:
            yield
        finally:
            _unlock(fd)
    finally:
        os.close(fd)


try:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except BlockingIOError:
            return False

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)

except ImportError:  # pragma: no cover - Windows
    import msvcrt

    def _try_lock(fd: int) -> bool:
        os.lseek(fd, 0, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
            return True
        except OSError:
            return False

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)


# -- helpers ------------------------------------------------------------------------------------


def _mode_of(path: Path) -> int:
    try:
        return os.lstat(path).st_mode & 0o7777
    except FileNotFoundError:
        return _default_mode()


def _default_mode() -> int:
    umask = os.umask(0o022)
    os.umask(umask)
    return 0o666 & ~umask


def _check_unchanged(path: Path, expected: bytes) -> None:
    """The file still holds `expected`, read as the loader reads (never through a link or a pipe,
    never more than one byte past the expected size)."""
    try:
        current: bytes | None = read_regular(str(path), len(expected))[0]
    except FileNotFoundError:
        current = None
    except (TooLarge, NotRegular):
        raise ChangedSinceRead(str(path)) from None
    except OSError as exc:
        if exc.errno == errno.ELOOP:  # became a link
            raise ChangedSinceRead(str(path)) from None
        raise
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
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o644)
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
