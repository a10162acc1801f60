"""汛前检查报告 as an Excel workbook: the same content as the PDF, one sheet per table, every row
(the PDF cuts long lists). Numbers are written as numbers so officers can sum and filter them."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

from models.services.preflood import PrefloodData

HEADER_FILL = PatternFill("solid", fgColor="E3E8EF")
FILLS = {"red": PatternFill("solid", fgColor="FDECEA"), "amber": PatternFill("solid", fgColor="FFF4E0"),
         "green": PatternFill("solid", fgColor="E8F5E9")}
FONT_COLOURS = {"red": "C62828", "amber": "B26A00", "green": "2E7D32"}
THIN = Side(style="thin", color="9AA5B1")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
PERCENT = "0.0%"


def _band(coverage: Decimal) -> str:
    if coverage < Decimal("0.5"):
        return "red"
    return "amber" if coverage < 1 else "green"


def _number(value: Decimal | None):
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


def _table(sheet, header: list[str], rows: list[list], widths: list[int], start_row: int = 1) -> None:
    for column, title in enumerate(header, start=1):
        cell = sheet.cell(row=start_row, column=column, value=title)
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
        cell.border = BORDER
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    for offset, row in enumerate(rows, start=1):
        for column, value in enumerate(row, start=1):
            cell = sheet.cell(row=start_row + offset, column=column, value=value)
            cell.border = BORDER
    for column, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = width
    sheet.freeze_panes = sheet.cell(row=start_row + 1, column=1)


def write_preflood_xlsx(data: PrefloodData, path: str | Path) -> Path:
    path = Path(path)
    workbook = Workbook()
    _summary_sheet(workbook.active, data)
    _adequacy_sheet(workbook.create_sheet("储备能力评估"), data)
    _own_share_sheet(workbook.create_sheet("政府占比不足50%"), data)
    _expiring_sheet(workbook.create_sheet("汛期内到期批次"), data)
    _agreement_sheet(workbook.create_sheet("汛期内到期协议"), data)
    _inspection_sheet(workbook.create_sheet("逾期养护"), data)
    workbook.save(path)
    return path


def _summary_sheet(sheet, data: PrefloodData) -> None:
    report, summary = data.adequacy, data.adequacy.summary
    sheet.title = "概况"
    sheet["A1"] = f"{data.county}汛前应急物资储备检查报告"
    sheet["A1"].font = Font(bold=True, size=15)
    rows = [
        ("汛期", f"{data.season_start} 至 {data.season_end}"),
        ("报告日期", data.report_date),
        ("安置人数", report.people),
        ("保障天数", report.days),
        ("评估日期", report.as_of),
        ("情景末日", report.last_day),
        ("定额标准", report.standard),
        ("统计范围", report.scope_label),
        ("协议最长响应时间（小时）", report.max_response_hours if report.max_response_hours else "不限"),
        ("需求项数", summary.needs),
        ("满足需求的项数", summary.covered),
        ("最低保障率", _number(summary.min_coverage)),
        ("最薄弱需求项", summary.weakest or "—"),
        ("政府实物占比不足 50%", "、".join(summary.own_share_below_half) or "无"),
        ("汛期结束前到期批次", len(data.expiring_batches)),
        ("汛期内到期协议", len(data.ending_agreements) if data.agreements_checked else "未检查"),
        ("逾期养护检查", len(data.overdue_inspections) if data.inspections_checked else "未检查"),
    ]
    for index, (label, value) in enumerate(rows, start=3):
        sheet.cell(row=index, column=1, value=label).font = Font(bold=True)
        cell = sheet.cell(row=index, column=2, value=value)
        if label == "最低保障率":
            cell.number_format = PERCENT
        if hasattr(value, "isoformat"):
            cell.number_format = "yyyy-mm-dd"
        cell.alignment = Alignment(horizontal="left")
    sheet.column_dimensions["A"].width = 26
    sheet.column_dimensions["B"].width = 60


def _adequacy_sheet(sheet, data: PrefloodData) -> None:
    header = ["需求项", "单位", "计算方式", "定额", "需求量", "政府实物", "协议储备", "产能储备", "可用合计", "缺口",
              "保障率", "政府占比", "可保障天数"]
    rows = [[line.need, line.unit, line.basis.label, _number(line.quota), _number(line.required), _number(line.own),
             _number(line.agreement), _number(line.capacity), _number(line.available), _number(line.shortfall),
             _number(line.coverage), _number(line.own_share), line.days_of_supply]
            for line in data.adequacy.lines]
    _table(sheet, header, rows, [20, 6, 12, 12, 12, 12, 12, 12, 12, 12, 10, 10, 11])
    for index, line in enumerate(data.adequacy.lines, start=2):
        band = _band(line.coverage)
        for column in (11, 12):
            sheet.cell(row=index, column=column).number_format = PERCENT
        sheet.cell(row=index, column=11).fill = FILLS[band]
        sheet.cell(row=index, column=11).font = Font(color=FONT_COLOURS[band], bold=True)
        if line.own_share < Decimal("0.5"):
            sheet.cell(row=index, column=12).font = Font(color=FONT_COLOURS["red"])
    if data.adequacy.lines:
        chart = BarChart()
        chart.type = "bar"
        chart.title = "各需求项保障率"
        chart.y_axis.number_format = "0%"
        chart.y_axis.title = "保障率"
        chart.legend = None
        count = len(data.adequacy.lines)
        chart.add_data(Reference(sheet, min_col=11, min_row=1, max_row=count + 1), titles_from_data=True)
        chart.set_categories(Reference(sheet, min_col=1, min_row=2, max_row=count + 1))
        chart.height = max(6, count * 0.9)
        chart.width = 18
        sheet.add_chart(chart, f"A{count + 4}")


def _own_share_sheet(sheet, data: PrefloodData) -> None:
    rows = [[line.need, line.unit, _number(line.required), _number(line.own), _number(line.agreement + line.capacity),
             _number(line.own_share), _number(max(Decimal(0), line.required / 2 - line.own))]
            for line in data.own_share_below_half]
    _table(sheet, ["需求项", "单位", "需求量", "政府实物", "协议 + 产能", "政府占比", "达到 50% 尚需"], rows,
           [20, 6, 12, 12, 12, 10, 14])
    for index in range(2, len(rows) + 2):
        sheet.cell(row=index, column=6).number_format = PERCENT


def _expiring_sheet(sheet, data: PrefloodData) -> None:
    rows = [[b.store_code, b.store_name, b.item_code, b.item_name, b.spec, b.batch_no, b.expiry_date,
             _number(b.quantity), b.unit, b.reserve_mode.label, "已过期" if b.expired else "汛期内到期"]
            for b in data.expiring_batches]
    _table(sheet, ["储备库编码", "储备库", "物资编码", "物资", "规格", "批次", "有效期至", "数量", "单位", "储备方式", "状态"],
           rows, [12, 24, 10, 16, 18, 18, 12, 10, 6, 14, 12])
    for index in range(2, len(rows) + 2):
        sheet.cell(row=index, column=7).number_format = "yyyy-mm-dd"


def _agreement_sheet(sheet, data: PrefloodData) -> None:
    if not data.agreements_checked:
        sheet["A1"] = "协议储备模块未安装，未检查。"
        return
    rows = [[a.number, a.enterprise, a.kind, a.end_date, a.response_hours] for a in data.ending_agreements]
    _table(sheet, ["协议编号", "企业", "类型", "到期日", "响应时间（小时）"], rows, [20, 36, 12, 12, 16])
    for index in range(2, len(rows) + 2):
        sheet.cell(row=index, column=4).number_format = "yyyy-mm-dd"


def _inspection_sheet(sheet, data: PrefloodData) -> None:
    if not data.inspections_checked:
        sheet["A1"] = "养护模块未安装，未检查。"
        return
    rows = [[i.schedule_name, i.target, i.due_date, i.last_inspected] for i in data.overdue_inspections]
    _table(sheet, ["养护项目", "对象", "应检日期", "上次检查"], rows, [24, 40, 12, 12])
    for index in range(2, len(rows) + 2):
        for column in (3, 4):
            sheet.cell(row=index, column=column).number_format = "yyyy-mm-dd"
