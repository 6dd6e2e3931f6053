"""The register as it stood on the as-of date: facts dated later are not yet known.

`--as-of` fixes "today"; a reply, event or publication dated after it has not happened yet, so
`deadlines --as-of 2025-06-30` lists what was open on that day and checks are reproducible.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from govdisc.deadlines.common import pdate
from govdisc.model import Record


def _later(value: Any, day: date) -> bool:
    d = pdate(value[:10]) if isinstance(value, str) else pdate(value)
    return d is not None and d > day


def _keep(items: Any, key: str, day: date) -> Any:
    """The items not dated after `day`; the list itself when none is (the common case, no copy)."""
    if not isinstance(items, list):
        return items
    if not any(isinstance(x, dict) and _later(x.get(key), day) for x in items):
        return items
    return [x for x in items if not (isinstance(x, dict) and _later(x.get(key), day))]


_ORIGIN = {"application": ("submitted", "signed_for", "confirmed"), "document": ("formed",),
           "opinion": ("detected_at",)}


def not_yet(rec: Record, day: date) -> bool:
    """The record begins after `day` (received, formed or detected later): no clock yet."""
    data = rec.data
    first = None
    for key in _ORIGIN.get(rec.kind, ()):
        v = data.get(key)
        if isinstance(v, str):
            d = pdate(v[:10])
            if d is not None and (first is None or d < first):
                first = d
    return first is not None and first > day


def known_by(rec: Record, day: date) -> Record:
    """A copy without the facts dated after `day`; the record itself when there are none."""
    d = rec.data
    changes: dict[str, Any] = {}
    drop: list[str] = []
    if rec.kind == "application":
        events = _keep(d.get("events"), "date", day)
        if events is not d.get("events") and len(events) != len(d["events"]):
            changes["events"] = events
        reply = d.get("reply")
        if isinstance(reply, dict) and _later(reply.get("date"), day):
            drop += ["reply", "review"]
    elif rec.kind == "document":
        pub = d.get("published")
        if isinstance(pub, dict) and _later(pub.get("date"), day):
            drop.append("published")
        interp = d.get("interpretation")
        if isinstance(interp, dict) and isinstance(interp.get("materials"), list):
            mats = _keep(interp["materials"], "published", day)
            if len(mats) != len(interp["materials"]):
                changes["interpretation"] = {**interp, "materials": mats}
    elif rec.kind == "opinion":
        rel = _keep(d.get("releases"), "at", day)
        if isinstance(rel, list) and len(rel) != len(d["releases"]):
            changes["releases"] = rel
        pc = d.get("press_conference")
        if isinstance(pc, dict) and _later(pc.get("at"), day):
            drop.append("press_conference")
    elif rec.kind == "review":
        findings = d.get("findings")
        if isinstance(findings, list) and any(isinstance(f, dict) and _later(f.get("done"), day) for f in findings):
            changes["findings"] = [{k: v for k, v in f.items() if k != "done"}
                                   if isinstance(f, dict) and _later(f.get("done"), day) else f for f in findings]
    if not changes and not drop:
        return rec
    data = {k: v for k, v in d.items() if k not in drop}
    data.update(changes)
    return Record(rec.kind, rec.path, data)
