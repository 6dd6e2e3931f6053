"""Word (.docx) output in the layout of an official document (GB/T 9704-2012 practice).

A4 page, margins top 37 mm, bottom 35 mm, left 28 mm, right 26 mm; title 方正小标宋简体 22 pt
(二号); body 仿宋_GB2312 16 pt (三号) at a fixed 28 pt line pitch with a two-character first-line
indent; level-1 headings 黑体, level-2 楷体_GB2312, level-3 仿宋_GB2312 bold, all 三号; tables in
仿宋_GB2312 at the grid's size (五号 / 小五), header rows repeated on every page, rows never split,
and the rows Grid.keep_with_next() names kept on the page of the next row (a caption or header
row never ends a page, a total row never starts one alone, short tables are never split).
Fonts are referenced by name (Latin and East Asian slots both set, theme fonts removed): the
machine that opens the file supplies them, or substitutes. The body ends with the 落款.

The stock python-docx template is cleaned: no app.xml of another program ("Microsoft Macintosh
Word", 1 page), no bibliography customXml part, no stylesWithEffects part, and only the styles
the document uses (no blue italic Heading 4 and friends). The report's provenance (as-of date,
commit, generator, forced) is in the core properties (comments) and, by name, in the custom
properties (docProps/custom.xml), where Word shows them under File › Properties.

Every string is passed through `document_text` on the way in: python-docx refuses (ValueError)
characters XML cannot hold, and a NUL in a register must not stop a report.

Output is deterministic: core properties come from the as-of date and the zip entries carry a
fixed timestamp, so two builds of the same register at the same as-of date are byte-identical.
"""

from __future__ import annotations

import io
import unicodedata
import zipfile
from datetime import date, datetime, timezone
from xml.sax.saxutils import escape

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

from govdisc.render.grid import Grid
from govdisc.textsafety import document_text

BODY_FONT = "仿宋_GB2312"
TITLE_FONT = "方正小标宋简体"
H1_FONT = "黑体"
H2_FONT = "楷体_GB2312"
LATIN_FALLBACK = "Times New Roman"

TITLE_PT = 22  # 二号
BODY_PT = 16  # 三号
LINE_PT = 28  # fixed line pitch (22 lines a page)

MARGINS_MM = {"top": 37, "bottom": 35, "left": 28, "right": 26}
PAGE_MM = (210, 297)
TEXT_WIDTH_MM = PAGE_MM[0] - MARGINS_MM["left"] - MARGINS_MM["right"]  # 156 mm
CELL_MARGIN_TWIPS = 57  # 1 mm

#: the w:pPr children that come after w:autoSpaceDN in the schema's sequence
_PPR_AFTER_AUTOSPACE = ("w:bidi", "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing",
                        "w:mirrorIndents", "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment",
                        "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr",
                        "w:pPrChange")

_ALIGN = {"left": WD_ALIGN_PARAGRAPH.LEFT, "center": WD_ALIGN_PARAGRAPH.CENTER,
          "right": WD_ALIGN_PARAGRAPH.RIGHT, "justify": WD_ALIGN_PARAGRAPH.JUSTIFY}


def set_fonts(target, name: str, latin: str | None = None) -> None:
    """Set a run's or style's fonts: ascii/hAnsi (Latin) and eastAsia, theme fonts removed."""
    rpr = target._element.get_or_add_rPr() if hasattr(target._element, "get_or_add_rPr") \
        else target.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(attr), None)
    latin = latin or name
    fonts.set(qn("w:ascii"), latin)
    fonts.set(qn("w:hAnsi"), latin)
    fonts.set(qn("w:eastAsia"), name)
    fonts.set(qn("w:cs"), latin)
    hint = fonts.get(qn("w:hint"))
    if hint is None:
        fonts.set(qn("w:hint"), "eastAsia")


class WordWriter:
    """Builds one report. Call the add_* methods in reading order, then `to_bytes()`."""

    def __init__(self, title: str, as_of: date, author: str = "", subject: str = "",
                 keywords: str = "", comments: str = "", properties: list[tuple[str, str]] | None = None,
                 application: str = "") -> None:
        self.doc = Document()
        self.as_of = as_of
        self._page()
        self._styles()
        self._core(title, author, subject, keywords, comments)
        self._drop_thumbnail()
        self._clean_package(application, author, properties or [])

    # -- set-up --------------------------------------------------------------------------------

    def _page(self) -> None:
        sec = self.doc.sections[0]
        sec.orientation = WD_ORIENT.PORTRAIT
        sec.page_width, sec.page_height = Mm(PAGE_MM[0]), Mm(PAGE_MM[1])
        sec.top_margin, sec.bottom_margin = Mm(MARGINS_MM["top"]), Mm(MARGINS_MM["bottom"])
        sec.left_margin, sec.right_margin = Mm(MARGINS_MM["left"]), Mm(MARGINS_MM["right"])
        sec.header_distance, sec.footer_distance = Mm(15), Mm(25)
        self._page_number(sec)

    def _page_number(self, sec) -> None:
        """Footer "— N —" centred, 宋体 14 pt (四号), as official documents number pages."""
        p = sec.footer.paragraphs[0] if sec.footer.paragraphs else sec.footer.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        for piece in ("— ", None, " —"):
            run = p.add_run()
            run.font.size = Pt(14)
            set_fonts(run, "宋体", "宋体")
            if piece is not None:
                run.text = piece
                continue
            for kind, text in (("begin", None), ("instr", " PAGE "), ("separate", None), ("text", "1"),
                               ("end", None)):
                if kind == "instr":
                    el = OxmlElement("w:instrText")
                    el.set(qn("xml:space"), "preserve")
                    el.text = text
                elif kind == "text":
                    el = OxmlElement("w:t")
                    el.text = text
                else:
                    el = OxmlElement("w:fldChar")
                    el.set(qn("w:fldCharType"), kind)
                run._r.append(el)

    def _styles(self) -> None:
        styles = self.doc.styles
        normal = styles["Normal"]
        set_fonts(normal, BODY_FONT)
        normal.font.size = Pt(BODY_PT)
        normal.font.color.rgb = RGBColor(0, 0, 0)
        pf = normal.paragraph_format
        pf.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        pf.line_spacing = Pt(LINE_PT)
        pf.space_before = pf.space_after = Pt(0)
        pf.widow_control = True
        lang = normal.element.get_or_add_rPr()
        el = lang.find(qn("w:lang"))
        if el is None:
            el = OxmlElement("w:lang")
            lang.append(el)
        el.set(qn("w:eastAsia"), "zh-CN")
        # no extra space between Chinese and Latin letters or digits: "2024年7月4日", as official
        # documents print it (and as narrow table columns can hold it)
        npr = normal.element.get_or_add_pPr()
        later = [qn(t) for t in _PPR_AFTER_AUTOSPACE]
        anchor = next((child for child in npr if child.tag in later), None)
        for tag in ("w:autoSpaceDE", "w:autoSpaceDN"):
            flag = OxmlElement(tag)
            flag.set(qn("w:val"), "0")
            if anchor is not None:
                anchor.addprevious(flag)
            else:
                npr.append(flag)
        for level, font, bold in ((1, H1_FONT, False), (2, H2_FONT, False), (3, BODY_FONT, True)):
            st = styles[f"Heading {level}"]
            set_fonts(st, font)
            st.font.size = Pt(BODY_PT)
            st.font.bold = bold
            st.font.italic = False
            st.font.color.rgb = RGBColor(0, 0, 0)
            spf = st.paragraph_format
            spf.space_before = spf.space_after = Pt(0)
            spf.line_spacing_rule = WD_LINE_SPACING.EXACTLY
            spf.line_spacing = Pt(LINE_PT)
            spf.first_line_indent = Pt(2 * BODY_PT)
            spf.keep_with_next = True
        title = styles["Title"]
        set_fonts(title, TITLE_FONT)
        title.font.size = Pt(TITLE_PT)
        title.font.bold = False
        title.font.color.rgb = RGBColor(0, 0, 0)
        tpr = title.element.get_or_add_pPr()
        for child in list(tpr):
            if child.tag in (qn("w:pBdr"),):
                tpr.remove(child)  # the default Title has a blue rule under it
        tpf = title.paragraph_format
        tpf.alignment = WD_ALIGN_PARAGRAPH.CENTER
        tpf.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        tpf.line_spacing = Pt(36)
        tpf.space_before, tpf.space_after = Pt(0), Pt(LINE_PT)
        rpr = title.element.get_or_add_rPr()
        for child in list(rpr):
            if child.tag in (qn("w:spacing"), qn("w:kern")):
                rpr.remove(child)

    def _core(self, title: str, author: str, subject: str, keywords: str, comments: str) -> None:
        cp = self.doc.core_properties
        stamp = datetime(self.as_of.year, self.as_of.month, self.as_of.day, tzinfo=timezone.utc)
        cp.title = document_text(title)
        cp.author = document_text(author)
        cp.subject = document_text(subject)
        cp.keywords = document_text(keywords)
        cp.comments = document_text(comments)
        cp.category = ""
        cp.last_modified_by = document_text(author)
        cp.revision = 1
        cp.created = stamp
        cp.modified = stamp
        cp.last_printed = stamp
        cp.language = "zh-CN"

    def _drop_thumbnail(self) -> None:
        """The stock template carries a thumbnail of an empty English page: leave it out."""
        pkg = self.doc.part.package
        for rid, rel in list(pkg.rels.items()):
            if rel.reltype.endswith("/thumbnail"):
                del pkg.rels[rid]

    def _clean_package(self, application: str, company: str, properties: list[tuple[str, str]]) -> None:
        """Drop the template's bibliography and stylesWithEffects parts, write our own app.xml
        and the custom properties."""
        part = self.doc.part
        for rid, rel in list(part.rels.items()):
            if rel.reltype in (RT.CUSTOM_XML, STYLES_WITH_EFFECTS):
                del part.rels[rid]
        pkg = part.package
        for rel in pkg.rels.values():
            if rel.reltype == RT.EXTENDED_PROPERTIES:
                rel.target_part._blob = _app_xml(application, company)
        if properties:
            custom = Part(PackURI("/docProps/custom.xml"), CUSTOM_CT, _custom_xml(properties), pkg)
            pkg.relate_to(custom, RT.CUSTOM_PROPERTIES)

    def _prune_styles(self) -> None:
        """Keep only the styles the document (body, header, footer) uses, their bases and links,
        and the defaults; the stock template's 160 styles go."""
        root = self.doc.styles.element
        by_id = {st.get(qn("w:styleId")): st for st in root.findall(qn("w:style"))}
        parts = [self.doc.element] + [hf._element for s in self.doc.sections for hf in (s.header, s.footer)
                                      if hf._has_definition]
        wanted: set[str] = {sid for sid, st in by_id.items() if st.get(qn("w:default")) in ("1", "true")}
        for el in parts:
            for tag in ("w:pStyle", "w:rStyle", "w:tblStyle"):
                wanted |= {e.get(qn("w:val")) for e in el.iter(qn(tag))}
        todo = list(wanted)
        while todo:
            st = by_id.get(todo.pop())
            if st is None:
                continue
            for tag in ("w:basedOn", "w:link", "w:next"):
                ref = st.find(qn(tag))
                if ref is not None and ref.get(qn("w:val")) not in wanted:
                    wanted.add(ref.get(qn("w:val")))
                    todo.append(ref.get(qn("w:val")))
        for sid, st in by_id.items():
            if sid not in wanted:
                root.remove(st)
                continue
            rpr = st.find(qn("w:rPr"))
            for child in list(rpr) if rpr is not None else []:
                # the stock heading and title styles (and their linked character styles) are
                # blue, some italic: an official document is black and upright
                if child.tag in (qn("w:i"), qn("w:iCs")):
                    rpr.remove(child)
                elif child.tag == qn("w:color"):
                    for attr in ("w:themeColor", "w:themeShade", "w:themeTint"):
                        child.attrib.pop(qn(attr), None)
                    child.set(qn("w:val"), "000000")

    # -- content -------------------------------------------------------------------------------

    def title(self, text: str) -> None:
        self.doc.add_paragraph(document_text(text), style="Title")

    def heading(self, text: str, level: int = 1) -> None:
        self.doc.add_paragraph(document_text(text), style=f"Heading {level}")

    def paragraph(self, text: str, indent: bool = True, align: str = "justify", size: float | None = None,
                  bold: bool = False, font: str | None = None, keep_with_next: bool = False):
        p = self.doc.add_paragraph()
        p.alignment = _ALIGN[align]
        if indent:
            p.paragraph_format.first_line_indent = Pt(2 * (size or BODY_PT))
        if size is not None and size != BODY_PT:
            p.paragraph_format.line_spacing_rule = WD_LINE_SPACING.EXACTLY
            p.paragraph_format.line_spacing = Pt(round(size * 1.5, 1))
        if keep_with_next:
            p.paragraph_format.keep_with_next = True
        run = p.add_run(document_text(text))
        if size is not None:
            run.font.size = Pt(size)
        if bold:
            run.font.bold = True
        if font:
            set_fonts(run, font)
        return p

    def caption(self, text: str) -> None:
        """A table title, centred, bold, kept with the table."""
        self.paragraph(text, indent=False, align="center", bold=True, keep_with_next=True)

    def signature(self, name: str, day: str, centred: bool = False):
        """The 落款: the issuing body and the date, right-aligned four characters from the margin,
        one blank line below the text, never alone on a page: the text's last paragraph (or the
        last row of a closing table) stays with it. `centred`: the body's name centred over the
        date instead (GB/T 9704-2012 §7.3.5.1, a document under seal). Returns the name's paragraph."""
        self.keep_last_with_next()
        self.paragraph("", indent=False, keep_with_next=True)
        shift = (text_width(day) - text_width(name)) / 2 if centred else 0.0
        out = None
        for text, keep, right in ((name, True, max(4 + shift, 0.0)), (day, False, 4.0)):
            p = self.paragraph(text, indent=False, align="right", keep_with_next=keep)
            p.paragraph_format.right_indent = Pt(right * BODY_PT)
            out = out or p
        return out

    def keep_last_with_next(self) -> None:
        """Keep-with-next on the body's last paragraph; when that is the gap after a table, on
        the table's last row too."""
        body = [el for el in self.doc.element.body if el.tag in (qn("w:p"), qn("w:tbl"))]
        for el in reversed(body):
            if el.tag == qn("w:tbl"):
                for p in el.tr_lst[-1].iter(qn("w:p")):
                    p.get_or_add_pPr().get_or_add_keepNext()
                return
            el.get_or_add_pPr().get_or_add_keepNext()
            if "".join(t.text or "" for t in el.iter(qn("w:t"))).strip():
                return

    def grid(self, grid: Grid) -> None:
        placed = grid.placed()
        n_rows, n_cols = len(grid.rows), grid.columns
        table = self.doc.add_table(rows=n_rows, cols=n_cols)
        table.style = self.doc.styles["Table Grid"]
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        table.autofit = False  # w:tblLayout fixed: the widths below hold
        # 1 mm cell margins left and right (the template's 1.9 mm leave a date no room)
        margins = OxmlElement("w:tblCellMar")
        for side in ("left", "right"):
            m = OxmlElement(f"w:{side}")
            m.set(qn("w:w"), str(CELL_MARGIN_TWIPS))
            m.set(qn("w:type"), "dxa")
            margins.append(m)
        table._tbl.tblPr.append(margins)
        widths = grid.widths or [1.0] * n_cols
        total = sum(widths)
        col_mm = [TEXT_WIDTH_MM * w / total for w in widths]
        for i, col in enumerate(table.columns):
            col.width = Mm(col_mm[i])
        for row in table.rows:
            for i, cell in enumerate(row.cells):
                cell.width = Mm(col_mm[i])
        for r, row in enumerate(table.rows):
            trpr = row._tr.get_or_add_trPr()
            trpr.append(OxmlElement("w:cantSplit"))
            if r < grid.head_rows:
                trpr.append(OxmlElement("w:tblHeader"))
        # the cells, looked up once: table.cell() rebuilds the whole grid on every call (it was
        # nine tenths of a report's rendering); placed spans never overlap, so a cell outside the
        # spans merged so far is the same element before and after those merges
        cells = table._cells
        for r, c, spec in placed:
            cell = cells[r * n_cols + c]
            if spec.spans:
                cell = cell.merge(cells[(r + spec.rowspan - 1) * n_cols + c + spec.colspan - 1])
            cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
            self._cell_text(cell, spec.text, spec.align, grid.font_pt, bold=spec.kind == "caption")
        # keep-with-next goes on every paragraph of the row (also those of a cell merged down
        # from above, which Word reads in the row it starts in)
        for tr, keep in zip(table._tbl.tr_lst, grid.keep_with_next()):
            if keep:
                for p in tr.iter(qn("w:p")):
                    p.get_or_add_pPr().get_or_add_keepNext()
        # a short gap after the table
        gap = self.doc.add_paragraph()
        gap.paragraph_format.line_spacing = Pt(LINE_PT / 2)

    @staticmethod
    def _cell_text(cell, text: str, align: str, size: float, bold: bool = False) -> None:
        lines = document_text(text).split("\n") if text else [""]
        first = cell.paragraphs[0]
        for extra in cell.paragraphs[1:]:  # merging keeps the swallowed cells' empty paragraphs
            extra._element.getparent().remove(extra._element)
        for i, line in enumerate(lines):
            p = first if i == 0 else cell.add_paragraph()
            p.alignment = _ALIGN.get(align, WD_ALIGN_PARAGRAPH.CENTER)
            pf = p.paragraph_format
            pf.first_line_indent = Pt(0)
            pf.line_spacing_rule = WD_LINE_SPACING.SINGLE
            pf.space_before = pf.space_after = Pt(0)
            run = p.add_run(line)
            run.font.size = Pt(size)
            if bold:
                run.font.bold = True
            set_fonts(run, BODY_FONT)

    def page_break(self) -> None:
        self.doc.add_page_break()

    # -- output --------------------------------------------------------------------------------

    def to_bytes(self) -> bytes:
        if next(self.doc.element.iter(qn("w:numPr")), None) is None:
            # no lists: the template's numbering part only ties the list styles pruned below
            part = self.doc.part
            for rid, rel in list(part.rels.items()):
                if rel.reltype == RT.NUMBERING:
                    del part.rels[rid]
        self._prune_styles()
        raw = io.BytesIO()
        self.doc.save(raw)
        return normalise_zip(raw.getvalue(), self.as_of)


def text_width(text: str) -> float:
    """Width of a line in characters of its size: CJK and full-width forms 1, digits and Latin ½."""
    return sum(1.0 if unicodedata.east_asian_width(c) in ("W", "F", "A") else 0.5 for c in text)


def normalise_zip(data: bytes, day: date) -> bytes:
    """Rewrite a zip with every entry stamped `day` 00:00 and fixed attributes (reproducible)."""
    stamp = (max(day.year, 1980), day.month, day.day, 0, 0, 0)
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=stamp)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o600 << 16
            entry.create_system = 0
            dst.writestr(entry, src.read(info.filename))
    return out.getvalue()


STYLES_WITH_EFFECTS = "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"
CUSTOM_CT = "application/vnd.openxmlformats-officedocument.custom-properties+xml"
_CUSTOM_FMTID = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"


def _custom_xml(properties: list[tuple[str, str]]) -> bytes:
    """docProps/custom.xml: each (name, value) as a text property."""
    items = "".join(
        f'<property fmtid="{_CUSTOM_FMTID}" pid="{i}" name="{escape(document_text(name), {chr(34): "&quot;"})}">'
        f"<vt:lpwstr>{escape(document_text(value))}</vt:lpwstr></property>"
        for i, (name, value) in enumerate(properties, start=2))
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" '
            'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
            f"{items}</Properties>").encode("utf-8")


def _app_xml(application: str, company: str) -> bytes:
    """docProps/app.xml naming the program that wrote the file, and nothing a word processor
    would have to recount (pages, words) — it fills those in when it saves."""
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
            'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
            f"<Application>{escape(document_text(application))}</Application><DocSecurity>0</DocSecurity>"
            f"<Company>{escape(document_text(company))}</Company><LinksUpToDate>false</LinksUpToDate>"
            "<SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged></Properties>").encode("utf-8")
