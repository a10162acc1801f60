"""The home dashboard: figures match the database and each tile opens the list behind it."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desktop.main_window import MainWindow
from desktop.table_models.row_model import ROW_ROLE
from desktop.views.home_view import HomeView
from models.services.receiving import ReceiptLine, receive


def test_tiles_show_value_and_expiry_counts(qtbot, qtmodeltester, dctx):
    view = HomeView(dctx)
    qtbot.addWidget(view)
    assert not view.figures_ready and "正在统计" in view.busy.text()  # the window is usable while it counts
    view.wait_for_figures()
    # tents 12 × 2800 + bottled water and rice without price
    assert view.tiles["value"].figure.text() == "¥33,600.00"
    assert view.tiles["lines"].figure.text() == "6" and "3 种物资" in view.tiles["lines"].caption.text()
    assert view.tiles["expired"].figure.text() == "1"
    assert view.tiles["soon"].figure.text() == "1"  # W-SOON, 2026-07-01
    assert view.tiles["later"].figure.text() == "1"
    summaries = {view.category_model.index(r, 0).data(ROW_ROLE).code: view.category_model.index(r, 0).data(ROW_ROLE)
                 for r in range(view.category_model.rowCount())}
    assert set(summaries) == {"101", "104", "105"}
    assert summaries["105"].lines == 3 and view.category_model.index(0, 0).data(ROW_ROLE).code == "101"
    qtmodeltester.check(view.category_model, force_py=True)
    assert len(view.chart.series()) == 1 and view.chart.series()[0].barSets()[0].count() == 3
    assert any("入库" in view.activity.item(row).text() for row in range(view.activity.count()))


def test_dashboard_refreshes_when_stock_changes(qtbot, admin, county, dctx):
    view = HomeView(dctx)
    qtbot.addWidget(view)
    receive(admin, county.county_store, [ReceiptLine(county.water, 5, batch_no="W-NEW", expiry_date="2026-06-20")])
    dctx.notify("stock")
    view.wait_for_figures()
    assert view.tiles["soon"].figure.text() == "2"


def test_tiles_open_the_stock_view_filtered(qtbot, dctx):
    window = MainWindow(dctx)
    qtbot.addWidget(window)
    window.show_view("home")
    home = window.views["home"]
    home.wait_for_figures()
    qtbot.mouseClick(home.tiles["expired"], Qt.LeftButton)
    stock = window.views["stock"]
    assert window.stack.currentWidget() is stock
    assert [stock.proxy.index(r, 0).data(ROW_ROLE).batch for r in range(stock.proxy.rowCount())] == ["W-OLD"]
    window.show_view("home")
    home.tiles["soon"].setFocus()
    qtbot.keyClick(home.tiles["soon"], Qt.Key_Return)  # keyboard works as well as the mouse
    assert window.stack.currentWidget() is stock
    assert [stock.proxy.index(r, 0).data(ROW_ROLE).batch for r in range(stock.proxy.rowCount())] == ["W-SOON"]
    window.show_view("home")
    home.category_table.doubleClicked.emit(home.category_model.index(0, 0))  # 101 tents
    assert {stock.proxy.index(r, 0).data(ROW_ROLE).item_code for r in range(stock.proxy.rowCount())} == {"ZP12"}


def test_empty_database_says_how_to_start(qtbot, admin, county):
    from desktop.context import DesktopContext

    view = HomeView(DesktopContext(admin))
    qtbot.addWidget(view)
    view.wait_for_figures()
    assert not view.empty_hint.isHidden() and view.chart_view.isHidden() and view.category_table.isHidden()
    assert "入库" in view.empty_hint.text()
    assert view.tiles["value"].figure.text() == "¥0.00"


def test_target_tile_counts_needs_not_covered(qtbot, admin, dctx):
    from models.services.standards import ensure_default_standards

    view = HomeView(dctx)
    qtbot.addWidget(view)
    view.wait_for_figures()
    assert view.tiles["target"].figure.text() == "—"  # no standard yet: the tooltip says why
    assert "定额标准" in view.tiles["target"].toolTip()
    ensure_default_standards(admin)
    view.refresh()
    view.wait_for_figures()
    uncovered, needs = (int(part) for part in view.tiles["target"].figure.text().split(" / "))
    assert needs > 0 and uncovered == needs  # 12 tents and 170 bottles shelter nobody for 15 days
