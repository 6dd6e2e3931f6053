"""The formal letters of an application: what each is called, which fact of the register it
tells of, who receives it, and the short name its 发文字号 may carry ({kind})."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class LetterKind:
    code: str
    title: str  # the letter's title as printed (方正小标宋 二号)
    title_en: str
    event: str | None  # the event type it tells of; None: the reply
    to: str  # applicant | consulted | third_party
    short: str  # {kind} in the number pattern
    articles: tuple[str, ...]  # the Regulation's articles (and 109号) the default wording cites


KINDS: dict[str, LetterKind] = {k.code: k for k in (
    LetterKind("correction", "政府信息公开申请补正告知书", "notice to correct the application", "correction_notice",
               "applicant", "补", ("第三十条",)),
    LetterKind("extension", "延长政府信息公开答复期限告知书", "notice of extension", "extension", "applicant", "延",
               ("第三十三条第二款",)),
    LetterKind("consultation", "政府信息公开征求意见函", "consultation letter", "consultation_sent", "consulted",
               "征", ("第三十二条", "第三十四条")),
    LetterKind("third_party_notice", "政府信息公开告知第三方书", "notice to the third party",
               "third_party_notice", "third_party", "告", ("第十五条", "第三十二条")),
    LetterKind("deferral", "延迟答复政府信息公开申请告知书", "notice of deferral", "deferral", "applicant", "迟",
               ("第三十五条",)),
    LetterKind("fee", "政府信息公开信息处理费收费通知书", "fee notice", "fee_notice", "applicant", "费",
               ("第四十二条", "国办函〔2020〕109号")),
    LetterKind("reply", "政府信息公开申请答复书", "reply", None, "applicant", "答", ("第三十六条",)),
)}

#: default addressee when the letter is not given one (--to): the register holds no names
DEFAULT_TO: dict[str, tuple[str, str]] = {
    "applicant": ("申请人", "the applicant"),
    "third_party": ("第三方", "the third party"),
    "consulted_third_party": ("第三方", "the third party"),
    "consulted_agency": ("有关行政机关", "the agency consulted"),
}
