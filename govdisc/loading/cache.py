"""Per-file results cached in <register>/.govdisc-cache/, keyed by content hash.

The cache only ever saves parsing and schema validation of unchanged files; it is keyed by
the file's content hash, the govdisc version and the schemas' hash, so it can never change a
result. A corrupt, partial or foreign cache is ignored and rebuilt.
"""

from __future__ import annotations

import pickle
from pathlib import Path

from govdisc import __version__, validation
from govdisc.authoring.atomic import write_bytes
from govdisc.loading.files import FileResult, digest, parse_file, read_bytes
from govdisc.loading.layout import CACHE_DIR, FileSpec
from govdisc.model import Finding

CACHE_FILE = "files.pickle"
FORMAT = 1


def _code_hash() -> str:
    """The code that produces cached results; a changed installation never reuses old entries."""
    import hashlib

    h = hashlib.blake2b(digest_size=16)
    base = Path(__file__).resolve().parent.parent
    for rel in ("loading/files.py", "loading/yamlio.py", "validation.py", "rules/base.py", "rules/reg.py"):
        try:
            h.update((base / rel).read_bytes())
        except OSError:
            h.update(rel.encode())
    return h.hexdigest()


def _key() -> tuple:
    return (FORMAT, __version__, validation.schema_hash(), _code_hash())


def cache_path(root: Path) -> Path:
    return root / CACHE_DIR / CACHE_FILE


def read_cache(root: Path) -> dict[str, FileResult]:
    try:
        with cache_path(root).open("rb") as fh:
            payload = pickle.load(fh)
        if not isinstance(payload, dict) or payload.get("key") != _key():
            return {}
        entries = payload.get("files")
        return entries if isinstance(entries, dict) else {}
    except Exception:  # noqa: BLE001 - any unreadable cache is simply not used
        return {}


def write_cache(root: Path, results: list[FileResult]) -> None:
    folder = root / CACHE_DIR
    try:
        folder.mkdir(exist_ok=True)
        ignore = folder / ".gitignore"
        if not ignore.exists():
            ignore.write_text("*\n", encoding="utf-8")
        data = pickle.dumps({"key": _key(), "files": {r.path: r for r in results}},
                            protocol=pickle.HIGHEST_PROTOCOL)
        write_bytes(cache_path(root), data)
    except OSError:
        pass  # a read-only register still checks, just without a cache


def load_with_cache(root: Path, specs: list[FileSpec], jobs: int) -> list[FileResult]:
    from govdisc.loading.register import load_results

    cached = read_cache(root)
    results: list[FileResult | None] = []
    stale: list[tuple[int, FileSpec]] = []
    for spec in specs:
        raw = read_bytes(root, spec)
        if isinstance(raw, Finding):
            results.append(FileResult(spec.path, spec.kind, findings=[raw]))
            continue
        hit = cached.get(spec.path)
        if hit is not None and hit.digest == digest(raw) and hit.kind == spec.kind:
            results.append(hit)
        elif jobs > 1:
            results.append(None)
            stale.append((len(results) - 1, spec))
        else:
            results.append(parse_file(spec, raw))
    if stale:
        fresh = load_results(root, [s for _, s in stale], jobs)
        for (i, _), res in zip(stale, fresh):
            results[i] = res
    final = [r for r in results if r is not None]
    if len(final) != len(cached) or stale or any(cached.get(r.path) is not r for r in final):
        write_cache(root, final)
    return final
