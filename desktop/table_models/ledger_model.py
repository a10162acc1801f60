"""The lazily loaded ledger table (台账): pages of movements fetched on demand as the user scrolls.

The model holds only the rows fetched so far. ``canFetchMore``/``fetchMore`` ask the page source for
the next page after the last row's (occurred_at, id) key, so reaching the bottom of a million rows
loads one page at a time and the database never counts or skips earlier rows. The SQL lives in
``models.services.ledger_queries``; the model only receives a callable.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from desktop.formatting import date_text, local_time_text, number_text
from desktop.table_models.row_model import ALIGNMENT, DISPLAY, FOREGROUND, ROW_ROLE, TOOLTIP
from models.services.ledger_queries import LedgerKey, LedgerPage, LedgerRow

PageSource = Callable[[LedgerKey | None, bool], LedgerPage]  # (after, newest_first) -> page

RIGHT = int(Qt.AlignRight | Qt.AlignVCenter)
LEFT = int(Qt.AlignLeft | Qt.AlignVCenter)
INBOUND = QColor("#1d6b2f")
OUTBOUND = QColor("#9a1c1c")


def _tr(text: str) -> str:
    return QCoreApplication.translate("LedgerModel", text)


def _doc_type_label(row: LedgerRow) -> str:
    return QCoreApplication.translate("labels", row.doc_type.label)


def _signed(row: LedgerRow) -> str:
    text = number_text(row.delta)
    return f"+{text}" if row.delta > 0 else text


# (title, how to show a row); titles are translated when the header is drawn
COLUMNS: list[tuple[str, Callable[[LedgerRow], str], int]] = [
    (QT_TRANSLATE_NOOP("LedgerModel", "时间"), lambda r: local_time_text(r.occurred_at), LEFT),
    (QT_TRANSLATE_NOOP("LedgerModel", "单号"), lambda r: r.document_number, LEFT),
    (QT_TRANSLATE_NOOP("LedgerModel", "单据类型"), _doc_type_label, LEFT),
    (QT_TRANSLATE_NOOP("LedgerModel", "储备库"), lambda r: r.store_name, LEFT),
    (QT_TRANSLATE_NOOP("LedgerModel", "物资编码"), lambda r: r.item_code, LEFT),
    (QT_TRANSLATE_NOOP("LedgerModel", "物资名称"), lambda r: r.item_name, LEFT),
    (QT_TRANSLATE_NOOP("LedgerModel", "规格"), lambda r: r.spec, LEFT),
    (QT_TRANSLATE_NOOP("LedgerModel", "批次"), lambda r: r.batch_no, LEFT),
    (QT_TRANSLATE_NOOP("LedgerModel", "有效期至"), lambda r: date_text(r.expiry_date), LEFT),
    (QT_TRANSLATE_NOOP("LedgerModel", "变动"), _signed, RIGHT),
    (QT_TRANSLATE_NOOP("LedgerModel", "结存"), lambda r: number_text(r.balance_after), RIGHT),
    (QT_TRANSLATE_NOOP("LedgerModel", "单位"), lambda r: r.unit, LEFT),
    (QT_TRANSLATE_NOOP("LedgerModel", "操作人"), lambda r: r.username, LEFT),
]
TIME_COLUMN = 0
DELTA_COLUMN = 9


class LedgerTableModel(QAbstractTableModel):
    """Rows fetched so far; more on demand. Only the time column sorts (in SQL, both directions)."""

    def __init__(self, source: PageSource | None = None, parent=None) -> None:
        super().__init__(parent)
        self._source = source
        self._rows: list[LedgerRow] = []
        self._has_more = False
        self._newest_first = True
        self._resetting = False
        self.pages_fetched = 0

    # loading -------------------------------------------------------------------------------
    def set_source(self, source: PageSource | None) -> None:
        """Start over with a new query (new filters): load the first page only."""
        self.beginResetModel()
        self._source = source
        self._rows = []
        self._has_more = False
        self.pages_fetched = 0
        if source is not None:  # the first page arrives with the reset, not as an insert after it
            page = source(None, self._newest_first)
            self._rows = list(page.rows)
            self._has_more = page.has_more
            self.pages_fetched = 1
        # slots of modelReset (views, testers) may ask for more; inserting rows while the reset
        # signal is still being delivered would nest two changes, so they wait for the next call
        self._resetting = True
        try:
            self.endResetModel()
        finally:
            self._resetting = False

    def reload(self) -> None:
        self.set_source(self._source)

    @property
    def has_more(self) -> bool:
        """More rows exist beyond those fetched."""
        return self._has_more

    @property
    def newest_first(self) -> bool:
        return self._newest_first

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> bool:
        return (not parent.isValid() and self._source is not None and self._has_more
                and not self._resetting)

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> None:
        if not self.canFetchMore(parent):
            return
        after = self._rows[-1].key if self._rows else None
        page = self._source(after, self._newest_first)
        self.pages_fetched += 1
        self._has_more = page.has_more
        if page.rows:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(page.rows) - 1)
            self._rows.extend(page.rows)
            self.endInsertRows()

    def sort(self, column: int, order: Qt.SortOrder = Qt.AscendingOrder) -> None:
        if column != TIME_COLUMN:
            return
        newest_first = order == Qt.DescendingOrder
        if newest_first != self._newest_first:
            self._newest_first = newest_first
            self.reload()

    # reading -------------------------------------------------------------------------------
    def row_at(self, row: int) -> LedgerRow:
        return self._rows[row]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = DISPLAY) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)) or not (0 <= index.column() < len(COLUMNS)):
            return None
        row = self._rows[index.row()]
        _title, show, align = COLUMNS[index.column()]
        if role == DISPLAY:
            return show(row)
        if role == ALIGNMENT:
            return align
        if role == FOREGROUND and index.column() == DELTA_COLUMN:
            return INBOUND if row.delta > 0 else OUTBOUND
        if role == TOOLTIP and index.column() in (4, 5):
            return f"{row.item_code} {row.item_name} {row.spec}".strip()
        if role == ROW_ROLE:
            return row
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY) -> Any:
        if role != DISPLAY:
            return None
        if orientation == Qt.Horizontal and 0 <= section < len(COLUMNS):
            return _tr(COLUMNS[section][0])
        if orientation == Qt.Vertical and 0 <= section < len(self._rows):
            return str(section + 1)
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.NoItemFlags
        return Qt.ItemIsEnabled | Qt.ItemIsSelectable | Qt.ItemNeverHasChildren
