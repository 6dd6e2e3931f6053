"""Where a register is and what kind of record each of its files holds, from the path alone."""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path

CONFIG_NAME = "govdisc.yaml"
CACHE_DIR = ".govdisc-cache"

_YEAR = r"(?P<year>\d{4})"
_NAME = r"(?P<name>[^/]+)\.ya?ml"
_DEPT = r"(?P<dept>[^/]+)"
#: (kind, pattern of the path relative to the root, example for messages)
LAYOUT: tuple[tuple[str, re.Pattern[str], str], ...] = tuple(
    (kind, re.compile(pattern + r"$"), example)
    for kind, pattern, example in (
        ("config", r"govdisc\.yaml", "govdisc.yaml"),
        ("catalog", rf"catalog/{_DEPT}/{_YEAR}\.ya?ml", "catalog/<部门>/<年度>.yaml"),
        ("document", rf"documents/{_YEAR}/{_NAME}", "documents/<年度>/<文件名>.yaml"),
        ("application", rf"applications/{_YEAR}/{_NAME}", "applications/<年度>/<编号>.yaml"),
        ("opinion", rf"opinions/{_YEAR}/{_NAME}", "opinions/<年度>/<编号>.yaml"),
        ("meeting", rf"meetings/{_YEAR}/{_NAME}", "meetings/<年度>/<编号>.yaml"),
        ("activities", rf"activities/{_YEAR}\.ya?ml", "activities/<年度>.yaml"),
        ("review", rf"reviews/{_DEPT}/{_YEAR}\.ya?ml", "reviews/<部门>/<年度>.yaml"),
        ("report", rf"reports/{_YEAR}\.ya?ml", "reports/<年度>.yaml"),
        ("guide", r"guide\.ya?ml", "guide.yaml"),
        ("assessment", rf"assessments/{_YEAR}\.ya?ml", "assessments/<年度>.yaml"),
        ("participation", rf"participation/{_YEAR}/{_NAME}", "participation/<年度>/<编号>.yaml"),
    )
)
#: Top-level folders that belong to the layout; YAML elsewhere is not ours to judge.
LAYOUT_DIRS = ("catalog", "documents", "applications", "opinions", "meetings",
               "activities", "reviews", "reports", "assessments", "participation")
#: Files of the layout at the register's root, besides govdisc.yaml.
ROOT_FILES = ("guide.yaml", "guide.yml")


@dataclass(frozen=True, slots=True)
class FileSpec:
    path: str  # posix, relative to the register root
    kind: str | None  # None: a YAML file inside a layout folder at an unknown place
    year: int | None = None
    dept: str | None = None
    #: a link to a file inside the register: the file it leads to (relative), read instead
    target: str | None = None
    #: an entry that is never opened: (code, ((param, value), ...)) of the finding it gets
    refused: tuple | None = None

    @property
    def source(self) -> str:
        """The relative path whose bytes are this record's: the link's target, or the path."""
        return self.target or self.path


class RegisterNotFound(Exception):
    pass


def find_root(start: Path | None = None, explicit: Path | None = None) -> Path:
    """The register folder: --register, else the nearest folder upwards holding govdisc.yaml."""
    if explicit is not None:
        root = explicit.expanduser()
        if root.is_file() and root.name == CONFIG_NAME:
            root = root.parent
        if not (root / CONFIG_NAME).is_file():
            raise RegisterNotFound(str(root))
        return root.resolve()
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / CONFIG_NAME).is_file():
            return folder
    raise RegisterNotFound(str(here))


def classify(relpath: str) -> FileSpec:
    for kind, pattern, _ in LAYOUT:
        m = pattern.match(relpath)
        if m:
            groups = m.groupdict()
            year = int(groups["year"]) if groups.get("year") else None
            return FileSpec(relpath, kind, year, groups.get("dept"))
    return FileSpec(relpath, None)


def expected_place(kind: str) -> str:
    for k, _, example in LAYOUT:
        if k == kind:
            return example
    return ""


#: Kinds whose pattern takes any file name in its year folder (see `_folder_spec`).
_ANY_NAME = ("document", "application", "opinion", "meeting", "participation")


def _folder_spec(rel_dir: str) -> FileSpec | None:
    """What classify() says of every YAML file in this folder, when that does not depend on the name.

    In documents/<year>/ and the like any `<name>.yaml` matches, with the year from the folder
    (each pattern starts with its own top folder, so no other pattern can match there): one
    classification per folder instead of nine regular expressions per file (0.15 s per 100,000).
    """
    spec = classify(f"{rel_dir}/x.yaml")
    return spec if spec.kind in _ANY_NAME else None


#: Folders nested deeper than this below the register root are not walked (REG025): the layout
#: needs two levels (documents/<year>/), and a deeper tree is a mistake or an attack on the walk.
MAX_FOLDER_DEPTH = 16


def scan(root: Path, tops: tuple[str, ...] = LAYOUT_DIRS, folders: list | None = None) -> list[FileSpec]:
    """Every YAML file of the layout, sorted; hidden folders and the cache are skipped.

    Nothing outside the register is ever read: a symbolic link is followed only when it names a
    YAML file inside the register; links out of it, links to folders, and things named like YAML
    files that are not files (a folder, a pipe, a device) come back `refused`, each to be reported
    as a finding instead of being opened. The walk keeps its own stack (no recursion), and a
    folder deeper than MAX_FOLDER_DEPTH is reported (REG025) instead of being entered.
    `tops`: the layout folders to walk (authoring looks in one or two); the config comes first.
    `folders` receives (relative folder, its stat) of every folder listed, the root first, each
    stat'ed before it was listed (see loading/scancache.py).
    """
    root_real = os.path.realpath(root)
    if folders is not None:
        folders.append(("", os.stat(root)))
    specs = [_config_spec(root, root_real)]
    if tuple(tops) == LAYOUT_DIRS:  # the whole register: the files at its root too (guide.yaml)
        specs += [_root_spec(root, root_real, name) for name in ROOT_FILES if os.path.lexists(os.path.join(root, name))]
    for top in tops:
        _walk(root, root_real, top, specs, folders)
    specs[1:] = sorted(specs[1:], key=lambda s: s.path)
    return specs


def _walk(root: Path, root_real: str, top: str, specs: list[FileSpec], folders: list | None = None) -> None:
    full = os.path.join(root, top)
    if os.path.islink(full):
        specs.append(_link_spec(root_real, top, full, folder=True))
        return
    stack = [(top, 1)]
    while stack:
        rel_dir, depth = stack.pop()
        try:
            if folders is not None:
                folders.append((rel_dir, os.stat(os.path.join(root, rel_dir))))
            entries = sorted(os.scandir(os.path.join(root, rel_dir)), key=lambda e: e.name)
        except FileNotFoundError:
            continue
        except OSError as exc:
            if os.path.lexists(os.path.join(root, rel_dir)):
                specs.append(_refused(rel_dir, "REG013", error=exc.strerror or str(exc)))
            continue
        folder = _folder_spec(rel_dir)
        for entry in entries:
            name = entry.name
            if name.startswith("."):
                continue
            path = f"{rel_dir}/{name}"
            try:
                spec = _entry_spec(root_real, path, entry, folder)
            except OSError as exc:
                spec = _refused(path, "REG013", error=exc.strerror or str(exc))
            if spec is not None:
                specs.append(spec)
            if entry.is_dir(follow_symlinks=False):  # a real folder (a link is not one)
                if depth >= MAX_FOLDER_DEPTH:
                    specs.append(_refused(path, "REG025", depth=str(depth + 1), limit=str(MAX_FOLDER_DEPTH)))
                else:
                    stack.append((path, depth + 1))


def _entry_spec(root_real: str, path: str, entry: os.DirEntry | _PathEntry,
                folder: FileSpec | None = None) -> FileSpec | None:
    """What the scan says of one folder entry: a file spec, a refusal, or None (nothing to read:
    a file that is not YAML, or a real folder to walk into)."""
    yaml_name = entry.name.endswith((".yaml", ".yml"))
    if entry.is_symlink():
        if yaml_name or os.path.isdir(entry.path):
            return _link_spec(root_real, path, entry.path, folder=not yaml_name)
        return None
    if entry.is_dir(follow_symlinks=False):
        return _refused(path, "REG019", what="一个文件夹", what_en="a folder") if yaml_name else None
    if not yaml_name:
        return None
    if not entry.is_file(follow_symlinks=False):
        return _refused(path, "REG019", **_not_regular(entry.path))
    if folder is not None:
        return FileSpec(path, folder.kind, folder.year, folder.dept)
    return classify(path)


class _PathEntry:
    """The parts of os.DirEntry `_entry_spec` uses, for one path named directly."""

    def __init__(self, path: str) -> None:
        self.path, self.name = path, os.path.basename(path)
        self._mode = os.lstat(path).st_mode

    def is_symlink(self) -> bool:
        return stat.S_ISLNK(self._mode)

    def is_dir(self, follow_symlinks: bool = False) -> bool:
        return stat.S_ISDIR(self._mode)

    def is_file(self, follow_symlinks: bool = False) -> bool:
        return stat.S_ISREG(self._mode)


def spec_for(root: Path, rel: str) -> FileSpec | None:
    """What `scan` would say of this one register-relative path, without walking the register;
    None when nothing is there. A folder on the way that is a link gives that folder's refusal
    (REG018), as the scan does; govdisc.yaml is judged as the scan judges it."""
    root_real = os.path.realpath(root)
    if rel == CONFIG_NAME:
        return _config_spec(root, root_real) if os.path.lexists(os.path.join(root, rel)) else None
    if rel in ROOT_FILES:
        return _root_spec(root, root_real, rel) if os.path.lexists(os.path.join(root, rel)) else None
    parts = rel.split("/")
    if not rel or any(p in ("", ".", "..") for p in parts):
        return None
    current = str(root)
    for i, part in enumerate(parts[:-1]):
        current = os.path.join(current, part)
        try:
            mode = os.lstat(current).st_mode
        except (FileNotFoundError, NotADirectoryError):
            return None
        if stat.S_ISLNK(mode):
            return _link_spec(root_real, "/".join(parts[:i + 1]), current, folder=True)
        if not stat.S_ISDIR(mode):
            return None
    try:
        entry = _PathEntry(os.path.join(current, parts[-1]))
    except (FileNotFoundError, NotADirectoryError):
        return None
    return _entry_spec(root_real, rel, entry, _folder_spec(rel.rsplit("/", 1)[0]) if "/" in rel else None)


def _config_spec(root: Path, root_real: str) -> FileSpec:
    full = os.path.join(root, CONFIG_NAME)
    if os.path.islink(full):
        return _link_spec(root_real, CONFIG_NAME, full, folder=False)
    return classify(CONFIG_NAME)


def _root_spec(root: Path, root_real: str, name: str) -> FileSpec:
    """A record file at the root (guide.yaml): a link or a non-regular file is refused as in
    the layout folders."""
    full = os.path.join(root, name)
    if os.path.islink(full):
        return _link_spec(root_real, name, full, folder=False)
    if not os.path.isfile(full):
        return _refused(name, "REG019", **_not_regular(full))
    return classify(name)


def _link_spec(root_real: str, rel: str, full: str, folder: bool) -> FileSpec:
    """A link followed only to a regular YAML file inside the register; else a refusal."""
    try:
        shown = os.readlink(full)
    except OSError:
        shown = "?"
    real = resolve_inside(root_real, full)
    if real is None:
        return _refused(rel, "REG018", target=shown, why="指向登记簿之外", why_en="it leads outside the register")
    if folder or os.path.isdir(real):
        return _refused(rel, "REG018", target=shown, why="链接到文件夹的链接不跟随（其中的记录不会被检查）",
                        why_en="links to folders are not followed (records in it would go unchecked)")
    if not os.path.exists(real):
        return _refused(rel, "REG018", target=shown, why="链接目标不存在或链接成环",
                        why_en="its target does not exist or the links form a loop")
    if not os.path.isfile(real):
        return _refused(rel, "REG019", **_not_regular(real))
    spec = classify(rel)
    return FileSpec(spec.path, spec.kind, spec.year, spec.dept, target=os.path.relpath(real, root_real).replace(os.sep, "/"))


def resolve_inside(root_real: str, path: str) -> str | None:
    """The real path of `path` (every link resolved) if it lies inside the register whose real
    path is `root_real`; None if it leads outside."""
    real = os.path.realpath(path)
    return real if real.startswith(os.path.join(root_real, "")) else None


def _refused(rel: str, code: str, **params: str) -> FileSpec:
    spec = classify(rel)
    return FileSpec(spec.path, spec.kind, spec.year, spec.dept, refused=(code, tuple(params.items())))


def _not_regular(path: str) -> dict[str, str]:
    """What a non-regular file is, in words, for REG019."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        mode = 0
    for test, zh, en in ((stat.S_ISDIR, "一个文件夹", "a folder"), (stat.S_ISFIFO, "一个命名管道（FIFO）", "a named pipe (FIFO)"),
                         (stat.S_ISSOCK, "一个套接字", "a socket"), (stat.S_ISCHR, "一个字符设备", "a character device"),
                         (stat.S_ISBLK, "一个块设备", "a block device")):
        if test(mode):
            return {"what": zh, "what_en": en}
    return {"what": "一个特殊文件", "what_en": "a special file"}
