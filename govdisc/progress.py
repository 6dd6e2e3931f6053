"""Progress of long runs: the layers doing the work report it, the CLI decides whether to show it.

Loading and the rule engine call `stage` and `advance`; nothing is shown unless the CLI installed
a reporter with `reporting` (a delayed bar on a terminal, see govdisc.output.progress). The
calls cost a global lookup when no one listens, so they may sit in per-file loops.
"""

from __future__ import annotations

from contextlib import contextmanager
from typing import Iterator, Protocol


class Reporter(Protocol):
    def start(self, stage: str, total: int) -> None: ...

    def advance(self, n: int = 1) -> None: ...

    def close(self) -> None: ...


_reporter: Reporter | None = None


def stage(name: str, total: int) -> None:
    """A new stage of the run begins: `name` is a key the reporter words ("files", "rules")."""
    if _reporter is not None:
        _reporter.start(name, total)


def advance(n: int = 1) -> None:
    if _reporter is not None:
        _reporter.advance(n)


@contextmanager
def reporting(reporter: Reporter | None) -> Iterator[None]:
    """Send the progress of the enclosed work to `reporter` (None: to no one)."""
    global _reporter
    previous, _reporter = _reporter, reporter
    try:
        yield
    finally:
        _reporter = previous
        if reporter is not None:
            reporter.close()
