"""Reporters given a finding whose path, record and message hold hostile text (security
hardening): terminal controls and rich markup print literally, GitHub workflow commands cannot
be injected, JUnit stays well-formed XML, SARIF and JSON stay valid, encodable and lossless."""

from __future__ import annotations

import io
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from icalendar import Calendar
from rich.console import Console
from rich.text import Text

from govdisc.check import CheckResult
from govdisc.model import Finding, Obligation
from govdisc.output import ci, deadlines
from govdisc.output.findings import to_json, to_text
from govdisc.output.ics import obligations_to_ics
from govdisc.output.stats import stats_summary
from govdisc.textsafety import document_text, json_text, terminal_text

#: ESC sequence, a line break followed by a workflow command, %, rich markup, NUL, CR, BEL, a C1
#: CSI, a bidi override, a lone surrogate and an emoji code
HOSTILE = "键 \x1b[31m红\n::error::pwned 100% [bold]粗[/bold] [/x] \x00\r\x07\x9b\u202e\ud800 :smile:"
PATH = "applications/2024/a\x1b[2J,b:c%.yaml"
RECORD = "YSQ[bold]\x00"
#: what may never reach a terminal, a log or an XML file raw
RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202e\ud800-\udfff]")


@pytest.fixture
def result(tmp_path: Path) -> CheckResult:
    finding = Finding("REG005", "error", PATH, HOSTILE, HOSTILE, record=RECORD, line=3, column=1)
    return CheckResult(tmp_path, [finding], files=1, records=1, checked_paths=[PATH])


def test_text_reporter_shows_controls_and_markup_literally(result):
    out = to_text(result, "zh")
    plain = Text.from_markup(out, emoji=False).plain  # what the CLI prints; parsing must not fail
    assert not RAW.search(plain)
    assert "a\\x1b[2J,b:c%.yaml" in plain and "(YSQ[bold]\\x00)" in plain
    assert ("键 \\x1b[31m红\\n::error::pwned 100% [bold]粗[/bold] [/x] \\x00\\r\\x07\\x9b\\u202e\\ud800 :smile:"
            in plain)
    printed = io.StringIO()
    Console(file=printed, emoji=False, width=300).print(out)
    assert "\x1b" not in printed.getvalue() and "[bold]粗[/bold]" in printed.getvalue()


def test_text_reporter_prints_trailing_backslashes_as_typed(tmp_path):
    """rich reads backslashes before a tag as escapes: a value ending in them must not eat or
    double them, nor escape the tag that follows."""
    f = Finding("REG005", "warning", "a\\", "消息\\\\", "message", record="r[/x]\\", line=1, column=1)
    out = to_text(CheckResult(tmp_path, [f], files=1, records=1), "zh")
    plain = Text.from_markup(out).plain
    assert plain.splitlines()[0] == "a\\" and "消息\\\\  (r[/x]\\)\n" in plain


def test_github_escaping_follows_the_workflow_command_rules():
    assert ci.escape_data("100%\r\n::x") == "100%25%0D%0A::x"
    assert ci.escape_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"


def test_github_reporter_cannot_inject_commands(result):
    out = ci.to_github(result, "zh")
    lines = out.split("\n")
    assert [line[:8] for line in lines] == ["::group:", "::error ", "::endgro", "govdisc:"]
    assert not RAW.search(out)
    command = lines[1]
    assert command.startswith("::error file=applications/2024/a\\x1b[2J%2Cb%3Ac%25.yaml,line=3,col=1,title=REG005::")
    message = command.split("::", 2)[2]
    assert message.startswith("键 \\x1b[31m红%0A::error::pwned 100%25 [bold]粗[/bold] [/x] \\x00%0D\\x07")


def test_junit_is_well_formed_xml(result):
    out = ci.to_junit(result, "zh")
    assert not RAW.search(out.replace("\r", ""))  # CR is XML (a parser reads it as LF)
    case = ET.fromstring(out.encode("utf-8")).find("testsuite/testcase")
    assert case is not None and case.get("name") == "applications/2024/a\ufffd[2J,b:c%.yaml"
    failure = case.find("failure")
    assert failure is not None
    assert "\ufffd[31m红\n::error::pwned 100% [bold]粗[/bold] [/x] \ufffd" in failure.get("message", "")
    assert "[bold]粗[/bold]" in (failure.text or "")


@pytest.mark.parametrize("reporter", [ci.to_sarif, to_json])
def test_sarif_and_json_are_valid_encodable_and_lossless(result, reporter):
    out = reporter(result, "zh")
    assert not RAW.search(out)
    out.encode("utf-8")  # no lone surrogate left raw
    doc = json.loads(out)
    if reporter is to_json:
        finding = doc["findings"][0]
        assert (finding["message"], finding["path"], finding["record"]) == (HOSTILE, PATH, RECORD)
    else:
        res = doc["runs"][0]["results"][0]
        assert res["message"]["text"] == HOSTILE and res["properties"]["record"] == RECORD
        uri = res["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        assert uri == "applications/2024/a%1B%5B2J%2Cb%3Ac%25.yaml"


def test_sarif_uri_of_a_file_name_that_is_not_utf8():
    assert ci.path_uri("applications/\udcff.yaml") == "applications/%FF.yaml"  # the original byte
    assert ci.path_uri("a\ud800") == "a%EF%BF%BD"  # not from a file name: replaced, no crash


def _obligation() -> Obligation:
    return Obligation(record="YSQ[/x]\x1b[31m", kind="application", obligation="reply", due="2025-01-10",
                      status="open", path="applications/[bold]a\x00.yaml", department="[red]部\u202e")


def test_deadlines_table_and_explanation_print_user_text_literally():
    printed = io.StringIO()
    Console(file=printed, width=300, emoji=False).print(deadlines.to_table([_obligation()], "zh", lambda d: d))
    shown = printed.getvalue()
    assert "YSQ[/x]\\x1b[31m" in shown and "applications/[bold]a\\x00.yaml" in shown
    assert "[red]部\\u202e" in shown and not RAW.search(shown)
    explained = deadlines.explanation([_obligation()], "zh")
    assert "YSQ[/x]\\x1b[31m" in explained and not RAW.search(explained)
    assert json.loads(deadlines.to_json([_obligation()], "zh"))[0]["record"] == "YSQ[/x]\x1b[31m"


def test_stats_summary_title_is_not_markup():
    data = {"agency": "局[/x][bold]\x1b", "year": 2024,
            "applications": {"columns": ["总计"], "rows": [{"label": "甲"}], "table": {"甲": {"总计": 1}}}}
    printed = io.StringIO()
    table = stats_summary(data, "zh")
    Console(file=printed, width=200).print(table)  # a markup title would raise on "[/x]"
    assert str(table.title).startswith("局[/x][bold]\\x1b 2024")


def test_ics_holds_no_control_characters():
    data = obligations_to_ics([_obligation()], agency="局\x00\ud800")
    text = data.decode("utf-8")
    assert not RAW.search(text.replace("\r\n", ""))  # CRLF ends iCalendar lines
    event = next(c for c in Calendar.from_ical(data).walk() if c.name == "VEVENT")
    assert "YSQ[/x]\ufffd[31m" in str(event["summary"])


def test_text_safety_helpers():
    chinese = "云岭省新闻出版广电局（办公室）：“五公开”——2024年1,146条。\t第二行\n"
    assert document_text(chinese) == chinese and json_text(chinese) == chinese
    assert terminal_text(chinese) == chinese.replace("\n", "\\n")
    assert document_text("a\x00\x1b\x85\ud800\uffff\u202eb\t\r\n") == "a" + "\ufffd" * 6 + "b\t\r\n"
    assert terminal_text("a\x1b[31m\r\x00\u202e\ud800") == "a\\x1b[31m\\r\\x00\\u202e\\ud800"
    assert terminal_text("a\r\nb\tc", keep="\r\n") == "a\r\nb\\tc"
    raw = json.dumps({"k\u202e": "\x9b\ud800"}, ensure_ascii=False)
    assert json.loads(json_text(raw)) == {"k\u202e": "\x9b\ud800"}
    assert not RAW.search(json_text(raw))
