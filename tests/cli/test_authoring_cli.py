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
    fresh = tmp_path / "fresh"
    assert run("init", str(fresh), "--agency", "测试局").exit_code == 0
    assert run("check", "--register", str(fresh)).exit_code == 0
    reg = tmp_path / "x"  # back-filling applications from 2024
    assert run("init", str(reg), "--agency", "测试局", "--since", "2024").exit_code == 0
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


def test_event_deferral_delivery_and_third_party_notice(tmp_path):
    """The new event types and options exactly as named in issue 13, the new due date printed,
    impossible orders refused with exit code 1 and a clear message, nothing written."""
    reg = tmp_path / "x"
    assert run("init", str(reg), "--agency", "测试局").exit_code == 0
    res = run("new", "application", "--register", str(reg), "--received", "2024-03-18", "--channel", "online",
              "--applicant-kind", "business", "--summary", "申请公开许可材料", "--handler", "bgs", "--as-of", "2024-03-18")
    assert res.exit_code == 0, res.output
    path = reg / "applications" / "2024" / "YSQ-2024-0001.yaml"

    def ev(*args: str, as_of: str = "2024-04-12"):
        return run("event", "YSQ-2024-0001", *args, "--register", str(reg), "--as-of", as_of)

    res = ev("consultation_sent", "--date", "2024-03-20", "--party", "third_party", "--written", "--delivered", "2024-03-22")
    assert res.exit_code == 0, res.output
    res = ev("consultation_answered", "--date", "2024-03-29", "--objection")
    assert res.exit_code == 0, res.output
    res = ev("third_party_notice", "--date", "2024-04-02", "--note", "涉及公共利益，决定公开")
    assert res.exit_code == 0, res.output
    # due after the consultation window (03-20, 03-29] (7 working days): 04-16 + 7 → 04-25
    res = ev("deferral", "--date", "2024-04-12", "--until", "2024-05-31", "--note", "申请人同期提交40件申请")
    assert res.exit_code == 0, res.output
    assert "答复期限 2024-05-31" in res.stdout
    text = path.read_text(encoding="utf-8")
    assert "  - {type: deferral, date: 2024-04-12, until: 2024-05-31, note: 申请人同期提交40件申请}" in text
    assert "delivered: 2024-03-22" in text and "objection: true" in text and "type: third_party_notice" in text
    snapshot = path.read_bytes()
    # impossible orders: a deferral after the deadline, a delivery before sending
    res = ev("deferral", "--date", "2024-06-03", "--until", "2024-06-28", "--note", "x", as_of="2024-06-03")
    assert res.exit_code == 1 and "2024-05-31 届满" in res.output and path.read_bytes() == snapshot
    res = ev("consultation_sent", "--date", "2024-04-10", "--party", "agency", "--delivered", "2024-04-09")
    assert res.exit_code == 1 and "送达日期" in res.output and path.read_bytes() == snapshot
    res = ev("deferral", "--date", "2024-04-12", "--note", "x")
    assert res.exit_code == 2 and "--until" in res.output
    res = run("event", "YSQ-2024-0001", "deferral", "--date", "2024-06-03", "--until", "2024-06-28", "--note", "x",
              "--register", str(reg), "--as-of", "2024-06-03", "--lang", "en")
    assert res.exit_code == 1 and "ran out on 2024-05-31" in res.output
    res = ev("reply", "--date", "2024-05-20", "--outcome", "disclosed", "--remedy", "reconsideration",
             "--remedy", "litigation", as_of="2024-05-20")
    assert res.exit_code == 0 and "答复期限 2024-05-31（已按期完成）" in res.stdout
    res = run("deadlines", "--register", str(reg), "--as-of", "2024-05-01", "--explain", "YSQ-2024-0001")
    for section in res.stdout.split("\n\n"):  # one derivation per clock, each in date order
        days = [l.split()[0] for l in section.splitlines() if l.startswith("  20")]
        assert days == sorted(days)
    for day in ("2024-03-22", "2024-04-02", "2024-04-12", "2024-05-31"):
        assert any(l.startswith(f"  {day}") for l in res.stdout.splitlines()), day
# -- issue 18: processes, special files, what reaches the terminal ---------------------------------

import os  # noqa: E402
import re  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402
from support import OPINION_RECORD  # noqa: E402

OPINION = OPINION_RECORD


def _register(tmp_path: Path) -> Path:
    reg = tmp_path / "reg"
    assert run("init", str(reg), "--agency", "测试局").exit_code == 0
    return reg


def _govdisc(*args: str, timeout: float = 60) -> subprocess.CompletedProcess:
    root = Path(__file__).resolve().parents[2]
    env = {**os.environ, "PYTHONPATH": str(root) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    return subprocess.run([sys.executable, "-m", "govdisc", *args], capture_output=True, text=True, env=env,
                          timeout=timeout, cwd=root)


def test_parallel_events_write_every_event_they_report(tmp_path):
    """The 30 × 8 stress of issue 18 at a suite-friendly size: every run that exits 0 wrote its
    event, and with the lock none is refused as "changed while we worked"."""
    reg = _register(tmp_path)
    path = reg / "opinions" / "2024" / "YQ-2024-001.yaml"
    path.parent.mkdir(parents=True)
    path.write_text(OPINION, encoding="utf-8")
    root = Path(__file__).resolve().parents[2]
    env = {**os.environ, "PYTHONPATH": str(root)}
    reported = 0
    for rnd in range(2):
        procs = [subprocess.Popen([sys.executable, "-m", "govdisc", "event", "YQ-2024-001", "follow_up",
                                   "--at", f"2024-07-02 1{rnd}:{p:02d}", "--note", f"r{rnd}p{p}", "--register", str(reg),
                                   "--as-of", "2024-12-31"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env,
                                  cwd=root)
                 for p in range(4)]
        for proc in procs:
            proc.communicate(timeout=120)
            assert proc.returncode == 0
            reported += 1
    written = re.findall(r"note: r\dp\d", path.read_text(encoding="utf-8"))
    assert len(written) == reported == 8


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes")
@pytest.mark.parametrize("args", [
    ("new", "document", "--doc-no", "测试办〔2024〕9号"),
    ("new", "review", "--department", "bgs", "--year", "2024"),
    ("event", "YSQ-2024-9999", "correction_notice", "--date", "2024-09-03"),
])
def test_pipes_and_devices_named_like_records_are_not_opened(tmp_path, args):
    """A FIFO blocks its reader forever and /dev/zero never ends: both hung `new` and `event`."""
    reg = _register(tmp_path)
    for folder in ("documents/2024", "applications/2024"):
        (reg / folder).mkdir(parents=True)
    os.mkfifo(reg / "documents" / "2024" / "pipe.yaml")
    os.mkfifo(reg / "applications" / "2024" / "pipe.yaml")
    os.symlink("/dev/zero", reg / "applications" / "2024" / "zero.yaml")
    done = _govdisc(*args, "--register", str(reg), "--as-of", "2024-12-31", timeout=60)
    assert "Traceback" not in done.stderr and "internal error" not in done.stderr
    assert done.returncode in (0, 2)  # written, or (event) no such record


def test_event_escapes_the_path_it_prints(tmp_path):
    reg = _register(tmp_path)
    folder = reg / "opinions" / "2024"
    folder.mkdir(parents=True)
    (folder / "YQ-2024-001\x1b]8;;x\x1b\\.yaml").write_text(OPINION, encoding="utf-8")
    res = run("event", "YQ-2024-001", "follow_up", "--at", "2024-07-02 10:00", "--register", str(reg),
              "--as-of", "2024-12-31")
    assert res.exit_code == 0, res.output
    assert "\x1b" not in res.output and "\\x1b]8;;x" in res.output


def test_a_read_only_record_is_refused_with_exit_2(tmp_path):
    reg = _register(tmp_path)
    path = reg / "opinions" / "2024" / "YQ-2024-001.yaml"
    path.parent.mkdir(parents=True)
    path.write_text(OPINION, encoding="utf-8")
    path.chmod(0o444)
    res = run("--lang", "en", "event", "YQ-2024-001", "follow_up", "--at", "2024-07-02 10:00", "--register", str(reg),
              "--as-of", "2024-12-31")
    path.chmod(0o644)
    assert res.exit_code == 2 and "read-only" in res.output and "internal error" not in res.output
    assert path.read_text(encoding="utf-8") == OPINION


def test_the_default_gitignore_ignores_a_killed_writes_temporary_file(tmp_path):
    import shutil

    if shutil.which("git") is None:
        pytest.skip("git not installed")
    reg = _register(tmp_path)
    subprocess.run(["git", "init", "-q", str(reg)], check=True)
    stale = "applications/2024/.YSQ-2024-0001.yaml.k1ll3d0.tmp"
    done = subprocess.run(["git", "-C", str(reg), "check-ignore", "-q", stale], check=False)
    assert done.returncode == 0


def test_event_without_a_reply_clock_says_so_instead_of_none(tmp_path, monkeypatch):
    """A clock the engine cannot compute is said in words, never as Python's None."""
    import govdisc.deadlines.application as engine

    reg = tmp_path / "x"
    assert run("init", str(reg), "--agency", "测试局", "--since", "2024").exit_code == 0
    assert run("new", "application", "--register", str(reg), "--received", "2024-09-27", "--channel", "online",
               "--applicant-kind", "natural_person", "--summary", "申请公开", "--handler", "bgs",
               "--as-of", "2024-09-27").exit_code == 0
    monkeypatch.setattr(engine, "application_obligations", lambda *a, **k: [])
    res = run("event", "YSQ-2024-0001", "correction_notice", "--date", "2024-10-10", "--register", str(reg),
              "--as-of", "2024-10-11")
    assert res.exit_code == 0, res.output
    assert "None" not in res.output and "没有可计算的答复期限" in res.output
    assert "deadlines --explain YSQ-2024-0001" in res.output
