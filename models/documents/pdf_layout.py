"""The A4 form every printed document shares: plain data in, PDF file out.

Laid out as Chinese offices print their 单据: the issuing organisation and the title centred at the
top, the number (red) and date under it, a QR code carrying the number, a grid of header fields, the
lines table (its header row repeated on every page), further fields, signature blocks
(经办人/审核人/批准人/签收人) and "第 X 页 共 Y 页" at the foot. Optional copies (存根/调出联/调入联)
print one after the other, each with its own label and its own page count.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from reportlab.graphics import renderPDF
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen import canvas as pdf_canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageBreak, PageTemplate, Paragraph, Spacer, Table
from reportlab.platypus import TableStyle

from models.documents.fonts import register_cjk_font

RED = colors.HexColor("#B22222")
LABEL_BG = colors.HexColor("#F2F2F2")
LINE = colors.black
COPY_ORDINALS = "一二三四五六七八九十"


@dataclass(frozen=True)
class Column:
    title: str
    width: float  # relative share of the table width
    align: str = "LEFT"  # LEFT, CENTER, RIGHT


@dataclass
class FormData:
    """Everything printed on one form. Values are already formatted text."""

    title: str  # 应急物资调拨单
    number: str
    date: str  # 2026年6月1日
    organisation: str = ""  # 示例县应急管理局
    header_fields: list[tuple[str, str]] = field(default_factory=list)  # two pairs per row
    columns: list[Column] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)
    total_row: list[str] | None = None  # printed after the lines, e.g. 合计
    footer_fields: list[tuple[str, str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # small print under the fields
    signatures: list[tuple[str, str]] = field(default_factory=list)  # (role, printed name)
    copies: list[str] = field(default_factory=list)  # labels; empty = one copy without label
    stamp: str = ""  # a red marker beside the title, e.g. 紧急 or 已冲销
    landscape: bool = False


def render_form(form: FormData, path: str | Path) -> Path:
    """Write ``form`` as a PDF at ``path`` and return the path."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    font = register_cjk_font()
    pagesize = landscape(A4) if form.landscape else A4
    margin = 15 * mm
    top_block = 38 * mm  # title, number, QR code
    frame = Frame(margin, 18 * mm, pagesize[0] - 2 * margin, pagesize[1] - 18 * mm - margin - top_block,
                  id="body", leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    doc = BaseDocTemplate(
        str(path), pagesize=pagesize, leftMargin=margin, rightMargin=margin, topMargin=margin,
        bottomMargin=18 * mm, title=f"{form.title} {form.number}", author=form.organisation or "储备管家",
        subject=form.number, creator="储备管家 ReserveKeeper", initialFontName=font,
    )
    doc.addPageTemplates([PageTemplate(id="form", frames=[frame],
                                       onPage=lambda canv, d: _draw_page_head(canv, d, form, font))])
    styles = _styles(font)
    story: list[Flowable] = []
    labels = form.copies or [""]
    for index, label in enumerate(labels):
        if index:
            story.append(PageBreak())
        story.append(_CopyMarker(label, index))
        story.extend(_body(form, styles, doc.width))
    doc.build(story, canvasmaker=lambda *a, **k: _FormCanvas(*a, font=font, **k))
    return path


# ---------------------------------------------------------------- page furniture


class _CopyMarker(Flowable):
    """Zero-size flowable that tells the canvas which copy the following pages belong to."""

    def __init__(self, label: str, index: int) -> None:
        super().__init__()
        self.label, self.index = label, index
        self.width = self.height = 0

    def wrap(self, available_width, available_height):
        return 0, 0

    def draw(self) -> None:
        self.canv.rk_copy = (self.index, self.label)


class _FormCanvas(pdf_canvas.Canvas):
    """Keeps every page until the end so each can say "第 X 页 共 Y 页" within its copy."""

    def __init__(self, *args, font: str, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.rk_font = font
        self.rk_copy = (0, "")
        self.rk_pages: list[dict] = []
        self.setPageCompression(1)

    def showPage(self) -> None:
        self.rk_pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        totals: dict[int, int] = {}
        for state in self.rk_pages:
            index = state["rk_copy"][0]
            totals[index] = totals.get(index, 0) + 1
        seen: dict[int, int] = {}
        for state in self.rk_pages:
            self.__dict__.update(state)
            index, label = self.rk_copy
            seen[index] = seen.get(index, 0) + 1
            self._draw_page_foot(seen[index], totals[index], index, label)
            super().showPage()
        super().save()

    def _draw_page_foot(self, page: int, total: int, index: int, label: str) -> None:
        width, _height = self._pagesize
        self.setFont(self.rk_font, 9)
        self.setFillColor(colors.black)
        self.drawCentredString(width / 2, 10 * mm, f"第 {page} 页 共 {total} 页")
        if label:
            text = f"第{COPY_ORDINALS[index] if index < len(COPY_ORDINALS) else index + 1}联 {label}"
            self.setFont(self.rk_font, 11)
            self.setFillColor(RED)
            text_width = self.stringWidth(text, self.rk_font, 11)
            x, y = width - 15 * mm - text_width - 4 * mm, self._pagesize[1] - 15 * mm - 8 * mm
            self.setStrokeColor(RED)
            self.rect(x - 2 * mm, y - 2 * mm, text_width + 4 * mm, 7 * mm, stroke=1, fill=0)
            self.drawString(x, y, text)
            # the copy label also runs down the right edge, as on carbon-copy forms
            self.saveState()
            self.setFont(self.rk_font, 8)
            self.translate(width - 7 * mm, self._pagesize[1] / 2)
            self.rotate(90)
            self.drawCentredString(0, 0, f"（{label}）")
            self.restoreState()


def _draw_page_head(canv, doc, form: FormData, font: str) -> None:
    width, height = doc.pagesize
    top = height - 15 * mm
    canv.saveState()
    if form.organisation:
        canv.setFont(font, 11)
        canv.drawCentredString(width / 2, top - 4 * mm, form.organisation)
    canv.setFont(font, 20)
    title = " ".join(form.title) if len(form.title) <= 6 else form.title
    canv.setLineWidth(0.4)
    text = canv.beginText()
    text.setTextRenderMode(2)  # fill and stroke: the bundled font has no bold face
    text.setFont(font, 20)
    title_width = canv.stringWidth(title, font, 20)
    text.setTextOrigin((width - title_width) / 2, top - 14 * mm)
    text.textLine(title)
    text.setTextRenderMode(0)  # the render mode is graphics state: reset it for what follows
    canv.drawText(text)
    canv.setLineWidth(0.8)
    canv.line((width - title_width) / 2 - 2 * mm, top - 16 * mm, (width + title_width) / 2 + 2 * mm, top - 16 * mm)
    canv.line((width - title_width) / 2 - 2 * mm, top - 16.8 * mm, (width + title_width) / 2 + 2 * mm, top - 16.8 * mm)
    if form.stamp:
        canv.setFont(font, 12)
        canv.setFillColor(RED)
        canv.setStrokeColor(RED)
        stamp_x = (width + title_width) / 2 + 5 * mm
        stamp_w = canv.stringWidth(form.stamp, font, 12) + 4 * mm
        canv.rect(stamp_x, top - 15 * mm, stamp_w, 7 * mm, stroke=1, fill=0)
        canv.drawString(stamp_x + 2 * mm, top - 13 * mm, form.stamp)
        canv.setFillColor(colors.black)
        canv.setStrokeColor(colors.black)
    canv.setFont(font, 10)
    canv.drawString(doc.leftMargin + 26 * mm, top - 24 * mm, f"日期：{form.date}")
    canv.setFillColor(RED)
    canv.setFont(font, 12)
    canv.drawRightString(width - doc.rightMargin, top - 24 * mm, f"No. {form.number}")
    canv.setFillColor(colors.black)
    _draw_qr(canv, form.number, doc.leftMargin, top - 25 * mm, 24 * mm, font)
    canv.restoreState()


def _draw_qr(canv, value: str, x: float, y: float, size: float, font: str) -> None:
    widget = QrCodeWidget(value, barLevel="M")
    x0, y0, x1, y1 = widget.getBounds()
    drawing = Drawing(size, size, transform=[size / (x1 - x0), 0, 0, size / (y1 - y0), 0, 0])
    drawing.initialFontName = font  # else the renderer pulls in (unembedded) Helvetica
    drawing.add(widget)
    renderPDF.draw(drawing, canv, x, y)


# ---------------------------------------------------------------- body


def _styles(font: str) -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("cell", fontName=font, fontSize=9.5, leading=12, wordWrap="CJK")
    return {
        "cell": base,
        "center": ParagraphStyle("center", parent=base, alignment=TA_CENTER),
        "right": ParagraphStyle("right", parent=base, alignment=TA_RIGHT),
        "label": ParagraphStyle("label", parent=base, alignment=TA_CENTER),
        "head": ParagraphStyle("head", parent=base, alignment=TA_CENTER, fontSize=10),
        "note": ParagraphStyle("note", parent=base, fontSize=8.5, leading=11, alignment=TA_LEFT),
        "sign": ParagraphStyle("sign", parent=base, fontSize=10, leading=16),
    }


def _p(text: str, style: ParagraphStyle) -> Paragraph:
    safe = (text or "").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\n", "<br/>")
    return Paragraph(safe, style)


def _body(form: FormData, styles, width: float) -> list[Flowable]:
    parts: list[Flowable] = []
    if form.header_fields:
        parts.append(_field_grid(form.header_fields, styles, width))
        parts.append(Spacer(0, 3 * mm))
    if form.columns:
        parts.append(_lines_table(form, styles, width))
    if form.footer_fields:
        parts.append(Spacer(0, 3 * mm))
        parts.append(_field_grid(form.footer_fields, styles, width))
    for note in form.notes:
        parts.append(Spacer(0, 1.5 * mm))
        parts.append(_p(note, styles["note"]))
    if form.signatures:
        parts.append(Spacer(0, 5 * mm))
        parts.append(_signature_blocks(form.signatures, styles, width))
    return parts


def _field_grid(fields: list[tuple[str, str]], styles, width: float) -> Table:
    """Label/value pairs, two per row; a pair whose label ends with '*' spans the whole row."""
    rows, spans, shades, row = [], [], [], []
    for label, value in fields:
        wide = label.endswith("*")
        label = label.rstrip("*")
        if wide:
            if row:
                rows.append(row + ["", ""])
                row = []
            rows.append([_p(label, styles["label"]), _p(value, styles["cell"]), "", ""])
            spans.append(("SPAN", (1, len(rows) - 1), (3, len(rows) - 1)))
            shades.append(("BACKGROUND", (0, len(rows) - 1), (0, len(rows) - 1), LABEL_BG))
            continue
        row += [_p(label, styles["label"]), _p(value, styles["cell"])]
        if len(row) == 4:
            rows.append(row)
            shades.append(("BACKGROUND", (0, len(rows) - 1), (0, len(rows) - 1), LABEL_BG))
            shades.append(("BACKGROUND", (2, len(rows) - 1), (2, len(rows) - 1), LABEL_BG))
            row = []
    if row:
        rows.append(row + ["", ""])
        shades.append(("BACKGROUND", (0, len(rows) - 1), (0, len(rows) - 1), LABEL_BG))
    label_w = 27 * mm
    value_w = (width - 2 * label_w) / 2
    table = Table(rows, colWidths=[label_w, value_w, label_w, value_w])
    table.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), styles["cell"].fontName),
        ("GRID", (0, 0), (-1, -1), 0.6, LINE),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        *shades,
        *spans,
    ]))
    return table


def _lines_table(form: FormData, styles, width: float) -> Table:
    total_share = sum(column.width for column in form.columns)
    widths = [width * column.width / total_share for column in form.columns]
    style_for = {"LEFT": styles["cell"], "CENTER": styles["center"], "RIGHT": styles["right"]}
    data = [[_p(column.title, styles["head"]) for column in form.columns]]
    for row in form.rows:
        data.append([_p(value, style_for[column.align]) for value, column in zip(row, form.columns)])
    if form.total_row:
        data.append([_p(value, style_for[column.align]) for value, column in zip(form.total_row, form.columns)])
    if not form.rows:
        data.append([_p("（无）", styles["center"])] + [""] * (len(form.columns) - 1))
    commands = [
        ("FONTNAME", (0, 0), (-1, -1), styles["cell"].fontName),
        ("GRID", (0, 0), (-1, -1), 0.6, LINE),
        ("BOX", (0, 0), (-1, -1), 1.2, LINE),
        ("BACKGROUND", (0, 0), (-1, 0), LABEL_BG),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
    ]
    if form.total_row:
        commands.append(("BACKGROUND", (0, -1), (-1, -1), LABEL_BG))
    table = Table(data, colWidths=widths, repeatRows=1)
    table.setStyle(TableStyle(commands))
    return table


def _signature_blocks(signatures: list[tuple[str, str]], styles, width: float) -> Table:
    cells = []
    for role, name in signatures:
        printed = f"<font size=8 color='#555555'>{_escape(name)}</font>" if name else ""
        cells.append(Paragraph(
            f"{_escape(role)}（签字）：<br/>{printed}<br/><br/>日期：&nbsp;&nbsp;&nbsp;&nbsp;年&nbsp;&nbsp;&nbsp;&nbsp;月"
            "&nbsp;&nbsp;&nbsp;&nbsp;日", styles["sign"]))
    table = Table([cells], colWidths=[width / len(cells)] * len(cells), rowHeights=[30 * mm])
    table.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), styles["cell"].fontName),
        ("BOX", (0, 0), (-1, -1), 0.8, LINE),
        ("INNERGRID", (0, 0), (-1, -1), 0.6, LINE),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 5),
    ]))
    table.keepWithNext = False
    return table


def _escape(text: str) -> str:
    return (text or "").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def chinese_date(value: dt.date | dt.datetime | None) -> str:
    """2026年6月1日 (dates on Chinese forms carry no leading zeros)."""
    if value is None:
        return ""
    return f"{value.year}年{value.month}月{value.day}日"
