"""“导出所见” — any table view can hand its model to ``export_view`` and get the rows and columns the
user sees (after filtering and sorting, without hidden columns) as a formatted .xlsx, through the
same sheet writer as the ledger export (title row, frozen header, A4 landscape)."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from pathlib import Path

from openpyxl import Workbook
from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QTableView, QWidget

from desktop import settings as app_settings
from models.documents.excel_export import QTY_FORMAT, Col, write_sheet

_NUMBER = re.compile(r"^-?[\d,]+(\.\d+)?$")


def cell_value(text: object) -> object:
    """Numbers shown as text ('1,200', '12.5') go out as numbers so Excel can sum them."""
    if not isinstance(text, str):
        return text
    stripped = text.strip()
    if _NUMBER.match(stripped) and not (len(stripped) > 1 and stripped.startswith("0") and "." not in stripped):
        try:
            return Decimal(stripped.replace(",", ""))
        except InvalidOperation:
            return text
    return text


def export_model(model: QAbstractItemModel, path: str | Path, title: str, *,
                 hidden_columns: set[int] = frozenset(), sheet_name: str = "导出") -> int:
    """Write the model's rows (display text) to ``path``; returns the number of rows written."""
    columns = [c for c in range(model.columnCount()) if c not in hidden_columns]
    headers = [str(model.headerData(c, Qt.Horizontal, Qt.DisplayRole) or "") for c in columns]
    widths = [max(8, min(40, len(h) * 2 + 2)) for h in headers]
    rows = []
    for row in range(model.rowCount()):
        values = []
        for position, column in enumerate(columns):
            text = model.data(model.index(row, column, QModelIndex()), Qt.DisplayRole)
            value = cell_value(text if text is not None else "")
            values.append(value)
            if isinstance(value, str):
                widths[position] = max(widths[position], min(40, len(value) * 2 + 2))
        rows.append(values)
    numeric = [all(isinstance(r[i], Decimal) or r[i] == "" for r in rows) and any(isinstance(r[i], Decimal) for r in rows)
               for i in range(len(columns))]
    cols = [Col(h, w, QTY_FORMAT if n else None) for h, w, n in zip(headers, widths, numeric)]
    workbook = Workbook()
    workbook.remove(workbook.active)
    count = write_sheet(workbook, sheet_name[:31], title, cols, rows)
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    workbook.save(path)
    return count


def export_view(view: QTableView, path: str | Path, title: str) -> int:
    """Export exactly what ``view`` shows: its (proxy) model's order and filter, visible columns only."""
    model = view.model()
    hidden = {c for c in range(model.columnCount()) if view.isColumnHidden(c)}
    return export_model(model, path, title, hidden_columns=hidden)


def ask_export_path(parent: QWidget | None, suggested: str) -> str | None:
    """The save dialog, starting in the folder used last."""
    store = app_settings.current()
    folder = store.get(app_settings.LAST_EXPORT_DIR)
    start = str(Path(folder) / suggested) if folder else suggested
    path, _ = QFileDialog.getSaveFileName(parent, parent.tr("导出 Excel") if parent else "导出 Excel", start,
                                          "Excel 工作簿 (*.xlsx)")
    if not path:
        return None
    if not path.lower().endswith(".xlsx"):
        path += ".xlsx"
    store.set(app_settings.LAST_EXPORT_DIR, str(Path(path).parent))
    return path


def add_export_action(view: QTableView, title: str, file_name: str) -> QAction:
    """One line for any table view: a right-click action “导出所见到 Excel…” (Qt.ActionsContextMenu)."""
    action = QAction(view.tr("导出所见到 Excel…"), view)

    def run() -> None:
        from desktop.interaction import interaction  # noqa: PLC0415 - the one prompt seam

        path = ask_export_path(view, file_name)
        if path:
            count = export_view(view, path, title)
            interaction.information(view, view.tr("导出完成"), view.tr("已导出 {0} 行到 {1}").format(count, path))

    action.triggered.connect(run)
    view.setContextMenuPolicy(Qt.ActionsContextMenu)
    view.addAction(action)
    return action
