"""Helpers for tests: build records and contexts in memory, run one rule, write tiny registers."""

from __future__ import annotations

import textwrap
from datetime import date
from pathlib import Path
from typing import Any

from govdisc.config import Config
from govdisc.model import Finding, Record
from govdisc.rules import REGISTRY
from govdisc.codes import from_hit
from govdisc.rules.context import Context

#: the bundled example register
EXAMPLE = Path(__file__).resolve().parent.parent / "register"

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


# -- a register with hostile text (security hardening: outputs must print it literally) ------------

#: markup, template syntax and HTML that must never be interpreted anywhere
HOSTILE_AGENCY = "<script>alert(1)</script>{{ 7*7 }}{% for x in range(3) %}x{% endfor %}<b>粗</b>"
#: control characters and a lone surrogate, as YAML escapes can produce them
HOSTILE_CONTROLS = "\x00\x07\x1b[31m\ud800"
HOSTILE_DEPARTMENT = "电影处|甲*乙*[/x]"
HOSTILE_PROBLEMS = ["问题<i>一</i>", "---", "===", "# 不是标题 #", "1. 不是列表",
                    "{{ 7*7 }}" + HOSTILE_CONTROLS]


def write_hostile_register(example: Path, dest: Path) -> Path:
    """A copy of the example register whose agency, one department name (dyc) and the 2024
    problems narrative hold hostile text. Values are written as JSON strings, which YAML reads
    as double-quoted scalars, so "\\u0000" and "\\ud800" arrive as the characters themselves."""
    import json
    import re
    import shutil

    shutil.copytree(example, dest, ignore=shutil.ignore_patterns(".govdisc-cache"))
    config = dest / "govdisc.yaml"
    text = config.read_text(encoding="utf-8")
    text = re.sub(r"^agency: .*$", lambda _: "agency: " + json.dumps(HOSTILE_AGENCY + HOSTILE_CONTROLS),
                  text, count=1, flags=re.MULTILINE)
    text = text.replace("{id: dyc, name: 电影处,",
                        "{id: dyc, name: " + json.dumps(HOSTILE_DEPARTMENT + HOSTILE_CONTROLS) + ",")
    config.write_text(text, encoding="utf-8")
    report = dest / "reports" / "2024.yaml"
    problems = "problems: " + json.dumps("\n".join(HOSTILE_PROBLEMS)) + "\n"
    report.write_text(re.sub(r"^problems: \|-\n(?:  .*\n)+", lambda _: problems,
                             report.read_text(encoding="utf-8"), count=1, flags=re.MULTILINE), encoding="utf-8")
    return dest


def docx_text(blob: bytes) -> tuple[Any, str]:
    """A Word document and all its paragraph and table-cell text, for asserting on content."""
    import io

    from docx import Document

    doc = Document(io.BytesIO(blob))
    parts = [p.text for p in doc.paragraphs]
    for t in doc.tables:
        for row in t.rows:
            parts += [c.text for c in row.cells]
    return doc, "\n".join(parts)


#: A small public-opinion record for authoring tests (`event … follow_up` and the like).
OPINION_RECORD = """id: YQ-2024-001
title: 测试舆情
detected_at: 2024-07-01 08:00
level: general
lead: bgs
summary: 测试
"""
