"""YAML reading: a fast C-backed safe load for every file, a round-trip load only to locate."""

from __future__ import annotations

import re
import warnings
from dataclasses import dataclass
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.constructor import RoundTripConstructor, SafeConstructor
from ruamel.yaml.error import MarkedYAMLError, YAMLError

# `1e3` and similar YAML 1.1 leftovers are plain strings in YAML 1.2; ruamel warns on stderr.
warnings.filterwarnings("ignore", module=r"ruamel\.yaml.*")
from ruamel.yaml.resolver import Resolver

try:  # the C extension (ruamel.yaml[libyaml]); the pure parser is a slow but correct fallback
    from ruamel.yaml.cyaml import CParser
except ImportError:  # pragma: no cover - depends on the platform's wheels
    CParser = None

from govdisc.loading.quickyaml import UNSURE, quick_load, quick_positions
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
    """Why a file could not be parsed, with a 1-based position; `problem` is Chinese, `problem_en`
    English (the parser's own words when there is no better explanation)."""

    problem: str
    line: int
    column: int
    duplicate_key: bool = False
    problem_en: str = ""
    too_many: bool = False  # more than MAX_NODES nodes: a size finding (REG026), not a syntax error

    def __post_init__(self) -> None:
        self.problem_en = self.problem_en or self.problem


_pure_safe = YAML(typ="safe", pure=True)
_pure_safe.Constructor = _StringDates


def _pure_load(text: str) -> Any:
    return _pure_safe.load(text)


#: Records nest a handful of levels; far deeper data is a mistake that would exhaust recursion later.
MAX_DEPTH = 40
#: Flow brackets ([ {) open at once, counted on the raw text, beyond which a file is not parsed at
#: all: libyaml's time grows with the square of flow depth and its composer recurses on the C stack
#: (about 30,000 levels crash the interpreter), so such text must never reach it.
MAX_RAW_FLOW = 1000
#: The pure parser re-reads files libyaml refuses (see load_text) only up to this size: it is
#: ~30× slower, and the YAML it rescues (flow-style date-times) never comes in files this big.
PURE_FALLBACK_MAX = 64 * 1024
#: Nodes (keys, values, list items, at every level) one file may hold. The largest records hold a
#: few hundred; past this, a file is refused before it is parsed (building two million nodes took
#: minutes and gigabytes), counted on libyaml's event stream, which stops at the limit.
MAX_NODES = 100_000


def load_text(text: str) -> tuple[Any, ParseError | None]:
    """Parse one YAML document; errors become data, never exceptions.

    Hostile input is stopped before it reaches the parsers: control characters and absurd
    nesting are found on the text first (see `_precheck`). libyaml (the C parser) rejects some
    valid YAML 1.2, e.g. `{at: 2024-07-02 12:10}` in flow style; a (small) file it refuses is
    parsed once more by the pure parser before it is an error.
    """
    many_brackets = text.count("[") + text.count("{") > MAX_DEPTH
    early = _precheck(text, many_brackets)
    if early is not None:
        return None, early
    swapped: dict[str, str] | None = None
    if _SEPARATORS.search(text) is not None:  # rare: a byte search decides
        text, swapped, early = _quoted_separators(text)
        if early is not None:
            return None, early
    data = UNSURE if swapped else quick_load(text)
    if data is UNSURE:
        data, early = _exact_load(text)
        if early is not None:
            return None, early
    if (many_brackets or "\n" + " " * (2 * MAX_DEPTH) in text) and _depth(data) > MAX_DEPTH:
        return None, _too_deep(1, 1)
    if swapped:
        data = _restored(data, swapped)
    return data, None


def _exact_load(text: str) -> tuple[Any, ParseError | None]:
    """The reader of record: ruamel's C loader, its pure YAML 1.2 parser where libyaml 0.1.7
    refuses valid YAML; (data, None) or (None, the located error)."""
    try:
        data = _fast_load(text)
    except RecursionError:
        return None, _too_deep(1, 1)
    except MarkedYAMLError as exc:
        if type(exc).__name__ == "DuplicateKeyError" or not C_LOADER or len(text) > PURE_FALLBACK_MAX:
            return None, _tab_explained(_parse_error(exc), text)
        try:
            data = _pure_load(text)
        except MarkedYAMLError as pure_exc:  # the YAML 1.2 parser's word is the one to report
            return None, _parse_error(pure_exc)
        except Exception:  # noqa: BLE001 - report the C parser's error
            return None, _parse_error(exc)
    except (YAMLError, ValueError, TypeError) as exc:  # e.g. an invalid timestamp value
        return None, _plain_error(exc)
    return data, None


def exact_scalars() -> tuple[Any, Any]:
    """(resolver, constructor) of the reader of record, to resolve and construct plain scalars
    exactly as it does (quickyaml)."""
    if C_LOADER:
        loader = _FastLoader("")
        return loader, loader
    return _pure_safe.resolver, _pure_safe.constructor


def _too_deep(line: int, column: int) -> ParseError:
    return ParseError(f"嵌套超过 {MAX_DEPTH} 层，记录不会有这么深的结构",
                      line, column, problem_en=f"nested deeper than {MAX_DEPTH} levels, which no record needs")


#: Characters YAML 1.2 forbids in a stream (C0 controls but tab/LF/CR, DEL, C1 but NEL,
#: surrogates, U+FFFE/U+FFFF); the parsers refuse them without saying where.
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]")


#: Line separators of YAML 1.1 (NEL, LS, PS) that YAML 1.2 reads as ordinary characters. libyaml
#: (the C parser) ends a comment or a line at them, a YAML 1.2 reader does not: `# note<U+2028>reply:
#: …` is data to one and a comment to the other, so text could hide from some readers.
_SEPARATORS = re.compile("[\x85\u2028\u2029]")
#: Private-use characters that stand in for LS/PS while libyaml parses (see _quoted_separators).
_STAND_INS = "".join(chr(c) for c in range(0xE000, 0xE040))


def _separator_error(text: str, offset: int) -> ParseError:
    line, col = line_col_of_offset(text, offset)
    code = f"U+{ord(text[offset]):04X}"
    escape = f"\\u{ord(text[offset]):04x}"
    return ParseError(
        f"第 {line} 行第 {col} 列有不可见的换行符 {code}（常见于从 Word 或网页复制的文字）；不同的 YAML 工具对它理解不同"
        f"（有的当作换行，把其后的文字读成数据，有的当作普通字符），登记簿不允许在引号外使用。删除它，或在双引号字符串中写作 {escape}",
        line, col,
        problem_en=f"an invisible line separator {code} at line {line}, column {col} (it often comes with text pasted from Word "
                   "or the web); YAML tools disagree on it (some end the line there and read what follows as data, others "
                   f"read an ordinary character), so the register allows it only inside quotes. Delete it, or write it as "
                   f"{escape} inside a double-quoted string")


def _quoted_separators(text: str) -> tuple[str, dict[str, str] | None, ParseError | None]:
    """(text to parse, stand-ins to restore, error) for text holding NEL, U+2028 or U+2029.

    NEL is refused wherever it is (even ruamel's YAML 1.2 parser folds it into a space inside
    quotes). U+2028/U+2029 are accepted inside quoted scalars only, and parsed the YAML 1.2 way:
    libyaml sees a private-use stand-in (an ordinary character, as 1.2 reads them) that is put
    back in the values afterwards. Outside quotes (a comment, a plain scalar, a key) they are
    refused at their place: there, YAML 1.1 and 1.2 readers see different records.
    """
    nel = text.find("\x85")
    if nel >= 0:
        return text, None, _separator_error(text, nel)
    free = [c for c in _STAND_INS if c not in text]
    if len(free) < 2 or not C_LOADER:
        return text, None, _separator_error(text, _SEPARATORS.search(text).start())  # type: ignore[union-attr]
    swap = {"\u2028": free[0], "\u2029": free[1]}
    parsed = text.translate(str.maketrans(swap))
    spans = _quoted_spans(parsed)
    for m in _SEPARATORS.finditer(text):
        if spans is None or not _inside(spans, m.start()):
            return text, None, _separator_error(text, m.start())
    return parsed, {v: k for k, v in swap.items()}, None


def _quoted_spans(text: str) -> list[tuple[int, int]] | None:
    """(start, end) character offsets of every quoted scalar, from libyaml's events; None when the
    text does not parse (then nothing counts as quoted)."""
    parser = CParser(text)
    spans: list[tuple[int, int]] = []
    try:
        while True:
            event = parser.get_event()
            if event is None or type(event).__name__ == "StreamEndEvent":
                return spans
            if type(event).__name__ == "ScalarEvent" and event.style in ("'", '"'):
                spans.append((event.start_mark.index, event.end_mark.index))
    except Exception:  # noqa: BLE001 - a syntax error: nothing is known to be quoted
        return None
    finally:
        parser.dispose()


def _inside(spans: list[tuple[int, int]], offset: int) -> bool:
    import bisect

    i = bisect.bisect_right(spans, (offset, 1 << 62)) - 1
    return i >= 0 and spans[i][0] < offset < spans[i][1] - 1


def _restored(data: Any, swapped: dict[str, str]) -> Any:
    """`data` with the stand-ins of _quoted_separators put back (keys and values)."""
    table = str.maketrans(swapped)

    def fix(value: Any) -> Any:
        if isinstance(value, str):
            return value.translate(table)
        if isinstance(value, dict):
            return {fix(k): fix(v) for k, v in value.items()}
        if isinstance(value, list):
            return [fix(v) for v in value]
        return value

    return fix(data)


def _precheck(text: str, many_brackets: bool) -> ParseError | None:
    """What must be refused before any parser sees the text: a located error, or None.
    `many_brackets`: more than MAX_DEPTH flow brackets, so flow nesting is possible."""
    conflict = _conflict_marker(text)
    if conflict is not None:
        return conflict
    bad = _FORBIDDEN.search(text)
    if bad is not None:
        line, col = line_col_of_offset(text, bad.start())
        code = f"U+{ord(bad.group()):04X}"
        return ParseError(f"第 {line} 行第 {col} 列有不可见的控制字符 {code}，YAML 不允许；删除它（常见于从网页或 Word 复制的文字）",
                          line, col, problem_en=f"an invisible control character {code} at line {line}, column {col}, "
                                                "which YAML does not allow; delete it (it often comes with text pasted from the web or Word)")
    if many_brackets and text.count("[") + text.count("{") > MAX_RAW_FLOW:
        at = _raw_flow_overflow(text)
        if at is not None:
            return _too_deep(*line_col_of_offset(text, at))
    if many_brackets or _compact_nesting_possible(text) or _node_bound(text) > MAX_NODES:
        return _event_overflow(text)
    return None


def _node_bound(text: str) -> int:
    """More nodes than the text could hold, counted in C: every entry after a collection's first
    needs a comma, a line or a dash (or `?`), and an entry is at most two nodes (key, value)."""
    return 2 * (text.count(",") + text.count("\n") + text.count("-") + text.count("?")
                + text.count("[") + text.count("{")) + 2


def _too_many(line: int, column: int, size: int) -> ParseError:
    return ParseError(f"文件中的值（键、值、列表项）超过 {MAX_NODES} 个，这里的一个列表或映射就有 {size} 项以上；"
                      "一条记录不会有这么多，文件未作进一步检查",
                      line, column, too_many=True,
                      problem_en=f"more than {MAX_NODES} values (keys, values, list items) in the file, {size} or more in "
                                 "the list or mapping here; no record holds that many, so the file was not checked further")


_BRACKETS = re.compile(r"[\[\]{}]")


def _raw_flow_overflow(text: str) -> int | None:
    """Offset where more than MAX_RAW_FLOW brackets are open at once (quotes not considered:
    an upper bound of the real flow depth, which is what a guard needs), else None."""
    depth = 0
    for m in _BRACKETS.finditer(text):
        if m.group() in "[{":
            depth += 1
            if depth > MAX_RAW_FLOW:
                return m.start()
        elif depth:
            depth -= 1
    return None


def _compact_nesting_possible(text: str) -> bool:
    """Can one line open many block levels (`- - - x`, `? ? x`)? Such nesting costs two bytes a
    level, so it is the one block form that can reach the C parser's recursion limit."""
    return "- -" in text or "-\t" in text or "? " in text or "?\t" in text


def _event_overflow(text: str) -> ParseError | None:
    """The first collection nested deeper than MAX_DEPTH, or the file's node beyond MAX_NODES,
    from libyaml's event stream: its parser keeps an explicit stack (no recursion), so this is
    safe at any depth, nothing is built, and it stops at the first level or node too many. None
    if neither, or not parseable (the real parse reports syntax errors)."""
    if not C_LOADER:
        return None
    parser = CParser(text)
    open_: list[list] = []  # [start mark, children] of each open collection
    nodes = 0
    try:
        while True:
            event = parser.get_event()
            name = type(event).__name__
            if name in ("MappingEndEvent", "SequenceEndEvent"):
                open_.pop()
                continue
            if name in ("StreamEndEvent", "NoneType"):
                return None
            if name not in ("ScalarEvent", "AliasEvent", "MappingStartEvent", "SequenceStartEvent"):
                continue
            nodes += 1
            if open_:
                open_[-1][1] += 1
            if nodes > MAX_NODES:  # at the fullest open collection (there is one: the root is one node)
                mark, children = max(open_, key=lambda c: c[1])
                return _too_many(mark.line + 1, mark.column + 1, children // 2 if mark.mapping else children)
            if name in ("MappingStartEvent", "SequenceStartEvent"):
                open_.append([_Mark(event.start_mark, name == "MappingStartEvent"), 0])
                if len(open_) > MAX_DEPTH:
                    return _too_deep(event.start_mark.line + 1, event.start_mark.column + 1)
    except Exception:  # noqa: BLE001 - a syntax error: load_text reports it with its position
        return None
    finally:
        parser.dispose()


class _Mark:
    """Where a collection starts, and whether it is a mapping (two nodes an entry)."""

    __slots__ = ("line", "column", "mapping")

    def __init__(self, mark: Any, mapping: bool) -> None:
        self.line, self.column, self.mapping = mark.line, mark.column, mapping



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


#: Parser messages worth explaining: (pattern on the parser's words, Chinese, English). The
#: English names the fix too; `{0}` is the pattern's first group.
_EXPLAINED: tuple[tuple[re.Pattern[str], str, str], ...] = tuple(
    (re.compile(p), zh, en) for p, zh, en in (
        (r"found character '\\t' that cannot start any token|found a tab character",
         "这里用了制表符（Tab）；YAML 只能用空格缩进，把 Tab 换成空格（编辑器可设置“Tab 转空格”）",
         "a tab character here; YAML indents with spaces only: replace the tab with spaces"),
        (r"expected a single document in the stream",
         "一个文件只能有一条记录，这里开始了第二个文档（---）；把它拆到单独的文件中",
         "a file holds one record, but a second document (---) starts here; move it to a file of its own"),
        (r"could not determine a constructor for the tag '([^']*)'",
         "不允许使用 YAML 标签 “{0}”（如 !!python/object、!custom）；govdisc 不会据此构造任何对象，删除标签，直接写值",
         "the YAML tag '{0}' is not allowed (like !!python/object or !custom); govdisc never constructs objects from tags: remove it and write the plain value"),
        (r"Exceeds the limit \((\d+) digits\) for integer",
         "数字超过 {0} 位；记录中的数字不会这么长，需要时加引号写成文本",
         "a number longer than {0} digits; no record holds such a number: quote it if it is meant as text"),
        # libyaml's and ruamel's own words, explained (the English keeps the parser's phrase)
        (r"mapping values are not allowed (?:here|in this context)",
         "这里不能出现“键: 值”：常见原因是值里含有“冒号+空格”（给整个值加引号），或这一行的缩进与上一行不一致",
         "mapping values are not allowed here: usually a ': ' inside a value (quote the whole value) or an "
         "indentation that does not match the line above"),
        (r"could not find expected ':'",
         "这一行不是“键: 值”：缺少冒号或冒号后的空格，或者上一行的引号、括号没有闭合",
         "could not find expected ':': the line lacks the colon (or the space after it), or a quote or bracket "
         "above is not closed"),
        (r"found unknown escape character '(.+?)'",
         "双引号里的“\\{0}”不是有效的转义：把反斜杠写成两个（\\\\{0}），或改用单引号",
         "'\\{0}' is not a valid escape inside double quotes: double the backslash or use single quotes"),
        (r"found character '(.+?)' that cannot start any token",
         "字符“{0}”不能作为值的开头（YAML 保留它作特殊用途）：给整个值加引号",
         "'{0}' cannot start a value (YAML reserves it): quote the whole value"),
        (r"(?:quoted scalar|double-quoted scalar|single-quoted scalar).*found unexpected end of stream",
         "引号没有闭合：从这里开始的引号直到文件末尾都没有配对的另一半",
         "a quote opened here is never closed"),
        (r"expected ',' or '\]'|did not find expected ',' or '\]'",
         "方括号列表 [ ] 没有闭合，或列表项之间缺少逗号",
         "a [ ] list is not closed, or a comma is missing between its items"),
        (r"expected ',' or '\}'|did not find expected ',' or '\}'",
         "花括号 { } 没有闭合、项之间缺少逗号，或某个值里含有 [ ] { } 等符号（给该值加引号）",
         "a { } mapping is not closed, a comma is missing, or a value holds [ ] { } (quote that value)"),
        (r"expected <block end>, but found '(?:<block sequence start>|-)'|did not find expected '-' indicator",
         "列表项“- ”的缩进与上下文不一致：同一列表的各项要对齐，并缩进在它所属的键之下",
         "a list item '- ' is not indented like its neighbours: align the items under their key"),
        (r"expected <block end>, but found '<scalar>'",
         "这一行的缩进与上一级不一致，或者引号结束后还有文字（把整个值放进引号里）",
         "the indentation does not match, or text follows a closing quote (put the whole value in quotes)"),
        (r"expected <block end>, but found|did not find expected key",
         "缩进不一致：同一级的键要左对齐，列表项下的键要和“- ”后的内容对齐",
         "inconsistent indentation: keys of one level align, keys of a list item align with the text after '- '"),
        (r"mapping keys are not allowed here",
         "以“? ”开头的内容被当作 YAML 的复杂键：值以问号开头时给它加引号",
         "a '? ' starts a complex key here: quote a value that begins with a question mark"),
        (r"block scalar.*expected a comment or a line break",
         "“|”或“>”之后要直接换行，多行文字从下一行起缩进书写",
         "after '|' or '>' the line must end; write the text on the indented lines below"),
        (r"expected a comment or a line break",
         "引号结束后这一行还有多余的文字：把整个值放进引号里",
         "text follows the end of a quoted value: put the whole value in the quotes"),
        (r"expected '<document start>'",
         "文件开头的“%”被当作 YAML 指令：以 % 开头的内容要加引号",
         "a '%' at the start is read as a YAML directive: quote what begins with %"),
        (r"found undefined alias '([^']*)'",
         "“*{0}”被当作 YAML 别名，但没有对应的锚点：以 * 开头的值要加引号",
         "'*{0}' is read as a YAML alias with no anchor: quote a value that begins with *"),
        (r"expected the node content, but found '<stream end>'|found unexpected end of stream",
         "文件在括号或引号中途结束：检查没有闭合的 [、{ 或引号",
         "the file ends inside a bracket or quote: close the open [, { or quote"),
    )
)


#: a line git leaves when a merge conflict was not resolved (`<<<<<<< HEAD`, `>>>>>>> branch`)
_CONFLICT = re.compile(r"^(?:<{7}|>{7})(?: .*)?$|^={7}$", re.M)


def _conflict_marker(text: str) -> ParseError | None:
    if "<<<<<<<" not in text and ">>>>>>>" not in text:
        return None
    m = _CONFLICT.search(text)
    if m is None:
        return None
    line, _ = line_col_of_offset(text, m.start())
    marker = m.group()[:7]
    return ParseError(f"第 {line} 行是未解决的合并冲突标记（{marker}）：git 合并时两边都改了这里；"
                      "保留正确的内容，删除 <<<<<<<、=======、>>>>>>> 三行标记", line, 1,
                      problem_en=f"line {line} is an unresolved merge-conflict marker ({marker}): both sides of "
                                 "a git merge changed this place; keep the right content and delete the "
                                 "<<<<<<<, ======= and >>>>>>> lines")


def _explained(problem: str) -> tuple[str, str]:
    problem = problem.replace("tag:yaml.org,2002:", "!!")
    for pattern, zh, en in _EXPLAINED:
        m = pattern.search(problem)
        if m:
            arg = m.group(1) if m.groups() else ""
            return zh.replace("{0}", arg), en.replace("{0}", arg)
    return problem, problem


def _tab_explained(err: ParseError, text: str) -> ParseError:
    """libyaml says only "found character that cannot start any token" of a tab: say which."""
    lines = text.split("\n", err.line)
    line = lines[err.line - 1] if 0 < err.line <= len(lines) else ""
    if not err.duplicate_key and 0 < err.column <= len(line) and line[err.column - 1] == "\t":
        err.problem, err.problem_en = _explained("found a tab character")
    return err


def _plain_error(exc: Exception) -> ParseError:
    raw = str(exc).strip()
    problem = raw.splitlines()[0] if raw else type(exc).__name__
    zh, en = _explained(raw or problem)
    return ParseError(zh, 1, 1, problem_en=en)


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
        return ParseError(problem.strip(), line, col, True)
    zh, en = _explained(problem.strip())
    return ParseError(zh, line, col, False, en)


class _StringDatesRoundTrip(RoundTripConstructor):
    """Round-trip loading for positions only: dates stay text, as in the fast load, so an
    impossible date like 2024-02-30 is located (and reported by the schema), not raised."""


_StringDatesRoundTrip.add_constructor("tag:yaml.org,2002:timestamp", _StringDatesRoundTrip.construct_yaml_str)


_RT: list[YAML] = []


def _roundtrip() -> YAML:
    """One round-trip loader per process, reused: a new YAML() per file builds its resolver
    tables again (~7 KB in reference cycles, which the loader's paused GC keeps: 1.5 GB for
    100,000 files with findings)."""
    if not _RT:
        yaml = YAML(typ="rt")
        yaml.Constructor = _StringDatesRoundTrip
        yaml.allow_duplicate_keys = True
        _RT.append(yaml)
    return _RT[0]


def load_roundtrip(text: str) -> Any:
    """Comment- and position-keeping load (ruamel CommentedMap/Seq with .lc), or None when the
    round-trip parser refuses text the fast load accepted (it is stricter about tabs): the
    findings are then placed at the top of the file rather than lost to an exception."""
    try:
        return _roundtrip().load(text)
    except Exception:  # noqa: BLE001 - positions are a convenience; never fail a check over them
        _RT.clear()  # a loader that failed half-way is not reused
        return None


def load_positions(text: str) -> Any:
    """A tree `locate` can find positions in: libyaml's node marks where the quick read is sure
    (see quickyaml; the same marks as the round trip), else the round-trip parse for a file of
    ordinary size, libyaml's event marks for a larger one (the pure parser takes ~25 s per MB)."""
    tree = quick_positions(text, _MarkedMap, _MarkedSeq, _Marks)
    if tree is not UNSURE:
        return tree
    if len(text) <= PURE_FALLBACK_MAX or not C_LOADER:
        return load_roundtrip(text)
    return _event_positions(text)


class _Marks:
    """What `locate` asks of ruamel's `.lc`, from libyaml's event marks (0-based line, column)."""

    __slots__ = ("data",)

    def __init__(self) -> None:
        self.data: dict[Any, tuple[int, ...]] = {}

    def key(self, k: Any) -> tuple[int, int]:
        return self.data[k][0], self.data[k][1]

    def value(self, k: Any) -> tuple[int, int]:
        return self.data[k][2], self.data[k][3]

    def item(self, i: int) -> tuple[int, int]:
        return self.data[i][0], self.data[i][1]


class _MarkedMap(dict):
    __slots__ = ("lc",)


class _MarkedSeq(list):
    __slots__ = ("lc",)


def _event_positions(text: str) -> Any:
    """Mappings and lists with the positions of their keys, values and items, built from the C
    parser's events in one pass without recursion (scalars are kept as their text); None when
    the text does not parse."""
    parser = CParser(text)
    stack: list[Any] = []  # open collections; a mapping's pending key is kept beside it
    keys: list[Any] = []
    root: Any = None
    try:
        while True:
            event = parser.get_event()
            name = type(event).__name__
            if name in ("StreamStartEvent", "DocumentStartEvent", "DocumentEndEvent"):
                continue
            if name == "StreamEndEvent" or event is None:
                return root
            if name in ("MappingEndEvent", "SequenceEndEvent"):
                stack.pop()
                keys.pop()
                continue
            mark = (event.start_mark.line, event.start_mark.column)
            if name == "MappingStartEvent":
                node: Any = _MarkedMap()
            elif name == "SequenceStartEvent":
                node = _MarkedSeq()
            else:
                node = getattr(event, "value", None)
            if not stack:
                root = node
            else:
                parent = stack[-1]
                if isinstance(parent, _MarkedSeq):
                    parent.lc.data[len(parent)] = mark
                    parent.append(node)
                elif keys[-1] is _NO_KEY:
                    keys[-1] = (node if isinstance(node, str) else object(), mark)
                else:
                    key, kmark = keys[-1]
                    parent[key] = node
                    parent.lc.data[key] = kmark + mark
                    keys[-1] = _NO_KEY
            if isinstance(node, (_MarkedMap, _MarkedSeq)):
                node.lc = _Marks()
                stack.append(node)
                keys.append(_NO_KEY)
    except Exception:  # noqa: BLE001 - positions are a convenience
        return None
    finally:
        parser.dispose()


_NO_KEY = object()


def locate(tree: Any, pointer: Pointer, anchor: str = "value") -> tuple[int, int]:
    """1-based line/column of the value (or key, or parent mapping) a pointer names.

    anchor "missing": the pointer names a key a rule found missing or blank; its line when the
    key is there (`reason:` left empty), else the place of the deepest mapping on the way. A
    blank value is placed at its key: the position libyaml gives "nothing" is the next token,
    often lines further down."""
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
                    if last and anchor in ("key", "missing") or node[key] is None:
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
