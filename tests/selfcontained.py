"""Tests use only what is in the repository: a clone on its own must pass them.

`conftest.py` installs `watch()` for the whole test session: a Python audit hook that notes
every file or folder the test process opens next to the repository (in the folder that holds
it, where a developer keeps sibling checkouts and reference folders) or in the home folder, outside the
places a test may use: the repository, the temporary folder and the Python installation. The
session fails if any such path was opened (`report()`), and `tests/test_self_contained.py`
also scans the test sources for paths that leave the repository.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_EVENTS = frozenset({"open", "os.listdir", "os.scandir", "shutil.copytree"})
_seen: list[str] = []


def _real(path: str) -> str:
    return os.path.join(os.path.realpath(path), "")


class Places:
    """Where a test may read: the repository, the Python installation, scratch folders."""

    def __init__(self) -> None:
        self.repo = _real(str(ROOT))
        self.parent = _real(str(ROOT.parent))
        self.home = _real(os.path.expanduser("~"))
        self.temp = _real(tempfile.gettempdir())
        python = {sys.prefix, sys.base_prefix, sys.exec_prefix}
        # site-packages and the like; not an entry that holds the repository's neighbours
        python.update(p for p in sys.path if p and os.path.isdir(p) and not self.repo.startswith(_real(p)))
        self.python = tuple(sorted({_real(p) for p in python}))

    def outside(self, path: str) -> bool:
        full = _real(path)
        if full.startswith(self.repo) or full.startswith(self.python):
            return False
        if full.startswith(self.parent):  # next to the repository: a sibling folder
            # unless the repository's folder is the temporary folder itself (a clone in /tmp)
            # and this is a scratch folder made there
            return not (self.parent == self.temp and full[len(self.parent):].startswith(_SCRATCH))
        return full.startswith(self.home) and not full.startswith(self.temp)


#: names of scratch folders made in the temporary folder (pytest, tempfile, govdisc itself)
_SCRATCH = ("pytest-of-", "tmp", "govdisc-")


def outside(path: str, places: Places | None = None) -> bool:
    """True when `path` lies next to the repository or in the home folder, outside every place
    a test may read."""
    return (places or Places()).outside(path)


def watch() -> None:
    places = Places()

    def hook(event: str, args: tuple) -> None:
        if event not in _EVENTS or not args:
            return
        target = args[0]
        if isinstance(target, int) or not isinstance(target, (str, bytes, os.PathLike)):
            return
        try:
            name = os.fsdecode(target)
            if places.outside(name):
                _seen.append(os.path.abspath(name))
        except (OSError, ValueError):  # noqa: PERF203 - a hook must never raise into the caller
            return

    sys.addaudithook(hook)


def report() -> list[str]:
    """Paths outside the repository opened so far in this session, each once."""
    return sorted(set(_seen))
