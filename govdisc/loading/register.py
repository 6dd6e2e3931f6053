"""Load a whole register: scan the layout, read every file (in parallel when it pays), build records."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path

from govdisc.config import Config
from govdisc.heap import gc_paused, settle_heap
from govdisc.loading.cache import load_with_cache
from govdisc.loading.files import FileResult, load_file
from govdisc.loading.layout import FileSpec, expected_place, scan
from govdisc.loading.parallel import Work, default_jobs, load_results
from govdisc.model import Finding, Record
from govdisc.loading.codes import finding

@dataclass
class Seen:
    """A scan of the register just made, signatures of files stat'ed since, and a time before
    any of it: what a load may take instead of scanning and stat'ing again."""

    specs: list[FileSpec]
    stats: dict[str, tuple]
    stamp: int


@dataclass
class LoadedRegister:
    root: Path
    config: Config
    records: list[Record]
    results: list[FileResult]
    findings: list[Finding] = field(default_factory=list)  # file-level findings of every file
    config_broken: bool = False
    #: the scan (config first), and a time before any file of this load was stat'ed or read
    specs: list[FileSpec] = field(default_factory=list)
    stamp: int = 0

    @property
    def files(self) -> int:
        return len(self.results)

    @property
    def unread(self) -> list[Finding]:
        """Why each register file that yields no record was left out, one finding per file:
        unreadable or unparseable (syntax, encoding, not a mapping, refused links...) or at a
        place of the layout no record kind lives (REG006). Whatever computes from the records
        (stats, reports, deadlines) must say so: its figures lack these files."""
        out = []
        for r in self.results[1:]:  # [0] is govdisc.yaml: config_broken says that
            if r.data is None and r.findings:
                out.append(r.findings[0])
        out += [f for f in self.findings if f.code == "REG006"]
        return sorted(out, key=lambda f: f.path)


def load_register(root: Path, jobs: int | None = None, cache: bool = False, work: Work = None,
                  seen: Seen | None = None) -> LoadedRegister:
    """The register at `root`. `work`: done on every record read and parsed in this load, in the
    process that read it (its result is the FileResult's `products`; see parallel.parse_parts).
    `seen`: the scan and stats to use instead of making them again (see Seen)."""
    with gc_paused():
        loaded = _load_register(root, jobs, cache, work, seen)
        settle_heap()  # before the GC is back on, or its first collection walks every new object
    return loaded


def _load_register(root: Path, jobs: int | None, cache: bool, work: Work, seen: Seen | None) -> LoadedRegister:
    stamp = seen.stamp if seen is not None else time.time_ns()
    if seen is not None:
        specs = seen.specs
    elif cache:
        from govdisc.loading.scancache import cached_scan

        specs = cached_scan(root)
    else:
        specs = scan(root)
    # the configuration first: it sets the size limit the other files are read with
    config_result = load_file(root, specs[0])
    config = Config.from_data(config_result.data)
    known = [s for s in specs[1:] if s.kind is not None or s.refused is not None]
    if cache:
        results = load_with_cache(root, known, jobs or default_jobs(), config.max_file_bytes, work,
                                  seen.stats if seen is not None else None)
    else:
        results = load_results(root, known, jobs or default_jobs(), config.max_file_bytes, work)
    results.insert(0, config_result)
    findings = [f for r in results for f in r.findings]
    for s in specs:
        if s.kind is None and s.refused is None:
            findings.append(finding("REG006", s.path, line=1, column=1, expected=_suggest(s.path),
                                    expected_en=_suggest_en(s.path)))
    records = [Record(r.kind, r.path, r.data) for r in results if r.data is not None and r.kind]
    return LoadedRegister(
        root=root,
        config=config,
        records=records,
        results=results,
        findings=findings,
        config_broken=config_result.data is None,
        specs=specs,
        stamp=stamp,
    )


_KIND_OF_FOLDER = {"catalog": "catalog", "documents": "document", "applications": "application",
                   "opinions": "opinion", "meetings": "meeting", "activities": "activities",
                   "reviews": "review", "reports": "report", "assessments": "assessment",
                   "participation": "participation"}


def _suggest(path: str) -> str:
    kind = _KIND_OF_FOLDER.get(path.split("/", 1)[0])
    return f"应放在 {expected_place(kind)}" if kind else "各文件夹的位置见其中的 README.md（govdisc init 生成）"


def _suggest_en(path: str) -> str:
    kind = _KIND_OF_FOLDER.get(path.split("/", 1)[0])
    return f"it belongs at {expected_place(kind)}" if kind else "see the README.md of each folder (written by govdisc init)"
