"""The stock view: what a keeper sees, filtered as they type, coloured by expiry."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desktop import style
from desktop.table_models.row_model import ROW_ROLE
from desktop.views.stock_view import StockView, line_matches


def shown(view: StockView) -> list[tuple[str, str, str]]:
    rows = []
    for row in range(view.proxy.rowCount()):
        line = view.proxy.index(row, 0).data(ROW_ROLE)
        rows.append((line.store_code, line.item_code, line.batch))
    return sorted(rows)


def names(view: StockView) -> set[str]:
    return {view.proxy.index(row, 0).data(ROW_ROLE).item_name for row in range(view.proxy.rowCount())}


def test_models_pass_the_model_tester(qtbot, qtmodeltester, dctx):
    view = StockView(dctx)
    qtbot.addWidget(view)
    assert view.model.rowCount() == 6
    qtmodeltester.check(view.model, force_py=True)
    qtmodeltester.check(view.proxy, force_py=True)


def test_typing_pinyin_initials_finds_tents(qtbot, dctx):
    view = StockView(dctx)
    qtbot.addWidget(view)
    qtbot.keyClicks(view.search, "zp")
    assert names(view) == {"救灾帐篷"}
    view.search.clear()
    view.search.insert("帐篷")  # what an input method commits; QTest types ASCII only
    assert names(view) == {"救灾帐篷"}
    view.search.clear()
    qtbot.keyClicks(view.search, "w500")  # codes, case-insensitive
    assert names(view) == {"瓶装饮用水"}
    view.search.clear()
    qtbot.keyClicks(view.search, "dami")  # full pinyin
    assert names(view) == {"大米"}
    view.search.clear()
    assert view.proxy.rowCount() == 6


def test_level_filter_asks_the_database_for_one_level(qtbot, dctx):
    view = StockView(dctx)
    qtbot.addWidget(view)
    view.level.setCurrentIndex(view.level.findData("village"))
    assert shown(view) == [("V001", "ZP12", "T-V")]
    view.level.setCurrentIndex(view.level.findData("township"))
    assert shown(view) == [("T001", "RICE", "R-1")]
    view.level.setCurrentIndex(0)
    assert view.proxy.rowCount() == 6


def test_category_filter_includes_subcategories(qtbot, dctx):
    view = StockView(dctx)
    qtbot.addWidget(view)
    view.category.setCurrentIndex(view.category.findData("105"))  # drinking water
    assert names(view) == {"瓶装饮用水"}
    assert view.proxy.rowCount() == 3
    view.category.setCurrentIndex(view.category.findData("1"))  # all basic living supplies
    assert names(view) == {"瓶装饮用水", "救灾帐篷", "大米"}


def test_expired_rows_red_and_rows_due_for_rotation_amber(qtbot, dctx):
    view = StockView(dctx)
    qtbot.addWidget(view)
    colours = {}
    for row in range(view.proxy.rowCount()):
        line = view.proxy.index(row, 0).data(ROW_ROLE)
        colours[line.batch] = view.proxy.index(row, 0).data(Qt.BackgroundRole)
        status_column = view.model.columnCount() - 1
        if line.batch == "W-OLD":
            assert view.proxy.index(row, status_column).data() == "已过期"
    assert colours["W-OLD"] == style.EXPIRED_BG  # expired 2026-05-01, today 2026-06-01
    assert colours["W-SOON"] == style.DUE_BG  # 30 days left, drinking water rotates 90 days ahead
    assert colours["W-GOOD"] is None and colours["T-2025"] is None


def test_expiry_filter_and_store_selection(qtbot, dctx):
    view = StockView(dctx)
    qtbot.addWidget(view)
    view.apply_filter(expiry="expired")
    assert shown(view) == [("C001", "W500", "W-OLD")]
    view.apply_filter(expiry="90")
    assert shown(view) == [("C001", "W500", "W-SOON")]
    view.apply_filter(expiry="all")
    dctx.select_store("V001")
    assert shown(view) == [("V001", "ZP12", "T-V")]
    assert "东村储备点" in view.store_label.text()
    qtbot.mouseClick(view.all_stores, Qt.LeftButton)
    assert view.proxy.rowCount() == 6


def test_sorting_by_quantity_is_numeric(qtbot, dctx):
    view = StockView(dctx)
    qtbot.addWidget(view)
    quantity_column = 9
    view.table.sortByColumn(quantity_column, Qt.DescendingOrder)
    first = view.proxy.index(0, quantity_column).data()
    last = view.proxy.index(view.proxy.rowCount() - 1, quantity_column).data()
    assert first == "500 kg" and last == "2 顶"


def test_keeper_sees_only_own_store(qtbot, admin, county, dctx):
    from desktop.context import DesktopContext
    from models.services.users import add_user, authenticate
    from tests.conftest import make_ctx

    add_user(admin, "keeper1", "keeper", password="keeper-pass", store_codes=[county.township_store])
    keeper = make_ctx(admin.db, authenticate(admin.db, "keeper1", "keeper-pass"))
    view = StockView(DesktopContext(keeper))
    qtbot.addWidget(view)
    assert shown(view) == [("T001", "RICE", "R-1")]


def test_text_matching_rules():
    from models.schema.enums import StoreLevel
    from models.services.stock_view_queries import StockLine
    from decimal import Decimal

    line = StockLine("C1", "县库", StoreLevel.COUNTY, "ZP12", "救灾帐篷", "12㎡", "顶", "jzzp jiuzaizhangpeng",
                     "10101", "救灾帐篷", "B1", None, None, Decimal(1), Decimal(0), None, 60)
    assert line_matches(line, "zp") and line_matches(line, "ZP") and line_matches(line, "zhangpeng")
    assert not line_matches(line, "pz")


def test_totals_line_counts_the_whole_filter_in_the_database(qtbot, dctx):
    view = StockView(dctx)
    qtbot.addWidget(view)
    qtbot.waitUntil(lambda: view.totals is not None)
    assert view.totals.lines == 6 and "¥33,600.00" in view.summary.text()  # 12 tents × 2800, the rest unpriced
    view.apply_filter(expiry="expired")
    qtbot.waitUntil(lambda: view.totals is not None)
    assert view.totals.lines == 1 and "共 1 行" in view.summary.text()


def test_more_rows_are_read_as_the_table_scrolls(qtbot, dctx):
    import desktop.views.stock_view as stock_view

    view = StockView(dctx)
    qtbot.addWidget(view)
    view.model._page_size = 4  # six lines: a first page of four, then the rest
    view.refresh()
    assert view.model.rowCount() == 4 and view.model.canFetchMore()
    view.model.fetchMore()
    assert view.model.rowCount() == 6 and not view.model.canFetchMore()
    assert len({(r.store_code, r.item_code, r.batch) for r in view.model.rows()}) == 6
    assert stock_view.COLUMN_SORTS[0] == "store"


def test_choosing_an_area_in_the_tree_shows_the_stores_of_that_area_and_below(qtbot, dctx, county):
    from desktop.navigation import AREA_ROLE, StoreTree

    tree = StoreTree(dctx)
    view = StockView(dctx)
    qtbot.addWidget(tree)
    qtbot.addWidget(view)
    all_rows = shown(view)
    model = tree.model()
    township = model.match(model.index(0, 0), Qt.DisplayRole, "城关镇", 1, Qt.MatchStartsWith | Qt.MatchRecursive)[0]
    assert township.data(AREA_ROLE) == "320101001"
    tree.setCurrentIndex(township)  # what a click does
    in_area = shown(view)
    assert {store for store, _, _ in in_area} == {county.township_store, county.village_store}
    assert in_area == [row for row in all_rows if row[0] in {county.township_store, county.village_store}]
    assert "城关镇 辖区" in view.store_label.text() and view.all_stores.isEnabled()
    assert dctx.current_area_code == "320101001" and dctx.current_store_code is None
    assert view.totals is None or view.totals.lines == len(in_area)
    qtbot.waitUntil(lambda: view.totals is not None)
    assert view.totals.lines == len(in_area)
    qtbot.mouseClick(view.all_stores, Qt.LeftButton)
    assert shown(view) == all_rows and dctx.current_area_code is None
    assert tree.currentIndex() == model.index(0, 0)  # the tree is back on 全部储备库
