"""Chinese and English names of clocks, statuses and channels, shared by explain and ICS."""

from __future__ import annotations

#: obligation code → (zh, en)
OBLIGATIONS: dict[str, tuple[str, str]] = {
    "reply": ("答复政府信息公开申请", "Reply to the application"),
    "correction_notice": ("一次性告知补正", "Notice asking the applicant to correct"),
    "consultation_reply": ("征求意见答复期限", "Consultation answer period"),
    "fee_payment": ("申请人缴纳信息处理费期限", "Applicant's fee payment period"),
    "publication": ("主动公开", "Proactive publication"),
    "interpretation": ("发布政策解读", "Publish the policy interpretation"),
    "release": ("发布权威信息（5小时内）", "Authoritative release (within 5 hours)"),
    "press_conference": ("召开新闻发布会（24小时内）", "Press conference (within 24 hours)"),
    "timely_release": ("及时发布信息（重点事项）", "Timely release (key matter)"),
    "catalog": ("编制主动公开基本目录", "Compile the proactive-disclosure catalog"),
    "review": ("报送年终自查", "Submit the year-end self-inspection"),
    "annual_report": ("公布政府信息公开工作年度报告", "Publish the annual report"),
    "rectification": ("完成自查发现问题的整改", "Rectify a problem found in the self-inspection"),
    "assessment": ("完成年度考核评议", "Complete the year's assessment and conduct review"),
}

#: event type (applications and opinions) → (zh, en)
EVENTS: dict[str, tuple[str, str]] = {
    "correction_notice": ("补正告知", "correction notice"),
    "correction_received": ("收到补正", "correction received"),
    "consultation_sent": ("发出征求意见", "consultation sent"),
    "consultation_answered": ("收到征求意见答复", "consultation answered"),
    "extension": ("延长答复期限", "extension"),
    "fee_notice": ("收费通知", "fee notice"),
    "fee_paid": ("缴纳信息处理费", "fee paid"),
    "deferral": ("延迟答复", "deferral"),
    "third_party_notice": ("书面告知第三方决定公开", "notice to the third party"),
    "reply": ("答复", "reply"),
    "release": ("发布权威信息", "authoritative release"),
    "press_conference": ("新闻发布会", "press conference"),
    "follow_up": ("持续发布", "follow-up release"),
}

STATUSES: dict[str, tuple[str, str]] = {
    "overdue": ("已逾期", "overdue"),
    "due_soon": ("即将到期", "due soon"),
    "open": ("未到期", "open"),
    "done": ("已按期完成", "done"),
    "late": ("逾期完成", "done late"),
    "waiting": ("等待申请人补正", "waiting for the applicant"),
}

CHANNELS: dict[str, tuple[str, str]] = {
    "in_person": ("当面提交", "in person"),
    "mail_signed": ("邮寄（需签收）", "mail, signed for"),
    "mail_unsigned": ("平常信函（无需签收）", "ordinary mail, no signature"),
    "online": ("互联网", "online"),
    "fax": ("传真", "fax"),
}

#: date field → (zh, en) as Art. 31 names it
RECEIPT_FIELDS: dict[str, tuple[str, str]] = {
    "submitted": ("提交之日", "submission"),
    "signed_for": ("签收之日", "signed-for"),
    "confirmed": ("确认之日", "confirmation"),
    "arrived": ("到达之日", "arrival"),
}


def label(table: dict[str, tuple[str, str]], key: str, lang: str = "zh") -> str:
    """Look a code up in one of the tables above; unknown codes are shown as they are."""
    pair = table.get(key)
    if pair is None:
        return key
    return pair[1] if lang == "en" else pair[0]
