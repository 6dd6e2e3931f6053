"""YAML reading: a fast C-backed safe load for every file, a round-trip load only to locate."""

from __future__ import annotations

import re
import warnings
from dataclasses import dataclass
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.constructor import SafeConstructor
from ruamel.yaml.error import MarkedYAMLError, YAMLError

# `1e3` and similar YAML 1.1 leftovers are plain strings in YAML 1.2; ruamel warns on stderr.
warnings.filterwarnings("ignore", module=r"ruamel\.yaml.*")
from ruamel.yaml.resolver import Resolver

try:  # the C extension (ruamel.yaml[libyaml]); the pure parser is a slow but correct fallback
    from ruamel.yaml.cyaml import CParser
except ImportError:  # pragma: no cover - depends on the platform's wheels
    CParser = None

from govdisc.model import Pointer


class _StringDates(SafeConstructor):
    """Keep YAML timestamps as their text, so dates stay JSON data and `format: date` checks them."""


_StringDates.add_constructor("tag:yaml.org,2002:timestamp", SafeConstructor.construct_scalar)


if CParser is not None:

    class _FastLoader(CParser, _StringDates, Resolver):  # type: ignore[misc,valid-type]
        def __init__(self, stream: str) -> None:
            CParser.__init__(self, stream)
            self._parser = self._composer = self
            _StringDates.__init__(self, loader=self)
            self.allow_duplicate_keys = False
            Resolver.__init__(self, loadumper=self)

    def _fast_load(text: str) -> Any:
        loader = _FastLoader(text)
        try:
            return loader.get_single_data()
        finally:
            loader.dispose()
            # The loader refers to itself (_parser, _composer, loader, _constructor, ...): a
            # reference cycle of ~13 KB per file that only the cyclic GC would reclaim, and the
            # allocations behind most of its runs. Breaking it frees the loader right here.
            loader.__dict__.clear()

else:  # pragma: no cover

    def _fast_load(text: str) -> Any:
        return _pure_load(text)


C_LOADER = CParser is not None


@dataclass(slots=True)
class ParseError:
    """Why a file could not be parsed, with a 1-based position."""

    problem: str
    line: int
    column: int
    duplicate_key: bool = False


_pure_safe = YAML(typ="safe", pure=True)
_pure_safe.Constructor = _StringDates


def _pure_load(text: str) -> Any:
    return _pure_safe.load(text)


def load_text(text: str) -> tuple[Any, ParseError | None]:
    """Parse one YAML document; errors become data, never exceptions.

    libyaml (the C parser) rejects some valid YAML 1.2, e.g. `{at: 2024-07-02 12:10}` in flow
    style; a file it refuses is parsed once more by the pure parser before it is an error.
    """
    try:
        data = _fast_load(text)
    except RecursionError:
        return None, ParseError(f"嵌套超过 {MAX_DEPTH} 层 / nested deeper than {MAX_DEPTH} levels", 1, 1)
    except MarkedYAMLError as exc:
        if type(exc).__name__ == "DuplicateKeyError" or not C_LOADER:
            return None, _parse_error(exc)
        try:
            data = _pure_load(text)
        except MarkedYAMLError as pure_exc:  # the YAML 1.2 parser's word is the one to report
            return None, _parse_error(pure_exc)
        except Exception:  # noqa: BLE001 - report the C parser's error
            return None, _parse_error(exc)
    except (YAMLError, ValueError, TypeError) as exc:  # e.g. an invalid timestamp value
        return None, ParseError(str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__, 1, 1)
    if _may_be_deep(text) and _depth(data) > MAX_DEPTH:
        return None, ParseError(f"嵌套超过 {MAX_DEPTH} 层 / nested deeper than {MAX_DEPTH} levels", 1, 1)
    return data, None


#: Records nest a handful of levels; far deeper data is a mistake that would exhaust recursion later.
MAX_DEPTH = 40


def _may_be_deep(text: str) -> bool:
    """Cheap text test before walking the data: many brackets or very deep indentation."""
    return text.count("[") + text.count("{") > MAX_DEPTH or "\n" + " " * (2 * MAX_DEPTH) in text


def _depth(data: Any) -> int:
    deepest, stack = 0, [(data, 1)]
    while stack:
        node, d = stack.pop()
        if isinstance(node, (dict, list)):
            deepest = max(deepest, d)
            if deepest > MAX_DEPTH:
                return deepest
            stack.extend((v, d + 1) for v in (node.values() if isinstance(node, dict) else node))
    return deepest


def _parse_error(exc: MarkedYAMLError) -> ParseError:
    mark = exc.problem_mark or exc.context_mark
    line, col = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
    problem = " ".join(p for p in (exc.context, exc.problem) if p) or str(exc)
    dup = type(exc).__name__ == "DuplicateKeyError"
    if dup:
        m = re.search(r'duplicate key "(.+?)"', problem)
        first = exc.context_mark.line + 1 if exc.context_mark is not None else None
        key = m.group(1) if m else "?"
        problem = f"{key}（首次出现在第 {first} 行 / first at line {first}）" if first else key
    return ParseError(problem.strip(), line, col, dup)


def _roundtrip() -> YAML:
    yaml = YAML(typ="rt")
    yaml.allow_duplicate_keys = True
    return yaml


def load_roundtrip(text: str) -> Any:
    """Comment- and position-keeping load (ruamel CommentedMap/Seq with .lc)."""
    return _roundtrip().load(text)


def locate(tree: Any, pointer: Pointer, anchor: str = "value") -> tuple[int, int]:
    """1-based line/column of the value (or key, or parent mapping) a pointer names."""
    node = tree
    pos = (1, 1)
    for i, key in enumerate(pointer):
        lc = getattr(node, "lc", None)
        last = i == len(pointer) - 1
        try:
            if isinstance(node, dict):
                if key not in node:
                    break
                if lc is not None:
                    if last and anchor == "key":
                        line, col = lc.key(key)
                    else:
                        line, col = lc.value(key) if lc.data.get(key) and len(lc.data[key]) > 2 else lc.key(key)
                    pos = (line + 1, col + 1)
                node = node[key]
            elif isinstance(node, list):
                if not isinstance(key, int) or not (0 <= key < len(node)):
                    break
                if lc is not None:
                    line, col = lc.item(key)
                    pos = (line + 1, col + 1)
                node = node[key]
            else:
                break
        except (KeyError, IndexError, TypeError, AttributeError):
            break
    return pos


def line_col_of_offset(text: str, offset: int) -> tuple[int, int]:
    before = text[:offset]
    line = before.count("\n") + 1
    col = offset - (before.rfind("\n") + 1) + 1
    return line, col
