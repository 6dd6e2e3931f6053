"""Run the registered checks over a context and turn their hits into findings.

Most checks look at one record and nothing else (`per_record`). The engine runs those in one
pass over the records and, given a `RecordHits` store (`check` with its cache), reuses a
record's findings for as long as its file is unchanged: on a warm run of a 100,000-record
register that skips over half of the rule time. Every other check runs over the whole context.

A check that raises costs only itself: on one record for a per-record check, from the point of
the crash for the others. Each crash becomes a REG020 finding naming the rule (govdisc.internal);
so does a clock that raised while the rules read `ctx.obligations`.
"""

from __future__ import annotations

import marshal
from dataclasses import dataclass
from datetime import date
from functools import wraps
from pathlib import Path
from typing import Callable, Iterable, Iterator

from govdisc import progress
from govdisc.heap import gc_paused
from govdisc.internal import Crash, crash, record_in_traceback
from govdisc.loading.layout import CONFIG_NAME
from govdisc.model import Finding, Record
from govdisc.codes import REGISTRY, Check, Hit, Rule, from_hit, make_finding
from govdisc.rules.context import Context


def effective_severity(rule_: Rule, overrides: dict[str, str]) -> str:
    return overrides.get(rule_.code, rule_.severity)


# ---------------------------------------------------------------------------------------------
# Checks of one record
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PerRecord:
    """A check of one record alone: `check(record)`, or `check(record, as_of)` when `as_of`."""

    check: Callable[..., Iterable[Hit]]
    kinds: tuple[str, ...] = ()  # the record kinds it looks at; () for every kind
    as_of: bool = False

    def applies(self, kind: str) -> bool:
        return not self.kinds or kind in self.kinds

    def hits(self, rec: Record, as_of: date) -> Iterable[Hit]:
        return self.check(rec, as_of) if self.as_of else self.check(rec)


def per_record(*kinds: str, as_of: bool = False) -> Callable[[Callable[..., Iterable[Hit]]], Check]:
    """Decorator, below `@rule`, for a check of one record: `check(record)` for each record of
    `kinds` (every kind when none is given), `check(record, as_of)` with `as_of=True`.

    Such a check may look at nothing but its arguments (no settings, calendar or other
    records): that is what lets the engine keep its findings per file. The rule's `check(ctx)`
    is the plain loop over the context's records, as for any other check.
    """

    def wrap(func: Callable[..., Iterable[Hit]]) -> Check:
        spec = PerRecord(func, kinds, as_of)

        @wraps(func)
        def check(ctx: Context) -> Iterator[Hit]:
            records = ctx.kind(kinds[0]) if len(kinds) == 1 else ctx.records
            for rec in records:
                if spec.applies(rec.kind):
                    yield from spec.hits(rec, ctx.as_of)

        check.per_record = spec  # type: ignore[attr-defined]
        return check

    return wrap


def volatile(*kinds: str) -> Callable[[Check], Check]:
    """Decorator, below `@rule`, for a check whose findings depend on more than the register's
    files and the as-of date (git history, today's date). A check result kept in the cache never
    stands for it: on a run that reuses one, this check runs again over the records of `kinds`
    (the only ones it may look at)."""

    def wrap(func: Check) -> Check:
        func.volatile = kinds  # type: ignore[attr-defined]
        return func

    return wrap


def volatile_rules() -> dict[str, tuple[str, ...]]:
    """code → the record kinds of every volatile check (see `volatile`)."""
    return {code: r.check.volatile for code, r in REGISTRY.items()  # type: ignore[union-attr]
            if r.check is not None and getattr(r.check, "volatile", None) is not None}


def record_check(rule_: Rule) -> PerRecord | None:
    return getattr(rule_.check, "per_record", None)


#: A record's findings as stored: ((code, ((path, message_zh, message_en, pointer, record,
#: anchor), ...)), ...), only for codes with findings.
Stored = tuple


def _stored(rule_: Rule, hits: list[Hit]) -> tuple:
    return tuple((f.path, f.message_zh, f.message_en, f.pointer, f.record, f.anchor)
                 for f in (from_hit(rule_, h) for h in hits))


#: Per-record rules with their PerRecord, as run on one kind of record.
Checks = list[tuple[Rule, PerRecord]]


def evaluate(rec: Record, checks: Checks, as_of: date, report: bool = True) -> tuple[Stored, list]:
    """The findings of these per-record checks on one record, and the rules that crashed on it
    (a crash drops that rule's hits on this record only). `report=False`: a crash is only
    noted (no traceback on stderr), for a caller that lets the engine evaluate the record again."""
    found: list[tuple[str, tuple]] = []
    crashed: list = []
    for rule_, spec in checks:
        try:
            hits = list(spec.hits(rec, as_of))
        except Exception as exc:  # noqa: BLE001 - becomes a REG020 finding on this record
            crashed.append(crash(rule_.code, exc, rec) if report else rule_.code)
            continue
        if hits:
            found.append((rule_.code, _stored(rule_, hits)))
    return tuple(found), crashed


class RecordHits:
    """Findings of the per-record checks of each file, kept in .govdisc-cache/rules.bin.

    An entry is (file digest, as-of date, findings): the findings of the checks without as-of
    and of those with it, as the marshal bytes of that pair (b"" when both are empty, as for
    most records), decoded only when the record is looked up, so that loading and rewriting the
    file handles one byte string per record. It stands while the file's digest is the one
    recorded, the second part only on the same as-of date. The file is keyed by all of govdisc's
    source and the library versions (loading.cache.read_rule_hits), so an entry never outlives
    the code that made it.
    """

    def __init__(self, root: Path | None, digests: dict[str, str], entries: dict[str, tuple]) -> None:
        self.root = root
        self.digests = digests
        self.entries = entries
        self.seen: set[str] = set()
        self.changed = False

    @classmethod
    def load(cls, root: Path, digests: dict[str, str]) -> "RecordHits":
        from govdisc.loading.cache import read_rule_hits

        return cls(root, digests, read_rule_hits(root))

    def lookup(self, rec: Record, as_of: date, plain: Checks,
               dated: Checks) -> tuple[Stored, list[Crash]]:
        """The record's findings of the per-record checks without (`plain`) and with as-of
        (`dated`): stored ones where they still hold, the others evaluated and stored."""
        digest = self.digests.get(rec.path)
        if digest is None:  # not a file of the register: nothing to keep
            return evaluate(rec, plain + dated, as_of)
        self.seen.add(rec.path)
        day = as_of.isoformat()
        entry = self.entries.get(rec.path)
        if entry is not None and entry[0] == digest and entry[1] == day:
            kept_plain, kept_dated = _decoded(entry[2])
            return kept_plain + kept_dated, []
        crashed: list[Crash] = []
        if entry is not None and entry[0] == digest:
            found_plain = _decoded(entry[2])[0]
        else:
            found_plain, crashed = evaluate(rec, plain, as_of)
        found_dated, crashed_dated = evaluate(rec, dated, as_of)
        crashed += crashed_dated
        if not crashed:  # a crashing rule runs (and is reported) again on every run
            self.entries[rec.path] = (digest, day, _encoded(found_plain, found_dated))
            self.changed = True
        return found_plain + found_dated, crashed

    def add_products(self, results: Iterable, as_of: date) -> None:
        """Entries for the records whose per-record findings the loader's workers made (see
        `record_products`), for this as-of date."""
        day = as_of.isoformat()
        for r in results:
            if r.products is not None and r.digest:
                self.entries[r.path] = (r.digest, day, _encoded(*r.products))
                self.changed = True

    def save(self) -> None:
        """Write the entries of the records looked up, if any changed or went away, then let go
        of them (the engine saves as soon as the per-record checks are done, before the other
        checks run); a second call writes nothing."""
        if self.root is not None and (self.changed or not self.entries.keys() <= self.seen):
            from govdisc.loading.cache import write_rule_hits

            write_rule_hits(self.root, {p: e for p, e in self.entries.items() if p in self.seen})
        self.entries, self.seen, self.changed = {}, set(), False


def _encoded(plain: Stored, dated: Stored) -> bytes:
    return marshal.dumps((plain, dated)) if plain or dated else b""


def _decoded(blob: bytes) -> tuple[Stored, Stored]:
    return marshal.loads(blob) if blob else ((), ())


class RecordProducts:
    """The loader's `work` (see loading.parallel) for a check on `as_of`: every per-record rule's
    findings on one record just read, as the store keeps them (without as-of, with as-of), made
    in the process that parsed it, so that on a cold check they are made on every core. None
    when a rule raised on it: the engine evaluates that record again where the crash is reported."""

    def __init__(self, as_of: date) -> None:
        self.as_of = as_of
        self._checks: dict[str, tuple[Checks, Checks]] = {}

    def __getstate__(self) -> dict:
        return {"as_of": self.as_of, "_checks": {}}  # the rules are looked up where it runs

    def __call__(self, result: object) -> tuple | None:
        kind, path, data = result.kind, result.path, result.data  # type: ignore[attr-defined]
        checks = self._checks.get(kind)
        if checks is None:
            every = [r for r in REGISTRY.values() if record_check(r) is not None]
            checks = self._checks[kind] = _checks_for(every, kind)
        rec = Record(kind, path, data)
        with gc_paused():
            plain, crashed = evaluate(rec, checks[0], self.as_of, report=False)
            dated, crashed_dated = evaluate(rec, checks[1], self.as_of, report=False)
        return None if crashed or crashed_dated else (plain, dated)


def record_findings(ctx: Context, rules: list[Rule], store: RecordHits | None = None,
                    crashes: list[Crash] | None = None) -> dict[str, list[Finding]]:
    """Findings of the per-record `rules` in record order, by code; a rule's crash on a record
    is appended to `crashes` and its findings on the other records are kept. With a store,
    every per-record rule is evaluated for a record it has no entry for, so entries are complete."""
    wanted = {r.code for r in rules}
    every = [r for r in REGISTRY.values() if record_check(r) is not None] if store is not None else rules
    by_kind: dict[str, tuple[Checks, Checks]] = {}
    out: dict[str, list[Finding]] = {code: [] for code in wanted}
    for rec in ctx.records:
        checks = by_kind.get(rec.kind)
        if checks is None:
            checks = by_kind[rec.kind] = _checks_for(every, rec.kind)
        plain, dated = checks
        if not (plain or dated):
            continue
        if store is not None:
            found, crashed = store.lookup(rec, ctx.as_of, plain, dated)
        else:
            found, crashed = evaluate(rec, plain + dated, ctx.as_of)
        if crashed and crashes is not None:
            crashes.extend(c for c in crashed if c.check in wanted)
        for code, items in found:
            target = out.get(code)
            if target is not None:
                target.extend(Finding(code, "", *item[:5], None, None, item[5]) for item in items)  # type: ignore[misc]
    return out


def _checks_for(rules: list[Rule], kind: str) -> tuple[Checks, Checks]:
    """The per-record rules that look at records of `kind`: (without as-of, with as-of)."""
    pairs = [(r, spec) for r in rules if (spec := record_check(r)) is not None and spec.applies(kind)]
    return [p for p in pairs if not p[1].as_of], [p for p in pairs if p[1].as_of]


# ---------------------------------------------------------------------------------------------
# All checks
# ---------------------------------------------------------------------------------------------


def run_rules(ctx: Context, codes: Iterable[str] | None = None,
              store: RecordHits | None = None) -> list[Finding]:
    """Findings of every enabled rule with a check; a crash is a REG020 finding, not fatal.

    `store` keeps and reuses the findings of the per-record checks (see RecordHits). The cyclic
    GC is paused meanwhile (as for the deadline engine): the checks make many small objects and
    no cycles to speak of, and its collections would cost a quarter of the rule time.
    """
    with gc_paused():
        return _run_rules(ctx, codes, store)


def _run_rules(ctx: Context, codes: Iterable[str] | None, store: RecordHits | None) -> list[Finding]:
    wanted = set(codes) if codes is not None else None
    active: list[tuple[Rule, str]] = []
    for rule_ in REGISTRY.values():
        if rule_.check is None or (wanted is not None and rule_.code not in wanted):
            continue
        severity = effective_severity(rule_, ctx.config.severities)
        if severity != "off":
            active.append((rule_, severity))
    crashes: list[Crash] = []
    progress.stage("rules", len(active) + 1)
    per_record_found = record_findings(ctx, [r for r, _ in active if record_check(r) is not None],
                                       store, crashes)
    if store is not None:
        store.save()  # every lookup is done: written, and let go of, before the other checks run
    progress.advance()
    out: list[Finding] = []
    for rule_, severity in active:
        found = per_record_found.get(rule_.code)
        if found is None:
            found = _run_check(rule_, ctx, crashes)
        progress.advance()
        for f in found:
            f.severity = severity
            out.append(f)
    crashes += ctx.clock_crashes  # filled while the rules computed ctx.obligations
    return out + crash_findings(ctx, crashes)


def _run_check(rule_: Rule, ctx: Context, crashes: list[Crash]) -> list[Finding]:
    """A cross-record rule's findings; those it yielded before a crash are kept."""
    out: list[Finding] = []
    try:
        for h in rule_.check(ctx):  # type: ignore[misc]
            out.append(from_hit(rule_, h))
    except Exception as exc:  # noqa: BLE001 - one broken rule must not hide the others
        crashes.append(crash(rule_.code, exc, record_in_traceback(exc)))
    return out


def crash_findings(ctx: Context, crashes: list[Crash]) -> list[Finding]:
    """REG020 for each crash, on its record's file or else on govdisc.yaml, at the severity
    govdisc.yaml gives REG020 (none when it is off)."""
    reg020 = REGISTRY["REG020"]
    severity = effective_severity(reg020, ctx.config.severities)
    if severity == "off":
        return []
    out = []
    for c in crashes:
        rec = c.record
        path = rec.path if rec is not None else CONFIG_NAME
        record_id = rec.id if rec is not None and rec.kind != "config" else None
        out.append(make_finding(reg020, path, (), record_id, "value", severity, rule=c.check, error=c.error))
    return out


def apply_overrides(findings: list[Finding], overrides: dict[str, str]) -> list[Finding]:
    """Loader findings get the same per-rule severity settings as rule findings."""
    out = []
    for f in findings:
        sev = overrides.get(f.code)
        if sev == "off":
            continue
        if sev:
            f.severity = sev
        out.append(f)
    return out
