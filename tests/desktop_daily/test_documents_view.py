"""The documents view: list with filters, a document's lines and history, reversing after
confirming with a reason."""

from __future__ import annotations

import subprocess

from PySide6.QtCore import Qt
from sqlalchemy import func, select

from desktop.context import DesktopContext
from desktop.table_models.row_model import ROW_ROLE
from desktop.views.documents_view import VIEW_SPEC, DocumentsView
from models.context import Actor
from models.schema.documents import Document
from models.schema.enums import Role
from models.schema.warehouse import Store
from models.services.issuing import IssueLine, issue
from models.services.receiving import ReceiptLine, receive
from models.services.stock_queries import stock_rows
from models.services.transfers import ship_transfer
from tests.conftest import make_ctx
from tests.desktop_daily.conftest import OFFSCREEN_LIMITS, render

pytestmark = OFFSCREEN_LIMITS


def post_documents(ctx):
    receive(ctx, "C001", [ReceiptLine("W500", 100, batch_no="B1", expiry_date="2027-01-01"),
                          ReceiptLine("BAG", 500)], supplier="某超市", reference="通知-01")
    receive(ctx, "T001", [ReceiptLine("ZP12", 4, batch_no="Z1")], supplier="帐篷厂")
    issue(ctx, "C001", [IssueLine("BAG", 30)], receiver="城关镇", purpose="防汛")
    ship_transfer(ctx, "C001", "T002", [IssueLine("W500", 10)])


def numbers(view):
    return [view.proxy.index(r, 0).data(ROW_ROLE).number for r in range(view.proxy.rowCount())]


def open_view(qtbot, dctx):
    view = DocumentsView(dctx)
    qtbot.addWidget(view)
    view.resize(1200, 760)
    view.show()
    qtbot.waitExposed(view)
    return view


def test_list_filters_and_detail(qtbot, dctx, answers, county_qt):
    post_documents(dctx.service)
    dctx.current_store_code = None
    view = open_view(qtbot, dctx)
    assert VIEW_SPEC.key == "documents" and VIEW_SPEC.order == 50
    assert len(numbers(view)) == 4
    view.doc_type.setCurrentIndex(view.doc_type.findData("receipt"))
    assert sorted(numbers(view)) == ["RK-C001-2026-0001", "RK-T001-2026-0001"]
    view.store.setCurrentIndex(view.store.findData("T001"))
    assert numbers(view) == ["RK-T001-2026-0001"]
    view.store.setCurrentIndex(0)
    view.doc_type.setCurrentIndex(0)
    qtbot.keyClicks(view.search, "CK-")
    assert numbers(view) == ["CK-C001-2026-0001"]
    view.search.clear()
    view.date_from.setText("2026-06-02")
    view.refresh()
    assert numbers(view) == []
    view.date_from.clear()
    view.refresh()
    # opening a document (as from the ledger) shows its lines and history
    view.apply_filter(number="DC-C001-2026-0001")
    assert view.detail.summary.number == "DC-C001-2026-0001"
    assert "在途" in view.header.text()
    assert view.lines.rowCount() == 1 and view.lines.item(0, 1).text() == "W500"
    assert view.history.rowCount() == 1 and view.history.item(0, 2).text() == "记账"
    view.apply_filter(number="RK-C001-2026-0001")
    assert view.lines.rowCount() == 2 and "通知-01" in view.header.text()
    assert view.reverse_button.isEnabled()
    render(view, "documents_view")


def test_export_the_selected_document_as_pdf(qtbot, dctx, answers, county_qt, tmp_path, monkeypatch):
    post_documents(dctx.service)
    view = open_view(qtbot, dctx)
    view.apply_filter(number="CK-C001-2026-0001")
    monkeypatch.setattr(view, "choose_pdf_path", lambda number: str(tmp_path / f"{number}.pdf"))
    qtbot.mouseClick(view.print_button, Qt.LeftButton)
    written = tmp_path / "CK-C001-2026-0001.pdf"
    text = subprocess.run(["pdftotext", "-layout", str(written), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "CK-C001-2026-0001" in text and "城关镇" in text
    assert answers.infos and answers.errors == []


def test_reverse_from_the_view_after_confirming(qtbot, dctx, answers, county_qt):
    post_documents(dctx.service)
    dctx.current_store_code = None
    view = open_view(qtbot, dctx)
    view.select("RK-T001-2026-0001")
    # cancelled at the reason prompt: nothing happens
    answers.text_answer = None
    qtbot.mouseClick(view.reverse_button, Qt.LeftButton)
    assert answers.confirms == []
    # declined at the confirmation: nothing happens
    answers.text_answer = "供应商送错了"
    answers.confirm_answer = False
    qtbot.mouseClick(view.reverse_button, Qt.LeftButton)
    assert len(answers.confirms) == 1 and "RK-T001-2026-0001" in answers.confirms[0]
    with dctx.service.db.read() as session:
        assert session.scalar(select(func.count(Document.id)).where(Document.doc_type == "reversal")) == 0
    # confirmed
    answers.confirm_answer = True
    qtbot.mouseClick(view.reverse_button, Qt.LeftButton)
    assert answers.errors == []
    assert not [r for r in stock_rows(dctx.service, store_code="T001") if r.quantity]
    with dctx.service.db.read() as session:
        reversal = session.scalar(select(Document).where(Document.doc_type == "reversal"))
        assert reversal.reason == "供应商送错了" and reversal.reverses.number == "RK-T001-2026-0001"
    # the list and the detail show the history; a second reversal is not offered
    assert "CX-T001-2026-0001" in numbers(view)
    assert view.detail.summary.reversed_by == "CX-T001-2026-0001" and not view.reverse_button.isEnabled()
    assert [view.history.item(r, 2).text() for r in range(view.history.rowCount())] == ["记账", "冲销"]
    render(view, "documents_view_reversed")


def test_refused_reversal_shows_the_message(qtbot, dctx, answers, county_qt):
    post_documents(dctx.service)
    view = open_view(qtbot, dctx)
    view.apply_filter(number="RK-C001-2026-0001")  # 30 bags and 10 bottles have left since
    answers.text_answer = "录错"
    view.reverse_current()
    assert len(answers.errors) == 1 and "不足" in answers.errors[0]
    with dctx.service.db.read() as session:
        assert session.scalar(select(func.count(Document.id)).where(Document.doc_type == "reversal")) == 0


def test_keeper_sees_and_reverses_only_their_store(qtbot, dctx, answers, county_qt):
    post_documents(dctx.service)
    db = dctx.service.db
    with db.read() as session:
        store_id = session.scalar(select(Store.id).where(Store.code == "T001"))
    keeper = DesktopContext(make_ctx(db, Actor(None, "keeper_t1", Role.KEEPER, frozenset({store_id}))))
    view = open_view(qtbot, keeper)
    assert numbers(view) == ["RK-T001-2026-0001"]
    view.apply_filter(number="RK-C001-2026-0001")
    assert view.detail is None


def test_store_choices_match_the_ledger_choices_and_postable_stores(dctx, county_qt):
    from desktop.dialogs.document_lines_widget import postable_stores
    from models.services.document_queries import document_stores
    from models.services.ledger_queries import ledger_choices

    db = dctx.service.db
    with db.read() as session:
        store_id = session.scalar(select(Store.id).where(Store.code == "T001"))
    keeper = make_ctx(db, Actor(None, "keeper_t1", Role.KEEPER, frozenset({store_id})))
    for ctx in (dctx.service, keeper):
        stores = document_stores(ctx)
        assert stores.readable == [(c.code, c.label) for c in ledger_choices(ctx).stores]
        assert stores.postable == {code for code, _label in postable_stores(ctx)}
    assert [code for code, _ in document_stores(keeper).readable] == ["T001"]


def test_sorting_by_a_header_keeps_the_document_shown(qtbot, dctx, answers, county_qt):
    post_documents(dctx.service)
    dctx.current_store_code = None
    view = open_view(qtbot, dctx)
    view.select("RK-T001-2026-0001")
    view.table.sortByColumn(0, Qt.AscendingOrder)  # 单号
    assert numbers(view) == sorted(numbers(view)) and len(numbers(view)) == 4
    assert view.table.currentIndex().data(ROW_ROLE).number == "RK-T001-2026-0001"
    assert view.detail.summary.number == "RK-T001-2026-0001"
    view.table.sortByColumn(0, Qt.DescendingOrder)
    assert numbers(view) == sorted(numbers(view), reverse=True)
    view.refresh()  # new rows keep the chosen order
    assert numbers(view) == sorted(numbers(view), reverse=True)
    assert view.detail.summary.number == "RK-T001-2026-0001"
