"""The disclosure guide (政府信息公开指南, 《条例》第十二条) as plain data, from guide.yaml, govdisc.yaml
and the catalogs of the as-of year. `govdisc guide` renders it (govdisc.render.guide).

    guide_data(records, config, as_of) -> dict     raises GuideMissing without guide.yaml

The office's name defaults to the agency and the office department of govdisc.yaml; the
statutory facts the guide states (publication within 20 working days, the reply periods, fees,
remedies) come from the Regulation, not from the register.
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from typing import Any

from govdisc import resources
from govdisc.config import Config
from govdisc.dates import parse_date
from govdisc.deadlines.yearend import record_year
from govdisc.model import Record

OFFICE_FIELDS = ("name", "address", "postcode", "hours", "phone", "fax", "email", "website")


class GuideMissing(Exception):
    """The register has no guide.yaml."""


@lru_cache(maxsize=1)
def category_labels() -> dict[str, str]:
    """Catalog category code → "（一）法规规章和规范性文件", from the shipped schema."""
    node = resources.schema("defs")["$defs"]["catalog_category"]
    return {code: text.split("：", 1)[0] for code, text in zip(node["enum"], node["enumDescriptions"])}


def _s(value: Any) -> str | None:
    return value.strip() if isinstance(value, str) and value.strip() else None


def _iso(value: Any) -> str | None:
    d = parse_date(value)
    return d.isoformat() if d else None


def _office(guide: Record, config: Config) -> dict:
    raw = guide.get("office")
    raw = raw if isinstance(raw, dict) else {}
    out = {key: _s(raw.get(key)) for key in OFFICE_FIELDS}
    if out["name"] is None:
        dept = config.department_name(config.office) if config.office else ""
        out["name"] = f"{config.agency}{dept}" if config.agency or dept else None
    return out


def _catalogs(records: list[Record], config: Config, year: int) -> list[dict]:
    labels = category_labels()
    out = []
    for rec in records:
        if rec.kind != "catalog" or record_year(rec) != year:
            continue
        dept = rec.data.get("department") if isinstance(rec.data.get("department"), str) else rec.path.split("/")[1]
        items = [i for i in rec.seq("items") if isinstance(i, dict)]
        cats = sorted({i.get("category") for i in items if i.get("category") in labels}, key=list(labels).index)
        out.append({"department": dept, "name": config.department_name(dept), "year": year, "items": len(items),
                    "titles": [t for i in items if (t := _s(i.get("title")))],
                    "categories": [labels[c] for c in cats], "path": rec.path})
    order = [d.id for d in config.departments]
    out.sort(key=lambda c: (order.index(c["department"]) if c["department"] in order else len(order), c["department"]))
    return out


def guide_data(records: list[Record], config: Config, as_of: date) -> dict:
    guide = next((r for r in records if r.kind == "guide"), None)
    if guide is None:
        raise GuideMissing("guide.yaml")
    obtaining = guide.get("obtaining")
    obtaining = obtaining if isinstance(obtaining, dict) else {}
    rooms = [{"name": _s(r.get("name")), "address": _s(r.get("address")), "hours": _s(r.get("hours"))}
             for r in obtaining.get("reading_rooms") or [] if isinstance(r, dict)] \
        if isinstance(obtaining.get("reading_rooms"), list) else []
    classes = [{"name": _s(c.get("name")), "description": _s(c.get("description"))}
               for c in guide.seq("classification") if isinstance(c, dict) and _s(c.get("name"))]
    return {
        "agency": config.agency,
        "as_of": as_of.isoformat(),
        "path": guide.path,
        "updated": _iso(guide.get("updated")),
        "published": {"date": _iso(guide.get("published", "date")), "url": _s(guide.get("published", "url"))},
        "office": _office(guide, config),
        "classification": classes,
        "arrangement": _s(guide.get("arrangement")),
        "obtaining": {"proactive": _s(obtaining.get("proactive")), "on_request": _s(obtaining.get("on_request")),
                      "reading_rooms": rooms},
        "remedies": _s(guide.get("remedies")),
        "catalog_year": as_of.year,
        "catalogs": _catalogs(records, config, as_of.year),
    }
