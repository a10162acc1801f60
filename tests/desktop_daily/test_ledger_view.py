"""The lazily loaded ledger: the model passes qtmodeltester, fetchMore loads one page at a time,
and the view's filters, order and keeper restriction reach the database query."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from sqlalchemy import select

from desktop.context import DesktopContext
from desktop.table_models.ledger_model import LedgerTableModel
from desktop.views.ledger_view import VIEW_SPEC, LedgerView
from models.context import Actor
from models.schema.enums import Role
from models.schema.warehouse import Store
from models.services.issuing import IssueLine, issue
from models.services.ledger_queries import LedgerFilter, ledger_page
from models.services.receiving import ReceiptLine, receive
from tests.conftest import make_ctx
from tests.desktop_daily.conftest import OFFSCREEN_LIMITS, render

pytestmark = OFFSCREEN_LIMITS


def post_movements(ctx, receipts=20):
    for n in range(receipts):
        receive(ctx, "C001", [ReceiptLine("W500", 10 + n, batch_no=f"B{n:02d}", expiry_date="2027-01-01"),
                              ReceiptLine("BAG", 5)], supplier="供应商")
    receive(ctx, "T001", [ReceiptLine("ZP12", 4, batch_no="Z1")])
    issue(ctx, "C001", [IssueLine("BAG", 30)], receiver="城关镇")  # 42 movements in all


def source_for(ctx, size, filters=LedgerFilter()):
    return lambda after, newest: ledger_page(ctx, filters, after, limit=size, newest_first=newest)


def test_model_passes_qtmodeltester(qtmodeltester, service, county_qt):
    post_movements(service, receipts=6)
    model = LedgerTableModel()
    model.set_source(source_for(service, 5))
    qtmodeltester.check(model)
    model.sort(0, Qt.AscendingOrder)
    qtmodeltester.check(model)


def test_fetch_more_loads_one_page_at_a_time(service, county_qt):
    post_movements(service)
    model = LedgerTableModel()
    model.set_source(source_for(service, 10))
    assert model.rowCount() == 10 and model.pages_fetched == 1 and model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 20 and model.pages_fetched == 2
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    assert model.rowCount() == 42 and model.pages_fetched == 5
    ids = [model.row_at(r).id for r in range(42)]
    assert ids == sorted(ids, reverse=True) and len(set(ids)) == 42  # newest first, no row twice
    model.sort(0, Qt.AscendingOrder)
    assert model.rowCount() == 10 and model.row_at(0).id == min(ids)
    assert model.index(0, 9).data() == "+10" and model.index(0, 3).data() == "县应急物资储备库"


def test_view_scrolls_and_filters(qtbot, dctx, county_qt):
    post_movements(dctx.service)
    dctx.current_store_code = None
    view = LedgerView(dctx, page_size=10)
    qtbot.addWidget(view)
    view.resize(1300, 500)
    view.show()
    qtbot.waitExposed(view)
    assert VIEW_SPEC.key == "ledger" and VIEW_SPEC.order == 40
    assert view.model.rowCount() == 10 and "向下滚动" in view.summary.text()
    view.table.scrollToBottom()
    qtbot.waitUntil(lambda: view.model.rowCount() > 10)
    assert view.model.rowCount() < 42  # scrolling to the end does not load everything at once
    render(view, "ledger_view")
    # filters are applied in SQL
    view.store.setCurrentIndex(view.store.findData("T001"))
    assert view.model.rowCount() == 1 and view.model.row_at(0).item_code == "ZP12"
    view.store.setCurrentIndex(0)
    view.doc_type.setCurrentIndex(view.doc_type.findData("issue"))
    assert [view.model.row_at(r).document_number for r in range(view.model.rowCount())] == ["CK-C001-2026-0001"]
    view.clear_filters()
    qtbot.keyClicks(view.item, "zp")
    qtbot.keyClick(view.item, Qt.Key_Return)
    assert view.model.rowCount() == 1
    view.item.clear()
    qtbot.keyClicks(view.date_from, "2026-06-02")
    qtbot.keyClick(view.date_from, Qt.Key_Return)
    assert view.model.rowCount() == 0 and view.summary.text() == "共 0 条"
    view.date_from.setText("2026-13-01")
    view.apply()
    assert "不是有效日期" in view.filter_error.text() and view.filter_error.isVisibleTo(view)
    view.clear_filters()
    # clicking the time header reverses the order, in SQL
    first_newest = view.model.row_at(0).id
    view._header_clicked(0)
    assert view.model.row_at(0).id < first_newest and view.model.rowCount() == 10
    # double-click opens the document in the documents view
    opened = []
    view.open_view.connect(lambda key, args: opened.append((key, args)))
    view.table.doubleClicked.emit(view.model.index(0, 1))
    assert opened == [("documents", {"number": "RK-C001-2026-0001"})]
    # a new posting refreshes the view
    view._header_clicked(0)
    issue(dctx.service, "C001", [IssueLine("BAG", 1)], receiver="x")
    dctx.notify("stock", "documents")
    assert view.model.row_at(0).document_number == "CK-C001-2026-0002"


def test_keeper_sees_only_their_store(qtbot, dctx, county_qt):
    post_movements(dctx.service, receipts=6)
    db = dctx.service.db
    with db.read() as session:
        store_id = session.scalar(select(Store.id).where(Store.code == "T001"))
    keeper = DesktopContext(make_ctx(db, Actor(None, "keeper_t1", Role.KEEPER, frozenset({store_id}))))
    view = LedgerView(keeper)
    qtbot.addWidget(view)
    assert [view.store.itemData(i) for i in range(view.store.count())] == [None, "T001"]
    assert {view.model.row_at(r).store_code for r in range(view.model.rowCount())} == {"T001"}
    assert view.model.rowCount() == 1
