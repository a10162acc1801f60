"""SortedRowModel + SortingProxy (desktop/table_models/sorted_rows.py): the same order as a plain
QSortFilterProxyModel over a RowTableModel (ties keep the given order ascending and are reversed
descending, None last when ascending), filtering still by the proxy, and the selection following its row."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtWidgets import QTableView

from desktop.table_models.row_model import RIGHT, ROW_ROLE, SORT_ROLE, Column, RowTableModel, configure_table
from desktop.table_models.sorted_rows import SortedRowModel, SortingProxy


@dataclass(frozen=True)
class Row:
    name: str
    group: str
    amount: float | None


ROWS = [Row("乙", "b", 3.0), Row("甲", "a", None), Row("丙", "b", 1.0), Row("丁", "a", 3.0),
        Row("戊", "c", 2.5), Row("己", "b", None), Row("庚", "a", 3.0)]
COLUMNS = [
    Column("名称", lambda r: r.name),
    Column("组", lambda r: r.group),
    Column("数量", lambda r: "" if r.amount is None else str(r.amount), lambda r: r.amount, RIGHT),
]


def shown(proxy) -> list[str]:
    return [proxy.index(row, 0).data(ROW_ROLE).name for row in range(proxy.rowCount())]


def qt_order(column: int, order: Qt.SortOrder) -> list[str]:
    plain = RowTableModel(COLUMNS)
    plain.set_rows(ROWS)
    proxy = QSortFilterProxyModel()
    proxy.setSortRole(SORT_ROLE)
    proxy.setSourceModel(plain)
    proxy.sort(column, order)
    return shown(proxy)


def make():
    model = SortedRowModel(COLUMNS)
    proxy = SortingProxy()
    proxy.setSortRole(SORT_ROLE)
    proxy.setSourceModel(model)
    model.set_rows(ROWS)
    return model, proxy


@pytest.mark.parametrize("column", [0, 1, 2])
@pytest.mark.parametrize("order", [Qt.AscendingOrder, Qt.DescendingOrder])
def test_same_order_as_a_sorting_proxy(qtmodeltester, column, order):
    model, proxy = make()
    assert shown(proxy) == [r.name for r in ROWS]  # unsorted: the given order
    proxy.sort(column, order)
    assert shown(proxy) == qt_order(column, order)
    assert model.sort_column() == (column, order)
    assert model.rows() == ROWS  # as given, like a RowTableModel's
    assert [model.row_at(row).name for row in range(model.rowCount())] == qt_order(column, order)
    model.set_rows(list(ROWS))  # new rows keep the sort
    assert shown(proxy) == qt_order(column, order)
    qtmodeltester.check(model, force_py=True)
    qtmodeltester.check(proxy, force_py=True)


def test_ties_keep_the_given_order_after_other_sorts():
    _model, proxy = make()
    proxy.sort(0, Qt.DescendingOrder)
    proxy.sort(1, Qt.AscendingOrder)  # from the given order, not from the previous sort
    assert shown(proxy) == qt_order(1, Qt.AscendingOrder) == ["甲", "丁", "庚", "乙", "丙", "己", "戊"]


def test_filter_and_selection_follow_the_rows(qtbot):
    model, proxy = make()
    proxy.setFilterKeyColumn(-1)
    view = QTableView()
    qtbot.addWidget(view)
    configure_table(view, "test_sorted_rows")
    view.setModel(proxy)
    view.selectRow(shown(proxy).index("戊"))
    view.sortByColumn(2, Qt.DescendingOrder)  # the header asks the proxy, which asks the model
    assert shown(proxy) == qt_order(2, Qt.DescendingOrder)
    selected = view.selectionModel().selectedRows()
    assert [index.data(ROW_ROLE).name for index in selected] == ["戊"]
    assert view.currentIndex().data(ROW_ROLE).name == "戊"
    proxy.setFilterFixedString("b")
    assert shown(proxy) == [name for name in qt_order(2, Qt.DescendingOrder) if name in ("乙", "丙", "己")]


def test_keys_are_read_once_per_set_of_rows():
    reads: list[str] = []
    counted = [Column("名称", lambda r: r.name, lambda r: reads.append(r.name) or r.name)]
    model = SortedRowModel(counted)
    model.set_rows(ROWS)
    model.sort(0, Qt.AscendingOrder)
    model.sort(0, Qt.DescendingOrder)
    model.sort(0, Qt.AscendingOrder)
    assert len(reads) == len(ROWS)  # one key per row, whatever the number of sorts
    fewer = [Row("子", "a", 1.0), Row("丑", "b", 2.0)]
    model.set_rows(fewer)  # new rows: their own keys
    assert len(reads) == len(ROWS) + 2
    assert [model.row_at(row).name for row in range(model.rowCount())] == sorted(r.name for r in fewer)
