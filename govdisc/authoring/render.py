"""Render the shipped YAML templates (templates/records, templates/init) with safe scalars."""

from __future__ import annotations

from typing import Any

from jinja2 import StrictUndefined
from jinja2.sandbox import SandboxedEnvironment

from govdisc import resources
from govdisc.authoring import fieldhelp
from govdisc.authoring.yamltext import COMMENT_MARK, align_comments, flow_list, flow_mapping, scalar

SCHEMA_DIR = ".govdisc/schemas"


def _env(kind: str | None) -> SandboxedEnvironment:
    # YAML, not HTML: no autoescape; values go through the `y*` filters, which quote as needed.
    env = SandboxedEnvironment(autoescape=False, undefined=StrictUndefined, keep_trailing_newline=True,
                               trim_blocks=True, lstrip_blocks=True)
    env.filters["y"] = lambda v: scalar(v)
    env.filters["yf"] = lambda v: scalar(v, flow=True)
    env.filters["yl"] = lambda v: flow_list(v or [])
    env.filters["ym"] = lambda v: flow_mapping(v)

    def c(path: str, required: bool | None = None, extra: str = "", codes: bool = True, of: str | None = None) -> str:
        return COMMENT_MARK + fieldhelp.comment(of or kind or "config", path, required=required, extra=extra,
                                                with_codes=codes)

    def t(path: str, of: str | None = None) -> str:
        return fieldhelp.title(of or kind or "config", path)

    env.globals.update(c=c, t=t, note=lambda text: COMMENT_MARK + "# " + text)
    return env


def render(template: str, kind: str | None = None, **context: Any) -> str:
    """Render `templates/<template>`; comments marked with `c()`/`note()` are aligned."""
    text = _env(kind).from_string(resources.template_text(template)).render(**context)
    return align_comments(text)


def modeline(schema_rel: str) -> str:
    return f"# yaml-language-server: $schema={schema_rel}"
