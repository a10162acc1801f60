"""审计日志导出 to Excel: plain rows in, one workbook out (streamed, so a large trail fits in memory).

Every value is written as text: a summary that starts with "=" must never become a formula.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font

HEADERS = ("序号", "时间", "用户", "计算机", "操作", "对象", "编号", "摘要", "修改前", "修改后")
WIDTHS = (8, 20, 14, 16, 10, 10, 22, 40, 50, 50)
MAX_CELL = 32_000  # Excel's limit is 32,767 characters per cell


def _text_cell(sheet, value: str, font: Font | None = None) -> WriteOnlyCell:
    text = ILLEGAL_CHARACTERS_RE.sub("\ufffd", value or "")
    if len(text) > MAX_CELL:
        text = text[:MAX_CELL] + "…（已截断）"
    cell = WriteOnlyCell(sheet, value=text)
    cell.data_type = "s"  # never a formula, whatever the text starts with
    if font is not None:
        cell.font = font
    return cell


def write_audit_workbook(
    rows: Iterable,
    path: str | Path,
    filter_text: str = "全部",
    *,
    exported_by: str = "",
    exported_at: dt.datetime | None = None,
) -> int:
    """Write audit rows (``models.services.audit_queries.AuditRow``) to ``path``; returns the count."""
    path = Path(path)
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("审计日志")
    for index, width in enumerate(WIDTHS):
        sheet.column_dimensions[chr(ord("A") + index)].width = width
    sheet.freeze_panes = "A4"
    bold = Font(bold=True)
    stamp = (exported_at or dt.datetime.now(dt.timezone.utc)).astimezone().strftime("%Y-%m-%d %H:%M")
    sheet.append([_text_cell(sheet, "储备管家 审计日志", Font(bold=True, size=14))])
    sheet.append([_text_cell(sheet, f"筛选：{filter_text}　导出人：{exported_by}　导出时间：{stamp}")])
    sheet.append([_text_cell(sheet, header, bold) for header in HEADERS])
    count = 0
    wrap = Alignment(wrap_text=False, vertical="top")
    for count, row in enumerate(rows, start=1):
        cells = [WriteOnlyCell(sheet, value=count)]
        at = WriteOnlyCell(sheet, value=row.at.astimezone().replace(tzinfo=None))
        at.number_format = "yyyy-mm-dd hh:mm:ss"
        cells.append(at)
        for value in (row.username, row.machine, row.action_label, row.entity_label, row.entity_key,
                      row.summary, row.before, row.after):
            cell = _text_cell(sheet, value)
            cell.alignment = wrap
            cells.append(cell)
        sheet.append(cells)
    path.parent.mkdir(parents=True, exist_ok=True)
    workbook.save(path)
    return count
