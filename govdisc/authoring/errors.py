"""The one error the authoring commands raise: a refusal with a Chinese and an English message."""

from __future__ import annotations

import errno
from pathlib import Path


class AuthoringError(Exception):
    """A refused `init` / `new` / `event`: nothing was written. `zh` and `en` are for the user."""

    def __init__(self, zh: str, en: str, code: str = "refused") -> None:
        super().__init__(f"{zh} / {en}")
        self.zh = zh
        self.en = en
        self.code = code  # refused | not_found | exists | conflict | invalid | io

    def message(self, lang: str = "zh") -> str:
        return self.en if lang == "en" else self.zh


#: errno → (Chinese, English, what to do) for the failures a clerk can fix
_IO_REASONS = {
    errno.EACCES: ("没有权限", "permission denied", "检查文件和文件夹的权限", "check the permissions of the file and its folder"),
    errno.EPERM: ("操作不被允许", "operation not permitted", "检查文件和文件夹的权限", "check the permissions of the file and its folder"),
    errno.ENOSPC: ("磁盘已满", "no space left on the disk", "腾出磁盘空间后重试", "free some disk space and run it again"),
    errno.EDQUOT: ("超出磁盘配额", "disk quota exceeded", "腾出空间或申请更大配额后重试", "free some space or raise the quota, then run it again"),
    errno.EROFS: ("文件系统是只读的", "the file system is read-only", "在可写的副本中操作", "work in a writable copy"),
    errno.ELOOP: ("路径中有符号链接", "the path goes through a symbolic link",
                  "govdisc 只写登记簿之内的真实文件夹和文件，把链接换成真实的文件夹或文件",
                  "govdisc writes only real folders and files inside the register: replace the link with the real folder or file"),
}


def io_refusal(exc: OSError, path: Path | str | None = None) -> AuthoringError:
    """An OSError as a located refusal that says what failed and how to fix it (exit 2)."""
    from govdisc.authoring.atomic import NotInside, ReadOnly

    where = str(path if path is not None else (exc.filename or ""))
    at_zh, at_en = (f"{where}：", f"{where}: ") if where else ("", "")
    reason = _IO_REASONS.get(exc.errno or 0)
    detail = exc.strerror or (str(exc.args[0]) if exc.args else type(exc).__name__)
    if isinstance(exc, ReadOnly):
        zh = f"{where} 是只读文件，未修改；确需修改时先取消只读（chmod u+w）"
        en = f"{where} is read-only and was not changed; make it writable first (chmod u+w) if the change is wanted"
    elif isinstance(exc, NotInside):
        zh = (f"{at_zh}是符号链接或不是真实的文件夹，govdisc 只写登记簿之内的真实文件夹和文件；"
              "把链接换成真实的文件夹或文件。未写入任何内容")
        en = (f"{at_en}{detail}; govdisc writes only real folders and files inside the register: replace the link "
              "with the real folder or file. Nothing was written")
    elif reason is not None:
        zh = f"{at_zh}{reason[0]}（{detail}）；{reason[2]}。未写入任何内容"
        en = f"{at_en}{reason[1]} ({detail}); {reason[3]}. Nothing was written"
    else:
        zh, en = f"{at_zh}{detail}；未写入任何内容", f"{at_en}{detail}; nothing was written"
    return AuthoringError(zh, en, "io")
