"""`govdisc event RECORD_ID TYPE --date DATE`: record what happened to an application or an opinion.

The record is found by id anywhere in the register. The event is checked against what the file
already records (the order the Regulation prescribes; see `check_application_event`); a refusal
raises AuthoringError and writes nothing. An accepted event is added to the file so that every
existing line stays byte for byte as it was:

1. splice: the new lines are inserted into the text at the place the round-trip parse (ruamel,
   YAML(typ="rt")) locates, in the file's own style (indentation, flow or block items, CRLF);
2. round trip: where new lines alone cannot express the change (an `events: [...]` flow list,
   a `reply` mapping that already has keys), ruamel re-dumps the file with the indentation detected
   from it, preserve_quotes and no rewrapping; that result is accepted only when every line outside
   the changed key is unchanged.

Either result is re-read and must equal the old data plus the new event exactly, then it is
written atomically (and only if the file did not change since it was read). The new reply
deadline is computed by the deadline engine from the new data.
"""

from __future__ import annotations

import copy
import difflib
import io
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any, Sequence

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from govdisc import validation
from govdisc.authoring import fieldhelp
from govdisc.authoring.access import files_of, load_spec, read_spec, records, usable_data, writing
from govdisc.authoring.atomic import ChangedSinceRead, write_bytes
from govdisc.authoring.blocks import (KeySpan, detect_indent, leading_comment_start, rt_load,
                                      rt_yaml, seq_prefixes, top_level_spans)
from govdisc.authoring.errors import AuthoringError
from govdisc.authoring.new import load_config
from govdisc.authoring.yamltext import block_mapping_lines, flow_mapping, newline_of
from govdisc.calendar import CalendarRangeError, WorkCalendar, calendar_for
from govdisc.config import DEFAULT_MAX_FILE_BYTES, Config
from govdisc.deadlines.application import CORRECTION_DAYS, EXTENSION_MAX, approval_problem
from govdisc.deadlines.labels import EVENTS
from govdisc.dates import parse_date, parse_datetime, zone
from govdisc.loading.layout import FileSpec, spec_for
from govdisc.loading.yamlio import load_text
from govdisc.model import Obligation, Record

APPLICATION_EVENTS = ("correction_notice", "correction_received", "consultation_sent", "consultation_answered",
                      "extension", "deferral", "fee_notice", "fee_paid", "third_party_notice", "reply")
OPINION_EVENTS = ("release", "press_conference", "follow_up")
EVENT_TYPES = APPLICATION_EVENTS + OPINION_EVENTS

#: Options each event type takes: required, optional (function parameter names).
OPTIONS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "correction_notice": ((), ("days", "note")),
    "correction_received": ((), ("note",)),
    "consultation_sent": (("party",), ("written", "delivered", "note")),
    "consultation_answered": ((), ("objection", "note")),
    "extension": (("days", "approved_by"), ("notified", "note")),
    "deferral": (("until", "note"), ()),
    "fee_notice": ((), ("amount", "note")),
    "fee_paid": ((), ("note",)),
    "third_party_notice": ((), ("note",)),
    "reply": (("outcome",), ("exemptions", "remedies", "note")),
    "release": (("at",), ("channel", "title", "reviewed_by", "reviewed")),
    "press_conference": (("at",), ("note",)),
    "follow_up": (("at",), ("note", "reviewed_by", "reviewed")),
}
OPTION_FLAGS = {"event_date": "--date", "approved_by": "--approved-by", "exemptions": "--exemption",
                "written": "--written/--not-written", "objection": "--objection/--no-objection",
                "remedies": "--remedy", "reviewed_by": "--reviewed-by", "reviewed": "--reviewed"}

#: Canonical key order of a record (docs/register-format.md): where a missing key goes.
KEY_ORDER = {
    "application": ("id", "channel", "submitted", "signed_for", "confirmed", "arrived", "handler", "applicant",
                    "summary", "topics", "documents", "form_requested", "events", "reply", "review", "archived"),
    "opinion": ("id", "title", "detected_at", "level", "lead", "summary", "releases", "press_conference",
                "follow_ups"),
}

EVENT_LABELS = EVENTS
EXEMPTING = ("withheld", "partially_disclosed")


@dataclass
class EventResult:
    path: Path
    record_id: str
    kind: str  # application | opinion
    event_type: str
    written: dict[str, Any]  # the event (or reply / press_conference mapping) as written
    method: str  # splice | roundtrip
    #: application: the reply deadline after the change; None while waiting for a correction
    reply_due: date | None = None
    reply_status: str | None = None  # the engine's status of the reply obligation
    obligations: list[Obligation] = field(default_factory=list)  # every clock of the record, after
    warnings: list[tuple[str, str]] = field(default_factory=list)  # (zh, en): accepted, but check will say


def refuse(zh: str, en: str, code: str = "refused") -> AuthoringError:
    return AuthoringError(zh, en, code)


# -- finding the record --------------------------------------------------------------------------


_ID_YEAR = re.compile(r"-(\d{4})-")
_FOLDERS = (("applications", "application"), ("opinions", "opinion"))


def find_record(root: Path, record_id: str, limit: int = DEFAULT_MAX_FILE_BYTES) -> tuple[Path, str]:
    """(path, kind) of the application or opinion with this id; refuses when none or several."""
    spec, kind = find_record_spec(root, record_id, limit)
    return root / spec.path, kind


def find_record_spec(root: Path, record_id: str, limit: int = DEFAULT_MAX_FILE_BYTES) -> tuple[FileSpec, str]:
    """The loader's spec and the kind of the application or opinion with this id.

    Looked for as the loader sees the register (access.files_of, layout.spec_for): a link out
    of it, a pipe or an unreadable file at the id's usual place is refused with the loader's
    finding, not opened and not reported as "no such id".
    """
    record_id = record_id.strip()
    found: list[tuple[FileSpec, str]] = []
    m = _ID_YEAR.search(record_id)
    if m:  # the usual place: <folder>/<year of the id>/<id>.yaml
        for folder, kind in _FOLDERS:
            for ext in (".yaml", ".yml"):
                spec = spec_for(root, f"{folder}/{m.group(1)}/{record_id}{ext}")
                if spec is None:
                    continue
                data = usable_data(load_spec(root, spec, limit))
                if data.get("id") == record_id:
                    found.append((spec, kind))
    if not found:  # anywhere else, by the id inside the file
        specs = files_of(root, tuple(f for f, _ in _FOLDERS), tuple(k for _, k in _FOLDERS))
        for spec, data in records(root, specs, limit, needle=record_id):
            if data.get("id") == record_id:
                found.append((spec, str(spec.kind)))
    if not found:
        raise refuse(f"登记簿中没有编号为 {record_id} 的申请或舆情记录",
                     f"no application or opinion with id {record_id} in the register", "not_found")
    if len(found) > 1:
        where = ", ".join(spec.path for spec, _ in found)
        raise refuse(f"编号 {record_id} 重复出现在 {where}，请先修正（REG007）",
                     f"id {record_id} is used by several files: {where}; fix that first (REG007)", "conflict")
    return found[0]


# -- the command ---------------------------------------------------------------------------------


def add_event(root: Path, record_id: str, event_type: str, *, event_date: date | None = None,
              days: int | None = None, approved_by: str | None = None, notified: date | None = None,
              outcome: str | None = None, exemptions: Sequence[str] = (), note: str | None = None,
              party: str | None = None, written: bool | None = None, amount: float | None = None,
              at: str | None = None, channel: str | None = None, title: str | None = None,
              until: date | None = None, delivered: date | None = None, objection: bool | None = None,
              remedies: Sequence[str] = (), reviewed_by: str | None = None, reviewed: date | None = None,
              today: date | None = None) -> EventResult:
    """Validate and record one event; returns what was written and the recomputed deadlines.

    `event_date` (--date) is required for application events; opinion events take `at`
    (--at "2024-07-02 12:10", or "12:10" together with --date). `today` bounds the dates
    (nothing can be recorded as happening in the future) and is the as-of date of the deadlines.
    """
    if event_type not in EVENT_TYPES:
        raise refuse(f"未知的事件类型 {event_type}；申请可用：{'、'.join(APPLICATION_EVENTS)}；舆情可用：{'、'.join(OPINION_EVENTS)}",
                     f"unknown event type {event_type}; applications: {', '.join(APPLICATION_EVENTS)}; "
                     f"opinions: {', '.join(OPINION_EVENTS)}", "invalid")
    today = today or date.today()
    given = {"days": days, "approved_by": approved_by, "notified": notified, "outcome": outcome,
             "exemptions": list(exemptions) or None, "note": note, "party": party, "written": written,
             "amount": amount, "at": at, "channel": channel, "title": title, "until": until,
             "delivered": delivered, "objection": objection, "remedies": list(remedies) or None,
             "reviewed_by": reviewed_by, "reviewed": reviewed}
    given = {k: v for k, v in given.items() if v is not None}
    _check_options(event_type, given)
    with writing(root):  # one writer at a time, from reading the record to renaming its new version
        return _add_event(root, record_id, event_type, event_date, given, today)


def _add_event(root: Path, record_id: str, event_type: str, event_date: date | None, given: dict[str, Any],
               today: date) -> EventResult:
    config, _ = load_config(root)
    spec, kind = find_record_spec(root, record_id, config.max_file_bytes)
    path = root / spec.path
    wanted = APPLICATION_EVENTS if kind == "application" else OPINION_EVENTS
    if event_type not in wanted:
        what = "申请" if kind == "application" else "舆情"
        raise refuse(f"{record_id} 是{what}记录，事件类型 {event_type} 不适用；可用：{'、'.join(wanted)}",
                     f"{record_id} is an {kind}; {event_type} does not apply. Use one of: {', '.join(wanted)}",
                     "invalid")
    raw, bom, text, data = read_record_file(root, spec, config.max_file_bytes)
    rel = spec.path
    cal = calendar_for(config)
    record = Record(kind, rel, data)
    if kind == "application":
        change, warnings = check_application_event(record, event_type, event_date, given, config, cal, today)
    else:
        change, warnings = check_opinion_event(record, event_type, event_date, given, config, today)
    new_text, method = apply_change(text, kind, change)
    new_data = _verify(text, new_text, data, change, kind)
    write_record_file(root, spec, raw, bom, new_text)
    result = EventResult(path, record_id, kind, event_type, change.written, method, warnings=warnings)
    _deadlines(result, Record(kind, rel, new_data), config, cal, today)
    return result


def read_record_file(root: Path, spec: FileSpec, limit: int = DEFAULT_MAX_FILE_BYTES) -> tuple[bytes, bool, str, dict]:
    """(raw bytes, had a BOM, text, data) of a record file to edit, read as the loader reads it;
    refused unless it is UTF-8 and parses as a mapping."""
    path = root / spec.path
    raw = read_spec(root, spec, limit)
    bom = raw.startswith(b"\xef\xbb\xbf")
    try:
        text = raw[3 if bom else 0:].decode("utf-8")
    except UnicodeDecodeError:
        raise refuse(f"{path.name} 不是 UTF-8 编码，请先修正（REG003）", f"{path.name} is not UTF-8 (REG003)") from None
    data, err = load_text(text)
    if err is not None or not isinstance(data, dict):
        raise refuse(f"{path.name} 无法解析（第 {err.line if err else 1} 行），请先运行 govdisc check 修正",
                     f"{path.name} does not parse (line {err.line if err else 1}); fix it first (govdisc check)")
    return raw, bom, text, data


def write_record_file(root: Path, spec: FileSpec, raw: bytes, bom: bool, new_text: str) -> None:
    """Write the edited text atomically, only if the file still holds `raw` (else refused)."""
    path = root / spec.path
    out = (b"\xef\xbb\xbf" if bom else b"") + new_text.encode("utf-8")
    try:
        # a link inside the register: its target is the record (as the loader reads it) and is
        # what changes; the link stays a link
        write_bytes(root / spec.source, out, expected=raw, root=root)
    except ChangedSinceRead:
        raise refuse(f"{path.name} 在读取后被修改，未写入；请重新运行", f"{path.name} changed while we worked; "
                     "nothing written, run again", "conflict") from None


def _check_options(event_type: str, given: dict[str, Any]) -> None:
    required, optional = OPTIONS[event_type]
    missing = [o for o in required if o not in given]
    extra = [o for o in given if o not in required + optional]
    label = EVENT_LABELS[event_type]
    if missing:
        names = ", ".join(_flag(o) for o in missing)
        raise refuse(f"{label[0]}（{event_type}）须给出 {names}", f"{event_type} needs {names}", "invalid")
    if extra:
        names = ", ".join(_flag(o) for o in extra)
        raise refuse(f"{label[0]}（{event_type}）不使用 {names}", f"{event_type} takes no {names}", "invalid")


def _flag(name: str) -> str:
    return OPTION_FLAGS.get(name, "--" + name.replace("_", "-"))


# -- what changes ----------------------------------------------------------------------------------


@dataclass
class Change:
    """One change to a record: append an item to a top-level list, or set a top-level mapping."""

    key: str  # events | releases | follow_ups | reply | press_conference
    op: str  # append | set
    value: dict[str, Any]  # python values (date objects for dates)
    written: dict[str, Any]  # the same with ISO strings, as the loader will read it back
    flow: bool = True  # for op "set": write the mapping in flow style on one line


def _iso(value: Any) -> Any:
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, list):
        return [_iso(v) for v in value]
    if isinstance(value, dict):
        return {k: _iso(v) for k, v in value.items()}
    return value


def _change(key: str, op: str, value: dict[str, Any], flow: bool = True) -> Change:
    return Change(key, op, value, {k: _iso(v) for k, v in value.items()}, flow)


# -- application transitions -----------------------------------------------------------------------


def check_application_event(rec: Record, event_type: str, d: date | None, given: dict[str, Any], config: Config,
                            cal: WorkCalendar, today: date) -> tuple[Change, list[tuple[str, str]]]:
    """The change an application event makes, or AuthoringError when the Regulation's order forbids it."""
    from govdisc.deadlines.application import receipt_date
    from govdisc.deadlines.common import events_of

    warnings: list[tuple[str, str]] = []
    label = EVENT_LABELS[event_type]
    if d is None:
        raise refuse(f"{label[0]}须给出日期 --date", f"{event_type} needs --date", "invalid")
    if d > today:
        raise refuse(f"{label[0]}日期 {d} 晚于今天 {today}：只能记录已经发生的事件",
                     f"the {label[1]} date {d} is after today ({today}): record only what has happened")
    got = receipt_date(rec)
    if got is None:
        raise refuse("该申请没有收到申请之日（submitted / signed_for / confirmed），无法校验事件，请先补录",
                     "the application has no receipt date (submitted / signed_for / confirmed); add it first")
    receipt, receipt_field, _ = got
    floor = receipt
    submitted = parse_date(rec.data.get("submitted"))
    if submitted is not None and submitted > floor:
        floor = submitted
    if d < floor:
        raise refuse(f"{label[0]}日期 {d} 早于收到申请之日 {floor}（{receipt_field}，《条例》第三十一条）",
                     f"the {label[1]} date {d} is before the legal receipt date {floor} ({receipt_field}, Art. 31)")
    reply = rec.data.get("reply") if isinstance(rec.data.get("reply"), dict) else None
    reply_date = parse_date(reply.get("date")) if reply else None
    events = events_of(rec)
    if event_type == "reply":
        if reply_date is not None:
            raise refuse(f"该申请已于 {reply_date} 答复，不能再次答复", f"the application was answered on {reply_date}; "
                         "there cannot be a second reply")
        return _reply_change(rec, d, given, events, reply, cal, config, today, warnings), warnings
    if reply_date is not None and d > reply_date:
        raise refuse(f"该申请已于 {reply_date} 答复，不能记录此后的{label[0]}（{d}）",
                     f"the application was answered on {reply_date}; no {label[1]} can follow it ({d})")

    def dates(t: str, until: date | None = None) -> list[date]:
        return [x for _, typ, x, _ in events if typ == t and (until is None or x <= until)]

    ev: dict[str, Any] = {"type": event_type, "date": d}
    if event_type == "correction_notice":
        if dates("correction_notice"):
            raise refuse(f"已于 {dates('correction_notice')[0]} 发出补正通知；补正应一次性告知，不能再次告知（《条例》第三十条）",
                         f"a correction notice was already given on {dates('correction_notice')[0]}; "
                         "the applicant must be told once, all at once (Art. 30)")
        due = _safe_add(cal, receipt, CORRECTION_DAYS)
        if due is not None and d > due:
            warnings.append((f"补正告知晚于收到申请后7个工作日（{due}），govdisc check 会报告（《条例》第三十条）",
                             f"the correction notice is later than 7 working days after receipt ({due}); check will report it"))
        if "days" in given:  # the period allowed for the correction (Art. 30 合理的补正期限), for the letter
            days = given["days"]
            if isinstance(days, bool) or not isinstance(days, int) or not 1 <= days <= 60:
                raise refuse(f"--days（补正期限）应为1至60的工作日数，收到 {days}",
                             f"--days (the correction period) must be 1 to 60 working days, got {days}", "invalid")
            ev["days"] = days
    elif event_type == "correction_received":
        notices = dates("correction_notice", d)
        if not notices:
            raise refuse("没有在此日期之前发出的补正通知（correction_notice），不能记录收到补正",
                         "there is no correction notice on or before this date to answer")
        if [x for x in dates("correction_received") if x >= max(notices)]:
            raise refuse("已记录收到补正，不能重复记录", "the corrected application is already recorded")
    elif event_type == "consultation_sent":
        party = given["party"]
        if party not in ("third_party", "agency"):
            raise refuse(f"--party 只能是 third_party（第三方，第三十二条）或 agency（其他机关，第三十四条），收到 {party}",
                         f"--party must be third_party (Art. 32) or agency (Art. 34), got {party}", "invalid")
        ev["party"] = party
        if "written" in given:
            ev["written"] = bool(given["written"])
        if "delivered" in given:
            delivered = given["delivered"]
            if delivered < d or delivered > today:
                raise refuse(f"送达日期 {delivered} 应不早于发出日期 {d}、不晚于今天 {today}",
                             f"the delivery date {delivered} must be on or after sending ({d}) and not after today ({today})")
            ev["delivered"] = delivered
        if party == "third_party" and given.get("written") is not True:
            warnings.append(("征求第三方意见应当书面进行（《条例》第三十二条）；未记录 written: true 的，govdisc check 会报告",
                             "a third-party consultation must be in writing (Art. 32); without written: true check reports it"))
    elif event_type == "consultation_answered":
        sent = dates("consultation_sent", d)
        if len(sent) <= len(dates("consultation_answered")):
            raise refuse("没有尚未答复的征求意见（consultation_sent），不能记录收到意见",
                         "there is no open consultation (consultation_sent) on or before this date to answer")
        if "objection" in given:
            ev["objection"] = bool(given["objection"])
    elif event_type == "extension":
        warnings.extend(_check_extension(rec, d, given, cal, config, today))
        ev["days"] = given["days"]
        ev["approved_by"] = given["approved_by"].strip()
        if "notified" in given:
            ev["notified"] = given["notified"]
    elif event_type == "deferral":
        ev["until"] = _check_deferral(rec, d, given["until"], cal, config, today)
    elif event_type == "third_party_notice":
        if not [x for _, t, x, e in events if t == "consultation_sent" and x <= d and e.get("party") in (None, "third_party")]:
            raise refuse("此前没有征求第三方意见（consultation_sent --party third_party），不能记录书面告知第三方（《条例》第三十二条）",
                         "there is no third-party consultation on or before this date; nothing to notify (Art. 32)")
    elif event_type == "fee_notice":
        if len(dates("fee_notice")) > len(dates("fee_paid")):
            raise refuse("已有尚未缴费的收费通知，不能再次发出", "a fee notice is still waiting for payment")
        ob = reply_obligation(rec, config, cal, today)
        if ob is not None and ob.due and d.isoformat() > ob.due[:10]:
            warnings.append((f"收费通知晚于答复期限 {ob.due[:10]}：期限届满后收费不能中止期限，govdisc check 会报告（APP028）",
                             f"the fee notice is after the reply deadline {ob.due[:10]}: it pauses nothing; check will report it (APP028)"))
        if "amount" in given:
            amount = given["amount"]
            if isinstance(amount, bool) or not isinstance(amount, (int, float)) or amount < 0:
                raise refuse(f"--amount 应为不小于0的金额（元），收到 {amount}", f"--amount must be ≥ 0 yuan, got {amount}",
                             "invalid")
            ev["amount"] = int(amount) if float(amount).is_integer() else float(amount)
    elif event_type == "fee_paid":
        if len(dates("fee_notice", d)) <= len(dates("fee_paid")):
            raise refuse("没有在此日期之前发出且尚未缴费的收费通知（fee_notice），不能记录缴费",
                         "there is no unpaid fee notice on or before this date")
    if "note" in given:
        ev["note"] = given["note"]
    return _change("events", "append", ev), warnings


def _safe_add(cal: WorkCalendar, d: date, n: int) -> date | None:
    try:
        return cal.add(d, n)
    except (CalendarRangeError, OverflowError):
        return None


def reply_obligation(rec: Record, config: Config, cal: WorkCalendar, as_of: date) -> Obligation | None:
    """The engine's reply clock of an application (None when the data supports none)."""
    from govdisc.deadlines.application import application_obligations

    for ob in application_obligations(rec, config, cal, as_of):
        if ob.obligation == "reply":
            return ob
    return None


def _running_due(rec: Record, config: Config, cal: WorkCalendar, today: date, what: tuple[str, str]) -> Obligation:
    """The engine's reply clock as it stands, refusing when it is not running (waiting for 补正)."""
    ob = reply_obligation(rec, config, cal, today)
    if ob is None or not ob.due:
        raise refuse(f"答复期限尚未起算（正在等待申请人补正），不能{what[0]}",
                     f"the reply period is not running (waiting for the corrected application); nothing to {what[1]}")
    return ob


def _check_extension(rec: Record, d: date, given: dict[str, Any], cal: WorkCalendar, config: Config,
                     today: date) -> list[tuple[str, str]]:
    """Refuse what Art. 33(2) forbids; warn (APP023) about a second extension within the cap."""
    days, by = given["days"], given["approved_by"]
    problem = approval_problem({"approved_by": by}, config.approvers)
    if problem == "unapproved":
        raise refuse("延长答复期限须经政府信息公开工作机构负责人同意：--approved-by 不能为空（《条例》第三十三条第二款）",
                     "an extension needs the approval of the head of the disclosure office: --approved-by (Art. 33(2))")
    if problem == "unauthorised":
        names = "、".join(config.approvers)
        raise refuse(f"批准人“{by.strip()}”不在 govdisc.yaml 的 approvers 名单（{names}）中；延长答复期限须经政府信息公开工作机构负责人同意（《条例》第三十三条第二款）",
                     f"{by.strip()} is not among the approvers in govdisc.yaml ({', '.join(config.approvers)}); "
                     "an extension needs the head of the disclosure office (Art. 33(2))")
    if isinstance(days, bool) or not isinstance(days, int) or days < 1:
        raise refuse(f"--days 应为正整数，收到 {days}", f"--days must be a positive integer, got {days}", "invalid")
    ob = _running_due(rec, config, cal, today, ("延长", "extend"))
    prior = sum(e.days for e in ob.effects if e.kind == "extension")
    if prior + days > EXTENSION_MAX:
        before = f"此前已延长{prior}个工作日，" if prior else ""
        raise refuse(f"{before}延长的期限最长不得超过20个工作日（《条例》第三十三条第二款），收到 {days}",
                     f"{'%d working days were added before; ' % prior if prior else ''}extensions may not exceed 20 "
                     f"working days in all (Art. 33(2)); got {days}")
    due = date.fromisoformat(ob.due[:10])
    told = given.get("notified") or d
    if d > due or told > due:
        raise refuse(f"答复期限已于 {due} 届满，不能再延长；延期须在期限届满前批准并告知申请人（《条例》第三十三条第二款）",
                     f"the reply deadline ran out on {due}; an extension must be approved and notified before it (Art. 33(2))")
    if told < d:
        raise refuse(f"告知日期 {told} 早于延期日期 {d}", f"the notification date {told} is before the extension date {d}",
                     "invalid")
    if prior:
        return [(f"此前已延长{prior}个工作日，这是再次延长；合计未超过20个工作日，计入答复期限，govdisc check 会提示（APP023）",
                 f"{prior} working days were added before: a second extension, within the 20-day limit it counts; "
                 "check will warn (APP023)")]
    return []


def _check_deferral(rec: Record, d: date, until: date, cal: WorkCalendar, config: Config, today: date) -> date:
    """Art. 35: a deferral is decided and notified while the deadline runs, to a later date."""
    if until <= d:
        raise refuse(f"延迟答复至 {until} 应晚于延迟答复的日期 {d}", f"--until {until} must be after --date {d}", "invalid")
    ob = _running_due(rec, config, cal, today, ("延迟答复", "defer"))
    due = date.fromisoformat(ob.due[:10])
    if d > due:
        raise refuse(f"答复期限已于 {due} 届满，不能再延迟答复；延迟答复须在期限届满前确定并告知申请人（《条例》第三十五条）",
                     f"the reply deadline ran out on {due}; a deferral must be decided and notified before it (Art. 35)")
    if until <= due:
        raise refuse(f"延迟答复至 {until} 不晚于当前的答复期限 {due}，无须延迟答复",
                     f"--until {until} is not after the current deadline {due}; nothing to defer")
    return until


def _reply_change(rec: Record, d: date, given: dict[str, Any], events: list, reply: dict | None, cal: WorkCalendar,
                  config: Config, today: date, warnings: list) -> Change:
    outcome = given["outcome"]
    allowed = fieldhelp.field("application", "reply.outcome")[0].get("enum", [])
    if outcome not in allowed:
        raise refuse(f"--outcome {outcome} 无效；可用：{fieldhelp.codes('application', 'reply.outcome')}",
                     f"invalid --outcome {outcome}; one of: {', '.join(allowed)}", "invalid")
    exemptions = list(dict.fromkeys(given.get("exemptions") or []))
    codes = fieldhelp.field("application", "reply.exemptions")[0].get("items", {})
    codes = fieldhelp._resolve(codes, "application.schema.json")[0].get("enum", [])
    bad = [e for e in exemptions if e not in codes]
    if bad:
        raise refuse(f"--exemption {'、'.join(bad)} 无效；可用：{'、'.join(codes)}",
                     f"invalid --exemption {', '.join(bad)}; one of: {', '.join(codes)}", "invalid")
    if outcome in EXEMPTING and not exemptions:
        raise refuse("不予公开或部分公开须用 --exemption 写明理由代码（《条例》第三十六条第（三）项）",
                     "withheld or partially disclosed needs the exemption code(s): --exemption (Art. 36(3))")
    if outcome not in EXEMPTING and exemptions:
        raise refuse(f"办理结果 {outcome} 不使用不予公开理由（--exemption 只用于 withheld / partially_disclosed）",
                     f"outcome {outcome} takes no exemption (--exemption is for withheld / partially_disclosed)")
    later = [(t, x) for _, t, x, _ in events if x > d]
    if later:
        t, x = later[0]
        raise refuse(f"答复日期 {d} 早于已记录的{EVENT_LABELS.get(t, (t,))[0]}（{x}）；答复之后不能再有办理事件",
                     f"the reply date {d} is before the recorded {t} ({x}); nothing can follow the reply")
    kinds = {}
    for _, t, x, _ in events:
        kinds.setdefault(t, []).append(x)
    if outcome == "still_unclear" and not (kinds.get("correction_notice") and kinds.get("correction_received")):
        raise refuse("“补正后申请内容仍不明确”须先有补正告知和收到补正的记录",
                     "still_unclear needs a correction notice and a corrected application first")
    if outcome == "no_correction":
        if not kinds.get("correction_notice"):
            raise refuse("“逾期不补正”须先有补正告知（correction_notice）", "no_correction needs a correction notice first")
        if [x for x in kinds.get("correction_received", []) if x >= max(kinds["correction_notice"])]:
            raise refuse("已记录收到补正，办理结果不能是“逾期不补正”", "the corrected application was received: not no_correction")
    if outcome == "no_fee":
        if not kinds.get("fee_notice"):
            raise refuse("“逾期未缴费”须先有收费通知（fee_notice）", "no_fee needs a fee notice first")
        if kinds.get("fee_paid"):
            raise refuse("已记录缴费，办理结果不能是“逾期未缴费”", "the fee was paid: not no_fee")
    ob = reply_obligation(rec, config, cal, today)
    if ob is not None and ob.due and d.isoformat() > ob.due[:10]:
        warnings.append((f"答复日期晚于答复期限 {ob.due[:10]}，govdisc check 会报告逾期答复",
                         f"the reply is later than its deadline {ob.due[:10]}; check will report it"))
    remedies = list(dict.fromkeys(given.get("remedies") or []))
    allowed_remedies = ("reconsideration", "litigation")
    if [r for r in remedies if r not in allowed_remedies]:
        raise refuse(f"--remedy 只能是 reconsideration（行政复议）或 litigation（行政诉讼），收到 {'、'.join(remedies)}",
                     f"--remedy must be reconsideration or litigation, got {', '.join(remedies)}", "invalid")
    value: dict[str, Any] = {"date": d, "outcome": outcome}
    if exemptions:
        value["exemptions"] = exemptions
    if remedies:
        value["remedies"] = remedies
    if "note" in given:
        value["note"] = given["note"]
    if reply:  # a reply mapping without a date: keep what it has, refuse contradictions
        for k, v in list(value.items()):
            if k in reply:
                if _iso(v) != reply[k]:
                    raise refuse(f"reply.{k} 已填写为 {reply[k]}，与本次给出的 {_iso(v)} 不同；请手工修改",
                                 f"reply.{k} already says {reply[k]}, not {_iso(v)}; edit the file by hand")
                del value[k]
    return _change("reply", "set", value, flow=False)


# -- opinion transitions ---------------------------------------------------------------------------


def check_opinion_event(rec: Record, event_type: str, d: date | None, given: dict[str, Any], config: Config,
                        today: date) -> tuple[Change, list[tuple[str, str]]]:
    label = EVENT_LABELS[event_type]
    tz = config.timezone
    at_text = _at_text(given["at"], d)
    moment = parse_datetime(at_text, tz)
    if moment is None:
        raise refuse(f"--at {given['at']} 不是日期时间（写作 2024-07-02 12:10，或与 --date 同用时写 12:10）",
                     f"--at {given['at']} is not a date-time (2024-07-02 12:10, or 12:10 with --date)", "invalid")
    local = moment.astimezone(zone(tz)) if _tz_ok(tz) else moment
    if local.date() > today:
        raise refuse(f"{label[0]}时间 {at_text} 晚于今天 {today}：只能记录已经发生的事件",
                     f"the {label[1]} time {at_text} is after today ({today})")
    detected = parse_datetime(rec.data.get("detected_at"), tz)
    if detected is not None and moment < detected:
        raise refuse(f"{label[0]}时间 {at_text} 早于监测发现时间 {rec.data.get('detected_at')}",
                     f"the {label[1]} time {at_text} is before the detection time {rec.data.get('detected_at')}")
    warnings: list[tuple[str, str]] = []
    if event_type == "release":
        value = {"at": at_text}
        for k in ("channel", "title"):
            if k in given:
                value[k] = given[k]
        _secrecy_review(value, given, local.date(), warnings)
        return _change("releases", "append", value), warnings
    if event_type == "press_conference":
        if isinstance(rec.data.get("press_conference"), dict) and rec.data["press_conference"]:
            raise refuse(f"已记录新闻发布会（{rec.data['press_conference'].get('at')}）；其后的发布请用 follow_up 事件",
                         "a press conference is already recorded; record later releases as follow_up events")
        value = {"at": at_text}
        if "note" in given:
            value["note"] = given["note"]
        return _change("press_conference", "set", value, flow=True), warnings
    value = {"at": at_text}
    if "note" in given:
        value["note"] = given["note"]
    _secrecy_review(value, given, local.date(), warnings)
    return _change("follow_ups", "append", value), warnings


def _secrecy_review(value: dict[str, Any], given: dict[str, Any], day: date, warnings: list) -> None:
    """A release's secrecy review (SEC001): --reviewed-by, dated --reviewed or the release's day."""
    if "reviewed_by" not in given:
        if "reviewed" in given:
            raise refuse("--reviewed 须与 --reviewed-by 同用", "--reviewed needs --reviewed-by", "invalid")
        warnings.append(("没有记录发布前的保密审查（--reviewed-by），govdisc check 将报告 SEC001",
                         "no secrecy review before the release (--reviewed-by): govdisc check will report SEC001"))
        return
    reviewed = given.get("reviewed") or day
    if reviewed > day:
        raise refuse(f"保密审查日期 {reviewed} 晚于发布日期 {day}", f"the secrecy review {reviewed} is after the release {day}",
                     "invalid")
    value["secrecy_review"] = {"date": reviewed, "by": given["reviewed_by"]}


def _tz_ok(tz: str) -> bool:
    try:
        zone(tz)
        return True
    except Exception:  # noqa: BLE001
        return False


def _at_text(at: str | datetime, d: date | None) -> str:
    """The date-time as it will be written: 'YYYY-MM-DD HH:MM' (or with seconds / offset as given)."""
    if isinstance(at, datetime):
        return at.isoformat(sep=" ", timespec="minutes") if at.tzinfo is None else at.isoformat()
    text = str(at).strip()
    if re.fullmatch(r"\d{1,2}:\d{2}(:\d{2})?", text):
        if d is None:
            raise refuse("--at 只写了时间，须同时给出 --date", "--at gives only a time; add --date", "invalid")
        h, rest = text.split(":", 1)
        return f"{d.isoformat()} {int(h):02d}:{rest}"
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        raise refuse("--at 须含时、分，例如 2024-07-02 12:10", "--at needs hours and minutes, e.g. 2024-07-02 12:10",
                     "invalid")
    return text


# -- applying a change to the text -----------------------------------------------------------------


def apply_change(text: str, kind: str, change: Change) -> tuple[str, str]:
    """(new text, method): a splice that only adds lines, else a guarded round trip."""
    try:
        tree = rt_load(text)
    except Exception as exc:  # noqa: BLE001 - the fast loader accepted it; ruamel may still disagree
        raise refuse(f"文件无法按原样读取以保留注释：{exc}", f"the file cannot be read for a comment-keeping edit: {exc}") from None
    lines = text.splitlines(keepends=True)
    spliced = splice(text, lines, tree, kind, change)
    if spliced is not None:
        return spliced, "splice"
    return roundtrip(text, tree, kind, change), "roundtrip"


def _line_texts(lines: list[str]) -> list[str]:
    return [ln.rstrip("\r\n") for ln in lines]


def _insert_at(lines: list[str], index: int, new_lines: list[str], nl: str) -> str:
    out = list(lines)
    if index > 0 and index == len(out) and out and not out[-1].endswith(("\n", "\r")):
        out[-1] = out[-1] + nl  # the file did not end with a newline
    out[index:index] = [ln + nl for ln in new_lines]
    return "".join(out)


def _after_block(plain: list[str], span: KeySpan, col: int) -> int:
    """Where to add below a block: after its last content line and the comments indented under it."""
    i = span.content_end
    while i < span.next_line and plain[i].strip().startswith("#") and _indent(plain[i]) > col:
        i += 1
    return i


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _new_key_index(plain: list[str], tree: CommentedMap, spans: list[KeySpan], kind: str, key: str) -> int:
    """Line before which a missing top-level key goes.

    After the block of the last key that precedes it in the canonical order (or of the last key
    of the file) and after any commented-out keys there that come no later in that order (the
    template's `# events: …` hints); before the comments glued to the following key. A clerk's
    other notes at the bottom of the file stay at the bottom.
    """
    order = KEY_ORDER.get(kind, ())
    rank = {k: i for i, k in enumerate(order)}
    mine = rank.get(key, len(order))
    following = [s for s in spans if rank.get(s.key, -1) > mine]
    limit = min((s.line for s in following), default=len(plain))
    before = [s for s in spans if s.line < limit]
    if not before:
        return leading_comment_start(plain, limit, 0)
    last = max(before, key=lambda s: s.line)
    i = _after_block(plain, last, 0)
    stop = leading_comment_start(plain, limit, i) if following else limit
    in_hint = False
    while i < stop:
        m = re.match(r"^#\s?([a-z_]+)\s*:", plain[i])
        if m:
            if rank.get(m.group(1), len(order) + 1) > mine:
                break
            in_hint = True
        elif not (in_hint and re.match(r"^#(\s{2,}|\s*-)", plain[i])):
            break  # not a commented-out key or its continuation: a note, which stays below
        i += 1
    return i


def splice(text: str, lines: list[str], tree: Any, kind: str, change: Change) -> str | None:
    """New text with the change inserted as new lines only, or None when that is not possible."""
    if not isinstance(tree, CommentedMap) or not len(tree):
        return None
    nl = newline_of(text)
    plain = _line_texts(lines)
    spans = top_level_spans(tree, plain)
    if any(tree.lc.key(k)[1] != 0 for k in tree):
        return None  # an indented top level: leave it to the round trip
    indent = detect_indent(tree, plain)
    span = next((s for s in spans if s.key == change.key), None)
    current = tree.get(change.key) if change.key in tree else None

    if change.op == "append":
        if span is not None and isinstance(current, CommentedSeq) and len(current) and not current.fa.flow_style():
            return _splice_append(lines, plain, tree, span, current, change, nl)
        if span is not None and current is None and _value_is_empty(plain[span.line], change.key):
            dash, cont = seq_prefixes(indent)
            return _insert_at(lines, span.line + 1, _item_lines(change.value, dash, cont, True, False), nl)
        if span is None:
            dash, cont = seq_prefixes(indent)
            new = [f"{change.key}:"] + _item_lines(change.value, dash, cont, True, False)
            return _insert_at(lines, _new_key_index(plain, tree, spans, kind, change.key), new, nl)
        return None
    # op == "set"
    if change.flow:
        body = [f"{change.key}: {flow_mapping(change.value)}"]
    else:
        body = [f"{change.key}:"] + block_mapping_lines(change.value, " " * indent.mapping, " " * indent.mapping)
    if span is None:
        return _insert_at(lines, _new_key_index(plain, tree, spans, kind, change.key), body, nl)
    if current is None and _value_is_empty(plain[span.line], change.key) and not change.flow:
        return _insert_at(lines, span.line + 1, body[1:], nl)
    return None


def _value_is_empty(line: str, key: str) -> bool:
    """`key:` with nothing (or only a comment) after the colon."""
    m = re.match(rf"^{re.escape(key)}\s*:(.*)$", line)
    if not m:
        return False
    rest = m.group(1).strip()
    return rest == "" or rest.startswith("#")


def _item_lines(value: dict[str, Any], dash: str, cont: str, flow: bool, padded: bool) -> list[str]:
    if flow:
        return [dash + flow_mapping(value, padded)]
    body = block_mapping_lines(value, "", "  ")
    return [dash + body[0]] + [cont + ln for ln in body[1:]]


def _splice_append(lines: list[str], plain: list[str], tree: CommentedMap, span: KeySpan, seq: CommentedSeq,
                   change: Change, nl: str) -> str | None:
    last = len(seq) - 1
    iline, icol = seq.lc.item(last)
    m = re.match(r"^(\s*)-(\s+)", plain[iline])
    if not m or len(m.group(0)) > icol:
        return None
    dash = m.group(0)
    item = seq[last]
    if isinstance(item, CommentedMap) and item.fa.flow_style():
        flow, padded = True, plain[iline][icol:icol + 2] == "{ "
    elif isinstance(item, CommentedMap):
        flow, padded = False, False
        dash = plain[iline][:icol]
        dash = dash if dash.strip() == "-" else m.group(0)
    else:
        flow, padded = True, False
    cont = " " * len(dash)
    if not flow:
        # block items: keep the file's nested mapping indentation under the dash
        body = block_mapping_lines(change.value, "", " " * max(2, detect_indent(tree, plain).mapping))
        new = [dash + body[0]] + [cont + ln for ln in body[1:]]
    else:
        new = _item_lines(change.value, dash, cont, True, padded)
    return _insert_at(lines, _after_block(plain, span, len(m.group(1))), new, nl)


def roundtrip(text: str, tree: Any, kind: str, change: Change) -> str:
    """The change made on the round-trip tree and dumped in the file's own indentation."""
    if not isinstance(tree, CommentedMap):
        raise refuse("文件顶层不是映射，无法追加", "the file's top level is not a mapping")
    indent = detect_indent(tree, text.splitlines())
    if change.op == "append":
        seq = tree.get(change.key)
        if not isinstance(seq, CommentedSeq):
            if seq is not None:
                raise refuse(f"{change.key} 不是列表，请先修正", f"{change.key} is not a list; fix it first")
            seq = CommentedSeq()
            if change.key in tree:
                tree[change.key] = seq
            else:
                _set_key(tree, kind, change.key, seq)
        if not len(seq):
            seq.fa.set_block_style()
        item = CommentedMap(change.value)
        last = seq[-1] if len(seq) else None
        if last is None or not isinstance(last, CommentedMap) or last.fa.flow_style():
            item.fa.set_flow_style()
        seq.append(item)
    else:
        current = tree.get(change.key)
        if isinstance(current, CommentedMap):
            for k, v in change.value.items():
                current[k] = _rt_value(v)
        else:
            if current is not None and current != {}:
                raise refuse(f"{change.key} 不是映射，请先修正", f"{change.key} is not a mapping; fix it first")
            m = CommentedMap((k, _rt_value(v)) for k, v in change.value.items())
            if change.flow:
                m.fa.set_flow_style()
            if change.key in tree:
                tree[change.key] = m
            else:
                _set_key(tree, kind, change.key, m)
    return dump_guarded(text, tree, change.key, indent)


def dump_guarded(text: str, tree: CommentedMap, key: str, indent) -> str:
    """The changed tree dumped in the file's indentation and line endings, accepted only when no
    line outside `key`'s block changed (else refused)."""
    yaml = rt_yaml()
    yaml.indent(mapping=indent.mapping, sequence=indent.sequence, offset=indent.offset)
    buf = io.StringIO()
    yaml.dump(tree, buf)
    out = buf.getvalue()
    nl = newline_of(text)
    if nl != "\n":
        out = out.replace("\n", nl)
    _guard_roundtrip(text, out, tree, key)
    return out


def _rt_value(v: Any) -> Any:
    if isinstance(v, list):
        s = CommentedSeq(v)
        s.fa.set_flow_style()
        return s
    return v


def _set_key(tree: CommentedMap, kind: str, key: str, value: Any) -> None:
    order = KEY_ORDER.get(kind, ())
    after = set(order[order.index(key) + 1:]) if key in order else set()
    keys = list(tree)
    pos = next((i for i, k in enumerate(keys) if k in after), len(keys))
    tree.insert(pos, key, value)


def _guard_roundtrip(old: str, new: str, tree: CommentedMap, key: str) -> None:
    """Accept a round trip only if every line outside `key`'s block is unchanged."""
    a, b = old.splitlines(), new.splitlines()
    allowed: set[int] = set()
    if key in tree:
        try:
            spans = top_level_spans(rt_load(old), a)
        except Exception:  # noqa: BLE001
            spans = []
        for s in spans:
            if s.key == key:
                allowed = set(range(s.line, s.content_end))
    sm = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    for tag, i1, i2, _, _ in sm.get_opcodes():
        if tag in ("replace", "delete") and not set(range(i1, i2)) <= allowed:
            raise refuse(
                f"无法在保留其余各行原样的前提下写入 {key}（文件的缩进或格式不统一，例如第 {i1 + 1} 行）；"
                "未写入任何内容，请手工添加",
                f"cannot add to {key} without rewriting other lines (mixed indentation or layout, e.g. line {i1 + 1}); "
                "nothing written, add it by hand")


def _verify(old_text: str, new_text: str, old_data: dict, change: Change, kind: str) -> dict:
    """The new text must read back as the old data plus exactly the change."""
    expected = copy.deepcopy(old_data)
    if change.op == "append":
        seq = expected.get(change.key)
        expected[change.key] = (list(seq) if isinstance(seq, list) else []) + [change.written]
    else:
        cur = expected.get(change.key)
        expected[change.key] = {**(cur if isinstance(cur, dict) else {}), **change.written}
    return read_back(new_text, expected, old_data, kind)


def read_back(new_text: str, expected: dict, old_data: dict, kind: str) -> dict:
    """The edited text must read back as `expected` and add no schema problem (else refused)."""
    got, err = load_text(new_text)
    if err is not None or got != expected:
        raise refuse("内部错误：写入结果与预期不符，未写入任何内容（请报告此问题）",
                     "internal error: the edited file would not read back as intended; nothing written (please report)",
                     "internal")
    before = {(p.pointer, p.zh) for p in validation.validate(kind, old_data)}
    after = [p for p in validation.validate(kind, got) if (p.pointer, p.zh) not in before]
    if after:
        p = after[0]
        where = ".".join(map(str, p.pointer))
        raise refuse(f"写入后 {where} 不符合字段模式：{p.zh}；未写入", f"{where} would violate the schema: {p.en}; "
                     "nothing written", "invalid")
    return got


# -- deadlines after the change --------------------------------------------------------------------


def _deadlines(result: EventResult, rec: Record, config: Config, cal: WorkCalendar, today: date) -> None:
    try:
        if rec.kind == "application":
            from govdisc.deadlines.application import application_obligations

            result.obligations = application_obligations(rec, config, cal, today)
            for ob in result.obligations:
                if ob.obligation == "reply":
                    result.reply_status = ob.status
                    result.reply_due = date.fromisoformat(ob.due[:10]) if ob.due else None
        else:
            from govdisc.deadlines.opinion import opinion_obligations

            result.obligations = opinion_obligations(rec, config, cal, today)
    except Exception as exc:  # noqa: BLE001 - the event is written; a clock problem must not hide that
        result.warnings.append((f"期限计算失败：{exc}", f"deadline computation failed: {exc}"))
