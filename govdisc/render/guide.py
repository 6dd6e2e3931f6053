"""The disclosure guide (政府信息公开指南, 《条例》第十二条) rendered from `guide_data()` for the portal.

    render_guide(data, fmt, meta) -> bytes     fmt: "md" | "html" | "docx"
    guide_view(data, meta) -> dict             the format-neutral content, for templates

Three parts, as agencies' guides are laid out: 一 主动公开 (classification, arrangement, how to
obtain, time limit, the catalogs in force), 二 依申请公开 (the office and its contact data, how to
apply, the statutory reply periods and fees), 三 监督和救济. Blocks are those of the reports
(render/review.py), so the same templates' block macros and the same Word writer serve.
"""

from __future__ import annotations

from govdisc.render.annual import FORMATS, tidy, write_blocks
from govdisc.render.env import render_template, zh_date
from govdisc.render.grid import UNKNOWN, simple_grid
from govdisc.render.meta import ReportMeta

#: statutory sentences the guide states whatever the register says (《条例》)
PUBLICATION = ("属于主动公开范围的政府信息，自该政府信息形成或者变更之日起20个工作日内予以公开；法律、法规对政府信息公开的期限"
               "另有规定的，从其规定（《条例》第二十六条）。")
REPLY = ("能够当场答复的，当场予以答复；不能当场答复的，自收到申请之日起20个工作日内予以答复。需要延长答复期限的，经政府信息公开"
         "工作机构负责人同意并告知申请人，延长的期限最长不超过20个工作日。征求第三方和其他机关意见所需时间不计算在答复期限内"
         "（《条例》第三十三条）。申请内容不明确的，自收到申请之日起7个工作日内一次性告知补正，答复期限自收到补正的申请之日起计算"
         "（《条例》第三十条）。")
RECEIPT = ("收到申请的时间：当面提交的，以提交之日为收到申请之日；以邮寄方式提交的，以签收之日为收到申请之日，平常信函等无需签收的，"
           "以双方确认之日为收到申请之日；通过互联网渠道或者传真提交的，以双方确认之日为收到申请之日（《条例》第三十一条）。")
FEES = ("依申请提供政府信息，不收取费用。申请人申请公开政府信息的数量、频次明显超过合理范围的，可以依照《政府信息公开信息处理费"
        "管理办法》收取信息处理费（《条例》第四十二条）。")
REMEDIES = ("公民、法人或者其他组织认为本机关在政府信息公开工作中侵犯其合法权益的，可以向上一级行政机关或者政府信息公开工作主管部门"
            "投诉、举报，也可以依法申请行政复议或者提起行政诉讼（《条例》第五十一条）。")
OFFICE_LABELS = (("name", "机构名称"), ("address", "办公地址"), ("postcode", "邮政编码"), ("hours", "办公时间"),
                 ("phone", "联系电话"), ("fax", "传真号码"), ("email", "电子邮箱"), ("website", "网上申请"))


def _p(text: str) -> dict:
    return {"type": "paragraph", "text": text}


def _h(text: str, level: int = 2) -> dict:
    return {"type": "heading", "text": text, "level": level}


def _missing(what: str, key: str) -> dict:
    return {"type": "missing", "text": f"【待填写：guide.yaml 中的 {key}（{what}）】"}


def title_of(data: dict, agency: str) -> str:
    return f"{agency}政府信息公开指南"


def _proactive(data: dict) -> list[dict]:
    b: list[dict] = [_h("（一）公开范围和信息分类")]
    classes = data["classification"]
    if classes:
        b.append(_p("本机关主动公开的政府信息分为以下几类："))
        b.append({"type": "table", "grid": simple_grid(
            ["类别", "主要内容"], [[c["name"], c["description"] or UNKNOWN] for c in classes], widths=[3, 9])})
    else:
        b.append(_missing("政府信息的分类", "classification"))
    b.append(_h("（二）编排体系"))
    b.append(_p(data["arrangement"]) if data["arrangement"] else _missing("编排体系", "arrangement"))
    b.append(_h("（三）获取方式"))
    ob = data["obtaining"]
    b.append(_p(ob["proactive"]) if ob["proactive"] else _missing("主动公开信息的获取方式", "obtaining.proactive"))
    rooms = ob["reading_rooms"]
    if rooms:
        b.append(_p("公众也可以在以下政府信息查阅场所查阅本机关主动公开的政府信息（《条例》第二十五条）："))
        b.append({"type": "table", "grid": simple_grid(
            ["查阅场所", "地址", "开放时间"], [[r["name"], r["address"] or UNKNOWN, r["hours"] or UNKNOWN] for r in rooms],
            widths=[3.5, 5, 3.5])})
    b.append(_h("（四）公开时限"))
    b.append(_p(PUBLICATION))
    cats = data["catalogs"]
    if cats:
        b.append(_h("（五）主动公开基本目录"))
        total = sum(c["items"] for c in cats)
        b.append(_p(f"本机关各部门{data['catalog_year']}年度主动公开基本目录共{total}项，明确了各项信息的公开主体、内容、时限和方式，"
                    "在门户网站政府信息公开专栏公布并动态更新："))
        b.append({"type": "table", "grid": simple_grid(
            ["部门", "事项数", "涉及的主动公开类别（《条例》第二十条）"],
            [[c["name"], c["items"], "、".join(c["categories"]) or UNKNOWN] for c in cats],
            widths=[2.5, 1.2, 8.3], align=["left", "center", "left"])})
    return b


def _on_request(data: dict) -> list[dict]:
    office = data["office"]
    b: list[dict] = [_h("（一）受理机构")]
    name = office["name"] or "本机关政府信息公开工作机构"
    b.append(_p(f"本机关政府信息公开工作机构为{name}，负责受理向本机关提出的政府信息公开申请（《条例》第四条、第二十九条）。"))
    rows = []
    for key, label in OFFICE_LABELS:
        value = office.get(key)
        if value is None and key in ("postcode", "website", "email"):
            continue  # optional where another internet contact is given
        rows.append([label, value or "【待填写】"])
    b.append({"type": "table", "grid": simple_grid(["项目", "内容"], rows, widths=[2.5, 9.5])})
    b.append(_h("（二）申请方式和处理程序"))
    ob = data["obtaining"]
    b.append(_p(ob["on_request"]) if ob["on_request"] else _missing("依申请获取的方式", "obtaining.on_request"))
    b.append(_p(RECEIPT))
    b.append(_h("（三）答复期限"))
    b.append(_p(REPLY))
    b.append(_h("（四）收费"))
    b.append(_p(FEES))
    return b


def guide_view(data: dict, meta: ReportMeta) -> dict:
    agency = meta.agency or data.get("agency") or ""
    updated = f"本指南于{zh_date(data['updated'])}更新。" if data.get("updated") else ""
    intro = (f"为了保障公民、法人和其他组织依法获取政府信息，根据《中华人民共和国政府信息公开条例》第十二条，编制本指南。"
             f"需要获取本机关政府信息的，请阅读本指南。{updated}")
    remedies = ([_p(data["remedies"])] if data.get("remedies") else []) + [_p(REMEDIES)]
    sections = [{"key": "proactive", "heading": "一、主动公开", "blocks": _proactive(data)},
                {"key": "on_request", "heading": "二、依申请公开", "blocks": _on_request(data)},
                {"key": "remedies", "heading": "三、监督和救济", "blocks": remedies}]
    return {"title": title_of(data, agency), "agency": agency, "intro": intro, "sections": sections, "meta": meta,
            "updated": data.get("updated")}


def render_guide(data: dict, fmt: str, meta: ReportMeta) -> bytes:
    """The guide as UTF-8 Markdown / standalone HTML, or a .docx file's bytes."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")
    view = guide_view(data, meta)
    if fmt == "docx":
        from govdisc.render.word import WordWriter

        w = WordWriter(view["title"], meta.as_of, author=view["agency"], subject="政府信息公开指南",
                       keywords="政府信息公开;指南", comments=f"{meta.generator}；{meta.commit or ''}".rstrip("；"))
        w.title(view["title"])
        w.paragraph(view["intro"])
        for section in view["sections"]:
            w.heading(section["heading"], 1)
            write_blocks(w, section["blocks"])
        return w.to_bytes()
    return tidy(render_template(f"guide.{fmt}.j2", guide=view), fmt).encode("utf-8")
