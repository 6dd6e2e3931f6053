"""`govdisc check --fix` / `--diff`: correct mechanical mistakes in place, keeping every comment.

Fixable are only mistakes whose correction is certain and changes no meaning:

- REG005, an unpadded date or date-time (`2024-9-5` → `2024-09-05`) that is a real date;
- REG005, an enum value in the wrong case (`Public` → `public`) when exactly one allowed value
  matches it (validation.Problem.fix);
- DOC001, a 发文字号 whose only defects are its form (brackets, 年, 第, 字, a leading zero,
  spaces, full-width digits, a missing 号), corrected with every reference to it elsewhere in the
  register (applications, self-inspections, activities), so no reference breaks.

Anything needing a guess (a two-digit year: 19YY or 20YY? text after 号) is refused and stays a
finding. An edit replaces just the scalar's characters at the place the round-trip parse finds
it, so comments, quoting style and the other lines stay byte for byte; the edited text is parsed
again and must equal the old data with exactly that value changed, or the edit is refused. Files
are written atomically, and only if nobody changed them since they were read.
"""

from __future__ import annotations

import codecs
import copy
import difflib
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from govdisc import validation
from govdisc.authoring.access import read_spec, writing
from govdisc.authoring.atomic import ChangedSinceRead, write_bytes
from govdisc.authoring.errors import AuthoringError
from govdisc.authoring.yamltext import scalar
from govdisc.loading.layout import classify, spec_for
from govdisc.loading.yamlio import load_roundtrip, load_text
from govdisc.model import Finding, Pointer

FIXABLE_CODES = ("REG005", "DOC001")
#: 发文字号 defects (rules.doc.fix_doc_no) whose correction is certain; others are guesses
SAFE_DOC_NO = frozenset({"spaces", "fullwidth_digits", "brackets", "year_nian", "zi", "di", "leading_zero",
                         "no_hao"})


@dataclass(slots=True)
class Edit:
    path: str
    pointer: Pointer
    old: Any
    new: Any


@dataclass
class FileFix:
    path: str
    raw: bytes
    text: str
    data: Any
    edits: list[Edit] = field(default_factory=list)
    new_text: str | None = None


@dataclass
class FixPlan:
    root: str
    files: dict[str, FileFix] = field(default_factory=dict)
    #: findings that were meant to be fixed but could not be, with why (zh, en)
    refused: list[tuple[Finding, str, str]] = field(default_factory=list)

    @property
    def changed(self) -> list[FileFix]:
        return [f for f in self.files.values() if f.new_text is not None and f.new_text != f.text]

    def fixed(self) -> int:
        return sum(len(f.edits) for f in self.changed)

    def diff(self) -> str:
        from govdisc.output.findings import shown_path

        out: list[str] = []
        for f in self.changed:
            assert f.new_text is not None
            shown = shown_path(Path(self.root), f.path)
            out += difflib.unified_diff(f.text.splitlines(keepends=True), f.new_text.splitlines(keepends=True),
                                        fromfile=f"a/{shown}", tofile=f"b/{shown}")
        return "".join(line if line.endswith("\n") else line + "\n" for line in out)

    def messages(self, preview: bool, written: int) -> list[tuple[str, str]]:
        n = self.fixed()
        out = []
        if not n and not self.refused:
            return [("没有可自动修复的问题", "nothing to fix")]
        if preview:
            out.append((f"可自动修复 {n} 处（{len(self.changed)} 个文件）；用 --fix 写入",
                        f"{n} fixable ({len(self.changed)} files); run with --fix to apply"))
        else:
            out.append((f"已修复 {n} 处（{written} 个文件）", f"fixed {n} ({written} files)"))
        for f, zh, en in self.refused:
            out.append((f"未自动修复 {f.path}:{f.line or 1}:{f.column or 1} {f.code}：{zh}",
                        f"not fixed {f.path}:{f.line or 1}:{f.column or 1} {f.code}: {en}"))
        return out


def plan_fixes(root: Path, findings: list[Finding], as_of: date) -> FixPlan:
    """The edits `--fix` would make for these findings (nothing is written)."""
    plan = FixPlan(str(root))
    for f in findings:
        if f.code not in FIXABLE_CODES:
            continue
        ff = _file(root, f.path, plan)
        if ff is None:
            plan.refused.append((f, "文件无法安全读取或是链接，请手工修改", "the file cannot be read safely or is a link; fix it by hand"))
            continue
        if f.code == "REG005":
            edit = _schema_edit(ff, f)
            if edit is None:
                continue  # not a mechanical mistake: stays a finding, nothing to say
            ff.edits.append(edit)
        else:
            _doc_no_edits(root, ff, f, as_of, plan)
    for ff in plan.files.values():
        if ff.edits:
            _apply(ff, plan)
    return plan


def apply_fixes(root: Path, plan: FixPlan) -> list[str]:
    """Write the planned files; the paths written (a file changed meanwhile is left alone)."""
    written = []
    with writing(root):  # the register's write lock, as for `event` and `new`
        for ff in plan.changed:
            assert ff.new_text is not None
            bom = codecs.BOM_UTF8 if ff.raw.startswith(codecs.BOM_UTF8) else b""
            try:
                write_bytes(Path(root) / ff.path, bom + ff.new_text.encode("utf-8"), expected=ff.raw, root=root)
            except ChangedSinceRead:
                continue
            written.append(ff.path)
    return written


def _file(root: Path, path: str, plan: FixPlan) -> FileFix | None:
    if path in plan.files:
        return plan.files[path]
    spec = spec_for(Path(root), path)
    if spec is None or spec.refused is not None or spec.source != spec.path:  # links are never fixed
        return None
    try:
        raw = read_spec(Path(root), spec)
        text = raw.decode("utf-8-sig")
    except (AuthoringError, UnicodeDecodeError):
        return None
    data, error = load_text(text)
    if error is not None or not isinstance(data, dict):
        return None
    plan.files[path] = FileFix(path, raw, text, data)
    return plan.files[path]


def _value(data: Any, pointer: Pointer) -> Any:
    for key in pointer:
        data = data[key]
    return data


def _schema_edit(ff: FileFix, f: Finding) -> Edit | None:
    kind = classify(ff.path).kind
    if kind is None:
        return None
    for p in validation.validate(kind, ff.data):
        if p.pointer == f.pointer and p.fix is not None:
            return Edit(ff.path, p.pointer, _value(ff.data, p.pointer), p.fix)
    return None


def _doc_no_edits(root: Path, ff: FileFix, f: Finding, as_of: date, plan: FixPlan) -> None:
    from govdisc.rules.doc import fix_doc_no

    old = ff.data.get("doc_no")
    if not isinstance(old, str):
        return
    fixed, problems = fix_doc_no(old, as_of.year)
    unsafe = [p for p in problems if p.code not in SAFE_DOC_NO or not p.fixable]
    if unsafe or fixed == old:
        plan.refused.append((f, "需要推断的问题（" + "；".join(p.zh for p in unsafe) + "）请手工修改",
                             "it needs a guess (" + "; ".join(p.en for p in unsafe) + "); fix it by hand"))
        return
    ff.edits.append(Edit(ff.path, ("doc_no",), old, fixed))
    for path, pointer in _references(root, old):
        ref = _file(root, path, plan)
        if ref is not None:
            ref.edits.append(Edit(path, pointer, old, fixed))


def _references(root: Path, doc_no: str) -> list[tuple[str, Pointer]]:
    """Where the register refers to this 发文字号 (rules.reg.document_refs)."""
    from govdisc.loading.register import load_register
    from govdisc.rules.reg import document_refs

    loaded = load_register(root, cache=True)
    return [(rec.path, pointer) for rec in loaded.records for pointer, no in document_refs(rec) if no == doc_no]


def _apply(ff: FileFix, plan: FixPlan) -> None:
    """Apply a file's edits one by one, each checked by reading the result back."""
    text, data, done = ff.text, ff.data, []
    for edit in ff.edits:
        expected = copy.deepcopy(data)
        parent = _value(expected, edit.pointer[:-1])
        parent[edit.pointer[-1]] = edit.new
        changed = _replace_scalar(text, edit.pointer, edit.old, edit.new)
        if changed is not None and load_text(changed) == (expected, None):
            text, data = changed, expected
            done.append(edit)
    ff.edits = done
    ff.new_text = text if done else None


def _replace_scalar(text: str, pointer: Pointer, old: Any, new: Any) -> str | None:
    """`text` with the scalar at `pointer` (written as `old`) rewritten as `new`; None when the
    scalar is not found written plainly or in simple quotes (block scalars, escapes: refused)."""
    if not isinstance(old, str) or not isinstance(new, str):
        return None
    tree = load_roundtrip(text)
    node = tree
    try:
        for key in pointer[:-1]:
            node = node[key]
        last = pointer[-1]
        line, col = node.lc.value(last) if isinstance(node, dict) else node.lc.item(last)
    except (KeyError, IndexError, TypeError, AttributeError):
        return None
    lines = text.split("\n")
    if line >= len(lines):
        return None
    offset = sum(len(x) + 1 for x in lines[:line]) + col
    rest = text[offset:]
    for quote in ('"', "'"):
        if rest.startswith(quote + old + quote) and quote not in old + new and "\\" not in old + new:
            return text[:offset] + quote + new + quote + text[offset + len(old) + 2:]
    if rest.startswith(old) and rest[len(old):len(old) + 1] in ("", " ", "\t", "\r", "\n", ",", "]", "}"):
        return text[:offset] + scalar(new, flow=True) + text[offset + len(old):]
    return None

