"""Microbenchmark of the working-day calendar and the application reply clock (not a test).

    PYTHONPATH=. python bench/calendar_bench.py [N]

Prints wall times for: calendar construction (cold: holidays package + precomputation;
warm: a second override set), N add() calls, N between() calls, N reply computations
(reply_clock alone), and compute_obligations over N generated application records.
"""

from __future__ import annotations

import random
import sys
import time
from datetime import date, timedelta


def timed(label: str, fn, n: int | None = None):
    t = time.perf_counter()
    out = fn()
    dt = time.perf_counter() - t
    per = f"  ({dt / n * 1e6:.2f} µs each)" if n else ""
    print(f"{label:<48} {dt * 1000:9.1f} ms{per}")
    return out


def make_records(n: int, rng: random.Random):
    """Applications spread over 2021–2026 with the usual mix of events."""
    from govdisc.model import Record

    out = []
    channels = ["in_person", "mail_signed", "mail_unsigned", "online", "fax"]
    for i in range(n):
        recv = date(2021, 1, 4) + timedelta(days=rng.randrange(0, 6 * 365))
        iso = recv.isoformat()
        data = {"id": f"YSQ-{recv.year}-{i:05d}", "channel": rng.choice(channels), "submitted": iso,
                "signed_for": iso, "confirmed": iso, "handler": "bgs", "events": []}
        r = rng.random()
        if r < 0.2:
            data["events"] += [{"type": "correction_notice", "date": (recv + timedelta(days=3)).isoformat()},
                               {"type": "correction_received", "date": (recv + timedelta(days=8)).isoformat()}]
        if 0.2 <= r < 0.35:
            data["events"] += [{"type": "consultation_sent", "date": (recv + timedelta(days=5)).isoformat()},
                               {"type": "consultation_answered", "date": (recv + timedelta(days=14)).isoformat()}]
        if rng.random() < 0.1:
            data["events"].append({"type": "extension", "date": (recv + timedelta(days=25)).isoformat(),
                                   "days": 20, "approved_by": "负责人"})
        if rng.random() < 0.8:
            data["reply"] = {"date": (recv + timedelta(days=rng.randrange(5, 40))).isoformat()}
        out.append(Record("application", f"applications/{recv.year}/{data['id']}.yaml", data))
    return out


def main(n: int = 100_000) -> None:
    rng = random.Random(7)
    timed("import govdisc.calendar (+ holidays)", lambda: __import__("govdisc.calendar"))
    from govdisc.calendar import WorkCalendar
    from govdisc.config import Config

    cal = timed("WorkCalendar() cold (package data, 2000–2045)", WorkCalendar)
    timed("WorkCalendar(overrides) warm", lambda: WorkCalendar([date(2028, 1, 31)], [date(2028, 1, 29)]))
    days = [date(2015, 1, 1) + timedelta(days=rng.randrange(0, 12 * 365)) for _ in range(n)]
    ns = [rng.randrange(-40, 41) for _ in range(n)]
    add = cal.add
    timed(f"{n:,} add()", lambda: [add(d, k) for d, k in zip(days, ns)], n)
    between = cal.between
    others = days[1:] + days[:1]
    timed(f"{n:,} between()", lambda: [between(a, b) for a, b in zip(days, others)], n)

    from govdisc.deadlines import compute_obligations
    from govdisc.deadlines.application import App, receipt_date, reply_clock
    from govdisc.deadlines.common import events_of, pdate

    records = make_records(n, rng)
    cfg, as_of = Config(), date(2026, 6, 30)

    def replies():
        for rec in records:
            d, f, fb = receipt_date(rec)
            reply = rec.data.get("reply")
            reply_clock(App(rec, cfg, cal, as_of, False, rec.data["channel"], d, f, fb, events_of(rec),
                            pdate(reply.get("date")) if isinstance(reply, dict) else None))

    timed(f"{n:,} application reply computations", replies, n)
    from govdisc.deadlines import paused_gc

    def replies_no_gc():
        with paused_gc():
            replies()

    timed(f"{n:,} reply computations, cyclic GC paused", replies_no_gc, n)
    obs = timed(f"compute_obligations over {n:,} applications", lambda: compute_obligations(records, cfg, cal, as_of), n)
    print(f"  → {len(obs):,} obligations")
    rec = next(r for r in records if len(r.data["events"]) >= 2)
    timed("one application with explain=True (traces)",
          lambda: compute_obligations([rec], cfg, cal, as_of, explain=True), 1)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 100_000)
