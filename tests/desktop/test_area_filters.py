"""Choosing an area in the navigation narrows the ledger and the documents to the stores of that area
and of the areas below it (the stock view already did); the services take the area as a filter."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from desktop.context import DesktopContext
from desktop.views.documents_view import DocumentsView
from desktop.views.ledger_view import LedgerView
from desktop.widgets.store_filter import StoreFilterCombo
from models.context import Actor
from models.errors import NotFoundError
from models.schema.enums import Role
from models.schema.warehouse import Store
from models.services.document_queries import DocumentFilter, list_documents
from models.services.ledger_queries import LedgerFilter, ledger_page
from models.services.receiving import ReceiptLine, receive
from tests.conftest import make_ctx

TOWNSHIP = "320101001"  # 城关镇: T001 and, in its village 东村, V001
RIVER = "320101002"  # 河口镇: T002


def receive_in_the_other_township(ctx, county) -> None:
    receive(ctx, county.other_township_store, [ReceiptLine(county.bags, 40)], supplier="河口供应商")


def ledger_stores(ctx, filters) -> list[str]:
    return [row.store_code for row in ledger_page(ctx, filters, limit=100).rows]


def test_ledger_and_document_queries_filter_by_area(admin, county, db):
    from tests.desktop.conftest import receive_sample_stock

    receive_sample_stock(admin, county)
    receive_in_the_other_township(admin, county)
    in_township = ledger_stores(admin, LedgerFilter(area_code=TOWNSHIP))
    assert sorted(in_township) == ["T001", "V001"]  # rice in T001, the tent in 东村; not C001 nor T002
    assert ledger_stores(admin, LedgerFilter(area_code="320101001001")) == ["V001"]
    assert sorted(set(ledger_stores(admin, LedgerFilter(area_code="320101")))) == ["C001", "T001", "T002", "V001"]
    assert ledger_stores(admin, LedgerFilter(area_code=RIVER)) == ["T002"]
    # with the keyset: the second page of the county continues after the first
    first = ledger_page(admin, LedgerFilter(area_code="320101"), limit=3)
    rest = ledger_page(admin, LedgerFilter(area_code="320101"), first.last_key, limit=100)
    every = ledger_page(admin, LedgerFilter(), limit=100).rows
    assert [row.id for row in first.rows + rest.rows] == [row.id for row in every]

    documents = list_documents(admin, DocumentFilter(area_code=TOWNSHIP))
    assert sorted(d.store_code for d in documents) == ["T001", "V001"]
    assert [d.store_code for d in list_documents(admin, DocumentFilter(area_code=RIVER))] == ["T002"]
    assert list_documents(admin, DocumentFilter(area_code=RIVER, store_code="T001")) == []
    with pytest.raises(NotFoundError):
        ledger_page(admin, LedgerFilter(area_code="999999"))
    with pytest.raises(NotFoundError):
        list_documents(admin, DocumentFilter(area_code="999999"))

    with db.read() as session:
        village = session.scalar(select(Store.id).where(Store.code == county.village_store))
    keeper = make_ctx(db, Actor(None, "keeper1", Role.KEEPER, frozenset({village})))
    assert ledger_stores(keeper, LedgerFilter(area_code=TOWNSHIP)) == ["V001"]  # their store only
    assert ledger_stores(keeper, LedgerFilter(area_code=RIVER)) == []
    assert [d.store_code for d in list_documents(keeper, DocumentFilter(area_code=TOWNSHIP))] == ["V001"]


def test_ledger_view_follows_the_area_chosen_in_the_navigation(qtbot, dctx, county):
    receive_in_the_other_township(dctx.service, county)
    view = LedgerView(dctx)
    qtbot.addWidget(view)
    everything = sorted(view.model.row_at(i).store_code for i in range(view.model.rowCount()))
    assert set(everything) == {"C001", "T001", "T002", "V001"}

    dctx.select_area(TOWNSHIP)
    shown = sorted(view.model.row_at(i).store_code for i in range(view.model.rowCount()))
    assert shown == ["T001", "V001"]
    assert view.store.currentText() == "城关镇 辖区" and view.store.area_code() == TOWNSHIP
    assert view.filters.area_code == TOWNSHIP and view.filters.store_code is None

    dctx.select_area(RIVER)
    assert [view.model.row_at(i).store_code for i in range(view.model.rowCount())] == ["T002"]
    assert view.store.findText("城关镇 辖区") < 0  # one area entry at a time

    dctx.select_store(county.village_store)  # leaving the area for one store
    assert [view.model.row_at(i).store_code for i in range(view.model.rowCount())] == ["V001"]
    assert view.store.area_code() is None and view.store.findText("河口镇 辖区") < 0
    dctx.select_store(None)
    assert view.model.rowCount() == len(everything)


def test_a_ledger_opened_while_an_area_is_chosen_starts_filtered(qtbot, dctx):
    dctx.select_area(TOWNSHIP)
    view = LedgerView(dctx)
    qtbot.addWidget(view)
    assert sorted(view.model.row_at(i).store_code for i in range(view.model.rowCount())) == ["T001", "V001"]
    view.clear_filters()  # 清除条件: every store again
    assert {view.model.row_at(i).store_code for i in range(view.model.rowCount())} == {"C001", "T001", "V001"}


def test_documents_view_follows_the_area_chosen_in_the_navigation(qtbot, dctx, county):
    receive_in_the_other_township(dctx.service, county)
    view = DocumentsView(dctx)
    qtbot.addWidget(view)
    assert {d.store_code for d in view.model.rows()} == {"C001", "T001", "T002", "V001"}
    dctx.select_area(TOWNSHIP)
    assert sorted(d.store_code for d in view.model.rows()) == ["T001", "V001"]
    assert view.store.currentText() == "城关镇 辖区"
    assert view.detail is not None and view.detail.summary.store_code in {"T001", "V001"}
    view.store.setCurrentIndex(0)  # 全部储备库 in the view's own filter
    assert {d.store_code for d in view.model.rows()} == {"C001", "T001", "T002", "V001"}
    view.store.setCurrentIndex(1)  # and back to the area
    assert sorted(d.store_code for d in view.model.rows()) == ["T001", "V001"]
    dctx.select_store(None)
    assert {d.store_code for d in view.model.rows()} == {"C001", "T001", "T002", "V001"}
    assert view.store.count() == 1 + 4  # 全部储备库 and the four stores: the area entry is gone


def test_store_filter_keeps_its_choice_when_the_stores_are_reloaded(qtbot):
    combo = StoreFilterCombo()
    qtbot.addWidget(combo)
    stores = [("C001", "C001 县库"), ("T001", "T001 城关镇储备点")]
    combo.set_stores(stores)
    combo.set_area(TOWNSHIP, "城关镇")
    assert (combo.currentIndex(), combo.area_code(), combo.store_code()) == (1, TOWNSHIP, None)
    combo.set_stores(stores)
    assert combo.area_code() == TOWNSHIP and combo.count() == 4
    combo.setCurrentIndex(combo.findData("T001"))
    combo.set_stores(stores[1:])
    assert combo.store_code() == "T001" and combo.area_code() is None
    combo.set_area(None)
    assert combo.count() == 2 and combo.store_code() == "T001"
    combo.set_area(RIVER, "河口镇")
    combo.set_area(None)
    assert combo.currentIndex() == 0 and combo.store_code() is None


def test_english_area_entry_and_status(qtbot, dctx, restore_language):
    from desktop import i18n
    from desktop.main_window import MainWindow

    i18n.compile_translations()
    assert i18n.install_language("en") == "en"
    window = MainWindow(DesktopContext(dctx.service))
    qtbot.addWidget(window)
    window.dctx.select_area(TOWNSHIP)
    assert window.store_label.text() == "Stores: 城关镇 and below"
    window.show_view("ledger")
    assert window.views["ledger"].store.currentText() == "城关镇 and below"


@pytest.fixture
def restore_language():
    yield
    from desktop import i18n

    i18n.install_language("zh_CN")
