"""Reconsideration and litigation of an application (行政复议、行政诉讼, Regulation Art. 51) as
dated proceedings, read from either shape of the application's `review`.

Steps shape (since issue 13): a list of proceedings, each filed and, once decided, with the
decision date and result, so that a year's table 四 can be rebuilt at any later time:

    review:
      - {kind: reconsideration, filed: 2024-06-03, decided: 2024-07-23, result: corrected}
      - {kind: litigation_after_reconsideration, filed: 2024-08-05}        # pending

Legacy shape (still accepted, never rewritten): one mapping holding the current state,
`{kind, result, date}`, where `date` is the decision date, or the filing date while pending.
It is read as one proceeding: pending → filed on `date`; decided → decided on `date` (filing
date unknown).

`ground` (either shape) says what was challenged: the reply (default) or the failure to reply
(`no_reply`), which has no reply by nature.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from govdisc.dates import parse_date
from govdisc.model import Pointer, Record

RESULTS = ("upheld", "corrected", "other")  # decided results; "pending" means not decided


@dataclass(frozen=True, slots=True)
class Proceeding:
    kind: Any  # reconsideration | litigation | litigation_after_reconsideration (as written)
    ground: str  # reply | no_reply
    filed: date | None
    decided: date | None
    result: Any  # upheld | corrected | other | pending | None (as written)
    pointer: Pointer  # where the proceeding is in the record
    legacy: bool  # read from the one-mapping shape


def proceedings(rec: Record) -> list[Proceeding]:
    """The application's proceedings in either shape; [] when there is no review."""
    review = rec.data.get("review")
    if isinstance(review, dict):
        return [_legacy(review)]
    if isinstance(review, list):
        return [_step(item, i) for i, item in enumerate(review) if isinstance(item, dict)]
    return []


def _ground(item: dict) -> str:
    return "no_reply" if item.get("ground") == "no_reply" else "reply"


def _legacy(review: dict) -> Proceeding:
    when, result = parse_date(review.get("date")), review.get("result")
    pending = result in (None, "pending")
    return Proceeding(review.get("kind"), _ground(review), when if pending else None,
                      None if pending else when, result, ("review",), True)


def _step(item: dict, i: int) -> Proceeding:
    return Proceeding(item.get("kind"), _ground(item), parse_date(item.get("filed")),
                      parse_date(item.get("decided")), item.get("result"), ("review", i), False)


def in_year(p: Proceeding, year: int, fallback: date | None = None) -> bool:
    """Whether a proceeding belongs to table 四 of `year`: it was open at some time in the year
    (filed by 31 December and not decided before 1 January). A decided proceeding whose filing
    date is unknown (legacy shape) counts in its decision year only; one with no date at all in
    the year of `fallback` (the reply)."""
    first, last = date(year, 1, 1), date(year, 12, 31)
    if p.filed is None and p.decided is None:
        return fallback is not None and fallback.year == year
    if p.filed is None:
        return p.decided is not None and p.decided.year == year
    return p.filed <= last and (p.decided is None or p.decided >= first)


def decided_in(p: Proceeding, year: int) -> bool:
    return p.decided is not None and p.decided.year == year
