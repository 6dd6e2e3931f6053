"""Golden test: the 2024 figures of the bundled example register.

The expected numbers are typed by hand from register/EXPECTED-2024.md (an independent tally),
after checking them against the register files themselves (receipt date per channel, reply
year, exemptions[0], review dates, document kinds/formed/repealed). They are NOT produced by
the code under test.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from govdisc.calendar import calendar_for
from govdisc.stats import annual_stats

EXAMPLE = Path(__file__).resolve().parents[2] / "register"

pytestmark = pytest.mark.skipif(not (EXAMPLE / "govdisc.yaml").is_file(), reason="example register not present")

COLUMNS = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]

EXPECTED_2024 = {
    "一、本年新收政府信息公开申请数量": [17, 9, 5, 1, 3, 2, 37],
    "二、上年结转政府信息公开申请数量": [0, 0, 0, 0, 0, 0, 0],
    "（一）予以公开": [4, 4, 1, 1, 0, 2, 12],
    "（二）部分公开（区分处理的，只计这一情形，不计其他情形）": [0, 1, 0, 0, 1, 0, 2],
    "1.属于国家秘密": [1, 0, 0, 0, 0, 0, 1],
    "2.其他法律行政法规禁止公开": [1, 0, 0, 0, 0, 0, 1],
    "3.危及“三安全一稳定”": [1, 0, 0, 0, 0, 0, 1],
    "4.保护第三方合法权益": [0, 1, 0, 0, 0, 0, 1],
    "5.属于三类内部事务信息": [0, 0, 1, 0, 0, 0, 1],
    "6.属于四类过程性信息": [1, 0, 0, 0, 0, 0, 1],
    "7.属于行政执法案卷": [0, 0, 0, 0, 1, 0, 1],
    "8.属于行政查询事项": [1, 0, 0, 0, 0, 0, 1],
    "1.本机关不掌握相关政府信息": [1, 0, 0, 0, 0, 0, 1],
    "2.没有现成信息需要另行制作": [0, 0, 1, 0, 0, 0, 1],
    "3.补正后申请内容仍不明确": [1, 0, 0, 0, 0, 0, 1],
    "1.信访举报投诉类申请": [1, 0, 0, 0, 0, 0, 1],
    "2.重复申请": [1, 0, 0, 0, 0, 0, 1],
    "3.要求提供公开出版物": [1, 0, 0, 0, 0, 0, 1],
    "4.无正当理由大量反复申请": [1, 0, 0, 0, 0, 0, 1],
    "5.要求行政机关确认或重新出具已获取信息": [0, 1, 0, 0, 0, 0, 1],
    "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请": [0, 0, 1, 0, 0, 0, 1],
    "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请": [0, 1, 0, 0, 0, 0, 1],
    "3.其他": [1, 0, 0, 0, 0, 0, 1],
    "（七）总计": [16, 8, 4, 1, 2, 2, 33],
    "四、结转下年度继续办理": [1, 1, 1, 0, 1, 0, 4],
}

# 行政复议 维持 2 (0005; 0012's reconsideration before its lawsuit — recorded as its own dated step
# since issue 13, so the count rose from 1), 纠正 1 (0014); 直接起诉 尚未审结 1 (0013, decided only in
# 2025); 复议后起诉 其他 1 (0012, withdrawn 2024-11-20)
EXPECTED_REVIEWS_ROW = [2, 1, 0, 0, 3, 0, 0, 0, 1, 1, 0, 0, 1, 0, 1]


@pytest.fixture(scope="module")
def stats():
    from govdisc.loading.register import load_register  # noqa: PLC0415

    loaded = load_register(EXAMPLE)
    return annual_stats(loaded.records, loaded.config, calendar_for(loaded.config), 2024)


@pytest.mark.parametrize("row", list(EXPECTED_2024))
def test_applications_row(stats, row):
    got = stats["applications"]["table"][row]
    assert [got[c] for c in COLUMNS] == EXPECTED_2024[row], row


def test_applications_table_complete(stats):
    assert list(stats["applications"]["table"]) == list(EXPECTED_2024)
    assert stats["applications"]["checks"] == []
    assert stats["notes"] == []


def test_reviews(stats):
    assert stats["reviews"]["row"] == EXPECTED_REVIEWS_ROW
    assert stats["reviews"]["checks"] == []


def test_proactive(stats):
    t = stats["proactive"]["table"]
    assert t["规章"] == {"本年制发件数": 1, "本年废止件数": 0, "现行有效件数": 1}
    assert t["行政规范性文件"] == {"本年制发件数": 4, "本年废止件数": 1, "现行有效件数": 3}
    assert t["行政许可"]["本年处理决定数量"] == 1386
    assert t["行政处罚"]["本年处理决定数量"] == 27
    assert t["行政强制"]["本年处理决定数量"] == 3
    # every 行政事业性收费 collected, the 100 元 信息处理费 of section 六 included (stats/annual.py)
    assert t["行政事业性收费"]["本年收费金额（单位：万元）"] == 0.01
    assert t["行政事业性收费"]["本年收费金额（单位：万元）"] * 10000 >= stats["narrative"]["processing_fees"]


def test_narrative_and_header(stats):
    assert stats["agency"] == "云岭省新闻出版广电局"
    assert stats["period"] == "本报告中所列数据统计期限为2024年1月1日至12月31日"
    assert stats["narrative"]["processing_fees"] == 100
    assert stats["narrative"]["published"]["date"] == "2025-01-22"


def test_response_times(stats):
    rt = stats["response_times"]
    assert rt["count"] == 33  # one per reply dated 2024 (（七）总计)
    assert rt["late"] == 0  # every application of 2024 was answered in time
    assert sum(b["count"] for b in rt["bands"]) == 33
