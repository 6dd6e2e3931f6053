"""Read and parse many files at once: chunks of files on a process pool, results as compact blobs."""

from __future__ import annotations

import marshal
import os
import sys
from pathlib import Path
from typing import Any, Callable

from govdisc import progress
from govdisc.loading.codes import finding
from govdisc.loading.files import DEFAULT_MAX_FILE_BYTES, FileResult, from_entry, load_file, to_entry
from govdisc.loading.layout import FileSpec

#: Below this many files a process pool costs more than it saves.
PARALLEL_MIN_FILES = 1500


def default_jobs() -> int:
    return max(1, min(8, os.cpu_count() or 1))


#: Per-record work done where the record is read: (FileResult) → marshal-able value or None,
#: e.g. the per-record rules (check passes it: the loader knows nothing of rules).
Work = Callable[[FileResult], Any] | None

#: A chunk of results: (how, payload, products) — how "m" with a marshal blob of compact results
#: or "p" with the list itself; products the marshal blob of each file's `work` (or None).
Part = tuple[str, object, object]


def _load_chunk(args: tuple[str, list[FileSpec], int, Work]) -> Part:
    """Worker: read, parse and check a chunk of files; the results in compact form.

    Results travel as one marshal blob of plain tuples (see files.to_entry): about 2.5× cheaper
    for the parent to receive than pickled FileResult objects, and the same blob can go into the
    cache unchanged. Data marshal cannot encode (none that YAML's safe loader makes) goes as
    pickled tuples instead. The products of `work` travel beside them, never into the cache.
    """
    root, specs, limit, work = args
    entries, products = _entries(Path(root), specs, limit, work)
    try:
        made = marshal.dumps(products) if work is not None else None
    except ValueError:
        made = None
    try:
        return "m", marshal.dumps(entries), made
    except ValueError:
        return "p", entries, made


def _entries(root: Path, specs: list[FileSpec], limit: int, work: Work) -> tuple[list[tuple], list[Any]]:
    entries, products = [], []
    for spec in specs:
        result = load_file(root, spec, limit=limit)
        products.append(work(result) if work is not None and result.data is not None and result.kind else None)
        entries.append(_compact(result))
    return entries, products


def compact_entry(root: Path, spec: FileSpec, limit: int = DEFAULT_MAX_FILE_BYTES) -> tuple:
    """One file's result in compact form (files.to_entry), its data's mapping keys interned."""
    return _compact(load_file(root, spec, limit=limit))


def _compact(result: FileResult) -> tuple:
    """Records repeat the same few dozen key names; interned, marshal writes each once per chunk
    and a reference after that, and loading makes one string instead of one per record:
    files.bin is 11 % smaller, unmarshals ~30 % faster, and the loaded register takes less memory."""
    entry = to_entry(result)
    return entry if entry[3] is None else (*entry[:3], shared_keys(entry[3]), *entry[4:])


#: Values up to this length are interned too: dates, times, codes, enum values and names repeat
#: across records (a 100,000-record register holds ~800,000 strings, ~60 % of them repeats).
SHARED_VALUE_LEN = 24


def shared_keys(value: Any) -> Any:
    """The same data with every (exactly str) mapping key, and every short string value, replaced
    by its interned equal: one string object for all its occurrences in the loaded register."""
    if type(value) is dict:
        return {(sys.intern(k) if type(k) is str else k): shared_keys(v) for k, v in value.items()}
    if type(value) is list:
        return [shared_keys(v) for v in value]
    if type(value) is str and len(value) <= SHARED_VALUE_LEN:
        return sys.intern(value)
    return value


def chunk_entries(part: Part) -> list[tuple]:
    how, payload = part[0], part[1]
    return marshal.loads(payload) if how == "m" else payload  # type: ignore[arg-type,return-value]


def chunk_products(part: Part, n: int) -> list[Any]:
    """The products of `work` for the n files of a part (Nones where there are none)."""
    made = part[2] if len(part) > 2 else None
    return marshal.loads(made) if made is not None else [None] * n  # type: ignore[arg-type]


def parse_parts(root: Path, specs: list[FileSpec], jobs: int = 1,
                limit: int = DEFAULT_MAX_FILE_BYTES, work: Work = None) -> list[Part]:
    """Every file's result in compact form, as chunks (see Part), with `work` done on each record."""
    progress.stage("files", len(specs))
    if jobs <= 1 or len(specs) < PARALLEL_MIN_FILES:
        entries, products = [], []
        for s in specs:
            e, p = _entries(root, [s], limit, work)
            entries += e
            products += p
            progress.advance()
        return [("p", entries, marshal.dumps(products) if work is not None else None)]
    size = max(200, len(specs) // (jobs * 8))
    chunks = [(str(root), specs[i:i + size], limit, work) for i in range(0, len(specs), size)]
    # imported here: a warm command never starts a pool
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    try:
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            parts = []
            for chunk, part in zip(chunks, pool.map(_load_chunk, chunks)):
                parts.append(part)
                progress.advance(len(chunk[1]))
            return parts
    except BrokenProcessPool:
        return [_isolated(chunk) for chunk in chunks]


def _counted(value: Any) -> Any:
    """`value`, one file's work having been done (for the progress bar)."""
    progress.advance()
    return value


def _isolated(chunk: tuple[str, list[FileSpec], int, Work]) -> Part:
    """A chunk loaded again after a worker died (the parser crashed, or the OS killed it): alone
    in a fresh process, and if that dies too, file by file, so the one file that kills the
    parser gets a finding and every other file loads as usual."""
    root, specs, limit, work = chunk
    part = _in_own_process(chunk)
    if part is not None:
        return part
    entries: list[tuple] = []
    for spec in specs:
        one = _in_own_process((root, [spec], limit, None))
        if one is not None:
            entries.extend(chunk_entries(one))
        else:
            crash = finding("REG001", spec.path, line=1, column=1, problem="解析此文件时进程崩溃，文件可能是恶意构造的或已损坏",
                            problem_en="the process parsing this file crashed; the file may be malicious or damaged")
            entries.append(to_entry(FileResult(spec.path, spec.kind, findings=[crash])))
    return "p", entries, None


def _in_own_process(chunk: tuple[str, list[FileSpec], int, Work]) -> Part | None:
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    try:
        with ProcessPoolExecutor(max_workers=1) as pool:
            return pool.submit(_load_chunk, chunk).result()
    except BrokenProcessPool:
        return None


def load_results(root: Path, specs: list[FileSpec], jobs: int = 1,
                 limit: int = DEFAULT_MAX_FILE_BYTES, work: Work = None) -> list[FileResult]:
    if jobs <= 1 or len(specs) < PARALLEL_MIN_FILES:
        progress.stage("files", len(specs))
        out = []
        for s in specs:
            r = _counted(load_file(root, s, limit=limit))
            if work is not None and r.data is not None and r.kind:
                r.products = work(r)
            out.append(r)
        return out
    return results_of(parse_parts(root, specs, jobs, limit, work))


def results_of(parts: list[Part]) -> list[FileResult]:
    """The FileResults of parts, each with its products."""
    out = []
    for part in parts:
        entries = chunk_entries(part)
        for e, made in zip(entries, chunk_products(part, len(entries))):
            r = from_entry(e)
            r.products = made
            out.append(r)
    return out


