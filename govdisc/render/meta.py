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
    """Facts about one rendering (never computed from the clock). They are the document's
    properties — docx core and custom properties, HTML <meta>, a Markdown comment — and never
    part of the published text, which is the national format and nothing else."""

    agency: str
    year: int
    as_of: date
    commit: str | None = None  # from git_commit(); None when the register is not in git
    generator: str = f"govdisc {__version__}"
    #: register files the figures lack (unreadable, misplaced): "path (CODE)"; non-empty only
    #: when the report was forced out despite them
    unread: tuple[str, ...] = ()
    #: why the report was rendered with --force (cross-check errors, unread files), if it was
    forced: tuple[str, ...] = ()
    #: warnings about the figures' completeness (a year not ended, a year outside the register)
    caveats: tuple[str, ...] = ()

    @property
    def dirty(self) -> bool:
        return bool(self.commit) and self.commit.endswith(DIRTY_SUFFIX)

    @property
    def short_commit(self) -> str | None:
        if not self.commit:
            return None
        sha = self.commit[: -len(DIRTY_SUFFIX)] if self.dirty else self.commit
        return sha[:12] + (DIRTY_SUFFIX if self.dirty else "")

    def properties(self) -> list[tuple[str, str]]:
        """(name, value) of every property, in a fixed order: as-of, commit, generator, then
        forced / unread / caveats when there are any."""
        out = [("as-of", self.as_of.isoformat())]
        if self.commit:
            out.append(("commit", self.commit))
        out.append(("generator", self.generator))
        if self.forced:
            out.append(("forced", "；".join(self.forced)))
        if self.unread:
            out.append(("unread", "；".join(self.unread)))
        if self.caveats:
            out.append(("caveats", "；".join(self.caveats)))
        return out

    def summary(self) -> str:
        """The properties in one line of Chinese, for the docx comments field."""
        parts = [f"数据截至 {self.as_of.isoformat()}"]
        if self.commit:
            parts.append(f"登记簿版本 {self.commit}")
        parts.append(f"生成工具 {self.generator}")
        if self.forced:
            parts.append("强制生成：" + "；".join(self.forced))
        if self.unread:
            parts.append("未能读取的文件：" + "；".join(self.unread))
        if self.caveats:
            parts += list(self.caveats)
        return "。".join(parts) + "。"


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
