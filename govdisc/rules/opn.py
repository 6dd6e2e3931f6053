"""OPN: public-opinion response (政务舆情, 《实施办法》二（六）4).

The 5-hour and 24-hour clocks are the deadline engine's (obligations "release" and
"press_conference", govdisc.deadlines.opinion): clock time, time-zone aware, naive register
times in govdisc.yaml's timezone, an as-of date meaning the start of that day.
"""

from __future__ import annotations

from datetime import datetime
from typing import Iterator

from govdisc.dates import parse_datetime, zone
from govdisc.deadlines.opinion import LEVELS
from govdisc.model import Record
from govdisc.codes import Hit, hit, rule
from govdisc.rules.context import Context

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
    bad="detected_at: 2024-07-02 08:30\nlevel: major\nreleases:\n  - at: 2024-07-02 15:10\n    channel: 门户网站",
    good="detected_at: 2024-07-02 08:30\nlevel: major\nreleases:\n  - at: 2024-07-02 12:10\n    channel: 门户网站",
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
    bad="detected_at: 2024-07-02 08:30\nlevel: major\npress_conference:\n  at: 2024-07-04 10:00",
    good="detected_at: 2024-07-02 08:30\nlevel: major\npress_conference:\n  at: 2024-07-03 07:00\n  note: 局新闻发布会",
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
    title=("重大舆情没有持续发布记录", "Major event without follow-up releases"),
    message=("{level}舆情（{detected} 发现）没有持续发布权威信息的记录（follow_ups）",
             "{level_en} event (detected {detected}) has no follow-up releases recorded (follow_ups)"),
    basis="《实施办法》二（六）4：并根据工作进展情况，持续发布权威信息，局领导带头主动发声",
    hint=("根据处置进展持续发布权威信息，并在 follow_ups 中记录每次发布的时间和内容。",
          "Keep publishing as the handling progresses and record each release in follow_ups."),
    bad="level: major\nreleases:\n  - at: 2024-07-02 12:10\n    channel: 门户网站",
    good="level: major\nreleases:\n  - at: 2024-07-02 12:10\n    channel: 门户网站\nfollow_ups:\n  - at: 2024-07-05 10:00\n    note: 通报处置进展",
)
def no_follow_ups(ctx: Context) -> Iterator[Hit]:
    for rec in ctx.kind("opinion"):
        level = rec.data.get("level")
        if level not in LEVELS:
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
