"""The rotation screen at a city's scale (issue 10): the plan is read on a pool thread behind a
正在计算… placeholder, the model sorts by one precomputed key per row in the order a sorting proxy gave,
the selection follows its row through a sort, and an alert's store filter given before the first answer
is kept."""

from __future__ import annotations

import random
import threading

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QSortFilterProxyModel, Qt

from desktop.context import DesktopContext
from desktop.export_table import export_model
from desktop.table_models.row_model import ROW_ROLE, SORT_ROLE, Column, RowTableModel
from desktop.views import rotation_view
from desktop.views.rotation_view import RotationModel, RotationView
from models.services.receiving import ReceiptLine, receive
from tests.rotation.test_rotation import stock_boundaries


@pytest.fixture
def stocked(admin, county):
    """The boundary batches, and batches with equal quantities, dates and statuses in two stores (ties
    in every column, so the order among equal keys is checked too)."""
    stock_boundaries(admin, county)
    receive(admin, county.township_store, [
        ReceiptLine(county.rice, 200, batch_no="R-OLD", expiry_date="2026-05-15"),
        ReceiptLine(county.rice, 300, batch_no="R-DUE", expiry_date="2026-10-20"),
        ReceiptLine(county.water, 10, batch_no="W-T1", expiry_date="2026-08-29"),
        ReceiptLine(county.water, 10, batch_no="W-T2", expiry_date="2026-05-31"),
        ReceiptLine(county.rice, 200, batch_no="R-T3", expiry_date="2026-10-20"),
    ])
    return county


def open_view(qtbot, ctx) -> RotationView:
    widget = RotationView(DesktopContext(ctx))
    qtbot.addWidget(widget)
    widget.resize(1280, 720)
    return widget


@pytest.fixture
def view(qt_env, qtbot, admin, stocked):
    widget = open_view(qtbot, admin)
    widget.wait_until_ready()
    yield widget
    widget.wait_until_ready()  # no pool thread may outlive the database


def shown(widget) -> list[tuple[str, str]]:
    return [(widget.proxy.index(r, 0).data(ROW_ROLE).store_code, widget.proxy.index(r, 0).data(ROW_ROLE).batch)
            for r in range(widget.proxy.rowCount())]


def test_the_plan_is_read_on_a_pool_thread_behind_a_placeholder(qt_env, qtbot, admin, stocked, monkeypatch):
    threads = []
    plan = rotation_view.rotation_plan

    def recorded(*args, **kwargs):
        threads.append(threading.current_thread() is threading.main_thread())
        return plan(*args, **kwargs)

    monkeypatch.setattr(rotation_view, "rotation_plan", recorded)
    widget = open_view(qtbot, admin)
    assert widget.model.rowCount() == 0 and not widget.ready
    assert not widget.busy.isHidden() and widget.busy.text() == "正在计算…"
    widget.wait_until_ready()
    assert threads == [False]  # read once, not on the UI thread
    assert widget.model.rowCount() == 10 and widget.busy.isHidden()
    assert widget.summary.text().startswith("已过期 3 批")
    assert widget.store.findData("T001") > 0  # the store list came with the plan
    widget.within.setValue(0)
    assert widget.summary.text() == "正在计算…" and widget.model.rowCount() == 10  # the old rows stay meanwhile
    assert widget.busy.isHidden()
    widget.wait_until_ready()
    assert threads == [False, False] and "EXP-1128" not in {b for _s, b in shown(widget)}


def test_every_column_sorts_as_a_sorting_proxy_did(view, qtmodeltester):
    qtmodeltester.check(view.proxy)  # stays attached: checks the layout changes of every sort below
    rows = view.model.rows()
    columns = view._columns()
    for column in range(len(columns)):
        for order in (Qt.AscendingOrder, Qt.DescendingOrder):
            reference_rows = RowTableModel(columns)
            reference_rows.set_rows(view.model.rows())  # the service's order
            reference = QSortFilterProxyModel()
            reference.setSortRole(SORT_ROLE)
            reference.setSourceModel(reference_rows)
            reference.sort(column, order)
            expected = [(reference.index(r, 0).data(ROW_ROLE).store_code, reference.index(r, 0).data(ROW_ROLE).batch)
                        for r in range(reference.rowCount())]
            view.table.sortByColumn(column, order)
            assert shown(view) == expected, (column, order)
    assert sorted(map(view.model.row_at, range(len(rows))), key=id) == sorted(rows, key=id)  # the same rows


def test_a_sort_key_is_computed_once_per_row(qt_env, qtmodeltester):
    calls = []

    def key(value: int) -> int:
        calls.append(value)
        return value % 7

    model = RotationModel([Column("n", str, key), Column("text", str)])
    values = list(range(200))
    random.Random(4).shuffle(values)
    model.set_rows(values)
    qtmodeltester.check(model)
    for order in (Qt.AscendingOrder, Qt.DescendingOrder, Qt.AscendingOrder):
        model.sort(0, order)
    assert len(calls) == 200  # a sorting proxy asks for the key about 2·n·log n times per sort
    shown_values = [model.row_at(r) for r in range(200)]
    assert [v % 7 for v in shown_values] == sorted(v % 7 for v in values)
    assert shown_values == sorted(values, key=lambda v: v % 7)  # equal keys keep the given order
    model.sort(0, Qt.DescendingOrder)
    assert [model.row_at(r) for r in range(200)] == shown_values[::-1]  # as a sorting proxy does
    model.sort(1, Qt.DescendingOrder)  # by the display text where a column has no key
    assert [model.row_at(r) for r in range(200)] == sorted(values, key=str, reverse=True)
    model.set_rows(values[:10])  # new rows come sorted by the column chosen
    assert [model.row_at(r) for r in range(10)] == sorted(values[:10], key=str, reverse=True)


def test_selection_and_filters_follow_a_sort(view):
    for r in range(view.proxy.rowCount()):
        if view.proxy.index(r, 0).data(ROW_ROLE).batch == "R-T3":
            view.table.selectRow(r)
    assert view.selected_row().batch == "R-T3"
    view.table.sortByColumn(9, Qt.DescendingOrder)  # quantity
    assert view.selected_row().batch == "R-T3"
    assert view.table.selectionModel().selectedRows()[0].row() == [b for _s, b in shown(view)].index("R-T3")
    assert view.rotate_button.isEnabled()
    view.search.setText("r-")
    assert {b for _s, b in shown(view)} == {"R-OLD", "R-DUE", "R-T3"}
    quantities = [view.proxy.index(r, 0).data(ROW_ROLE).quantity for r in range(view.proxy.rowCount())]
    assert quantities == sorted(quantities, reverse=True)
    view.status.setCurrentIndex(view.status.findData("expired"))
    assert shown(view) == [("T001", "R-OLD")]
    view.search.setText("")
    assert {b for _s, b in shown(view)} == {"EXP-0531", "R-OLD", "W-T2"}
    view.search.setText("城关镇")  # the store's name (城关镇储备点)
    assert shown(view) == [("T001", "R-OLD"), ("T001", "W-T2")]  # 200 before 10


def test_export_writes_the_rows_as_shown(view, tmp_path):
    view.table.sortByColumn(8, Qt.DescendingOrder)  # days to expiry
    view.status.setCurrentIndex(view.status.findData("due"))
    path = tmp_path / "rotation.xlsx"
    assert export_model(view.table.model(), path, "轮换计划") == view.proxy.rowCount() == 4
    sheet = load_workbook(path).active
    cells = [[cell for cell in row] for row in sheet.iter_rows(values_only=True)]
    header = next(i for i, row in enumerate(cells) if "批次" in row)
    batch_column = cells[header].index("批次")
    assert [row[batch_column] for row in cells[header + 1:header + 5]] == [b for _s, b in shown(view)]
    # equal days (R-DUE, R-T3: 2026-10-20) the other way round from the service's order (by batch)
    assert shown(view) == [("C001", "EXP-1128"), ("T001", "R-T3"), ("T001", "R-DUE"), ("C001", "EXP-0830")]


def test_an_alerts_store_before_the_first_answer(qt_env, qtbot, admin, stocked):
    widget = open_view(qtbot, admin)
    widget.apply_filter(store="T001", status="expired")  # as the main window does right after opening it
    widget.wait_until_ready()
    assert widget.store.currentData() == "T001" and widget.store_code == "T001"
    assert shown(widget) == [("T001", "R-OLD"), ("T001", "W-T2")]
    widget.apply_filter(store="NOPE", status="")  # a store not listed: every store, as before
    widget.wait_until_ready()
    assert widget.store.currentIndex() == 0 and widget.store_code is None and widget.model.rowCount() == 10
