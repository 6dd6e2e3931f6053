"""Shared fixtures: the example register, small registers written to tmp_path, rule runners."""

from __future__ import annotations

import shutil
import sys
from datetime import date
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))  # tests/support.py

import selfcontained  # noqa: E402

selfcontained.watch()  # every file the test process opens next to the repository is noted

from support import EXAMPLE  # noqa: E402,F401  (the example register, for the fixtures below)
AS_OF = date(2026, 2, 1)


@pytest.fixture
def example_copy(tmp_path: Path) -> Path:
    """A private copy of the bundled example register (tests may break it freely)."""
    dest = tmp_path / "register"
    shutil.copytree(EXAMPLE, dest, ignore=shutil.ignore_patterns(".govdisc-cache"))
    return dest


def pytest_sessionfinish(session, exitstatus):
    """Fail the run when a test read a file outside the repository (see tests/selfcontained.py)."""
    leaked = selfcontained.report()
    if leaked:
        out = session.config.pluginmanager.get_plugin("terminalreporter")
        out.write_sep("=", "tests read outside the repository (vendor what they need under tests/)", red=True)
        for path in leaked:
            out.write_line(f"  {path}", red=True)
        session.exitstatus = 1
