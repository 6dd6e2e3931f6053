"""Rule families, one module each; importing this package fills the registry."""

from govdisc.rules import base, reg  # noqa: F401  (REG first: the loader needs its codes)
from govdisc.rules import app, cat, doc, dut, mtg, opn, pii, rev, rpt  # noqa: F401
from govdisc.rules.base import REGISTRY, Rule

__all__ = ["REGISTRY", "Rule"]
