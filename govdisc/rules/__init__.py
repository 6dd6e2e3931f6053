"""Rule families, one module each; importing this package fills the registry."""

from govdisc.loading import codes as _loader_codes  # noqa: F401  (REG001-REG019 the loader raises)
from govdisc.rules import app, asm, cat, doc, dut, gde, mtg, opn, par, pii, reg, rev, rpt, sec  # noqa: F401
from govdisc.codes import REGISTRY, Rule

__all__ = ["REGISTRY", "Rule"]
