"""The one place govdisc runs git: read-only commands with configuration that cannot run code.

A register arrives from others (a merge request, a copied folder), and its `.git/config` may name
programs git would run: an fsmonitor, a pager, an external diff, hooks. Every git call goes
through `run_git`, which switches those off on the command line (command-line `-c` wins over
every configuration file) and ignores system and global configuration.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

#: `-c` settings that keep git from starting any program a repository's configuration names.
SAFE_CONFIG = (
    "core.fsmonitor=false",
    "core.hooksPath=/dev/null",
    "core.pager=cat",
    "core.editor=true",
    "core.untrackedCache=false",
    "diff.external=",
    "protocol.allow=never",
)


class GitError(Exception):
    """git is missing, or the command failed; `message` is git's last line of error output."""

    def __init__(self, message: str, missing: bool = False) -> None:
        super().__init__(message)
        self.message, self.missing = message, missing


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    env.update(GIT_CONFIG_NOSYSTEM="1", GIT_CONFIG_GLOBAL=os.devnull, GIT_TERMINAL_PROMPT="0",
               GIT_OPTIONAL_LOCKS="0", LC_ALL="C")
    return env


def run_git(root: Path, *args: str, timeout: float = 60) -> str:
    """stdout of `git -C root args` run safely; GitError when git is missing or fails."""
    return run_git_bytes(root, *args, timeout=timeout).decode("utf-8", "surrogateescape")


def run_git_bytes(root: Path, *args: str, timeout: float = 60, input: bytes | None = None) -> bytes:
    """`run_git` for binary output (blobs from `git cat-file --batch`), with optional stdin."""
    cmd = ["git", "--no-pager"]
    for setting in SAFE_CONFIG:
        cmd += ["-c", setting]
    cmd += ["-C", str(root), *args]
    try:
        done = subprocess.run(cmd, capture_output=True, timeout=timeout, check=False, env=_env(),
                              input=input, stdin=subprocess.DEVNULL if input is None else None)
    except FileNotFoundError:
        raise GitError("git is not installed", missing=True) from None
    except (OSError, subprocess.SubprocessError) as exc:
        raise GitError(str(exc)) from None
    if done.returncode != 0:
        lines = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise GitError(lines[-1] if lines else f"git {' '.join(args)} failed")
    return done.stdout
