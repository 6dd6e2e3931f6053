"""Rule families, one module each; importing this package fills the registry."""

from govdisc.rules import base, reg  # noqa: F401  (REG first: the loader needs its codes)
from govdisc.rules.base import REGISTRY, Rule

for _name in ("doc", "cat", "app", "opn", "mtg", "dut", "rev", "rpt", "pii"):
    try:
        __import__(f"govdisc.rules.{_name}")
    except ModuleNotFoundError as _exc:  # families land one by one
        if _exc.name != f"govdisc.rules.{_name}":
            raise

__all__ = ["REGISTRY", "Rule"]
