"""A fresh clone passes its own tests: they read nothing outside the repository."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import selfcontained

ROOT = Path(__file__).resolve().parent.parent
TESTS = ROOT / "tests"
SOURCES = sorted(p for p in TESTS.rglob("*.py") if p.name not in ("test_self_contained.py", "selfcontained.py"))

#: absolute folders of a developer's machine, spelled in a string literal
_MACHINE_PATH = re.compile(r"""["'](?:/work|/home|/Users|/root|/mnt|[A-Za-z]:\\\\)[/\\]""")
_PARENTS = re.compile(r"Path\(__file__\)\.resolve\(\)((?:\.parent)*)(?:\.parents\[(\d+)\])?")


def test_the_audit_hook_sees_reads_next_to_the_repository():
    sibling = ROOT.parent / "reference" / "sarif-schema-2.1.0.json"  # any folder beside the clone
    assert selfcontained.outside(str(sibling))
    assert not selfcontained.outside(str(ROOT / "tests" / "vendor" / "sarif" / "sarif-schema-2.1.0.json"))
    assert not selfcontained.outside(str(ROOT / ".." / ROOT.name / "register"))


def test_no_test_has_read_outside_the_repository_so_far():
    # conftest.py fails the whole session on any such read; this names them early
    assert selfcontained.report() == []


def test_test_sources_name_no_path_outside_the_repository():
    bad = []
    for path in SOURCES:
        text = path.read_text(encoding="utf-8")
        depth = len(path.parent.relative_to(ROOT).parts)  # levels from the file's folder up to ROOT
        for m in _PARENTS.finditer(text):
            up = m.group(1).count(".parent") + (int(m.group(2)) + 1 if m.group(2) is not None else 0)
            if up > depth + 1:  # up 1 is the file's own folder, at `depth` below ROOT
                bad.append(f"{path.relative_to(ROOT)}: {m.group(0)} leaves the repository")
        bad += [f"{path.relative_to(ROOT)}: {m.group(0)}…" for m in _MACHINE_PATH.finditer(text)]
        if "../shared" in text or "/shared/" in text:
            bad.append(f"{path.relative_to(ROOT)}: names a shared folder outside the repository")
    assert bad == []


def test_vendored_sarif_schema_is_the_published_one():
    schema = TESTS / "vendor" / "sarif" / "sarif-schema-2.1.0.json"
    digest = hashlib.sha256(schema.read_bytes()).hexdigest()
    assert digest == "c3b4bb2d6093897483348925aaa73af03b3e3f4bd4ca38cef26dcb4212a2682e"
    notice = (schema.parent / "README.md").read_text(encoding="utf-8")
    assert "Copyright © OASIS Open 2023. All Rights Reserved." in notice and digest in notice


def test_tools_and_bench_name_no_machine_paths():
    """Docstrings and notes say `python bench/run.py`, not one machine's interpreter path."""
    for folder in ("tools", "bench"):
        for path in (ROOT / folder).rglob("*"):
            if path.suffix in (".py", ".md"):
                assert not re.search(r"/work/|/home/|/Users/", path.read_text(encoding="utf-8")), path
