"""The layout scan kept in the cache (.govdisc-cache/scan.bin) while no folder has changed.

Listing 100,000 files and classifying each cost ~0.4 s per command. What the scan decides
depends only on the folders' entries (names and types), and any entry added, removed, renamed
or replaced (a file turned link or pipe) changes its folder's mtime and ctime. The scan is kept
with the stat of every folder it listed, each taken before the listing; a later scan is reused
when every folder's stat is the same and old enough to be trusted (git's racy-clean rule, as
for files: loading/cache.py). Only a scan of plain files is kept: links (whose targets may
change without any folder changing) and refused entries are scanned every time.
"""

from __future__ import annotations

import marshal
import os
import time
from pathlib import Path

from govdisc.loading import cache as _cache
from govdisc.loading.layout import FileSpec, scan
from govdisc.loading.store import read_blob, write_blob

SCAN_FILE = "scan.bin"


def _sig(st: os.stat_result) -> tuple:
    return (st.st_mtime_ns, st.st_ctime_ns, st.st_ino, st.st_dev)


def cached_scan(root: Path) -> list[FileSpec]:
    """scan(root), from the cache when no folder of the register changed since it was kept."""
    stamp = time.time_ns()
    key = _cache.result_key(("scan", 1))
    try:
        payload = read_blob(root, SCAN_FILE, key)
        if payload is not None:
            kept_at, folders, rows = marshal.loads(payload)
            if _unchanged(root, folders, kept_at):
                return [FileSpec(*row) for row in rows]
    except Exception:  # noqa: BLE001 - an unusable kept scan is simply not used
        pass
    folders: list = []
    specs = scan(root, folders=folders)
    if all(s.target is None and s.refused is None for s in specs):
        rows = [(s.path, s.kind, s.year, s.dept) for s in specs]
        try:
            write_blob(root, SCAN_FILE, key, marshal.dumps((stamp, [(rel, _sig(st)) for rel, st in folders], rows)))
        except (OSError, ValueError):
            pass  # a read-only register: scanned every time
    return specs


def _unchanged(root: Path, folders: list, kept_at: int) -> bool:
    if not _cache.TRUST_STAT:
        return False
    limit = kept_at - _cache.STAT_MARGIN_NS
    for rel, sig in folders:
        try:
            now = _sig(os.stat(os.path.join(root, rel)))
        except OSError:
            return False
        if now != tuple(sig) or max(now[0], now[1]) >= limit:
            return False
    return True
