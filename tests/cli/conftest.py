"""Fixtures of the CLI tests."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


@pytest.fixture
def minimal(tmp_path: Path) -> Path:
    """A private copy of tests/fixtures/minimal, a four-file register that checks clean."""
    dest = tmp_path / "reg"
    shutil.copytree(FIXTURES / "minimal", dest)
    return dest
