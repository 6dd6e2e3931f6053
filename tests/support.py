"""Helpers for tests: build records and contexts in memory, run one rule, write tiny registers."""

from __future__ import annotations

import textwrap
from datetime import date
from pathlib import Path
from typing import Any

from govdisc.config import Config
from govdisc.model import Finding, Record
from govdisc.rules import REGISTRY
from govdisc.rules.base import from_hit
from govdisc.rules.context import Context

BASE_CONFIG: dict[str, Any] = {
    "agency": "测试省测试局",
    "office": "bgs",
    "departments": [
        {"id": "bgs", "name": "办公室", "role": "office"},
        {"id": "zcfg", "name": "政策法规处", "role": "policy"},
        {"id": "gbc", "name": "广播电视处", "role": "business"},
    ],
}


def record(kind: str, path: str, data: dict[str, Any]) -> Record:
    return Record(kind, path, data)


def context(records: list[Record], config: dict[str, Any] | None = None,
            as_of: date = date(2026, 2, 1), root: Path = Path(".")) -> Context:
    cfg_data = {**BASE_CONFIG, **(config or {})}
    recs = [Record("config", "govdisc.yaml", cfg_data), *records]
    return Context(root, Config.from_data(cfg_data), recs, as_of)


def run_rule(code: str, records: list[Record], config: dict[str, Any] | None = None,
             as_of: date = date(2026, 2, 1)) -> list[Finding]:
    """Findings of one rule over an in-memory register (no files, no locating)."""
    rule = REGISTRY[code]
    assert rule.check is not None, f"{code} has no check function"
    ctx = context(records, config, as_of)
    return [from_hit(rule, h) for h in rule.check(ctx)]


def write_register(root: Path, files: dict[str, str], config: str | None = None) -> Path:
    """Write a register from {relative path: YAML text}; govdisc.yaml defaults to BASE_CONFIG."""
    root.mkdir(parents=True, exist_ok=True)
    if config is None:
        config = textwrap.dedent("""\
            agency: 测试省测试局
            office: bgs
            departments:
              - {id: bgs, name: 办公室, role: office}
              - {id: zcfg, name: 政策法规处, role: policy}
              - {id: gbc, name: 广播电视处, role: business}
            """)
    (root / "govdisc.yaml").write_text(config, encoding="utf-8")
    for rel, text in files.items():
        target = root / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(textwrap.dedent(text), encoding="utf-8")
    return root
