"""What a rendered report says about itself: agency, year, as-of date, the register version.

`git_commit(root)` names the commit the register was read at, so that a published report can be
traced back to the exact files it was computed from (and rebuilt from them).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from govdisc import __version__
from govdisc.gitrepo import GitError, run_git

#: appended to the commit id when the register has uncommitted or untracked changes
DIRTY_SUFFIX = "-dirty"


@dataclass(frozen=True, slots=True)
class ReportMeta:
    """Facts about one rendering, printed in the report's footer (never computed from the clock)."""

    agency: str
    year: int
    as_of: date
    commit: str | None = None  # from git_commit(); None when the register is not in git
    generator: str = f"govdisc {__version__}"

    @property
    def dirty(self) -> bool:
        return bool(self.commit) and self.commit.endswith(DIRTY_SUFFIX)

    @property
    def short_commit(self) -> str | None:
        if not self.commit:
            return None
        sha = self.commit[: -len(DIRTY_SUFFIX)] if self.dirty else self.commit
        return sha[:12] + (DIRTY_SUFFIX if self.dirty else "")


def _git(root: Path, *args: str) -> str | None:
    try:
        return run_git(root, *args, timeout=20)
    except GitError:
        return None


def git_commit(root: Path) -> str | None:
    """HEAD of the git work tree holding the register, plus "-dirty" when files under `root`
    (tracked or untracked, not ignored; the cache folder excepted) differ from it.

    None when git is missing, `root` is not in a work tree, or the repository has no commit yet.
    Only the register folder is looked at: edits elsewhere in the repository do not change
    the figures.
    """
    head = _git(root, "rev-parse", "--verify", "--quiet", "HEAD^{commit}")
    if not head or not head.strip():
        return None
    sha = head.strip()
    status = _git(root, "status", "--porcelain", "--untracked-files=normal", "--",
                  ".", ":(exclude).govdisc-cache")
    if status is None:
        return sha
    return sha + (DIRTY_SUFFIX if status.strip() else "")
