"""Plain data that flows between the stages: files → records → findings/obligations."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

Severity = Literal["error", "warning", "info"]
SEVERITIES: tuple[str, ...] = ("error", "warning", "info")

#: Record kinds, in the order the layout lists them.
KINDS: tuple[str, ...] = (
    "config", "catalog", "document", "application", "opinion",
    "meeting", "activities", "review", "report", "guide", "assessment", "participation",
)

Pointer = tuple[Any, ...]  # path into the YAML data: keys and list indices


@dataclass(slots=True)
class Record:
    """One YAML file of the register, loaded as plain data (dates kept as ISO strings)."""

    kind: str
    path: str  # posix, relative to the register root
    data: dict[str, Any]

    @property
    def id(self) -> str:
        """The human handle of the record: id, 发文字号, or the file path for yearly files."""
        d = self.data
        for key in ("id", "doc_no"):
            value = d.get(key)
            if isinstance(value, str) and value:
                return value
        return self.path

    def get(self, *keys: Any, default: Any = None) -> Any:
        """Nested lookup that tolerates missing keys and wrong types."""
        cur: Any = self.data
        for key in keys:
            if isinstance(cur, dict) and key in cur:
                cur = cur[key]
            elif isinstance(cur, list) and isinstance(key, int) and -len(cur) <= key < len(cur):
                cur = cur[key]
            else:
                return default
        return cur

    def seq(self, *keys: Any) -> list[Any]:
        """The list at `keys`, or [] when it is missing or not a list (the schema reports that)."""
        value = self.get(*keys)
        return value if isinstance(value, list) else []

    def mapping(self, *keys: Any) -> dict[Any, Any]:
        """The mapping at `keys`, or {} when it is missing or not a mapping."""
        value = self.get(*keys)
        return value if isinstance(value, dict) else {}


@dataclass(slots=True)
class Finding:
    """A located problem. line/column are 1-based and filled in by the locator."""

    code: str
    severity: str
    path: str
    message_zh: str
    message_en: str
    pointer: Pointer = ()
    record: str | None = None
    line: int | None = None
    column: int | None = None
    #: where to point: "value" of the pointer, its "key", or the "parent" mapping (missing key)
    anchor: str = "value"

    def message(self, lang: str = "zh") -> str:
        return self.message_en if lang == "en" else self.message_zh

    def sort_key(self) -> tuple:
        return (self.path, self.line or 0, self.column or 0, self.code)

    def to_json(self, lang: str = "zh") -> dict[str, Any]:
        return {
            "code": self.code,
            "severity": self.severity,
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "message": self.message(lang),
            "record": self.record,
        }


@dataclass(slots=True)
class TraceStep:
    """One day (or event) of a deadline derivation, for `deadlines --explain`."""

    date: str
    action: str  # counted | skipped | makeup | excluded | start | restart | extension | due | note
    note_zh: str
    note_en: str = ""
    count: int | None = None  # running count of working days, where it applies


@dataclass(slots=True)
class Effect:
    """What one recorded fact did to a clock, as the deadline engine judged it.

    Rules read these verdicts instead of recomputing the clock, so `check` and
    `deadlines --explain` can never disagree about whether an extension, a deferral or a fee
    notice counted.
    """

    index: int  # position in the record's `events` list
    kind: str  # event type: extension | deferral | fee_notice | correction_notice | correction_received
    date: str  # ISO date of the event
    verdict: str  # applied | capped | over_cap | late | unapproved | unauthorised | no_days | no_until |
    #               not_later | within_deferral | not_paused | first | repeated | restart | ignored
    due_before: str = ""  # the reply deadline in force on that day (ISO), where it matters
    days: int = 0  # working days the event added (extensions)
    prior: int = 0  # working days already added by earlier extensions


@dataclass(slots=True)
class Obligation:
    """A statutory or internal clock: what is owed, by when, and how the date was derived."""

    record: str
    kind: str  # record kind: application, document, opinion, department, agency
    obligation: str  # reply, correction_notice, publication, release, catalog, ...
    due: str  # ISO date, or ISO date-time for hour-based clocks
    status: str  # overdue | due_soon | open | done | late
    path: str
    provisional: bool = False
    department: str | None = None
    days_left: int | None = None  # working days (or hours for hour clocks) from as-of
    met_on: str | None = None  # date (or date-time) the obligation was fulfilled, if it was
    trace: list[TraceStep] = field(default_factory=list)
    pointer: tuple = ()
    #: the engine's verdict on each event that could move the deadline (reply clock only)
    effects: list[Effect] = field(default_factory=list)

    @property
    def is_open(self) -> bool:
        return self.met_on is None

    def to_json(self, with_trace: bool = False, lang: str = "zh") -> dict[str, Any]:
        out: dict[str, Any] = {
            "record": self.record,
            "kind": self.kind,
            "obligation": self.obligation,
            "due": self.due,
            "status": self.status,
            "path": self.path,
            "provisional": self.provisional,
            "department": self.department,
            "days_left": self.days_left,
        }
        if self.met_on is not None:
            out["met_on"] = self.met_on
        if with_trace:
            out["trace"] = [
                {"date": s.date, "action": s.action, "count": s.count,
                 "note": s.note_en if lang == "en" and s.note_en else s.note_zh}
                for s in self.trace
            ]
        return out
