"""SEC: secrecy review before publication of everything the register records as published, beyond
the documents themselves (DOC006): public-opinion releases, interpretation materials, decision
drafts and comment summaries of meetings, catalogs, and other published results (the guide, the
annual report, normative-document clean-up results, participation results, opinion handling).

《条例》第十七条 asks every agency to review information "拟公开的" under the state-secrets law
before it is published, and, when it cannot decide, to refer the question to the competent
authority or the secrecy administration (第三款); the measures repeat it (二(四)4 "严格落实公开前
保密审查机制", 三(十) "对拟公开的政府信息，依法依规做好保密审查"). A publication is judged once
it is dated on or before the as-of date; dates are compared as written (a release's date is the
date part of its `at`).
"""

from __future__ import annotations

from datetime import date
from typing import Any, Iterator

from govdisc.codes import Hit, hit, rule
from govdisc.dates import parse_date
from govdisc.model import Record
from govdisc.rules.engine import per_record

BASIS = ("《条例》第十七条：行政机关应当依照《中华人民共和国保守国家秘密法》以及其他法律、法规和国家有关规定对拟公开的"
         "政府信息进行审查；《实施办法》二（四）4“严格落实公开前保密审查机制”、三（十）“对拟公开的政府信息，依法依规做好保密审查”")
CLAUSES = ("二(四)4", "三(十)", "条例第17条")
HINT = ("公开前依照保守国家秘密法进行保密审查，并在该项的 secrecy_review 中记录 {date: 审查日期, by: 审查部门}；"
        "审查日期不得晚于公开日期。不能确定能否公开的，在 secrecy_review.referral 中记录报请确定的情况。",
        "Review for state secrets before publication and record the item's secrecy_review {date, by}, dated on or "
        "before publication; record a referral to the secrecy authority in secrecy_review.referral.")


def _day(value: Any) -> date | None:
    """A date, or the date part of a date-time as written ("2024-07-02 12:10")."""
    return parse_date(value[:10]) if isinstance(value, str) else parse_date(value)


def _problem(review: Any, published: date) -> tuple[str, str, str] | None:
    """(zh, en, anchor key) of what is wrong with the secrecy review of a publication, or None."""
    if not isinstance(review, dict):
        return "但没有保密审查记录（secrecy_review）", "but there is no secrecy review (secrecy_review)", ""
    rd = parse_date(review.get("date"))
    if rd is None:
        return ("但保密审查记录没有审查日期，无法确认是否在公开前审查",
                "but the secrecy review has no date, so review before publication cannot be shown", "secrecy_review")
    if rd > published:
        return (f"但保密审查日期 {rd} 晚于公开日期，应在公开前审查", f"but the secrecy review is dated {rd}, after publication",
                "date")
    return None


def _check(rec: Record, pointer: tuple, item: Any, when: Any, as_of: date, **params: Any) -> Iterator[Hit]:
    """A hit when `item` (a mapping holding `secrecy_review`) was published on `when` (≤ as-of)
    without a review dated on or before that day."""
    if not isinstance(item, dict):
        return
    published = _day(when)
    if published is None or published > as_of:
        return
    found = _problem(item.get("secrecy_review"), published)
    if found is None:
        return
    zh, en, key = found
    where = pointer + (("secrecy_review",) if key else ()) + (("date",) if key == "date" else ())
    yield hit(rec, where, anchor="value" if key == "date" else "parent", published=published.isoformat(),
              problem=zh, problem_en=en, **params)


def _title(item: Any, fallback: str) -> str:
    t = item.get("title") if isinstance(item, dict) else None
    return t.strip() if isinstance(t, str) and t.strip() else fallback


@rule(
    "SEC001", "error",
    title=("政务舆情回应信息发布前未经保密审查", "Opinion release without a prior secrecy review"),
    message=("{what}于 {published} 发布，{problem}", "{what_en} was released on {published}, {problem_en}"),
    basis=BASIS,
    hint=HINT,
    bad="releases:\n  - at: 2024-07-08 10:20\n    channel: 政务新媒体\n    title: 情况通报",
    good="releases:\n  - at: 2024-07-08 10:20\n    channel: 政务新媒体\n    title: 情况通报\n"
         "    secrecy_review: {date: 2024-07-08, by: 局办公室}",
    clauses=CLAUSES,
)
@per_record("opinion", as_of=True)
def opinion_release_unreviewed(rec: Record, as_of: date) -> Iterator[Hit]:
    for key, zh, en in (("releases", "权威信息", "authoritative release"), ("follow_ups", "持续发布的信息", "follow-up")):
        for i, item in enumerate(rec.seq(key)):
            label = _title(item, f"第{i + 1}条")
            yield from _check(rec, (key, i), item, item.get("at") if isinstance(item, dict) else None, as_of,
                              what=f"{zh}“{label}”", what_en=f"{en} “{label}”")


@rule(
    "SEC002", "error",
    title=("政策解读材料发布前未经保密审查", "Interpretation material without a prior secrecy review"),
    message=("解读材料“{title}”于 {published} 发布，{problem}", "interpretation material “{title}” was published on "
             "{published}, {problem_en}"),
    basis=BASIS,
    hint=HINT,
    bad="interpretation:\n  materials:\n    - {title: 图解《……》, form: graphic, published: 2024-03-06}",
    good="interpretation:\n  materials:\n    - {title: 图解《……》, form: graphic, published: 2024-03-06, "
         "secrecy_review: {date: 2024-03-05, by: 政策法规处}}",
    clauses=CLAUSES,
)
@per_record("document", as_of=True)
def material_unreviewed(rec: Record, as_of: date) -> Iterator[Hit]:
    for i, m in enumerate(rec.seq("interpretation", "materials")):
        yield from _check(rec, ("interpretation", "materials", i), m, m.get("published") if isinstance(m, dict) else None,
                          as_of, title=_title(m, f"第{i + 1}份"))


@rule(
    "SEC003", "error",
    title=("决策草案或意见采纳情况公布前未经保密审查", "Decision draft or comment summary without a prior secrecy review"),
    message=("议题“{title}”的{what}于 {published} 公布，{problem}", "the {what_en} of item “{title}” was published on "
             "{published}, {problem_en}"),
    basis=BASIS + "；《实施办法》二（四）2",
    hint=HINT,
    bad="public_draft: {published: 2024-04-01, basis_published: true}",
    good="public_draft: {published: 2024-04-01, basis_published: true, secrecy_review: {date: 2024-03-29, by: 政策法规处}}",
    clauses=CLAUSES + ("二(四)2",),
)
@per_record("meeting", as_of=True)
def meeting_draft_unreviewed(rec: Record, as_of: date) -> Iterator[Hit]:
    for i, item in enumerate(rec.seq("items")):
        if not isinstance(item, dict):
            continue
        title = _title(item, "（无题）")
        for key, zh, en in (("public_draft", "决策草案和决策依据", "decision draft"),
                            ("comments", "意见收集和采纳情况说明", "comment summary")):
            part = item.get(key)
            if isinstance(part, dict):
                yield from _check(rec, ("items", i, key), part, part.get("published"), as_of, title=title,
                                  what=zh, what_en=en)


@rule(
    "SEC004", "error",
    title=("主动公开基本目录公布前未经保密审查", "Catalog published without a prior secrecy review"),
    message=("{year} 年度目录于 {published} 公布，{problem}", "the {year} catalog was published on {published}, {problem_en}"),
    basis=BASIS + "；《条例》第十二条",
    hint=HINT,
    bad="year: 2025\npublished: {date: 2024-12-25, url: \"https://example.gov.cn/ml/2025.html\"}",
    good="year: 2025\npublished: {date: 2024-12-25, url: \"https://example.gov.cn/ml/2025.html\", "
         "secrecy_review: {date: 2024-12-20, by: 局办公室}}",
    clauses=CLAUSES + ("二(四)3",),
)
@per_record("catalog", as_of=True)
def catalog_unreviewed(rec: Record, as_of: date) -> Iterator[Hit]:
    pub = rec.data.get("published")
    if isinstance(pub, dict):
        yield from _check(rec, ("published",), pub, pub.get("date"), as_of, year=rec.data.get("year", "?"))


def _reviews(rec: Record) -> Iterator[tuple[tuple, dict, Any]]:
    """Every secrecy review of a record with the date of the publication it precedes."""
    d = rec.data
    if rec.kind == "document":
        yield ("secrecy_review",), d.get("secrecy_review"), rec.get("published", "date")
        for i, m in enumerate(rec.seq("interpretation", "materials")):
            if isinstance(m, dict):
                yield ("interpretation", "materials", i, "secrecy_review"), m.get("secrecy_review"), m.get("published")
    elif rec.kind == "opinion":
        for key in ("releases", "follow_ups"):
            for i, item in enumerate(rec.seq(key)):
                if isinstance(item, dict):
                    yield (key, i, "secrecy_review"), item.get("secrecy_review"), item.get("at")
        for i, item in enumerate(rec.seq("handling")):
            pub = item.get("published") if isinstance(item, dict) else None
            if isinstance(pub, dict):
                yield ("handling", i, "published", "secrecy_review"), pub.get("secrecy_review"), pub.get("date")
    elif rec.kind == "meeting":
        for i, item in enumerate(rec.seq("items")):
            for key in ("public_draft", "comments"):
                part = item.get(key) if isinstance(item, dict) else None
                if isinstance(part, dict):
                    yield ("items", i, key, "secrecy_review"), part.get("secrecy_review"), part.get("published")
    elif rec.kind == "activities":
        for i, e in enumerate(rec.seq("entries")):
            pub = e.get("published") if isinstance(e, dict) else None
            if isinstance(pub, dict):
                yield ("entries", i, "published", "secrecy_review"), pub.get("secrecy_review"), pub.get("date")
    elif isinstance(d.get("published"), dict):  # catalog, report, guide, participation
        yield ("published", "secrecy_review"), d["published"].get("secrecy_review"), d["published"].get("date")


@rule(
    "SEC005", "error",
    title=("报请确定能否公开，未得结论即公开", "Published before the secrecy authority decided"),
    message=("保密审查时报 {to} 确定能否公开（{sent}），{problem}", "the question was referred to {to} on {sent}; {problem_en}"),
    basis="《条例》第十七条第三款：行政机关不能确定政府信息是否可以公开的，应当依照法律、法规和国家有关规定报有关主管部门或者"
          "保密行政管理部门确定",
    hint=("收到确定结论后再公开，并在 referral 中记录 answered（确定日期）和 conclusion；确定不得公开的，不得发布，"
          "已发布的应立即撤回并报告。",
          "Publish only after the answer, and record referral.answered and referral.conclusion; information "
          "found not disclosable must not be published (withdraw it and report)."),
    bad="secrecy_review:\n  date: 2024-03-04\n  by: 局办公室\n  referral: {to: 省国家保密局, sent: 2024-03-01}\n"
        "published: {date: 2024-03-05, channel: 门户网站}",
    good="secrecy_review:\n  date: 2024-03-12\n  by: 局办公室\n  referral: {to: 省国家保密局, sent: 2024-03-01, "
         "answered: 2024-03-11, conclusion: disclosable}\npublished: {date: 2024-03-13, channel: 门户网站}",
    clauses=("三(十)", "条例第17条第3款"),
)
@per_record(as_of=True)
def referral_unanswered(rec: Record, as_of: date) -> Iterator[Hit]:
    for pointer, review, when in _reviews(rec):
        ref = review.get("referral") if isinstance(review, dict) else None
        published = _day(when)
        if not isinstance(ref, dict) or published is None or published > as_of:
            continue
        answered = parse_date(ref.get("answered"))
        params = dict(to=ref.get("to") if isinstance(ref.get("to"), str) else "有关机关",
                      sent=ref.get("sent") if isinstance(ref.get("sent"), str) else "日期未填")
        if answered is None:
            yield hit(rec, pointer + ("referral",), anchor="parent", **params,
                      problem=f"尚无确定结论（answered），却已于 {published} 公开",
                      problem_en=f"no answer is recorded (answered), yet it was published on {published}")
        elif answered > published:
            yield hit(rec, pointer + ("referral", "answered"), **params,
                      problem=f"确定结论于 {answered} 作出，晚于公开日期 {published}",
                      problem_en=f"the answer came on {answered}, after publication on {published}")
        elif ref.get("conclusion") == "not_disclosable":
            yield hit(rec, pointer + ("referral", "conclusion"), **params,
                      problem=f"确定为不得公开，却已于 {published} 公开",
                      problem_en=f"it was found not disclosable, yet published on {published}")


_OTHER = {"report": ("年度报告", "annual report"), "guide": ("政府信息公开指南", "disclosure guide"),
          "participation": ("公众参与结果", "participation result")}


@rule(
    "SEC006", "error",
    title=("其他公开内容发布前未经保密审查", "Other publication without a prior secrecy review"),
    message=("{what}于 {published} 公开，{problem}", "the {what_en} was published on {published}, {problem_en}"),
    basis=BASIS,
    hint=HINT,
    bad="# activities/2024.yaml\n  - type: normative_cleanup\n    published: {date: 2024-11-20, url: \"https://example.gov.cn/qlj.html\"}",
    good="  - type: normative_cleanup\n    published: {date: 2024-11-20, url: \"https://example.gov.cn/qlj.html\", "
         "secrecy_review: {date: 2024-11-18, by: 政策法规处}}",
    clauses=CLAUSES,
)
@per_record("activities", "report", "guide", "participation", "opinion", as_of=True)
def other_unreviewed(rec: Record, as_of: date) -> Iterator[Hit]:
    if rec.kind == "activities":
        for i, e in enumerate(rec.seq("entries")):
            pub = e.get("published") if isinstance(e, dict) else None
            if isinstance(pub, dict):
                label = _title(e, f"第{i + 1}项活动")
                yield from _check(rec, ("entries", i, "published"), pub, pub.get("date"), as_of,
                                  what=f"“{label}”的结果", what_en=f"result of “{label}”")
    elif rec.kind == "opinion":
        for i, item in enumerate(rec.seq("handling")):
            pub = item.get("published") if isinstance(item, dict) else None
            if isinstance(pub, dict):
                yield from _check(rec, ("handling", i, "published"), pub, pub.get("date"), as_of,
                                  what="舆情处置情况", what_en="opinion handling")
    else:
        pub = rec.data.get("published")
        if isinstance(pub, dict):
            zh, en = _OTHER[rec.kind]
            yield from _check(rec, ("published",), pub, pub.get("date"), as_of, what=zh, what_en=en)
