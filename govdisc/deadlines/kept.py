"""Each record's clocks kept in the cache (.govdisc-cache/clocks.bin) while its file is unchanged.

A record's clocks are a function of the record, the settings (govdisc.yaml), the calendar (the
holidays library and govdisc.yaml's overrides) and the as-of moment. The file is keyed by all
but the record: govdisc's source and libraries (loading.cache.result_key), the as-of moment and
govdisc.yaml's digest; an entry stands while its file's digest is the one recorded. A check after
one file changed then computes that file's clocks alone (the year-end clocks, which look at the
whole register, are always computed). Clocks are kept as plain tuples and rebuilt as new
objects on every use: `reopen_later` may change them afterwards. Each record's tuples are kept
as their own marshal bytes, decoded only when that record's clocks are asked for: loading and
rewriting the file then handles 100,000 byte strings, not the millions of objects inside them
(0.27 + 0.26 s and ~40 MB at 100,000 records when one file changed).
"""

from __future__ import annotations

import marshal
from dataclasses import fields
from pathlib import Path
from typing import Any

from govdisc.model import Effect, Obligation, Record, TraceStep

CLOCKS_FILE = "clocks.bin"
_FIELDS = tuple(f.name for f in fields(Obligation))
_TRACE, _EFFECTS = _FIELDS.index("trace"), _FIELDS.index("effects")


def _row(ob: Obligation) -> tuple:
    row = [getattr(ob, name) for name in _FIELDS]
    row[_TRACE] = tuple((s.date, s.action, s.note_zh, s.note_en, s.count) for s in ob.trace)
    row[_EFFECTS] = tuple((e.index, e.kind, e.date, e.verdict, e.due_before, e.days, e.prior) for e in ob.effects)
    return tuple(row)


def _obligation(row: tuple) -> Obligation:
    values = list(row)
    values[_TRACE] = [TraceStep(*t) for t in row[_TRACE]]
    values[_EFFECTS] = [Effect(*e) for e in row[_EFFECTS]]
    return Obligation(*values)


class KeptClocks:
    """The clocks of the records whose files are unchanged, for one as-of moment and settings."""

    def __init__(self, root: Path | None, digests: dict[str, str], key: bytes, entries: dict[str, tuple]) -> None:
        self.root, self.digests, self.key, self.entries = root, digests, key, entries
        self.seen: set[str] = set()
        self.changed = False

    @classmethod
    def load(cls, root: Path, digests: dict[str, str], as_of: Any, config_digest: str) -> "KeptClocks":
        from govdisc.loading.cache import result_key
        from govdisc.loading.store import read_blob

        key = result_key(("clocks", 2, str(as_of), config_digest))
        try:
            payload = read_blob(root, CLOCKS_FILE, key)
            entries = marshal.loads(payload) if payload is not None else {}
        except Exception:  # noqa: BLE001 - an unreadable cache is not used
            entries = {}
        return cls(root, digests, key, entries if isinstance(entries, dict) else {})

    def get(self, rec: Record) -> list[Obligation] | None:
        """The record's clocks as kept, new objects; None when not kept for this content."""
        digest = self.digests.get(rec.path)
        entry = self.entries.get(rec.path)
        if digest is None or entry is None or entry[0] != digest:
            return None
        self.seen.add(rec.path)
        return [_obligation(row) for row in marshal.loads(entry[1])]

    def put(self, rec: Record, obligations: list[Obligation]) -> None:
        """Keep the record's clocks just computed (converted now: they may change later)."""
        digest = self.digests.get(rec.path)
        if digest is None:
            return
        self.seen.add(rec.path)
        self.entries[rec.path] = (digest, marshal.dumps(tuple(_row(ob) for ob in obligations)))
        self.changed = True

    def save(self) -> None:
        """Write the entries of the records asked for, then let go of them all: the clocks are
        made once per run, and the entries (~35 MB at 100,000 records) need not stay in memory
        while the rules run. A second call writes nothing."""
        if self.root is None or (not self.changed and self.entries.keys() <= self.seen):
            self.entries, self.seen, self.changed = {}, set(), False
            return
        from govdisc.loading.store import write_blob

        try:
            write_blob(self.root, CLOCKS_FILE, self.key,
                       marshal.dumps({p: e for p, e in self.entries.items() if p in self.seen}))
        except (OSError, ValueError):
            pass  # a read-only register, or a value marshal cannot encode: just no cache
        self.entries, self.seen, self.changed = {}, set(), False
