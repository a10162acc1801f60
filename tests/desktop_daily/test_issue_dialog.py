"""The issue dialog: FEFO preview, picking another batch, and a refused issue."""

from __future__ import annotations

from PySide6.QtCore import Qt
from sqlalchemy import func, select

from desktop.dialogs.issue_dialog import IssueDialog
from models.schema.documents import Document
from models.schema.stock import Movement
from models.services.issuing import IssueLine, issue
from models.services.receiving import ReceiptLine, receive
from models.services.stock_queries import stock_rows
from tests.desktop_daily.conftest import OFFSCREEN_LIMITS, render

pytestmark = OFFSCREEN_LIMITS


def stock_water(ctx, county):
    receive(ctx, county.county_store, [
        ReceiptLine(county.water, 100, batch_no="B-GOOD", expiry_date="2026-12-31"),
        ReceiptLine(county.water, 50, batch_no="B-OLD", expiry_date="2026-05-01"),
        ReceiptLine(county.water, 20, batch_no="B-SOON", expiry_date="2026-07-01"),
    ])


def water(ctx):
    return {r.batch: r.quantity for r in stock_rows(ctx, store_code="C001", item_code="W500")}


def counts(db):
    with db.read() as session:
        return (session.scalar(select(func.count(Document.id))), session.scalar(select(func.count(Movement.id))))


def open_dialog(qtbot, dctx):
    dialog = IssueDialog(dctx)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_issue_picking_a_non_default_batch(qtbot, dctx, answers, county_qt):
    stock_water(dctx.service, county_qt)
    dialog = open_dialog(qtbot, dctx)
    dialog.receiver.insert("城关镇")
    editor = dialog.editor
    qtbot.keyClicks(editor.item, "W500")
    qtbot.keyClicks(editor.quantity, "25")
    # the preview shows FEFO: the batch expiring first, then the next; never the expired one
    assert [(p.batch_no, p.quantity) for p in editor.plan] == [("B-SOON", 20), ("B-GOOD", 5)]
    assert editor.preview.rowCount() == 2 and editor.preview.item(0, 0).text() == "B-SOON"
    # the expired batch is listed but cannot be chosen
    old = next(r for r in range(editor.batch_model.rowCount()) if editor.batch_model.item(r).data(Qt.UserRole) == "B-OLD")
    assert not editor.batch_model.item(old).isEnabled()
    render(dialog, "issue_dialog_fefo")
    editor.choose_batch("B-GOOD")
    assert [(p.batch_no, p.quantity) for p in editor.plan] == [("B-GOOD", 25)]
    qtbot.mouseClick(editor.add_button, Qt.LeftButton)
    assert len(editor.lines) == 1 and editor.lines[0].batch_no == "B-GOOD"
    editor.edit_line(0)  # back into the entry row, with its chosen batch
    assert editor.lines == [] and editor.batch.currentData(Qt.UserRole) == "B-GOOD" and editor.quantity.text() == "25"
    assert editor.add_line() and editor.lines[0].batch_no == "B-GOOD"
    render(dialog, "issue_dialog")
    qtbot.mouseClick(dialog.confirm_button, Qt.LeftButton)
    assert dialog.posted is not None and answers.errors == []
    assert water(dctx.service) == {"B-GOOD": 75, "B-OLD": 50, "B-SOON": 20}
    with dctx.service.db.read() as session:
        document = session.scalar(select(Document).where(Document.number == dialog.posted.number))
        assert document.counterparty == "城关镇"


def test_quantity_over_the_batch_shows_message_next_to_field(qtbot, dctx, answers, county_qt):
    stock_water(dctx.service, county_qt)
    dialog = open_dialog(qtbot, dctx)
    editor = dialog.editor
    qtbot.keyClicks(editor.item, "W500")
    qtbot.keyClicks(editor.quantity, "121")
    assert "可用库存只有 120" in editor.boxes["quantity"].error_text()
    assert not editor.add_line() and editor.lines == []
    render(dialog, "issue_dialog_short")


def test_refused_issue_shows_the_message_and_changes_nothing(qtbot, dctx, answers, county_qt):
    stock_water(dctx.service, county_qt)
    dialog = open_dialog(qtbot, dctx)
    dialog.receiver.insert("河口镇")
    editor = dialog.editor
    qtbot.keyClicks(editor.item, "W500")
    qtbot.keyClicks(editor.quantity, "100")
    assert editor.add_line()
    # meanwhile another keeper issues 30 bottles; the dialog's 100 no longer fit
    issue(dctx.service, "C001", [IssueLine("W500", 30)], receiver="别处")
    before, stock_before = counts(dctx.service.db), water(dctx.service)
    qtbot.mouseClick(dialog.confirm_button, Qt.LeftButton)
    assert dialog.posted is None and dialog.isVisible()
    assert len(answers.errors) == 1 and "可用库存只有 90" in answers.errors[0]
    assert "可用库存只有 90" in dialog.general_error.text()
    render(dialog, "issue_dialog_refused")
    assert counts(dctx.service.db) == before and water(dctx.service) == stock_before


def test_receiver_is_required(qtbot, dctx, answers, county_qt):
    stock_water(dctx.service, county_qt)
    dialog = open_dialog(qtbot, dctx)
    qtbot.keyClicks(dialog.editor.item, "W500")
    dialog.editor.quantity.setFocus()
    qtbot.keyClicks(dialog.editor.quantity, "1")
    qtbot.keyClick(dialog.editor.quantity, Qt.Key_Return)
    qtbot.waitUntil(lambda: dialog.focusWidget() is dialog.editor.batch)
    qtbot.keyClick(dialog.editor.batch, Qt.Key_Return)  # Enter on the last field adds the line
    qtbot.waitUntil(lambda: len(dialog.editor.lines) == 1)
    dialog.confirm()
    assert "领用单位不能为空" in dialog.receiver_box.error_text()
    assert answers.confirms == [] and counts(dctx.service.db)[0] == 1
