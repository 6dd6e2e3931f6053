"""Render the shipped YAML templates (templates/records, templates/init) with safe scalars.

Values go into YAML through the `y*` filters (quoted as needed); every other expression, a
department name in a comment included, passes `one_line` on its way out (Jinja's `finalize`),
so no value from the register or the command line can end a comment or a line and start YAML
of its own. Text meant to span lines (a catalog's items copied verbatim) says so: `Verbatim`.
"""

from __future__ import annotations

import re
from typing import Any

from jinja2 import StrictUndefined
from jinja2.sandbox import SandboxedEnvironment

from govdisc import resources
from govdisc.authoring import fieldhelp
from govdisc.authoring.yamltext import COMMENT_MARK, align_comments, flow_list, flow_mapping, scalar

SCHEMA_DIR = ".govdisc/schemas"


class Verbatim(str):
    """Lines inserted as they are: text the loader has read from the register itself."""


#: Characters that end a line for some YAML reader (LF, CR, NEL, U+2028/9) or that YAML does not
#: allow raw; COMMENT_MARK (U+001F) is the template's own marker and stays.
_LINE_UNSAFE = re.compile("[\x00-\x08\x0a-\x1e\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]")


def one_line(value: Any) -> Any:
    """A template expression's text with line breaks and controls written as visible \\uXXXX."""
    if isinstance(value, Verbatim) or not isinstance(value, str):
        return value
    return _LINE_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", value)


def _env(kind: str | None) -> SandboxedEnvironment:
    # YAML, not HTML: no autoescape; values go through the `y*` filters, which quote as needed.
    env = SandboxedEnvironment(autoescape=False, undefined=StrictUndefined, keep_trailing_newline=True,
                               trim_blocks=True, lstrip_blocks=True, finalize=one_line)
    env.filters["y"] = lambda v: scalar(v)
    env.filters["yf"] = lambda v: scalar(v, flow=True)
    env.filters["yl"] = lambda v: flow_list(v or [])
    env.filters["ym"] = lambda v: flow_mapping(v)

    def c(path: str, required: bool | None = None, extra: str = "", codes: bool = True, of: str | None = None) -> str:
        return COMMENT_MARK + fieldhelp.comment(of or kind or "config", path, required=required,
                                                extra=one_line(extra), with_codes=codes)

    def t(path: str, of: str | None = None) -> str:
        return fieldhelp.title(of or kind or "config", path)

    env.globals.update(c=c, t=t, note=lambda text: COMMENT_MARK + "# " + one_line(text))
    return env


def render(template: str, kind: str | None = None, **context: Any) -> str:
    """Render `templates/<template>`; comments marked with `c()`/`note()` are aligned."""
    text = _env(kind).from_string(resources.template_text(template)).render(**context)
    return align_comments(text)


def modeline(schema_rel: str) -> str:
    return f"# yaml-language-server: $schema={schema_rel}"
