"""Give rule findings their line and column: one round-trip parse per file that has findings."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from govdisc.loading.yamlio import load_roundtrip, locate
from govdisc.model import Finding


def read_text(root: Path, path: str) -> str | None:
    try:
        return (root / path).read_bytes().decode("utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return None


def locate_findings(root: Path, findings: list[Finding], texts: dict[str, str] | None = None) -> dict[str, str]:
    """Fill line/column in place; returns the texts read, for suppression scanning."""
    texts = dict(texts or {})
    pending: dict[str, list[Finding]] = defaultdict(list)
    for f in findings:
        if f.line is None:
            pending[f.path].append(f)
    for path, group in pending.items():
        text = texts.get(path)
        if text is None:
            text = read_text(root, path)
        if text is None:
            for f in group:
                f.line, f.column = 1, 1
            continue
        texts[path] = text
        try:
            tree = load_roundtrip(text)
        except Exception:  # noqa: BLE001 - a file the fast loader read but round-trip cannot
            tree = None
        for f in group:
            f.line, f.column = locate(tree, f.pointer, f.anchor) if tree is not None else (1, 1)
    return texts
