"""A ``RowTableModel`` that sorts its own rows in Python, and the proxy that asks it to.

A ``QSortFilterProxyModel`` sorting a few thousand rows calls the model's Python ``data()`` for both
sides of every comparison (tens of thousands of calls, about a second for the documents list of a
city), and sorts again on every ``set_rows``. ``SortedRowModel.sort`` instead reads each row's key
once and sorts the list with ``list.sort``; ``SortingProxy`` passes the view's sort requests (header
clicks, ``sortByColumn``, a restored header) to it and only filters, keeping the model's order.

The order is the proxy's: rows are sorted from the order ``set_rows`` received (a stable sort, so rows
with equal keys keep the service's order; descending is that order reversed, ties too), by
``Column.sort_key`` or else the shown text; a None key comes last when ascending. A column's keys are
read once per set of rows, when it is first sorted by. Selection and current row follow their rows
(persistent indexes are moved).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QMetaObject, QSortFilterProxyModel, Qt

from desktop.table_models.row_model import RowTableModel


class SortedRowModel(RowTableModel):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._given: list[Any] = []  # the rows in the order set_rows received them
        self._order: list[int] = []  # self._rows[i] is self._given[self._order[i]]
        self._sort_column, self._sort_order = -1, Qt.AscendingOrder
        self._keys: dict[int, list[tuple[bool, Any]]] = {}  # column → sort key of each given row

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self._given = list(rows)
        self._keys = {}
        self._order = self._sorted_order()
        self._rows = [self._given[i] for i in self._order]
        self.endResetModel()

    def rows(self) -> list[Any]:
        """The rows in the order ``set_rows`` received them (as a plain ``RowTableModel`` keeps them);
        ``row_at`` and the model's indexes are in the sorted order."""
        return list(self._given)

    def sort_column(self) -> tuple[int, Qt.SortOrder]:
        return self._sort_column, self._sort_order

    def sort(self, column: int, order: Qt.SortOrder = Qt.AscendingOrder) -> None:
        self._sort_column, self._sort_order = column, order
        new_order = self._sorted_order()
        if new_order == self._order:
            return
        # emitted through the meta-object: a Python emit loses a reference to True (PySide6 6.12, see
        # desktop/refcount_guard.py), and a test run has no guard topping it up
        QMetaObject.invokeMethod(self, "layoutAboutToBeChanged", Qt.DirectConnection)
        position = {given: row for row, given in enumerate(new_order)}  # given index → new row
        old = self.persistentIndexList()
        self.changePersistentIndexList(old, [
            self.index(position[self._order[index.row()]], index.column()) if index.isValid() else index
            for index in old
        ])
        self._order = new_order
        self._rows = [self._given[i] for i in new_order]
        QMetaObject.invokeMethod(self, "layoutChanged", Qt.DirectConnection)

    def _sorted_order(self) -> list[int]:
        given = range(len(self._given))
        if not (0 <= self._sort_column < len(self._columns)):
            return list(given)
        keys = self._keys.get(self._sort_column)
        if keys is None:
            column = self._columns[self._sort_column]
            key = column.sort_key or column.display
            # None last when ascending, as Qt sorts an invalid value
            keys = self._keys[self._sort_column] = [
                (value is None, 0 if value is None else value) for value in map(key, self._given)]
        # descending is the ascending order reversed (ties too), as QSortFilterProxyModel gives it
        ascending = sorted(given, key=keys.__getitem__)
        return ascending[::-1] if self._sort_order == Qt.DescendingOrder else ascending


class SortingProxy(QSortFilterProxyModel):
    """Filters like any ``QSortFilterProxyModel``; sorting is done by the ``SortedRowModel`` below it (so no
    sort role is needed)."""

    def sort(self, column: int, order: Qt.SortOrder = Qt.AscendingOrder) -> None:
        self.sourceModel().sort(column, order)
