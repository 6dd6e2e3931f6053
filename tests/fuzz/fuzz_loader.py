"""Coverage-guided fuzzing of the one-file loader with atheris (libFuzzer), for long runs.

tests/unit/test_fuzz.py checks the same property on every test run, but only for a few hundred
inputs; this harness runs for as long as you let it and steers by coverage. It is not a test
(no `test_` prefix: pytest does not collect it) and atheris is not a dependency:

    pip install atheris
    python tests/fuzz/fuzz_loader.py -max_total_time=600            # ten minutes
    python tests/fuzz/fuzz_loader.py -max_total_time=600 corpus/    # keep and reuse a corpus
    python tests/fuzz/fuzz_loader.py crash-<hash>                    # replay one failing input

An input is one byte choosing the kind of file (fuzzing.KIND_PATHS) and the file's bytes. It
fails on any exception out of `parse_file` and on a finding that is not located inside the file
or has an unfilled message. An empty corpus directory is seeded with the example register, and
YAML tokens go to libFuzzer as a dictionary, unless -dict is given. Add what it finds to
fuzzing.LOADER_REGRESSIONS, which the tests replay.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests/fuzzing.py

import atheris

with atheris.instrument_imports(include=["govdisc", "ruamel", "jsonschema"]):
    from fuzzing import EXAMPLE, KIND_PATHS, YAML_TOKENS, assert_well_formed

    from govdisc.loading.files import parse_file
    from govdisc.loading.layout import classify


def one_input(data: bytes) -> None:
    if not data:
        return
    path = KIND_PATHS[data[0] % len(KIND_PATHS)]
    raw = data[1:]
    assert_well_formed(path, raw, parse_file(classify(path), raw))


def seed(corpus: Path) -> None:
    """Every example file, with the kind byte of its own kind, into an empty corpus folder."""
    kinds = {classify(p).kind: i for i, p in enumerate(KIND_PATHS)}
    for n, src in enumerate(sorted(EXAMPLE.rglob("*.yaml"))):
        kind = classify(src.relative_to(EXAMPLE).as_posix()).kind
        (corpus / f"seed-{n:04d}").write_bytes(bytes([kinds.get(kind, 0)]) + src.read_bytes())


def dictionary() -> str:
    """YAML_TOKENS as a libFuzzer dictionary file; its path."""
    lines = ['"' + "".join(f"\\x{b:02x}" for b in token.encode("utf-8")) + '"' for token in YAML_TOKENS]
    with tempfile.NamedTemporaryFile("w", suffix=".dict", delete=False, encoding="ascii") as handle:
        handle.write("\n".join(lines) + "\n")
    return handle.name


def main(argv: list[str]) -> None:
    for arg in argv[1:]:
        folder = Path(arg)
        if not arg.startswith("-") and folder.is_dir() and not any(folder.iterdir()):
            seed(folder)
    if not any(a.startswith("-dict=") for a in argv):
        argv = [*argv, f"-dict={dictionary()}"]
    atheris.Setup(argv, one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main(sys.argv)
