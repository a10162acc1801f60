"""汛前检查报告 (pre-flood-season check) as a PDF for the leaders: title, county and date, the summary
figures first, then the adequacy table, a coverage bar chart, and the lists to act on (own share
below half, batches expiring before the season ends, agreements ending before it ends, overdue
inspections). Plain data in (``models.services.preflood.PrefloodData``), file out.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from reportlab.graphics.shapes import Drawing, Line, Rect, String
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from models.documents.fonts import register_cjk_font
from models.services.adequacy import AdequacyLine
from models.services.ledger import fmt_qty
from models.services.preflood import PrefloodData

RED = colors.HexColor("#c62828")
AMBER = colors.HexColor("#ef8f00")
GREEN = colors.HexColor("#2e7d32")
RED_BG = colors.HexColor("#fdecea")
AMBER_BG = colors.HexColor("#fff4e0")
GREEN_BG = colors.HexColor("#e8f5e9")
HEADER_BG = colors.HexColor("#e3e8ef")
GRID = colors.HexColor("#9aa5b1")
MAX_LIST_ROWS = 60  # longer lists are cut with a note; the Excel workbook has every row


def coverage_colour(coverage: Decimal):
    """Red below 50 %, amber below 100 %, green when covered (also used by the Excel workbook)."""
    if coverage < Decimal("0.5"):
        return RED
    if coverage < 1:
        return AMBER
    return GREEN


def _background(coverage: Decimal):
    return {RED: RED_BG, AMBER: AMBER_BG, GREEN: GREEN_BG}[coverage_colour(coverage)]


def percent(value: Decimal | None) -> str:
    return "—" if value is None else f"{value * 100:.1f}%"


def _styles(font: str) -> dict[str, ParagraphStyle]:
    return {
        "title": ParagraphStyle("title", fontName=font, fontSize=18, leading=24, alignment=TA_CENTER),
        "subtitle": ParagraphStyle("subtitle", fontName=font, fontSize=10.5, leading=15, alignment=TA_CENTER,
                                   textColor=colors.HexColor("#37474f")),
        "h2": ParagraphStyle("h2", fontName=font, fontSize=12.5, leading=17, spaceBefore=8, spaceAfter=4),
        "body": ParagraphStyle("body", fontName=font, fontSize=9.5, leading=14),
        "note": ParagraphStyle("note", fontName=font, fontSize=8, leading=11, textColor=colors.HexColor("#546e7a")),
        "cell": ParagraphStyle("cell", fontName=font, fontSize=8, leading=10),
        "big": ParagraphStyle("big", fontName=font, fontSize=17, leading=21, alignment=TA_CENTER),
        "small": ParagraphStyle("small", fontName=font, fontSize=8, leading=10, alignment=TA_CENTER,
                                textColor=colors.HexColor("#455a64")),
    }


def write_preflood_pdf(data: PrefloodData, path: str | Path) -> Path:
    font = register_cjk_font()
    styles = _styles(font)
    path = Path(path)
    report = data.adequacy
    doc = SimpleDocTemplate(
        str(path), pagesize=A4, leftMargin=15 * mm, rightMargin=15 * mm, topMargin=15 * mm, bottomMargin=15 * mm,
        title=f"{data.county}汛前储备能力检查报告", author="储备管家 ReserveKeeper",
    )
    story = [
        Paragraph(f"{data.county}汛前应急物资储备检查报告", styles["title"]),
        Spacer(1, 2 * mm),
        Paragraph(
            f"汛期 {data.season_start:%Y年%m月%d日} 至 {data.season_end:%Y年%m月%d日}　·　报告日期 {data.report_date:%Y年%m月%d日}",
            styles["subtitle"]),
        Paragraph(
            f"评估情景：安置 {report.people:,} 人、保障 {report.days} 天（{report.as_of} 至 {report.last_day}）　"
            f"标准：{report.standard}　范围：{report.scope_label}"
            + (f"　协议响应时间不超过 {report.max_response_hours} 小时" if report.max_response_hours else ""),
            styles["subtitle"]),
        Spacer(1, 5 * mm),
        _summary_boxes(data, styles, doc.width),
        Spacer(1, 3 * mm),
        Paragraph(_summary_sentence(data), styles["body"]),
        Paragraph("一、储备能力评估", styles["h2"]),
        _adequacy_table(report.lines, styles, doc.width),
        Spacer(1, 1.5 * mm),
        Paragraph(
            "说明：需求量按定额标准计算（每人每天 × 人数 × 天数；每 N 人一件取整进位；固定数量）。政府实物储备只计政府储备方式的批次，"
            "不计有效期早于情景末日的批次，并扣除已审批调拨单的预留；协议储备和产能储备只计评估日有效且不早于情景末日到期的协议。"
            "保障率 = 可用合计 ÷ 需求量；政府占比 = min(政府实物, 需求量) ÷ 需求量，按规定应不低于 50%。百分比向下取整。",
            styles["note"]),
        KeepTogether([Paragraph("二、各需求项保障率", styles["h2"]), coverage_chart(report.lines, font, doc.width)]),
    ]
    story += _own_share_section(data, styles, doc.width)
    story += _expiring_section(data, styles, doc.width)
    story += _agreement_section(data, styles, doc.width)
    story += _inspection_section(data, styles, doc.width)
    doc.build(story, onFirstPage=_footer(font), onLaterPages=_footer(font))
    return path


def _footer(font: str):
    def draw(canvas, doc) -> None:
        canvas.saveState()
        canvas.setFont(font, 8)
        canvas.setFillColor(colors.HexColor("#78909c"))
        canvas.drawRightString(A4[0] - 15 * mm, 9 * mm, f"第 {doc.page} 页")
        canvas.drawString(15 * mm, 9 * mm, "储备管家 ReserveKeeper · 汛前检查")
        canvas.restoreState()
    return draw


def _summary_sentence(data: PrefloodData) -> str:
    summary = data.adequacy.summary
    if summary.needs == 0:
        return "该定额标准没有需求项。"
    text = f"共 {summary.needs} 个需求项，{summary.covered} 项满足需求。"
    if summary.weakest is not None and summary.covered < summary.needs:
        text += f"最薄弱的是“{summary.weakest}”，保障率 {percent(summary.min_coverage)}。"
    if summary.own_share_below_half:
        text += f"政府实物储备占比低于 50% 的有：{'、'.join(summary.own_share_below_half)}。"
    else:
        text += "各需求项政府实物储备占比均达到 50%。"
    return text


def _summary_boxes(data: PrefloodData, styles, width: float) -> Table:
    summary = data.adequacy.summary
    figures = [
        (f"{summary.covered}/{summary.needs}", "满足需求的项数", GREEN if summary.covered == summary.needs else AMBER),
        (percent(summary.min_coverage), f"最低保障率（{summary.weakest or '—'}）",
         coverage_colour(summary.min_coverage) if summary.min_coverage is not None else GREEN),
        (str(len(summary.own_share_below_half)), "政府实物占比不足 50%", RED if summary.own_share_below_half else GREEN),
        (str(len(data.expiring_batches)), "汛期结束前到期批次", AMBER if data.expiring_batches else GREEN),
        (str(len(data.ending_agreements)), "汛期内到期协议", AMBER if data.ending_agreements else GREEN),
        (str(len(data.overdue_inspections)), "逾期养护检查", RED if data.overdue_inspections else GREEN),
    ]
    cells = [[Paragraph(f'<font color="{colour.hexval().replace("0x", "#")}">{value}</font>', styles["big"])
              for value, _, colour in figures],
             [Paragraph(label, styles["small"]) for _, label, _ in figures]]
    table = Table(cells, colWidths=[width / len(figures)] * len(figures))
    table.setStyle(TableStyle([
        ("BOX", (0, 0), (-1, -1), 0.6, GRID),
        ("LINEAFTER", (0, 0), (-2, -1), 0.4, GRID),
        ("BACKGROUND", (0, 0), (-1, -1), colors.HexColor("#f7f9fb")),
        ("TOPPADDING", (0, 0), (-1, 0), 6),
        ("BOTTOMPADDING", (0, -1), (-1, -1), 6),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
    ]))
    return table


def _grid(rows: list[list], widths: list[float], font: str, extra: list | None = None) -> Table:
    table = Table(rows, colWidths=widths, repeatRows=1)
    table.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), font),
        ("FONTSIZE", (0, 0), (-1, -1), 8),
        ("LEADING", (0, 0), (-1, -1), 10),
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_BG),
        ("GRID", (0, 0), (-1, -1), 0.4, GRID),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
        *(extra or []),
    ]))
    return table


def _adequacy_table(lines: tuple[AdequacyLine, ...], styles, width: float) -> Table:
    font = styles["cell"].fontName
    header = ["需求项", "单位", "需求量", "政府实物", "协议储备", "产能储备", "可用合计", "缺口", "保障率", "政府占比", "可保障天数"]
    rows = [header]
    extra = [("ALIGN", (2, 1), (-1, -1), "RIGHT"), ("ALIGN", (1, 0), (-1, 0), "CENTER")]
    for index, line in enumerate(lines, start=1):
        rows.append([
            Paragraph(line.need, styles["cell"]), line.unit, fmt_qty(line.required), fmt_qty(line.own),
            fmt_qty(line.agreement), fmt_qty(line.capacity), fmt_qty(line.available), fmt_qty(line.shortfall),
            percent(line.coverage), percent(line.own_share),
            str(line.days_of_supply) if line.days_of_supply is not None else "—",
        ])
        extra.append(("BACKGROUND", (8, index), (8, index), _background(line.coverage)))
        extra.append(("TEXTCOLOR", (8, index), (8, index), coverage_colour(line.coverage)))
        if line.own_share < Decimal("0.5"):
            extra.append(("TEXTCOLOR", (9, index), (9, index), RED))
    if not lines:
        rows.append(["（该标准没有需求项）"] + [""] * (len(header) - 1))
    fractions = [0.17, 0.05, 0.09, 0.09, 0.08, 0.08, 0.09, 0.09, 0.08, 0.08, 0.10]
    return _grid(rows, [width * f for f in fractions], font, extra)


def coverage_chart(lines: tuple[AdequacyLine, ...], font: str, width: float) -> Drawing:
    """Horizontal bars of coverage per need (capped at 200 % on the axis), coloured like the table,
    with a dashed line at 100 %."""
    bar_height, gap, label_width, value_width = 12, 6, 110, 46
    height = max(1, len(lines)) * (bar_height + gap) + 30
    drawing = Drawing(width, height)
    plot_left = label_width
    plot_width = width - label_width - value_width
    top = height - 8
    scale_max = Decimal(2)
    for tick in (0, Decimal("0.5"), 1, Decimal("1.5"), 2):
        x = plot_left + float(Decimal(tick) / scale_max) * plot_width
        drawing.add(Line(x, 16, x, top, strokeColor=colors.HexColor("#cfd8dc"), strokeWidth=0.4))
        drawing.add(String(x, 5, f"{int(Decimal(tick) * 100)}%", fontName=font, fontSize=7, textAnchor="middle",
                           fillColor=colors.HexColor("#607d8b")))
    for index, line in enumerate(lines):
        y = top - (index + 1) * (bar_height + gap) + gap / 2
        shown = min(line.coverage, scale_max)
        drawing.add(String(plot_left - 4, y + 3, _shorten(line.need, 12), fontName=font, fontSize=8, textAnchor="end"))
        drawing.add(Rect(plot_left, y, max(0.5, float(shown / scale_max) * plot_width), bar_height,
                         fillColor=coverage_colour(line.coverage), strokeColor=None))
        label = percent(line.coverage) + ("+" if line.coverage > scale_max else "")
        drawing.add(String(plot_left + float(shown / scale_max) * plot_width + 3, y + 3, label, fontName=font,
                           fontSize=7.5))
    hundred = plot_left + plot_width / 2
    drawing.add(Line(hundred, 14, hundred, top + 2, strokeColor=colors.HexColor("#263238"), strokeWidth=0.9,
                     strokeDashArray=[3, 2]))
    return drawing


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _cut(rows: list, styles) -> tuple[list, list]:
    if len(rows) <= MAX_LIST_ROWS:
        return rows, []
    note = Paragraph(f"（共 {len(rows)} 条，此处列出前 {MAX_LIST_ROWS} 条；完整清单见 Excel 工作簿。）", styles["note"])
    return rows[:MAX_LIST_ROWS], [note]


def _own_share_section(data: PrefloodData, styles, width: float) -> list:
    story = [Paragraph("三、政府实物储备占比不足 50% 的需求项", styles["h2"])]
    below = data.own_share_below_half
    if not below:
        return story + [Paragraph("无。各需求项政府实物储备占比均不低于 50%。", styles["body"])]
    rows = [["需求项", "需求量", "政府实物", "协议 + 产能", "政府占比", "达到 50% 尚需"]]
    for line in below:
        half = line.required / 2
        rows.append([Paragraph(line.need, styles["cell"]), f"{fmt_qty(line.required)}{line.unit}",
                     f"{fmt_qty(line.own)}{line.unit}", f"{fmt_qty(line.agreement + line.capacity)}{line.unit}",
                     percent(line.own_share), f"{fmt_qty(max(Decimal(0), half - line.own))}{line.unit}"])
    return story + [_grid(rows, [width * f for f in (0.26, 0.15, 0.15, 0.15, 0.12, 0.17)], styles["cell"].fontName,
                          [("TEXTCOLOR", (4, 1), (4, -1), RED)])]


def _expiring_section(data: PrefloodData, styles, width: float) -> list:
    story = [Paragraph(f"四、汛期结束（{data.season_end}）前到期的批次", styles["h2"])]
    if not data.expiring_batches:
        return story + [Paragraph("无。", styles["body"])]
    rows = [[Paragraph(b.store_name, styles["cell"]), Paragraph(f"{b.item_name} {b.spec}".strip(), styles["cell"]),
             b.batch_no, str(b.expiry_date), f"{fmt_qty(b.quantity)}{b.unit}", b.reserve_mode.label,
             "已过期" if b.expired else "汛期内到期"] for b in data.expiring_batches]
    rows, note = _cut(rows, styles)
    header = ["储备库", "物资", "批次", "有效期至", "数量", "储备方式", "状态"]
    extra = [("TEXTCOLOR", (6, i), (6, i), RED) for i, row in enumerate(rows, start=1) if row[6] == "已过期"]
    return story + [_grid([header] + rows, [width * f for f in (0.2, 0.22, 0.14, 0.11, 0.11, 0.11, 0.11)],
                          styles["cell"].fontName, extra)] + note


def _agreement_section(data: PrefloodData, styles, width: float) -> list:
    story = [Paragraph("五、汛期结束前到期的储备协议", styles["h2"])]
    if not data.agreements_checked:
        return story + [Paragraph("（协议储备模块未安装，未检查。）", styles["body"])]
    if not data.ending_agreements:
        return story + [Paragraph("无。", styles["body"])]
    rows = [["协议编号", "企业", "类型", "到期日", "响应时间"]] + [
        [a.number, Paragraph(a.enterprise, styles["cell"]), a.kind, str(a.end_date),
         f"{a.response_hours} 小时" if a.response_hours else "未约定"] for a in data.ending_agreements]
    return story + [_grid(rows, [width * f for f in (0.2, 0.38, 0.14, 0.14, 0.14)], styles["cell"].fontName)]


def _inspection_section(data: PrefloodData, styles, width: float) -> list:
    story = [Paragraph("六、逾期未做的养护检查", styles["h2"])]
    if not data.inspections_checked:
        return story + [Paragraph("（养护模块未安装，未检查。）", styles["body"])]
    if not data.overdue_inspections:
        return story + [Paragraph("无。", styles["body"])]
    rows = [[Paragraph(i.schedule_name, styles["cell"]), Paragraph(i.target, styles["cell"]), str(i.due_date),
             str(i.last_inspected) if i.last_inspected else "从未检查"] for i in data.overdue_inspections]
    rows, note = _cut(rows, styles)
    return story + [_grid([["养护项目", "对象", "应检日期", "上次检查"]] + rows,
                          [width * f for f in (0.28, 0.42, 0.15, 0.15)], styles["cell"].fontName)] + note
