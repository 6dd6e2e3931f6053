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
#: what `govdisc init` writes for the agency when --agency is not given; `check` flags it (REG023)
PLACEHOLDER_AGENCY = "（请填写机关全称）"
#: 发文字号 of a letter when govdisc.yaml sets no `letters.number` (GB/T 9704: 代字〔年份〕序号号)
DEFAULT_LETTER_NUMBER = "{agency}依申请公开{kind}〔{year}〕{seq}号"
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
class Measures:
    """`measures:` in govdisc.yaml: how the register reads clauses of the implementation measures
    that allow two readings (see govdisc.measures and README "Settings for the measures")."""

    #: 二(四)3 "每年年底前…完成主动公开基本目录编制": the catalog of year Y is due by 31 December of
    #: Y (same_year, the default) or of Y-1 (next_year: the coming year's catalog)
    catalog_timing: str = "same_year"
    #: 一(一)/二(四)3 "五公开" coverage (CAT003): judged for the agency's catalogs together
    #: (agency, the default) or for each department's catalog (department)
    five_openness: str = "agency"
    #: 二(四)2 "提交局党组会审议的…": the meeting bodies (`body`) whose decisions MTG001/MTG002
    #: judge; None (the default): every meeting
    decision_bodies: list[str] | None = None
    #: 二(六)4 "对涉及群众切身利益…等重点事项，要及时发布信息": hours from detection within which a
    #: key matter that is not a major emergency must be answered; None (the default): not judged
    key_matter_release_hours: int | None = None


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
    #: the 行政事业性收费 row of the annual report includes the 信息处理费 (stats/annual.py)
    processing_fee_in_fee_row: bool = True
    frequent_request_min: int = 3
    due_soon_days: int = 3
    report_due: str = "01-31"
    #: first year the register is kept; year-end duties are judged from then on (None: derived)
    since: int | None = None
    #: files larger than this are reported (REG017), never read
    max_file_bytes: int = DEFAULT_MAX_FILE_BYTES
    #: who may approve an extension (the persons or posts holding 政府信息公开工作机构负责人,
    #: Art. 33(2)); empty: anyone named in approved_by is accepted
    approvers: list[str] = field(default_factory=list)
    #: remedies named in reply letters: reconsideration organ and court (行政复议机关, 人民法院)
    remedy_reconsideration: str = ""
    remedy_litigation: str = ""
    #: 'MM-DD' of the year after the reply by which the case file is archived (agency practice)
    archive_due: str = "06-30"
    #: readings of the implementation measures where their words allow two (govdisc.measures)
    measures: Measures = field(default_factory=Measures)
    #: letters (govdisc letter): number pattern, per-kind patterns, 落款, contact line, how to pay
    #: a fee, the correction period (working days) and whether Word letters mark the seal
    letter_number: str = DEFAULT_LETTER_NUMBER
    letter_numbers: dict[str, str] = field(default_factory=dict)
    letter_issuer: str = ""
    letter_contact: str = ""
    letter_fee_payment: str = ""
    letter_correction_days: int = 15
    letter_seal: bool = True

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
            elif key == "processing_fee_in_fee_row":
                cfg.processing_fee_in_fee_row = bool(value)
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
        approvers = data.get("approvers")
        if isinstance(approvers, list):
            cfg.approvers = [a.strip() for a in approvers if isinstance(a, str) and a.strip()]
        remedies = data.get("remedies") if isinstance(data.get("remedies"), dict) else {}
        cfg.remedy_reconsideration = _str(remedies.get("reconsideration")).strip()
        cfg.remedy_litigation = _str(remedies.get("litigation")).strip()
        if isinstance(data.get("archive_due"), str):
            cfg.archive_due = data["archive_due"]
        _letters(cfg, data.get("letters"))
        limits = data.get("limits") if isinstance(data.get("limits"), dict) else {}
        cap = limits.get("max_file_bytes")
        if isinstance(cap, int) and not isinstance(cap, bool) and cap >= MIN_FILE_BYTES_LIMIT:
            cfg.max_file_bytes = min(cap, MAX_FILE_BYTES_CEILING)
        cfg.measures = _measures(data.get("measures"))
        return cfg


def _measures(data: Any) -> Measures:
    """The `measures:` block, tolerant: a value of the wrong kind keeps the default (the schema
    reports it)."""
    out = Measures()
    if not isinstance(data, dict):
        return out
    if data.get("catalog_timing") in ("same_year", "next_year"):
        out.catalog_timing = data["catalog_timing"]
    if data.get("five_openness") in ("agency", "department"):
        out.five_openness = data["five_openness"]
    bodies = data.get("decision_bodies")
    if isinstance(bodies, list):
        out.decision_bodies = [b.strip() for b in bodies if isinstance(b, str) and b.strip()]
    hours = data.get("key_matter_release_hours")
    if isinstance(hours, int) and not isinstance(hours, bool) and hours > 0:
        out.key_matter_release_hours = hours
    return out


def _letters(cfg: Config, letters: Any) -> None:
    """The `letters:` block (the schema reports wrong values; they are left at the defaults)."""
    if not isinstance(letters, dict):
        return
    if isinstance(letters.get("number"), str) and letters["number"].strip():
        cfg.letter_number = letters["number"].strip()
    numbers = letters.get("numbers")
    if isinstance(numbers, dict):
        cfg.letter_numbers = {str(k): v.strip() for k, v in numbers.items() if isinstance(v, str) and v.strip()}
    cfg.letter_issuer = _str(letters.get("issuer")).strip()
    cfg.letter_contact = _str(letters.get("contact")).strip()
    cfg.letter_fee_payment = _str(letters.get("fee_payment")).strip()
    days = letters.get("correction_days")
    if isinstance(days, int) and not isinstance(days, bool) and days >= 1:
        cfg.letter_correction_days = days
    if isinstance(letters.get("seal"), bool):
        cfg.letter_seal = letters["seal"]


def _str(value: Any) -> str:
    return value if isinstance(value, str) else ""


def _dates(values: Any) -> list[date]:
    out = []
    for v in values or []:
        d = parse_date(v)
        if d is not None:
            out.append(d)
    return out
