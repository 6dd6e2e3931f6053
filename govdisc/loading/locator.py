"""Give rule findings their line and column: one round-trip parse per file that has findings.

The round-trip parse (pure Python, ~3 ms a file) is the slow part of locating; with 500 files
carrying findings in a 100 000-record register it cost over 2 s on every run, cold or warm.
When the register was loaded with its cache (`cache.load_with_cache` calls
`use_position_cache`), or when `locate_findings(..., cache=True)` is asked explicitly, the
positions found are kept in `.govdisc-cache/positions.bin`, keyed by the file's text hash and the
finding's pointer and anchor, so an unchanged file is never parsed again just to locate the
same findings. A position depends only on those (and on this code, which is in the key), so the
cache cannot change a result.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import sys
from collections import defaultdict
from pathlib import Path

from govdisc.loading.yamlio import load_positions, locate
from govdisc.model import Finding

POSITIONS_FILE = "positions.bin"
_cached_roots: set[str] = set()


def read_text(root: Path, path: str) -> str | None:
    """The text of a register file to locate findings in; None for anything the loader would not
    read either (a link out of the register, a pipe, an oversized or undecodable file)."""
    from govdisc.loading.files import read_path
    from govdisc.loading.layout import resolve_inside

    base = os.path.realpath(root)
    real = resolve_inside(base, os.path.join(base, path))
    if real is None:
        return None
    try:
        return read_path(real)[0].decode("utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return None


def use_position_cache(root: Path) -> None:
    """The register at `root` runs with its cache: locate_findings may keep positions there."""
    _cached_roots.add(str(root))


def _key() -> bytes:
    import ruamel.yaml

    h = hashlib.blake2b(digest_size=16)
    base = Path(__file__).resolve().parent
    for name in ("locator.py", "yamlio.py"):
        try:
            h.update((base / name).read_bytes())
        except OSError:
            h.update(name.encode())
    return marshal.dumps((1, h.hexdigest(), getattr(ruamel.yaml, "__version__", "?"),
                          tuple(sys.version_info[:2]), marshal.version))


def _text_key(text: str) -> bytes:
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest()


def _read_positions(root: Path) -> dict:
    from govdisc.loading.store import read_blob

    try:
        payload = read_blob(root, POSITIONS_FILE, _key())
        data = marshal.loads(payload) if payload is not None else {}
        return data if isinstance(data, dict) else {}
    except Exception:  # noqa: BLE001 - an unreadable cache is not used
        return {}


def _write_positions(root: Path, store: dict) -> None:
    from govdisc.loading.store import write_blob

    try:
        write_blob(root, POSITIONS_FILE, _key(), marshal.dumps(store))
    except (OSError, ValueError):
        pass  # read-only register, or a pointer marshal cannot encode: just no cache


def locate_findings(root: Path, findings: list[Finding], texts: dict[str, str] | None = None,
                    cache: bool | None = None) -> dict[str, str]:
    """Fill line/column in place; returns the texts read, for suppression scanning.

    `cache`: keep and reuse positions in the register's cache; None (the default) means "if the
    register was loaded with its cache in this process".
    """
    texts = dict(texts or {})
    pending: dict[str, list[Finding]] = defaultdict(list)
    for f in findings:
        if f.line is None:
            pending[f.path].append(f)
    use = (str(root) in _cached_roots) if cache is None else cache
    store = _read_positions(root) if use and pending else {}
    changed = False
    for path, group in pending.items():
        text = texts.get(path)
        if text is None:
            text = read_text(root, path)
        if text is None:
            for f in group:
                f.line, f.column = 1, 1
            continue
        texts[path] = text
        if use:
            key = _text_key(text)
            entry = store.get(path)
            known = entry[1] if isinstance(entry, tuple) and len(entry) == 2 and entry[0] == key else {}
            try:
                hits = [known[(f.pointer, f.anchor)] for f in group]
            except (KeyError, TypeError):
                hits = None
            if hits is not None:
                for f, (line, column) in zip(group, hits):
                    f.line, f.column = line, column
                continue
        try:
            tree = load_positions(text)
        except Exception:  # noqa: BLE001 - a file the fast loader read but round-trip cannot
            tree = None
        for f in group:
            f.line, f.column = locate(tree, f.pointer, f.anchor) if tree is not None else (1, 1)
        if use:
            try:
                positions = dict(known)
                positions.update({(f.pointer, f.anchor): (f.line, f.column) for f in group})
                store[path] = (key, positions)
                changed = True
            except TypeError:  # an unhashable pointer: not cached
                pass
    if changed:
        _write_positions(root, store)
    return texts
