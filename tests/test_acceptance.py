"""End-to-end acceptance on the bundled example register, as a clerk or CI would run it."""

from __future__ import annotations

import json
import re

from typer.testing import CliRunner

from govdisc.cli import app

runner = CliRunner()


def test_example_register_is_clean(example_copy):
    res = runner.invoke(app, ["check", "--register", str(example_copy), "--as-of", "2026-02-01", "--format", "json"])
    data = json.loads(res.output)
    assert res.exit_code == 0, [f for f in data["findings"] if f["severity"] == "error"]
    assert data["summary"]["records"] >= 150
    assert data["summary"]["errors"] == 0 and data["summary"]["warnings"] == 0


def test_broken_example_register_is_located(example_copy):
    docs = sorted((example_copy / "documents").rglob("*.yaml"))
    target = next(p for p in docs if "disclosure: public" in p.read_text(encoding="utf-8"))
    text = target.read_text(encoding="utf-8")
    line = text[: text.index("disclosure: public")].count("\n") + 1
    target.write_text(text.replace("disclosure: public", "disclosure: maybe", 1), encoding="utf-8")
    (example_copy / "documents" / "2025" / "broken.yaml").write_text("doc_no: x\ntitle: [unclosed\n", encoding="utf-8")
    res = runner.invoke(app, ["check", "--register", str(example_copy), "--as-of", "2026-02-01", "--format", "json"])
    assert res.exit_code == 1
    assert "Traceback" not in res.output
    findings = json.loads(res.output)["findings"]
    rel = target.relative_to(example_copy).as_posix()
    hit = [f for f in findings if f["path"] == rel and f["code"] == "REG005"]
    assert hit and hit[0]["line"] == line and hit[0]["severity"] == "error"
    broken = [f for f in findings if f["path"] == "documents/2025/broken.yaml"]
    assert broken and broken[0]["code"] == "REG001" and broken[0]["line"] >= 2


def test_rule_findings_are_located_at_the_changed_line(example_copy):
    docs = sorted((example_copy / "documents").rglob("*.yaml"))
    doc = docs[0]
    text = doc.read_text(encoding="utf-8")
    m = re.search(r"^doc_no: (\S+)〔(\d{4})〕(\d+)号", text, re.M)
    assert m
    text = text.replace(m.group(0), f"doc_no: {m.group(1)}[{m.group(2)}]{m.group(3)}号")
    doc.write_text(text, encoding="utf-8")
    doc_line = text[: text.index("doc_no:")].count("\n") + 1
    apps = sorted((example_copy / "applications").rglob("*.yaml"))
    app1, app2 = apps[0], apps[1]
    t1 = app1.read_text(encoding="utf-8")
    t1 = re.sub(r"^(summary: .*)$", r"\1（联系人身份证号 11010519491231002X）", t1, count=1, flags=re.M)
    app1.write_text(t1, encoding="utf-8")
    t2 = app2.read_text(encoding="utf-8")
    t2 = re.sub(r"^(summary: .*)$", r"\1，联系电话13812345678", t2, count=1, flags=re.M)
    app2.write_text(t2, encoding="utf-8")
    res = runner.invoke(app, ["check", "--register", str(example_copy), "--as-of", "2026-02-01", "--format", "json"])
    findings = json.loads(res.output)["findings"]
    by = {(f["path"], f["code"]): f for f in findings}
    rel = lambda p: p.relative_to(example_copy).as_posix()  # noqa: E731
    f = by[(rel(doc), "DOC001")]
    assert f["line"] == doc_line and f"{m.group(1)}〔{m.group(2)}〕{m.group(3)}号" in f["message"]
    pii1 = by[(rel(app1), "PII001")]
    assert pii1["line"] == t1[: t1.index("summary:")].count("\n") + 1
    pii2 = by[(rel(app2), "PII002")]
    assert pii2["line"] == t2[: t2.index("summary:")].count("\n") + 1
    assert "13812345678" not in json.dumps(findings, ensure_ascii=False)
