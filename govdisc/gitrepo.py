"""The one place govdisc runs git: read-only commands with configuration that cannot run code.

A register arrives from others (a merge request, a copied folder with its `.git`), and its
`.git/config` may name programs git would run: an fsmonitor, hooks, a pager, an editor, an
external diff, textconv and filter drivers (`filter.<name>.clean` runs on any worktree file git
must hash, and `.git/info/attributes` can assign it to every file), merge drivers, a signing
program. Every git call goes through `run_git`, which

- ignores system and global configuration and global attributes (GIT_CONFIG_NOSYSTEM,
  GIT_CONFIG_GLOBAL, GIT_ATTR_NOSYSTEM, core.attributesFile);
- sets every program-naming setting to one that runs nothing, as command-line configuration
  (GIT_CONFIG_COUNT/KEY/VALUE, which outranks every configuration file and reaches any git that
  git starts in turn);
- empties the commands of each filter and merge driver the repository's configuration defines,
  and gives its diff drivers harmless stand-ins (`cat`, `true`) (the names are read first with
  `git config`, which runs nothing);
- never prompts, never takes optional locks, never recurses into submodules.

What remains is listed in README ("Bad input and security"): the `git` found on PATH is trusted.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

#: Settings that keep git from starting any program a repository's configuration names.
SAFE_CONFIG: tuple[tuple[str, str], ...] = (
    ("core.fsmonitor", "false"),
    ("core.hooksPath", os.devnull),
    ("core.pager", "cat"),
    ("core.editor", "true"),
    ("sequence.editor", "true"),
    ("core.askPass", ""),
    ("core.sshCommand", "false"),
    ("core.gitProxy", ""),
    ("core.untrackedCache", "false"),
    ("core.attributesFile", os.devnull),
    ("core.alternateRefsCommand", ""),
    ("diff.external", ""),
    ("diff.ignoreSubmodules", "all"),
    ("status.submoduleSummary", "false"),
    ("submodule.recurse", "false"),
    ("log.showSignature", "false"),
    ("gpg.program", "false"),
    ("credential.helper", ""),
    ("protocol.allow", "never"),
    ("uploadpack.packObjectsHook", ""),
)

#: Program-naming keys of the drivers a repository may define (section.<name>.key).
DRIVER_COMMANDS = {
    "filter": (("clean", ""), ("smudge", ""), ("process", ""), ("required", "false")),
    # a diff driver's program, if some caller asks for patch output: a harmless stand-in
    # (an empty command would make git fail instead)
    "diff": (("textconv", "cat"), ("command", "true")),
    "merge": (("driver", ""),),
}


class GitError(Exception):
    """git is missing, or the command failed; `message` is git's last line of error output."""

    def __init__(self, message: str, missing: bool = False) -> None:
        super().__init__(message)
        self.message, self.missing = message, missing


def _env(settings: list[tuple[str, str]]) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    env.update(GIT_CONFIG_NOSYSTEM="1", GIT_CONFIG_GLOBAL=os.devnull, GIT_ATTR_NOSYSTEM="1",
               GIT_TERMINAL_PROMPT="0", GIT_OPTIONAL_LOCKS="0", LC_ALL="C", GIT_CONFIG_COUNT=str(len(settings)))
    for i, (key, value) in enumerate(settings):
        env[f"GIT_CONFIG_KEY_{i}"] = key
        env[f"GIT_CONFIG_VALUE_{i}"] = value
    return env


def _run(root: Path, args: tuple[str, ...], settings: list[tuple[str, str]], timeout: float,
         input: bytes | None = None) -> subprocess.CompletedProcess:
    cmd = ["git", "--no-pager", "-C", str(root), *args]
    try:
        return subprocess.run(cmd, capture_output=True, timeout=timeout, check=False, env=_env(settings),
                              input=input, stdin=subprocess.DEVNULL if input is None else None)
    except FileNotFoundError:
        raise GitError("git is not installed", missing=True) from None
    except (OSError, subprocess.SubprocessError) as exc:
        raise GitError(str(exc)) from None


def driver_settings(root: Path, timeout: float = 60) -> list[tuple[str, str]]:
    """Settings that empty the commands of every filter, diff and merge driver the configuration
    visible from `root` defines (reading configuration runs nothing)."""
    done = _run(root, ("config", "-z", "--name-only", "--get-regexp", r"^(filter|diff|merge)\..+\."),
                list(SAFE_CONFIG), timeout)
    if done.returncode not in (0, 1):  # 1: no such keys
        return []
    names: set[tuple[str, str]] = set()
    for key in done.stdout.decode("utf-8", "surrogateescape").split("\0"):
        section, _, rest = key.partition(".")
        name = rest.rpartition(".")[0]
        if section in DRIVER_COMMANDS and name:
            names.add((section, name))
    return [(f"{section}.{name}.{var}", value) for section, name in sorted(names)
            for var, value in DRIVER_COMMANDS[section]]


def run_git(root: Path, *args: str, timeout: float = 60) -> str:
    """stdout of `git -C root args` run safely; GitError when git is missing or fails."""
    return run_git_bytes(root, *args, timeout=timeout).decode("utf-8", "surrogateescape")


def run_git_bytes(root: Path, *args: str, timeout: float = 60, input: bytes | None = None) -> bytes:
    """`run_git` for binary output (blobs from `git cat-file --batch`), with optional stdin."""
    settings = list(SAFE_CONFIG) + driver_settings(root, timeout)
    done = _run(root, args, settings, timeout, input)
    if done.returncode != 0:
        lines = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise GitError(lines[-1] if lines else f"git {' '.join(args)} failed")
    return done.stdout
