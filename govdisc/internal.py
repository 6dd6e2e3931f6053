"""Unexpected exceptions inside one check: kept as data and reported as REG020 findings.

A bug in one rule or one clock must cost that check on that record, not the run: the engines
catch the exception, keep a `Crash`, and `rules.engine` turns it into a finding on the record.
The user sees one line naming the rule and the error; `GOVDISC_DEBUG=1` also prints the
traceback to stderr, for the bug report.
"""

from __future__ import annotations

import os
import sys
import traceback
from dataclasses import dataclass

from govdisc.model import Record

#: Longest error text kept in a finding: enough to recognise the bug, short enough for one line.
ERROR_MAX = 200
DEBUG_ENV = "GOVDISC_DEBUG"


@dataclass(frozen=True, slots=True)
class Crash:
    """A check that raised: `check` is a rule code or `clock:<kind>`; `record` None means the
    register as a whole (the finding then goes on govdisc.yaml)."""

    check: str
    error: str
    record: Record | None = None


def crash(check: str, exc: BaseException, record: Record | None = None) -> Crash:
    """The crash of `check` on `record`, with its traceback on stderr when debugging."""
    if debugging():
        where = f" ({record.path})" if record is not None else ""
        sys.stderr.write(f"govdisc: {check}{where}:\n")
        traceback.print_exception(type(exc), exc, exc.__traceback__, file=sys.stderr)
    return Crash(check, describe(exc), record)


def describe(exc: BaseException) -> str:
    """`TypeName: message` on one line, trimmed: no traceback ever reaches a finding."""
    try:
        message = " ".join(str(exc).split())
    except Exception:  # noqa: BLE001 - an exception whose __str__ itself fails
        message = "<unprintable>"
    text = f"{type(exc).__name__}: {message}" if message else type(exc).__name__
    return text if len(text) <= ERROR_MAX else text[: ERROR_MAX - 1] + "…"


def debugging() -> bool:
    return os.environ.get(DEBUG_ENV, "").strip().lower() not in ("", "0", "false", "no")


def record_in_traceback(exc: BaseException) -> Record | None:
    """The record a cross-record check was looking at when it raised: the innermost frame of
    the traceback with a Record among its locals (a loop's `rec`), else None."""
    frames = [frame for frame, _ in traceback.walk_tb(exc.__traceback__)]
    for frame in reversed(frames):
        for value in frame.f_locals.values():
            if isinstance(value, Record):
                return value
    return None
