"""Date parsing for register values, which the loader keeps as ISO strings."""

from __future__ import annotations

import re
from datetime import date, datetime, time
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_DT_RE = re.compile(
    r"^(\d{4}-\d{2}-\d{2})[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?$"
)


def parse_date(value: object) -> date | None:
    """ISO date from a register value; None when absent or malformed (schema reports it)."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str) and _DATE_RE.match(value):
        try:
            return date.fromisoformat(value)
        except ValueError:
            return None
    return None


def is_date(value: object) -> bool:
    return parse_date(value) is not None


def is_month_day(value: object) -> bool:
    """False for 'MM-DD' text naming no day of an ordinary year (02-30, 13-01, and 02-29, which
    three years in four do not have); other text is left to the schema's pattern."""
    if not isinstance(value, str) or len(value) != 5 or value[2] != "-" or not value.replace("-", "").isdigit():
        return True
    try:
        date(2001, int(value[:2]), int(value[3:]))
    except ValueError:
        return False
    return True


@lru_cache(maxsize=32)
def zone(name: str) -> ZoneInfo:
    """The IANA zone `name`; ZoneInfoNotFoundError (a KeyError) for any name that is none.

    ZoneInfo raises OSError for a folder of the zone database (`timezone: Asia`) or an overlong
    name, which callers expecting KeyError/ValueError for a bad `timezone` did not catch (found
    by tests/unit/test_fuzz.py: OPN003 and the opinion clocks crashed on it).
    """
    try:
        return ZoneInfo(name)
    except OSError as exc:
        raise ZoneInfoNotFoundError(f"no time zone {name[:60]!r}") from exc


def parse_datetime(value: object, tz: str = "Asia/Shanghai") -> datetime | None:
    """Aware date-time; a naive value is in the register's timezone, a bare date is midnight."""
    if isinstance(value, datetime):
        dt = value
    elif isinstance(value, date):
        dt = datetime.combine(value, time())
    elif isinstance(value, str):
        m = _DT_RE.match(value.strip())
        if m:
            day, hh, mm, ss, off = m.groups()
            text = f"{day}T{int(hh):02d}:{mm}:{ss or '00'}"
            if off:
                text += "+00:00" if off == "Z" else (off if ":" in off else off[:3] + ":" + off[3:])
            try:
                dt = datetime.fromisoformat(text)
            except ValueError:
                return None
        else:
            d = parse_date(value)
            if d is None:
                return None
            dt = datetime.combine(d, time())
    else:
        return None
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=zone(tz))
    return dt


def is_datetime(value: object) -> bool:
    return parse_datetime(value) is not None
