"""Command-line wiring only: parse options, call plain functions, print, exit."""

from __future__ import annotations

import os
import sys
from datetime import date
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Iterator, Optional

import typer

from govdisc import __version__
from govdisc.helptext import HelpCommand, HelpGroup
from typer.core import TyperCommand

if TYPE_CHECKING:
    from rich.console import Console

app = typer.Typer(
    name="govdisc",
    help="政务公开登记簿检查工具：校验登记簿、计算法定期限、生成年度报告。",
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    cls=HelpGroup,
)


class State:
    lang: str = "zh"
    color: bool = True


STATE = State()

RegisterOpt = Annotated[Optional[Path], typer.Option("--register", "-r", help="登记簿目录（默认从当前目录向上查找 govdisc.yaml）")]
AsOfOpt = Annotated[Optional[str], typer.Option("--as-of", envvar="GOVDISC_AS_OF", help="以此日期为“今天”（YYYY-MM-DD），也可用环境变量 GOVDISC_AS_OF")]
LangOpt = Annotated[Optional[str], typer.Option("--lang", help="输出语言 zh|en")]
NoColorOpt = Annotated[bool, typer.Option("--no-color", help="不使用颜色")]


class CheckFormat(str, Enum):
    text = "text"
    json = "json"
    github = "github"
    sarif = "sarif"
    junit = "junit"
    concise = "concise"


def fail(message_zh: str, message_en: str, code: int = 2) -> None:
    from govdisc.textsafety import terminal_text

    message = terminal_text(message_en if STATE.lang == "en" else message_zh)
    err_console().print(message, markup=False, highlight=False)
    raise typer.Exit(code)


def console() -> "Console":
    from rich.console import Console

    # emoji=False: ":smile:" in register text prints as typed (markup is escaped where it is built);
    # without colour no escape code at all (no_color alone still writes bold and dim)
    return Console(no_color=not STATE.color, highlight=False, soft_wrap=True, emoji=False, **_plain())


def err_console() -> "Console":
    from rich.console import Console

    return Console(stderr=True, no_color=not STATE.color, highlight=False, soft_wrap=True, emoji=False, **_plain())


def _plain() -> dict:
    return {} if STATE.color else {"color_system": None}


def _lang(lang: str | None, no_color: bool = False) -> str:
    """Per-command --lang/--no-color win over the global ones (`govdisc check --lang en` works)."""
    if no_color:
        STATE.color = False
    if lang is not None:
        if lang not in ("zh", "en"):
            fail(f"--lang 只能是 zh 或 en，收到 {lang}", f"--lang must be zh or en, got {lang}")
        STATE.lang = lang
    return STATE.lang


def resolve_root(register: Path | None) -> Path:
    from govdisc.loading.layout import RegisterNotFound, find_root

    try:
        return find_root(explicit=register)
    except RegisterNotFound as exc:
        fail(
            f"找不到登记簿：{exc} 及其上级目录中都没有 govdisc.yaml。请用 --register 指定，或用 govdisc init 新建。",
            f"no register found: no govdisc.yaml in {exc} or above. Use --register, or create one with govdisc init.",
        )
        raise  # unreachable


def resolve_as_of(value: str | None) -> date:
    if not value:
        return date.today()
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        fail(f"--as-of / GOVDISC_AS_OF 应为日期 YYYY-MM-DD，收到 {value}",
             f"--as-of / GOVDISC_AS_OF must be a date YYYY-MM-DD, got {value}")
        raise


@app.callback(invoke_without_command=True)
def main_options(
    ctx: typer.Context,
    lang: Annotated[str, typer.Option("--lang", envvar="GOVDISC_LANG", help="输出语言 zh|en")] = "zh",
    no_color: Annotated[bool, typer.Option("--no-color", help="不使用颜色")] = False,
    version: Annotated[bool, typer.Option("--version", help="显示版本")] = False,
) -> None:
    """政务公开登记簿检查工具 govdisc。"""
    _lang(lang)
    STATE.color = not no_color and "NO_COLOR" not in os.environ
    if version:
        typer.echo(f"govdisc {__version__}")
        raise typer.Exit(0)
    if ctx.invoked_subcommand is None:
        typer.echo(ctx.get_help())
        raise typer.Exit(0)


@app.command()
def check(
    paths: Annotated[Optional[list[Path]], typer.Argument(help="只报告这些文件的问题（跨记录规则仍看全部登记簿）")] = None,
    register: RegisterOpt = None,
    as_of: AsOfOpt = None,
    fmt: Annotated[CheckFormat, typer.Option("--format", "-f", help="输出格式：text | concise（每条一行 路径:行:列: 代码 说明）| json | github | sarif | junit")] = CheckFormat.text,
    changed_since: Annotated[Optional[str], typer.Option("--changed-since", help="只报告相对此 git 版本有改动（含未跟踪）的文件")] = None,
    new_against: Annotated[Optional[str], typer.Option("--new-against", metavar="REF", help="只报告相对 git 版本 REF 新增的问题（同一 as-of 日期下比较，不论出现在哪个文件；给出的文件只用于找到登记簿）")] = None,
    select: Annotated[Optional[list[str]], typer.Option("--select", metavar="CODES", help="只报告这些规则代码或类别（如 APP、DOC001；可逗号分隔、可重复）")] = None,
    ignore: Annotated[Optional[list[str]], typer.Option("--ignore", metavar="CODES", help="不报告这些规则代码或类别（如 MTG、APP010）")] = None,
    statistics: Annotated[bool, typer.Option("--statistics", help="按规则代码统计问题数量，不逐条列出")] = False,
    fix: Annotated[bool, typer.Option("--fix", help="自动修正机械性错误（发文字号括号和“年”、枚举值大小写、日期补零），保留注释，再报告余下的问题")] = False,
    diff: Annotated[bool, typer.Option("--diff", help="只显示 --fix 将做的修改（统一差异格式），不写文件")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="只输出问题本身，不输出修复提示和汇总")] = False,
    strict: Annotated[bool, typer.Option("--strict", help="有警告也以 1 退出")] = False,
    no_cache: Annotated[bool, typer.Option("--no-cache", help="不读写 .govdisc-cache 缓存")] = False,
    jobs: Annotated[Optional[int], typer.Option("--jobs", "-j", help="并行读取的进程数（默认 CPU 核数）")] = None,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="写入文件而不是标准输出")] = None,
    lang: LangOpt = None,
    no_color: NoColorOpt = False,
) -> None:
    """校验登记簿：YAML、字段模式和全部合规规则。退出码 0 无错误，1 有错误，2 用法或配置错误。"""
    from govdisc import scope as scope_mod
    from govdisc.check import SelectionError, code_prefixes, selected

    lang_ = _lang(lang, no_color)
    if new_against and changed_since:
        fail("--new-against 与 --changed-since 不能同时使用", "--new-against and --changed-since cannot be combined")
    if jobs is not None and jobs < 1:
        fail(f"--jobs 应为不小于 1 的整数，收到 {jobs}", f"--jobs must be 1 or more, got {jobs}")
    _check_output(output)
    try:
        chosen, dropped = code_prefixes(select, "--select"), code_prefixes(ignore, "--ignore")
        scope_mod.require_existing(paths or [])
    except (SelectionError, scope_mod.ScopeError) as exc:
        fail(exc.zh, exc.en)
    root = resolve_root(register or _register_from_paths(paths))
    day = resolve_as_of(as_of)

    def run():
        result = _run_check(root, day, paths, changed_since, new_against, jobs, not no_cache, quiet)
        result.findings = selected(result.findings, chosen, dropped)
        return result

    result = run()
    if fix or diff:
        changed = _apply_fixes(root, result, day, diff, lang_)
        if diff:  # as ruff: the preview fails when there is something to fix
            raise typer.Exit(1 if changed else 0)
        if changed:
            result = run()
    _report(result, fmt, statistics, quiet, output, lang_)
    if result.config_broken:
        raise typer.Exit(2)
    failed = result.errors > 0 or (strict and result.warnings > 0)
    raise typer.Exit(1 if failed else 0)


def _run_check(root: Path, day: date, paths: list[Path] | None, changed_since: str | None,
               new_against: str | None, jobs: int | None, cache: bool, quiet: bool):
    """The check, with its scope: given files, files changed since a revision, or the findings
    added since a revision; with a progress bar when it runs long on a terminal."""
    from govdisc import progress
    from govdisc import scope as scope_mod
    from govdisc.check import run_check

    scope = None
    try:
        if paths:
            scope = scope_mod.paths_in_register(root, paths)
        if new_against:
            from govdisc.baseline import check_new_against

            with progress.reporting(_progress_bar(quiet)):
                return check_new_against(root, new_against, day, jobs=jobs, cache=cache)
        if changed_since:
            changed = scope_mod.changed_since(root, changed_since)
            scope = changed if scope is None else scope & changed
    except scope_mod.ScopeError as exc:
        fail(exc.zh, exc.en)
    with progress.reporting(_progress_bar(quiet)):
        return run_check(root, day, scope=scope, jobs=jobs, cache=cache)


def _progress_bar(quiet: bool):
    """A delayed progress bar on stderr when that is a terminal; None (nothing) in pipes, and
    none without colour either (NO_COLOR asks for no escape codes: the bar is made of them)."""
    if quiet or not STATE.color or not sys.stderr.isatty():
        return None
    from govdisc.output.progress import DelayedBar

    return DelayedBar(err_console(), STATE.lang)


def _apply_fixes(root: Path, result, day: date, diff: bool, lang: str) -> int:
    """`--fix` / `--diff`: how many files were (with --diff: would be) changed."""
    from govdisc.authoring.fix import apply_fixes, plan_fixes
    from govdisc.textsafety import terminal_text

    plan = plan_fixes(root, result.findings, day)
    if diff:
        sys.stdout.write(terminal_text(plan.diff(), keep="\t\r\n"))
        sys.stdout.flush()
    changed = len(plan.changed) if diff else len(apply_fixes(root, plan))
    for zh, en in plan.messages(diff, changed):
        err_console().print(terminal_text(en if lang == "en" else zh), markup=False, highlight=False)
    return changed


def _report(result, fmt: "CheckFormat", statistics: bool, quiet: bool, output: Path | None, lang: str) -> None:
    from govdisc.output import ci  # noqa: F401  (registers the CI reporters)
    from govdisc.output import findings as out

    if statistics:
        text = out.statistics_json(result) if fmt is CheckFormat.json else out.statistics_text(result, lang, quiet)
        _emit(text, output)
        return
    # text and JSON are written as they are made: 700,000 findings never become one string
    if fmt is CheckFormat.text:
        _emit_blocks(out.text_blocks(result, lang, quiet), output)
        return
    if fmt is CheckFormat.concise:
        text = out.REPORTERS[fmt.value](result, lang, quiet=quiet)
        if text:
            _emit(text, output)
        return
    _emit(out.json_chunks(result, lang) if fmt is CheckFormat.json else out.REPORTERS[fmt.value](result, lang), output)


def _check_output(output: Path | None) -> None:
    """-o into a folder that does not exist is a mistake in the path, not a folder to create."""
    if output is None:
        return
    if output.is_dir():
        fail(f"-o {output} 是一个文件夹，请给出文件名", f"-o {output} is a folder; give a file name")
    parent = output.expanduser().absolute().parent
    if not parent.is_dir():
        fail(f"-o {output}：文件夹 {parent} 不存在", f"-o {output}: the folder {parent} does not exist")


def _register_from_paths(paths: list[Path] | None) -> Path | None:
    """With file arguments and no --register, the register holding the first file that has one."""
    from govdisc.loading.layout import RegisterNotFound, find_root

    for p in paths or []:
        try:
            return find_root(start=p.resolve().parent)
        except RegisterNotFound:
            continue
    return None


def _emit(text: str | Iterator[str], output: Path | None, markup: bool = False) -> None:
    if not isinstance(text, str):  # chunks (never markup): streamed, ending with a newline
        _emit_chunks(text, output)
        return
    if output is not None:
        if markup:
            from rich.text import Text

            text = Text.from_markup(text, emoji=False).plain
        from govdisc.authoring.atomic import write_text

        write_text(output, text if text.endswith("\n") else text + "\n")
        return
    if markup:
        console().print(text)
    else:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")


def _emit_chunks(chunks: Iterator[str], output: Path | None) -> None:
    def lines() -> Iterator[str]:
        last = ""
        for last in chunks:
            yield last
        if not last.endswith("\n"):
            yield "\n"

    if output is not None:
        from govdisc.authoring.atomic import write_bytes

        write_bytes(output, (chunk.encode("utf-8") for chunk in lines()))
        return
    for chunk in lines():
        sys.stdout.write(chunk)


def _emit_blocks(blocks: Iterator[str], output: Path | None) -> None:
    """Blocks of rich markup, a blank line between them, printed (or written plain) one by one."""
    if output is not None:
        from rich.text import Text

        _emit_chunks((("\n\n" if i else "") + Text.from_markup(block, emoji=False).plain
                      for i, block in enumerate(blocks)), output)
        return
    con = console()
    for i, block in enumerate(blocks):
        if i:
            con.print()
        con.print(block)


class RulesFormat(str, Enum):
    table = "table"
    json = "json"


@app.command()
def rules(
    fmt: Annotated[RulesFormat, typer.Option("--format", "-f")] = RulesFormat.table,
    lang: LangOpt = None,
    no_color: NoColorOpt = False,
) -> None:
    """列出全部规则：代码、默认级别、说明、法律依据、修复提示。"""
    from govdisc.output import ruledocs

    lang_ = _lang(lang, no_color)
    if fmt is RulesFormat.json:
        _emit(ruledocs.rules_json(), None)
    else:
        console().print(ruledocs.rules_table(lang_))


@app.command()
def explain(code: Annotated[str, typer.Argument(help="规则代码，如 DOC001")], lang: LangOpt = None,
            no_color: NoColorOpt = False) -> None:
    """解释一条规则：含义、依据、修复方法，以及不合规和合规的记录示例。"""
    from govdisc.output import ruledocs

    lang_ = _lang(lang, no_color)
    text = ruledocs.explain(code.upper(), lang_)
    if text is None:
        fail(f"没有规则 {code}；用 govdisc rules 查看全部规则。", f"no rule {code}; see govdisc rules.")
    _emit(text, None)


class DeadlineFormat(str, Enum):
    table = "table"
    json = "json"
    ics = "ics"


@app.command()
def deadlines(
    register: RegisterOpt = None,
    as_of: AsOfOpt = None,
    within: Annotated[Optional[int], typer.Option("--within", help="只列出 N 个工作日内到期的（已逾期的总会列出）")] = None,
    department: Annotated[Optional[str], typer.Option("--department", "-d", help="只列出此部门的")] = None,
    fmt: Annotated[DeadlineFormat, typer.Option("--format", "-f")] = DeadlineFormat.table,
    explain_id: Annotated[Optional[str], typer.Option("--explain", metavar="RECORD_ID", help="逐日说明该记录每个期限的推算过程")] = None,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="写入文件")] = None,
    lang: LangOpt = None,
    no_color: NoColorOpt = False,
) -> None:
    """列出未完成的法定期限（到期日、剩余工作日、状态），或逐日解释某条记录的期限。"""
    from govdisc import deadlines as engine
    from govdisc.calendar import calendar_for
    from govdisc.output import deadlines as out

    lang_ = _lang(lang, no_color)
    _check_output(output)
    if within is not None and within < 0:
        fail(f"--within 应为不小于 0 的工作日数，收到 {within}", f"--within must be 0 or more working days, got {within}")
    loaded = _load_for_reports(register, lang_)
    day = resolve_as_of(as_of)
    cal = calendar_for(loaded.config)
    if explain_id:
        obs = engine.explain_record(loaded.records, loaded.config, cal, day, explain_id)
        if not obs:
            if not any(explain_id in (r.id, r.path) for r in loaded.records):
                fail(f"登记簿中没有编号为 {explain_id} 的记录", f"no record {explain_id} in the register", NOT_FOUND)
            typer.echo(f"record {explain_id} has no deadlines" if lang_ == "en" else f"记录 {explain_id} 没有法定期限")
            return
        _emit(out.explanation(obs, lang_), output)
        return
    obs = engine.open_obligations(loaded.records, loaded.config, cal, day, within=within)
    if department:
        dept = _department(loaded.config, department)
        obs = [o for o in obs if o.department == dept]
    if fmt is DeadlineFormat.json:
        _emit(out.to_json(obs, lang_), output)
    elif fmt is DeadlineFormat.ics:
        from govdisc.output.ics import obligations_to_ics

        data = obligations_to_ics(obs, loaded.config.agency)
        if output is not None:
            from govdisc.authoring.atomic import write_bytes

            write_bytes(output, data)
        else:
            sys.stdout.buffer.write(data)
    elif output is not None:
        _emit(out.to_json(obs, lang_), output)
    else:
        from govdisc.output.tables import print_table

        print_table(console(), out.to_table(obs, lang_, loaded.config.department_name))


@app.command()
def stats(
    year: Annotated[int, typer.Option("--year", "-y", help="统计年度")],
    register: RegisterOpt = None,
    as_of: AsOfOpt = None,
    fmt: Annotated[RulesFormat, typer.Option("--format", "-f", help="json（数据）或 table（摘要）")] = RulesFormat.json,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="写入文件")] = None,
    lang: LangOpt = None,
    no_color: NoColorOpt = False,
) -> None:
    """年度报告的全部数字（国办公开办函〔2021〕30号格式），由登记簿计算；只计截至 --as-of 当日登记的事实。"""
    import json

    from govdisc.calendar import calendar_for
    from govdisc.stats import annual_stats
    from govdisc.stats.annual import completeness_warnings
    from govdisc.textsafety import json_text

    lang_ = _lang(lang, no_color)
    _year(year, "--year")
    _check_output(output)
    loaded = _load_for_reports(register, lang_)
    day = resolve_as_of(as_of)
    data = annual_stats(loaded.records, loaded.config, calendar_for(loaded.config), year, as_of=day)
    _warn_problems([{"severity": "warning", **w} for w in completeness_warnings(data)], lang_)
    if fmt is RulesFormat.json or output is not None:
        _emit(json_text(json.dumps(data, ensure_ascii=False, indent=2)), output)
        return
    from govdisc.output.stats import stats_summary
    from govdisc.output.tables import print_table

    print_table(console(), stats_summary(data, lang_))


#: exit code for a record id that names no record (`deadlines --explain`, `event`): a usage error
NOT_FOUND = 2


def _department(config, value: str) -> str:
    """A department by id or name; a usage error naming the known ones otherwise."""
    for d in config.departments:
        if value in (d.id, d.name):
            return d.id
    known = "、".join(f"{d.id}（{d.name}）" for d in config.departments)
    fail(f"没有部门 {value}；govdisc.yaml 中的部门：{known}",
         f"no department {value}; the departments in govdisc.yaml: {', '.join(d.id for d in config.departments)}")
    raise AssertionError  # unreachable


def _year(value: int, option: str) -> int:
    """A year the working-day calendar covers, or a usage error saying which are."""
    from govdisc.calendar import MAX_YEAR, MIN_YEAR

    if not MIN_YEAR <= value <= MAX_YEAR:
        fail(f"{option} 应为 {MIN_YEAR} 至 {MAX_YEAR} 之间的年份，收到 {value}",
             f"{option} must be a year from {MIN_YEAR} to {MAX_YEAR}, got {value}")
    return value


def _load_for_reports(register: Path | None, lang: str = "zh"):
    """The register for a command that computes from it (stats, report, deadlines). Files that
    yield no record are listed on stderr: the results lack them, and nobody must miss that."""
    from govdisc.calendar import preload
    from govdisc.loading.register import load_register

    loaded = load_register(resolve_root(register), cache=True)
    if loaded.config_broken:
        fail("govdisc.yaml 无法读取，请先运行 govdisc check 查看问题。", "govdisc.yaml cannot be read; run govdisc check.")
    preload(loaded.root)
    unread = loaded.unread
    if unread:
        from govdisc.textsafety import terminal_text

        n = len(unread)
        head = (f"warning: {n} register file(s) could not be read; the results lack their records "
                "(govdisc check shows the problems):") if lang == "en" else \
            f"警告：登记簿中有 {n} 个文件未能读取，结果中不含其中的记录（govdisc check 可查看问题）："
        for line in [head] + [f"  {f.path}{f':{f.line}' if f.line else ''} {f.code} {f.message(lang)}" for f in unread]:
            err_console().print(terminal_text(line), markup=False, highlight=False)
    return loaded


def _unread_labels(loaded) -> tuple[str, ...]:
    return tuple(f"{f.path} ({f.code})" for f in loaded.unread)


def _refuse_unread(loaded, force: bool) -> None:
    """A report is not written from a register with unreadable files, unless forced."""
    if loaded.unread and not force:
        fail("登记簿中有文件未能读取（见上），报告未生成：修正这些文件后重试，或用 --force 强制生成（报告属性中会注明）。",
             "some register files could not be read (see above); no report written: fix them and retry, "
             "or use --force (the report's properties will say so).", 1)


def _warn_problems(problems: list[dict], lang: str) -> None:
    from govdisc.textsafety import terminal_text

    for p in problems:
        label_ = {"error": "错误", "warning": "警告"}.get(p["severity"], p["severity"]) if lang != "en" else p["severity"]
        msg = p["message_en"] if lang == "en" else p["message_zh"]
        err_console().print(f"{label_} {p['code']}: {terminal_text(msg)}", markup=False)


report_app = typer.Typer(help="年度报告（国办公开办函〔2021〕30号格式）和年终自查报告。", no_args_is_help=True, cls=HelpGroup)
app.add_typer(report_app, name="report")


class ReportFormat(str, Enum):
    md = "md"
    html = "html"
    docx = "docx"


ReportFormatOpt = Annotated[Optional[ReportFormat], typer.Option("--format", "-f", help="md | html | docx（默认按 -o 的扩展名，否则 md）")]
OutputOpt = Annotated[Optional[Path], typer.Option("--output", "-o", help="写入文件")]


def _report_format(fmt: ReportFormat | None, output: Path | None) -> str:
    if fmt is not None:
        chosen = fmt.value
    elif output is not None and output.suffix.lower().lstrip(".") in ("md", "html", "docx"):
        chosen = output.suffix.lower().lstrip(".")
    else:
        chosen = "md"
    if chosen == "docx" and output is None:
        fail("Word 格式请用 -o 指定输出文件。", "write Word output to a file with -o.")
    _check_output(output)
    return chosen


def _write_report(data: bytes, output: Path | None) -> None:
    if output is None:
        sys.stdout.write(data.decode("utf-8"))
        return
    from govdisc.authoring.atomic import write_bytes

    write_bytes(output, data)
    typer.echo(str(output))


@report_app.command("annual")
def report_annual(
    year: Annotated[int, typer.Option("--year", "-y", help="报告年度")],
    register: RegisterOpt = None,
    as_of: AsOfOpt = None,
    fmt: ReportFormatOpt = None,
    output: OutputOpt = None,
    force: Annotated[bool, typer.Option("--force", help="有文件未能读取或表格勾稽关系不符时仍然生成（报告属性中注明）")] = False,
    appendix: Annotated[bool, typer.Option("--appendix", help="附加“附：办理时效”（不属于全国统一格式）")] = False,
    lang: LangOpt = None,
    no_color: NoColorOpt = False,
) -> None:
    """生成政府信息公开工作年度报告：六部分、官方表格和落款，数字全部由登记簿计算（只计截至 --as-of 当日的事实）。"""
    from govdisc.calendar import calendar_for
    from govdisc.render import ReportMeta, git_commit, render_annual, report_problems
    from govdisc.stats import annual_stats

    lang_ = _lang(lang, no_color)
    _year(year, "--year")
    kind = _report_format(fmt, output)
    loaded = _load_for_reports(register, lang_)
    day = resolve_as_of(as_of)
    data = annual_stats(loaded.records, loaded.config, calendar_for(loaded.config), year, as_of=day)
    problems = report_problems(data, loaded.records, loaded.config.processing_fee_in_fee_row)
    _warn_problems(problems, lang_)
    _refuse_unread(loaded, force)
    errors = [p for p in problems if p["severity"] == "error"]
    if errors and not force:
        fail("表格未通过勾稽关系校验，未生成报告；核对后重试，或用 --force 强制生成。",
             "the tables fail the official cross-checks; no report written (use --force to write it anyway).", 1)
    forced = (("登记簿中有文件未能读取",) if loaded.unread else ()) + (("表格未通过勾稽关系校验",) if errors else ())
    caveats = tuple(p["message_zh"] for p in problems if p["code"] in ("year-not-ended", "year-outside-register"))
    meta = ReportMeta(loaded.config.agency, year, day, git_commit(loaded.root), unread=_unread_labels(loaded),
                      forced=forced, caveats=caveats)
    _write_report(render_annual(data, kind, meta, appendix=appendix), output)


@report_app.command("review")
def report_review(
    year: Annotated[int, typer.Option("--year", "-y", help="自查年度")],
    department: Annotated[Optional[str], typer.Option("--department", "-d", help="部门代号或名称（默认全部部门）")] = None,
    register: RegisterOpt = None,
    as_of: AsOfOpt = None,
    fmt: ReportFormatOpt = None,
    output: OutputOpt = None,
    force: Annotated[bool, typer.Option("--force", help="有文件未能读取时仍然生成（报告属性中注明）")] = False,
    lang: LangOpt = None,
    no_color: NoColorOpt = False,
) -> None:
    """生成年终自查报告：依申请办理、不予公开信息复查、依申请集中信息、目录、解读与舆情回应、领导职责、未解决的问题。"""
    from govdisc.calendar import calendar_for
    from govdisc.check import run_check
    from govdisc.render import ReportMeta, git_commit, render_review
    from govdisc.stats.review import path_departments_of, review_data

    lang_ = _lang(lang, no_color)
    _year(year, "--year")
    kind = _report_format(fmt, output)
    loaded = _load_for_reports(register, lang_)
    _refuse_unread(loaded, force)
    day = resolve_as_of(as_of)
    result = run_check(loaded.root, day, cache=True)
    try:
        data = review_data(loaded.records, loaded.config, calendar_for(loaded.config), year, department,
                           findings=result.findings, path_departments=path_departments_of(loaded.records), as_of=day)
    except ValueError as exc:
        fail(f"没有部门 {department}：{exc}", f"no department {department}: {exc}")
    meta = ReportMeta(loaded.config.agency, year, day, git_commit(loaded.root), unread=_unread_labels(loaded),
                      forced=("登记簿中有文件未能读取",) if loaded.unread else ())
    _write_report(render_review(data, kind, meta), output)


@app.command()
def guide(
    register: RegisterOpt = None,
    as_of: AsOfOpt = None,
    fmt: ReportFormatOpt = None,
    output: OutputOpt = None,
    lang: LangOpt = None,
    no_color: NoColorOpt = False,
) -> None:
    """生成政府信息公开指南（《条例》第十二条）供门户网站发布：信息分类、编排体系、获取方式、工作机构联系方式。"""
    from govdisc.render import ReportMeta, git_commit
    from govdisc.render.guide import render_guide
    from govdisc.stats.guide import GuideMissing, guide_data

    lang_ = _lang(lang, no_color)
    kind = _report_format(fmt, output)
    loaded = _load_for_reports(register, lang_)
    day = resolve_as_of(as_of)
    try:
        data = guide_data(loaded.records, loaded.config, day)
    except GuideMissing:
        fail("登记簿中没有 guide.yaml（政府信息公开指南）；用 govdisc new guide 生成后填写。",
             "the register has no guide.yaml; create it with govdisc new guide and fill it in.", 1)
    meta = ReportMeta(loaded.config.agency, day.year, day, git_commit(loaded.root))
    _write_report(render_guide(data, kind, meta), output)


calendar_app = typer.Typer(help="中国大陆工作日日历：推算、计数、查看节假日安排。", no_args_is_help=True, cls=HelpGroup)
app.add_typer(calendar_app, name="calendar")


def _calendar(register: Path | None):
    """The register's calendar (with its overrides) when there is one, else the bundled data."""
    from govdisc.calendar import WorkCalendar, calendar_for
    from govdisc.config import Config
    from govdisc.loading.layout import RegisterNotFound, find_root
    from govdisc.loading.files import load_file
    from govdisc.loading.layout import classify

    try:
        root = find_root(explicit=register)
    except RegisterNotFound:
        if register is not None:
            resolve_root(register)
        return WorkCalendar()
    res = load_file(root, classify("govdisc.yaml"))
    return calendar_for(Config.from_data(res.data))


def _parse_day(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        fail(f"日期应为 YYYY-MM-DD，收到 {value}", f"a date must be YYYY-MM-DD, got {value}")
        raise


#: the largest N `calendar add` takes: about forty years of working days
MAX_WORKING_DAYS = 10000


@calendar_app.command("add", context_settings={"ignore_unknown_options": True})
def calendar_add(
    day: Annotated[str, typer.Argument(metavar="DATE")],
    n: Annotated[int, typer.Argument(metavar="N")],
    register: RegisterOpt = None,
    lang: LangOpt = None,
    no_color: NoColorOpt = False,
) -> None:
    """打印 DATE 之后第 N 个工作日（DATE 当日不计）。"""
    _lang(lang, no_color)
    if not 0 <= n <= MAX_WORKING_DAYS:  # "-3" reaches here as N (ignore_unknown_options)
        fail(f"N 应为 0 至 {MAX_WORKING_DAYS} 之间的工作日数（DATE 之后第 N 个工作日），收到 {n}",
             f"N must be a number of working days from 0 to {MAX_WORKING_DAYS} (the N-th working day after DATE), got {n}")
    cal = _calendar(register)
    start = _calendar_day(_parse_day(day))
    result = _in_calendar(lambda: cal.add(start, n))
    typer.echo(result.isoformat())
    _provisional(cal, start, result)


@calendar_app.command("between")
def calendar_between(
    d1: Annotated[str, typer.Argument(metavar="D1")],
    d2: Annotated[str, typer.Argument(metavar="D2")],
    register: RegisterOpt = None,
    lang: LangOpt = None,
    no_color: NoColorOpt = False,
) -> None:
    """打印 D1 之后至 D2（含）的工作日数。"""
    _lang(lang, no_color)
    cal = _calendar(register)
    a, b = _calendar_day(_parse_day(d1)), _calendar_day(_parse_day(d2))
    typer.echo(str(_in_calendar(lambda: cal.between(a, b))))
    _provisional(cal, min(a, b), max(a, b))


def _calendar_day(value: date) -> date:
    """A date the working-day calendar covers, or a usage error saying which do."""
    from govdisc.calendar import MAX_YEAR, MIN_YEAR

    if not MIN_YEAR <= value.year <= MAX_YEAR:
        fail(f"日期 {value} 超出工作日历的范围（{MIN_YEAR}—{MAX_YEAR} 年）",
             f"the date {value} is outside the working-day calendar ({MIN_YEAR}–{MAX_YEAR})")
    return value


def _in_calendar(compute):
    from govdisc.calendar import MAX_YEAR, MIN_YEAR, CalendarRangeError

    try:
        return compute()
    except (CalendarRangeError, OverflowError):
        fail(f"结果超出工作日历的范围（{MIN_YEAR}—{MAX_YEAR} 年）", f"the result is outside the working-day calendar ({MIN_YEAR}–{MAX_YEAR})")


def _provisional(cal, first: date, last: date) -> None:
    """A note on stderr when the span touches a year without an official holiday schedule (as
    `calendar show` says): the answer is computed, but provisional."""
    unknown = [y for y in range(first.year, last.year + 1) if not cal.is_known_year(y)]
    if unknown:
        years = "、".join(map(str, unknown))
        _warn([(f"{years} 年的国务院节假日安排尚未收录，结果为暂定（按法定节日推算）；可在 govdisc.yaml 的 calendar 中录入",
                f"no official holiday schedule for {', '.join(map(str, unknown))} yet: the result is provisional "
                "(estimated from the statutory festivals); enter it under calendar in govdisc.yaml")], STATE.lang)


@calendar_app.command("show")
def calendar_show(
    year: Annotated[int, typer.Argument(metavar="YEAR")],
    register: RegisterOpt = None,
    lang: LangOpt = None,
    no_color: NoColorOpt = False,
) -> None:
    """列出某年的放假和调休上班日期，并说明是否已收录官方安排。"""
    from govdisc.output.deadlines import calendar_year

    lang_ = _lang(lang, no_color)
    _year(year, "YEAR")
    _emit(calendar_year(_calendar(register), year, lang_), None)


schema_app = typer.Typer(help="导出字段模式（JSON Schema），供编辑器补全和校验。", no_args_is_help=True, cls=HelpGroup)
app.add_typer(schema_app, name="schema")


@schema_app.command("export")
def schema_export(directory: Annotated[Path, typer.Argument(help="导出到此目录")], lang: LangOpt = None,
                  no_color: NoColorOpt = False) -> None:
    """把全部记录模式写入目录（*.schema.json）。"""
    from govdisc.authoring.schemas import export_schemas

    _lang(lang, no_color)
    for path in export_schemas(directory):
        typer.echo(str(path))


def _date(value: Optional[str], option: str) -> Optional[date]:
    if value is None:
        return None
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        fail(f"{option} 应为日期 YYYY-MM-DD，收到 {value}", f"{option} must be a date YYYY-MM-DD, got {value}")
        raise


def _warn(pairs, lang: str) -> None:
    for zh, en in pairs:
        from govdisc.textsafety import terminal_text

        err_console().print(terminal_text(("note: " + en) if lang == "en" else ("提示：" + zh)), markup=False,
                            highlight=False)


@app.command()
def init(
    directory: Annotated[Path, typer.Argument(help="新登记簿所在目录（不存在则创建）")],
    agency: Annotated[Optional[str], typer.Option("--agency", help="机关全称，写入 govdisc.yaml")] = None,
    ci: Annotated[str, typer.Option("--ci", help="CI 模板：github | gitlab | both | none")] = "github",
    since: Annotated[Optional[int], typer.Option("--since", help="登记簿起始年度（默认今年；补录往年申请时写最早的年度）")] = None,
    lang: LangOpt = None,
    no_color: NoColorOpt = False,
) -> None:
    """新建登记簿：govdisc.yaml、目录、.gitignore、pre-commit、CI 模板、编辑器设置；已有文件一律不覆盖。"""
    from govdisc.authoring.errors import AuthoringError
    from govdisc.authoring.init import init_register

    lang_ = _lang(lang, no_color)
    try:
        result = init_register(directory, agency, ci=ci, since=since)
    except AuthoringError as exc:
        fail(exc.zh, exc.en)
    for p in result.skipped:
        err_console().print(f"{'skipped (exists)' if lang_ == 'en' else '已存在，未覆盖'}: {p}", markup=False)
    for p in result.created:
        typer.echo(str(p))
    typer.echo(str(result.root))


@app.command()
def new(
    kind: Annotated[str, typer.Argument(help="application | document | opinion | meeting | catalog | review | activities | "
                                             "report | guide | assessment | participation")],
    register: RegisterOpt = None,
    as_of: AsOfOpt = None,
    # application
    received: Annotated[Optional[str], typer.Option("--received", help="收到申请的日期（application）")] = None,
    channel: Annotated[Optional[str], typer.Option("--channel", help="in_person|mail_signed|mail_unsigned|online|fax")] = None,
    applicant_kind: Annotated[Optional[str], typer.Option("--applicant-kind", help="申请人类别")] = None,
    summary: Annotated[Optional[str], typer.Option("--summary", help="申请内容 / 舆情概要")] = None,
    confirmed: Annotated[Optional[str], typer.Option("--confirmed", help="确认日期（online/fax/mail_unsigned）")] = None,
    topic: Annotated[Optional[list[str]], typer.Option("--topic", help="主题词，可重复")] = None,
    handler: Annotated[Optional[str], typer.Option("--handler", help="承办部门代号")] = None,
    applicant_ref: Annotated[Optional[str], typer.Option("--applicant-ref", help="申请人内部代号（不写个人信息）")] = None,
    document: Annotated[Optional[list[str]], typer.Option("--document", help="涉及公文的发文字号，可重复")] = None,
    record_id: Annotated[Optional[str], typer.Option("--id", help="指定编号（默认自动分配）")] = None,
    # document
    doc_no: Annotated[Optional[str], typer.Option("--doc-no", help="发文字号（document）")] = None,
    title: Annotated[Optional[str], typer.Option("--title", help="标题")] = None,
    department: Annotated[Optional[str], typer.Option("--department", help="部门代号")] = None,
    doc_kind: Annotated[Optional[str], typer.Option("--kind", help="公文种类（document）；参与方式（participation）")] = None,
    formed: Annotated[Optional[str], typer.Option("--formed", help="形成日期（document，默认今天）")] = None,
    disclosure: Annotated[Optional[str], typer.Option("--disclosure", help="public|not_public|on_request|redacted")] = None,
    reason: Annotated[Optional[str], typer.Option("--reason", help="不公开理由代码")] = None,
    explanation: Annotated[Optional[str], typer.Option("--explanation", help="不公开理由说明")] = None,
    catalog_item: Annotated[Optional[str], typer.Option("--catalog-item", help="目录事项编号")] = None,
    important_policy: Annotated[Optional[bool], typer.Option("--important-policy/--not-important-policy")] = None,
    name: Annotated[Optional[str], typer.Option("--name", help="文件名（document，默认用发文字号）")] = None,
    # opinion
    detected_at: Annotated[Optional[str], typer.Option("--detected-at", help="监测发现时间（默认现在）")] = None,
    level: Annotated[Optional[str], typer.Option("--level", help="especially_major|major|general")] = None,
    lead: Annotated[Optional[str], typer.Option("--lead", help="牵头回应部门")] = None,
    emergency: Annotated[Optional[bool], typer.Option("--emergency/--not-emergency", help="舆情是否涉及突发事件（opinion）")] = None,
    # meeting
    meeting_date: Annotated[Optional[str], typer.Option("--date", help="会议日期（meeting，默认今天）")] = None,
    body: Annotated[Optional[str], typer.Option("--body", help="会议名称，如 局党组会")] = None,
    item: Annotated[Optional[list[str]], typer.Option("--item", help="议题，可写 kind:标题，可重复（participation：所涉议题名称）")] = None,
    meeting: Annotated[Optional[str], typer.Option("--meeting", help="所涉会议编号（participation）")] = None,
    # catalog / review
    year: Annotated[Optional[int], typer.Option("--year", help="年度（catalog / review / activities / report / assessment）")] = None,
    compiled: Annotated[Optional[str], typer.Option("--compiled", help="编制完成日期（catalog，默认今天）")] = None,
    lang: LangOpt = None,
    no_color: NoColorOpt = False,
) -> None:
    """按模板新建一条记录（每个字段旁有中文说明），最后一行输出新文件路径。"""
    from govdisc.authoring.errors import AuthoringError
    from govdisc.authoring.new import new_record

    lang_ = _lang(lang, no_color)
    root = resolve_root(register)
    today = resolve_as_of(as_of)
    opts = dict(
        received=_date(received, "--received"), channel=channel, applicant_kind=applicant_kind, summary=summary,
        confirmed=_date(confirmed, "--confirmed"), topics=topic, handler=handler, applicant_ref=applicant_ref,
        documents=document, record_id=record_id, doc_no=doc_no, title=title, department=department, kind=doc_kind,
        formed=_date(formed, "--formed"), disclosure=disclosure, reason=reason, explanation=explanation,
        catalog_item=catalog_item, important_policy=important_policy, name=name, detected_at=detected_at,
        level=level, lead=lead, emergency=emergency, meeting_date=_date(meeting_date, "--date"), body=body, items=item, year=year,
        meeting=meeting,
        compiled=_date(compiled, "--compiled"))
    opts["today"] = today  # for opinions, detected_at still defaults to the real clock (now)
    try:
        result = new_record(root, kind, **opts)
    except AuthoringError as exc:
        fail(exc.zh, exc.en)
    from govdisc.textsafety import terminal_text

    for zh, en in result.todo:
        err_console().print(terminal_text(("to fill in: " + en) if lang_ == "en" else ("待填写：" + zh)), markup=False)
    typer.echo(terminal_text(str(result.path)))


@app.command()
def event(
    record_id: Annotated[str, typer.Argument(help="申请或舆情编号，如 YSQ-2024-0007")],
    event_type: Annotated[str, typer.Argument(metavar="TYPE", help="correction_notice | correction_received | "
        "consultation_sent | consultation_answered | extension | deferral | fee_notice | fee_paid | "
        "third_party_notice | reply | release | press_conference | follow_up")],
    on: Annotated[Optional[str], typer.Option("--date", help="事件日期 YYYY-MM-DD（申请事件必填）")] = None,
    days: Annotated[Optional[int], typer.Option("--days", help="延长工作日数（extension，≤20）；补正期限（correction_notice，工作日）")] = None,
    approved_by: Annotated[Optional[str], typer.Option("--approved-by", help="批准人（extension）")] = None,
    notified: Annotated[Optional[str], typer.Option("--notified", help="告知申请人日期（extension）")] = None,
    outcome: Annotated[Optional[str], typer.Option("--outcome", help="办理结果代码（reply）")] = None,
    exemption: Annotated[Optional[list[str]], typer.Option("--exemption", help="不予公开理由代码，可重复（reply）")] = None,
    note: Annotated[Optional[str], typer.Option("--note", help="备注")] = None,
    party: Annotated[Optional[str], typer.Option("--party", help="third_party | agency（consultation_sent）")] = None,
    written: Annotated[Optional[bool], typer.Option("--written/--not-written", help="是否书面征求意见")] = None,
    amount: Annotated[Optional[float], typer.Option("--amount", help="收费金额（元，fee_notice）")] = None,
    at: Annotated[Optional[str], typer.Option("--at", help="时间，如 \"2024-07-02 12:10\"（舆情事件）")] = None,
    channel: Annotated[Optional[str], typer.Option("--channel", help="发布渠道（release）")] = None,
    title: Annotated[Optional[str], typer.Option("--title", help="发布标题（release）")] = None,
    until: Annotated[Optional[str], typer.Option("--until", help="延迟答复至 YYYY-MM-DD（deferral，第三十五条）")] = None,
    delivered: Annotated[Optional[str], typer.Option("--delivered", help="征求意见书送达日期（consultation_sent）")] = None,
    objection: Annotated[Optional[bool], typer.Option("--objection/--no-objection",
        help="第三方是否不同意公开（consultation_answered）")] = None,
    remedy: Annotated[Optional[list[str]], typer.Option("--remedy",
        help="告知的救济途径 reconsideration | litigation，可重复（reply）")] = None,
    reviewed_by: Annotated[Optional[str], typer.Option("--reviewed-by", help="发布前保密审查的部门（release / follow_up）")] = None,
    reviewed: Annotated[Optional[str], typer.Option("--reviewed", help="保密审查日期（默认发布当日）")] = None,
    register: RegisterOpt = None,
    as_of: AsOfOpt = None,
    lang: LangOpt = None,
    no_color: NoColorOpt = False,
) -> None:
    """记录办理事件（补正、征求意见、延期、延迟答复、收费、告知第三方、答复、舆情发布），校验先后顺序并输出新的答复期限。"""
    from govdisc.authoring.errors import AuthoringError
    from govdisc.authoring.event import add_event
    from govdisc.deadlines.labels import OBLIGATIONS, STATUSES, label

    lang_ = _lang(lang, no_color)
    root = resolve_root(register)
    today = resolve_as_of(as_of)
    try:
        res = add_event(root, record_id, event_type, event_date=_date(on, "--date"), days=days,
                        approved_by=approved_by, notified=_date(notified, "--notified"), outcome=outcome,
                        exemptions=exemption or (), note=note, party=party, written=written, amount=amount,
                        at=at, channel=channel, title=title, until=_date(until, "--until"),
                        delivered=_date(delivered, "--delivered"), objection=objection, remedies=remedy or (),
                        reviewed_by=reviewed_by, reviewed=_date(reviewed, "--reviewed"), today=today)
    except AuthoringError as exc:
        fail(exc.zh, exc.en, 1 if exc.code == "refused" else NOT_FOUND if exc.code == "not_found" else 2)
    from govdisc.textsafety import terminal_text

    _warn(res.warnings, lang_)
    rel = terminal_text(res.path.relative_to(root).as_posix())  # a file name may hold ESC or OSC 8
    if res.kind == "application":
        if res.reply_due is None and res.reply_status == "waiting":
            typer.echo(f"{rel}\nwaiting for the corrected application: no reply deadline yet" if lang_ == "en"
                       else f"{rel}\n等待申请人补正，答复期限尚未起算")
        elif res.reply_due is None:  # e.g. withdrawn, or no legal receipt date recorded yet
            typer.echo(f"{rel}\nno reply deadline to compute (see govdisc deadlines --explain {record_id})"
                       if lang_ == "en" else f"{rel}\n没有可计算的答复期限（详见 govdisc deadlines --explain {record_id}）")
        else:
            status = label(STATUSES, res.reply_status or "", lang_)
            typer.echo(f"{rel}\nreply due {res.reply_due} ({status})" if lang_ == "en"
                       else f"{rel}\n答复期限 {res.reply_due}（{status}）")
    else:
        typer.echo(rel)
        for ob in res.obligations:
            typer.echo(f"{label(OBLIGATIONS, ob.obligation, lang_)} {ob.due} {label(STATUSES, ob.status, lang_)}")


# every command prints its --help in the language of the command line (govdisc.helptext)
for _typer in (app, report_app, calendar_app, schema_app):
    for _info in _typer.registered_commands:
        if _info.cls is None or _info.cls is TyperCommand:
            _info.cls = HelpCommand
class LetterKind(str, Enum):
    correction = "correction"
    extension = "extension"
    consultation = "consultation"
    third_party_notice = "third_party_notice"
    deferral = "deferral"
    fee = "fee"
    reply = "reply"


@app.command()
def letter(
    record_id: Annotated[str, typer.Argument(metavar="RECORD_ID", help="申请编号，如 YSQ-2024-0007")],
    kind: Annotated[LetterKind, typer.Argument(metavar="KIND", help="correction 补正告知书 | extension 延长答复期限告知书 | "
        "consultation 征求意见函 | third_party_notice 告知第三方书 | deferral 延迟答复告知书 | fee 收费通知书 | reply 答复书")],
    fmt: ReportFormatOpt = None,
    output: OutputOpt = None,
    on: Annotated[Optional[str], typer.Option("--date", help="成文日期 YYYY-MM-DD（默认为所告知事项的日期）")] = None,
    to: Annotated[Optional[str], typer.Option("--to", help="收件人：申请人姓名或名称、第三方或机关名称（只印在信函上，不写入登记簿）")] = None,
    nth: Annotated[Optional[int], typer.Option("--nth", help="同类事件有多个时用第几个（按日期，默认最后一个）")] = None,
    record: Annotated[bool, typer.Option("--record", help="把发文字号和成文日期写入登记簿的对应事件或答复")] = False,
    register: RegisterOpt = None,
    lang: LangOpt = None,
    no_color: NoColorOpt = False,
) -> None:
    """生成依申请公开的告知书、征求意见函、收费通知书或答复书（GB/T 9704 信函格式），日期取自期限引擎；--record 记入登记簿。"""
    from govdisc.calendar import calendar_for
    from govdisc.letters import LetterRefused, build_letter
    from govdisc.render.letter import letter_text, letter_warnings, render_letter

    lang_ = _lang(lang, no_color)
    chosen = _report_format(fmt, output)
    loaded = _load_for_reports(register, lang_)
    try:
        made = build_letter(loaded.records, loaded.config, calendar_for(loaded.config), record_id, kind.value,
                            nth=nth, letter_date=_date(on, "--date"), to=to)
        text = letter_text(made, loaded.root, seal=loaded.config.letter_seal)
        data = render_letter(text, chosen, loaded.root)
    except LetterRefused as exc:
        fail(exc.zh, exc.en, 2 if exc.code == "invalid" else 1)
        raise
    _warn(letter_warnings(made, text, to), lang_)
    if not record:
        _write_report(data, output)
        return
    from govdisc.authoring.access import writing

    with writing(loaded.root):  # one writer at a time, from reading the record to recording the letter
        plan = _plan_record(loaded.root, made, text.remedies)
        _write_report(data, output)
        _write_record(loaded.root, plan, made, lang_)


def _plan_record(root: Path, made, remedies: list[str]):
    from govdisc.authoring.errors import AuthoringError
    from govdisc.authoring.letter import plan_record

    try:
        return plan_record(root, made, remedies)
    except AuthoringError as exc:
        fail(exc.zh, exc.en, 1)
        raise


def _write_record(root: Path, plan, made, lang_: str) -> None:
    from govdisc.authoring.errors import AuthoringError
    from govdisc.authoring.letter import write_record

    try:
        write_record(plan)
    except AuthoringError as exc:
        fail(exc.zh + "（信函已生成，但未记入登记簿）", exc.en + " (the letter was written, but not recorded)", 1)
    rel = plan.spec.path
    where = ".".join(str(p) for p in plan.pointer)
    if plan.already:
        err_console().print(f"{rel}: {where} already records {made.number}" if lang_ == "en"
                            else f"{rel}：{where} 已记录 {made.number}，未重复写入", markup=False)
    else:
        err_console().print(f"{rel}: recorded {made.number} ({made.date}) at {where}" if lang_ == "en"
                            else f"{rel}：已在 {where} 记录 {made.number}（{made.date}）", markup=False)


def main() -> None:
    """Entry point: never a traceback for the user; an internal error is one line and exit 2."""
    try:
        app()
    except SystemExit:
        raise
    except KeyboardInterrupt:
        sys.exit(130)
    except Exception as exc:  # noqa: BLE001
        from govdisc.internal import crash
        from govdisc.textsafety import terminal_text

        sys.stderr.write("govdisc 内部错误，请把这一行报告给开发者（internal error, please report）: "
                         f"{terminal_text(crash('govdisc', exc).error)}\n")
        sys.exit(2)
