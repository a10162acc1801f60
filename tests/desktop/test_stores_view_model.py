"""The 储备库 table is a SortedRowModel (desktop/table_models/sorted_rows.py) that filters its plain rows
itself (issue 10: a QSortFilterProxyModel asked data() through Qt n·log n times to open the city's 3,200
stores). Checked against what a proxy does: for every column both ways, the order a fresh proxy gives
from the service's level-then-code order (the shared rule: ties keep that order ascending and are
reversed descending, whatever was sorted before), the same rows for the area tree and the search text,
the selection kept, and the area counts taken in one walk."""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt
from openpyxl import load_workbook

from desktop.export_table import export_view
from desktop.table_models.row_model import ROW_ROLE, SORT_ROLE, RowTableModel
from desktop.views import stores_view
from desktop.views.stores_view import StoresView, area_descendants
from models.services.warehouses import StoreInput, create_area, create_store


def add_variety(dctx) -> None:
    """Ties and differences in every column: names, levels, areas, addresses, keepers, floor areas."""
    ctx = dctx.service
    create_area(ctx, "320101002001", "西村", "village", "320101002")
    for code, name, level, area, address, keeper, phone, floor in [
        ("T010", "河口镇储备点", "township", "320101002", "河口街 2 号", "李四", "13900000002", "120.5"),
        ("V010", "西村储备点", "village", "320101002001", "西村口", "李四", "13900000002", "120.5"),
        ("V002", "东村二点", "village", "320101001001", "", "Zhang San", "", "8"),
        ("C002", "县二库", "county", "320101", "城关路 9 号", "王保管", "13800000001", ""),
        ("A001", "西村储备点", "village", "320101002001", "西村口", "", "", "1200"),
    ]:
        create_store(ctx, StoreInput(code, name, level, area, address, keeper, phone, floor or None))


def codes(model) -> list[str]:
    return [model.index(row, 0).data(ROW_ROLE).code for row in range(model.rowCount())]


def reference(view: StoresView, column: int, order: Qt.SortOrder) -> QSortFilterProxyModel:
    """A RowTableModel of every row, in the service's order, behind a fresh proxy sorting by SORT_ROLE."""
    source = RowTableModel(view.model._columns, view)
    source.set_rows(view.model.all_rows())
    proxy = QSortFilterProxyModel(view)
    proxy.setSortRole(SORT_ROLE)
    proxy.setSourceModel(source)
    proxy.sort(column, order)
    return proxy


def old_filter(view: StoresView, area_code: str | None, text: str) -> list[str]:
    ids = area_descendants(view.areas, area_code) if area_code else None
    text = text.strip().lower()
    return [row.code for row in view.model.all_rows()
            if (ids is None or row.area_id in ids)
            and (not text or any(text in value.lower() for value in (
                row.code, row.name, row.address, row.keeper_name, row.keeper_phone, row.area_name)))]


def test_every_column_sorts_as_the_proxy_did(qtbot, qtmodeltester, dctx):
    add_variety(dctx)
    view = StoresView(dctx)
    qtbot.addWidget(view)
    qtmodeltester.check(view.model, force_py=True)  # stays connected: checks every sort and filter below
    assert codes(view.model) == ["C001", "C002", "T001", "T002", "T010", "A001", "V001", "V002", "V010"]
    for column in range(view.model.columnCount()):
        for order in (Qt.AscendingOrder, Qt.DescendingOrder):
            view.table.sortByColumn(column, order)
            assert codes(view.model) == codes(reference(view, column, order)), (column, order)
            assert view.table.horizontalHeader().sortIndicatorSection() == column
    view.table.sortByColumn(7, Qt.DescendingOrder)  # floor area: 1200 first, the stores without one last
    order = codes(view.model)
    assert order[0] == "A001" and set(order[1:3]) == {"T010", "V010"} and order[3] == "V002"
    assert set(order[4:]) == {"C001", "C002", "T001", "T002", "V001"}
    assert view.model.index(0, 7).data() == "1,200" and view.model.index(0, 7).data(Qt.TextAlignmentRole) == int(
        Qt.AlignRight | Qt.AlignVCenter)


def test_area_and_text_filters_show_the_rows_the_proxy_showed(qtbot, qtmodeltester, dctx):
    add_variety(dctx)
    view = StoresView(dctx)
    qtbot.addWidget(view)
    qtmodeltester.check(view.model, force_py=True)
    view.table.sortByColumn(1, Qt.DescendingOrder)
    for area in (None, "320101", "320101001", "320101002", "320101002001"):
        for text in ("", "西村", " 李四 ", "zhang", "1390", "t0", "河口镇", "没有这个"):
            if area:
                view.select_area(area)
            else:
                view.tree.setCurrentIndex(view.tree_model.index(0, 0))
            view.search.setText(text)
            expected = old_filter(view, area, text)
            assert sorted(codes(view.model)) == sorted(expected), (area, text)
            proxy = reference(view, 1, Qt.DescendingOrder)
            assert codes(view.model) == [code for code in codes(proxy) if code in expected], (area, text)


def test_the_selected_store_stays_selected_through_sorting_filtering_and_refresh(qtbot, dctx):
    add_variety(dctx)
    view = StoresView(dctx)
    qtbot.addWidget(view)
    row = codes(view.model).index("V002")
    view.table.setCurrentIndex(view.model.index(row, 3))
    view.table.sortByColumn(5, Qt.AscendingOrder)
    assert view.selected_row().code == "V002" and view.table.currentIndex().column() == 3
    assert view.table.selectionModel().isRowSelected(view.table.currentIndex().row())
    assert codes(view.model)[view.table.currentIndex().row()] == "V002"
    view.search.setText("东村")
    assert view.selected_row().code == "V002"
    view.search.setText("村")  # V002 is no longer the first row shown, and sorting moves it
    view.table.sortByColumn(0, Qt.DescendingOrder)
    assert codes(view.model) == ["V010", "V002", "V001", "A001"]
    assert view.selected_row().code == "V002" and view.table.currentIndex().row() == 1
    view.table.sortByColumn(0, Qt.AscendingOrder)
    assert view.selected_row().code == "V002" and view.table.currentIndex().row() == 2
    assert view.table.selectionModel().isRowSelected(2)
    view.select_area("320101002")  # 河口镇: V002 is not there
    assert view.selected_row() is None
    view.select_area("320101")
    view.table.setCurrentIndex(view.model.index(codes(view.model).index("V001"), 0))
    view.refresh()
    assert view.selected_row().code == "V001" and view.selected_area_code() == "320101"
    store = view.selected_store()
    assert store.code == "V001" and store.area.code == "320101001001"  # read afresh, for the edit dialog


def test_area_counts_are_taken_in_one_walk(qtbot, dctx, monkeypatch):
    add_variety(dctx)
    calls = []
    original = stores_view.area_descendants
    monkeypatch.setattr(stores_view, "area_descendants", lambda *args: calls.append(args) or original(*args))
    view = StoresView(dctx)
    qtbot.addWidget(view)
    assert calls == []  # it was asked once per area (3,200 times on the city database: 25 s)
    tree = view.tree_model
    root = tree.index(0, 0)
    county = tree.index(0, 0, root)
    assert (root.data(), county.data()) == ("全部行政区（9 个储备库）", "示例县（9）")
    texts = {tree.index(row, 0, county).data() for row in range(tree.rowCount(county))}
    assert texts == {"城关镇（3）", "河口镇（4）"}
    hekou = next(tree.index(row, 0, county) for row in range(tree.rowCount(county))
                 if tree.index(row, 0, county).data() == "河口镇（4）")
    assert tree.index(0, 0, hekou).data() == "西村（2）"


def test_export_writes_the_rows_shown_in_their_order(qtbot, dctx, tmp_path):
    add_variety(dctx)
    view = StoresView(dctx)
    qtbot.addWidget(view)
    view.search.setText("西村")
    view.table.sortByColumn(0, Qt.DescendingOrder)
    path = tmp_path / "stores.xlsx"
    assert export_view(view.table, path, "储备库") == 2
    sheet = load_workbook(path).active
    cells = [[cell for cell in row if cell is not None] for row in sheet.iter_rows(values_only=True)]
    shown = [row[:2] for row in cells if row and row[0] in {"V010", "A001"}]
    assert shown == [["V010", "西村储备点"], ["A001", "西村储备点"]]


def test_opening_reads_three_statements_however_many_stores(qtbot, dctx):
    from tests.benchmarks_smoke.test_query_counts import counted

    add_variety(dctx)
    with counted(dctx.service.db) as statements:
        view = StoresView(dctx)
    qtbot.addWidget(view)
    assert view.model.rowCount() == 9
    assert len(statements) == 3, statements  # areas, stock lines per store, stores: no ORM objects, no query per row
    with counted(dctx.service.db) as statements:
        view.refresh()
    assert len(statements) == 3, statements
