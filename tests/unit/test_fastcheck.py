"""The compiled happy-path schema check must never call valid what jsonschema calls invalid."""

from __future__ import annotations

import copy
import random
from pathlib import Path

import pytest

from govdisc import validation
from govdisc.loading import fastcheck
from govdisc.loading.layout import scan
from govdisc.loading.yamlio import load_text
from govdisc.model import KINDS

EXAMPLE = Path(__file__).resolve().parent.parent.parent / "register"


def example_records() -> list[tuple[str, dict]]:
    out = []
    for spec in scan(EXAMPLE):
        if spec.kind is None:
            continue
        data, err = load_text((EXAMPLE / spec.path).read_text(encoding="utf-8-sig"))
        if err is None and isinstance(data, dict):
            out.append((spec.kind, data))
    return out


def jsonschema_valid(kind: str, data: object) -> bool:
    return validation.validate(kind, data) == []


@pytest.mark.parametrize("kind", KINDS)
def test_every_schema_compiles(kind: str) -> None:
    assert fastcheck._validator(kind) is not None, f"{kind}: no fast validator; cold checks get ~3x slower"


def test_agrees_on_the_example_register() -> None:
    records = example_records()
    assert records
    for kind, data in records:
        assert fastcheck.certainly_valid(kind, data) == jsonschema_valid(kind, data), (kind, data)


VALUES = [None, True, False, 0, 1, -1, 1.0, 1.5, 2000, 1999, 2101, "", "x", "2024-02-30", "2024-09-27",
          "2024-7-1", "2024-07-02 08:30", "2024-07-02T08:30:00+08:00", "BGS-01", "bgs", "Bgs", "public",
          "publik", [], ["a"], ["a", "a"], [1], [True, 1], {}, {"a": 1}, {"date": "2024-01-01"},
          {"days": 20, "from": "x"}, {"days": -1}, "https://x", "http//x", 3.0, "off", 10**20]


def _mutate(rng: random.Random, data: dict) -> dict:
    data = copy.deepcopy(data)
    node: object = data
    for _ in range(rng.randint(0, 3)):
        if isinstance(node, dict) and node:
            k = rng.choice(list(node))
            if isinstance(node[k], (dict, list)) and node[k]:
                node = node[k]
                continue
        elif isinstance(node, list) and node:
            i = rng.randrange(len(node))
            if isinstance(node[i], (dict, list)) and node[i]:
                node = node[i]
                continue
        break
    r = rng.random()
    if isinstance(node, dict):
        if r < 0.4 and node:
            node[rng.choice(list(node))] = copy.deepcopy(rng.choice(VALUES))
        elif r < 0.6 and node:
            del node[rng.choice(list(node))]
        else:
            node[rng.choice(["extra", "title", "date", "days", "kind", "from", 1])] = copy.deepcopy(rng.choice(VALUES))
    elif isinstance(node, list):
        if r < 0.5 and node:
            node[rng.randrange(len(node))] = copy.deepcopy(rng.choice(VALUES))
        elif r < 0.7 and node:
            node.append(copy.deepcopy(node[0]))
        else:
            node.append(copy.deepcopy(rng.choice(VALUES)))
    return data


def test_agrees_on_random_mutations() -> None:
    """Differential test: thousands of near-valid records, both ways."""
    rng = random.Random(20240927)
    records = example_records()
    invalid = 0
    for _ in range(6000):
        kind, data = rng.choice(records)
        m = _mutate(rng, data)
        if rng.random() < 0.3:
            m = _mutate(rng, m)
        expected = jsonschema_valid(kind, m)
        invalid += not expected
        assert fastcheck.certainly_valid(kind, m) == expected, (kind, m)
    assert invalid > 1000  # the mutations did exercise the failure paths


def test_exceptions_mean_ask_jsonschema(monkeypatch: pytest.MonkeyPatch) -> None:
    class Boom:
        def is_valid(self, _data: object) -> bool:
            raise TypeError("unhashable")

    monkeypatch.setattr(fastcheck, "_validator", lambda kind: Boom())
    assert fastcheck.certainly_valid("document", {}) is False
    monkeypatch.setattr(fastcheck, "_validator", lambda kind: None)
    assert fastcheck.certainly_valid("document", {}) is False
