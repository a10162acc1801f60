"""Problems found in an import workbook, and one data row's cells checked column by column.

Kept apart from the workbook reader so the typed-row readers (excel_typed_rows) and the tidy-cell
shortcuts (excel_tidy_cells) can use ``Cells`` and ``Problems`` without importing openpyxl's reader.
A problem is (sheet, Excel row number, column, Chinese message quoting the value found).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

from models.documents import excel_headers as H
from models.documents import excel_values as V
from models.errors import DomainError, ValidationError
from models.messages import msg
from models.validation import check_code, check_text


@dataclass(frozen=True)
class Problem:
    """One finding in the workbook; ``row`` is the Excel row number (0 for the sheet as a whole)."""

    sheet: str
    row: int
    column: str
    message: str
    cell: str = ""  # Excel reference such as "F12" (for "jump to" hints); not part of the JSON contract

    def as_json(self) -> dict:
        return {"sheet": self.sheet, "row": self.row, "column": self.column, "message": self.message}

    def __str__(self) -> str:
        where = f"“{self.sheet}”" + (f"第 {self.row} 行" if self.row else "") + (f"“{self.column}”列" if self.column else "")
        return f"{where}：{self.message}"


class ImportCancelled(DomainError):
    """The user cancelled; nothing was written."""


class Problems:
    def __init__(self) -> None:
        self.errors: list[Problem] = []
        self.warnings: list[Problem] = []
        self._trimmed: dict[tuple[str, str], list[int]] = {}  # (sheet, column) → [first row, count]

    def error(self, sheet: str, row: int, column: str, message: str) -> None:
        self.errors.append(Problem(sheet, row, column, message))

    def warn(self, sheet: str, row: int, column: str, message: str) -> None:
        self.warnings.append(Problem(sheet, row, column, message))

    def trimmed(self, sheet: str, column: str, row: int) -> None:
        seen = self._trimmed.setdefault((sheet, column), [row, 0])
        seen[1] += 1

    def finish(self) -> None:
        """Whitespace warnings are summarised per column instead of one per cell."""
        for (sheet, column), (first, count) in self._trimmed.items():
            self.warn(sheet, first, column, msg("{count} 个单元格首尾有空格，已自动去除（首次出现在第 {first} 行）。",
                                                count=count, first=first))
        self._trimmed.clear()


@dataclass
class Cells:
    """One data row: raw values by column key, with the Excel row number."""

    sheet: str
    row: int
    values: dict[str, Any]
    problems: Problems
    spec: H.SheetSpec

    def _column(self, key: str) -> str:
        return _header(self.spec, key)

    def raw(self, key: str) -> Any:
        return self.values.get(key)

    def _fail(self, key: str, exc: ValidationError) -> None:
        self.problems.error(self.sheet, self.row, self._column(key), exc.chinese)

    def _note_trim(self, key: str) -> None:
        if V.was_trimmed(self.values.get(key)):
            self.problems.trimmed(self.sheet, self._column(key), self.row)

    def text(self, key: str, *, max_length: int, required: bool = False) -> str:
        self._note_trim(key)
        label = self._column(key)
        value = V.cell_text(self.values.get(key))
        if required and not value:
            self.problems.error(self.sheet, self.row, label, msg("{field}不能为空，请填写。", field=label))
            return ""
        try:
            return check_text(value, label, max_length=max_length)
        except ValidationError as exc:
            self._fail(key, exc)
            return ""

    def code(self, key: str, *, required: bool = True, max_length: int = 30) -> str:
        self._note_trim(key)
        label = self._column(key)
        value = V.code_text(self.values.get(key))
        if not value:
            if required:
                self.problems.error(self.sheet, self.row, label, msg("{field}不能为空，请填写。", field=label))
            return ""
        try:
            return check_code(value, label, max_length=max_length)
        except ValidationError as exc:
            self._fail(key, exc)
            return ""

    def parse(self, key: str, parser: Callable[..., Any], *args: Any, required: bool = False, **kwargs: Any) -> Any:
        label = self._column(key)
        value = self.values.get(key)
        if V.is_blank(value):
            if required:
                self.problems.error(self.sheet, self.row, label, msg("{field}不能为空，请填写。", field=label))
            return None
        try:
            return parser(value, label, *args, **kwargs)
        except ValidationError as exc:
            self._fail(key, exc)
            return None
        except (ValueError, ArithmeticError, OverflowError) as exc:  # a corner no parser foresaw
            self.problems.error(self.sheet, self.row, label,
                                msg("{field}“{value}”无法识别（{reason}）。", field=label, value=V.cell_text(value), reason=str(exc)))
            return None


_HEADERS: dict[tuple[str, str], str] = {}


def _header(spec: H.SheetSpec, key: str) -> str:
    """A column's printed header (looked up for every cell read: cached by sheet name and key)."""
    found = _HEADERS.get((spec.name, key))
    if found is None:
        found = _HEADERS[(spec.name, key)] = spec.column(key).header
    return found
