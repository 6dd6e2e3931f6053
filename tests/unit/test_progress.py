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


def run_files(lang: str, files: int, seconds_each: float, watch=None) -> tuple[DelayedBar, str]:
    """A fake run reading `files` files, each taking `seconds_each` on a fake clock."""
    out = io.StringIO()
    clock = Clock()
    bar = DelayedBar(Console(file=out, force_terminal=True, width=80), lang, delay=1.0, clock=clock)
    with progress.reporting(bar):
        progress.stage("files", files)
        for i in range(files):
            clock.now += seconds_each
            progress.advance()
            if watch is not None:
                watch(i, bar)
    return bar, out.getvalue()


def test_nothing_is_drawn_for_a_short_run():
    bar, out = run_files("zh", 100, 0.005)
    assert bar.bar is None and out == ""


def test_a_long_run_gets_a_bar_after_the_delay():
    seen = {}

    def watch(i, bar):
        if i == 5:
            seen["at 0.6 s"] = bar.bar
        if i == 19:
            seen["done"] = bar.bar.tasks[0].completed
            progress.stage("rules", 3)
            seen["stage"] = [t.description for t in bar.bar.tasks]

    bar, out = run_files("en", 20, 0.1, watch)
    assert seen == {"at 0.6 s": None, "done": 20, "stage": ["checking rules"]}
    assert bar.bar is None and "reading files" in out  # drawn, then closed with the run


def test_no_reporter_no_cost_and_no_output_in_a_pipe(tmp_path):
    progress.stage("files", 10)  # no reporter installed: a no-op
    progress.advance()
    res = CliRunner().invoke(app, ["check", "--register", str(tmp_path / "nosuch")])
    assert "读取文件" not in res.output
