"""`govdisc letter … --record`: write a letter's number and date into the register, so the
register shows what was sent and the next letter continues the year's sequence.

The letter goes where its fact is: `letter: {no, date}` on the event it tells of, or
`reply.letter: {no, date, remedies}` for the reply, with the remedies the letter's text actually
names (and `reply.remedies` filled in from them when the reply does not say yet). The file is
edited like `govdisc event` edits it (govdisc.authoring.event): a splice that keeps every other
line byte for byte where possible, else a round trip guarded to change nothing outside the
`events` / `reply` block; the result must read back as the old data plus exactly the letter and
is written atomically, only if the file did not change since it was read.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml.comments import CommentedMap

from govdisc.authoring.blocks import detect_indent, is_content, rt_load, top_level_spans
from govdisc.authoring.event import (_change, _verify, apply_change, dump_guarded, find_record_spec, read_back,
                                     read_record_file, refuse, write_record_file)
from govdisc.authoring.access import writing
from govdisc.authoring.new import load_config
from govdisc.loading.layout import FileSpec
from govdisc.authoring.yamltext import flow_mapping, newline_of
from govdisc.dates import parse_date
from govdisc.letters.build import Letter
from govdisc.letters.kinds import KINDS
from govdisc.loading.yamlio import load_text


@dataclass(slots=True)
class Recording:
    """A letter's entry, ready to write: plan_record checks everything, write_record writes."""

    root: Path
    spec: FileSpec  # the record's file, as the loader sees it
    pointer: tuple  # where the letter goes: ("events", i, "letter") or ("reply", "letter")
    written: dict[str, Any]
    already: bool  # the same letter was recorded before: nothing to write
    raw: bytes = b""
    bom: bool = False
    new_text: str = ""


def plan_record(root: Path, letter: Letter, remedies: list[str]) -> Recording:
    """The edit that records `letter` (rendered, telling of `remedies`) in its application's
    file, checked (read back, schema) but not written; refused (AuthoringError) when it cannot."""
    config, _ = load_config(root)
    spec, kind = find_record_spec(root, letter.record_id, config.max_file_bytes)
    if kind != "application":
        raise refuse(f"{letter.record_id} 不是申请", f"{letter.record_id} is not an application", "invalid")
    raw, bom, text, data = read_record_file(root, spec, config.max_file_bytes)
    value: dict[str, Any] = {"no": letter.number, "date": letter.date.isoformat()}
    if letter.kind == "reply":
        value["remedies"] = list(remedies)
        holder = data.get("reply") if isinstance(data.get("reply"), dict) else {}
    else:
        holder = _event(data, letter)
    pointer = (*letter.target, "letter")
    existing = holder.get("letter")
    if existing is not None:
        if isinstance(existing, dict) and existing.get("no") == value["no"] and existing.get("date") == value["date"]:
            return Recording(root, spec, pointer, existing, True)
        raise refuse(f"该信函已记录为 {_shown(existing)}，未再写入", f"a letter is already recorded there "
                     f"({_shown(existing)}); nothing written", "conflict")
    if letter.kind == "reply":
        extra = {"remedies": list(remedies)} if remedies and "remedies" not in holder else {}
        change = _change("reply", "set", {"letter": value, **extra}, flow=False)
        new_text, _ = apply_change(text, "application", change)
        _verify(text, new_text, data, change, "application")
    else:
        index = letter.target[1]
        new_text = set_in_item(text, "events", index, "letter", value)
        expected = copy.deepcopy(data)
        expected["events"][index] = {**expected["events"][index], "letter": value}
        read_back(new_text, expected, data, "application")
    return Recording(root, spec, pointer, value, False, raw, bom, new_text)


def write_record(plan: Recording) -> None:
    """Write a planned entry atomically, only if the file is still as it was read."""
    if not plan.already:
        write_record_file(plan.root, plan.spec, plan.raw, plan.bom, plan.new_text)


def record_letter(root: Path, letter: Letter, remedies: list[str]) -> Recording:
    with writing(root):
        plan = plan_record(root, letter, remedies)
        write_record(plan)
    return plan


def _shown(existing: Any) -> str:
    if isinstance(existing, dict):
        return f"{existing.get('no')}（{existing.get('date')}）"
    return str(existing)


def _event(data: dict, letter: Letter) -> dict:
    """The event the letter was built from, still at its place with its type and date."""
    events = data.get("events") if isinstance(data.get("events"), list) else []
    index = letter.target[1]
    ev = events[index] if index < len(events) and isinstance(events[index], dict) else None
    if ev is None or ev.get("type") != KINDS[letter.kind].event or parse_date(ev.get("date")) != letter.as_of:
        raise refuse("申请文件在生成信函后被修改（事件已移动或删除），未写入；请重新运行",
                     "the application changed after the letter was made (the event moved or is gone); nothing "
                     "written, run again", "conflict")
    return ev


# -- adding one key to an item of a top-level list -----------------------------------------------


def set_in_item(text: str, key: str, index: int, name: str, value: dict[str, Any]) -> str:
    """`text` with `name: value` added to item `index` of the top-level list `key`: spliced into
    the item's own line (flow item) or as a new line under it (block item), else a guarded
    round trip."""
    try:
        tree = rt_load(text)
    except Exception as exc:  # noqa: BLE001 - the fast loader accepted it; ruamel may still disagree
        raise refuse(f"文件无法按原样读取以保留注释：{exc}", f"the file cannot be read for a comment-keeping edit: {exc}") from None
    loaded, _ = load_text(text)
    spliced = _splice_item(text, tree, loaded, key, index, name, value)
    if spliced is not None:
        return spliced
    return _roundtrip_item(text, tree, key, index, name, value)


def _splice_item(text: str, tree: Any, loaded: Any, key: str, index: int, name: str,
                 value: dict[str, Any]) -> str | None:
    if not isinstance(tree, CommentedMap) or not isinstance(loaded, dict):
        return None
    seq, item = tree.get(key), None
    if seq is not None and len(seq) > index:
        item = seq[index]
    if not isinstance(item, CommentedMap) or not len(item):
        return None
    lines = text.splitlines(keepends=True)
    plain = [ln.rstrip("\r\n") for ln in lines]
    iline, icol = seq.lc.item(index)
    addition = f"{name}: {flow_mapping(value)}"
    if item.fa.flow_style():
        line = plain[iline]
        want = loaded[key][index]
        for end in range(len(line) - 1, icol, -1):  # the item's closing brace: the text up to it reads as the item
            if line[end] != "}":
                continue
            got, err = load_text(f"k: {line[icol:end + 1]}\n")
            if err is None and isinstance(got, dict) and got.get("k") == want:
                body = line[icol:end].rstrip()
                close = " }" if line[icol:icol + 2] == "{ " else "}"
                new = line[:icol] + body + ", " + addition + close + line[end + 1:]
                return "".join(lines[:iline]) + new + lines[iline][len(line):] + "".join(lines[iline + 1:])
        return None
    first = next(iter(item))
    kline, kcol = item.lc.key(first)
    nxt = seq.lc.item(index + 1)[0] if len(seq) > index + 1 else _block_end(tree, plain, key)
    last = max((i for i in range(kline, nxt) if is_content(plain[i]) and _indent(plain[i]) >= kcol or i == kline))
    nl = newline_of(text)
    new_line = " " * kcol + addition + nl
    if last + 1 == len(lines) and not lines[-1].endswith(("\n", "\r")):
        return "".join(lines) + nl + new_line.rstrip("\r\n")
    return "".join(lines[:last + 1]) + new_line + "".join(lines[last + 1:])


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _block_end(tree: CommentedMap, plain: list[str], key: str) -> int:
    span = next(s for s in top_level_spans(tree, plain) if s.key == key)
    return span.content_end


def _roundtrip_item(text: str, tree: Any, key: str, index: int, name: str, value: dict[str, Any]) -> str:
    seq = tree.get(key) if isinstance(tree, CommentedMap) else None
    if seq is None or len(seq) <= index or not isinstance(seq[index], CommentedMap):
        raise refuse(f"{key} 的第 {index + 1} 项不是映射，无法写入", f"item {index + 1} of {key} is not a mapping; "
                     "nothing written")
    indent = detect_indent(tree, text.splitlines())
    m = CommentedMap(value)
    m.fa.set_flow_style()
    seq[index][name] = m
    return dump_guarded(text, tree, key, indent)
