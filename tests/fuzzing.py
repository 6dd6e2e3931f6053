"""Input makers shared by the fuzz and robustness tests and tests/fuzz/fuzz_loader.py.

Everything takes a `random.Random`: a seeded one in the deterministic tests, Hypothesis'
`st.randoms()` in the property tests (so failures shrink), atheris' bytes in the harness.
"""

from __future__ import annotations

import copy
import io
import random
import re
import shutil
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

from govdisc.loading.files import FileResult
from govdisc.model import Finding
from govdisc.rules import REGISTRY

EXAMPLE = Path(__file__).resolve().parent.parent / "register"

#: A path of each kind (and one at no known place), as classify() reads them.
KIND_PATHS: tuple[str, ...] = (
    "govdisc.yaml", "catalog/bgs/2024.yaml", "documents/2024/x.yaml", "applications/2024/YSQ-2024-0001.yaml",
    "opinions/2024/YQ-2024-001.yaml", "meetings/2024/HY-2024-001.yaml", "activities/2024.yaml",
    "reviews/bgs/2024.yaml", "reports/2024.yaml", "documents/misplaced.yaml",
)

#: Pieces of YAML syntax, and of what a register holds, for token-soup texts.
YAML_TOKENS: tuple[str, ...] = (
    ":", ": ", "-", "- ", "[", "]", "{", "}", ",", "? ", "|", ">-", "&a ", "*a", "<<: ", "!!python/object:os.system ",
    "!!binary ", "!!timestamp ", "!custom ", "!!str ", "%YAML 1.2\n", "---", "...", "'", '"', "\\", "#", " # govdisc: ignore[DOC001] 理由",
    "\n", "\r\n", "\t", "  ", "    ", "\u3000", "\ufeff", "\u2028", "\x85", "0", "1", "7", "-3", "1e3", "0x1F", "0o17", ".inf", ".nan", "~",
    "null", "true", "no", "2024-02-30", "2024-09-27", "2024-9-5", "2024-07-02 12:10", "2024-07-02T08:30:00+08:00", "12:30",
    "id", "doc_no", "title", "published", "date", "events", "type", "items", "reply", "department", "bgs",
    "YSQ-2024-0001", "测试办〔2024〕1号", "关于印发", "标题", "申请人", "13812345678", "11010519491231002X",
)

#: Values a mutation writes in: wrong types, odd dates, negative and huge numbers, nesting.
ODD_VALUES: tuple[Any, ...] = (
    None, True, False, 0, -1, -10**9, 10**30, -0.5, 1.5, float("inf"), float("nan"), "", " ", "x", "0",
    "2024-02-30", "2024-13-01", "2024-00-10", "0001-01-01", "9999-12-31", "1900-01-01", "2024-2-3",
    "2024-07-02 25:61", "2024-07-02T08:30:00+08:00", "2100-01-01", "bgs", "public", "not_public", "online",
    "https://x", [], [None], [[[]]], [1, [2, [3, [4]]]], {}, {"date": "2024-01-01"}, {"days": -5},
    {"type": "extension", "date": "2024-02-30"}, ["2024-01-01", "2024-01-02"], {"a": {"b": {"c": [1]}}},
)
HUGE_SIZES = (1_000, 20_000, 50_000)


def splice(rng: random.Random, text: str, n: int) -> str:
    """`text` with `n` random edits: a token inserted, a span deleted or a character doubled."""
    for _ in range(n):
        at = rng.randrange(len(text) + 1)
        r = rng.random()
        if r < 0.6:
            text = text[:at] + rng.choice(YAML_TOKENS) + text[at:]
        elif r < 0.85:
            text = text[:at] + text[at + rng.randint(1, 12):]
        elif at < len(text):
            text = text[:at] + text[at] * rng.randint(2, 40) + text[at:]
    return text


def huge_string(rng: random.Random) -> str:
    unit = rng.choice(["政务公开", "a", "1", "〔2024〕", "13812345678 ", "x\n", " "])
    return unit * (rng.choice(HUGE_SIZES) // len(unit))


def nested(depth: int) -> Any:
    value: Any = "leaf"
    for i in range(depth):
        value = [value] if i % 2 else {"k": value}
    return value


def odd_value(rng: random.Random) -> Any:
    r = rng.random()
    if r < 0.1:
        return huge_string(rng)
    if r < 0.15:
        return nested(rng.randint(5, 30))
    return copy.deepcopy(rng.choice(ODD_VALUES))


def swapped(rng: random.Random, value: Any) -> Any:
    """The value in another type that still carries it: '5' ↔ 5, x → [x] or {value: x}, ..."""
    if isinstance(value, bool) or value is None:
        return rng.choice([str(value).lower(), int(bool(value)), [value]])
    if isinstance(value, (int, float)):
        return rng.choice([str(value), -value, [value], float(value) + 0.5])
    if isinstance(value, str):
        return rng.choice([len(value), [value], {"value": value}, value.replace("-", "/"), value * 2])
    if isinstance(value, list):
        return rng.choice([dict(enumerate(value)), value[0] if value else None, ", ".join(map(str, value))])
    if isinstance(value, dict):
        return rng.choice([list(value.values()), list(value), str(value)])
    return None


def _pick(rng: random.Random, data: dict) -> tuple[Any, Any]:
    """A (container, key or index) somewhere in the record, shallow more often than deep."""
    node: Any = data
    parent: tuple[Any, Any] = (data, rng.choice(list(data)) if data else "extra")
    for _ in range(rng.randint(0, 4)):
        keys = list(node) if isinstance(node, dict) else list(range(len(node))) if isinstance(node, list) else []
        if not keys:
            break
        key = rng.choice(keys)
        parent = (node, key)
        if not isinstance(node[key], (dict, list)) or rng.random() < 0.3:
            break
        node = node[key]
    return parent


def mutate(rng: random.Random, data: dict) -> dict:
    """A copy of the record with one random change: a value replaced by an odd one or swapped to
    another type, a key or item deleted or renamed, a list item doubled."""
    data = copy.deepcopy(data)
    container, key = _pick(rng, data)
    r = rng.random()
    present = (key in container) if isinstance(container, dict) else 0 <= key < len(container)
    if not present or r < 0.35:
        container[key] = odd_value(rng)
    elif r < 0.55:
        container[key] = swapped(rng, container[key])
    elif r < 0.75:
        del container[key]
    elif r < 0.85 and isinstance(container, dict):
        container[rng.choice(["date", "type", "kind", "from", "days", "extra", 1, "id"])] = container.pop(key)
    elif isinstance(container, list):
        container.insert(key, copy.deepcopy(container[key]))
    else:
        container[key] = odd_value(rng)
    return data


_DATE_QUOTED = re.compile(r"(?<=[:-] )'(\d{4}-\d{1,2}-\d{1,2})'$", re.MULTILINE)


def to_yaml(data: Any, bare_dates: bool = True) -> str:
    """Block-style YAML as a clerk would write it; `bare_dates`: date-like text (odd dates too)
    unquoted, so YAML reads it as a timestamp."""
    yaml = YAML(typ="safe", pure=True)
    yaml.default_flow_style = False
    yaml.allow_unicode = True
    yaml.width = 4096
    out = io.StringIO()
    yaml.dump(data, out)
    return _DATE_QUOTED.sub(r"\1", out.getvalue()) if bare_dates else out.getvalue()


#: Department folders (catalogs, self-inspections) the small register keeps.
SMALL_DEPARTMENTS = ("bgs", "gbc")


def small_register(dest: Path, per_folder: int = 2) -> Path:
    """govdisc.yaml and a spread of `per_folder` example files of each folder (applications:
    one more; catalogs and reviews: SMALL_DEPARTMENTS only). Every kind of record and clock in
    ~30 files: fast enough for a whole-pipeline run per fuzz example."""
    dest.mkdir(parents=True, exist_ok=True)
    shutil.copy2(EXAMPLE / "govdisc.yaml", dest / "govdisc.yaml")
    folders = sorted({p.parent for p in EXAMPLE.rglob("*.yaml") if p.parent != EXAMPLE})
    for folder in folders:
        top = folder.relative_to(EXAMPLE).parts[0]
        if top in ("catalog", "reviews") and folder.name not in SMALL_DEPARTMENTS:
            continue
        files = sorted(folder.glob("*.yaml"))
        n = per_folder + (top == "applications")
        step = max(1, len(files) // n)
        for src in files[::step][:n]:
            target = dest / src.relative_to(EXAMPLE)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, target)
    return dest


# -- what a parsed file must look like --------------------------------------------------------------


def assert_well_formed(path: str, raw: bytes, result: FileResult) -> None:
    """Data or findings, every finding registered, located (inside the file) and with its
    message filled in."""
    assert isinstance(result, FileResult) and result.path == path
    assert result.data is None or isinstance(result.data, dict)
    if result.data is None:
        assert result.findings, "a file that gave no record must say why"
    breaks = sum(raw.count(b) for b in (b"\n", b"\r", "\u2028".encode(), "\u2029".encode(), "\x85".encode()))
    for f in result.findings:
        assert_located(f, max_line=breaks + 1)


def assert_located(f: Finding, max_line: int | None = None) -> None:
    assert f.code in REGISTRY, f.code
    assert isinstance(f.line, int) and isinstance(f.column, int), f
    assert f.line >= 1 and f.column >= 1, f
    if max_line is not None:
        assert f.line <= max_line, f
    for param in REGISTRY[f.code].params():
        assert "{" + param + "}" not in f.message_zh, f.message_zh


# -- what the fuzzers found ----------------------------------------------------------------------

#: Minimal files that crashed `parse_file` (found by tests/unit/test_fuzz.py, fixed in the
#: loader): it located schema problems with the round-trip parser, which raised on text the C
#: parser had accepted: an impossible bare date (its constructor built a datetime) or a tab
#: inside a plain scalar.
LOADER_REGRESSIONS: dict[str, tuple[str, bytes]] = {
    "impossible-date": ("documents/2024/x.yaml", b"formed: 2024-02-30\n"),
    "impossible-month": ("applications/2024/YSQ-2024-0001.yaml", b"id: YSQ-2024-0001\nsubmitted: 2024-13-01\n"),
    "tab-in-key": ("documents/2024/x.yaml", b"i\td: 1\n"),
    "tab-in-flow-scalar": ("documents/2024/x.yaml", b"a: {b: c\td}\n"),
}
