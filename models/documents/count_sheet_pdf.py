"""盘点表: the count sheet a keeper takes to the shelves — book quantities per batch and empty
columns for what is counted. Plain data in (``stocktake.count_sheet`` lines), PDF file out."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from models.documents.fonts import register_cjk_font
from models.services.stocktake import SheetLine

HEADERS = ["序号", "物资编码", "物资名称", "规格型号", "单位", "批次号", "有效期至", "账面数量", "实盘数量", "差异", "备注"]
WIDTHS = [10, 22, 42, 34, 12, 30, 22, 22, 22, 18, 30]  # millimetres, landscape A4 (267 mm usable)


def _quantity(value) -> str:
    return format(value.normalize(), "f")


def write_count_sheet(
    path: str | Path,
    lines: Sequence[SheetLine],
    *,
    store_code: str,
    store_name: str,
    as_of: dt.date,
    organisation: str = "",
) -> Path:
    """Write the count sheet of one store and return its path. Its header row repeats on every page."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    font = register_cjk_font()
    title = ParagraphStyle("title", fontName=font, fontSize=16, leading=22, alignment=1)
    small = ParagraphStyle("small", fontName=font, fontSize=10, leading=14)
    cell = ParagraphStyle("cell", fontName=font, fontSize=9, leading=11)
    doc = SimpleDocTemplate(
        str(path), pagesize=landscape(A4), leftMargin=15 * mm, rightMargin=15 * mm, topMargin=12 * mm,
        bottomMargin=15 * mm, title=f"盘点表 {store_code} {as_of.isoformat()}", author=organisation or "储备管家",
        creator="储备管家 ReserveKeeper",
    )
    rows = [HEADERS] + [
        [str(n), line.item_code, Paragraph(line.item_name, cell), Paragraph(line.spec, cell), line.unit,
         Paragraph(line.batch_no, cell), line.expiry_date.isoformat() if line.expiry_date else "",
         _quantity(line.book_quantity), "", "", ""]
        for n, line in enumerate(lines, start=1)
    ]
    table = Table(rows, colWidths=[w * mm for w in WIDTHS], repeatRows=1)
    table.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), font),
        ("FONTSIZE", (0, 0), (-1, -1), 9),
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#E8E8E8")),
        ("ALIGN", (0, 0), (-1, 0), "CENTER"),
        ("ALIGN", (7, 1), (9, -1), "RIGHT"),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, colors.HexColor("#F7F7F7")]),
    ]))
    heading = f"{organisation} 应急物资盘点表" if organisation else "应急物资盘点表"
    story = [
        Paragraph(heading, title),
        Spacer(1, 3 * mm),
        Paragraph(f"储备库：{store_code} {store_name}　　账面日期：{as_of.isoformat()}　　共 {len(lines)} 个批次", small),
        Spacer(1, 3 * mm),
        table,
        Spacer(1, 8 * mm),
        Paragraph("盘点人：＿＿＿＿＿＿　　监盘人：＿＿＿＿＿＿　　保管员：＿＿＿＿＿＿　　盘点日期：＿＿＿＿年＿＿月＿＿日", small),
    ]

    def page_number(canvas, document) -> None:
        canvas.setFont(font, 9)
        canvas.drawCentredString(landscape(A4)[0] / 2, 8 * mm, f"第 {document.page} 页")

    doc.build(story, onFirstPage=page_number, onLaterPages=page_number)
    return path
