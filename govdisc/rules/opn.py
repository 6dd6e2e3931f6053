"""OPN: public-opinion response (政务舆情, 《实施办法》二（六）).

The 5-hour and 24-hour clocks are the deadline engine's (obligations "release" and
"press_conference", govdisc.deadlines.opinion) and apply to opinion about 特别重大 and 重大
突发事件 (`emergency: true`); other key matters get the "timely_release" clock when
govdisc.yaml sets measures.key_matter_release_hours. Clock time, time-zone aware, naive
register times in govdisc.yaml's timezone, an as-of date meaning the start of that day.
The handling of 二(六)3 (suggestions adopted, problems solved, false information referred to
the police or the internet regulator) is recorded under `handling` and checked at year end.
"""

from __future__ import annotations

from datetime import datetime
from typing import Iterator

from govdisc.dates import parse_date, parse_datetime, zone
from govdisc.deadlines.opinion import LEVELS
from govdisc.measures import emergency_clocks
from govdisc.model import Record
from govdisc.codes import Hit, hit, rule
from govdisc.rules.context import Context
from govdisc.rules.engine import per_record

BASIS = ("《实施办法》二（六）4：对涉及特别重大、重大突发事件的政务舆情，要快速反应，最迟要在5小时内发布权威信息，"
         "在24小时内举行新闻发布会")

LEVEL_ZH = {"major": "重大", "especially_major": "特别重大", "general": "一般"}
LEVEL_EN = {"major": "major", "especially_major": "especially major", "general": "general"}


def _tz(ctx: Context) -> str:
    return ctx.config.timezone


def _local(ctx: Context, dt: datetime) -> datetime:
    try:
        return dt.astimezone(zone(_tz(ctx)))
    except (KeyError, ValueError):
        return dt


def _show(ctx: Context, dt: datetime | None) -> str:
    """A date-time as the register writes it, in the register's timezone."""
    return _local(ctx, dt).strftime("%Y-%m-%d %H:%M") if dt is not None else "?"


def _dt(ctx: Context, value: object) -> datetime | None:
    try:
        return parse_datetime(value, _tz(ctx))
    except (KeyError, ValueError):  # unknown timezone name: REG021 reports it
        return None


def _elapsed(a: datetime, b: datetime) -> tuple[str, str]:
    minutes = int((b - a).total_seconds() // 60)
    h, m = divmod(max(minutes, 0), 60)
    return (f"{h}小时{m:02d}分", f"{h} h {m:02d} min")


def _clock_hits(ctx: Context, name: str, key: str, what: tuple[str, str]) -> Iterator[Hit]:
    for ob in ctx.obligations:
        if ob.kind != "opinion" or ob.obligation != name or ob.status not in ("overdue", "late"):
            continue
        rec = ctx.record_at(ob.path)
        if rec is None:
            continue
        detected = _dt(ctx, rec.data.get("detected_at"))
        due = _dt(ctx, ob.due)
        if detected is None or due is None:
            continue
        level = rec.data.get("level")
        common = dict(level=LEVEL_ZH.get(level, level), level_en=LEVEL_EN.get(level, level),
                      detected=_show(ctx, detected), due=_show(ctx, due))
        if ob.status == "late":
            met = _dt(ctx, ob.met_on)
            if met is None:
                continue
            zh, en = _elapsed(detected, met)
            yield hit(rec, _pointer_of(ctx, rec, key, met), **common,
                      outcome=f"{what[0]}于 {_show(ctx, met)}，距发现 {zh}",
                      outcome_en=f"{what[1]} came at {_show(ctx, met)}, {en} after detection")
        else:
            present = rec.data.get(key) not in (None, [], {})
            yield hit(rec, (key,) if present else (), anchor="value" if present else "parent", **common,
                      outcome=f"截至 {ctx.as_of.isoformat()} 仍无{what[0]}记录",
                      outcome_en=f"there is still no {what[1]} on {ctx.as_of.isoformat()}")


def _pointer_of(ctx: Context, rec: Record, key: str, met: datetime) -> tuple:
    """Pointer to the response that met (late) the clock: releases[i].at or press_conference.at."""
    value = rec.data.get(key)
    if isinstance(value, list):
        for i, item in enumerate(value):
            if isinstance(item, dict) and _dt(ctx, item.get("at")) == met:
                return (key, i, "at")
        return (key,)
    return (key, "at")


@rule(
    "OPN001", "error",
    title=("未在5小时内发布权威信息", "No authoritative release within 5 hours"),
    message=("{level}舆情于 {detected} 监测发现，应在 {due} 前发布权威信息；{outcome}",
             "{level_en} event detected at {detected}: an authoritative release was due by {due}; {outcome_en}"),
    basis=BASIS,
    hint=("通过门户网站、政务新媒体或主流媒体发布权威信息，并在 releases 中记录发布时间（精确到分钟）；"
          "已发布的补录 releases[].at。",
          "Publish authoritative information (portal, official social media, mainstream media) and record it in "
          "releases with its time; if it was published, record it."),
    bad="detected_at: 2024-07-02 08:30\nlevel: major\nemergency: true\nreleases:\n  - at: 2024-07-02 15:10\n    channel: 门户网站",
    good="detected_at: 2024-07-02 08:30\nlevel: major\nemergency: true\nreleases:\n  - at: 2024-07-02 12:10\n    channel: 门户网站",
    clauses=("二(六)4",),
)
def release_late(ctx: Context) -> Iterator[Hit]:
    yield from _clock_hits(ctx, "release", "releases", ("发布权威信息", "authoritative release"))


@rule(
    "OPN002", "error",
    title=("未在24小时内举行新闻发布会", "No press conference within 24 hours"),
    message=("{level}舆情于 {detected} 监测发现，应在 {due} 前举行新闻发布会；{outcome}",
             "{level_en} event detected at {detected}: a press conference was due by {due}; {outcome_en}"),
    basis=BASIS,
    hint=("在发现后 24 小时内举行新闻发布会，并在 press_conference.at 中记录举行时间；已举行的补录。",
          "Hold a press conference within 24 hours of detection and record press_conference.at."),
    bad="detected_at: 2024-07-02 08:30\nlevel: major\nemergency: true\npress_conference:\n  at: 2024-07-04 10:00",
    good="detected_at: 2024-07-02 08:30\nlevel: major\nemergency: true\npress_conference:\n  at: 2024-07-03 07:00\n"
         "  note: 局新闻发布会",
    clauses=("二(六)4",),
)
def press_conference_late(ctx: Context) -> Iterator[Hit]:
    yield from _clock_hits(ctx, "press_conference", "press_conference", ("新闻发布会", "press conference"))


_RESPONSES = (("releases", "发布权威信息", "authoritative release"),
              ("press_conference", "新闻发布会", "press conference"),
              ("follow_ups", "持续发布", "follow-up"))


@rule(
    "OPN003", "error",
    title=("回应时间早于监测发现时间", "Response timed before detection"),
    message=("{what}时间 {at} 早于监测发现时间 {detected}",
             "the {what_en} at {at} is before the event was detected ({detected})"),
    basis=BASIS + "（时限自监测发现起算）",
    hint=("核对日期和时刻（包括时区）；若发现时间录错，改正 detected_at。",
          "Check the dates and times (and time zone); if detected_at is wrong, correct it."),
    bad="detected_at: 2024-07-02 08:30\nreleases:\n  - at: 2024-07-01 12:10",
    good="detected_at: 2024-07-02 08:30\nreleases:\n  - at: 2024-07-02 12:10",
    clauses=("二(六)4",),
)
def response_before_detection(ctx: Context) -> Iterator[Hit]:
    for rec in ctx.kind("opinion"):
        detected = _dt(ctx, rec.data.get("detected_at"))
        if detected is None:
            continue
        for key, zh, en in _RESPONSES:
            value = rec.data.get(key)
            items = list(enumerate(value)) if isinstance(value, list) else [(None, value)]
            for i, item in items:
                if not isinstance(item, dict):
                    continue
                at = _dt(ctx, item.get("at"))
                if at is not None and at < detected:
                    pointer = (key, "at") if i is None else (key, i, "at")
                    yield hit(rec, pointer, what=zh, what_en=en, at=_show(ctx, at), detected=_show(ctx, detected))


@rule(
    "OPN004", "info",
    title=("重大突发事件舆情没有持续发布记录", "Major emergency without follow-up releases"),
    message=("{level}舆情（{detected} 发现）没有持续发布权威信息的记录（follow_ups）",
             "{level_en} event (detected {detected}) has no follow-up releases recorded (follow_ups)"),
    basis="《实施办法》二（六）4：并根据工作进展情况，持续发布权威信息，局领导带头主动发声",
    hint=("根据处置进展持续发布权威信息，并在 follow_ups 中记录每次发布的时间和内容。",
          "Keep publishing as the handling progresses and record each release in follow_ups."),
    bad="level: major\nemergency: true\nreleases:\n  - at: 2024-07-02 12:10\n    channel: 门户网站",
    good="level: major\nemergency: true\nreleases:\n  - at: 2024-07-02 12:10\n    channel: 门户网站\nfollow_ups:\n"
         "  - at: 2024-07-05 10:00\n    note: 通报处置进展",
    clauses=("二(六)4",),
)
def no_follow_ups(ctx: Context) -> Iterator[Hit]:
    for rec in ctx.kind("opinion"):
        level = rec.data.get("level")
        if not emergency_clocks(rec.data):
            continue
        detected = _dt(ctx, rec.data.get("detected_at"))
        if detected is None or _local(ctx, detected).date() >= ctx.as_of:
            continue  # detected on the as-of day or later: too early to expect follow-ups
        fu = rec.data.get("follow_ups")
        if isinstance(fu, list) and fu:
            continue
        present = "follow_ups" in rec.data
        yield hit(rec, ("follow_ups",) if present else (), anchor="value" if present else "parent",
                  level=LEVEL_ZH.get(level, level), level_en=LEVEL_EN.get(level, level),
                  detected=_show(ctx, detected))


@rule(
    "OPN005", "error",
    title=("重点事项未及时发布信息", "Key matter not answered in time"),
    message=("涉及重点事项的舆情于 {detected} 监测发现，应在 {due} 前发布信息（measures.key_matter_release_hours：{hours}小时）；{outcome}",
             "key-matter event detected at {detected}: a release was due by {due} "
             "(measures.key_matter_release_hours: {hours} h); {outcome_en}"),
    basis="《实施办法》二（六）4：对涉及群众切身利益、影响市场预期和突发公共事件等重点事项，要及时发布信息"
          "（“及时”的小时数由 govdisc.yaml 的 measures.key_matter_release_hours 设定，不设定时不检查）",
    hint=("通过门户网站、政务新媒体等及时发布信息，并在 releases 中记录发布时间；不属于重点事项的，删除 key_matter。",
          "Publish information in time and record it in releases; if it is not a key matter, remove key_matter."),
    bad="# govdisc.yaml: measures: {key_matter_release_hours: 24}\ndetected_at: 2024-09-05 14:20\nlevel: general\n"
        "key_matter: true\nreleases:\n  - at: 2024-09-07 11:00",
    good="detected_at: 2024-09-05 14:20\nlevel: general\nkey_matter: true\nreleases:\n  - at: 2024-09-06 11:00",
    clauses=("二(六)4",),
)
def key_matter_late(ctx: Context) -> Iterator[Hit]:
    hours = ctx.config.measures.key_matter_release_hours
    for h in _clock_hits(ctx, "timely_release", "releases", ("发布信息", "release")):
        h.params["hours"] = hours
        yield h


@rule(
    "OPN006", "warning",
    title=("重大舆情未标明是否涉及突发事件", "Major opinion without the emergency mark"),
    message=("{level}舆情（{detected} 发现）没有标明是否涉及突发事件（emergency），5小时、24小时时限是否适用无法判断",
             "{level_en} event (detected {detected}) does not say whether it concerns an emergency (emergency): "
             "whether the 5-hour and 24-hour limits apply cannot be judged"),
    basis="《实施办法》二（六）4：对涉及特别重大、重大突发事件的政务舆情，要快速反应，最迟要在5小时内发布权威信息，在24小时内举行新闻发布会",
    hint=("涉及特别重大、重大突发事件的写 emergency: true（适用5小时、24小时时限）；不涉及突发事件的写 emergency: false，"
          "属于群众切身利益等重点事项的另写 key_matter: true。",
          "Write emergency: true for opinion about a major emergency (5-hour and 24-hour limits), emergency: false "
          "otherwise, and key_matter: true for other key matters."),
    bad="level: major\ndetected_at: 2024-11-18 21:15", good="level: major\nemergency: false\nkey_matter: true\n"
                                                          "detected_at: 2024-11-18 21:15",
    clauses=("二(六)4",),
)
def emergency_unstated(ctx: Context) -> Iterator[Hit]:
    for rec in ctx.kind("opinion"):
        level = rec.data.get("level")
        if level not in LEVELS or isinstance(rec.data.get("emergency"), bool):
            continue
        detected = _dt(ctx, rec.data.get("detected_at"))
        yield hit(rec, ("level",), level=LEVEL_ZH.get(level, level), level_en=LEVEL_EN.get(level, level),
                  detected=_show(ctx, detected))


#: 二(六)3: natures whose handling must be made public, with what is to be published
PUBLISH = {"suggestion": ("建设性意见建议", "吸收采纳情况", "a constructive suggestion", "how it was adopted"),
           "difficulty": ("群众反映的实际困难", "研究解决情况", "a practical difficulty", "how it was solved"),
           "major_problem": ("群众反映的重大问题", "调查处置情况", "a major problem", "how it was investigated")}


def _finished_opinion(rec: Record, as_of) -> bool:
    """Detected in a year that ended before as-of (the date as written)."""
    raw = rec.data.get("detected_at")
    day = parse_date(raw[:10]) if isinstance(raw, str) else None
    return day is not None and day.year < as_of.year


@rule(
    "OPN007", "error",
    title=("意见建议、困难、问题的处理情况未对外公开", "Handling of suggestions or problems not published"),
    message=("舆情研判为{nature}，{what}应对外公开，但到年底没有公开记录（handling[].published）",
             "the opinion was judged {nature_en}: {what_en} must be made public, but no publication is recorded by "
             "the year's end (handling[].published)"),
    basis="《实施办法》二（六）3：对建设性意见建议，吸收采纳情况要对外公开。对群众反映的实际困难，研究解决情况要对外公布。"
          "对群众反映的重大问题，调查处置情况要及时发布",
    hint=("在门户网站等渠道公开吸收采纳、研究解决或调查处置情况，并在 handling 该项的 published 中记录日期和网址。",
          "Publish how it was adopted, solved or investigated and record the date and url in handling[].published."),
    bad="handling:\n  - nature: suggestion\n    summary: 采纳延长维修服务时间的建议",
    good="handling:\n  - nature: suggestion\n    summary: 采纳延长维修服务时间的建议\n"
         "    published: {date: 2024-03-20, url: \"https://example.gov.cn/hygq/1.html\", "
         "secrecy_review: {date: 2024-03-19, by: 局办公室}}",
    clauses=("二(六)3",),
)
@per_record("opinion", as_of=True)
def handling_not_published(rec: Record, as_of) -> Iterator[Hit]:
    if not _finished_opinion(rec, as_of):
        return
    for i, item in enumerate(rec.seq("handling")):
        if not isinstance(item, dict) or item.get("nature") not in PUBLISH:
            continue
        pub = item.get("published")
        if isinstance(pub, dict) and parse_date(pub.get("date")) is not None:
            continue
        zh, what, en, what_en = PUBLISH[item["nature"]]
        yield hit(rec, ("handling", i), anchor="parent", nature=zh, what=what, nature_en=en, what_en=what_en)


@rule(
    "OPN008", "error",
    title=("虚假不实信息未移交公安机关、网络监管部门", "False information not referred to the police or regulator"),
    message=("舆情研判为虚假和不实信息（{detected} 发现），没有将涉嫌违法情况和线索移交公安机关、网络监管部门的记录（handling[].referral）",
             "the opinion (detected {detected}) was judged false information, but no referral of the suspected "
             "offence to the police or the internet regulator is recorded (handling[].referral)"),
    basis="《实施办法》二（六）3：对虚假和不实信息，要在及时回应的同时，将涉嫌违法情况和线索移交公安机关、网络监管部门依法依规进行查处；"
          "《条例》第六条第二款",
    hint=("移交后在 handling 该项的 referral 中记录 to（移交机关）和 date（移交日期）；经研判不涉嫌违法的，在 summary 中说明并注明忽略理由。",
          "Record the referral (to, date) in handling[].referral; if nothing unlawful is suspected, say so in "
          "summary and suppress the finding with the reason."),
    bad="handling:\n  - nature: false_info\n    summary: 短视频传播有线电视全面停播的不实信息",
    good="handling:\n  - nature: false_info\n    summary: 短视频传播有线电视全面停播的不实信息\n"
         "    referral: {to: 省委网信办, date: 2024-11-20}",
    clauses=("二(六)3", "条例第6条"),
)
@per_record("opinion", as_of=True)
def false_info_not_referred(rec: Record, as_of) -> Iterator[Hit]:
    raw = rec.data.get("detected_at")
    day = parse_date(raw[:10]) if isinstance(raw, str) else None
    if day is None or day >= as_of:
        return  # detected on the as-of day: too early to expect the referral
    for i, item in enumerate(rec.seq("handling")):
        if isinstance(item, dict) and item.get("nature") == "false_info" and not isinstance(item.get("referral"), dict):
            yield hit(rec, ("handling", i), anchor="parent", detected=raw[:16])
