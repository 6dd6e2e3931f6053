"""Reporters for `govdisc check`: a registry from format name to a function of the result."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Callable, Iterator

from govdisc.check import CheckResult
from govdisc.textsafety import json_text, terminal_text

SEVERITY_ZH = {"error": "错误", "warning": "警告", "info": "提示"}
SEVERITY_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}

Reporter = Callable[..., str]  # (result, lang) -> text; text formats also take quiet=
REPORTERS: dict[str, Reporter] = {}


def reporter(name: str) -> Callable[[Reporter], Reporter]:
    def wrap(func: Reporter) -> Reporter:
        REPORTERS[name] = func
        return func

    return wrap


def severity_label(severity: str, lang: str) -> str:
    return severity if lang == "en" else SEVERITY_ZH.get(severity, severity)


@reporter("json")
def to_json(result: CheckResult, lang: str) -> str:
    return "".join(json_chunks(result, lang))


def json_chunks(result: CheckResult, lang: str) -> Iterator[str]:
    """The JSON report a finding at a time: the same text as json.dumps of the whole report
    with indent=2, without holding it (or a dict per finding) in memory at once; 700,000
    findings took 1.3 GB as one string, its copy and its encoding."""
    yield '{\n  "findings": ['
    for i, f in enumerate(result.findings):
        body = json.dumps(f.to_json(lang), ensure_ascii=False, indent=2).replace("\n", "\n    ")
        yield json_text(("," if i else "") + "\n    " + body)
    summary = json.dumps(result.summary(), ensure_ascii=False, indent=2).replace("\n", "\n  ")
    yield ("\n  ]" if result.findings else "]") + ',\n  "summary": ' + summary + "\n}"


def escape_user(text: str) -> str:
    """User-derived text (paths, ids, key names in messages) for rich markup: terminal controls
    shown as escapes, then markup brackets escaped, so "[bold]" or ESC prints as typed."""
    from rich.markup import escape

    text = terminal_text(text)
    body = text.rstrip("\\")
    trailing = len(text) - len(body)
    if not trailing:
        return escape(body)
    # rich reads a backslash run as an escape only right before a tag, so how a trailing run
    # prints depends on what follows: double it and close it with an empty tag pair, and it
    # prints as typed in any position
    return escape(body) + "\\" * (2 * trailing) + "[dim][/dim]"


@reporter("text")
def to_text(result: CheckResult, lang: str, quiet: bool = False) -> str:
    """Plain text grouped by file; the CLI colours it with rich markup when it may. `quiet`:
    the findings alone, without hints or the summary (nothing at all when there are none)."""
    return "\n\n".join(text_blocks(result, lang, quiet))


def text_blocks(result: CheckResult, lang: str, quiet: bool = False) -> Iterator[str]:
    """The text report a file at a time (blocks to join with a blank line), then the summary
    unless `quiet`: the CLI prints them one by one, so 700,000 findings never become one
    marked-up string (4 GB in rich)."""
    from govdisc.codes import REGISTRY

    lines: list[str] = []
    current = None
    for f in result.findings:
        if f.path != current:
            if current is not None:
                yield "\n".join(lines)
                lines = []
            lines.append(f"[bold]{escape_user(f.path)}[/bold]")
            current = f.path
        style = SEVERITY_STYLE.get(f.severity, "")
        where = f"{f.line or 1}:{f.column or 1}"
        rec = f"  [dim]({escape_user(f.record)})[/dim]" if f.record and f.record != f.path else ""
        lines.append(
            f"  {where:>7}  [{style}]{severity_label(f.severity, lang)}[/{style}]  "
            f"[bold]{escape_user(f.code)}[/bold]  {escape_user(f.message(lang))}{rec}"
        )
        rule = REGISTRY.get(f.code)
        if rule is not None and f.severity != "info" and not quiet:
            hint = rule.hint_en if lang == "en" else rule.hint_zh
            lines.append(f"           [dim]{'fix' if lang == 'en' else '修复'}: {escape_user(hint)}[/dim]")
    if lines:
        yield "\n".join(lines)
    if not quiet:
        yield _summary_line(result, lang)


@reporter("concise")
def to_concise(result: CheckResult, lang: str, quiet: bool = False) -> str:
    """One line per finding, `path:line:col: CODE message`, the path relative to the current
    folder as editors and terminals link it; then the summary unless `quiet`."""
    lines = [f"{terminal_text(shown_path(result.root, f.path))}:{f.line or 1}:{f.column or 1}: "
             f"{f.code} {terminal_text(f.message(lang))}" for f in result.findings]
    if not quiet:
        lines.append(summary_text(result, lang))
    return "\n".join(lines)


def shown_path(root: Path, path: str) -> str:
    """A register path as the user would type it from the current folder (../ when outside it)."""
    try:
        return os.path.relpath(os.path.join(root, path)).replace(os.sep, "/")
    except ValueError:  # another drive (Windows)
        return os.path.join(root, path)


def plural(n: int, word: str) -> str:
    """'1 file', '2 files', '0 errors': English counts for summaries."""
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def summary_text(result: CheckResult, lang: str) -> str:
    s = result.summary()
    if lang == "en":
        text = (f"{plural(s['files'], 'file')}, {plural(s['records'], 'record')} checked: "
                f"{plural(s['errors'], 'error')}, {plural(s['warnings'], 'warning')}, {plural(s['infos'], 'note')}")
        if result.against is not None:
            text += (f" new against {result.against} ({plural(result.existing, 'finding')} it already had "
                     "not listed)")
    else:
        text = (f"已检查 {s['files']} 个文件、{s['records']} 条记录：错误 {s['errors']} 个，"
                f"警告 {s['warnings']} 个，提示 {s['infos']} 个")
        if result.against is not None:
            text += f"（相对 {result.against} 新增；{result.against} 中已有的 {result.existing} 个问题未列出）"
    return terminal_text(text)


def _summary_line(result: CheckResult, lang: str) -> str:
    s = result.summary()
    style = "bold red" if s["errors"] else ("yellow" if s["warnings"] else "bold green")
    return f"[{style}]{escape_user(summary_text(result, lang))}[/{style}]"


def statistics(result: CheckResult) -> list[dict[str, object]]:
    """Findings counted per code, most frequent first (`check --statistics`)."""
    from collections import Counter

    from govdisc.codes import REGISTRY

    counts = Counter(f.code for f in result.findings)
    severity = {f.code: f.severity for f in result.findings}
    out = []
    for code, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        rule = REGISTRY.get(code)
        out.append({"code": code, "count": n, "severity": severity[code],
                    "title_zh": rule.title_zh if rule else "", "title_en": rule.title_en if rule else ""})
    return out


def statistics_text(result: CheckResult, lang: str, quiet: bool = False) -> str:
    rows = statistics(result)
    width = max((len(str(r["count"])) for r in rows), default=1)
    lines = [f"{r['count']:>{width}}  {r['code']}  {severity_label(str(r['severity']), lang)}  "
             f"{r['title_en'] if lang == 'en' else r['title_zh']}" for r in rows]
    if not quiet:
        lines.append(summary_text(result, lang))
    return "\n".join(lines)


def statistics_json(result: CheckResult) -> str:
    return json_text(json.dumps({"statistics": statistics(result), "summary": result.summary()},
                                ensure_ascii=False, indent=2))
