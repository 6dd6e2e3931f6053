"""Finding codes: each declares severity, messages, basis and hint beside the code that raises it.

A check is a plain function from the checking context to hits; the engine turns hits into
findings with the rule's messages. Codes with no check function (YAML syntax, schema...) are
declared by the loader (govdisc.loading.codes) and documented all the same, so `govdisc explain`
covers every code. This module sits below loading and rules, so both can make findings.
"""

from __future__ import annotations

import string
import sys
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Callable, Iterable

from govdisc.model import Finding, Pointer, Record

if TYPE_CHECKING:
    from govdisc.rules.context import Context

Check = Callable[["Context"], Iterable["Hit"]]

FAMILIES: dict[str, tuple[str, str]] = {
    "REG": ("登记簿结构与引用", "Register structure and references"),
    "DOC": ("公文公开属性与发布", "Documents: disclosure attribute and publication"),
    "CAT": ("主动公开基本目录", "Proactive-disclosure catalogs"),
    "APP": ("依申请公开办理", "Applications for disclosure"),
    "OPN": ("政务舆情回应", "Public-opinion response"),
    "MTG": ("会议公开", "Meetings and public participation"),
    "DUT": ("领导职责与培训", "Leadership duties and training"),
    "REV": ("年终自查", "Year-end self-inspection"),
    "RPT": ("年度报告", "Annual report"),
    "PII": ("个人信息保护", "Personal data"),
    "SEC": ("公开前保密审查", "Secrecy review before publication"),
    "GDE": ("政府信息公开指南", "Disclosure guide"),
    "PAR": ("公众参与", "Public participation"),
    "ASM": ("考核评议与问责", "Assessment, conduct review and accountability"),
}


@dataclass(frozen=True, slots=True)
class Rule:
    code: str
    severity: str
    title_zh: str
    title_en: str
    message_zh: str  # str.format template over the hit's params
    message_en: str
    basis: str
    hint_zh: str
    hint_en: str
    bad: str = ""  # a failing record (YAML), for `explain`
    good: str = ""  # the same record fixed
    check: Check | None = None
    #: the clauses this code implements: of the implementation measures as numbered there
    #: ("一(三)", "二(四)1", "三(十三)"), of the Regulation as "条例第33条" (docs/coverage.md)
    clauses: tuple[str, ...] = ()
    #: what `check --fix` corrects for this code (zh, en); empty when nothing is fixable
    fixable: tuple[str, str] = ("", "")

    @property
    def family(self) -> str:
        return self.code[:3]

    def params(self) -> list[str]:
        return sorted({f for _, f, _, _ in string.Formatter().parse(self.message_zh) if f})

    def to_json(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "severity": self.severity,
            "message_zh": self.message_zh,
            "message_en": self.message_en,
            "basis": self.basis,
            "hint": self.hint_zh,
            "hint_en": self.hint_en,
            "title_zh": self.title_zh,
            "title_en": self.title_en,
            "family": self.family,
            "clauses": list(self.clauses),
            "fixable": self.fixable[0],
            "fixable_en": self.fixable[1],
        }


REGISTRY: dict[str, Rule] = {}


def register(rule_: Rule) -> Rule:
    if rule_.code in REGISTRY:
        raise ValueError(f"duplicate rule code {rule_.code}")
    REGISTRY[rule_.code] = rule_
    return rule_


def declare(code: str, severity: str, *, title: tuple[str, str], message: tuple[str, str],
            basis: str, hint: tuple[str, str], bad: str = "", good: str = "",
            check: Check | None = None, clauses: tuple[str, ...] = (), fixable: tuple[str, str] = ("", "")) -> Rule:
    """Register a rule; `title`, `message`, `hint` and `fixable` are (Chinese, English) pairs."""
    return register(Rule(code, severity, title[0], title[1], message[0], message[1], basis,
                         hint[0], hint[1], bad.strip("\n"), good.strip("\n"), check, tuple(clauses),
                         tuple(fixable)))


def rule(code: str, severity: str, **kwargs: Any) -> Callable[[Check], Check]:
    """Decorator form of `declare` for rules with a check function."""

    def wrap(func: Check) -> Check:
        declare(code, severity, check=func, **kwargs)
        return func

    return wrap


@dataclass(slots=True)
class Hit:
    """What a check reports: the record (or a bare path), where in it, and the message params."""

    record: Record | None
    pointer: Pointer = ()
    params: dict[str, Any] = field(default_factory=dict)
    anchor: str = "value"
    path: str | None = None  # for findings not tied to a record's file (defaults to record.path)


def hit(record: Record | None, pointer: Pointer = (), anchor: str = "value", path: str | None = None,
        **params: Any) -> Hit:
    return Hit(record, tuple(pointer), params, anchor, path)


def make_finding(rule_: Rule, path: str, pointer: Pointer = (), record: str | None = None,
                 anchor: str = "value", severity: str | None = None, **params: Any) -> Finding:
    return Finding(
        code=rule_.code,
        severity=severity or rule_.severity,
        path=path,
        # interned: the same message recurs across files (a missing key, an unknown one), and
        # 700,000 findings kept a copy each (half a gigabyte for 100,000 bad files)
        message_zh=sys.intern(_fmt(rule_.message_zh, params)),
        message_en=sys.intern(_fmt(rule_.message_en, params)),
        pointer=tuple(pointer),
        record=record,
        anchor=anchor,
    )


def finding(code: str, path: str, pointer: Pointer = (), record: str | None = None,
            anchor: str = "value", line: int | None = None, column: int | None = None,
            **params: Any) -> Finding:
    """A finding for a registered code (used by the loader for REG codes)."""
    f = make_finding(REGISTRY[code], path, pointer, record, anchor, **params)
    f.line, f.column = line, column
    return f


def from_hit(rule_: Rule, h: Hit) -> Finding:
    rec = h.record
    return make_finding(
        rule_, h.path or (rec.path if rec else ""), h.pointer,
        rec.id if rec is not None and rec.kind not in ("config",) else None,
        h.anchor, **h.params,
    )


class _Missing(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def _fmt(template: str, params: dict[str, Any]) -> str:
    return template.format_map(_Missing(params))
