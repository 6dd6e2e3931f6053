"""The register as it stood on the as-of date: facts dated later are not yet known.

`--as-of` fixes "today"; a reply, event or publication dated after it has not happened yet, so
`deadlines --as-of 2025-06-30` lists what was open on that day and checks are reproducible.
`known_on` applies the same to a whole register for the statistics and reports: a report
rendered "as of" a day counts what the register knew that day, nothing dated later.
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


def _blank_later(items: Any, key: str, day: date) -> Any:
    """Like _keep, but later items become None so every other item keeps its index (rules and
    the engine's verdicts point at events by their index in the file)."""
    if not isinstance(items, list) or not any(isinstance(x, dict) and _later(x.get(key), day) for x in items):
        return items
    return [None if isinstance(x, dict) and _later(x.get(key), day) else x for x in items]


_ORIGIN = {"application": ("submitted", "signed_for", "confirmed", "arrived"), "document": ("formed",),
           "opinion": ("detected_at",), "catalog": ("compiled",)}


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
        events = _blank_later(d.get("events"), "date", day)
        if events is not d.get("events"):
            changes["events"] = events
        reply = d.get("reply")
        if isinstance(reply, dict) and _later(reply.get("date"), day):
            drop += ["reply", "review"]
        elif isinstance(d.get("review"), dict) and _later(d["review"].get("date"), day):
            drop.append("review")
        elif isinstance(d.get("review"), list):
            steps = _steps_known(d["review"], day)
            if steps is not d["review"]:
                changes["review"] = steps
    elif rec.kind == "document":
        pub = d.get("published")
        if isinstance(pub, dict) and _later(pub.get("date"), day):
            drop.append("published")
        if _later(d.get("repealed"), day):
            drop.append("repealed")
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
    else:
        _known_yearly(rec, day, changes, drop)
    if not changes and not drop:
        return rec
    data = {k: v for k, v in d.items() if k not in drop}
    data.update(changes)
    return Record(rec.kind, rec.path, data)


def _steps_known(steps: list, day: date) -> list:
    """Review proceedings as known on `day`: filed later → left out; decided later → pending."""
    if not any(isinstance(x, dict) and (_later(x.get("filed"), day) or _later(x.get("decided"), day))
               for x in steps):
        return steps
    out = []
    for x in steps:
        if isinstance(x, dict) and _later(x.get("filed"), day):
            continue
        if isinstance(x, dict) and _later(x.get("decided"), day):
            x = {k: v for k, v in x.items() if k not in ("decided", "result")}
        out.append(x)
    return out


def _known_yearly(rec: Record, day: date, changes: dict[str, Any], drop: list[str]) -> None:
    """Catalog, self-inspection and activities files: their dated entries after `day`."""
    d = rec.data
    if rec.kind == "catalog" and _later(d.get("updated"), day):
        drop.append("updated")
    elif rec.kind == "review":
        if _later(d.get("submitted"), day):
            drop.append("submitted")
        found = d.get("findings")
        if isinstance(found, list) and any(isinstance(f, dict) and _later(f.get("done"), day) for f in found):
            changes["findings"] = [{k: v for k, v in f.items() if k != "done"}
                                   if isinstance(f, dict) and _later(f.get("done"), day) else f for f in found]
    elif rec.kind == "activities":
        entries = _keep(d.get("entries"), "date", day)
        if isinstance(entries, list) and len(entries) != len(d["entries"]):
            changes["entries"] = entries


def known_on(records: list[Record], day: date) -> list[Record]:
    """The register as it stood on `day`: records begun later left out, later facts removed."""
    return [known_by(rec, day) for rec in records if not not_yet(rec, day)]
