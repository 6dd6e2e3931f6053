"""A letter as a Word file in the GB/T 9704-2012 信函格式, built with the reports' WordWriter
(page, margins, fonts, styles, properties and reproducible packaging are the reports').

On top of the report page: the 发文机关标志 (the issuer in red 方正小标宋简体) over a red double
rule, thick above thin, 170 mm long (§10.1); the 发文字号 at the right edge under it; the title
two lines lower; the addressee flush left; the body; the 落款: the date four characters from
the right margin, the issuer centred over the date (§7.3.5.1), and a dashed red circle where
the seal goes, pressing on both; the contact line as 附注, in brackets two characters in; no
page number on the first page (§10.1).
"""

from __future__ import annotations

from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

from govdisc import __version__
from govdisc.render.letter import RenderedLetter
from govdisc.render.word import BODY_PT, TEXT_WIDTH_MM, TITLE_FONT, WordWriter, text_width
from govdisc.textsafety import document_text

GENERATOR = f"govdisc {__version__}"
RED = RGBColor(0xD4, 0x00, 0x00)
ISSUER_PT = 26  # 一号
RULE_MM = 170  # GB/T 9704 §10.1: the red double rules of a 信函 are 170 mm long
SEAL_MM = 42  # a common diameter of an agency's seal
SEAL_COLOUR = "E06060"
_EMU_PER_MM = 36000


def letter_docx(r: RenderedLetter) -> bytes:
    props = [("发文字号", r.letter.number), ("成文日期", r.letter.date.isoformat()), ("登记编号", r.letter.record_id),
             ("信函种类", r.letter.kind), ("措辞模板", r.template), ("生成工具", GENERATOR)]
    w = WordWriter(r.title, r.letter.date, author=r.issuer, subject=r.title, keywords=r.letter.record_id,
                   comments="；".join(f"{k}：{v}" for k, v in props), properties=props, application=GENERATOR)
    w.doc.sections[0].different_first_page_header_footer = True  # §10.1: no page number on page one
    masthead(w, r.issuer)
    number = w.paragraph(r.letter.number, indent=False, align="right")
    number.paragraph_format.space_before = Pt(BODY_PT * 7 / 8)
    for _ in range(2):  # the title two lines below the number
        w.paragraph("", indent=False)
    w.title(r.title)
    w.paragraph(f"{r.to}：", indent=False, align="left")
    for text in r.paragraphs:
        w.paragraph(text)
    signature(w, r.issuer, r.date_text, r.seal)
    if r.contact:  # the 附注 is never alone on a page: the 落款 keeps with it
        w.keep_last_with_next()
        w.paragraph(f"（{r.contact}）")
    return w.to_bytes()


def masthead(w: WordWriter, issuer: str) -> None:
    """The issuer in red, centred, over a red thick-thin double rule 170 mm long."""
    p = w.paragraph(issuer, indent=False, align="center", size=ISSUER_PT, font=TITLE_FONT)
    run = p.runs[0]
    run.font.color.rgb = RED
    pf = p.paragraph_format
    pf.line_spacing = Pt(ISSUER_PT * 1.5)
    outdent = Mm((RULE_MM - TEXT_WIDTH_MM) / 2)
    pf.left_indent = pf.right_indent = -outdent
    ppr = p._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "thickThinSmallGap"), ("w:sz", "24"), ("w:space", "4"), ("w:color", "D40000")):
        bottom.set(qn(key), value)
    borders.append(bottom)
    ppr.insert_element_before(borders, "w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap",
                              "w:overflowPunct", "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi",
                              "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing",
                              "w:mirrorIndents", "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment",
                              "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr",
                              "w:pPrChange")


def signature(w: WordWriter, issuer: str, day: str, seal: bool) -> None:
    """The 落款 with the issuer centred over the date (WordWriter.signature) and the seal circle
    centred on the date, its centre a little below the top of the issuer line, so that both
    lines sit in its lower half (§7.3.5.1)."""
    name = w.signature(issuer, day, centred=True)
    if seal:
        centre_from_right = (4 + text_width(day) / 2) * BODY_PT * 25.4 / 72  # mm
        left = TEXT_WIDTH_MM - centre_from_right - SEAL_MM / 2
        top = -SEAL_MM / 2  # the centre on the top of the issuer line: both lines in the lower half
        name.runs[0]._r.addprevious(seal_run(left, top))


def seal_run(left_mm: float, top_mm: float) -> object:
    """A run holding a dashed red circle behind the text (DrawingML shape, VML fallback, as Word
    writes them): where the seal is pressed. Positioned from the margin and the paragraph."""
    d = SEAL_MM * _EMU_PER_MM
    x, y = round(left_mm * _EMU_PER_MM), round(top_mm * _EMU_PER_MM)
    vml_style = (f"position:absolute;margin-left:{left_mm:.1f}mm;margin-top:{top_mm:.1f}mm;width:{SEAL_MM}mm;"
                 f"height:{SEAL_MM}mm;z-index:-251657216;mso-position-horizontal-relative:margin;"
                 "mso-position-vertical-relative:paragraph")
    xml = f"""<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"
 xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"
 xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
 xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"
 xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
 xmlns:v="urn:schemas-microsoft-com:vml">
<mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>
<wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="251659264" behindDoc="1"
 locked="0" layoutInCell="1" allowOverlap="1">
<wp:simplePos x="0" y="0"/>
<wp:positionH relativeFrom="margin"><wp:posOffset>{x}</wp:posOffset></wp:positionH>
<wp:positionV relativeFrom="paragraph"><wp:posOffset>{y}</wp:posOffset></wp:positionV>
<wp:extent cx="{d}" cy="{d}"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapNone/>
<wp:docPr id="1" name="{document_text('印章位置')}" descr="{document_text('在此盖章')}"/><wp:cNvGraphicFramePr/>
<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">
<wps:wsp><wps:cNvSpPr/><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{d}" cy="{d}"/></a:xfrm>
<a:prstGeom prst="ellipse"><a:avLst/></a:prstGeom><a:noFill/>
<a:ln w="15875"><a:solidFill><a:srgbClr val="{SEAL_COLOUR}"/></a:solidFill><a:prstDash val="dash"/></a:ln>
</wps:spPr><wps:bodyPr/></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>
<mc:Fallback><w:pict><v:oval style="{vml_style}" filled="f" strokecolor="#{SEAL_COLOUR}" strokeweight="1.25pt">
<v:stroke dashstyle="dash"/></v:oval></w:pict></mc:Fallback></mc:AlternateContent></w:r>"""
    return parse_xml(xml)

