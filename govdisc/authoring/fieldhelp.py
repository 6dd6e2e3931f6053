"""Chinese help for a field, taken from the shipped schemas (the comments `new` and `init` write)."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from govdisc import resources

_CODES = re.compile(r"取值：(.+?)。?$")


def _resolve(node: dict[str, Any], current: str) -> tuple[dict[str, Any], str]:
    """Follow `$ref` ("defs.schema.json#/$defs/x" or "#/$defs/x") to the node it names."""
    seen = 0
    while "$ref" in node and seen < 10:
        file, _, pointer = node["$ref"].partition("#")
        file = file or current
        target: Any = resources.schema(file)
        for part in filter(None, pointer.split("/")):
            target = target[part]
        merged = {**target, **{k: v for k, v in node.items() if k != "$ref"}}
        node, current, seen = merged, file, seen + 1
    return node, current


@lru_cache(maxsize=None)
def field(kind: str, path: str) -> tuple[dict[str, Any], bool]:
    """Schema node of a field and whether it is required. `path`: "applicant.kind", "events[].type"."""
    current = f"{kind}.schema.json"
    node: dict[str, Any] = resources.schema(kind)
    required = False
    for part in path.split("."):
        item = part.endswith("[]")
        name = part[:-2] if item else part
        node, current = _resolve(node, current)
        if name not in node.get("properties", {}):
            raise KeyError(f"{kind}: no field {path}")
        required = name in node.get("required", [])
        node = node["properties"][name]
        if item:
            node, current = _resolve(node, current)
            node = node.get("items", {})
            required = False
    resolved, _ = _resolve(node, current)
    return resolved, required


def title(kind: str, path: str) -> str:
    node, _ = field(kind, path)
    return node.get("title", path.split(".")[-1])


def codes(kind: str, path: str) -> str:
    """'in_person 当面提交；mail_signed 邮寄（需签收）；…' from the description, '' for free fields."""
    node, _ = field(kind, path)
    m = _CODES.search(node.get("description", ""))
    return m.group(1) if m else ""


def comment(kind: str, path: str, *, required: bool | None = None, extra: str = "", with_codes: bool = True) -> str:
    """`# 申请渠道（必填）：in_person 当面提交；…` for a field of a record kind."""
    node, req = field(kind, path)
    if required is None:
        required = req
    text = "# " + node.get("title", path)
    if required:
        text += "（必填）"
    tail = [t for t in (codes(kind, path) if with_codes else "", extra) if t]
    if tail:
        text += "：" + "；".join(tail)
    return text
