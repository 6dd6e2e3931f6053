"""The installed wheel works on its own: schemas and templates ship inside it.

Builds the wheel, installs it (not editable) into a fresh virtual environment and runs
govdisc from an unrelated folder, so nothing can come from the source tree.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    base = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "build", "--wheel", "--outdir", str(base / "dist"), str(ROOT)],
                   check=True, capture_output=True)
    (wheel,) = (base / "dist").glob("govdisc-*.whl")
    venv.create(base / "venv", with_pip=True)
    py = base / "venv" / "bin" / "python"
    subprocess.run([str(py), "-m", "pip", "install", "-q", str(wheel)], check=True, capture_output=True)
    return base


def test_wheel_ships_schemas_and_templates(installed):
    (wheel,) = (installed / "dist").glob("govdisc-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "govdisc/schemas/document.schema.json" in names
    assert any(n.startswith("govdisc/templates/") for n in names)


def test_installed_check_from_an_unrelated_folder(installed, tmp_path):
    exe = installed / "venv" / "bin" / "govdisc"
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH",)}
    res = subprocess.run([str(exe), "check", "--register", str(ROOT / "register"), "--as-of", "2026-02-01",
                          "--format", "json", "--no-cache"], cwd=tmp_path, capture_output=True, text=True, env=env)
    assert res.returncode == 0, res.stderr
    assert json.loads(res.stdout)["summary"]["records"] >= 100
    res = subprocess.run([str(exe), "rules", "--format", "json"], cwd=tmp_path, capture_output=True, text=True, env=env)
    assert res.returncode == 0 and len(json.loads(res.stdout)) >= 35


def test_installed_letter_uses_the_shipped_wording(installed, tmp_path):
    exe = installed / "venv" / "bin" / "govdisc"
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH",)}
    out = tmp_path / "reply.docx"
    res = subprocess.run([str(exe), "letter", "YSQ-2024-0012", "reply", "--register", str(ROOT / "register"),
                          "-o", str(out)], cwd=tmp_path, capture_output=True, text=True, env=env)
    assert res.returncode == 0, res.stderr
    assert zipfile.ZipFile(out).read("word/document.xml").decode().count("政府信息公开申请答复书") == 1
