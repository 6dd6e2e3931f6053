"""Commands on a register holding hostile text (security hardening: a register is edited by many
hands and checked on untrusted merge requests): reports, `check` in every format, `stats` and
`deadlines` finish without crashing, print markup and template syntax as typed and pass no raw
control character on."""

from __future__ import annotations

import io
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from docx import Document
from support import HOSTILE_AGENCY, HOSTILE_DEPARTMENT, write_hostile_register
from typer.testing import CliRunner

from govdisc.cli import app

EXAMPLE = Path(__file__).resolve().parents[2] / "register"
runner = CliRunner()
AS_OF = ["--as-of", "2026-02-01"]
#: an unknown key: its name is quoted in the finding's message
KEY = "evil\x1b[31m[/x][bold]:smile:\n::error::pwned%\x00\ud800"
#: what may never reach a terminal, a log or a file raw (tab, LF and CR are the output's own)
RAW = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    root = write_hostile_register(EXAMPLE, tmp_path / "register")
    with (root / "applications" / "2024" / "YSQ-2024-0001.yaml").open("a", encoding="utf-8") as fh:
        fh.write(json.dumps(KEY) + ": 1\n")
    return root


def run(*args: str):
    res = runner.invoke(app, list(args))
    assert res.exception is None or isinstance(res.exception, SystemExit), res.exception
    return res


@pytest.mark.parametrize("fmt", ["md", "html", "docx"])
def test_report_annual_prints_hostile_register_text_literally(hostile, tmp_path, fmt):
    out = tmp_path / f"report.{fmt}"
    res = run("report", "annual", "--register", str(hostile), "--year", "2024", *AS_OF, "-o", str(out))
    assert res.exit_code == 0, res.output
    if fmt == "docx":
        doc = Document(io.BytesIO(out.read_bytes()))
        assert doc.paragraphs[0].text.startswith(HOSTILE_AGENCY + "\ufffd")
        return
    text = out.read_text(encoding="utf-8")
    assert not RAW.search(text) and "<script>" not in text and "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    literal = "{{ 7*7 }}" if fmt == "html" else "{{ 7\\*7 }}"  # Markdown escapes the *, it renders as typed
    assert literal + "{% for x in range(3) %}x{% endfor %}" in text


def test_report_review_with_hostile_department_name(hostile, tmp_path):
    res = run("report", "review", "--register", str(hostile), "--year", "2024", "-d", "dyc", *AS_OF)
    assert res.exit_code == 0 and not RAW.search(res.output)
    assert "电影处\\|甲\\*乙\\*\\[/x\\]" in res.output
    out = tmp_path / "review.docx"
    assert run("report", "review", "--register", str(hostile), "--year", "2024", *AS_OF, "-o", str(out)).exit_code == 0
    assert HOSTILE_DEPARTMENT in "\n".join(p.text for p in Document(str(out)).paragraphs)


def test_check_text_shows_hostile_key_literally(hostile):
    res = run("--no-color", "check", "--register", str(hostile), *AS_OF, "--no-cache")
    assert res.exit_code == 1 and not RAW.search(res.output)
    assert "evil\\x1b[31m[/x][bold]:smile:\\n::error::pwned%\\x00\\ud800" in res.output  # no emoji either


def test_check_github_cannot_be_injected(hostile):
    res = run("check", "--register", str(hostile), *AS_OF, "--no-cache", "--format", "github")
    assert res.exit_code == 1 and not RAW.search(res.output)
    assert all(line.startswith(("::", "govdisc:")) for line in res.output.splitlines())
    assert not any(line.startswith("::error::pwned") for line in res.output.splitlines())
    assert "evil\\x1b[31m[/x][bold]:smile:%0A::error::pwned%25\\x00\\ud800" in res.output


def test_check_junit_sarif_json_stay_valid(hostile):
    junit = run("check", "--register", str(hostile), *AS_OF, "--no-cache", "--format", "junit").output
    assert not RAW.search(junit)
    ET.fromstring(junit.encode("utf-8"))
    sarif = run("check", "--register", str(hostile), *AS_OF, "--no-cache", "--format", "sarif").output
    findings = run("check", "--register", str(hostile), *AS_OF, "--no-cache", "--format", "json").output
    assert not RAW.search(sarif) and not RAW.search(findings)
    # escaped in the text, the key is back exactly as written once parsed
    assert any(KEY in r["message"]["text"] for r in json.loads(sarif)["runs"][0]["results"])
    assert any(KEY in f["message"] for f in json.loads(findings)["findings"])


def test_stats_and_deadlines_with_hostile_names(hostile, tmp_path):
    table = run("--no-color", "stats", "--register", str(hostile), "--year", "2024", "-f", "table")
    assert table.exit_code == 0 and not RAW.search(table.output) and "&lt;" not in table.output
    data = run("stats", "--register", str(hostile), "--year", "2024")
    assert data.exit_code == 0 and json.loads(data.output)["agency"].startswith(HOSTILE_AGENCY + "\x00")
    listed = run("--no-color", "deadlines", "--register", str(hostile), "--as-of", "2025-06-30")
    assert listed.exit_code == 0 and not RAW.search(listed.output)
    ics = tmp_path / "d.ics"
    res = run("deadlines", "--register", str(hostile), "--as-of", "2025-06-30", "-f", "ics", "-o", str(ics))
    assert res.exit_code == 0 and not RAW.search(ics.read_text(encoding="utf-8").replace("\r\n", "\n"))
