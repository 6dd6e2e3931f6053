"""Differential test of the quick read (loading/quickyaml.py) against the reader of record.

Wherever the quick read answers, its data must be exactly what yamlio's reader of record
(ruamel's C loader, its pure YAML 1.2 parser where libyaml 0.1.7 refuses) gives: the same
values of the same types, keys in the same order; and every position `locate` finds in its
tree must be the round-trip parse's. Where the reader of record refuses a text, the quick read
must not answer. Corpus: the example register, a generated register, the hostile corpus,
hand-written edge cases, and seeded random mutations of all of them.
"""

from __future__ import annotations

import math
import random
import subprocess
import sys
from pathlib import Path

import pytest

from govdisc.loading import quickyaml, yamlio
from govdisc.loading.layout import scan
from fuzzing import splice
from hostile import _bytes_cases, _sample

ROOT = Path(__file__).resolve().parent.parent.parent
EXAMPLE = ROOT / "register"

pytestmark = [pytest.mark.skipif(not quickyaml.AVAILABLE, reason="PyYAML's libyaml binding is not installed"),
              pytest.mark.filterwarnings("ignore::Warning")]  # ruamel's YAML 1.1 float notes (`1e3`)


def same(a: object, b: object) -> bool:
    """Equal values of identical types (True is not 1, 1 is not 1.0), dict keys in order."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return list(a) == list(b) and all(same(k, k2) for k, k2 in zip(a, b)) and all(same(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))
    if isinstance(a, float) and math.isnan(a):
        return math.isnan(b)  # type: ignore[arg-type]
    return a == b


def pointers(data: object, prefix: tuple = ()) -> list[tuple]:
    """Every pointer into the data, and one to a missing key of each mapping."""
    out = [prefix]
    if isinstance(data, dict):
        out.append(prefix + ("__no_such_key__",))
        for k, v in data.items():
            out += pointers(v, prefix + (k,))
    elif isinstance(data, list):
        out.append(prefix + (len(data),))
        for i, v in enumerate(data):
            out += pointers(v, prefix + (i,))
    return out


def reference_positions(text: str) -> object:
    if len(text) <= yamlio.PURE_FALLBACK_MAX:
        return yamlio.load_roundtrip(text)
    return yamlio._event_positions(text)


def compare(text: str, where: str) -> str:
    """'quick' when the quick read answered (and agreed), 'unsure' when it did not, 'skip' for
    text the loader refuses before any parser sees it."""
    many = text.count("[") + text.count("{") > yamlio.MAX_DEPTH
    if yamlio._precheck(text, many) is not None or yamlio._SEPARATORS.search(text):
        return "skip"
    quick = quickyaml.quick_load(text)
    exact, error = yamlio._exact_load(text)
    if quick is quickyaml.UNSURE:
        return "unsure"
    assert error is None, f"{where}: the quick read answered where the reader of record says {error}"
    assert same(quick, exact), f"{where}: {quick!r} != {exact!r}"
    if not isinstance(exact, (dict, list)):  # nothing in it to locate
        return "quick"
    tree = yamlio.load_positions(text)
    ref = reference_positions(text)
    assert tree is not None and ref is not None, where
    for ptr in pointers(exact):
        for anchor in ("value", "key", "missing", "parent"):
            got, want = yamlio.locate(tree, ptr, anchor), yamlio.locate(ref, ptr, anchor)
            assert got == want, f"{where}: {ptr} ({anchor}) at {got}, the round trip says {want}"
    return "quick"


def example_texts() -> dict[str, str]:
    return {spec.path: (EXAMPLE / spec.path).read_text(encoding="utf-8-sig")
            for spec in scan(EXAMPLE) if spec.kind is not None or spec.path == "govdisc.yaml"}


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    out = tmp_path_factory.mktemp("gen") / "register"
    subprocess.run([sys.executable, str(ROOT / "bench" / "generate.py"), "--records", "1500", "--out", str(out)],
                   check=True, capture_output=True)
    return {str(p.relative_to(out)): p.read_text(encoding="utf-8") for p in sorted(out.rglob("*.yaml"))}


def hostile_texts() -> dict[str, str]:
    out = {}
    for name, (raw, _code) in _bytes_cases(_sample(EXAMPLE)).items():
        try:
            out[name] = raw.decode("utf-8")
        except UnicodeDecodeError:
            continue
    return out


EDGE_CASES = [
    "a: 1", "v: 0123", "v: 0o17", "v: 0x1F", "v: 0b101", "v: 1_000", "v: +12", "v: -0", "v: 1e3", "v: 1.5e-3",
    "v: .5", "v: 1.", "v: .inf", "v: -.Inf", "v: .NaN", "v: ~", "v: null", "v: Null", "v: NULL", "v:", "v: ''",
    "v: true", "v: True", "v: FALSE", "v: yes", "v: no", "v: on", "v: off", "v: y", "v: n",
    "v: 2024-01-01", "v: 2024-1-1", "v: 2024-02-30", "v: 2024-01-01 10:00", "v: 2024-01-01T10:00:00Z",
    "v: 2024-01-01 10:00:00 +08:00", "v: 12:30", "v: 1:20:30", "v: '2024-01-01'", 'v: "2024-01-01"',
    "v: {at: 2024-07-02 12:10, channel: x}", "v: [a, b:c, 'd']", "v: {a: b:c}", "v: [a?b]",
    "1: a\n2: b", "true: a\nfalse: b", "~: a", "0x10: a\n16: b", "'1': a\n1: b",
    "v: |\n  line one\n  line two\n", "v: >\n  folded\n  text\n\n  para\n", "v: |-\n  keep\n", "v: >+\n  x\n\n",
    "v: plain\n  continued\n  lines", "v: 'single\n  quoted'", 'v: "double\n\n  quoted"', "v: 'it''s'",
    "a: 1\r\nb: [x, y]\r\nc:\r\n  - 1\r\n  - 2\r\n", "- a\n- b", "just text", "", "# only a comment\n",
    "---\na: 1\n...\n", "--- \na: 1", "a: 1\n---\nb: 2", "a: 1 # comment\nb: 'x' # c\n", "a: #\n  b",
    "a:\n- 1\n- 2", "a:\n  - {x: 1, y: [1, 2, {z: 3}]}\n  - []\n  - {}\n", "? a\n: 1", "? [a]\n: 1", "[a]: 1",
    "{a: 1}: 2", "a: &x 1\nb: 2", "a: &x [1]\nb: *x", "a: *x", "a: !!str 1", "a: ! 1", "a: !x 1", "!!map {a: 1}",
    "a: <<", "<<: {a: 1}", "a: =", "a: @x", "a: `x`", "a: %x", "%YAML 1.2\n---\na: 1", "%TAG ! tag:x,2024:\n---\na: !b 1",
    "a: 1\na: 2", "a: 1\nb: 2\na: 3", "a: {x: 1, x: 2}", "1: a\n1.0: b", "True: a\n1: b",
    "a: \"\\u00e9\\t\\x41\\/\"", "a: \"\\'\"", "a: 'back\\slash'", "a:\tb", "a: [1,\t2]", "a: b\t# c",
    "标题: 关于印发《办法》的通知", "a: 云岭新广办〔2025〕1号", "a: 😀 emoji", "😀: 1\nb: 😀x", "a: \u3000全角空格",
    "a: -", "a: - b", "- - a", "-\n  - a", "a: [\n  1,\n  2\n]", "a: {\n  b: 1\n}", "a: 'x' y", "a: \"x\" y",
    "a: b: c", "a: [b", "a: {b", "a: 'unclosed", "a: - \n", "a: ? x", "a: |\nb: 1", "key with spaces: v",
    "a: 9" + "9" * 5000, "a: -9" + "9" * 4200, "a: 1e400", "a: 0.1e-400", "a: 1__0", "a: 0o", "a: 0x", "a: ._5",
]


@pytest.mark.parametrize("text", EDGE_CASES, ids=range(len(EDGE_CASES)))
def test_edge_cases(text: str) -> None:
    compare(text, repr(text))


def test_example_register_is_read_quickly_and_exactly() -> None:
    results = {path: compare(text, path) for path, text in example_texts().items()}
    assert list(results.values()).count("quick") >= 0.9 * len(results), "the quick read should take most files"


def test_generated_register(generated: dict[str, str]) -> None:
    results = [compare(text, path) for path, text in generated.items()]
    assert results.count("quick") == len(results), "every generated file should take the quick read"


def test_hostile_corpus() -> None:
    for name, text in hostile_texts().items():
        compare(text, name)


def _mutants(texts: dict[str, str], n: int, seed: int) -> list[tuple[str, str]]:
    """n texts of the corpus with one to three random edits of YAML's own tokens (fuzzing.splice)."""
    rng = random.Random(seed)
    names = sorted(texts)
    out = []
    for i in range(n):
        name = rng.choice(names)
        out.append((f"{name} mutant {i}", splice(rng, texts[name], rng.randint(1, 3))))
    return out


def test_random_mutations(generated: dict[str, str]) -> None:
    corpus = {**example_texts(), **{k: v for k, v in list(generated.items())[:300]},
              **{f"edge {i}": t for i, t in enumerate(EDGE_CASES) if t}}
    outcomes = [compare(text, where) for where, text in _mutants(corpus, 3000, seed=19)]
    assert outcomes.count("quick") > 1000, "many mutants should still be read quickly"
