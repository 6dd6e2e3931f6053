"""How `new` and `event` read and write the register: through the loader's own scan and reader.

Authoring must be as careful as `check`: it sees exactly the files the loader sees (layout.scan,
layout.spec_for), reads them the way the loader reads (files.read_with_stat: O_NOFOLLOW, regular
files only, the size limit), and refuses what the loader refuses, saying why with the loader's
own finding. Writes go through atomic.write_bytes with `root=` (no link is written through) while
holding the register's write lock (`writing`).
"""

from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator

from govdisc.authoring.atomic import register_lock
from govdisc.authoring.errors import AuthoringError, io_refusal
from govdisc.config import DEFAULT_MAX_FILE_BYTES
from govdisc.loading.files import FileResult, load_file, read_with_stat
from govdisc.loading.layout import FileSpec, scan, spec_for
from govdisc.model import Finding


def refusal(f: Finding, code: str = "io") -> AuthoringError:
    """The loader's finding on a file, as the reason nothing was written."""
    return AuthoringError(f"{f.path}：{f.message_zh}（{f.code}）；请先修正（govdisc check 会报告同样的问题）",
                          f"{f.path}: {f.message_en} ({f.code}); fix that first (govdisc check reports it too)", code)


@contextmanager
def writing(root: Path) -> Iterator[None]:
    """The block runs holding the register's write lock; file-system failures become refusals
    that say what failed (permission, disk full, a link on the way) instead of internal errors."""
    try:
        with register_lock(root):
            yield
    except OSError as exc:
        raise io_refusal(exc) from None


def read_spec(root: Path, spec: FileSpec, limit: int = DEFAULT_MAX_FILE_BYTES) -> bytes:
    """The bytes the loader would read for this file, or the refusal naming its finding."""
    got = read_with_stat(root, spec, limit)
    if isinstance(got, Finding):
        raise refusal(got)
    return got[0]


def load_spec(root: Path, spec: FileSpec, limit: int = DEFAULT_MAX_FILE_BYTES,
              raw: bytes | None = None) -> FileResult:
    """The loader's result for one file (data conforming to its schema, or None and findings)."""
    return load_file(root, spec, raw, limit=limit)


def load_path(root: Path, rel: str, limit: int = DEFAULT_MAX_FILE_BYTES) -> FileResult | None:
    """The loader's result for one register-relative path; None when nothing is there."""
    spec = spec_for(root, rel)
    return None if spec is None else load_spec(root, spec, limit)


def usable_data(result: FileResult) -> dict[str, Any]:
    """A file's data, or the refusal naming why the loader could not read it."""
    if result.data is None:
        first = next((f for f in result.findings if f.severity == "error"), None) or (
            result.findings[0] if result.findings else None)
        if first is None:
            raise AuthoringError(f"{result.path} 无法读取", f"{result.path} cannot be read", "io")
        raise refusal(first)
    return result.data


def files_of(root: Path, tops: tuple[str, ...], kinds: tuple[str, ...], under: str | None = None) -> list[FileSpec]:
    """The readable-looking files of these kinds in these layout folders (optionally under one
    subfolder), as the scan lists them; refused entries are left to `govdisc check`."""
    prefix = None if under is None else under.rstrip("/") + "/"
    return [s for s in scan(root, tops)[1:]
            if s.kind in kinds and s.refused is None and (prefix is None or s.path.startswith(prefix))]


def records(root: Path, specs: list[FileSpec], limit: int = DEFAULT_MAX_FILE_BYTES,
            needle: str | None = None) -> Iterator[tuple[FileSpec, dict[str, Any]]]:
    """(spec, data) of every file that loads; with `needle`, only files whose bytes contain it
    (a cheap test before parsing)."""
    wanted = needle.encode("utf-8") if needle is not None else None
    for spec in specs:
        got = read_with_stat(root, spec, limit)
        if isinstance(got, Finding) or (wanted is not None and wanted not in got[0]):
            continue
        result = load_spec(root, spec, limit, got[0])
        if result.data is not None:
            yield spec, result.data
