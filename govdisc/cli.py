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

if TYPE_CHECKING:
    from rich.console import Console

app = typer.Typer(
    name="govdisc",
    help="政务公开登记簿检查工具：校验登记簿、计算法定期限、生成年度报告。",
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
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


def fail(message_zh: str, message_en: str, code: int = 2) -> None:
    from govdisc.textsafety import terminal_text

    message = terminal_text(message_en if STATE.lang == "en" else message_zh)
    err_console().print(message, markup=False, highlight=False)
    raise typer.Exit(code)


def console() -> "Console":
    from rich.console import Console

    # emoji=False: ":smile:" in register text prints as typed (markup is escaped where it is built)
    return Console(no_color=not STATE.color, highlight=False, soft_wrap=True, emoji=False)


def err_console() -> "Console":
    from rich.console import Console

    return Console(stderr=True, no_color=not STATE.color, highlight=False, soft_wrap=True, emoji=False)


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
    fmt: Annotated[CheckFormat, typer.Option("--format", "-f", help="输出格式")] = CheckFormat.text,
    changed_since: Annotated[Optional[str], typer.Option("--changed-since", help="只报告相对此 git 版本有改动（含未跟踪）的文件")] = None,
    strict: Annotated[bool, typer.Option("--strict", help="有警告也以 1 退出")] = False,
    no_cache: Annotated[bool, typer.Option("--no-cache", help="不读写 .govdisc-cache 缓存")] = False,
    jobs: Annotated[Optional[int], typer.Option("--jobs", "-j", help="并行读取的进程数（默认 CPU 核数）")] = None,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="写入文件而不是标准输出")] = None,
    lang: LangOpt = None,
    no_color: NoColorOpt = False,
) -> None:
    """校验登记簿：YAML、字段模式和全部合规规则。退出码 0 无错误，1 有错误，2 用法或配置错误。"""
    from govdisc import scope as scope_mod
    from govdisc.check import run_check
    from govdisc.output import ci  # noqa: F401  (registers the CI reporters)
    from govdisc.output.findings import REPORTERS, json_chunks, text_blocks

    lang_ = _lang(lang, no_color)
    root = resolve_root(register or _register_from_paths(paths))
    day = resolve_as_of(as_of)
    scope = None
    try:
        if paths:
            scope = scope_mod.paths_in_register(root, paths)
        if changed_since:
            changed = scope_mod.changed_since(root, changed_since)
            scope = changed if scope is None else scope & changed
    except scope_mod.ScopeError as exc:
        fail(exc.zh, exc.en)
    result = run_check(root, day, scope=scope, jobs=jobs, cache=not no_cache)
    # text and JSON are written as they are made: 700,000 findings never become one string
    if fmt is CheckFormat.text:
        _emit_blocks(text_blocks(result, lang_), output)
    else:
        _emit(json_chunks(result, lang_) if fmt is CheckFormat.json else REPORTERS[fmt.value](result, lang_), output)
    if result.config_broken:
        raise typer.Exit(2)
    failed = result.errors > 0 or (strict and result.warnings > 0)
    raise typer.Exit(1 if failed else 0)


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
    loaded = _load_for_reports(register)
    day = resolve_as_of(as_of)
    cal = calendar_for(loaded.config)
    if explain_id:
        obs = engine.explain_record(loaded.records, loaded.config, cal, day, explain_id)
        if not obs:
            fail(f"记录 {explain_id} 不存在或没有期限。", f"record {explain_id} not found or has no deadlines.", 1)
        _emit(out.explanation(obs, lang_), output)
        return
    obs = engine.open_obligations(loaded.records, loaded.config, cal, day, within=within)
    if department:
        obs = [o for o in obs if o.department == department]
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
        console().print(out.to_table(obs, lang_, loaded.config.department_name))


@app.command()
def stats(
    year: Annotated[int, typer.Option("--year", "-y", help="统计年度")],
    register: RegisterOpt = None,
    fmt: Annotated[RulesFormat, typer.Option("--format", "-f", help="json（数据）或 table（摘要）")] = RulesFormat.json,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="写入文件")] = None,
    lang: LangOpt = None,
    no_color: NoColorOpt = False,
) -> None:
    """年度报告的全部数字（国办公开办函〔2021〕30号格式），由登记簿计算。"""
    import json

    from govdisc.calendar import calendar_for
    from govdisc.stats import annual_stats
    from govdisc.textsafety import json_text

    lang_ = _lang(lang, no_color)
    loaded = _load_for_reports(register)
    data = annual_stats(loaded.records, loaded.config, calendar_for(loaded.config), year)
    if fmt is RulesFormat.json or output is not None:
        _emit(json_text(json.dumps(data, ensure_ascii=False, indent=2)), output)
        return
    from govdisc.output.stats import stats_summary

    console().print(stats_summary(data, lang_))


def _load_for_reports(register: Path | None):
    from govdisc.calendar import preload
    from govdisc.loading.register import load_register

    loaded = load_register(resolve_root(register), cache=True)
    if loaded.config_broken:
        fail("govdisc.yaml 无法读取，请先运行 govdisc check 查看问题。", "govdisc.yaml cannot be read; run govdisc check.")
    preload(loaded.root)
    return loaded


report_app = typer.Typer(help="年度报告（国办公开办函〔2021〕30号格式）和年终自查报告。", no_args_is_help=True)
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
    force: Annotated[bool, typer.Option("--force", help="表格勾稽关系不符时仍然生成")] = False,
    lang: LangOpt = None,
    no_color: NoColorOpt = False,
) -> None:
    """生成政府信息公开工作年度报告：六部分、官方表格，数字全部由登记簿计算。"""
    from govdisc.calendar import calendar_for
    from govdisc.render import ReportMeta, git_commit, render_annual, report_problems
    from govdisc.stats import annual_stats
    from govdisc.textsafety import terminal_text

    lang_ = _lang(lang, no_color)
    kind = _report_format(fmt, output)
    loaded = _load_for_reports(register)
    day = resolve_as_of(as_of)
    data = annual_stats(loaded.records, loaded.config, calendar_for(loaded.config), year)
    problems = report_problems(data, loaded.records)
    for p in problems:
        label_ = {"error": "错误", "warning": "警告"}.get(p["severity"], p["severity"]) if lang_ != "en" else p["severity"]
        msg = p["message_en"] if lang_ == "en" else p["message_zh"]
        err_console().print(f"{label_} {p['code']}: {terminal_text(msg)}", markup=False)
    if any(p["severity"] == "error" for p in problems) and not force:
        fail("表格未通过勾稽关系校验，未生成报告；核对后重试，或用 --force 强制生成。",
             "the tables fail the official cross-checks; no report written (use --force to write it anyway).", 1)
    meta = ReportMeta(loaded.config.agency, year, day, git_commit(loaded.root))
    _write_report(render_annual(data, kind, meta), output)


@report_app.command("review")
def report_review(
    year: Annotated[int, typer.Option("--year", "-y", help="自查年度")],
    department: Annotated[Optional[str], typer.Option("--department", "-d", help="部门代号或名称（默认全部部门）")] = None,
    register: RegisterOpt = None,
    as_of: AsOfOpt = None,
    fmt: ReportFormatOpt = None,
    output: OutputOpt = None,
    lang: LangOpt = None,
    no_color: NoColorOpt = False,
) -> None:
    """生成年终自查报告：不予公开信息复查、依申请集中信息、目录、解读与舆情回应、领导职责、未解决的问题。"""
    from govdisc.calendar import calendar_for
    from govdisc.check import run_check
    from govdisc.render import ReportMeta, git_commit, render_review
    from govdisc.stats.review import path_departments_of, review_data

    _lang(lang, no_color)
    kind = _report_format(fmt, output)
    loaded = _load_for_reports(register)
    day = resolve_as_of(as_of)
    result = run_check(loaded.root, day, cache=True)
    try:
        data = review_data(loaded.records, loaded.config, calendar_for(loaded.config), year, department,
                           findings=result.findings, path_departments=path_departments_of(loaded.records), as_of=day)
    except ValueError as exc:
        fail(f"没有部门 {department}：{exc}", f"no department {department}: {exc}")
    meta = ReportMeta(loaded.config.agency, year, day, git_commit(loaded.root))
    _write_report(render_review(data, kind, meta), output)


calendar_app = typer.Typer(help="中国大陆工作日日历：推算、计数、查看节假日安排。", no_args_is_help=True)
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


@calendar_app.command("add")
def calendar_add(
    day: Annotated[str, typer.Argument(metavar="DATE")],
    n: Annotated[int, typer.Argument(metavar="N")],
    register: RegisterOpt = None,
) -> None:
    """打印 DATE 之后第 N 个工作日（DATE 当日不计）。"""
    cal = _calendar(register)
    typer.echo(cal.add(_parse_day(day), n).isoformat())


@calendar_app.command("between")
def calendar_between(
    d1: Annotated[str, typer.Argument(metavar="D1")],
    d2: Annotated[str, typer.Argument(metavar="D2")],
    register: RegisterOpt = None,
) -> None:
    """打印 D1 之后至 D2（含）的工作日数。"""
    cal = _calendar(register)
    typer.echo(str(cal.between(_parse_day(d1), _parse_day(d2))))


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
    _emit(calendar_year(_calendar(register), year, lang_), None)


schema_app = typer.Typer(help="导出字段模式（JSON Schema），供编辑器补全和校验。", no_args_is_help=True)
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
    lang: LangOpt = None,
    no_color: NoColorOpt = False,
) -> None:
    """新建登记簿：govdisc.yaml、目录、.gitignore、pre-commit、CI 模板、编辑器设置；已有文件一律不覆盖。"""
    from govdisc.authoring.errors import AuthoringError
    from govdisc.authoring.init import init_register

    lang_ = _lang(lang, no_color)
    try:
        result = init_register(directory, agency, ci=ci)
    except AuthoringError as exc:
        fail(exc.zh, exc.en)
    for p in result.skipped:
        err_console().print(f"{'skipped (exists)' if lang_ == 'en' else '已存在，未覆盖'}: {p}", markup=False)
    for p in result.created:
        typer.echo(str(p))
    typer.echo(str(result.root))


@app.command()
def new(
    kind: Annotated[str, typer.Argument(help="application | document | opinion | meeting | catalog | review")],
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
    doc_kind: Annotated[Optional[str], typer.Option("--kind", help="公文种类（document）")] = None,
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
    # meeting
    meeting_date: Annotated[Optional[str], typer.Option("--date", help="会议日期（meeting，默认今天）")] = None,
    body: Annotated[Optional[str], typer.Option("--body", help="会议名称，如 局党组会")] = None,
    item: Annotated[Optional[list[str]], typer.Option("--item", help="议题，可写 kind:标题，可重复")] = None,
    # catalog / review
    year: Annotated[Optional[int], typer.Option("--year", help="年度（catalog / review）")] = None,
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
        level=level, lead=lead, meeting_date=_date(meeting_date, "--date"), body=body, items=item, year=year,
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
        "consultation_sent | consultation_answered | extension | fee_notice | fee_paid | reply | release | "
        "press_conference | follow_up")],
    on: Annotated[Optional[str], typer.Option("--date", help="事件日期 YYYY-MM-DD（申请事件必填）")] = None,
    days: Annotated[Optional[int], typer.Option("--days", help="延长工作日数（extension，≤20）")] = None,
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
    register: RegisterOpt = None,
    as_of: AsOfOpt = None,
    lang: LangOpt = None,
    no_color: NoColorOpt = False,
) -> None:
    """记录办理事件（补正、征求意见、延期、收费、答复、舆情发布），校验先后顺序并输出新的答复期限。"""
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
                        at=at, channel=channel, title=title, today=today)
    except AuthoringError as exc:
        fail(exc.zh, exc.en, 1 if exc.code == "refused" else 2)
    from govdisc.textsafety import terminal_text

    _warn(res.warnings, lang_)
    rel = terminal_text(res.path.relative_to(root).as_posix())  # a file name may hold ESC or OSC 8
    if res.kind == "application":
        if res.reply_due is None and res.reply_status == "waiting":
            typer.echo(f"{rel}\nwaiting for the corrected application: no reply deadline yet" if lang_ == "en"
                       else f"{rel}\n等待申请人补正，答复期限尚未起算")
        else:
            status = label(STATUSES, res.reply_status or "", lang_)
            typer.echo(f"{rel}\nreply due {res.reply_due} ({status})" if lang_ == "en"
                       else f"{rel}\n答复期限 {res.reply_due}（{status}）")
    else:
        typer.echo(rel)
        for ob in res.obligations:
            typer.echo(f"{label(OBLIGATIONS, ob.obligation, lang_)} {ob.due} {label(STATUSES, ob.status, lang_)}")


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
