"""What the dialogs share: ``ask`` answers without posting, posting runs off the UI thread, and
the item picker finds items by code, name and pinyin."""

from __future__ import annotations

import threading
import time

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from sqlalchemy import func, select

from desktop.dialogs import issue_dialog, receipt_dialog
from desktop.dialogs.document_lines_widget import ItemPicker, load_items, run_busy
from desktop.dialogs.receipt_dialog import ReceiptDialog
from models.errors import ValidationError
from models.schema.documents import Document
from models.services.catalog import ItemInput, create_item
from tests.desktop_daily.conftest import OFFSCREEN_LIMITS

pytestmark = OFFSCREEN_LIMITS


def document_count(db) -> int:
    with db.read() as session:
        return session.scalar(select(func.count(Document.id)))


def test_ask_returns_the_entered_values_without_posting(qtbot, dctx, answers):
    def fill_and_confirm():
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, ReceiptDialog)
        dialog.item.setText("BAG")
        dialog.quantity.setText("300")
        dialog.batch.setText("WB-1")
        assert dialog.add_line()
        dialog.confirm()

    QTimer.singleShot(0, fill_and_confirm)
    request = ReceiptDialog.ask(dctx)
    assert request.store_code == "C001" and [(l.item_code, l.quantity, l.batch_no) for l in request.lines] == [
        ("BAG", 300, "WB-1")]
    assert document_count(dctx.service.db) == 0
    posted = receipt_dialog.post(dctx, request)
    assert posted.number == "RK-C001-2026-0001" and document_count(dctx.service.db) == 1


def test_cancelled_run_returns_none(qtbot, dctx, answers):
    QTimer.singleShot(0, lambda: QApplication.activeModalWidget().reject())
    assert issue_dialog.run(dctx) is None


def test_run_busy_keeps_the_event_loop_running_and_passes_errors(qtbot):
    ticks = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(5)
    worker_threads = []

    def slow_work(value):
        worker_threads.append(threading.current_thread())
        time.sleep(0.3)
        return value * 2

    assert run_busy(None, "…", slow_work, 21) == 42
    timer.stop()
    assert worker_threads[0] is not threading.main_thread()
    assert ticks  # the UI thread kept processing events while the work ran

    def failing():
        raise ValidationError("不行")

    with pytest.raises(ValidationError, match="不行"):
        run_busy(None, "…", failing)


def test_item_picker_finds_by_code_name_and_pinyin(qtbot, dctx):
    picker = ItemPicker(load_items(dctx.service))
    qtbot.addWidget(picker)
    picker.setText("w500")
    assert picker.item().code == "W500"
    for text, code in (("帐篷", "ZP12"), ("zp", "ZP12"), ("dami", "RICE")):
        picker.setText(text)
        assert picker.item() is None and picker.resolve() is None and picker.item().code == code
    picker.setText("zzzz")
    assert "没有“zzzz”" in picker.resolve()
    create_item(dctx.service, ItemInput("ZP36", "救灾帐篷", "顶", spec="36㎡"))
    picker.set_items(load_items(dctx.service))
    picker.setText("zp")
    assert "有 2 个物资" in picker.resolve()
