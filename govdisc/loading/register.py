"""Load a whole register: scan the layout, read every file (in parallel when it pays), build records."""

from __future__ import annotations

import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from govdisc.config import Config
from govdisc.loading.files import FileResult, load_file
from govdisc.loading.layout import CONFIG_NAME, FileSpec, expected_place, scan
from govdisc.model import Finding, Record
from govdisc.rules.base import finding

#: Below this many files a process pool costs more than it saves.
PARALLEL_MIN_FILES = 1500


@dataclass
class LoadedRegister:
    root: Path
    config: Config
    records: list[Record]
    results: list[FileResult]
    findings: list[Finding] = field(default_factory=list)  # file-level findings of every file
    config_broken: bool = False

    @property
    def files(self) -> int:
        return len(self.results)


def default_jobs() -> int:
    return max(1, min(8, os.cpu_count() or 1))


def _load_chunk(args: tuple[str, list[FileSpec]]) -> list[FileResult]:
    root, specs = args
    base = Path(root)
    return [load_file(base, s) for s in specs]


def load_results(root: Path, specs: list[FileSpec], jobs: int = 1) -> list[FileResult]:
    if jobs <= 1 or len(specs) < PARALLEL_MIN_FILES:
        return [load_file(root, s) for s in specs]
    size = max(200, len(specs) // (jobs * 8))
    chunks = [(str(root), specs[i:i + size]) for i in range(0, len(specs), size)]
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        return [r for part in pool.map(_load_chunk, chunks) for r in part]


def load_register(root: Path, jobs: int | None = None, cache: bool = False) -> LoadedRegister:
    specs = scan(root)
    known = [s for s in specs if s.kind is not None]
    if cache:
        from govdisc.loading.cache import load_with_cache

        results = load_with_cache(root, known, jobs or default_jobs())
    else:
        results = load_results(root, known, jobs or default_jobs())
    findings = [f for r in results for f in r.findings]
    for s in specs:
        if s.kind is None:
            findings.append(finding("REG006", s.path, line=1, column=1, expected=_suggest(s.path),
                                    expected_en="see docs/register-format.md"))
    records = [Record(r.kind, r.path, r.data) for r in results if r.data is not None and r.kind]
    config_result = next((r for r in results if r.path == CONFIG_NAME), None)
    config_data = config_result.data if config_result else None
    return LoadedRegister(
        root=root,
        config=Config.from_data(config_data),
        records=records,
        results=results,
        findings=findings,
        config_broken=config_data is None,
    )


def _suggest(path: str) -> str:
    top = path.split("/", 1)[0]
    kind = {"catalog": "catalog", "documents": "document", "applications": "application",
            "opinions": "opinion", "meetings": "meeting", "activities": "activities",
            "reviews": "review", "reports": "report"}.get(top)
    return f"应放在 {expected_place(kind)}" if kind else "参见 docs/register-format.md"
