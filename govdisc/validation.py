"""Schema validation of one record, with jsonschema errors rewritten for clerks (zh/en)."""

from __future__ import annotations

import copy
import difflib
import itertools
import re
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Iterator

from govdisc import resources
from govdisc.dates import is_date, is_datetime, is_month_day
from govdisc.model import Pointer
from govdisc.textsafety import is_line

if TYPE_CHECKING:  # jsonschema is imported on first use: a warm check validates nothing
    from jsonschema import Draft202012Validator
    from jsonschema.exceptions import ValidationError


def _check_date(value: object) -> bool:
    return not isinstance(value, str) or is_date(value)


def _check_datetime(value: object) -> bool:
    return not isinstance(value, str) or is_datetime(value)


@lru_cache(maxsize=1)
def _format_checker():
    from jsonschema import FormatChecker

    checker = FormatChecker()
    checker.checks("date")(_check_date)
    checker.checks("govdisc-datetime")(_check_datetime)
    checker.checks("govdisc-line")(is_line)
    checker.checks("govdisc-month-day")(is_month_day)
    return checker


@lru_cache(maxsize=1)
def _registry():
    from referencing import Registry, Resource

    resources_ = []
    for name in resources.schema_texts():
        contents = resources.schema(name)
        resources_.append((contents.get("$id", name), Resource.from_contents(contents)))
    return Registry().with_resources(resources_)


@lru_cache(maxsize=None)
def validator(kind: str) -> "Draft202012Validator":
    from jsonschema import Draft202012Validator

    return Draft202012Validator(resources.schema(kind), registry=_registry(), format_checker=_format_checker())


@lru_cache(maxsize=None)
def schema_hash() -> str:
    import hashlib

    h = hashlib.blake2b(digest_size=16)
    for name, text in resources.schema_texts().items():
        h.update(name.encode())
        h.update(text.encode())
    return h.hexdigest()


class Problem:
    """A schema violation: where (pointer, anchor) and why (zh, en). `fix`: the value that
    mechanically corrects it without changing its meaning (an enum value in the wrong case, an
    unpadded date), or None; `blank`: the value was left empty (`key:` with nothing after it)."""

    __slots__ = ("pointer", "anchor", "zh", "en", "fix", "blank")

    def __init__(self, pointer: Pointer, anchor: str, zh: str, en: str, fix: Any = None,
                 blank: bool = False) -> None:
        self.pointer, self.anchor, self.zh, self.en = pointer, anchor, zh, en
        self.fix, self.blank = fix, blank


def validate(kind: str, data: Any, stop_after: int | None = None) -> list[Problem]:
    """The record's schema problems, in the order of their place in it.

    With `stop_after`, at most that many plus one: past it, the caller only needs to know there
    are more. Every error jsonschema makes costs time and memory (two million wrong items in a
    list took minutes and gigabytes), so the walk stops there instead of producing them all.
    """
    v = validator(kind)
    odd = list(_non_string_keys(data))
    if odd:  # YAML allows `1: x` or `null: x`; schemas (and jsonschema's regexes) need text keys
        data = _stringify_keys(data)
    if not odd and v.is_valid(data):  # the happy path: one pass, no error objects
        return []
    out: list[Problem] = [
        Problem(ptr, "key", f"键 {key!r} 不是文本：字段名应为英文小写字母和下划线",
                f"key {key!r} is not text: keys are lower-case English words")
        for ptr, key in odd[:None if stop_after is None else stop_after + 1]
    ]
    errors = v.iter_errors(data)
    if stop_after is not None:
        errors = itertools.islice(errors, max(stop_after + 1 - len(out), 0))
    for err in sorted(errors, key=lambda e: list(map(str, e.absolute_path))):
        leaf = _leaf(err)
        out.extend(itertools.islice(_explain(leaf, _title(v.schema, leaf)),
                                    None if stop_after is None else stop_after + 1))
    out = _dedupe(out)
    return out if stop_after is None else out[:stop_after + 1]


def _title(root: dict[str, Any], err: ValidationError) -> str:
    """The Chinese title of the property that failed, even when its schema sits behind a $ref."""
    node: Any = root
    title = ""
    for step in list(err.absolute_schema_path)[:-1]:
        if step == "$ref" or not isinstance(node, (dict, list)):
            break
        try:
            node = node[step]
        except (KeyError, IndexError, TypeError):
            break
        if isinstance(node, dict) and isinstance(node.get("title"), str):
            title = node["title"]
    if isinstance(err.schema, dict) and err.schema.get("title") and not title:
        title = err.schema["title"]
    return title


def conforming(data: dict[str, Any], problems: list[Problem]) -> dict[str, Any]:
    """A copy of a record without the values its schema rejected.

    Rules, clocks and statistics then only ever see well-typed values (a date that is a date, a
    list that is a list); what was removed is reported by REG005 at its place. Mapping keys are
    dropped; list items become None so the indices in other findings stay right.
    """
    doomed = sorted({p.pointer for p in problems if p.anchor != "parent" and p.pointer},
                    key=len, reverse=True)
    if not doomed:
        return data
    out = copy.deepcopy(data)
    for pointer in doomed:
        parent: Any = out
        for key in pointer[:-1]:
            try:
                parent = parent[key]
            except (KeyError, IndexError, TypeError):
                parent = None
                break
        last = pointer[-1]
        if isinstance(parent, dict):
            parent.pop(last, None)
            if not isinstance(last, str):
                parent.pop(str(last), None)
        elif isinstance(parent, list) and isinstance(last, int) and 0 <= last < len(parent):
            parent[last] = None
    return out


def _non_string_keys(value: Any, pointer: Pointer = ()) -> Iterator[tuple[Pointer, Any]]:
    if isinstance(value, dict):
        for k, v in value.items():
            if not isinstance(k, str):
                yield pointer + (k,), k
            yield from _non_string_keys(v, pointer + (k,))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from _non_string_keys(v, pointer + (i,))


def _stringify_keys(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k): _stringify_keys(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_stringify_keys(v) for v in value]
    return value


def _leaf(err: "ValidationError") -> "ValidationError":
    """For oneOf/anyOf, the most relevant sub-error says more than 'is not valid under any'."""
    from jsonschema.exceptions import best_match

    if err.context:
        # a branch whose type does not even match (a list where the other branch wants a
        # mapping) says nothing useful: look inside the branches of the right type
        wrong = {e.relative_schema_path[0] for e in err.context
                 if len(e.relative_schema_path) == 2 and e.relative_schema_path[1] == "type"}
        fitting = [e for e in err.context if e.relative_schema_path[0] not in wrong]
        return _leaf(best_match(fitting or err.context))
    return err


def _dedupe(problems: list[Problem]) -> list[Problem]:
    """One problem per message and place; a blank value is one problem, whatever else its
    schema says of None (its type, its enum, its format)."""
    seen, out = set(), []
    blank = {p.pointer for p in problems if p.blank}
    for p in problems:
        key = (p.pointer, p.zh)
        if p.pointer in blank:
            if not p.blank:
                continue
            key = (p.pointer, "blank")
        if key not in seen:
            seen.add(key)
            out.append(p)
    return out


def _show(value: Any) -> str:
    text = repr(value) if not isinstance(value, str) else value
    return text if len(text) <= 40 else text[:37] + "…"


def _where(err: ValidationError) -> str:
    return ".".join(str(p) for p in err.absolute_path) or "（文件顶层）"


def _explain(err: ValidationError, title: str) -> Iterator[Problem]:
    path = tuple(err.absolute_path)
    schema = err.schema if isinstance(err.schema, dict) else {}
    v = err.validator
    if v == "required":
        missing = re.findall(r"'([^']+)' is a required property", err.message) or [str(err.message)]
        for key in missing:
            sub = schema.get("properties", {}).get(key, {})
            label = f"{key}（{sub['title']}）" if isinstance(sub, dict) and sub.get("title") else key
            yield Problem(path, "parent", f"缺少必填字段 {label}", f"missing required key '{key}'")
        return
    if v in ("additionalProperties", "unevaluatedProperties"):
        allowed = list(schema.get("properties", {}))
        patterns = list(schema.get("patternProperties", {}))
        instance = err.instance if isinstance(err.instance, dict) else {}
        for key in instance:
            if key in allowed or any(re.search(p, str(key)) for p in patterns):
                continue
            close = difflib.get_close_matches(str(key), allowed, n=1, cutoff=0.6)
            zh = f"未知字段 {key}"
            en = f"unknown key '{key}'"
            if close:
                zh += f"，是否应为 {close[0]}？"
                en += f"; did you mean '{close[0]}'?"
            else:
                zh += "；允许的字段：" + "、".join(allowed)
                en += "; allowed keys: " + ", ".join(allowed)
            yield Problem(path + (key,), "key", zh, en)
        return
    name = f"{path[-1]}" if path else "文件"
    label = f"{name}（{title}）" if title else name
    if err.instance is None and path:
        yield _blank(path, name, label, schema)
        return
    if v == "enum":
        options = schema.get("enum", [])
        descs = schema.get("enumDescriptions") or []
        shown = "、".join(_option(o, d) for o, d in zip(options, descs + [""] * len(options)))
        close = difflib.get_close_matches(str(err.instance), [str(o) for o in options], n=1, cutoff=0.5)
        zh = f"{label} 的值 {_show(err.instance)} 不在允许范围内，应为：{shown}"
        en = f"{name}: {_show(err.instance)!s} is not one of {', '.join(map(str, options))}"
        if close:
            zh += f"；是否应为 {close[0]}？"
            en += f"; did you mean '{close[0]}'?"
        yield Problem(path, "value", zh, en, fix=_case_fix(err.instance, options))
        return
    if v == "format":
        fmt = err.validator_value
        want_zh = {"date": "日期，格式 YYYY-MM-DD（如 2024-09-27）",
                   "govdisc-datetime": "日期时间，格式 YYYY-MM-DD HH:MM（如 2024-07-02 08:30）",
                   "govdisc-month-day": "月-日，格式 MM-DD，且每年都有这一天（如 01-31；不能是 02-30、02-29）",
                   "govdisc-line": "单行文本（不得含换行符，包括不可见的换行符 U+2028、U+2029、U+0085）"}.get(fmt, fmt)
        want_en = {"date": "a date YYYY-MM-DD (e.g. 2024-09-27)",
                   "govdisc-datetime": "a date-time YYYY-MM-DD HH:MM (e.g. 2024-07-02 08:30)",
                   "govdisc-month-day": "a month and day MM-DD that every year has (e.g. 01-31; not 02-30 or 02-29)",
                   "govdisc-line": "one line of text (no line breaks, the invisible U+2028, U+2029 and U+0085 included)"}.get(fmt, fmt)
        yield Problem(path, "value", f"{label} 的值 {_show(err.instance)} 不是有效的{want_zh}",
                      f"{name}: {_show(err.instance)} is not {want_en}", fix=_padded(err.instance, fmt))
        return
    if v == "type":
        want = err.validator_value
        wants = want if isinstance(want, list) else [want]
        zh_types = {"string": "文本", "integer": "整数", "number": "数字", "boolean": "true/false",
                    "array": "列表", "object": "映射（键: 值）", "null": "空值"}
        zh = "或".join(zh_types.get(w, w) for w in wants)
        if isinstance(err.instance, str) is False and "string" in wants and _looks_like_date(err.instance):
            zh += "（日期请写成 YYYY-MM-DD）"
        yield Problem(path, "value", f"{label} 应为{zh}，实际为 {_show(err.instance)}",
                      f"{name}: expected {' or '.join(wants)}, got {_show(err.instance)}")
        return
    if v == "pattern":
        yield Problem(path, "value", f"{label} 的值 {_show(err.instance)} 格式不正确（应匹配 {err.validator_value}）",
                      f"{name}: {_show(err.instance)} does not match {err.validator_value}")
        return
    if v in ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"):
        op = {"minimum": "不得小于", "maximum": "不得大于", "exclusiveMinimum": "应大于", "exclusiveMaximum": "应小于"}[v]
        yield Problem(path, "value", f"{label} 的值 {_show(err.instance)} {op} {err.validator_value}",
                      f"{name}: {err.message}")
        return
    if v in ("minLength", "minItems"):
        yield Problem(path, "value", f"{label} 不能为空", f"{name}: must not be empty")
        return
    yield Problem(path, "value", f"{label}：{err.message}", f"{name}: {err.message}")


_TYPE_ZH = {"string": "文本", "integer": "整数", "number": "数字", "boolean": "true 或 false",
            "array": "列表", "object": "映射（键: 值）"}
_TYPE_EN = {"string": "text", "integer": "a whole number", "number": "a number", "boolean": "true or false",
            "array": "a list", "object": "a mapping (key: value)"}


def _blank(path: Pointer, name: str, label: str, schema: dict[str, Any]) -> Problem:
    """`key:` with nothing after it: YAML reads it as null, and the clerk left it to fill in."""
    if schema.get("enum"):
        descs = schema.get("enumDescriptions") or []
        options = schema["enum"]
        want_zh = "，可填：" + "、".join(_option(o, d) for o, d in zip(options, descs + [""] * len(options)))
        want_en = ": one of " + ", ".join(map(str, options))
    elif schema.get("format") in ("date", "govdisc-datetime"):
        want_zh, want_en = ("，格式 YYYY-MM-DD", ": a date YYYY-MM-DD") if schema["format"] == "date" else \
            ("，格式 YYYY-MM-DD HH:MM", ": a date-time YYYY-MM-DD HH:MM")
    else:
        kinds = schema.get("type")
        kinds = [k for k in (kinds if isinstance(kinds, list) else [kinds]) if k in _TYPE_ZH]
        want_zh = ("，应为" + "或".join(_TYPE_ZH[k] for k in kinds)) if kinds else ""
        want_en = (": " + " or ".join(_TYPE_EN[k] for k in kinds)) if kinds else ""
    return Problem(path, "value", f"{label} 尚未填写（冒号后是空的）{want_zh}",
                   f"{name} is blank (nothing after the colon){want_en}", blank=True)


def _case_fix(value: Any, options: list[Any]) -> Any:
    """The one allowed value equal to `value` but for letter case (`Public` → `public`), else None."""
    if not isinstance(value, str):
        return None
    same = [o for o in options if isinstance(o, str) and o.casefold() == value.casefold()]
    return same[0] if len(same) == 1 else None


_LOOSE_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_LOOSE_DATETIME = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})([ T])(\d{1,2}):(\d{2})")


def _padded(value: Any, fmt: str) -> str | None:
    """`2024-9-5` → `2024-09-05` (and `2024-7-2 8:30` → `2024-07-02 08:30`) when that is a real
    date: the same date written with its zeros; None for anything else (2024-02-30 stays wrong)."""
    if not isinstance(value, str):
        return None
    if fmt == "date" and (m := _LOOSE_DATE.fullmatch(value)):
        out = f"{m[1]}-{int(m[2]):02d}-{int(m[3]):02d}"
        return out if out != value and is_date(out) else None
    if fmt == "govdisc-datetime" and (m := _LOOSE_DATETIME.fullmatch(value)):
        out = f"{m[1]}-{int(m[2]):02d}-{int(m[3]):02d}{m[4]}{int(m[5]):02d}:{m[6]}"
        return out if out != value and is_datetime(out) else None
    return None


def _option(code: object, description: str) -> str:
    if not description:
        return str(code)
    label = _short(description)
    return f"{code} {label}" if label.startswith("（") else f"{code}（{label}）"


def _short(description: str) -> str:
    """'此件公开发布：属于主动公开范围…' → '此件公开发布'."""
    head = re.split(r"[：:；;。]", description, maxsplit=1)[0].strip()
    if len(head) > 16:
        head = re.split(r"[，,（(]", head, maxsplit=1)[0].strip() or head[:16]
    return head


def _looks_like_date(value: Any) -> bool:
    return hasattr(value, "isoformat")
