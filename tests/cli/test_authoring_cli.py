"""init, new and event through the CLI: the issue's acceptance scenario, comments kept."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from govdisc.cli import app

runner = CliRunner()
HEAD = "政府信息公开工作机构负责人"


def run(*args: str):
    return runner.invoke(app, list(args))


def test_init_new_event_and_deadline(tmp_path):
    reg = tmp_path / "x"
    assert run("init", str(reg), "--agency", "测试局").exit_code == 0
    assert run("check", "--register", str(reg), "--as-of", "2026-02-01").exit_code == 0
    res = run("new", "application", "--register", str(reg), "--received", "2024-09-27", "--channel", "online",
              "--applicant-kind", "natural_person", "--summary", "申请公开许可证核发情况", "--handler", "bgs",
              "--as-of", "2024-09-27")
    assert res.exit_code == 0, res.output
    path = reg / "applications" / "2024" / "YSQ-2024-0001.yaml"
    assert res.stdout.strip().splitlines()[-1] == str(path)
    text = path.read_text(encoding="utf-8")
    path.write_text("# 顶部：经办人备注\n" + text + "# 底部：待跟进\n", encoding="utf-8")
    before = path.read_text(encoding="utf-8").splitlines()
    steps = [
        ("correction_notice", "2024-10-10"),
        ("correction_received", "2024-10-15"),
        ("consultation_sent", "2024-10-16", "--party", "third_party", "--written"),
        ("consultation_answered", "2024-10-25"),
        ("extension", "2024-11-20", "--days", "20", "--approved-by", HEAD),
    ]
    for typ, day, *extra in steps:
        res = run("event", "YSQ-2024-0001", typ, "--date", day, *extra, "--register", str(reg), "--as-of", "2024-11-25")
        assert res.exit_code == 0, res.output
    assert "2024-12-19" in res.stdout
    after = path.read_text(encoding="utf-8").splitlines()
    assert after[0] == "# 顶部：经办人备注" and after[-1] == "# 底部：待跟进"
    assert [l for l in before if l not in after] == []  # every original line is still there
    res = run("deadlines", "--register", str(reg), "--as-of", "2024-11-25", "--format", "json")
    reply = next(o for o in json.loads(res.output) if o["obligation"] == "reply")
    assert reply["due"] == "2024-12-19"
    # a second correction notice is refused and nothing is written
    snapshot = path.read_bytes()
    res = run("event", "YSQ-2024-0001", "correction_notice", "--date", "2024-11-21", "--register", str(reg),
              "--as-of", "2024-11-25")
    assert res.exit_code == 1 and path.read_bytes() == snapshot
    assert run("check", "--register", str(reg), "--as-of", "2024-11-25").exit_code == 0
