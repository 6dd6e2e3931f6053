"""The Jinja2 environment of the report templates: sandboxed, templates from the wheel.

Register text is *data*: it is passed to templates as values and never compiled as template
source, so "{{ 7*7 }}" in a narrative is printed as typed. HTML templates (`*.html.j2`)
autoescape; Markdown templates (`*.md.j2`) do not, and escape register text with the `md` /
`md_cell` / `md_line` filters instead (inline Markdown and raw HTML neutralised; `|` and line
breaks made safe inside pipe-table cells and headings). Characters no document may hold (NUL,
ESC, lone surrogates...) are replaced in the finished text, see govdisc.textsafety.
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache
from typing import Any

from jinja2 import FunctionLoader, StrictUndefined
from jinja2.sandbox import SandboxedEnvironment
from markupsafe import Markup, escape

from govdisc.render.grid import format_number
from govdisc.resources import template_text


def autoescape_for(name: str | None) -> bool:
    """HTML templates autoescape; Markdown (and anything else) does not."""
    return bool(name) and name.endswith((".html.j2", ".html", ".htm"))


def _load(name: str) -> str | None:
    try:
        return template_text(name)
    except (FileNotFoundError, NotADirectoryError, IsADirectoryError):
        return None


# -- Markdown escaping --------------------------------------------------------------------------

_MD_INLINE = {
    "\\": "\\\\", "`": "\\`", "*": "\\*", "_": "\\_", "[": "\\[", "]": "\\]",
    "|": "\\|", "~": "\\~", "$": "\\$", "&": "&amp;", "<": "&lt;", ">": "&gt;",
}
_MD_TABLE = str.maketrans(_MD_INLINE)
#: in a heading "#" anywhere matters too: a trailing " ##" would be taken as the closing sequence
_MD_HEADING = str.maketrans({**_MD_INLINE, "#": "\\#"})
#: block markers at the start of a line: headings, lists, thematic breaks ("---", "- - -") and
#: setext underlines ("===", "--"); "*" and "_" runs are already escaped character by character
_LINE_START = re.compile(r"^(\s*)(#{1,6}(?=\s|$)|-+(?=\s|$)|=+(?=\s|$)|\+(?=\s|$)|\d{1,9}(?=[.)](\s|$)))")


def md_escape(value: Any) -> str:
    """Register text → Markdown that renders it literally (no emphasis, links, raw HTML, lists)."""
    if value is None:
        return ""
    out = []
    for line in str(value).split("\n"):
        line = line.translate(_MD_TABLE)
        m = _LINE_START.match(line)
        if m:
            marker = m.group(2)
            if marker[0].isdigit():
                # "1. text" would start an ordered list: escape the dot/paren after the number
                pos = m.end(2)
                line = line[:pos] + "\\" + line[pos:]
            else:
                line = line[: m.start(2)] + "\\" + line[m.start(2):]
        out.append(line)
    return "\n".join(out)


def md_cell(value: Any) -> str:
    """Register text for one pipe-table cell: escaped, on one line (breaks become <br>)."""
    if value is None:
        return ""
    lines = [md_escape(line.strip()) for line in str(value).replace("\r", "").split("\n")]
    return "<br>".join(line for line in lines if line) or ""


def md_line(value: Any) -> str:
    """Register text inside a one-line construct (a heading): escaped, line breaks made spaces,
    so a break in an agency or department name cannot end the heading early."""
    if value is None:
        return ""
    return " ".join(part.strip() for part in str(value).splitlines() if part.strip()).translate(_MD_HEADING)


#: runs a line must never break inside: dates (2023年12月20日, 2023-12-20, 2024年7月8日 10:20)
#: and codes (catalog items BGS-05, record ids YSQ-2024-0001, rule codes APP003)
_UNBREAKABLE = re.compile(r"\d{4}年\d{1,2}月\d{1,2}日(?: \d{1,2}:\d{2})?|\d{4}-\d{2}-\d{2}"
                          r"|[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*-\d+|\b[A-Z]{3}\d{3}\b")


def nobr(value: Any) -> Markup:
    """Escaped text with dates and codes wrapped in <span class="nobr">, so that neither a narrow
    table cell nor a phone screen splits "2023年12月20日" or "BGS-05" over two lines."""
    if value is None:
        return Markup("")
    text = str(escape(value))  # the patterns hold no character escaping changes
    return Markup(_UNBREAKABLE.sub(lambda m: f'<span class="nobr">{m.group()}</span>', text))


def html_lines(value: Any) -> Markup:
    """Escaped text with its line breaks kept as <br> (for table cells in HTML and in Markdown),
    dates and codes kept on one line (`nobr`)."""
    if value is None:
        return Markup("")
    lines = [nobr(line) for line in str(value).replace("\r", "").split("\n")]
    return Markup("<br>").join(lines)


def comment_text(value: Any) -> str:
    """Text safe inside an HTML comment (a Markdown file's properties): no "-->" ending it early."""
    text = " ".join(str(value).split()) if value is not None else ""
    return text.replace("-->", "--&gt;").replace("--!>", "--!&gt;")


def paragraphs(value: Any) -> list[str]:
    """Text → its non-empty lines, each one paragraph (the register writes one paragraph a line)."""
    if value is None:
        return []
    return [p.strip() for p in str(value).replace("\r", "").split("\n") if p.strip()]


def zh_date(value: Any) -> str:
    """2025-01-20 → 2025年1月20日 (strings that are not dates are returned unchanged)."""
    if isinstance(value, str):
        try:
            value = date.fromisoformat(value[:10])
        except ValueError:
            return value
    if isinstance(value, date):
        return f"{value.year}年{value.month}月{value.day}日"
    return "" if value is None else str(value)


@lru_cache(maxsize=1)
def environment() -> SandboxedEnvironment:
    env = SandboxedEnvironment(
        loader=FunctionLoader(_load),
        autoescape=autoescape_for,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,
    )
    env.filters.update(md=md_escape, md_cell=md_cell, md_line=md_line, html_lines=html_lines,
                       paragraphs=paragraphs, num=format_number, zh_date=zh_date, nobr=nobr,
                       comment=comment_text)
    return env


def render_template(name: str, **context: Any) -> str:
    return environment().get_template(name).render(**context)
