"""The progress bar: shown on a terminal only once a run has lasted about a second."""

from __future__ import annotations

import io

from rich.console import Console
from typer.testing import CliRunner

from govdisc import progress
from govdisc.cli import app
from govdisc.output.progress import DelayedBar


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def terminal() -> tuple[Console, io.StringIO]:
    out = io.StringIO()
    return Console(file=out, force_terminal=True, width=80), out


def test_nothing_is_drawn_for_a_short_run():
    console, out = terminal()
    clock = Clock()
    bar = DelayedBar(console, "zh", delay=1.0, clock=clock)
    with progress.reporting(bar):
        progress.stage("files", 100)
        for _ in range(100):
            clock.now += 0.005
            progress.advance()
    assert bar.bar is None and out.getvalue() == ""


def test_a_long_run_gets_a_bar_after_the_delay():
    console, out = terminal()
    clock = Clock()
    bar = DelayedBar(console, "en", delay=1.0, clock=clock)
    with progress.reporting(bar):
        progress.stage("files", 20)
        for i in range(20):
            clock.now += 0.1
            progress.advance()
            if i == 5:
                assert bar.bar is None  # 0.6 s: not yet
        assert bar.bar is not None and bar.bar.tasks[0].completed == 20
        progress.stage("rules", 3)
        assert [t.description for t in bar.bar.tasks] == ["checking rules"]
    assert bar.bar is None  # closed with the run
    assert "reading files" in out.getvalue()


def test_no_reporter_no_cost_and_no_output_in_a_pipe(tmp_path):
    progress.stage("files", 10)  # no reporter installed: a no-op
    progress.advance()
    res = CliRunner().invoke(app, ["check", "--register", str(tmp_path / "nosuch")])
    assert "读取文件" not in res.output
