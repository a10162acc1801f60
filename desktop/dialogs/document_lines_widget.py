"""Pieces shared by the daily-work dialogs (入库, 出库, 调拨, 盘点): a field with its error line, an
item picker that finds items by code, name or pinyin initials, scan-friendly Enter navigation,
a read-only lines table, and ``run_busy`` which runs a posting off the UI thread behind a progress
dialog so the window never freezes.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (QT_TRANSLATE_NOOP, QAbstractListModel, QCoreApplication, QEvent, QEventLoop, QModelIndex,
                            QObject, Qt, QTimer, Signal)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressDialog,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.formatting import with_note
from desktop.table_models.row_model import DISPLAY
from models.context import ServiceContext
from models.schema.enums import DocType
from models.services.catalog import list_items
from models.services.document_queries import postable_stores  # noqa: F401 - the dialogs' store box

DOC_TYPE_LABELS = (
    QT_TRANSLATE_NOOP("labels", "入库单"), QT_TRANSLATE_NOOP("labels", "出库单"),
    QT_TRANSLATE_NOOP("labels", "调拨出库单"), QT_TRANSLATE_NOOP("labels", "调拨入库单"),
    QT_TRANSLATE_NOOP("labels", "盘点调整单"), QT_TRANSLATE_NOOP("labels", "报废单"),
    QT_TRANSLATE_NOOP("labels", "冲销单"),
    QT_TRANSLATE_NOOP("labels", "政府实物储备"), QT_TRANSLATE_NOOP("labels", "部门储备"),
    QT_TRANSLATE_NOOP("labels", "群众号料"),
)

SEARCH_ROLE = int(Qt.ItemDataRole.UserRole.value) + 10
CODE_ROLE = int(Qt.ItemDataRole.UserRole.value) + 11
EDIT = int(Qt.ItemDataRole.EditRole.value)
ERROR_STYLE = "color: #b3261e;"


def doc_type_label(doc_type: DocType) -> str:
    return QCoreApplication.translate("labels", doc_type.label)


# ---------------------------------------------------------------------------------------------
# fields with an error line


class FieldBox(QWidget):
    """A widget with its error message right under it (red, hidden when empty)."""

    def __init__(self, widget: QWidget, parent: QWidget | None = None, *, suffix: QWidget | None = None,
                 note: QWidget | None = None) -> None:
        super().__init__(parent)
        self.widget = widget
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(1)
        if suffix is not None:
            row = QHBoxLayout()
            row.setContentsMargins(0, 0, 0, 0)
            row.addWidget(widget, 1)
            if isinstance(suffix, QLabel):
                suffix.setMinimumWidth(suffix.fontMetrics().horizontalAdvance("平方米"))
            row.addWidget(suffix)
            column.addLayout(row)
        else:
            column.addWidget(widget)
        if note is not None:
            column.addWidget(note)
        self.error = QLabel(self)
        self.error.setProperty("role", "error")
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        column.addWidget(self.error)
        column.addStretch(1)  # spare height (left by a message just hidden) goes below, not around

    def set_error(self, message: str | None) -> None:
        self.error.setText(message or "")
        self.error.setVisible(bool(message))
        self.widget.setProperty("invalid", bool(message))
        self.widget.style().unpolish(self.widget)
        self.widget.style().polish(self.widget)

    def error_text(self) -> str:
        return self.error.text() if not self.error.isHidden() else ""


# ---------------------------------------------------------------------------------------------
# items and stores


@dataclass(frozen=True)
class ItemChoice:
    code: str
    name: str
    spec: str
    unit: str
    shelf_life_months: int | None
    search: str  # lower-case code, name, spec and pinyin

    @property
    def caption(self) -> str:
        return with_note(f"{self.name} {self.spec}".strip(), self.unit)


def load_items(ctx: ServiceContext, *, include_inactive: bool = False) -> list[ItemChoice]:
    """Items to pick from; retired items only where old movements are looked up (the ledger)."""
    return [
        ItemChoice(item.code, item.name, item.spec, item.unit, item.shelf_life_months,
                   f"{item.code} {item.name} {item.spec} {item.pinyin}".lower())
        for item in list_items(ctx) if item.active or include_inactive
    ]


def store_combo(stores: Sequence[tuple[str, str]], current: str | None, parent: QWidget | None = None) -> QComboBox:
    combo = QComboBox(parent)
    for code, label in stores:
        combo.addItem(label, code)
    index = combo.findData(current) if current else -1
    combo.setCurrentIndex(index if index >= 0 else (0 if stores else -1))
    return combo


class _ItemListModel(QAbstractListModel):
    """The items the completer searches: a list model over the choices (a QStandardItem per item cost
    about 0.1 ms each to build, a tenth of a second for a city's catalogue every time a screen opened)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._items: list[ItemChoice] = []

    def set_items(self, items: list[ItemChoice]) -> None:
        self.beginResetModel()
        self._items = items
        self.endResetModel()

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() else len(self._items)

    def data(self, index: QModelIndex, role: int = DISPLAY):
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        item = self._items[index.row()]
        if role == DISPLAY or role == EDIT:
            return f"{item.code}  {item.name}  {item.spec}".strip()
        if role == SEARCH_ROLE:
            return item.search
        if role == CODE_ROLE:
            return item.code
        return None


class _CodeCompleter(QCompleter):
    """Matches on code, name and pinyin; puts the item code into the line edit."""

    def pathFromIndex(self, index) -> str:  # noqa: N802 - Qt override
        return index.data(CODE_ROLE) or ""


class ItemPicker(QLineEdit):
    """Type or scan an item code, or type part of the name or its pinyin initials (zp → 帐篷)."""

    item_changed = Signal(object)  # ItemChoice or None

    def __init__(self, items: Sequence[ItemChoice], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._current: ItemChoice | None = None
        self.setPlaceholderText(self.tr("编码、名称或拼音首字母"))
        self._model = _ItemListModel(self)
        self.set_items(items)
        completer = _CodeCompleter(self._model, self)
        completer.setCompletionRole(SEARCH_ROLE)
        completer.setFilterMode(Qt.MatchContains)
        completer.setCaseSensitivity(Qt.CaseInsensitive)
        completer.setMaxVisibleItems(12)
        self.setCompleter(completer)
        self.textChanged.connect(self._on_text)

    def set_items(self, items: Sequence[ItemChoice]) -> None:
        """Offer these items (after the catalogue changed)."""
        self._items = list(items)
        self._by_code = {item.code.lower(): item for item in self._items}
        self._model.set_items(self._items)
        self._current = None
        self._on_text(self.text())

    def _on_text(self, text: str) -> None:
        item = self._by_code.get(text.strip().lower())
        if item is not self._current:
            self._current = item
            self.item_changed.emit(item)

    def item(self) -> ItemChoice | None:
        return self._current

    def matches(self, text: str) -> list[ItemChoice]:
        needle = text.strip().lower()
        return [item for item in self._items if needle and needle in item.search] if needle else []

    def resolve(self) -> str | None:
        """Settle the typed text on one item; returns an error message if that is not possible."""
        text = self.text().strip()
        if not text:
            return self.tr("请填写物资编码，或输入名称、拼音首字母后从列表中选择。")
        if self._current is not None:
            return None
        found = self.matches(text)
        if len(found) == 1:
            self.setText(found[0].code)
            return None
        if not found:
            return self.tr("物资目录中没有“%1”，请检查编码或先在目录中添加。").replace("%1", text)
        return self.tr("有 %1 个物资与“%2”相符，请从列表中选择一个。").replace("%1", str(len(found))).replace("%2", text)


# ---------------------------------------------------------------------------------------------
# scan-friendly entry


class EnterMovesOn(QObject):
    """Enter in one field moves to the next (as a scanner's Enter should); Enter in the last field
    calls ``on_last``. A field may refuse to be left with ``can_leave`` returning False."""

    def __init__(self, fields: Sequence[QWidget], on_last: Callable[[], None],
                 can_leave: Callable[[QWidget], bool] | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._fields = list(fields)
        self._on_last = on_last
        self._can_leave = can_leave or (lambda _widget: True)
        for field in self._fields:
            field.installEventFilter(self)
            if isinstance(field, QLineEdit):
                # with the completion list open, Enter reaches the line edit past the event filter
                # (the completer hands it over directly); it then arrives as returnPressed
                field.returnPressed.connect(lambda w=field: QTimer.singleShot(0, lambda: self._advance(w)))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.KeyPress and event.key() in (Qt.Key_Return, Qt.Key_Enter):
            if isinstance(watched, QLineEdit) and watched.completer() and watched.completer().popup().isVisible():
                return False  # let the completer take the choice first
            if watched in self._fields:
                QTimer.singleShot(0, lambda w=watched: self._advance(w))
                return True
        return False

    def _advance(self, widget: QWidget) -> None:
        if not widget.hasFocus() and widget.window().focusWidget() is not widget:
            return  # focus already moved on (the completer's choice did it)
        if not self._can_leave(widget):
            return
        index = self._fields.index(widget)
        following = [w for w in self._fields[index + 1:] if w.isEnabled() and w.isVisible()]
        if following:
            following[0].setFocus(Qt.TabFocusReason)
            if isinstance(following[0], QLineEdit):
                following[0].selectAll()
        else:
            self._on_last()


# ---------------------------------------------------------------------------------------------
# tables


def make_table(headers: Sequence[str], parent: QWidget | None = None, *, editable: bool = False,
               stretch: int | None = None) -> QTableWidget:
    """A plain table; ``stretch`` names the column that takes the spare width (default: the last)."""
    table = QTableWidget(0, len(headers), parent)
    table.setHorizontalHeaderLabels(list(headers))
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setDefaultSectionSize(26)
    table.setAlternatingRowColors(True)
    table.setSelectionBehavior(QAbstractItemView.SelectRows)
    table.setSelectionMode(QAbstractItemView.SingleSelection)
    if not editable:
        table.setEditTriggers(QAbstractItemView.NoEditTriggers)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeToContents)
    if stretch is None:
        header.setStretchLastSection(True)
    else:
        header.setSectionResizeMode(stretch, QHeaderView.Stretch)
    return table


def set_table_rows(table: QTableWidget, rows: Sequence[Sequence[Any]], *, right_columns: Sequence[int] = ()) -> None:
    table.setRowCount(len(rows))
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            cell = QTableWidgetItem("" if value is None else str(value))
            cell.setFlags(cell.flags() & ~Qt.ItemIsEditable)
            if c in right_columns:
                cell.setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)
            table.setItem(r, c, cell)


# ---------------------------------------------------------------------------------------------
# long work off the UI thread


def run_busy(parent: QWidget | None, label: str, work: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """Run ``work`` in a worker thread; the UI keeps painting and a progress dialog appears if it
    takes more than a moment. Returns its result or raises its exception here, on the UI thread."""
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="rk-post") as executor:
        future = executor.submit(work, *args, **kwargs)
        if parent is not None:
            parent.setEnabled(False)  # no second click while the first posting runs
        progress = QProgressDialog(label, "", 0, 0, parent)
        progress.setCancelButton(None)
        progress.setWindowModality(Qt.WindowModal)
        progress.setMinimumDuration(400)
        progress.setWindowTitle(QCoreApplication.translate("DocumentLines", "请稍候"))
        loop = QEventLoop()
        timer = QTimer()
        timer.setInterval(15)
        timer.timeout.connect(lambda: loop.quit() if future.done() else None)
        timer.start()
        try:
            if not future.done():
                loop.exec()
        finally:
            timer.stop()
            progress.reset()
            progress.deleteLater()
            if parent is not None:
                parent.setEnabled(True)
        return future.result()


def no_default_buttons(dialog: QWidget) -> None:
    """Enter belongs to the fields (scanners end with Enter): no button may take it and close or
    post the dialog by accident."""
    for button in dialog.findChildren(QPushButton):
        button.setAutoDefault(False)
        button.setDefault(False)
