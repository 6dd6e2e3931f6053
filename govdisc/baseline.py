"""`check --new-against REF`: judge a change, not the calendar.

The register as it was at git revision REF is copied out of git's object store into a temporary
folder (`git ls-tree` + `git cat-file --batch`: the committed bytes exactly, no filters, no
checkout, the work tree never touched), both sides are checked at the same as-of date, and only
the findings the working tree adds are kept, wherever they land: renaming a catalog item breaks
the document that names it, not the file that was edited.

Findings are matched without line numbers, which any edit above them shifts: by code, file,
record and the place in the record (its pointer); findings with no pointer (syntax errors) by
their message with numbers blanked. Equal keys are counted, so a second identical mistake is
new. An overdue application is overdue on both sides and never blocks an unrelated commit.
"""

from __future__ import annotations

import os
import re
import tempfile
from collections import Counter
from dataclasses import replace
from datetime import date
from pathlib import Path

from govdisc.check import CheckResult, run_check
from govdisc.config import DEFAULT_MAX_FILE_BYTES, Config
from govdisc.gitrepo import GitError, run_git, run_git_bytes
from govdisc.loading.layout import CONFIG_NAME, LAYOUT_DIRS
from govdisc.model import Finding
from govdisc.scope import ScopeError

#: blobs fetched per `git cat-file --batch` call, in bytes: bounds the memory a big register takes
BATCH_BYTES = 16 << 20


def _git_error(exc: GitError) -> ScopeError:
    if exc.missing:
        return ScopeError("找不到 git 命令", "git is not installed")
    return ScopeError(f"git 出错：{exc.message}", f"git failed: {exc.message}")


def _commit(root: Path, ref: str) -> str | None:
    """The commit REF names; None when REF is the HEAD of a repository with no commit yet (the
    first commit: everything is new). ScopeError when REF names nothing or root is not in git."""
    if ref.startswith("-"):
        raise ScopeError(f"git 版本不能以 - 开头：{ref}", f"a git revision cannot start with '-': {ref}")
    try:
        run_git(root, "rev-parse", "--git-dir")
    except GitError as exc:
        raise _git_error(exc) from None
    try:
        return run_git(root, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}").strip()
    except GitError:
        pass
    if ref == "HEAD" and not run_git(root, "rev-list", "-n", "1", "--all").strip():
        return None
    raise ScopeError(f"找不到 git 版本 {ref}", f"no git revision {ref}")


def _entries(root: Path, commit: str) -> list[tuple[str, str, str, int]]:
    """(mode, object id, register-relative path, size) of the register's files at `commit`;
    [] when the register's folder did not exist then."""
    prefix = run_git(root, "rev-parse", "--show-prefix").strip()
    tree = f"{commit}:{prefix.rstrip('/')}" if prefix else f"{commit}^{{tree}}"
    try:
        if run_git(root, "cat-file", "-t", tree).strip() != "tree":
            return []
    except GitError:
        return []
    out = []
    for item in run_git_bytes(root, "ls-tree", "-r", "-z", "-l", "--full-tree", tree).split(b"\0"):
        if not item:
            continue
        meta, _, name = item.partition(b"\t")
        mode, kind, oid, size = meta.decode("ascii").split()
        rel = os.fsdecode(name)
        if kind != "blob" or not _wanted(rel):
            continue
        out.append((mode, oid, rel, int(size) if size.isdigit() else 0))
    return out


def _wanted(rel: str) -> bool:
    parts = rel.split("/")
    if any(p in ("", ".", "..") for p in parts):
        return False
    return rel == CONFIG_NAME or (len(parts) > 1 and parts[0] in LAYOUT_DIRS)


def _blobs(root: Path, oids: list[str]) -> dict[str, bytes]:
    """Contents of the given blobs, one `git cat-file --batch` call for all of them."""
    if not oids:
        return {}
    raw = run_git_bytes(root, "cat-file", "--batch", input="".join(o + "\n" for o in oids).encode("ascii"))
    out: dict[str, bytes] = {}
    pos = 0
    for oid in oids:
        end = raw.index(b"\n", pos)
        header = raw[pos:end].split()
        size = int(header[2]) if len(header) == 3 else 0
        out[oid] = raw[end + 1:end + 1 + size]
        pos = end + 1 + size + 1
    return out


def _limit(root: Path, entries: list[tuple[str, str, str, int]]) -> int:
    """The per-file size limit of the register at that revision (its own govdisc.yaml)."""
    from govdisc.loading.yamlio import load_text

    config = next((e for e in entries if e[2] == CONFIG_NAME and e[0] != "120000"), None)
    if config is None or config[3] > DEFAULT_MAX_FILE_BYTES:
        return DEFAULT_MAX_FILE_BYTES
    data, _ = load_text(_blobs(root, [config[1]])[config[1]].decode("utf-8", "replace"))
    return Config.from_data(data).max_file_bytes


def extract(root: Path, ref: str, dest: Path) -> bool:
    """Write the register as it was at REF into `dest`; False when there was none (no commit
    yet, or its folder did not exist). Links are recreated as links (the loader refuses those
    leading out, as it does in the work tree); a file over the size limit becomes a sparse file
    of its size, so it is reported (REG017) without being fetched."""
    try:
        commit = _commit(root, ref)
        if commit is None:
            return False
        entries = _entries(root, commit)
        if not entries:
            return False
        limit = _limit(root, entries)
        fetch = [e for e in entries if e[0] == "120000" or e[3] <= limit]
        batch: list[tuple[str, str, str, int]] = []
        size = 0
        for entry in fetch + [("", "", "", BATCH_BYTES)]:  # a sentinel flushes the last batch
            if batch and (size + entry[3] > BATCH_BYTES or not entry[0]):
                _write(dest, batch, _blobs(root, [e[1] for e in batch]))
                batch, size = [], 0
            if entry[0]:
                batch.append(entry)
                size += entry[3]
        for mode, _oid, rel, size in entries:
            if mode != "120000" and size > limit:
                target = _target(dest, rel)
                with open(target, "wb") as fh:
                    fh.truncate(size)
    except GitError as exc:
        raise _git_error(exc) from None
    return True


def _target(dest: Path, rel: str) -> str:
    target = os.path.join(dest, *rel.split("/"))
    os.makedirs(os.path.dirname(target), exist_ok=True)
    return target


def _write(dest: Path, batch: list[tuple[str, str, str, int]], blobs: dict[str, bytes]) -> None:
    for mode, oid, rel, _size in batch:
        target = _target(dest, rel)
        if mode == "120000":
            os.symlink(os.fsdecode(blobs[oid]), target)
        else:
            with open(target, "wb") as fh:
                fh.write(blobs[oid])


_NUMBER = re.compile(r"\d+")


def fingerprint(f: Finding) -> tuple:
    """What identifies a finding across two versions of a register, without line numbers."""
    message = "" if f.pointer else _NUMBER.sub("#", f.message_en)
    return (f.code, f.path, f.record, tuple(map(str, f.pointer)), message)


def added(current: list[Finding], before: list[Finding]) -> list[Finding]:
    """The findings of `current` that `before` does not have, counting equal fingerprints."""
    left = Counter(fingerprint(f) for f in before)
    out = []
    for f in current:
        key = fingerprint(f)
        if left[key] > 0:
            left[key] -= 1
        else:
            out.append(f)
    return out


def check_new_against(root: Path, ref: str, as_of: date, jobs: int | None = None,
                      cache: bool = False) -> CheckResult:
    """The working tree's check, keeping only the findings it adds to the register at REF.
    Both sides are judged on the same as-of date, so the calendar alone adds nothing."""
    current = run_check(root, as_of, jobs=jobs, cache=cache)
    before = _findings_at(root, ref, as_of, jobs)
    new = added(current.findings, before)
    return replace(current, findings=new, against=ref, existing=len(current.findings) - len(new))


def _findings_at(root: Path, ref: str, as_of: date, jobs: int | None) -> list[Finding]:
    """The findings of the register at REF, checked in a scratch folder. Memory-backed when the
    system has one (writing 20,000 small files costs ~35× more on a busy disk) and the user did
    not choose a temporary folder; on the disk when that is full."""
    places = [None] if os.environ.get("TMPDIR") or not _usable(SHM) else [SHM, None]
    for i, place in enumerate(places):
        try:
            with tempfile.TemporaryDirectory(prefix="govdisc-base-", dir=place) as tmp:
                base = Path(tmp) / "register"
                base.mkdir()
                if not extract(root, ref, base) or not (base / CONFIG_NAME).exists():
                    return []
                return run_check(base, as_of, jobs=jobs).findings
        except OSError:
            if i + 1 == len(places):
                raise
    return []  # pragma: no cover - the loop returns or raises


SHM = "/dev/shm"


def _usable(folder: str) -> bool:
    return os.path.isdir(folder) and os.access(folder, os.W_OK | os.X_OK)
