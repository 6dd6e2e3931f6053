"""What the implementation measures (the seed) define, in one place for rules, clocks and reports.

Where the measures' words allow two readings, govdisc.yaml's `measures:` block chooses
(config.Measures); the functions here apply that choice, so that a rule, the deadline engine and
the self-inspection report can never read the same clause differently. This module sits below
deadlines, rules and stats: it imports only settings and dates.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from govdisc.config import Config

# -- 二(四)3 catalog timing -----------------------------------------------------------------------

CATALOG_TIMINGS = ("same_year", "next_year")


def catalog_due(config: Config, year: int) -> date:
    """The day the catalog of `year` must be compiled by: 31 December of that year (same_year),
    or of the year before (next_year, "the coming year's catalog by the end of this year")."""
    if config.measures.catalog_timing == "next_year":
        return date(year - 1, 12, 31)
    return date(year, 12, 31)


def catalog_years(duty_years: list[int], config: Config) -> list[int]:
    """The catalog years the register must hold for these year-end duty years.

    same_year: the same years. next_year: from the first duty year to the year after the last
    (the catalog compiled in the last year is the next year's), so the register's first year
    has its own catalog too.
    """
    if not duty_years or config.measures.catalog_timing != "next_year":
        return list(duty_years)
    return list(range(duty_years[0], duty_years[-1] + 2))


# -- 二(五)1 the head's interpretation ------------------------------------------------------------

#: entry types in activities/<year>.yaml that are a way the head can interpret a policy
#: ("通过发表讲话、参加新闻发布会、接受访谈、发表文章等方式带头宣讲政策")
HEAD_INTERPRETATION_WAYS = ("media_interview", "press_conference", "briefing")


def head_interpretation(entry: Any) -> bool:
    """An activity entry counts as the head interpreting a policy (DUT001): a head_interpretation
    entry, or an interview, press conference or briefing given by the head (`speaker: head`) on a
    named document."""
    if not isinstance(entry, dict):
        return False
    kind = entry.get("type")
    if kind == "head_interpretation":
        return True
    return (kind in HEAD_INTERPRETATION_WAYS and entry.get("speaker") == "head"
            and isinstance(entry.get("document"), str) and bool(entry["document"].strip()))


# -- 二(四)2 decision meetings --------------------------------------------------------------------


def decision_meeting(config: Config, body: Any) -> bool:
    """Whether a meeting of this `body` decides in the sense of 二(四)2 ("提交局党组会审议的"):
    every meeting by default, else only the bodies listed in measures.decision_bodies."""
    bodies = config.measures.decision_bodies
    if bodies is None:
        return True
    return isinstance(body, str) and "".join(body.split()) in {"".join(b.split()) for b in bodies}


# -- 二(六)4 emergencies and key matters --------------------------------------------------------------

#: opinion levels of the 5-hour / 24-hour clocks ("特别重大、重大突发事件")
EMERGENCY_LEVELS = ("major", "especially_major")


def emergency_clocks(data: dict) -> bool:
    """The 5-hour / 24-hour clocks apply: the opinion concerns a 特别重大 or 重大 突发事件
    (`emergency: true` and level major or especially_major)."""
    return data.get("emergency") is True and data.get("level") in EMERGENCY_LEVELS


def key_matter(data: dict) -> bool:
    """A key matter to be answered "in time" (二(六)4 first sentence) and not under the emergency
    clocks: marked `key_matter: true`, or an emergency below the 重大 level."""
    if emergency_clocks(data):
        return False
    return data.get("key_matter") is True or data.get("emergency") is True
