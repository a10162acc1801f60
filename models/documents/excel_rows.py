"""Reading an import workbook sheet by sheet into typed rows, collecting every problem on the way.

A problem is (sheet, Excel row number, column, Chinese message quoting the value found). The 库存
sheet is read as a stream (``iter_stock``) so a 100,000-row sheet never sits in memory; the other
sheets are small and read into lists.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from itertools import islice
from pathlib import Path
from typing import Callable, Iterator

import openpyxl
from openpyxl.utils import get_column_letter

from models.documents import excel_headers as H
from models.documents import excel_values as V
from models.documents.excel_cells import Cells, ImportCancelled, Problem, Problems
from models.documents.excel_sheet_xml import _quick_sizing, sheet_values
from models.documents.excel_typed_rows import (
    AGREEMENT_TYPES, BASES, BASIS_LABELS, READERS, TYPE_LABELS, AgreementRow, ItemRow, StandardRow, StockEntry,
    StoreRow, read_agreement, read_item, read_stock, read_standard, read_store,
)
from models.errors import ValidationError
from models.messages import msg

__all__ = [  # the names importers use from here, wherever they are defined
    "AGREEMENT_TYPES", "BASES", "BASIS_LABELS", "READERS", "SHEET_MAP", "TYPE_LABELS", "AgreementRow", "Cells",
    "ImportCancelled", "ItemRow", "Problem", "Problems", "SheetPreview", "SheetSource", "StandardRow", "StockEntry",
    "StoreRow", "WorkbookReader", "excerpt", "preview", "read_agreement", "read_item", "read_stock", "read_standard",
    "read_store", "sheet_values",
]


@dataclass
class SheetSource:
    spec: H.SheetSpec
    title: str  # the sheet's own name in the workbook
    header: H.HeaderMatch
    estimated_rows: int


SHEET_MAP = "__sheets__"  # key in column_maps: normalised sheet title → canonical sheet name ('' = ignore)


class WorkbookReader:
    """An import workbook opened in read-only (streaming) mode, with each known sheet located."""

    def __init__(self, path: str | Path, problems: Problems, column_maps: dict[str, dict[str, str]] | None = None):
        self.path = Path(path)
        self.problems = problems
        try:
            with _quick_sizing():
                self.workbook = openpyxl.load_workbook(self.path, read_only=True, data_only=True)
        except FileNotFoundError:
            raise ValidationError(msg("找不到文件“{path}”。", path=str(self.path))) from None
        except Exception as exc:  # zipfile.BadZipFile, KeyError, InvalidFileException...
            raise ValidationError(msg(
                "无法读取“{name}”：它不是有效的 Excel（.xlsx）文件（{reason}）。"
                "如果是 .xls 旧格式，请先用 Excel 或 WPS 另存为 .xlsx。", name=self.path.name, reason=type(exc).__name__)) from None
        self.sheets: dict[str, SheetSource] = {}
        self.unmatched_sheets: list[str] = []
        for worksheet in self.workbook.worksheets:
            self._locate(worksheet, (column_maps or {}))

    def _locate(self, worksheet, column_maps: dict[str, dict[str, str]]) -> None:
        chosen = column_maps.get(SHEET_MAP, {}).get(H.normalise_header(worksheet.title))
        if chosen == "":  # the user said: ignore this sheet (still listed, so the choice can be undone)
            self.unmatched_sheets.append(worksheet.title)
            return
        spec = next((s for s in H.IMPORT_SHEETS if s.name == chosen), None) or H.match_sheet_name(worksheet.title)
        if spec is None:
            if H.normalise_header(worksheet.title) != H.normalise_header(H.LEDGER):
                self.unmatched_sheets.append(worksheet.title)
            return
        if spec.name in self.sheets:
            self.problems.warn(worksheet.title, 0, "",
                               msg("工作表“{sheet}”与“{other}”都像“{kind}”，只读取了后者。", sheet=worksheet.title,
                                   other=self.sheets[spec.name].title, kind=spec.name))
            return
        estimated = worksheet.max_row or 0
        if hasattr(worksheet, "reset_dimensions"):
            worksheet.reset_dimensions()  # some writers record wrong sizes; read to the real end
        head = list(islice(worksheet.iter_rows(min_row=1, values_only=True), H.HEADER_SCAN_ROWS))
        header = H.find_header_row(spec, head, column_maps.get(spec.name))
        if header is None:
            self.problems.error(worksheet.title, 0, "",
                                msg("在前 {rows} 行中找不到“{kind}”的表头（如 {headers}）。", rows=H.HEADER_SCAN_ROWS,
                                    kind=spec.name, headers="、".join(spec.headers[:4])))
            return
        for key in header.missing:
            column = spec.column(key).header
            self.problems.error(worksheet.title, header.excel_row, column, msg("缺少必填列“{column}”。", column=column))
        for index, text in header.unmatched.items():
            self.problems.warn(worksheet.title, header.excel_row, text, msg("未识别的列“{column}”，已忽略。", column=text))
        self.sheets[spec.name] = SheetSource(spec, worksheet.title, header, max(0, estimated - header.excel_row))

    def close(self) -> None:
        self.workbook.close()

    def with_cells(self, problems: list[Problem]) -> list[Problem]:
        """Add the Excel cell reference (F12) to each problem whose column is a matched header."""
        letters: dict[tuple[str, str], str] = {}
        for source in self.sheets.values():
            for index, key in source.header.columns.items():
                letters[(source.title, source.spec.column(key).header)] = get_column_letter(index + 1)
        result = []
        for problem in problems:
            letter = letters.get((problem.sheet, problem.column), "")
            cell = f"{letter}{problem.row}" if letter and problem.row else (f"A{problem.row}" if problem.row else "")
            result.append(replace(problem, cell=cell))
        return result

    def rows(self, name: str, on_row: Callable[[], None] | None = None, *, preview: bool = False) -> Iterator[Cells]:
        """Data rows below the header: blank rows skipped; 合计 rows and the template's example row
        skipped with a warning. A sheet missing a required column yields nothing (except to preview)."""
        source = self.sheets.get(name)
        if source is None or (source.header.missing and not preview):
            return
        worksheet = self.workbook[source.title]
        columns = source.header.columns
        first = source.header.excel_row + 1
        for row_number, cells in sheet_values(worksheet, first):
            if on_row is not None:
                on_row()
            values = {key: cells[index] for index, key in columns.items() if index < len(cells)}
            if all(V.is_blank(value) for value in cells):
                continue
            if V.is_total_row(list(cells)):
                self.problems.warn(source.title, row_number, "", "合计行已跳过。")
                continue
            if V.is_example_row(list(cells)):
                self.problems.warn(source.title, row_number, "", "模板示例行已跳过。")
                continue
            if all(V.is_blank(value) for value in values.values()):
                continue  # text only in ignored columns
            yield Cells(source.title, row_number, values, self.problems, source.spec)


@dataclass
class SheetPreview:
    """What the wizard shows for one sheet: how headers were understood and the first rows."""

    sheet: str  # canonical
    title: str  # as in the workbook
    header_row: int
    columns: list[tuple[str, str]]  # (header found, canonical header or '' if ignored)
    missing: list[str]
    rows: list[tuple[int, list[str]]] = field(default_factory=list)  # (excel row, canonical-order texts)


def preview(path: str | Path, column_maps: dict[str, dict[str, str]] | None = None, limit: int = 5
            ) -> tuple[list[SheetPreview], Problems, list[str]]:
    problems = Problems()
    reader = WorkbookReader(path, problems, column_maps)
    try:
        previews = []
        for name, source in reader.sheets.items():
            worksheet = reader.workbook[source.title]
            header_cells = next(worksheet.iter_rows(min_row=source.header.excel_row,
                                                    max_row=source.header.excel_row, values_only=True))
            columns = []
            info = {H.normalise_header(text) for text in source.spec.info}
            for index, cell in enumerate(header_cells):
                if V.is_blank(cell) or (index not in source.header.columns and H.normalise_header(cell) in info):
                    continue
                key = source.header.columns.get(index)
                columns.append((V.cell_text(cell), source.spec.column(key).header if key else ""))
            item = SheetPreview(name, source.title, source.header.excel_row, columns,
                                [source.spec.column(k).header for k in source.header.missing])
            for cells in islice(reader.rows(name, preview=True), limit):
                item.rows.append((cells.row, [V.cell_text(cells.raw(c.key)) for c in source.spec.columns]))
            previews.append(item)
        return previews, problems, reader.unmatched_sheets
    finally:
        reader.close()


def excerpt(path: str | Path, sheet_title: str, row: int, column_maps: dict[str, dict[str, str]] | None = None,
            radius: int = 2) -> list[tuple[int, list[str]]]:
    """The rows around Excel row ``row`` of a sheet, in canonical column order (for "jump to row")."""
    reader = WorkbookReader(path, Problems(), column_maps)
    try:
        source = next((s for s in reader.sheets.values() if s.title == sheet_title), None)
        if source is None:
            return []
        first = max(source.header.excel_row + 1, row - radius)
        cells = reader.workbook[source.title].iter_rows(min_row=first, max_row=row + radius, values_only=True)
        result = []
        for number, values in enumerate(cells, start=first):
            by_key = {key: values[index] for index, key in source.header.columns.items() if index < len(values)}
            result.append((number, [V.cell_text(by_key.get(c.key)) for c in source.spec.columns]))
        return result
    finally:
        reader.close()
