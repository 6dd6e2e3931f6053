"""Authenticated files in <register>/.govdisc-cache/: the one place cache bytes are read or written.

Every file is MAGIC, its key, a keyed BLAKE2b MAC and the payload; the MAC key is bound to the
key file itself (see `_bind`), so a cache that arrives with the register never authenticates.
The loader's results, rule findings, positions and calendar data all go through here.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import stat
import sys
import tempfile
from pathlib import Path

from govdisc.loading.files import read_regular
from govdisc.loading.layout import CACHE_DIR

MAGIC = b"govdisc-cache\x00"

KEY_FILE = "key"


def cache_folder(root: Path) -> Path | None:
    """The register's cache folder if it is a real folder (or absent) inside the register; None
    when it is a link or anything else, so no cache is read from or written through it."""
    folder = root / CACHE_DIR
    try:
        st = os.lstat(folder)
    except FileNotFoundError:
        return folder
    except OSError:
        return None
    return folder if stat.S_ISDIR(st.st_mode) else None


def made_cache_folder(root: Path) -> Path:
    """The cache folder, created if missing (git-ignored); OSError when it is a link or anything
    but a real folder, so nothing is ever written through it (the cache files, the write lock)."""
    folder = cache_folder(root)
    if folder is None:
        raise OSError(f"{root / CACHE_DIR} is not a folder")
    folder.mkdir(exist_ok=True)
    if cache_folder(root) is None:  # swapped for a link meanwhile
        raise OSError(f"{root / CACHE_DIR} is not a folder")
    _ensure_gitignore(folder)
    return folder


def _read_small(path: Path) -> tuple[bytes, os.stat_result] | None:
    """A regular file's bytes and stat, never through a link; None if it is not one."""
    try:
        return read_regular(str(path), sys.maxsize)
    except OSError:
        return None


def _bind(secret: bytes, st: os.stat_result) -> bytes:
    """The MAC key: the key file's random bytes bound to that very file (inode, device, change
    time in ns). A key file that arrives with the register (git, a copy, an archive) is always a
    new file, so a cache planted in a merge request cannot be authenticated, whatever it says."""
    ident = b"%d:%d:%d:%d" % (st.st_ino, st.st_dev, st.st_ctime_ns, st.st_mtime_ns)
    return hashlib.blake2b(secret + ident, digest_size=32).digest()


_MAC_KEYS: dict[str, bytes] = {}


def _mac_key(folder: Path, create: bool) -> bytes | None:
    """This cache folder's MAC key; made (with a fresh random secret) if `create`."""
    cached = _MAC_KEYS.get(str(folder))
    if cached is not None:
        return cached
    path = folder / KEY_FILE
    got = _read_small(path)
    if got is not None and len(got[0]) == 32 and got[1].st_nlink == 1:
        key = _bind(*got)
    elif not create:
        return None
    else:
        key = _new_key(path)
    _MAC_KEYS[str(folder)] = key
    return key


def _new_key(path: Path) -> bytes:
    try:
        os.unlink(path)
    except FileNotFoundError:
        pass
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o600)
    try:
        secret = os.urandom(32)
        os.write(fd, secret)
        return _bind(secret, os.fstat(fd))
    finally:
        os.close(fd)


def _mac(key: bytes, payload: bytes | memoryview) -> bytes:
    return hashlib.blake2b(payload, digest_size=16, key=key).digest()


def read_blob(root: Path, name: str, key: bytes) -> memoryview | None:
    """The payload of a cache file if it is ours, for this key, and authentic; else None.

    Authentic means its MAC checks out under this cache's key (see `_bind`): only then is the
    payload unmarshalled, so nothing in a cache that govdisc did not write here is ever decoded
    (marshal is not safe against crafted data; pickle is not used at all).
    """
    folder = cache_folder(root)
    if folder is None:
        return None
    mac_key = _mac_key(folder, create=False)
    got = _read_small(folder / name) if mac_key is not None else None
    if got is None:
        return None
    raw = got[0]
    head = len(MAGIC) + 4
    if raw[:len(MAGIC)] != MAGIC:
        return None
    klen = int.from_bytes(raw[len(MAGIC):head], "little")
    if raw[head:head + klen] != key:
        return None
    check = raw[head + klen:head + klen + 16]
    payload = memoryview(raw)[head + klen + 16:]
    return payload if hmac.compare_digest(_mac(mac_key, payload), check) else None  # type: ignore[arg-type]


def write_blob(root: Path, name: str, key: bytes, payload: bytes) -> None:
    """Replace <root>/.govdisc-cache/<name> (temp file + rename); OSError if it cannot.

    Never writes through a link: the folder must be a real one, and the temporary file is
    created exclusively, then renamed over whatever `name` was (a planted link included).
    """
    write_blob_parts(root, name, key, [payload])


def write_blob_parts(root: Path, name: str, key: bytes, parts: list) -> None:
    """write_blob of the payload made of `parts` (bytes-like) one after the other, never joined
    in memory (a 40 MB cache is written without a second 40 MB copy of it)."""
    folder = made_cache_folder(root)
    mac_key = _mac_key(folder, create=True)
    mac = hashlib.blake2b(digest_size=16, key=mac_key)  # type: ignore[arg-type]
    for part in parts:
        mac.update(part)
    fd, tmp = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(MAGIC)
            fh.write(len(key).to_bytes(4, "little"))
            fh.write(key)
            fh.write(mac.digest())
            for part in parts:
                fh.write(part)
        os.replace(tmp, folder / name)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def _ensure_gitignore(folder: Path) -> None:
    try:
        fd = os.open(folder / ".gitignore", os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o644)
    except OSError:
        return  # already there (or a planted link, which is left alone and never followed)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write("*\n")
