"""DOC: official documents — 发文字号, disclosure attribute, withholding, reviews, publication, interpretation."""

from __future__ import annotations

import re
from datetime import date
from typing import Any, Iterator, NamedTuple

from govdisc.deadlines.common import pdate
from govdisc.model import Obligation, Record
from govdisc.codes import Hit, hit, rule
from govdisc.deadlines.yearend import record_year
from govdisc.rules.context import Context
from govdisc.rules.engine import per_record

#: Disclosure attributes (此件公开发布 / 此件不公开 / 此件依申请公开 / 此件删减后公开).
PROACTIVE = ("public", "redacted")
WITHHELD = ("not_public", "on_request", "redacted")  # 须依法依规说明（不全部公开的）理由
NOT_PUBLISHED = ("not_public", "on_request")
POLICY_KINDS = ("regulation", "normative", "policy")  # 政策性文件（含规章、规范性文件）
REPEALABLE = ("regulation", "normative")

DISCLOSURE_ZH = {"public": "此件公开发布", "not_public": "此件不公开", "on_request": "此件依申请公开",
                 "redacted": "此件删减后公开"}
KIND_ZH = {"regulation": "规章", "normative": "行政规范性文件", "policy": "政策性文件", "notice": "通知",
           "report": "报告请示", "internal": "内部文件", "other": "其他公文"}


def _d(rec: Record, *keys: Any) -> date | None:
    return pdate(rec.get(*keys))


def _approved(rec: Record) -> tuple[date | None, str]:
    """The 发文审批 date (`approved`, defaulting to `formed`) and the key it came from."""
    a = _d(rec, "approved")
    if a is not None:
        return a, "approved"
    return _d(rec, "formed"), "formed"


def _missing_at(rec: Record, *keys: Any) -> tuple[tuple, str]:
    """Pointer and anchor for a missing key: the key itself, placed by the locator on its line
    when it is there but blank, else at the deepest mapping on the way to it. A schema finding
    at the same pointer (a rejected value) then stands for both (check.one_per_mistake)."""
    return tuple(keys), "missing"


def _disclosure(rec: Record) -> str | None:
    v = rec.data.get("disclosure")
    return v if isinstance(v, str) else None


# ---------------------------------------------------------------------------------------------
# 发文字号 (GB/T 9704-2012 §7.2.5)
# ---------------------------------------------------------------------------------------------


class Problem(NamedTuple):
    """One defect of a 发文字号: a stable code, Chinese and English wording, whether it can be fixed."""

    code: str
    zh: str
    en: str
    fixable: bool = True


_OPEN = "〔[［【(（〈〈<＜《{｛﹝〖〘⦅"
_CLOSE = "〕]］】)）〉〉>＞》}｝﹞〗〙⦆"
_YEAR_IN_BRACKETS = re.compile(
    rf"([{re.escape(_OPEN)}])\s*(\d{{2,4}})\s*(年?)\s*([{re.escape(_CLOSE)}])")
_YEAR_BARE = re.compile(r"(?<!\d)(\d{4})年")
_TAIL = re.compile(r"^(字)?(第)?(\d+)(号)?(.*)$", re.S)
_ORDER = re.compile(r"令\s*第\s*[0-9０-９]+\s*号\s*$")  # 命令（令）号: …令第N号
_FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
_WELL_FORMED = re.compile(r"^(.+)〔(\d{4})〕([1-9]\d*)号$")
#: `\s` is str.isspace's set (both Py_UNICODE_ISSPACE); one search instead of a loop per character
_SPACE = re.compile(r"\s")


def is_order_number(s: str) -> bool:
    """…令第N号 (命令（令）的编号, GB/T 9704 §10.2) is exempt from the 〔年份〕 form."""
    return bool(_ORDER.search(s))


def doc_no_year(s: str) -> int | None:
    """The year of a well-formed 发文字号, else None."""
    m = _WELL_FORMED.match(s)
    return int(m.group(2)) if m else None


def _full_year(yy: int, current_year: int) -> int:
    return 1900 + yy if yy > current_year % 100 else 2000 + yy


def fix_doc_no(s: str, current_year: int | None = None) -> tuple[str, list[Problem]]:
    """Check a 发文字号 against GB/T 9704-2012 §7.2.5 and return (fixed form, problems).

    The form is 机关代字〔四位年份〕顺序号号: hexagonal brackets U+3014/U+3015 around the year,
    the year in full, no 第 and no leading zero before the sequence number, 号 after it, and
    nothing (字, 第) inserted between the parts. A two-digit year becomes 20YY, or 19YY when
    YY is later than the current year's last two digits. 令 numbers (…令第N号) are exempt.

    Returns (s, []) for a correct number. When some problem cannot be fixed mechanically
    (no year found, a three-digit year, no sequence number, …) the original string is returned
    with the problems, so `fixed == s` while `problems` is not empty means "rewrite by hand".
    """
    if not isinstance(s, str):
        return s, []
    if current_year is None:
        current_year = date.today().year
    if is_order_number(s):
        return s, []
    problems: list[Problem] = []
    t = s
    if _SPACE.search(t):
        problems.append(Problem("spaces", "发文字号中不应有空格", "no spaces inside the number"))
        t = "".join(t.split())
    converted = t.translate(_FULLWIDTH_DIGITS)
    if converted != t:
        problems.append(Problem("fullwidth_digits", "年份、顺序号应使用半角阿拉伯数字",
                                "the year and sequence number take ASCII digits"))
        t = converted

    m = _YEAR_IN_BRACKETS.search(t)
    if m:
        code, opening, year, nian, closing, rest = (t[:m.start()], m.group(1), m.group(2), m.group(3),
                                                    m.group(4), t[m.end():])
        if opening != "〔" or closing != "〕":
            problems.append(Problem("brackets", "年份应以六角括号〔〕括入",
                                    f"the year goes in hexagonal brackets 〔〕, not {opening}{closing}"))
        if nian:
            problems.append(Problem("year_nian", "年份后不加“年”字", "no 年 after the year"))
    else:
        m = _YEAR_BARE.search(t)
        if not m:
            problems.append(Problem("unparsed", "未找到用六角括号〔〕括入的四位年份",
                                    "no year in hexagonal brackets 〔〕 found", fixable=False))
            return s, problems
        code, year, rest = t[:m.start()], m.group(1), t[m.end():]
        problems.append(Problem("brackets", "年份应以六角括号〔〕括入", "the year goes in hexagonal brackets 〔〕"))

    if not code:
        problems.append(Problem("no_code", "缺少发文机关代字", "the issuing agency's code is missing", fixable=False))
    if len(year) == 2:
        full = _full_year(int(year), current_year)
        problems.append(Problem("short_year", f"年份应标全称（{year} 应为 {full}）",
                                f"the year must be written in full ({year} → {full})"))
        year = str(full)
    elif len(year) != 4:
        problems.append(Problem("bad_year", f"年份 {year} 应为四位数字", f"the year {year} must have four digits",
                                fixable=False))

    tm = _TAIL.match(rest)
    if not tm:
        problems.append(Problem("no_seq", "年份后缺少发文顺序号", "no sequence number after the year", fixable=False))
        return s, problems
    zi, di, seq, hao, tail = tm.groups()
    if zi:
        problems.append(Problem("zi", "年份与顺序号之间不应插入“字”", "no 字 between the year and the sequence number"))
    if di:
        problems.append(Problem("di", "发文顺序号不加“第”字", "the sequence number takes no 第"))
    n = seq.lstrip("0")
    if not n:
        problems.append(Problem("zero_seq", f"发文顺序号 {seq} 无效", f"the sequence number {seq} is not valid",
                                fixable=False))
    elif n != seq:
        problems.append(Problem("leading_zero", f"发文顺序号不编虚位（{seq} 应为 {n}）",
                                f"no leading zero in the sequence number ({seq} → {n})"))
    if not hao:
        if tail:
            problems.append(Problem("tail", f"顺序号后应为“号”字，而不是“{tail}”",
                                    f"the sequence number must be followed by 号, not '{tail}'", fixable=False))
        else:
            problems.append(Problem("no_hao", "发文顺序号后应加“号”字", "号 must follow the sequence number"))
    elif tail:
        problems.append(Problem("tail", f"“号”字后不应有其他文字（{tail}）",
                                f"nothing may follow 号 ('{tail}')"))

    if not problems:
        return s, []
    if not all(p.fixable for p in problems):
        return s, problems
    return f"{code}〔{year}〕{n}号", problems


@rule(
    "DOC001", "error",
    title=("发文字号不符合 GB/T 9704 格式", "发文字号 not in GB/T 9704 form"),
    message=("发文字号 {doc_no} 不符合 GB/T 9704 格式：{problems}；{suggestion}",
             "发文字号 {doc_no} is not in GB/T 9704 form: {problems_en}; {suggestion_en}"),
    basis="GB/T 9704—2012《党政机关公文格式》7.2.5；《党政机关公文处理工作条例》第九条（五）",
    hint=("写作“机关代字〔四位年份〕顺序号号”：年份用六角括号〔〕（U+3014/U+3015，不是 [] 或 （）），"
          "年份写全称，顺序号不加“第”、不编虚位（1 不写作 01），后加“号”。令号（……令第N号）不受此限。"
          "同时改正申请、自查等处引用的同一发文字号。",
          "Write 机关代字〔YYYY〕N号: hexagonal brackets 〔〕 (U+3014/U+3015) around the full year, no 第, "
          "no leading zero, 号 at the end. 令 numbers (…令第N号) are exempt. Fix references to the number too."),
    bad="doc_no: 云新广办[2017]第0151号", good="doc_no: 云新广办〔2017〕151号",
    fixable=("括号改为〔〕、删去年份后的“年”、顺序号前的“第”和 0、多余的“字”、空格和全角数字，补“号”，"
             "并同时改正登记簿中引用该发文字号之处；两位年份（19 还是 20？）、“号”后的文字等需要推断的不自动修改",
             "brackets to 〔〕, no 年 after the year, no 第, 字 or leading zero, no spaces or full-width digits, "
             "号 added, and every reference to the number corrected with it; what needs a guess (a two-digit "
             "year: 19 or 20?, text after 号) is left to you"),
)
@per_record("document", as_of=True)
def doc_no_format(rec: Record, as_of: date) -> Iterator[Hit]:
    no = rec.data.get("doc_no")
    if not isinstance(no, str) or not no:
        return
    fixed, problems = fix_doc_no(no, as_of.year)
    if not problems:
        return
    if fixed != no:
        suggestion, suggestion_en = f"应为 {fixed}", f"should be {fixed}"
    else:
        suggestion = "请按“机关代字〔四位年份〕顺序号号”的形式改写"
        suggestion_en = "rewrite it as 机关代字〔YYYY〕N号"
    yield hit(rec, ("doc_no",), doc_no=no, fixed=fixed,
              problems="；".join(p.zh for p in problems), problems_en="; ".join(p.en for p in problems),
              suggestion=suggestion, suggestion_en=suggestion_en)


# ---------------------------------------------------------------------------------------------
# Withholding: reason, explanation, office pre-review
# ---------------------------------------------------------------------------------------------


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


@rule(
    "DOC002", "error",
    title=("不公开未写明法定理由", "Withheld without a legal reason code"),
    message=("公开属性为“{attr}”，但没有写明不公开的法定理由代码（withholding.reason）",
             "the disclosure attribute is '{attr_en}' but no legal reason code (withholding.reason) is given"),
    basis="《条例》第十四条至第十六条；《实施办法》二（四）1“拟不公开的，要依法依规说明理由”",
    hint=("在 withholding.reason 中填写理由代码：state_secret、law_prohibited、security_stability、"
          "third_party_rights、internal_affairs、process_info、enforcement_file、administrative_query；"
          "找不到适用的法定理由的，应改为 disclosure: public。",
          "Give withholding.reason (one of the exemption codes of Art. 14–16); if none applies, the document is public."),
    bad="disclosure: not_public\nwithholding:\n  explanation: 不宜公开",
    good="disclosure: not_public\nwithholding:\n  reason: process_info\n  explanation: 属于请示报告类过程性信息",
    clauses=("二(四)1", "条例第14条", "条例第15条", "条例第16条"),
)
@per_record("document")
def withheld_without_reason(rec: Record) -> Iterator[Hit]:
    attr = _disclosure(rec)
    if attr not in WITHHELD:
        return
    w = rec.data.get("withholding")
    if isinstance(w, dict) and not _blank(w.get("reason")):
        return
    pointer, anchor = _missing_at(rec, "withholding", "reason")
    yield hit(rec, pointer, anchor=anchor, attr=DISCLOSURE_ZH[attr], attr_en=attr)


@rule(
    "DOC003", "error",
    title=("不公开未说明理由", "Withheld without an explanation"),
    message=("公开属性为“{attr}”，但没有用文字说明不公开的理由（withholding.explanation）",
             "the disclosure attribute is '{attr_en}' but the reason is not explained (withholding.explanation)"),
    basis="《实施办法》二（四）1：拟不公开的，要依法依规说明理由",
    hint=("在 withholding.explanation 中写明适用理由的具体情况，例如“属于向上级机关的请示，属于过程性信息”；"
          "只写理由代码不足以说明理由。",
          "Explain in withholding.explanation why the exemption applies to this document, in a sentence."),
    bad="disclosure: on_request\nwithholding:\n  reason: third_party_rights",
    good="disclosure: on_request\nwithholding:\n  reason: third_party_rights\n  explanation: 含申请企业的商业秘密，公开须征求第三方意见",
    clauses=("二(四)1",),
)
@per_record("document")
def withheld_without_explanation(rec: Record) -> Iterator[Hit]:
    attr = _disclosure(rec)
    if attr not in WITHHELD:
        return
    w = rec.data.get("withholding")
    if isinstance(w, dict) and not _blank(w.get("explanation")):
        return
    pointer, anchor = _missing_at(rec, "withholding", "explanation")
    yield hit(rec, pointer, anchor=anchor, attr=DISCLOSURE_ZH[attr], attr_en=attr)


@rule(
    "DOC004", "error",
    title=("拟不公开的政策性文件未经办公室事先审查", "Withheld policy document without prior office review"),
    message=("拟“{attr}”的{kind}{problem}", "{kind_en} marked '{attr_en}': {problem_en}"),
    basis="《实施办法》二（四）1“对拟不公开的政策性文件，报批前应先送局办公室审查”（拟不公开：此件不公开、此件依申请公开；"
          "此件删减后公开属于公开，不在此列）",
    hint=("报批前将公开属性送局办公室审查，并在 withholding.office_review 中记录 {date: 审查日期, by: 局办公室}；"
          "审查日期不得晚于发文审批日期（approved，未填时为 formed）。删减后公开的文件不要求事先审查，但仍须说明删减理由。",
          "Have the office review the attribute before approval and record withholding.office_review "
          "{date, by}; the review date must not be after `approved` (or `formed`)."),
    bad="kind: policy\napproved: 2024-03-01\ndisclosure: not_public\nwithholding:\n  reason: process_info\n"
        "  explanation: 属于内部研究过程中的过程稿\n  office_review: {date: 2024-03-05, by: 局办公室}",
    good="kind: policy\napproved: 2024-03-01\ndisclosure: not_public\nwithholding:\n  reason: process_info\n"
         "  explanation: 属于内部研究过程中的过程稿\n  office_review: {date: 2024-02-28, by: 局办公室}",
    clauses=("二(四)1",),
)
@per_record("document")
def policy_without_office_review(rec: Record) -> Iterator[Hit]:
    attr, kind = _disclosure(rec), rec.data.get("kind")
    if attr not in NOT_PUBLISHED or kind not in POLICY_KINDS:
        return  # 删减后公开 is published: not "拟不公开" in the seed's words
    params = dict(attr=DISCLOSURE_ZH[attr], attr_en=attr, kind=KIND_ZH[kind], kind_en=kind)
    review = rec.get("withholding", "office_review")
    if not isinstance(review, dict):
        pointer, anchor = _missing_at(rec, "withholding", "office_review")
        yield hit(rec, pointer, anchor=anchor, **params,
                  problem="没有报批前送局办公室审查的记录（withholding.office_review）",
                  problem_en="no record of the office's review before approval (withholding.office_review)")
        return
    rd = pdate(review.get("date"))
    if rd is None:
        yield hit(rec, ("withholding", "office_review"), anchor="parent", **params,
                  problem="的局办公室审查记录没有审查日期，无法确认是否在报批前审查",
                  problem_en="the office review has no date, so review before approval cannot be shown")
        return
    approved, key = _approved(rec)
    if approved is not None and rd > approved:
        what = "发文审批日期" if key == "approved" else "形成日期"
        yield hit(rec, ("withholding", "office_review", "date"), **params,
                  problem=f"，局办公室审查日期 {rd} 晚于{what} {approved}，应在报批前审查",
                  problem_en=f"the office reviewed it on {rd}, after approval on {approved}; "
                             f"the review must come before approval")


# ---------------------------------------------------------------------------------------------
# Publication (Art. 26) and secrecy review (Art. 17)
# ---------------------------------------------------------------------------------------------


def _obligations(ctx: Context, name: str, statuses: tuple[str, ...]) -> Iterator[tuple[Obligation, Record]]:
    """A document clock's obligations in these statuses, with their records, in register order.

    ctx.obligations lists each record's clocks in record order, which is the order a loop over
    the documents would give; walking it once is cheaper than looking up 45 000 documents.
    """
    for ob in ctx.obligations:
        if ob.kind == "document" and ob.obligation == name and ob.status in statuses:
            rec = ctx.record_at(ob.path)
            if rec is not None and rec.kind == "document":
                yield ob, rec


def _start(rec: Record) -> tuple[date | None, str]:
    """The Art. 26 clock's start: the latest change on or after formation, else formation."""
    formed, changed = _d(rec, "formed"), _d(rec, "changed")
    if changed is not None and (formed is None or changed >= formed):
        return changed, "changed"
    return formed, "formed"


@rule(
    "DOC005", "error",
    title=("未在20个工作日内主动公开", "Not published within 20 working days"),
    message=("主动公开期限为 {due}（自{start_what} {start} 起20个工作日）{detail}",
             "publication was due by {due} (20 working days after the {start_what_en} {start}){detail_en}"),
    basis="《条例》第二十六条“自该政府信息形成或者变更之日起20个工作日内及时公开”",
    hint=("在门户网站等渠道公开后，于 published 中记录 {date, channel, url}；已经公开的，核对发布日期。"
          "法律、法规另有公开期限的，在本条记录上注明忽略理由。",
          "Publish it and record published {date, channel, url}; if it was published, check the date. "
          "Where a law sets another period, suppress this finding with the reason."),
    bad="formed: 2024-03-01\ndisclosure: public\npublished: {date: 2024-04-15, channel: 门户网站}",
    good="formed: 2024-03-01\ndisclosure: public\npublished: {date: 2024-03-05, channel: 门户网站}",
    clauses=("条例第26条",),
)
def publication_late(ctx: Context) -> Iterator[Hit]:
    cal = ctx.calendar
    for ob, rec in _obligations(ctx, "publication", ("late", "overdue")):
        due = pdate(ob.due)
        start, key = _start(rec)
        if due is None or start is None:
            continue
        params = dict(due=ob.due, start=start.isoformat(),
                      start_what="形成之日" if key == "formed" else "变更之日",
                      start_what_en="formation" if key == "formed" else "change")
        note, note_en = ("（期限为暂定）", " (provisional deadline)") if ob.provisional else ("", "")
        pub = _d(rec, "published", "date")
        if ob.status == "late":
            met = pdate(ob.met_on) or pub
            late = cal.between(due, met) if met else 0
            yield hit(rec, ("published", "date"), **params,
                      detail=f"，实际于 {met} 公开，晚 {late} 个工作日{note}",
                      detail_en=f"; it was published on {met}, {late} working day(s) late{note_en}")
            continue
        late = cal.between(due, ctx.as_of)
        if pub is not None:  # published before the change: the changed version is not out yet
            yield hit(rec, ("published", "date"), **params,
                      detail=f"，变更后截至 {ctx.as_of} 尚未重新公开（上次公开 {pub}），已逾期 {late} 个工作日{note}",
                      detail_en=f"; after the change it is not republished as of {ctx.as_of} "
                                f"(last published {pub}), {late} working day(s) overdue{note_en}")
        else:
            pointer, anchor = _missing_at(rec, "published", "date")
            yield hit(rec, pointer, anchor=anchor, **params,
                      detail=f"，截至 {ctx.as_of} 尚未公开，已逾期 {late} 个工作日{note}",
                      detail_en=f"; not published as of {ctx.as_of}, {late} working day(s) overdue{note_en}")


@rule(
    "DOC006", "error",
    title=("公开前未经保密审查", "Published without a prior secrecy review"),
    message=("公文已于 {published} 公开，{problem}", "published on {published}, {problem_en}"),
    basis="《条例》第十七条；《实施办法》二（四）4“严格落实公开前保密审查机制”、三（十）“对拟公开的政府信息，依法依规做好保密审查”",
    hint=("公开前依照保守国家秘密法进行保密审查，并在 secrecy_review 中记录 {date: 审查日期, by: 审查部门}；"
          "审查日期不得晚于公开日期。",
          "Review for state secrets before publication and record secrecy_review {date, by}, "
          "dated on or before the publication date."),
    bad="published: {date: 2024-03-05, channel: 门户网站}\nsecrecy_review: {date: 2024-03-08, by: 局办公室}",
    good="published: {date: 2024-03-05, channel: 门户网站}\nsecrecy_review: {date: 2024-03-04, by: 局办公室}",
    clauses=("二(四)4", "三(十)", "条例第17条"),
)
@per_record("document")
def published_without_secrecy_review(rec: Record) -> Iterator[Hit]:
    pub = _d(rec, "published", "date")
    if pub is None:
        return
    review = rec.data.get("secrecy_review")
    if not isinstance(review, dict):
        yield hit(rec, (), anchor="parent", published=pub.isoformat(),
                  problem="但没有保密审查记录（secrecy_review）",
                  problem_en="but there is no secrecy review (secrecy_review)")
        return
    rd = pdate(review.get("date"))
    if rd is None:
        yield hit(rec, ("secrecy_review",), anchor="parent", published=pub.isoformat(),
                  problem="但保密审查记录没有审查日期，无法确认是否在公开前审查",
                  problem_en="but the secrecy review has no date, so review before publication cannot be shown")
    elif rd > pub:
        yield hit(rec, ("secrecy_review", "date"), published=pub.isoformat(),
                  problem=f"但保密审查日期 {rd} 晚于公开日期，应在公开前审查",
                  problem_en=f"but the secrecy review is dated {rd}, after publication")


# ---------------------------------------------------------------------------------------------
# Interpretation (三同步, seed 二（五）1)
# ---------------------------------------------------------------------------------------------


@rule(
    "DOC007", "error",
    title=("重要政策未同步报批解读方案", "Important policy without an interpretation plan approved with it"),
    message=("重要政策{problem}", "important policy: {problem_en}"),
    basis="《实施办法》二（五）1“政策文件、解读方案与解读材料同步起草、同步审批、同步发布”，"
          "“牵头起草部门要将文件起草和解读方案一并报批”",
    hint=("起草文件时同步起草解读方案，随文件一并报批，并在 interpretation.plan_approved 中记录报批日期"
          "（不晚于文件的发文审批日期 approved，未填时为 formed）。",
          "Draft the interpretation plan with the document, submit both together and record "
          "interpretation.plan_approved (not after `approved`, or `formed`)."),
    bad="important_policy: true\nformed: 2024-03-01\ninterpretation:\n  plan_approved: 2024-03-10",
    good="important_policy: true\nformed: 2024-03-01\ninterpretation:\n  plan_approved: 2024-03-01",
    clauses=("二(五)1",),
)
@per_record("document")
def important_policy_without_plan(rec: Record) -> Iterator[Hit]:
    if rec.data.get("important_policy") is not True:
        return
    plan = _d(rec, "interpretation", "plan_approved")
    if plan is None:
        raw = rec.get("interpretation", "plan_approved")
        if raw is not None:
            return  # a malformed date: the schema reports it
        pointer, anchor = _missing_at(rec, "interpretation", "plan_approved")
        yield hit(rec, pointer, anchor=anchor,
                  problem="没有随文件一并报批的解读方案（interpretation.plan_approved）",
                  problem_en="no interpretation plan approved with the document (interpretation.plan_approved)")
        return
    approved, key = _approved(rec)
    if approved is not None and plan > approved:
        what = "发文审批日期" if key == "approved" else "形成日期"
        yield hit(rec, ("interpretation", "plan_approved"),
                  problem=f"的解读方案于 {plan} 报批，晚于文件{what} {approved}，未做到同步审批",
                  problem_en=f"the interpretation plan was approved on {plan}, after the document on {approved}")


@rule(
    "DOC008", "error",
    title=("解读材料未在文件公开后3个工作日内发布", "Interpretation later than 3 working days after publication"),
    message=("文件于 {published} 公开，解读材料应于 {due} 前发布{detail}",
             "the document was published on {published}; interpretation was due by {due}{detail_en}"),
    basis="《实施办法》二（五）1“有关解读材料按照要求于文件公开后3个工作日内在政府门户网站发布”",
    hint=("在门户网站“政策解读”专栏发布解读材料，并在 interpretation.materials 中记录 {title, form, published}。",
          "Publish the interpretation on the portal and record it in interpretation.materials."),
    bad="important_policy: true\npublished: {date: 2024-03-05}\ninterpretation:\n  plan_approved: 2024-03-01\n"
        "  materials:\n    - {title: 图解……, form: graphic, published: 2024-03-15}",
    good="important_policy: true\npublished: {date: 2024-03-05}\ninterpretation:\n  plan_approved: 2024-03-01\n"
         "  materials:\n    - {title: 图解……, form: graphic, published: 2024-03-06}",
    clauses=("二(五)1",),
)
def interpretation_late(ctx: Context) -> Iterator[Hit]:
    cal = ctx.calendar
    for ob, rec in _obligations(ctx, "interpretation", ("late", "overdue")):
        due, pub = pdate(ob.due), _d(rec, "published", "date")
        if due is None or pub is None:
            continue
        note, note_en = ("（期限为暂定）", " (provisional deadline)") if ob.provisional else ("", "")
        if ob.status == "late":
            met = pdate(ob.met_on)
            pointer: tuple = ("interpretation", "materials")
            materials = rec.get("interpretation", "materials", default=[])
            if isinstance(materials, list):
                for i, m in enumerate(materials):
                    if isinstance(m, dict) and pdate(m.get("published")) == met:
                        pointer = ("interpretation", "materials", i, "published")
                        break
            late = cal.between(due, met) if met else 0
            yield hit(rec, pointer, published=pub.isoformat(), due=ob.due,
                      detail=f"，首份解读材料于 {met} 发布，晚 {late} 个工作日{note}",
                      detail_en=f"; the first material came out on {met}, {late} working day(s) late{note_en}")
        else:
            late = cal.between(due, ctx.as_of)
            pointer, anchor = _missing_at(rec, "interpretation", "materials")
            yield hit(rec, pointer, anchor=anchor, published=pub.isoformat(), due=ob.due,
                      detail=f"，截至 {ctx.as_of} 尚无已发布的解读材料，已逾期 {late} 个工作日{note}",
                      detail_en=f"; none is published as of {ctx.as_of}, {late} working day(s) overdue{note_en}")


# ---------------------------------------------------------------------------------------------
# Catalog membership, contradictions
# ---------------------------------------------------------------------------------------------


def _doc_year(rec: Record) -> int | None:
    formed = _d(rec, "formed")
    return formed.year if formed else record_year(rec)


@rule(
    "DOC009", "warning",
    title=("主动公开的公文未归入本部门目录事项", "Public document not in its department's catalog"),
    message=("主动公开的公文{problem}", "public document: {problem_en}"),
    basis="《实施办法》二（四）3“建立健全主动公开目录……明确各领域‘五公开’的主体、内容、时限、方式”；《条例》第十二条",
    hint=("在 catalog_item 中填写本部门当年度主动公开基本目录（catalog/<部门>/<年度>.yaml）中的事项编号；"
          "目录中没有合适事项的，先在目录中增加事项（动态更新）。",
          "Set catalog_item to an item of the department's catalog for the year; add an item to the catalog if none fits."),
    bad="department: bgs\nformed: 2024-03-01\ndisclosure: public\n# 没有 catalog_item",
    good="department: bgs\nformed: 2024-03-01\ndisclosure: public\ncatalog_item: BGS-03",
    clauses=("二(四)3", "条例第12条"),
)
def public_document_outside_catalog(ctx: Context) -> Iterator[Hit]:
    known = ctx.all_catalog_item_ids
    catalogs = ctx.catalog_items
    for rec in ctx.kind("document"):
        if _disclosure(rec) not in PROACTIVE:
            continue
        dept, year = rec.data.get("department"), _doc_year(rec)
        item = rec.data.get("catalog_item")
        if item is None:
            yield hit(rec, (), anchor="parent",
                      problem="没有归入主动公开基本目录事项（catalog_item）",
                      problem_en="it belongs to no catalog item (catalog_item)")
            continue
        if not isinstance(item, str) or item not in known or not isinstance(dept, str) or year is None:
            continue  # malformed (schema) or unknown everywhere (REG010)
        items = catalogs.get((dept, year))
        if items is None or item in items:
            continue  # no catalog of the department for that year: CAT001 reports the missing catalog
        owners = sorted(f"catalog/{d}/{y}.yaml" for (d, y), its in catalogs.items() if item in its)
        where = "、".join(owners[:3])
        yield hit(rec, ("catalog_item",),
                  problem=f"所属目录事项 {item} 不在主办部门 {dept} 的 {year} 年度目录中（见于 {where}）",
                  problem_en=f"catalog item {item} is not in the {year} catalog of department {dept} (it is in {where})")


@rule(
    "DOC010", "error",
    title=("不公开的公文却有公开发布记录", "Withheld document with a publication record"),
    message=("公开属性为“{attr}”，却记录了公开发布（published）", "the attribute is '{attr_en}' but a publication is recorded"),
    basis="《实施办法》二（四）1（公开属性随公文一并报批）；《条例》第十四条至第十六条",
    hint=("若公文确已公开，将公开属性改为 public（或 redacted）并删除不公开理由；若未公开，删除 published。"
          "转为公开的，按规定重新报批公开属性。",
          "If it was published, change the attribute to public (or redacted); otherwise delete `published`."),
    bad="disclosure: not_public\npublished: {date: 2024-03-05, channel: 门户网站}",
    good="disclosure: not_public\nwithholding:\n  reason: process_info\n  explanation: 属于请示报告类过程性信息",
    clauses=("二(四)1",),
)
@per_record("document")
def withheld_but_published(rec: Record) -> Iterator[Hit]:
    attr = _disclosure(rec)
    if attr in NOT_PUBLISHED and rec.data.get("published") is not None:
        yield hit(rec, ("published",), anchor="key", attr=DISCLOSURE_ZH[attr], attr_en=attr)


@rule(
    "DOC011", "warning",
    title=("废止日期可疑", "Questionable repeal date"),
    message=("废止日期 {repealed}：{problem}", "repeal date {repealed}: {problem_en}"),
    basis="《条例》第二十条第（一）项；年度报告“第二十条第（一）项”表（本年废止件数、现行有效件数）",
    hint=("废止日期只用于规章和行政规范性文件（kind: regulation / normative），且不能早于形成日期；"
          "核对文件种类和日期。",
          "`repealed` applies to regulations and normative documents only and cannot precede `formed`."),
    bad="kind: notice\nformed: 2024-03-01\nrepealed: 2023-12-31",
    good="kind: normative\nformed: 2024-03-01\nrepealed: 2025-06-30",
    clauses=("条例第20条",),
)
@per_record("document")
def questionable_repeal(rec: Record) -> Iterator[Hit]:
    repealed = _d(rec, "repealed")
    if repealed is None:
        return
    kind = rec.data.get("kind")
    if isinstance(kind, str) and kind not in REPEALABLE:
        yield hit(rec, ("repealed",), repealed=repealed.isoformat(),
                  problem=f"只有规章、行政规范性文件才登记废止，本件为{KIND_ZH.get(kind, kind)}",
                  problem_en=f"only regulations and normative documents are repealed; this is '{kind}'")
    formed = _d(rec, "formed")
    if formed is not None and repealed < formed:
        yield hit(rec, ("repealed",), repealed=repealed.isoformat(),
                  problem=f"早于形成日期 {formed}", problem_en=f"before the document was formed on {formed}")


@rule(
    "DOC012", "warning",
    title=("公开发布的公文写有不公开理由", "Public document with withholding reasons"),
    message=("公开属性为“此件公开发布”，却写有不公开理由（withholding）",
             "the document is public but has a withholding block"),
    basis="《实施办法》二（四）1（公开属性与不公开理由一并报批）",
    hint=("确属全部公开的，删除 withholding；有删减的，改为 disclosure: redacted；不公开的，改正公开属性。",
          "Delete `withholding` if it is fully public; use `redacted` or `not_public` otherwise."),
    bad="disclosure: public\nwithholding:\n  reason: process_info",
    good="disclosure: public",
    clauses=("二(四)1",),
)
@per_record("document")
def public_with_withholding(rec: Record) -> Iterator[Hit]:
    if _disclosure(rec) == "public" and rec.data.get("withholding") is not None:
        yield hit(rec, ("withholding",), anchor="key")


@rule(
    "DOC013", "error",
    title=("规章、行政规范性文件未主动公开", "Regulation or normative document not public"),
    message=("{kind}的公开属性为“{attr}”；规章和行政规范性文件属于应当主动公开的政府信息",
             "a {kind_en} marked '{attr_en}': regulations and normative documents must be disclosed proactively"),
    basis="《条例》第二十条第（一）项；《实施办法》三（十）“加强规范性文件公开的审查”",
    hint=("将公开属性改为 public（个别内容依法不宜公开的，用 redacted 并说明删减理由）；"
          "确实不属于规章或规范性文件的，改正 kind（例如 internal、report）。",
          "Make it public (or redacted with reasons); if it is not really a regulation or normative document, fix `kind`."),
    bad="kind: normative\ndisclosure: not_public", good="kind: normative\ndisclosure: public",
    clauses=("三(十)", "条例第20条"),
)
@per_record("document")
def normative_not_public(rec: Record) -> Iterator[Hit]:
    attr, kind = _disclosure(rec), rec.data.get("kind")
    if kind in REPEALABLE and attr in NOT_PUBLISHED:
        yield hit(rec, ("disclosure",), attr=DISCLOSURE_ZH[attr], attr_en=attr, kind=KIND_ZH[kind], kind_en=kind)


@rule(
    "DOC014", "warning",
    title=("公文日期先后矛盾", "Document dates out of order"),
    message=("{what} {value} {problem}", "{what_en} {value} {problem_en}"),
    basis="《条例》第二十六条（自形成或者变更之日起计算公开期限）",
    hint=("核对日期：发文审批（approved）不晚于形成（formed），变更（changed）和公开发布（published.date）不早于形成。",
          "Check the dates: approved ≤ formed ≤ changed, and formed ≤ published.date."),
    bad="formed: 2024-03-01\npublished: {date: 2024-02-20}", good="formed: 2024-03-01\npublished: {date: 2024-03-05}",
    clauses=("条例第26条",),
)
@per_record("document")
def dates_out_of_order(rec: Record) -> Iterator[Hit]:
    formed = _d(rec, "formed")
    if formed is None:
        return
    approved, pub, changed = _d(rec, "approved"), _d(rec, "published", "date"), _d(rec, "changed")
    if approved is not None and approved > formed:
        yield hit(rec, ("approved",), what="发文审批日期", what_en="approval date", value=approved.isoformat(),
                  problem=f"晚于形成（签发）日期 {formed}", problem_en=f"is after the formation date {formed}")
    if changed is not None and changed < formed:
        yield hit(rec, ("changed",), what="变更日期", what_en="change date", value=changed.isoformat(),
                  problem=f"早于形成日期 {formed}", problem_en=f"is before the formation date {formed}")
    if pub is not None and pub < formed:
        yield hit(rec, ("published", "date"), what="公开发布日期", what_en="publication date",
                  value=pub.isoformat(),
                  problem=f"早于形成日期 {formed}", problem_en=f"is before the formation date {formed}")


@rule(
    "DOC015", "warning",
    title=("发文字号年份与形成日期不符", "Year of the 发文字号 differs from the formation date"),
    message=("发文字号 {doc_no} 的年份 {no_year} 与形成日期 {formed} 的年份不符",
             "the year {no_year} of 发文字号 {doc_no} differs from the formation date {formed}"),
    basis="《党政机关公文处理工作条例》第九条（五）“发文字号由发文机关代字、年份、发文顺序号组成”",
    hint=("发文字号的年份是签发（形成）的年份；核对发文字号或 formed 是否笔误。",
          "The year in the number is the year of signing; check doc_no or `formed` for a typo."),
    bad="doc_no: 云新广办〔2016〕151号\nformed: 2017-06-26", good="doc_no: 云新广办〔2017〕151号\nformed: 2017-06-26",
)
@per_record("document")
def doc_no_year_mismatch(rec: Record) -> Iterator[Hit]:
    no, formed = rec.data.get("doc_no"), _d(rec, "formed")
    if not isinstance(no, str) or formed is None:
        return
    year = doc_no_year(no)
    if year is not None and year != formed.year:
        yield hit(rec, ("doc_no",), doc_no=no, no_year=year, formed=formed.isoformat())


# ---------------------------------------------------------------------------------------------
# Normative-document clean-up (三(十)): results published, repeals recorded
# ---------------------------------------------------------------------------------------------

CLEANUP_DAYS = 20  # Art. 26: the results are government information formed on the clean-up date


def _cleanups(ctx: Context) -> Iterator[tuple[Record, int, dict, date]]:
    """Clean-up entries of the activities files with a readable date, on or before as-of."""
    for rec in ctx.kind("activities"):
        for i, e in enumerate(rec.seq("entries")):
            if isinstance(e, dict) and e.get("type") == "normative_cleanup":
                day = pdate(e.get("date"))
                if day is not None and day <= ctx.as_of:
                    yield rec, i, e, day


@rule(
    "DOC016", "error",
    title=("规范性文件清理结果未按时公开", "Clean-up results not published in time"),
    message=("行政规范性文件清理“{title}”于 {done} 完成，清理结果应于 {due} 前公开{detail}",
             "the clean-up “{title}” was completed on {done}; its results were due to be published by {due}{detail_en}"),
    basis="《实施办法》三（十）“做好规范性文件清理结果公开工作”；《条例》第二十条第（一）项、第二十六条（自形成之日起20个工作日内公开）",
    hint=("在门户网站公开清理结果（继续有效、修改、废止的文件目录），并在该活动记录的 published 中写明日期和网址。",
          "Publish the results (documents kept, amended and repealed) and record published {date, url} on the entry."),
    bad="  - date: 2024-11-01\n    type: normative_cleanup\n    title: 2024年行政规范性文件清理",
    good="  - date: 2024-11-01\n    type: normative_cleanup\n    title: 2024年行政规范性文件清理\n"
         "    published: {date: 2024-11-20, url: \"https://example.gov.cn/qlj.html\", secrecy_review: {date: 2024-11-18, by: 政策法规处}}",
    clauses=("三(十)", "条例第26条"),
)
def cleanup_not_published(ctx: Context) -> Iterator[Hit]:
    from govdisc.calendar import CalendarRangeError

    for rec, i, e, day in _cleanups(ctx):
        try:
            due = ctx.calendar.add(day, CLEANUP_DAYS)
        except (CalendarRangeError, OverflowError):
            continue
        pub = pdate(e.get("published", {}).get("date")) if isinstance(e.get("published"), dict) else None
        if pub is not None and pub > ctx.as_of:
            pub = None  # not yet known on the as-of date
        title = e.get("title") if isinstance(e.get("title"), str) else "规范性文件清理"
        params = dict(title=title, done=day.isoformat(), due=due.isoformat())
        if pub is None and ctx.as_of > due:
            yield hit(rec, ("entries", i), anchor="parent", **params, detail=f"，截至 {ctx.as_of} 尚未公开",
                      detail_en=f"; not published as of {ctx.as_of}")
        elif pub is not None and pub > due:
            yield hit(rec, ("entries", i, "published", "date"), **params, detail=f"，实际于 {pub} 公开",
                      detail_en=f"; they were published on {pub}")


@rule(
    "DOC017", "warning",
    title=("清理决定废止的文件没有废止日期", "Repealed in a clean-up but no repeal date"),
    message=("清理“{title}”决定废止 {doc_no}，但该公文记录没有废止日期（repealed）",
             "the clean-up “{title}” repealed {doc_no}, but the document record has no repeal date (repealed)"),
    basis="《实施办法》三（十）；《条例》第二十条第（一）项（年度报告“本年废止件数”“现行有效件数”据此计算）",
    hint=("在该公文记录中写 repealed（废止或宣布失效的日期），年度报告的废止件数和现行有效件数才会正确。",
          "Write `repealed` on the document record so that the annual report counts it as repealed."),
    bad="cleanup: {repealed: [云岭新广规〔2024〕2号]}\n# documents/… 中该文件没有 repealed",
    good="# documents/2024/ylxgg-2024-002.yaml\nrepealed: 2024-12-20",
    clauses=("三(十)",),
)
def cleanup_repeal_unrecorded(ctx: Context) -> Iterator[Hit]:
    for rec, i, e, _ in _cleanups(ctx):
        title = e.get("title") if isinstance(e.get("title"), str) else "规范性文件清理"
        for j, no in enumerate(rec.seq("entries", i, "cleanup", "repealed")):
            doc = ctx.documents_by_no.get(no) if isinstance(no, str) else None
            if doc is not None and pdate(doc.data.get("repealed")) is None:
                yield hit(rec, ("entries", i, "cleanup", "repealed", j), title=title, doc_no=no)
