"""“导出本表” — any table view can hand its model to ``export_view`` and get the rows and columns the
user sees (after filtering and sorting, without hidden columns) as a formatted .xlsx, through the
same sheet writer as the ledger export (title row, frozen header, A4 landscape).

A lazily loaded table (the stock and ledger views read a page at a time as the user scrolls) is
exported with *every* row matching its current filter, not just the pages read so far: before writing,
``load_all_rows`` asks the model for the remaining pages (``fetchMore``, i.e. through the same service
query and in the same order) in the GUI thread, a page at a time, behind a progress dialog that can be
cancelled."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from pathlib import Path

from typing import Callable

from PySide6.QtCore import QAbstractItemModel, QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QFileDialog, QProgressDialog, QTableView, QWidget

from desktop import settings as app_settings

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
                 hidden_columns: set[int] = frozenset(), sheet_name: str = "") -> int:
    """Write the model's rows (display text) to ``path``; returns the number of rows written.

    Two passes over the model (column widths and number columns first, then the rows), streamed
    into a write-only workbook with the export's fast data rows: a ledger of 200,000 rows is never
    held as cells."""
    # openpyxl and the sheet writer load on the first export, not with every table view (issue 10: start-up)
    from openpyxl import Workbook

    from models.documents.excel_export import QTY_FORMAT, Col, write_sheet
    from models.documents.excel_fast_rows import save_with_rows

    columns = [c for c in range(model.columnCount()) if c not in hidden_columns]
    headers = [str(model.headerData(c, Qt.Horizontal, Qt.DisplayRole) or "") for c in columns]
    widths = [max(8, min(40, len(h) * 2 + 2)) for h in headers]

    def values(row: int) -> list:
        result = []
        for column in columns:
            text = model.data(model.index(row, column, QModelIndex()), Qt.DisplayRole)
            result.append(cell_value(text if text is not None else ""))
        return result

    numbers = [False] * len(columns)  # a column with a number and nothing but numbers or blanks
    texts = [False] * len(columns)
    for row in range(model.rowCount()):
        for position, value in enumerate(values(row)):
            if isinstance(value, Decimal):
                numbers[position] = True
            elif value != "":
                texts[position] = True
                if isinstance(value, str):
                    widths[position] = max(widths[position], min(40, len(value) * 2 + 2))
    cols = [Col(h, w, QTY_FORMAT if n and not t else None) for h, w, n, t in zip(headers, widths, numbers, texts)]
    workbook = Workbook(write_only=True)
    sheet_name = sheet_name or QCoreApplication.translate("ExportTable", "导出")
    raw: dict = {}
    count = write_sheet(workbook, sheet_name[:31], title, cols, (values(row) for row in range(model.rowCount())), raw)
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    save_with_rows(workbook, path, raw)
    return count


def load_all_rows(view: QTableView, total: Callable[[], int | None] | None = None) -> bool:
    """Fetch the pages a lazy model has not read yet; False if the user cancelled.

    ``total`` (optional) gives the number of matching rows, for a determinate progress bar."""
    model = view.model()
    root = QModelIndex()
    if model is None or not model.canFetchMore(root):
        return True
    expected = (total() if total else None) or 0
    dialog = QProgressDialog(QCoreApplication.translate("ExportTable", "正在读取符合条件的全部行…"),
                             QCoreApplication.translate("ExportTable", "取消"), 0, expected, view)
    dialog.setWindowTitle(QCoreApplication.translate("ExportTable", "导出本表"))
    dialog.setWindowModality(Qt.WindowModal)
    dialog.setMinimumDuration(400)
    try:
        while model.canFetchMore(root):
            before = model.rowCount()
            model.fetchMore(root)
            rows = model.rowCount()
            if expected:
                dialog.setValue(min(rows, expected))
            dialog.setLabelText(QCoreApplication.translate("ExportTable", "正在读取符合条件的全部行… 已读取 %1 行")
                                .replace("%1", f"{rows:,}"))
            QApplication.processEvents()
            if dialog.wasCanceled():
                return False
            if rows == before and model.canFetchMore(root):
                break  # a model that says "more" but gives nothing: do not spin
        return True
    finally:
        dialog.close()
        dialog.deleteLater()


def export_view(view: QTableView, path: str | Path, title: str) -> int:
    """Export exactly what ``view`` shows: its (proxy) model's order and filter, visible columns only
    (call ``load_all_rows`` first for a lazily loaded model)."""
    model = view.model()
    hidden = {c for c in range(model.columnCount()) if view.isColumnHidden(c)}
    return export_model(model, path, title, hidden_columns=hidden)


def ask_export_path(parent: QWidget | None, suggested: str) -> str | None:
    """The save dialog, starting in the folder used last."""
    store = app_settings.current()
    folder = store.get(app_settings.LAST_EXPORT_DIR)
    start = str(Path(folder) / suggested) if folder else suggested
    path, _ = QFileDialog.getSaveFileName(parent, QCoreApplication.translate("ExportTable", "导出 Excel"), start,
                                          QCoreApplication.translate("ExportTable", "Excel 工作簿 (*.xlsx)"))
    if not path:
        return None
    if not path.lower().endswith(".xlsx"):
        path += ".xlsx"
    store.set(app_settings.LAST_EXPORT_DIR, str(Path(path).parent))
    return path


def add_export_action(view: QTableView, title: str, file_name: str = "", *,
                      total: Callable[[], int | None] | None = None) -> QAction:
    """One line for any table view: a right-click action “导出本表…” (Qt.ActionsContextMenu) writing
    the rows and columns shown, in the order shown — for a lazy model every row matching its filter.
    The action is returned so a view can also put it on a tool button. The suggested file name is
    ``file_name`` or, by default, the (translated) title + .xlsx."""
    file_name = file_name or f"{title}.xlsx"
    action = QAction(QCoreApplication.translate("ExportTable", "导出本表…"), view)
    action.setObjectName("export_table")
    action.setToolTip(QCoreApplication.translate("ExportTable", "把本表当前筛选和排序下的全部行导出为 Excel"))

    def run() -> None:
        from desktop.interaction import interaction  # noqa: PLC0415 - the one prompt seam

        path = ask_export_path(view, file_name)
        if path and load_all_rows(view, total):
            count = export_view(view, path, title)
            interaction.information(view, QCoreApplication.translate("ExportTable", "导出完成"),
                                    QCoreApplication.translate("ExportTable", "已导出 {0} 行到 {1}").format(count, path))

    action.triggered.connect(run)
    view.setContextMenuPolicy(Qt.ActionsContextMenu)
    view.addAction(action)
    return action
