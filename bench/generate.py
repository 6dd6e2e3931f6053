#!/usr/bin/env python3
"""Generate a deterministic, realistic synthetic register for the benchmark (not a test fixture).

    python bench/generate.py --records 100000 --out /tmp/govdisc-bench/100k [--seed 1]

The register is that of a busy, fictional provincial bureau (云岭省新闻出版广电局, 10 departments)
over ten years (2016–2025 by default), seen on `--as-of` (default 2026-01-12):

- about 45 % documents (公文) and 40 % applications (依申请公开);
- a catalog (主动公开基本目录) and a self-inspection (年终自查) per department per year, an
  activities file and an annual report per year;
- the rest public-opinion events (政务舆情) and meetings (会议议题).

Values are plausible Chinese text built from word lists; 发文字号 are in GB/T 9704 form
(代字〔YYYY〕N号, numbered per 代字 and year in date order); dates are consistent and, with few
exceptions, within the statutory working-day limits (govdisc.calendar.WorkCalendar when
importable, a weekend-only calendar otherwise). Records whose obligations fall after the as-of
date are left open (no reply / not yet published), so `govdisc deadlines` has work to do.

About 0.5 % of the records carry one genuine error each (bad enum value, misspelt key,
发文字号 with [] brackets, late reply, missing or unknown department); they are listed in
`BENCH.json` at the register root (outside the layout, so govdisc ignores it) together with
the counts, the as-of date and the file the benchmark edits for its "one changed file" run.

YAML text is written directly (unquoted dates, flow mappings for short records, comments
sprinkled as clerks write them), which makes 100 000 records a matter of seconds.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import shutil
import sys
import time
from bisect import bisect_right
from collections import Counter, defaultdict
from datetime import date, datetime, timedelta
from pathlib import Path

GENERATOR_VERSION = 3  # 2: replies tell of remedies, case files archived (issue 13)
#  3: secrecy reviews of every publication, emergency marks, leading group, guide, assessments and
#     participation channels (issue 14), so that the register is clean of those rules again

# ---------------------------------------------------------------------------------------------
# Working days
# ---------------------------------------------------------------------------------------------


class _WeekendCalendar:
    """Fallback when govdisc.calendar is not importable: Monday–Friday are working days."""

    def is_workday(self, d: date) -> bool:
        return d.weekday() < 5

    def add(self, d: date, n: int) -> date:
        step = 1 if n > 0 else -1
        while n:
            d += timedelta(days=step)
            if d.weekday() < 5:
                n -= step
        return d


def make_calendar():
    try:
        sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
        from govdisc.calendar import WorkCalendar

        return WorkCalendar(), "govdisc.calendar.WorkCalendar"
    except Exception:  # noqa: BLE001 - the generator must work without govdisc
        return _WeekendCalendar(), "weekends only (govdisc.calendar not importable)"


# ---------------------------------------------------------------------------------------------
# YAML text
# ---------------------------------------------------------------------------------------------

_PLAIN_BAD = frozenset(':#,[]{}&*!|>\'"%@`\\')
_SPECIAL = re.compile(r"^(?:[-+]?\d[\d_.:eE+-]*|true|false|yes|no|on|off|null|~|y|n)$", re.I)


def q(s: str) -> str:
    """A scalar as YAML text: plain when safe (in block and flow context), double-quoted otherwise."""
    if (not s or s[0] in "-? " or s[-1] == " " or _SPECIAL.match(s)
            or not _PLAIN_BAD.isdisjoint(s)):
        return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return s


def fl(v) -> str:
    """A value in flow style."""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (int, float)):
        return str(v)
    if isinstance(v, date):
        return v.isoformat()
    if isinstance(v, DT):
        return v.text
    if isinstance(v, dict):
        return "{" + ", ".join(f"{k}: {fl(x)}" for k, x in v.items()) + "}"
    if isinstance(v, (list, tuple)):
        return "[" + ", ".join(fl(x) for x in v) + "]"
    return q(str(v))


class DT:
    """A naive date-time written unquoted as `2024-07-02 08:30` (a string to YAML 1.2)."""

    __slots__ = ("text",)

    def __init__(self, dt: datetime) -> None:
        self.text = dt.strftime("%Y-%m-%d %H:%M")


def cm(text: str | None) -> str:
    return f"  # {text}" if text else ""


# ---------------------------------------------------------------------------------------------
# The agency
# ---------------------------------------------------------------------------------------------

AGENCY = "云岭省新闻出版广电局"
SITE = "https://xgj.yunling.example"
OFFICE = "bgs"

#: id, name, role, catalog prefix, share of documents, share of applications
DEPTS = [
    ("bgs", "办公室", "office", "BGS", 18, 14),
    ("zcfg", "政策法规处", "policy", "ZCFG", 12, 8),
    ("xxzx", "信息中心", "information", "XXZX", 6, 6),
    ("zhyw", "综合业务处", "business", "ZHYW", 10, 10),
    ("rsc", "人事处", "personnel", "RSC", 7, 6),
    ("jgdw", "机关党委", "party", "JGDW", 5, 2),
    ("cbc", "出版处", "business", "CBC", 11, 14),
    ("gbc", "广播电视处", "business", "GBC", 13, 18),
    ("dyc", "电影处", "business", "DYC", 8, 10),
    ("wlst", "网络视听处", "business", "WLST", 10, 12),
]
DEPT_IDS = [d[0] for d in DEPTS]
STAFF = "吴郑孙钱冯褚卫蒋沈韩"
DEPT_NAME = {d[0]: d[1] for d in DEPTS}
DEPT_PREFIX = {d[0]: d[3] for d in DEPTS}
DOC_WEIGHTS = [d[4] for d in DEPTS]
APP_WEIGHTS = [d[5] for d in DEPTS]

#: per department: subjects for titles, topics for applications
SUBJECTS = {
    "bgs": ["政务公开", "机关值班和安全保卫", "政务督查", "公文办理", "档案管理", "保密工作",
            "政务服务", "机关财务管理", "建议提案办理", "信访工作"],
    "zcfg": ["行政规范性文件管理", "行政执法", "法治政府建设", "重大行政决策", "普法宣传",
             "行政复议和应诉", "公平竞争审查", "“双随机、一公开”监管"],
    "xxzx": ["门户网站建设", "政务新媒体管理", "网络安全", "信息化项目", "政务数据共享",
             "网站内容保障"],
    "zhyw": ["行业统计", "公益广告扶持", "产业发展", "行业信用体系建设", "安全生产",
             "96128服务热线"],
    "rsc": ["公务员考试录用", "事业单位公开招聘", "干部教育培训", "职称评审", "年度考核",
            "干部任前公示"],
    "jgdw": ["机关党建", "精神文明建设", "党风廉政建设", "作风建设", "志愿服务",
             "“书香机关”建设"],
    "cbc": ["出版物发行管理", "印刷企业年度核验", "全民阅读", "农家书屋", "出版物市场监管",
            "出版物经营许可", "版权保护"],
    "gbc": ["广播电视节目制作经营许可", "直播卫星户户通", "有线电视管理", "应急广播",
            "卫星地面接收设施管理", "安全播出", "广播电视公共服务"],
    "dyc": ["农村电影公益放映", "电影放映单位管理", "电影市场监管", "电影票房数据报送",
            "电影专项资金"],
    "wlst": ["网络视听节目管理", "网络微短剧监管", "互联网视听节目服务许可", "网络直播管理",
             "IPTV和互联网电视管理"],
}
TOPICS = {
    "bgs": ["政务公开", "部门预算", "三公经费", "建议提案办理", "政府信息公开年度报告"],
    "zcfg": ["行政规范性文件", "行政处罚", "行政复议", "规范性文件清理"],
    "xxzx": ["门户网站", "信息化项目采购", "政务新媒体"],
    "zhyw": ["行业统计", "公益广告", "产业扶持资金", "信用监管"],
    "rsc": ["公务员招录", "事业单位招聘", "职称评审", "干部任前公示"],
    "jgdw": ["机关党建", "作风建设"],
    "cbc": ["出版物经营许可", "印刷企业核验", "农家书屋", "出版物行政处罚"],
    "gbc": ["广播电视许可", "户户通维修", "有线电视收费", "卫星地面接收设施", "应急广播"],
    "dyc": ["电影放映许可", "农村电影放映工程", "电影专项资金"],
    "wlst": ["网络视听许可", "网络微短剧", "网络直播"],
}

#: catalog items per department: (title, category, stage, content, time limit or None for 20 wd)
CATALOG = {
    "bgs": [
        ("机关职能和机构设置", "organization", "management", "本局主要职责、内设机构及其职责、办公地址和联系电话", None),
        ("局综合性文件和年度工作要点", "regulations", "decision", "以局名义印发的综合性工作部署和年度工作要点", None),
        ("重要会议议定事项落实情况", "other", "execution", "局党组会、局长办公会议定事项的执行进度和督查结果", "常态公开，每季度末更新"),
        ("政府信息公开指南", "other", "service", "信息公开指南、申请渠道、办理流程和答复期限说明", None),
        ("部门预算、决算和“三公”经费", "budget", "result", "局本级部门预算、决算和“三公”经费预决算", None),
        ("政府信息公开工作年度报告", "other", "result", "上一年度政府信息公开工作年度报告", "每年1月31日前"),
    ],
    "zcfg": [
        ("规章和行政规范性文件", "regulations", "decision", "本局起草的规章、制定的行政规范性文件全文及解读", None),
        ("重大行政决策草案征求意见", "other", "decision", "重要改革方案和重大政策措施草案、起草说明及意见采纳情况", "征求意见期一般不少于30日"),
        ("行政执法公示", "enforcement", "execution", "执法主体、执法依据、执法程序、救济渠道和随机抽查事项清单", None),
        ("行政执法统计年报", "supervision", "management", "上一年度行政执法数据统计年报和法治政府建设年度报告", "每年3月31日前"),
        ("政策解读", "regulations", "service", "重要政策文件的文字解读、图解和视频解读", "文件公开后3个工作日内"),
        ("行政规范性文件清理结果", "regulations", "result", "继续有效、修改和废止的行政规范性文件目录", None),
    ],
    "xxzx": [
        ("网站和政务新媒体建设计划", "planning", "decision", "门户网站集约化和政务新媒体矩阵建设年度计划", None),
        ("信息化项目采购及实施", "procurement", "execution", "信息化项目采购意向、采购结果、合同和验收情况", None),
        ("网站信息发布管理规则", "other", "management", "栏目设置、信息发布审核、纠错和留言办理规则", "常态公开"),
        ("政府文件库和政策检索服务", "other", "service", "政府文件、政策解读专栏和政策检索服务", "与文件发布同步更新"),
        ("政府网站工作年度报表", "other", "result", "门户网站和政务新媒体工作年度报表", "每年1月31日前"),
    ],
    "zhyw": [
        ("行业发展规划和产业政策", "planning", "decision", "全省新闻出版广播影视发展规划和产业政策措施", None),
        ("公益广告扶持项目", "other", "execution", "公益广告扶持项目申报指南、评审结果和资金拨付情况", None),
        ("“双随机、一公开”抽查", "supervision", "management", "随机抽查事项清单、年度抽查计划和抽查结果", None),
        ("政务服务事项办事指南", "licensing", "service", "政务服务事项清单、办事指南和网上办理入口", None),
        ("行业统计信息", "statistics", "result", "全省行业年度统计公报和主要指标数据", None),
    ],
    "rsc": [
        ("考试录用和公开招聘计划", "recruitment", "decision", "公务员考试录用计划、事业单位公开招聘方案和岗位表", None),
        ("招录招聘实施", "recruitment", "execution", "报名、资格审查、笔试、面试和体检安排", "各环节开始前5个工作日"),
        ("干部任前公示", "organization", "management", "局管干部任职前公示", "公示期不少于5个工作日"),
        ("职称评审", "other", "service", "职称评审通知和评审结果查询途径", None),
        ("拟录用、拟聘用人员公示", "recruitment", "result", "拟录用公务员和拟聘用人员名单公示", "公示期不少于5个工作日"),
    ],
    "jgdw": [
        ("机关党建工作要点", "other", "decision", "机关党建、精神文明建设年度工作要点中可以公开的部分", None),
        ("作风建设和政风行风评议", "supervision", "execution", "作风建设专项行动安排和政风行风评议结果", None),
        ("政务公开纳入目标考核情况", "supervision", "management", "政务公开工作纳入年度目标考核的指标和权重", None),
        ("志愿服务活动", "other", "service", "送书下乡、农村电影放映志愿服务等活动安排", "活动开展前3个工作日"),
        ("年度目标考核结果", "supervision", "result", "局属各单位年度目标考核等次结果", None),
    ],
    "cbc": [
        ("出版领域行政规范性文件", "regulations", "decision", "出版物发行、印刷复制管理方面的行政规范性文件及解读", None),
        ("全民阅读和农家书屋工程", "livelihood", "execution", "全民阅读活动安排和农家书屋出版物补充更新目录", None),
        ("印刷企业年度核验", "enforcement", "management", "印刷企业年度核验安排和结果", None),
        ("出版物经营许可办事指南", "licensing", "service", "出版物批发、零售单位设立和变更许可的条件、程序和材料", None),
        ("出版物经营许可办理结果", "licensing", "result", "出版物经营许可的准予、变更和注销结果", "作出决定之日起7个工作日内"),
        ("出版领域行政处罚决定", "enforcement", "result", "具有一定社会影响的出版领域行政处罚决定", "作出决定之日起7个工作日内"),
    ],
    "gbc": [
        ("广播电视行政规范性文件", "regulations", "decision", "广播电视管理方面的行政规范性文件及解读", None),
        ("广播电视公共服务", "livelihood", "execution", "直播卫星户户通、有线电视基本公共服务和应急广播覆盖项目", None),
        ("应急广播和安全播出", "emergency", "execution", "应急广播体系建设方案和安全播出工作安排中可以公开的部分", None),
        ("卫星地面接收设施监管", "enforcement", "management", "卫星地面接收设施安装服务许可监管和检查情况", None),
        ("广播电视节目制作经营许可", "licensing", "service", "许可证核发、变更和延续的条件、程序和申请材料", None),
        ("广播电视许可结果", "licensing", "result", "许可结果和具有一定社会影响的行政处罚决定", "作出决定之日起7个工作日内"),
    ],
    "dyc": [
        ("电影领域行政规范性文件", "regulations", "decision", "电影放映经营管理方面的行政规范性文件及解读", None),
        ("农村电影公益放映工程", "livelihood", "execution", "农村公益电影放映年度计划、补贴标准和完成情况", None),
        ("电影市场监管", "enforcement", "management", "电影票房数据报送监管和电影市场专项检查情况", None),
        ("电影放映单位设立审批", "licensing", "service", "电影放映单位设立、变更审批的条件、程序和材料", None),
        ("电影放映许可结果", "licensing", "result", "电影放映经营许可结果和行政处罚决定", "作出决定之日起7个工作日内"),
    ],
    "wlst": [
        ("网络视听行政规范性文件", "regulations", "decision", "网络视听节目管理方面的行政规范性文件及解读", None),
        ("网络视听节目备案和监管", "enforcement", "execution", "网络剧、网络微短剧备案和内容监管情况", None),
        ("网络视听行业统计", "statistics", "management", "网络视听节目服务机构数量和行业发展数据", None),
        ("互联网视听节目服务许可", "licensing", "service", "信息网络传播视听节目许可证申请条件、程序和材料", None),
        ("网络视听许可结果", "licensing", "result", "许可、变更和注销结果", "作出决定之日起7个工作日内"),
    ],
}

#: 代字 (doc_no prefix) by document kind / department, and the ASCII file-name code of each
DAIZI = {"发": "fa", "办": "ban", "函": "han", "规": "gui", "党": "dang", "人": "ren", "字": "zi"}
DAIZI_BASE = "云岭新广"

KIND_WEIGHTS = [("notice", 34), ("report", 12), ("internal", 15), ("policy", 10),
                ("normative", 8), ("regulation", 1), ("other", 20)]
KIND_ZH = {"regulation": "规章", "normative": "行政规范性文件", "policy": "政策性文件", "notice": "通知",
           "report": "报告请示", "internal": "内部文件", "other": "其他"}
DISCLOSURE_ZH = {"public": "此件公开发布", "not_public": "此件不公开", "on_request": "此件依申请公开",
                 "redacted": "此件删减后公开"}
CHANNEL_ZH = {"in_person": "当面提交", "mail_signed": "邮寄（挂号）", "mail_unsigned": "邮寄（平信）",
              "online": "网上申请", "fax": "传真"}
EXEMPT_EXPLAIN = {
    "state_secret": "经保密审查属于国家秘密",
    "law_prohibited": "属于法律、行政法规禁止公开的信息",
    "security_stability": "公开后可能危及国家安全、公共安全、经济安全和社会稳定",
    "third_party_rights": "涉及第三方商业秘密，第三方不同意公开",
    "internal_affairs": "属于人事管理、后勤管理、内部工作流程等内部事务信息",
    "process_info": "属于讨论记录、过程稿、磋商信函、请示报告等过程性信息",
    "enforcement_file": "属于行政执法案卷信息",
    "administrative_query": "属于工商、不动产登记资料等行政查询事项",
}
OUTCOMES = [("disclosed", 38), ("partially_disclosed", 10), ("withheld", 8), ("not_held", 20),
            ("needs_creation", 3), ("still_unclear", 2), ("complaint", 5), ("duplicate", 3),
            ("publication", 1), ("excessive", 1), ("confirmation", 1), ("no_correction", 4),
            ("no_fee", 1), ("other", 3)]
APPLICANT_KINDS = [("natural_person", 70), ("business", 16), ("research", 2), ("public_interest", 2),
                   ("legal_services", 6), ("other", 4)]
CHANNELS = [("online", 52), ("in_person", 14), ("mail_signed", 20), ("mail_unsigned", 6), ("fax", 8)]
PLACES = ["云泽市", "望川市", "青岚市", "南屏县", "北溪县", "东峪县", "西坪县", "石门市", "桐江市", "梅岭县"]
PUB_CHANNELS = ["门户网站", "门户网站", "门户网站", "政务新媒体", "云岭省人民政府公报"]


def _choices(rng: random.Random, table: list[tuple[str, int]]):
    values = [v for v, _ in table]
    cum, total = [], 0
    for _, w in table:
        total += w
        cum.append(total)

    def pick() -> str:
        return values[bisect_right(cum, rng.random() * total)]
    return pick


# ---------------------------------------------------------------------------------------------
# The generator
# ---------------------------------------------------------------------------------------------


def sr_flow(day: date, dept: str) -> str:
    """A secrecy review on the day of publication, as a flow-mapping entry."""
    return f"secrecy_review: {{date: {day.isoformat()}, by: {DEPT_NAME[dept]}}}"


class Generator:
    def __init__(self, records: int, seed: int, first_year: int, last_year: int, as_of: date) -> None:
        self.n = records
        self.rng = random.Random(seed)
        self.seed = seed
        self.as_of = as_of
        self.cal, self.cal_name = make_calendar()
        span = last_year - first_year + 1
        # a small register keeps fewer years, so that the per-year files stay a minority
        keep = max(1, min(span, records // 200))
        self.years = list(range(last_year - keep + 1, last_year + 1))
        self.files: dict[str, str] = {}
        self.errors: list[dict] = []
        self.counts: Counter = Counter()
        self.docs_by_dept: dict[str, list[tuple[date, str]]] = defaultdict(list)
        self.withheld: dict[tuple[str, int], list[str]] = defaultdict(list)
        self.policy_docs: dict[int, list[str]] = defaultdict(list)
        self.topic_count: Counter = Counter()
        self.change_target: str | None = None
        self._wd_cache: dict[int, list[date]] = {}
        self.review_dates: dict[tuple[str, int], date] = {}
        self.doc_refs: Counter = Counter()

    # -- helpers --------------------------------------------------------------------------------

    def workdays(self, year: int) -> list[date]:
        """Working days of the year, up to the day before as-of (nothing happens in the future)."""
        days = self._wd_cache.get(year)
        if days is None:
            d, end, days = date(year, 1, 1), min(date(year, 12, 31), self.as_of - timedelta(days=1)), []
            while d <= end:
                if self.cal.is_workday(d):
                    days.append(d)
                d += timedelta(days=1)
            self._wd_cache[year] = days
        return days

    def wd_in(self, year: int, lo: float = 0.0, hi: float = 1.0) -> date:
        days = self.workdays(year)
        a = min(int(len(days) * lo), len(days) - 1)
        return days[self.rng.randrange(a, max(a + 1, int(len(days) * hi)))]

    def add(self, d: date, n: int) -> date:
        return self.cal.add(d, n)

    def next_wd(self, d: date) -> date:
        """d if it is a working day, else the next working day."""
        return d if self.cal.is_workday(d) else self.cal.add(d, 1)

    def put(self, path: str, lines: list[str], kind: str) -> None:
        self.files[path] = "\n".join(lines) + "\n"
        self.counts[kind] += 1

    def plan(self) -> dict[str, int]:
        """How many files of each kind: yearly files first, then the 45/40 split of the rest."""
        ny, nd = len(self.years), len(DEPTS)
        fixed = {"catalog": ny * nd, "review": ny * nd, "activities": ny, "report": ny, "assessment": ny,
                 "participation": ny, "guide": 1}
        rest = self.n - sum(fixed.values())
        if rest < 10:
            raise SystemExit(f"--records {self.n} is too small (at least {sum(fixed.values()) + 10})")
        docs = round(self.n * 0.45)
        apps = round(self.n * 0.40)
        other = rest - docs - apps
        if other < 0:  # tiny registers: shrink documents and applications proportionally
            docs, apps = rest * 45 // 85, rest * 40 // 85
            other = rest - docs - apps
        opinions = other * 3 // 5
        meetings = other - opinions
        return {**fixed, "document": docs, "application": apps, "opinion": opinions, "meeting": meetings}

    def per_year(self, total: int) -> list[int]:
        """Spread over the years with a gentle growth (the bureau gets busier)."""
        ny = len(self.years)
        weights = [1.0 + 0.06 * i for i in range(ny)]
        s = sum(weights)
        counts = [int(total * w / s) for w in weights]
        for i in range(total - sum(counts)):
            counts[-1 - (i % ny)] += 1
        return counts

    # -- the whole register ------------------------------------------------------------------------

    def run(self) -> None:
        plan = self.plan()
        self.plan_counts = plan
        self.config()
        for year in self.years:
            for dept in DEPT_IDS:
                self.catalog(dept, year)
        n_err = max(1, round(self.n * 0.005))
        err_docs = n_err // 2
        err_apps = n_err - err_docs
        self.documents(plan["document"], err_docs)
        self.applications(plan["application"], err_apps)
        self.opinions(plan["opinion"])
        self.meetings(plan["meeting"])
        for year in self.years:
            self.activities(year)
            for dept in DEPT_IDS:
                self.review(dept, year)
            self.report(year)
            self.assessment(year)
            self.participation(year)
        self.guide()

    def config(self) -> None:
        lines = [
            f"# {AGENCY} 政务公开登记簿 —— 总配置（基准测试用合成数据）",
            "# 本文件所在目录即登记簿根目录。",
            f"agency: {AGENCY}",
            "# 政府信息公开工作机构：局办公室",
            f"office: {OFFICE}",
            "departments:",
        ]
        lines += [f"  - {{id: {i}, name: {n}, role: {r}, disclosure_staff: {STAFF[k]}某某}}"
                  for k, (i, n, r, *_) in enumerate(DEPTS)]
        lines += [
            "timezone: Asia/Shanghai",
            "application_id_prefix: YSQ",
            "thresholds:",
            "  frequent_request_min: 3  # 同一事项年度内被申请3次以上即属“较为集中”",
            "  due_soon_days: 3",
            "rules:",
            "  fee_pauses_clock: true",
            'report_due: "01-31"',
            "leading_group:",
            "  head: 周某某（局长）",
            "  deputy: 陈某某（副局长）",
            "  office_lead: 刘某某（办公室副主任）",
            f"  updated: {self.years[0]}-01-15",
        ]
        self.files["govdisc.yaml"] = "\n".join(lines) + "\n"

    def catalog(self, dept: str, year: int) -> None:
        rng = self.rng
        compiled = self.wd_in(year - 1, 0.93, 0.99)
        prefix = DEPT_PREFIX[dept]
        lines = [f"# {DEPT_NAME[dept]} {year}年度主动公开基本目录"] if rng.random() < 0.7 else []
        lines += [f"department: {dept}", f"year: {year}", f"compiled: {compiled.isoformat()}"]
        if rng.random() < 0.4:
            lines.append(f"updated: {self.wd_in(year, 0.3, 0.7).isoformat()}")
        lines.append("items:")
        for i, (title, cat, stage, content, tl) in enumerate(CATALOG[dept], 1):
            lines += [
                f"  - id: {prefix}-{i:02d}",
                f"    title: {q(title)}",
                f"    category: {cat}",
                f"    stage: {stage}",
                f"    content: {q(content)}",
                f"    basis: {q('《中华人民共和国政府信息公开条例》第二十条')}",
                "    time_limit: " + (fl({"days": 20, "from": "信息形成或变更之日"}) if tl is None else q(tl)),
                "    channels: " + fl(["门户网站", "政务新媒体"] if i % 2 else ["门户网站"]),
                f"    responsible: {dept}",
            ]
        self.put(f"catalog/{dept}/{year}.yaml", lines, "catalog")

    # -- documents --------------------------------------------------------------------------------

    def _doc_title(self, kind: str, dept: str, year: int) -> str:
        rng = self.rng
        s = rng.choice(SUBJECTS[dept])
        if kind == "normative":
            return rng.choice([f"关于印发《云岭省{s}管理办法》的通知", f"关于印发《云岭省{s}实施细则》的通知",
                               f"关于进一步规范{s}的通知"])
        if kind == "regulation":
            return f"云岭省{s}管理规定"
        if kind == "policy":
            return rng.choice([f"关于促进{s}高质量发展的若干措施", f"关于加强{s}的实施意见",
                               f"关于支持{s}的若干政策"])
        if kind == "report":
            return rng.choice([f"关于{year}年{s}工作情况的报告", f"关于{s}有关问题的请示",
                               f"关于{s}专项检查情况的报告"])
        if kind == "internal":
            return rng.choice([f"关于做好{year}年{s}内部管理工作的通知", f"关于调整{s}工作领导小组成员的通知",
                               f"关于{s}工作分工的通知"])
        if kind == "other":
            return rng.choice([f"关于{s}有关事项的函", f"{year}年{s}工作要点", f"关于{s}情况的通报"])
        action = rng.choice(["做好", "开展", "加强", "组织开展", "部署", "进一步做好"])
        return f"关于{action}{year}年度{s}工作的通知"

    def documents(self, total: int, n_err: int) -> None:
        rng = self.rng
        pick_kind = _choices(rng, KIND_WEIGHTS)
        pick_dept = _choices(rng, list(zip(DEPT_IDS, DOC_WEIGHTS)))
        err_idx = set(rng.sample(range(total - total // 20), min(n_err, total - total // 20)))
        err_types = ["bad_enum", "typo_key", "bracket_doc_no", "missing_department"]
        index = 0
        for year, count in zip(self.years, self.per_year(total)):
            drafts = []
            for _ in range(count):
                formed = self.wd_in(year)
                dept = pick_dept()
                kind = pick_kind()
                if dept == "jgdw":
                    dz = "党"
                elif dept == "rsc" and kind in ("notice", "internal"):
                    dz = "人"
                elif kind in ("normative", "regulation"):
                    dz = "规"
                elif kind in ("policy",) or (kind == "notice" and rng.random() < 0.4):
                    dz = "发"
                elif kind == "other":
                    dz = rng.choice(["函", "字"])
                else:
                    dz = "办"
                drafts.append((formed, dept, kind, dz))
            drafts.sort(key=lambda t: t[0])
            seq: Counter = Counter()
            for formed, dept, kind, dz in drafts:
                seq[dz] += 1
                num = seq[dz]
                doc_no = f"{DAIZI_BASE}{dz}〔{year}〕{num}号"
                path = f"documents/{year}/{DAIZI[dz]}-{year}-{num:04d}.yaml"
                error = err_types[len(self.errors) % len(err_types)] if index in err_idx else None
                self.document(path, doc_no, formed, dept, kind, error)
                index += 1

    def review_date(self, dept: str, year: int) -> date:
        """When the department submits its year-end self-inspection (decided once, on first use)."""
        d = self.review_dates.get((dept, year))
        if d is None:
            d = self.review_dates[(dept, year)] = self.wd_in(year, 0.985, 1.0)
        return d

    def document(self, path: str, doc_no: str, formed: date, dept: str, kind: str, error: str | None) -> None:
        rng = self.rng
        year = formed.year
        title = self._doc_title(kind, dept, year)
        if kind in ("normative", "regulation"):  # 规章、规范性文件 are proactive by law
            disclosure = "public"
        elif kind == "internal":
            disclosure = rng.choice(["not_public"] * 5 + ["on_request"])
        elif kind == "report":
            disclosure = rng.choice(["not_public", "on_request", "on_request", "public"])
        else:
            r = rng.random()
            disclosure = ("public" if r < 0.78 else "redacted" if r < 0.84 else
                          "on_request" if r < 0.93 else "not_public")
        approved = formed
        changed = None
        reexam = None  # the year-end self-inspection's conclusion on a withheld document
        if disclosure != "public" and error is None:
            c = rng.random()
            reexam = "keep" if c < 0.9 else "disclose" if c < 0.96 else "proactive"
            rd = self.review_date(dept, year)
            if reexam != "keep" and (disclosure == "redacted" or rd <= formed + timedelta(days=7)):
                reexam = "keep"
            if reexam != "keep":  # re-examined at year end, then published: the clock restarts
                changed = rd
        lines: list[str] = []
        if rng.random() < 0.15:
            lines.append(f"# {DEPT_NAME[dept]}承办；{KIND_ZH[kind]}")
        shown_no = doc_no.replace("〔", "[").replace("〕", "]") if error == "bracket_doc_no" else doc_no
        lines += [f"doc_no: {q(shown_no)}", f"title: {q(title)}"]
        if error != "missing_department":
            lines.append(f"department: {dept}")
        lines.append(f"kind: {kind}" + cm(KIND_ZH[kind] if rng.random() < 0.3 else None))
        lines.append(f"formed: {formed.isoformat()}")
        if rng.random() < 0.3:
            lines.append(f"approved: {approved.isoformat()}")
        if changed is not None:
            lines.append(f"changed: {changed.isoformat()}  # 年终自查后转为公开")
            shown_disc = "public"
        else:
            shown_disc = disclosure
        if error == "bad_enum":
            shown_disc = "publik"
        lines.append(f"disclosure: {shown_disc}" + cm(DISCLOSURE_ZH[disclosure] if rng.random() < 0.5 and changed is None else None))
        if disclosure != "public" and changed is None:
            reason = rng.choice(["process_info", "process_info", "process_info", "internal_affairs",
                                 "internal_affairs", "third_party_rights", "state_secret", "enforcement_file"])
            lines += ["withholding:", f"  reason: {reason}", f"  explanation: {q(EXEMPT_EXPLAIN[reason])}"]
            if kind in ("policy", "normative", "regulation") or rng.random() < 0.5:
                rev = self.add(approved, -rng.randint(1, 3))
                lines.append(f"  office_review: {{date: {rev.isoformat()}, by: 局办公室}}")
        published = None
        public_now = disclosure in ("public", "redacted") or changed is not None
        if public_now:
            base = changed or formed
            pub = self.add(base, rng.choice([1, 1, 2, 2, 3, 3, 4, 5, 6, 7, 8, 10, 12, 15]))
            if pub <= self.as_of:
                published = pub
        if public_now or rng.random() < 0.3:
            sr = base if public_now and rng.random() < 0.8 else formed
            lines.append(f"secrecy_review: {{date: {sr.isoformat()}, by: {q(DEPT_NAME[dept] + '负责人')}}}")
        if published is not None:
            channel = rng.choice(PUB_CHANNELS)
            url = f"{SITE}/xxgk/{year}/{DAIZI[doc_no[4]]}{path[-9:-5]}.html"
            key = "publised" if error == "typo_key" else "published"
            lines.append(f"{key}: {{date: {published.isoformat()}, channel: {channel}, url: {q(url)}}}")
            if self.change_target is None and error is None and year == self.years[-1] and kind == "notice":
                self.change_target = path
        items = CATALOG[dept]
        if public_now or rng.random() < 0.2:
            if kind in ("normative", "regulation", "policy"):
                cands = [i for i, it in enumerate(items, 1) if it[2] == "decision"]
                i = rng.choice(cands)
            else:
                i = rng.randrange(1, len(items) + 1)
            lines.append(f"catalog_item: {DEPT_PREFIX[dept]}-{i:02d}")
        important = kind in ("policy", "normative", "regulation") and disclosure == "public" and rng.random() < 0.5
        if kind in ("policy", "normative", "regulation", "notice"):
            lines.append(f"important_policy: {'true' if important else 'false'}")
        if important:
            lines += ["interpretation:", f"  plan_approved: {approved.isoformat()}"]
            if published is not None:
                lines.append("  materials:")
                for form, label in rng.sample([("text", "文字解读"), ("graphic", "图解"), ("video", "视频解读"),
                                               ("interview", "负责人答记者问")], rng.randint(1, 3)):
                    mp = self.add(published, rng.choice([0, 0, 1, 1, 2, 3]))
                    if mp <= self.as_of:
                        lines.append(f"    - {{title: {q(label + '：' + title[:24])}, form: {form}, "
                                     f"published: {mp.isoformat()}, {sr_flow(mp, dept)}}}")
            if error is None:
                self.policy_docs[year].append(doc_no)
        if kind in ("normative", "regulation") and year <= self.years[-1] - 4 and rng.random() < 0.15:
            rep = self.add(formed, rng.randint(400, 1200))
            if rep <= self.as_of:
                lines.append(f"repealed: {rep.isoformat()}" + cm("已废止" if rng.random() < 0.5 else None))
        if rng.random() < 0.5:
            lines.append("topics: " + fl(rng.sample(TOPICS[dept], 1)))
        if error is None:  # applications refer to well-formed documents only
            self.docs_by_dept[dept].append((formed, doc_no))
        if disclosure != "public" and error in (None, "typo_key"):
            self.withheld[(dept, year)].append((doc_no, reexam or "keep"))
        self.put(path, lines, "document")
        if error:
            self.errors.append({"path": path, "kind": "document", "error": error})

    # -- applications ----------------------------------------------------------------------------

    def applications(self, total: int, n_err: int) -> None:
        rng = self.rng
        for lst in self.docs_by_dept.values():
            lst.sort()
        pick_dept = _choices(rng, list(zip(DEPT_IDS, APP_WEIGHTS)))
        pick_channel = _choices(rng, CHANNELS)
        pick_outcome = _choices(rng, OUTCOMES)
        pick_applicant = _choices(rng, APPLICANT_KINDS)
        err_idx = set(rng.sample(range(total - total // 20), min(n_err, total - total // 20)))
        err_types = ["late_reply", "bad_enum", "typo_key", "unknown_department"]
        n_app_err = 0
        index = 0
        for year, count in zip(self.years, self.per_year(total)):
            receipts = sorted(self.wd_in(year) for _ in range(count))
            width = max(4, len(str(count)))
            for seq, receipt in enumerate(receipts, 1):
                error = None
                if index in err_idx:
                    error = err_types[n_app_err % len(err_types)]
                    n_app_err += 1
                app_id = f"YSQ-{year}-{seq:0{width}d}"
                self.application(app_id, receipt, pick_dept(), pick_channel(), pick_outcome(),
                                 pick_applicant(), error)
                index += 1

    def application(self, app_id: str, receipt: date, dept: str, channel: str, outcome: str,
                    applicant: str, error: str | None) -> None:
        rng = self.rng
        year = receipt.year
        path = f"applications/{year}/{app_id}.yaml"
        lines: list[str] = []
        if rng.random() < 0.1:
            lines.append(f"# {CHANNEL_ZH[channel]}；承办：{DEPT_NAME[dept]}")
        lines.append(f"id: {app_id}")
        shown_channel = "email" if error == "bad_enum" else channel
        lines.append(f"channel: {shown_channel}" + cm(CHANNEL_ZH[channel] if rng.random() < 0.3 else None))
        if channel == "in_person":
            lines.append(f"submitted: {receipt.isoformat()}")
        elif channel == "mail_signed":
            lines += [f"submitted: {(receipt - timedelta(days=rng.randint(2, 5))).isoformat()}",
                      f"signed_for: {receipt.isoformat()}"]
        elif channel == "mail_unsigned":
            lines += [f"submitted: {(receipt - timedelta(days=rng.randint(3, 7))).isoformat()}",
                      f"confirmed: {receipt.isoformat()}"]
        else:  # online, fax: submitted maybe the evening or weekend before; confirmed on a working day
            sub = receipt - timedelta(days=rng.choice([0, 0, 0, 1, 1, 2]))
            lines += [f"submitted: {sub.isoformat()}", f"confirmed: {receipt.isoformat()}"]
        handler = "fwc" if error == "unknown_department" else dept
        lines.append(f"handler: {handler}")
        lines.append(f"applicant: {{kind: {applicant}, ref: A-{year}-{rng.randrange(1, 10000):04d}}}")
        topic = rng.choice(TOPICS[dept])
        subject = rng.choice(SUBJECTS[dept])
        place = rng.choice(PLACES)
        yr = year - rng.choice([0, 1, 1, 2, 3])
        summary = rng.choice([f"申请公开{yr}年度{subject}的相关文件和执行情况",
                              f"申请公开{place}{subject}的审批材料",
                              f"申请获取{yr}年{topic}有关的统计数据",
                              f"申请公开{topic}相关的政策依据和办理结果",
                              f"申请公开{place}{topic}的检查记录和处理结果"])
        key = "summery" if error == "typo_key" else "summary"
        lines.append(f"{key}: {q(summary)}")
        if rng.random() < 0.85:
            lines.append(f"topics: [{topic}]")
            self.topic_count[(dept, year, topic)] += 1
        docs = self.docs_by_dept[dept]
        if docs and rng.random() < 0.12:
            k = bisect_right(docs, (receipt, "\uffff"))
            if k:
                ref = docs[rng.randrange(max(0, k - 300), k)][1]
                lines.append("documents: " + fl([ref]))
                self.doc_refs[(dept, year, ref)] += 1
        # the clock
        start = receipt
        events: list[str] = []
        budget = 20
        late = error == "late_reply"
        if late and outcome in ("still_unclear", "no_correction", "no_fee"):
            outcome = "disclosed"
        r = 0.0 if outcome in ("still_unclear", "no_correction") else rng.random()
        if outcome in ("still_unclear", "no_correction") or (not late and r < 0.12):
            notice = self.add(receipt, rng.randint(1, 6))
            events.append(f"  - {{type: correction_notice, date: {notice.isoformat()}, note: "
                          f"{rng.choice(['请明确所需信息的时间范围', '请补充申请内容的具体描述', '请明确所需文件的名称或文号'])}}}")
            if outcome == "no_correction":
                pass
            else:
                start = self.next_wd(notice + timedelta(days=rng.randint(2, 12)))
                events.append(f"  - {{type: correction_received, date: {start.isoformat()}}}")
        if not late and 0.12 <= r < 0.20:
            sent = self.add(start, rng.randint(2, 6))
            answered = self.add(sent, rng.randint(3, 14))
            party = "third_party" if rng.random() < 0.7 else "agency"
            events.append(f"  - {{type: consultation_sent, date: {sent.isoformat()}, party: {party}, written: true}}")
            if answered <= self.as_of:
                events.append(f"  - {{type: consultation_answered, date: {answered.isoformat()}}}")
        if not late and rng.random() < 0.05:
            ext = self.add(start, rng.randint(14, 18))
            if ext <= self.as_of:
                events.append(f"  - {{type: extension, date: {ext.isoformat()}, days: 20, "
                              f"approved_by: 政府信息公开工作机构负责人, notified: {ext.isoformat()}}}")
                budget = 40
        if outcome == "no_fee" or (not late and outcome in ("disclosed", "partially_disclosed") and rng.random() < 0.01):
            fee = self.add(start, rng.randint(3, 8))
            events.append(f"  - {{type: fee_notice, date: {fee.isoformat()}, amount: {rng.choice([100, 200, 300, 500])}}}")
            if outcome != "no_fee":
                paid = self.add(fee, rng.randint(1, 5))
                events.append(f"  - {{type: fee_paid, date: {paid.isoformat()}}}")
                start = paid  # conservative: reply counted from payment so the reply stays in time
        if events:
            lines.append("events:")
            lines += events
        if late:
            reply = self.add(start, rng.randint(23, 30))
        else:
            k = min(budget - 1, max(1, int(rng.triangular(1, budget - 1, 9 if budget == 20 else 28))))
            reply = self.add(start, k)
        if reply <= self.as_of:
            lines.append("reply:")
            lines.append(f"  date: {reply.isoformat()}")
            lines.append(f"  outcome: {outcome}")
            if outcome in ("withheld", "partially_disclosed"):
                ex = rng.choice(["third_party_rights", "process_info", "internal_affairs", "enforcement_file",
                                 "state_secret", "administrative_query"])
                lines.append(f"  exemptions: [{ex}]")
            if outcome != "other":  # the reply letter tells of both remedies (APP031)
                lines.append("  remedies: [reconsideration, litigation]")
            if rng.random() < 0.2:
                lines.append(f"  note: {q(rng.choice(['已通过电子邮件送达', '已当面送达', '已挂号邮寄送达']))}")
            if outcome in ("withheld", "partially_disclosed", "not_held") and rng.random() < 0.06:
                rd = reply + timedelta(days=rng.randint(20, 60))
                if rd <= self.as_of:
                    kind = rng.choice(["reconsideration"] * 4 + ["litigation", "litigation_after_reconsideration"])
                    res = rng.choice(["upheld"] * 6 + ["corrected", "other"])
                    if rd + timedelta(days=60) > self.as_of:
                        res = "pending"
                    lines.append(f"review: {{kind: {kind}, result: {res}, date: {rd.isoformat()}}}")
            filed = self.next_wd(date(reply.year + 1, 3, 2))  # case files archived each spring (APP033)
            if filed <= self.as_of:
                lines.append(f"archived: {{date: {filed.isoformat()}}}")
        self.put(path, lines, "application")
        if error:
            self.errors.append({"path": path, "kind": "application", "error": error})

    # -- opinions, meetings --------------------------------------------------------------------

    def opinions(self, total: int) -> None:
        rng = self.rng
        for year, count in zip(self.years, self.per_year(total)):
            start = datetime(year, 1, 1)
            minutes = (min(datetime(year + 1, 1, 1), datetime.combine(self.as_of, datetime.min.time())
                           - timedelta(days=3)) - start) // timedelta(minutes=1)
            moments = sorted(start + timedelta(minutes=rng.randrange(0, minutes)) for _ in range(count))
            width = max(3, len(str(count)))
            for seq, at in enumerate(moments, 1):
                oid = f"YQ-{year}-{seq:0{width}d}"
                dept = rng.choice(DEPT_IDS[3:] + ["bgs"])
                r = rng.random()
                level = "especially_major" if r < 0.02 else "major" if r < 0.12 else "general"
                subject = rng.choice(SUBJECTS[dept])
                place = rng.choice(PLACES)
                title = rng.choice([f"{place}{subject}问题引发网民关注", f"网传{place}{subject}相关信息引发热议",
                                    f"媒体报道{place}{subject}有关情况"])
                lines = [f"id: {oid}", f"title: {q(title)}", f"detected_at: {DT(at).text}",
                         f"level: {level}", f"lead: {dept}",
                         f"summary: {q('监测发现' + title + '，转' + DEPT_NAME[dept] + '核实处置')}"]
                if level != "general":
                    lines.append(f"emergency: {'true' if rng.random() < 0.3 else 'false'}")
                    rel = at + timedelta(minutes=rng.randint(40, 280))
                    pc = at + timedelta(minutes=rng.randint(300, 1380))
                    lines += ["releases:",
                              f"  - {{at: {DT(rel).text}, channel: {rng.choice(['门户网站', '政务新媒体'])}, "
                              f"title: {q('关于' + subject + '有关情况的通报')}, {sr_flow(rel.date(), dept)}}}",
                              f"press_conference: {{at: {DT(pc).text}, note: 局新闻发布会}}"]
                    fu = pc + timedelta(days=rng.randint(1, 5))
                    lines += ["follow_ups:", f"  - {{at: {DT(fu).text}, note: 持续发布处置进展, {sr_flow(fu.date(), dept)}}}"]
                elif rng.random() < 0.6:
                    rel = at + timedelta(hours=rng.randint(3, 60))
                    lines += ["releases:", f"  - {{at: {DT(rel).text}, channel: 政务新媒体, {sr_flow(rel.date(), dept)}}}"]
                self.put(f"opinions/{year}/{oid}.yaml", lines, "opinion")

    def meetings(self, total: int) -> None:
        rng = self.rng
        for year, count in zip(self.years, self.per_year(total)):
            days = sorted(self.wd_in(year, 0.1, 1.0) for _ in range(count))
            width = max(2, len(str(count)))
            for seq, day in enumerate(days, 1):
                mid = f"HY-{year}-{seq:0{width}d}"
                lines = [f"id: {mid}", f"date: {day.isoformat()}",
                         f"body: {rng.choice(['局党组会', '局长办公会', '局长办公会', '局务会'])}", "items:"]
                for _ in range(rng.randint(1, 4)):
                    dept = rng.choice(DEPT_IDS)
                    subject = rng.choice(SUBJECTS[dept])
                    kind = rng.choice(["other", "other", "other", "livelihood", "major_policy", "major_reform"])
                    t = {"major_reform": f"关于{subject}改革方案", "major_policy": f"关于支持{subject}的政策措施",
                         "livelihood": f"关于{subject}民生实事项目安排", "other": f"关于{subject}有关事项"}[kind]
                    lines += [f"  - title: {q(t)}", f"    kind: {kind}", f"    department: {dept}"]
                    confidential = kind.startswith("major") and rng.random() < 0.05
                    if kind.startswith("major"):
                        lines.append(f"    confidential: {'true' if confidential else 'false'}")
                    if kind.startswith("major") and not confidential:
                        pub = self.add(day, -rng.randint(30, 50))
                        until = pub + timedelta(days=30)
                        url = f"{SITE}/hdjl/yjzj/{year}/{mid.lower()}.html"
                        recv = rng.randint(0, 80)
                        answered = self.add(until, rng.randint(1, 5))
                        lines += [f"    public_draft: {{published: {pub.isoformat()}, basis_published: true, "
                                  f"comment_until: {until.isoformat()}, url: {q(url)}, {sr_flow(pub, dept)}}}",
                                  f"    comments: {{received: {recv}, adopted: {rng.randint(0, recv)}, "
                                  f"summary: 意见收集和采纳情况说明已随草案一并公开, "
                                  f"published: {answered.isoformat()}, {sr_flow(answered, dept)}}}"]
                    if kind == "livelihood":
                        lines.append("    attendance: {stakeholders: true, public: true, experts: "
                                     f"{'true' if rng.random() < 0.7 else 'false'}, media: "
                                     f"{'true' if rng.random() < 0.5 else 'false'}, reason: 涉及群众切身利益}}")
                    if kind != "other" or rng.random() < 0.3:
                        dec = "public" if kind != "other" or rng.random() < 0.5 else "not_public"
                        lines.append(f"    openness: {{decision: {dec}, method: 门户网站公开会议纪要}}"
                                     if dec == "public" else
                                     "    openness: {decision: not_public, reason: 属于内部事务}")
                self.put(f"meetings/{year}/{mid}.yaml", lines, "meeting")

    # -- yearly files ------------------------------------------------------------------------------

    def activities(self, year: int) -> None:
        rng = self.rng
        plan = [("head_interpretation", rng.randint(2, 4)), ("head_hears_report", rng.randint(1, 3)),
                ("deputy_hears_report", rng.randint(2, 4)), ("deputy_research", rng.randint(2, 5)),
                ("training", rng.randint(2, 3)), ("exam", 1), ("press_conference", rng.randint(3, 8)),
                ("briefing", rng.randint(1, 3)), ("media_interview", rng.randint(1, 3))]
        titles = {"head_interpretation": "局主要负责人解读", "head_hears_report": "局主要负责人听取政务公开工作汇报",
                  "deputy_hears_report": "分管负责人听取政务公开工作汇报", "deputy_research": "分管负责人调研",
                  "training": "全局政务公开业务培训", "exam": "政府信息公开条例知识测试",
                  "press_conference": "新闻发布会", "briefing": "政策吹风会", "media_interview": "接受媒体专访"}
        entries = []
        last = self.as_of if self.as_of.year == year else date(year, 12, 31)
        policies = self.policy_docs.get(year, [])
        for typ, n in plan:
            for _ in range(n):
                d = self.wd_in(year, 0.02, 0.97)
                if d > last:
                    continue
                e = {"date": d, "type": typ}
                if typ == "head_interpretation" and policies:
                    doc = rng.choice(policies)
                    e["title"] = titles[typ] + "重要政策文件"
                    e["document"] = doc
                elif typ == "deputy_research":
                    e["title"] = f"{titles[typ]}{rng.choice(PLACES)}{rng.choice(SUBJECTS[rng.choice(DEPT_IDS)])}工作"
                elif typ == "press_conference":
                    e["title"] = f"{year}年{rng.choice(SUBJECTS[rng.choice(DEPT_IDS)])}新闻发布会"
                else:
                    e["title"] = titles[typ]
                if typ in ("training", "exam"):
                    e["participants"] = rng.randint(40, 160)
                    e["department"] = OFFICE
                entries.append(e)
        entries.sort(key=lambda e: (e["date"], e["type"]))
        lines = [f"# {year}年度领导职责落实、培训和发布活动", f"year: {year}", "entries:"]
        lines += [f"  - {fl(e)}" for e in entries]
        self.put(f"activities/{year}.yaml", lines, "activities")

    def review(self, dept: str, year: int) -> None:
        rng = self.rng
        submitted = self.review_date(dept, year)
        lines = [f"department: {dept}", f"year: {year}", f"submitted: {submitted.isoformat()}"]
        withheld = self.withheld.get((dept, year), [])
        if withheld:
            lines.append("withheld_reexamined:")
            reasons = {"keep": "不予公开的理由仍然成立", "disclose": "不公开的情形已消失，可以公开",
                       "proactive": "社会关注度高，转为主动公开"}
            for doc, concl in withheld:
                reason = reasons[concl]
                lines.append(f"  - {{document: {q(doc)}, conclusion: {concl}, reason: {reason}}}")
        freq = [(t, n) for (d, y, t), n in self.topic_count.items() if d == dept and y == year and n >= 3]
        freq += [(t, n) for (d, y, t), n in self.doc_refs.items() if d == dept and y == year and n >= 3]
        if freq:
            lines.append("frequent_requests:")
            for topic, n in sorted(freq):
                action = rng.choice(["convert_proactive", "already_public", "already_public", "keep_on_request"])
                lines.append(f"  - {{subject: {q(topic)}, applications: {n}, action: {action}}}")
        if rng.random() < 0.8:
            done = self.add(submitted, rng.randint(1, 5))
            lines += ["findings:",
                      f"  - problem: {q(rng.choice(['部分文件公开属性源头认定不够准确', '政策解读形式较为单一', '目录动态更新不够及时']))}",
                      f"    rectification: {q('已组织专题学习并逐项整改')}"]
            if done <= self.as_of:
                lines.append(f"    done: {done.isoformat()}")
        self.put(f"reviews/{dept}/{year}.yaml", lines, "review")

    def report(self, year: int) -> None:
        rng = self.rng
        lines = [f"# {year}年政府信息公开工作年度报告（登记簿无法计算的部分）", f"year: {year}"]
        pub = self.wd_in(year + 1, 0.02, 0.07)
        if pub <= self.as_of:
            lines.append(f"published: {{date: {pub.isoformat()}, url: {q(f'{SITE}/xxgk/ndbg/{year}.html')}, "
                         f"{sr_flow(pub, OFFICE)}}}")
        lines += [f"overview: {q(f'{year}年，本局认真贯彻落实《中华人民共和国政府信息公开条例》，持续推进决策、执行、管理、服务、结果公开。')}",
                  f"proactive: {{licensing: {rng.randint(600, 2000)}, penalties: {rng.randint(5, 60)}, "
                  f"enforcement: {rng.randint(0, 8)}, fees_wan: 0}}",
                  f"problems: {q('政策解读的针对性和互动性还需加强；基层政务公开标准化规范化工作有待深化。')}",
                  "processing_fees: 0"]
        self.put(f"reports/{year}.yaml", lines, "report")

    def assessment(self, year: int) -> None:
        """The year's assessment and accountability (二(十三)), completed in the next January."""
        done = self.next_wd(date(year + 1, 1, 20))
        lines = [f"# {year}年度政府信息公开工作考核评议和问责", f"year: {year}"]
        if done <= self.as_of:
            lines.append(f"completed: {done.isoformat()}")
        lines += ["target_assessment:", "  included: true", "  weight: 5分（满分100分）"]
        if self.add(done, -3) <= self.as_of:
            lines += [f"  date: {self.add(done, -3).isoformat()}", "  result: 各处室均达标"]
        lines += ["conduct_review:", "  included: true", f"  date: {self.next_wd(date(year, 11, 28)).isoformat()}",
                  "  result: 政务公开相关意见已逐条办理",
                  "supervision_check:", f"  date: {self.next_wd(date(year, 12, 16)).isoformat()}",
                  "  summary: 检查各处室主动公开、依申请公开办理和目录编制情况，发现的问题已督促整改"]
        self.put(f"assessments/{year}.yaml", lines, "assessment")

    def participation(self, year: int) -> None:
        """The year's hotline and mailbox (二(八)): one channel record."""
        day = date(year, 12, 31)
        received = self.rng.randint(2000, 6000)
        lines = [f"id: QD-{year}-01", "title: 局长信箱和12345热线转办", "kind: channel", f"department: {OFFICE}",
                 f"date: {day.isoformat()}", "channel: hotline", f"received: {received}",
                 f"handled: {received - self.rng.randint(0, 20)}", "summary: 全年受理咨询、投诉和建议，按季度通报办理情况"]
        pub = self.next_wd(date(year + 1, 1, 10))
        if pub <= self.as_of:
            lines.append(f"published: {{date: {pub.isoformat()}, url: {q(f'{SITE}/hdjl/{year}.html')}, "
                         f"{sr_flow(pub, OFFICE)}}}")
        self.put(f"participation/{year}/QD-{year}-01.yaml", lines, "participation")

    def guide(self) -> None:
        """The disclosure guide (条例第12条), last updated at the start of the first year."""
        updated = self.next_wd(date(self.years[0], 3, 1))
        pub = self.add(updated, 1)
        lines = [f"# {AGENCY} 政府信息公开指南", f"updated: {updated.isoformat()}",
                 f"published: {{date: {pub.isoformat()}, url: {q(SITE + '/xxgk/zn/')}, {sr_flow(pub, OFFICE)}}}",
                 "office:", f"  name: {AGENCY}办公室", "  address: 云岭市五华区文化路88号",
                 '  postcode: "650031"', '  hours: "工作日上午9:00—12:00，下午14:30—17:30"',
                 "  phone: 0871-6512 3456", "  fax: 0871-6512 3457", '  email: "xxgk@xgj.yunling.example"',
                 f"  website: {q(SITE + '/xxgk/ysqgk/')}",
                 "classification:", "  - {name: 法规文件, description: 规章、行政规范性文件及其解读}",
                 "  - {name: 政务服务, description: 行政许可和其他政务服务事项}",
                 "arrangement: 按上述类别和生成日期编排",
                 "obtaining:", "  proactive: 通过本局门户网站政府信息公开专栏公开",
                 "  on_request: 向本局申请获取政府信息的，应当向局办公室提出，采用书面形式（含数据电文）",
                 "remedies: 对本局政府信息公开工作有意见建议的，可以向局办公室反映"]
        self.put("guide.yaml", lines, "guide")

    # -- output ----------------------------------------------------------------------------------

    def write(self, out: Path) -> None:
        made: set[str] = set()
        for rel, text in self.files.items():
            folder = rel.rpartition("/")[0]
            if folder and folder not in made:
                (out / folder).mkdir(parents=True, exist_ok=True)
                made.add(folder)
            with open(out / rel, "w", encoding="utf-8", newline="\n") as fh:
                fh.write(text)
        meta = {
            "generator": GENERATOR_VERSION,
            "seed": self.seed,
            "records": self.n,
            "as_of": self.as_of.isoformat(),
            "years": [self.years[0], self.years[-1]],
            "last_year": self.years[-1],
            "calendar": self.cal_name,
            "counts": dict(sorted(self.counts.items())),
            "change_target": self.change_target,
            "errors": self.errors,
        }
        (out / "BENCH.json").write_text(json.dumps(meta, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--records", "-n", type=int, required=True, help="number of record files (govdisc.yaml not counted)")
    ap.add_argument("--out", "-o", type=Path, required=True, help="register folder to create (use /tmp, never the repo)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--years", default="2016-2025", help="first-last year (default 2016-2025)")
    ap.add_argument("--as-of", default="2026-01-12", help="the register's 'today' (default 2026-01-12)")
    ap.add_argument("--force", action="store_true", help="replace a non-empty --out that is not a generated register")
    args = ap.parse_args(argv)
    first, _, last = args.years.partition("-")
    as_of = date.fromisoformat(args.as_of)
    out: Path = args.out
    if out.exists() and any(out.iterdir()):
        if not ((out / "BENCH.json").is_file() or args.force):
            print(f"{out} is not empty and not a generated register; use --force", file=sys.stderr)
            return 2
        shutil.rmtree(out)
    out.mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()
    gen = Generator(args.records, args.seed, int(first), int(last or first), as_of)
    gen.run()
    t1 = time.perf_counter()
    gen.write(out)
    t2 = time.perf_counter()
    total = sum(gen.counts.values())
    print(f"{out}: {total} records ({', '.join(f'{k} {v}' for k, v in sorted(gen.counts.items()))}), "
          f"{len(gen.errors)} injected errors; built in {t1 - t0:.1f} s, written in {t2 - t1:.1f} s "
          f"[calendar: {gen.cal_name}]")
    return 0


if __name__ == "__main__":
    sys.exit(main())
