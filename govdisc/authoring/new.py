"""`govdisc new KIND`: a new record from a template, with an id, dates and Chinese field comments.

Each kind has a plain function; `new_record` dispatches by kind name. Every function writes one
file atomically and exclusively (an existing file is never replaced) and returns a `NewResult`:
the created path and what `govdisc check` will still ask for (required fields the options did
not fill). With enough options the file is schema-valid as written.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any, Callable, Sequence

from govdisc import resources, validation
from govdisc.authoring import fieldhelp
from govdisc.authoring.access import files_of, load_path, read_spec, records, usable_data, writing
from govdisc.authoring.atomic import write_text
from govdisc.authoring.blocks import Indent, rt_load, seq_prefixes, top_level_spans
from govdisc.authoring.errors import AuthoringError
from govdisc.authoring.render import SCHEMA_DIR, Verbatim, modeline, render
from govdisc.config import DEFAULT_MAX_FILE_BYTES, Config
from govdisc.dates import parse_datetime, zone
from govdisc.loading.layout import CONFIG_NAME, spec_for
from govdisc.loading.yamlio import load_text

KINDS = ("application", "document", "opinion", "meeting", "catalog", "review", "activities", "report", "guide",
         "assessment", "participation")
#: Indentation of the templates: mapping 2, dash indented 2 under its key (as docs/register-format.md).
TEMPLATE_INDENT = Indent(mapping=2, dash=2, after_dash=1)
_BAD_FILENAME = re.compile(r'[\\/:*?"<>|\x00-\x1f]')
WITHHELD = ("not_public", "on_request", "redacted")


@dataclass(slots=True)
class NewResult:
    path: Path  # the file written
    record_id: str  # id, 发文字号, or the relative path for yearly files
    #: (zh, en) of what `govdisc check` will report until filled in (schema problems)
    todo: list[tuple[str, str]] = field(default_factory=list)


# -- shared helpers ----------------------------------------------------------------------------


def load_config(root: Path) -> tuple[Config, dict[str, Any]]:
    """The register's settings as the loader reads them (values the schema rejects, such as a
    department name over several lines, are left out); refuses when govdisc.yaml is missing
    or unreadable."""
    result = load_path(root, CONFIG_NAME)
    if result is None:
        raise AuthoringError(f"无法读取 {root / CONFIG_NAME}：文件不存在", f"cannot read {root / CONFIG_NAME}: it does not exist",
                             "invalid")
    data = usable_data(result)
    return Config.from_data(data), data


def schema_ref(root: Path, target: Path, kind: str) -> str:
    """Relative path from `target`'s folder to the exported schema, exporting missing schemas."""
    folder = root / SCHEMA_DIR
    ensure_schemas(root)
    rel = os.path.relpath(folder / f"{kind}.schema.json", target.parent)
    return Path(rel).as_posix()


def ensure_schemas(root: Path) -> list[Path]:
    """Write the shipped schemas missing from <root>/.govdisc/schemas (existing files are left
    alone; a link on the way is refused, never written through)."""
    written = []
    folder = root / SCHEMA_DIR
    for name, text in resources.schema_texts().items():
        target = folder / name
        if not os.path.lexists(target):
            try:
                write_text(target, text, exclusive=True, root=root)
            except FileExistsError:
                continue
            written.append(target)
    return written


def enum_values(kind: str, path: str) -> list[str]:
    node, _ = fieldhelp.field(kind, path)
    return list(node.get("enum", []))


def check_code(kind: str, path: str, value: str | None, option: str) -> None:
    if value is None:
        return
    allowed = enum_values(kind, path)
    if value not in allowed:
        raise AuthoringError(
            f"{option} 的取值 {value} 无效；可用：{fieldhelp.codes(kind, path) or '、'.join(allowed)}",
            f"invalid {option} {value}; one of: {', '.join(allowed)}", "invalid")


def check_department(config: Config, dept: str | None, option: str) -> None:
    if dept is None:
        return
    if not re.fullmatch(r"[a-z][a-z0-9_]*", dept):
        raise AuthoringError(f"{option} {dept} 不是部门代号（小写字母开头，仅含小写字母、数字、下划线）",
                             f"{option} {dept} is not a department id (lower-case letters, digits, _)", "invalid")
    ids = config.department_ids
    if ids and dept not in ids:
        raise AuthoringError(
            f"{option} {dept} 不在 govdisc.yaml 的 departments 中；可用：{'、'.join(sorted(ids))}",
            f"{option} {dept} is not among the departments in govdisc.yaml: {', '.join(sorted(ids))}", "invalid")


def default_department(config: Config) -> str | None:
    if config.office:
        return config.office
    return config.departments[0].id if config.departments else None


def next_sequence(root: Path, folder: str, prefix: str, year: int) -> tuple[int, int]:
    """(next number, digits used so far) for ids PREFIX-YEAR-N in `folder`/<any year>/."""
    pat = re.compile(rf"^{re.escape(prefix)}-{year}-(\d+)$")
    best, width = 0, 0
    base = root / folder
    if base.is_dir():
        for sub in base.iterdir():
            if not sub.is_dir() or sub.name.startswith("."):
                continue
            for f in sub.iterdir():
                if f.suffix in (".yaml", ".yml"):
                    m = pat.match(f.stem)
                    if m:
                        best = max(best, int(m.group(1)))
                        width = max(width, len(m.group(1)))
    return best + 1, width


def _write_with_id(root: Path, folder: str, prefix: str, year: int, digits: int, record_id: str | None,
                   build: Callable[[str, Path], str]) -> tuple[Path, str]:
    """Write a record whose file name is its id; allocate the next free id unless one is given."""
    if record_id is not None:
        if _BAD_FILENAME.search(record_id) or record_id.startswith(".") or not record_id.strip():
            raise AuthoringError(f"编号 {record_id} 不能用作文件名", f"id {record_id} cannot be a file name", "invalid")
        target = root / folder / str(year) / f"{record_id}.yaml"
        _exclusive(root, target, build(record_id, target))
        return target, record_id
    n, width = next_sequence(root, folder, prefix, year)
    for _ in range(1000):  # another clerk may take a number meanwhile: try the next
        rid = f"{prefix}-{year}-{n:0{max(digits, width)}d}"
        target = root / folder / str(year) / f"{rid}.yaml"
        try:
            _exclusive(root, target, build(rid, target))
            return target, rid
        except AuthoringError as exc:
            if exc.code != "exists":
                raise
            n += 1
    raise AuthoringError("无法分配编号", "could not allocate an id", "conflict")


def _exclusive(root: Path, target: Path, text: str) -> None:
    try:
        write_text(target, text, exclusive=True, root=root)
    except FileExistsError:
        raise AuthoringError(f"{target} 已存在，未覆盖", f"{target} already exists; not overwritten", "exists") from None


def todo_of(kind: str, text: str) -> list[tuple[str, str]]:
    """What `govdisc check` will ask for in the written text: one line per field, empty ones first."""
    data, err = load_text(text)
    if err is not None or not isinstance(data, dict):  # pragma: no cover - templates are tested
        return [(f"模板生成的 YAML 无法解析：{err}", f"the generated YAML does not parse: {err}")]
    empty: list[tuple[str, str]] = []
    other: list[tuple[str, str]] = []
    seen: set[tuple] = set()
    for p in validation.validate(kind, data):
        if p.pointer in seen:
            continue
        seen.add(p.pointer)
        where = ".".join(map(str, p.pointer))
        value = _at(data, p.pointer)
        if p.pointer and value is None:
            empty.append((f"{where}（{_title(kind, p.pointer)}）尚未填写", f"{where} is still empty"))
        else:
            other.append((f"{where}：{p.zh}" if where else p.zh, f"{where}: {p.en}" if where else p.en))
    return empty + other


def _at(data: Any, pointer: tuple) -> Any:
    for key in pointer:
        try:
            data = data[key]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def _title(kind: str, pointer: tuple) -> str:
    path = ".".join(f"{k}[]" if i + 1 < len(pointer) and isinstance(pointer[i + 1], int) else str(k)
                    for i, k in enumerate(pointer) if not isinstance(k, int))
    try:
        return fieldhelp.title(kind, path)
    except KeyError:
        return str(pointer[-1])


def _today(today: date | None) -> date:
    return today or date.today()


def _rel(root: Path, path: Path) -> str:
    return path.relative_to(root).as_posix()


def _prefixes() -> dict[str, str]:
    seq, ind = seq_prefixes(TEMPLATE_INDENT)
    return {"seq": seq, "ind": ind}


# -- application -------------------------------------------------------------------------------


RECEIPT_FIELD = {"in_person": "submitted", "mail_signed": "signed_for", "mail_unsigned": "confirmed",
                 "online": "confirmed", "fax": "confirmed"}


def new_application(root: Path, *, received: date, channel: str, applicant_kind: str, summary: str,
                    confirmed: date | None = None, topics: Sequence[str] = (), handler: str | None = None,
                    applicant_ref: str | None = None, documents: Sequence[str] = (),
                    record_id: str | None = None, today: date | None = None) -> NewResult:
    """applications/<year>/<PREFIX>-<year>-NNNN.yaml; the received date goes where the channel needs it.

    in_person → submitted; mail_signed → submitted and signed_for; mail_unsigned / online / fax →
    submitted, and confirmed = `confirmed` or the received date (Art. 31).
    """
    config, _ = load_config(root)
    check_code("application", "channel", channel, "--channel")
    check_code("application", "applicant.kind", applicant_kind, "--applicant-kind")
    handler = handler or default_department(config)
    check_department(config, handler, "--handler")
    if not summary or not summary.strip():
        raise AuthoringError("--summary 不能为空：写明所申请信息的名称或特征描述",
                             "--summary must not be empty: describe the information asked for", "invalid")
    if confirmed is not None and RECEIPT_FIELD[channel] != "confirmed":
        raise AuthoringError(f"--confirmed 只用于平常信函、互联网、传真申请，渠道 {channel} 不需要确认日期",
                             f"--confirmed applies to mail_unsigned / online / fax only, not {channel}", "invalid")
    now = _today(today)
    for option, value in (("--received", received), ("--confirmed", confirmed)):
        if value is not None and value > now:
            raise AuthoringError(f"{option} {value} 晚于今天（{now}）：登记的是已经收到的申请；日期有误请改正"
                                 f"（“今天”可用 --as-of 或 GOVDISC_AS_OF 指定）",
                                 f"{option} {value} is after today ({now}): only applications already received are "
                                 "registered; correct the date (--as-of or GOVDISC_AS_OF sets 'today')", "invalid")
    if confirmed is not None and confirmed < received:
        raise AuthoringError(f"确认日期 {confirmed} 早于提交日期 {received}",
                             f"the confirmation date {confirmed} is before the submission date {received}", "invalid")
    signed_for = received if channel == "mail_signed" else None
    if RECEIPT_FIELD[channel] == "confirmed":
        confirmed = confirmed or received
    legal = {"submitted": received, "signed_for": signed_for, "confirmed": confirmed}[RECEIPT_FIELD[channel]]
    year = legal.year
    _check_year(year, "--received")
    day = _today(today)

    def build(rid: str, target: Path) -> str:
        return render("records/application.yaml.j2", "application",
                      modeline=modeline(schema_ref(root, target, "application")), today=day.isoformat(),
                      id=rid, channel=channel, submitted=received, signed_for=signed_for, confirmed=confirmed,
                      handler=handler, handler_name=config.department_name(handler) if handler else "",
                      applicant_kind=applicant_kind, applicant_ref=applicant_ref, summary=summary,
                      topics=list(topics), documents=list(documents), year=year)

    prefix = config.application_id_prefix or "YSQ"
    path, rid = _write_with_id(root, "applications", prefix, year, 4, record_id, build)
    return NewResult(path, rid, todo_of("application", path.read_text(encoding="utf-8")))


# -- document ----------------------------------------------------------------------------------


_DOC_YEAR = re.compile(r"[〔\[(（](\d{4})[〕\])）]")


def document_file_stem(doc_no: str) -> str:
    """The 发文字号 itself when it is a valid file name everywhere, else an ASCII slug of it."""
    stem = doc_no.strip()
    if stem and not _BAD_FILENAME.search(stem) and not stem.startswith(".") and not stem.endswith((".", " ")):
        return stem
    slug = re.sub(r"[^A-Za-z0-9]+", "-", stem).strip("-").lower()
    return slug or "document"


def new_document(root: Path, *, doc_no: str, title: str | None = None, department: str | None = None,
                 kind: str | None = None, formed: date | None = None, disclosure: str | None = None,
                 reason: str | None = None, explanation: str | None = None, catalog_item: str | None = None,
                 important_policy: bool | None = None, topics: Sequence[str] = (), name: str | None = None,
                 today: date | None = None) -> NewResult:
    """documents/<year of formed>/<发文字号 or --name>.yaml.

    `formed` defaults to today, unless the 发文字号 names another year: then it is left empty for
    the clerk (a wrong formation date would start the Art. 26 clock on the wrong day). Fields without an option (title, kind, disclosure) are left empty
    for the clerk; `govdisc check` reports them until filled. A non-public disclosure writes a
    `withholding` block (reason / explanation).
    """
    config, _ = load_config(root)
    doc_no = (doc_no or "").strip()
    if not doc_no:
        raise AuthoringError("--doc-no（发文字号）不能为空", "--doc-no must not be empty", "invalid")
    department = department or default_department(config)
    check_department(config, department, "--department")
    check_code("document", "kind", kind, "--kind")
    check_code("document", "disclosure", disclosure, "--disclosure")
    check_code("document", "withholding.reason", reason, "--reason")
    if catalog_item is not None and not re.fullmatch(r"[A-Z]{2,6}-\d{2,3}", catalog_item):
        raise AuthoringError(f"--catalog-item {catalog_item} 不是目录事项编号（如 BGS-01）",
                             f"--catalog-item {catalog_item} is not a catalog item id (e.g. BGS-01)", "invalid")
    if disclosure == "public" and (reason or explanation):
        raise AuthoringError("公开属性为 public 时不写不公开理由（--reason / --explanation）",
                             "a public document takes no --reason / --explanation", "invalid")
    existing = find_document(root, doc_no, config.max_file_bytes)
    if existing is not None:
        raise AuthoringError(f"发文字号 {doc_no} 已登记：{_rel(root, existing)}",
                             f"发文字号 {doc_no} is already registered: {_rel(root, existing)}", "exists")
    day = _today(today)
    m = _DOC_YEAR.search(doc_no)
    doc_year = int(m.group(1)) if m else None
    if formed is None and (doc_year is None or doc_year == day.year):
        formed = day  # registered as it is signed: the usual case
    folder_year = formed.year if formed is not None else doc_year
    _check_year(folder_year, "--formed" if formed is not None else "--doc-no")
    stem = name if name is not None else document_file_stem(doc_no)
    if not stem or _BAD_FILENAME.search(stem) or stem.startswith("."):
        raise AuthoringError(f"--name {stem} 不能用作文件名", f"--name {stem} cannot be a file name", "invalid")
    stem = stem[:-5] if stem.endswith(".yaml") else stem
    target = root / "documents" / str(folder_year) / f"{stem}.yaml"
    text = render("records/document.yaml.j2", "document",
                  modeline=modeline(schema_ref(root, target, "document")), today=day.isoformat(),
                  doc_no=doc_no, title=title, department=department,
                  department_name=config.department_name(department) if department else "",
                  kind_=kind, formed=formed, formed_hint=formed or f"{doc_year}-", disclosure=disclosure,
                  withholding=disclosure is not None and disclosure != "public",
                  reason=reason, explanation=explanation, catalog_item=catalog_item,
                  dept_code=(department or "xx").upper()[:6] if department else "XX",
                  important_policy=important_policy, topics=list(topics))
    _exclusive(root, target, text)
    return NewResult(target, doc_no, todo_of("document", text))


def find_document(root: Path, doc_no: str, limit: int = DEFAULT_MAX_FILE_BYTES) -> Path | None:
    """The file registering a 发文字号 (cheap byte search first, then the loader's parse)."""
    specs = files_of(root, ("documents",), ("document",))
    for spec, data in records(root, specs, limit, needle=doc_no):
        if data.get("doc_no") == doc_no:
            return root / spec.path
    return None


# -- opinion -----------------------------------------------------------------------------------


def new_opinion(root: Path, *, title: str | None = None, detected_at: str | datetime | None = None,
                level: str | None = None, lead: str | None = None, summary: str | None = None,
                emergency: bool | None = None, record_id: str | None = None, now: datetime | None = None,
                today: date | None = None) -> NewResult:
    """opinions/<year>/YQ-<year>-NNN.yaml; detected_at defaults to now (register timezone, minutes).
    `emergency` (涉及突发事件) decides whether the 5-hour / 24-hour clocks apply."""
    config, _ = load_config(root)
    check_code("opinion", "level", level, "--level")
    lead = lead or default_department(config)
    check_department(config, lead, "--lead")
    tz = zone(config.timezone) if _valid_tz(config.timezone) else zone("Asia/Shanghai")
    if detected_at is None:
        moment = (now or datetime.now(tz)).astimezone(tz)
        detected_text = moment.strftime("%Y-%m-%d %H:%M")
    else:
        text = detected_at if isinstance(detected_at, str) else detected_at.isoformat(sep=" ", timespec="minutes")
        moment = parse_datetime(text, config.timezone)
        if moment is None or not re.search(r"\d:\d{2}", text):
            raise AuthoringError(f"--detected-at {text} 不是日期时间（写作 2024-07-02 08:30）",
                                 f"--detected-at {text} is not a date-time (write 2024-07-02 08:30)", "invalid")
        detected_text = text.strip()
    year = moment.year
    _check_year(year, "--detected-at")
    day = _today(today)

    def build(rid: str, target: Path) -> str:
        return render("records/opinion.yaml.j2", "opinion",
                      modeline=modeline(schema_ref(root, target, "opinion")), today=day.isoformat(), id=rid,
                      title=title, detected_at=detected_text, level=level, lead=lead, emergency=emergency,
                      lead_name=config.department_name(lead) if lead else "", summary=summary)

    path, rid = _write_with_id(root, "opinions", "YQ", year, 3, record_id, build)
    return NewResult(path, rid, todo_of("opinion", path.read_text(encoding="utf-8")))


def _valid_tz(name: str) -> bool:
    try:
        zone(name)
        return True
    except Exception:  # noqa: BLE001 - unknown zone names raise various errors
        return False


# -- meeting -----------------------------------------------------------------------------------


def parse_item(text: str) -> dict[str, str | None]:
    """`major_reform:关于……改革方案` → kind and title; a title without a known code has no kind."""
    kinds = enum_values("meeting", "items[].kind")
    m = re.match(r"^\s*([a-z_]+)\s*[:：]\s*(.+)$", text)
    if m and m.group(1) in kinds:
        return {"kind": m.group(1), "title": m.group(2).strip(), "department": None}
    return {"kind": None, "title": text.strip() or None, "department": None}


def new_meeting(root: Path, *, meeting_date: date | None = None, body: str | None = None,
                items: Sequence[str] = (), department: str | None = None, record_id: str | None = None,
                today: date | None = None) -> NewResult:
    """meetings/<year>/HY-<year>-NN.yaml; one agenda item per `items` entry ("kind:title" or "title")."""
    config, _ = load_config(root)
    check_department(config, department, "--department")
    day = _today(today)
    meeting_date = meeting_date or day
    _check_year(meeting_date.year, "--date")
    parsed = [parse_item(t) for t in items] or [{"kind": None, "title": None, "department": None}]
    for it in parsed:
        it["department"] = department

    def build(rid: str, target: Path) -> str:
        return render("records/meeting.yaml.j2", "meeting",
                      modeline=modeline(schema_ref(root, target, "meeting")), today=day.isoformat(), id=rid,
                      date_=meeting_date, body=body, items=parsed, **_prefixes())

    path, rid = _write_with_id(root, "meetings", "HY", meeting_date.year, 2, record_id, build)
    return NewResult(path, rid, todo_of("meeting", path.read_text(encoding="utf-8")))


# -- catalog -----------------------------------------------------------------------------------


def new_catalog(root: Path, *, department: str | None = None, year: int | None = None,
                compiled: date | None = None, copy_previous: bool = True, today: date | None = None) -> NewResult:
    """catalog/<dept>/<year>.yaml; items are copied verbatim from the previous year's catalog when
    there is one (comments included), else one item skeleton to fill in."""
    config, department, day, year, target = _department_year_file(root, "catalog", department, year, today)
    items_text, copied_from = None, None
    prev = f"catalog/{department}/{year - 1}.yaml"
    previous = load_path(root, prev, config.max_file_bytes) if copy_previous else None
    if previous is not None and previous.data is not None:
        items_text = _items_block(root, previous.path, config.max_file_bytes)
        copied_from = prev if items_text else None
    text = render("records/catalog.yaml.j2", "catalog",
                  modeline=modeline(schema_ref(root, target, "catalog")), today=day.isoformat(),
                  department=department, department_name=config.department_name(department), year=year,
                  compiled=compiled or day, items_text=items_text, copied_from=copied_from,
                  item_id=f"{re.sub(r'[^A-Z]', '', department.upper())[:6].ljust(2, 'X')}-01", **_prefixes())
    _exclusive(root, target, text)
    return NewResult(target, _rel(root, target), todo_of("catalog", text))


def _items_block(root: Path, rel: str, limit: int) -> Verbatim | None:
    """The lines under `items:` of a catalog file, verbatim, when it is a block sequence (the
    loader has read the file without a finding that stops it: no hidden line breaks)."""
    spec = spec_for(root, rel)
    try:
        text = read_spec(root, spec, limit).decode("utf-8-sig") if spec is not None else None
    except (AuthoringError, UnicodeDecodeError):
        return None
    if text is None:
        return None
    try:
        tree = rt_load(text)
    except Exception:  # noqa: BLE001 - a broken previous catalog is simply not copied
        return None
    if not isinstance(tree, dict) or not isinstance(tree.get("items"), list) or not tree["items"]:
        return None
    if getattr(tree["items"], "fa", None) is not None and tree["items"].fa.flow_style():
        return None
    lines = text.splitlines()
    span = next(s for s in top_level_spans(tree, lines) if s.key == "items")
    body = lines[span.line + 1:span.content_end]
    return Verbatim("\n".join(body)) if body else None


def _department_year_file(root: Path, folder: str, department: str | None, year: int | None,
                          today: date | None) -> tuple[Config, str, date, int, Path]:
    """<folder>/<dept>/<year>.yaml for catalogs and reviews: department and year checked, never
    an existing file."""
    config, _ = load_config(root)
    department = department or default_department(config)
    if department is None:
        raise AuthoringError("请用 --department 指定部门", "give the department with --department", "invalid")
    check_department(config, department, "--department")
    day = _today(today)
    year = year or day.year
    _check_year(year)
    target = root / folder / department / f"{year}.yaml"
    if target.exists():
        raise AuthoringError(f"{_rel(root, target)} 已存在，未覆盖", f"{_rel(root, target)} already exists", "exists")
    return config, department, day, year, target


#: Years a new record may be filed under: a register of this century (the calendar data, the
#: four-digit folder names and the id scheme all assume it).
YEARS = (2000, 2100)


def _check_year(year: int, option: str = "--year") -> None:
    if not YEARS[0] <= year <= YEARS[1]:
        raise AuthoringError(f"{option} 的年度 {year} 超出范围（{YEARS[0]}—{YEARS[1]}）",
                             f"{option}: year {year} out of range ({YEARS[0]}–{YEARS[1]})", "invalid")


# -- review ------------------------------------------------------------------------------------


def new_review(root: Path, *, department: str | None = None, year: int | None = None,
               today: date | None = None) -> NewResult:
    """reviews/<dept>/<year>.yaml, pre-filled with what the self-inspection must examine: the
    department's non-public documents of the year and the topics of its frequent applications."""
    config, department, day, year, target = _department_year_file(root, "reviews", department, year, today)
    withheld = []
    limit = config.max_file_bytes
    for _, data in records(root, files_of(root, ("documents",), ("document",), f"documents/{year}"), limit):
        if data.get("department") == department and data.get("disclosure") in WITHHELD \
                and isinstance(data.get("doc_no"), str):
            what = fieldhelp.codes("document", "disclosure")
            label = {c.split(" ")[0]: c.split(" ", 1)[1] for c in what.split("；") if " " in c}.get(
                data["disclosure"], data["disclosure"])
            withheld.append({"doc_no": data["doc_no"],
                             "note": f"{data.get('title') or ''}（{label}）".strip()})
    counts: dict[str, int] = {}
    for _, data in records(root, files_of(root, ("applications",), ("application",), f"applications/{year}"), limit):
        if data.get("handler") != department:
            continue
        for topic in set(t for t in data.get("topics") or [] if isinstance(t, str)):
            counts[topic] = counts.get(topic, 0) + 1
    frequent = [{"subject": t, "count": n} for t, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
                if n >= config.frequent_request_min]
    text = render("records/review.yaml.j2", "review",
                  modeline=modeline(schema_ref(root, target, "review")), today=day.isoformat(),
                  department=department, department_name=config.department_name(department), year=year,
                  withheld=withheld, frequent=frequent, frequent_min=config.frequent_request_min, **_prefixes())
    _exclusive(root, target, text)
    return NewResult(target, _rel(root, target), todo_of("review", text))


# -- activities, report and assessment (one file a year) -----------------------------------------------------


def new_activities(root: Path, *, year: int | None = None, today: date | None = None) -> NewResult:
    """activities/<year>.yaml: the year's leadership duties, training and press activities."""
    return _yearly(root, "activities", year, today,
                   types=fieldhelp.codes("activities", "entries[].type"), **_prefixes())


def new_report(root: Path, *, year: int | None = None, today: date | None = None) -> NewResult:
    """reports/<year>.yaml: the annual report's narrative and the figures the register cannot
    compute; the year defaults to the last one (the report is written in January)."""
    return _yearly(root, "report", year or _today(today).year - 1, today)


_YEARLY_FOLDERS = {"activities": "activities", "report": "reports", "assessment": "assessments"}


def _yearly(root: Path, kind: str, year: int | None, today: date | None, **context: Any) -> NewResult:
    load_config(root)
    day = _today(today)
    year = year or day.year
    _check_year(year)
    target = root / _YEARLY_FOLDERS[kind] / f"{year}.yaml"
    if target.exists():
        raise AuthoringError(f"{_rel(root, target)} 已存在，未覆盖", f"{_rel(root, target)} already exists", "exists")
    text = render(f"records/{kind}.yaml.j2", kind, modeline=modeline(schema_ref(root, target, kind)),
                  today=day.isoformat(), year=year, **context)
    _exclusive(root, target, text)
    return NewResult(target, _rel(root, target), todo_of(kind, text))


# -- guide, assessment, participation ------------------------------------------------------------


def new_guide(root: Path, *, today: date | None = None) -> NewResult:
    """guide.yaml at the root: the office's name from govdisc.yaml, the classification from the
    Art. 20 categories of this year's catalogs, the rest left for the clerk."""
    from govdisc.stats.guide import category_labels

    config, _ = load_config(root)
    day = _today(today)
    target = root / "guide.yaml"
    if target.exists() or (root / "guide.yml").exists():
        raise AuthoringError("guide.yaml 已存在，未覆盖", "guide.yaml already exists", "exists")
    labels = category_labels()
    used: list[str] = []
    catalogs = [spec for spec in files_of(root, ("catalog",), ("catalog",)) if spec.year == day.year]
    for _, data in records(root, catalogs, config.max_file_bytes):
        for item in data.get("items") or []:
            cat = item.get("category") if isinstance(item, dict) else None
            if cat in labels and cat not in used:
                used.append(cat)
    used.sort(key=list(labels).index)
    classes = [{"name": labels[c].split("）", 1)[-1]} for c in used] or [{"name": "机关职能和机构设置"}]
    dept = config.department_name(config.office) if config.office else ""
    text = render("records/guide.yaml.j2", "guide", modeline=modeline(schema_ref(root, target, "guide")),
                  today=day, agency=config.agency, office_name=f"{config.agency}{dept}", classes=classes,
                  arrangement="按信息类别和生成日期编排，每条信息标明索引号、名称、内容概述和生成日期",
                  proactive="本机关门户网站政府信息公开专栏；政府公报；新闻发布会；政府信息查阅场所", **_prefixes())
    _exclusive(root, target, text)
    return NewResult(target, "guide.yaml", todo_of("guide", text))


def new_assessment(root: Path, *, year: int | None = None, today: date | None = None) -> NewResult:
    """assessments/<year>.yaml (default: last year, the one assessed at the start of this year)."""
    return _yearly(root, "assessment", year or _today(today).year - 1, today)


def new_participation(root: Path, *, kind: str, title: str | None = None, meeting_date: date | None = None,
                      department: str | None = None, meeting: str | None = None, items: Sequence[str] = (),
                      documents: Sequence[str] = (), record_id: str | None = None,
                      today: date | None = None) -> NewResult:
    """participation/<year>/CY-<year>-NNN.yaml; `--meeting`, `--item` and `--document` name the
    decision it serves."""
    config, _ = load_config(root)
    check_code("participation", "kind", kind, "--kind")
    department = department or default_department(config)
    check_department(config, department, "--department")
    day = _today(today)
    on = meeting_date or day

    def build(rid: str, target: Path) -> str:
        return render("records/participation.yaml.j2", "participation",
                      modeline=modeline(schema_ref(root, target, "participation")), today=day.isoformat(), id=rid,
                      title=title, kind_=kind, department=department,
                      department_name=config.department_name(department) if department else "", date_=on,
                      meeting=meeting, item=items[0] if items else None, document=documents[0] if documents else None)

    path, rid = _write_with_id(root, "participation", "CY", on.year, 3, record_id, build)
    return NewResult(path, rid, todo_of("participation", path.read_text(encoding="utf-8")))


# -- dispatch ----------------------------------------------------------------------------------


NEW_FUNCTIONS: dict[str, Callable[..., NewResult]] = {
    "application": new_application,
    "document": new_document,
    "opinion": new_opinion,
    "meeting": new_meeting,
    "catalog": new_catalog,
    "review": new_review,
    "activities": new_activities,
    "report": new_report,
    "guide": new_guide,
    "assessment": new_assessment,
    "participation": new_participation,
}


def new_record(root: Path, kind: str, /, **options: Any) -> NewResult:
    """Dispatch to new_<kind>; options that are None are dropped, so the CLI can pass all it has.

    Positional-only `kind`, so that the document option `kind=` (公文种类) passes through.
    """
    if kind not in NEW_FUNCTIONS:
        raise AuthoringError(f"不能新建 {kind}；可用：{'、'.join(KINDS)}",
                             f"cannot create {kind}; one of: {', '.join(KINDS)}", "invalid")
    import inspect

    fn = NEW_FUNCTIONS[kind]
    params = inspect.signature(fn).parameters
    accepted = set(params) - {"root"}
    given = {k: v for k, v in options.items() if v is not None and v != () and v != []}
    extra = sorted(set(given) - accepted)
    if extra:
        names = ", ".join(_option(e) for e in extra)
        raise AuthoringError(f"新建 {kind} 不使用选项 {names}", f"new {kind} takes no option {names}", "invalid")
    missing = [k for k, p in params.items() if k != "root" and p.default is inspect.Parameter.empty and k not in given]
    if missing:
        names = ", ".join(_option(m) for m in missing)
        raise AuthoringError(f"新建 {kind} 须给出选项 {names}", f"new {kind} needs {names}", "invalid")
    with writing(root):
        return fn(root, **given)


#: function parameter → CLI option, where they differ
OPTION_NAMES = {"record_id": "--id", "meeting_date": "--date", "items": "--item", "topics": "--topic",
                "documents": "--document"}


def _option(param: str) -> str:
    return OPTION_NAMES.get(param, "--" + param.replace("_", "-"))
