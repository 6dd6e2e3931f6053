"""One file → data plus the findings that need only that file (encoding, syntax, schema)."""

from __future__ import annotations

import errno
import hashlib
import os
import re
import shlex
import stat
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from govdisc import validation
from govdisc.config import DEFAULT_MAX_FILE_BYTES
from govdisc.loading.fastcheck import certainly_valid
from govdisc.loading.layout import FileSpec
from govdisc.loading.yamlio import line_col_of_offset, load_positions, load_text, locate
from govdisc.model import Finding
from govdisc.loading.codes import finding

SUPPRESSION_MARK = "govdisc:"


@dataclass(slots=True)
class FileResult:
    path: str
    kind: str | None
    digest: str = ""
    data: dict[str, Any] | None = None
    findings: list[Finding] = field(default_factory=list)
    #: the text carries `# govdisc: ignore[...]` comments worth scanning
    has_suppressions: bool = False
    #: (size, mtime_ns, ctime_ns, inode, device) of the file when it was read, for the cache
    stat: tuple | None = None
    #: what the loader's `work` made of the record in the process that read it (see
    #: parallel.parse_parts); never kept in the files cache
    products: Any = None


def digest(raw: bytes) -> str:
    return hashlib.blake2b(raw, digest_size=16).hexdigest()


class NotRegular(OSError):
    """What was opened is not a regular file (a pipe, a device): never read from it."""


class TooLarge(OSError):
    def __init__(self, size: int) -> None:
        super().__init__(f"{size} bytes")
        self.size = size


def read_bytes(root: Path, spec: FileSpec, limit: int = DEFAULT_MAX_FILE_BYTES) -> bytes | Finding:
    got = read_with_stat(root, spec, limit)
    return got if isinstance(got, Finding) else got[0]


def read_with_stat(root: Path, spec: FileSpec,
                   limit: int = DEFAULT_MAX_FILE_BYTES) -> tuple[bytes, tuple] | Finding:
    """The file's bytes and its stat signature (taken before reading), or the finding that says
    why it was not read: refused at the scan (links, special files), too large, unreadable."""
    if spec.refused is not None:
        code, params = spec.refused
        return finding(code, spec.path, line=1, column=1, **dict(params))
    try:
        return read_path(os.path.join(root, spec.source), limit)
    except TooLarge as exc:
        return finding("REG017", spec.path, line=1, column=1, size=_size(exc.size), limit=_size(limit))
    except NotRegular:
        return finding("REG019", spec.path, line=1, column=1, what="一个特殊文件", what_en="a special file")
    except OSError as exc:
        if exc.errno == errno.ELOOP:  # became a link after the scan: O_NOFOLLOW refused it
            return finding("REG018", spec.path, line=1, column=1, target="?", why="读取时变成了链接",
                           why_en="it turned into a link while being read")
        return finding("REG013", spec.path, line=1, column=1, error=exc.strerror or str(exc))


def stat_signature(st: os.stat_result) -> tuple:
    return (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino, st.st_dev)


#: Never follow a link (the scan decided which to follow and gives their targets), never block
#: on a pipe that was swapped in, and keep the descriptor out of child processes.
_OPEN_FLAGS = (os.O_RDONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_NOFOLLOW", 0)
               | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))


def read_path(path: str, limit: int = DEFAULT_MAX_FILE_BYTES) -> tuple[bytes, tuple]:
    """Bytes and stat signature of a regular file of at most `limit` bytes (see read_regular)."""
    raw, st = read_regular(path, limit)
    return raw, stat_signature(st)


def read_regular(path: str, limit: int) -> tuple[bytes, os.stat_result]:
    """Bytes and stat of a regular file of at most `limit` bytes, never through a link (TooLarge,
    NotRegular, OSError otherwise): os.open/fstat/read, ~2.5× faster than Path.read_bytes. A file
    larger than the limit is never read, and one that grows past it while being read is not
    read further."""
    fd = os.open(path, _OPEN_FLAGS)
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise NotRegular(path)
        if st.st_size > limit:
            raise TooLarge(st.st_size)
        parts: list[bytes] = []
        total = 0
        while total <= limit:  # a first small read: records are a few KB
            more = os.read(fd, min(limit + 1 - total, 1 << 20 if parts else 1 << 16))
            if not more:
                return b"".join(parts), st
            parts.append(more)
            total += len(more)
        raise TooLarge(total)
    finally:
        os.close(fd)


def _size(n: int) -> str:
    for unit, scale in (("MB", 1 << 20), ("KB", 1 << 10)):
        if n >= scale:
            return f"{n / scale:.1f} {unit}"
    return f"{n} B"


#: Finding fields in order, for the compact form of a result (see `to_entry`)
FINDING_FIELDS = tuple(f.name for f in fields(Finding) if f.init)


def to_entry(r: FileResult) -> tuple:
    """A result as plain tuples and data (marshal-able), for the worker pipe and the cache."""
    return (r.path, r.kind, r.digest, r.data,
            tuple(tuple(getattr(f, name) for name in FINDING_FIELDS) for f in r.findings),
            r.has_suppressions, r.stat)


def from_entry(e: tuple) -> FileResult:
    path, kind, dig, data, found, supp, sig = e
    return FileResult(path, kind, dig, data, [Finding(*f) for f in found] if found else [], supp, sig)


def load_file(root: Path, spec: FileSpec, raw: bytes | None = None,
              limit: int = DEFAULT_MAX_FILE_BYTES) -> FileResult:
    """Read, decode, parse and schema-check one file. Never raises on bad input."""
    sig = None
    if raw is None:
        got = read_with_stat(root, spec, limit)
        if isinstance(got, Finding):
            return FileResult(spec.path, spec.kind, findings=[got])
        raw, sig = got
    result = parse_file(spec, raw)
    result.stat = sig
    return result


def parse_file(spec: FileSpec, raw: bytes) -> FileResult:
    result = FileResult(spec.path, spec.kind, digest(raw))
    text = _decode(spec, raw, result)
    if text is None:
        return result
    result.has_suppressions = SUPPRESSION_MARK in text
    data, error = load_text(text)
    if error is not None:
        code = "REG002" if error.duplicate_key else "REG026" if error.too_many else "REG001"
        result.findings.append(finding(code, spec.path, line=error.line, column=error.column,
                                       problem=error.problem, problem_en=error.problem_en))
        return result
    if data is None or (isinstance(data, str) and not data.strip()):
        result.findings.append(finding("REG004", spec.path, line=1, column=1, what="空文件", what_en="the file is empty"))
        return result
    if not isinstance(data, dict):
        result.findings.append(
            finding("REG004", spec.path, line=1, column=1,
                    what=f"顶层是{_type_zh(data)}", what_en=f"the top level is a {type(data).__name__}")
        )
        return result
    if ("&" in text or "*" in text) and _shares_nodes(data):
        m = _ALIAS.search(text)
        line, col = line_col_of_offset(text, m.start(1)) if m else (1, 1)
        result.findings.append(finding("REG016", spec.path, line=line, column=col))
        return result
    result.data = data
    if spec.kind is not None and not certainly_valid(spec.kind, data):
        problems = validation.validate(spec.kind, data, stop_after=MAX_SCHEMA_PROBLEMS)
        if problems:
            complete = len(problems) <= MAX_SCHEMA_PROBLEMS
            # past MAX_SCHEMA_PROBLEMS the file is not a record gone wrong: the rules do not see it
            result.data = validation.conforming(data, problems) if complete else None
            tree = load_positions(text)
            if len(problems) > MAX_SCHEMA_FINDINGS:
                problems = _capped(problems, complete)
            for p in problems:
                line, col = locate(tree, p.pointer, p.anchor)
                f = finding("REG005", spec.path, p.pointer, record=_record_id(data), anchor=p.anchor,
                            line=line, column=col, detail=p.zh, detail_en=p.en)
                result.findings.append(f)
    return result


_ALIAS = re.compile(r"(?:^|[\s\[{,:-])(\*[^\s,\[\]{}]+)", re.M)


def _shares_nodes(data: Any) -> bool:
    """True when one mapping or list appears twice: YAML anchors and aliases (&a / *a).

    A record is a tree; aliases make it a graph that can expand exponentially (the "billion
    laughs") when validated or scanned, so such a file is refused instead of being walked.
    """
    seen: set[int] = set()
    stack = [data]
    while stack:
        node = stack.pop()
        if isinstance(node, (dict, list)):
            if id(node) in seen:
                return True
            seen.add(id(node))
            stack.extend(node.values() if isinstance(node, dict) else node)
    return False


#: More schema findings than this for one file are summed up in one: past a few dozen, the file
#: is not a record gone wrong but something else, and thousands of lines would hide the rest.
MAX_SCHEMA_FINDINGS = 50
#: Schema problems worked out for one file at most; a file with more is left out of the rules,
#: clocks and statistics (it is not a record with a few wrong values that can be set aside).
MAX_SCHEMA_PROBLEMS = 1000
def _capped(problems: list[validation.Problem], complete: bool = True) -> list[validation.Problem]:
    rest = len(problems) - MAX_SCHEMA_FINDINGS + 1
    if complete:
        zh = f"另有 {rest} 处不符合模式的问题未逐一列出；先修正以上问题，或检查这是否真是一条记录"
        en = f"{rest} more schema problems not listed one by one; fix the ones above first, or check that this file really is a record"
    else:
        zh = (f"另有至少 {rest} 处不符合模式的问题未逐一列出；问题超过 {MAX_SCHEMA_PROBLEMS} 处，本文件不作为记录参与规则、期限和统计。"
              "检查这是否真是一条记录")
        en = (f"at least {rest} more schema problems not listed; with over {MAX_SCHEMA_PROBLEMS} problems the file is left out of "
              "the rules, deadlines and statistics. Check that this file really is a record")
    return problems[:MAX_SCHEMA_FINDINGS - 1] + [validation.Problem((), "parent", zh, en)]


_UTF16_32_BOMS = ((b"\x00\x00\xfe\xff", "UTF-32BE"), (b"\xff\xfe\x00\x00", "UTF-32LE"),
                  (b"\xfe\xff", "UTF-16BE"), (b"\xff\xfe", "UTF-16LE"))


def _decode(spec: FileSpec, raw: bytes, result: FileResult) -> str | None:
    """UTF-8 text without its BOM, or None with a REG003 finding that says what the bytes are
    instead and how to convert them."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, col = _byte_position(raw, exc.start)
        what, what_en = _not_utf8(spec.path, raw, exc.start)
        result.findings.append(finding("REG003", spec.path, line=line, column=col, what=what, what_en=what_en))
        return None
    if "\x00" in text:  # valid UTF-8 can still be UTF-16 or binary: NUL never occurs in text
        nul = raw.index(b"\x00")
        line, col = _byte_position(raw, nul)
        what, what_en = _not_utf8(spec.path, raw, nul)
        result.findings.append(finding("REG003", spec.path, line=line, column=col, what=what, what_en=what_en))
        return None
    return text[1:] if text.startswith("\ufeff") else text


def _not_utf8(path: str, raw: bytes, bad: int) -> tuple[str, str]:
    """Which encoding (or binary) these bytes are in, and the command that converts them, with the
    path as typed in the register's folder (quoted for the shell when it needs to be)."""
    name = shlex.quote(path)
    for bom, encoding in _UTF16_32_BOMS:
        if raw.startswith(bom):
            return _convert(encoding, name)
    if b"\x00" in raw:
        if _looks_utf16(raw):
            return _convert("UTF-16LE" if raw[1:2] == b"\x00" else "UTF-16BE", name)
        return _binary("NUL")
    if _looks_gb18030(raw):
        return _convert("GB18030", name, "GBK/GB2312/GB18030")
    return (f"第一个无效字节是 0x{raw[bad]:02X}；用编辑器以 UTF-8 编码另存",
            f"the first invalid byte is 0x{raw[bad]:02X}; save the file as UTF-8 in the editor")


def _convert(encoding: str, name: str, shown: str | None = None) -> tuple[str, str]:
    tmp = shlex.quote(shlex.split(name)[0] + ".tmp")
    cmd = f"iconv -f {encoding} -t UTF-8 {name} > {tmp} && mv {tmp} {name}"
    return (f"看起来是 {shown or encoding} 编码，请转换为 UTF-8：{cmd}（或用编辑器以 UTF-8 另存）",
            f"it looks like {shown or encoding}; convert it to UTF-8: {cmd} (or save it as UTF-8 in the editor)")


def _binary(what: str) -> tuple[str, str]:
    return (f"含有 {what} 字节，是二进制文件而不是文本；记录必须是 YAML 文本文件",
            f"it contains {what} bytes: a binary file, not text; a record must be a YAML text file")


def _looks_utf16(raw: bytes) -> bool:
    """Every other byte NUL (ASCII-heavy UTF-16 without a BOM) and decodable as such."""
    sample = raw[:4096]
    odd, even = sample[1::2].count(0), sample[0::2].count(0)
    if max(odd, even) < len(sample) // 4:
        return False
    try:
        raw.decode("utf-16-le" if odd > even else "utf-16-be")
    except UnicodeDecodeError:
        return False
    return True


def _looks_gb18030(raw: bytes) -> bool:
    """Decodes as GB18030 into text with Chinese in it and no control characters: GBK files
    saved by older Windows editors (binary junk rarely decodes into CJK without controls)."""
    try:
        text = raw.decode("gb18030")
    except UnicodeDecodeError:
        return False
    has_cjk = any("\u4e00" <= ch <= "\u9fff" for ch in text)
    controls = sum(1 for ch in text if ch < " " and ch not in "\t\n\r")
    return has_cjk and controls == 0


def _byte_position(raw: bytes, offset: int) -> tuple[int, int]:
    before = raw[:offset]
    line = before.count(b"\n") + 1
    return line, len(before[before.rfind(b"\n") + 1:].decode("utf-8", "replace")) + 1


def _record_id(data: dict[str, Any]) -> str | None:
    for key in ("id", "doc_no"):
        if isinstance(data.get(key), str):
            return data[key]
    return None


def _type_zh(value: Any) -> str:
    if isinstance(value, list):
        return "列表"
    if isinstance(value, str):
        return "一段文本"
    return "一个标量值"
