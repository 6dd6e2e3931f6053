"""Writing YAML text by hand, safely: scalars that read back as written, aligned comments.

`new` renders templates and `event` splices lines into existing files; both need scalar text
that a YAML 1.2 loader reads back as exactly the value meant (a title such as `2024` or
`true` must stay a string, a date must stay unquoted). Every candidate plain scalar is
checked by loading it with the register's own loader; anything doubtful is written as a
JSON string, which is a valid YAML double-quoted scalar.
"""

from __future__ import annotations

import json
import re
import unicodedata
from datetime import date, datetime
from functools import lru_cache
from typing import Any, Iterable

from govdisc.loading.yamlio import load_text

#: Characters that may not start a plain scalar (YAML 1.2 §7.3.3 indicators) — quoted instead.
_INDICATORS = set("-?:,[]{}#&*!|>'\"%@`")
_FLOW_UNSAFE = set(",[]{}")

#: Marker a template puts before a field's comment; `align_comments` replaces it with padding.
COMMENT_MARK = "\x1f"
COMMENT_COLUMN = 32


#: Characters YAML does not allow raw in a file (1.2 §5.1 c-printable, and the BOM), and the line
#: separators that end a line for YAML 1.1 readers but not 1.2 ones (NEL, U+2028, U+2029): escaped,
#: so every reader reads the same value.
_NON_PRINTABLE = re.compile("[\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]")


def _escape(m: re.Match[str]) -> str:
    return f"\\u{ord(m.group(0)):04x}"


class ScalarError(ValueError):
    pass


@lru_cache(maxsize=4096)
def _plain_ok(text: str, flow: bool) -> bool:
    if not text or text != text.strip() or "\n" in text or "\r" in text or "\t" in text:
        return False
    if text[0] in _INDICATORS or ": " in text or " #" in text or text.endswith(":"):
        return False
    if flow and (_FLOW_UNSAFE & set(text)):
        return False
    doc = f"k: [{text}]\n" if flow else f"k: {text}\n"
    data, err = load_text(doc)
    if err is not None or not isinstance(data, dict):
        return False
    got = data.get("k")
    return got == [text] if flow else got == text


def scalar(value: Any, *, flow: bool = False) -> str:
    """YAML text of one scalar value (block context unless `flow`)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            raise ScalarError(f"not a finite number: {value}")
        return repr(value)
    if isinstance(value, datetime):
        return value.isoformat(sep=" ", timespec="minutes") if value.tzinfo is None else value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, str):
        if _plain_ok(value, flow):
            return value
        return _NON_PRINTABLE.sub(_escape, json.dumps(value, ensure_ascii=False))
    raise ScalarError(f"not a scalar: {type(value).__name__}")


def flow_list(values: Iterable[Any]) -> str:
    return "[" + ", ".join(scalar(v, flow=True) for v in values) + "]"


def flow_value(value: Any) -> str:
    if isinstance(value, (list, tuple)):
        return flow_list(value)
    if isinstance(value, dict):
        return flow_mapping(value)
    return scalar(value, flow=True)


def flow_mapping(data: dict[str, Any], padded: bool = False) -> str:
    """`{type: extension, date: 2024-11-20}` (or `{ … }` when the file pads its braces)."""
    body = ", ".join(f"{k}: {flow_value(v)}" for k, v in data.items())
    return f"{{ {body} }}" if padded else f"{{{body}}}"


def block_mapping_lines(data: dict[str, Any], indent: str, step: str) -> list[str]:
    """Lines of a block mapping at `indent`; nested mappings one `step` deeper, lists in flow."""
    out: list[str] = []
    for k, v in data.items():
        if isinstance(v, dict) and v:
            out.append(f"{indent}{k}:")
            out.extend(block_mapping_lines(v, indent + step, step))
        else:
            text = flow_value(v)
            out.append(f"{indent}{k}: {text}" if text else f"{indent}{k}:")
    return out


def display_width(text: str) -> int:
    """Columns a monospace editor gives the text (CJK and full-width forms take two)."""
    return sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in text)


def align_comments(text: str, column: int = COMMENT_COLUMN) -> str:
    """Replace each COMMENT_MARK by spaces so the comment after it starts at `column`."""
    out = []
    for line in text.split("\n"):
        if COMMENT_MARK in line:
            code, _, comment = line.partition(COMMENT_MARK)
            code = code.rstrip()
            comment = comment.strip()
            if not comment:
                line = code
            elif not code.strip():
                line = code + comment
            else:
                pad = max(column - display_width(code), 2)
                line = code + " " * pad + comment
        out.append(line)
    return "\n".join(out)


def newline_of(text: str) -> str:
    """The file's line ending: CRLF when its first line ends so, CR in a file without LF (old Mac
    editors), else LF."""
    i = text.find("\n")
    if i < 0:
        return "\r" if "\r" in text else "\n"
    return "\r\n" if i > 0 and text[i - 1] == "\r" else "\n"


def only_additions(old: str, new: str) -> bool:
    """True when `new` is `old` with lines inserted and no old line changed or removed."""
    import difflib

    a, b = old.splitlines(), new.splitlines()
    sm = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    return all(tag in ("equal", "insert") for tag, *_ in sm.get_opcodes())
