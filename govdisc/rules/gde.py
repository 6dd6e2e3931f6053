"""GDE: the disclosure guide (政府信息公开指南, 《条例》第十二条; not updating it is a breach, 第五十三条).

The register holds the guide in guide.yaml at its root: the classification and arrangement of
information, how to obtain it, and the disclosure office's name, address, office hours, phone,
fax and internet contact. `govdisc guide` renders it for the portal.

"Contact data changed without the guide's `updated` date following" is read from git: a commit
after the guide's `updated` date (and on or before as-of) that changed the contact data, or an
uncommitted change of it, while `updated` stayed where it was. Contact data is the guide's
`office` block plus, in govdisc.yaml, the agency name and the name of the office department
(the guide's office name defaults to them). Without git history nothing is reported.
"""

from __future__ import annotations

from datetime import date
from typing import Any, Iterator

from govdisc.codes import Hit, hit, rule
from govdisc.dates import parse_date
from govdisc.gitrepo import GitError, run_git
from govdisc.loading.yamlio import load_text
from govdisc.model import Record
from govdisc.rules.context import Context
from govdisc.rules.engine import volatile

BASIS_12 = ("《条例》第十二条：行政机关编制、公布的政府信息公开指南和政府信息公开目录应当及时更新。政府信息公开指南包括政府信息的分类、"
            "编排体系、获取方式和政府信息公开工作机构的名称、办公地址、办公时间、联系电话、传真号码、互联网联系方式等内容")
BASIS_53 = "；第五十三条第（二）项：不及时更新……政府信息公开指南的，由上一级行政机关责令改正"
GUIDE = "guide.yaml"
OFFICE_KEYS = ("name", "address", "postcode", "hours", "phone", "fax", "email", "website")
#: a guide's history is read this far back at most (commits after its `updated` date)
MAX_COMMITS = 30


def guide_record(ctx: Context) -> Record | None:
    found = ctx.kind("guide")
    return found[0] if found else None


@rule(
    "GDE001", "error",
    title=("没有政府信息公开指南", "No disclosure guide"),
    message=("登记簿中没有政府信息公开指南（guide.yaml）", "the register has no disclosure guide (guide.yaml)"),
    basis=BASIS_12 + BASIS_53,
    hint=("用 `govdisc new guide` 生成 guide.yaml，填写信息分类、编排体系、获取方式和工作机构的联系方式，"
          "再用 `govdisc guide --format html -o guide.html` 生成指南在门户网站公布。",
          "Create guide.yaml with `govdisc new guide`, fill in the classification, arrangement, how to obtain "
          "information and the office's contact data, and publish it with `govdisc guide`."),
    bad="# 登记簿根目录没有 guide.yaml",
    good="# guide.yaml\nupdated: 2025-03-01\noffice: {address: 云岭市……, hours: 工作日9:00—17:30, phone: 0871-1234567, "
         "fax: 0871-1234568, email: xxgk@example.gov.cn}\nclassification: [{name: 机关职能}]\narrangement: 按主题分类\n"
         "obtaining: {proactive: 门户网站, on_request: 向局办公室提出申请}",
    clauses=("条例第12条", "条例第53条"),
)
def guide_missing(ctx: Context) -> Iterator[Hit]:
    if guide_record(ctx) is not None or ctx.config_record is None or not ctx.finished_years():
        return  # judged once the register has a finished year, like every standing duty
    yield hit(ctx.config_record, (), anchor="parent", path="govdisc.yaml")


def _text(value: Any) -> bool:
    return isinstance(value, str) and bool(value.strip())


#: (pointer, zh, en) of the guide's required contents; `internet` is email or website
_CONTENTS = ((("classification",), "政府信息的分类（classification）", "classification"),
             (("arrangement",), "编排体系（arrangement）", "arrangement"),
             (("obtaining", "proactive"), "主动公开信息的获取方式（obtaining.proactive）", "how to obtain published information"),
             (("obtaining", "on_request"), "依申请获取的方式（obtaining.on_request）", "how to apply for information"),
             (("office", "address"), "办公地址（office.address）", "office address"),
             (("office", "hours"), "办公时间（office.hours）", "office hours"),
             (("office", "phone"), "联系电话（office.phone）", "phone"),
             (("office", "fax"), "传真号码（office.fax，没有的写“无”）", "fax (write 无 if none)"),
             (("office", "internet"), "互联网联系方式（office.email 或 office.website）", "internet contact (email or website)"))


def _present(rec: Record, pointer: tuple) -> bool:
    if pointer == ("office", "internet"):
        return _text(rec.get("office", "email")) or _text(rec.get("office", "website"))
    value = rec.get(*pointer)
    if pointer == ("classification",):
        return isinstance(value, list) and any(isinstance(c, dict) and _text(c.get("name")) for c in value)
    return _text(value)


@rule(
    "GDE002", "error",
    title=("政府信息公开指南内容不全", "Disclosure guide incomplete"),
    message=("政府信息公开指南缺少{missing}", "the disclosure guide lacks {missing_en}"),
    basis=BASIS_12,
    hint=("在 guide.yaml 中补全《条例》第十二条规定的内容；工作机构名称不写时取 govdisc.yaml 中的机关名称和 office 部门名称。",
          "Fill in what Art. 12 requires in guide.yaml; the office's name defaults to the agency and the office "
          "department in govdisc.yaml."),
    bad="updated: 2025-03-01\noffice: {phone: 0871-1234567}",
    good="updated: 2025-03-01\noffice: {address: 云岭市……, hours: 工作日9:00—17:30, phone: 0871-1234567, fax: 无, "
         "email: xxgk@example.gov.cn}\nclassification: [{name: 机关职能}]\narrangement: 按主题分类\n"
         "obtaining: {proactive: 门户网站, on_request: 向局办公室提出申请}",
    clauses=("条例第12条",),
)
def guide_incomplete(ctx: Context) -> Iterator[Hit]:
    rec = guide_record(ctx)
    if rec is None:
        return
    missing = [(zh, en) for pointer, zh, en in _CONTENTS if not _present(rec, pointer)]
    if missing:
        yield hit(rec, (), anchor="parent", missing="、".join(z for z, _ in missing),
                  missing_en=", ".join(e for _, e in missing))


# -- contact data and its history --------------------------------------------------------------


def contact_of(guide: Any, config: Any) -> tuple:
    """The contact data a guide states: its office block, and the agency and office department
    names in govdisc.yaml (the office name's default)."""
    office = guide.get("office") if isinstance(guide, dict) else None
    office = office if isinstance(office, dict) else {}
    cfg = config if isinstance(config, dict) else {}
    office_id = cfg.get("office")
    dept_name = next((d.get("name") for d in cfg.get("departments") or [] if isinstance(d, dict)
                      and d.get("id") == office_id), None) if isinstance(cfg.get("departments"), list) else None
    return tuple(_norm(office.get(k)) for k in OFFICE_KEYS) + (_norm(cfg.get("agency")), _norm(dept_name))


def _norm(value: Any) -> str:
    return "".join(value.split()) if isinstance(value, str) else ("" if value is None else str(value))


def _at(root, rev: str, name: str, limit: int) -> Any:
    """A file's data at a revision (None when it does not exist there or cannot be read)."""
    try:
        text = run_git(root, "show", f"{rev}:./{name}", timeout=20)
    except GitError:
        return None
    if len(text.encode("utf-8", "replace")) > limit:
        return None
    data, err = load_text(text)
    return data if err is None else None


def _contact_at(root, rev: str, limit: int) -> tuple | None:
    """The contact data at a revision; None when the guide did not exist then (adding the guide
    is not a change of its contact data)."""
    guide = _at(root, rev, GUIDE, limit)
    if guide is None:
        return None
    return contact_of(guide, _at(root, rev, "govdisc.yaml", limit))


def contact_changed_after(root, updated: date, as_of: date, current: tuple, limit: int,
                          today: date | None = None) -> tuple[date, str] | None:
    """The latest change of the contact data after `updated` and on or before `as_of`: (date,
    commit), with "" for an uncommitted change (dated today). None when there is none, or no git."""
    try:
        log = run_git(root, "log", "-n", str(MAX_COMMITS), "--format=%H %P %cs", "--", GUIDE, "govdisc.yaml",
                      timeout=20)
    except GitError:
        return None
    today = today or date.today()
    try:
        head = run_git(root, "rev-parse", "--verify", "--quiet", "HEAD^{commit}", timeout=20).strip()
    except GitError:
        head = ""
    if head and updated < today <= as_of:
        before = _contact_at(root, head, limit)
        if before is not None and before != current:
            return today, ""
    for line in log.splitlines():
        parts = line.split()
        if len(parts) < 3:
            continue  # the first commit: nothing changed, everything was added
        sha, parent, day = parts[0], parts[1], parse_date(parts[-1])
        if day is None or day <= updated:
            break  # log order is newest first: older commits cannot be after `updated`
        if day > as_of:
            continue
        before = _contact_at(root, parent, limit)
        if before is not None and _contact_at(root, sha, limit) != before:
            return day, sha
    return None


@rule(
    "GDE003", "error",
    title=("联系方式变更后指南未更新", "Contact data changed but the guide was not updated"),
    message=("政府信息公开工作机构的联系方式于 {changed} 变更（{where}），但指南的更新日期（updated）仍为 {updated}",
             "the disclosure office's contact data changed on {changed} ({where_en}), but the guide's `updated` "
             "is still {updated}"),
    basis=BASIS_12 + BASIS_53,
    hint=("核对 guide.yaml 中的工作机构名称、地址、办公时间、电话、传真、互联网联系方式，把 updated 改为变更之日，"
          "并用 govdisc guide 重新生成指南在门户网站公布（published）。",
          "Check the office's contact data in guide.yaml, set `updated` to the day of the change, and republish "
          "the guide (govdisc guide; published)."),
    bad="# 提交中修改了 office.phone，updated 未改\nupdated: 2025-03-01\noffice: {phone: 0871-7654321}",
    good="updated: 2025-09-15\noffice: {phone: 0871-7654321}\npublished: {date: 2025-09-16, url: \"https://example.gov.cn/zn.html\"}",
    clauses=("条例第12条", "条例第53条"),
)
@volatile("guide", "config")  # git history and today's date: run again on every check
def contact_changed(ctx: Context) -> Iterator[Hit]:
    rec = guide_record(ctx)
    updated = parse_date(rec.data.get("updated")) if rec is not None else None
    if rec is None or updated is None:
        return
    cfg = ctx.config_record.data if ctx.config_record is not None else {}
    found = contact_changed_after(ctx.root, updated, ctx.as_of, contact_of(rec.data, cfg), ctx.config.max_file_bytes)
    if found is None:
        return
    day, sha = found
    where, where_en = (f"提交 {sha[:12]}", f"commit {sha[:12]}") if sha else ("尚未提交的修改", "uncommitted change")
    yield hit(rec, ("updated",), changed=day.isoformat(), updated=updated.isoformat(), where=where, where_en=where_en)


@rule(
    "GDE004", "warning",
    title=("更新后的指南未重新公布", "Updated guide not republished"),
    message=("政府信息公开指南于 {updated} 更新，{problem}", "the guide was updated on {updated}, {problem_en}"),
    basis=BASIS_12 + "（编制、公布的指南应当及时更新）",
    hint=("用 `govdisc guide --format html -o guide.html` 生成指南在门户网站公布，在 guide.yaml 的 published 中写明公布日期和网址。",
          "Render the guide with `govdisc guide`, publish it, and record published {date, url} in guide.yaml."),
    bad="updated: 2025-09-15\npublished: {date: 2025-03-02, url: \"https://example.gov.cn/zn.html\"}",
    good="updated: 2025-09-15\npublished: {date: 2025-09-16, url: \"https://example.gov.cn/zn.html\"}",
    clauses=("条例第12条",),
)
def guide_not_republished(ctx: Context) -> Iterator[Hit]:
    rec = guide_record(ctx)
    updated = parse_date(rec.data.get("updated")) if rec is not None else None
    if rec is None or updated is None or updated >= ctx.as_of:
        return
    pub = parse_date(rec.get("published", "date"))
    if pub is not None and pub > ctx.as_of:
        pub = None
    if pub is None:
        yield hit(rec, ("published",) if isinstance(rec.data.get("published"), dict) else (), anchor="parent",
                  updated=updated.isoformat(), problem="但没有公布记录（published.date）",
                  problem_en="but no publication is recorded (published.date)")
    elif pub < updated:
        yield hit(rec, ("published", "date"), updated=updated.isoformat(),
                  problem=f"但最近一次公布在 {pub}，更新后尚未重新公布", problem_en=f"but it was last published on {pub}")
