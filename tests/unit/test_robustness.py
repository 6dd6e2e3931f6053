"""Malformed records never crash a rule, a clock, the statistics or the reports.

In memory and with fixed seeds; test_fuzz.py does the same through files, with Hypothesis. Both
mutate records with fuzzing.mutate (types swapped, huge strings, impossible dates, nesting).
"""

from __future__ import annotations

import random
from datetime import date

from govdisc import validation
from govdisc.calendar import calendar_for
from govdisc.config import Config
from govdisc.model import Record
from govdisc.render import ReportMeta, render_annual, render_review
from govdisc.rules import REGISTRY
from govdisc.rules.context import Context
from govdisc.stats import annual_stats
from govdisc.stats.review import review_data

from fuzzing import mutate
from test_fastcheck import _mutate, example_records  # noqa: E402  (same folder)

SEEDS = 8
KIND_DIRS = {"document": "documents/2024/x{}.yaml", "application": "applications/2024/YSQ-2024-{:04d}.yaml",
             "opinion": "opinions/2024/YQ-2024-{}.yaml", "meeting": "meetings/2024/HY-2024-{}.yaml",
             "catalog": "catalog/bgs/{}.yaml", "review": "reviews/bgs/{}.yaml", "activities": "activities/{}.yaml",
             "report": "reports/{}.yaml", "assessment": "assessments/{}.yaml",
             "participation": "participation/2024/CY-2024-{}.yaml", "guide": "guide.yaml"}


def mutated_register(seed: int) -> list[Record]:
    rng = random.Random(seed)
    base = example_records()
    out = []
    for i in range(120):
        kind, data = rng.choice(base)
        if kind == "config":
            continue
        for _ in range(rng.randint(1, 4)):
            data = (_mutate if rng.random() < 0.5 else mutate)(rng, data)
        data = validation.conforming(data, validation.validate(kind, data))  # as the loader does
        out.append(Record(kind, KIND_DIRS[kind].format(2000 + i if kind in ("catalog", "review", "activities",
                                                                              "report", "assessment") else i), data))
    return out


def test_rules_clocks_stats_survive_mutated_records():
    cfg_data = next(d for k, d in example_records() if k == "config")
    config = Config.from_data(cfg_data)
    cal = calendar_for(config)
    for seed in range(SEEDS):
        records = [Record("config", "govdisc.yaml", cfg_data), *mutated_register(seed)]
        ctx = Context(__import__("pathlib").Path("."), config, records, date(2026, 2, 1))
        for rule in REGISTRY.values():
            if rule.check is not None:
                list(rule.check(ctx))  # raises on a bug: the engine would make it a REG020 finding
        for year in (2024, 2025):
            meta = ReportMeta(config.agency, year, date(2026, 2, 1))
            for fmt in ("md", "html"):
                render_annual(annual_stats(records, config, cal, year), fmt, meta)
                render_review(review_data(records, config, cal, year, as_of=date(2026, 2, 1)), fmt, meta)
