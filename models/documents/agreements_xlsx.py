"""The agreement list as an Excel workbook: one row per agreement line, with the columns of the import
sheet 代储协议 (so a list can be edited and imported again) plus item name, unit and state at the
end, which the import ignores. Plain data in (``AgreementDetail`` objects), a file out."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from models.services.agreements import AgreementDetail

SHEET = "代储协议"
COLUMNS = [
    ("协议编号", 16), ("企业名称", 28), ("统一社会信用代码", 22), ("协议类型", 10), ("开始日期", 12),
    ("结束日期", 12), ("响应时限（小时）", 10), ("年费用（元）", 12), ("物资编码", 12), ("协议数量", 12),
    ("最低数量", 10), ("存放地点", 26), ("联系人", 10), ("联系电话", 14),
    ("物资名称", 16), ("计量单位", 8), ("状态", 10),
]
EXPIRING_FILL = PatternFill("solid", fgColor="FFF2CC")
ENDED_FONT = Font(color="808080")


def _number(value):
    return int(value) if value == value.to_integral_value() else float(value)


def write_agreements_xlsx(details: Iterable[AgreementDetail], path: str | Path) -> Path:
    """One row per line; agreements ending within 90 days are shaded, ended ones greyed."""
    path = Path(path)
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = SHEET
    sheet.append([title for title, _ in COLUMNS])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    for index, (_, width) in enumerate(COLUMNS, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    for detail in details:
        row = detail.row
        for line in detail.lines:
            sheet.append([
                row.number, row.enterprise, row.credit_code, row.agreement_type.label, row.start_date, row.end_date,
                row.response_hours, float(row.annual_fee), line.item_code, _number(line.guaranteed),
                _number(line.minimum), row.storage_place, row.contact, row.phone,
                line.item_name, line.unit, row.state.label,
            ])
            cells = sheet[sheet.max_row]
            cells[4].number_format = cells[5].number_format = "yyyy-mm-dd"
            cells[7].number_format = "#,##0.00"
            if row.expiring:
                for cell in cells:
                    cell.fill = EXPIRING_FILL
            elif row.state.value in ("expired", "terminated"):
                for cell in cells:
                    cell.font = ENDED_FONT
    sheet.freeze_panes = "B2"
    sheet.auto_filter.ref = sheet.dimensions
    workbook.save(path)
    return path
