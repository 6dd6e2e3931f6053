"""Which files a check reports on: given paths, or those changed against a git revision."""

from __future__ import annotations

import os
from pathlib import Path

from govdisc.gitrepo import GitError, run_git
from govdisc.loading.layout import scan


class ScopeError(Exception):
    def __init__(self, zh: str, en: str) -> None:
        super().__init__(en)
        self.zh, self.en = zh, en


def paths_in_register(root: Path, paths: list[Path]) -> set[str]:
    """Register-relative posix paths; folders expand to the YAML files under them.

    Paths outside the register are left out (pre-commit passes every staged YAML file of the
    repository, and the register may be one folder of it); if none is inside, that is an error.
    """
    out: set[str] = set()
    outside = []
    require_existing(paths)
    listed: list[str] | None = None
    for p in paths:
        full = p.resolve()
        try:
            rel = full.relative_to(root)
        except ValueError:
            outside.append(str(p))
            continue
        if full.is_dir():  # the register's files under it, as the loader's scan lists them
            listed = listed if listed is not None else [s.path for s in scan(root)]
            prefix = "" if rel.as_posix() == "." else rel.as_posix() + "/"
            out.update(path for path in listed if path.startswith(prefix))
        else:
            out.add(rel.as_posix())
    if outside and not out:
        raise ScopeError(f"{'、'.join(outside)} 不在登记簿 {root} 内", f"{', '.join(outside)} not inside the register {root}")
    return out


def require_existing(paths: list[Path]) -> None:
    """A file named on the command line that does not exist is a mistake, not an empty scope."""
    missing = [str(p) for p in paths if not os.path.lexists(p)]
    if missing:
        raise ScopeError(f"文件不存在：{'、'.join(missing)}", f"no such file: {', '.join(missing)}")


def _git(root: Path, *args: str) -> str:
    try:
        return run_git(root, *args)
    except GitError as exc:
        if exc.missing:
            raise ScopeError("找不到 git 命令", "git is not installed") from None
        raise ScopeError(f"git 出错：{exc.message}", f"git failed: {exc.message}") from None


def changed_since(root: Path, ref: str) -> set[str]:
    """Files changed against REF (committed, staged, unstaged) plus untracked ones, under root."""
    _git(root, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}")
    listed = _git(root, "diff", "--name-only", "--relative", "-z", "--no-renames", "--no-ext-diff", "--no-textconv",
                  ref, "--", ".")
    untracked = _git(root, "ls-files", "--others", "--exclude-standard", "-z", "--", ".")
    return {name for name in (listed + untracked).split("\0") if name}
