"""A fast yes/no schema check for the happy path; jsonschema stays the judge of everything else.

jsonschema (pure Python) costs about 0.3 ms a record, over half of a cold check. Almost every
record is valid, so each file is first asked of jsonschema-rs (a compiled validator of the same
draft 2020-12 schemas, with the same format checkers): only when it is not certainly valid does
`validation.validate` run jsonschema, which produces the located, explained messages.
Any failure to build or run the fast validator means "don't know", never "valid".
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from govdisc import resources
from govdisc.dates import is_date, is_datetime, is_month_day
from govdisc.textsafety import is_line

try:
    import jsonschema_rs
except ImportError:  # pragma: no cover - a platform without its wheels: jsonschema alone
    jsonschema_rs = None

_FORMATS = {"date": is_date, "govdisc-datetime": is_datetime, "govdisc-line": is_line,
            "govdisc-month-day": is_month_day}


@lru_cache(maxsize=None)
def _validator(kind: str) -> Any:
    if jsonschema_rs is None:
        return None
    try:
        registry = jsonschema_rs.Registry(
            [(resources.schema(n)["$id"], resources.schema(n)) for n in resources.schema_texts()]
        )
        return jsonschema_rs.validator_for(resources.schema(kind), registry=registry, formats=_FORMATS,
                                           validate_formats=True)
    except Exception:  # noqa: BLE001 - no fast path for this kind; jsonschema decides
        return None


def certainly_valid(kind: str, data: Any) -> bool:
    """True only when the record is valid; False means 'ask jsonschema'."""
    v = _validator(kind)
    if v is None:
        return False
    try:
        return bool(v.is_valid(data))
    except Exception:  # noqa: BLE001
        return False
