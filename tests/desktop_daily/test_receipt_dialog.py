"""The receipt dialog driven as a keeper would: scan, Enter through the fields, confirm."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt
from sqlalchemy import func, select

from desktop.dialogs import receipt_dialog
from desktop.dialogs.receipt_dialog import ReceiptDialog
from models.schema.documents import Document
from models.schema.stock import Batch
from models.services.stock_queries import stock_rows
from tests.desktop_daily.conftest import OFFSCREEN_LIMITS, render

pytestmark = OFFSCREEN_LIMITS


def type_and_enter(qtbot, widget, text):
    qtbot.keyClicks(widget, text)
    qtbot.keyClick(widget, Qt.Key_Return)
    qtbot.wait(5)


def test_receipt_with_two_lines(qtbot, dctx, answers, county_qt):
    dialog = ReceiptDialog(dctx)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    changed = []
    dctx.changed.connect(changed.append)
    dialog.supplier.insert("某超市")  # as an input method commits it
    dialog.manufacturer.insert("某饮品厂")
    dialog.reserve_mode.setCurrentIndex(dialog.reserve_mode.findData("department"))
    # line 1 by scanning the code: Enter moves to the next field each time
    dialog.item.setFocus()
    type_and_enter(qtbot, dialog.item, "W500")
    assert dialog.item_caption.text().startswith("瓶装饮用水")
    qtbot.waitUntil(lambda: dialog.focusWidget() is dialog.batch)  # Enter moved on, as after a scan
    type_and_enter(qtbot, dialog.batch, "B-2026")
    qtbot.waitUntil(lambda: dialog.focusWidget() is dialog.production)
    type_and_enter(qtbot, dialog.production, "2026-01-15")
    qtbot.keyClick(dialog.expiry, Qt.Key_Return)  # left empty: derived from the shelf life
    qtbot.wait(5)
    type_and_enter(qtbot, dialog.quantity, "120")
    type_and_enter(qtbot, dialog.price, "1.5")
    type_and_enter(qtbot, dialog.location, "A-01")  # last field: adds the line
    qtbot.waitUntil(lambda: len(dialog.lines) == 1)
    assert dialog.item.text() == "" and dialog.focusWidget() is dialog.item
    # line 2 found by pinyin initials (zp → 帐篷), quantity typed wrongly first
    qtbot.keyClicks(dialog.item, "jzzp")
    assert dialog.item.resolve() is None and dialog.item.text() == county_qt.tent
    qtbot.keyClicks(dialog.quantity, "-3")
    assert "大于 0" in dialog.boxes["quantity"].error_text()
    assert not dialog.add_line() and len(dialog.lines) == 1
    dialog.quantity.clear()
    qtbot.keyClicks(dialog.quantity, "5")
    assert dialog.boxes["quantity"].error_text() == ""
    qtbot.mouseClick(dialog.add_button, Qt.LeftButton)
    assert dialog.table.rowCount() == 2
    # a wrong quantity in the list is corrected by putting the line back into the entry row
    dialog.edit_line(1)
    assert dialog.table.rowCount() == 1 and dialog.item.text() == county_qt.tent and dialog.quantity.text() == "5"
    dialog.quantity.setText("6")
    assert dialog.add_line() and dialog.lines[1].quantity == Decimal(6)
    dialog.edit_line(1)
    dialog.quantity.setText("5")
    assert dialog.add_line()
    render(dialog, "receipt_dialog")
    # nothing saved before confirming
    with dctx.service.db.read() as session:
        assert session.scalar(select(func.count(Document.id))) == 0
    qtbot.mouseClick(dialog.confirm_button, Qt.LeftButton)
    assert answers.confirms and dialog.result() == ReceiptDialog.Accepted
    assert dialog.posted.number == "RK-C001-2026-0001"
    rows = {(r.item_code, r.batch): r for r in stock_rows(dctx.service, store_code="C001")}
    water = rows[("W500", "B-2026")]
    assert water.quantity == Decimal(120) and water.expiry_date.isoformat() == "2028-01-14"
    assert water.unit_price == Decimal("1.5")
    assert rows[("ZP12", "无批次")].quantity == Decimal(5)
    with dctx.service.db.read() as session:
        batch = session.scalar(select(Batch).where(Batch.batch_no == "B-2026"))
        assert (batch.manufacturer, batch.supplier, batch.reserve_mode.value) == ("某饮品厂", "某超市", "department")
    assert changed == [frozenset({"stock", "documents"})]


def test_field_messages_and_cancel_saves_nothing(qtbot, dctx, answers):
    dialog = ReceiptDialog(dctx)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.item, "NOPE")
    assert "没有编码“NOPE”" in dialog.boxes["item"].error_text()
    qtbot.keyClicks(dialog.production, "2026-13-01")
    assert "不是有效日期" in dialog.boxes["production"].error_text()
    dialog.production.clear()
    qtbot.keyClicks(dialog.production, "2026-05-01")
    qtbot.keyClicks(dialog.expiry, "2026-04-01")
    assert "早于生产日期" in dialog.boxes["expiry"].error_text()
    qtbot.keyClicks(dialog.doc_date, "x")
    assert "不是有效日期" in dialog.doc_date_box.error_text()
    render(dialog, "receipt_dialog_errors")
    assert not dialog.confirm_button.isEnabled()
    dialog.reject()
    with dctx.service.db.read() as session:
        assert session.scalar(select(func.count(Document.id))) == 0


def test_declined_confirmation_posts_nothing_and_ask_returns_values(qtbot, dctx, answers, monkeypatch):
    dialog = ReceiptDialog(dctx)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.item, "BAG")
    qtbot.keyClicks(dialog.quantity, "1000")
    assert dialog.add_line()
    answers.confirm_answer = False
    dialog.confirm()
    assert dialog.posted is None and dialog.result() != ReceiptDialog.Accepted
    with dctx.service.db.read() as session:
        assert session.scalar(select(func.count(Document.id))) == 0
    # run() posts what the dialog collected; ask() only returns it
    request = receipt_dialog.ReceiptRequest("C001", list(dialog.lines), supplier="x")
    posted = receipt_dialog.post(dctx, request, None)
    assert posted.lines[0].quantity == Decimal(1000)


def test_keeper_posts_only_in_their_store(qtbot, dctx, answers):
    from sqlalchemy import select as sql_select

    from desktop.context import DesktopContext
    from models.context import Actor
    from models.schema.enums import Role
    from models.schema.warehouse import Store
    from tests.conftest import make_ctx

    db = dctx.service.db
    with db.read() as session:
        store_id = session.scalar(sql_select(Store.id).where(Store.code == "V001"))
    keeper = DesktopContext(make_ctx(db, Actor(None, "keeper_v", Role.KEEPER, frozenset({store_id}))))
    keeper.current_store_code = "C001"  # selected in the navigation, but not theirs
    dialog = ReceiptDialog(keeper)
    qtbot.addWidget(dialog)
    assert [dialog.store.itemData(i) for i in range(dialog.store.count())] == ["V001"]
    qtbot.keyClicks(dialog.item, "RICE")
    qtbot.keyClicks(dialog.quantity, "12.5")
    assert dialog.add_line()
    dialog.confirm()
    assert dialog.posted is not None
    assert [(r.store_code, r.quantity) for r in stock_rows(dctx.service)] == [("V001", Decimal("12.5"))]
