"""The export's fast data rows (excel_fast_rows.py) give the same workbook as openpyxl's own cells."""

from __future__ import annotations

from decimal import Decimal

import openpyxl

from models.documents.excel_export import export_workbook
from models.services.receiving import ReceiptLine, receive
from tests.excel.test_roundtrip import populate


def cells(path) -> dict:
    workbook = openpyxl.load_workbook(path)
    result = {}
    for sheet in workbook.worksheets:
        result[sheet.title] = {
            "dimensions": sheet.dimensions, "freeze": sheet.freeze_panes, "titles": sheet.print_title_rows,
            "filter": sheet.auto_filter.ref, "merged": sorted(str(r) for r in sheet.merged_cells.ranges),
            "landscape": sheet.page_setup.orientation, "widths": {k: d.width for k, d in sheet.column_dimensions.items()},
            "cells": [[(c.value, c.number_format, c.font.b, c.border.left.style, c.fill.fgColor.rgb, c.data_type)
                       for c in row] for row in sheet.iter_rows()],
        }
    return result


def test_fast_rows_write_the_same_cells_values_and_formats(admin, county, tmp_path):
    populate(admin, county)
    receive(admin, county.village_store, [  # text that XML must escape, a fraction
        ReceiptLine(county.rice, Decimal("12.345"), "RD-1", "2026-01-10")], supplier="“某”<公司> & 子公司")
    fast = export_workbook(admin, tmp_path / "fast.xlsx").path
    slow = export_workbook(admin, tmp_path / "slow.xlsx", fast=False).path
    got, expected = cells(fast), cells(slow)
    assert got.keys() == expected.keys()
    for name in expected:
        assert got[name] == expected[name], name
    stock = got["库存"]["cells"]
    assert any(row[12][0] == "“某”<公司> & 子公司" for row in stock) and stock[-1][0][0].startswith("合计")
    assert len(got["出入库流水"]["cells"]) == 2 + 11 + 1  # title, header, 11 movements, 合计
