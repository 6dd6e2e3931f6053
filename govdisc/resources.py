"""Files shipped inside the wheel (schemas/, templates/), found without touching the source tree."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any


def _root(name: str) -> Traversable:
    shipped = resources.files("govdisc") / name
    if shipped.is_dir():
        return shipped
    # Editable install / source checkout: the folder sits beside the package.
    return Path(__file__).resolve().parent.parent / name


def schemas_dir() -> Traversable:
    return _root("schemas")


def templates_dir() -> Traversable:
    return _root("templates")


@lru_cache(maxsize=None)
def schema_texts() -> dict[str, str]:
    """File name → JSON text of every shipped schema."""
    out = {}
    for entry in schemas_dir().iterdir():
        if entry.name.endswith(".schema.json"):
            out[entry.name] = entry.read_text(encoding="utf-8")
    return dict(sorted(out.items()))


@lru_cache(maxsize=None)
def schema(name: str) -> dict[str, Any]:
    """Parsed schema by kind ("document") or file name."""
    fname = name if name.endswith(".json") else f"{name}.schema.json"
    return json.loads(schema_texts()[fname])


def template_text(name: str) -> str:
    """A shipped template by its relative name; a name that could leave templates/ (absolute,
    `..`, a backslash) is not a shipped template (FileNotFoundError), whoever asks."""
    parts = name.split("/")
    if not name or name.startswith("/") or "\\" in name or any(p in ("", ".", "..") for p in parts):
        raise FileNotFoundError(name)
    node = templates_dir()
    for part in parts:
        node = node / part
    return node.read_text(encoding="utf-8")
