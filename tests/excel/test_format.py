"""Formatting of the exported workbook and the template, read back with openpyxl."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import openpyxl

from models.documents.excel_export import export_workbook
from models.documents.excel_template import write_template
from models.services.receiving import ReceiptLine, receive


def test_export_is_formatted_for_filing_and_printing(admin, county, tmp_path):
    receive(admin, county.county_store, [
        ReceiptLine(county.water, 1200, "W1", "2025-01-01", "2026-12-31", unit_price=Decimal("1.5")),
        ReceiptLine(county.tent, 3, "T1", "2024-01-01", unit_price=Decimal(2800)),
    ])
    workbook = openpyxl.load_workbook(export_workbook(admin, tmp_path / "e.xlsx").path)
    for sheet in workbook.worksheets:
        assert "导出日期：2026-06-01" in sheet["A1"].value
        assert sheet["A1"].font.bold and any(str(r).startswith("A1:") for r in sheet.merged_cells.ranges)
        assert sheet.freeze_panes == "A3"
        assert sheet.print_title_rows == "$1:$2"
        assert sheet.page_setup.orientation == "landscape" and str(sheet.page_setup.paperSize) == "9"  # A4
        assert sheet.sheet_properties.pageSetUpPr.fitToPage and sheet.page_setup.fitToWidth == 1
        assert sheet["A2"].font.bold and sheet.column_dimensions["A"].width >= 10
    stock = workbook["库存"]
    headers = [c.value for c in stock[2]]
    rows = list(stock.iter_rows(min_row=3))
    water = next(r for r in rows if r[2].value == county.water)
    assert water[headers.index("有效期至")].value == dt.datetime(2026, 12, 31)
    assert water[headers.index("有效期至")].number_format == "yyyy-mm-dd"
    assert water[headers.index("数量")].value == 1200 and water[headers.index("数量")].number_format == "#,##0"
    total = rows[-1]
    assert total[0].value == "合计（2 行）" and total[0].font.bold
    assert total[headers.index("金额（元）")].value == 1200 * 1.5 + 3 * 2800
    ledger = workbook["出入库流水"]
    assert [c.value for c in ledger[2]][:4] == ["日期", "时间", "单号", "单据类型"]
    assert ledger.cell(row=3, column=4).value == "入库单"


def test_template_has_headers_lists_and_example(tmp_path):
    workbook = openpyxl.load_workbook(write_template(tmp_path / "t.xlsx"))
    stores = workbook["储备库"]
    assert [c.value for c in stores[2]][:4] == ["储备库编码*", "储备库名称*", "级别*", "所属行政区*"]
    assert stores["A3"].value.startswith("【示例】")
    lists = {dv.formula1 for sheet in workbook.worksheets for dv in sheet.data_validations.dataValidation}
    assert '"县级,乡镇级,村级"' in lists and '"每人每天,每N人,固定数量"' in lists
    assert '"实物代储,产能储备"' in lists
    standards = workbook["定额标准"]
    ranges = [str(dv.sqref) for dv in standards.data_validations.dataValidation]
    assert ranges == ["D3:D5000"]
