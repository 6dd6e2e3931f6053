#!/usr/bin/env python3
"""Generate the bundled example register (register/) of govdisc.

The register describes a FICTIONAL provincial bureau, 云岭省新闻出版广电局. No real
person, company or place is named; applicants appear only by opaque references.

The script is deterministic: it writes YAML text directly (so that comments, key order and
unquoted ISO dates come out as a clerk would write them), then reloads every file with
ruamel.yaml and compares it with the source data, and checks the statutory time limits
with its own small working-day calendar (independent of govdisc's code).

    python tools/make_example_register.py [--out register]
"""

from __future__ import annotations

import argparse
import re
import shutil
import sys
from collections import Counter
from datetime import date, timedelta
from pathlib import Path

# ---------------------------------------------------------------------------
# Working-day calendar (State Council schedules for 2024–2026)
# ---------------------------------------------------------------------------


def _span(a: str, b: str) -> list[date]:
    d0, d1 = date.fromisoformat(a), date.fromisoformat(b)
    return [d0 + timedelta(days=i) for i in range((d1 - d0).days + 1)]


HOLIDAYS: set[date] = set()
for a, b in [
    ("2024-01-01", "2024-01-01"), ("2024-02-10", "2024-02-17"), ("2024-04-04", "2024-04-06"),
    ("2024-05-01", "2024-05-05"), ("2024-06-10", "2024-06-10"), ("2024-09-15", "2024-09-17"),
    ("2024-10-01", "2024-10-07"),
    ("2025-01-01", "2025-01-01"), ("2025-01-28", "2025-02-04"), ("2025-04-04", "2025-04-06"),
    ("2025-05-01", "2025-05-05"), ("2025-05-31", "2025-06-02"), ("2025-10-01", "2025-10-08"),
    ("2026-01-01", "2026-01-03"),
]:
    HOLIDAYS.update(_span(a, b))
MAKEUP = {date.fromisoformat(s) for s in [
    "2024-02-04", "2024-02-18", "2024-04-07", "2024-04-28", "2024-05-11", "2024-09-14",
    "2024-09-29", "2024-10-12", "2025-01-26", "2025-02-08", "2025-04-27", "2025-09-28",
    "2025-10-11", "2026-01-04",
]}


def is_wd(d: date) -> bool:
    if d in MAKEUP:
        return True
    return d.weekday() < 5 and d not in HOLIDAYS


def add_wd(d: date, n: int) -> date:
    """The n-th working day after d (d itself not counted)."""
    cur = d
    while n > 0:
        cur += timedelta(days=1)
        if is_wd(cur):
            n -= 1
    return cur


def wd_between(a: date, b: date) -> int:
    """Working days after a up to and including b."""
    n, cur = 0, a
    while cur < b:
        cur += timedelta(days=1)
        if is_wd(cur):
            n += 1
    return n


def D(s: str) -> date:
    return date.fromisoformat(s)


def prev_wd(d: date) -> date:
    """The last working day before d (a secrecy review the day before publication)."""
    cur = d - timedelta(days=1)
    while not is_wd(cur):
        cur -= timedelta(days=1)
    return cur


# ---------------------------------------------------------------------------
# A small YAML writer that keeps the layout a clerk would use
# ---------------------------------------------------------------------------


class Flow(dict):
    """A mapping written inline: {a: 1, b: 2}."""


class C:
    """A value with a trailing comment."""

    def __init__(self, value, comment: str):
        self.value, self.comment = value, comment


class Note:
    """A full-line comment inside a list."""

    def __init__(self, text: str):
        self.text = text


class Lit(str):
    """A multi-line literal block (|-)."""


class DT(str):
    """A date-time written unquoted: 2024-07-02 08:30."""


_PLAIN_BAD = set(':#,[]{}&*!|>\'"%@`\\')
_SPECIAL = re.compile(r"^(?:[-+]?\d[\d_.:eE+-]*|true|false|yes|no|on|off|null|~|y|n)$", re.I)


def q(s: str) -> str:
    if (s == "" or any(ch in _PLAIN_BAD for ch in s) or s[0] in "-?" or s != s.strip()
            or _SPECIAL.match(s)):
        return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return s


def scalar(v) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int):
        return str(v)
    if isinstance(v, float):
        return repr(v)  # 0.01, 0.018: shortest round-trip form
    if isinstance(v, date):
        return v.isoformat()
    if isinstance(v, DT):
        return str(v)
    if isinstance(v, str):
        return q(v)
    raise TypeError(repr(v))


def flow(v) -> str:
    if isinstance(v, dict):
        return "{" + ", ".join(f"{k}: {flow(x)}" for k, x in v.items()) + "}"
    if isinstance(v, list):
        return "[" + ", ".join(flow(x) for x in v) + "]"
    return scalar(v)


def _cm(c):
    return f"  # {c}" if c else ""


def _is_scalar(v) -> bool:
    return isinstance(v, (str, int, date)) and not isinstance(v, Lit)


def _has_dt(v) -> bool:
    if isinstance(v, DT):
        return True
    if isinstance(v, dict):
        return any(_has_dt(x) for x in v.values())
    if isinstance(v, list):
        return any(_has_dt(x) for x in v)
    return False


def emit_map(d: dict, ind: int, out: list[str]) -> None:
    for k, v in d.items():
        if k.startswith("#"):
            out.append(" " * ind + "# " + v)
            continue
        com = None
        if isinstance(v, C):
            v, com = v.value, v.comment
        pre = " " * ind + k + ":"
        if isinstance(v, Lit):
            out.append(pre + " |-" + _cm(com))
            for line in v.split("\n"):
                out.append((" " * (ind + 2) + line) if line else "")
        elif (isinstance(v, Flow) and not _has_dt(v)) or _is_scalar(v) or (
                isinstance(v, list) and all(_is_scalar(x) for x in v)):
            out.append(pre + " " + flow(v) + _cm(com))
        elif isinstance(v, dict):
            out.append(pre + _cm(com))
            emit_map(v, ind + 2, out)
        elif isinstance(v, list):
            out.append(pre + _cm(com))
            emit_list(v, ind + 2, out)
        else:
            raise TypeError(repr(v))


def emit_list(lst: list, ind: int, out: list[str]) -> None:
    for item in lst:
        if isinstance(item, Note):
            out.append(" " * ind + "# " + item.text)
            continue
        com = None
        if isinstance(item, C):
            item, com = item.value, item.comment
        if isinstance(item, dict) and (not isinstance(item, Flow) or _has_dt(item)):
            sub: list[str] = []
            emit_map(item, ind + 2, sub)
            sub[0] = " " * ind + "- " + sub[0][ind + 2:] + _cm(com)
            out.extend(sub)
        else:
            out.append(" " * ind + "- " + flow(item) + _cm(com))


def plain(v):
    """The data a YAML loader should give back (dates as ISO strings, no comments)."""
    if isinstance(v, C):
        return plain(v.value)
    if isinstance(v, dict):
        return {k: plain(x) for k, x in v.items() if not k.startswith("#")}
    if isinstance(v, list):
        return [plain(x) for x in v if not isinstance(x, Note)]
    if isinstance(v, date):
        return v.isoformat()
    if isinstance(v, (bool, int, float)):
        return v
    return str(v)


FILES: dict[str, tuple[list[str], dict]] = {}


def write(path: str, data: dict, header: list[str] | None = None) -> None:
    out: list[str] = ["# " + h if h else "#" for h in (header or [])]
    emit_map(data, 0, out)
    assert path not in FILES, path
    FILES[path] = (out, data)


# ---------------------------------------------------------------------------
# Agency and departments
# ---------------------------------------------------------------------------

AGENCY = "云岭省新闻出版广电局"
SITE = "https://xgj.yunling.example"
DEPTS = [
    ("bgs", "办公室", "office"),
    ("zcfg", "政策法规处", "policy"),
    ("xxzx", "信息中心", "information"),
    ("zhyw", "综合业务处", "business"),
    ("rsc", "人事处", "personnel"),
    ("jgdw", "机关党委", "party"),
    ("cbc", "出版处", "business"),
    ("gbc", "广播电视处", "business"),
    ("dyc", "电影处", "business"),
]
DEPT_NAME = {i: n for i, n, _ in DEPTS}
#: the named member of staff responsible for disclosure in each department (《实施办法》第（九）项)
STAFF = {"bgs": "吴某某（秘书科）", "zcfg": "郑某某（法规科）", "xxzx": "孙某某（网站科）", "zhyw": "钱某某（综合科）",
         "rsc": "冯某某（干部科）", "jgdw": "褚某某（办公室）", "cbc": "卫某某（发行科）", "gbc": "蒋某某（传输科）",
         "dyc": "沈某某（市场科）"}
YEARS = (2024, 2025)



def folder_header(seen: set[str], folder: str, lines: list[str]) -> list[str] | None:
    """A folder's header comment, written on its first file only."""
    if folder in seen:
        return None
    seen.add(folder)
    return lines


def make_config() -> None:
    data = {
        "#0": "机关名称：用于年度报告、自查报告标题。",
        "agency": AGENCY,
        "#1": "政府信息公开工作机构：本局由办公室承担（《实施办法》第（九）项：局办公室主管政务公开）。",
        "office": "bgs",
        "#2": "内设机构。id 一经使用不得修改（目录、公文、申请、自查记录都按 id 引用）；",
        "#3": "role：office 办公室 / policy 政策法规 / information 信息中心 / business 业务处室 / personnel 人事 / party 机关党委 / other 其他。",
        "departments": [Flow(id=i, name=n, role=r, disclosure_staff=STAFF[i]) for i, n, r in DEPTS],
        "#4": "时区：申请受理、舆情监测时间均按北京时间计算。",
        "timezone": "Asia/Shanghai",
        "#5": "依申请公开登记编号前缀，编号形如 YSQ-2024-0001（年度内按收到顺序连续编号）。",
        "application_id_prefix": "YSQ",
        "#6": "节假日和调休：2024—2026年国务院办公厅节假日安排已内置，无需在此补录；",
        "#7": "如遇临时调整，在 calendar.holidays（放假日）和 calendar.workdays（调休上班日）中补充。",
        "#8": "calendar:",
        "#9": "  holidays: []",
        "#10": "  workdays: []",
        "thresholds": {
            "#0": "同一年度同一事项（主题或文件）被申请达到此件数，即属“依申请公开较为集中的信息”，",
            "#1": "年底自查时须逐项研究能否转为主动公开（《实施办法》第（四）项第4目）。",
            "frequent_request_min": 3,
            "#2": "距答复期限不足此数个工作日时，deadlines 命令提示“即将到期”，提醒承办处室抓紧办理。",
            "due_soon_days": 3,
        },
        "rules": {
            "#0": "缴费通知发出至缴纳完毕期间不计入答复期限（国办函〔2020〕109号，条文待核实，故保留为可配置项）。",
            "fee_pauses_clock": True,
        },
        "#11": "年度报告公布期限（《条例》第四十九条：每年1月31日前）。",
        "report_due": "01-31",
        "#12": "可以批准延长答复期限的政府信息公开工作机构负责人（《条例》第三十三条第二款）；",
        "#13": "延期事件的 approved_by 须与此处写法一致，否则不计入答复期限。",
        "approvers": [HEAD, "局办公室主任"],
        "#14": "答复书告知的救济途径：行政复议机关和管辖法院（《条例》第五十一条）。",
        "remedies": {"reconsideration": "云岭省人民政府", "litigation": "澜川市中级人民法院"},
        "#15": "依申请公开案卷于答复次年6月30日前归档（本局档案工作规定）。",
        "archive_due": "06-30",
        "#16": "政府信息公开工作领导小组（《实施办法》第（九）项）：主要负责人任组长，分管负责人具体抓，办公室确定1位负责同志分管政务公开。",
        "leading_group": {
            "head": "周某某（局长）", "deputy": "陈某某（副局长）", "office_lead": "刘某某（办公室副主任）",
            "members": ["各处室、局属单位主要负责人"], "updated": D("2024-01-15"),
        },
        "#17": "《实施办法》可有两种理解的条款：本局每年年底前编制完成下一年度的主动公开基本目录（catalog_timing: next_year）；",
        "#18": "“五公开”按全局各部门目录合计判断；重大决策议题一律决策前公开草案（不限于党组会）。",
        "#19": "不属特别重大、重大突发事件的重点事项舆情，发现后24小时内发布信息（《实施办法》第（六）项第4目“要及时发布信息”）。",
        "measures": {"catalog_timing": "next_year", "five_openness": "agency", "key_matter_release_hours": 24},
        "#20": "告知书、征求意见函、收费通知书和答复书（govdisc letter）：发文字号为 代字〔年份〕顺序号号，",
        "#21": "{kind} 为信函种类简称（补、延、征、告、迟、费、答），顺序号按年度从登记簿已记录的信函续编。",
        "letters": {
            "number": "云岭新广公开{kind}〔{year}〕{seq}号",
            "contact": "联系人：局办公室　联系电话：0871-63210000",
            "fee_payment": "通过云岭省非税收入缴款平台缴纳（缴款码随本通知送达），或者到本局政务服务窗口缴纳",
            "#0": "补正告知书给予申请人的补正期限（工作日）；个别申请可在 correction_notice 事件中用 days 另定。",
            "correction_days": 15,
        },
    }
    write("govdisc.yaml", data, [
        f"{AGENCY} 政务公开登记簿 —— 总配置",
        "本文件所在目录即登记簿根目录；govdisc 从当前目录向上查找本文件。",
        "修改本文件须经局办公室（政府信息公开工作机构）同意。",
        "",
    ])


# ---------------------------------------------------------------------------
# Catalogs (主动公开基本目录)
# ---------------------------------------------------------------------------

TL20 = lambda frm: Flow(days=20, **{"from": frm})  # noqa: E731

# Each item: id, title, category, stage, content, basis, time_limit, channels
CATALOG_BASE: dict[str, list[tuple]] = {
    "bgs": [
        ("BGS-01", "机关职能和机构设置", "organization", "management",
         "本局主要职责、内设机构及其职责、局属单位名录、办公地址、办公时间、联系电话和局领导分工",
         "《条例》第二十条第（二）项", TL20("信息形成或变更之日"), ["门户网站", "政务新媒体"]),
        ("BGS-02", "局综合性文件和年度工作要点", "regulations", "decision",
         "以局名义印发的综合性工作部署、年度政务公开工作要点及其解读材料",
         "《条例》第二十条第（一）项；《政务公开工作实施办法》第（四）项", TL20("文件印发之日"),
         ["门户网站", "云岭省人民政府公报"]),
        ("BGS-03", "重要会议议定事项落实情况", "other", "execution",
         "局党组会、局长办公会研究的重大民生事项、重要改革措施的执行进度和督查结果",
         "《政务公开工作实施办法》第（四）项第2目", "常态公开，每季度末更新", ["门户网站"]),
        ("BGS-04", "政府信息公开指南和依申请公开渠道", "other", "service",
         "政府信息公开指南、依申请公开受理机构、申请表下载、办理流程和答复期限说明",
         "《条例》第十二条、第二十七条", TL20("指南内容变更之日"), ["门户网站", "政务服务大厅公告栏"]),
        ("BGS-05", "部门预算、决算和“三公”经费", "budget", "result",
         "局本级及局属单位部门预算、决算、“三公”经费预决算及情况说明",
         "《条例》第二十条第（七）项；《中华人民共和国预算法》第十四条", TL20("财政部门批复之日"),
         ["门户网站", "云岭省预决算公开平台"]),
        ("BGS-06", "政府信息公开工作年度报告", "other", "result",
         "上一年度政府信息公开工作年度报告，含主动公开、依申请公开、复议诉讼情况",
         "《条例》第四十九条、第五十条", "每年1月31日前", ["门户网站"]),
    ],
    "zcfg": [
        ("ZCFG-01", "规章和行政规范性文件", "regulations", "decision",
         "本局起草的规章、制定的行政规范性文件全文、解读材料及其修改、废止情况",
         "《条例》第二十条第（一）项；《云岭省行政规范性文件管理办法》", TL20("文件印发之日"),
         ["门户网站", "云岭省人民政府公报", "云岭省行政规范性文件数据库"]),
        ("ZCFG-02", "重大行政决策草案征求意见", "other", "decision",
         "拟提交局党组会、局长办公会审议的重要改革方案和重大政策措施草案、起草说明、决策依据及意见采纳情况",
         "《重大行政决策程序暂行条例》；《政务公开工作实施办法》第（四）项第2目", "征求意见期一般不少于30日",
         ["门户网站", "政务新媒体"]),
        ("ZCFG-03", "行政执法公示", "enforcement", "execution",
         "执法主体、执法依据、执法程序、救济渠道和随机抽查事项清单，行政执法“三项制度”落实情况",
         "《条例》第二十条第（六）项", TL20("信息形成或变更之日"), ["门户网站"]),
        ("ZCFG-04", "行政规范性文件清理结果", "regulations", "result",
         "行政规范性文件定期清理结果，继续有效、修改和废止文件目录",
         "《条例》第二十条第（一）项；《政务公开工作实施办法》第（十）项", TL20("清理结果确定之日"),
         ["门户网站", "云岭省人民政府公报"]),
        ("ZCFG-05", "政策解读", "regulations", "service",
         "重要政策文件的文字解读、图解、视频解读、主要负责人解读和答问",
         "《政务公开工作实施办法》第（五）项", "文件公开后3个工作日内", ["门户网站“政策解读”专栏", "政务新媒体"]),
        ("ZCFG-06", "行政执法统计年报和法治政府建设情况", "supervision", "management",
         "上一年度行政执法数据统计年报、法治政府建设年度报告",
         "《法治政府建设与责任落实督察工作规定》", "每年3月31日前", ["门户网站"]),
    ],
    "xxzx": [
        ("XXZX-01", "网站和政务新媒体建设计划", "planning", "decision",
         "局门户网站集约化建设、政务新媒体矩阵建设的年度计划和技术规范",
         "《政务公开工作实施办法》第（十一）项", TL20("计划印发之日"), ["门户网站"]),
        ("XXZX-02", "信息化项目采购及实施", "procurement", "execution",
         "信息化建设项目采购意向、采购结果公告、合同及验收情况",
         "《条例》第二十条第（九）项；《中华人民共和国政府采购法实施条例》第四十三条", TL20("采购结果确定之日"),
         ["门户网站", "云岭省政府采购网"]),
        ("XXZX-03", "网站信息发布和栏目管理规则", "other", "management",
         "门户网站和政务新媒体栏目设置、信息发布审核、纠错和留言办理规则",
         "《政务公开工作实施办法》第（五）项第3目", "常态公开", ["门户网站"]),
        ("XXZX-04", "政府文件库和政策检索服务", "other", "service",
         "“政府文件”“政策解读”专栏、政策文件检索、公开数据集下载服务",
         "《政务公开工作实施办法》第（五）项第3目", "与文件发布同步更新", ["门户网站"]),
        ("XXZX-05", "政府网站工作年度报表", "other", "result",
         "门户网站和政务新媒体工作年度报表",
         "政府网站与政务新媒体年度报表制度", "每年1月31日前", ["门户网站"]),
    ],
    "zhyw": [
        ("ZHYW-01", "行业发展规划和产业政策", "planning", "decision",
         "全省新闻出版广播影视发展“十四五”规划及中期评估、产业发展政策措施",
         "《条例》第二十条第（三）项", TL20("规划或政策印发之日"), ["门户网站", "云岭省人民政府公报"]),
        ("ZHYW-02", "公益广告扶持项目", "other", "execution",
         "广播电视和网络视听公益广告扶持项目申报指南、评审结果和资金拨付情况",
         "《公益广告促进和管理暂行办法》；《政务公开工作实施办法》第（四）项", TL20("评审结果确定之日"),
         ["门户网站", "政务新媒体"]),
        ("ZHYW-03", "“双随机、一公开”抽查", "supervision", "management",
         "随机抽查事项清单、年度抽查计划和抽查结果",
         "《条例》第二十条第（十三）项", "抽查结果形成之日起20个工作日内", ["门户网站", "国家企业信用信息公示系统（云岭）"]),
        ("ZHYW-04", "政务服务事项办事指南", "licensing", "service",
         "本局政务服务事项清单、办事指南、申请材料、办理时限和网上办理入口",
         "《条例》第二十条第（五）项", TL20("事项变更之日"), ["门户网站", "云岭政务服务网"]),
        ("ZHYW-05", "行业统计信息", "statistics", "result",
         "全省广播电视、新闻出版、电影行业年度统计公报和主要指标数据",
         "《条例》第二十条第（四）项", TL20("统计数据审定之日"), ["门户网站"]),
        ("ZHYW-06", "96128服务热线受理情况", "other", "result",
         "96128广播电视服务热线受理、转办、办结情况季度通报",
         "《政务公开工作实施办法》第（八）项第3目", "每季度结束后15日内", ["门户网站", "政务新媒体"]),
    ],
    "rsc": [
        ("RSC-01", "考试录用和公开招聘计划", "recruitment", "decision",
         "年度公务员考试录用计划、局属事业单位公开招聘方案和岗位表",
         "《条例》第二十条第（十四）项", TL20("计划批准之日"), ["门户网站", "云岭人事考试网"]),
        ("RSC-02", "招录招聘实施", "recruitment", "execution",
         "报名、资格审查、笔试、面试、体检和考察安排及成绩查询方式",
         "《条例》第二十条第（十四）项", "各环节开始前5个工作日", ["门户网站"]),
        ("RSC-03", "拟录用、拟聘用人员公示", "recruitment", "result",
         "考试录用公务员和事业单位公开招聘拟录用、拟聘用人员公示",
         "《公务员录用规定》第三十二条", "公示期不少于5个工作日", ["门户网站"]),
        ("RSC-04", "干部任前公示", "organization", "management",
         "局管干部任职前公示（公示期、监督电话和来信来访受理方式）",
         "《党政领导干部选拔任用工作条例》第四十四条", "公示期不少于5个工作日", ["门户网站"]),
        ("RSC-05", "职称评审和职业资格", "other", "service",
         "新闻、出版、播音主持、艺术系列职称评审通知和评审结果，出版专业技术人员职业资格证书查询途径",
         "《职称评审管理暂行规定》", TL20("评审结果确定之日"), ["门户网站", "政务服务大厅公告栏"]),
    ],
    "jgdw": [
        ("JGDW-01", "机关党建和精神文明建设工作要点", "other", "decision",
         "机关党建、精神文明建设年度工作要点中可以公开的部分",
         "《政务公开工作实施办法》第（十三）项", TL20("工作要点印发之日"), ["门户网站"]),
        ("JGDW-02", "作风建设和政风行风评议", "supervision", "execution",
         "机关作风建设专项行动安排、政风行风评议组织实施和评议结果通报",
         "《政务公开工作实施办法》第（十三）项", TL20("评议结果确定之日"), ["门户网站"]),
        ("JGDW-03", "政务公开纳入目标考核情况", "supervision", "management",
         "政务公开工作纳入各单位部门年度目标量化考核的指标和权重",
         "《政务公开工作实施办法》第（十三）项", TL20("考核方案印发之日"), ["门户网站"]),
        ("JGDW-04", "志愿服务和群众性文化活动", "other", "service",
         "“书香机关”读书会、送书下乡、农村电影放映志愿服务等活动安排",
         "《政务公开工作实施办法》第（八）项", "活动开展前3个工作日", ["门户网站", "政务新媒体"]),
        ("JGDW-05", "年度目标考核结果", "supervision", "result",
         "局属各单位部门年度目标考核等次结果（不含个人考核信息）",
         "《政务公开工作实施办法》第（十三）项", TL20("考核结果确定之日"), ["门户网站"]),
    ],
    "cbc": [
        ("CBC-01", "出版领域行政规范性文件", "regulations", "decision",
         "出版物发行、印刷复制管理等方面的行政规范性文件及其解读",
         "《条例》第二十条第（一）项", TL20("文件印发之日"), ["门户网站", "云岭省人民政府公报"]),
        ("CBC-02", "出版物经营许可办事指南", "licensing", "service",
         "出版物批发、零售单位设立、变更许可的依据、条件、程序、申请材料、办理时限",
         "《条例》第二十条第（五）项；《出版管理条例》第三十五条", TL20("事项变更之日"),
         ["门户网站", "云岭政务服务网"]),
        ("CBC-03", "印刷企业年度核验和出版物市场监管", "enforcement", "management",
         "印刷企业年度核验安排和结果、出版物市场专项检查情况",
         "《印刷业管理条例》；《条例》第二十条第（六）项", TL20("核验结果确定之日"), ["门户网站"]),
        ("CBC-04", "出版物经营许可办理结果", "licensing", "result",
         "出版物批发、零售经营许可的准予、变更、注销结果",
         "《条例》第二十条第（五）项", "作出决定之日起7个工作日内", ["门户网站", "云岭政务服务网"]),
        ("CBC-05", "全民阅读和农家书屋工程", "livelihood", "execution",
         "全民阅读活动安排、农家书屋出版物补充更新目录和资金安排",
         "《条例》第二十条第（十一）项", TL20("方案印发之日"), ["门户网站", "政务新媒体"]),
        ("CBC-06", "出版领域行政处罚决定", "enforcement", "result",
         "具有一定社会影响的出版领域行政处罚决定（隐去个人信息）",
         "《条例》第二十条第（六）项", "作出决定之日起7个工作日内", ["门户网站"]),
    ],
    "gbc": [
        ("GBC-01", "广播电视行政规范性文件", "regulations", "decision",
         "广播电视节目制作经营、有线电视、卫星地面接收设施管理等方面的行政规范性文件及解读",
         "《条例》第二十条第（一）项", TL20("文件印发之日"), ["门户网站", "云岭省人民政府公报"]),
        ("GBC-02", "广播电视节目制作经营许可", "licensing", "service",
         "广播电视节目制作经营许可证核发、变更、延续的依据、条件、程序、申请材料和告知承诺书格式文本",
         "《条例》第二十条第（五）项；《广播电视管理条例》", TL20("事项变更之日"), ["门户网站", "云岭政务服务网"]),
        ("GBC-03", "广播电视公共服务", "livelihood", "execution",
         "直播卫星户户通、有线电视基本公共服务、应急广播覆盖等民生项目的实施和维修服务安排",
         "《条例》第二十条第（十一）项", TL20("方案印发之日"), ["门户网站", "政务新媒体", "96128热线"]),
        ("GBC-04", "卫星地面接收设施和安全播出监管", "enforcement", "management",
         "卫星电视广播地面接收设施安装服务许可监管、安全播出检查情况",
         "《卫星电视广播地面接收设施管理规定》；《条例》第二十条第（六）项", TL20("检查结果形成之日"),
         ["门户网站"]),
        ("GBC-05", "广播电视许可结果和行政处罚决定", "licensing", "result",
         "广播电视节目制作经营许可证、卫星地面接收设施安装服务许可结果，具有一定社会影响的行政处罚决定",
         "《条例》第二十条第（五）项、第（六）项", "作出决定之日起7个工作日内", ["门户网站", "云岭政务服务网"]),
        ("GBC-06", "应急广播和安全播出", "emergency", "execution",
         "应急广播体系建设方案、重要保障期安全播出工作安排中可以公开的部分、突发事件应对情况",
         "《条例》第二十条第（十二）项", TL20("方案印发之日"), ["门户网站", "政务新媒体"]),
    ],
    "dyc": [
        ("DYC-01", "电影领域行政规范性文件", "regulations", "decision",
         "农村电影公益放映、电影放映经营管理等方面的行政规范性文件及解读",
         "《条例》第二十条第（一）项", TL20("文件印发之日"), ["门户网站", "云岭省人民政府公报"]),
        ("DYC-02", "电影放映单位设立审批", "licensing", "service",
         "电影放映单位设立、变更审批的依据、条件、程序、申请材料和办理时限",
         "《中华人民共和国电影产业促进法》第二十四条", TL20("事项变更之日"), ["门户网站", "云岭政务服务网"]),
        ("DYC-03", "农村电影公益放映工程", "livelihood", "execution",
         "农村公益电影放映年度计划、场次补贴标准、资金分配和完成情况",
         "《条例》第二十条第（十一）项", TL20("计划下达之日"), ["门户网站", "政务新媒体"]),
        ("DYC-04", "电影市场监管", "enforcement", "management",
         "电影票房数据报送监管、电影市场专项检查安排和结果",
         "《中华人民共和国电影产业促进法》第三十四条", TL20("检查结果形成之日"), ["门户网站"]),
        ("DYC-05", "电影放映许可结果和行政处罚决定", "licensing", "result",
         "电影放映经营许可结果，具有一定社会影响的电影领域行政处罚决定（隐去个人信息）",
         "《条例》第二十条第（五）项、第（六）项", "作出决定之日起7个工作日内", ["门户网站"]),
    ],
}

# Items added for 2025 (the 2025 catalogs are the 2024 ones, revised).
CATALOG_ADD_2025: dict[str, list[tuple]] = {
    "bgs": [
        ("BGS-07", "政务舆情回应和突发事件应对", "emergency", "execution",
         "涉及本系统的突发事件应急预案、处置进展和政务舆情回应情况",
         "《条例》第二十条第（十二）项；《政务公开工作实施办法》第（六）项",
         "重大、特别重大舆情5小时内发布权威信息", ["门户网站", "政务新媒体", "新闻发布会"]),
    ],
    "zhyw": [
        ("ZHYW-07", "行业管理行政规范性文件", "regulations", "decision",
         "公益广告扶持、行业统计等综合管理方面的行政规范性文件及解读",
         "《条例》第二十条第（一）项", TL20("文件印发之日"), ["门户网站", "云岭省人民政府公报"]),
    ],
    "gbc": [
        ("GBC-07", "网络视听和网络微短剧管理", "other", "management",
         "网络微短剧备案管理、扶持政策、网络视听节目监管情况",
         "《网络视听节目内容审核通则》；《条例》第二十条第（十五）项", TL20("信息形成之日"),
         ["门户网站", "政务新媒体"]),
    ],
    "xxzx": [
        ("XXZX-06", "网站和政务新媒体安全检查", "supervision", "management",
         "门户网站和政务新媒体安全检查、错敏信息排查整改情况",
         "政府网站与政务新媒体检查指标", "每半年通报一次", ["门户网站"]),
    ],
}

CATALOG_DATES = {
    # dept: (compiled for 2024, updated 2024, compiled for 2025, updated 2025)
    "bgs": ("2023-12-20", "2024-06-28", "2024-12-18", "2025-07-04"),
    "zcfg": ("2023-12-19", None, "2024-12-17", "2025-04-15"),
    "xxzx": ("2023-12-22", None, "2024-12-20", None),
    "zhyw": ("2023-12-21", "2024-07-10", "2024-12-19", "2025-06-16"),
    "rsc": ("2023-12-25", None, "2024-12-23", None),
    "jgdw": ("2023-12-26", None, "2024-12-24", None),
    "cbc": ("2023-12-18", None, "2024-12-16", "2025-09-29"),
    "gbc": ("2023-12-20", "2024-03-18", "2024-12-18", "2025-09-15"),
    "dyc": ("2023-12-27", "2024-12-23", "2024-12-26", "2025-11-17"),
}

CATALOG_COMMENT = {
    ("gbc", 2024): "2024-03-18 因《节目制作经营许可管理实施细则》印发，更新 GBC-02 申请材料清单。",
    ("dyc", 2024): "2024-12-23 补贴管理办法替代暂行规定，DYC-03 补贴标准同步更新。",
    ("cbc", 2025): "2025-09-29 信用分级分类监管办法正式施行，CBC-01 说明相应调整。",
    ("bgs", 2025): "2025年新增 BGS-07，落实重大舆情“5小时发布、24小时发布会”要求。",
}


def catalog_items(dept: str, year: int) -> list[dict]:
    rows = list(CATALOG_BASE[dept])
    if year >= 2025:
        rows += CATALOG_ADD_2025.get(dept, [])
    items = []
    for iid, title, cat, stage, content, basis, tl, channels in rows:
        item = {"id": iid, "title": title, "category": cat, "stage": stage, "content": content,
                "basis": basis, "time_limit": tl, "channels": list(channels), "responsible": dept}
        if year >= 2025 and iid == "GBC-02":
            item["content"] = content + "；2025年起推行全程网办"
        if year >= 2025 and iid == "DYC-02":
            item["content"] = content + "；实行告知承诺制的办理方式"
        if year >= 2026 and iid == "DYC-03":
            item["content"] = content + "；2026年起按季度公开分乡镇放映排期和片目"
        if year >= 2026 and iid == "GBC-07":
            item["content"] = content + "；网络微短剧备案情况按月公开"
        items.append(item)
    return items


CATALOG: dict[tuple[str, int], set[str]] = {}
#: the negative list (政务公开负面清单, 《实施办法》第（三）项) kept in a department's catalogs
NEGATIVE_LIST = {
    "gbc": [Flow(matter="安全播出重要保障期台站点位、传输路由和应急预案", basis="《条例》第十四条；《广播电视设施保护条例》第七条",
                 reason="公开后可能危及公共安全")],
    "rsc": [Flow(matter="考试录用、公开招聘的试题和评分标准（考试结束前）", basis="《中华人民共和国保守国家秘密法》第十三条；《条例》第十四条",
                 reason="属于国家秘密或考试工作秘密")],
}


def catalog_published(compiled: date, dept: str, year: int) -> Flow:
    """The catalog is published on the portal a few working days after it is compiled, after a
    secrecy review on the day it is compiled."""
    return Flow(date=add_wd(compiled, 2), url=f"{SITE}/xxgk/ml/{dept}-{year}.html",
                secrecy_review=Flow(date=compiled, by=SECRECY_BY[dept]))


def make_catalogs() -> None:
    for dept, _, _ in DEPTS:
        c24, u24, c25, u25 = CATALOG_DATES[dept]
        c26 = D(c25) + timedelta(days=365)
        while not is_wd(c26):
            c26 -= timedelta(days=1)
        for year, comp, upd in ((2024, c24, u24), (2025, c25, u25), (2026, c26.isoformat(), None)):
            items = catalog_items(dept, year)
            CATALOG[(dept, year)] = {i["id"] for i in items}
            stages = {i["stage"] for i in items}
            assert stages == {"decision", "execution", "management", "service", "result"}, (dept, year)
            assert 4 <= len(items) <= 8
            assert D(comp).year == year - 1  # next_year: the coming year's catalog by the end of this year
            data = {"department": dept, "year": year,
                    "compiled": C(D(comp), "编制完成日期（上一年度年底前）")}
            if upd:
                data["updated"] = D(upd)
                assert D(upd).year == year
            data["published"] = catalog_published(D(comp), dept, year)
            if (dept, year) in CATALOG_COMMENT:
                data["#c"] = CATALOG_COMMENT[(dept, year)]
            data["items"] = items
            if dept in NEGATIVE_LIST and year >= 2025:
                data["negative_list"] = NEGATIVE_LIST[dept]
            header = None
            if year == 2024:
                header = [
                    f"主动公开基本目录 —— {DEPT_NAME[dept]}",
                    f"本文件夹（catalog/{dept}/）存放{DEPT_NAME[dept]}各年度的主动公开基本目录，一年一个文件。",
                    "每年年底前编制完成下一年度目录（compiled），年内动态更新时同步修改 updated。",
                    "每个事项写明公开主体（responsible）、内容（content）、时限（time_limit）、方式（channels），",
                    "全年事项须覆盖决策、执行、管理、服务、结果“五公开”各环节（stage）。",
                    "",
                ]
            write(f"catalog/{dept}/{year}.yaml", data, header)


# ---------------------------------------------------------------------------
# Documents (公文及其公开属性)
# ---------------------------------------------------------------------------

PREFIX_CODE = {"云岭新广发": "ylxgf", "云岭新广办": "ylxgb", "云岭新广规": "ylxgg", "云岭新广令": "ylxgl",
               "云岭新广人": "ylxgr", "云岭新广党": "ylxgd", "云岭新广函": "ylxgh", "云岭新广罚": "ylxgcf"}

SECRECY_BY = {"bgs": "局办公室", "zcfg": "政策法规处、局办公室", "xxzx": "信息中心、局办公室",
              "zhyw": "综合业务处、局办公室", "rsc": "人事处、局办公室", "jgdw": "机关党委、局办公室",
              "cbc": "出版处、局办公室", "gbc": "广播电视处、局办公室", "dyc": "电影处、局办公室"}

# (prefix, year, seq, title, dept, kind, formed, disclosure, publish after N working days,
#  catalog item, extras)
DOCS = [
    # ---------------------------------------------------------------- 2024
    ("云岭新广发", 2024, 3, "关于印发《云岭省新闻出版广电局2024年政务公开工作要点》的通知", "bgs", "notice",
     "2024-01-16", "public", 4, "BGS-02", {"topics": ["政务公开"]}),
    ("云岭新广办", 2024, 5, "关于做好2024年元旦春节期间机关值班和安全保卫工作的通知", "bgs", "internal",
     "2024-01-23", "not_public", None, None,
     {"withholding": ("internal_affairs", "属于机关后勤管理和内部值班安排信息，对外部不产生直接约束力"),
      "reexam": ("keep", "仍属内部后勤管理信息，值班人员安排不宜公开")}),
    ("云岭新广办", 2024, 8, "关于公布2023年度全省广播电视节目制作经营机构名单的公告", "gbc", "notice",
     "2024-02-26", "public", 4, "GBC-05", {"topics": ["广播电视节目制作经营许可"]}),
    ("云岭新广规", 2024, 1, "云岭省广播电视节目制作经营许可管理实施细则", "gbc", "normative",
     "2024-03-11", "public", 4, "GBC-01",
     {"approved": "2024-03-08", "important": [
         ("《云岭省广播电视节目制作经营许可管理实施细则》政策解读", "text", 0),
         ("一图读懂：广播电视节目制作经营许可“告知承诺”怎么办", "graphic", 1)],
      "topics": ["广播电视节目制作经营许可"],
      "comment": "重要政策：解读方案随文件于3月8日一并报批，解读材料与文件同步发布。"}),
    ("云岭新广发", 2024, 11, "关于申请2024年农村电影放映设备更新补助资金的请示", "dyc", "report",
     "2024-03-19", "not_public", None, None,
     {"withholding": ("process_info", "属于向省财政厅报送的请示，资金安排尚未确定，属于过程性信息"),
      "office_review": "2024-03-18",
      "reexam": ("keep", "补助资金已于2024年7月下达，分配结果已通过DYC-03主动公开，请示本身仍属过程性信息")}),
    ("云岭新广规", 2024, 2, "云岭省农村电影公益放映场次补贴暂行规定", "dyc", "normative",
     "2024-04-15", "public", 4, "DYC-01",
     {"repealed": "2024-12-20", "topics": ["农村电影放映工程"],
      "comment": "已被《云岭省农村电影公益放映场次补贴管理办法》（云岭新广规〔2024〕4号）替代，自2024年12月20日起废止。"}),
    ("云岭新广令", 2024, 1, "云岭省广播电视设施保护办法", "zcfg", "regulation",
     "2024-04-23", "public", 3, "ZCFG-01",
     {"approved": "2024-04-19", "important": [
         ("《云岭省广播电视设施保护办法》解读", "text", 0),
         ("局主要负责人接受《云岭日报》专访谈设施保护", "interview", 2)],
      "topics": ["广播电视设施保护"], "referral": "省国家保密局",
      "comment": "经2024年4月16日局党组会审议（HY-2024-04），报省政府常务会议审议通过后公布。"}),
    ("云岭新广办", 2024, 18, "关于开展2024年度印刷企业年度核验工作的通知", "cbc", "notice",
     "2024-05-07", "public", 4, "CBC-03", {"topics": ["印刷企业年度核验"]}),
    ("云岭新广规", 2024, 3, "云岭省出版物发行单位信用分级分类监管暂行办法", "cbc", "normative",
     "2024-05-20", "public", 4, "CBC-01",
     {"repealed": "2025-09-30", "topics": ["出版物经营许可"],
      "comment": "2025年9月被正式办法（云岭新广规〔2025〕3号）替代。"}),
    ("云岭新广发", 2024, 17, "关于推动广播电视和网络视听产业高质量发展的若干措施", "zhyw", "policy",
     "2024-06-17", "public", 3, "ZHYW-01",
     {"approved": "2024-06-14", "public_interest": True, "important": [
         ("《关于推动广播电视和网络视听产业高质量发展的若干措施》答记者问", "text", 0),
         ("视频解读：十六条措施怎么用", "video", 1),
         ("新闻发布会实录", "briefing", 0)],
      "topics": ["产业扶持"]}),
    ("云岭新广发", 2024, 20, "云岭省应急广播体系建设三年行动方案（2024—2026年）", "gbc", "policy",
     "2024-06-25", "redacted", 4, "GBC-06",
     {"approved": "2024-06-24",
      "withholding": ("security_stability", "删除应急广播发射台站点位、频点配置和备用传输链路等内容，公开后可能危及公共安全"),
      "office_review": "2024-06-21", "topics": ["应急广播"],
      "reexam": ("keep", "删除部分仍涉及台站点位和链路配置，继续删减后公开")}),
    ("云岭新广办", 2024, 26, "关于组织申报2024年度广播电视公益广告扶持项目的通知", "zhyw", "notice",
     "2024-07-08", "public", 4, "ZHYW-02", {"topics": ["公益广告"]}),
    ("云岭新广人", 2024, 7, "关于2024年度考试录用公务员拟录用人员的公示", "rsc", "notice",
     "2024-07-15", "public", 2, "RSC-03", {}),
    ("云岭新广罚", 2024, 4, "行政处罚决定书（某影城未按规定报送电影票房统计数据案）", "dyc", "other",
     "2024-07-22", "redacted", 4, "DYC-05",
     {"withholding": ("third_party_rights", "隐去当事人法定代表人姓名、联系方式等个人信息后公开"),
      "topics": ["电影市场执法"],
      "reexam": ("keep", "隐去部分为自然人个人信息，继续删减后公开")}),
    ("云岭新广发", 2024, 23, "关于2024年上半年全省电影市场监管情况的报告", "dyc", "report",
     "2024-08-06", "on_request", None, None,
     {"withholding": ("process_info", "属于向省委宣传部报送的工作报告，不宜主动公开，申请公开的依法审查后处理"),
      "reexam": ("proactive", "所涉专项检查已结束，报告内容不再敏感，转为主动公开，在DYC-04栏目发布"),
      "converted": ("2024-12-20", 13, "DYC-04")}),
    ("云岭新广办", 2024, 31, "关于印发《云岭省新闻出版广电局政务新媒体管理办法》的通知", "xxzx", "notice",
     "2024-08-13", "public", 3, "XXZX-03", {"topics": ["政务新媒体"]}),
    ("云岭新广发", 2024, 26, "关于做好国庆期间重要保障期安全播出工作的实施方案", "gbc", "policy",
     "2024-09-03", "not_public", None, None,
     {"approved": "2024-09-02",
      "withholding": ("security_stability", "涉及重要保障期安全播出值守部署、应急处置预案和重点部位防护措施，公开后可能危及公共安全"),
      "office_review": "2024-08-30",
      "reexam": ("keep", "保障期虽已结束，但方案中的防护措施仍在沿用")}),
    ("云岭新广党", 2024, 9, "关于开展2024年度机关党风廉政建设宣传教育月活动的通知", "jgdw", "internal",
     "2024-09-10", "not_public", None, None,
     {"withholding": ("internal_affairs", "属于机关党建内部工作安排"),
      "reexam": ("keep", "仍属机关内部工作安排")}),
    ("云岭新广办", 2024, 35, "关于2024年度新闻出版广播电视“双随机、一公开”抽查结果的通报", "zhyw", "notice",
     "2024-09-23", "redacted", 4, "ZHYW-03",
     {"withholding": ("third_party_rights", "删除被抽查个体工商户经营者姓名和联系方式"),
      "reexam": ("keep", "删除部分为个人信息")}),
    ("云岭新广办", 2024, 38, "2024年第9次局长办公会议纪要", "bgs", "internal",
     "2024-10-15", "not_public", None, None,
     {"withholding": ("process_info", "属于会议讨论记录，议定事项已按事项分别公开"),
      "reexam": ("keep", "纪要所涉议定事项已通过BGS-03公开落实情况，纪要本身不公开")}),
    ("云岭新广函", 2024, 42, "关于某出版物发行企业申请变更经营范围有关问题的复函", "cbc", "other",
     "2024-10-24", "on_request", None, None,
     {"withholding": ("third_party_rights", "涉及特定企业经营信息，仅对相关当事人依申请提供"),
      "office_review": "2024-10-22",
      "reexam": ("keep", "仍涉及企业经营信息，维持依申请公开")}),
    ("云岭新广发", 2024, 29, "关于公布2024年行政规范性文件清理结果的通知", "zcfg", "notice",
     "2024-11-05", "public", 4, "ZCFG-04", {"topics": ["规范性文件清理"]}),
    ("云岭新广人", 2024, 12, "关于做好2024年度机关干部年度考核工作的通知", "rsc", "internal",
     "2024-11-12", "not_public", None, None,
     {"withholding": ("internal_affairs", "属于机关人事管理信息"),
      "reexam": ("keep", "属于人事管理信息")}),
    ("云岭新广办", 2024, 45, "关于局门户网站集约化改造项目采购结果的公告", "xxzx", "notice",
     "2024-11-26", "public", 2, "XXZX-02", {}),
    ("云岭新广办", 2024, 47, "关于2024年度政风行风评议结果的通报", "jgdw", "notice",
     "2024-12-03", "public", 3, "JGDW-02", {}),
    ("云岭新广发", 2024, 31, "关于做好2025年元旦春节期间直播卫星“户户通”维修服务工作的通知", "gbc", "notice",
     "2024-12-10", "public", 3, "GBC-03", {"topics": ["户户通维修"]}),
    ("云岭新广规", 2024, 4, "云岭省农村电影公益放映场次补贴管理办法", "dyc", "normative",
     "2024-12-16", "public", 4, "DYC-01",
     {"approved": "2024-12-13", "topics": ["农村电影放映工程"],
      "comment": "经2024年12月9日局长办公会审议（HY-2024-12），替代云岭新广规〔2024〕2号。"}),
    # ---------------------------------------------------------------- 2025
    ("云岭新广发", 2025, 2, "关于印发《云岭省新闻出版广电局2025年政务公开工作要点》的通知", "bgs", "notice",
     "2025-01-14", "public", 3, "BGS-02", {"topics": ["政务公开"]}),
    ("云岭新广办", 2025, 3, "关于2025年春节期间机关值班安排的通知", "bgs", "internal",
     "2025-01-20", "not_public", None, None,
     {"withholding": ("internal_affairs", "属于机关内部值班和后勤管理安排"),
      "reexam": ("keep", "仍属内部后勤管理信息")}),
    ("云岭新广发", 2025, 8, "关于2024年全省农村电影公益放映工程绩效自评情况的报告", "dyc", "report",
     "2025-02-18", "not_public", None, None,
     {"withholding": ("process_info", "属于向省财政厅报送的绩效自评报告，绩效评价结果以财政部门公布为准"),
      "reexam": ("keep", "省财政厅绩效评价结果已由财政部门公布，自评报告本身仍属向上级报送的过程性信息")}),
    ("云岭新广办", 2025, 9, "关于开展2025年度印刷企业年度核验工作的通知", "cbc", "notice",
     "2025-03-11", "public", 3, "CBC-03", {"topics": ["印刷企业年度核验"]}),
    ("云岭新广规", 2025, 1, "云岭省卫星电视广播地面接收设施安装服务管理实施细则", "gbc", "normative",
     "2025-03-24", "public", 4, "GBC-01",
     {"approved": "2025-03-21", "topics": ["卫星地面接收设施"],
      "comment": "经2025年3月18日局党组会审议（HY-2025-03）。"}),
    ("云岭新广令", 2025, 1, "云岭省有线电视管理办法", "zcfg", "regulation",
     "2025-04-08", "public", 3, "ZCFG-01",
     {"approved": "2025-04-03", "important": [
         ("《云岭省有线电视管理办法》政策解读", "text", 0),
         ("图解：有线电视用户权益保护十问十答", "graphic", 1),
         ("局主要负责人做客“政风行风热线”解读《办法》", "interview", 3)],
      "topics": ["有线电视管理"]}),
    ("云岭新广发", 2025, 10, "关于深入实施“书香云岭”全民阅读工程的意见", "cbc", "policy",
     "2025-04-22", "public", 3, "CBC-05", {"topics": ["全民阅读"]}),
    ("云岭新广办", 2025, 15, "关于发布2024年全省新闻出版广播影视行业统计公报的通知", "zhyw", "notice",
     "2025-05-13", "public", 3, "ZHYW-05", {"topics": ["行业统计"]}),
    ("云岭新广规", 2025, 2, "云岭省广播电视和网络视听公益广告扶持管理办法", "zhyw", "normative",
     "2025-06-09", "public", 4, "ZHYW-07",
     {"approved": "2025-06-06", "important": [
         ("《云岭省广播电视和网络视听公益广告扶持管理办法》解读", "text", 0),
         ("一图读懂公益广告扶持申报流程", "graphic", 0)],
      "topics": ["公益广告"],
      "comment": "经2025年5月20日局长办公会审议（HY-2025-05）。"}),
    ("云岭新广罚", 2025, 2, "行政处罚决定书（某公司未经许可从事卫星地面接收设施安装服务案）", "gbc", "other",
     "2025-06-17", "redacted", 3, "GBC-05",
     {"withholding": ("third_party_rights", "隐去当事人法定代表人姓名和身份证件信息"),
      "topics": ["卫星地面接收设施"],
      "reexam": ("keep", "隐去部分为个人信息")}),
    ("云岭新广党", 2025, 6, "关于2025年机关党支部标准化规范化建设自查情况的通报", "jgdw", "internal",
     "2025-06-24", "not_public", None, None,
     {"withholding": ("internal_affairs", "属于机关党建内部管理信息"),
      "reexam": ("keep", "仍属内部管理信息")}),
    ("云岭新广办", 2025, 21, "关于上线局门户网站政策文件智能检索功能的公告", "xxzx", "notice",
     "2025-06-25", "public", 2, "XXZX-04", {"topics": ["门户网站"]}),
    ("云岭新广发", 2025, 12, "关于有线电视网络企业经营风险防范化解工作的预案", "zhyw", "policy",
     "2025-07-15", "not_public", None, None,
     {"approved": "2025-07-14",
      "withholding": ("security_stability", "涉及有线电视网络企业债务风险处置和职工稳定工作预案，公开后可能影响经济安全和社会稳定"),
      "office_review": "2025-07-10",
      "reexam": ("keep", "风险处置工作仍在进行")}),
    ("云岭新广人", 2025, 5, "关于2025年度局属事业单位公开招聘拟聘用人员的公示", "rsc", "notice",
     "2025-07-22", "public", 2, "RSC-03", {}),
    ("云岭新广函", 2025, 37, "关于某影城申请放映设备更新补助资金有关问题的复函", "dyc", "other",
     "2025-08-12", "on_request", None, None,
     {"withholding": ("third_party_rights", "涉及特定企业的经营和财务信息，仅向当事人依申请提供"),
      "office_review": "2025-08-08",
      "reexam": ("keep", "仍涉及企业财务信息")}),
    ("云岭新广发", 2025, 14, "关于促进网络微短剧健康繁荣发展的若干措施", "gbc", "policy",
     "2025-09-09", "public", 3, "GBC-07",
     {"approved": "2025-09-08", "important": [
         ("《关于促进网络微短剧健康繁荣发展的若干措施》政策解读", "text", 0),
         ("政策吹风会：微短剧扶持怎么申报", "briefing", 1)],
      "topics": ["网络微短剧"],
      "comment": "经2025年8月26日局党组会审议（HY-2025-08）。"}),
    ("云岭新广发", 2025, 16, "关于重大活动期间广播电视安全播出保障工作的实施方案", "gbc", "policy",
     "2025-09-16", "not_public", None, None,
     {"approved": "2025-09-15",
      "withholding": ("state_secret", "已依法确定为秘密级国家秘密，保密期限至2026年12月31日"),
      "office_review": "2025-09-12",
      "reexam": ("keep", "定密期限未届满，继续不予公开")}),
    ("云岭新广规", 2025, 3, "云岭省出版物发行单位信用分级分类监管办法", "cbc", "normative",
     "2025-09-22", "public", 4, "CBC-01",
     {"approved": "2025-09-19", "topics": ["出版物经营许可"],
      "comment": "自2025年9月30日起施行，云岭新广规〔2024〕3号同时废止。"}),
    ("云岭新广办", 2025, 27, "关于2025年度新闻出版广播电视“双随机、一公开”抽查结果的通报", "zhyw", "notice",
     "2025-10-21", "redacted", 3, "ZHYW-03",
     {"withholding": ("third_party_rights", "删除被抽查个体工商户经营者姓名和联系方式"),
      "reexam": ("keep", "删除部分为个人信息")}),
    ("云岭新广办", 2025, 30, "2025年第8次局长办公会议纪要", "bgs", "internal",
     "2025-11-04", "not_public", None, None,
     {"withholding": ("process_info", "属于会议讨论记录"),
      "reexam": ("keep", "议定事项已分别公开，纪要本身不公开")}),
    ("云岭新广规", 2025, 4, "云岭省电影放映经营许可告知承诺制实施办法", "dyc", "normative",
     "2025-11-10", "public", 4, "DYC-01",
     {"approved": "2025-11-07", "topics": ["电影放映许可"],
      "comment": "经2025年11月4日局长办公会审议（HY-2025-11）。"}),
    ("云岭新广人", 2025, 9, "关于做好2025年度机关干部年度考核工作的通知", "rsc", "internal",
     "2025-11-18", "not_public", None, None,
     {"withholding": ("internal_affairs", "属于机关人事管理信息"),
      "reexam": ("keep", "属于人事管理信息")}),
    ("云岭新广发", 2025, 19, "关于公布2025年行政规范性文件清理结果的通知", "zcfg", "notice",
     "2025-11-25", "public", 3, "ZCFG-04", {"topics": ["规范性文件清理"]}),
    ("云岭新广办", 2025, 33, "关于2025年度政风行风评议结果的通报", "jgdw", "notice",
     "2025-12-02", "public", 3, "JGDW-05", {}),
    ("云岭新广办", 2025, 35, "关于2025年下半年门户网站和政务新媒体安全检查情况的通报", "xxzx", "notice",
     "2025-12-09", "public", 3, "XXZX-06", {}),
]

DOC_BY_NO: dict[str, dict] = {}
REEXAM: dict[str, tuple[str, str]] = {}
DOC_META: dict[str, tuple] = {}  # doc_no -> (dept, year, disclosure)

URL_SEQ = Counter()


def doc_no(prefix: str, year: int, seq: int) -> str:
    return f"{prefix}〔{year}〕{seq}号"


def make_documents() -> None:
    seen_dirs: set[str] = set()
    for prefix, year, seq, title, dept, kind, formed, disc, pub_off, item, ex in DOCS:
        no = doc_no(prefix, year, seq)
        assert no not in DOC_BY_NO
        f = D(formed)
        assert f.year == year and is_wd(f), no
        data: dict = {"doc_no": no, "title": title, "department": dept, "kind": kind, "formed": f}
        appr = D(ex["approved"]) if "approved" in ex else None
        if appr:
            assert appr <= f
            data["approved"] = appr
        base = appr or f
        conv = ex.get("converted")
        orig_disc = disc
        if conv:
            # re-examined at year end and converted to proactive disclosure: attribute changed to public
            REEXAM[no] = ex["reexam"]
            data["changed"] = C(D(conv[0]), "年终自查后公开属性变更之日")
            data = {"#c0": f"原公开属性为“此件依申请公开”（{ex['withholding'][0]}：{ex['withholding'][1]}），",
                    "#c1": f"经{conv[0][:4]}年年终自查转为主动公开（见 reviews/{dept}/{year}.yaml），属性改为此件公开发布。",
                    **data}
            disc, pub_off, item = "public", None, conv[2]
        data["disclosure"] = C(disc, {"public": "此件公开发布", "not_public": "此件不公开",
                                      "on_request": "此件依申请公开", "redacted": "此件删减后公开"}[disc])
        if disc != "public":
            reason, expl = ex["withholding"]
            w: dict = {"reason": reason, "explanation": expl}
            if kind in ("policy", "normative"):
                assert "office_review" in ex, no
            if "office_review" in ex:
                orv = D(ex["office_review"])
                assert orv <= base
                w["office_review"] = Flow(date=orv, by="局办公室")
            data["withholding"] = w
            REEXAM[no] = ex["reexam"]
        pub = None
        if disc in ("public", "redacted"):
            if conv:
                chg = D(conv[0])
                pub = add_wd(chg, conv[1])
                assert wd_between(chg, pub) <= 20
                sr = pub - timedelta(days=1)
                while not is_wd(sr):
                    sr -= timedelta(days=1)
                assert chg < sr < pub
            else:
                pub = add_wd(f, pub_off)
                assert wd_between(f, pub) <= 20 and (pub - f).days <= 10, no
                sr = base
            data["secrecy_review"] = Flow(date=sr, by=SECRECY_BY[dept])
            if ex.get("referral"):
                # a doubtful point referred to the secrecy authority before publication (《条例》第十七条第三款)
                sent = prev_wd(prev_wd(prev_wd(sr)))
                data["secrecy_review"]["referral"] = Flow(to=ex["referral"], sent=sent, answered=sr,
                                                          conclusion="disclosable")
            URL_SEQ[year] += 1
            data["published"] = Flow(date=pub, channel="门户网站",
                                     url=f"{SITE}/xxgk/{pub.year}/{pub.strftime('%m%d')}{URL_SEQ[year]:02d}.html")
            assert item in CATALOG[(dept, year)], (no, item)
            data["catalog_item"] = item
        else:
            assert item is None
        imp = "important" in ex
        if disc in ("public", "redacted") or imp:
            data["important_policy"] = imp
        if imp:
            assert disc == "public"
            mats = []
            for t, form, off in ex["important"]:
                mp = add_wd(pub, off)
                assert wd_between(pub, mp) <= 3
                mats.append(Flow(title=t, form=form, published=mp,
                                 secrecy_review=Flow(date=prev_wd(mp), by=SECRECY_BY[dept])))
            data["interpretation"] = {"plan_approved": C(base, "解读方案随文件一并报批"), "materials": mats}
        if ex.get("public_interest"):
            data["public_interest"] = C(True, "涉及重大公共利益和公众权益，决策前已公开征求意见（participation/）")
        if "repealed" in ex:
            assert kind in ("regulation", "normative")
            data["repealed"] = D(ex["repealed"])
        if ex.get("topics"):
            data["topics"] = ex["topics"]
        if ex.get("comment"):
            data = {"#c": ex["comment"], **data}
        DOC_BY_NO[no] = data
        DOC_META[no] = (dept, year, orig_disc, kind, f)
        fname = f"documents/{year}/{PREFIX_CODE[prefix]}-{year}-{seq:03d}.yaml"
        FILES_DOCS.append((fname, data))
    # header comment on the first file of each year folder
    for fname, data in sorted(FILES_DOCS):
        folder = fname.rsplit("/", 1)[0]
        header = folder_header(seen_dirs, folder, [
            f"公文登记 —— {folder.split('/')[1]}年（documents/{folder.split('/')[1]}/）",
            "一件公文一个文件，文件名用发文字号的拼音缩写（如 ylxgf-2024-017 即 云岭新广发〔2024〕17号）。",
            "发文字号按 GB/T 9704 书写：六角括号〔〕、四位年份、序号不加“第”不编虚位、以“号”结尾。",
            "公开属性随发文审批单一并报批；不公开的须写明理由（withholding），政策性文件、规范性文件报批前先送局办公室审查。",
            "主动公开的须在形成之日起20个工作日内公开，公开前完成保密审查；重要政策按“三同步”报批解读方案，",
            "解读材料在文件公开后3个工作日内发布。",
            "",
        ])
        write(fname, data, header)


FILES_DOCS: list[tuple[str, dict]] = []


# ---------------------------------------------------------------------------
# Applications (依申请公开)
# ---------------------------------------------------------------------------

HEAD = "政府信息公开工作机构负责人"
TP = {"party": "third_party", "written": True}
AG = {"party": "agency", "written": True}

# Events: (type, working days after the receipt date, extra fields)
# Reply: (working days after the receipt date, outcome, exemptions, note)
APPS = [
    # ================================================================ 2024
    dict(n=1, recv="2024-01-08", ch="online", sub="2024-01-06", kind="natural_person", ref="A-2024-001",
         handler="gbc", topics=["广播电视节目制作经营许可"],
         summary="申请公开2023年度全省广播电视节目制作经营许可证新发、延续和注销的机构名单",
         reply=(7, "disclosed", [], "名单已在门户网站“行政许可结果”栏目公开，告知获取网址并通过电子邮件提供汇总表"),
         form=("electronic", "electronic", None)),
    dict(n=2, recv="2024-01-17", ch="in_person", kind="business", ref="A-2024-002",
         handler="cbc", topics=["出版物经营许可"],
         summary="申请获取出版物零售单位设立许可的受理条件、申请材料清单及2023年本局许可办理时限执行情况",
         reply=(5, "disclosed", [], "当场提供办事指南，2023年许可办理时限执行情况以纸质件邮寄")),
    dict(n=3, recv="2024-01-25", ch="mail_signed", sub="2024-01-22", kind="research", ref="A-2024-003",
         handler="zhyw", topics=["行业统计"],
         summary="申请提供2019年至2023年全省各州市广播电视广告收入分年度对比分析及排名",
         reply=(9, "needs_creation", [], "本局掌握各年度行业统计公报，未对各州市广告收入作对比分析和排名，依据《条例》第三十八条不予提供，已告知统计公报获取途径")),
    dict(n=4, recv="2024-02-05", ch="online", sub="2024-02-03", kind="natural_person", ref="A-2024-004",
         handler="gbc", topics=["有线电视收费"],
         summary="申请公开青岚州白石县有线电视基本收视维护费收费标准的审批文件",
         reply=(8, "not_held", [], "该收费标准由州（市）价格主管部门按权限制定，本局未制作或获取该审批文件，已告知向青岚州发展和改革委员会咨询"),
         expl="该收费标准由州（市）价格主管部门按照权限制定，本机关没有制作或者获取相关审批文件",
         organ=("青岚州发展和改革委员会", "青岚州政务服务中心政府信息公开窗口，电话 0879-2123123")),
    dict(n=5, recv="2024-02-27", ch="fax", kind="legal_services", ref="A-2024-005",
         handler="dyc", topics=["电影市场执法"],
         summary="申请公开本局2023年对雾溪市某影城作出行政处罚的全部案卷材料，包括询问笔录、证据材料和集体讨论记录",
         reply=(12, "withheld", ["enforcement_file"], "所申请信息属于行政执法案卷信息，依据《条例》第十六条第二款不予公开；处罚决定书已依法公示，告知查阅途径"),
         review=[("reconsideration", "2024-03-26", "upheld", "2024-05-20")],
         comment="申请人不服答复申请行政复议，省人民政府行政复议机构维持答复。"),
    dict(n=6, recv="2024-03-13", ch="online", sub="2024-03-12", kind="business", ref="A-2024-006",
         handler="gbc", topics=["广播电视节目制作经营许可"],
         summary="申请公开澜川市三家广播电视节目制作经营机构2023年度报告中的主要节目、营业收入和从业人员情况",
         events=[("consultation_sent", 3, dict(TP, delivered=1, note="分别向三家机构送达征求意见书")),
                 ("consultation_answered", 13, {"note": "最后一家机构书面回复，不同意公开营业收入数据"})],
         reply=(16, "partially_disclosed", ["third_party_rights"],
                "两家机构同意公开，一家以涉及商业秘密为由不同意公开营业收入数据且理由合理，对该部分不予公开，其余予以公开"),
         withheld=[("一家机构2023年度营业收入数据", "third_party_rights", "《条例》第十五条、第三十二条",
                    "该机构以涉及商业秘密为由不同意公开，理由合理")]),
    dict(n=7, recv="2024-03-22", ch="in_person", kind="natural_person", ref="A-2024-007",
         handler="cbc", topics=["出版物"],
         summary="要求提供《云岭新闻出版广电年鉴（2023）》纸质本一册",
         reply=(3, "publication", [], "该年鉴为公开出版物，已告知可在省图书馆查阅或通过新华书店购买"),
         expl="该年鉴可以到云岭省图书馆查阅，或者通过新华书店等发行渠道购买"),
    dict(n=8, recv="2024-03-26", ch="mail_unsigned", sub="2024-03-21", kind="natural_person", ref="A-2024-008",
         handler="zhyw", topics=["有线电视服务投诉"],
         summary="来信反映所住小区有线电视信号长期中断、缴费后不予退费，要求公开对运营商的查处结果并处理相关人员",
         reply=(5, "complaint", [], "来信实为投诉举报，已告知通过96128热线、12345热线反映，并将线索转青岚州文化和旅游局（广电）核查处理"),
         expl="有线电视信号中断和退费问题，您可以拨打96128广播电视服务热线或者12345政务服务便民热线反映",
         comment="平信寄达，当日电话与申请人确认收到申请。"),
    dict(n=9, recv="2024-04-01", ch="online", sub="2024-03-30", kind="research", ref="A-2024-009",
         handler="rsc", topics=["干部考核"],
         summary="申请公开局机关2023年度公务员年度考核各等次人数分布及考核实施细则",
         reply=(8, "withheld", ["internal_affairs"], "所申请信息属于本机关人事管理信息，依据《条例》第十六条第一款不予公开")),
    dict(n=10, recv="2024-04-09", ch="online", kind="natural_person", ref="A-2024-010",
         handler="gbc", topics=["广播电视节目制作经营许可"], docs=["云岭新广规〔2024〕1号"],
         summary="申请获取《云岭省广播电视节目制作经营许可管理实施细则》配套的申请表样式和告知承诺书格式文本",
         reply=(4, "disclosed", [], "格式文本已随细则在门户网站公开，告知下载网址并以电子邮件发送")),
    dict(n=11, recv="2024-04-18", ch="in_person", kind="public_interest", ref="A-2024-011",
         handler="dyc", topics=["农村电影放映工程"],
         summary="申请公开2023年度全省农村公益电影放映场次完成情况及中央、省级补贴资金分配明细",
         reply=(9, "disclosed", [], "提供分州市放映场次完成情况表和补贴资金分配表（纸质件，共12页）"),
         form=("paper", "paper", None)),
    dict(n=12, recv="2024-04-24", ch="online", kind="natural_person", ref="A-2024-012",
         handler="gbc", topics=["广播电视台站"],
         summary="申请公开全省广播电视发射台站的经纬度坐标、发射频率、功率及备用电源配置清单",
         reply=(10, "withheld", ["security_stability"], "所申请信息涉及广播电视重要设施的具体点位和防护配置，公开后可能危及公共安全，依据《条例》第十四条不予公开"),
         review=[("reconsideration", "2024-05-20", "upheld", "2024-07-15"),
                 ("litigation_after_reconsideration", "2024-07-26", "other", "2024-11-20")],
         comment="复议维持后申请人提起行政诉讼，2024年11月20日原告撤诉，法院裁定准许。"),
    dict(n=13, recv="2024-05-08", ch="mail_signed", sub="2024-04-29", kind="business", ref="A-2024-013",
         handler="cbc", topics=["出版物经营许可"],
         summary="申请公开某出版物发行公司2023年申请出版物批发经营许可时提交的营业场所租赁合同、财务审计报告和股东构成材料",
         events=[("consultation_sent", 2, dict(TP, delivered=2, note="向该公司邮寄《政府信息公开征求第三方意见书》")),
                 ("consultation_answered", 12, {"note": "第三方书面答复不同意公开，理由为涉及商业秘密"})],
         reply=(15, "withheld", ["third_party_rights"], "第三方明确不同意公开且理由合理，依据《条例》第十五条、第三十二条不予公开；许可决定结果已主动公开"),
         review=[("litigation", "2024-08-12", "upheld", "2025-04-18")],
         comment="申请人直接向澜川市中级人民法院起诉，2024年底尚未审结；2025年4月18日一审判决驳回诉讼请求。"),
    dict(n=14, recv="2024-05-16", ch="online", kind="natural_person", ref="A-2024-014",
         handler="zcfg", topics=["广播电视设施保护"], docs=["云岭新广令〔2024〕1号"],
         summary="申请公开《云岭省广播电视设施保护办法》起草过程中各处室修改意见、征求意见汇总稿及局党组会讨论记录",
         reply=(9, "withheld", ["process_info"], "所申请信息属于讨论记录、过程稿，依据《条例》第十六条第二款不予公开；公众意见采纳情况说明已在门户网站公开"),
         review=[("reconsideration", "2024-06-14", "corrected", "2024-07-23")],
         comment="复议机关认为征求意见汇总稿中公众意见部分可以公开，责令重新答复；已于2024年8月2日重新答复并提供采纳情况说明。"),
    dict(n=15, recv="2024-05-22", ch="online", kind="other", ref="A-2024-015",
         handler="dyc", topics=["农村电影放映工程"],
         summary="申请公开2024年白石县农村公益电影放映计划中本村所在乡镇的放映场次和时间安排",
         reply=(6, "disclosed", [], "提供该乡镇2024年放映计划表，并告知县级放映队联系渠道"),
         comment="申请人为村民委员会，统计时计入“其他”。"),
    dict(n=16, recv="2024-05-31", ch="in_person", kind="natural_person", ref="A-2024-016",
         handler="rsc", topics=["职业资格查询"],
         summary="申请查询本人出版专业技术人员职业资格证书的登记信息和证书编号",
         reply=(2, "withheld", ["administrative_query"], "属于行政查询事项，已告知通过全国出版专业技术人员职业资格证书查询系统或持本人身份证件到政务服务大厅窗口查询")),
    dict(n=17, recv="2024-06-04", ch="online", kind="natural_person", ref="A-2024-017",
         handler="gbc", topics=[],
         summary="申请公开“你局关于我家所在片区的所有文件和处理意见”",
         events=[("correction_notice", 3, {"days": 10, "note": "所需信息的名称、文号或者所涉事项、时间范围等便于查询的特征性描述"}),
                 ("correction_received", 8, {"note": "补正内容为“与本人家庭有关的所有广电文件”，仍未说明具体事项"})],
         reply=(16, "still_unclear", [], "补正后申请内容仍不明确，无法确定所需政府信息，依据《条例》第三十条告知申请人")),
    dict(n=18, recv="2024-06-13", ch="online", kind="business", ref="A-2024-018",
         handler="zhyw", topics=["公益广告"],
         summary="要求确认其持有的《2023年度广播电视公益广告扶持项目评审结果》复印件与原件一致并加盖本局公章",
         reply=(5, "confirmation", [], "要求行政机关确认已获取信息，不属于政府信息公开申请，评审结果已在门户网站公开")),
    dict(n=19, recv="2024-06-19", ch="online", kind="natural_person", ref="A-2024-012",
         handler="gbc", topics=["广播电视台站"],
         summary="再次申请公开全省广播电视发射台站的经纬度坐标、发射频率和备用电源配置",
         reply=(4, "duplicate", [], "与申请人2024年4月24日提出的申请（YSQ-2024-0012）内容相同，已作出答复，依据《条例》第三十六条第（六）项不予重复处理"),
         expl="本机关已于2024年5月10日对您2024年4月24日提出的相同申请（登记编号：YSQ-2024-0012）作出答复"),
    dict(n=20, recv="2024-06-28", ch="mail_unsigned", sub="2024-06-24", kind="natural_person", ref="A-2024-020",
         handler="zhyw", topics=["发文稿纸"],
         summary="一次寄来46份申请，要求公开2000年以来本局每一份发文的发文稿纸、签发单及附件",
         reply=(12, "excessive", [], "书面要求申请人说明理由，申请人未能说明合理理由，依据《条例》第三十五条告知不予处理")),
    dict(n=21, recv="2024-07-02", ch="online", kind="business", ref="A-2024-021",
         handler="gbc", topics=["广播电视节目制作经营许可"], docs=["云岭新广规〔2024〕1号"],
         summary="申请公开2024年上半年本局核发广播电视节目制作经营许可证的机构名单和许可证编号",
         reply=(5, "disclosed", [], "提供上半年许可结果汇总表电子件")),
    dict(n=22, recv="2024-07-11", ch="fax", kind="business", ref="A-2024-022",
         handler="cbc", topics=["出版物经营许可"],
         summary="申请复制2018年至2024年本局作出的全部出版物零售单位许可决定书纸质件（约160页）",
         events=[("fee_notice", 3, {"amount": 1900, "note": "按量计收，31—100页10元/页，101—160页20元/页"}),
                 ("extension", 15, {"days": 15, "approved_by": HEAD, "note": "申请人缴费期限尚未届满，经批准延长答复期限"})],
         reply=(25, "no_fee", [], "申请人逾期未按收费通知缴纳信息处理费，视为放弃申请，本局不再处理")),
    dict(n=23, recv="2024-07-17", ch="online", kind="natural_person", ref="A-2024-023",
         handler="zhyw", topics=["行业统计"],
         summary="申请公开某出版集团报送的2023年出版统计调查表原始数据，包括各子公司的营业收入和利润",
         reply=(8, "withheld", ["law_prohibited"], "依据《中华人民共和国统计法》关于统计调查对象资料保密的规定，能够识别单个统计调查对象的资料不得对外提供，属于其他法律禁止公开的信息")),
    dict(n=24, recv="2024-07-26", ch="in_person", kind="legal_services", ref="A-2024-024",
         handler="gbc", topics=["卫星地面接收设施"],
         summary="申请公开本局2024年对某公司擅自安装卫星地面接收设施作出的行政处罚决定书全文",
         events=[("consultation_sent", 2, dict(TP, note="决定书载有当事人股东、员工个人信息，书面征求当事人意见")),
                 ("consultation_answered", 9, {"note": "当事人同意公开决定书，不同意公开员工个人信息"})],
         reply=(12, "partially_disclosed", ["third_party_rights"], "提供隐去员工姓名等个人信息后的行政处罚决定书")),
    dict(n=25, recv="2024-08-07", ch="online", kind="natural_person", ref="A-2024-025",
         handler="dyc", topics=["电影票房"],
         summary="申请公开2024年暑期档全省各影院票房分账比例",
         reply=(3, "other", [], "申请人于2024年8月9日通过原渠道书面撤回申请，本局终止办理"),
         expl="您已于2024年8月9日书面撤回该申请，本机关终止办理"),
    dict(n=26, recv="2024-08-20", ch="mail_signed", sub="2024-08-15", kind="research", ref="A-2024-026",
         handler="cbc", topics=["出版物市场"],
         summary="申请公开“全省出版行业的相关数据”",
         events=[("correction_notice", 3, {"days": 10, "note": "所需数据的具体内容、所属年份和统计口径"})],
         reply=(17, "no_correction", [], "申请人逾期未补正且未说明正当理由，视为放弃申请，本局不再处理")),
    dict(n=27, recv="2024-09-05", ch="online", kind="business", ref="A-2024-027",
         handler="bgs", topics=["部门预算"],
         summary="申请提供本局2024年部门预算中政府购买服务项目明细纸质件（共40页）",
         events=[("fee_notice", 3, {"amount": 100, "note": "按量计收，超出30页的10页按10元/页计"}),
                 ("fee_paid", 6)],
         reply=(9, "disclosed", [], "收到信息处理费后邮寄纸质件"),
         form=("paper", "paper", None)),
    dict(n=28, recv="2024-09-24", ch="online", kind="natural_person", ref="A-2024-028",
         handler="xxzx", topics=["政务新媒体"], docs=["云岭新广办〔2024〕31号"],
         summary="申请公开局政务新媒体账号名录及管理办法",
         reply=(5, "disclosed", [], "账号名录和管理办法均已主动公开，告知获取网址"),
         expl="登录本局门户网站“政府信息公开—政务新媒体”栏目查阅、下载",
         form=("any", "website", None)),
    dict(n=29, recv="2024-10-16", ch="in_person", kind="natural_person", ref="A-2024-029",
         handler="gbc", topics=["应急广播"], docs=["云岭新广发〔2024〕20号"],
         summary="申请公开全省应急广播平台省级核心节点与州县平台的互联部署方案",
         reply=(9, "withheld", ["state_secret"], "所申请的部署方案已依法确定为国家秘密，依据《条例》第十四条不予公开；行动方案删减后版本已主动公开")),
    dict(n=30, recv="2024-10-22", ch="online", kind="business", ref="A-2024-030",
         handler="gbc", topics=["卫星地面接收设施"],
         summary="申请公开2021年至2024年全省卫星电视广播地面接收设施安装服务机构许可及年度检查情况",
         events=[("extension", 17, {"days": 20, "approved_by": HEAD, "note": "涉及四个年度的档案调取和汇总，经批准延长答复期限20个工作日"})],
         reply=(30, "disclosed", [], "提供2021—2024年许可及年检情况汇总表"),
         form=("paper", "electronic", "四个年度的汇总表及附件共300余页，复制纸质件成本过高")),
    dict(n=31, recv="2024-11-07", ch="online", kind="other", ref="A-2024-031",
         handler="zhyw", topics=["公益广告"], docs=["云岭新广办〔2024〕26号"],
         summary="申请公开2024年度广播电视公益广告扶持项目的评审标准、入选名单和扶持金额",
         reply=(6, "disclosed", [], "评审标准随申报通知公开，入选名单和扶持金额以电子件提供"),
         comment="申请人为县级融媒体中心（事业单位），统计时计入“其他”。"),
    dict(n=32, recv="2024-11-12", ch="mail_signed", sub="2024-11-08", kind="natural_person", ref="A-2024-032",
         handler="zcfg", topics=["专项资金"],
         summary="申请公开《云岭省广播电视公共服务专项资金管理办法》的制定依据和2023年度执行情况",
         events=[("consultation_sent", 2, dict(AG, note="该办法由本局与省财政厅联合制定，书面征求省财政厅意见（《条例》第三十四条）")),
                 ("consultation_answered", 8, {"note": "省财政厅书面同意公开"})],
         reply=(11, "disclosed", [], "提供制定依据说明和2023年度执行情况报告")),
    dict(n=33, recv="2024-11-26", ch="online", kind="research", ref="A-2024-033",
         handler="bgs", topics=["政务公开年度报告"],
         summary="申请提供本局2021—2023年政府信息公开工作年度报告中依申请公开数据的统计表",
         reply=(7, "disclosed", [], "三个年度的年度报告均已在门户网站公开，另提供统计表电子件")),
    # carried over into 2025
    dict(n=34, recv="2024-12-23", ch="online", sub="2024-12-22", kind="natural_person", ref="A-2024-034",
         handler="gbc", topics=["户户通维修"], docs=["云岭新广发〔2024〕31号"],
         summary="申请公开2025年元旦春节期间直播卫星“户户通”维修服务网点和联系方式",
         reply=(7, "disclosed", [], "维修服务网点表已随通知公开，告知获取网址"),
         comment="年底收到，跨年办理，结转2025年。"),
    dict(n=35, recv="2024-12-24", ch="mail_signed", sub="2024-12-19", kind="business", ref="A-2024-035",
         handler="cbc", topics=["印刷企业年度核验"], docs=["云岭新广办〔2024〕18号"],
         summary="申请公开2024年度印刷企业年度核验结果名单",
         reply=(9, "disclosed", [], "提供2024年度核验结果名单"),
         comment="年底收到，跨年办理，结转2025年。"),
    dict(n=36, recv="2024-12-26", ch="in_person", kind="research", ref="A-2024-036",
         handler="zhyw", topics=["广播电视覆盖率"],
         summary="申请提供2014年以来全省广播电视人口综合覆盖率逐年变化趋势图及原因分析",
         reply=(12, "needs_creation", [], "本局掌握各年度覆盖率数据，已提供；趋势图和原因分析需另行制作，依据《条例》第三十八条不予提供"),
         comment="年底收到，跨年办理，结转2025年。"),
    dict(n=37, recv="2024-12-30", ch="online", sub="2024-12-28", kind="legal_services", ref="A-2024-037",
         handler="dyc", topics=["电影放映许可"],
         summary="申请公开澜川市某影城2019年设立时的消防验收意见",
         reply=(9, "not_held", [], "消防验收由住房和城乡建设部门负责，本局不掌握，已告知向澜川市住房和城乡建设局申请"),
         expl="建设工程消防验收由住房和城乡建设主管部门负责，本机关没有制作或者保存相关信息",
         organ=("澜川市住房和城乡建设局", "澜川市住房和城乡建设局办公室，电话 0871-63201234"),
         comment="年底收到，跨年办理，结转2025年。"),
    # ================================================================ 2025
    dict(n=1, recv="2025-01-06", ch="online", sub="2025-01-05", kind="business", ref="A-2025-001",
         handler="gbc", topics=["广播电视节目制作经营许可"],
         summary="申请公开2024年度全省广播电视节目制作经营许可证持证机构名单及许可证有效期",
         reply=(5, "disclosed", [], "提供持证机构名单电子件")),
    dict(n=2, recv="2025-01-09", ch="in_person", kind="natural_person", ref="A-2025-002",
         handler="dyc", topics=["农村电影放映工程"],
         summary="申请公开2025年本乡镇农村公益电影放映计划和放映队服务电话",
         reply=(4, "disclosed", [], "当场告知年度计划下达情况，放映计划表和服务电话以纸质件提供")),
    dict(n=3, recv="2025-01-15", ch="mail_signed", sub="2025-01-10", kind="research", ref="A-2025-003",
         handler="cbc", topics=["全民阅读"],
         summary="申请提供2020年以来全省农家书屋图书借阅量按县区的统计分析和排名",
         reply=(10, "needs_creation", [], "本局未对借阅量按县区作统计分析和排名，需另行加工，依据《条例》第三十八条不予提供")),
    dict(n=4, recv="2025-02-11", ch="online", sub="2025-02-09", kind="natural_person", ref="A-2025-004",
         handler="gbc", topics=["网络视听收费"],
         summary="申请公开本局对某网络视频平台会员“套娃收费”问题的调查结论",
         reply=(6, "not_held", [], "该平台注册地不在本省，本局未开展调查，经检索没有所申请的调查结论，已告知向平台注册地主管部门咨询"),
         organ=None),
    dict(n=5, recv="2025-02-20", ch="fax", kind="legal_services", ref="A-2025-005",
         handler="gbc", topics=["卫星地面接收设施"],
         summary="申请公开本局查处某公司未经许可安装卫星地面接收设施案的全部案卷，包括现场检查笔录和证据清单",
         reply=(11, "withheld", ["enforcement_file"], "所申请信息属于行政执法案卷信息，依据《条例》第十六条第二款不予公开"),
         review=[("litigation", "2025-03-20", "upheld", "2025-06-18")],
         comment="申请人直接提起行政诉讼，一审判决驳回诉讼请求。"),
    dict(n=6, recv="2025-02-25", ch="online", kind="business", ref="A-2025-006",
         handler="gbc", topics=["广播电视节目制作经营许可"],
         summary="申请公开某影视公司申请广播电视节目制作经营许可证时提交的注册资本证明和主要从业人员情况",
         events=[("consultation_sent", 2, dict(TP, delivered=1, note="书面征求该公司意见")),
                 ("consultation_answered", 11, {"objection": True, "note": "该公司同意公开注册资本，不同意公开从业人员个人信息"})],
         reply=(14, "partially_disclosed", ["third_party_rights"], "公开注册资本和许可证基本信息，从业人员个人信息不予公开"),
         withheld=[("主要从业人员的姓名、身份证件号码和履历", "third_party_rights", "《条例》第十五条",
                    "属于个人隐私，公开会对第三方合法权益造成损害")]),
    dict(n=7, recv="2025-03-07", ch="in_person", kind="natural_person", ref="A-2025-007",
         handler="cbc", topics=["出版物"],
         summary="要求提供已正式出版的《云岭省农家书屋推荐书目（2025）》",
         reply=(2, "publication", [], "该书目为公开出版物，已告知购买和借阅途径"),
         expl="该书目可以通过新华书店等发行渠道购买，或者到公共图书馆借阅"),
    dict(n=8, recv="2025-03-12", ch="mail_unsigned", sub="2025-03-07", kind="natural_person", ref="A-2025-008",
         handler="gbc", topics=["有线电视服务投诉"],
         summary="来信举报某县有线电视公司强制用户更换高清机顶盒并收取费用，要求公开处理结果",
         reply=(5, "complaint", [], "来信属于投诉举报，已转青岚州文化和旅游局（广电）调查处理，并告知申请人投诉渠道")),
    dict(n=9, recv="2025-03-17", ch="online", kind="research", ref="A-2025-009",
         handler="bgs", topics=["机关后勤"],
         summary="申请公开局机关2024年公务用车使用登记台账和维修记录",
         reply=(7, "withheld", ["internal_affairs"], "所申请信息属于后勤管理信息，依据《条例》第十六条第一款不予公开；“三公”经费决算已主动公开"),
         review=[("reconsideration", "2025-04-08", "other", "2025-05-14")],
         comment="申请人申请行政复议后主动撤回，复议机构终止审理。"),
    dict(n=10, recv="2025-03-27", ch="online", kind="natural_person", ref="A-2025-010",
         handler="dyc", topics=["农村电影放映工程"], docs=["云岭新广规〔2024〕4号"],
         summary="申请公开2024年全省农村公益电影放映补贴资金拨付到县的明细（同一申请人一周内提交26件，逐县申请）",
         events=[("deferral", 12, {"until": 35, "note": "申请人一周内提交26件申请，经要求说明理由，系撰写农村电影放映调研报告所需，理由合理；"
                                                      "逐县核对拨付凭证无法在法定期限内完成，确定延迟答复期限并告知申请人（《条例》第三十五条）"})],
         reply=(30, "disclosed", [], "在延迟答复期限内提供分县拨付明细表"),
         form=("electronic", "electronic", None),
         comment="数量、频次明显超过合理范围但理由合理的申请，依《条例》第三十五条延迟答复。"),
    dict(n=11, recv="2025-04-02", ch="in_person", kind="public_interest", ref="A-2025-011",
         handler="cbc", topics=["全民阅读"],
         summary="申请公开2025年农家书屋出版物补充更新目录和采购方式",
         reply=(6, "disclosed", [], "提供补充更新目录和采购方式说明")),
    dict(n=12, recv="2025-04-15", ch="online", kind="natural_person", ref="A-2025-012",
         handler="gbc", topics=["安全播出"],
         summary="申请公开省广播电视监测中心网络安全防护方案和等级保护测评报告",
         reply=(9, "withheld", ["security_stability"], "所申请信息涉及关键信息基础设施防护措施，公开后可能危及公共安全，依据《条例》第十四条不予公开")),
    dict(n=13, recv="2025-04-23", ch="mail_signed", sub="2025-04-18", kind="business", ref="A-2025-013",
         handler="dyc", topics=["电影票房"],
         summary="申请公开澜川市某影城2024年票房收入、分账结算和电影专项资金缴纳明细",
         events=[("consultation_sent", 3, dict(TP, delivered=1, note="书面征求该影城意见")),
                 ("consultation_answered", 13, {"objection": True, "note": "影城书面答复不同意公开，理由为涉及商业秘密"})],
         reply=(16, "withheld", ["third_party_rights"], "第三方不同意公开且理由合理，依据《条例》第十五条、第三十二条不予公开"),
         review=[("reconsideration", "2025-06-03", "upheld", "2025-08-05")]),
    dict(n=14, recv="2025-05-08", ch="online", kind="natural_person", ref="A-2025-014",
         handler="zhyw", topics=["公益广告"],
         summary="申请公开《云岭省广播电视和网络视听公益广告扶持管理办法》征求意见后的修改稿及各处室修改意见",
         reply=(8, "withheld", ["process_info"], "该办法尚在审议过程中，所申请信息属于过程稿和内部讨论意见，依据《条例》第十六条第二款不予公开；征求意见稿已公开")),
    dict(n=15, recv="2025-05-14", ch="online", kind="other", ref="A-2025-015",
         handler="dyc", topics=["农村电影放映工程"],
         summary="申请公开本村2025年公益电影放映场次和片目",
         reply=(5, "disclosed", [], "提供本村所在乡镇放映排期和片目"),
         comment="申请人为村民委员会，统计时计入“其他”。"),
    dict(n=16, recv="2025-05-23", ch="in_person", kind="natural_person", ref="A-2025-016",
         handler="rsc", topics=["职业资格查询"],
         summary="申请查询本人播音员主持人资格考试成绩和证书核发状态",
         reply=(2, "withheld", ["administrative_query"], "属于行政查询事项，已告知通过全国广播电视播音员主持人资格考试网站查询")),
    dict(n=17, recv="2025-05-27", ch="online", kind="natural_person", ref="A-2025-017",
         handler="zcfg", topics=[],
         summary="申请公开“涉及本人权益的所有规定和内部文件”",
         events=[("correction_notice", 3, {"days": 10, "note": "所需信息的名称、文号或者具体事项"}),
                 ("correction_received", 7, {"note": "补正后仍为“所有涉及本人的规定”"})],
         reply=(15, "still_unclear", [], "补正后申请内容仍不明确，已告知申请人")),
    dict(n=18, recv="2025-06-10", ch="online", kind="business", ref="A-2025-018",
         handler="zhyw", topics=["公益广告"],
         summary="要求本局对其持有的公益广告扶持资金拨付通知复印件出具与原件一致的证明",
         reply=(4, "confirmation", [], "要求确认已获取信息，不属于政府信息公开申请，不予处理")),
    dict(n=19, recv="2025-06-18", ch="online", kind="natural_person", ref="A-2025-012",
         handler="gbc", topics=["安全播出"],
         summary="再次申请公开省广播电视监测中心网络安全防护方案",
         reply=(3, "duplicate", [], "与YSQ-2025-0012内容相同，已作出答复，不予重复处理")),
    dict(n=20, recv="2025-06-26", ch="mail_unsigned", sub="2025-06-20", kind="natural_person", ref="A-2025-020",
         handler="cbc", topics=["出版物审读"],
         summary="一个月内先后寄送38份申请，要求公开近十年每一种图书的审读意见",
         reply=(12, "excessive", [], "经要求说明理由，申请人未能说明合理理由，依据《条例》第三十五条告知不予处理")),
    dict(n=21, recv="2025-07-01", ch="online", kind="business", ref="A-2025-021",
         handler="gbc", topics=["广播电视节目制作经营许可"],
         summary="申请公开2025年上半年新核发广播电视节目制作经营许可证的机构名单",
         reply=(5, "disclosed", [], "名单已主动公开，告知获取网址")),
    dict(n=22, recv="2025-07-10", ch="fax", kind="business", ref="A-2025-022",
         handler="zhyw", topics=["统计年报"],
         summary="申请复制2015—2024年全省广播电视行业统计年报纸质件（约240页）",
         events=[("fee_notice", 3, {"amount": 4300, "note": "按量计收，31—100页10元/页，101—200页20元/页，201—240页40元/页"}),
                 ("extension", 16, {"days": 15, "approved_by": HEAD, "note": "缴费期限尚未届满，经批准延长答复期限"})],
         reply=(25, "no_fee", [], "申请人逾期未缴纳信息处理费，视为放弃申请")),
    dict(n=23, recv="2025-07-16", ch="online", kind="natural_person", ref="A-2025-023",
         handler="zhyw", topics=["行业统计"],
         summary="申请公开某广播电视网络公司报送统计调查表中的用户数和营业收入原始数据",
         reply=(8, "withheld", ["law_prohibited"], "依据《中华人民共和国统计法》关于统计调查对象资料保密的规定，属于其他法律禁止公开的信息"),
         review=[("litigation", "2025-10-15", None, None)],
         comment="申请人提起行政诉讼，截至年底尚未审结。"),
    dict(n=24, recv="2025-07-25", ch="in_person", kind="legal_services", ref="A-2025-024",
         handler="dyc", topics=["电影放映许可"],
         summary="申请公开某影城放映许可变更的现场核查结论和消防安全整改情况",
         events=[("consultation_sent", 2, dict(TP, delivered=1, note="书面征求该影城意见")),
                 ("consultation_answered", 10, {"objection": True, "note": "影城不同意公开，认为核查结论影响经营"}),
                 ("third_party_notice", 11, {"note": "现场核查结论和消防安全整改情况涉及观众人身安全，属于公众需要广泛知晓的信息"})],
         reply=(13, "disclosed", [], "影城不同意公开，但核查结论和整改情况涉及公共安全，依据《条例》第三十二条决定公开并已书面告知第三方"),
         form=("paper", "paper", None),
         comment="第三方不同意公开，本局认为不公开可能对公共利益造成重大影响，决定公开并事先书面告知第三方（《条例》第三十二条）。"),
    dict(n=25, recv="2025-08-05", ch="online", kind="natural_person", ref="A-2025-025",
         handler="xxzx", topics=["门户网站"],
         summary="以政府信息公开申请形式咨询门户网站政策文件智能检索功能的使用方法",
         reply=(3, "other", [], "经电话沟通，申请人确认仅为咨询，已予解答，不再作为政府信息公开申请处理"),
         expl="经电话沟通，您确认所提事项仅为咨询，本机关已予解答，不再作为政府信息公开申请处理"),
    dict(n=26, recv="2025-08-20", ch="mail_signed", sub="2025-08-15", kind="research", ref="A-2025-026",
         handler="cbc", topics=["出版物市场"],
         summary="申请公开“近年来出版物市场的有关情况”",
         events=[("correction_notice", 2, {"days": 10, "note": "所需信息的具体内容和所属年份"})],
         reply=(16, "no_correction", [], "申请人逾期未补正，视为放弃申请")),
    dict(n=27, recv="2025-09-04", ch="online", kind="business", ref="A-2025-027",
         handler="bgs", topics=["部门决算"],
         summary="申请提供本局2024年部门决算中项目支出绩效自评报告纸质件（共48页）",
         events=[("fee_notice", 2, {"amount": 180, "note": "按量计收，超出30页的18页按10元/页计"}),
                 ("fee_paid", 5)],
         reply=(8, "disclosed", [], "收到信息处理费后邮寄纸质件"),
         form=("paper", "paper", None)),
    dict(n=28, recv="2025-09-17", ch="online", kind="natural_person", ref="A-2025-028",
         handler="xxzx", topics=["门户网站"],
         summary="申请公开2024年度政府网站工作年度报表",
         reply=(4, "disclosed", [], "年度报表已主动公开，告知获取网址")),
    dict(n=29, recv="2025-10-15", ch="in_person", kind="natural_person", ref="A-2025-029",
         handler="gbc", topics=["应急广播"],
         summary="申请公开重大活动期间广播电视安全播出保障实施方案",
         docs=["云岭新广发〔2025〕16号"],
         reply=(7, "withheld", ["state_secret"], "所申请文件已依法确定为国家秘密，依据《条例》第十四条不予公开")),
    dict(n=30, recv="2025-10-21", ch="online", kind="business", ref="A-2025-030",
         handler="gbc", topics=["卫星地面接收设施"], docs=["云岭新广规〔2025〕1号"],
         summary="申请公开2022年以来各州市卫星地面接收设施安装服务机构的许可、注销和监督检查情况",
         events=[("correction_notice", 3, {"days": 10, "note": "所需“监督检查情况”的具体内容，例如许可、注销数量或者年度抽查结果"}),
                 ("correction_received", 6, {"note": "申请人补正为许可、注销数量和年度抽查结果"}),
                 ("consultation_sent", 8, dict(AG, note="年度抽查系与省市场监管局联合开展，书面征求其意见")),
                 ("consultation_answered", 14, {"note": "省市场监管局书面同意公开"}),
                 ("extension", 18, {"days": 20, "approved_by": HEAD, "note": "需向各州市调取资料，经批准延长答复期限20个工作日"})],
         reply=(34, "disclosed", [], "提供分州市汇总表")),
    dict(n=31, recv="2025-11-06", ch="online", kind="other", ref="A-2025-031",
         handler="zhyw", topics=["行业发展规划"],
         summary="申请公开全省新闻出版广播影视发展“十四五”规划中期评估报告",
         reply=(6, "disclosed", [], "中期评估报告已主动公开，告知获取网址"),
         comment="申请人为行业协会，登记为社会团体，按“其他”统计。"),
    dict(n=32, recv="2025-11-12", ch="mail_signed", sub="2025-11-07", kind="natural_person", ref="A-2025-032",
         handler="zcfg", topics=["有线电视管理"], docs=["云岭新广令〔2025〕1号"],
         summary="申请公开《云岭省有线电视管理办法》中有线电视收费条款的制定依据和价格部门意见",
         events=[("consultation_sent", 2, dict(AG, note="价格部门意见涉及省发展改革委，书面征求其意见")),
                 ("consultation_answered", 9, {"note": "省发展改革委书面同意公开"})],
         reply=(12, "disclosed", [], "提供制定依据说明和省发展改革委书面意见")),
    dict(n=33, recv="2025-11-20", ch="online", kind="public_interest", ref="A-2025-033",
         handler="gbc", topics=["网络微短剧"], docs=["云岭新广发〔2025〕14号"],
         summary="申请公开网络微短剧扶持措施中精品创作扶持资金的申报条件和评审办法",
         reply=(6, "disclosed", [], "申报条件已随文件公开，评审办法以电子件提供")),
    dict(n=34, recv="2025-12-03", ch="online", kind="natural_person", ref="A-2025-034",
         handler="bgs", topics=["政务公开年度报告"],
         summary="申请公开本局2024年政府信息公开工作年度报告中行政复议、行政诉讼案件的结果统计",
         reply=(5, "disclosed", [], "年度报告已主动公开，告知获取网址")),
    # carried over into 2026
    dict(n=35, recv="2025-12-22", ch="online", sub="2025-12-21", kind="natural_person", ref="A-2025-035",
         handler="gbc", topics=["户户通维修"],
         summary="申请公开2026年元旦春节期间直播卫星“户户通”维修服务安排",
         reply=(9, "disclosed", [], "维修服务安排已公开，告知获取网址"),
         comment="年底收到，跨年办理，结转2026年。"),
    dict(n=36, recv="2025-12-26", ch="mail_signed", sub="2025-12-22", kind="business", ref="A-2025-036",
         handler="cbc", topics=["印刷企业年度核验"], docs=["云岭新广办〔2025〕9号"],
         summary="申请公开2025年度印刷企业年度核验不合格企业名单及整改要求",
         reply=(10, "disclosed", [], "提供核验结果名单和整改要求"),
         comment="年底收到，跨年办理，结转2026年。"),
]

APP_RECORDS: list[dict] = []  # (for internal checks)

#: case files of replies up to this day are archived (the register is checked at 2026-02-01);
#: later ones are not due yet (archive_due: 30 June of the year after the reply)
ARCHIVE_CUTOFF = date(2025, 11, 28)


def archive_date(reply: date, n: int) -> date:
    """The day the case file was archived: spring of the year after the reply (by number), or
    January 2026 for the 2025 replies already filed."""
    if reply.year == 2024 or reply < date(2025, 3, 1):
        return add_wd(date(2025, 3, 3), n % 15)
    return add_wd(date(2026, 1, 12), n % 10)


#: from this day on the office records its letters in the register (govdisc letter --record)
LETTERS_FROM = date(2025, 7, 1)
#: letter-bearing event → the short name in the number ({kind})
LETTER_EVENTS = {"correction_notice": "补", "extension": "延", "consultation_sent": "征",
                 "third_party_notice": "告", "deferral": "迟", "fee_notice": "费"}
LETTER_NUMBER = "云岭新广公开{kind}〔{year}〕{seq}号"


def record_letters(apps: list[dict]) -> None:
    """Number the letters of the applications received since LETTERS_FROM in the order they were
    dated, one sequence per kind and year, and record them as `letter --record` does."""
    items = []
    for data in apps:
        for ev in data.get("events", []):
            if ev["type"] in LETTER_EVENTS:
                items.append((ev.get("notified", ev["date"]), data["id"], LETTER_EVENTS[ev["type"]], ev))
        items.append((data["reply"]["date"], data["id"], "答", data["reply"]))
    seq: dict[tuple[str, int], int] = {}
    for day, _, short, holder in sorted(items, key=lambda t: (t[0], t[1], t[2])):
        seq[(short, day.year)] = seq.get((short, day.year), 0) + 1
        letter = Flow(no=LETTER_NUMBER.format(kind=short, year=day.year, seq=seq[(short, day.year)]), date=day)
        if short != "答":
            holder["letter"] = letter
            continue
        told = ["reconsideration", "litigation"]  # the default reply wording names the organ and the court
        letter["remedies"] = told
        reply = dict(holder)
        holder.clear()
        for k, v in reply.items():
            if k == "note":
                holder.setdefault("remedies", told)
                holder["letter"] = letter
            holder[k] = v


def make_applications() -> None:
    seen_dirs: set[str] = set()
    lettered: list[dict] = []
    pending: list[tuple[str, dict, list[str] | None]] = []
    for a in APPS:
        recv = D(a["recv"])
        assert is_wd(recv), a
        year = recv.year
        aid = f"YSQ-{year}-{a['n']:04d}"
        data: dict = {}
        if a.get("comment"):
            data["#c"] = a["comment"]
        data["id"] = aid
        ch = a["ch"]
        data["channel"] = ch
        sub = D(a["sub"]) if a.get("sub") else None
        if ch == "in_person":
            data["submitted"] = C(recv, "当面提交，提交之日即收到申请之日")
        elif ch == "mail_signed":
            assert sub
            data["submitted"] = C(sub, "邮戳日期")
            data["signed_for"] = C(recv, "局办公室签收")
        elif ch == "mail_unsigned":
            assert sub
            data["submitted"] = C(sub, "信件落款日期")
            data["confirmed"] = C(recv, "收信当日与申请人电话确认")
            data["arrived"] = C(recv, "平信到达局办公室")
        else:
            data["submitted"] = sub or recv
            data["confirmed"] = C(recv, "双方确认之日") if ch == "online" else C(recv, "传真收到后电话确认")
        if sub:
            assert sub <= recv
        data["handler"] = a["handler"]
        data["applicant"] = Flow(kind=a["kind"], ref=a["ref"])
        data["summary"] = a["summary"]
        if a["topics"]:
            data["topics"] = a["topics"]
        if a.get("docs"):
            for no in a["docs"]:
                assert no in DOC_BY_NO and DOC_META[no][4] <= recv, (aid, no)
            data["documents"] = a["docs"]
        form = a.get("form")
        if form:
            data["form_requested"] = form[0]
        events = []
        ev_dates = {}
        for evspec in a.get("events", []):
            typ, off = evspec[0], evspec[1]
            extra = evspec[2] if len(evspec) > 2 else {}
            d = add_wd(recv, off)
            ev = Flow(type=typ, date=d)
            for k, v in extra.items():
                if k == "delivered":
                    ev[k] = add_wd(d, v)  # working days after sending
                elif k == "until":
                    ev[k] = add_wd(recv, v)  # working days after receipt
                elif k != "note":
                    ev[k] = v
            if typ == "extension":
                ev["notified"] = d  # notice to the applicant on the day of approval
            if "note" in extra:
                ev["note"] = extra["note"]
            events.append(ev)
            ev_dates.setdefault(typ, d)
        if events:
            data["events"] = events
        roff, outcome, exempts, note = a["reply"]
        rdate = add_wd(recv, roff)
        reply = {"date": rdate, "outcome": outcome}
        if exempts:
            reply["exemptions"] = exempts
        if a.get("withheld"):
            reply["withheld"] = [Flow(part=pt, exemption=ex, basis=bs, reason=rs) for pt, ex, bs, rs in a["withheld"]]
            assert all(ex in exempts for _, ex, _, _ in a["withheld"]), aid
        if outcome == "not_held":
            organ = a["organ"]
            reply["not_held_reason"] = "not_responsible" if organ else "nonexistent"
            if organ:
                reply["responsible_organ"] = Flow(name=organ[0], contact=organ[1])
        if form:
            reply["form_provided"] = form[1]
            if form[2]:
                reply["form_reason"] = form[2]
        if outcome != "other":  # every decision tells the applicant how to challenge it
            reply["remedies"] = ["reconsideration", "litigation"]
        if a.get("expl"):  # what the reply letter tells the applicant (note stays internal)
            reply["explanation"] = a["expl"]
        reply["note"] = note
        data["reply"] = reply
        if a.get("review"):
            steps = []
            for kind, filed, result, decided in a["review"]:
                assert D(filed) > rdate and (decided is None or D(decided) > D(filed)), aid
                step = Flow(kind=kind, filed=D(filed))
                if decided:
                    step["decided"], step["result"] = D(decided), result
                steps.append(step)
            data["review"] = steps
        if rdate <= ARCHIVE_CUTOFF:
            data["archived"] = Flow(date=archive_date(rdate, a["n"]), file_no=f"{year}-YSQ-{a['n']:04d}")
        # ---- internal checks of the statutory clock
        base = recv
        if "correction_received" in ev_dates:
            base = ev_dates["correction_received"]
            assert ev_dates["correction_notice"] < base
        if "correction_notice" in ev_dates:
            assert wd_between(recv, ev_dates["correction_notice"]) <= 7
        excluded = 0
        if "consultation_sent" in ev_dates:
            s, ans = ev_dates["consultation_sent"], ev_dates["consultation_answered"]
            assert wd_between(s, ans) <= 15 and s < ans < rdate
            excluded = wd_between(s, ans)
        if "deferral" in ev_dates:  # Art. 35: decided within the period, reply by the deferred date
            until = [x for x in events if x["type"] == "deferral"][0]["until"]
            assert ev_dates["deferral"] < add_wd(base, 20 + excluded) < rdate <= until, aid
        ext = 0
        if "extension" in ev_dates:
            e = ev_dates["extension"]
            assert e < add_wd(base, 20), aid
            ext = [x for x in events if x["type"] == "extension"][0]["days"]
            assert ext <= 20
        due = add_wd(base, 20 + excluded + ext)
        # keep a margin of one working day for differences in counting conventions
        assert "deferral" in ev_dates or rdate <= add_wd(base, 19 + excluded + ext), (aid, rdate, due)
        if outcome == "still_unclear":
            assert "correction_received" in ev_dates
        if outcome == "no_correction":
            assert "correction_notice" in ev_dates and "correction_received" not in ev_dates
        if outcome == "no_fee":
            fn = ev_dates["fee_notice"]
            assert "fee_paid" not in ev_dates and rdate > add_wd(fn, 20)
        if outcome == "withheld":
            assert exempts
        if "third_party_notice" in ev_dates:  # Art. 32: told in writing before the disclosure
            assert ev_dates["consultation_answered"] <= ev_dates["third_party_notice"] < rdate
        for ev in events:
            assert recv <= ev["date"] < rdate, (aid, ev)
        APP_RECORDS.append({"id": aid, "year": year, "recv": recv, "reply": rdate, "outcome": outcome,
                            "exempt": exempts, "kind": a["kind"], "handler": a["handler"],
                            "topics": a["topics"], "docs": a.get("docs", []), "channel": ch,
                            "review": a.get("review"), "events": [e["type"] for e in events]})
        fname = f"applications/{year}/{aid}.yaml"
        folder = f"applications/{year}"
        header = folder_header(seen_dirs, folder, [
            f"依申请公开登记 —— {year}年收到的申请（applications/{year}/）",
            "一件申请一个文件，文件名即登记编号；编号年度为收到申请的年度，跨年办理的仍留在本文件夹。",
            "收到申请之日按《条例》第三十一条确定：当面提交看 submitted，挂号邮寄看 signed_for，",
            "平信、网上、传真看 confirmed（双方确认之日）。申请人只登记内部编号（A-年度-序号），",
            "姓名、身份证件号码、联系电话等个人信息另行保管，严禁写入本登记簿。",
            "events 按时间顺序记录补正、征求意见、延期、收费等环节；reply.outcome 对应年度报告第三部分表格各行。",
            "",
        ])
        if recv >= LETTERS_FROM:
            lettered.append(data)
        pending.append((fname, data, header))
    record_letters(lettered)
    for fname, data, header in pending:
        write(fname, data, header)


# ---------------------------------------------------------------------------
# Opinions (政务舆情)
# ---------------------------------------------------------------------------

OPINIONS = [
    dict(id="YQ-2024-001", title="网民反映白石县农村公益电影放映“走过场”", detected="2024-02-20 09:40",
         level="general", lead="dyc",
         summary="某论坛帖文称白石县部分村农村公益电影放映场次虚报、放映时间过短，阅读量约1.2万次",
         releases=[("2024-02-21 16:00", "门户网站", "关于白石县农村公益电影放映情况的核查说明")],
         follow_ups=[("2024-03-05 10:00", "通报白石县放映场次核查整改情况，约谈放映院线公司")]),
    dict(id="YQ-2024-002", title="强降雨致青岚州部分地区广播电视信号中断", detected="2024-07-08 06:50",
         level="major", lead="gbc",
         summary="受持续强降雨影响，青岚州三个县有线电视光缆和直播卫星接收设施受损，约4.6万户信号中断，网民集中询问恢复时间",
         releases=[("2024-07-08 10:20", "政务新媒体", "关于青岚州部分地区广播电视信号中断的情况通报"),
                   ("2024-07-08 18:00", "门户网站", "青岚州广播电视信号抢修进展（一）")],
         press=("2024-07-08 16:00", "局新闻发布会，分管负责人通报抢修安排和应急广播启用情况"),
         follow_ups=[("2024-07-09 09:00", "发布抢修进展（二），已恢复2.8万户"),
                     ("2024-07-11 17:00", "发布信号全部恢复的通报")]),
    dict(id="YQ-2024-003", title="网传中小学教辅材料须向指定书店征订", detected="2024-09-05 14:20",
         level="general", lead="cbc",
         summary="微信群流传“教辅材料统一向指定书店征订”的图片，家长询问是否属实",
         releases=[("2024-09-06 11:00", "政务新媒体", "关于中小学教辅材料征订有关情况的说明")],
         follow_ups=[]),
    dict(id="YQ-2024-004", title="网传“有线电视明年全面停播、机顶盒作废”", detected="2024-11-18 21:15",
         level="major", lead="gbc",
         summary="短视频平台传播有线电视将于2025年全面停播的不实信息，96128热线当晚咨询量激增，部分老年用户要求退费",
         releases=[("2024-11-19 01:40", "政务新媒体", "辟谣：有线电视不会全面停播"),
                   ("2024-11-19 08:30", "门户网站", "关于有线电视服务有关情况的说明")],
         press=("2024-11-19 15:00", "局新闻发布会，广播电视处负责同志答记者问"),
         follow_ups=[("2024-11-20 10:00", "将造谣账号线索移交网信部门依法处理，并发布处理情况")]),
    dict(id="YQ-2025-001", title="春节档电影票价上涨引发关注", detected="2025-02-05 10:30",
         level="general", lead="dyc",
         summary="网民反映春节档部分影院票价明显高于往年，质疑存在价格欺诈",
         releases=[("2025-02-06 15:00", "门户网站", "关于春节档电影票价有关情况的说明")],
         follow_ups=[("2025-02-12 10:00", "通报对部分影院价格公示情况的检查结果")]),
    dict(id="YQ-2025-002", title="雾溪市地震灾区广播电视信号中断", detected="2025-06-12 03:20",
         level="especially_major", lead="gbc",
         summary="雾溪市发生地震，震中附近两个县广播电视传输中断，网民关注灾区信息发布和应急广播运行情况",
         releases=[("2025-06-12 06:45", "政务新媒体", "雾溪市地震灾区广播电视应急保障情况通报（一）"),
                   ("2025-06-12 08:00", "门户网站", "关于启用灾区应急广播的通告")],
         press=("2025-06-12 15:00", "局新闻发布会，局主要负责人介绍抢险保通和应急广播播发情况"),
         follow_ups=[("2025-06-13 09:00", "发布应急保障情况通报（二）"),
                     ("2025-06-15 17:00", "发布灾区广播电视全面恢复的通报")]),
    dict(id="YQ-2025-003", title="部分网络微短剧低俗内容引发关注", detected="2025-08-18 11:00",
         level="major", lead="gbc",
         summary="媒体报道本省制作机构出品的部分网络微短剧存在低俗、炫富等内容，网民要求加强监管",
         releases=[("2025-08-18 15:30", "门户网站", "关于开展网络微短剧专项治理的通告")],
         press=("2025-08-19 10:00", "局新闻发布会，通报专项治理安排和已下架作品情况"),
         follow_ups=[("2025-09-12 10:00", "发布促进网络微短剧健康繁荣发展的若干措施及解读")]),
    dict(id="YQ-2025-004", title="网民反映部分农家书屋图书陈旧", detected="2025-11-10 16:45",
         level="general", lead="cbc",
         summary="网民留言反映部分农家书屋图书多年未更新、开放时间不固定",
         releases=[("2025-11-12 10:00", "门户网站", "关于农家书屋出版物补充更新情况的回复")],
         follow_ups=[]),
]


#: 二(六)3/4 for each opinion: emergency, key matter, and how it was handled (nature, summary,
#: publication (date, url id) or None, referral (to, date))
OPINION_HANDLING = {
    "YQ-2024-001": dict(emergency=None, key_matter=None, handling=[
        ("major_problem", "核查白石县放映场次，约谈放映院线公司并扣减补贴", ("2024-03-05", "2024030501")),
    ]),
    "YQ-2024-002": dict(emergency=True, key_matter=None, handling=[
        ("difficulty", "组织抢修，启用应急广播，三天内恢复全部用户信号", ("2024-07-11", "2024071101")),
    ]),
    "YQ-2024-003": dict(emergency=None, key_matter=None, handling=[
        ("misunderstanding", "说明教辅材料由学生自愿选购，不存在指定书店征订", None),
    ]),
    "YQ-2024-004": dict(emergency=False, key_matter=True, handling=[
        ("false_info", "辟谣：有线电视不会全面停播；造谣账号线索已移交网信部门", None, ("省委网信办", "2024-11-20")),
    ]),
    "YQ-2025-001": dict(emergency=None, key_matter=None, handling=[
        ("major_problem", "检查部分影院价格公示情况，责令两家影院整改", ("2025-02-12", "2025021201")),
    ]),
    "YQ-2025-002": dict(emergency=True, key_matter=None, handling=[
        ("difficulty", "抢险保通，启用应急广播，三日内恢复灾区广播电视", ("2025-06-15", "2025061501")),
    ]),
    "YQ-2025-003": dict(emergency=False, key_matter=True, handling=[
        ("suggestion", "采纳网民加强监管、建立选题库等建议，纳入扶持措施", ("2025-09-12", "2025091201")),
    ]),
    "YQ-2025-004": dict(emergency=None, key_matter=None, handling=[
        ("difficulty", "安排农家书屋出版物补充更新，明确开放时间", ("2025-11-12", "2025111201")),
    ]),
}


def _handling(rows, lead: str) -> list:
    out = []
    for nature, summary, pub, *ref in rows:
        item = Flow(nature=nature, summary=summary)
        if pub:
            item["published"] = Flow(date=D(pub[0]), url=f"{SITE}/hygq/{pub[1]}.html",
                                     secrecy_review=Flow(date=D(pub[0]), by=SECRECY_BY[lead]))
        if ref:
            item["referral"] = Flow(to=ref[0][0], date=D(ref[0][1]))
        out.append(item)
    return out


def make_opinions() -> None:
    seen: set[str] = set()
    from datetime import datetime
    for o in OPINIONS:
        year = o["id"][3:7]
        det = datetime.fromisoformat(o["detected"])
        h = OPINION_HANDLING[o["id"]]
        data = {"id": o["id"], "title": o["title"], "detected_at": DT(o["detected"]),
                "level": C(o["level"], {"general": "一般", "major": "重大", "especially_major": "特别重大"}[o["level"]])}
        if h["emergency"] is not None:
            data["emergency"] = C(h["emergency"], "涉及特别重大、重大突发事件" if h["emergency"] else "不涉及突发事件")
        if h["key_matter"]:
            data["key_matter"] = C(True, "涉及群众切身利益的重点事项，24小时内发布信息")
        sr = lambda at: Flow(date=D(at[:10]), by=SECRECY_BY[o["lead"]])  # noqa: E731
        data.update({"lead": o["lead"], "summary": o["summary"],
                     "releases": [Flow(at=DT(at), channel=ch, title=t, secrecy_review=sr(at)) for at, ch, t in o["releases"]]})
        first = datetime.fromisoformat(o["releases"][0][0])
        assert first > det
        if h["key_matter"]:
            assert (first - det).total_seconds() <= 24 * 3600, o["id"]
        if o["level"] != "general":
            assert (first - det).total_seconds() <= 5 * 3600, o["id"]
            pc = datetime.fromisoformat(o["press"][0])
            assert det < pc and (pc - det).total_seconds() <= 24 * 3600
            data["press_conference"] = Flow(at=DT(o["press"][0]), note=o["press"][1])
        if o["follow_ups"]:
            data["follow_ups"] = [Flow(at=DT(at), note=n, secrecy_review=sr(at)) for at, n in o["follow_ups"]]
        data["handling"] = _handling(h["handling"], o["lead"])
        folder = f"opinions/{year}"
        header = folder_header(seen, folder, [f"政务舆情登记 —— {year}年（opinions/{year}/）",
                                              "一个舆情事件一个文件。detected_at 为监测发现时间（北京时间）。",
                                              "涉及特别重大、重大突发事件的舆情（emergency: true）：最迟5小时内发布权威信息，24小时内举行新闻发布会，",
                                              "并持续发布进展；其他重点事项（key_matter: true）24小时内发布信息（《实施办法》第（六）项第4目）。",
                                              "研判处置情况记入 handling（第（六）项第3目），每次发布前经保密审查。", ""])
        write(f"opinions/{year}/{o['id']}.yaml", data, header)


# ---------------------------------------------------------------------------
# Meetings (会议及议题公开)
# ---------------------------------------------------------------------------

def _draft(pub, until, url_id):
    return Flow(published=D(pub), basis_published=True, comment_until=D(until),
                url=f"{SITE}/hdjl/zjyj/{url_id}.html")


def _comments(rec, adopt, summary, pub):
    return Flow(received=rec, adopted=adopt, summary=summary, published=D(pub))


MEETINGS = [
    dict(id="HY-2024-02", date="2024-03-05", body="局长办公会", items=[
        {"title": "《云岭省广播电视节目制作经营许可管理实施细则（草案）》", "kind": "major_policy",
         "department": "gbc", "confidential": False,
         "public_draft": _draft("2024-01-22", "2024-02-26", "2024012201"),
         "comments": _comments(23, 7, "采纳简化变更登记材料、明确告知承诺适用范围等7条意见；未采纳的意见已逐条说明理由", "2024-03-01")},
        {"title": "2024年直播卫星“户户通”设备维修补贴安排", "kind": "livelihood", "department": "gbc",
         "confidential": False,
         "attendance": {"stakeholders": True, "public": True, "experts": False, "media": True,
                        "reason": "邀请两名用户代表和县级维修服务站代表列席，邀请省广播电视台记者采访；事项技术性不强，未邀请专家"},
         "openness": {"decision": "public", "method": "门户网站公开补贴标准和议定结果", "reason": "涉及农村用户切身利益，应主动公开"}},
        {"title": "2024年政务公开工作要点任务分工落实情况", "kind": "other", "department": "bgs"},
    ]),
    dict(id="HY-2024-04", date="2024-04-16", body="局党组会", items=[
        {"title": "《云岭省广播电视设施保护办法（草案送审稿）》", "kind": "major_policy", "department": "zcfg",
         "confidential": False,
         "public_draft": _draft("2024-02-26", "2024-03-27", "2024022601"),
         "comments": _comments(41, 12, "收到社会公众、广播电视传输企业和电力、通信企业意见41条，采纳12条，主要涉及设施保护范围划定和施工作业报告制度", "2024-04-10")},
        {"title": "2024年全省农村公益电影放映“进村入校”实施方案", "kind": "livelihood", "department": "dyc",
         "confidential": False,
         "attendance": {"stakeholders": True, "public": False, "experts": False, "media": False,
                        "reason": "邀请两家农村电影院线公司代表列席介绍放映条件；方案以执行安排为主，不邀请公众代表和媒体"},
         "openness": {"decision": "public", "method": "门户网站公开年度放映计划", "reason": "放映计划涉及群众文化权益，予以公开"}},
        {"title": "2024年度干部教育培训计划", "kind": "other", "department": "rsc"},
    ]),
    dict(id="HY-2024-06", date="2024-06-11", body="局长办公会", items=[
        {"title": "《关于推动广播电视和网络视听产业高质量发展的若干措施（征求意见稿）》", "kind": "major_policy",
         "department": "zhyw", "confidential": False, "public_interest": True,
         "public_draft": _draft("2024-04-29", "2024-05-31", "2024042901"),
         "comments": _comments(58, 19, "采纳扩大制作机构贷款贴息范围、增加县级融媒体中心内容生产扶持等19条意见", "2024-06-05")},
        {"title": "全省有线电视网络整合后运维体制改革方案", "kind": "major_reform", "department": "gbc",
         "confidential": False,
         "public_draft": _draft("2024-05-06", "2024-06-05", "2024050601"),
         "comments": _comments(16, 5, "采纳保留县级维护站点、维修响应时限写入服务承诺等5条意见", "2024-06-07")},
        {"title": "有线电视基本收视维护费对低保户、特困户减免事项", "kind": "livelihood", "department": "gbc",
         "confidential": False, "public_interest": True, "hearing_required": True,
         "attendance": {"stakeholders": True, "public": True, "experts": True, "media": True,
                        "reason": "涉及困难群众切身利益，邀请网络公司、用户代表、价格领域专家和媒体列席"},
         "openness": {"decision": "public", "method": "门户网站、政务新媒体公开减免政策和办理方式", "reason": "惠民政策需广泛知晓"}},
    ]),
    dict(id="HY-2024-09", date="2024-09-03", body="局党组会", items=[
        {"title": "国庆期间重要保障期安全播出工作实施方案", "kind": "major_policy", "department": "gbc",
         "confidential": True},
        {"title": "2025年农家书屋出版物补充更新安排", "kind": "livelihood", "department": "cbc",
         "confidential": False,
         "attendance": {"stakeholders": False, "public": True, "experts": True, "media": False,
                        "reason": "邀请一名农村读者代表和两名出版专家列席；补充更新目录尚未确定，暂不邀请媒体"},
         "openness": {"decision": "partial", "method": "公开更新安排和资金规模，目录确定后另行公开",
                      "reason": "采购目录属于过程性信息，确定后公开"}},
        {"title": "2024年度机关干部考核工作安排", "kind": "other", "department": "rsc"},
    ]),
    dict(id="HY-2024-12", date="2024-12-09", body="局长办公会", items=[
        {"title": "《云岭省农村电影公益放映场次补贴管理办法（草案）》", "kind": "major_policy", "department": "dyc",
         "confidential": False,
         "public_draft": _draft("2024-10-28", "2024-11-27", "2024102801"),
         "comments": _comments(35, 9, "采纳提高边远山区场次补贴系数、放映监管平台数据作为补贴依据等9条意见", "2024-12-04")},
        {"title": "2025年元旦春节期间直播卫星“户户通”维修服务安排", "kind": "livelihood", "department": "gbc",
         "confidential": False,
         "attendance": {"stakeholders": True, "public": False, "experts": False, "media": True,
                        "reason": "邀请维修服务企业代表列席，邀请媒体列席以便及时发布服务网点信息"},
         "openness": {"decision": "public", "method": "印发通知并在门户网站、96128热线公告服务网点", "reason": "便民服务信息"}},
        {"title": "年度政务公开自查和年度报告编制安排", "kind": "other", "department": "bgs"},
    ]),
    dict(id="HY-2025-03", date="2025-03-18", body="局党组会", items=[
        {"title": "《云岭省有线电视管理办法（草案送审稿）》", "kind": "major_policy", "department": "zcfg",
         "confidential": False, "public_interest": True,
         "public_draft": _draft("2025-01-06", "2025-02-10", "2025010601"),
         "comments": _comments(67, 21, "采纳明确有线电视开机广告限制、用户销户退费时限等21条意见", "2025-03-10")},
        {"title": "《云岭省卫星电视广播地面接收设施安装服务管理实施细则（草案）》", "kind": "major_policy",
         "department": "gbc", "confidential": False,
         "public_draft": _draft("2025-02-10", "2025-03-12", "2025021001"),
         "comments": _comments(12, 4, "采纳简化安装服务机构年度报告内容等4条意见", "2025-03-14")},
        {"title": "2025年农村公益电影放映场次补贴标准", "kind": "livelihood", "department": "dyc",
         "confidential": False,
         "attendance": {"stakeholders": True, "public": True, "experts": False, "media": True,
                        "reason": "邀请院线公司、放映员代表和村民代表列席，邀请媒体列席"},
         "openness": {"decision": "public", "method": "门户网站公开补贴标准", "reason": "补贴标准应主动公开"}},
    ]),
    dict(id="HY-2025-05", date="2025-05-20", body="局长办公会", items=[
        {"title": "《云岭省广播电视和网络视听公益广告扶持管理办法（草案）》", "kind": "major_policy",
         "department": "zhyw", "confidential": False,
         "public_draft": _draft("2025-04-07", "2025-05-08", "2025040701"),
         "comments": _comments(29, 8, "采纳将网络视听平台纳入扶持范围、评审专家库公开等8条意见", "2025-05-14")},
        {"title": "广播电视公共服务“省级统筹、县级落实”体制改革方案", "kind": "major_reform", "department": "gbc",
         "confidential": False,
         "public_draft": _draft("2025-04-10", "2025-05-12", "2025041001"),
         "comments": _comments(18, 6, "采纳明确县级公共服务经费保障、建立服务质量评价机制等6条意见", "2025-05-15")},
        {"title": "“书香云岭”全民阅读进社区活动安排", "kind": "livelihood", "department": "cbc",
         "confidential": False,
         "attendance": {"stakeholders": True, "public": True, "experts": False, "media": True,
                        "reason": "邀请社区代表、实体书店代表和媒体列席"},
         "openness": {"decision": "public", "method": "门户网站和政务新媒体公开活动安排", "reason": "便于群众参与"}},
    ]),
    dict(id="HY-2025-08", date="2025-08-26", body="局党组会", items=[
        {"title": "《关于促进网络微短剧健康繁荣发展的若干措施（征求意见稿）》", "kind": "major_policy",
         "department": "gbc", "confidential": False,
         "public_draft": _draft("2025-07-07", "2025-08-06", "2025070701"),
         "comments": _comments(44, 13, "采纳建立微短剧创作选题库、对优秀作品给予宣传推介等13条意见", "2025-08-20")},
        {"title": "《云岭省出版物发行单位信用分级分类监管办法（草案）》", "kind": "major_policy",
         "department": "cbc", "confidential": False,
         "public_draft": _draft("2025-07-14", "2025-08-13", "2025071401"),
         "comments": _comments(21, 6, "采纳信用修复程序前置告知、A级单位减少抽查频次等6条意见", "2025-08-21")},
        {"title": "重大活动期间广播电视安全播出保障工作实施方案", "kind": "major_policy", "department": "gbc",
         "confidential": True},
        {"title": "2025年下半年机关作风建设工作安排", "kind": "other", "department": "jgdw"},
    ]),
    dict(id="HY-2025-11", date="2025-11-04", body="局长办公会", items=[
        {"title": "《云岭省电影放映经营许可告知承诺制实施办法（草案）》", "kind": "major_policy",
         "department": "dyc", "confidential": False,
         "public_draft": _draft("2025-09-15", "2025-10-20", "2025091501"),
         "comments": _comments(15, 5, "采纳明确承诺不实的处理程序、保留现场核查等5条意见", "2025-10-28")},
        {"title": "2026年元旦春节期间直播卫星“户户通”维修服务安排", "kind": "livelihood", "department": "gbc",
         "confidential": False,
         "attendance": {"stakeholders": True, "public": False, "experts": False, "media": False,
                        "reason": "延续上年做法，邀请维修服务企业列席；议题为常规服务安排，不邀请公众代表和媒体"},
         "openness": {"decision": "public", "method": "门户网站公告服务网点", "reason": "便民服务信息"}},
        {"title": "2025年度政务公开自查安排", "kind": "other", "department": "bgs"},
    ]),
]


def make_meetings() -> None:
    seen: set[str] = set()
    for m in MEETINGS:
        md = D(m["date"])
        assert is_wd(md)
        for it in m["items"]:
            if it["kind"] in ("major_reform", "major_policy") and not it.get("confidential"):
                pd = it["public_draft"]
                assert pd["published"] < pd["comment_until"] < md and (pd["comment_until"] - pd["published"]).days >= 30
                assert it["comments"]["published"] < md
        for it in m["items"]:
            for key in ("public_draft", "comments"):
                if key in it and "secrecy_review" not in it[key]:
                    it[key]["secrecy_review"] = Flow(date=prev_wd(it[key]["published"]), by=SECRECY_BY[it["department"]])
        year = md.year
        data = {"id": m["id"], "date": md, "body": m["body"], "items": m["items"]}
        folder = f"meetings/{year}"
        header = folder_header(seen, folder, [f"会议及议题公开登记 —— {year}年（meetings/{year}/）",
                                              "局党组会、局长办公会审议的重要改革方案、重大政策措施，除依法保密的外，决策前须公布草案和依据、",
                                              "征求公众意见，并附意见收集和采纳情况说明；重大民生事项须随会议方案报批列席和公开意见",
                                              "（《实施办法》第（四）项第2目）。一次会议一个文件，只登记需要公开处理的议题。", ""])
        write(f"meetings/{year}/{m['id']}.yaml", data, header)


# ---------------------------------------------------------------------------
# Activities (领导职责、培训、发布)
# ---------------------------------------------------------------------------

ACTIVITIES = {
    2024: [
        dict(date="2024-02-27", type="head_hears_report", title="局主要负责人听取2024年政务公开工作安排汇报", department="bgs",
             note="要求年内主要负责人至少解读一次重要政策，重大舆情5小时内回应"),
        dict(date="2024-03-14", type="briefing", title="《广播电视节目制作经营许可管理实施细则》政策吹风会", department="gbc",
             speaker="department_head",
             participants=12, note="向省内主要媒体和行业协会介绍告知承诺制改革"),
        dict(date="2024-03-15", type="head_interpretation", title="局主要负责人在省政府新闻办发布会上解读节目制作经营许可改革",
             document="云岭新广规〔2024〕1号"),
        dict(date="2024-04-30", type="media_interview", title="局主要负责人接受《云岭日报》专访，解读《云岭省广播电视设施保护办法》",
             document="云岭新广令〔2024〕1号", speaker="head"),
        dict(date="2024-05-14", type="deputy_hears_report", title="分管负责人听取一季度依申请公开办理和复议应诉情况汇报",
             department="bgs"),
        dict(date="2024-06-20", type="press_conference", title="《关于推动广播电视和网络视听产业高质量发展的若干措施》新闻发布会",
             speaker="deputy",
             document="云岭新广发〔2024〕17号", department="zhyw"),
        dict(date="2024-07-04", type="training", title="全局政务公开业务培训（条例解读、依申请公开办理实务）",
             participants=86, department="bgs"),
        dict(date="2024-07-04", type="exam", title="政务公开知识测试", participants=82, department="rsc",
             note="合格率97.6%，未合格人员已组织补考"),
        dict(date="2024-07-08", type="press_conference", title="青岚州广播电视信号中断抢修情况新闻发布会", department="gbc"),
        dict(date="2024-08-20", type="head_hears_report", title="局主要负责人听取上半年政务公开和舆情回应工作汇报", department="bgs"),
        dict(date="2024-10-22", type="deputy_research", title="分管负责人赴青岚州调研县级广电部门政务公开和依申请公开工作",
             department="bgs", note="调研白石县、青岚县两个县级融媒体中心和文化旅游局"),
        dict(date="2024-11-14", type="training", title="依申请公开答复文书规范化培训", participants=38, department="zcfg"),
        dict(date="2024-11-19", type="press_conference", title="关于有线电视服务有关情况的新闻发布会", department="gbc"),
        dict(date="2024-12-16", type="normative_cleanup", title="2024年度行政规范性文件清理", department="zcfg",
             cleanup={"continued": ["云岭新广规〔2024〕1号", "云岭新广规〔2024〕3号"], "repealed": ["云岭新广规〔2024〕2号"]},
             published=("2024-12-27", "2024122701")),
        dict(date="2024-12-17", type="media_interview", title="电影处负责同志做客“政风行风热线”介绍农村电影放映补贴新办法",
             document="云岭新广规〔2024〕4号", department="dyc", speaker="department_head"),
    ],
    2025: [
        dict(date="2025-01-21", type="head_hears_report", title="局主要负责人听取2024年政务公开工作总结和年度报告编制情况汇报",
             department="bgs"),
        dict(date="2025-03-27", type="briefing", title="卫星地面接收设施安装服务管理实施细则媒体通气会", department="gbc",
             participants=9),
        dict(date="2025-04-11", type="head_interpretation", title="局主要负责人在省政府新闻办发布会上解读《云岭省有线电视管理办法》",
             document="云岭新广令〔2025〕1号"),
        dict(date="2025-04-16", type="media_interview", title="局主要负责人做客“政风行风热线”解读有线电视用户权益保护",
             document="云岭新广令〔2025〕1号", speaker="head"),
        dict(date="2025-05-27", type="deputy_hears_report", title="分管负责人听取政府信息公开行政复议应诉情况汇报", department="zcfg"),
        dict(date="2025-06-12", type="press_conference", title="雾溪市地震灾区广播电视应急保障新闻发布会", department="gbc"),
        dict(date="2025-06-26", type="training", title="政务公开和政务舆情回应专题培训", participants=92, department="bgs"),
        dict(date="2025-06-26", type="exam", title="政务公开业务知识考试", participants=90, department="rsc"),
        dict(date="2025-08-19", type="press_conference", title="网络微短剧专项治理新闻发布会", department="gbc"),
        dict(date="2025-09-10", type="deputy_research", title="分管负责人赴雾溪市调研灾后广播电视公共服务恢复和信息公开工作",
             department="bgs"),
        dict(date="2025-09-15", type="briefing", title="网络微短剧扶持措施政策吹风会", document="云岭新广发〔2025〕14号",
             department="gbc", participants=15),
        dict(date="2025-10-30", type="head_hears_report", title="局主要负责人听取政务公开第三方评估发现问题整改情况汇报",
             department="bgs"),
        dict(date="2025-11-20", type="training", title="行政规范性文件公开和解读工作培训", participants=41, department="zcfg"),
        dict(date="2025-12-05", type="normative_cleanup", title="2025年度行政规范性文件清理", department="zcfg",
             cleanup={"continued": ["云岭新广规〔2024〕1号", "云岭新广规〔2024〕4号", "云岭新广规〔2025〕1号",
                                    "云岭新广规〔2025〕2号", "云岭新广规〔2025〕3号", "云岭新广规〔2025〕4号"],
                      "repealed": ["云岭新广规〔2024〕3号"]},
             published=("2025-12-15", "2025121501")),
    ],
}


def make_activities() -> None:
    for year, entries in ACTIVITIES.items():
        rows = []
        for e in entries:
            d = D(e["date"])
            assert d.year == year
            if "document" in e:
                assert DOC_META[e["document"]][4] <= d
            row = Flow(date=d, type=e["type"], title=e["title"])
            for k in ("speaker", "document", "participants", "department", "note"):
                if k in e:
                    row[k] = e[k]
            if e["type"] == "normative_cleanup":
                for no in e["cleanup"].get("repealed", []):
                    assert "repealed" in DOC_BY_NO[no], no  # DOC017: the repeal is recorded on the document
                row = dict(row)  # written as a block: the clean-up results are lists
                row["cleanup"] = e["cleanup"]
                pub = D(e["published"][0])
                assert wd_between(d, pub) <= 20
                row["published"] = Flow(date=pub, url=f"{SITE}/xxgk/gfxwjql/{e['published'][1]}.html",
                                        secrecy_review=Flow(date=prev_wd(pub), by=SECRECY_BY["zcfg"]))
            rows.append(row)
        types = {r["type"] for r in rows}
        assert {"head_interpretation", "head_hears_report", "deputy_hears_report", "deputy_research", "training",
                "exam", "press_conference", "briefing", "media_interview"} <= types
        header = [f"领导职责、培训和发布活动登记 —— {year}年",
                  "《实施办法》要求：局主要负责人年内解读重要政策措施不少于1次、听取政务公开工作汇报不少于1次；",
                  "分管负责人经常听取汇报，年内至少调研1次政务公开工作；每年组织学习培训和考试。",
                  "本文件兼作 activities/ 文件夹说明：一年一个文件，entries 按日期排列。", ""]
        write(f"activities/{year}.yaml", {"year": year, "entries": rows}, header)


# ---------------------------------------------------------------------------
# Reviews (年终自查)
# ---------------------------------------------------------------------------

REVIEW_SUBMITTED = {
    "bgs": ("2024-12-20", "2025-12-19"), "zcfg": ("2024-12-18", "2025-12-17"),
    "xxzx": ("2024-12-19", "2025-12-18"), "zhyw": ("2024-12-17", "2025-12-16"),
    "rsc": ("2024-12-16", "2025-12-15"), "jgdw": ("2024-12-19", "2025-12-19"),
    "cbc": ("2024-12-18", "2025-12-17"), "gbc": ("2024-12-20", "2025-12-18"),
    "dyc": ("2024-12-20", "2025-12-19"),
}

FREQ_TEXT = {
    ("gbc", 2024, "广播电视节目制作经营许可"): ("convert_proactive",
        "持证机构名单原为年度公告，申请多为索取季度新增名单；自2025年起按季度在GBC-05栏目更新持证机构名单"),
    ("cbc", 2024, "出版物经营许可"): ("already_public",
        "办事指南和许可结果已在CBC-02、CBC-04公开；涉及企业申请材料的不宜公开，已在指南中说明查询途径"),
    ("gbc", 2025, "广播电视节目制作经营许可"): ("already_public",
        "2025年起已按季度公开持证机构名单，申请件数较上年下降；企业申请材料涉及第三方权益的仍依法处理"),
    ("dyc", 2025, "农村电影放映工程"): ("convert_proactive",
        "申请集中于乡镇放映排期，2026年起在DYC-03栏目按季度公开分乡镇放映排期和片目"),
}

FINDINGS = {
    ("bgs", 2024): [("政务公开工作要点中“三公”经费说明发布晚于预算公开时间2天", "已与财务人员明确同步发布流程，在BGS-05时限中注明", "2024-12-19")],
    ("bgs", 2025): [("两件依申请公开答复书未写明救济途径的具体受理机关", "修订答复文书模板，增加复议机关和起诉法院的具体名称", "2025-12-18")],
    ("zcfg", 2024): [("规范性文件清理结果公开后未同步更新行政规范性文件数据库", "已补录并建立清理结果与数据库同步更新台账", "2024-12-13")],
    ("zcfg", 2025): [("部分政策解读材料仅有文字形式", "对规章、重要规范性文件增加图解或视频解读", "2025-12-12")],
    ("xxzx", 2024): [("“政策解读”专栏个别解读材料未与文件建立关联链接", "完成关联链接补建，新发布解读须填写关联文件字段", "2024-12-16")],
    ("xxzx", 2025): [("政务新媒体两个账号半年内未更新", "关停一个账号，另一个并入局官方账号统一运维", "2025-12-15")],
    ("zhyw", 2024): [("公益广告扶持项目资金拨付情况未按目录时限公开", "已补充公开拨付情况，今后与评审结果同步公开", "2024-12-12")],
    ("zhyw", 2025): [("“双随机、一公开”抽查结果通报删减后公开的理由说明过于笼统", "细化删减理由说明，逐项注明删除内容类别", "2025-12-11")],
    ("rsc", 2024): [("一次招聘笔试成绩公布时间晚于公告约定1个工作日", "明确考务与公开同步时限，由专人负责发布", "2024-12-16")],
    ("rsc", 2025): [("职称评审结果公示期满后未及时发布正式结果", "已补发，并在RSC-05时限中明确公示期满后5个工作日内发布", "2025-12-10")],
    ("jgdw", 2024): [("政务公开考核指标权重未在考核方案中单列", "2025年目标考核方案已单列政务公开指标", "2024-12-18")],
    ("jgdw", 2025): [("行风评议结果通报未说明群众意见整改情况", "在年度评议结果通报中增加整改情况附件", "2025-12-17")],
    ("cbc", 2024): [("出版物经营许可注销结果未及时公开", "已补充公开2024年注销结果，并纳入许可结果统一发布", "2024-12-17")],
    ("cbc", 2025): [("农家书屋补充更新目录公开时间晚于采购完成时间", "调整为采购结果确定后20个工作日内公开", "2025-12-16")],
    ("gbc", 2024): [("一件删减后公开文件未写明删减内容类别", "已在公开页面补充“已删除台站点位等内容”的说明", "2024-12-20")],
    ("gbc", 2025): [("网络微短剧备案情况尚未纳入主动公开目录", "2025年目录已新增GBC-07，2026年目录继续细化", "2025-12-18")],
    ("dyc", 2024): [("农村电影放映场次补贴暂行规定废止后，门户网站未标注失效", "已标注“已废止”并链接新办法", "2024-12-20")],
    ("dyc", 2025): [("告知承诺制实施办法解读材料未同步发布政务新媒体", "补发政务新媒体版本，今后与门户网站同步", "2025-12-18")],
}


#: problems still being rectified when the register ends (problem, source, measure, deadline)
OPEN_FINDINGS = {
    ("bgs", 2025): [("政府信息公开第三方评估指出部分栏目信息更新不及时", "third_party",
                     "对各栏目实行更新时限台账管理，每月通报", "2026-03-31")],
}


def frequent(year: int) -> dict[tuple[str, str], int]:
    """(handler, subject) → count, for topics and documents with ≥3 applications received in year."""
    c: Counter = Counter()
    for r in APP_RECORDS:
        if r["recv"].year != year:
            continue
        for t in r["topics"]:
            c[(r["handler"], "T:" + t)] += 1
        for d in r["docs"]:
            c[(r["handler"], "D:" + d)] += 1
    # a topic or document shared across handlers must not reach the threshold overall either
    overall: Counter = Counter()
    for (h, s), n in c.items():
        overall[s] += n
    out = {}
    for (h, s), n in c.items():
        if n >= 3:
            out[(h, s[2:])] = n
    for s, n in overall.items():
        if n >= 3:
            assert sum(1 for (h, s2) in c if s2 == s) == 1, (year, s)
    return out


def make_reviews() -> None:
    for year in YEARS:
        freq = frequent(year)
        assert {(h, s) for (h, s) in freq} == {(h, s) for (h, y, s) in FREQ_TEXT if y == year}, (year, freq)
        for dept, _, _ in DEPTS:
            sub = D(REVIEW_SUBMITTED[dept][YEARS.index(year)])
            assert sub.year == year and sub <= D(f"{year}-12-20") and is_wd(sub)
            rows = []
            for no, (dpt, y, disc, kind, formed) in DOC_META.items():
                if dpt == dept and y == year and disc != "public":
                    concl, reason = REEXAM[no]
                    assert formed <= sub
                    rows.append(Flow(document=no, conclusion=concl, reason=reason))
            freq_rows = []
            for (h, s), n in sorted(freq.items()):
                if h == dept:
                    action, note = FREQ_TEXT[(h, year, s)]
                    freq_rows.append(Flow(subject=s, applications=n, action=action, note=note))
            data = {"department": dept, "year": year, "submitted": C(sub, "报送局办公室日期"),
                    "withheld_reexamined": rows, "frequent_requests": freq_rows,
                    "findings": [Flow(problem=p, source="self_inspection", rectification=r, deadline=sub, done=D(d))
                                 for p, r, d in FINDINGS[(dept, year)]]}
            for p_, src, r_, dl in OPEN_FINDINGS.get((dept, year), []):
                data["findings"].append(Flow(problem=p_, source=src, rectification=r_, deadline=D(dl)))
            for f in data["findings"]:
                assert "done" not in f or (f["done"] <= f["deadline"] and is_wd(f["done"])), (dept, year, f)
            if not rows:
                data["withheld_reexamined"] = C([], "本年度本部门无不公开、依申请公开或删减后公开的公文")
            if not freq_rows:
                data["frequent_requests"] = C([], f"本年度无同一事项达到{3}件以上的申请")
            header = None
            if year == 2024:
                header = [f"年终自查 —— {DEPT_NAME[dept]}（reviews/{dept}/）",
                          "每年年底前对本部门当年不予公开的信息和依申请公开较为集中的信息进行全面自查，",
                          "发现应公开未公开的及时公开、可转为主动公开的主动公开，自查整改情况报送局办公室",
                          "（《实施办法》第（四）项第4目）。一年一个文件。", ""]
            write(f"reviews/{dept}/{year}.yaml", data, header)


# ---------------------------------------------------------------------------
# Reports (年度报告中登记簿无法计算的内容)
# ---------------------------------------------------------------------------

REPORTS = {
    2024: dict(
        published=("2025-01-22", f"{SITE}/xxgk/ndbg/2024.html"),
        overview=Lit(
            "2024年，云岭省新闻出版广电局坚持以公开为常态、不公开为例外，围绕广播电视节目制作经营许可改革、"
            "广播电视设施保护、农村电影公益放映等重点领域推进“五公开”，全年主动公开政府信息1146条，"
            "制发重要政策解读材料11篇，局主要负责人解读重要政策1次、接受媒体访谈解读政策1次。\n"
            "依申请公开方面，修订依申请公开办理流程，统一补正告知、第三方征求意见、延期答复等文书格式。"
            "政府信息管理方面，落实公文公开属性源头认定和公开前保密审查，"
            "完成行政规范性文件清理。平台建设方面，完成门户网站集约化改造，规范政务新媒体管理。"
            "监督保障方面，将政务公开纳入年度目标考核，开展全员培训和测试。"),
        proactive=Flow(licensing=1386, penalties=27, enforcement=3, fees_wan=0.01),  # 100元信息处理费
        problems=Lit(
            "一是部分处室对删减后公开文件的删减理由说明不够具体；二是政策解读形式仍以文字为主，图解、视频等形式偏少；"
            "三是依申请公开较为集中的持证机构名单类信息主动公开频次不够。\n"
            "改进措施：细化删减理由说明模板；重要政策解读至少配发一种图解或视频；持证机构名单自2025年起按季度更新。"),
        other="依据《政府信息公开信息处理费管理办法》规定，2024年本局实际收取信息处理费共计100元，已计入第二部分“行政事业性收费”本年收费金额。",
        processing_fees=100),
    2025: dict(
        published=("2026-01-23", f"{SITE}/xxgk/ndbg/2025.html"),
        overview=Lit(
            "2025年，云岭省新闻出版广电局围绕有线电视管理立法、网络微短剧发展、全民阅读等重点工作，"
            "深化决策、执行、管理、服务、结果公开，全年主动公开政府信息1238条，"
            "制发重要政策解读材料14篇。重大、特别重大政务舆情均在5小时内发布权威信息、24小时内召开新闻发布会。\n"
            "依申请公开方面，加强与申请人沟通，对咨询类、投诉类申请及时引导至相应渠道；"
            "对持证机构名单、农村电影放映排期等集中申请事项转为主动公开。平台建设方面，上线政策文件智能检索功能。"),
        proactive=Flow(licensing=1452, penalties=31, enforcement=2, fees_wan=0.018),  # 180元信息处理费
        problems=Lit(
            "一是少数政务新媒体账号更新不及时；二是依申请公开答复文书救济途径表述不够具体；"
            "三是个别民生事项公开时间晚于目录时限。\n"
            "改进措施：清理整合政务新媒体账号；修订答复文书模板；对目录时限执行情况实行季度通报。"),
        other="依据《政府信息公开信息处理费管理办法》规定，2025年本局实际收取信息处理费共计180元，已计入第二部分“行政事业性收费”本年收费金额。",
        processing_fees=180),
}


def make_reports() -> None:
    for year, r in REPORTS.items():
        pub, url = r["published"]
        data = {"year": year, "published": Flow(date=D(pub), url=url, secrecy_review=Flow(date=prev_wd(D(pub)), by="局办公室")),
                "overview": r["overview"],
                "proactive": C(r["proactive"], "行政许可、行政处罚、行政强制处理决定数；行政事业性收费（万元，含信息处理费）"),
                "problems": r["problems"], "other": r["other"],
                "processing_fees": C(r["processing_fees"], "信息处理费（元），与当年缴费的收费通知金额一致")}
        header = [f"{year}年政府信息公开工作年度报告 —— 登记簿无法计算的内容",
                  "第二部分的规章、规范性文件件数，第三部分申请办理情况和第四部分复议诉讼情况由 govdisc 根据登记簿计算，",
                  "此处只填写总体情况、许可处罚数量、存在问题和其他事项。本文件兼作 reports/ 文件夹说明。", ""]
        write(f"reports/{year}.yaml", data, header)


# ---------------------------------------------------------------------------
# Assessments (年度考核评议和问责, 《实施办法》第（十三）项)
# ---------------------------------------------------------------------------

ASSESSMENTS = {
    2024: dict(completed="2025-01-20", target=("5分（满分100分）", "2025-01-15", "9个处室均达标，综合业务处因公益广告资金拨付情况未按时限公开扣0.5分"),
               review=("2024-11-28", "群众满意度95.2%，政务公开相关意见12条已逐条办理"),
               check=("2024-12-16", "检查各处室主动公开、依申请公开办理、目录编制和年终自查准备情况，发现问题3个，已督促整改"),
               accountability=[("2024-09-10", "zhyw", "公益广告扶持项目资金拨付情况未按目录时限公开", "约谈处室负责人")]),
    2025: dict(completed="2026-01-21", target=("5分（满分100分）", "2026-01-16", "9个处室均达标"),
               review=("2025-11-27", "群众满意度96.0%"),
               check=("2025-12-15", "检查各处室目录更新、舆情回应和规范性文件清理结果公开情况，未发现应公开未公开问题"),
               accountability=[]),
}


def make_assessments() -> None:
    for year, a in ASSESSMENTS.items():
        weight, tdate, tresult = a["target"]
        rdate, rresult = a["review"]
        cdate, csummary = a["check"]
        completed = D(a["completed"])
        assert completed.year == year + 1 and completed <= D(f"{year + 1}-01-31") and is_wd(completed)
        data = {"year": year, "completed": C(completed, "考核、评议完成日期（次年1月31日前）"),
                "target_assessment": {"included": True, "weight": weight, "date": D(tdate), "result": tresult},
                "conduct_review": {"included": True, "date": D(rdate), "result": rresult},
                "supervision_check": {"date": D(cdate), "summary": csummary},
                "accountability": [Flow(date=D(d), department=dept, reason=r, action=act)
                                   for d, dept, r, act in a["accountability"]]}
        if not a["accountability"]:
            data["accountability"] = C([], "本年度未发生问责")
        header = [f"{year}年度政府信息公开工作考核评议和问责 —— assessments/{year}.yaml",
                  "政府信息公开工作纳入年度单位目标量化考核和行风评议，做好年度考核和年终督促检查，加大问责力度",
                  "（《实施办法》第（十三）项）。一年一个文件，于次年年度报告公布前完成。", ""]
        write(f"assessments/{year}.yaml", data, header)


# ---------------------------------------------------------------------------
# Public participation (公众参与, 《实施办法》第（八）项)
# ---------------------------------------------------------------------------

# (id, title, kind, department, date, end, decision, participants, summary, published (date, url id) or None)
PARTICIPATION = [
    ("CY-2024-001", "有线电视基本收视维护费减免事项听证会", "hearing", "gbc", "2024-05-28", None,
     Flow(meeting="HY-2024-06", item="有线电视基本收视维护费对低保户、特困户减免事项"), 25,
     "听证代表25人（用户代表12人、网络公司5人、专家4人、人大代表政协委员4人），多数代表赞成对低保户全额减免",
     ("2024-06-03", "2024060301")),
    ("CY-2024-002", "《关于推动广播电视和网络视听产业高质量发展的若干措施（征求意见稿）》公开征求意见", "solicitation",
     "zhyw", "2024-04-29", "2024-05-31", Flow(document="云岭新广发〔2024〕17号"), 58,
     "收到意见58条，采纳19条，采纳情况随会议方案报批并公开", ("2024-06-05", "2024060501")),
    ("CY-2024-003", "农村公益电影放映场次补贴政策执行情况第三方评估", "third_party_evaluation", "dyc", "2024-10-15",
     "2024-11-15", Flow(document="云岭新广规〔2024〕2号"), None,
     "评估认为补贴标准偏低、边远山区放映成本未充分考虑，建议修订补贴办法（已据此制定云岭新广规〔2024〕4号）",
     ("2024-11-22", "2024112201")),
    ("QD-2024-01", "96128广播电视服务热线", "channel", "zhyw", "2024-12-31", None, None, None,
     "全年受理咨询、投诉和报修，季度受理情况在ZHYW-06栏目通报", ("2025-01-10", "2025011001")),
    ("QD-2024-02", "局长信箱", "channel", "bgs", "2024-12-31", None, None, None, "来信按“谁主管谁负责”转办，办结后答复来信人", None),
    ("CY-2025-001", "《云岭省有线电视管理办法（草案送审稿）》专家论证会", "expert_consultation", "zcfg", "2025-02-20", None,
     Flow(meeting="HY-2025-03", item="《云岭省有线电视管理办法（草案送审稿）》"), 9,
     "法学、传媒和价格领域专家9人参加，建议明确用户销户退费时限，已采纳", None),
    ("CY-2025-002", "网络微短剧发展措施座谈会", "symposium", "gbc", "2025-07-22", None,
     Flow(meeting="HY-2025-08", item="《关于促进网络微短剧健康繁荣发展的若干措施（征求意见稿）》"), 16,
     "邀请制作机构、平台企业、网民代表和媒体座谈，收集意见16条", None),
    ("QD-2025-01", "96128广播电视服务热线", "channel", "zhyw", "2025-12-31", None, None, None,
     "全年受理咨询、投诉和报修，季度受理情况在ZHYW-06栏目通报", ("2026-01-09", "2026010901")),
    ("QD-2025-02", "局长信箱", "channel", "bgs", "2025-12-31", None, None, None, "来信按“谁主管谁负责”转办，办结后答复来信人", None),
]
#: channel figures: id → (type, received, handled)
CHANNELS = {"QD-2024-01": ("hotline", 5230, 5218), "QD-2024-02": ("mailbox", 412, 409),
            "QD-2025-01": ("hotline", 4876, 4870), "QD-2025-02": ("mailbox", 388, 388)}


def make_participation() -> None:
    seen: set[str] = set()
    meetings = {m["id"]: m for m in MEETINGS}
    for pid, title, kind, dept, day, end, decision, n, summary, pub in PARTICIPATION:
        d = D(day)
        data = {"id": pid, "title": title, "kind": kind, "department": dept, "date": d}
        if end:
            data["end"] = D(end)
        if kind == "channel":
            ctype, received, handled = CHANNELS[pid]
            assert handled <= received
            data.update(channel=ctype, received=received, handled=handled)
        if decision is not None:
            if "meeting" in decision:
                m = meetings[decision["meeting"]]
                assert decision["item"] in {it["title"] for it in m["items"]} and d < D(m["date"]), pid
            else:
                assert decision["document"] in DOC_BY_NO, pid
            data["decision"] = decision
        if n is not None:
            data["participants"] = n
        data["summary"] = summary
        if pub:
            pd = D(pub[0])
            data["published"] = Flow(date=pd, url=f"{SITE}/hdjl/gzcy/{pub[1]}.html",
                                     secrecy_review=Flow(date=prev_wd(pd), by=SECRECY_BY[dept]))
        folder = f"participation/{d.year}"
        header = folder_header(seen, folder, [f"公众参与登记 —— {d.year}年（participation/{d.year}/）",
                                              "涉及重大公共利益和公众权益的重要决策，决策前通过征求意见、听证座谈、咨询协商、列席会议、媒体吹风等",
                                              "方式扩大公众参与；96128热线、局长信箱等渠道每年一条 kind: channel 的记录（《实施办法》第（八）项）。", ""])
        write(f"participation/{d.year}/{pid}.yaml", data, header)


# ---------------------------------------------------------------------------
# The disclosure guide (政府信息公开指南, 《条例》第十二条)
# ---------------------------------------------------------------------------


def make_guide() -> None:
    updated = D("2025-03-03")
    data = {
        "updated": C(updated, "指南内容最近一次更新（办公时间调整）"),
        "published": Flow(date=D("2025-03-04"), url=f"{SITE}/xxgk/zn/", secrecy_review=Flow(date=updated, by="局办公室")),
        "office": {
            "name": f"{AGENCY}办公室", "address": "云岭市五华区文化路88号局机关一楼政务公开受理窗口", "postcode": "650031",
            "hours": "工作日上午9:00—12:00，下午14:30—17:30（法定节假日除外）", "phone": "0871-6512 3456",
            "fax": "0871-6512 3457", "email": "xxgk@xgj.yunling.example", "website": f"{SITE}/xxgk/ysqgk/",
        },
        "classification": [
            Flow(name="机关职能和机构设置", description="主要职责、内设机构、局属单位、办公地址、办公时间、联系方式、负责人姓名"),
            Flow(name="法规文件", description="规章、行政规范性文件及其解读，规范性文件清理结果"),
            Flow(name="规划计划", description="行业发展规划、年度工作要点和政务公开工作要点"),
            Flow(name="政务服务", description="行政许可和其他政务服务事项的依据、条件、程序、办事指南和办理结果"),
            Flow(name="监管执法", description="行政执法公示、行政处罚决定、“双随机、一公开”抽查结果"),
            Flow(name="财政资金", description="部门预算、决算、“三公”经费，扶持项目资金分配"),
            Flow(name="民生工程", description="户户通、农村公益电影放映、农家书屋、全民阅读等项目的实施情况"),
            Flow(name="应急管理", description="安全播出和应急广播预案中可以公开的部分、突发事件应对情况"),
            Flow(name="人事信息", description="公务员考试录用、事业单位公开招聘、干部任前公示"),
            Flow(name="政府信息公开工作", description="政府信息公开指南、主动公开基本目录、年度报告"),
        ],
        "arrangement": ("主动公开的政府信息按上述类别和生成日期编排，每条信息标明索引号、名称、内容概述、生成日期和发布机构；"
                        "各部门主动公开基本目录按“五公开”环节编列事项。"),
        "obtaining": {
            "proactive": ("主动公开的政府信息通过本局门户网站政府信息公开专栏、云岭省人民政府公报、政务新媒体、新闻发布会"
                          "以及广播、电视、报刊等途径公开，并提供检索、查阅、下载功能。"),
            "on_request": ("向本局申请获取政府信息的，应当向局办公室提出，采用书面形式（含数据电文）；书面确有困难的可以口头提出，"
                           "由受理窗口代为填写。申请内容应包括申请人的姓名或者名称、身份证明、联系方式，所需政府信息的名称、文号或者"
                           "便于查询的其他特征性描述，以及获取信息的方式、途径。可当面提交、邮寄（信封注明“政府信息公开申请”）、"
                           "通过门户网站依申请公开平台或传真提交。"),
            "reading_rooms": [Flow(name="云岭省档案馆政府信息查阅中心", address="云岭市盘龙区档案路1号",
                                   hours="工作日9:00—17:00"),
                              Flow(name="云岭省图书馆政府信息查阅点", address="云岭市五华区翠湖路2号", hours="周二至周日9:00—21:00")],
        },
        "remedies": ("对本局政府信息公开工作有意见建议或投诉的，可以向局办公室反映（电话0871-6512 3456），也可以向云岭省人民政府办公厅"
                     "（省政府信息公开工作主管部门）投诉、举报。"),
    }
    write("guide.yaml", data, [f"{AGENCY} 政府信息公开指南（《条例》第十二条）",
                               "工作机构名称、地址、办公时间、电话、传真、互联网联系方式有变化的，同时修改 updated 并重新公布；",
                               "govdisc guide --format html -o guide.html 生成门户网站发布的指南。", ""])


# ---------------------------------------------------------------------------
# Main: write, reload, compare
# ---------------------------------------------------------------------------


def fees_paid(year: int) -> int:
    total = 0
    for a in APPS:
        evs = {e[0]: e for e in a.get("events", [])}
        if "fee_paid" in evs and add_wd(D(a["recv"]), evs["fee_paid"][1]).year == year:  # noqa
            total += evs["fee_notice"][2]["amount"]
    return total


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default=str(Path(__file__).resolve().parent.parent / "register"))
    args = ap.parse_args()
    out = Path(args.out)

    make_config()
    make_catalogs()
    make_documents()
    make_applications()
    make_opinions()
    make_meetings()
    make_activities()
    make_reviews()
    make_reports()
    make_assessments()
    make_participation()
    make_guide()
    for y in YEARS:
        assert fees_paid(y) == REPORTS[y]["processing_fees"]
        # the 行政事业性收费 row includes the 信息处理费 (stats/annual.py, FEE_ROW)
        assert REPORTS[y]["proactive"]["fees_wan"] * 10000 >= REPORTS[y]["processing_fees"] - 1e-6

    # keep non-YAML files (EXPECTED-*.md) and replace the YAML tree
    for sub in ("catalog", "documents", "applications", "opinions", "meetings", "activities", "reviews", "reports",
                "assessments", "participation"):
        shutil.rmtree(out / sub, ignore_errors=True)
    for rel, (lines, _) in sorted(FILES.items()):
        p = out / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text("\n".join(lines) + "\n", encoding="utf-8")

    # reload and compare with the source data
    from ruamel.yaml import YAML
    yaml = YAML(typ="safe", pure=True)

    def norm(v):
        if isinstance(v, dict):
            return {k: norm(x) for k, x in v.items()}
        if isinstance(v, list):
            return [norm(x) for x in v]
        if isinstance(v, date):
            assert type(v) is date, v
            return v.isoformat()
        return v

    for rel, (_, data) in FILES.items():
        loaded = norm(yaml.load((out / rel).read_text(encoding="utf-8")))
        want = plain(data)
        if loaded != want:
            print("MISMATCH", rel, file=sys.stderr)
            print(loaded, "\n", want, file=sys.stderr)
            return 1
    print(f"wrote {len(FILES)} files to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
