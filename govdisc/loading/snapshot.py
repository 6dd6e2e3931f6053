"""Has anything in the register changed since a result was computed? (as cheaply as `git status`)

A result kept in the cache (a check's findings) stands for one state of the register: the scan's
verdict on every path (kind, link target, refusal) and the content of every file read. The state
is kept beside the result as the scan's list and each file's stat signature and content digest.
`unchanged` answers with one scan and one `stat` per file: a file whose signature is the one
recorded, and old enough to be trusted (git's racy-clean rule, see cache._trusted), has not been
written since; any other is read and its digest compared. No record is parsed or unmarshalled.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from govdisc.loading import cache as _cache
from govdisc.loading.files import FileResult, digest, read_path, stat_signature
from govdisc.loading.layout import FileSpec

#: (scan list, signatures, digests, stamp): see `state_of`
State = tuple


def fingerprint(specs: list[FileSpec]) -> list[tuple]:
    """What the scan decided for every path, in scan order."""
    return [(s.path, s.kind, s.target, s.refused) for s in specs]


def state_of(specs: list[FileSpec], results: list[FileResult], stamp: int) -> State | None:
    """The register state a load saw: the scan, and for every file read its signature and digest
    (None where nothing was read); `stamp` is a time before any of its files was stat'ed or read.
    None when a file was read without a signature (then no result can be trusted to stand)."""
    sigs: list[tuple | None] = []
    digests: list[str | None] = []
    read = iter(results)  # the results of the specs that were read, in scan order
    r = next(read, None)
    for spec in specs:
        if r is None or r.path != spec.path:  # not read: the scan's verdict is all that counts
            sigs.append(None)
            digests.append(None)
            continue
        if r.digest and r.stat is None:
            return None
        sigs.append(r.stat if r.digest else None)
        digests.append(r.digest or None)
        r = next(read, None)
    if r is not None:  # results not in scan order: no state is kept
        return None
    newest = max((max(s[1], s[2]) for s in sigs if s is not None), default=0)
    return (fingerprint(specs), sigs, digests, stamp, newest)


def unchanged(root: Path, specs: list[FileSpec], state: Any, limit: int,
              seen: dict[str, tuple] | None = None) -> bool:
    """Is the register at `root`, as `specs` (a fresh scan) shows it, still in `state`?
    `seen` receives the signature of every file stat'ed on the way (path → signature), so that a
    load that follows a "no" need not stat them again."""
    try:
        fp, sigs, digests, stamp, newest = state
    except (TypeError, ValueError):
        return False
    if len(specs) != len(sigs) or fingerprint(specs) != fp:
        return False
    prefix = os.path.join(str(root), "")
    now: list[tuple | None] = []
    for spec, sig in zip(specs, sigs):
        if sig is None:
            now.append(None)
            continue
        try:
            now.append(stat_signature(os.stat(prefix + spec.source)))
        except OSError:
            return False
    if now == sigs and _cache.TRUST_STAT and newest < stamp - _cache.STAT_MARGIN_NS:
        return True
    if seen is not None:
        seen.update((spec.path, sig) for spec, sig in zip(specs, now) if sig is not None)
    for i, (spec, sig) in enumerate(zip(specs, sigs)):
        if sig is None or _cache._trusted(sig, now[i], stamp):  # type: ignore[arg-type]
            continue
        try:
            raw, _ = read_path(prefix + spec.source, limit)
        except OSError:
            return False
        if digest(raw) != digests[i]:
            return False
    return True
