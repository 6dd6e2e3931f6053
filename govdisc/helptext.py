"""`--help` in the user's language: English with `--lang en` or GOVDISC_LANG=en, Chinese otherwise.

The commands are declared with Chinese help (the clerks' language); `EN` gives each text in
English. In Chinese, the words Typer itself writes around them (Usage, Options, [default: …],
"Show this message and exit.") are put into Chinese too: Typer builds them with gettext but
ships no catalogue, and a catalogue would have to be compiled and installed per locale, so they
are translated on the finished help text, where their form is fixed.

The language is read from the command line before the help is printed (`--help` is handled
while the arguments are parsed, before any command runs), so `govdisc check --help --lang en`
and `govdisc --lang en check --help` both give English.
"""

from __future__ import annotations

import os
import re
from typing import Any

from typer.core import TyperCommand, TyperGroup

from govdisc.cliparams import install as install_plain_coercion

EN: dict[str, str] = {
    "政务公开登记簿检查工具：校验登记簿、计算法定期限、生成年度报告。":
        "Checks a government information-disclosure register: validates it, computes the statutory "
        "deadlines, renders the annual report.",
    "输出语言 zh|en": "output language zh|en",
    "不使用颜色": "no colour (no escape codes at all)",
    "显示版本": "show the version",
    "校验登记簿：YAML、字段模式和全部合规规则。退出码 0 无错误，1 有错误，2 用法或配置错误。":
        "Check the register: YAML, field schemas and every compliance rule. Exit code 0 no errors, "
        "1 errors found, 2 usage or configuration error.",
    "只报告这些文件的问题（跨记录规则仍看全部登记簿）":
        "report on these files only (cross-record rules still see the whole register)",
    "登记簿目录（默认从当前目录向上查找 govdisc.yaml）":
        "the register folder (default: the nearest folder upwards holding govdisc.yaml)",
    "以此日期为“今天”（YYYY-MM-DD），也可用环境变量 GOVDISC_AS_OF":
        "take this date as 'today' (YYYY-MM-DD); also the environment variable GOVDISC_AS_OF",
    "输出格式：text | concise（每条一行 路径:行:列: 代码 说明）| json | github | sarif | junit":
        "output format: text | concise (one line each: path:line:col: CODE message) | json | github | sarif | junit",
    "只报告相对此 git 版本有改动（含未跟踪）的文件":
        "report on the files changed against this git revision (untracked ones included)",
    "只报告相对 git 版本 REF 新增的问题（同一 as-of 日期下比较，不论出现在哪个文件；给出的文件只用于找到登记簿）":
        "report only the findings added since git revision REF (both judged on the same as-of date, "
        "wherever they land; files given only locate the register)",
    "只报告这些规则代码或类别（如 APP、DOC001；可逗号分隔、可重复）":
        "report only these codes or families (e.g. APP, DOC001; comma-separated, repeatable)",
    "不报告这些规则代码或类别（如 MTG、APP010）": "do not report these codes or families (e.g. MTG, APP010)",
    "按规则代码统计问题数量，不逐条列出": "count the findings per code instead of listing them",
    "自动修正机械性错误（发文字号括号和“年”、枚举值大小写、日期补零），保留注释，再报告余下的问题":
        "fix mechanical mistakes (发文字号 brackets and 年, enum case, unpadded dates), keeping comments, "
        "then report what is left",
    "只显示 --fix 将做的修改（统一差异格式），不写文件": "show what --fix would change (unified diff); write nothing",
    "只输出问题本身，不输出修复提示和汇总": "print the findings only: no hints, no summary",
    "有警告也以 1 退出": "exit 1 on warnings too",
    "不读写 .govdisc-cache 缓存": "neither read nor write the .govdisc-cache cache",
    "并行读取的进程数（默认 CPU 核数）": "processes reading files in parallel (default: the CPU count)",
    "写入文件而不是标准输出": "write to this file instead of standard output",
    "列出全部规则：代码、默认级别、说明、法律依据、修复提示。":
        "List every rule: code, default severity, description, legal basis, how to fix.",
    "解释一条规则：含义、依据、修复方法，以及不合规和合规的记录示例。":
        "Explain one rule: meaning, basis, how to fix, whether --fix can, and a failing and a fixed record.",
    "规则代码，如 DOC001": "a rule code, e.g. DOC001",
    "列出未完成的法定期限（到期日、剩余工作日、状态），或逐日解释某条记录的期限。":
        "List the open statutory deadlines (due date, working days left, status), or explain a record's "
        "deadlines day by day.",
    "只列出 N 个工作日内到期的（已逾期的总会列出）": "only those due within N working days (overdue ones always)",
    "只列出此部门的": "only this department's (id or name)",
    "逐日说明该记录每个期限的推算过程": "explain each deadline of this record day by day",
    "写入文件": "write to this file",
    "年度报告的全部数字（国办公开办函〔2021〕30号格式），由登记簿计算。":
        "Every figure of the annual report (national format 国办公开办函〔2021〕30号), computed from the register.",
    "统计年度": "the year",
    "json（数据）或 table（摘要）": "json (data) or table (summary)",
    "新建登记簿：govdisc.yaml、目录、.gitignore、pre-commit、CI 模板、编辑器设置；已有文件一律不覆盖。":
        "Create a register: govdisc.yaml, folders, .gitignore, pre-commit, CI templates, editor settings; "
        "never overwrites a file.",
    "新登记簿所在目录（不存在则创建）": "folder of the new register (created if missing)",
    "机关全称，写入 govdisc.yaml": "the agency's full name, for govdisc.yaml",
    "CI 模板：github | gitlab | both | none": "CI template: github | gitlab | both | none",
    "按模板新建一条记录（每个字段旁有中文说明），最后一行输出新文件路径。":
        "Create a record from its template (a Chinese comment beside each field); prints the new file's path last.",
    "收到申请的日期（application）": "date the application was received (application)",
    "申请人类别": "applicant category",
    "申请内容 / 舆情概要": "what is asked for / summary of the public opinion",
    "确认日期（online/fax/mail_unsigned）": "confirmation date (online/fax/mail_unsigned)",
    "主题词，可重复": "topic, repeatable",
    "承办部门代号": "handling department id",
    "申请人内部代号（不写个人信息）": "the applicant's internal reference (no personal data)",
    "涉及公文的发文字号，可重复": "发文字号 of a document concerned, repeatable",
    "指定编号（默认自动分配）": "the id (default: the next free one)",
    "发文字号（document）": "发文字号, the document number (document)",
    "标题": "title",
    "部门代号": "department id",
    "公文种类（document）；参与方式（participation）": "kind of document (document); kind of participation (participation)",
    "形成日期（document，默认今天）": "date formed (document; default today)",
    "不公开理由代码": "exemption code",
    "不公开理由说明": "why the exemption applies",
    "目录事项编号": "catalog item id",
    "文件名（document，默认用发文字号）": "file name (document; default the 发文字号)",
    "监测发现时间（默认现在）": "when it was detected (default now)",
    "牵头回应部门": "department leading the response",
    "会议日期（meeting，默认今天）": "meeting date (meeting; default today)",
    "会议名称，如 局党组会": "name of the meeting, e.g. 局党组会",
    "议题，可写 kind:标题，可重复（participation：所涉议题名称）": "agenda item, as kind:title, repeatable (participation: the item it concerns)",
    "年度（catalog / review / activities / report / assessment）": "year (catalog / review / activities / report / assessment)",
    "编制完成日期（catalog，默认今天）": "date compiled (catalog; default today)",
    "记录办理事件（补正、征求意见、延期、收费、答复、舆情发布），校验先后顺序并输出新的答复期限。":
        "Record what happened to an application or opinion (correction, consultation, extension, fee, reply, "
        "release); checks the order and prints the new reply deadline.",
    "申请或舆情编号，如 YSQ-2024-0007": "application or opinion id, e.g. YSQ-2024-0007",
    "事件日期 YYYY-MM-DD（申请事件必填）": "date of the event YYYY-MM-DD (required for applications)",
    "批准人（extension）": "who approved it (extension)",
    "告知申请人日期（extension）": "date the applicant was told (extension)",
    "办理结果代码（reply）": "outcome code (reply)",
    "不予公开理由代码，可重复（reply）": "exemption code, repeatable (reply)",
    "备注": "note",
    "third_party | agency（consultation_sent）": "third_party | agency (consultation_sent)",
    "是否书面征求意见": "consulted in writing or not",
    "收费金额（元，fee_notice）": "fee in yuan (fee_notice)",
    "时间，如 \"2024-07-02 12:10\"（舆情事件）": "time, e.g. \"2024-07-02 12:10\" (opinion events)",
    "发布渠道（release）": "channel (release)",
    "发布标题（release）": "title (release)",
    "年度报告（国办公开办函〔2021〕30号格式）和年终自查报告。":
        "The annual report (national format 国办公开办函〔2021〕30号) and the year-end self-inspection.",
    "生成政府信息公开工作年度报告：六部分、官方表格，数字全部由登记簿计算。":
        "Render the annual report: six sections, the official tables, every figure computed from the register.",
    "报告年度": "the year reported on",
    "md | html | docx（默认按 -o 的扩展名，否则 md）": "md | html | docx (default: from -o's extension, else md)",
    "表格勾稽关系不符时仍然生成": "write it even when the tables fail the official cross-checks",
    "生成年终自查报告：不予公开信息复查、依申请集中信息、目录、解读与舆情回应、领导职责、未解决的问题。":
        "Render the year-end self-inspection: withheld documents re-examined, frequent requests, catalogs, "
        "interpretation and opinion responses, leadership duties, open findings.",
    "自查年度": "the year inspected",
    "部门代号或名称（默认全部部门）": "department id or name (default: all departments)",
    "中国大陆工作日日历：推算、计数、查看节假日安排。":
        "The mainland-China working-day calendar: add, count, show the holiday schedule.",
    "打印 DATE 之后第 N 个工作日（DATE 当日不计）。": "Print the N-th working day after DATE (DATE itself not counted).",
    "打印 D1 之后至 D2（含）的工作日数。": "Print the number of working days after D1 up to D2 (inclusive).",
    "列出某年的放假和调休上班日期，并说明是否已收录官方安排。":
        "List a year's days off and make-up working days, and whether its official schedule is known.",
    "导出字段模式（JSON Schema），供编辑器补全和校验。":
        "Export the field schemas (JSON Schema) for editor completion and checking.",
    "把全部记录模式写入目录（*.schema.json）。": "Write every record schema into a folder (*.schema.json).",
    "导出到此目录": "the folder to write to",
    "政务公开登记簿检查工具 govdisc。": "govdisc, the government information-disclosure register checker.",
    "年度报告的全部数字（国办公开办函〔2021〕30号格式），由登记簿计算；只计截至 --as-of 当日登记的事实。":
        "Every figure of the annual report (国办公开办函〔2021〕30号 format), computed from the register; only the facts "
        "recorded up to the --as-of day count.",
    "生成政府信息公开指南（《条例》第十二条）供门户网站发布：信息分类、编排体系、获取方式、工作机构联系方式。":
        "Render the disclosure guide (Regulation Art. 12) for the portal: classification, arrangement, how to obtain "
        "information, the disclosure office's contact data.",
    "登记簿起始年度（默认今年；补录往年申请时写最早的年度）":
        "first year the register keeps (default this year; when back-filling earlier applications, the earliest year)",
    "舆情是否涉及突发事件（opinion）": "whether the opinion concerns an emergency (opinion)",
    "所涉会议编号（participation）": "the meeting it concerns (participation)",
    "记录办理事件（补正、征求意见、延期、延迟答复、收费、告知第三方、答复、舆情发布），校验先后顺序并输出新的答复期限。":
        "Record a handling event (correction, consultation, extension, deferral, fee, notice to a third party, reply, "
        "opinion release), check the order and print the new reply deadline.",
    "延迟答复至 YYYY-MM-DD（deferral，第三十五条）": "deferred reply date YYYY-MM-DD (deferral, Art. 35)",
    "征求意见书送达日期（consultation_sent）": "day the consultation request was delivered (consultation_sent)",
    "第三方是否不同意公开（consultation_answered）": "whether the third party objected to disclosure (consultation_answered)",
    "告知的救济途径 reconsideration | litigation，可重复（reply）":
        "remedies the reply told of: reconsideration | litigation, repeatable (reply)",
    "发布前保密审查的部门（release / follow_up）": "department that did the secrecy review before release (release / follow_up)",
    "保密审查日期（默认发布当日）": "date of the secrecy review (default: the day of release)",
    "生成政府信息公开工作年度报告：六部分、官方表格和落款，数字全部由登记簿计算（只计截至 --as-of 当日的事实）。":
        "Render the annual report: the six sections, the official tables and the signature, every figure computed from "
        "the register (only the facts up to the --as-of day).",
    "有文件未能读取或表格勾稽关系不符时仍然生成（报告属性中注明）":
        "render even when files could not be read or the tables fail the cross-checks (recorded in the properties)",
    "附加“附：办理时效”（不属于全国统一格式）": "add the response-time appendix (not part of the national format)",
    "生成年终自查报告：依申请办理、不予公开信息复查、依申请集中信息、目录、解读与舆情回应、领导职责、未解决的问题。":
        "Render the year-end self-inspection: applications handled, withheld information re-examined, frequently "
        "requested information, catalogs, interpretations and opinion responses, leadership duties, open problems.",
    "有文件未能读取时仍然生成（报告属性中注明）": "render even when files could not be read (recorded in the properties)",
    "延长工作日数（extension，≤20）；补正期限（correction_notice，工作日）":
        "working days of the extension (extension, ≤20); the correction period (correction_notice, working days)",
    "生成依申请公开的告知书、征求意见函、收费通知书或答复书（GB/T 9704 信函格式），日期取自期限引擎；--record 记入登记簿。":
        "Render a notice, consultation letter, fee notice or reply letter of an application (GB/T 9704 letter "
        "layout), its dates from the deadline engine; --record writes it into the register.",
    "申请编号，如 YSQ-2024-0007": "the application's id, e.g. YSQ-2024-0007",
    "correction 补正告知书 | extension 延长答复期限告知书 | consultation 征求意见函 | third_party_notice 告知第三方书 | deferral 延迟答复告知书 | fee 收费通知书 | reply 答复书":
        "correction (notice to correct) | extension (extended deadline) | consultation (consultation letter) | "
        "third_party_notice (notice to a third party) | deferral (deferred reply) | fee (fee notice) | reply (reply letter)",
    "成文日期 YYYY-MM-DD（默认为所告知事项的日期）": "the letter's date YYYY-MM-DD (default: the date of the fact it tells of)",
    "收件人：申请人姓名或名称、第三方或机关名称（只印在信函上，不写入登记簿）":
        "addressee: the applicant's name, the third party or the agency (printed on the letter only, never written "
        "into the register)",
    "同类事件有多个时用第几个（按日期，默认最后一个）": "which of several events of that type, in date order (default the last)",
    "把发文字号和成文日期写入登记簿的对应事件或答复": "write the letter's number and date into the event or reply it tells of",
}

#: Typer's and click's own words in a help text → Chinese (regular expression, replacement)
TYPER_ZH: tuple[tuple[re.Pattern[str], str], ...] = tuple((re.compile(p, re.M), r) for p, r in (
    (r"^Usage: ", "用法："),
    (r"^(\s*)Arguments:$", r"\1参数："),
    (r"^(\s*)Options:$", r"\1选项："),
    (r"^(\s*)Commands:$", r"\1命令："),
    (r"Show this message and exit\.", "显示本帮助并退出。"),
    (r"\[env var: ([^;\]]*)", r"[环境变量：\1"),
    (r"\[default: ([^;\]]*)", r"[默认：\1"),
    (r"; default: ([^;\]]*)", r"；默认：\1"),
    (r"\[required\]", "[必填]"),
    (r"; required\]", "；必填]"),
))

_LANG_OPTION = re.compile(r"^--lang(?:=(.*))?$")


def language(args: list[str], current: str | None) -> str:
    """The language asked for on this command line (`--lang X` / `--lang=X`, the last one wins),
    else what the parent command found, else GOVDISC_LANG, else Chinese."""
    found = None
    for i, arg in enumerate(args):
        if arg == "--":
            break
        m = _LANG_OPTION.match(arg)
        if m:
            found = m.group(1) if m.group(1) is not None else (args[i + 1] if i + 1 < len(args) else None)
    lang = found or current or os.environ.get("GOVDISC_LANG") or "zh"
    return lang if lang in ("zh", "en") else "zh"


def english(text: str | None) -> str | None:
    return EN.get(text, text) if text else text


def localized(text: str, lang: str) -> str:
    """Typer's words of a finished help text in the user's language (they are English already)."""
    if lang == "en":
        return text
    for pattern, replacement in TYPER_ZH:
        text = pattern.sub(replacement, text)
    return text


class _Localized:
    """Mixin for Typer's command and group classes: help in the language of the command line."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        ctx.meta["govdisc.lang"] = language(list(args), ctx.meta.get("govdisc.lang"))
        install_plain_coercion(self.get_params(ctx))  # type: ignore[attr-defined]
        return super().parse_args(ctx, args)  # type: ignore[misc]

    def get_help(self, ctx: Any) -> str:
        lang = ctx.meta.get("govdisc.lang") or language([], None)
        if lang != "en":
            return localized(super().get_help(ctx), lang)  # type: ignore[misc]
        saved = _swap_to_english(self)
        try:
            return super().get_help(ctx)  # type: ignore[misc]
        finally:
            for obj, attr, value in saved:
                setattr(obj, attr, value)


def _swap_to_english(command: Any) -> list[tuple[Any, str, Any]]:
    """Put the English help on a command, its parameters and its subcommands; what to restore."""
    saved: list[tuple[Any, str, Any]] = []
    targets = [command, *getattr(command, "params", [])]
    for sub in getattr(command, "commands", {}).values():
        targets.append(sub)
    for obj in targets:
        for attr in ("help", "short_help"):
            value = getattr(obj, attr, None)
            if isinstance(value, str) and value in EN:
                saved.append((obj, attr, value))
                setattr(obj, attr, EN[value])
    return saved


class HelpCommand(_Localized, TyperCommand):
    pass


class HelpGroup(_Localized, TyperGroup):
    pass
