"""`govdisc check`: load → validate → rules → locate → suppress → scope, as plain data."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from govdisc.heap import gc_paused
from govdisc.loading.files import FINDING_FIELDS
from govdisc.loading.layout import CONFIG_NAME
from govdisc.loading.locator import locate_findings, read_text
from govdisc.loading.register import LoadedRegister, Seen, load_register
from govdisc.model import Finding
from govdisc.rules import engine
from govdisc.rules.context import Context
from govdisc.rules.suppress import apply_suppressions


@dataclass
class CheckResult:
    root: Path
    findings: list[Finding]
    files: int
    records: int
    config_broken: bool = False
    checked_paths: list[str] = field(default_factory=list)
    #: with `check --new-against REF`: REF, and how many findings it already had (not listed)
    against: str | None = None
    existing: int = 0

    def count(self, severity: str) -> int:
        return sum(1 for f in self.findings if f.severity == severity)

    @property
    def errors(self) -> int:
        return self.count("error")

    @property
    def warnings(self) -> int:
        return self.count("warning")

    def summary(self) -> dict[str, int]:
        return {"files": self.files, "records": self.records, "errors": self.errors,
                "warnings": self.warnings, "infos": self.count("info")}


def context_for(loaded: LoadedRegister, as_of: date) -> Context:
    return Context(loaded.root, loaded.config, loaded.records, as_of)


def run_check(root: Path, as_of: date, scope: set[str] | None = None, jobs: int | None = None,
              cache: bool = False) -> CheckResult:
    """All findings of the register; with `scope`, only those in the given files.

    Cross-record rules always see the whole register, so a new file that names a missing
    department is caught even when only that file is in scope. The cyclic GC is paused
    throughout (heap.gc_paused): a check makes hundreds of thousands of long-lived, acyclic
    objects after the load froze the register (clocks, kept entries, the state it keeps), and
    one full collection among them cost 0.45 s at 100,000 records.
    """
    with gc_paused():
        return _check_register(root, as_of, scope, jobs, cache)


def _check_register(root: Path, as_of: date, scope: set[str] | None, jobs: int | None, cache: bool) -> CheckResult:
    seen = None
    if cache and scope is None:
        kept, seen = kept_result(root, as_of)
        if kept is not None:
            return kept
    loaded = load_register(root, jobs=jobs, cache=cache, work=engine.RecordProducts(as_of), seen=seen)
    del seen  # its 100,000 signatures are not needed any more
    findings = engine.apply_overrides(list(loaded.findings), loaded.config.severities)
    if not loaded.config_broken:
        findings = one_per_mistake(findings, rule_findings(loaded, context_for(loaded, as_of), cache))
    findings = _not_for_unreadable(root, loaded, findings)
    if scope is not None:
        findings = [f for f in findings if f.path in scope or _register_wide(f)]
    texts = locate_findings(root, findings)
    located = list(findings)
    marked = [r.path for r in loaded.results if r.has_suppressions]
    findings = _suppress(root, marked, findings, texts, scope)
    findings.sort(key=Finding.sort_key)
    paths = sorted(scope) if scope is not None else [r.path for r in loaded.results]
    checked = existing_files(root, paths, loaded)
    records = len(loaded.records) if scope is None else sum(1 for r in loaded.records if r.path in scope)
    result = CheckResult(root, findings, len(checked), records, loaded.config_broken, checked)
    if cache and scope is None:
        keep_result(root, as_of, loaded, located, marked, result)
    return result


# ---------------------------------------------------------------------------------------------
# The result kept for an unchanged register
# ---------------------------------------------------------------------------------------------

RESULT_FILE = "check.bin"


def _result_key(as_of: date) -> bytes:
    import marshal

    from govdisc.loading.cache import result_key

    return result_key(("check", 1, as_of.isoformat(), marshal.dumps(FINDING_FIELDS)))


def keep_result(root: Path, as_of: date, loaded: LoadedRegister, located: list[Finding], marked: list[str],
                result: CheckResult) -> None:
    """Keep the check's findings (located, before suppression) with the register state they stand
    for, so that a check of the unchanged register is a scan and a stat per file (kept_result).
    Not when a rule or clock crashed (it must run, and be reported with its traceback, again)."""
    import marshal

    from govdisc.loading.snapshot import state_of
    from govdisc.loading.store import write_blob

    if any(f.code == "REG020" for f in located):
        return
    state = state_of(loaded.specs, loaded.results, loaded.stamp)
    if state is None:
        return
    volatile = engine.volatile_rules()
    all_paths = [r.path for r in loaded.results]
    checked = set(result.checked_paths)
    rows = tuple(tuple(getattr(f, name) for name in FINDING_FIELDS) for f in located if f.code not in volatile)
    payload = (state, loaded.config.max_file_bytes, result.files, result.records, result.config_broken,
               [p for p in all_paths if p not in checked], marked, rows)
    try:
        write_blob(root, RESULT_FILE, _result_key(as_of), marshal.dumps(payload))
    except (OSError, ValueError):
        pass  # a read-only register, or a value marshal cannot encode: no kept result


def kept_result(root: Path, as_of: date) -> tuple[CheckResult | None, Seen | None]:
    """The check's result from the cache when the register is in the state it was computed for
    (see loading/snapshot.py), volatile rules run again; else (None, what was seen on the way:
    the scan and the files stat'ed, for the load that follows)."""
    import marshal
    import time

    from govdisc.loading.scancache import cached_scan
    from govdisc.loading.snapshot import unchanged
    from govdisc.loading.store import read_blob

    stamp = time.time_ns()
    try:
        payload = read_blob(root, RESULT_FILE, _result_key(as_of))
        if payload is None:
            return None, None
        state, limit, files, records, broken, missing, marked, rows = marshal.loads(payload)
        specs = cached_scan(root)
        stats: dict[str, tuple] = {}
        if not unchanged(root, specs, state, limit, stats):
            return None, Seen(specs, stats, stamp)
        findings = [Finding(*row) for row in rows]
    except Exception:  # noqa: BLE001 - an unusable kept result is simply not used
        return None, None
    volatile = engine.volatile_rules()
    if volatile and not broken:
        findings += _volatile_findings(root, as_of, specs, volatile, findings, limit)
    findings = _suppress(root, marked, findings, {}, None)
    findings.sort(key=Finding.sort_key)
    gone = set(missing)
    paths = [s.path for s in specs if s.kind is not None or s.refused is not None or s is specs[0]]
    checked = [p for p in paths if p not in gone]
    return CheckResult(root, findings, files, records, broken, checked), None


def _volatile_findings(root: Path, as_of: date, specs: list, volatile: dict[str, tuple[str, ...]],
                       kept: list[Finding], limit: int) -> list[Finding]:
    """The findings of the volatile checks, run over the records of the kinds they look at."""
    from govdisc.config import Config
    from govdisc.loading.files import load_file
    from govdisc.model import Record

    kinds = {k for ks in volatile.values() for k in ks} | {"config"}
    records = []
    config_data = None
    for i, spec in enumerate(specs):
        if spec.kind not in kinds or spec.refused is not None:
            continue
        r = load_file(root, spec, limit=limit) if i else load_file(root, spec)
        if i == 0:
            config_data = r.data
        if r.data is not None and r.kind:
            records.append(Record(r.kind, r.path, r.data))
    config = Config.from_data(config_data)
    ctx = Context(root, config, records, as_of)
    found = not_echoes(kept, engine.run_rules(ctx, codes=volatile))
    locate_findings(root, found, cache=True)
    return found


def one_per_mistake(file_findings: list[Finding], rule_found: list[Finding]) -> list[Finding]:
    """File findings plus the rule findings that are not the echo of a schema finding.

    A value the schema rejects (REG005: `reply.date: 2026-12-1`, a blank `reason:`) is removed
    from what the rules see, so a rule would then report it as missing (APP012 "no reply date")
    at the same place: one mistake, two findings. The REG005 says what is wrong with what was
    written; the rule finding at the very same pointer is dropped."""
    return file_findings + not_echoes(file_findings, rule_found)


def not_echoes(file_findings: list[Finding], rule_found: list[Finding]) -> list[Finding]:
    """The rule findings that are not at the pointer of a schema finding (REG005) among
    `file_findings` (see one_per_mistake)."""
    rejected = {(f.path, f.pointer) for f in file_findings if f.code == "REG005" and f.pointer}
    if not rejected:
        return rule_found
    return [f for f in rule_found if (f.path, f.pointer) not in rejected]


#: reference codes → the kind of record they refer to
_REFERENCES = {"REG009": "document", "REG010": "catalog"}


def _not_for_unreadable(root: Path, loaded: LoadedRegister, findings: list[Finding]) -> list[Finding]:
    """Drop "unknown document / catalog item" findings whose target sits in a file that could
    not be read (a syntax error, a merge-conflict marker): that file's own finding is the one
    mistake, and the reference is fine once it is fixed."""
    kinds = set(_REFERENCES.values())
    unreadable = [r.path for r in loaded.results if r.kind in kinds and r.data is None]
    if not unreadable or not any(f.code in _REFERENCES for f in findings):
        return findings
    texts = {kind: "\n".join(read_text(root, r.path) or "" for r in loaded.results
                              if r.kind == kind and r.data is None) for kind in kinds}
    records = {r.path: r for r in loaded.records}
    out = []
    for f in findings:
        kind = _REFERENCES.get(f.code)
        rec = records.get(f.path)
        target = rec.get(*f.pointer) if kind and rec is not None else None
        if isinstance(target, str) and target and target in texts[kind]:
            continue
        out.append(f)
    return out


def _register_wide(f: Finding) -> bool:
    """An internal error no record could be named for (REG020 on govdisc.yaml): the check is
    incomplete whatever the scope, so it is reported with any scope."""
    return f.code == "REG020" and f.path == CONFIG_NAME


def rule_findings(loaded: LoadedRegister, ctx: Context, cache: bool) -> list[Finding]:
    """The rules' findings; with the cache, those of the per-record rules are kept per file
    (.govdisc-cache/rules.bin) and reused while the file is unchanged (engine.RecordHits)."""
    digests = {r.path: r.digest for r in loaded.results if r.digest}
    if not cache:
        store = engine.RecordHits(None, digests, {})
        store.add_products(loaded.results, ctx.as_of)
        return engine.run_rules(ctx, store=store)
    from govdisc.calendar import preload

    preload(loaded.root)
    from govdisc.deadlines.kept import KeptClocks

    config_digest = loaded.results[0].digest if loaded.results else ""
    ctx.kept_clocks = KeptClocks.load(loaded.root, digests, ctx.as_of, config_digest)
    store = engine.RecordHits.load(loaded.root, digests)
    store.add_products(loaded.results, ctx.as_of)
    found = engine.run_rules(ctx, store=store)
    ctx.kept_clocks.save()
    store.save()
    return found


def existing_files(root: Path, paths: list[str], loaded: LoadedRegister) -> list[str]:
    """The paths that are files. A file whose bytes were read (it has a digest) exists, so only
    the others are stat'ed: a stat per file cost 0.45 s a run at 100 000 records."""
    read = {r.path for r in loaded.results if r.digest}
    return [p for p in paths if p in read or (root / p).is_file()]


def _suppress(root: Path, marked: list[str], findings: list[Finding], texts: dict[str, str],
              scope: set[str] | None) -> list[Finding]:
    """Apply the `# govdisc: ignore[...]` comments of the files in `marked` (files that have any)."""
    by_path: dict[str, list[Finding]] = {}
    for f in findings:
        by_path.setdefault(f.path, []).append(f)
    for path in marked:
        if scope is not None and path not in scope:
            continue
        text = texts.get(path) or read_text(root, path)
        if text is not None:
            by_path[path] = apply_suppressions(path, text, by_path.get(path, []))
    return [f for group in by_path.values() for f in group]


class SelectionError(ValueError):
    def __init__(self, zh: str, en: str) -> None:
        super().__init__(en)
        self.zh, self.en = zh, en


def code_prefixes(values: list[str] | None, option: str) -> list[str]:
    """`--select` / `--ignore` values (repeatable, comma-separated) as upper-case code prefixes:
    a whole code (APP001), a family (APP) or any start of a code (APP0). An entry that starts no
    known code is an error, with the nearest code suggested."""
    import difflib

    from govdisc.codes import REGISTRY

    out: list[str] = []
    for value in values or []:
        for part in value.split(","):
            prefix = part.strip().upper()
            if not prefix:
                continue
            if not any(code.startswith(prefix) for code in REGISTRY):
                near = difflib.get_close_matches(prefix, sorted(REGISTRY), n=1)
                hint_zh = f"；是否应为 {near[0]}？" if near else ""
                hint_en = f"; did you mean {near[0]}?" if near else ""
                raise SelectionError(f"{option} {part.strip()} 不是任何规则代码或其开头（用 govdisc rules 查看）{hint_zh}",
                                     f"{option} {part.strip()} starts no rule code (see govdisc rules){hint_en}")
            out.append(prefix)
    return out


def selected(findings: list[Finding], select: list[str], ignore: list[str]) -> list[Finding]:
    """The findings `--select` keeps (all when empty) and `--ignore` does not drop; a longer
    prefix wins, as in ruff: `--select APP --ignore APP010` keeps every APP code but APP010,
    and `--ignore APP --select APP010` keeps just APP010."""
    if not select and not ignore:
        return findings

    def keep(code: str) -> bool:
        chosen = max((p for p in select if code.startswith(p)), key=len, default=None)
        dropped = max((p for p in ignore if code.startswith(p)), key=len, default=None)
        if select and chosen is None:
            return False
        return dropped is None or (chosen is not None and len(chosen) > len(dropped))

    return [f for f in findings if keep(f.code)]
