"""Tests use only what is in the repository: a clone on its own must pass them.

`conftest.py` installs `watch()` for the whole test session: a Python audit hook that notes
every file or folder the test process opens next to the repository (in the folder that holds
it, where a developer keeps siblings such as `../shared`) or in the home folder, outside the
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


def _allowed_roots() -> tuple[str, ...]:
    roots = {str(ROOT), tempfile.gettempdir(), sys.prefix, sys.base_prefix, sys.exec_prefix}
    # site-packages and the like; not an entry that holds the repository's neighbours
    roots.update(p for p in sys.path if p and os.path.isdir(p) and not _real(str(ROOT)).startswith(_real(p)))
    return tuple(sorted({_real(r) for r in roots}))


def _watched_roots() -> tuple[str, ...]:
    return tuple({_real(str(ROOT.parent)), _real(os.path.expanduser("~"))})


def outside(path: str, allowed: tuple[str, ...] | None = None, watched: tuple[str, ...] | None = None) -> bool:
    """True when `path` lies next to the repository or in the home folder, outside every place
    a test may read."""
    full = _real(path)
    allowed = _allowed_roots() if allowed is None else allowed
    watched = _watched_roots() if watched is None else watched
    return any(full.startswith(w) for w in watched) and not any(full.startswith(a) for a in allowed)


def watch() -> None:
    allowed, watched = _allowed_roots(), _watched_roots()

    def hook(event: str, args: tuple) -> None:
        if event not in _EVENTS or not args:
            return
        target = args[0]
        if isinstance(target, int) or not isinstance(target, (str, bytes, os.PathLike)):
            return
        try:
            name = os.fsdecode(target)
            if outside(name, allowed, watched):
                _seen.append(os.path.abspath(name))
        except (OSError, ValueError):  # noqa: PERF203 - a hook must never raise into the caller
            return

    sys.addaudithook(hook)


def report() -> list[str]:
    """Paths outside the repository opened so far in this session, each once."""
    return sorted(set(_seen))
