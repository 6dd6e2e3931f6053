"""Letters (govdisc.letters) rendered from their wording templates into Markdown, HTML or Word.

The wording of each kind is one template, templates/letters/<kind>.txt.j2; it sets `title` and
writes the body, one paragraph per line (empty lines are dropped). The layout around it (版头 with
the issuer, the 发文字号, the title, the addressee, the body, the 落款 with the issuer and the
date, the seal placeholder, the contact line) is letters/_layout.md.j2 and _layout.html.j2 for
preview and e-mail, and the report renderer's WordWriter for Word (GB/T 9704-2012 信函格式).

A register may replace any of these files with its own copy in <register>/templates/letters/.
Such a template is rendered in the reports' sandbox (render/env.py): it sees the letter's facts
as values and cannot read files or run code; it is read only when it is a regular file inside
the register (no links), of at most 256 KB, in UTF-8. The shipped version of a file stays
reachable as "default/letters/<name>", so an override can {% extends %} or {% import %} it.
Errors in a template are refusals naming the file and line, never tracebacks.
"""

from __future__ import annotations

import re
import traceback
from dataclasses import dataclass
from functools import lru_cache, partial
from pathlib import Path
from typing import Any

from jinja2 import FunctionLoader, TemplateError, TemplateSyntaxError
from jinja2.sandbox import SandboxedEnvironment

from govdisc.letters.build import Letter, LetterRefused
from govdisc.letters.kinds import KINDS
from govdisc.loading.files import NotRegular, TooLarge, read_regular
from govdisc.render.env import environment, zh_date
from govdisc.resources import template_text
from govdisc.rules.pii import find_resident_ids, mask_id
from govdisc.textsafety import document_text

FORMATS = ("md", "html", "docx")
TEMPLATE_LIMIT = 256 * 1024
OVERRIDE_DIR = ("templates", "letters")
DEFAULT_PREFIX = "default/"


@dataclass(slots=True)
class RenderedLetter:
    """A letter's text, ready for a layout."""

    letter: Letter
    title: str
    to: str
    paragraphs: list[str]
    issuer: str
    contact: str
    seal: bool
    #: remedies the text tells of, each with its organ or court named (for --record, APP035)
    remedies: list[str]
    template: str  # the wording template used: "<register>/templates/letters/…" or "govdisc"

    @property
    def date_text(self) -> str:
        return zh_date(self.letter.date)


# -- filters for the wording ---------------------------------------------------------------------

_TRAILING = "。；;，,.、 \u3000"


def clause(value: Any) -> str:
    """Register text to be followed by the template's own punctuation: no trailing 。；，."""
    return "" if value is None else str(value).strip().rstrip(_TRAILING)


def sentence(value: Any) -> str:
    """Register text as a sentence of its own: ending in 。 (or the ！？ it was written with)."""
    text = clause(value)
    return text if not text or text.endswith(("！", "？", "!", "?")) else text + "。"


_DIGITS = "零一二三四五六七八九"


def cn_num(n: Any) -> str:
    """1 → 一, 12 → 十二, 20 → 二十 (item numbers （一）（二）… of a letter)."""
    n = int(n)
    if n < 10:
        return _DIGITS[n]
    if n < 20:
        return "十" + (_DIGITS[n % 10] if n % 10 else "")
    if n < 100:
        return _DIGITS[n // 10] + "十" + (_DIGITS[n % 10] if n % 10 else "")
    return str(n)


# -- templates -----------------------------------------------------------------------------------


def _refused_in_template(zh: str, en: str = "") -> None:
    """`refuse(zh, en)` inside a template: the letter is not written (e.g. an outcome with no wording)."""
    raise LetterRefused(str(zh), str(en or zh), "no_wording")


def _override_path(root: Path, name: str) -> Path | None:
    """The register's own copy of a letters/ template (None: use the shipped one); links refused."""
    parts = name.split("/")
    if len(parts) != 2 or parts[0] != "letters" or parts[1] in ("", ".", "..") or "\\" in parts[1]:
        return None
    path = root.joinpath(*OVERRIDE_DIR, parts[1])
    for p in (root / OVERRIDE_DIR[0], root.joinpath(*OVERRIDE_DIR), path):
        if p.is_symlink():
            raise _template_refused(name, "所在路径含符号链接，不予读取", "is reached through a link and is not read")
    return path if path.exists() else None


def _template_refused(name: str, zh: str, en: str) -> LetterRefused:
    return LetterRefused(f"模板 templates/{name} {zh}", f"template templates/{name} {en}", "template")


#: the only names a letter template can load: letters/<file>.j2, or the shipped one as default/…
_NAME = re.compile(r"(default/)?letters/[A-Za-z0-9_][A-Za-z0-9_.-]*\.j2\Z")


def _load(root: Path | None, name: str) -> tuple[str, str, Any] | None:
    if not _NAME.match(name) or ".." in name:
        return None  # TemplateNotFound: no absolute paths, no climbing out, nothing but letters/
    if name.startswith(DEFAULT_PREFIX):
        name = name[len(DEFAULT_PREFIX):]
    elif root is not None:
        path = _override_path(root, name)
        if path is not None:
            try:
                raw, st = read_regular(str(path), TEMPLATE_LIMIT)
            except (TooLarge, NotRegular):
                raise _template_refused(name, f"不是普通文件或超过 {TEMPLATE_LIMIT // 1024} KB",
                                        f"is not a regular file or is over {TEMPLATE_LIMIT // 1024} KB") from None
            except OSError as exc:
                raise _template_refused(name, f"无法读取（{exc.strerror or exc.__class__.__name__}）",
                                        f"cannot be read ({exc})") from None
            try:
                text = raw.decode("utf-8-sig")
            except UnicodeDecodeError:
                raise _template_refused(name, "不是 UTF-8 编码", "is not UTF-8") from None
            return text, f"templates/{name}", partial(_unchanged, path, (st.st_mtime_ns, st.st_size, st.st_ino))
    try:
        return template_text(name), f"govdisc:{name}", lambda: True
    except (FileNotFoundError, NotADirectoryError, IsADirectoryError):
        return None


def _unchanged(path: Path, signature: tuple) -> bool:
    """Is a register template still the file it was compiled from? (else it is read again)"""
    try:
        st = path.lstat()
    except OSError:
        return False
    return (st.st_mtime_ns, st.st_size, st.st_ino) == signature


@lru_cache(maxsize=16)
def letter_environment(root: Path | None, wording: bool = False) -> SandboxedEnvironment:
    """The reports' sandboxed environment, loading letters/ templates from the register first.

    For the wording templates (`wording`) a line is a paragraph: block tags keep the line break
    after them (no trim_blocks), so a paragraph ending in {% endif %} still ends there, and the
    empty lines that tags alone on a line leave are dropped. One environment per register: compiled
    templates are kept, a register template is read again when its file changes."""
    base = environment()
    env = base.overlay(loader=FunctionLoader(partial(_load, root)), trim_blocks=not wording, auto_reload=True)
    env.filters = {**base.filters, "clause": clause, "sentence": sentence, "cn_num": cn_num}
    env.globals = {**base.globals, "refuse": _refused_in_template}
    return env


def _where(exc: BaseException) -> tuple[str, int | None]:
    """(template file, line) an error happened in, from Jinja's rewritten traceback."""
    if isinstance(exc, TemplateSyntaxError):
        return exc.filename or exc.name or "?", exc.lineno
    for frame in reversed(traceback.extract_tb(exc.__traceback__)):
        if frame.filename.startswith(("templates/", "govdisc:")):
            return frame.filename, frame.lineno
    return "?", None


def _template_error(exc: BaseException) -> LetterRefused:
    where, line = _where(exc)
    at_zh = f"第 {line} 行" if line else ""
    at_en = f" line {line}" if line else ""
    message = getattr(exc, "message", None) or str(exc)
    return LetterRefused(f"信函模板 {where} {at_zh}出错：{message}", f"letter template {where}{at_en}: {message}",
                         "template")


def render(env: SandboxedEnvironment, name: str, **context: Any) -> tuple[str, Any]:
    """(text, module) of one template, every failure a located LetterRefused."""
    try:
        module = env.get_template(name).make_module(vars=context)
        return str(module), module
    except LetterRefused:
        raise
    except RecursionError:
        raise LetterRefused(f"信函模板 {name} 递归过深", f"letter template {name} recurses too deep", "template") from None
    except (TemplateError, ArithmeticError, AttributeError, KeyError, LookupError, TypeError, ValueError) as exc:
        raise _template_error(exc) from None


# -- the letter's text ---------------------------------------------------------------------------


def letter_text(letter: Letter, root: Path | None, seal: bool = True) -> RenderedLetter:
    """Render the wording template of `letter` (the register's copy when it has one)."""
    env = letter_environment(root, wording=True)
    name = f"letters/{letter.kind}.txt.j2"
    body, module = render(env, name, **letter.context)
    title = " ".join(str(getattr(module, "title", "") or KINDS[letter.kind].title).split())
    paragraphs = abbreviate([p for p in (document_text(line.strip()) for line in body.splitlines()) if p])
    if not paragraphs:
        raise LetterRefused(f"信函模板 {name} 没有输出正文", f"letter template {name} produced no text", "template")
    ctx = letter.context
    rendered = RenderedLetter(letter, title, letter.to, paragraphs, ctx["issuer"], ctx["contact"], seal,
                              told_remedies(paragraphs, ctx["remedies"]), _template_name(root, name))
    _no_identity(rendered)
    return rendered


REGULATION = "《中华人民共和国政府信息公开条例》"
REGULATION_SHORT = "《条例》"
_CITED = re.compile(re.escape(REGULATION) + "|" + re.escape(REGULATION_SHORT))


def abbreviate(paragraphs: list[str]) -> list[str]:
    """Cite the Regulation as letters do: in full at first, "（以下简称《条例》）", then 《条例》.
    Only when it is cited more than once (register text may already say 《条例》)."""
    if sum(len(_CITED.findall(p)) for p in paragraphs) < 2:
        return paragraphs
    first = True

    def cite(_: re.Match[str]) -> str:
        nonlocal first
        if first:
            first = False
            return REGULATION + "（以下简称" + REGULATION_SHORT + "）"
        return REGULATION_SHORT

    return [_CITED.sub(cite, p) for p in paragraphs]


def _template_name(root: Path | None, name: str) -> str:
    if root is not None and _override_path(root, name) is not None:
        return f"templates/{name}"
    return "govdisc"


def told_remedies(paragraphs: list[str], remedies: dict[str, str]) -> list[str]:
    """The remedies a letter tells of, each only when its organ or court is named with it."""
    text = "".join(paragraphs)
    out = []
    for code, word in (("reconsideration", "行政复议"), ("litigation", "行政诉讼")):
        named = remedies.get(code) or ""
        if named and word in text and named in text:
            out.append(code)
    return out


def letter_warnings(letter: Letter, r: RenderedLetter, to: str | None) -> list[tuple[str, str]]:
    """What the clerk should know about a letter that was nevertheless written: (zh, en)."""
    out = []
    if to is None:
        out.append((f"未指定收件人（--to），信函称“{letter.to}”", f"no addressee given (--to): the letter says “{letter.to}”"))
    if letter.kind == "reply" and len(r.remedies) < 2:
        out.append((f"答复书没有同时写明行政复议机关和管辖法院（模板 {r.template}）；记录后 govdisc check 会报告（APP035）",
                    f"the reply letter does not name both the reconsideration organ and the court (template "
                    f"{r.template}); once recorded, check reports it (APP035)"))
    return out


def _no_identity(r: RenderedLetter) -> None:
    """Last guard: no resident identity number anywhere in the finished letter."""
    for text in (r.title, r.to, *r.paragraphs):
        ids = find_resident_ids(text)
        if ids:
            raise LetterRefused(f"信函中出现身份证号码 {mask_id(ids[0])}，未生成；信函中不得出现申请人身份证号码",
                                f"the letter would print an identity number ({mask_id(ids[0])}); nothing written",
                                "identity")


# -- formats -------------------------------------------------------------------------------------


def layout_context(r: RenderedLetter) -> dict[str, Any]:
    return {"title": r.title, "to": r.to, "paragraphs": r.paragraphs, "number": r.letter.number,
            "issuer": r.issuer, "date": r.letter.date.isoformat(), "contact": r.contact, "seal": r.seal,
            "record_id": r.letter.record_id, "kind": r.letter.kind}


def render_letter(r: RenderedLetter, fmt: str, root: Path | None) -> bytes:
    """The letter as Markdown, standalone HTML or Word bytes."""
    if fmt == "docx":
        from govdisc.render.letter_word import letter_docx

        return letter_docx(r)
    env = letter_environment(root)
    text, _ = render(env, f"letters/_layout.{fmt}.j2", **layout_context(r))
    return document_text(text).encode("utf-8")
