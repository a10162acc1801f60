"""A printable summary of one agreement reserve (储备协议摘要): parties, term, fee, lines, checks,
call-ups and the fee due per quarter. Plain data in (``AgreementDetail``), a PDF file out."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from models.documents.fonts import register_cjk_font
from models.services.agreements import AgreementDetail
from models.services.ledger import fmt_qty

PAGE_WIDTH = A4[0] - 30 * mm


def _styles(font: str) -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("body", fontName=font, fontSize=9, leading=12, wordWrap="CJK")
    return {
        "title": ParagraphStyle("title", parent=base, fontSize=16, leading=22, alignment=TA_CENTER),
        "subtitle": ParagraphStyle("subtitle", parent=base, alignment=TA_CENTER, textColor=colors.grey),
        "heading": ParagraphStyle("heading", parent=base, fontSize=11, leading=16, spaceBefore=8, spaceAfter=3),
        "body": base,
        "cell": ParagraphStyle("cell", parent=base, fontSize=8.5, leading=11),
        "number": ParagraphStyle("number", parent=base, fontSize=8.5, leading=11, alignment=TA_RIGHT),
        "note": ParagraphStyle("note", parent=base, fontSize=8, leading=11, textColor=colors.grey),
    }


def _money(value: Decimal) -> str:
    return f"{value:,.2f}"


def _date(value: dt.date | None) -> str:
    return value.isoformat() if value else "—"


def _table(rows: list[list], widths: list[float], styles, *, header: bool = True,
           numeric: tuple[int, ...] = ()) -> Table:
    def cell(value, row: int, column: int) -> Paragraph:
        style = styles["number"] if column in numeric and (row > 0 or not header) else styles["cell"]
        return Paragraph(str(value), style)

    data = [[cell(v, r, c) for c, v in enumerate(row)] for r, row in enumerate(rows)]
    table = Table(data, colWidths=widths, repeatRows=1 if header else 0)
    commands = [
        ("FONTNAME", (0, 0), (-1, -1), styles["cell"].fontName),
        ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ]
    if header:
        commands.append(("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8eef5")))
    table.setStyle(TableStyle(commands))
    return table


def _info_table(detail: AgreementDetail, styles) -> Table:
    row = detail.row
    hours = f"{row.response_hours} 小时" if row.response_hours else "未约定"
    state = row.state.label
    if detail.terminated_on:
        state += f"（{detail.terminated_on} 终止：{detail.termination_reason}）"
    pairs = [
        ("协议编号", row.number, "状态", state),
        ("代储企业", row.enterprise, "统一社会信用代码", row.credit_code),
        ("企业地址", detail.address or "—", "储备类别", detail.reserve_kind or "—"),
        ("联系人", row.contact or "—", "联系电话", row.phone or "—"),
        ("协议类型", row.agreement_type.label, "响应时限", hours),
        ("协议期限", f"{row.start_date} 至 {row.end_date}", "年费用（元）", _money(row.annual_fee)),
        ("存放地点", row.storage_place or "—", "合同扫描件", detail.contract_path or "—"),
    ]
    rows = [list(p) for p in pairs]
    rows.append(["费用规则", detail.fee_rules or "—", "", ""])
    rows.append(["轮换责任", detail.rotation_duty or "—", "", ""])
    history = "、".join(detail.history) if detail.history else "—"
    rows.append(["续签关系", f"前序协议：{history}；后续协议：{detail.renewed_by or '—'}", "", ""])
    w = PAGE_WIDTH
    table = _table(rows, [w * 0.14, w * 0.36, w * 0.17, w * 0.33], styles, header=False)
    extra = [("SPAN", (1, r), (3, r)) for r in range(len(pairs), len(rows))]
    extra += [("BACKGROUND", (0, 0), (0, -1), colors.HexColor("#f3f3f3")),
              ("BACKGROUND", (2, 0), (2, len(pairs) - 1), colors.HexColor("#f3f3f3"))]
    table.setStyle(TableStyle(extra))
    return table


def write_agreement_pdf(detail: AgreementDetail, path: str | Path, *, printed_on: dt.date) -> Path:
    """Write the summary of ``detail`` to ``path`` and return the path."""
    font = register_cjk_font()
    styles = _styles(font)
    path = Path(path)
    row = detail.row
    story = [
        Paragraph("储备协议摘要", styles["title"]),
        Paragraph(f"{row.agreement_type.label}协议 · {row.number} · 打印日期 {printed_on}", styles["subtitle"]),
        Spacer(1, 6),
        _info_table(detail, styles),
    ]
    w = PAGE_WIDTH
    lines = [["物资编码", "物资名称", "单位", "协议数量", "最低数量", "最近核查", "实查数量", "待补库", "可动用"]]
    for line in detail.lines:
        found = fmt_qty(line.last_found) if line.last_found is not None else "—"
        if line.shortfall > 0:
            found = f"<font color='#c0392b'>{found}（短缺 {fmt_qty(line.shortfall)}）</font>"
        lines.append([line.item_code, line.item_name, line.unit, fmt_qty(line.guaranteed), fmt_qty(line.minimum),
                      _date(line.last_check_date), found, fmt_qty(line.outstanding), fmt_qty(line.available)])
    story += [Paragraph("一、协议物资", styles["heading"]),
              _table(lines, [w * f for f in (0.1, 0.15, 0.06, 0.1, 0.1, 0.12, 0.17, 0.1, 0.1)], styles,
                     numeric=(3, 4, 6, 7, 8))]

    fees = [["季度", "计费期间", "基本费用", "短缺比例", "扣减", "应付", "依据核查"]]
    for fee in detail.fees:
        fees.append([fee.label, f"{fee.period_start} 至 {fee.period_end}", _money(fee.base_fee),
                     f"{fee.shortfall_share * 100:.1f}%", _money(fee.deduction), _money(fee.due), _date(fee.check_date)])
    total = sum((fee.due for fee in detail.fees), Decimal(0))
    fees.append(["合计", "", _money(sum((f.base_fee for f in detail.fees), Decimal(0))), "",
                 _money(sum((f.deduction for f in detail.fees), Decimal(0))), _money(total), ""])
    story += [KeepTogether([
        Paragraph("二、分季度应付费用", styles["heading"]),
        _table(fees, [w * f for f in (0.15, 0.25, 0.12, 0.1, 0.12, 0.12, 0.14)], styles, numeric=(2, 3, 4, 5)),
        Paragraph("扣减规则：季度基本费用 = 年费用 ÷ 4 × 期内天数 ÷ 季度天数；每次核查的短缺比例为各物资"
                  "（最低数量 − 实查数量）÷ 最低数量的平均值（不短缺记 0），取季度内最高的一次；扣减 = 基本费用 × 短缺比例。",
                  styles["note"]),
    ])]

    checks = [["核查日期", "核查人", "实查数量", "短缺比例", "备注"]]
    names = {line.item_code: line.item_name for line in detail.lines}
    for check in detail.checks:
        found = "；".join(f"{names.get(code, code)} {fmt_qty(q)}" for code, q in check.found.items())
        checks.append([_date(check.check_date), check.checked_by, found, f"{check.shortfall_share * 100:.1f}%",
                       check.remarks or ""])
    if len(checks) == 1:
        checks.append(["—", "", "尚无核查记录", "", ""])
    story += [Paragraph("三、核查记录", styles["heading"]),
              _table(checks, [w * f for f in (0.12, 0.17, 0.35, 0.1, 0.26)], styles, numeric=(3,))]

    calls = [["动用时间", "物资", "数量", "已补库", "调拨单号", "响应截止", "备注"]]
    for call in detail.call_ups:
        calls.append([call.called_at.astimezone().strftime("%Y-%m-%d %H:%M"), call.item_name,
                      f"{fmt_qty(call.quantity)}{call.unit}", fmt_qty(call.replenished), call.dispatch_order_number or "—",
                      call.response_deadline.astimezone().strftime("%Y-%m-%d %H:%M") if call.response_deadline else "—",
                      call.remarks])
    if len(calls) == 1:
        calls.append(["—", "尚无动用记录", "", "", "", "", ""])
    story += [Paragraph("四、动用与补库", styles["heading"]),
              _table(calls, [w * f for f in (0.15, 0.13, 0.11, 0.09, 0.15, 0.15, 0.22)], styles,
                     numeric=(2, 3))]

    def _footer(canvas, doc) -> None:
        canvas.saveState()
        canvas.setFont(font, 8)
        canvas.setFillColor(colors.grey)
        canvas.drawString(15 * mm, 10 * mm, f"储备管家 · {row.number}")
        canvas.drawRightString(A4[0] - 15 * mm, 10 * mm, f"第 {doc.page} 页")
        canvas.restoreState()

    document = SimpleDocTemplate(str(path), pagesize=A4, leftMargin=15 * mm, rightMargin=15 * mm,
                                 topMargin=15 * mm, bottomMargin=18 * mm, title=f"储备协议摘要 {row.number}",
                                 author="储备管家 ReserveKeeper", initialFontName=font)
    document.build(story, onFirstPage=_footer, onLaterPages=_footer)
    return path
