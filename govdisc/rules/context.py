"""What every check sees: the whole register, its settings, the calendar and the clocks."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable, Iterator, TypeVar

from govdisc.config import Config
from govdisc.dates import parse_date
from govdisc.deadlines.yearend import register_years
from govdisc.internal import Crash
from govdisc.model import Obligation, Record

if TYPE_CHECKING:
    from govdisc.calendar import WorkCalendar

T = TypeVar("T")
_YEAR_FILE = re.compile(r"(\d{4})\.ya?ml$")


@dataclass
class Context:
    root: Path
    config: Config
    records: list[Record]
    as_of: date
    _calendar: "WorkCalendar | None" = field(default=None, repr=False)
    #: clocks that raised while `obligations` was computed (the engine reports them as REG020)
    clock_crashes: list[Crash] = field(default_factory=list, repr=False)
    #: the records' clocks kept from earlier runs (deadlines.kept.KeptClocks), or None
    kept_clocks: object = field(default=None, repr=False)

    def kind(self, kind: str) -> list[Record]:
        return self.by_kind.get(kind, [])

    @cached_property
    def by_kind(self) -> dict[str, list[Record]]:
        out: dict[str, list[Record]] = defaultdict(list)
        for rec in self.records:
            out[rec.kind].append(rec)
        return dict(out)

    @cached_property
    def calendar(self) -> "WorkCalendar":
        if self._calendar is not None:
            return self._calendar
        from govdisc.calendar import calendar_for

        return calendar_for(self.config)

    @cached_property
    def obligations(self) -> list[Obligation]:
        from govdisc.deadlines import compute_obligations

        made = compute_obligations(self.records, self.config, self.calendar, self.as_of,
                                   crashes=self.clock_crashes, kept=self.kept_clocks)
        if self.kept_clocks is not None:
            self.kept_clocks.save()  # type: ignore[attr-defined]  # written, and let go of, before the rules run
        return made

    @cached_property
    def obligations_by_path(self) -> dict[str, list[Obligation]]:
        out: dict[str, list[Obligation]] = defaultdict(list)
        for ob in self.obligations:
            out[ob.path].append(ob)
        return dict(out)

    @cached_property
    def records_by_path(self) -> dict[str, Record]:
        return {rec.path: rec for rec in self.records}

    def record_at(self, path: str) -> Record | None:
        return self.records_by_path.get(path)

    @cached_property
    def documents_by_no(self) -> dict[str, Record]:
        out: dict[str, Record] = {}
        for rec in self.kind("document"):
            no = rec.get("doc_no")
            if isinstance(no, str):
                out.setdefault(no, rec)
        return out

    @cached_property
    def catalog_items(self) -> dict[tuple[str, int], dict[str, dict]]:
        """(department, year) → item id → item."""
        out: dict[tuple[str, int], dict[str, dict]] = defaultdict(dict)
        for rec in self.kind("catalog"):
            dept, year = rec.get("department"), rec.get("year")
            if not isinstance(dept, str) or not isinstance(year, int):
                continue
            for item in rec.seq("items"):
                if isinstance(item, dict) and isinstance(item.get("id"), str):
                    out[(dept, year)][item["id"]] = item
        return dict(out)

    @cached_property
    def all_catalog_item_ids(self) -> set[str]:
        return {i for items in self.catalog_items.values() for i in items}

    @cached_property
    def department_ids(self) -> set[str]:
        return self.config.department_ids

    @cached_property
    def config_record(self) -> Record | None:
        found = self.kind("config")
        return found[0] if found else None

    def finished_years(self) -> list[int]:
        """Years that ended before as-of and that the register has any record for."""
        return [y for y in self.years if y < self.as_of.year]

    @cached_property
    def years(self) -> list[int]:
        """Years with year-end duties (see deadlines.yearend.register_years)."""
        return register_years(self.records, self.config, self.as_of)

    def date(self, value: object) -> date | None:
        return parse_date(value)

    def shared(self, name: str, make: Callable[["Context"], Iterable[T]]) -> Iterator[T]:
        """The items of `make(self)`, made once for all the rules that iterate the same thing
        (`name` says what) and replayed to each: exactly what each would have seen, an error
        part-way included (raised again at the same place)."""
        memo = self.__dict__.setdefault("_shared", {})
        made = memo.get(name)
        if made is None:
            made = memo[name] = _Replay(iter(make(self)))
        return made.replay()

    def yearly_misses(self, name: str) -> Iterator[tuple[int, Obligation]]:
        """The year-end clocks `name` (annual_report, assessment…) overdue or met late, with the
        year they are for (the year of their file, else the year before the due date)."""
        for ob in self.obligations:
            if ob.obligation == name and ob.status in ("overdue", "late"):
                m = _YEAR_FILE.search(ob.path)
                yield (int(m.group(1)) if m else int(ob.due[:4]) - 1), ob


class _Replay:
    """Items drawn from an iterator once, then replayed (see Context.shared)."""

    def __init__(self, source: Iterator) -> None:
        self.source: Iterator | None = source
        self.items: list = []
        self.error: BaseException | None = None

    def replay(self) -> Iterator:
        i = 0
        while True:
            if i < len(self.items):
                yield self.items[i]
                i += 1
                continue
            if self.error is not None:
                raise self.error
            if self.source is None:
                return
            try:
                self.items.append(next(self.source))
            except StopIteration:
                self.source = None
            except Exception as exc:  # noqa: BLE001 - every rule that draws this far sees it
                self.error, self.source = exc, None


def iter_strings(value: object, pointer: tuple = ()) -> Iterable[tuple[tuple, str]]:
    """Every string value in nested data with its pointer (for PII and similar scans)."""
    if isinstance(value, str):
        yield pointer, value
    elif isinstance(value, dict):
        for k, v in value.items():
            yield from iter_strings(v, pointer + (k,))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from iter_strings(v, pointer + (i,))
