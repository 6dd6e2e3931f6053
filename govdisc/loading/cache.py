"""Per-file results cached in <register>/.govdisc-cache/, keyed by content hash.

The cache only ever saves parsing and schema validation of unchanged files; it is keyed by
the file's content hash, the govdisc version, the schemas' hash and the loader's code, so it can
never change a result. A corrupt, partial or foreign cache is ignored and rebuilt.

Format (one file, `files.bin`): MAGIC, the key, a keyed BLAKE2b MAC of the payload (see
store.py), then the payload: a 4-byte length and a marshal header (stamp, each chunk's length),
then the chunks, each a marshal list of compact results (files.to_entry). marshal loads 2.5×
faster than pickled FileResult objects, the blobs that pool workers send back are written as
they are, without serialising the results a second time, and a chunk whose files are all
unchanged is written back as it was read (a changed file re-encodes the rest of its chunk, not
the whole cache); nothing is joined into one copy in memory. marshal's format depends on the
Python version, which is part of the key; the MAC guards against partial writes, so the file
is replaced without fsync (losing a cache costs one slow run, nothing else).

`rules.bin`, same framing: the findings of the per-record rules per file (rules.engine.RecordHits),
keyed by everything `files.bin` is keyed by plus the source of the whole govdisc package.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import sys
import time
from functools import lru_cache
from pathlib import Path
from typing import Any

from govdisc import __version__, validation
from govdisc.config import DEFAULT_MAX_FILE_BYTES
from govdisc.loading.files import (FINDING_FIELDS, FileResult, digest, from_entry, read_with_stat,
                                   stat_signature, to_entry)
from govdisc.loading.layout import CACHE_DIR, FileSpec
from govdisc.loading.parallel import Work, chunk_entries, chunk_products, parse_parts, results_of
from govdisc.loading.store import read_blob, write_blob, write_blob_parts
from govdisc.model import Finding

CACHE_FILE = "files.bin"
RULES_FILE = "rules.bin"  # per-record rule findings, see rules.engine.RecordHits
RULES_FORMAT = 2
OLD_FILES = ("files.pickle", "calendar.pickle")  # earlier formats, removed when a new cache is written
FORMAT = 5
#: Trust an unchanged stat signature instead of reading and hashing the file (see _trusted).
#: Not on Windows, where st_ctime is the creation time.
TRUST_STAT = os.name != "nt"
STAT_MARGIN_NS = 3_000_000_000  # coarser than any file system's timestamp granularity


def _code_hash() -> str:
    """The code that produces cached results; a changed installation never reuses old entries."""
    h = hashlib.blake2b(digest_size=16)
    base = Path(__file__).resolve().parent.parent
    for rel in ("loading/files.py", "loading/yamlio.py", "loading/fastcheck.py", "loading/cache.py",
                "loading/register.py", "loading/parallel.py", "validation.py", "codes.py", "loading/codes.py", "loading/store.py",
                "textsafety.py", "dates.py"):
        try:
            h.update((base / rel).read_bytes())
        except OSError:
            h.update(rel.encode())
    return h.hexdigest()


@lru_cache(maxsize=1)
def _libraries() -> tuple:
    """Versions of the libraries whose behaviour the cached results depend on."""
    import ruamel.yaml

    found = _dist_infos()
    return (getattr(ruamel.yaml, "__version__", "?"),
            *(found.get(name) or _dist(name) for name in ("jsonschema", "pyyaml", "holidays")))


def _dist_infos() -> dict[str, str]:
    """name → version of the distributions installed on sys.path, from the names of their
    `<name>-<version>.dist-info` folders (one listing per path entry: importlib.metadata took
    ~7 ms per library, a fifth of a warm check of a small register)."""
    out: dict[str, str] = {}
    for folder in sys.path:
        try:
            names = os.listdir(folder or ".")
        except OSError:
            continue
        for entry in names:
            if entry.endswith(".dist-info"):
                name, _, version = entry[:-10].partition("-")
                out.setdefault(name.lower().replace("_", "-").replace(".", "-"), version)
    return out


def _dist(name: str) -> str:
    try:
        from importlib.metadata import version

        return version(name)
    except Exception:  # noqa: BLE001
        return "?"


@lru_cache(maxsize=1)
def _source_hash() -> str:
    """Every Python file of the govdisc package: what per-record rule findings may depend on."""
    h = hashlib.blake2b(digest_size=16)
    base = Path(__file__).resolve().parent.parent
    for path in sorted(base.rglob("*.py")):
        rel = path.relative_to(base).as_posix()
        h.update(rel.encode() + b"\0")
        try:
            h.update(path.read_bytes())
        except OSError:
            pass
    return h.hexdigest()


def _key(limit: int = DEFAULT_MAX_FILE_BYTES) -> bytes:
    key = (FORMAT, __version__, validation.schema_hash(), _code_hash(), tuple(sys.version_info[:2]),
           marshal.version, FINDING_FIELDS, _libraries(), limit)
    return marshal.dumps(key)


def cache_path(root: Path) -> Path:
    return root / CACHE_DIR / CACHE_FILE


def _decode_chunk(blob: Any) -> list[tuple]:
    return marshal.loads(blob)


def _encode_chunk(how: str, payload: object) -> bytes:
    """A chunk for the cache: the workers' marshal blob as it came, or the entries marshalled;
    ValueError for data marshal cannot encode (then no cache)."""
    return payload if how == "m" else marshal.dumps(payload)  # type: ignore[return-value]


def read_cache(root: Path, limit: int = DEFAULT_MAX_FILE_BYTES) -> dict[str, tuple]:
    """path → compact result (files.to_entry), or {} for a missing, foreign or damaged cache."""
    return _read_cache(root, limit)[1]


def _read_cache(root: Path, limit: int = DEFAULT_MAX_FILE_BYTES) -> tuple[int, dict[str, tuple]]:
    """(when the cached signatures were taken, path → compact result); (0, {}) if unusable."""
    stamp, out, _ = _read_chunks(root, limit)
    return stamp, out


def _read_chunks(root: Path, limit: int) -> tuple[int, dict[str, tuple], list[tuple[Any, list[tuple]]]]:
    """(stamp, path → compact result, [(chunk blob, its entries)]); (0, {}, []) if unusable.

    The payload is a length-prefixed marshal header (stamp, each chunk's length) followed by the
    chunk blobs: each is decoded from a slice of the file as read, never copied first."""
    try:
        payload = read_blob(root, CACHE_FILE, _key(limit))
        if payload is None:
            return 0, {}, []
        size = int.from_bytes(payload[:4], "little")
        stamp, lengths = marshal.loads(payload[4:4 + size])
        out: dict[str, tuple] = {}
        chunks = []
        at = 4 + size
        for n in lengths:
            blob = payload[at:at + n]
            at += n
            entries = _decode_chunk(blob)
            chunks.append((blob, entries))
            for e in entries:
                out[e[0]] = e
        return stamp, out, chunks
    except Exception:  # noqa: BLE001 - any unreadable cache is simply not used
        return 0, {}, []


def result_key(parts: tuple) -> bytes:
    """The key of a result computed from the whole register (a check's findings): everything
    the per-record rule findings depend on, and `parts` (what else: the as-of date...)."""
    return marshal.dumps((_key(), _source_hash(), parts))


def _rules_key() -> bytes:
    """Rule findings depend on the records (so on all that the files' key covers: schemas,
    loader, libraries) and on the rules' code, which may call into any part of govdisc."""
    return marshal.dumps((RULES_FORMAT, _key(), _source_hash()))


def read_rule_hits(root: Path) -> dict[str, tuple]:
    """path → stored per-record rule findings (rules.engine.RecordHits), {} if unusable."""
    from govdisc.heap import gc_paused

    try:
        payload = read_blob(root, RULES_FILE, _rules_key())
        with gc_paused():  # 100,000 long-lived tuples: no reason to let them trigger collections
            data = marshal.loads(payload) if payload is not None else {}
        return data if isinstance(data, dict) else {}
    except Exception:  # noqa: BLE001 - any unreadable cache is simply not used
        return {}


def write_rule_hits(root: Path, entries: dict[str, tuple]) -> None:
    try:
        write_blob(root, RULES_FILE, _rules_key(), marshal.dumps(entries))
    except (OSError, ValueError):
        pass  # read-only register, or a value marshal cannot encode: just no cache


def write_cache(root: Path, results: list[FileResult], stamp: int = 0,
                limit: int = DEFAULT_MAX_FILE_BYTES) -> None:
    try:
        _write(root, [_encode_chunk("p", [to_entry(r) for r in results])], stamp, limit)
    except ValueError:
        pass


def _write(root: Path, chunks: list, stamp: int, limit: int = DEFAULT_MAX_FILE_BYTES) -> None:
    try:
        header = marshal.dumps((stamp, [len(c) for c in chunks]))
        write_blob_parts(root, CACHE_FILE, _key(limit), [len(header).to_bytes(4, "little"), header, *chunks])
        for old in OLD_FILES:
            try:
                (root / CACHE_DIR / old).unlink()
            except OSError:
                pass
    except (OSError, ValueError):
        pass  # a read-only register still checks, just without a cache


def _rechunked(old_chunks: list[tuple[Any, list[tuple]]], final: list[tuple]) -> list:
    """The chunks of the new cache: an old chunk whose entries all stand as they were is written
    as it was read (no re-encoding), the other entries go into one new chunk."""
    current = {e[0]: e for e in final}
    out: list = []
    placed: set[str] = set()
    for blob, entries in old_chunks:
        if all(current.get(e[0]) is e for e in entries):
            out.append(blob)
            placed.update(e[0] for e in entries)
    rest = [e for e in final if e[0] not in placed]
    if rest:
        out.append(_encode_chunk("p", rest))
    return out


def _trusted(sig: tuple | None, now: tuple, stamp: int) -> bool:
    """May an unchanged stat signature stand for unchanged content? (git's racy-clean rule)

    Any write to a file moves its ctime (which, unlike mtime, no program can set back). A file
    whose signature is the one recorded, and whose last change was more than STAT_MARGIN_NS
    before the recorded signatures were taken, has not been written since: a later write would
    have moved ctime past the recorded value. Files changed just before a run (within the
    timestamp granularity) are read and hashed instead, until they are old enough.
    """
    return (TRUST_STAT and sig == now and sig is not None
            and max(now[1], now[2]) < stamp - STAT_MARGIN_NS)


def load_with_cache(root: Path, specs: list[FileSpec], jobs: int,
                    limit: int = DEFAULT_MAX_FILE_BYTES, work: Work = None,
                    stats: dict[str, tuple] | None = None) -> list[FileResult]:
    """The results of `specs`: kept ones for files unchanged since, the others read and parsed
    (by `jobs` processes, `work` done on their records: see parallel.parse_parts). `stats`:
    signatures already taken in this run (path → signature), not taken again."""
    from govdisc.loading.locator import use_position_cache

    use_position_cache(root)
    stamp, cached, old_chunks = _read_chunks(root, limit)
    now_stamp = time.time_ns()  # before any stat or read of this run
    if not cached:
        # cold: nothing to compare with, so the parent reads nothing; workers read and parse
        parts = parse_parts(root, specs, jobs, limit, work)
        results = results_of(parts)
        try:
            _write(root, [_encode_chunk(part[0], part[1]) for part in parts], now_stamp, limit)
        except ValueError:
            pass  # data marshal cannot encode: no cache this time
        return results
    entries: list[tuple | None] = []
    stale: list[tuple[int, FileSpec]] = []
    prefix = os.path.join(str(root), "")  # + a relative path == os.path.join, at a tenth of the cost
    for spec in specs:
        hit = cached.get(spec.path) if spec.refused is None else None
        if hit is not None and hit[1] == spec.kind:
            now = stats.get(spec.path) if stats else None
            if now is None:
                try:
                    now = stat_signature(os.stat(prefix + spec.source))
                except OSError:
                    now = None
            if now is not None and _trusted(hit[6], now, stamp):
                entries.append(hit)
                continue
        got = read_with_stat(root, spec, limit)
        if isinstance(got, Finding):
            entries.append(to_entry(FileResult(spec.path, spec.kind, findings=[got])))
            continue
        raw, sig = got
        if hit is not None and hit[2] == digest(raw) and hit[1] == spec.kind:
            entries.append(hit if hit[6] == sig else (*hit[:6], sig))
        else:
            entries.append(None)
            stale.append((len(entries) - 1, spec))
    made: dict[int, Any] = {}
    if stale:
        parts = parse_parts(root, [s for _, s in stale], jobs, limit, work)
        fresh = [e for part in parts for e in chunk_entries(part)]
        products = [p for part in parts for p in chunk_products(part, len(chunk_entries(part)))] \
            if work is not None else []
        for k, ((i, _), e) in enumerate(zip(stale, fresh)):
            entries[i] = e
            if products:
                made[i] = products[k]
    final = [e for e in entries if e is not None]
    if stale or len(final) != len(cached) or any(cached.get(e[0]) is not e for e in final):
        try:
            _write(root, _rechunked(old_chunks, final), now_stamp, limit)
        except ValueError:
            pass
    out = [from_entry(e) for e in entries if e is not None]
    if made:
        for i, r in enumerate(out):
            if i in made:
                r.products = made[i]
    return out
