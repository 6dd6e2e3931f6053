"""Run the registered checks over a context and turn their hits into findings."""

from __future__ import annotations

import sys
from typing import Iterable

from govdisc.model import Finding
from govdisc.rules.base import REGISTRY, Rule, from_hit
from govdisc.rules.context import Context


def effective_severity(rule_: Rule, overrides: dict[str, str]) -> str:
    return overrides.get(rule_.code, rule_.severity)


def run_rules(ctx: Context, codes: Iterable[str] | None = None) -> list[Finding]:
    """Findings of every enabled rule with a check; a crashing rule is reported, not fatal."""
    wanted = set(codes) if codes is not None else None
    out: list[Finding] = []
    for rule_ in REGISTRY.values():
        if rule_.check is None or (wanted is not None and rule_.code not in wanted):
            continue
        severity = effective_severity(rule_, ctx.config.severities)
        if severity == "off":
            continue
        try:
            hits = list(rule_.check(ctx))
        except Exception as exc:  # noqa: BLE001 - one broken rule must not hide the others
            print(f"govdisc: 规则 {rule_.code} 内部错误（请报告此问题）: {type(exc).__name__}: {exc}", file=sys.stderr)
            continue
        for h in hits:
            f = from_hit(rule_, h)
            f.severity = severity
            out.append(f)
    return out


def apply_overrides(findings: list[Finding], overrides: dict[str, str]) -> list[Finding]:
    """Loader findings get the same per-rule severity settings as rule findings."""
    out = []
    for f in findings:
        sev = overrides.get(f.code)
        if sev == "off":
            continue
        if sev:
            f.severity = sev
        out.append(f)
    return out
