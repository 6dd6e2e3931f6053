"""Labels of the national annual-report format (国办公开办函〔2021〕30号), verbatim, and the
mapping from register codes to its rows and columns.

Every string here is the official text (full-width brackets and punctuation, curly quotes in
3.危及“三安全一稳定”). Hand-entered tables (reports/<year>.yaml `applications_table`,
`reviews_table`) may be typed with half-width brackets, straight quotes, 、 or ， in the
（六） rows, a 1、 numbering, spaces, or the group label in front of a sub-row label
("（三）不予公开 1.属于国家秘密", "（三）不予公开/1.属于国家秘密"): `application_row()`,
`applicant_column()`, `review_group()` and `review_column()` map such spellings to the
official label, or return None.
"""

from __future__ import annotations

import re
import unicodedata
from typing import NamedTuple

FORMAT = "国办公开办函〔2021〕30号"

# -- §2.2 the six sections --------------------------------------------------------------------

SECTIONS: dict[str, str] = {
    "overview": "一、总体情况",
    "proactive": "二、主动公开政府信息情况",
    "applications": "三、收到和处理政府信息公开申请情况",
    "reviews": "四、政府信息公开行政复议、行政诉讼情况",
    "problems": "五、存在的主要问题及改进情况",
    "other": "六、其他需要报告的事项",
}

#: "本报告中所列数据统计期限为YYYY年1月1日至12月31日"
PERIOD_TEMPLATE = "本报告中所列数据统计期限为{year}年1月1日至12月31日"
#: the same for a year that had not ended on the as-of day (not in the format: govdisc's wording)
PARTIAL_PERIOD_TEMPLATE = "本报告中所列数据统计期限为{year}年1月1日至{month}月{day}日（数据截至{as_of}，本年度尚未结束）"
NOT_STARTED_TEMPLATE = "本报告中所列数据截至{as_of}，{year}年度尚未开始"

# -- §2.3 section 二: four blocks in one table ---------------------------------------------------

INFO_CONTENT = "信息内容"

NEW_THIS_YEAR = "本年制发件数"
REPEALED_THIS_YEAR = "本年废止件数"
IN_FORCE = "现行有效件数"
DECISIONS = "本年处理决定数量"
FEE_AMOUNT = "本年收费金额（单位：万元）"

REGULATIONS = "规章"
NORMATIVE = "行政规范性文件"
LICENSING = "行政许可"
PENALTIES = "行政处罚"
ENFORCEMENT = "行政强制"
FEES = "行政事业性收费"


class ProactiveBlock(NamedTuple):
    key: str
    caption: str  # full-width caption row
    columns: tuple[str, ...]  # data columns (after 信息内容)
    rows: tuple[str, ...]


PROACTIVE_BLOCKS: tuple[ProactiveBlock, ...] = (
    ProactiveBlock("documents", "第二十条第（一）项", (NEW_THIS_YEAR, REPEALED_THIS_YEAR, IN_FORCE),
                   (REGULATIONS, NORMATIVE)),
    ProactiveBlock("licensing", "第二十条第（五）项", (DECISIONS,), (LICENSING,)),
    ProactiveBlock("enforcement", "第二十条第（六）项", (DECISIONS,), (PENALTIES, ENFORCEMENT)),
    ProactiveBlock("fees", "第二十条第（八）项", (FEE_AMOUNT,), (FEES,)),
)

#: document `kind` → row of block （一）
DOCUMENT_KIND_ROWS: dict[str, str] = {"regulation": REGULATIONS, "normative": NORMATIVE}

#: reports/<year>.yaml `proactive` key → (row, column)
REPORT_PROACTIVE_KEYS: dict[str, tuple[str, str]] = {
    "licensing": (LICENSING, DECISIONS),
    "penalties": (PENALTIES, DECISIONS),
    "enforcement": (ENFORCEMENT, DECISIONS),
    "fees_wan": (FEES, FEE_AMOUNT),
}

# -- §2.4 section 三: applications -------------------------------------------------------------

#: top-left header cell (spans 3 columns × 3 header rows)
APPLICATIONS_HEADER_CELL = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
APPLICANTS = "申请人情况"
NATURAL_PERSON = "自然人"
ORGANISATIONS = "法人或其他组织"
TOTAL = "总计"

ORG_COLUMNS: tuple[str, ...] = ("商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他")
#: the 7 data columns, in order
APPLICANT_COLUMNS: tuple[str, ...] = (NATURAL_PERSON, *ORG_COLUMNS, TOTAL)
#: the 6 columns that add up to 总计
APPLICANT_PARTS: tuple[str, ...] = APPLICANT_COLUMNS[:-1]

#: the three header rows (row 2: 自然人 and 总计 span rows 2–3, 法人或其他组织 spans 5 columns)
APPLICATIONS_HEADER_ROWS: tuple[tuple[str, ...], ...] = (
    (APPLICANTS,),
    (NATURAL_PERSON, ORGANISATIONS, TOTAL),
    ORG_COLUMNS,
)

#: applicant.kind → column
APPLICANT_KIND_COLUMNS: dict[str, str] = {
    "natural_person": "自然人",
    "business": "商业企业",
    "research": "科研机构",
    "public_interest": "社会公益组织",
    "legal_services": "法律服务机构",
    "other": "其他",
}

RECEIVED = "一、本年新收政府信息公开申请数量"
CARRIED_IN = "二、上年结转政府信息公开申请数量"
RESULTS = "三、本年度办理结果"
CARRIED_OUT = "四、结转下年度继续办理"
RESULT_TOTAL = "（七）总计"

DISCLOSED = "（一）予以公开"
PARTIAL = "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"
WITHHELD = "（三）不予公开"
CANNOT_PROVIDE = "（四）无法提供"
NOT_PROCESSED = "（五）不予处理"
OTHER_HANDLING = "（六）其他处理"

#: level-2 groups of 三 with their level-3 data rows (groups without sub-rows are data rows)
RESULT_GROUPS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (DISCLOSED, ()),
    (PARTIAL, ()),
    (WITHHELD, (
        "1.属于国家秘密",
        "2.其他法律行政法规禁止公开",
        "3.危及“三安全一稳定”",
        "4.保护第三方合法权益",
        "5.属于三类内部事务信息",
        "6.属于四类过程性信息",
        "7.属于行政执法案卷",
        "8.属于行政查询事项",
    )),
    (CANNOT_PROVIDE, (
        "1.本机关不掌握相关政府信息",
        "2.没有现成信息需要另行制作",
        "3.补正后申请内容仍不明确",
    )),
    (NOT_PROCESSED, (
        "1.信访举报投诉类申请",
        "2.重复申请",
        "3.要求提供公开出版物",
        "4.无正当理由大量反复申请",
        "5.要求行政机关确认或重新出具已获取信息",
    )),
    (OTHER_HANDLING, (
        "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
        "3.其他",
    )),
    (RESULT_TOTAL, ()),
)


class Row(NamedTuple):
    """One data row of the section 三 table: its label and the headers it sits under."""

    label: str
    level: int  # 1: 一/二/四; 2: （一）（二）（七）; 3: sub-rows of （三）–（六）
    level1: str  # the level-1 heading (the label itself for 一/二/四)
    level2: str | None  # the level-2 heading (the label itself for （一）（二）（七）)


def _rows() -> tuple[Row, ...]:
    out = [Row(RECEIVED, 1, RECEIVED, None), Row(CARRIED_IN, 1, CARRIED_IN, None)]
    for group, subs in RESULT_GROUPS:
        if subs:
            out += [Row(s, 3, RESULTS, group) for s in subs]
        else:
            out.append(Row(group, 2, RESULTS, group))
    out.append(Row(CARRIED_OUT, 1, CARRIED_OUT, None))
    return tuple(out)


#: the 25 data rows in order
APPLICATION_ROWS: tuple[Row, ...] = _rows()
APPLICATION_ROW_LABELS: tuple[str, ...] = tuple(r.label for r in APPLICATION_ROWS)
#: the 22 rows under 三、本年度办理结果 (rowspan 22) and the 21 of them above （七）总计
RESULT_ROW_LABELS: tuple[str, ...] = tuple(r.label for r in APPLICATION_ROWS if r.level1 == RESULTS)
RESULT_PART_LABELS: tuple[str, ...] = RESULT_ROW_LABELS[:-1]

_WITHHELD_ROWS = dict(RESULT_GROUPS)[WITHHELD]
_CANNOT_ROWS = dict(RESULT_GROUPS)[CANNOT_PROVIDE]
_NOT_PROCESSED_ROWS = dict(RESULT_GROUPS)[NOT_PROCESSED]
_OTHER_ROWS = dict(RESULT_GROUPS)[OTHER_HANDLING]

#: withholding / exemption code → row of （三）不予公开 (docs/register-format.md)
EXEMPTION_ROWS: dict[str, str] = dict(zip(
    ("state_secret", "law_prohibited", "security_stability", "third_party_rights",
     "internal_affairs", "process_info", "enforcement_file", "administrative_query"),
    _WITHHELD_ROWS,
))

#: reply.outcome → row (`withheld` is resolved by its first exemption code, see `outcome_row`)
OUTCOME_ROWS: dict[str, str] = {
    "disclosed": DISCLOSED,
    "partially_disclosed": PARTIAL,
    "not_held": _CANNOT_ROWS[0],
    "needs_creation": _CANNOT_ROWS[1],
    "still_unclear": _CANNOT_ROWS[2],
    "complaint": _NOT_PROCESSED_ROWS[0],
    "duplicate": _NOT_PROCESSED_ROWS[1],
    "publication": _NOT_PROCESSED_ROWS[2],
    "excessive": _NOT_PROCESSED_ROWS[3],
    "confirmation": _NOT_PROCESSED_ROWS[4],
    "no_correction": _OTHER_ROWS[0],
    "no_fee": _OTHER_ROWS[1],
    "other": _OTHER_ROWS[2],
}

#: where a reply that cannot be placed is counted (unknown outcome, withheld without a code)
FALLBACK_ROW = _OTHER_ROWS[2]


def outcome_row(outcome: object, exemptions: object = None) -> str | None:
    """The row of a reply's outcome; None when it cannot be placed (missing or unknown code)."""
    if outcome == "withheld":
        first = exemptions[0] if isinstance(exemptions, list) and exemptions else None
        return EXEMPTION_ROWS.get(first) if isinstance(first, str) else None
    return OUTCOME_ROWS.get(outcome) if isinstance(outcome, str) else None


# -- §2.5 section 四: reconsideration and litigation ---------------------------------------------

RECONSIDERATION = "行政复议"
LITIGATION = "行政诉讼"
DIRECT_SUIT = "未经复议直接起诉"
SUIT_AFTER = "复议后起诉"

UPHELD, CORRECTED, OTHER_RESULT, PENDING = "结果维持", "结果纠正", "其他结果", "尚未审结"
REVIEW_RESULTS: tuple[str, ...] = (UPHELD, CORRECTED, OTHER_RESULT, PENDING)
REVIEW_COLUMNS: tuple[str, ...] = (*REVIEW_RESULTS, TOTAL)
#: the three groups of five columns (one data row of 15 numbers)
REVIEW_GROUPS: tuple[str, ...] = (RECONSIDERATION, DIRECT_SUIT, SUIT_AFTER)

#: header rows: (label, colspan, rowspan)
REVIEWS_HEADER_ROWS: tuple[tuple[tuple[str, int, int], ...], ...] = (
    ((RECONSIDERATION, 5, 1), (LITIGATION, 10, 1)),
    tuple((c, 1, 2) for c in REVIEW_COLUMNS) + ((DIRECT_SUIT, 5, 1), (SUIT_AFTER, 5, 1)),
    tuple((c, 1, 1) for c in REVIEW_COLUMNS) * 2,
)

#: review.kind → group, review.result → column
REVIEW_KIND_GROUPS: dict[str, str] = {
    "reconsideration": RECONSIDERATION,
    "litigation": DIRECT_SUIT,
    "litigation_after_reconsideration": SUIT_AFTER,
}
REVIEW_RESULT_COLUMNS: dict[str, str] = {
    "upheld": UPHELD, "corrected": CORRECTED, "other": OTHER_RESULT, "pending": PENDING,
}

# -- alias normalisation for hand-entered labels ------------------------------------------------

_QUOTES = str.maketrans({c: '"' for c in "“”„‟″＂「」『』'‘’"})
_NUMBERING = re.compile(r"^(\d+)\s*[.．、,，]\s*")
_PREFIX_SEPS = " /／|｜-—–_:：·・>＞"


def normalise(text: str) -> str:
    """A comparison key: NFKC (half/full width), no spaces, one kind of quote, 、=，=,.

    The numbering of sub-rows ("1、" "1．" "1." "1 .") becomes "1.".
    """
    s = unicodedata.normalize("NFKC", text).translate(_QUOTES)
    s = re.sub(r"\s+", "", s)
    s = _NUMBERING.sub(lambda m: m.group(1) + ".", s)
    return s.replace("、", ",").replace("，", ",")


def _strip_numbering(label: str) -> str:
    """"1.属于国家秘密" → "属于国家秘密", "（一）予以公开" → "予以公开", "一、…" → "…"."""
    s = normalise(label)
    s = re.sub(r"^\d+\.", "", s)
    s = re.sub(r"^\([一二三四五六七八九十]+\)", "", s)
    s = re.sub(r"^[一二三四五六七八九十]+,", "", s)
    return s


def _row_aliases() -> dict[str, str]:
    out: dict[str, str] = {}
    ambiguous: set[str] = set()

    def add(key: str, label: str) -> None:
        if key in out and out[key] != label:
            ambiguous.add(key)
        out.setdefault(key, label)

    for row in APPLICATION_ROWS:
        add(normalise(row.label), row.label)
        add(_strip_numbering(row.label), row.label)
    # common short forms
    add(normalise("（二）部分公开"), PARTIAL)
    add(normalise("部分公开"), PARTIAL)
    add(normalise("三、（七）总计"), RESULT_TOTAL)
    add(normalise("一、本年新收政府信息公开申请数"), RECEIVED)
    add(normalise("二、上年结转政府信息公开申请数"), CARRIED_IN)
    for key in ambiguous:
        out.pop(key, None)
    # exact labels always win over a short form of another label
    for row in APPLICATION_ROWS:
        out[normalise(row.label)] = row.label
    return out


_ROW_ALIASES = _row_aliases()
_GROUP_PREFIXES: tuple[str, ...] = tuple(sorted(
    {normalise(RESULTS)} | {normalise(g) for g, subs in RESULT_GROUPS if subs}
    | {_strip_numbering(g) for g, subs in RESULT_GROUPS if subs} | {_strip_numbering(RESULTS)},
    key=len, reverse=True))


def application_row(label: object) -> str | None:
    """The official row label a hand-entered label stands for, or None."""
    if not isinstance(label, str) or not label.strip():
        return None
    key = normalise(label)
    found = _ROW_ALIASES.get(key)
    if found:
        return found
    # drop leading group headings: "三、本年度办理结果（三）不予公开/1.属于国家秘密"
    changed = True
    while changed:
        changed = False
        for prefix in _GROUP_PREFIXES:
            if key.startswith(prefix) and len(key) > len(prefix):
                key = re.sub(r"^(\d+),", r"\1.", key[len(prefix):].lstrip(_PREFIX_SEPS))
                changed = True
                found = _ROW_ALIASES.get(key)
                if found:
                    return found
                break
    return None


def _column_aliases() -> dict[str, str]:
    out = {normalise(c): c for c in APPLICANT_COLUMNS}
    for code, col in APPLICANT_KIND_COLUMNS.items():
        out[normalise(code)] = col
    out[normalise("合计")] = TOTAL
    return out


_COLUMN_ALIASES = _column_aliases()


def applicant_column(label: object) -> str | None:
    """The official column label for a hand-entered one ("商业 企业", "法人或其他组织/其他", "total")."""
    if not isinstance(label, str):
        return None
    key = normalise(label)
    if key in _COLUMN_ALIASES:
        return _COLUMN_ALIASES[key]
    org = normalise(ORGANISATIONS)
    for prefix in (org, normalise(APPLICANTS)):
        if key.startswith(prefix):
            rest = key[len(prefix):].lstrip(_PREFIX_SEPS)
            if rest in _COLUMN_ALIASES:
                return _COLUMN_ALIASES[rest]
    if key.lower() in ("total",):
        return TOTAL
    return None


_GROUP_ALIASES: dict[str, str] = {normalise(g): g for g in REVIEW_GROUPS}
_GROUP_ALIASES.update({
    normalise(LITIGATION + DIRECT_SUIT): DIRECT_SUIT,
    normalise(LITIGATION + SUIT_AFTER): SUIT_AFTER,
    normalise("行政诉讼（未经复议直接起诉）"): DIRECT_SUIT,
    normalise("行政诉讼（复议后起诉）"): SUIT_AFTER,
    **{normalise(k): g for k, g in REVIEW_KIND_GROUPS.items()},
})
_REVIEW_COLUMN_ALIASES: dict[str, str] = {normalise(c): c for c in REVIEW_COLUMNS}
_REVIEW_COLUMN_ALIASES.update({normalise(k): c for k, c in REVIEW_RESULT_COLUMNS.items()})
_REVIEW_COLUMN_ALIASES.update({normalise("合计"): TOTAL, "total": TOTAL})


def review_group(label: object) -> str | None:
    if not isinstance(label, str):
        return None
    key = normalise(label)
    return _GROUP_ALIASES.get(key) or _GROUP_ALIASES.get(key.replace(normalise(LITIGATION), "", 1).strip(_PREFIX_SEPS))


def review_column(label: object) -> str | None:
    return _REVIEW_COLUMN_ALIASES.get(normalise(label)) if isinstance(label, str) else None
