"""Mainland-China working-day calendar: weekends, statutory holidays and 调休 make-up days.

Data comes from the `holidays` package (the State Council's yearly 节假日安排 as far as the
installed version knows it), overridden by `calendar.holidays` / `calendar.workdays` in
govdisc.yaml. Everything is precomputed into arrays at construction so that `add` and
`between` are O(1): deadline computation over 100k records must stay cheap.

Conventions (DESIGN §4, reference E.28 — the Regulation does not define them):
- `add(D, N)`, N > 0: the N-th working day after D; D itself is never counted.
- `add(D, -N)`: the N-th working day before D; `add(D, 0)` is D unchanged.
- `between(D1, D2)`: working days in (D1, D2]; negative (minus the count in (D2, D1]) when
  D2 < D1, so `between(a, b) == -between(b, a)` and `between(a, c) == between(a, b) + between(b, c)`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from itertools import accumulate, compress
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, NamedTuple

from govdisc.dates import parse_date

if TYPE_CHECKING:
    from govdisc.config import Config

#: The range a calendar may grow to when a date outside its years is asked about.
#: China's five-day week started on 1995-05-01; the package's lunar tables end in 2100.
MIN_YEAR, MAX_YEAR = 1995, 2099

WORKDAY, WEEKEND, HOLIDAY, MAKEUP = 0, 1, 2, 3
KINDS = ("workday", "weekend", "holiday", "makeup")
#: bytes.translate table: kind code → 1 when people work that day.
_IS_WORK = bytes([1, 0, 0, 1]) + bytes(252)

_EVE = {"农历除夕", "Chinese New Year's Eve"}
_SPRING = ("春节", "Spring Festival")
#: appended to the name of a holiday in a year without an official schedule (see day_info)
ESTIMATED_ZH, ESTIMATED_EN = "（推算，非官方安排）", " (estimated, not official)"
_SUFFIXES = ("（补假，推定）", "（补假）", "（推定）", ESTIMATED_ZH,
             " (observed, estimated)", " (observed)", ESTIMATED_EN, " (estimated)")


class CalendarRangeError(ValueError):
    """A date (or a count) beyond what the calendar can represent (1995–2099)."""


class DayInfo(NamedTuple):
    kind: str  # workday | weekend | holiday | makeup
    name_zh: str
    name_en: str


class CalendarDay(NamedTuple):
    date: date
    kind: str
    name_zh: str
    name_en: str


class Break(NamedTuple):
    """A run of consecutive days off containing at least one holiday (放假调休 block)."""

    start: date
    end: date
    days: int
    name_zh: str
    name_en: str


@dataclass(frozen=True, slots=True)
class _Base:
    """Package data for a span of years, shared by every calendar over that span."""

    start: int  # ordinal of 1 Jan of first_year
    kinds: bytes  # one kind code per day
    names: dict[int, tuple[str, str]]  # ordinal → (zh, en), for non-plain days
    known: frozenset[int]  # years with an official schedule in the package


def _china(years: range, language: str | None):
    """holidays.China in the wanted language, or the package default if unsupported."""
    import holidays

    cls = holidays.China
    supported = getattr(cls, "supported_languages", ()) or ()
    lang = language if language in supported else None
    return cls(years=years, language=lang) if lang else cls(years=years)


def _static_data() -> tuple[dict, dict]:
    """The package's per-year official schedule tables (empty if its layout changed)."""
    try:
        from holidays.countries.china import ChinaStaticHolidays as S
    except ImportError:  # pragma: no cover - older/newer package layout
        return {}, {}
    return (getattr(S, "special_public_holidays", {}) or {},
            getattr(S, "special_public_holidays_observed", {}) or {})


def _substitutions() -> dict[date, date]:
    """Holiday date → the weekend day worked in exchange (调休), from the static tables."""
    special, _ = _static_data()
    out: dict[date, date] = {}
    for year, entries in special.items():
        if entries and not isinstance(entries[0], tuple):
            entries = (entries,)
        for e in entries:
            if len(e) >= 4 and all(isinstance(x, int) for x in e[:4]):
                from_year = e[4] if len(e) == 5 else year
                try:
                    out[date(year, e[0], e[1])] = date(from_year, e[2], e[3])
                except ValueError:
                    continue
    return out


def _known_years(makeup: Iterable[date]) -> frozenset[int]:
    """Years whose official State Council schedule the package carries."""
    special, observed = _static_data()
    return frozenset(set(special) | set(observed) | {d.year for d in makeup})


def _base_names(raw: str) -> list[str]:
    """'中秋节; 国庆节（补假）' → ['中秋节', '国庆节']: festival names without qualifiers."""
    out = []
    for part in raw.split("; "):
        for suffix in _SUFFIXES:
            if part.endswith(suffix):
                part = part[: -len(suffix)]
                break
        out.append(part)
    return out


def _block_name(names: list[str], sep: str) -> str:
    """Name a break after its festivals, dropping 除夕 / 'extended' variants of 春节."""
    uniq = [n for n in dict.fromkeys(names) if n]
    if any(s in n for n in uniq for s in _SPRING):
        uniq = [n for n in uniq if n not in _EVE]
    kept = [n for n in uniq if not any(n != o and n.startswith(o) for o in uniq)]
    if len(kept) > 1:  # 2020: 春节延长假期 / "Chinese New Year Extended Holiday" is part of 春节
        kept = [n for n in kept if "延长" not in n and "Extended" not in n] or kept
    return sep.join(kept)


#: spans of years already built (or read from a register's cache) in this process
_BASES: dict[tuple[int, int], _Base] = {}


def _base(first_year: int, last_year: int) -> _Base:
    """The package-derived day kinds and names, built once per span of years."""
    key = (first_year, last_year)
    if key not in _BASES:
        _BASES[key] = _build_base(first_year, last_year)
    return _BASES[key]


def _package_stamp() -> tuple:
    """What the built data depends on: this module and the installed holidays package's China
    data, by file signature (found without importing the package, which costs ~70 ms)."""
    import importlib.util
    import os

    stamp: list = [CALENDAR_CACHE_FORMAT]
    spec = importlib.util.find_spec("holidays")
    base = os.path.dirname(spec.origin) if spec and spec.origin else ""
    for path in (__file__, os.path.join(base, "countries", "china.py"), os.path.join(base, "version.py")):
        try:
            st = os.stat(path)
            stamp.append((path, st.st_size, st.st_mtime_ns))
        except OSError:
            stamp.append((path, None))
    return tuple(stamp)


CALENDAR_CACHE_FORMAT = 1


CALENDAR_CACHE_FILE = "calendar.bin"


def preload(root: "Path", first_year: int = 2000, last_year: int = 2045) -> None:
    """Read the default span's package data from a register's cache, or build and store it there.

    The holidays package takes ~0.1 s to import and evaluate; a warm check needs none of it. The
    entry is keyed by the package's and this module's file signatures and authenticated like
    every cache file (loading.store.read_blob): plain marshalled data, never pickle.
    """
    import marshal

    from govdisc.loading.store import read_blob, write_blob

    span = (first_year, last_year)
    if span in _BASES:
        return
    key = marshal.dumps((_package_stamp(), span))
    try:
        payload = read_blob(root, CALENDAR_CACHE_FILE, key)
        if payload is not None:
            start, kinds, names, known = marshal.loads(payload)
            _BASES[span] = _Base(start, kinds, names, frozenset(known))
            return
    except Exception:  # noqa: BLE001 - unusable entry: rebuild
        pass
    base = _base(first_year, last_year)
    try:
        write_blob(root, CALENDAR_CACHE_FILE, key,
                   marshal.dumps((base.start, base.kinds, base.names, tuple(sorted(base.known)))))
    except (OSError, ValueError):
        pass  # a read-only register simply rebuilds next time


def _build_base(first_year: int, last_year: int) -> _Base:
    """Build the package-derived day kinds and names for a span of years."""
    years = range(first_year, last_year + 1)
    zh, en = _china(years, "zh_CN"), _china(years, "en_US")
    start, end = date(first_year, 1, 1).toordinal(), date(last_year, 12, 31).toordinal()
    makeup = {d.toordinal() for d in getattr(zh, "weekend_workdays", ()) if start <= d.toordinal() <= end}
    holiday = {d.toordinal() for d in zh if start <= d.toordinal() <= end}
    kinds = bytearray(end - start + 1)
    for o in range(start, end + 1):
        if o in holiday:
            kinds[o - start] = HOLIDAY
        elif o in makeup:
            kinds[o - start] = MAKEUP
        elif o % 7 in (6, 0):  # ordinal % 7: 6 = Saturday, 0 = Sunday
            kinds[o - start] = WEEKEND
    names = _name_days(kinds, start, zh, en)
    known = _known_years(getattr(zh, "weekend_workdays", ()))
    return _Base(start, bytes(kinds), names, known)


def _name_days(kinds: bytearray, start: int, zh, en) -> dict[int, tuple[str, str]]:
    """Chinese/English names for holidays, weekends inside a break, and make-up days."""
    subst = _substitutions()
    block_of = _blocks(kinds, start, zh, en, subst)
    names: dict[int, tuple[str, str]] = {}
    for d in zh:
        o = d.toordinal()
        if 0 <= o - start < len(kinds):
            names[o] = (zh.get(d, "").replace("; ", "、"), en.get(d, "") or zh.get(d, ""))
    for o, block in block_of.items():
        d = date.fromordinal(o)
        if kinds[o - start] == WEEKEND:
            names[o] = (f"周末（{block[0]}假期）", f"Weekend ({block[1]} break)")
        elif d in subst:
            src = subst[d].isoformat()
            names[o] = (f"{block[0]}假期（与 {src} 调休）", f"{block[1]} break (day off in lieu of {src})")
    for hol, src in subst.items():
        o = src.toordinal()
        block = block_of.get(hol.toordinal())
        if block and 0 <= o - start < len(kinds) and kinds[o - start] == MAKEUP:
            names[o] = (f"{block[0]}调休上班（{hol.isoformat()} 休息）",
                        f"Make-up working day for {block[1]} (off on {hol.isoformat()})")
    return names


def _blocks(kinds: bytearray, start: int, zh, en, subst: dict) -> dict[int, tuple[str, str]]:
    """Ordinal → (zh, en) name of the 放假 block (run of days off with a festival) it is in."""
    out: dict[int, tuple[str, str]] = {}
    for m in re.finditer(rb"[\x01\x02]+", bytes(kinds)):
        if HOLIDAY not in kinds[m.start():m.end()]:
            continue
        days = [date.fromordinal(start + i) for i in range(m.start(), m.end())]
        real = [d for d in days if d in zh and d not in subst]
        if not real:
            continue
        block = (_block_name([b for d in real for b in _base_names(zh.get(d, ""))], "、"),
                 _block_name([b for d in real for b in _base_names(en.get(d, ""))], ", "))
        for d in days:
            out[d.toordinal()] = block
    return out


class WorkCalendar:
    """Working days of mainland China, with the register's overrides; O(1) add/between."""

    def __init__(self, extra_holidays: Iterable = (), extra_workdays: Iterable = (),
                 first_year: int = 2000, last_year: int = 2045) -> None:
        self.extra_holidays = frozenset(d for d in map(parse_date, extra_holidays) if d)
        self.extra_workdays = frozenset(d for d in map(parse_date, extra_workdays) if d)
        self.override_years = frozenset(d.year for d in self.extra_holidays | self.extra_workdays)
        years = [first_year, last_year, *self.override_years]
        self.first_year = max(MIN_YEAR, min(years))
        self.last_year = min(MAX_YEAR, max(years))
        if self.first_year > self.last_year:
            raise CalendarRangeError(f"empty calendar span {first_year}–{last_year}")
        #: ranks (see `rank`) count from here, so they survive the span growing backwards
        self._epoch = date(self.first_year, 1, 1).toordinal()
        self._build()

    # -- construction -------------------------------------------------------------------

    def _build(self) -> None:
        """Apply overrides to the package data and precompute the counting arrays."""
        base = _base(self.first_year, self.last_year)
        kinds = bytearray(base.kinds)
        start = base.start
        names = dict(base.names)
        for d in self.extra_holidays:
            i = d.toordinal() - start
            if 0 <= i < len(kinds):
                kinds[i] = HOLIDAY
                names[d.toordinal()] = ("节假日（govdisc.yaml 设定）", "Holiday (set in govdisc.yaml)")
        for d in self.extra_workdays:  # applied last: a date in both lists is a working day
            i = d.toordinal() - start
            if 0 <= i < len(kinds):
                kinds[i] = WORKDAY if kinds[i] == WORKDAY else MAKEUP
                names[d.toordinal()] = ("调休上班（govdisc.yaml 设定）", "Working day (set in govdisc.yaml)")
        self._start, self._n = start, len(kinds)
        self._kinds = bytes(kinds)
        self._names = names
        self._known = base.known
        self._isw = self._kinds.translate(_IS_WORK)
        #: _cum[i] = working days in [start, start + i]
        self._cum = list(accumulate(self._isw))
        #: ordinals of all working days, ascending
        self._work = list(compress(range(start, start + self._n), self._isw))
        e = self._epoch - start
        self._off = self._cum[e] - self._isw[e]  # working days before the epoch

    def _grow(self, first_year: int, last_year: int) -> None:
        """Widen the span (rare: a date outside it was asked about) or raise a clear error."""
        if first_year < MIN_YEAR or last_year > MAX_YEAR:
            year = first_year if first_year < MIN_YEAR else last_year
            raise CalendarRangeError(
                f"日期超出工作日历范围（{MIN_YEAR}–{MAX_YEAR}年）/ date outside the working-day "
                f"calendar ({MIN_YEAR}–{MAX_YEAR}): year {year}")
        self.first_year, self.last_year = min(first_year, self.first_year), max(last_year, self.last_year)
        self._build()

    def _idx(self, d: date) -> int:
        """Day index of d in the arrays, growing the span when needed."""
        i = d.toordinal() - self._start
        if 0 <= i < self._n:
            return i
        self._grow(min(d.year, self.first_year), max(d.year, self.last_year))
        return d.toordinal() - self._start

    # -- O(1) queries ----------------------------------------------------------------------

    def is_workday(self, d: date) -> bool:
        i = self._idx(d)  # first: it may rebuild the arrays
        return bool(self._isw[i])

    def rank(self, d: date) -> int:
        """Working days in (epoch, d], epoch fixed at construction: rank(b) - rank(a) == between(a, b)."""
        i = self._idx(d)  # first: it may rebuild the arrays
        return self._cum[i] - self._off

    def nth(self, k: int) -> date:
        """The working day of rank k (inverse of rank on working days)."""
        while True:
            j = k + self._off - 1
            if 0 <= j < len(self._work):
                return date.fromordinal(self._work[j])
            if j >= len(self._work):
                self._grow(self.first_year, self.last_year + (j - len(self._work)) // 240 + 1)
            else:
                self._grow(self.first_year - (-j) // 240 - 1, self.last_year)

    def add(self, d: date, n: int) -> date:
        """N-th working day after d (n > 0), before d (n < 0), or d itself (n == 0)."""
        if n == 0:
            return d
        i = d.toordinal() - self._start
        if 0 <= i < self._n:
            # rank (in _cum terms) of the answer: after d, or |n|-th before d
            k = self._cum[i] + n if n > 0 else self._cum[i] - self._isw[i] + n + 1
            if 1 <= k <= len(self._work):
                return date.fromordinal(self._work[k - 1])
        return self._add_slow(d, n)

    def _add_slow(self, d: date, n: int) -> date:
        """add() after growing the span so that d and the answer fit in it."""
        self._idx(d)
        extra = abs(n) // 240 + 1
        if n > 0:
            self._grow(self.first_year, min(MAX_YEAR + 1, self.last_year + extra))
        else:
            self._grow(max(MIN_YEAR - 1, self.first_year - extra), self.last_year)
        return self.add(d, n)

    def between(self, d1: date, d2: date) -> int:
        """Working days in (d1, d2]; negative when d2 < d1."""
        s, n = self._start, self._n
        i1, i2 = d1.toordinal() - s, d2.toordinal() - s
        if not (0 <= i1 < n and 0 <= i2 < n):
            self._idx(d1), self._idx(d2)
            i1, i2 = d1.toordinal() - self._start, d2.toordinal() - self._start
        return self._cum[i2] - self._cum[i1]

    # -- descriptive ----------------------------------------------------------------------

    def day_info(self, d: date) -> DayInfo:
        """Kind of day and, for non-plain days, its Chinese and English name."""
        i = self._idx(d)
        kind = self._kinds[i]
        name = self._names.get(d.toordinal())
        if name is None:
            name = ("周末", "Weekend") if kind == WEEKEND else ("工作日", "Working day")
        elif kind == HOLIDAY and not self.is_known_year(d.year):
            # the package computes a year without a State Council schedule from the festival
            # dates alone: say so wherever the day is named
            name = (name[0] + ESTIMATED_ZH, name[1] + ESTIMATED_EN)
        return DayInfo(KINDS[kind], name[0], name[1])

    def is_known_year(self, year: int) -> bool:
        """True when the State Council schedule for the year is in the package or overridden."""
        return year in self._known or year in self.override_years

    @property
    def known_years(self) -> list[int]:
        return sorted(self._known | self.override_years)

    def days(self, year: int) -> list[CalendarDay]:
        """Every day of a year with its kind and name."""
        first, last = date(year, 1, 1), date(year, 12, 31)
        self._idx(first), self._idx(last)
        out = []
        for o in range(first.toordinal(), last.toordinal() + 1):
            d = date.fromordinal(o)
            info = self.day_info(d)
            out.append(CalendarDay(d, *info))
        return out

    def holidays_in(self, year: int) -> list[CalendarDay]:
        """Holiday days (statutory, in-lieu days off, register holidays) of a year."""
        return [c for c in self.days(year) if c.kind == "holiday"]

    def makeup_days(self, year: int) -> list[CalendarDay]:
        """调休上班: weekend days (or register workdays) that are working days."""
        return [c for c in self.days(year) if c.kind == "makeup"]

    def breaks(self, year: int) -> list[Break]:
        """放假 blocks of a year: consecutive days off containing a holiday, with a name."""
        out: list[Break] = []
        run: list[CalendarDay] = []
        for c in self.days(year) + [CalendarDay(date(year + 1, 1, 1), "workday", "", "")]:
            if c.kind in ("weekend", "holiday"):
                run.append(c)
                continue
            if any(r.kind == "holiday" for r in run):
                hol = next(r for r in run if r.kind == "holiday")
                out.append(Break(run[0].date, run[-1].date, len(run), *_break_name(run, hol)))
            run = []
        return out


def _break_name(run: list[CalendarDay], first_holiday: CalendarDay) -> tuple[str, str]:
    """A break's name: its weekend days carry the block name in their day names."""
    for c in run:
        if c.kind == "weekend" and c.name_zh.startswith("周末（"):
            return c.name_zh[3:-3], c.name_en[len("Weekend ("):-len(" break)")]
    holidays = [c for c in run if c.kind == "holiday"] or [first_holiday]
    # named after its festivals, as _blocks does: 农历除夕 + 春节 is the 春节 break
    zh = _block_name([n.split("假期（")[0] for c in holidays for n in _base_names(c.name_zh.replace("、", "; "))], "、")
    en = _block_name([n.split(" break (")[0] for c in holidays for n in _base_names(c.name_en)], ", ")
    return zh, en


def get_calendar(holidays: Iterable = (), workdays: Iterable = ()) -> WorkCalendar:
    """One shared calendar per set of register overrides (dates or ISO strings, any order).

    Callers must not mutate it; growth of its span on far-off dates is harmless."""
    def norm(values: Iterable) -> tuple[date, ...]:
        return tuple(sorted({d for d in map(parse_date, values) if d}))
    return _cached_calendar(norm(holidays), norm(workdays))


@lru_cache(maxsize=16)
def _cached_calendar(holidays: tuple[date, ...], workdays: tuple[date, ...]) -> WorkCalendar:
    return WorkCalendar(holidays, workdays)


def calendar_for(config: "Config") -> WorkCalendar:
    """The calendar a register's settings describe."""
    return get_calendar(config.extra_holidays, config.extra_workdays)


def iter_days(d1: date, d2: date) -> Iterable[date]:
    """Days in (d1, d2], ascending."""
    d = d1 + timedelta(days=1)
    while d <= d2:
        yield d
        d += timedelta(days=1)
