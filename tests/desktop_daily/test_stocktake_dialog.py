"""The stocktake dialog: export the count sheet, type counts, post the differences with a reason."""

from __future__ import annotations

import subprocess
from decimal import Decimal

from PySide6.QtCore import Qt
from sqlalchemy import select

from desktop.dialogs.stocktake_dialog import StocktakeDialog
from models.schema.documents import Document, DocumentLine
from models.services.receiving import ReceiptLine, receive
from models.services.stock_queries import stock_rows
from tests.desktop_daily.conftest import OFFSCREEN_LIMITS, render

pytestmark = OFFSCREEN_LIMITS


def stock(ctx):
    receive(ctx, "C001", [ReceiptLine("W500", 100, batch_no="B1", expiry_date="2027-01-01"),
                          ReceiptLine("W500", 40, batch_no="B2", expiry_date="2027-06-01"),
                          ReceiptLine("BAG", 1000), ReceiptLine("ZP12", 8, batch_no="Z1")])


def test_stocktake_with_differences(qtbot, dctx, answers, county_qt, tmp_path, monkeypatch):
    ctx = dctx.service
    stock(ctx)
    dialog = StocktakeDialog(dctx)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    rows = {(dialog.table.item(r, 0).text(), dialog.table.item(r, 4).text()): r for r in range(dialog.table.rowCount())}
    assert set(rows) == {("BAG", "无批次"), ("W500", "B1"), ("W500", "B2"), ("ZP12", "Z1")}
    # the printed sheet
    monkeypatch.setattr(dialog, "choose_pdf_path", lambda: str(tmp_path / "sheet.pdf"))
    written = dialog.export_sheet()
    text = subprocess.run(["pdftotext", "-layout", str(written), "-"], capture_output=True, text=True, check=True).stdout
    assert "应急物资盘点表" in text and "C001" in text and "B2" in text and "实盘数量" in text
    assert answers.infos and "sheet.pdf" in answers.infos[0]
    # counts typed: B1 short by 3, bags over by 20, tents exact, B2 not counted
    dialog.table.setFocus()
    dialog.table.setCurrentCell(rows[("W500", "B1")], 7)
    dialog.set_counted(rows[("W500", "B1")], "97")
    dialog.set_counted(rows[("BAG", "无批次")], "1020")
    dialog.set_counted(rows[("ZP12", "Z1")], "abc")
    assert "不是数字" in dialog.count_error.text() and not dialog.confirm_button.isEnabled()
    dialog.set_counted(rows[("ZP12", "Z1")], "8")
    assert dialog.count_error.text() == "" and dialog.confirm_button.isEnabled()
    assert dialog.table.item(rows[("W500", "B1")], 8).text() == "-3"
    assert dialog.table.item(rows[("BAG", "无批次")], 8).text() == "+20"
    # finding a batch among many: by pinyin initials, then by batch number
    qtbot.keyClicks(dialog.find, "bzd")
    shown = [r for r in range(dialog.table.rowCount()) if not dialog.table.isRowHidden(r)]
    assert shown == [rows[("BAG", "无批次")]]
    dialog.find.clear()
    qtbot.keyClicks(dialog.find, "b2")
    assert [r for r in range(dialog.table.rowCount()) if not dialog.table.isRowHidden(r)] == [rows[("W500", "B2")]]
    dialog.find.clear()
    # two tents found on the shelf that the books do not know
    dialog.found_item.setText("ZP12")
    dialog.found_batch.setText("Z1")
    dialog.found_counted.setText("2")
    assert not dialog.add_found() and "已在盘点表中" in dialog.found_error.text()
    dialog.found_batch.setText("Z9")
    dialog.found_expiry.setText("2030-01-01")
    assert dialog.add_found() and dialog.table.rowCount() == 5
    assert dialog.table.item(4, 8).text() == "+2"
    # a reason is required
    qtbot.mouseClick(dialog.confirm_button, Qt.LeftButton)
    assert "不能为空" in dialog.reason_box.error_text() and answers.confirms == []
    dialog.reason.insert("年度盘点")
    render(dialog, "stocktake_dialog")
    qtbot.mouseClick(dialog.confirm_button, Qt.LeftButton)
    assert dialog.posted is not None and "盘盈 2" in answers.confirms[0] and "盘亏 1" in answers.confirms[0]
    after = {(r.item_code, r.batch): r.quantity for r in stock_rows(ctx, store_code="C001")}
    assert after == {("W500", "B1"): 97, ("W500", "B2"): 40, ("BAG", "无批次"): 1020, ("ZP12", "Z1"): 8,
                     ("ZP12", "Z9"): 2}
    found = next(r for r in stock_rows(ctx, store_code="C001") if r.batch == "Z9")
    assert found.expiry_date.isoformat() == "2030-01-01"
    with ctx.db.read() as session:
        document = session.scalar(select(Document).where(Document.number == dialog.posted.number))
        assert document.reason == "年度盘点"
        lines = session.scalars(select(DocumentLine).where(DocumentLine.document_id == document.id)).all()
        assert sorted((l.book_quantity, l.counted_quantity) for l in lines) == [
            (Decimal(0), Decimal(2)), (Decimal(8), Decimal(8)), (Decimal(100), Decimal(97)),
            (Decimal(1000), Decimal(1020))]
