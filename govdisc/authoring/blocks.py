"""Where things are in a YAML file's text: top-level keys, their line spans, the file's indentation.

The round-trip loader gives the start line of every key and item; the end of a block is where
the next top-level key starts, less the comments and blank lines just before it (those belong
to what follows, or are the clerk's notes at the bottom of the file).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq


def rt_yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 1 << 16  # never rewrap
    yaml.allow_duplicate_keys = False
    return yaml


def rt_load(text: str) -> Any:
    return rt_yaml().load(text)


def is_content(line: str) -> bool:
    """A line with YAML content: not blank, not only a comment."""
    s = line.strip()
    return bool(s) and not s.startswith("#")


@dataclass(slots=True)
class KeySpan:
    key: str
    line: int  # 0-based line of the key
    content_end: int  # 0-based line after the last content line of the key's block
    next_line: int  # 0-based line of the next top-level key, or the number of lines


#: The document end marker: nothing of the record comes after it.
_DOC_END = re.compile(r"^\.\.\.(\s|#|$)")


def top_level_spans(tree: CommentedMap, lines: list[str]) -> list[KeySpan]:
    """Spans of the top-level keys, in file order; the last one ends at a `...` marker, if any."""
    starts = sorted((tree.lc.key(k)[0], k) for k in tree)
    stop = len(lines)
    if starts:
        stop = next((j for j in range(starts[-1][0] + 1, len(lines)) if _DOC_END.match(lines[j])), stop)
    spans = []
    for i, (line, key) in enumerate(starts):
        nxt = starts[i + 1][0] if i + 1 < len(starts) else stop
        end = line + 1
        for j in range(line + 1, nxt):
            if is_content(lines[j]):
                end = j + 1
        spans.append(KeySpan(str(key), line, end, nxt))
    return spans


def leading_comment_start(lines: list[str], line: int, floor: int) -> int:
    """First line of the comment block glued (no blank line) directly above `line`."""
    i = line
    while i - 1 >= floor and lines[i - 1].strip().startswith("#"):
        i -= 1
    return i


_DASH = re.compile(r"^(\s*)-(\s+)")


@dataclass(slots=True)
class Indent:
    mapping: int = 2  # spaces per nested mapping level
    dash: int = 2  # column of "-" relative to the parent key
    after_dash: int = 1  # spaces between "-" and the item

    @property
    def sequence(self) -> int:  # ruamel's yaml.indent(sequence=…)
        return self.dash + 1 + self.after_dash

    @property
    def offset(self) -> int:  # ruamel's yaml.indent(offset=…)
        return self.dash


def detect_indent(tree: Any, lines: list[str], default: Indent | None = None) -> Indent:
    """The file's indentation style, from its first nested mapping and first block sequence."""
    out = default or Indent()
    found_map = found_seq = False

    def walk(node: Any, col: int) -> None:
        nonlocal found_map, found_seq
        if found_map and found_seq:
            return
        if isinstance(node, CommentedMap):
            for k in node:
                kline, kcol = node.lc.key(k)
                v = node[k]
                if isinstance(v, CommentedMap) and not v.fa.flow_style() and len(v):
                    first = next(iter(v))
                    vline, vcol = v.lc.key(first)
                    if not found_map and vline > kline and vcol > kcol:
                        out.mapping, found_map = vcol - kcol, True
                    walk(v, vcol)
                elif isinstance(v, CommentedSeq) and not v.fa.flow_style() and len(v):
                    iline, icol = v.lc.item(0)
                    m = _DASH.match(lines[iline]) if iline < len(lines) else None
                    if m and not found_seq and iline > kline:
                        out.dash, out.after_dash, found_seq = len(m.group(1)) - kcol, len(m.group(2)), True
                    for i, item in enumerate(v):
                        walk(item, v.lc.item(i)[1])
        elif isinstance(node, CommentedSeq):
            for i, item in enumerate(node):
                walk(item, node.lc.item(i)[1])

    walk(tree, 0)
    out.dash = max(out.dash, 0)
    return out


def seq_prefixes(indent: Indent, base: int = 0) -> tuple[str, str]:
    """("  - ", "    "): the first line of a block item and its continuation lines."""
    dash = " " * (base + indent.dash) + "-" + " " * indent.after_dash
    return dash, " " * len(dash)
