"""The register's settings (govdisc.yaml) as a typed object with defaults."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from govdisc.dates import parse_date

DEFAULT_TIMEZONE = "Asia/Shanghai"
#: Per-file size cap (`limits.max_file_bytes`): records are a few KB; a file of megabytes is a
#: data dump or an attack, and is reported (REG017) without being read.
DEFAULT_MAX_FILE_BYTES = 4 * 1024 * 1024
MIN_FILE_BYTES_LIMIT = 64 * 1024
#: The most `limits.max_file_bytes` can be: a register's own govdisc.yaml (which arrives with a
#: merge request like any file) cannot make govdisc read files of any size. The work per file is
#: bounded at this size too (measured in README, "Bad input and security").
MAX_FILE_BYTES_CEILING = 8 * 1024 * 1024


@dataclass(slots=True)
class Department:
    id: str
    name: str
    role: str = "other"


@dataclass(slots=True)
class Config:
    agency: str = ""
    office: str = ""
    departments: list[Department] = field(default_factory=list)
    timezone: str = DEFAULT_TIMEZONE
    application_id_prefix: str = "YSQ"
    extra_holidays: list[date] = field(default_factory=list)
    extra_workdays: list[date] = field(default_factory=list)
    #: rule code → "error" | "warning" | "info" | "off"
    severities: dict[str, str] = field(default_factory=dict)
    fee_pauses_clock: bool = True
    frequent_request_min: int = 3
    due_soon_days: int = 3
    report_due: str = "01-31"
    #: first year the register is kept; year-end duties are judged from then on (None: derived)
    since: int | None = None
    #: files larger than this are reported (REG017), never read
    max_file_bytes: int = DEFAULT_MAX_FILE_BYTES

    @property
    def department_ids(self) -> set[str]:
        return {d.id for d in self.departments}

    def department_name(self, dept_id: str | None) -> str:
        for d in self.departments:
            if d.id == dept_id:
                return d.name
        return dept_id or ""

    @classmethod
    def from_data(cls, data: Any) -> "Config":
        """Build from loaded YAML; tolerant, since the schema reports what is wrong."""
        if not isinstance(data, dict):
            return cls()
        cfg = cls()
        cfg.agency = _str(data.get("agency"))
        cfg.office = _str(data.get("office"))
        for dep in data.get("departments") or []:
            if isinstance(dep, dict) and isinstance(dep.get("id"), str):
                cfg.departments.append(
                    Department(dep["id"], _str(dep.get("name")) or dep["id"], _str(dep.get("role")) or "other")
                )
        cfg.timezone = _str(data.get("timezone")) or DEFAULT_TIMEZONE
        cfg.application_id_prefix = _str(data.get("application_id_prefix")) or "YSQ"
        cal = data.get("calendar") if isinstance(data.get("calendar"), dict) else {}
        cfg.extra_holidays = _dates(cal.get("holidays"))
        cfg.extra_workdays = _dates(cal.get("workdays"))
        rules = data.get("rules") if isinstance(data.get("rules"), dict) else {}
        for key, value in rules.items():
            if key == "fee_pauses_clock":
                cfg.fee_pauses_clock = bool(value)
            elif isinstance(value, str):
                cfg.severities[str(key)] = value
        thresholds = data.get("thresholds") if isinstance(data.get("thresholds"), dict) else {}
        if isinstance(thresholds.get("frequent_request_min"), int):
            cfg.frequent_request_min = thresholds["frequent_request_min"]
        if isinstance(thresholds.get("due_soon_days"), int):
            cfg.due_soon_days = thresholds["due_soon_days"]
        if isinstance(data.get("report_due"), str):
            cfg.report_due = data["report_due"]
        if isinstance(data.get("since"), int) and not isinstance(data.get("since"), bool):
            cfg.since = data["since"]
        limits = data.get("limits") if isinstance(data.get("limits"), dict) else {}
        cap = limits.get("max_file_bytes")
        if isinstance(cap, int) and not isinstance(cap, bool) and cap >= MIN_FILE_BYTES_LIMIT:
            cfg.max_file_bytes = min(cap, MAX_FILE_BYTES_CEILING)
        return cfg


def _str(value: Any) -> str:
    return value if isinstance(value, str) else ""


def _dates(values: Any) -> list[date]:
    out = []
    for v in values or []:
        d = parse_date(v)
        if d is not None:
            out.append(d)
    return out
