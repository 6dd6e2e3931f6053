"""A progress bar for runs that take a while, on a terminal only (`govdisc check`).

The bar appears once a run has gone on for `delay` seconds (a warm check never shows one) and
is drawn on stderr by rich, transient, so it leaves nothing behind; in a pipe or a CI log no
reporter is installed at all.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Callable

if TYPE_CHECKING:
    from rich.console import Console
    from rich.progress import Progress, TaskID

LABELS = {"files": ("读取文件", "reading files"), "rules": ("检查规则", "checking rules")}
#: seconds a run goes on before the bar is shown
DELAY = 1.0


class DelayedBar:
    """govdisc.progress.Reporter drawing a rich progress bar, only after `delay` seconds."""

    def __init__(self, console: "Console", lang: str, delay: float = DELAY,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.console, self.lang, self.delay, self.clock = console, lang, delay, clock
        self.began = clock()
        self.bar: Progress | None = None
        self.task: TaskID | None = None
        self.label, self.total, self.done = "", 0, 0

    def start(self, stage: str, total: int) -> None:
        zh, en = LABELS.get(stage, (stage, stage))
        self.label, self.total, self.done = en if self.lang == "en" else zh, total, 0
        if self.bar is not None:
            self.task = self.bar.add_task(self.label, total=total)
            self._show_only(self.task)
        else:
            self._maybe_show()

    def advance(self, n: int = 1) -> None:
        self.done += n
        if self.bar is None:
            self._maybe_show()
        elif self.task is not None:
            self.bar.update(self.task, completed=self.done)

    def _maybe_show(self) -> None:
        if self.clock() - self.began < self.delay or not self.total:
            return
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        self.bar = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                            TimeElapsedColumn(), console=self.console, transient=True)
        self.bar.start()
        self.task = self.bar.add_task(self.label, total=self.total, completed=self.done)

    def _show_only(self, task: "TaskID") -> None:
        assert self.bar is not None
        for other in list(self.bar.task_ids):
            if other != task:
                self.bar.remove_task(other)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.stop()
            self.bar = None
