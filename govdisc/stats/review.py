"""The year-end self-inspection (年终自查, seed 二（四）4) as plain data, per department.

`review_data(records, config, calendar, year, department=None, findings=None,
path_departments=None, as_of=None)` gathers, for each department (or the one named):

- is_office     the department is the agency's office (config `office`), to which the others
                submit their self-inspection;
- review        reviews/<dept>/<year>.yaml: submitted date against the 31 December clock;
- applications  the applications the department handled: received in the year, answered in the
                year (in time / late by the reply clock, or not judged), and those received by
                31 December (or the as-of day) still unanswered then, with their clock today;
- withheld      the department's documents formed in the year and not proactively published in
                full (此件不公开 / 此件依申请公开 / 此件删减后公开) — or re-examined in the review and
                made public since (`now_public`) —, each with the conclusion of its
                re-examination in the review (keep / disclose / proactive, reason) or marked as not
                re-examined, and whether a document concluded disclosable has been published since;
  not_reexamined  the doc_no of those without a re-examination (REV002's subject);
  reexamined_other  re-examination entries naming a document that is not among them;
- frequent      information requested by ≥ thresholds.frequent_request_min applications received
                in the year (grouped by topic and by referenced document, as REV003 groups them)
                that the department handled at least one of, with the entry of the year's reviews
                that examined it (action, note) or none;
  frequent_entries  the department's own frequent_requests entries;
  conversions   what the department turned into proactive disclosure (withheld documents
                concluded `proactive`/`disclose`, frequent information with `convert_proactive`);
- catalog       主动公开基本目录 of the year and of the next year: compiled / updated dates, item
                counts by five-openness stage, stages with no item, the 31 December clock;
- interpretations  the department's important policies published (else formed) in the year: plan
                approved with the document or not, first interpretation material against the
                3-working-day clock of the deadline engine;
- opinions      public-opinion events of the year the department led: level, first release and
                press conference against the 5-hour / 24-hour clocks (major and especially major);
- self_findings the problems found by the department and their rectification (review `findings`:
                source, deadline, done and status as of the as-of date, govdisc.stats.measures);
- open_findings `govdisc check` findings about the department's records of the year.

Agency-wide, shown once: leadership duties (activities of the year tallied by type against the
seed's yearly minimums) and training / exams; `catalog_names` maps the catalog item codes
(BGS-05) to their titles, so that register text naming a code can be printed with its name.

The register is read as it stood on the as-of day (deadlines.asof.known_on): an update, a
submission or a reply dated later is not known yet. Also agency-wide: every recorded problem of
this year's and earlier reviews with its rectification status (`rectifications`, the office's
tracking of 二(四)4), the year's public participation (`participation`) and assessment (`assessment`).

Findings come from the caller (`run_check`): a list of govdisc.model.Finding and a mapping
path → department (see `path_departments_of()`, which builds it from the records). A finding
counts for a department and year when its file belongs to the department and the file's year
is the year; a finding on govdisc.yaml counts when it points at the department's entry
(`departments[i]`) and names the year.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from typing import Any, Iterable, Mapping

from govdisc import resources
from govdisc.calendar import WorkCalendar
from govdisc.config import Config
from govdisc.dates import parse_date, parse_datetime, zone
from govdisc.deadlines.yearend import path_year, record_year
from govdisc.model import Finding, Obligation, Record
from govdisc.stats import labels as L

DISCLOSURE = {"public": "此件公开发布", "not_public": "此件不公开", "on_request": "此件依申请公开",
              "redacted": "此件删减后公开"}
WITHHELD = ("not_public", "on_request", "redacted")
CONCLUSIONS = {"keep": "维持原公开属性", "disclose": "可以公开", "proactive": "转为主动公开"}
#: `keep` said for the attribute kept
KEEP = {"not_public": "继续不予公开", "on_request": "继续依申请公开", "redacted": "继续删减后公开"}


def conclusion_label(conclusion: Any, disclosure: Any = None) -> str | None:
    if not isinstance(conclusion, str) or not conclusion:
        return None
    if conclusion == "keep" and disclosure in KEEP:
        return KEEP[disclosure]
    return CONCLUSIONS.get(conclusion, conclusion)
ACTIONS = {"convert_proactive": "转为主动公开", "already_public": "已主动公开",
           "keep_on_request": "仍依申请公开", "not_disclosable": "不宜公开"}
STAGES = {"decision": "决策公开", "execution": "执行公开", "management": "管理公开",
          "service": "服务公开", "result": "结果公开"}
LEVELS = {"especially_major": "特别重大", "major": "重大", "general": "一般"}
STATUS = {"done": "按期", "late": "逾期完成", "overdue": "已逾期", "due_soon": "即将到期", "open": "未到期"}
#: activity type → (label, yearly minimum or None, basis)
DUTIES: dict[str, tuple[str, int | None, str]] = {
    "head_interpretation": ("主要负责人解读重要政策", 1, "《实施办法》二（五）1：年内不少于1次"),
    "head_hears_report": ("主要负责人听取政务公开工作汇报", 1, "《实施办法》三（九）：年内至少1次"),
    "deputy_hears_report": ("分管负责人听取政务公开工作汇报", 1, "《实施办法》三（九）：经常听取"),
    "deputy_research": ("分管负责人调研政务公开工作", 1, "《实施办法》三（九）：年内至少1次"),
    "training": ("政务公开学习培训", 1, "《实施办法》三（十二）"),
    "exam": ("政务公开考试", None, "《实施办法》三（十二）"),
    "press_conference": ("新闻发布会", None, ""),
    "briefing": ("政策吹风会", None, ""),
    "media_interview": ("媒体访谈", None, ""),
    "normative_cleanup": ("行政规范性文件清理", None, "《实施办法》三（十）"),
}
TRAINING_TYPES = ("training", "exam")


def activity_label(code: str) -> str:
    """The Chinese name of an activity type: DUTIES, else the schema's own label, so that a type
    added to the schema never reaches a report as its code."""
    if code in DUTIES:
        return DUTIES[code][0]
    node = resources.schema("defs")["$defs"]["activity_type"]
    for value, text in zip(node.get("enum", []), node.get("enumDescriptions", [])):
        if value == code:
            return text.split("：", 1)[0]
    return code
SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}


def _s(value: Any) -> str | None:
    return value.strip() if isinstance(value, str) and value.strip() else None


def _iso(value: Any) -> str | None:
    d = parse_date(value)
    return d.isoformat() if d else None


def _norm(text: Any) -> str:
    return "".join(text.split()) if isinstance(text, str) else ""


def _dept_of(rec: Record) -> str | None:
    """The department a record belongs to (documents: drafting; applications: handler;
    opinions: lead; catalog/review: its folder)."""
    key = {"document": "department", "application": "handler", "opinion": "lead",
           "catalog": "department", "review": "department"}.get(rec.kind)
    if key is None:
        return None
    value = rec.data.get(key)
    if isinstance(value, str) and value:
        return value
    if rec.kind in ("catalog", "review"):
        parts = rec.path.split("/")
        return parts[1] if len(parts) == 3 else None
    return None


def path_departments_of(records: Iterable[Record]) -> dict[str, str]:
    """path → department of every record that belongs to one (see `_dept_of`)."""
    out = {}
    for rec in records:
        dept = _dept_of(rec)
        if dept:
            out[rec.path] = dept
    return out


def _exemption_label(code: Any) -> str | None:
    row = L.EXEMPTION_ROWS.get(code) if isinstance(code, str) else None
    return row.split(".", 1)[1] if row else None


# -- the pieces ------------------------------------------------------------------------------------


def _obligation_index(obs: list[Obligation]) -> dict[tuple[str, str], Obligation]:
    return {(ob.path, ob.obligation): ob for ob in obs}


def _clock(ob: Obligation | None) -> dict[str, Any]:
    if ob is None:
        return {"due": None, "status": None, "status_label": None, "met_on": None, "provisional": False}
    return {"due": ob.due, "status": ob.status, "status_label": STATUS.get(ob.status, ob.status),
            "met_on": ob.met_on, "provisional": ob.provisional}


def _yearly(records: list[Record], kind: str, dept: str, year: int) -> Record | None:
    for rec in records:
        if rec.kind == kind and _dept_of(rec) == dept and record_year(rec) == year:
            return rec
    return None


def _review_section(rec: Record | None, yearend: Mapping[tuple[str, str, int], Obligation],
                    dept: str, year: int) -> dict:
    ob = yearend.get(("review", dept, year))
    submitted = _iso(rec.data.get("submitted")) if rec is not None else None
    status = "missing" if rec is None else ("no_date" if submitted is None else (ob.status if ob else None))
    labels = {"missing": "未报送", "no_date": "未填写报送日期", "done": "按期报送", "late": "逾期报送",
              "overdue": "已逾期", "due_soon": "即将到期", "open": "未到期"}
    return {"path": rec.path if rec is not None else f"reviews/{dept}/{year}.yaml", "exists": rec is not None,
            "submitted": submitted, "due": f"{year}-12-31", "status": status,
            "status_label": labels.get(status, status) if status else None}


def _withheld(records: list[Record], review: Record | None, dept: str, year: int) -> tuple[list, list, list]:
    examined: dict[str, dict] = {}
    entries = review.data.get("withheld_reexamined") if review is not None else None
    for item in entries if isinstance(entries, list) else []:
        if isinstance(item, dict) and _s(item.get("document")):
            examined.setdefault(_s(item["document"]), item)
    rows, seen = [], set()
    for doc in records:
        if doc.kind != "document" or doc.data.get("department") != dept:
            continue
        disclosure = doc.data.get("disclosure")
        formed = parse_date(doc.data.get("formed"))
        no = _s(doc.data.get("doc_no"))
        if formed is None or formed.year != year or no is None:
            continue
        # the register keeps the current attribute: a document re-examined and since made
        # public is still one of the year's withheld documents
        if disclosure not in WITHHELD and no not in examined:
            continue
        seen.add(no)
        w = doc.data.get("withholding") if isinstance(doc.data.get("withholding"), dict) else {}
        item = examined.get(no)
        conclusion = item.get("conclusion") if item else None
        rows.append({
            "doc_no": no, "title": _s(doc.data.get("title")), "path": doc.path, "formed": formed.isoformat(),
            "disclosure": disclosure, "disclosure_label": DISCLOSURE.get(disclosure, disclosure),
            "now_public": disclosure == "public", "changed": _iso(doc.data.get("changed")),
            "reason": w.get("reason"), "reason_label": _exemption_label(w.get("reason")),
            "explanation": _s(w.get("explanation")),
            "reexamined": item is not None, "conclusion": conclusion,
            "conclusion_label": conclusion_label(conclusion, disclosure),
            "conclusion_reason": _s(item.get("reason")) if item else None,
            "published": _iso(doc.get("published", "date")),
        })
    rows.sort(key=lambda r: (r["formed"], r["doc_no"]))
    not_reexamined = [r["doc_no"] for r in rows if not r["reexamined"]]
    docs_by_no = {_s(r.data.get("doc_no")): r for r in records if r.kind == "document"}
    other = []
    for no, item in examined.items():
        if no in seen:
            continue
        doc = docs_by_no.get(no)
        conclusion = item.get("conclusion")
        other.append({"doc_no": no, "known": doc is not None,
                      "title": _s(doc.data.get("title")) if doc else None,
                      "department": doc.data.get("department") if doc else None,
                      "formed": _iso(doc.data.get("formed")) if doc else None,
                      "conclusion": conclusion,
                      "conclusion_label": conclusion_label(conclusion, doc.data.get("disclosure") if doc else None),
                      "conclusion_reason": _s(item.get("reason")),
                      "published": _iso(doc.get("published", "date")) if doc else None})
    return rows, not_reexamined, other


def _frequent_groups(records: list[Record], config: Config, year: int) -> list[dict]:
    """Topics and referenced documents of ≥ threshold applications received in the year."""
    from govdisc.deadlines.application import receipt_date

    minimum = max(config.frequent_request_min, 2)
    groups: dict[tuple[str, str], dict] = {}
    for rec in records:
        if rec.kind != "application":
            continue
        got = receipt_date(rec)
        if got is None or got[0].year != year:
            continue
        for key in ("topics", "documents"):
            values = rec.data.get(key)
            seen: set[str] = set()
            for v in values if isinstance(values, list) else []:
                n = _norm(v)
                if not n or n in seen:
                    continue
                seen.add(n)
                g = groups.setdefault((key, n), {"key": key, "subject": v.strip(), "norm": n, "members": []})
                g["members"].append(rec)
    docs_by_no = {_s(r.data.get("doc_no")): r for r in records if r.kind == "document"}
    out = []
    for (key, n), g in sorted(groups.items(), key=lambda kv: kv[0]):
        if len(g["members"]) < minimum:
            continue
        names = {n}
        title = None
        if key == "documents":
            doc = docs_by_no.get(g["subject"])
            if doc is not None:
                title = _s(doc.data.get("title"))
                if title:
                    names |= {_norm(title), f"《{_norm(title)}》"}
                topics = doc.data.get("topics")
                names |= {_norm(t) for t in (topics if isinstance(topics, list) else []) if _norm(t)}
        handlers: dict[str, int] = defaultdict(int)
        for m in g["members"]:
            h = m.data.get("handler")
            if isinstance(h, str):
                handlers[h] += 1
        out.append({"key": key, "kind_label": "主题" if key == "topics" else "公文", "subject": g["subject"],
                    "title": title, "names": names, "count": len(g["members"]),
                    "applications": sorted(m.id for m in g["members"]), "handlers": dict(sorted(handlers.items())),
                    "minimum": minimum})
    return out


def _review_entries(records: list[Record], year: int) -> list[tuple[str, int, dict]]:
    out = []
    for rec in records:
        if rec.kind != "review" or record_year(rec) != year:
            continue
        items = rec.data.get("frequent_requests")
        for i, item in enumerate(items if isinstance(items, list) else []):
            if isinstance(item, dict) and _norm(item.get("subject")):
                out.append((_dept_of(rec) or "", i, item))
    return out


def _entry(item: dict, dept: str, config: Config) -> dict:
    action = item.get("action")
    return {"subject": _s(item.get("subject")), "applications": item.get("applications"),
            "action": action, "action_label": ACTIONS.get(action, action) if action else None,
            "note": _s(item.get("note")), "department": dept, "department_name": config.department_name(dept)}


def _frequent(groups: list[dict], entries: list[tuple[str, int, dict]], dept: str, config: Config) -> tuple[list, list]:
    mine = []
    for g in groups:
        if dept not in g["handlers"]:
            continue
        match = None
        # prefer the department's own entry, then any department's
        for d, _, item in sorted(entries, key=lambda e: (e[0] != dept, e[0], e[1])):
            if _norm(item.get("subject")) in g["names"]:
                match = _entry(item, d, config)
                break
        row = {k: v for k, v in g.items() if k != "names"}
        row.update({"department_count": g["handlers"][dept], "examined": match is not None, "entry": match,
                    "handler_names": "、".join(f"{config.department_name(h)}{n}件" for h, n in g["handlers"].items())})
        mine.append(row)
    own = []
    all_names = [g["names"] for g in groups]
    for d, _, item in entries:
        if d != dept:
            continue
        e = _entry(item, d, config)
        e["matches_register"] = any(_norm(item.get("subject")) in names for names in all_names)
        own.append(e)
    return mine, own


def _applications(records: list[Record], obs: Mapping[tuple[str, str], Obligation], dept: str, year: int,
                  as_of: date) -> dict:
    """The department's applications of the year (see the module docstring)."""
    from govdisc.deadlines.application import receipt_date

    end = min(date(year, 12, 31), as_of)
    out: dict[str, Any] = {"until": end.isoformat(), "received": 0, "answered": 0, "in_time": 0, "late": 0,
                           "not_judged": 0, "open": [], "late_items": []}
    for rec in records:
        if rec.kind != "application" or rec.data.get("handler") != dept:
            continue
        got = receipt_date(rec)
        if got is None or got[0] > end:
            continue
        receipt = got[0]
        reply_date = parse_date(rec.get("reply", "date"))
        ob = _clock(obs.get((rec.path, "reply")))
        item = {"id": rec.id, "path": rec.path, "received": receipt.isoformat(),
                "replied": reply_date.isoformat() if reply_date else None, **ob}
        if receipt.year == year:
            out["received"] += 1
        if reply_date is not None and reply_date.year == year and reply_date <= end:
            out["answered"] += 1
            if ob["status"] == "done":
                out["in_time"] += 1
            elif ob["status"] == "late":
                out["late"] += 1
                out["late_items"].append(item)
            else:
                out["not_judged"] += 1
        elif reply_date is None or reply_date > end:
            out["open"].append(item)
    for key in ("open", "late_items"):
        out[key].sort(key=lambda i: (i["received"], i["id"]))
    return out


def catalog_names(records: list[Record], year: int) -> dict[str, str]:
    """Catalog item code → title, the year's catalogs winning over other years'."""
    names: dict[str, str] = {}
    catalogs = sorted((r for r in records if r.kind == "catalog"), key=lambda r: (record_year(r) == year, r.path))
    for rec in catalogs:
        for item in rec.seq("items"):
            if isinstance(item, dict) and _s(item.get("id")) and _s(item.get("title")):
                names[_s(item["id"])] = _s(item["title"])
    return names


def _catalog(rec: Record | None, ob: Obligation | None, year: int, dept: str) -> dict:
    if rec is None:
        out = {"year": year, "path": f"catalog/{dept}/{year}.yaml", "exists": False, "compiled": None,
               "updated": None, "items": 0, "by_stage": {s: 0 for s in STAGES}, "missing_stages": list(STAGES)}
    else:
        items = rec.data.get("items")
        items = [i for i in items if isinstance(i, dict)] if isinstance(items, list) else []
        by_stage = {s: 0 for s in STAGES}
        other = 0
        for item in items:
            st = item.get("stage")
            if st in by_stage:
                by_stage[st] += 1
            else:
                other += 1
        out = {"year": year, "path": rec.path, "exists": True, "compiled": _iso(rec.data.get("compiled")),
               "updated": _iso(rec.data.get("updated")), "items": len(items), "by_stage": by_stage,
               "unstaged": other, "missing_stages": [s for s, n in by_stage.items() if n == 0]}
    out["stage_labels"] = dict(STAGES)
    out["clock"] = _clock(ob)
    return out


def _interpretations(records: list[Record], obs: Mapping[tuple[str, str], Obligation], dept: str,
                     year: int) -> list[dict]:
    out = []
    for doc in records:
        if doc.kind != "document" or doc.data.get("department") != dept or doc.data.get("important_policy") is not True:
            continue
        published = parse_date(doc.get("published", "date"))
        formed = parse_date(doc.data.get("formed"))
        when = published or formed
        if when is None or when.year != year:
            continue
        approved = parse_date(doc.data.get("approved")) or formed
        plan = parse_date(doc.get("interpretation", "plan_approved"))
        materials = doc.get("interpretation", "materials", default=[])
        materials = [m for m in materials if isinstance(m, dict)] if isinstance(materials, list) else []
        dates = sorted(d for m in materials if (d := parse_date(m.get("published"))))
        clock = _clock(obs.get((doc.path, "interpretation")))
        out.append({
            "doc_no": _s(doc.data.get("doc_no")), "title": _s(doc.data.get("title")), "path": doc.path,
            "approved": approved.isoformat() if approved else None,
            "plan_approved": plan.isoformat() if plan else None,
            "plan_with_document": (plan is not None and approved is not None and plan <= approved) if plan else False,
            "published": published.isoformat() if published else None,
            "first_material": dates[0].isoformat() if dates else None,
            "materials": len(materials),
            "forms": sorted({m.get("form") for m in materials if isinstance(m.get("form"), str)}),
            **clock,
        })
    out.sort(key=lambda r: (r["published"] or r["approved"] or "", r["doc_no"] or ""))
    return out


def _opinions(records: list[Record], obs: Mapping[tuple[str, str], Obligation], config: Config, dept: str,
              year: int) -> list[dict]:
    out = []
    tz = config.timezone
    try:
        local = zone(tz)
    except Exception:  # noqa: BLE001 — an unknown time zone is REG's finding
        local = None

    def shown(t):
        return (t.astimezone(local) if local is not None else t).isoformat(timespec="minutes")

    for rec in records:
        if rec.kind != "opinion" or rec.data.get("lead") != dept:
            continue
        try:
            detected = parse_datetime(rec.data.get("detected_at"), tz)
        except Exception:  # noqa: BLE001 — an unknown time zone is REG's finding
            detected = None
        if detected is None or detected.year != year:
            continue
        release, press = obs.get((rec.path, "release")), obs.get((rec.path, "press_conference"))
        timely = obs.get((rec.path, "timely_release"))  # a key matter's release in time (measures)
        releases = rec.data.get("releases")
        first = None
        for r in releases if isinstance(releases, list) else []:
            if isinstance(r, dict):
                try:
                    t = parse_datetime(r.get("at"), tz)
                except Exception:  # noqa: BLE001
                    t = None
                if t is not None and (first is None or t < first):
                    first = t
        pc = rec.data.get("press_conference")
        try:
            pc_at = parse_datetime(pc.get("at"), tz) if isinstance(pc, dict) else None
        except Exception:  # noqa: BLE001
            pc_at = None
        level = rec.data.get("level")
        out.append({
            "id": rec.id, "title": _s(rec.data.get("title")), "path": rec.path, "level": level,
            "level_label": LEVELS.get(level, level) if isinstance(level, str) else None,
            "detected_at": shown(detected),
            "first_release": shown(first) if first else None,
            "press_conference": shown(pc_at) if pc_at else None,
            "release": _clock(release), "press": _clock(press), "timely": _clock(timely),
            "emergency": rec.data.get("emergency") is True, "key_matter": rec.data.get("key_matter") is True,
            "clocked": release is not None or press is not None,
        })
    out.sort(key=lambda r: r["detected_at"])
    return out


def _activities(records: list[Record], config: Config, year: int) -> dict:
    entries = []
    for rec in records:
        if rec.kind != "activities":
            continue
        fy = record_year(rec)
        raw = rec.data.get("entries")
        for e in raw if isinstance(raw, list) else []:
            if not isinstance(e, dict) or not isinstance(e.get("type"), str):
                continue
            d = parse_date(e.get("date"))
            if (d.year if d else fy) != year:
                continue
            dept = e.get("department") if isinstance(e.get("department"), str) else None
            entries.append({"date": d.isoformat() if d else None, "type": e["type"],
                            "type_label": activity_label(e["type"]), "title": _s(e.get("title")),
                            "department": dept, "department_name": config.department_name(dept) if dept else None,
                            "participants": e.get("participants") if isinstance(e.get("participants"), int) else None,
                            "document": _s(e.get("document")), "note": _s(e.get("note"))})
    entries.sort(key=lambda e: (e["date"] or "", e["type"]))
    counts: dict[str, int] = defaultdict(int)
    for e in entries:
        counts[e["type"]] += 1
    duties = []
    for t, (label, minimum, basis) in DUTIES.items():
        n = counts.get(t, 0)
        duties.append({"type": t, "label": label, "count": n, "minimum": minimum, "basis": basis,
                       "met": None if minimum is None else n >= minimum})
    for t in sorted(set(counts) - set(DUTIES)):
        duties.append({"type": t, "label": activity_label(t), "count": counts[t], "minimum": None, "basis": "",
                       "met": None})
    training = [e for e in entries if e["type"] in TRAINING_TYPES]
    return {"duties": duties, "entries": entries, "training": training,
            "participants": sum(e["participants"] or 0 for e in training if e["type"] == "training")}


def _findings(findings: Iterable[Finding], paths: Mapping[str, str], records: list[Record], config: Config,
              dept: str, year: int) -> list[dict]:
    years = {rec.path: record_year(rec) for rec in records}
    dept_ids = [d.id for d in config.departments]
    out = []
    for f in findings:
        if f.path == "govdisc.yaml":
            p = tuple(f.pointer or ())
            owner = dept_ids[p[1]] if len(p) >= 2 and p[0] == "departments" and isinstance(p[1], int) \
                and 0 <= p[1] < len(dept_ids) else None
            if owner != dept or str(year) not in (f.message_zh or ""):
                continue
        else:
            if paths.get(f.path) != dept:
                continue
            fy = years.get(f.path)
            if fy is None:
                fy = _path_year(f.path)
            if fy != year:
                continue
        out.append({"code": f.code, "severity": f.severity, "path": f.path, "line": f.line, "column": f.column,
                    "record": f.record, "message": f.message_zh, "message_en": f.message_en})
    out.sort(key=lambda x: (SEVERITY_ORDER.get(x["severity"], 9), x["path"], x["line"] or 0, x["code"]))
    return out


def _path_year(path: str) -> int | None:
    for part in path.split("/")[1:]:
        stem = part.rsplit(".", 1)[0]
        if len(stem) == 4 and stem.isdigit():
            return int(stem)
    return None


# -- the whole ------------------------------------------------------------------------------------


def review_data(records: list[Record], config: Config, calendar: WorkCalendar, year: int,
                department: str | None = None, findings: Iterable[Finding] | None = None,
                path_departments: Mapping[str, str] | None = None, as_of: date | None = None) -> dict:
    """The self-inspection of `year` for every department, or for `department` (id or name).

    `as_of` fixes the statuses of the clocks (interpretation, opinions, year-end); it defaults
    to 31 December of the year — pass the CLI's --as-of. `findings` (from `run_check`) are
    attributed through `path_departments` (path → department; `path_departments_of(records)`
    when omitted); without `findings`, `open_findings` is None (not checked). Raises ValueError for an unknown department.
    """
    from govdisc.deadlines import compute_obligations
    from govdisc.deadlines.asof import known_on

    as_of = as_of or date(year, 12, 31)
    records = known_on(records, as_of)
    depts = list(config.departments)
    if department is not None:
        chosen = [d for d in depts if department in (d.id, d.name)]
        if not chosen:
            known = "、".join(f"{d.id}（{d.name}）" for d in depts)
            raise ValueError(f"govdisc.yaml 中没有部门 {department}；已有：{known}")
        depts = chosen
    obs = compute_obligations(records, config, calendar, as_of)
    by_path = _obligation_index(obs)
    yearend: dict[tuple[str, str, int], Obligation] = {}
    for ob in obs:
        if ob.obligation in ("catalog", "review") and ob.department:
            # keyed by the year of the file (a next_year catalog falls due the year before)
            yearend[(ob.obligation, ob.department, path_year(ob.path) or int(ob.due[:4]))] = ob
    from govdisc.stats.measures import assessment, participation, rectifications

    rects = rectifications(records, config, as_of, up_to=year)
    groups = _frequent_groups(records, config, year)
    entries = _review_entries(records, year)
    paths = path_departments if path_departments is not None else path_departments_of(records)
    found = list(findings) if findings is not None else None
    out_depts = []
    for d in depts:
        review = _yearly(records, "review", d.id, year)
        withheld, not_reexamined, other = _withheld(records, review, d.id, year)
        frequent, own = _frequent(groups, entries, d.id, config)
        conversions = [{"kind": "document", "subject": r["doc_no"], "title": r["title"],
                        "action_label": r["conclusion_label"], "published": r["published"]}
                       for r in withheld if r["conclusion"] in ("proactive", "disclose")]
        conversions += [{"kind": "frequent", "subject": e["subject"], "title": None,
                         "action_label": e["action_label"], "published": None, "note": e["note"]}
                        for e in own if e["action"] == "convert_proactive"]
        self_findings = [r for r in rects if r["department"] == d.id and r["year"] == year]
        next_catalog = _yearly(records, "catalog", d.id, year + 1)
        out_depts.append({
            "id": d.id, "name": d.name, "role": d.role, "is_office": d.id == config.office,
            "review": _review_section(review, yearend, d.id, year),
            "applications": _applications(records, by_path, d.id, year, as_of),
            "withheld": withheld, "not_reexamined": not_reexamined, "reexamined_other": other,
            "frequent": frequent, "frequent_entries": own, "conversions": conversions,
            "catalog": _catalog(_yearly(records, "catalog", d.id, year), yearend.get(("catalog", d.id, year)),
                                year, d.id),
            "next_catalog": _catalog(next_catalog, yearend.get(("catalog", d.id, year + 1)), year + 1, d.id)
            if next_catalog is not None else None,
            "interpretations": _interpretations(records, by_path, d.id, year),
            "opinions": _opinions(records, by_path, config, d.id, year),
            "self_findings": self_findings,
            "open_findings": _findings(found, paths, records, config, d.id, year) if found is not None else None,
        })
    return {
        "year": year,
        "agency": config.agency,
        "as_of": as_of.isoformat(),
        "department": depts[0].id if department is not None else None,
        "threshold": max(config.frequent_request_min, 2),
        "activities": _activities(records, config, year),
        "catalog_names": catalog_names(records, year),
        "departments": out_depts,
        # the office's tracking (二(四)4), participation (二(八)), assessment (三(十三)): govdisc.stats.measures
        "rectifications": [r for r in rects if department is None or r["department"] == depts[0].id],
        "participation": participation(records, config, year),
        "assessment": assessment(records, year),
    }
