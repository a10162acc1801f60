"""The fast read-only row reader (excel_sheet_xml.sheet_values) gives what openpyxl's iter_rows gives."""

from __future__ import annotations

import datetime as dt

import openpyxl

from models.documents.excel_sheet_xml import sheet_values


def test_values_match_openpyxl_for_every_cell_kind(tmp_path):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["标题"])
    sheet.append(["文本", 12, 12.5, dt.datetime(2026, 5, 1), True, None, "=1+1"])
    sheet["C4"] = "跳过一行、两列"  # row 3 absent, A4 and B4 empty
    sheet["D5"] = dt.date(2024, 2, 29)
    sheet["E5"] = dt.time(8, 30)
    sheet["A6"] = "1,200"
    sheet["B6"] = -3
    sheet["H7"] = "远处的单元格"
    sheet["B8"].number_format = "yyyy-mm-dd"  # styled but empty
    path = tmp_path / "k.xlsx"
    workbook.save(path)
    reader = openpyxl.load_workbook(path, read_only=True, data_only=True)
    for worksheet in reader.worksheets:
        worksheet.reset_dimensions()
        for first in (1, 2, 3, 5):
            expected = list(enumerate(worksheet.iter_rows(min_row=first, values_only=True), start=first))
            got = list(sheet_values(worksheet, first))
            assert [(n, tuple(v)) for n, v in expected] == got
    assert dict(sheet_values(reader.active, 1))[2][:5] == ("文本", 12, 12.5, dt.datetime(2026, 5, 1), True)


def test_quick_sizing_reads_the_same_dimensions(tmp_path):
    from models.documents.excel_sheet_xml import _quick_sizing

    workbook = openpyxl.Workbook()
    workbook.active.append(["a", 1])
    workbook.active["D9"] = "x"
    workbook.create_sheet("空表")
    workbook.save(tmp_path / "normal.xlsx")
    streamed = openpyxl.Workbook(write_only=True)  # writes no <dimension>
    sheet = streamed.create_sheet("库存")
    for n in range(50):
        sheet.append([n, "行"])
    streamed.save(tmp_path / "streamed.xlsx")
    for name in ("normal.xlsx", "streamed.xlsx"):
        sizes = lambda: [(ws.min_row, ws.max_row, ws.min_column, ws.max_column)  # noqa: E731
                         for ws in openpyxl.load_workbook(tmp_path / name, read_only=True).worksheets]
        expected = sizes()
        with _quick_sizing():
            assert sizes() == expected
    assert expected == [(1, None, 1, None)] and sizes()[0] == (1, None, 1, None)
