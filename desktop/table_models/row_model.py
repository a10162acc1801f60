"""A read-only table model over a list of plain rows (dataclasses from models/services).

Columns are declared once with how to show, sort, align and colour a value. The model never queries
anything: a view fetches rows through a service and hands them over with ``set_rows``.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QHeaderView, QTableView

from desktop import settings as app_settings

# roles as plain ints (see RowTableModel.data)
DISPLAY = int(Qt.ItemDataRole.DisplayRole.value)
SORT_ROLE = int(Qt.ItemDataRole.UserRole.value)
ROW_ROLE = SORT_ROLE + 1
TOOLTIP = int(Qt.ItemDataRole.ToolTipRole.value)
ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole.value)
BACKGROUND = int(Qt.ItemDataRole.BackgroundRole.value)
FOREGROUND = int(Qt.ItemDataRole.ForegroundRole.value)
DECORATION = int(Qt.ItemDataRole.DecorationRole.value)
_ANSWERED = frozenset((DISPLAY, SORT_ROLE, ROW_ROLE, TOOLTIP, ALIGNMENT, BACKGROUND, FOREGROUND))

LEFT = Qt.AlignLeft | Qt.AlignVCenter
RIGHT = Qt.AlignRight | Qt.AlignVCenter
CENTER = Qt.AlignCenter


@functools.lru_cache(maxsize=None)
def _int_align(align: Qt.AlignmentFlag) -> int:
    return int(align.value) if hasattr(align, "value") else int(align)


@dataclass(frozen=True)
class Column:
    title: str
    display: Callable[[Any], str]
    sort_key: Callable[[Any], Any] | None = None  # must give one type per column (str or number)
    align: Qt.AlignmentFlag = LEFT
    width: int = 0  # default width in pixels (0: the table's default)

    @property
    def int_align(self) -> int:
        return _int_align(self.align)


class RowTableModel(QAbstractTableModel):
    def __init__(self, columns: Sequence[Column], parent=None, *,
                 background: Callable[[Any], Any] | None = None,
                 foreground: Callable[[Any], Any] | None = None,
                 tooltip: Callable[[Any], str | None] | None = None) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self._rows: list[Any] = []
        self._background = background
        self._foreground = foreground
        self._tooltip = tooltip

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def default_widths(self) -> list[int]:
        return [column.width for column in self._columns]

    def rows(self) -> list[Any]:
        return list(self._rows)

    def row_at(self, row: int) -> Any:
        return self._rows[row]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = DISPLAY) -> Any:
        # every cell is asked for several roles at each repaint: the roles are plain ints held at module
        # level, since looking up ``Qt.DisplayRole`` costs several microseconds a time in PySide6 6.12
        if role not in _ANSWERED or not index.isValid():
            return None
        r, c = index.row(), index.column()
        if not (0 <= r < len(self._rows) and 0 <= c < len(self._columns)):
            return None
        row = self._rows[r]
        column = self._columns[c]
        if role == DISPLAY:
            return column.display(row)
        if role == ALIGNMENT:
            return column.int_align
        if role == BACKGROUND:
            return self._background(row) if self._background else None
        if role == FOREGROUND:
            return self._foreground(row) if self._foreground else None
        if role == TOOLTIP:
            return self._tooltip(row) if self._tooltip else None
        if role == SORT_ROLE:
            return column.sort_key(row) if column.sort_key else column.display(row)
        return row  # ROW_ROLE

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY) -> Any:
        if role != DISPLAY:
            return None
        if orientation == Qt.Horizontal and 0 <= section < len(self._columns):
            return self._columns[section].title
        if orientation == Qt.Vertical and 0 <= section < len(self._rows):
            return str(section + 1)
        return None


def configure_table(view: QTableView, table_key: str) -> None:
    """Common table behaviour, and the column layout remembered per table in the settings."""
    view.setSortingEnabled(True)
    view.setAlternatingRowColors(True)
    view.setSelectionBehavior(QTableView.SelectRows)
    view.setSelectionMode(QTableView.SingleSelection)
    view.setEditTriggers(QTableView.NoEditTriggers)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(26)
    header = view.horizontalHeader()
    header.setStretchLastSection(True)
    header.setSectionResizeMode(QHeaderView.Interactive)
    header.setDefaultSectionSize(110)
    header.setHighlightSections(False)
    view.setProperty("table_key", table_key)


def restore_columns(view: QTableView, table_key: str, widths: list[int] | None = None) -> None:
    """Default widths, then the saved header (widths, order, sort); start remembering changes."""
    store = app_settings.current()
    header = view.horizontalHeader()
    for section, width in enumerate(widths or []):
        if width:
            header.resizeSection(section, width)
    state = store.get(app_settings.HEADER_STATE, table_key)
    if state:
        from PySide6.QtCore import QByteArray

        header.restoreState(QByteArray(state))

    def save(*_args) -> None:
        store.set(app_settings.HEADER_STATE, bytes(header.saveState().data()), table_key)
        store.set(app_settings.COLUMN_WIDTHS, [header.sectionSize(i) for i in range(header.count())], table_key)

    header.sectionResized.connect(save)
    header.sectionMoved.connect(save)
    header.sortIndicatorChanged.connect(save)


class LazyRowModel(RowTableModel):
    """A ``RowTableModel`` that reads its rows a page at a time as the view scrolls.

    ``fetch(offset, limit)`` returns the rows of one page (filtered and sorted by whoever supplies it,
    normally the database). ``sort`` does not reorder the rows held: it tells ``on_sort`` and starts over
    from the first page, since only the database knows the order of rows not yet read."""

    def __init__(self, columns: Sequence[Column], fetch: Callable[[int, int], Sequence[Any]], parent=None, *,
                 page_size: int = 300, on_sort: Callable[[int, Qt.SortOrder], None] | None = None,
                 **colours) -> None:
        super().__init__(columns, parent, **colours)
        self._fetch = fetch
        self._page_size = page_size
        self._on_sort = on_sort
        self._exhausted = True

    def reload(self) -> None:
        """Forget the rows held and read the first page again."""
        first = list(self._fetch(0, self._page_size))
        self.beginResetModel()
        self._rows = first
        self._exhausted = len(first) < self._page_size
        self.endResetModel()

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> bool:
        return not parent.isValid() and not self._exhausted

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> None:
        if parent.isValid() or self._exhausted:
            return
        more = list(self._fetch(len(self._rows), self._page_size))
        self._exhausted = len(more) < self._page_size
        if more:
            self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(more) - 1)
            self._rows.extend(more)
            self.endInsertRows()

    def sort(self, column: int, order: Qt.SortOrder = Qt.AscendingOrder) -> None:
        if self._on_sort is not None and 0 <= column < len(self._columns):
            self._on_sort(column, order)
