"""The annual storage report (年度储存情况报告) as an Excel workbook: plain data in, file out."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

from models.services.storage_report import COLUMNS, StorageReport

QTY_FORMAT = "#,##0.###"
MONEY_FORMAT = "#,##0.00"
THIN = Side(style="thin", color="999999")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
HEADER_FILL = PatternFill("solid", fgColor="DDE6F0")
SUBTOTAL_FILL = PatternFill("solid", fgColor="F3F3F3")

HEADINGS = (
    ["储备库编码", "储备库名称", "物资编码", "物资名称", "规格型号", "单位", "期初结存"]
    + [label for label, _sign in COLUMNS.values()]
    + ["期末结存", "期初金额（元）", "期末金额（元）", "备注"]
)
WIDTHS = [11, 20, 11, 18, 14, 6, 11] + [11] * len(COLUMNS) + [11, 15, 15, 16]


def write_storage_report(report: StorageReport, path: str | Path, *, unit_name: str = "") -> Path:
    """Write ``report`` to ``path`` (.xlsx): a detail sheet per store and item, and a store summary."""
    path = Path(path)
    workbook = Workbook()
    detail = workbook.active
    detail.title = "明细"
    _detail_sheet(detail, report, unit_name)
    _summary_sheet(workbook.create_sheet("按储备库汇总"), report)
    path.parent.mkdir(parents=True, exist_ok=True)
    workbook.save(path)
    return path


def _title(sheet, text: str, subtitle: str, columns: int) -> None:
    sheet.append([text])
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=columns)
    sheet["A1"].font = Font(size=14, bold=True)
    sheet["A1"].alignment = Alignment(horizontal="center")
    sheet.append([subtitle])
    sheet.merge_cells(start_row=2, start_column=1, end_row=2, end_column=columns)


def _header(sheet, headings: list[str], widths: list[int]) -> None:
    sheet.append(headings)
    row = sheet.max_row
    for column, width in enumerate(widths, start=1):
        cell = sheet.cell(row=row, column=column)
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
        cell.border = BORDER
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        sheet.column_dimensions[get_column_letter(column)].width = width
    sheet.freeze_panes = f"C{row + 1}"  # a string: asking for the cell would create an empty row


def _detail_sheet(sheet, report: StorageReport, unit_name: str) -> None:
    _title(sheet, f"{report.year} 年度应急物资储存情况报告",
           f"{unit_name + '　' if unit_name else ''}统计期间：{report.year}-01-01 至 {report.year}-12-31　"
           f"编制日期：{report.generated_on or ''}　"
           "期初 + 入库 + 调入 − 出库 − 调出 ± 盘盈亏 − 报废 = 期末（冲销计入原单据一栏）",
           len(HEADINGS))
    _header(sheet, HEADINGS, WIDTHS)
    first_qty, last_qty = 7, 7 + len(COLUMNS) + 1
    for row in report.rows:
        sheet.append([
            row.store_code, row.store_name, row.item_code, row.item_name, row.spec, row.unit, row.opening,
            *[getattr(row, name) for name in COLUMNS], row.closing, row.opening_value, row.closing_value,
            "部分批次无单价" if row.unpriced else "",
        ])
        _style_row(sheet, sheet.max_row, first_qty, last_qty)
    sheet.append(["合计", "", "", "", "", "", *([""] * (len(COLUMNS) + 2)), report.opening_value,
                  report.closing_value, ""])
    _style_row(sheet, sheet.max_row, first_qty, last_qty, fill=SUBTOTAL_FILL)
    sheet.cell(row=sheet.max_row, column=1).font = Font(bold=True)
    sheet.print_title_rows = "3:3"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth = 1
    sheet.sheet_properties.pageSetUpPr.fitToPage = True


def _style_row(sheet, row: int, first_qty: int, last_qty: int, *, fill=None) -> None:
    for column in range(1, len(HEADINGS) + 1):
        cell = sheet.cell(row=row, column=column)
        cell.border = BORDER
        if fill is not None:
            cell.fill = fill
        if first_qty <= column <= last_qty:
            cell.number_format = QTY_FORMAT
        elif column in (last_qty + 1, last_qty + 2):
            cell.number_format = MONEY_FORMAT


def _summary_sheet(sheet, report: StorageReport) -> None:
    headings = ["储备库编码", "储备库名称", "物资品种数", "期初金额（元）", "期末金额（元）", "有报废的品种数"]
    _title(sheet, f"{report.year} 年度各储备库储存金额汇总", "金额按批次单价（无则按物资单价）计算", len(headings))
    _header(sheet, headings, [11, 22, 11, 16, 16, 14])
    stores: dict[str, list] = {}
    for row in report.rows:
        entry = stores.setdefault(row.store_code, [row.store_code, row.store_name, 0, 0, 0, 0])
        entry[2] += 1
        entry[3] += row.opening_value
        entry[4] += row.closing_value
        entry[5] += 1 if row.scrapped else 0
    for entry in stores.values():
        sheet.append(entry)
        for column in range(1, len(headings) + 1):
            cell = sheet.cell(row=sheet.max_row, column=column)
            cell.border = BORDER
            if column in (4, 5):
                cell.number_format = MONEY_FORMAT
