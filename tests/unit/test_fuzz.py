"""Property fuzzing: no input file, however broken, makes govdisc raise.

(a) Bytes, text and YAML token soup into the one-file parser, for every kind of file: the
result is data or located findings, never an exception. (b) Example records mutated (types
swapped, keys deleted, huge strings, impossible dates, negative numbers, deep nesting), written
as files and run through `check`, the deadline engine and the statistics: no exception, and no
REG020 (an internal error the engine caught is still a bug). test_robustness.py runs the rules
and reports on mutated records in memory; this goes through the files.

`GOVDISC_FUZZ_SCALE=20 pytest tests/unit/test_fuzz.py` runs 20× the examples; for unbounded
coverage-guided runs see tests/fuzz/fuzz_loader.py.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import tempfile
from datetime import date
from pathlib import Path

import pytest
from fuzzing import (
    EXAMPLE,
    KIND_PATHS,
    LOADER_REGRESSIONS,
    YAML_TOKENS,
    assert_located,
    assert_well_formed,
    mutate,
    small_register,
    splice,
    to_yaml,
)
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from govdisc.calendar import calendar_for
from govdisc.check import run_check
from govdisc.deadlines import compute_obligations, explain_record, open_obligations
from govdisc.internal import Crash
from govdisc.loading.files import FileResult, parse_file
from govdisc.loading.layout import classify
from govdisc.loading.register import load_register
from govdisc.loading.yamlio import load_text
from govdisc.stats import annual_stats
from govdisc.stats.review import review_data

AS_OF = date(2026, 2, 1)
SCALE = max(1, int(os.environ.get("GOVDISC_FUZZ_SCALE", "1") or 1))
#: The suite's run (SCALE 1) replays the same examples every time, so CI never fails by chance;
#: a scaled run (GOVDISC_FUZZ_SCALE=N) explores fresh random ones.
FIXED = SCALE == 1
BYTES = settings(max_examples=250 * SCALE, deadline=None, derandomize=FIXED)
REGISTERS = settings(max_examples=30 * SCALE, deadline=None, derandomize=FIXED,
                     suppress_health_check=[HealthCheck.too_slow])

#: ruamel warns on `1e3` (a YAML 1.1 float without a dot); yamlio silences it, pytest re-enables it
pytestmark = pytest.mark.filterwarnings("ignore::ruamel.yaml.error.MantissaNoDotYAML1_1Warning")

kind_paths = st.sampled_from(KIND_PATHS)
yaml_soup = st.lists(st.sampled_from(YAML_TOKENS), max_size=80).map("".join)
example_texts = st.sampled_from(sorted(EXAMPLE.rglob("*.yaml")))


# -- (a) one file --------------------------------------------------------------------------------


def parse(path: str, raw: bytes) -> FileResult:
    result = parse_file(classify(path), raw)
    assert_well_formed(path, raw, result)
    return result


@pytest.mark.parametrize("name", sorted(LOADER_REGRESSIONS))
def test_loader_regressions(name: str) -> None:
    """Inputs that once crashed the loader (found here; see fuzzing.LOADER_REGRESSIONS)."""
    parse(*LOADER_REGRESSIONS[name])


@BYTES
@given(kind_paths, st.binary(max_size=1024))
def test_random_bytes(path: str, raw: bytes) -> None:
    parse(path, raw)


@BYTES
@given(kind_paths, st.text(max_size=400), st.sampled_from(["", "\ufeff"]))
def test_random_text(path: str, text: str, bom: str) -> None:
    parse(path, (bom + text).encode("utf-8", "surrogatepass"))


@BYTES
@given(kind_paths, yaml_soup)
def test_yaml_token_soup(path: str, text: str) -> None:
    parse(path, text.encode("utf-8"))


@BYTES
@given(example_texts, st.randoms(use_true_random=False), st.integers(1, 6))
def test_spliced_example_files(source: Path, rnd: random.Random, edits: int) -> None:
    """Near-valid files: an example record with a few tokens put in or spans cut out, so the
    schema and its locator see broken records, not only the YAML parser."""
    text = splice(rnd, source.read_text(encoding="utf-8-sig"), edits)
    parse(source.relative_to(EXAMPLE).as_posix(), text.encode("utf-8"))


# -- (b) whole registers ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, dict]]:
    """The small register and its records as data, for the mutations."""
    root = small_register(tmp_path_factory.mktemp("fuzz") / "register")
    records = {}
    for p in sorted(root.rglob("*.yaml")):
        data, error = load_text(p.read_text(encoding="utf-8-sig"))
        assert error is None and isinstance(data, dict)
        records[p.relative_to(root).as_posix()] = data
    return root, records


def run_everything(root: Path, cache: bool, mutated: list[str]) -> None:
    """check, the deadline listings and explanations, the annual and self-inspection figures."""
    result = run_check(root, AS_OF, jobs=1, cache=cache)
    internal = [(f.path, f.message_en) for f in result.findings if f.code == "REG020"]
    assert not internal, internal
    for f in result.findings:
        assert_located(f)
    loaded = load_register(root, jobs=1)
    if loaded.config_broken:
        return
    cal = calendar_for(loaded.config)
    crashes: list[Crash] = []
    compute_obligations(loaded.records, loaded.config, cal, AS_OF, crashes=crashes)
    assert not crashes, crashes
    open_obligations(loaded.records, loaded.config, cal, AS_OF, within=5)
    for rec in loaded.records:
        if rec.path in mutated:
            explain_record(loaded.records, loaded.config, cal, AS_OF, rec.id)
    for year in (2024, 2025):
        json.dumps(annual_stats(loaded.records, loaded.config, cal, year), ensure_ascii=False)
        review_data(loaded.records, loaded.config, cal, year, as_of=AS_OF)


@REGISTERS
@given(st.randoms(use_true_random=False), st.integers(1, 6), st.integers(0, 2), st.booleans(), st.booleans())
def test_mutated_registers(base: tuple[Path, dict[str, dict]], rnd: random.Random, n: int, splices: int,
                           cache: bool, bare_dates: bool) -> None:
    """`n` mutated records, and `splices` files with broken YAML text besides (so the locator,
    suppression comments and cache see them too), through every stage."""
    source, records = base
    changed: dict[str, dict] = {}
    for _ in range(n):  # govdisc.yaml more often than its share: every rule and clock reads it
        path = "govdisc.yaml" if rnd.random() < 0.15 else rnd.choice(sorted(records))
        changed[path] = mutate(rnd, changed.get(path, records[path]))
    texts = {path: to_yaml(data, bare_dates) for path, data in changed.items()}
    for _ in range(splices):
        path = rnd.choice(sorted(records))
        texts[path] = splice(rnd, texts.get(path) or (source / path).read_text(encoding="utf-8-sig"), rnd.randint(1, 4))
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "register"
        shutil.copytree(source, root)
        for path, text in texts.items():
            (root / path).write_text(text, encoding="utf-8")
        run_everything(root, cache, sorted(texts))


@pytest.mark.parametrize("timezone", ["Asia", "Etc", "政务公开" * 100])
def test_timezone_that_is_no_zone_is_no_internal_error(base: tuple[Path, dict[str, dict]], tmp_path: Path,
                                                       timezone: str) -> None:
    """Found by test_mutated_registers: ZoneInfo raises OSError for a folder of the zone database
    or an overlong name, and OPN003, OPN004 and the opinion clocks crashed on it."""
    source, records = base
    root = tmp_path / "register"
    shutil.copytree(source, root)
    (root / "govdisc.yaml").write_text(to_yaml({**records["govdisc.yaml"], "timezone": timezone}), encoding="utf-8")
    run_everything(root, False, ["govdisc.yaml"])
