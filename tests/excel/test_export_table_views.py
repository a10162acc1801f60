"""“导出本表…” on the views' tables, offscreen: the written workbook holds exactly the rows and columns
shown, after filter and sort — for the lazily loaded stock and ledger views every matching row, not
only the pages read so far."""

from __future__ import annotations

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction

import desktop.export_table as export_table
from desktop.context import DesktopContext
from desktop.views.catalog_view import CatalogView
from desktop.views.ledger_view import LedgerView
from desktop.views.registry import discover_views
from desktop.views.stock_view import StockView
from models.services.issuing import IssueLine, issue
from models.services.ledger_queries import LedgerFilter, ledger_page
from models.services.receiving import ReceiptLine, receive
from models.services.stock_view_queries import stock_view_page
from tests.desktop.conftest import no_worker_outlives_its_test  # noqa: F401 - fixture
from tests.excel.test_desktop import OFFSCREEN_NOISE, said, styled, temp_settings  # noqa: F401 - fixtures

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_NOISE)


@pytest.fixture(autouse=True)
def save_to(monkeypatch, tmp_path):
    """The save dialog answers with the suggested file name in the test's folder."""
    monkeypatch.setattr(export_table, "ask_export_path", lambda parent, name: str(tmp_path / name))


@pytest.fixture
def dctx(admin, county) -> DesktopContext:
    """Twelve water batches in the county store, three tent batches elsewhere, and some issues."""
    receive(admin, county.county_store, [ReceiptLine(county.water, 10 + n, f"W-{n:02d}", "2026-01-01",
                                                     f"2027-{n + 1:02d}-28") for n in range(12)])
    receive(admin, county.township_store, [ReceiptLine(county.tent, 5 + n, f"T-{n}") for n in range(3)])
    for n in range(4):
        issue(admin, county.county_store, [IssueLine(county.water, 2)], receiver=f"村 {n}")
    return DesktopContext(admin)


def export_action(table) -> QAction:
    actions = [a for a in table.actions() if a.objectName() == "export_table"]
    assert len(actions) == 1 and actions[0].text() == "导出本表…"
    assert table.contextMenuPolicy() == Qt.ActionsContextMenu
    return actions[0]


def written(path) -> tuple[list, list[list]]:
    """(header, data rows) of the single sheet, without the title and the 合计 row."""
    sheet = openpyxl.load_workbook(path).active
    rows = [["" if v is None else v for v in r] for r in sheet.iter_rows(min_row=2, values_only=True)]
    data = [r for r in rows[1:] if not (isinstance(r[0], str) and r[0].startswith("合计"))]
    return rows[0], data


def shown(table) -> tuple[list, list[list]]:
    model = table.model()
    columns = [c for c in range(model.columnCount()) if not table.isColumnHidden(c)]
    header = [model.headerData(c, Qt.Horizontal) for c in columns]
    rows = [[export_table.cell_value(model.index(r, c).data() or "") for c in columns] for r in range(model.rowCount())]
    rows = [[int(v) if hasattr(v, "is_integer") and v == int(v) else v for v in row] for row in rows]
    return header, rows


def test_stock_view_exports_every_matching_row_in_the_shown_order(qtbot, dctx, said, tmp_path, county):
    view = StockView(dctx)
    qtbot.addWidget(view)
    view.model._page_size = 5  # lazy: a page of 5 rows at a time
    view.level.setCurrentIndex(view.level.findData("county"))  # filter: the county store's 12 water batches
    view.table.sortByColumn(8, Qt.DescendingOrder)  # sort: latest expiry first, in SQL
    assert view.model.rowCount() == 5 and view.model.canFetchMore()
    export_action(view.table).trigger()
    header, rows = written(tmp_path / "库存.xlsx")
    expected = stock_view_page(dctx.service, view.current_filter(), sort="expiry", descending=True, limit=1000, offset=0)
    assert len(expected) == 12 and len(rows) == 12
    assert header[6] == "批次" and [r[6] for r in rows] == [line.batch for line in expected]
    assert [r[6] for r in rows] == [f"W-{n:02d}" for n in reversed(range(12))]
    assert (header, rows) == shown(view.table)  # exactly the rows and columns now in the view
    assert said[-1][1] == "导出完成" and "12 行" in said[-1][2]


def test_ledger_view_exports_all_pages_of_the_filtered_ledger(qtbot, dctx, said, tmp_path, county):
    view = LedgerView(dctx, page_size=3)
    qtbot.addWidget(view)
    view.apply_filter(store=county.county_store)
    view.table.horizontalHeader().sectionClicked.emit(0)  # oldest first
    assert view.model.rowCount() == 3 and view.model.has_more
    export_action(view.table).trigger()
    header, rows = written(tmp_path / "台账.xlsx")
    expected = ledger_page(dctx.service, LedgerFilter(store_code=county.county_store), None, limit=1000,
                           newest_first=False).rows
    assert len(expected) == 16 and len(rows) == 16  # 12 receipt lines + 4 issues, none from the township
    assert header[1] == "单号" and [r[1] for r in rows] == [row.document_number for row in expected]
    assert [r[7] for r in rows][:12] == [f"W-{n:02d}" for n in range(12)]
    assert (header, rows) == shown(view.table)


def test_cancelling_the_fetch_writes_nothing(qtbot, dctx, said, tmp_path, monkeypatch):
    view = LedgerView(dctx, page_size=2)
    qtbot.addWidget(view)
    monkeypatch.setattr(export_table.QProgressDialog, "wasCanceled", lambda self: True)
    export_action(view.table).trigger()
    assert not (tmp_path / "台账.xlsx").exists() and said == []


def test_catalog_view_exports_the_filtered_sorted_rows(qtbot, dctx, said, tmp_path, county):
    view = CatalogView(dctx)
    qtbot.addWidget(view)
    view.table.sortByColumn(1, Qt.DescendingOrder)
    view.search.setText("帐篷")
    export_action(view.table).trigger()
    header, rows = written(tmp_path / "物资目录.xlsx")
    assert header[:2] == ["物资编码", "物资名称"] and [r[0] for r in rows] == [county.tent]
    view.search.clear()
    export_action(view.table).trigger()
    header, rows = written(tmp_path / "物资目录.xlsx")
    assert (header, rows) == shown(view.table) and len(rows) == 4
    assert [r[1] for r in rows] == sorted((r[1] for r in rows), reverse=True)


def test_every_view_table_has_the_action(qtbot, dctx):
    """Each registered view (except the import wizard and the home page) offers “导出本表…” on its tables."""
    from PySide6.QtWidgets import QTableView

    for spec in discover_views():
        if spec.key in ("import", "home"):
            continue
        widget = spec.factory(dctx)
        qtbot.addWidget(widget)
        tables = [t for t in widget.findChildren(QTableView) if t.model() is not None]
        assert tables, spec.key
        assert any(a.objectName() == "export_table" for t in tables for a in t.actions()), spec.key
