"""The transfer dialog: ship from the county store, then receive part of it at the township as its
keeper; the rest stays in transit."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt
from sqlalchemy import select

from desktop.context import DesktopContext
from desktop.dialogs.transfer_dialog import RECEIVE, TransferDialog
from models.context import Actor
from models.schema.documents import Transfer
from models.schema.enums import Role, TransferStatus
from models.schema.warehouse import Store
from models.services.receiving import ReceiptLine, receive
from models.services.stock_queries import stock_rows
from models.services.transfers import in_transit
from tests.conftest import make_ctx
from tests.desktop_daily.conftest import OFFSCREEN_LIMITS, render

pytestmark = OFFSCREEN_LIMITS


def keeper_of(dctx, code) -> DesktopContext:
    db = dctx.service.db
    with db.read() as session:
        store_id = session.scalar(select(Store.id).where(Store.code == code))
    keeper = DesktopContext(make_ctx(db, Actor(None, "keeper_t2", Role.KEEPER, frozenset({store_id}))))
    keeper.current_store_code = code
    return keeper


def test_ship_then_partial_receive(qtbot, dctx, answers, county_qt):
    ctx = dctx.service
    receive(ctx, "C001", [ReceiptLine("ZP12", 10, batch_no="T-A"), ReceiptLine("BAG", 500)])
    dialog = TransferDialog(dctx)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.to_store.setCurrentIndex(dialog.to_store.findData("T002"))
    editor = dialog.editor
    for code, quantity in (("ZP12", "6"), ("BAG", "200")):
        qtbot.keyClicks(editor.item, code)
        qtbot.keyClicks(editor.quantity, quantity)
        qtbot.mouseClick(editor.add_button, Qt.LeftButton)
    assert len(editor.lines) == 2
    render(dialog, "transfer_ship")
    qtbot.mouseClick(dialog.confirm_button, Qt.LeftButton)
    shipped = dialog.posted
    assert shipped is not None and shipped.transfer_number
    stock = {(r.store_code, r.item_code): r.quantity for r in stock_rows(ctx)}
    assert stock[("C001", "ZP12")] == 4 and stock[("C001", "BAG")] == 300 and ("T002", "ZP12") not in stock

    # the township keeper receives 4 of the 6 tents and all the bags
    keeper = keeper_of(dctx, "T002")
    receiving = TransferDialog(keeper, tab=RECEIVE)
    qtbot.addWidget(receiving)
    receiving.show()
    assert [receiving.from_store.itemData(i) for i in range(receiving.from_store.count())] == ["T002"]
    assert receiving.transfer.currentData() == shipped.transfer_number
    rows = {receiving.receive_table.item(r, 0).text(): r for r in range(receiving.receive_table.rowCount())}
    receiving.set_received(rows["ZP12"], "7")
    assert "超过在途数量 6" in receiving.receive_error.text() and not receiving.confirm_button.isEnabled()
    receiving.set_received(rows["ZP12"], "4")
    assert receiving.receive_error.text() == "" and receiving.confirm_button.isEnabled()
    render(receiving, "transfer_receive")
    qtbot.mouseClick(receiving.confirm_button, Qt.LeftButton)
    assert receiving.posted is not None and answers.errors == []
    stock = {(r.store_code, r.item_code): r.quantity for r in stock_rows(ctx)}
    assert stock[("T002", "ZP12")] == 4 and stock[("T002", "BAG")] == 200
    left = in_transit(ctx)
    assert [(l.item_code, l.in_transit) for l in left] == [("ZP12", Decimal(2))]
    with ctx.db.read() as session:
        assert session.scalar(select(Transfer.status)) is TransferStatus.PARTIAL

    # the rest arrives later: the dialog now offers only the 2 tents still in transit
    again = TransferDialog(keeper, tab=RECEIVE)
    qtbot.addWidget(again)
    assert again.receive_table.rowCount() == 1 and again.receive_table.item(0, 7).text() == "2"
    again.confirm()
    assert in_transit(ctx) == []


def test_keeper_without_incoming_transfers_cannot_confirm(qtbot, dctx, answers, county_qt):
    keeper = keeper_of(dctx, "V001")
    dialog = TransferDialog(keeper, tab=RECEIVE)
    qtbot.addWidget(dialog)
    assert dialog.transfer.count() == 0 and not dialog.confirm_button.isEnabled()
    assert [dialog.from_store.itemData(i) for i in range(dialog.from_store.count())] == ["V001"]
    assert "V001" not in [dialog.to_store.itemData(i) for i in range(dialog.to_store.count())]
