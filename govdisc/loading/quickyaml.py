"""The quick read: PyYAML's libyaml binding composes, a small builder makes the record.

`yamlio.load_text` is the reader of record (YAML 1.2 values, dates kept as text, located
errors). Most of its time went into ruamel's Python constructor, and into re-reading with the
pure-Python parser every file its older libyaml (0.1.7) refuses, such as a flow-style date-time
`{at: 2024-07-02 12:10}` (every opinion file). PyYAML's binding brings libyaml 0.2.x, which reads
those, and composes the node tree in C; the builder here turns it into the same data the reader
of record would give, or says it is not sure (`UNSURE`), and then that reader reads the file.

Exactness by construction: a plain scalar is resolved and constructed by the reader of record's
own resolver and constructor (memoised: the same dates and codes come back in every file); a
quoted one is its text, as there. The builder gives up on anything beyond plain mappings, lists
and scalars: a tag (even `!`), an alias, a merge key `<<`, a duplicate or non-scalar key, a
directive, a tab or a backslash anywhere in the text (where the two libyaml versions differ in
what they accept), or any error. tests/unit/test_quickyaml.py holds the differential test over
the example register, generated registers and the hostile corpus.

`positions` gives the same key/value/item marks as the round-trip parse, for `yamlio.locate`,
from the same C composition: locating findings no longer costs a pure-Python parse per file.
"""

from __future__ import annotations

import re
import warnings
from typing import Any, Callable

try:  # PyYAML's libyaml binding; without it every file takes the reader of record
    from yaml._yaml import CParser as _Parser
    from yaml.nodes import MappingNode as _MappingNode, ScalarNode as _ScalarNode
except ImportError:  # pragma: no cover - depends on the platform's wheels
    _Parser = None

AVAILABLE = _Parser is not None

#: The answer when the builder is not sure the data would be the reader of record's.
UNSURE = object()


class _Unsure(Exception):
    pass


# The tags the composer is given by `resolve` below (any other tag came from the text).
_STR = "s"  # a quoted scalar, or a plain one that can only be a string
_PLAIN = "p"  # a plain scalar that might be a number, boolean, null, date... (see _plain_value)
_MAP = "m"
_SEQ = "q"
_TAGGED = "!"  # the text gave the node a tag: not for the builder

#: First characters of the plain scalars YAML 1.2's resolver may give another type than a
#: string (ruamel.yaml.resolver.Resolver.yaml_implicit_resolvers), and the indicators.
_SPECIAL_FIRST = frozenset("-+0123456789.~nNtTfF<=!&*")

#: Text the builder never reads: a tab (libyaml 0.1.7 and 0.2 differ about tabs in some places),
#: a backslash (escapes such as \/ and \' are read differently), a directive (% at a line start),
#: a byte-order mark inside the text (libyaml counts it as a column, the round trip does not).
_NOT_QUICK = ("\t", "\\", "\n%", "\ufeff")
#: An anchor (`&name` where a node may start): the composed tree does not show it, and the
#: round trip places an anchored node elsewhere. `a=1&b=2` inside a value is no anchor.
_ANCHOR = re.compile(r"(?:^|[\s\[\]{},])&", re.M)


def _quick_text(text: str) -> bool:
    return not (text.startswith("%") or any(s in text for s in _NOT_QUICK)
                or ("&" in text and _ANCHOR.search(text) is not None))

if _Parser is not None:

    class _Composer(_Parser):  # type: ignore[misc,valid-type]
        """libyaml's composer with a resolver that only sorts nodes for the builder."""

        def resolve(self, kind: type, value: Any, implicit: Any) -> str:
            if kind is _ScalarNode:
                if implicit[0]:  # plain
                    return _PLAIN if not value or value[0] in _SPECIAL_FIRST else _STR
                return _STR if implicit[1] else _TAGGED
            if not implicit:
                return _TAGGED
            return _MAP if kind is _MappingNode else _SEQ

        def descend_resolver(self, parent: Any, index: Any) -> None:
            pass

        def ascend_resolver(self) -> None:
            pass


def _compose(text: str) -> Any:
    """libyaml's node tree of `text` (None for an empty stream); raises on any error."""
    parser = _Composer(text)
    try:
        return parser.get_single_node()
    finally:
        parser.dispose()


def quick_load(text: str) -> Any:
    """The data `yamlio`'s reader of record gives for `text`, or UNSURE."""
    return _quick(text, _build)


def _quick(text: str, make: Callable[[Any], Any]) -> Any:
    """make(the composed tree of `text`), or None for an empty stream; UNSURE where the quick
    read does not answer: text it does not read, an alias, any error."""
    if _Parser is None or not _quick_text(text):
        return UNSURE
    try:
        node = _compose(text)
        if node is None:
            return None
        if "*" in text:  # an alias makes one node appear twice: the reader of record refuses that
            _no_shared_nodes(node)
        return make(node)
    except Exception:  # noqa: BLE001 - errors, and anything unexpected, are the reader of record's
        return UNSURE


def _build(node: Any) -> Any:
    tag = node.tag
    if tag is _STR:
        return node.value
    if tag is _MAP:
        pairs = node.value
        out: dict = {}
        for key, value in pairs:
            k = key.tag
            k = key.value if k is _STR else _plain_value(key.value) if k is _PLAIN else _not_a_key()
            t = value.tag
            out[k] = value.value if t is _STR else _build(value)
        if len(out) != len(pairs):  # a duplicate key: the reader of record reports it (REG002)
            raise _Unsure
        return out
    if tag is _SEQ:
        return [item.value if item.tag is _STR else _build(item) for item in node.value]
    if tag is _PLAIN:
        return _plain_value(node.value)
    raise _Unsure


def _not_a_key() -> Any:
    raise _Unsure


def _no_shared_nodes(root: Any) -> None:
    seen: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            raise _Unsure
        seen.add(id(node))
        if node.tag is _MAP:
            for k, v in node.value:
                stack.append(k)
                stack.append(v)
        elif node.tag is _SEQ:
            stack.extend(node.value)


_PLAIN_CACHE: dict[str, Any] = {}
_PLAIN_CACHE_MAX = 50_000


def _plain_value(value: str) -> Any:
    """A plain scalar as the reader of record constructs it (memoised); _Unsure for the tags it
    does not construct into plain data (merge `<<`, value `=`, the YAML indicators)."""
    try:
        return _PLAIN_CACHE[value]
    except KeyError:
        pass
    got = _resolved(value)
    if len(value) > 40:  # dates, numbers and codes are short; long text is not kept
        return got
    if len(_PLAIN_CACHE) >= _PLAIN_CACHE_MAX:
        _PLAIN_CACHE.clear()
    _PLAIN_CACHE[value] = got
    return got


_EXACT: list[Any] = []


def _resolved(value: str) -> Any:
    if not _EXACT:
        from ruamel.yaml.error import StreamMark
        from ruamel.yaml.nodes import ScalarNode

        from govdisc.loading.yamlio import exact_scalars

        _EXACT.append((ScalarNode, StreamMark("", 0, 0, 0), *exact_scalars()))
    node_class, mark, resolver, constructor = _EXACT[0]
    tag = resolver.resolve(node_class, value, (True, False))
    if str(tag) in _NOT_DATA:
        raise _Unsure
    with warnings.catch_warnings():  # ruamel's notes on YAML 1.1 floats (`1e3`), as yamlio silences them
        warnings.simplefilter("ignore")
        data = constructor.construct_non_recursive_object(node_class(tag, value, mark, mark))
    if type(data) not in (str, int, float, bool, type(None)):
        raise _Unsure
    return data


#: Tags a plain scalar may resolve to that are not data (the reader of record refuses them).
_NOT_DATA = frozenset({"tag:yaml.org,2002:merge", "tag:yaml.org,2002:value", "tag:yaml.org,2002:yaml"})


# ---------------------------------------------------------------------------------------------
# Positions
# ---------------------------------------------------------------------------------------------


def quick_positions(text: str, marked_map: type, marked_seq: type, marks: type) -> Any:
    """The tree `yamlio.locate` reads (mappings and lists carrying `.lc` marks of their keys,
    values and items), or UNSURE where the quick read is (see quick_load)."""
    return _quick(text, lambda node: _marked(node, marked_map, marked_seq, marks))


def _marked(node: Any, mmap: type, mseq: type, marks: type) -> Any:
    tag = node.tag
    if tag is _STR:
        return node.value
    if tag is _PLAIN:
        return _plain_value(node.value)
    if tag is _MAP:
        out = mmap()
        lc = out.lc = marks()
        for key, value in node.value:
            k = key.value if key.tag is _STR else _plain_value(key.value) if key.tag is _PLAIN else _not_a_key()
            km, vm = key.start_mark, value.start_mark
            out[k] = _marked(value, mmap, mseq, marks)
            lc.data[k] = (km.line, km.column, vm.line, vm.column)
        if len(out) != len(node.value):
            raise _Unsure
        return out
    if tag is _SEQ:
        out = mseq()
        lc = out.lc = marks()
        for i, item in enumerate(node.value):
            m = item.start_mark
            lc.data[i] = (m.line, m.column)
            out.append(_marked(item, mmap, mseq, marks))
        return out
    raise _Unsure
